"""Read a date as a page shows it, in any CLDR locale: ``Tuesday, March 5, 2024``,
``вторник, 5 марта 2024 г., 10:00``, ``الثلاثاء، ٥ مارس ٢٠٢٤``, ``2024年3月5日(火)``, ``05.03.24``.

:func:`read_shown_date` gives the dates a short text can mean (:class:`ShownDate`: only the
fields the text shows) or nothing when it cannot tell; it never guesses. The matchers are built
from Babel's CLDR data for the locale's language (its regional variants too, so Levantine
``آذار`` counts in ``ar``), with English as a fallback:

* month names wide and abbreviated, format (genitive: ``марта``, ``marca``, ``Μαρτίου``) and
  stand-alone; weekday names wide and abbreviated; the words CLDR's date patterns put around
  the fields (``de``, ``г.``, ``年``, ``m.``/``d.``, the ``ב`` glued to a Hebrew month) and era
  names, which may sit between the fields; day periods (AM/PM) for 12-hour times;
* digits of any decimal system (``٥``, ``۵``, ``५``, ``৫``, ``၅``...) read through
  :func:`unicodedata.decimal`;
* a numeric date (``05.03.2024``, ``3/5/24``, ``2024/03/05``) in the order of the locale's
  CLDR short date pattern; a text that does not fit that order (the year first on a
  day-first locale, a "month" over 12) is read in any order that makes a date;
* a time (``10:30``, ``10.30`` where the locale writes times so, ``10h30``, ``10時30分``,
  ``오후 3:30``), with both halves of the day when a 12-hour locale's text names neither.

What is not read: relative words (``today``, ``2 hours ago``), a lone number, a number next
to an unknown word, month names of other calendars (``اسفند``, ``رمضان``). A year far from
the Gregorian one (``1402``, ``5784``) is another calendar's: :func:`year_agrees` says so,
and the Thai Buddhist (+543) and Minguo (-1911) years are understood.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from l10n.locales import language_of, parse_locale
from l10n.prose import ascii_digits

__all__ = ["ShownDate", "read_shown_date", "year_agrees"]

# Languages whose pages often date by another calendar with numbers like Gregorian ones: a
# numeric date there is judged only with a four-digit Gregorian year (``۱۲/۱۵`` and
# ``02/12/15`` may be Solar Hijri, ``25/8`` Hijri). Thai Buddhist years are understood.
_OTHER_CALENDARS = frozenset({"fa", "ps", "ar", "ur", "am", "ti", "dz"})
# Ethiopic years run 7 or 8 behind the Gregorian ones.
_ETHIOPIC = frozenset({"am", "ti"})
# Signs of a year after its number (``2024年``, ``6年`` of an era): that number is no day.
_YEAR_SIGNS = frozenset({"年", "년"})
_MONTH_SIGNS = frozenset({"月", "월"})
# A Chinese month name followed by a day in Chinese numerals and no 日: a lunar date.
_LUNAR = re.compile(r"月[初十廿卅一二三四五六七八九]+(?![日号號\d])")
# A four-digit year this far from the expected Gregorian one is another calendar's.
_CALENDAR_GAP = 50
_BUDDHIST, _MINGUO = 543, -1911
# Words every locale may put around a date (English labels and the fallback's fillers).
_COMMON_FILLERS = frozenset({"the", "of", "on", "at", "de", "del", "le", "am", "um", "uhr"})
_ORDINALS = frozenset({"st", "nd", "rd", "th", "er", "re", "º", "ª", "°"})
# Separators allowed between the fields of a spelled-out date.
_GAP_SEPARATORS = frozenset(",.-/،、၊·")
_MAX_GAP = 4  # separators and filler words between two fields
_MAX_FILLERS = 2
# Scripts written without spaces between words: their names need no word boundary.
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN",
             "HANGUL")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c"
                                    "\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u0640"),
                           None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u3000\t\n\r"), " ")
_GREEK = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك",
                         "\u05f3": "'", "\u05f4": '"', "’": "'", "ʼ": "'"})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")


@dataclass(frozen=True, slots=True)
class ShownDate:
    """One meaning of a shown date: the fields the text shows (None where it shows none).

    ``weekday`` counts from Monday (0); ``year_digits`` is 2 for a two-digit year (``24``);
    ``times`` are the (hour, minute) the text's time can mean (two for ``10:30`` on a
    12-hour locale without AM or PM), empty when it shows no time.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    times: tuple[tuple[int, int], ...] = ()
    year_digits: int = 4

    @property
    def has_date(self) -> bool:
        """Whether the text shows any field of a date (a time alone is not judged)."""
        return any(v is not None for v in (self.year, self.month, self.day, self.weekday))


