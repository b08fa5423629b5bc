"""Writing systems: the Unicode script of each letter, and the scripts a locale's text uses.

The script evidence layer: letters in a script the page's locale does not use are the
cheapest and surest sign of a leak. A locale's scripts come from CLDR (its likely script:
``ja`` → ``Jpan`` → Han, Hiragana and Katakana).
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Iterable

from l10n.locales import script_of

__all__ = [
    "expected_scripts",
    "letter_scripts",
    "letter_weight",
    "primary_scripts",
    "script_of_char",
]

# First word of a Unicode character name → ISO 15924 code, for the scripts pages use.
_NAME_SCRIPTS = {
    "LATIN": "Latn", "CYRILLIC": "Cyrl", "GREEK": "Grek", "ARABIC": "Arab", "HEBREW": "Hebr",
    "DEVANAGARI": "Deva", "BENGALI": "Beng", "GURMUKHI": "Guru", "GUJARATI": "Gujr",
    "ORIYA": "Orya", "TAMIL": "Taml", "TELUGU": "Telu", "KANNADA": "Knda", "MALAYALAM": "Mlym",
    "SINHALA": "Sinh", "THAI": "Thai", "LAO": "Laoo", "TIBETAN": "Tibt", "MYANMAR": "Mymr",
    "GEORGIAN": "Geor", "HANGUL": "Hang", "ETHIOPIC": "Ethi", "KHMER": "Khmr",
    "ARMENIAN": "Armn", "HIRAGANA": "Hira", "KATAKANA": "Kana", "CJK": "Hani",
    "SYRIAC": "Syrc", "THAANA": "Thaa", "MONGOLIAN": "Mong", "BOPOMOFO": "Bopo",
}
# Locale scripts that are written with several character scripts.
_COMPOUND = {
    "Jpan": frozenset({"Hani", "Hira", "Kana"}),
    "Kore": frozenset({"Hang", "Hani"}),
    "Hans": frozenset({"Hani"}),
    "Hant": frozenset({"Hani", "Bopo"}),
}


@functools.lru_cache(maxsize=65536)
def script_of_char(char: str) -> str | None:
    """The ISO 15924 script of a letter, or None for anything that is not a letter."""
    category = unicodedata.category(char)
    if category[0] != "L":
        return None
    name = unicodedata.name(char, "")
    if not name:
        return "Zzzz"
    words = name.split()
    first = words[0]
    if first in ("HALFWIDTH", "FULLWIDTH") and len(words) > 1:
        first = words[1]
    if first == "KATAKANA-HIRAGANA":
        return "Kana"
    if first in ("FEMININE", "MASCULINE"):  # ª º, the Spanish and Portuguese ordinals
        return "Latn"
    return _NAME_SCRIPTS.get(first)


class _ScriptTable(dict[int, str | None]):
    """A ``str.translate`` table from a letter to a one-character script tag, filled on
    first sight of each character, so counting scripts runs at C speed."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}
        self.scripts: dict[str, str] = {}

    def __missing__(self, code: int) -> str | None:
        script = script_of_char(chr(code))
        tag = None
        if script is not None:
            tag = self.tags.get(script)
            if tag is None:
                tag = chr(0xE000 + len(self.tags))  # a private-use character per script
                self.tags[script] = tag
                self.scripts[tag] = script
        self[code] = tag
        return tag


_TABLE = _ScriptTable()  # the named cache behind letter_scripts
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


@functools.lru_cache(maxsize=131072)
def letter_scripts(text: str) -> Counter[str]:
    """How many letters of ``text`` are in each script (a shared result: do not modify)."""
    if text.isascii():
        letters = len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
        return Counter({"Latn": letters}) if letters else Counter()
    tagged = text.translate(_TABLE)  # one tag character per letter
    counts: Counter[str] = Counter()
    if tagged and tagged.count(tagged[0]) == len(tagged):  # one script: the common case
        counts[_TABLE.scripts[tagged[0]]] = len(tagged)
        return counts
    for tag, n in Counter(tagged).items():
        counts[_TABLE.scripts[tag]] = n
    return counts


# Scripts a locale's text may contain but never consists of alone (Hanja in Korean).
_SECONDARY = {"Kore": frozenset({"Hani"})}


@functools.cache
def expected_scripts(locale: str) -> frozenset[str]:
    """The character scripts text in ``locale`` is written in."""
    script = script_of(locale)
    return _COMPOUND.get(script, frozenset({script}))


@functools.cache
def primary_scripts(locale: str) -> frozenset[str]:
    """The scripts a text in ``locale`` needs at least one letter of (Hangul for Korean)."""
    script = script_of(locale)
    return expected_scripts(locale) - _SECONDARY.get(script, frozenset())


def letter_weight(script: str) -> int:
    """How much one letter of ``script`` weighs against Latin letters: a Han, kana or Hangul
    character is a syllable or a word, not a letter."""
    return 3 if script in ("Hani", "Hira", "Kana", "Hang") else 1


def share_in(counts: Counter[str], scripts: Iterable[str]) -> float:
    """The share of the counted letters that are in ``scripts``."""
    total = sum(counts.values())
    if not total:
        return 0.0
    wanted = set(scripts)
    return sum(n for script, n in counts.items() if script in wanted) / total
