"""Tokens that carry no language: names, brands, acronyms, numbers, URLs, e-mail addresses,
handles, and the terms a site allows (``--allow``, ``[tool.l10n] allow``).

"Sputnik", "RIA", "@SputnikInt" or "https://…" say nothing about the language of the text
around them, so the detectors never see them. A capitalised word counts as a name only when no
candidate language lists it as a common word ("International" is a word; "Subbotin" a name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

__all__ = ["remove_allowed", "remove_unlinguistic", "word_tokens"]

_WEB_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_DOMAIN = re.compile(r"\b[\w.-]+\.(?:com|org|net|ru|de|fr|uk|io)\b[/\w.-]*", re.IGNORECASE)
# What every match of either holds: text without it has none (a quarter of their cost to test).
_URL_HINT = re.compile(r"://|www\.|\.(?:com|org|net|ru|de|fr|uk|io)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_HANDLE = re.compile(r"(?<!\w)[@#][\w.]+")
_IDENTIFIER = re.compile(r"\b\w*_\w*\b")  # snake_case names of code, settings, fields
_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ACRONYM_MAX = 5


def remove_unlinguistic(text: str) -> str:
    """``text`` without URLs, e-mail addresses, @handles/#hashtags and snake_case names."""
    url = ("." in text or "/" in text) and _URL_HINT.search(text) is not None
    if url:
        text = _WEB_URL.sub(" ", text)  # whole links first: they may hold an address
    if "@" in text:
        text = _EMAIL.sub(" ", text)  # then addresses, whose domain is no link of its own
    if url:
        text = _DOMAIN.sub(" ", text)
    if "@" in text or "#" in text:
        text = _HANDLE.sub(" ", text)
    if "_" in text:
        text = _IDENTIFIER.sub(" ", text)
    return text


def remove_allowed(text: str, allowed: Iterable[str]) -> str:
    """``text`` with every allowed term (whole words, case-sensitive) blanked out, one term
    after another in the order given."""
    for term in allowed:
        if term and term in text:  # most texts hold none of the terms: no regex for them
            text = _term_pattern(term).sub(" ", text)
    return text


@functools.lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    """An allowed term as a whole-word pattern (a site lists a few dozen)."""
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def word_tokens(text: str, is_word: Callable[[str], bool]) -> list[str]:
    """The tokens of ``text`` that are language evidence.

    Dropped: tokens with digits, single letters, acronyms (all capitals, up to five letters),
    words with an inner capital ("iPhone"), and capitalised words that ``is_word``
    (lower-cased) rejects.
    """
    kept = []
    for token in _TOKEN.findall(remove_unlinguistic(text)):
        if token.islower() and token.isalpha():  # the common case, decided without a call
            if len(token) > 1:
                kept.append(token)
        elif "-" not in token:
            if not _is_name(token, is_word):
                kept.append(token)
        # A hyphenated token is a word when any part is ("URL-Generator", "e-mail").
        elif any(not _is_name(part, is_word) for part in token.split("-") if part):
            kept.append(token)
    return kept


def _is_name(token: str, is_word: Callable[[str], bool]) -> bool:
    shape = _SHAPES.get(token)
    if shape is None:
        if len(_SHAPES) >= _SHAPES_LIMIT:
            _SHAPES.clear()  # bounded: memory stays flat over an endless crawl
        shape = _SHAPES[token] = _shape(token)
    if shape is _CAPITALISED:
        return not is_word(token.lower())
    return shape is _NAME


_NAME, _WORD, _CAPITALISED = "name", "word", "capitalised"
_SHAPES: dict[str, str] = {}  # the named cache of _shape: tokens recur across a site's texts
_SHAPES_LIMIT = 100_000


def _shape(token: str) -> str:
    """What a token's letters alone say: a name, a word, or a capitalised word that is a name
    unless some candidate language lists it."""
    if token.islower() and token.isalpha():
        return _NAME if len(token) < 2 else _WORD  # the common case: a plain lower-case word
    if any(ch.isdigit() for ch in token):
        return _NAME
    letters = [ch for ch in token if ch.isalpha()]
    if len(letters) < 2:
        return _NAME  # "e", "a", "y": conjunctions of half the languages, no evidence alone
    if all(ch.isupper() for ch in letters) and len(letters) <= _ACRONYM_MAX:
        return _NAME
    if any(ch.isupper() for ch in token[1:]) and not token.isupper():
        return _NAME
    return _CAPITALISED if token[0].isupper() else _WORD