def year_agrees(shown: ShownDate, year: int, locale: str | None = None) -> bool | None:
    """Whether ``shown``'s year is ``year``: True, False, or None when it is another
    calendar's year (far from ``year``, or two digits on a locale of :data:`_OTHER_CALENDARS`)
    and so says nothing. A Buddhist (+543) or Minguo (-1911) year agrees."""
    if shown.year is None:
        return True
    if shown.year_digits == 2:
        if shown.year in (year % 100, (year + _BUDDHIST) % 100):
            return True
        other = locale is not None and _language(locale) in _OTHER_CALENDARS
        return None if other else False
    counted = (year, year + _BUDDHIST, year + _MINGUO)
    if shown.year in counted:
        return True
    if locale is not None and _language(locale) in _ETHIOPIC and year - shown.year in (7, 8):
        return None
    return False if any(abs(shown.year - y) <= _CALENDAR_GAP for y in counted) else None


def read_shown_date(text: str, locale: str | None) -> tuple[ShownDate, ...]:
    """The dates ``text`` can mean in ``locale`` (``()`` when it shows no date this module
    can read with confidence). Several dates in one text (a range) are several meanings."""
    if not text or len(text) > 200 or not any(ch.isalnum() for ch in text):
        return ()
    table = _table(_table_key(locale))
    folded = fold(text)
    if _LUNAR.search(folded):
        return ()
    times, folded = _times(folded, table)
    tokens = _tokens(folded, table)
    return tuple(dict.fromkeys(_readings(tokens, times, table)))


# --------------------------------------------------------------------------------------------
# Normalizing


def fold(text: str) -> str:
    """``text`` as the matchers read it: NFKC, case-folded, ASCII digits, one kind of space,
    no invisible marks, Greek accents and Arabic letter variants unified."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_SPACES)
    text = text.casefold().replace("i\u0307", "i").replace("ı", "i")
    text = _ARABIC_MARKS.sub("", text.translate(_GREEK).translate(_ARABIC))
    return " ".join(ascii_digits(text).split())


def _language(locale: str) -> str:
    try:
        return language_of(parse_locale(locale))
    except Exception:  # an unknown locale: only the English fallback applies
        return ""


# --------------------------------------------------------------------------------------------
# Tables


@dataclass(frozen=True, slots=True)
class _Table:
    """A locale's matchers (see the module docstring)."""

    names: Mapping[str, tuple[frozenset[int], frozenset[int]]]  # key: (months, weekdays)
    pattern: re.Pattern[str]
    fillers: frozenset[str]
    am: frozenset[str]
    pm: frozenset[str]
    orders: tuple[str, ...]  # numeric orders of the short patterns: "dMy", "Mdy", "yMd"
    day_month: str  # order of a numeric day and month without a year: "dM" or "Md"
    twelve_hour: bool
    dotted_time: bool  # the locale writes 10.30 for a time
    other_calendar: bool  # see _OTHER_CALENDARS


def _table_key(locale: str | None) -> str:
    if not locale:
        return "en"
    try:
        return parse_locale(locale)
    except Exception:
        return "en"


