"""Writing a dateline in a target locale's house style: styles as data, casing, digits, bidi.

This module owns the *writing* side of datelines (``l10n.dateline`` reads them): the house
styles in ``l10n/data/dateline_styles.toml`` (one table per agency style, documented there),
their validation and merging with ``[tool.l10n] dateline-styles`` from the user, the choice of a
style per locale, and rendering a :class:`~l10n.dateline.Dateline` as plain text and as HTML.

The caller passes the city, the region and the agency already localized (catalogs; CLDR
exemplar cities via :func:`l10n.dates.exemplar_city` and CLDR country names via
:func:`l10n.dates.country_name` as fallbacks); the style applies casing, prints the date and
fills the pattern. Conventions:

* **No trailing space.** ``FormattedDateline.text`` ends at the style's last joiner
  (``—``, ``.-``, ``】``); ``separator`` says what goes before the first sentence (a space, or
  nothing for Chinese and Japanese styles).
* **Region.** Only styles whose pattern has ``{region}`` print the city's state or country
  (AP ``RALEIGH, N.C. (AP) —``, EFE ``Toronto (Canadá), 9 sep (EFE).-``: datelines.md §2.1,
  §2.8); every other style writes the city alone. The region is never upper-cased.
* **Casing.** ``str.upper`` with one locale rule: Turkish dotted capital İ when the caller says
  the name came from Turkish data (``turkish_casing``), so foreign names in Turkish copy stay
  ``WASHINGTON``; German ß becomes SS. Upper-cased dates (ANSA) follow the target language.
* **Digits.** The date's digits follow the style's ``digits`` (default: the locale's CLDR
  numbering system, see :func:`l10n.dates.localize_digits`).
* **Bidi.** A city, date or agency whose strong direction is opposite to the locale's (a Latin
  agency name in Arabic) is isolated: FSI … PDI (U+2068/U+2069) in ``text``,
  ``<bdi lang="en">`` (Latin) or ``<bdi>`` in HTML. Pattern punctuation stays outside the
  isolate so that it mirrors with the surrounding text.
* **Dates.** ``iso_date`` is ``2010-05-18`` when the year is known, else the HTML yearless form
  ``05-18``; it is set whenever the dateline has a month and day, printed or not.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from l10n.dateline import Dateline
from l10n.dates import (
    decimal_numbering_systems,
    format_date_skeleton,
    locale_chain,
    localize_digits,
)
from l10n.errors import UnknownLocaleError, UsageError
from l10n.locales import direction, language_of, parse_locale

__all__ = [
    "DatelineStyle",
    "FormattedDateline",
    "builtin_styles",
    "format_dateline",
    "format_dateline_html",
    "format_sign_off_html",
    "load_styles",
    "style_for",
    "upper_case",
]

STYLE_DATA = Path(__file__).parent / "data" / "dateline_styles.toml"

FSI = "\u2068"
PDI = "\u2069"

# The style used for a locale that no style claims.
FALLBACK_STYLE = "plain"

_KEYS = (
    "description", "locales", "pattern", "city_case", "date", "skeleton", "date_pattern",
    "months", "date_case", "digits", "separator", "sign_off", "own_agencies", "own_pattern",
)  # fmt: skip
_STRING_KEYS = frozenset(
    ("description", "pattern", "city_case", "date", "skeleton", "date_pattern", "date_case",
     "digits", "separator", "sign_off", "own_pattern")
)  # fmt: skip
_LIST_KEYS = frozenset(("locales", "months", "own_agencies"))
_CHOICES: Mapping[str, tuple[str, ...]] = {
    "city_case": ("upper", "as-is"),
    "date_case": ("upper", "as-is"),
    "date": ("none", "cldr", "table"),
}
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
# Date fields a dateline may print: year, month, day.
_STYLE_SKELETON = re.compile(r"^y*(?:M{1,4}|L{1,4})d{1,2}$|^d{1,2}(?:M{1,4}|L{1,4})y*$")
_TOKEN = re.compile(r"\{([^{}]*)\}|([\[\]{}])")
_SPECIAL_NUMBERING = ("default", "latn", "native", "traditional", "finance")

Case = Literal["upper", "as-is"]
DateSource = Literal["none", "cldr", "table"]

# Part kinds of a formatted dateline.
TEXT, CITY, DATE, AGENCY, REGION = "text", "city", "date", "agency", "region"


# --------------------------------------------------------------------------------------------
# Styles


@dataclass(frozen=True, slots=True)
class DatelineStyle:
    """One house style: how a dateline is laid out, cased and dated (see the TOML file)."""

    name: str
    pattern: str
    locales: tuple[str, ...] = ()
    city_case: Case = "as-is"
    date: DateSource = "none"
    skeleton: str = "MMMMd"
    date_pattern: str = "{day} {month}"
    months: tuple[str, ...] = ()
    date_case: Case = "as-is"
    digits: str = "default"
    separator: str = " "
    sign_off: str = ""
    own_agencies: tuple[str, ...] = ()
    own_pattern: str = ""
    description: str = ""

    @property
    def agency_position(self) -> str:
        """Where the agency goes: ``before`` or ``after`` the city, ``end``, or ``none``."""
        if "{agency}" in self.pattern:
            before = self.pattern.index("{agency}") < self.pattern.index("{city}")
            return "before" if before else "after"
        return "end" if "{agency}" in self.sign_off else "none"

    @property
    def prints_date(self) -> bool:
        """Whether the style prints the dateline's date."""
        return self.date != "none"

    @property
    def prints_region(self) -> bool:
        """Whether the style prints the city's region (state, country) when it is known."""
        return any("{region}" in p for p in (self.pattern, self.own_pattern, self.sign_off))


