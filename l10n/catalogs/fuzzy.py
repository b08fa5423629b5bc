"""GNU msgmerge's fuzzy search: for a template string the catalog has no entry for, the most
similar translated entry, or none (see :mod:`l10n.catalogs.merge` for the rules).

Similarity is GNU's ``fstrcmp`` over UTF-8 bytes, computed with rapidfuzz in C++ for every
pair at once (``cdist``); only the candidates close to each string's best come back to
Python. A large search reads those scores with numpy; a small one, where importing numpy
would cost more than the search, reads rapidfuzz's score matrix itself (its buffer), with
the same float32 arithmetic, so both give the same candidates.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterator
from itertools import compress

from rapidfuzz.distance import Indel

from l10n.po import Message

__all__ = ["FuzzyIndex", "first_msgstr"]

_THRESHOLD = 0.6  # GNU's FUZZY_THRESHOLD
_CONTEXT_BONUS = 0.00001
_LENGTH_FACTOR = 2 / _THRESHOLD - 1  # bounds on the length of a similar short string
_GRAM = 4
_SCORE_MARGIN = 0.0001
_MARGIN32 = array("f", [_SCORE_MARGIN])[0]  # the margin as numpy's float32 arithmetic sees it
_QUERY_CHUNK = 256  # template strings compared per rapidfuzz call (bounds memory)
# Below this many pairs (strings × entries) numpy's import (a tenth of a second) costs more
# than reading the scores in Python.
_SMALL_SEARCH = 10_000_000

# One string's candidates: (row, best score, the columns within the margin of it, every
# column with a score); columns ascending.
_Candidates = tuple[int, float, list[int], Callable[[], list[int]]]


def first_msgstr(m: Message) -> str:
    """``msgstr``, or ``msgstr[0]`` of a plural entry: what GNU tests for a translation."""
    if m.msgid_plural is not None:
        return m.msgstr_plural[0] if m.msgstr_plural else ""
    return m.msgstr


class FuzzyIndex:
    """The catalog's translated entries, searched for the msgid most similar to another."""

    def __init__(self, defs: list[Message], skip: set[int]) -> None:
        """Index the translated entries of ``defs`` but those in ``skip``."""
        self.defs = defs
        self.ids = [
            i for i, m in enumerate(defs) if first_msgstr(m) and not m.is_header and i not in skip
        ]
        self.data = [defs[i].msgid.encode("utf-8") for i in self.ids]
        self.grams: dict[int, frozenset[str]] = {}

    def search(self, queries: list[Message]) -> list[int | None]:
        """The index in the catalog of the entry msgmerge picks for each query, or None."""
        results: list[int | None] = [None] * len(queries)
        if not self.ids:
            return results
        long = [q for q in range(len(queries)) if len(queries[q].msgid) >= _GRAM]
        for q in range(len(queries)):
            if len(queries[q].msgid) < _GRAM:
                results[q] = self._search_short(queries[q])
        candidates = _candidates_numpy if len(long) * len(self.data) > _SMALL_SEARCH \
            else _candidates_buffer
        for start in range(0, len(long), _QUERY_CHUNK):
            chunk = long[start : start + _QUERY_CHUNK]
            rows = candidates([queries[q].msgid.encode("utf-8") for q in chunk], self.data)
            # Scores more than the margin below a row's best lose to it (the bonus is
            # 0.00001, float32 rounding far less), so only the best few are weighed, unless
            # the winner among them is not clear of the rest (its best shares no 4-gram).
            for row, top, near, scored in rows:
                query = queries[chunk[row]]
                found = self._best_long(query, near)
                clear = top - _SCORE_MARGIN + 2 * _CONTEXT_BONUS
                if found is None or found[1] < clear:
                    found = self._best_long(query, scored())
                results[chunk[row]] = found[0] if found else None
        return results

    def _weight(self, query: Message, data: bytes, column: int) -> float:
        """GNU's goal function: fstrcmp plus the context bonus."""
        other = self.data[column]
        total = len(data) + len(other)
        weight = (total - Indel.distance(data, other)) / total
        ctxt = self.defs[self.ids[column]].msgctxt
        if ctxt is None or ctxt == query.msgctxt:
            return weight + _CONTEXT_BONUS
        return weight

    def _grams(self, column: int) -> frozenset[str]:
        """The 4-character grams of a candidate's msgid."""
        grams = self.grams.get(column)
        if grams is None:
            msgid = self.defs[self.ids[column]].msgid
            grams = frozenset(msgid[k : k + _GRAM] for k in range(len(msgid) - _GRAM + 1))
            self.grams[column] = grams
        return grams

    def _best_long(self, query: Message, columns: list[int]) -> tuple[int, float] | None:
        """The best candidate sharing a 4-gram (ties: more grams, then first) and its weight."""
        msgid = query.msgid
        data = msgid.encode("utf-8")
        wanted = [msgid[k : k + _GRAM] for k in range(len(msgid) - _GRAM + 1)]
        best = _THRESHOLD
        tied: list[int] = []
        for column in columns:
            weight = self._weight(query, data, column)
            if weight < best or (weight == best and not tied):
                continue
            grams = self._grams(column)
            if not any(g in grams for g in wanted):
                continue  # GNU's index never offers it
            if weight > best:
                best, tied = weight, [column]
            else:
                tied.append(column)
        if not tied:
            return None
        winner = min(tied, key=lambda c: (-sum(g in self._grams(c) for g in wanted), self.ids[c]))
        return self.ids[winner], best

    def _search_short(self, query: Message) -> int | None:
        """For msgids under four characters: entries of a similar length, shortest first."""
        data = query.msgid.encode("utf-8")
        size = len(data)
        low = math.ceil(size / _LENGTH_FACTOR)
        high = int(size * _LENGTH_FACTOR)
        candidates = sorted(
            (len(other), column)
            for column, other in enumerate(self.data)
            if low <= len(other) <= high
        )
        best = _THRESHOLD
        winner = None
        for _, column in candidates:
            weight = self._weight(query, data, column)
            if weight > best:
                best, winner = weight, self.ids[column]
        return winner


