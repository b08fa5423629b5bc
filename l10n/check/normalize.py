"""Text as a reader sees it, for judging: invisible characters out, spaces plain and single.

A page's text carries characters that shape how it is shown, not what it says: soft hyphens
(``Leich&shy;te Spra&shy;che``, hyphenation points German public sites put in long words),
zero-width spaces and joiners, the word joiner and a stray byte order mark, bidi marks,
embeddings and isolates, and no-break and other fixed-width spaces. Left in, they cut words
into pieces no word list holds, and a German word reads as Italian. They are removed before a
text is judged (spaces become one plain space), except the zero-width non-joiner between two
letters of a script whose spelling needs it: Persian and the other Arabic-script languages
write ``می‌خواهم`` with it, and the Indic scripts use it to choose a conjunct's form.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_for_judging"]

_ZWNJ = "\u200c"
# Removed: soft hyphen, zero-width space and joiner, word joiner, BOM / zero-width no-break
# space, Arabic letter mark, LRM/RLM, embeddings and overrides, isolates.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200d\u2060\ufeff\u061c\u200e\u200f"
                                    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_SPECIAL = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
_ZWNJ_RUN = re.compile("\u200c+")
# Scripts that spell with the zero-width non-joiner (first word of a Unicode character name).
_ZWNJ_SCRIPTS = frozenset({
    "ARABIC", "SYRIAC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL",
    "TELUGU", "KANNADA", "MALAYALAM", "SINHALA",
})


def normalize_for_judging(text: str) -> str:
    """``text`` without the characters that only shape its display (see the module), the
    zero-width non-joiner kept between letters of scripts that spell with it; every run of
    whitespace (no-break and other fixed-width spaces too) one space; no space at either end."""
    if not text.isascii() and _SPECIAL.search(text) is not None:  # isascii: O(1)
        if _ZWNJ in text:
            text = _ZWNJ_RUN.sub(_keep_zwnj, text)
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())  # str.split knows every Unicode space


def _keep_zwnj(match: re.Match[str]) -> str:
    """One ZWNJ where both neighbours (letters or marks, such as a virama) are of a script
    that spells with it, else nothing."""
    text, start, end = match.string, match.start(), match.end()
    if start == 0 or end == len(text):
        return ""
    return _ZWNJ if _spells_with_zwnj(text[start - 1]) and _spells_with_zwnj(text[end]) else ""


def _spells_with_zwnj(char: str) -> bool:
    if unicodedata.category(char)[0] not in "LM":
        return False
    return unicodedata.name(char, "").split(" ", 1)[0] in _ZWNJ_SCRIPTS