def _error(style: str, message: str, key: str | None = None) -> UsageError:
    """A UsageError naming the style table (and key) at fault."""
    where = f"dateline style {style!r}" + (f", key {key!r}" if key else "")
    return UsageError(
        f"{where}: {message}", hint="the keys are described in l10n/data/dateline_styles.toml"
    )


def _parse_pattern(
    text: str, placeholders: frozenset[str], style: str, key: str
) -> list[tuple[bool, list[tuple[str, str]]]]:
    """Split a pattern into (optional, [(kind, text)]) segments; kind is "text" or a name."""
    segments: list[tuple[bool, list[tuple[str, str]]]] = [(False, [])]
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            segments[-1][1].append((TEXT, text[pos : m.start()]))
        pos = m.end()
        name, bracket = m.group(1), m.group(2)
        if bracket == "[":
            if segments[-1][0]:
                raise _error(style, "optional parts '[...]' cannot nest", key)
            segments.append((True, []))
        elif bracket == "]":
            if not segments[-1][0]:
                raise _error(style, "']' without '['", key)
            segments.append((False, []))
        elif bracket is not None:
            raise _error(style, f"unmatched {bracket!r}", key)
        elif name not in placeholders:
            raise _error(style, f"unknown placeholder {{{name}}}", key)
        else:
            segments[-1][1].append((name, ""))
    if segments[-1][0]:
        raise _error(style, "'[' without ']'", key)
    if pos < len(text):
        segments[-1][1].append((TEXT, text[pos:]))
    return [s for s in segments if s[1]]


_PATTERN_FIELDS = frozenset((CITY, DATE, AGENCY, REGION))
_OPTIONAL_FIELDS = frozenset((DATE, AGENCY, REGION))
_DATE_FIELDS = frozenset(("day", "month", "year"))


def _check_pattern(style: str, key: str, text: str, *, need_city: bool) -> None:
    """Validate a dateline pattern: placeholders, brackets, optional {date}/{agency}/{region}."""
    segments = _parse_pattern(text, _PATTERN_FIELDS, style, key)
    names = [(optional, kind) for optional, parts in segments for kind, _ in parts]
    for optional, kind in names:
        if kind in _OPTIONAL_FIELDS and not optional:
            raise _error(style, f"{{{kind}}} must be inside an optional part '[...]'", key)
    if need_city and text and (CITY not in {k for _, k in names}):
        raise _error(style, "the pattern must contain {city}", key)


