"""Tests for l10n.dateline_styles: every house style on the founding example and on dates that
exercise the agency month tables, casing, digits, bidi isolation, HTML, style loading."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from l10n.dateline import Dateline, month_number, parse_dateline
from l10n.dateline_styles import (
    FSI,
    PDI,
    STYLE_DATA,
    DatelineStyle,
    builtin_styles,
    format_dateline,
    format_dateline_html,
    format_sign_off_html,
    load_styles,
    style_for,
    upper_case,
)
from l10n.errors import UsageError


def _dateline(month: int | None = 5, day: int | None = 18, year: int | None = 2010) -> Dateline:
    """The founding dateline (English source, 18 May 2010), parsed fields only."""
    return Dateline(
        city="WASHINGTON", month=month, day=day, year=year, agency="RIA Novosti", style="wire",
        raw="",
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# Every style on the founding example (names localized as in datelines.md §8)

FOUNDING = [
    # (style, locale, city, agency, text, sign_off)
    ("ap", "en-US", "Washington", "RIA Novosti", "WASHINGTON (RIA Novosti) —", None),
    ("reuters", "en-GB", "Washington", "RIA Novosti", "WASHINGTON, May 18 (RIA Novosti) -", None),
    ("reuters-web", "en-GB", "Washington", "RIA Novosti", "WASHINGTON (RIA Novosti) -", None),
    ("ria", "ru", "Вашингтон", "РИА Новости", "ВАШИНГТОН, 18 мая — РИА Новости.", None),
    ("tass", "ru", "Вашингтон", "РИА Новости", "ВАШИНГТОН, 18 мая. /РИА Новости/.", None),
    ("interfax", "ru", "Вашингтон", "РИА Новости", "Вашингтон. 18 мая. РИА Новости -", None),
    ("unn", "uk", "Вашингтон", "РІА Новини", "ВАШИНГТОН. 18 травня. РІА Новини.", None),
    ("dpa", "de", "Washington", "RIA Novosti", "Washington (RIA Novosti) -", None),
    ("afp", "fr", "Washington", "RIA Novosti", "Washington (RIA Novosti) -", None),
    ("efe", "es", "Washington", "RIA Novosti", "Washington, 18 may (RIA Novosti).-", None),
    ("ansa", "it", "Washington", "RIA Novosti", "(RIA Novosti) - WASHINGTON, 18 MAG -", "(RIA Novosti)."),
    ("pt-wire", "pt-BR", "Washington", "RIA Novosti", "Washington, 18 mai (RIA Novosti) --", None),
    ("pap", "pl", "Waszyngton", "RIA Nowosti", "", "(RIA Nowosti)"),
    ("aa", "tr", "Washington", "RIA Novosti", "WASHINGTON (RIA Novosti) -", None),
    ("afp-ar", "ar", "واشنطن", "ريا نوفوستي", "واشنطن (ريا نوفوستي) -", None),
    ("xinhua-ar", "ar", "واشنطن", "ريا نوفوستي", "واشنطن 18 مايو 2010 (ريا نوفوستي)", None),
    ("xinhua", "zh-Hans", "华盛顿", "俄新社", "俄新社华盛顿5月18日电", None),
    ("kyodo", "ja", "ワシントン", "ロシア通信", "【ワシントン＝ロシア通信】", None),
    ("yonhap", "ko", "워싱턴", "리아노보스티", "(워싱턴=리아노보스티)", None),
    ("pti", "hi", "वाशिंगटन", "आरआईए नोवोस्ती", "वाशिंगटन, 18 मई (आरआईए नोवोस्ती)", None),
    ("irna", "fa", "واشنگتن", "ریانووستی", "به گزارش ریانووستی از واشنگتن،", None),
    ("plain", "he", "וושינגטון", "RIA Novosti", f"וושינגטון ({FSI}RIA Novosti{PDI}) -", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "locale", "city", "agency", "text", "sign_off"), FOUNDING, ids=[c[0] for c in FOUNDING]
)
def test_founding_example_in_every_style(
    name: str, locale: str, city: str, agency: str, text: str, sign_off: str | None
) -> None:
    formatted = format_dateline(
        _dateline(), locale, city=city, agency=agency, style=style_for(locale, name)
    )
    assert formatted.text == text
    assert formatted.sign_off == sign_off
    assert formatted.style == name
    assert formatted.iso_date == "2010-05-18"
    assert not formatted.text.endswith(" ")


def test_every_builtin_style_is_in_the_table() -> None:
    assert {c[0] for c in FOUNDING} == set(builtin_styles())


# The default style of each of the 18 locales of datelines.md §8 (TASS is available by name).
DEFAULTS = {
    "en-US": "ap", "en-GB": "reuters", "ru": "ria", "uk": "unn", "de": "dpa", "fr": "afp",
    "es": "efe", "it": "ansa", "pt-BR": "pt-wire", "pl": "pap", "tr": "aa", "ar": "afp-ar",
    "zh-Hans": "xinhua", "ja": "kyodo", "ko": "yonhap", "hi": "pti", "fa": "irna",
    # CLDR parents and the fallback
    "en": "ap", "en-AU": "ap", "es-MX": "efe", "pt-PT": "pt-wire", "ar-EG": "afp-ar",
    "de-AT": "dpa", "zh": "xinhua", "zh-Hant": "plain", "he": "plain", "nl": "plain",
}  # fmt: skip


@pytest.mark.parametrize(("locale", "name"), DEFAULTS.items())
def test_default_style_per_locale(locale: str, name: str) -> None:
    assert style_for(locale).name == name


def test_default_style_is_used_by_format_dateline() -> None:
    formatted = format_dateline(_dateline(), "ru", city="Вашингтон", agency="РИА Новости")
    assert formatted.text == "ВАШИНГТОН, 18 мая — РИА Новости."
    assert formatted.style == "ria"
    assert formatted.locale == "ru"
    assert formatted.date_text == "18 мая"
    assert formatted.city == "ВАШИНГТОН"
    assert formatted.agency == "РИА Новости"
    assert formatted.separator == " "


# --------------------------------------------------------------------------------------------
# Month tables and CLDR months on other dates

OTHER_DATES = [
    # (style, locale, city, agency, month, day, text)
    ("reuters", "en-GB", "London", "Reuters", 9, 2, "LONDON, Sept 2 (Reuters) -"),
    ("reuters", "en-GB", "London", "Reuters", 11, 29, "LONDON, Nov 29 (Reuters) -"),
    ("reuters", "en-GB", "London", "Reuters", 3, 4, "LONDON, March 4 (Reuters) -"),
    ("ria", "ru", "Москва", "РИА Новости", 11, 29, "МОСКВА, 29 ноя — РИА Новости."),
    ("ria", "ru", "Стокгольм", "РИА Новости", 12, 2, "СТОКГОЛЬМ, 2 дек — РИА Новости."),
    ("ria", "ru", "Москва", "РИА Новости", 9, 2, "МОСКВА, 2 сен — РИА Новости."),
    ("tass", "ru", "Москва", "ТАСС", 12, 18, "МОСКВА, 18 декабря. /ТАСС/."),
    ("unn", "uk", "Київ", "УНН", 4, 24, "КИЇВ. 24 квітня. УНН."),
    ("efe", "es", "Toronto", "EFE", 9, 9, "Toronto, 9 sep (EFE).-"),
    ("efe", "es", "Miami", "EFE", 11, 29, "Miami, 29 nov (EFE).-"),
    ("ansa", "it", "Roma", "ANSA", 11, 23, "(ANSA) - ROMA, 23 NOV -"),
    ("ansa", "it", "Mosca", "ANSA", 9, 2, "(ANSA) - MOSCA, 2 SET -"),
    ("ansa", "it", "Città del Vaticano", "ANSA", 7, 1, "(ANSA) - CITTÀ DEL VATICANO, 1 LUG -"),
    ("pt-wire", "pt-BR", "Beijing", "Xinhua", 6, 6, "Beijing, 6 jun (Xinhua) --"),
    ("pt-wire", "pt-BR", "Brasília", "Agência Brasil", 10, 2, "Brasília, 2 out (Agência Brasil) --"),
    ("xinhua", "zh-Hans", "北京", "新华社", 4, 16, "新华社北京4月16日电"),
    ("pti", "hi", "नयी दिल्ली", "भाषा", 9, 2, "नयी दिल्ली, 2 सितंबर (भाषा)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "locale", "city", "agency", "month", "day", "text"),
    OTHER_DATES,
    ids=[f"{c[0]}-{c[4]}-{c[5]}" for c in OTHER_DATES],
)
def test_month_forms(
    name: str, locale: str, city: str, agency: str, month: int, day: int, text: str
) -> None:
    dateline = _dateline(month, day, None)
    style = style_for(locale, name)
    assert format_dateline(dateline, locale, city=city, agency=agency, style=style).text == text


@pytest.mark.parametrize(("name", "language"), [("reuters", "en"), ("ria", "ru"), ("efe", "es"),
                                                ("pt-wire", "pt")])  # fmt: skip
def test_month_tables_read_back(name: str, language: str) -> None:
    """The writer's agency months are months the dateline reader understands."""
    months = builtin_styles()[name].months
    assert [month_number(m, (language,)) for m in months] == list(range(1, 13))


