"""Measures of running text that readers and detectors share: words, sentence ends, numbers.

Languages written without spaces (Chinese, Japanese) are measured in characters; the
thresholds that use these functions say how many characters count as a word.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ascii_digits",
    "blank_found",
    "collapse_space",
    "count_cjk",
    "count_words",
    "ends_sentence",
    "is_number",
    "parse_counter",
]

# Han, kana, CJK punctuation and full-width forms: scripts written without spaces between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u31f0-\u31ff]")
_SENTENCE_END = frozenset(".!?…。！？؟।")
_CLOSERS = frozenset("\"'»”’)]）」』")
_NUMBER = re.compile(r"[+-]?\d[\d\s.,'\u00a0\u202f\u066b\u066c]*%?")
# A token's first letter and the rest of the token (``\s`` is exactly ``str.isspace``): one
# match per whitespace-separated token that holds a letter.
_WORD_TOKEN = re.compile(r"[^\W\d_]\S*")


def blank_found(match: re.Match[str]) -> str:
    """For ``pattern.sub``: a space for what group 1 found, the rest of the match as it was.
    A pattern whose second, possessive alternative takes the rest of a run in which group 1
    failed (every later start in it would fail alike) blanks in linear time what searching
    group 1's pattern alone from every character blanks in quadratic time."""
    return " " if match.group(1) is not None else match.group()


def collapse_space(text: str) -> str:
    """``text`` stripped, with every run of whitespace (no-break spaces too) made one space."""
    return " ".join(text.split())


def count_cjk(text: str) -> int:
    """Number of Han and kana characters in ``text``."""
    if text.isascii():  # O(1) for a str: no Han or kana in ASCII
        return 0
    return len(_CJK.findall(text))


def count_words(text: str) -> int:
    """Number of whitespace-separated tokens that contain a letter (CJK runs count as one)."""
    return len(_WORD_TOKEN.findall(text))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation, possibly followed by closing quotes."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in _CLOSERS:
        return True
    return stripped[-1] in _SENTENCE_END


def is_number(text: str) -> bool:
    """True for a bare number in any decimal digits, with group separators (``1,234``, ``٣``)."""
    text = text.strip()
    if not text or not _NUMBER.fullmatch(ascii_digits(text)):
        return False
    return any(ch.isdigit() for ch in text)


_DIGIT = re.compile(r"\d")
_GROUP_SEPARATORS = " .,\u00a0\u202f"
_GROUPED = re.compile(r"\d+|\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+")
_NUM = r"(?P<n>\d[\d\s.,\u00a0\u202f]*)"
_LABEL = r"(?P<label>[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?)"
_COUNTER_LABEL_AFTER = re.compile(_NUM + r"\s+" + _LABEL)
_COUNTER_LABEL_BEFORE = re.compile(_LABEL + r"\s*(?::\s*|\(\s*|\s+)" + _NUM + r"\)?")


def parse_counter(text: str) -> tuple[int, str | None] | None:
    """A counter's number and label: ``"0"`` → (0, None), ``"12 comments"`` → (12, "comments").

    Accepts a bare number, a number followed by a one- or two-word label, or a label followed by
    ``: N`` or ``(N)``. Returns None for anything else.
    """
    if _DIGIT.search(text) is None:  # every counter has a (decimal) digit
        return None
    text = collapse_space(ascii_digits(text))
    if is_number(text):
        value = _to_int(text)
        return None if value is None else (value, None)
    for pattern in (_COUNTER_LABEL_AFTER, _COUNTER_LABEL_BEFORE):
        match = pattern.fullmatch(text)
        if match:
            value = _to_int(match["n"])
            if value is not None:
                return value, match["label"]
    return None


def _to_int(text: str) -> int | None:
    """A count's value: digits alone, or grouped by threes ("1,234", "1 024"); a date's
    "16.11." or "12.05.2020" is none."""
    text = text.rstrip(_GROUP_SEPARATORS)
    if not _GROUPED.fullmatch(text):
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits or len(digits) > 15:
        return None
    return int(digits)


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit (Arabic-Indic, Devanagari…) replaced by its ASCII digit."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text
    )
