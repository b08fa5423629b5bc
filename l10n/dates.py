"""Dates, times, digits and exemplar cities per locale, from CLDR through Babel (no strftime).

This module owns how a date or a time is *written* in a locale: the publication line
(:func:`format_publication`), month-day and long dates (:func:`format_month_day`,
:func:`format_long_date`, :func:`format_date_skeleton`), the locale's digits
(:func:`localize_digits`), the CLDR time-zone exemplar cities that double as a fallback
gazetteer (:func:`time_zone_for_city`, :func:`exemplar_city`) and CLDR's country names for the
region of a dateline (:func:`country_name`).

Choices, and why:

* **Date-time glue.** CLDR 42+ keeps two ways to join a date and a time: the standard
  ``dateTimeFormat`` (``{1}, {0}``; ``{1}، ساعت {0}`` in fa) and ``atTime`` (``{1} 'at' {0}``,
  ``{1} в {0}``, ``{1} um {0}``) that ICU uses for long and full dates. Babel ships only the
  standard patterns (``Locale.datetime_formats``), so the publication line uses those: they are
  CLDR data for every locale, whereas carrying ``atTime`` would mean a hand-kept copy of CLDR
  that drifts with each release.
* **Time length.** The publication line's time is always CLDR ``short`` (hours and minutes):
  seconds are noise there, and Babel's zone names fall back to ``+0400`` where ICU says
  ``GMT+4``.
* **Digits.** Babel formats every date with Latin digits. The functions here take
  ``numbering`` (default ``"default"``: the locale's CLDR default numbering system, read from
  Babel — ``arab`` for ar-EG, ``arabext`` for fa, ``latn`` for ar) and transliterate the digits.
  Babel does not ship CLDR's ``numberingSystems.xml``, so the ten digits of each numeric system
  are listed in ``_DIGIT_ZERO`` (every decimal system a Babel locale defaults to or names as
  native; a test compares them with ICU's).
* **Exemplar cities.** CLDR names cities only as time-zone exemplars. A locale "has" a name when
  its own data, or a parent's below root, defines one. Root's entries and the tz-id spelling
  (``Europe/Tallinn`` → ``Tallinn``) count only for English and for a Latin-script language
  official where the zone is (``Paris`` in fr): Babel falls back to them for every locale, which
  would pass an English spelling off as a localized name (``Tallinn`` in de).

Everything that reads many Babel locales is lazy and cached (``functools.cache``).
"""

from __future__ import annotations

import functools
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Literal

from l10n.errors import UsageError
from l10n.locales import language_of, parse_locale, script_of

__all__ = [
    "Length",
    "decimal_numbering_systems",
    "exemplar_city",
    "format_date_skeleton",
    "format_long_date",
    "format_month_day",
    "format_publication",
    "iso_datetime",
    "locale_chain",
    "localize_digits",
    "numbering_system",
    "time_zone_for_city",
]

Length = Literal["short", "medium", "long", "full"]
_LENGTHS = ("short", "medium", "long", "full")

# First code point of the digits 0-9 of CLDR numeric numbering systems (numberingSystems.xml),
# which Babel does not ship. Covers every default and native system of Babel 2.19's locales.
_DIGIT_ZERO: Mapping[str, int] = {
    "adlm": 0x1E950, "arab": 0x0660, "arabext": 0x06F0, "beng": 0x09E6, "cakm": 0x11136,
    "deva": 0x0966, "fullwide": 0xFF10, "gujr": 0x0AE6, "guru": 0x0A66, "hmnp": 0x1E140,
    "khmr": 0x17E0, "knda": 0x0CE6, "laoo": 0x0ED0, "latn": 0x0030, "mlym": 0x0D66,
    "mong": 0x1810, "mtei": 0xABF0, "mymr": 0x1040, "nkoo": 0x07C0, "olck": 0x1C50,
    "orya": 0x0B66, "tamldec": 0x0BE6, "telu": 0x0C66, "thai": 0x0E50, "tibt": 0x0F20,
    "vaii": 0xA620,
}  # fmt: skip
# The one numeric system whose digits are not consecutive code points.
_HANIDEC = "〇一二三四五六七八九"