@functools.lru_cache(maxsize=64)
def _table(identifier: str) -> _Table:
    """The matchers for a locale identifier (``en``, ``de_AT``, ``sr_Latn``)."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        own = Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        own = Locale.parse("en")
    variants = list(_variants(own))
    locales = [own, *variants]
    if own.language != "en":
        locales.append(Locale.parse("en"))
    names: dict[str, tuple[set[int], set[int]]] = {}
    owner: dict[str, str] = {}  # the language that defined a key first (English last)
    for loc in locales:
        for key, month, weekday in _names_of(loc):
            if owner.setdefault(key, loc.language) != loc.language:
                continue  # the page's own language wins over the English fallback
            months, weekdays = names.setdefault(key, (set(), set()))
            if month is not None:
                months.add(month)
            if weekday is not None:
                weekdays.add(weekday)
    # A name two months share (across the regional variants) says no month.
    frozen = {k: (frozenset(m) if len(m) == 1 else frozenset(), frozenset(w) if len(w) == 1
                  else frozenset()) for k, (m, w) in names.items()}
    frozen = {k: v for k, v in frozen.items() if v[0] or v[1]}
    fillers, prefixes = _pattern_words(own)
    am, pm = _day_periods(own)
    # A language-only locale whose regions write numeric dates in different orders (en: US
    # M/d/y, British d/M/y) does not say which: either is read.
    orders = tuple(dict.fromkeys(_order(loc.date_formats["short"].pattern)
                                 for loc in (own, *variants)))
    md = own.datetime_skeletons.get("Md")
    day_month = "Md" if md is not None and _order(md.pattern).index("M") == 0 else "dM"
    time_pattern = str(own.time_formats["short"].pattern)
    return _Table(
        names=frozen,
        pattern=_names_pattern(frozen, prefixes),
        fillers=fillers | _COMMON_FILLERS,
        am=am, pm=pm,
        orders=orders,
        day_month=day_month,
        twelve_hour="h" in time_pattern or "K" in time_pattern,
        dotted_time=bool(re.search(r"[Hh]\.m", time_pattern)),
        other_calendar=own.language in _OTHER_CALENDARS,
    )


def _variants(own: Any) -> Iterator[Any]:
    """The regional variants of a language-only locale (``ar`` → ``ar_SY``...): their
    month names are the language's too. A regional locale stands alone."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    if own.territory is not None:
        return
    for identifier in sorted(locale_identifiers()):
        if identifier.split("_", 1)[0] == own.language and identifier != str(own):
            loc = Locale.parse(identifier)
            if loc.script == own.script or own.script is None:
                yield loc


def _names_of(loc: Any) -> Iterator[tuple[str, int | None, int | None]]:
    """(key, month, weekday) of every month and weekday name of a locale."""
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in loc.months[context][width].items():
                yield _name_key(name), number, None
            for number, name in loc.days[context][width].items():
                yield _name_key(name), None, number


def _name_key(name: str) -> str:
    return fold(name).rstrip(".")