ROUND_TRIP = [
    ("ap", "en-US", "Washington", "RIA Novosti"),
    ("reuters", "en-GB", "Washington", "RIA Novosti"),
    ("ria", "ru", "Вашингтон", "РИА Новости"),
    ("tass", "ru", "Вашингтон", "РИА Новости"),
    ("interfax", "ru", "Вашингтон", "РИА Новости"),
    ("unn", "uk", "Вашингтон", "РІА Новини"),
    ("dpa", "de", "Washington", "RIA Novosti"),
    ("efe", "es", "Washington", "RIA Novosti"),
    ("ansa", "it", "Washington", "RIA Novosti"),
    ("pt-wire", "pt-BR", "Washington", "RIA Novosti"),
    ("aa", "tr", "Washington", "RIA Novosti"),
    ("afp-ar", "ar", "واشنطن", "ريا نوفوستي"),
    ("xinhua-ar", "ar", "واشنطن", "ريا نوفوستي"),
    ("xinhua", "zh-Hans", "华盛顿", "新华社"),
    ("kyodo", "ja", "ワシントン", "共同"),
    ("yonhap", "ko", "워싱턴", "리아노보스티"),
    ("pti", "hi", "वाशिंगटन", "आरआईए नोवोस्ती"),
]


# --------------------------------------------------------------------------------------------
# The city's region (state, country): printed by the styles of datelines.md that print one
# (AP §2.1 after a comma, EFE §2.8 in parentheses), left out by every other style.