def _build_style(name: str, table: Mapping[str, Any]) -> DatelineStyle:
    """Validate one style table and turn it into a DatelineStyle."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise _error(str(name), "style names are lower-case letters, digits, '-' and '_'")
    if not isinstance(table, Mapping):
        raise _error(name, f"must be a table, not {type(table).__name__}")
    unknown = [k for k in table if k not in _KEYS]
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), _KEYS, n=1)
        raise UsageError(
            f"dateline style {name!r}: unknown key {unknown[0]!r}",
            hint=f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(_KEYS),
        )
    if "pattern" not in table:
        raise _error(name, "missing", "pattern")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in _STRING_KEYS:
            if not isinstance(value, str):
                raise _error(name, f"must be a string, not {type(value).__name__}", key)
            if key in _CHOICES and value not in _CHOICES[key]:
                raise _error(name, f"{value!r} is not one of " + ", ".join(_CHOICES[key]), key)
            values[key] = value
        else:
            if not isinstance(value, list | tuple) or not all(
                isinstance(v, str) and v for v in value
            ):
                raise _error(name, "must be a list of non-empty strings", key)
            values[key] = tuple(value)
    try:
        values["locales"] = tuple(parse_locale(c) for c in values.get("locales", ()))
    except UnknownLocaleError as exc:
        raise _error(name, exc.message, "locales") from None
    style = DatelineStyle(name=name, **values)
    _check_style(style)
    return style


def _check_style(style: DatelineStyle) -> None:
    """Cross-key checks: the date settings agree with the pattern, patterns parse."""
    name = style.name
    _check_pattern(name, "pattern", style.pattern, need_city=True)
    _check_pattern(name, "sign_off", style.sign_off, need_city=False)
    if style.own_agencies and not style.own_pattern:
        raise _error(name, "own_agencies needs an own_pattern", "own_agencies")
    if style.own_pattern:
        _check_pattern(name, "own_pattern", style.own_pattern, need_city=True)
    printed = "{date}" in style.pattern
    if style.date == "none" and printed:
        raise _error(name, "the pattern prints {date} but date = 'none'", "pattern")
    if style.date != "none" and not printed:
        raise _error(name, f"date = {style.date!r} but the pattern has no {{date}}", "date")
    if style.date == "cldr" and not _STYLE_SKELETON.match(style.skeleton):
        raise _error(name, f"{style.skeleton!r} is not a year/month/day skeleton", "skeleton")
    if style.date == "table":
        if len(style.months) != 12:
            raise _error(name, f"needs 12 month names, got {len(style.months)}", "months")
        _parse_pattern(style.date_pattern, _DATE_FIELDS, name, "date_pattern")
        if "{month}" not in style.date_pattern or "{day}" not in style.date_pattern:
            raise _error(name, "needs {day} and {month}", "date_pattern")
    elif style.months:
        raise _error(name, "month names need date = 'table'", "months")
    if style.digits not in _SPECIAL_NUMBERING and style.digits not in decimal_numbering_systems():
        raise _error(name, f"unknown numbering system {style.digits!r}", "digits")


@functools.cache
def _builtin_tables() -> Mapping[str, Mapping[str, Any]]:
    """The raw tables of the shipped style file."""
    return tomllib.loads(STYLE_DATA.read_text(encoding="utf-8"))


@functools.cache
def builtin_styles() -> Mapping[str, DatelineStyle]:
    """The shipped house styles by name."""
    return MappingProxyType(_merge({}))


def load_styles(extra: Mapping[str, Any] | None = None) -> dict[str, DatelineStyle]:
    """The shipped styles with ``extra`` (``[tool.l10n] dateline-styles``) added or merged in.

    A table named like a shipped style changes only the keys it sets; a locale that an extra
    style lists is taken from the shipped style that had it. Raises UsageError naming the key.
    """
    if not extra:
        return dict(builtin_styles())
    if not isinstance(extra, Mapping):
        raise UsageError(
            "[tool.l10n] dateline-styles must be a table of style tables",
            hint='e.g. [tool.l10n.dateline-styles.mystyle] pattern = "{city} -"',
        )
    return _merge(extra)


def _merge(extra: Mapping[str, Any]) -> dict[str, DatelineStyle]:
    """Build the shipped styles with ``extra`` tables layered on top."""
    base = _builtin_tables()
    styles: dict[str, DatelineStyle] = {}
    for name in (*base, *(n for n in extra if n not in base)):
        table = base.get(name, {})
        if name in extra:
            override = extra[name]
            if not isinstance(override, Mapping):
                raise _error(str(name), f"must be a table, not {type(override).__name__}")
            table = {**table, **override}
        styles[name] = _build_style(name, table)
    # Extra styles claim their locales first; shipped styles keep the rest.
    claimed: dict[str, str] = {}
    for name in (*extra, *(n for n in base if n not in extra)):
        style = styles[name]
        kept = style.locales
        if name not in extra:
            kept = tuple(c for c in kept if claimed.get(c) not in extra)
        for code in kept:
            if code in claimed:
                raise _error(name, f"locale {code} is already {claimed[code]!r}'s", "locales")
            claimed[code] = name
        if kept != style.locales:
            styles[name] = replace(style, locales=kept)
    return styles


def style_for(
    locale: str, name: str | None = None, extra: Mapping[str, Any] | None = None
) -> DatelineStyle:
    """The style called ``name``, else the one ``locale`` (or a CLDR parent) uses by default.

    Locales that no style claims get the ``plain`` style.
    """
    styles = load_styles(extra)
    if name is not None:
        if name not in styles:
            close = difflib.get_close_matches(name, list(styles), n=1)
            raise UsageError(
                f"unknown dateline style {name!r}",
                hint=f"did you mean {close[0]!r}?" if close else "styles: " + ", ".join(styles),
            )
        return styles[name]
    by_locale = {code: style for style in styles.values() for code in style.locales}
    for code in locale_chain(locale):
        if code in by_locale:
            return by_locale[code]
    return styles[FALLBACK_STYLE]


# --------------------------------------------------------------------------------------------
# Formatting


@dataclass(frozen=True, slots=True)
class FormattedDateline:
    """A dateline written in a house style, as plain text and as the parts HTML needs.

    ``text`` is the plain-text dateline (bidi isolates included, no trailing space; empty for
    styles without one), ``separator`` what goes before the first sentence, ``sign_off`` the
    text that closes the article (``(PAP)``) or None. ``parts`` and ``sign_off_parts`` are
    (kind, text) pairs, kind one of ``text``, ``city``, ``region``, ``date``, ``agency``;
    ``region`` is the region printed, None when the style or the dateline has none.
    """

    text: str
    city: str
    date_text: str | None
    agency: str | None
    iso_date: str | None
    style: str
    locale: str
    separator: str = " "
    sign_off: str | None = None
    parts: tuple[tuple[str, str], ...] = ()
    sign_off_parts: tuple[tuple[str, str], ...] = ()
    region: str | None = None


def upper_case(text: str, *, turkish: bool = False) -> str:
    """Upper-case ``text``; ``turkish`` maps i to İ (Turkish and Azerbaijani names only)."""
    if turkish:
        text = text.replace("i", "İ")
    return text.upper()


def _iso_date(dateline: Dateline, year_known: bool | None) -> str | None:
    """``2010-05-18``, the yearless ``05-18``, or None when the dateline has no date."""
    if dateline.month is None or dateline.day is None:
        return None
    use_year = dateline.year is not None if year_known is None else year_known
    if use_year:
        if dateline.year is None:
            raise ValueError("year_known=True but the dateline has no year")
        return date(dateline.year, dateline.month, dateline.day).isoformat()
    date(2000, dateline.month, dateline.day)  # validates month and day
    return f"{dateline.month:02d}-{dateline.day:02d}"


def _date_text(
    style: DatelineStyle, dateline: Dateline, locale: str, year: int | None
) -> str | None:
    """The date as the style prints it, or None when it prints none or the date is unknown."""
    if style.date == "none" or dateline.month is None or dateline.day is None:
        return None
    if style.date == "cldr":
        skeleton = style.skeleton if year is not None else style.skeleton.replace("y", "")
        d = date(year if year is not None else 2000, dateline.month, dateline.day)
        text = format_date_skeleton(d, skeleton, locale, numbering=style.digits)
    else:
        values = {
            "day": str(dateline.day),
            "month": style.months[dateline.month - 1],
            "year": str(year) if year is not None else None,
        }
        text = _fill(style.date_pattern, _DATE_FIELDS, values, style.name)
        text = localize_digits("".join(t for _, t in text), locale, numbering=style.digits)
    if style.date_case == "upper":
        text = upper_case(text, turkish=language_of(locale) in ("tr", "az"))
    return text


def _fill(
    pattern: str, fields: frozenset[str], values: Mapping[str, str | None], style: str
) -> list[tuple[str, str]]:
    """Fill a pattern, dropping optional parts whose placeholders have no value."""
    out: list[tuple[str, str]] = []
    for optional, parts in _parse_pattern(pattern, fields, style, "pattern"):
        if optional and any(kind != TEXT and not values.get(kind) for kind, _ in parts):
            continue
        for kind, text in parts:
            if kind == TEXT:
                out.append((TEXT, text))
            elif values.get(kind):
                out.append((kind, values[kind] or ""))
    merged: list[tuple[str, str]] = []
    for kind, text in out:
        if merged and kind == TEXT and merged[-1][0] == TEXT:
            merged[-1] = (TEXT, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return merged


def _strong_direction(text: str) -> str | None:
    """``ltr``/``rtl`` when all strong characters of ``text`` agree, else None."""
    found: set[str] = set()
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            found.add("ltr")
        elif bidi in ("R", "AL"):
            found.add("rtl")
    return found.pop() if len(found) == 1 else None


def _needs_isolate(kind: str, text: str, base: str) -> bool:
    """Whether an inserted part runs against the locale's direction."""
    if kind == TEXT:
        return False
    own = _strong_direction(text)
    return own is not None and own != base


