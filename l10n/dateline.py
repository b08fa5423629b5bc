"""Dateline recognition: find the wire-agency dateline that opens (or, standing alone, ends) a
paragraph of a news article and decompose it into place, date, agency and house style.

This module owns the *reading* side of datelines: which house styles exist, what their shapes are,
and the month-name tables used to read their dates. Re-emitting a dateline in another locale is not
done here.

Recognised styles (``Dateline.style``) and their shapes; ``CITY`` is one to four words at the very
start of the text, ``D`` a day number, ``MON`` a month name (see below), ``AG`` an agency name:

``wire``
    ``CITY[ (Country)][, Region,] MON D[, YYYY] [(AG)] [- | – | — | -- | .- | .]`` or with
    ``D MON``: ``BRUSSELS, Nov 2 (RIA Novosti)``, ``LONDON, Sept 22``,
    ``Beijing, 6 jun (Xinhua) --``, ``BEIRUT, Lebanon, June 2 —``, ``بكين 16 نوفمبر 2017 (شينخوا)``.
    Without an agency the city must be in capitals and followed by a comma; without the comma an
    agency is required.
``reuters``
    the ``wire`` or ``ap`` shape with agency Reuters: ``LONDON, Feb 8 (Reuters) –``.
``ap``
    ``CITY[, Region] (AG) — `` with no date: ``RALEIGH, N.C. (AP) —``, ``MOSCOW (Sputnik) -``,
    ``واشنطن (أ ف ب) -``. Without a dash, or after a normal-case place, the agency must be a
    known one; an unknown agency needs a caps place (``KABUL (Pajhwok) -``).
``dpa``, ``afp``, ``efe``, ``pti``, ``aa``, ``interfax``
    any of the shapes above (or ``unn`` for Interfax) when the agency is dpa
    (``Hamburg (dpa/lno) -``), AFP (``Paris (AFP) -``), EFE
    (``Toronto (Canadá), 9 sep (EFE).-``), PTI (``New Delhi, Feb 11 (PTI)``),
    Anadolu (``ŞANLIURFA (AA) -``) or Interfax (``Москва. 3 апреля. INTERFAX.RU -``).
``ria``
    ``ГОРОД, D мес[, YYYY][, HH:MM] — АГЕНТСТВО.``: ``МОСКВА, 18 мая — РИА Новости.``,
    ``СТОКГОЛЬМ, 2 дек - РИА Новости.``.
``regnum``
    the ``ria`` shape with agency ИА Регнум: ``Киев, 18 мая, 2023, 05:52 — ИА Регнум.``.
``tass``
    ``ГОРОД, D месяца. /АГЕНТСТВО/.``: ``МОСКВА, 18 мая. /ТАСС/.``.
``unn``
    ``МІСТО. D місяця. АГЕНЦІЯ.`` (Ukrainian wires): ``КИЇВ. 24 квітня. УНН.``.
``ansa``
    agency first, ``(AG) - CITY, D MON -``: ``(ANSA) - ROMA, 23 NOV -``.
``xinhua``
    ``新华社CITY[YYYY年]M月D日电[(记者…)]``, also 中新社 and 本报: ``新华社北京5月18日电``,
    ``新华社华盛顿5月23日电(记者朱东阳 刘晨)``; the reporter parenthesis is part of the dateline.
``kyodo`` / ``jiji``
    ``【CITY共同】`` / ``【CITY時事】`` (also ``【CITYAFP＝時事】``); no date.
``ja_reporter``
    a Japanese paper's own correspondent, ``【CITY＝記者名】``; ``agency`` is None.
``yonhap``
    ``(CITY=연합뉴스) 이름 기자 =`` (reporter part optional) and the older ``【CITY=연합】``.
``ar_agency``
    Arab national agencies, ``CITY-AGENCY[:]``: ``موسكو-سانا``, ``موسكو-سبأ:``.

The style comes from the agency where the agency is one of dpa, AFP, EFE, PTI, AA, Reuters, AP,
ANSA, Interfax or Regnum (dpa and AFP share a shape; for ``EP/AP`` the first, issuing agency
counts); otherwise from the shape. A Latin-script Russian or Chinese agency in a wire dateline
(``(RIA Novosti)``, ``(Xinhua)``) keeps the ``wire`` style.

``split_dateline`` returns the index after the joiner and any spaces (``len(text)`` when the
paragraph is only a dateline); a dateline without joiner punctuation (``LONDON, Sept 22``,
``(PTI)``) must be followed by a space and a sentence that does not start in lower case.
``parse_dateline`` accepts only text that is nothing but a dateline.

``Dateline.city`` is the city alone, as printed; ``Dateline.region`` the state, country or region
printed with it, in parentheses (EFE ``Toronto (Canadá)``, also in the ``ria`` and ``tass``
shapes) or after a comma (AP ``RALEIGH, N.C. (AP)``, newspaper ``BEIRUT, Lebanon, June 2 —``,
``SYDNEY, Australia, Feb 8 (Reuters)``; in the dated ``wire`` shape only when a comma follows it,
``WASHINGTON, D.C., May 3``), without the brackets or commas; it starts with a letter that is not
lower case. ``agency`` is printed text without brackets or slashes.

Month names are read from CLDR (Babel) for the languages in ``_MONTH_LANGUAGES`` in all four
forms (format/stand-alone × wide/abbreviated, so genitives such as ``мая``, ``травня``, ``maja``
are covered), plus agency abbreviations CLDR lacks (Reuters ``Sept``, RIA ``ноя``, EFE ``sep``,
Portuguese wire ``set``/``out``). Matching ignores case and a trailing period. Chinese/Japanese
numeric ``5月18日`` dates are read directly. A month name that means different months in different
languages (e.g. ``listopad``: November in Polish and Czech, October in Croatian) is resolved by the
language the dateline suggests — EFE → Spanish, ANSA → Italian, RIA/TASS/Interfax → Russian,
UNN → Ukrainian, PAP → Polish, ČTK → Czech, HINA → Croatian, … — and otherwise by the order of
``_MONTH_LANGUAGES`` (earlier wins).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Dateline",
    "dateline_languages",
    "is_known_agency",
    "month_number",
    "parse_dateline",
    "split_dateline",
]


@dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed dateline: place, date, agency and the house style it was written in.

    ``city`` is the city alone; ``region`` the state, country or region printed with it
    (``N.C.`` of ``RALEIGH, N.C. (AP) —``, ``Canadá`` of ``Toronto (Canadá), 9 sep (EFE).-``).
    """

    city: str | None
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    style: str
    raw: str
    region: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The dateline as a plain dict."""
        return {
            "city": self.city,
            "region": self.region,
            "month": self.month,
            "day": self.day,
            "year": self.year,
            "agency": self.agency,
            "style": self.style,
            "raw": self.raw,
        }


# --------------------------------------------------------------------------------------------
# Month tables

# Order matters: it is the tie-break for month names that differ between languages.
_MONTH_LANGUAGES: tuple[str, ...] = (
    "en", "ru", "uk", "be", "de", "fr", "es", "it", "pt", "pl", "cs", "sk", "nl", "tr", "ar",
    "fa", "he", "hi", "sv", "da", "nb", "fi", "ro", "hu", "el", "bg", "sr", "sl", "hr", "lt",
    "lv", "et", "ca", "id",
)  # fmt: skip

# Agency abbreviations that CLDR does not have, per language, January first.
_AGENCY_MONTHS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Reuters / AP
    ("en", ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov",
            "Dec")),
    # RIA Novosti
    ("ru", ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")),
    # EFE
    ("es", ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")),
    # Portuguese wire
    ("pt", ("jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez")),
)  # fmt: skip

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_key(name: str) -> str:
    """Case- and period-insensitive lookup key for a month name."""
    # Turkish dotless/dotted i must meet their ASCII upper-case forms (MAYIS ~ Mayıs).
    return name.strip().rstrip(".").casefold().replace("ı", "i").replace("i\u0307", "i")


MONTH_DATA = Path(__file__).parent / "data" / "cldr_months.json"


def cldr_month_names() -> dict[str, list[list[str]]]:
    """Every CLDR month name (wide and abbreviated, format and stand-alone) per language.

    Loading 34 Babel locales takes a third of a second, so the result is shipped as
    ``l10n/data/cldr_months.json`` (``make cldr-data`` rewrites it; a test keeps it equal to
    what the installed Babel says).
    """
    from babel import Locale

    data: dict[str, list[list[str]]] = {}
    for lang in _MONTH_LANGUAGES:
        months = Locale.parse(lang).months
        names: list[list[str]] = [[] for _ in range(12)]
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in sorted(months[context][width].items()):
                    if name not in names[number - 1]:
                        names[number - 1].append(name)
        data[lang] = names
    return data


@functools.cache
def _month_table() -> Mapping[str, Mapping[str, int]]:
    """Month-name key → {language: month number}, from CLDR and the agency tables."""
    data = json.loads(MONTH_DATA.read_text(encoding="utf-8"))
    table: dict[str, dict[str, int]] = {}
    for lang in _MONTH_LANGUAGES:
        for number, names in enumerate(data[lang], start=1):
            for name in names:
                table.setdefault(_month_key(name), {}).setdefault(lang, number)
    for lang, names in _AGENCY_MONTHS:
        for number, name in enumerate(names, start=1):
            table.setdefault(_month_key(name), {}).setdefault(lang, number)
    return table


def month_number(token: str, languages: tuple[str, ...] = ()) -> int | None:
    """The month (1-12) a month name or abbreviation means in any CLDR language, else None."""
    return _month_number(token, languages)


def _month_number(token: str, languages: tuple[str, ...]) -> int | None:
    """The month a name means, preferring the given languages when it is ambiguous."""
    meanings = _month_table().get(_month_key(token))
    if not meanings:
        return None
    numbers = set(meanings.values())
    if len(numbers) == 1:
        return numbers.pop()
    for lang in (*languages, *_MONTH_LANGUAGES):
        if lang in meanings:
            return meanings[lang]
    return None  # pragma: no cover - every entry has a language from the lists above


# --------------------------------------------------------------------------------------------
# Agencies

# Casefolded agency names (or the first part of ``dpa/lno``-like names) that are known wires.
_KNOWN_AGENCIES = frozenset(
    s.casefold()
    for s in (
        "AP", "Reuters", "AFP", "dpa", "dpa-AFX", "EFE", "EFEUSA", "ANSA", "PTI", "IANS", "UNI",
        "AA", "Sputnik", "RIA Novosti", "TASS", "ITAR-TASS", "Interfax", "Xinhua", "Kyodo",
        "Yonhap", "Bloomberg", "UPI", "KNA", "epd", "APA", "SDA", "ATS", "Belga", "ANP", "PAP",
        "ČTK", "CTK", "TASR", "MTI", "STA", "HINA", "Tanjug", "BTA", "Agerpres", "Lusa", "EP",
        "Europa Press", "LaPresse", "Adnkronos", "AGI", "Anadolu", "IRNA", "WAFA", "SANA", "SPA",
        "KUNA", "QNA", "WAM", "MENA", "Ukrinform", "UNN", "BelTA", "Kazinform", "CNA", "Bernama",
        "Antara", "PNA", "Prensa Latina", "Notimex", "Télam", "Agência Brasil", "CP", "AAP",
        "أ ف ب", "د ب أ", "رويترز", "شينخوا", "سبوتنيك", "الأناضول", "واس", "قنا", "وام",
    )
)  # fmt: skip

_STYLE_BY_AGENCY: Mapping[str, str] = {
    "reuters": "reuters",
    "ap": "ap",
    "dpa": "dpa",
    "dpa-afx": "dpa",
    "د ب أ": "dpa",
    "afp": "afp",
    "أ ف ب": "afp",
    "efe": "efe",
    "pti": "pti",
    "aa": "aa",
    "anadolu": "aa",
    "interfax": "interfax",
    "interfax.ru": "interfax",
    "интерфакс": "interfax",
    "інтерфакс-україна": "interfax",
    "иа регнум": "regnum",
    "регнум": "regnum",
    "ia regnum": "regnum",
    "regnum": "regnum",
    "ansa": "ansa",
}

_LANGUAGE_BY_AGENCY: Mapping[str, str] = {
    "efe": "es", "ansa": "it", "lapresse": "it", "adnkronos": "it", "agi": "it", "dpa": "de",
    "pap": "pl", "čtk": "cs", "ctk": "cs", "tasr": "sk", "sta": "sl", "hina": "hr",
    "tanjug": "sr", "bta": "bg", "mti": "hu", "agerpres": "ro", "lusa": "pt", "ep": "es",
    "anp": "nl", "tt": "sv", "ntb": "nb", "ritzau": "da", "stt": "fi",
}  # fmt: skip

_LANGUAGE_BY_STYLE: Mapping[str, tuple[str, ...]] = {
    "efe": ("es",),
    "ansa": ("it",),
    "ria": ("ru",),
    "tass": ("ru",),
    "regnum": ("ru",),
    "interfax": ("ru", "uk"),
    "unn": ("uk", "ru"),
    "reuters": ("en",),
    "ap": ("en",),
    "pti": ("en",),
    "dpa": ("de",),
}


def _agency_parts(agency: str) -> list[str]:
    """Casefolded slash-separated parts of an agency name (``dpa/lno`` → dpa, lno)."""
    return [p.strip().casefold() for p in agency.split("/") if p.strip()]


def is_known_agency(name: str) -> bool:
    """Whether ``name`` (or one of its slash-separated parts: ``dpa/lnw``) is a known news
    agency (``AP``, ``dpa``, ``EFE``, ``Reuters``, ``РИА Новости``…), in any case."""
    return _is_known_agency(name)


def _is_known_agency(agency: str) -> bool:
    """Whether the agency (or one of its slash-separated parts) is a known wire."""
    return any(p in _KNOWN_AGENCIES or p.startswith("efe") for p in _agency_parts(agency))


def _style_for_agency(agency: str | None, shape: str) -> str:
    """House style: from the agency where it has one of its own, else the shape."""
    if agency:
        parts = _agency_parts(agency)
        first = parts[0] if parts else ""
        if first.startswith("efe"):
            return "efe"
        for part in (agency.strip().casefold(), first):
            if part in _STYLE_BY_AGENCY:
                return _STYLE_BY_AGENCY[part]
    return shape


def dateline_languages(dateline: Dateline) -> tuple[str, ...]:
    """The languages its agency and style suggest a dateline is written in (EFE → ``es``)."""
    return _languages_for(dateline.style, dateline.agency)


def _languages_for(style: str, agency: str | None) -> tuple[str, ...]:
    """Languages to prefer when a month name is ambiguous."""
    langs: list[str] = []
    if agency:
        for part in _agency_parts(agency):
            lang = _LANGUAGE_BY_AGENCY.get(part)
            if lang:
                langs.append(lang)
    langs.extend(_LANGUAGE_BY_STYLE.get(style, ()))
    return tuple(langs)


# --------------------------------------------------------------------------------------------
# Shapes

_S = r"[^\S\r\n]"  # one in-line space (no line breaks inside a dateline)
# Bounded repeats keep matching linear on pathological input (megabyte "words", space runs).
_SP = rf"{_S}{{1,3}}"
_SP0 = rf"{_S}{{0,3}}"
_DASH = r"(?:--|[-‐‑–—])"
_WORD = r"[^\W\d_][^\s\d,;:!?()\[\]{}<>\"«»“”„=【】（）–—،]{0,40}"
_CITY = rf"(?P<city>{_WORD}(?:{_S}{_WORD}){{0,3}})"
_QWORDS = rf"{_WORD}(?:{_S}{_WORD}){{0,2}}"
# A region after the city: in parentheses (EFE "Toronto (Canadá)") or after a comma (AP
# "RALEIGH, N.C."); one pattern holds each group at most once.
_PAREN_REGION = rf"{_S}\((?P<pregion>[^()\r\n]{{1,30}})\)"
_COMMA_REGION = rf",{_S}(?P<cregion>{_QWORDS})"
_MON = r"[^\W\d_][^\s\d.,;:()\[\]/\\\-–—=【】（）]{0,14}"
_DAY = r"\d{1,2}(?!\d)"
_YEAR = r"\d{4}(?!\d)"
_AGENCY_PAREN = r"\((?P<agency>[^()\r\n]{1,40})\)"
_END = r"(?=\s|$)"
# Hyphens need a space after them ("Beijing-based"); en/em dashes may be glued to the sentence.
_JOIN_DASH = rf"(?:--{_END}|[-‐‑]{_END}|[–—])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (shape, re.compile(pattern))
    for shape, pattern in (
        (
            "tass",
            rf"{_CITY}(?:{_PAREN_REGION})?,{_SP}(?P<day>{_DAY}){_SP}(?P<mon>{_MON})"
            rf"(?:,?{_SP}(?P<year>{_YEAR}))?\.{_SP0}/(?P<agency>[^/\r\n]{{1,60}})/(?P<join>\.)?",
        ),
        (
            "ria",
            rf"{_CITY}(?:{_PAREN_REGION})?,{_SP}(?P<day>{_DAY}){_SP}(?P<mon>{_MON})\.?"
            rf"(?:,?{_SP}(?P<year>{_YEAR}))?(?:,{_SP}\d{{1,2}}:\d{{2}})?{_SP0}{_DASH}{_SP0}"
            rf"(?P<agency>[^\W\d_][^\s.,;:()]{{0,30}}(?:{_S}[^\W\d_][^\s.,;:()]{{0,30}}){{0,2}})"
            rf"(?P<join>\.|(?=\s*$))",
        ),
        (
            "unn",
            rf"{_CITY}\.{_SP}(?P<day>{_DAY}){_SP}(?P<mon>{_MON})"
            rf"(?:{_SP}(?P<year>{_YEAR}))?\.{_SP}"
            rf"(?P<agency>[^\W\d_][^\s,;:()]{{0,30}}?(?:{_S}[^\W\d_][^\s,;:()]{{0,30}}?){{0,2}})"
            rf"(?P<join>\.{_END}|{_SP0}{_DASH}{_END}|(?=\s*$))",
        ),
        (
            "wire",
            rf"{_CITY}(?:{_PAREN_REGION})?(?:{_COMMA_REGION}(?=,))?(?P<comma>[,،])?{_SP}"
            rf"(?:(?P<mon>{_MON})\.?{_SP}(?P<day>{_DAY})|(?P<day2>{_DAY})\.?{_SP}(?P<mon2>{_MON})\.?)"
            rf"(?:[,،]?{_SP}(?P<year>{_YEAR}))?(?:{_SP0}{_AGENCY_PAREN})?"
            rf"(?P<join>\.?{_SP0}{_JOIN_DASH}|\.-|\.{_END}|:{_END})?",
        ),
        (
            "ap",
            rf"{_CITY}(?:{_COMMA_REGION})?{_SP0}{_AGENCY_PAREN}"
            rf"(?P<join>\.?{_SP0}{_JOIN_DASH}|\.-|:{_END})?",
        ),
        (
            "ar_agency",
            rf"(?P<city>[\u0621-\u064a]+(?:{_S}[\u0621-\u064a]+)?){_SP0}[-–]{_SP0}"
            rf"(?P<agency>سانا|سبأ|واس|قنا|وام|بترا|كونا|وفا|واع|أ ش أ)(?P<join>{_SP0}:)?{_END}",
        ),
    )
)

_PAREN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ansa",
        re.compile(
            rf"{_AGENCY_PAREN}{_SP0}{_DASH}{_SP0}{_CITY},{_SP}(?P<day>{_DAY}){_SP}"
            rf"(?P<mon>{_MON})\.?(?:{_SP}(?P<year>{_YEAR}))?(?P<join>{_SP0}{_DASH}){_END}"
        ),
    ),
    (
        "yonhap",
        re.compile(
            rf"[(（](?P<city>[^\s\d()（）=＝][^()（）=＝\r\n]{{0,20}}?)[=＝]"
            rf"(?P<agency>[^()（）=＝\r\n]{{1,20}})[)）]"
            rf"(?P<join>{_SP0}[가-힣]{{2,4}}(?:{_S}[가-힣]{{2,4}}){{0,3}}{_SP0}(?:기자|특파원){_SP0}=)?"
        ),
    ),
)

_BRACKET_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "kyodo",
        re.compile(
            r"【(?P<city>[^【】＝=\s\d]{1,20}?)"
            r"(?P<agency>共同|時事|(?:AFP|ＡＦＰ|ロイター)[＝=]時事)】"
        ),
    ),
    (
        "ja_reporter",
        re.compile(r"【(?P<city>[^【】＝=\s\d]{1,20})[＝=](?P<rep>[^【】\r\n]{1,20})】"),
    ),
)

_XINHUA = re.compile(
    r"(?P<agency>新华社|新華社|中新社|本报|本報)(?P<city>[^\W\d_]{1,12}?)"
    rf"(?:(?P<year>{_YEAR})年)?(?P<nmon>\d{{1,2}})月(?P<day>\d{{1,2}})日(?:电|電|讯|訊)"
    rf"(?:{_SP0}[(（][^()（）\r\n]{{1,40}}[)）])?"
)

_SPACES = re.compile(r"\s*")

# Quick rejection: a dateline has one of these within its first few dozen characters.
_MARKERS = re.compile(r"[\d(（【/\-–—=]")
_MARKER_WINDOW = 80

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_HANGUL = re.compile(r"[가-힣]")
_CJK_STYLES = frozenset({"xinhua", "kyodo", "jiji", "ja_reporter", "yonhap"})

_CITY_PARTICLES = frozenset(
    (
        "de", "del", "della", "di", "da", "das", "do", "dos", "du", "des", "la", "le", "les", "el",
        "al", "am", "an", "im", "in", "on", "upon", "sur", "sous", "sul", "of", "the", "y", "e",
        "i", "et", "und", "van", "von", "der", "den", "na", "nad", "pod",
    )
)  # fmt: skip


# Parenthesised words that follow a caps headline rather than a place.
_NOT_AGENCIES = frozenset(
    ("video", "photo", "photos", "audio", "update", "updated", "live", "watch", "opinion",
     "analysis", "exclusive", "breaking", "graphic", "poll", "interview")
)  # fmt: skip


def _is_caps(s: str) -> bool:
    """Whether the text has cased letters and all of them are upper-case."""
    return any(c.isupper() for c in s) and not any(c.islower() for c in s)


def _has_cased(s: str) -> bool:
    """Whether the text contains any cased letter."""
    return any(c.isupper() or c.islower() for c in s)


def _city_ok(city: str) -> bool:
    """Whether a run of words looks like a dateline place name."""
    words = city.split()
    if not words or len(city) > 50 or words[0][0].islower():
        return False
    return all(not w[0].islower() or w.casefold() in _CITY_PARTICLES for w in words[1:])


def _region_ok(region: str) -> bool:
    """Whether a qualifier after the city looks like a place name (``N.C.``, ``Canadá``)."""
    return bool(region) and region[0].isalpha() and not region[0].islower()


def _agency_ok(agency: str, city: str) -> bool:
    """Whether a parenthesised text after a place can be an agency name."""
    agency = agency.strip()
    if not agency or not agency[0].isalpha():
        return False
    if _is_known_agency(agency):
        return True
    words = agency.split()
    if (
        agency[0].islower()
        or agency.casefold() in _NOT_AGENCIES
        or any(c.isdigit() for c in agency)
    ):
        return False
    if not _has_cased(city) or not _has_cased(agency):
        return len(words) <= 3
    # After a normal-case name an unknown parenthesis is more likely prose or a ticker
    # ("Am 5. Mai (Sonntag) - …", "Gazprom (GAZP) - …"); AP-style caps places are safer.
    return _is_caps(city) and len(words) <= 2


def _wire_agency_ok(agency: str) -> bool:
    """Whether a Cyrillic-wire agency (after a dash or a date) looks like an agency name."""
    if _is_known_agency(agency):
        return True
    words = agency.split()
    return 0 < len(words) <= 3 and not any(w[0].islower() for w in words)


def _shape_ok(
    shape: str, m: re.Match[str], city: str, agency: str | None, join: str | None
) -> bool:
    """Shape-specific checks that a regex cannot express."""
    if shape == "wire":
        if agency is None:
            # Date-only datelines (Reuters "LONDON, Sept 22") need a caps city and a comma.
            return _group(m, "comma") is not None and _is_caps(city) and join not in (".", ":")
        return _agency_ok(agency, city)
    if shape == "ap":
        assert agency is not None
        return _agency_ok(agency, city) and (join is not None or _is_known_agency(agency))
    if shape in ("ria", "unn"):
        assert agency is not None
        return _wire_agency_ok(agency)
    return True


def _valid_date(month: int | None, day: int | None) -> bool:
    """Whether month and day (if printed) form a possible calendar date."""
    if month is None or day is None:
        return month is None and day is None
    return 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]


def _group(m: re.Match[str], name: str) -> str | None:
    """A named group's text, or None when the pattern lacks it or it did not take part."""
    return m.group(name) if name in m.re.groupindex else None