REGIONS = [
    # (style, locale, city, region, agency, month, day, text)
    ("ap", "en-US", "Dayton", "Ohio", "AP", None, None, "DAYTON, Ohio (AP) —"),
    ("ap", "en-US", "Raleigh", "N.C.", "AP", None, None, "RALEIGH, N.C. (AP) —"),
    ("ap", "en-US", "Cuenca", "Ecuador", "EFE", 11, 14, "CUENCA, Ecuador (EFE) —"),
    ("efe", "es", "Cuenca", "Ecuador", "EFE", 11, 14, "Cuenca (Ecuador), 14 nov (EFE).-"),
    ("efe", "es", "Dayton", "EE.UU.", "AP", None, None, "Dayton (EE.UU.) (AP).-"),
    ("reuters", "en-GB", "Sydney", "Australia", "Reuters", 2, 8, "SYDNEY, Feb 8 (Reuters) -"),
    ("dpa", "de", "Cuenca", "Ecuador", "EFE", 11, 14, "Cuenca (EFE) -"),
    ("afp", "fr", "Dayton", "Ohio", "AP", None, None, "Dayton (AP) -"),
    ("ria", "ru", "Куэнка", "Эквадор", "EFE", 11, 14, "КУЭНКА, 14 ноя — EFE."),
    ("ansa", "it", "Cuenca", "Ecuador", "EFE", 11, 14, "(EFE) - CUENCA, 14 NOV -"),
    ("pt-wire", "pt-BR", "Cuenca", "Equador", "EFE", 11, 14, "Cuenca, 14 nov (EFE) --"),
    ("aa", "tr", "Dayton", "Ohio", "AP", None, None, "DAYTON (AP) -"),
    ("kyodo", "ja", "クエンカ", "エクアドル", "EFE", 11, 14, "【クエンカ＝EFE】"),
    ("xinhua", "zh-Hans", "昆卡", "厄瓜多尔", "新华社", 11, 14, "新华社昆卡11月14日电"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "locale", "city", "region", "agency", "month", "day", "text"), REGIONS,
    ids=[f"{c[0]}-{c[2]}" for c in REGIONS],
)
def test_region_only_where_the_style_prints_one(
    name: str, locale: str, city: str, region: str, agency: str, month: int | None,
    day: int | None, text: str,
) -> None:
    style = style_for(locale, name)
    formatted = format_dateline(_dateline(month, day, None), locale, city=city, agency=agency,
                                style=style, region=region)
    assert formatted.text == text
    assert style.prints_region is (name in ("ap", "efe"))
    assert formatted.region == (region if style.prints_region else None)
    assert [k for k, _ in formatted.parts].count("region") == (1 if style.prints_region else 0)
    without = format_dateline(_dateline(month, day, None), locale, city=city, agency=agency,
                              style=style)
    assert without.region is None and "region" not in [k for k, _ in without.parts]