# Skeleton letters that name date fields (UTS #35); times are formatted separately.
_DATE_SKELETON = re.compile(r"^[GyYuUrQqMLwWdDFgEec]+$")

# tz areas whose aliases are city spellings ("Europe/Kiev"), unlike "US/Eastern".
_GEOGRAPHIC_AREAS = frozenset(
    ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific")
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Locales


@functools.lru_cache(maxsize=256)
def _babel_locale(locale: str) -> Any:
    """The Babel Locale for a code (``pt-BR``, ``zh_Hans``), cached; raises
    UnknownLocaleError."""
    from babel import Locale

    return Locale.parse(parse_locale(locale))


def _parent(identifier: str) -> str:
    """The CLDR parent locale, as Babel resolves inheritance (``en_GB`` → ``en_001``)."""
    from babel.core import get_global
    from babel.core import parse_locale as split

    exception = get_global("parent_exceptions").get(identifier)
    if exception:
        return exception
    parts = identifier.split("_")
    if len(parts) == 1:
        return "root"
    if len(parts) == 2 and len(parts[1]) == 4:
        # CLDR 45 "nonlikelyScript": zh_Hant inherits from root, not from zh.
        likely = get_global("likely_subtags").get(parts[0])
        if likely and split(likely)[2] != parts[1]:
            return "root"
    return "_".join(parts[:-1])


def locale_chain(locale: str) -> tuple[str, ...]:
    """The locale and its CLDR parents below root: ``en-GB`` → ``en_GB``, ``en_001``, ``en``."""
    chain = [parse_locale(locale)]
    while (parent := _parent(chain[-1])) != "root":
        chain.append(parent)
    return tuple(chain)


# --------------------------------------------------------------------------------------------
# Digits


def numbering_system(locale: str, numbering: str = "default") -> str:
    """The CLDR numbering system id meant by ``numbering`` in ``locale``.

    ``numbering`` is ``"default"`` (the locale's default, e.g. ``arab`` for ar-EG), ``"native"``,
    ``"traditional"`` or ``"finance"`` (the locale's, else its default), or a system id.
    """
    loc = _babel_locale(locale)
    if numbering == "default":
        return str(loc.default_numbering_system)
    if numbering in ("native", "traditional", "finance"):
        return str(loc.other_numbering_systems.get(numbering, loc.default_numbering_system))
    return numbering


def decimal_numbering_systems() -> frozenset[str]:
    """The CLDR numbering system ids whose digits :func:`localize_digits` can write."""
    return frozenset((*_DIGIT_ZERO, "hanidec"))


@functools.cache
def _digit_table(system: str) -> dict[int, str]:
    """``str.translate`` table from ASCII digits to the digits of a numbering system."""
    if system == "hanidec":
        digits = _HANIDEC
    elif system in _DIGIT_ZERO:
        digits = "".join(chr(_DIGIT_ZERO[system] + i) for i in range(10))
    else:
        raise UsageError(
            f"numbering system {system!r} has no decimal digits here",
            hint="use latn, default, native or one of " + ", ".join(sorted(_DIGIT_ZERO)),
        )
    return {ord("0") + i: d for i, d in enumerate(digits)}


def localize_digits(text: str, locale: str, *, numbering: str = "default") -> str:
    """``text`` with ASCII digits replaced by those of the locale's numbering system."""
    system = numbering_system(locale, numbering)
    if system == "latn":
        return text
    return text.translate(_digit_table(system))


# --------------------------------------------------------------------------------------------
# Dates and times


def _check_length(length: str) -> None:
    """Reject a format length CLDR does not have."""
    if length not in _LENGTHS:
        raise UsageError(f"unknown format length {length!r}", hint="use " + ", ".join(_LENGTHS))


def _zone(tz: str | None) -> tzinfo:
    """The tzinfo for an IANA zone id (UTC when None); raises UsageError for unknown ids."""
    if tz is None:
        return UTC
    from babel.dates import get_timezone

    try:
        return get_timezone(tz)
    except (LookupError, ValueError):
        raise UsageError(
            f"unknown time zone {tz!r}", hint="use an IANA id such as Europe/Moscow"
        ) from None


def _localize(dt: datetime, tz: str | None) -> datetime:
    """``dt`` in zone ``tz``, or in its own offset when no zone is given; a naive ``dt`` is
    taken to be UTC."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt if tz is None else dt.astimezone(_zone(tz))


def _glue(pattern: str, date_text: str, time_text: str) -> str:
    """Fill a CLDR dateTimeFormat (``{1}`` date, ``{0}`` time), honouring its quoting."""
    out: list[str] = []
    for i, part in enumerate(re.split(r"'((?:[^']|'')*)'", pattern)):
        if i % 2:
            out.append(part.replace("''", "'") or "'")
        else:
            out.append(
                re.sub(r"\{([01])\}", lambda m: date_text if m[1] == "1" else time_text, part)
            )
    return "".join(out)


def format_publication(
    dt: datetime,
    locale: str,
    *,
    tz: str | None = None,
    length: Length = "long",
    numbering: str = "default",
) -> str:
    """The publication date and time line: ``18 мая 2010 г., 15:30`` (ru, Europe/Moscow).

    The date has CLDR format ``length``, the time is CLDR ``short``, joined by the locale's
    standard ``dateTimeFormat`` of ``length`` (see the module notes); a naive ``dt`` is UTC.
    """
    _check_length(length)
    # Equal aware datetimes may differ in offset and zone: the cache key carries both.
    if type(dt) is datetime and _hashable(dt.tzinfo):
        return _publication(dt, dt.tzinfo, dt.utcoffset(), locale, tz, length, numbering)
    return _publication.__wrapped__(dt, dt.tzinfo, dt.utcoffset(), locale, tz, length,
                                    numbering)


def _hashable(value: object) -> bool:
    """Whether ``value`` can key a cache."""
    try:
        hash(value)
    except TypeError:
        return False
    return True


@functools.lru_cache(maxsize=1024)
def _publication(dt: datetime, zone: tzinfo | None, offset: object, locale: str, tz: str | None,
                 length: Length, numbering: str) -> str:
    """:func:`format_publication`, cached (``zone`` and ``offset`` only key the cache)."""
    from babel.dates import format_date, format_time

    loc = _babel_locale(locale)
    local = _localize(dt, tz)
    date_text = format_date(local.date(), length, locale=loc)
    time_text = format_time(local, "short", tzinfo=local.tzinfo, locale=loc)
    text = _glue(str(loc.datetime_formats[length]), date_text, time_text)
    return localize_digits(text, locale, numbering=numbering)


def iso_datetime(dt: datetime, *, tz: str | None = None) -> str:
    """The ISO 8601 value for ``<time datetime>``: ``2010-05-18T15:30:00+04:00``."""
    return _localize(dt, tz).isoformat(timespec="seconds")


def format_date_skeleton(d: date, skeleton: str, locale: str, *, numbering: str = "default") -> str:
    """A date in the locale's pattern for a CLDR date skeleton (``MMMMd``, ``yMMMd``)."""
    if not _DATE_SKELETON.match(skeleton):
        raise UsageError(f"not a CLDR date skeleton: {skeleton!r}", hint="e.g. MMMMd or yMMMd")
    if type(d) is date:
        return _skeleton_date(d, skeleton, locale, numbering)
    return _skeleton_date.__wrapped__(d, skeleton, locale, numbering)


@functools.lru_cache(maxsize=4096)
def _skeleton_date(d: date, skeleton: str, locale: str, numbering: str) -> str:
    """:func:`format_date_skeleton` of a plain date, cached."""
    from babel.dates import format_skeleton

    text = format_skeleton(skeleton, d, locale=_babel_locale(locale))
    return localize_digits(text, locale, numbering=numbering)


def format_month_day(
    month: int,
    day: int,
    locale: str,
    *,
    width: Literal["wide", "abbreviated"] = "wide",
    numbering: str = "default",
) -> str:
    """Day and month, CLDR skeleton ``MMMMd`` (wide) or ``MMMd`` (abbreviated): ``18 мая``."""
    if width not in ("wide", "abbreviated"):
        raise UsageError(f"unknown month width {width!r}", hint="use wide or abbreviated")
    # A leap year, so that 29 February exists; the year is not printed.
    d = date(2000, month, day)
    return format_date_skeleton(
        d, "MMMMd" if width == "wide" else "MMMd", locale, numbering=numbering
    )


def format_long_date(
    d: date, locale: str, *, length: Length = "long", numbering: str = "default"
) -> str:
    """A date in the locale's CLDR date format of ``length``: ``18. Mai 2010`` (de, long)."""
    from babel.dates import format_date

    _check_length(length)
    text = format_date(d, length, locale=_babel_locale(locale))
    return localize_digits(text, locale, numbering=numbering)


# --------------------------------------------------------------------------------------------
# Exemplar cities


def _city_key(name: str) -> str:
    """Case-, apostrophe- and dotted-i-insensitive lookup key for a city name."""
    text = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
    return text.replace("’", "'").replace("i\u0307", "i")


def _tz_city(zone: str) -> str:
    """The root exemplar city spelled by a tz id: ``America/New_York`` → ``New York``."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@functools.cache
def _own_cities(identifier: str) -> Mapping[str, str]:
    """Zone → exemplar city defined by one locale's own CLDR file (no inheritance)."""
    from babel import localedata

    # localedata.load(merge_inherited=False) would poison Babel's shared cache with unmerged
    # data, so the locale file is read directly.
    with open(localedata.resolve_locale_filename(identifier), "rb") as fileobj:
        data = pickle.load(fileobj)
    return {
        zone: entry["city"]
        for zone, entry in data.get("time_zones", {}).items()
        if isinstance(entry, Mapping) and entry.get("city") and not zone.startswith("Etc/")
    }


@functools.cache
def _canonical_zones() -> tuple[str, ...]:
    """The canonical CLDR zone ids, without ``Etc/`` pseudo-zones."""
    from babel.core import get_global

    return tuple(sorted(z for z in get_global("zone_territories") if not z.startswith("Etc/")))


def _english_names() -> Iterator[tuple[str, str]]:
    """(name, zone) pairs English uses: tz-id spellings, aliases, root and ``en*`` entries."""
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    for zone in _canonical_zones():
        yield _tz_city(zone), zone
    for alias, zone in get_global("zone_aliases").items():
        if alias.split("/", 1)[0] in _GEOGRAPHIC_AREAS and "/" in alias:
            yield _tz_city(alias), zone
    for identifier in ("root", *sorted(i for i in locale_identifiers() if language_of(i) == "en")):
        for zone, city in _own_cities(identifier).items():
            yield city, zone


def _other_names() -> Iterator[tuple[str, str]]:
    """(name, zone) pairs from every non-English locale's own exemplar cities."""
    from babel.localedata import locale_identifiers

    for identifier in sorted(locale_identifiers()):
        if identifier != "root" and language_of(identifier) != "en":
            for zone, city in _own_cities(identifier).items():
                yield city, zone


def _index(pairs: Iterator[tuple[str, str]]) -> dict[str, str]:
    """Name key → the zone most sources give that name (ties: alphabetical zone id)."""
    from babel.core import get_global

    aliases = get_global("zone_aliases")
    votes: dict[str, Counter[str]] = {}
    for name, zone in pairs:
        votes.setdefault(_city_key(name), Counter())[aliases.get(zone, zone)] += 1
    return {key: min(c, key=lambda z: (-c[z], z)) for key, c in votes.items()}


@functools.cache
def _english_index() -> Mapping[str, str]:
    """English exemplar-city key → zone."""
    return _index(_english_names())


@functools.cache
def _other_index() -> Mapping[str, str]:
    """Exemplar-city key → zone over all other locales (reads every Babel locale once)."""
    return _index(_other_names())


def time_zone_for_city(name: str) -> str | None:
    """The IANA zone whose CLDR exemplar city is ``name`` in some locale (English first).

    ``Moscow`` and ``МОСКВА`` → ``Europe/Moscow``; ``Kiev`` and ``Kyiv`` → ``Europe/Kyiv``;
    None for cities that are no zone's exemplar (Washington, Beijing, Ankara).
    """
    key = _city_key(name)
    if not key:
        return None
    return _english_index().get(key) or _other_index().get(key)


@functools.cache
def _localized_city(zone: str, identifier: str) -> str | None:
    """The exemplar city of ``zone`` that ``identifier`` or a parent below root defines."""
    chain = locale_chain(identifier)
    for ident in chain:
        city = _own_cities(ident).get(zone)
        if city:
            return city
    if _root_name_applies(zone, identifier):
        return _own_cities("root").get(zone) or _tz_city(zone)
    return None


def _root_name_applies(zone: str, identifier: str) -> bool:
    """Whether root's Latin spelling of a zone's city is this locale's name for it.

    True for English (CLDR's root names are English exonyms where no local Latin spelling
    exists) and for a Latin-script locale of a language official in the zone's territory
    (``Paris`` in fr, ``São Paulo`` in pt): CLDR leaves those to root.
    """
    from babel.core import get_global

    language = language_of(identifier)
    if language == "en":
        return True
    if script_of(identifier) != "Latn":
        return False
    territory = get_global("zone_territories").get(zone)
    status = get_global("territory_languages").get(territory, {}).get(language, {})
    return status.get("official_status") in ("official", "de_facto_official")


def exemplar_city(name: str, locale: str) -> str | None:
    """The CLDR exemplar-city name in ``locale`` of the city ``name`` (any locale's spelling).

    ``exemplar_city("Kiev", "uk")`` → ``Київ``; None when the city is no exemplar or the
    locale has no entry of its own (``Tallinn`` in de: Babel's fallback would be the tz id).
    """
    zone = time_zone_for_city(name)
    if zone is None:
        return None
    return _localized_city(zone, parse_locale(locale))


# --------------------------------------------------------------------------------------------
# Country names


def _territory_key(name: str) -> str:
    """Case-, accent-, dot- and space-insensitive key for a country name (``EE. UU.`` ~
    ``EE.UU.``, ``Canada`` ~ ``Canadá``)."""
    text = unicodedata.normalize("NFKD", name).casefold()
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


@functools.cache
def _territory_index(language: str) -> Mapping[str, str]:
    """Country-name key → CLDR territory code in one language; names two codes share are
    left out."""
    codes: dict[str, set[str]] = {}
    for code, name in _babel_locale(language).territories.items():
        if len(code) == 2 and code.isalpha():
            codes.setdefault(_territory_key(name), set()).add(code)
    return {key: found.pop() for key, found in codes.items() if len(found) == 1 and key}


def country_name(name: str, locale: str, languages: tuple[str, ...] = ()) -> str | None:
    """CLDR's name in ``locale`` of the country called ``name`` in one of ``languages`` (then
    the locale's own language, then English): ``country_name("Canadá", "en", ("es",))`` →
    ``Canada``. None for names CLDR does not list as a country (US states, ``EE.UU.``)."""
    key = _territory_key(name)
    if not key:
        return None
    for language in (*languages, language_of(locale), "en"):
        try:
            code = _territory_index(language).get(key)
        except UsageError:
            continue
        if code is not None:
            return _babel_locale(locale).territories.get(code)
    return None