def _plain(parts: list[tuple[str, str]], base: str) -> str:
    """Plain text of the parts with FSI/PDI around opposite-direction runs."""
    return "".join(
        f"{FSI}{text}{PDI}" if _needs_isolate(kind, text, base) else text for kind, text in parts
    ).rstrip()


def format_dateline(
    dateline: Dateline,
    locale: str,
    *,
    city: str,
    agency: str | None,
    style: DatelineStyle | None = None,
    year_known: bool | None = None,
    turkish_casing: bool = False,
    region: str | None = None,
) -> FormattedDateline:
    """Write ``dateline`` in ``locale``'s house style (or ``style``) with localized names.

    ``city``, ``region`` and ``agency`` are already localized (``dateline.city`` and
    ``dateline.region`` are the source's); the style cases the city (``turkish_casing`` when
    the name came from Turkish data) and prints the region only where it has ``{region}``.
    ``year_known`` says whether ``dateline.year`` is real (default: whether it is set); it
    decides between ``2010-05-18`` and ``05-18``.
    """
    return _formatted(dateline, locale, city, agency, style, year_known, turkish_casing,
                      region or None)


@functools.lru_cache(maxsize=4096)
def _formatted(
    dateline: Dateline,
    locale: str,
    city: str,
    agency: str | None,
    style: DatelineStyle | None,
    year_known: bool | None,
    turkish_casing: bool,
    region: str | None,
) -> FormattedDateline:
    """:func:`format_dateline`, cached: the result depends on the arguments only."""
    identifier = parse_locale(locale)
    style = style or style_for(identifier)
    iso = _iso_date(dateline, year_known)
    year = dateline.year if iso is not None and len(iso) > 5 else None
    cased = upper_case(city, turkish=turkish_casing) if style.city_case == "upper" else city
    date_text = _date_text(style, dateline, identifier, year)
    agency = agency or None
    values = {CITY: cased, DATE: date_text, AGENCY: agency, REGION: region}
    pattern = style.own_pattern if agency and agency in style.own_agencies else style.pattern
    parts = _fill(pattern, _PATTERN_FIELDS, values, style.name)
    closing = _fill(style.sign_off, _PATTERN_FIELDS, values, style.name) if style.sign_off else []
    base = direction(identifier)
    sign_off = _plain(closing, base) or None
    return FormattedDateline(
        text=_plain(parts, base),
        city=cased,
        date_text=date_text if any(k == DATE for k, _ in parts) else None,
        agency=agency,
        iso_date=iso,
        style=style.name,
        locale=identifier,
        separator=style.separator,
        sign_off=sign_off,
        parts=tuple(parts),
        sign_off_parts=tuple(closing),
        region=region if any(k == REGION for k, _ in (*parts, *closing)) else None,
    )


