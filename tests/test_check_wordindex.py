"""The merged word index: every word of every list found with its levels, nothing else found,
and a damaged file refused rather than misread."""

from __future__ import annotations

import json
import random
from array import array
from pathlib import Path

import pytest

from l10n.check.wordindex import ABSENT, WordIndex, build_index


def _list(words: dict[str, int]) -> tuple[bytes, array]:
    """A word list as the word tables keep it: sorted UTF-8 words, each with its level."""
    ordered = sorted(words, key=lambda w: w.encode("utf-8", "surrogatepass"))
    blob = b"".join(w.encode("utf-8", "surrogatepass") + b"\n" for w in ordered)
    return blob, array("H", [words[w] for w in ordered])


def _levels(index: WordIndex, word: str) -> list[int] | None:
    row = index.row(word)
    return None if row < 0 else [index.levels[row + i] for i in range(index.width)]


LISTS = {
    "de": {"und": 200, "abonnieren": 549, "über": 310, "a\udcff": 700},
    "en": {"and": 180, "subscribe": 470, "über": 650},
    "fr": {"et": 190, "abonner": 520},
}


@pytest.fixture
def small() -> bytes:
    return build_index(list(LISTS), [_list(words) for words in LISTS.values()])


def test_each_word_has_its_level_in_each_language_and_absent_elsewhere(small: bytes) -> None:
    index = WordIndex(small)
    assert index.languages == ("de", "en", "fr") and len(index) == 8
    assert _levels(index, "über") == [310, 650, ABSENT]
    assert _levels(index, "abonner") == [ABSENT, ABSENT, 520]
    assert _levels(index, "a\udcff") == [700, ABSENT, ABSENT]  # a lone surrogate, as listed
    for word in ("zzzqqq", "", "Und", "und "):
        assert index.row(word) == -1


def test_the_mapped_file_answers_as_the_bytes(small: bytes, tmp_path: Path) -> None:
    path = tmp_path / "words.index"
    path.write_bytes(small)
    mapped, held = WordIndex.open(path), WordIndex(small)
    for word in ["und", "über", "subscribe", "et", "nope"]:
        assert _levels(mapped, word) == _levels(held, word)


def test_thousands_of_words_with_colliding_buckets_are_all_found() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzäöüßéèçñøåжзиклмн"
    lists = []
    for _ in range(4):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))): rng.randrange(900)
                 for _ in range(3000)}
        lists.append(words)
    index = WordIndex(build_index(["a", "b", "c", "d"], [_list(w) for w in lists]))
    union = set().union(*lists)
    assert len(index) == len(union)
    for word in union:
        assert _levels(index, word) == [w.get(word, ABSENT) for w in lists]
    strangers = {"".join(rng.choice(alphabet) for _ in range(10)) for _ in range(2000)} - union
    assert all(index.row(word) == -1 for word in strangers)


def _header(data: bytes) -> tuple[int, dict]:
    start = len(b"l10n-wordindex-1\n") + 8
    size = int.from_bytes(data[start - 8:start], "little")
    return start, json.loads(data[start:start + size])


def _with_header(data: bytes, change) -> bytes:
    start, header = _header(data)
    change(header)
    text = json.dumps(header, sort_keys=True).encode()
    size = int.from_bytes(data[start - 8:start], "little")
    padded = text + b" " * (size - len(text))  # JSON allows trailing spaces
    return data[:start] + padded + data[start + size:]


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: b"something else entirely" + d[20:],  # not an index
        lambda d: d[:len(d) // 2],  # truncated: the arrays run past the end
        lambda d: _with_header(d, lambda h: h.update(buckets=6)),  # not a power of two
        lambda d: _with_header(d, lambda h: h.update(words=99)),  # counts disagree
        lambda d: _with_header(d, lambda h: h["arrays"].update(levels=3)),  # misaligned
        lambda d: _with_header(d, lambda h: h.update(languages="de")),  # wrong shape
        lambda d: _with_header(d, lambda h: h["arrays"].update(levels=-64)),  # before the start
        lambda d: _with_header(d, lambda h: h["arrays"].update(keys=True)),  # not a number
        lambda d: d[:-3] + bytes([d[-3] ^ 0x20]) + d[-2:],  # a flipped bit in the words
        lambda d: d[:-40] + b"\xff" * 8 + d[-32:],  # overwritten bytes: the CRC differs
        lambda d: d[:17] + (200_000).to_bytes(8, "little") + b"[" * 200_000,  # deep header
    ],
)
def test_a_damaged_index_is_refused(small: bytes, damage) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        WordIndex(damage(small))


def test_levels_that_would_read_as_absent_are_refused() -> None:
    with pytest.raises(ValueError, match="level"):
        build_index(["de"], [_list({"und": ABSENT})])