def test_region_in_html_is_escaped_and_isolated() -> None:
    formatted = format_dateline(_dateline(None, None, None), "ar", city="دايتون",
                                agency="AP", style=style_for("ar", "ap"), region="<b>Ohio</b>")
    assert format_dateline_html(formatted) == (
        '<p class="dateline">دايتون, <bdi lang="en">&lt;b&gt;Ohio&lt;/b&gt;</bdi> '
        '(<bdi lang="en">AP</bdi>) —</p>')


@pytest.mark.parametrize(("name", "locale", "city", "region", "text"), [
    ("ap", "en-US", "Dayton", "Ohio", "DAYTON, Ohio (AP) —"),
    ("efe", "es", "Cuenca", "Ecuador", "Cuenca (Ecuador), 14 nov (AP).-"),
])
def test_written_regions_parse_back(name: str, locale: str, city: str, region: str,
                                    text: str) -> None:
    written = format_dateline(_dateline(11, 14, None), locale, city=city, agency="AP",
                              style=style_for(locale, name), region=region)
    assert written.text == text
    parsed = parse_dateline(written.text)
    assert parsed is not None
    assert (parsed.city, parsed.region, parsed.agency) == (written.city, region, "AP")


@pytest.mark.parametrize(("name", "locale", "city", "agency"), ROUND_TRIP,
                         ids=[c[0] for c in ROUND_TRIP])  # fmt: skip
def test_written_datelines_parse_back(name: str, locale: str, city: str, agency: str) -> None:
    style = style_for(locale, name)
    for month, day in ((5, 18), (9, 2), (11, 29)):
        written = format_dateline(
            _dateline(month, day), locale, city=city, agency=agency, style=style
        )
        parsed = parse_dateline(written.text)
        assert parsed is not None, written.text
        assert parsed.agency == agency
        assert parsed.city == written.city
        if style.prints_date:
            assert (parsed.month, parsed.day) == (month, day)


# --------------------------------------------------------------------------------------------
# Casing


@pytest.mark.parametrize(
    ("city", "turkish", "expected"),
    [
        ("Edirne", True, "EDİRNE (AA) -"),
        ("Edirne", False, "EDIRNE (AA) -"),
        ("Washington", False, "WASHINGTON (AA) -"),
        ("Şanlıurfa", True, "ŞANLIURFA (AA) -"),
        ("Diyarbakır", True, "DİYARBAKIR (AA) -"),
        ("İstanbul", True, "İSTANBUL (AA) -"),
        ("İstanbul", False, "İSTANBUL (AA) -"),
    ],
)
def test_turkish_casing(city: str, turkish: bool, expected: str) -> None:
    formatted = format_dateline(
        _dateline(None, None, None), "tr", city=city, agency="AA", turkish_casing=turkish
    )
    assert formatted.text == expected


def test_german_sharp_s_and_other_scripts() -> None:
    ap = style_for("en", "ap")
    assert format_dateline(_dateline(), "de", city="Gießen", agency="dpa", style=ap).text == (
        "GIESSEN (dpa) —"
    )
    assert upper_case("Straße") == "STRASSE"
    assert upper_case("Київ") == "КИЇВ"
    assert upper_case("Città") == "CITTÀ"
    assert upper_case("华盛顿") == "华盛顿"


