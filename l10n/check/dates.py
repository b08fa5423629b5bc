"""``date-mismatch``: a date a page states twice, or its editions state, that disagrees.

Three places, each compared only on what both sides state:

* a ``<time datetime>`` and its text (an **error**): the text is read in the ``<time>``'s
  ``lang`` or the page's language (:func:`l10n.datetext.read_shown_date`: weekday, day,
  month, year); a date-only ``datetime`` must match exactly; one with a time may be shown as
  its date (and time) in any zone from UTC-12 to UTC+14, since the site's zone is unknown (a
  time without an offset too: sites write UTC without the ``Z``). A text this module cannot
  read ("2 hours ago", another calendar) is not judged.
* the article's dateline and the page's publication time (a **warning**: a story re-published
  later keeps its dateline): the dateline's date must be the publication's date in the
  dateline city's time zone (CLDR exemplar cities, :func:`l10n.dates.time_zone_for_city`;
  any zone from UTC-12 to UTC+14 when the city is not one, and the publisher's zone unknown
  when the publication states no offset or no time).
* editions (an **error**): pages of one run that name each other as ``hreflang`` alternates
  (``link[rel=alternate]`` or links with ``hreflang``) whose datelines name different cities
  or different dates. Two names are different cities when the site's ``places`` catalogs
  (``--catalogs``: msgctxt ``dateline city``) give them as the names of different cities, or
  when both are CLDR exemplar cities of different zones; spellings across scripts are
  otherwise not compared. Compared once every page is read (:func:`edition_findings`).
"""

from __future__ import annotations

import contextlib
import functools
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urljoin, urlsplit

from l10n.check.engine import Verdict
from l10n.check.finding import Evidence, Finding, Kind
from l10n.check.pagelang import PageLanguage
from l10n.datetext import ShownDate, read_shown_date, year_agrees
from l10n.errors import UsageError
from l10n.locales import is_locale, parse_locale
from l10n.page import Block, Page, Role, TimeElement, Zone, zone_of

__all__ = ["Edition", "date_findings", "edition_findings", "edition_of", "time_mismatch"]