def _build(shape: str, m: re.Match[str]) -> Dateline | None:
    """Validate a shape's match and turn it into a Dateline."""
    city = (_group(m, "city") or "").strip()
    regions = [r.strip() for r in (_group(m, "pregion"), _group(m, "cregion")) if r]
    if not all(_region_ok(r) for r in regions):
        return None
    agency = _group(m, "agency")
    join = _group(m, "join")
    year_s = _group(m, "year")
    year = int(year_s) if year_s else None
    if year is not None and not 1800 <= year <= 2199:
        return None
    day_s = _group(m, "day") or _group(m, "day2")
    day = int(day_s) if day_s else None
    mon = _group(m, "mon") or _group(m, "mon2")
    nmon = _group(m, "nmon")

    if shape in _CJK_STYLES:
        style = shape
        if shape == "kyodo" and agency and agency.endswith("時事"):
            style = "jiji"
        elif shape == "ja_reporter":
            rep = _group(m, "rep") or ""
            if rep.startswith("연합"):
                style, agency = "yonhap", rep
            elif not _JAPANESE.search(city + rep):
                return None
        elif shape == "yonhap" and not _HANGUL.search(city + (agency or "")):
            return None
    else:
        if not _city_ok(city):
            return None
        style = _style_for_agency(agency, shape)
        if not _shape_ok(shape, m, city, agency, join):
            return None

    month: int | None = None
    if nmon is not None:
        month = int(nmon)
    elif mon is not None:
        month = _month_number(mon, _languages_for(style, agency))
        if month is None:
            return None
    if not _valid_date(month, day):
        return None
    return Dateline(
        city=city or None,
        month=month,
        day=day,
        year=year,
        agency=agency.strip() if agency else None,
        style=style,
        raw=m.group(0),
        region=", ".join(regions) or None,
    )