def test_agency_is_never_recased() -> None:
    formatted = format_dateline(_dateline(), "en-US", city="Hamburg", agency="dpa/lno")
    assert formatted.text == "HAMBURG (dpa/lno) —"


# --------------------------------------------------------------------------------------------
# Dates: year, missing parts, digits


def test_yearless_and_dated_iso() -> None:
    ria = style_for("ru")
    dated = format_dateline(_dateline(), "ru", city="Вашингтон", agency="РИА Новости")
    yearless = format_dateline(_dateline(year=None), "ru", city="Вашингтон", agency="РИА Новости")
    assert dated.iso_date == "2010-05-18"
    assert yearless.iso_date == "05-18"
    assert dated.text == yearless.text
    forced = format_dateline(
        _dateline(), "ru", city="Вашингтон", agency=None, style=ria, year_known=False
    )
    assert forced.iso_date == "05-18"
    with pytest.raises(ValueError, match="no year"):
        format_dateline(_dateline(year=None), "ru", city="X", agency=None, year_known=True)


def test_leap_day_without_year() -> None:
    formatted = format_dateline(_dateline(2, 29, None), "ru", city="Москва", agency=None)
    assert formatted.iso_date == "02-29"
    assert formatted.text == "МОСКВА, 29 фев."


def test_year_skeleton_drops_unknown_year() -> None:
    style = style_for("ar", "xinhua-ar")
    formatted = format_dateline(
        _dateline(year=None), "ar", city="بكين", agency="شينخوا", style=style
    )
    assert formatted.text == "بكين 18 مايو (شينخوا)"


def test_missing_agency_and_date_drop_their_parts() -> None:
    no_agency = _dateline()
    assert format_dateline(no_agency, "ru", city="Москва", agency=None).text == "МОСКВА, 18 мая."
    assert format_dateline(no_agency, "en-US", city="Seattle", agency="").text == "SEATTLE —"
    assert format_dateline(no_agency, "zh-Hans", city="北京", agency=None).text == "北京5月18日电"
    ansa = format_dateline(no_agency, "it", city="Roma", agency=None)
    assert (ansa.text, ansa.sign_off) == ("ROMA, 18 MAG -", None)
    undated = format_dateline(_dateline(None, None, None), "ru", city="Москва", agency="ТАСС")
    assert undated.text == "МОСКВА — ТАСС."
    assert undated.iso_date is None and undated.date_text is None


def test_japanese_own_agency_is_glued() -> None:
    formatted = format_dateline(_dateline(), "ja", city="モスクワ", agency="共同")
    assert formatted.text == "【モスクワ共同】"
    assert formatted.separator == ""


def test_date_digits_follow_the_locale() -> None:
    style = style_for("ar", "xinhua-ar")
    egypt = format_dateline(_dateline(), "ar-EG", city="القاهرة", agency="شينخوا", style=style)
    assert egypt.text == "القاهرة ١٨ مايو ٢٠١٠ (شينخوا)"
    latin = dataclasses.replace(style, digits="latn")
    assert format_dateline(
        _dateline(), "ar-EG", city="القاهرة", agency="شينخوا", style=latin
    ).text == ("القاهرة 18 مايو 2010 (شينخوا)")
    styles = load_styles({"ria": {"digits": "arabext"}})
    assert format_dateline(_dateline(11, 29), "ru", city="Москва", agency=None,
                           style=styles["ria"]).text == "МОСКВА, ۲۹ ноя."  # fmt: skip


# --------------------------------------------------------------------------------------------
# Bidi and HTML


def test_rtl_isolates_latin_agency() -> None:
    formatted = format_dateline(_dateline(), "ar", city="واشنطن", agency="RIA Novosti")
    assert formatted.text == f"واشنطن ({FSI}RIA Novosti{PDI}) -"
    assert formatted.agency == "RIA Novosti"
    assert format_dateline_html(formatted) == (
        '<p class="dateline">واشنطن (<bdi lang="en">RIA Novosti</bdi>) -</p>'
    )
    assert format_dateline_html(formatted, latin_lang=None) == (
        '<p class="dateline">واشنطن (<bdi>RIA Novosti</bdi>) -</p>'
    )