def _is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def _html_parts(
    parts: tuple[tuple[str, str], ...],
    formatted: FormattedDateline,
    escape: Callable[[str], str],
    latin_lang: str | None,
) -> str:
    """HTML of the parts: escaped, the date in ``<time>``, opposite runs in ``<bdi>``."""
    base = direction(formatted.locale)
    out: list[str] = []
    for kind, text in parts:
        piece = str(escape(text))
        if kind == DATE and formatted.iso_date:
            piece = f'<time datetime="{escape(formatted.iso_date)}">{piece}</time>'
        if _needs_isolate(kind, text, base):
            lang = f' lang="{escape(latin_lang)}"' if latin_lang and _is_latin(text) else ""
            piece = f"<bdi{lang}>{piece}</bdi>"
        out.append(piece)
    return "".join(out).rstrip()


def format_dateline_html(
    formatted: FormattedDateline,
    *,
    escape: Callable[[str], str] = html.escape,
    element: str = "p",
    css_class: str = "dateline",
    latin_lang: str | None = "en",
) -> str:
    """``<p class="dateline">ВАШИНГТОН, <time datetime="2010-05-18">18 мая</time> — …</p>``.

    Every inserted string goes through ``escape``; Latin runs in a right-to-left locale are
    isolated with ``<bdi lang="en">`` (``latin_lang``). Empty for styles without a dateline.
    """
    if not formatted.parts:
        return ""
    return _element_html(formatted, False, escape, element, css_class, latin_lang)


@functools.lru_cache(maxsize=4096)
def _element_html(formatted: FormattedDateline, sign_off: bool, escape: Callable[[str], str],
                  element: str, css_class: str, latin_lang: str | None) -> str:
    """The dateline's (or its sign-off's) parts in ``element``, cached: the result depends
    on the arguments only."""
    parts = formatted.sign_off_parts if sign_off else formatted.parts
    body = _html_parts(parts, formatted, escape, latin_lang)
    return f'<{element} class="{escape(css_class)}">{body}</{element}>'


def format_sign_off_html(
    formatted: FormattedDateline,
    *,
    escape: Callable[[str], str] = html.escape,
    element: str = "span",
    css_class: str = "sign-off",
    latin_lang: str | None = "en",
) -> str:
    """The style's closing agency mark (``(PAP)``) as HTML; empty when it has none."""
    if not formatted.sign_off_parts:
        return ""
    return _element_html(formatted, True, escape, element, css_class, latin_lang)
