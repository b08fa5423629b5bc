"""Several languages' word lists merged into one memory-mapped hash index: a word's frequency
level in each language in one lookup.

Judging a text asks every candidate language about each of its words. With a dict per
language, a process first pays for building a dozen dicts of 30,000-60,000 words (a fifth of a
second, in every worker of a pool); this index is built once, kept in the cache directory
beside the word lists, and opened by mapping the file: lookups start at once and worker
processes share its pages.

File layout, in the byte order of a little-endian machine (elsewhere the index is not used):
a magic line, an 8-byte header length and a JSON header (languages, word and bucket counts,
where each array starts), then, each at a 64-byte boundary: each word's start in the words
(``I``, one more than the words), each hash bucket's start in the bucket order (``I``), the
word numbers in bucket order (``I``), each word's level per language (``H``, row by row;
``ABSENT`` where a list lacks the word), and the words' UTF-8 bytes end to end. A word's
bucket is the low bits of its CRC-32; a bucket holds about one word.
"""

from __future__ import annotations

import json
import mmap
import sys
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path

__all__ = ["ABSENT", "WordIndex", "build_index"]

ABSENT = 0xFFFF  # the level of a word a language's list does not have
_MAGIC = b"l10n-wordindex-1\n"
_ALIGN = 64
_ARRAYS = (("offsets", "I"), ("buckets", "I"), ("order", "I"), ("levels", "H"))
_NAMES = tuple(name for name, _ in _ARRAYS)


def _count(value: object) -> bool:
    """A whole number of something (not a bool, not negative)."""
    return type(value) is int and value >= 0


class WordIndex:
    """A mapped index file: :meth:`row` finds a word, :attr:`levels` holds its levels.

    Opening checks the header's shape and the CRC-32 of everything after it, so a damaged
    file is refused (``ValueError``) rather than misread.
    """

    __slots__ = ("_buckets", "_keys", "_levels", "_map", "_mask", "_offsets", "_order",
                 "languages", "sources", "width")

    def __init__(self, data: mmap.mmap | bytes) -> None:
        if data[:len(_MAGIC)] != _MAGIC:
            raise ValueError("not a word index")
        if sys.byteorder != "little":  # the arrays are read in place, as the file has them
            raise ValueError("a little-endian word index on a big-endian machine")
        start = len(_MAGIC) + 8
        size = int.from_bytes(data[len(_MAGIC):start], "little")
        if not 0 < size <= len(data) - start:
            raise ValueError("a damaged word index")
        try:
            header = json.loads(data[start:start + size])
        except RecursionError:  # a header of nested brackets
            raise ValueError("a damaged word index") from None
        languages, words, buckets, at = (header.get(key) if isinstance(header, dict) else None
                                         for key in ("languages", "words", "buckets", "arrays"))
        if not (isinstance(languages, list) and all(isinstance(x, str) for x in languages)
                and _count(words) and _count(buckets) and buckets > 0
                and (buckets & (buckets - 1)) == 0 and isinstance(at, dict)
                and all(_count(at.get(name)) for name in (*_NAMES, "keys"))
                and _count(header.get("crc"))):
            raise ValueError("a damaged word index")
        view = memoryview(data)
        counts = {"offsets": words + 1, "buckets": buckets + 1, "order": words,
                  "levels": words * len(languages)}
        arrays = {}
        position = start + size  # each array after the one before it, all after the header
        for name, code in _ARRAYS:
            offset = at[name]
            end = offset + counts[name] * array(code).itemsize
            if offset < position or offset % _ALIGN or end > len(data):
                raise ValueError("a truncated word index")
            arrays[name] = view[offset:end].cast(code)
            position = end
        keys_at = at["keys"]
        if keys_at < position or zlib.crc32(view[at["offsets"]:]) != header["crc"]:
            raise ValueError("a damaged word index")
        keys_end = keys_at + arrays["offsets"][-1]
        if keys_end > len(data) or arrays["offsets"][0] != 0 or arrays["buckets"][0] != 0 \
                or arrays["buckets"][-1] != words:
            raise ValueError("a damaged word index")
        self._map = data  # keeps the mapping open as long as the views
        self._keys = view[keys_at:keys_end]
        self._offsets = arrays["offsets"]
        self._buckets = arrays["buckets"]
        self._order = arrays["order"]
        self._levels = arrays["levels"]
        self._mask = buckets - 1
        self.languages: tuple[str, ...] = tuple(languages)
        self.sources: object = header.get("sources")  # what the index was built from
        self.width = len(languages)

    @classmethod
    def open(cls, path: Path) -> WordIndex:
        """Map the index file at ``path`` read-only."""
        with path.open("rb") as handle:
            return cls(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))

    def row(self, word: str) -> int:
        """Where ``word``'s levels start in :attr:`levels` (-1 when no list has it)."""
        key = word.encode("utf-8", "surrogatepass")
        bucket = zlib.crc32(key) & self._mask
        offsets, keys, order = self._offsets, self._keys, self._order
        for k in range(self._buckets[bucket], self._buckets[bucket + 1]):
            number = order[k]
            if keys[offsets[number]:offsets[number + 1]] == key:
                return number * self.width
        return -1

    @property
    def levels(self) -> memoryview:
        """Each word's level per language, row by row (``ABSENT``: not listed)."""
        return self._levels

    def __len__(self) -> int:
        return len(self._order)