def test_rtl_isolates_cyrillic_without_lang_and_ltr_isolates_arabic() -> None:
    cyrillic = format_dateline(_dateline(), "ar", city="واشنطن", agency="РИА Новости")
    assert format_dateline_html(cyrillic) == (
        '<p class="dateline">واشنطن (<bdi>РИА Новости</bdi>) -</p>'
    )
    arabic = format_dateline(_dateline(), "en-US", city="Cairo", agency="أ ف ب")
    assert arabic.text == f"CAIRO ({FSI}أ ف ب{PDI}) —"
    assert format_dateline_html(arabic) == '<p class="dateline">CAIRO (<bdi>أ ف ب</bdi>) —</p>'


def test_rtl_native_names_are_not_isolated() -> None:
    formatted = format_dateline(_dateline(), "ar", city="واشنطن", agency="ريا نوفوستي")
    assert FSI not in formatted.text
    assert "<bdi" not in format_dateline_html(formatted)


def test_html_with_time_element() -> None:
    formatted = format_dateline(_dateline(), "ru", city="Вашингтон", agency="РИА Новости")
    assert format_dateline_html(formatted) == (
        '<p class="dateline">ВАШИНГТОН, <time datetime="2010-05-18">18 мая</time>'
        " — РИА Новости.</p>"
    )
    yearless = format_dateline(_dateline(year=None), "zh-Hans", city="华盛顿", agency="俄新社")
    assert format_dateline_html(yearless, element="span", css_class="dl") == (
        '<span class="dl">俄新社华盛顿<time datetime="05-18">5月18日</time>电</span>'
    )


def test_html_escapes_every_inserted_string() -> None:
    formatted = format_dateline(
        _dateline(), "de", city="<script>alert(1)</script>", agency="Tom & Jerry"
    )
    html = format_dateline_html(formatted)
    assert html == (
        '<p class="dateline">&lt;script&gt;alert(1)&lt;/script&gt; (Tom &amp; Jerry) -</p>'
    )
    assert "<script>" not in html
    calls: list[str] = []

    def escape(text: str) -> str:
        calls.append(text)
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    format_dateline_html(formatted, escape=escape, css_class='x" onclick="y')
    assert "<script>alert(1)</script>" in calls and 'x" onclick="y' in calls


def test_html_sign_off_and_no_dateline() -> None:
    formatted = format_dateline(_dateline(), "pl", city="Waszyngton", agency="RIA Nowosti")
    assert format_dateline_html(formatted) == ""
    assert format_sign_off_html(formatted) == '<span class="sign-off">(RIA Nowosti)</span>'
    ansa = format_dateline(_dateline(), "it", city="Washington", agency="RIA Novosti")
    assert format_sign_off_html(ansa, element="p") == '<p class="sign-off">(RIA Novosti).</p>'
    ria = format_dateline(_dateline(), "ru", city="Вашингтон", agency="РИА Новости")
    assert format_sign_off_html(ria) == ""


# --------------------------------------------------------------------------------------------
# Style data, loading and validation


def test_shipped_style_file_is_valid_toml_with_known_keys() -> None:
    tables = tomllib.loads(STYLE_DATA.read_text(encoding="utf-8"))
    assert set(tables) == set(builtin_styles())
    assert all(isinstance(style, DatelineStyle) for style in builtin_styles().values())
    with pytest.raises(TypeError):
        builtin_styles()["x"] = builtin_styles()["ap"]  # type: ignore[index]


def test_agency_position() -> None:
    styles = builtin_styles()
    assert styles["ansa"].agency_position == "before"
    assert styles["xinhua"].agency_position == "before"
    assert styles["ria"].agency_position == "after"
    assert styles["pap"].agency_position == "end"
    custom = load_styles({"bare": {"pattern": "{city} -"}})["bare"]
    assert custom.agency_position == "none"
    assert not custom.prints_date


