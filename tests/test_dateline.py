"""Tests for l10n.dateline: recognised house styles, false positives, robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.dateline import Dateline, parse_dateline, split_dateline


def _case(
    case_id: str,
    text: str,
    raw: str,
    rest: str,
    *,
    city: str | None,
    style: str,
    agency: str | None = None,
    month: int | None = None,
    day: int | None = None,
    year: int | None = None,
    region: str | None = None,
) -> object:
    expected = Dateline(
        city=city, month=month, day=day, year=year, agency=agency, style=style, raw=raw,
        region=region,
    )
    return pytest.param(text, expected, rest, id=case_id)


POSITIVES = [
    # wire / reuters
    _case(
        "wire-ria-english-standalone",
        "WASHINGTON, May 18 (RIA Novosti)",
        "WASHINGTON, May 18 (RIA Novosti)",
        "",
        city="WASHINGTON", month=5, day=18, agency="RIA Novosti", style="wire",
    ),
    _case(
        "wire-with-year",
        "WASHINGTON, May 18, 2010 (RIA Novosti) The U.S. administration",
        "WASHINGTON, May 18, 2010 (RIA Novosti)",
        "The U.S. administration",
        city="WASHINGTON", month=5, day=18, year=2010, agency="RIA Novosti", style="wire",
    ),
    _case(
        "reuters-en-dash",
        "LONDON, Feb 8 (Reuters) – Britain slapped an extra",
        "LONDON, Feb 8 (Reuters) –",
        "Britain slapped an extra",
        city="LONDON", month=2, day=8, agency="Reuters", style="reuters",
    ),
    _case(
        "reuters-web-no-date",
        "LONDON (Reuters) - Britain could look at further reductions",
        "LONDON (Reuters) -",
        "Britain could look at further reductions",
        city="LONDON", agency="Reuters", style="reuters",
    ),
    _case(
        "wire-date-only-sept",
        "LONDON, Sept 22 Britain's FTSE 100 index is seen opening",
        "LONDON, Sept 22",
        "Britain's FTSE 100 index is seen opening",
        city="LONDON", month=9, day=22, style="wire",
    ),
    _case(
        "wire-newspaper-country-qualifier",
        "BEIRUT, Lebanon, June 2 — Clashes resumed",
        "BEIRUT, Lebanon, June 2 —",
        "Clashes resumed",
        city="BEIRUT", region="Lebanon", month=6, day=2, style="wire",
    ),
    _case(
        "wire-portuguese-xinhua",
        "Beijing, 6 jun (Xinhua) -- Com a cúpula",
        "Beijing, 6 jun (Xinhua) --",
        "Com a cúpula",
        city="Beijing", month=6, day=6, agency="Xinhua", style="wire",
    ),
    _case(
        "wire-portuguese-out",
        "Brasília, 18 out (Reuters) - O governo",
        "Brasília, 18 out (Reuters) -",
        "O governo",
        city="Brasília", month=10, day=18, agency="Reuters", style="reuters",
    ),
    _case(
        "wire-italian-lapresse",
        "Roma, 8 nov. (LaPresse) – Il presidente",
        "Roma, 8 nov. (LaPresse) –",
        "Il presidente",
        city="Roma", month=11, day=8, agency="LaPresse", style="wire",
    ),
    _case(
        "wire-europa-press-no-comma",
        "WASHINGTON 5 Ene. (EP/AP) - La Casa Blanca",
        "WASHINGTON 5 Ene. (EP/AP) -",
        "La Casa Blanca",
        city="WASHINGTON", month=1, day=5, agency="EP/AP", style="wire",
    ),
    _case(
        "wire-polish-genitive",
        "WARSZAWA, 18 maja (PAP) - Prezydent",
        "WARSZAWA, 18 maja (PAP) -",
        "Prezydent",
        city="WARSZAWA", month=5, day=18, agency="PAP", style="wire",
    ),
    _case(
        "wire-ukrainian-genitive",
        "КИЇВ, 18 травня (Укрінформ) - Президент",
        "КИЇВ, 18 травня (Укрінформ) -",
        "Президент",
        city="КИЇВ", month=5, day=18, agency="Укрінформ", style="wire",
    ),
    _case(
        "wire-turkish-caps-month",
        "İSTANBUL, 5 MAYIS (AA) - Metin",
        "İSTANBUL, 5 MAYIS (AA) -",
        "Metin",
        city="İSTANBUL", month=5, day=5, agency="AA", style="aa",
    ),
    _case(
        "wire-arabic-xinhua-year",
        "بكين 16 نوفمبر 2017 (شينخوا) أعلنت الصين",
        "بكين 16 نوفمبر 2017 (شينخوا)",
        "أعلنت الصين",
        city="بكين", month=11, day=16, year=2017, agency="شينخوا", style="wire",
    ),
    _case(
        "pti-no-joiner",
        "New Delhi, Feb 11 (PTI) The Delhi High Court",
        "New Delhi, Feb 11 (PTI)",
        "The Delhi High Court",
        city="New Delhi", month=2, day=11, agency="PTI", style="pti",
    ),
    # ap
    _case(
        "ap-washington",
        "WASHINGTON (AP) — Andre Pittman and Gregory Cornes are on a mission",
        "WASHINGTON (AP) —",
        "Andre Pittman and Gregory Cornes are on a mission",
        city="WASHINGTON", agency="AP", style="ap",
    ),
    _case(
        "ap-state-abbreviation",
        "RALEIGH, N.C. (AP) — North Carolina's Republican Party chairman",
        "RALEIGH, N.C. (AP) —",
        "North Carolina's Republican Party chairman",
        city="RALEIGH", region="N.C.", agency="AP", style="ap",
    ),
    _case(
        "ap-state-minn",
        "BLOOMINGTON, Minn. (AP) — Eli Manning is looking ahead.",
        "BLOOMINGTON, Minn. (AP) —",
        "Eli Manning is looking ahead.",
        city="BLOOMINGTON", region="Minn.", agency="AP", style="ap",
    ),
    _case(
        "ap-ascii-hyphen",
        "WASHINGTON (AP) - Uncomfortably close to a deadline",
        "WASHINGTON (AP) -",
        "Uncomfortably close to a deadline",
        city="WASHINGTON", agency="AP", style="ap",
    ),
    _case(
        "ap-glued-em-dash",
        "SEATTLE (AP)—It was designed as",
        "SEATTLE (AP)—",
        "It was designed as",
        city="SEATTLE", agency="AP", style="ap",
    ),
    _case(
        "ap-shape-sputnik",
        "MOSCOW (Sputnik) - The Russian Defense Ministry",
        "MOSCOW (Sputnik) -",
        "The Russian Defense Ministry",
        city="MOSCOW", agency="Sputnik", style="ap",
    ),
    _case(
        "aa-turkish",
        "ŞANLIURFA (AA) - Gıda Tarım ve Hayvancılık Bakanı",
        "ŞANLIURFA (AA) -",
        "Gıda Tarım ve Hayvancılık Bakanı",
        city="ŞANLIURFA", agency="AA", style="aa",
    ),
    _case(
        "ap-shape-arabic-afp",
        "واشنطن (أ ف ب) - أعلن الرئيس الأمريكي",
        "واشنطن (أ ف ب) -",
        "أعلن الرئيس الأمريكي",
        city="واشنطن", agency="أ ف ب", style="afp",
    ),
    # ria / regnum
    _case(
        "ria-may",
        "МОСКВА, 18 мая — РИА Новости. Россия заинтересована",
        "МОСКВА, 18 мая — РИА Новости.",
        "Россия заинтересована",
        city="МОСКВА", month=5, day=18, agency="РИА Новости", style="ria",
    ),
    _case(
        "ria-november",
        "МОСКВА, 29 ноя — РИА Новости. Россия продолжит",
        "МОСКВА, 29 ноя — РИА Новости.",
        "Россия продолжит",
        city="МОСКВА", month=11, day=29, agency="РИА Новости", style="ria",
    ),
    _case(
        "ria-hyphen-mirror",
        "СТОКГОЛЬМ, 2 дек - РИА Новости. Глава МИД РФ Сергей Лавров",
        "СТОКГОЛЬМ, 2 дек - РИА Новости.",
        "Глава МИД РФ Сергей Лавров",
        city="СТОКГОЛЬМ", month=12, day=2, agency="РИА Новости", style="ria",
    ),
    _case(
        "ria-june",
        "МОСКВА, 2 июн — РИА Новости. Президент России",
        "МОСКВА, 2 июн — РИА Новости.",
        "Президент России",
        city="МОСКВА", month=6, day=2, agency="РИА Новости", style="ria",
    ),
    _case(
        "regnum-year-time",
        "Киев, 18 мая, 2023, 05:52 — ИА Регнум. Украинские власти",
        "Киев, 18 мая, 2023, 05:52 — ИА Регнум.",
        "Украинские власти",
        city="Киев", month=5, day=18, year=2023, agency="ИА Регнум", style="regnum",
    ),
    # tass
    _case(
        "tass-may",
        "МОСКВА, 18 мая. /ТАСС/. Россия заинтересована",
        "МОСКВА, 18 мая. /ТАСС/.",
        "Россия заинтересована",
        city="МОСКВА", month=5, day=18, agency="ТАСС", style="tass",
    ),
    _case(
        "tass-january",
        "МОСКВА, 16 января. /ТАСС/. Россия заинтересована в переговорном",
        "МОСКВА, 16 января. /ТАСС/.",
        "Россия заинтересована в переговорном",
        city="МОСКВА", month=1, day=16, agency="ТАСС", style="tass",
    ),
    # unn / interfax
    _case(
        "unn-ukrainian",
        "КИЇВ. 24 квітня. УНН. На Київщині",
        "КИЇВ. 24 квітня. УНН.",
        "На Київщині",
        city="КИЇВ", month=4, day=24, agency="УНН", style="unn",
    ),
    _case(
        "unn-russian-edition",
        "КИЕВ. 18 мая. УНН. После обнаружения",
        "КИЕВ. 18 мая. УНН.",
        "После обнаружения",
        city="КИЕВ", month=5, day=18, agency="УНН", style="unn",
    ),
    _case(
        "interfax",
        "Москва. 3 апреля. INTERFAX.RU - Сборная России",
        "Москва. 3 апреля. INTERFAX.RU -",
        "Сборная России",
        city="Москва", month=4, day=3, agency="INTERFAX.RU", style="interfax",
    ),
    # dpa / afp
    _case(
        "dpa-berlin",
        "Berlin (dpa) - Zum Besuch von",
        "Berlin (dpa) -",
        "Zum Besuch von",
        city="Berlin", agency="dpa", style="dpa",
    ),
    _case(
        "dpa-regional-service",
        "Hamburg (dpa/lno) - Zahlreiche Einsatzkräfte der Hamburger Polizei",
        "Hamburg (dpa/lno) -",
        "Zahlreiche Einsatzkräfte der Hamburger Polizei",
        city="Hamburg", agency="dpa/lno", style="dpa",
    ),
    _case(
        "afp-caps",
        "PARIS (AFP) - Le gouvernement",
        "PARIS (AFP) -",
        "Le gouvernement",
        city="PARIS", agency="AFP", style="afp",
    ),
    _case(
        "afp-web",
        "Paris (AFP) - Un homme a tué lundi soir",
        "Paris (AFP) -",
        "Un homme a tué lundi soir",
        city="Paris", agency="AFP", style="afp",
    ),
    _case(
        "afp-shape-other-agency-multiword-city",
        "Frankfurt am Main (dpa) - Die Börse",
        "Frankfurt am Main (dpa) -",
        "Die Börse",
        city="Frankfurt am Main", agency="dpa", style="dpa",
    ),
    # efe
    _case(
        "efe-madrid",
        "Madrid, 9 sep (EFE).- El Gobierno",
        "Madrid, 9 sep (EFE).-",
        "El Gobierno",
        city="Madrid", month=9, day=9, agency="EFE", style="efe",
    ),
    _case(
        "efe-country-qualifier",
        "Toronto (Canadá), 9 sep (EFE).- Las autoridades canadienses",
        "Toronto (Canadá), 9 sep (EFE).-",
        "Las autoridades canadienses",
        city="Toronto", region="Canadá", month=9, day=9, agency="EFE", style="efe",
    ),
    _case(
        "efe-usa",
        "Miami (EE.UU.), 11 feb (EFEUSA).- La primera piedra",
        "Miami (EE.UU.), 11 feb (EFEUSA).-",
        "La primera piedra",
        city="Miami", region="EE.UU.", month=2, day=11, agency="EFEUSA", style="efe",
    ),
    _case(
        "efe-glued",
        "Lima, 3 ene (EFE).-La presidenta",
        "Lima, 3 ene (EFE).-",
        "La presidenta",
        city="Lima", month=1, day=3, agency="EFE", style="efe",
    ),
    _case(
        "efe-web-no-date",
        "BOGOTA (EFE) – El presidente",
        "BOGOTA (EFE) –",
        "El presidente",
        city="BOGOTA", agency="EFE", style="efe",
    ),
    # ansa
    _case(
        "ansa-roma",
        "(ANSA) - ROMA, 23 NOV - Non farò il presidente",
        "(ANSA) - ROMA, 23 NOV -",
        "Non farò il presidente",
        city="ROMA", month=11, day=23, agency="ANSA", style="ansa",
    ),
    _case(
        "ansa-mosca",
        '(ANSA) - MOSCA, 20 APR - "Siamo riconoscenti',
        "(ANSA) - MOSCA, 20 APR -",
        '"Siamo riconoscenti',
        city="MOSCA", month=4, day=20, agency="ANSA", style="ansa",
    ),
    _case(
        "ansa-maggio",
        "(ANSA) - MILANO, 18 MAG - La Borsa",
        "(ANSA) - MILANO, 18 MAG -",
        "La Borsa",
        city="MILANO", month=5, day=18, agency="ANSA", style="ansa",
    ),
    # xinhua
    _case(
        "xinhua-beijing",
        "新华社北京5月18日电 国务院总理",
        "新华社北京5月18日电",
        "国务院总理",
        city="北京", month=5, day=18, agency="新华社", style="xinhua",
    ),
    _case(
        "xinhua-reporters",
        "新华社华盛顿5月23日电(记者朱东阳 刘晨)当地时间5月23日，",
        "新华社华盛顿5月23日电(记者朱东阳 刘晨)",
        "当地时间5月23日，",
        city="华盛顿", month=5, day=23, agency="新华社", style="xinhua",
    ),
    _case(
        "xinhua-reporter",
        "新华社北京4月16日电(记者杨依军)外交部发言人",
        "新华社北京4月16日电(记者杨依军)",
        "外交部发言人",
        city="北京", month=4, day=16, agency="新华社", style="xinhua",
    ),
    _case(
        "xinhua-fullwidth-paren",
        "新华社莫斯科5月18日电（记者张三）俄罗斯",
        "新华社莫斯科5月18日电（记者张三）",
        "俄罗斯",
        city="莫斯科", month=5, day=18, agency="新华社", style="xinhua",
    ),
    # kyodo / jiji / ja_reporter
    _case(
        "kyodo-washington",
        "【ワシントン共同】岸田文雄首相は18日午前",
        "【ワシントン共同】",
        "岸田文雄首相は18日午前",
        city="ワシントン", agency="共同", style="kyodo",
    ),
    _case(
        "kyodo-moscow",
        "【モスクワ共同】中国の習近平国家主席は20日",
        "【モスクワ共同】",
        "中国の習近平国家主席は20日",
        city="モスクワ", agency="共同", style="kyodo",
    ),
    _case(
        "jiji",
        "【ワシントン時事】米政府は",
        "【ワシントン時事】",
        "米政府は",
        city="ワシントン", agency="時事", style="jiji",
    ),
    _case(
        "jiji-afp",
        "【パリAFP＝時事】フランス政府は",
        "【パリAFP＝時事】",
        "フランス政府は",
        city="パリ", agency="AFP＝時事", style="jiji",
    ),
    _case(
        "ja-reporter",
        "【ワシントン＝淵上隆悠】米国の",
        "【ワシントン＝淵上隆悠】",
        "米国の",
        city="ワシントン", style="ja_reporter",
    ),
    # yonhap
    _case(
        "yonhap-reporter",
        "(워싱턴=연합뉴스) 김동현 특파원 = 미국 정부는",
        "(워싱턴=연합뉴스) 김동현 특파원 =",
        "미국 정부는",
        city="워싱턴", agency="연합뉴스", style="yonhap",
    ),
    _case(
        "yonhap-1996",
        "【워싱턴=연합】 미국은",
        "【워싱턴=연합】",
        "미국은",
        city="워싱턴", agency="연합", style="yonhap",
    ),
    # ar_agency
    _case(
        "ar-agency-sana",
        "موسكو-سانا أكد وزير الخارجية",
        "موسكو-سانا",
        "أكد وزير الخارجية",
        city="موسكو", agency="سانا", style="ar_agency",
    ),
    _case(
        "ar-agency-saba-colon",
        "موسكو-سبأ: أكد وزير الخارجية",
        "موسكو-سبأ:",
        "أكد وزير الخارجية",
        city="موسكو", agency="سبأ", style="ar_agency",
    ),
    # leading whitespace is skipped, not part of raw
    _case(
        "leading-whitespace",
        "  \tBerlin (dpa) - Die Regierung",
        "Berlin (dpa) -",
        "Die Regierung",
        city="Berlin", agency="dpa", style="dpa",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "rest"), POSITIVES)
def test_split_dateline(text: str, expected: Dateline, rest: str) -> None:
    found = split_dateline(text)
    assert found is not None
    dateline, index = found
    assert dateline == expected
    assert text[index:] == rest
    start = len(text) - len(text.lstrip())
    assert text[start : start + len(dateline.raw)] == dateline.raw


@pytest.mark.parametrize(("text", "expected", "rest"), POSITIVES)
def test_parse_dateline_on_dateline_alone(text: str, expected: Dateline, rest: str) -> None:
    start = len(text) - len(text.lstrip())
    assert parse_dateline(text[start:].removesuffix(rest)) == expected
    assert parse_dateline(f"  {expected.raw}\n") == expected


@pytest.mark.parametrize(("text", "expected", "rest"), [p for p in POSITIVES if p.values[2]])
def test_parse_dateline_rejects_whole_paragraph(text: str, expected: Dateline, rest: str) -> None:
    assert parse_dateline(text) is None


NEGATIVES = [
    pytest.param(
        "Moscow expects U.S. reaction to missile defense system by year end", id="headline"
    ),
    pytest.param(
        "In February, Romania and Bulgaria said they were in talks with U.S. President "
        "Barack Obama's administration",
        id="in-february",
    ),
    pytest.param(
        "Russian President Dmitry Medvedev said at the end of April that Moscow was interested",
        id="end-of-april",
    ),
    pytest.param(
        "Medvedev said in an interview with the Danish Broadcasting Corporation (DR) that Moscow",
        id="parenthesised-acronym",
    ),
    pytest.param(
        '"Either we are together or we [Russia] have to react somehow," he said.', id="quote"
    ),
    pytest.param("Subscribe", id="subscribe"),
    pytest.param("0", id="zero"),
    pytest.param("© RIA Novosti . Sergei Subbotin", id="photo-credit"),
    pytest.param("May 18, 2010", id="bare-date"),
    pytest.param("", id="empty"),
    pytest.param("   \n\t ", id="whitespace"),
    pytest.param("Berlin, die Hauptstadt, hat 2010 mehr Einwohner gewonnen.", id="de-sentence"),
    pytest.param("Am 5. Mai (Sonntag) - kam es zu Protesten.", id="de-date-parenthesis"),
    pytest.param("Heute, 5. Mai (Sonntag) - beginnt die Messe.", id="de-comma-date"),
    pytest.param("Москва, 18 мая, стала местом встречи.", id="ru-sentence-date"),
    pytest.param("Сегодня, 18 мая — День музеев.", id="ru-dash-sentence"),
    pytest.param("Однако, по словам министра, 5 июня ничего не изменится.", id="ru-sentence"),
    pytest.param("Madrid, 9 de septiembre de 2010, fue una jornada tranquila.", id="es-sentence"),
    pytest.param("Sin embargo, el Gobierno (PSOE) - dijo", id="es-sentence-acronym"),
    pytest.param("Gazprom (GAZP) – shares rose 2%", id="ticker"),
    pytest.param("NATO (North Atlantic Treaty Organization) — the alliance", id="expansion"),
    pytest.param("BREAKING (VIDEO) - Watch the", id="caps-headline"),
    pytest.param("Putin (left) - and Medvedev", id="caption"),
    pytest.param("Moscow, May 18 was a sunny day.", id="normal-case-date-no-agency"),
    pytest.param("LONDON, Feb 30 (Reuters) - Impossible date", id="impossible-date"),
    pytest.param("LONDON, Foo 8 (Reuters) - Unknown month", id="unknown-month"),
    pytest.param("WASHINGTON, May 18 and more", id="lowercase-after-joinerless"),
    pytest.param("(PAP)", id="sign-off"),
    pytest.param("新华社记者摄", id="xinhua-photo"),
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(text: str) -> None:
    assert parse_dateline(text) is None
    assert split_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "month"),
    [
        pytest.param("ZAGREB, 5 listopada (Hina) - Tekst", 10, id="croatian-agency"),
        pytest.param("WARSZAWA, 5 listopada (PAP) - Tekst", 11, id="polish-agency"),
        pytest.param("PRAHA, 5 listopad (ČTK) - Text", 11, id="czech-agency"),
        pytest.param("ZAGREB, 5 listopada - Tekst", 11, id="no-hint-priority-order"),
    ],
)
def test_ambiguous_month_prefers_dateline_language(text: str, month: int) -> None:
    found = split_dateline(text)
    assert found is not None
    assert found[0].month == month


@pytest.mark.parametrize(
    ("text", "month"),
    [
        pytest.param("BERLIN, 18. März (dpa) - x", 3, id="de-wide"),
        pytest.param("PARIS, 18 févr. (AFP) - x", 2, id="fr-abbr"),
        pytest.param("PRAHA, 18 května (ČTK) - x", 5, id="cs-genitive"),
        pytest.param("KYIV, 18 ТРАВНЯ (УНН) - x", 5, id="uk-caps"),
        pytest.param("SEOUL, Sept. 2 (Yonhap) - x", 9, id="ap-sept"),
        pytest.param("नई दिल्ली, 18 मई (भाषा) - x", 5, id="hi"),
        pytest.param("AMSTERDAM, 18 mei (ANP) - x", 5, id="nl"),
    ],
)
def test_month_forms(text: str, month: int) -> None:
    found = split_dateline(text)
    assert found is not None
    assert found[0].month == month


# Datelines with a region, one row per house style of datelines.md that prints one (AP §2.1: US
# state or country after a comma; EFE §2.8: country in parentheses; a newspaper's dated AP form
# §2.1) and the wire shapes that allow one. Invented unless marked.
REGIONS = [
    # (text, city, region, agency, style, month, day, rest)
    ("DAYTON, Ohio (AP) — A battery maker said", "DAYTON", "Ohio", "AP", "ap", None, None,
     "A battery maker said"),
    ("SPRINGFIELD, Ill. (AP) — State lawmakers", "SPRINGFIELD", "Ill.", "AP", "ap", None, None,
     "State lawmakers"),
    ("SAN JUAN, Puerto Rico (AP) — Crews", "SAN JUAN", "Puerto Rico", "AP", "ap", None, None,
     "Crews"),
    ("RALEIGH, N.C. (AP) —", "RALEIGH", "N.C.", "AP", "ap", None, None, ""),  # §2.1, confirmed
    ("WASHINGTON, D.C., May 3 (AP) — The", "WASHINGTON", "D.C.", "AP", "ap", 5, 3, "The"),
    ("ODESSA, Texas, June 2 — Crews", "ODESSA", "Texas", None, "wire", 6, 2, "Crews"),
    ("Cuenca (Ecuador), 14 nov (EFE).- Las lluvias", "Cuenca", "Ecuador", "EFE", "efe", 11, 14,
     "Las lluvias"),
    ("Quito (Ecuador), 14 nov (EFE).-", "Quito", "Ecuador", "EFE", "efe", 11, 14, ""),  # issue 15
    ("Houston (EE.UU.), 2 mar (EFEUSA).-El", "Houston", "EE.UU.", "EFEUSA", "efe", 3, 2, "El"),
    ("SYDNEY, Australia, Feb 8 (Reuters) - A", "SYDNEY", "Australia", "Reuters", "reuters", 2, 8,
     "A"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "city", "region", "agency", "style", "month", "day", "rest"), REGIONS,
    ids=[r[0].split(" (")[0].split(",")[0].lower() + "-" + r[4] for r in REGIONS],
)
def test_region_is_a_field_of_its_own(
    text: str, city: str, region: str, agency: str | None, style: str, month: int | None,
    day: int | None, rest: str,
) -> None:
    found = split_dateline(text)
    assert found is not None
    dateline, index = found
    assert (dateline.city, dateline.region, dateline.agency, dateline.style) == (
        city, region, agency, style)
    assert (dateline.month, dateline.day, dateline.year) == (month, day, None)
    assert text[index:] == rest
    assert dateline.raw == text[: len(text) - len(rest)].rstrip()


@pytest.mark.parametrize("text", [
    pytest.param("Putin, the president (AP) — said", id="lower-case-region"),
    pytest.param("Toronto (2010), 9 sep (EFE).- Las", id="number-in-parentheses"),
])
def test_region_must_look_like_a_place(text: str) -> None:
    assert split_dateline(text) is None


def test_to_dict() -> None:
    dateline = parse_dateline("МОСКВА, 18 мая — РИА Новости.")
    assert dateline is not None
    assert dateline.to_dict() == {
        "city": "МОСКВА",
        "region": None,
        "month": 5,
        "day": 18,
        "year": None,
        "agency": "РИА Новости",
        "style": "ria",
        "raw": "МОСКВА, 18 мая — РИА Новости.",
    }


def test_dateline_only_paragraph_splits_at_end() -> None:
    text = "WASHINGTON, May 18 (RIA Novosti)"
    assert split_dateline(text) == (parse_dateline(text), len(text))


def _check_invariants(text: str) -> None:
    start = len(text) - len(text.lstrip())
    parsed = parse_dateline(text)
    if parsed is not None:
        assert text[start : start + len(parsed.raw)] == parsed.raw
        assert not text[start + len(parsed.raw) :].strip()
    split = split_dateline(text)
    if split is not None:
        dateline, index = split
        assert text[start : start + len(dateline.raw)] == dateline.raw
        assert start + len(dateline.raw) <= index <= len(text)


_REAL_DATELINES = [p.values[1].raw for p in POSITIVES]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.sampled_from(_REAL_DATELINES), st.text(max_size=40), st.text(max_size=3))
def test_never_raises_after_real_dateline(dateline: str, tail: str, lead: str) -> None:
    _check_invariants(dateline + tail)
    _check_invariants(lead + dateline + tail)
    _check_invariants(dateline[: len(tail)] + tail)


def test_shipped_cldr_month_data_matches_babel() -> None:
    """``l10n/data/cldr_months.json`` is Babel's CLDR data; regenerate with ``make cldr-data``."""
    import json

    from l10n.dateline import MONTH_DATA, cldr_month_names

    assert json.loads(MONTH_DATA.read_text(encoding="utf-8")) == cldr_month_names()