def build_index(languages: Sequence[str], lists: Sequence[tuple[bytes, Sequence[int]]],
                sources: object = None) -> bytes:
    """The index file of ``languages``, each given as its list: the words' UTF-8 bytes, each
    followed by a newline, and each word's level (in the same order, below ``ABSENT``).
    ``sources`` (JSON) records what the lists were read from, for whoever opens it."""
    numbers: dict[bytes, int] = {}
    split = []
    for words, _ in lists:
        names = words.split(b"\n")
        names.pop()  # after the last newline
        split.append(names)
        setdefault = numbers.setdefault
        for name in names:
            setdefault(name, len(numbers))
    width = len(languages)
    levels = array("H", [ABSENT]) * (len(numbers) * width)
    for column, (names, (_, word_levels)) in enumerate(zip(split, lists, strict=True)):
        if len(names) != len(word_levels):
            raise ValueError("a word list whose levels do not match its words")
        if word_levels and max(word_levels) >= ABSENT:
            raise ValueError(f"a word list with a level of {ABSENT} or more")
        for name, level in zip(names, word_levels, strict=True):
            levels[numbers[name] * width + column] = level
    keys = list(numbers)
    buckets = 1 << max(4, (len(keys) - 1).bit_length())  # about one word per bucket
    mask = buckets - 1
    hashes = [zlib.crc32(key) & mask for key in keys]
    order = array("I", sorted(range(len(keys)), key=hashes.__getitem__))
    counts = [0] * (buckets + 1)
    for bucket in hashes:
        counts[bucket + 1] += 1
    parts = {
        "offsets": array("I", accumulate(map(len, keys), initial=0)).tobytes(),
        "buckets": array("I", accumulate(counts)).tobytes(),
        "order": order.tobytes(),
        "levels": levels.tobytes(),
    }
    blob = b"".join(keys)
    # The arrays' offsets depend on the header's length, which depends on the offsets: the
    # header gets room enough for any offsets.
    reserve = 512 + 96 * len(languages)
    position = _aligned(len(_MAGIC) + 8 + reserve)
    at = {}
    payload = bytearray()
    for name, _ in _ARRAYS:
        at[name] = position + len(payload)
        payload += parts[name]
        payload += bytes(_aligned(len(payload)) - len(payload))
    at["keys"] = position + len(payload)
    payload += blob
    header = {"languages": list(languages), "words": len(keys), "buckets": buckets,
              "arrays": at, "crc": zlib.crc32(payload), "sources": sources}
    text = json.dumps(header, sort_keys=True).encode()
    if len(text) > reserve:
        raise ValueError("too many languages for one word index")
    head = _MAGIC + len(text).to_bytes(8, "little") + text
    return head + bytes(position - len(head)) + payload


def _aligned(size: int) -> int:
    return -(-size // _ALIGN) * _ALIGN