# The offsets of the world's time zones: UTC-12 to UTC+14, in half hours, and the four at a
# quarter past (Nepal +5:45, Eucla +8:45, Chatham +12:45 and +13:45), in quarter hours.
_EARLIEST, _LATEST = -48, 56
_QUARTER = timedelta(minutes=15)
_OFFSETS = tuple(q for q in range(_EARLIEST, _LATEST + 1) if q % 2 == 0 or q in (23, 35, 51, 55))
_YEARLESS = re.compile(r"(?:--)?(?P<mo>\d{2})-(?P<d>\d{2})")
_DATETIME = re.compile(
    r"(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2})(?:[Tt ]\s*(?P<h>\d{2}):(?P<mi>\d{2})"
    r"(?::\d{2}(?:[.,]\d+)?)?\s*(?P<z>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class _Stated:
    """What a ``datetime`` value states: a year, a month or a day (a yearless date has no
    year), or an instant (a time without an offset is read as UTC, and any zone may show
    it)."""

    year: int | None
    month: int | None = None
    day: int | None = None
    instant: datetime | None = None


def _stated(value: str) -> _Stated | None:
    """A ``datetime`` value (``2024-03-05``, ``2024-03-05T10:00+01:00``, ``2024-03``,
    ``2024``, the yearless ``05-18``), else None (durations, times alone, prose)."""
    m = _DATETIME.fullmatch(value.strip())
    if m is None:
        yearless = _YEARLESS.fullmatch(value.strip())
        if yearless is None:
            return None
        month, day = int(yearless["mo"]), int(yearless["d"])
        try:
            date(2000, month, day)  # a leap year: 02-29 is a yearless date
        except ValueError:
            return None
        return _Stated(None, month, day)
    try:
        if m["h"] is not None:
            zone = m["z"]
            moment = datetime.fromisoformat(
                f"{m['y']}-{m['mo']}-{m['d']}T{m['h']}:{m['mi']}"
                + ("" if zone is None else "+00:00" if zone in "Zz" else _offset(zone)))
            instant = moment if zone is None else moment.astimezone(UTC).replace(tzinfo=None)
            return _Stated(instant.year, instant.month, instant.day, instant)
        if m["d"] is not None:
            stated = date(int(m["y"]), int(m["mo"]), int(m["d"]))
            return _Stated(stated.year, stated.month, stated.day)
        if m["mo"] is not None:
            return _Stated(int(m["y"]), int(m["mo"])) if 1 <= int(m["mo"]) <= 12 else None
        return _Stated(int(m["y"]))
    except (ValueError, OverflowError):  # no such day, or beyond year 9999 in UTC
        return None


def _offset(zone: str) -> str:
    digits = zone[1:].replace(":", "")
    return f"{zone[0]}{digits[:2]}:{digits[2:4] or '00'}"


# --------------------------------------------------------------------------------------------
# <time> elements


def date_findings(page: Page, language: PageLanguage, label: str,
                  overrides: Mapping[str, str]) -> list[Finding]:
    """The ``date-mismatch`` findings of one page: its ``<time>`` elements, then its
    dateline against its publication time."""
    findings = [f for time in page.meta.times
                if (f := _time_finding(time, language, label, overrides)) is not None]
    dateline = _dateline_finding(page, language, label, overrides)
    if dateline is not None:
        findings.append(dateline)
    return findings


def time_mismatch(value: str, text: str, locales: Sequence[str]) -> str | None:
    """Why a ``<time datetime=value>`` showing ``text`` disagrees with itself, read in the
    first of ``locales`` that reads it (the others too: any that agrees clears it); None when
    it agrees or cannot be judged.

    >>> time_mismatch("2024-03-05", "Mittwoch, 5. März 2024", ["de"])
    'the text says Wednesday 5 March 2024, but its datetime 2024-03-05 is Tuesday 5 March 2024'
    """
    stated = _stated(value)
    if stated is None or not text:
        return None
    readings = [(where, shown) for where in locales for shown in read_shown_date(text, where)]
    if not readings or any(_agrees(shown, stated, where) is not False
                           for where, shown in readings):
        return None  # one reading agrees, or one cannot be judged
    first = readings[0][1]
    return f"the text says {_describe(first)}, but its datetime {value} is " \
           f"{_expected(stated, first)}"


def _time_finding(time: TimeElement, language: PageLanguage, label: str,
                  overrides: Mapping[str, str]) -> Finding | None:
    locales = _time_locales(time, language)
    message = time_mismatch(time.datetime, time.text, locales)
    if message is None:
        return None
    if time.modified:  # themes print the publication date inside an update's <time>
        message += " (its markup calls it the modification time: is the text the publication date?)"
    verdict = Verdict(Kind.DATE_MISMATCH, False, Evidence.PATTERN, message,
                      warning=time.modified)
    return verdict.place(label, time.line, time.column, None, time.text, locales[0],
                         overrides)


def _time_locales(time: TimeElement, language: PageLanguage) -> tuple[str, ...]:
    """The locales a ``<time>``'s text is read in: its own ``lang`` (as the page's sections
    are judged), else the page's article language, then its chrome's and what it declares
    (a date is template text: either may have written it)."""
    if time.lang:
        if time.lang in language.sections:
            return (language.sections[time.lang],)
        # is_locale first: parse_locale's error works out spelling hints for an unknown code
        if is_locale(time.lang):
            with contextlib.suppress(UsageError):
                return (parse_locale(time.lang),)
    found = [language.content, language.chrome]
    if language.declared and is_locale(language.declared):
        with contextlib.suppress(UsageError):
            found.append(parse_locale(language.declared))
    return tuple(dict.fromkeys(found))


def _agrees(shown: ShownDate, stated: _Stated, locale: str | None) -> bool | None:
    """Whether ``shown`` can be ``stated`` (True/False), None when nothing comparable or
    another calendar's year."""
    if not shown.has_date:
        return None
    if stated.instant is None:
        return _fields(shown, stated.year, stated.month, stated.day, locale)
    seen_none = False
    for quarter in _OFFSETS:
        local = stated.instant + quarter * _QUARTER
        same = _fields(shown, local.year, local.month, local.day, locale)
        if same is None:
            seen_none = True
        elif same and (not shown.times or (local.hour, local.minute) in shown.times):
            return True
    return None if seen_none else False


def _fields(shown: ShownDate, year: int | None, month: int | None, day: int | None,
            locale: str | None) -> bool | None:
    """Whether every field both state agrees (None: none comparable, or another calendar)."""
    compared = False
    if shown.year is not None and year is not None:
        same_year = year_agrees(shown, year, locale)
        if same_year is None:
            return None
        if not same_year:
            return False
        compared = True
    if shown.month is not None and month is not None:
        if shown.month != month:
            return False
        compared = True
    if shown.day is not None and day is not None:
        if shown.day != day:
            return False
        compared = True
    if shown.weekday is not None and year is not None and month is not None \
            and day is not None:
        if date(year, month, day).weekday() != shown.weekday:
            return False
        compared = True
    return True if compared else None


def _describe(shown: ShownDate) -> str:
    """``Wednesday 6 March 2024 23:30``: the fields a reading shows, in English."""
    parts = []
    if shown.weekday is not None:
        parts.append(_WEEKDAYS[shown.weekday])
    if shown.day is not None:
        parts.append(str(shown.day))
    if shown.month is not None:
        parts.append(_MONTHS[shown.month - 1])
    if shown.year is not None:
        parts.append(f"{shown.year:02d}" if shown.year_digits == 2 else str(shown.year))
    if shown.times:
        hour, minute = shown.times[-1] if len(shown.times) == 1 else shown.times[0]
        parts.append(f"{hour:02d}:{minute:02d}")
    return " ".join(parts)


def _long(day: date) -> str:
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _expected(stated: _Stated, shown: ShownDate) -> str:
    """What ``stated`` is, in the words of :func:`_describe`."""
    if stated.instant is None:
        if stated.year is None:
            return f"{stated.day} {_MONTHS[stated.month - 1]}"
        year = stated.year
        if stated.day is not None and stated.month is not None:
            return _long(date(year, stated.month, stated.day))
        if stated.month is not None:
            return f"{_MONTHS[stated.month - 1]} {year}"
        return str(year)
    first = (stated.instant + _EARLIEST * _QUARTER).date()
    last = (stated.instant + _LATEST * _QUARTER).date()
    span = f"{_long(first)} to {_long(last)}" if first != last else _long(first)
    if shown.times and _agrees(ShownDate(shown.year, shown.month, shown.day, shown.weekday,
                                         (), shown.year_digits), stated, None):
        return f"{span} in the time zones from UTC-12 to UTC+14, and in none at the time shown"
    return f"{span} in the time zones from UTC-12 to UTC+14"


# --------------------------------------------------------------------------------------------
# The dateline and the publication time


def _dateline_block(page: Page) -> Block | None:
    """The article's first dateline block."""
    for block in page.blocks:
        if block.dateline is not None and block.role is Role.DATELINE \
                and zone_of(block) is Zone.ARTICLE:
            return block
    return None


def _dateline_finding(page: Page, language: PageLanguage, label: str,
                      overrides: Mapping[str, str]) -> Finding | None:
    block = _dateline_block(page)
    if block is None:
        return None
    line = block.dateline
    if line is None or line.month is None or line.day is None:
        return None
    published, stated_date = page.meta.published, page.meta.published_date
    if published is not None:
        aware = published.tzinfo is not None
        instant = published.astimezone(UTC).replace(tzinfo=None) if aware \
            else published.replace(tzinfo=None)
        # Without an offset the clock is the publisher's, in a zone from UTC-12 to UTC+14.
        earliest, latest = (instant, instant) if aware else \
            (instant - _LATEST * _QUARTER, instant - _EARLIEST * _QUARTER)
    elif stated_date is not None:
        start = datetime(stated_date.year, stated_date.month, stated_date.day)
        earliest, latest = start - _LATEST * _QUARTER, start + timedelta(days=1) \
            - _EARLIEST * _QUARTER - timedelta(minutes=1)
    else:
        return None
    zone = _city_zone(line.city, line.region)
    days = set(_local_days(earliest, latest, zone))
    if any((d.month, d.day) == (line.month, line.day)
           and (line.year is None or d.year == line.year) for d in days):
        return None
    where = f"in {zone}" if zone else "in the time zones from UTC-12 to UTC+14"
    when = published.isoformat() if published is not None else str(stated_date)
    shown = f"{line.day} {_MONTHS[line.month - 1]}" + (f" {line.year}" if line.year else "")
    span = sorted(days)
    said = _long(span[0]) if len(span) == 1 else f"{_long(span[0])} to {_long(span[-1])}"
    message = f"the dateline says {shown}, but the page was published {when}: {said} {where}"
    verdict = Verdict(Kind.DATE_MISMATCH, False, Evidence.PATTERN, message, warning=True)
    return verdict.place(label, block.line, block.column, block.attribute, block.text,
                         language.content, overrides)


@functools.lru_cache(maxsize=1024)
def _city_zone(city: str | None, region: str | None) -> str | None:
    """The IANA zone of a dateline city that is a CLDR exemplar city (and, when the dateline
    names a country, one in that country), else None. Cached: a site's datelines repeat a
    few cities."""
    if not city:
        return None
    from l10n.dates import time_zone_for_city

    zone = time_zone_for_city(city)
    if zone is None or region is None:
        return zone
    from babel import Locale
    from babel.core import get_global

    from l10n.dates import country_name

    country = country_name(region, "en", ("es", "fr", "de", "pt", "it", "ru"))
    if country is None:
        return zone  # a state or province (N.C.): the city's zone stands
    territory = get_global("zone_territories").get(zone)
    return zone if Locale("en").territories.get(territory) == country else None


def _local_days(earliest: datetime, latest: datetime, zone: str | None) -> Iterator[date]:
    """The dates a clock in ``zone`` (any zone when None) shows between two UTC instants."""
    if zone is None:
        first = (earliest + _EARLIEST * _QUARTER).date()
        last = (latest + _LATEST * _QUARTER).date()
    else:
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(zone)
        first = earliest.replace(tzinfo=UTC).astimezone(tz).date()
        last = latest.replace(tzinfo=UTC).astimezone(tz).date()
    while first <= last:
        yield first
        first += timedelta(days=1)


# --------------------------------------------------------------------------------------------
# Editions


@dataclass(frozen=True, slots=True)
class Edition:
    """What comparing a page with its other editions needs (small: a run keeps one per page
    that has a dated or placed dateline and names alternates)."""

    label: str
    keys: tuple[str, ...]  # the page's own addresses: its path, its canonical URL
    alternates: tuple[str, ...]  # the addresses of the editions it names
    locale: str
    city: str | None
    month: int | None
    day: int | None
    year: int | None
    line: int
    column: int
    text: str


def edition_of(page: Page, label: str, locale: str) -> Edition | None:
    """The page as an edition, when it has an article dateline and names other editions."""
    block = _dateline_block(page)
    if block is None:
        return None
    links = [href for _, href in page.meta.alternates]
    links += [b.href for b in page.blocks if b.hreflang and b.href]
    if not links:
        return None
    own = _keys(label, page.meta.canonical_url, None)
    alternates = tuple(dict.fromkeys(k for href in links
                                     for k in _keys(label, page.meta.canonical_url, href)))
    line = block.dateline
    assert line is not None
    return Edition(label, own, tuple(a for a in alternates if a not in own), locale, line.city,
                   line.month, line.day, line.year, block.line, block.column, block.text)


def _keys(label: str, canonical: str | None, href: str | None) -> tuple[str, ...]:
    """Addresses of ``href`` as seen from a page (its own when ``href`` is None): a path
    relative to the page's file, and a URL against its canonical URL."""
    keys = []
    if href is None:
        keys.append("path:" + posixpath.normpath(label.replace("\\", "/")))
        if canonical and urlsplit(canonical).scheme in ("http", "https"):
            keys.append(_url_key(canonical))
        return tuple(keys)
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") or href.startswith("//"):
        return (_url_key(href if parts.scheme else "https:" + href),)
    if parts.scheme:
        return ()
    if parts.path and not href.startswith("/"):
        base = posixpath.dirname(label.replace("\\", "/"))
        keys.append("path:" + posixpath.normpath(posixpath.join(base, parts.path)))
    if canonical and urlsplit(canonical).scheme in ("http", "https"):
        keys.append(_url_key(urljoin(canonical, href)))
    return tuple(keys)


def _url_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.removesuffix("index.html").rstrip("/")
    return f"url:{host}{path}"


def edition_findings(editions: Sequence[Edition], overrides: Mapping[str, str],
                     catalogs: str | None = None) -> list[Finding]:
    """``date-mismatch`` errors for editions (pages that name each other as alternates) whose
    datelines disagree on the city or the date: one on the later page of each pair, in the
    order the pages were given. ``catalogs`` is the directory of the site's catalogs, whose
    ``places`` domain names the cities in each locale."""
    by_key: dict[str, int] = {}
    for index, edition in enumerate(editions):
        for key in edition.keys:
            by_key.setdefault(key, index)
    twins: dict[int, set[int]] = {}
    for index, edition in enumerate(editions):
        for key in edition.alternates:
            other = by_key.get(key)
            if other is not None and other != index:
                twins.setdefault(index, set()).add(other)
                twins.setdefault(other, set()).add(index)
    findings: list[Finding] = []
    if not twins:
        return findings
    places = _places(catalogs) if catalogs else {}
    for index in sorted(twins):
        edition = editions[index]
        for other in sorted(twins[index]):
            if other >= index:
                continue
            problem = _disagreement(editions[other], edition, places)
            if problem is None:
                continue
            verdict = Verdict(Kind.DATE_MISMATCH, False, Evidence.PATTERN, problem)
            finding = verdict.place(edition.label, edition.line, edition.column, None,
                                    edition.text, edition.locale, overrides)
            if finding is not None:
                findings.append(finding)
                break  # one finding per page
    return findings


def _disagreement(first: Edition, second: Edition,
                  places: Mapping[str, frozenset[str]]) -> str | None:
    """Why ``second``'s dateline disagrees with its edition ``first``'s, or None."""
    if first.city and second.city:
        known = places.get(_name_key(first.city)), places.get(_name_key(second.city))
        if known[0] and known[1]:
            if known[0].isdisjoint(known[1]):
                return (f"the dateline names {second.city}, but its edition {first.label} "
                        f"names {first.city} (another city in the places catalogs)")
        else:
            zones = _zones(first.city, second.city)
            if zones is not None:
                return (f"the dateline names {second.city} ({zones[1]}), but its edition "
                        f"{first.label} names {first.city} ({zones[0]})")
    if None in (first.month, first.day, second.month, second.day):
        return None
    same_year = first.year is None or second.year is None or first.year == second.year
    if (first.month, first.day) != (second.month, second.day) or not same_year:
        return (f"the dateline says {_day_text(second)}, but its edition {first.label} "
                f"says {_day_text(first)}")
    return None


def _day_text(edition: Edition) -> str:
    assert edition.month is not None
    year = f" {edition.year}" if edition.year else ""
    return f"{edition.day} {_MONTHS[edition.month - 1]}{year}"


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _places(directory: str) -> dict[str, frozenset[str]]:
    """Every name of a dateline city in the site's ``places`` catalogs (the msgid and its
    translations), each to the msgids it names."""
    from pathlib import Path

    from l10n.check.catalog_index import read_catalog

    names: dict[str, set[str]] = {}
    for path in sorted(Path(directory).glob("*/LC_MESSAGES/places.po")):
        for entry in read_catalog(path).entries:
            if entry.msgctxt != "dateline city" or entry.fuzzy or entry.obsolete:
                continue
            for name in (entry.msgid, *entry.msgstrs):
                if name:
                    names.setdefault(_name_key(name), set()).add(entry.msgid)
    return {key: frozenset(ids) for key, ids in names.items()}


def _zones(a: str, b: str) -> tuple[str, str] | None:
    """The zones of two city names when both are CLDR exemplar cities of different zones
    (surely different cities), else None."""
    from l10n.dates import time_zone_for_city

    if _name_key(a) == _name_key(b):
        return None
    za, zb = time_zone_for_city(a), time_zone_for_city(b)
    if za is None or zb is None or za == zb:
        return None
    return za, zb