def test_extra_style_merges_over_builtin() -> None:
    styles = load_styles({"ria": {"pattern": "{city}[, {date}][ - {agency}]."}})
    formatted = format_dateline(_dateline(11, 29), "ru", city="Москва", agency="РИА Новости",
                                style=styles["ria"])  # fmt: skip
    assert formatted.text == "МОСКВА, 29 ноя - РИА Новости."
    assert styles["ria"].locales == ("ru",)
    assert builtin_styles()["ria"].pattern == "{city}[, {date}][ — {agency}]."


def test_extra_style_takes_a_locale() -> None:
    extra = {"house": {"pattern": "{city}[ ({agency})]:", "locales": ["ru"], "city_case": "upper"}}
    assert style_for("ru", extra=extra).name == "house"
    assert load_styles(extra)["ria"].locales == ()
    assert style_for("ru", "ria", extra=extra).name == "ria"
    assert style_for("ru").name == "ria"  # the shipped default is untouched


@pytest.mark.parametrize(
    ("extra", "match"),
    [
        ({"ria": {"citycase": "upper"}}, "unknown key 'citycase'; did you mean 'city_case'"),
        ({"x": {"pattern": "{city} -", "city_case": "shout"}}, "key 'city_case'"),
        ({"x": {"city_case": "upper"}}, "'x', key 'pattern': missing"),
        ({"x": {"pattern": "{town} -"}}, r"unknown placeholder \{town\}"),
        ({"x": {"pattern": "{city} ({agency}) -"}}, r"\{agency\} must be inside"),
        ({"ap": {"pattern": "{city}, {region} -"}}, r"'ap', key 'pattern': \{region\} must be"),
        ({"x": {"pattern": "{city}[ ({agency}) -"}}, "'\\[' without '\\]'"),
        ({"x": {"pattern": "{city}] -"}}, "'\\]' without '\\['"),
        ({"x": {"pattern": "[[{city}]]"}}, "cannot nest"),
        ({"x": {"pattern": "{city} { -"}}, "unmatched '{'"),
        ({"x": {"pattern": "[({agency}) ]-"}}, r"must contain \{city\}"),
        ({"x": {"pattern": "{city}[, {date}]", "date": "table"}}, "key 'months': needs 12"),
        ({"ria": {"months": ["янв"] * 11}}, "key 'months': needs 12 month names, got 11"),
        ({"ria": {"months": [1] * 12}}, "key 'months': must be a list of non-empty strings"),
        ({"x": {"pattern": "{city}[, {date}]"}}, "prints {date} but date = 'none'"),
        ({"x": {"pattern": "{city}", "date": "cldr"}}, "has no {date}"),
        ({"tass": {"skeleton": "yMMMMdHm"}}, "key 'skeleton'"),
        ({"ria": {"date_pattern": "{month}"}}, "key 'date_pattern': needs {day} and {month}"),
        ({"ria": {"date_pattern": "{day} {mon}"}}, r"unknown placeholder \{mon\}"),
        ({"ria": {"digits": "roman"}}, "key 'digits': unknown numbering system 'roman'"),
        ({"ria": {"locales": ["xx-nowhere"]}}, "'ria', key 'locales': unknown locale"),
        ({"ria": {"locales": "ru"}}, "key 'locales': must be a list"),
        ({"ria": {"pattern": 5}}, "key 'pattern': must be a string"),
        ({"a": {"pattern": "{city}", "locales": ["ru"]},
          "b": {"pattern": "{city}", "locales": ["ru"]}}, "locale ru is already 'a'"),
        ({"x": "{city} -"}, "'x': must be a table"),
        ({"Bad Name": {"pattern": "{city}"}}, "style names are"),
        ({"kyodo": {"own_pattern": ""}}, "own_agencies needs an own_pattern"),
        ({"dpa": {"months": ["x"] * 12}}, "month names need date = 'table'"),
    ],
)  # fmt: skip
def test_bad_extra_styles(extra: dict, match: str) -> None:
    with pytest.raises(UsageError, match=match):
        load_styles(extra)


def test_extra_must_be_a_table_and_names_must_exist() -> None:
    with pytest.raises(UsageError, match="must be a table of style tables"):
        load_styles(["ria"])  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="unknown dateline style 'rai'; did you mean 'ria'"):
        style_for("ru", "rai")
    assert load_styles(None) == dict(builtin_styles())
    assert load_styles({}) == dict(builtin_styles())