def _candidates(text: str, pos: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The shapes worth trying at ``pos``, chosen by the first character."""
    first = text[pos]
    if first in "(（":
        return _PAREN_PATTERNS
    if first == "【":
        return _BRACKET_PATTERNS
    if first in "新中本":
        return (("xinhua", _XINHUA),)
    if first.isalpha():
        return _PATTERNS
    return ()


def _match(text: str) -> tuple[Dateline, int] | None:
    """The dateline at the start of ``text`` and the index where it ends."""
    if not isinstance(text, str):
        return None
    return _match_text(text)


@functools.lru_cache(maxsize=1024)
def _match_text(text: str) -> tuple[Dateline, int] | None:
    """:func:`_match` of a string, cached: readers ask for a line's dateline more than once."""
    pos = _SPACES.match(text).end()
    if pos >= len(text) or not _MARKERS.search(text, pos, pos + _MARKER_WINDOW):
        return None
    for shape, pattern in _candidates(text, pos):
        m = pattern.match(text, pos)
        if m is None:
            continue
        dateline = _build(shape, m)
        if dateline is None:
            continue
        end = m.end()
        glued = m.group(0).endswith((".-", "–", "—"))
        if shape not in _CJK_STYLES and end < len(text) and not text[end].isspace() and not glued:
            # An alphabetic dateline ends at a space, unless a dash glues it ("(EFE).-Las").
            continue
        return dateline, end
    return None


def parse_dateline(text: str) -> Dateline | None:
    """The dateline that makes up the whole of ``text`` (surrounding spaces allowed), else None."""
    found = _match(text)
    if found is None:
        return None
    dateline, end = found
    return dateline if _SPACES.match(text, end).end() == len(text) else None


def split_dateline(text: str) -> tuple[Dateline, int] | None:
    """The dateline opening ``text`` and the index where the rest of the paragraph starts."""
    found = _match(text)
    if found is None:
        return None
    dateline, end = found
    rest = _SPACES.match(text, end).end()
    if (
        rest < len(text)
        and text[rest].islower()
        and dateline.style not in _CJK_STYLES
        and not _ends_with_joiner(dateline.raw)
    ):
        # Without a joiner the first sentence must start like one ("LONDON, Sept 22 Britain's").
        return None
    return dateline, rest


def _ends_with_joiner(raw: str) -> bool:
    """Whether the dateline closes with joiner punctuation (dash, full stop, colon, ``=``)."""
    return raw.rstrip().endswith(("-", "‐", "‑", "–", "—", ".", ":", "=", "/"))