def _candidates_numpy(queries: list[bytes], data: list[bytes]) -> Iterator[_Candidates]:
    """The candidates of each query that has any, from scores in a numpy array."""
    # Imported here: numpy costs a tenth of a second, and most runs need no search.
    import numpy as np
    from rapidfuzz.process import cdist

    scores = cdist(queries, data, scorer=Indel.normalized_similarity,
                   score_cutoff=_THRESHOLD - 0.0001, dtype=np.float32, workers=-1)
    top = scores.max(axis=1)
    near = (scores >= (top - _SCORE_MARGIN)[:, None]) & (scores > 0)
    hits: dict[int, list[int]] = {}
    for row, column in zip(*(a.tolist() for a in np.nonzero(near)), strict=True):
        hits.setdefault(row, []).append(column)
    for row, columns in hits.items():
        yield row, float(top[row]), columns, lambda row=row: np.flatnonzero(scores[row]).tolist()


def _candidates_buffer(queries: list[bytes], data: list[bytes]) -> Iterator[_Candidates]:
    """:func:`_candidates_numpy` without numpy: rapidfuzz's float32 score matrix read
    through its buffer, a row at a time."""
    from rapidfuzz.process_cpp_impl import FLOAT32, cdist

    matrix = cdist(queries, data, scorer=Indel.normalized_similarity,
                   score_cutoff=_THRESHOLD - 0.0001, dtype=FLOAT32, workers=-1)
    flat = memoryview(matrix).cast("B")
    width = 4 * len(data)
    every = list(range(len(data)))  # ints made once, not once per row
    for row in range(len(queries)):
        scores = flat[row * width : (row + 1) * width].tobytes()
        # A score is 0 or at least the cutoff (about 0.6, high byte 0x3f in float32): the
        # high bytes pick out the scored columns without a Python object per column.
        columns = list(compress(every, scores[3::4]))
        if not columns:
            continue
        value = array("f", scores).__getitem__
        values = [value(column) for column in columns]
        top = max(values)
        # numpy's float32 arithmetic: top - margin, rounded to float32.
        floor = array("f", [top - _MARGIN32])[0]
        near = [column for column, value in zip(columns, values, strict=True) if value >= floor]
        yield row, top, near, lambda columns=columns: columns