def _pattern_words(loc: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The literal words of a locale's date patterns (``de``, ``г``, ``年``), its era
    names, and the literals glued before a month (Hebrew ``ב``)."""
    patterns = [str(p.pattern) for p in loc.date_formats.values()]
    patterns += [str(p.pattern) if hasattr(p, "pattern") else str(p)
                 for p in loc.datetime_skeletons.values()]
    patterns += [str(p) for p in loc.datetime_formats.values()]
    words: set[str] = set()
    prefixes: set[str] = set()
    for pattern in patterns:
        for literal, glued in _literals(pattern):
            for word in _WORD.findall(fold(literal)):
                words.add(word.rstrip("."))
            if glued and re.fullmatch(r"[^\W\d_]{1,2}", fold(literal)):
                prefixes.add(fold(literal))
    for width in ("abbreviated", "wide"):
        for era in loc.eras.get(width, {}).values():
            words.update(w.rstrip(".") for w in fold(era).split())
    return frozenset(w for w in words if w), frozenset(prefixes)


_WORD = re.compile(r"[^\s\d,;:/\-–—()\[\]（）【】「」\"'،。、·•|{}]+")


def _literals(pattern: str) -> Iterator[tuple[str, bool]]:
    """The literal texts of a CLDR pattern, each with whether a month field follows it
    directly."""
    parts = re.findall(r"'((?:[^']|'')*)'|([A-Za-z])\2*|\{\d\}|([^'A-Za-z{]+)", pattern)
    for index, (quoted, field, plain) in enumerate(parts):
        literal = quoted.replace("''", "'") if quoted else plain
        if not literal or field:
            continue
        following = parts[index + 1][1] if index + 1 < len(parts) else ""
        yield literal, following in ("M", "L") and not literal[-1:].isspace()


def _day_periods(loc: Any) -> tuple[frozenset[str], frozenset[str]]:
    am, pm = {"am", "a.m", "a. m"}, {"pm", "p.m", "p. m"}
    for width in ("abbreviated", "wide", "narrow"):
        periods = loc.day_periods.get("format", {}).get(width, {})
        if "am" in periods:
            am.add(_name_key(periods["am"]))
        if "pm" in periods:
            pm.add(_name_key(periods["pm"]))
    return frozenset(am), frozenset(pm)


def _order(pattern: str) -> str:
    """The order of year, month and day fields in a CLDR pattern (``dMy``)."""
    fields = re.sub(r"'(?:[^']|'')*'", "", pattern)
    out = ""
    for ch in fields:
        ch = {"L": "M", "c": "", "e": ""}.get(ch, ch)
        if ch in "yMd" and ch and ch not in out:
            out += ch
    return out


def _unspaced(name: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(_UNSPACED) for ch in name if ch.isalpha())


def _names_pattern(names: Mapping[str, object], prefixes: frozenset[str]) -> re.Pattern[str]:
    """One regex for every name, longest first; names of spaced scripts need word
    boundaries (a glued prefix such as Hebrew ``ב`` allowed), and may end in a period."""
    bounded, free = [], []
    for key in sorted(names, key=lambda k: (-len(k), k)):
        body = r"\s?".join(re.escape(part) for part in key.split(" "))
        (free if _unspaced(key) else bounded).append(body)
    prefix = "(?:" + "|".join(map(re.escape, sorted(prefixes))) + ")?" if prefixes else ""
    alternatives = []
    if bounded:
        alternatives.append(rf"(?<![^\W\d_]){prefix}(?P<name>{'|'.join(bounded)})\.?"
                            rf"(?![^\W\d_])")
    if free:
        alternatives.append(f"(?P<free>{'|'.join(free)})")
    return re.compile("|".join(alternatives) or "(?!)")


# --------------------------------------------------------------------------------------------
# Times

_TIME = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])|\s?(?:h|時|时|点|點|시)\s?)(?P<m>[0-5]\d)"
    r"(?::[0-5]\d)?(?:\s?(?:分|분))?(?![\d:])(?P<after>\.?\s?(?:uhr|h\b|hrs|horas|น))?"
)


def _times(folded: str, table: _Table) -> tuple[tuple[tuple[int, int], ...], str]:
    """The (hour, minute) the text's time can mean, and the text with the time taken out."""
    found: list[tuple[int, int]] = []
    out, last = [], 0
    first: re.Match[str] | None = None
    for m in _TIME.finditer(folded):
        if m["sep"] == "." and not (table.dotted_time or m["after"]):
            continue
        if m["sep"] == "." and not m["after"] and folded[m.end():m.end() + 1] in \
                (".", *"0123456789"):
            continue  # a numeric date (05.03.2024), not a time
        found.append((int(m["h"]), int(m["m"])))
        first = first or m
        out.append(folded[last:m.start()] + " \x00 ")
        last = m.end()
    out.append(folded[last:])
    rest = "".join(out)
    if not found:
        return (), rest
    hour, minute = found[0]
    assert first is not None
    padded = len(first["h"]) == 2  # "04:47": a 24-hour clock's writing
    words = set(re.findall(r"[^\W\d_]+(?:\.\s?[^\W\d_]+)?", rest))
    is_pm = bool(words & table.pm) or any(p in rest for p in table.pm if not p.isascii())
    is_am = bool(words & table.am) or any(a in rest for a in table.am if not a.isascii())
    if not 1 <= hour <= 12:
        hours: tuple[int, ...] = (hour,)
    elif table.twelve_hour and is_pm != is_am:
        hours = ((hour % 12) + (12 if is_pm else 0),)
    elif table.twelve_hour or is_pm or is_am or not padded:
        # No marker on a 12-hour locale, one on a 24-hour locale (where "am" is also a German
        # word), or an unpadded hour there (an English "4:47" on a German page): either half.
        hours = (hour % 12, hour % 12 + 12) if hour != 12 else (0, 12)
    else:
        hours = (hour,)
    return tuple((h, minute) for h in hours), rest


# --------------------------------------------------------------------------------------------
# Tokens


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "num", "name", "word", "sep", "time"
    text: str
    value: int = 0
    months: frozenset[int] = frozenset()
    weekdays: frozenset[int] = frozenset()
    spaced: bool = False  # a space came before it


_WORDS = re.compile(r"(?P<num>\d+)|(?P<time>\x00)|(?P<word>[^\s\d,.;:/\-–—()\[\]（）【】「」\"'"
                    r"،。、·•|\x00]+)|(?P<sep>\S)")


def _tokens(folded: str, table: _Table) -> list[_Token]:
    tokens: list[_Token] = []
    pos, end = 0, len(folded)
    while pos < end:
        spaced = pos > 0 and folded[pos - 1] == " "
        if folded[pos] == " ":
            pos += 1
            continue
        named = table.pattern.match(folded, pos)
        if named is not None and named.end() > pos and not _lone_sign(folded, named):
            key = _name_key(named["name"] if named.groupdict().get("name") else named["free"])
            months, weekdays = table.names[key]
            tokens.append(_Token("name", key, months=months, weekdays=weekdays, spaced=spaced))
            pos = named.end()
            continue
        m = _WORDS.match(folded, pos)
        assert m is not None
        kind = m.lastgroup or "sep"
        text = m.group(0)
        if kind == "word":
            # A word may hold a name glued on (Thai "วันอังคารที่"): cut before it.
            found = table.pattern.search(folded, pos + 1, m.end())
            if found is not None and found.start() > pos:
                text = folded[pos:found.start()]
        if kind == "num":
            tokens.append(_Token("num", text, value=int(text), spaced=spaced))
        elif kind == "word" and tokens and tokens[-1].kind == "num" and not spaced \
                and text in _ORDINALS:
            pass  # "5th", "1er": the number alone counts
        elif kind == "word" and text in _MONTH_SIGNS and tokens and tokens[-1].kind == "num" \
                and not spaced and 1 <= tokens[-1].value <= 12:
            # "03月", "03월": CLDR's month names are "3月"; a padded number is the month too.
            number = tokens.pop()
            tokens.append(_Token("name", number.text + text, months=frozenset({number.value}),
                                 spaced=number.spaced))
        else:
            tokens.append(_Token(kind, text, spaced=spaced))
        pos += len(text)
    return tokens


def _lone_sign(folded: str, named: re.Match[str]) -> bool:
    """A one-character name of an unspaced script (Japanese ``火``, ``日``; Korean ``일``)
    outside brackets: more likely the day or month sign of a date (``5日``) than a weekday."""
    free = named.groupdict().get("free")
    if not free or len(free) != 1:
        return False
    before = folded[named.start() - 1:named.start()]
    after = folded[named.end():named.end() + 1]
    return not (before in "(（[" and before and after in ")）]" and after)


# --------------------------------------------------------------------------------------------
# Readings


@dataclass(frozen=True, slots=True)
class _Core:
    """Fields read from tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_digits: int = 4

    @property
    def size(self) -> int:
        return sum(v is not None for v in (self.year, self.month, self.day))


def _readings(tokens: list[_Token], times: tuple[tuple[int, int], ...],
              table: _Table) -> Iterator[ShownDate]:
    cores = list(_cores(tokens, table))
    if cores:
        chosen = _disjoint(cores)
        if len(chosen) == 1 or len({(c.start, c.end) for c in chosen}) == 1:
            # Alternatives of one stretch (03/04/2024 read both ways) or one date: a weekday
            # next to it belongs to it.
            weekday = _weekday(tokens, chosen[0], table)
        else:
            weekday = None  # a range: which date the weekday names is unclear
        if weekday is False:
            return
        for core in chosen:
            yield ShownDate(core.year, core.month, core.day,
                            weekday if isinstance(weekday, int) else None, times,
                            core.year_digits)
        return
    alone = _alone(tokens, table)
    if alone is not None:
        yield ShownDate(alone[0], alone[1], None, alone[2], times)


def _disjoint(cores: list[_Core]) -> list[_Core]:
    """The dates the text shows: the cores with the most fields first, then any other of two
    fields or more that overlaps none kept (the other end of a range, ``Mar 5 – Mar 7,
    2024``); alternatives of one stretch are all kept (``03/04/2024`` read both ways)."""
    kept: list[_Core] = []
    best = max(c.size for c in cores)
    for core in sorted(cores, key=lambda c: (-c.size, c.start, -c.end)):
        if core.size < min(best, 2):
            break
        if all(core.end <= k.start or core.start >= k.end or (core.start, core.end) ==
               (k.start, k.end) for k in kept):
            kept.append(core)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _weekday(tokens: list[_Token], core: _Core, table: _Table) -> int | None | bool:
    """The weekday named next to ``core`` (separators and fillers between), None when none
    is, False when two different ones are (the text cannot be read)."""
    found: set[int] = set()
    for step, edge in ((-1, core.start - 1), (1, core.end)):
        k = edge
        gap = 0
        while 0 <= k < len(tokens) and gap <= _MAX_GAP:
            token = tokens[k]
            if token.kind == "name" and token.weekdays:
                found |= token.weekdays
                break
            if not _gap_token(token, table):
                break
            gap += 1
            k += step
    if len(found) > 1:
        return False
    return found.pop() if found else None


def _gap_token(token: _Token, table: _Table) -> bool:
    if token.kind == "sep":
        return token.text in _GAP_SEPARATORS or token.text in "()（）[]"
    if token.kind == "time":
        return True
    return token.kind == "word" and _filler(token.text, table)


def _filler(word: str, table: _Table) -> bool:
    return word in table.fillers or word.rstrip(".") in table.fillers


def _gap(tokens: list[_Token], k: int, table: _Table) -> int:
    """The index after the separators and filler words from ``k`` (at most a few)."""
    seps = fillers = 0
    while k < len(tokens):
        token = tokens[k]
        if token.kind == "sep" and token.text in _GAP_SEPARATORS and seps < _MAX_GAP:
            seps += 1
        elif token.kind == "word" and _filler(token.text, table) and fillers < _MAX_FILLERS:
            fillers += 1
        else:
            break
        k += 1
    return k


def _day(token: _Token) -> int | None:
    if token.kind == "num" and len(token.text) <= 2 and 1 <= token.value <= 31:
        return token.value
    return None


def _year(token: _Token) -> int | None:
    if token.kind == "num" and len(token.text) == 4 and 1000 <= token.value <= 9999:
        return token.value
    return None


def _month(token: _Token) -> int | None:
    if token.kind == "name" and token.months:
        return next(iter(token.months))
    return None


def _cores(tokens: list[_Token], table: _Table) -> Iterator[_Core]:
    """Every date the tokens spell, wherever it starts."""
    n = len(tokens)
    for i in range(n):
        yield from _numeric(tokens, i, table)
        first = tokens[i]
        day, month, year = _day(first), _month(first), _year(first)
        if i + 1 < n and tokens[i + 1].text in _YEAR_SIGNS:
            day = None  # "6年3月5日": the 6 is an era's year, not a day
        j = _gap(tokens, i + 1, table)
        second = tokens[j] if j < n else None
        if second is None:
            continue
        k = _gap(tokens, j + 1, table)
        third = tokens[k] if k < n else None
        if day is not None and (m := _month(second)) is not None:  # 5 March [2024]
            if third is not None and (y := _year(third)) is not None:
                yield _Core(i, k + 1, y, m, day)
            yield _Core(i, j + 1, None, m, day)
        if month is not None and (d := _day(second)) is not None:  # March 5[, 2024]
            if third is not None and (y := _year(third)) is not None:
                yield _Core(i, k + 1, y, month, d)
            # "March 5 1990" is plausible, "March 24" ambiguous with a year: a day.
            yield _Core(i, j + 1, None, month, d)
        if month is not None and (y := _year(second)) is not None:  # March 2024
            yield _Core(i, j + 1, y, month, None)
        if year is not None and (m := _month(second)) is not None:  # 2024 March [5]
            if third is not None and (d := _day(third)) is not None:
                yield _Core(i, k + 1, year, m, d)
            yield _Core(i, j + 1, year, m, None)


_NUMERIC_SEPARATORS = frozenset("./-")


def _numeric(tokens: list[_Token], i: int, table: _Table) -> Iterator[_Core]:
    """``05.03.2024``, ``3/5/24``, ``2024-03-05``, ``5. 3. 2024``, ``2024. 03. 05.``, and
    ``05.03.`` / ``3/5`` (a day and a month) when nothing but a weekday or a time is around."""
    n = len(tokens)
    if tokens[i].kind != "num" or (i > 0 and tokens[i - 1].kind == "num"):
        return
    if i > 0 and tokens[i - 1].kind == "sep" and tokens[i - 1].text in _NUMERIC_SEPARATORS \
            and i > 1 and tokens[i - 2].kind == "num":
        return  # inside a longer numeric run
    numbers = [tokens[i]]
    sep = None
    k = i + 1
    while k + 1 < n and len(numbers) < 3:
        s, nxt = tokens[k], tokens[k + 1]
        if s.kind != "sep" or s.text not in _NUMERIC_SEPARATORS or nxt.kind != "num" \
                or (sep is not None and s.text != sep) or s.spaced:
            break
        sep = s.text
        numbers.append(nxt)
        k += 2
    if sep is None:
        return
    end = k
    if end < n and tokens[end].kind == "sep" and tokens[end].text == sep:
        end += 1  # "05.03." or "2024. 03. 05."
    if end < n and tokens[end].kind == "num":
        return
    if table.other_calendar and not any(_year(t) is not None for t in numbers):
        return  # maybe another calendar's date (see _OTHER_CALENDARS)
    if len(numbers) == 3:
        yield from _three(numbers, i, end, table)
    elif len(numbers) == 2 and _only_date(tokens, i, end, table):
        a, b = numbers
        if len(a.text) <= 2 and len(b.text) <= 2:
            day, month = (a.value, b.value) if table.day_month == "dM" else (b.value, a.value)
            if _valid(None, month, day):
                yield _Core(i, end, None, month, day)


def _only_date(tokens: list[_Token], start: int, end: int, table: _Table) -> bool:
    """Whether everything outside tokens ``start``..``end`` is a weekday, a time, a
    separator or a filler."""
    return all(t.kind == "time" or _gap_token(t, table) or (t.kind == "name" and t.weekdays)
               or t.kind == "sep" for t in tokens[:start] + tokens[end:])


def _three(numbers: list[_Token], start: int, end: int, table: _Table) -> Iterator[_Core]:
    a, b, c = numbers
    lengths = tuple(len(t.text) for t in numbers)
    if lengths[0] == 4 and lengths[1] <= 2 and lengths[2] <= 2:
        orders: tuple[str, ...] = ("yMd",)
    elif lengths[2] == 4 and lengths[0] <= 2 and lengths[1] <= 2:
        own = tuple(o for o in table.orders if o in ("dMy", "Mdy"))
        orders = own or ("dMy", "Mdy")
    elif max(lengths) <= 2:
        orders = table.orders  # two-digit years: only the locale's own orders
    else:
        return
    readings = [r for r in (_by_order(o, a, b, c) for o in orders) if r is not None]
    if not readings and lengths[2] == 4:
        # The text does not fit the locale's order ("25/03/2024" on an en page): any
        # order that makes a date.
        readings = [r for r in (_by_order(o, a, b, c) for o in ("dMy", "Mdy"))
                    if r is not None]
    for year, month, day, digits in readings:
        yield _Core(start, end, year, month, day, digits)


def _by_order(order: str, a: _Token, b: _Token, c: _Token) -> tuple[int, int, int, int] | None:
    fields = dict(zip(order, (a, b, c), strict=True))
    year_token = fields["y"]
    year, month, day = year_token.value, fields["M"].value, fields["d"].value
    digits = len(year_token.text)
    if digits == 2:
        if not _valid(2000, month, day):
            return None
    elif digits != 4 or not _valid(year, month, day):
        return None
    return year, month, day, digits


def _valid(year: int | None, month: int, day: int) -> bool:
    import calendar

    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2000, month)[1]


def _alone(tokens: list[_Token], table: _Table) -> tuple[int | None, int | None, int | None] | None:
    """A text that is only a year (``2024``), only a month name, or only a weekday (times,
    separators and fillers aside): (year, month, weekday)."""
    meaningful = [t for t in tokens if not (t.kind == "time" or _gap_token(t, table))]
    if len(meaningful) != 1:
        return None
    token = meaningful[0]
    if (year := _year(token)) is not None and not any(t.kind == "time" for t in tokens):
        return year, None, None
    if token.kind == "name":
        if token.months and not token.weekdays:
            return None, next(iter(token.months)), None
        if token.weekdays and not token.months:
            return None, None, next(iter(token.weekdays))
    return None
