"""Statistical language identification for short UI texts, among the languages a site uses.

Plain language detection fails on UI strings ("Subscribe" reads as Romanian to langdetect), so
two experts that see different things are combined as a product of experts:

* **words** — a naive Bayes over word frequencies from ``wordfreq`` (Wikipedia, subtitles, news,
  web text; not software catalogs): each word scores its Zipf frequency in each candidate
  language, floored for words a list does not have. It knows that "subscribe" is English and
  "abonnieren" German even in a one-word text.
* **letters** — py3langid's character n-gram naive Bayes, for words no list has.

Both are restricted to the candidate languages written in the page's script (the site's
languages); the posterior of the page language is the leak signal. Models load lazily, once per
process (the ``functools.cache`` loaders below are the only state), and only when a text needs
them. Han-only text (Chinese or kanji-only Japanese) is scored by character frequencies built
from the same word lists.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import importlib.util
import io
import json
import marshal
import math
import re
import sys
from array import array
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from l10n.cache import cache_dir, cache_file, store
from l10n.check.wordindex import ABSENT, WordIndex, build_index

__all__ = ["LanguageGuess", "identify", "listed_in", "page_language", "tokenize", "word_zipf"]

# Zipf value given to a word a language's list does not have. The "small" lists stop at Zipf
# 3.0, so an absent word is rarer than that but not impossible (set on the development corpus).
_FLOOR = 1.5
# Forty words settle the language of any paragraph; more only cost time.
_MAX_WORDS = 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Han characters that make a sentence, not a label: Japanese writes one with kana.
_HAN_SENTENCE = 8
# wordfreq / py3langid codes where they differ from CLDR's.
_WORDFREQ_CODE = {"no": "nb", "iw": "he", "sr": "sh", "hr": "sh", "bs": "sh"}
_NGRAM_CODE = {"nb": "no", "iw": "he"}
_LANGDETECT_CODE = {"zh": "zh-cn", "nb": "no"}
# Languages langdetect knows in more than one profile: Chinese as Simplified and Traditional.
_LANGDETECT_MORE = {"zh": ("zh-tw",)}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The experts' verdict on one text among candidate languages."""

    language: str  # the most likely candidate
    confidence: float  # its posterior probability
    page_probability: float  # the posterior probability of the page language
    evidence: int  # how many words some candidate's list knows


def tokenize(text: str) -> list[str]:
    """Lower-cased words of two letters or more (Turkish dotted capital I folded to i).

    One-letter words ("e", "a", "y") are conjunctions in half the languages: no evidence.
    """
    return [w for w in _WORD.findall(text.replace("İ", "i").lower()) if len(w) > 1]


@functools.cache
def _wordfreq_data() -> Path:
    """wordfreq's data directory, found without importing wordfreq (a tenth of a second)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _word_list_file(language: str) -> tuple[str, Path] | None:
    """wordfreq's code for ``language`` and its "small" list file, if it has one."""
    code = _WORDFREQ_CODE.get(language, language)
    path = _wordfreq_data() / f"small_{code}.msgpack.gz"
    return (code, path) if path.is_file() else None


@functools.cache
def _frequencies(language: str) -> Mapping[str, float] | None:
    """wordfreq's "small" list for a language as word → Zipf value, or None if it has none.

    The file is wordfreq's documented cBpack: a gzipped msgpack list of buckets, bucket *i*
    holding the words whose frequency is 10^(-i/100), i.e. Zipf 9 - i/100. Decoding one takes
    about 15 ms, so the list is also kept in the user's cache directory as a :class:`WordTable`
    (a millisecond to load), named after the source file's size and time; a cache that cannot
    be read or written is simply not used.
    """
    found = _word_list_file(language)
    if found is None:
        return None
    code, path = found
    cached = cache_file(f"wordfreq-{code}", path, ".words")
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        return WordTable.from_bytes(cached.read_bytes())
    buckets = _read_cbpack(path)
    if buckets is None:
        return None
    table = WordTable.from_buckets(buckets)
    store(cached, table.to_bytes())
    return table


def _read_cbpack(path: Path) -> list[list[str]] | None:
    """The cBpack's buckets of words (bucket *i*: Zipf 9 - i/100); None when it is no cBpack."""
    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB":
        return None
    return [list(bucket) for bucket in data[1:]]


class WordTable(Mapping[str, float]):
    """A word list (word → Zipf value) that answers its first lookups by binary search in the
    sorted UTF-8 words, and builds a dict only once it has answered ``_LAZY_LOOKUPS``: checking
    one page needs a few hundred lookups per language, a crawl millions."""

    __slots__ = ("_dict", "_levels", "_lookups", "_offsets", "_words")

    _FORMAT = "l10n-words-1"

    def __init__(self, words: bytes, offsets: array, levels: array) -> None:
        self._words = words  # the words, sorted as UTF-8, each followed by "\n"
        self._offsets = offsets  # where each word starts, and len(words)
        self._levels = levels  # each word's bucket: Zipf 9 - level/100
        self._dict: dict[str, float] | None = None
        self._lookups = 0

    @classmethod
    def from_buckets(cls, buckets: list[list[str]]) -> WordTable:
        levels_of: dict[bytes, int] = {}
        for level, bucket in enumerate(buckets):
            for word in bucket:  # a word listed twice keeps its last bucket, as wordfreq's
                levels_of[word.encode("utf-8", "surrogatepass")] = level
        ordered = sorted(levels_of)
        offsets = array("I", [0])
        for word in ordered:
            offsets.append(offsets[-1] + len(word) + 1)
        words = b"".join(word + b"\n" for word in ordered)
        return cls(words, offsets, array("H", [levels_of[w] for w in ordered]))

    @classmethod
    def from_bytes(cls, data: bytes) -> WordTable:
        tag, words, offsets, levels = marshal.loads(data)
        if tag != cls._FORMAT:
            raise ValueError("not a word table")
        table = cls(words, array("I"), array("H"))
        table._offsets.frombytes(offsets)
        table._levels.frombytes(levels)
        if len(table._offsets) != len(table._levels) + 1:
            raise ValueError("a damaged word table")
        return table

    def to_bytes(self) -> bytes:
        return marshal.dumps((self._FORMAT, self._words, self._offsets.tobytes(),
                              self._levels.tobytes()))

    def get(self, word: str, default: float | None = None) -> float | None:  # type: ignore[override]
        table = self._dict
        if table is not None:
            return table.get(word, default)
        self._lookups += 1
        if self._lookups > _LAZY_LOOKUPS:
            return self._as_dict().get(word, default)
        key = word.encode("utf-8", "surrogatepass")
        words, offsets = self._words, self._offsets
        low, high = 0, len(self._levels)
        while low < high:
            middle = (low + high) // 2
            if words[offsets[middle]:offsets[middle + 1] - 1] < key:
                low = middle + 1
            else:
                high = middle
        if low < len(self._levels) and words[offsets[low]:offsets[low + 1] - 1] == key:
            return 9.0 - self._levels[low] / 100.0
        return default

    def _as_dict(self) -> dict[str, float]:
        if self._dict is None:
            values = [9.0 - level / 100.0 for level in range(max(self._levels, default=0) + 1)]
            names = self._words.decode("utf-8", "surrogatepass").split("\n")[:-1]
            self._dict = dict(zip(names, map(values.__getitem__, self._levels), strict=True))
        return self._dict

    def __getitem__(self, word: str) -> float:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._as_dict())

    def items(self) -> ItemsView[str, float]:
        return self._as_dict().items()

    def __len__(self) -> int:
        return len(self._levels)


_LAZY_LOOKUPS = 1024  # a page needs a few hundred; a thousand searches cost a third of the dict


def has_word_list(language: str) -> bool:
    """True when word frequencies exist for ``language``."""
    return _frequencies(language) is not None


def word_zipf(word: str, language: str) -> float:
    """Zipf frequency (log10 per billion words) of ``word`` in ``language``; 0 when unlisted."""
    table = _frequencies(language)
    if not table:
        return 0.0
    return table.get(word, 0.0)


@functools.cache
def _ngram_identifier() -> object:
    """py3langid's model with raw log scores, loaded on first use.

    The shipped model is an LZMA-compressed ``.npz`` (0.5 s to decompress, 67 MB of arrays).
    Its arrays are kept in the cache directory as one flat file, named after the source's size
    and time, that is memory-mapped: it opens in milliseconds, only the pages a text touches
    are read, and every worker process shares them. A cache that cannot be read or written is
    simply not used.
    """
    import lzma

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = MODEL_DIR / MODEL_FILE
    cached = cache_file("py3langid", source, ".arrays")
    with contextlib.suppress(*_DAMAGED):
        return _identifier_from_arrays(LanguageIdentifier, _map_arrays(cached))
    with lzma.open(source) as handle:
        arrays = _npz_arrays(handle.read())
    if store(cached, _pack_arrays(arrays)):
        # The format before this one (an install that still reads it rebuilds it).
        for legacy in cached.parent.glob("py3langid-*.npz"):
            with contextlib.suppress(OSError):
                legacy.unlink()
        with contextlib.suppress(*_DAMAGED):
            return _identifier_from_arrays(LanguageIdentifier, _map_arrays(cached))
    return _identifier_from_arrays(LanguageIdentifier, arrays)


# What reading a damaged cache file can raise (the source is read instead).
_DAMAGED = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError)
_ARRAYS_MAGIC = b"l10n-arrays-1\n"
_ARRAY_NAMES = ("classes", "nextmove", "nextmove_row", "out_feat", "pc", "ptc")
_ALIGN = 64


def _npz_arrays(data: bytes) -> dict[str, Any]:
    """The arrays of an ``.npz`` archive held in memory."""
    import numpy as np

    with np.load(io.BytesIO(data), allow_pickle=False) as archive:
        return {name: np.ascontiguousarray(archive[name]) for name in archive.files}


def _pack_arrays(arrays: Mapping[str, Any]) -> bytes:
    """Arrays as one flat file: a magic line, an 8-byte header length, a JSON header (name →
    dtype, shape, offset) and each array's bytes at a 64-byte-aligned offset."""
    layout, offset = {}, 0
    for name, values in arrays.items():
        layout[name] = (values.dtype.str, list(values.shape), offset)
        offset += _aligned(values.nbytes)
    header = json.dumps(layout, sort_keys=True).encode()
    start = _aligned(len(_ARRAYS_MAGIC) + 8 + len(header))
    out = bytearray(_ARRAYS_MAGIC + len(header).to_bytes(8, "little") + header)
    for name, values in arrays.items():
        out += bytes(start + layout[name][2] - len(out))
        out += values.tobytes()
    return bytes(out)


def _aligned(size: int) -> int:
    """``size`` rounded up to the arrays file's alignment."""
    return -(-size // _ALIGN) * _ALIGN


def _map_arrays(path: Path) -> dict[str, Any]:
    """The arrays of a :func:`_pack_arrays` file, memory-mapped read-only (no copy)."""
    import mmap

    import numpy as np

    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[:len(_ARRAYS_MAGIC)] != _ARRAYS_MAGIC:
        raise ValueError("not an arrays file")
    size = int.from_bytes(mapped[len(_ARRAYS_MAGIC):len(_ARRAYS_MAGIC) + 8], "little")
    header_end = len(_ARRAYS_MAGIC) + 8 + size
    layout = json.loads(mapped[len(_ARRAYS_MAGIC) + 8:header_end])
    if not isinstance(layout, dict) or set(layout) != set(_ARRAY_NAMES):
        raise ValueError("a damaged arrays file")
    start = _aligned(header_end)
    arrays = {}
    for name, (dtype, shape, offset) in layout.items():
        kind = np.dtype(dtype)
        count = math.prod(shape)
        if start + offset + count * kind.itemsize > len(mapped):
            raise ValueError("a truncated arrays file")
        arrays[name] = np.frombuffer(mapped, kind, count, start + offset).reshape(shape)
    ptc, pc, classes = arrays["ptc"], arrays["pc"], arrays["classes"]
    if ptc.ndim != 2 or ptc.shape[1] != len(pc) or len(pc) != len(classes) \
            or len(arrays["nextmove_row"]) != len(arrays["out_feat"]):
        raise ValueError("a damaged arrays file")
    return arrays


def _identifier_from_arrays(factory: type, arrays: Mapping[str, Any]) -> object:
    """A py3langid identifier built from its model's arrays, as ``from_model_file`` does; the
    automaton's tables as flat views its walk indexes at C speed (no copy of mapped data)."""
    import numpy as np

    def flat(values: Any) -> memoryview:
        values = np.ascontiguousarray(values)
        code = {2: "H", 4: "I", 8: "Q"}[values.dtype.itemsize]
        if values.dtype.kind == "i":
            code = code.lower()
        return memoryview(values).cast("B").cast(code)

    return factory(arrays["ptc"], arrays["pc"], arrays["classes"].tolist(),
                   flat(arrays["nextmove"]), flat(arrays["out_feat"]), norm_probs=False,
                   tk_row=flat(arrays["nextmove_row"]))


@functools.lru_cache(maxsize=4096)  # a Judge caches verdicts: this only saves repeats
def _ngram_scores(text: str) -> Mapping[str, float]:
    identifier = _ngram_identifier()
    # What rank() gives, without its sort of every class: each label's first column (where
    # py3langid folds an aliased label's score).
    scores = identifier._decide(text).tolist()  # type: ignore[attr-defined]
    return {label: scores[column] for label, column in _first_columns(identifier)}


@functools.cache
def _first_columns(identifier: object) -> tuple[tuple[str, int], ...]:
    """Each label of the n-gram model with the first of its columns."""
    first: dict[str, int] = {}
    for column, label in enumerate(identifier.nb_classes):  # type: ignore[attr-defined]
        first.setdefault(label, column)
    return tuple(first.items())


@functools.cache
def _han_frequencies(language: str) -> Mapping[str, float]:
    """Log frequency of each Han character in ``language``, from its word list; kept in the
    cache directory beside the list (counting takes 50 ms, loading 1)."""
    found = _word_list_file(language)
    if found is None:
        return {}
    code, path = found
    cached = cache_file(f"han-{code}", path, ".han")
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        tag, frequencies = marshal.loads(cached.read_bytes())
        if tag == _HAN_FORMAT and isinstance(frequencies, dict) and all(
                type(value) is float for value in frequencies.values()):
            return frequencies
    frequencies = _count_han(_frequencies(language) or {})
    store(cached, marshal.dumps((_HAN_FORMAT, frequencies)))
    return frequencies


_HAN_FORMAT = "l10n-han-1"


def _count_han(table: Mapping[str, float]) -> dict[str, float]:
    """Log frequency of each Han character over a word list (word → Zipf value)."""
    counts: dict[str, float] = {}
    for word, frequency in table.items():
        for char in word:
            if _HAN.match(char):
                counts[char] = counts.get(char, 0.0) + frequency
    total = sum(counts.values()) or 1.0
    return {char: math.log10(n / total) for char, n in counts.items()}


def _softmax10(scores: Mapping[str, float]) -> dict[str, float]:
    return _softmax10_of(tuple(scores), list(scores.values()))


def _softmax10_of(keys: tuple[str, ...], values: Sequence[float]) -> dict[str, float]:
    """Base-10 softmax of ``values``, keyed by ``keys`` (one per value)."""
    top = max(values)
    weights = [10.0 ** (v - top) for v in values]
    total = sum(weights)
    return dict(zip(keys, [w / total for w in weights], strict=True))


def _word_posterior(words: list[str], candidates: Iterable[str], indexed: bool = False
                    ) -> tuple[dict[str, float], int]:
    languages = tuple(candidates)
    table = _word_columns(languages)
    get = table.get
    columns = [get(word) or _column(table, word, languages, indexed)
               for word in words[:_MAX_WORDS]]
    if len(columns) == 1:  # a one-word text: its column is the total
        totals, known = columns[0][0], int(columns[0][1])
    else:
        known = len({word for word, column in zip(words, columns, strict=False) if column[1]})
        totals = list(map(sum, zip(*[c[0] for c in columns], strict=True))) \
            if columns else [0.0] * len(languages)
    return _softmax10_of(languages, totals), known


def listed_in(word: str, languages: tuple[str, ...], zipf: float, *, indexed: bool = False
              ) -> bool:
    """True when some of ``languages`` lists ``word`` (lower-cased) at ``zipf`` or above;
    ``indexed``: through the merged index (see :func:`identify`)."""
    cache = _listed(languages, zipf)
    known = cache.get(word)
    if known is None:
        if len(cache) >= _COLUMNS_LIMIT:
            cache.clear()
        index, positions = _index_for(languages) if indexed else (None, ())
        if index is None:  # each list's own table
            known = any(word_zipf(word, lang) >= zipf for lang in languages)
        else:  # as the tables answer: 0 for a word a list lacks, or a language without one
            row = index.row(word)
            levels = index.levels
            known = any((_zipf_or_zero(levels[row + p]) if row >= 0 and p >= 0 else 0.0) >= zipf
                        for p in positions)
        cache[word] = known
    return known


@functools.cache
def _listed(languages: tuple[str, ...], zipf: float) -> dict[str, bool]:
    """The cache of :func:`listed_in` for one candidate pool and level."""
    return {}


def _column(table: dict[str, tuple[tuple[float, ...], bool]], word: str,
            languages: tuple[str, ...], indexed: bool) -> tuple[tuple[float, ...], bool]:
    column = table.get(word)
    if column is None:
        if len(table) >= _COLUMNS_LIMIT:
            table.clear()  # bounded: memory stays flat over an endless crawl
        column = table[word] = _word_column(word, languages, indexed)
    return column


_COLUMNS_LIMIT = 50_000  # about 30 MiB of columns per candidate pool


@functools.cache
def _word_columns(languages: tuple[str, ...]) -> dict[str, tuple[tuple[float, ...], bool]]:
    """The cache of :func:`_word_column` for one candidate pool (the same words recur across a
    site's texts, and a site has a handful of pools)."""
    return {}


def _word_column(word: str, languages: tuple[str, ...], indexed: bool = False
                 ) -> tuple[tuple[float, ...], bool]:
    """Per language, the word's Zipf value floored at ``_FLOOR``; and whether any list has it
    above the floor."""
    index, positions = _index_for(languages) if indexed else (None, ())
    if index is None:  # each list's own table
        scores = tuple([max(word_zipf(word, lang), _FLOOR) for lang in languages])
    else:
        row = index.row(word)
        if row < 0:
            return (_FLOOR,) * len(languages), False
        levels = index.levels
        floored = _floored_zipf()
        scores = tuple([floored[levels[row + p]] if p >= 0 else _FLOOR for p in positions])
    return scores, max(scores) > _FLOOR


def _zipf(level: int) -> float:
    """The Zipf value of a word list's bucket ``level`` (as the list's own lookup gives it)."""
    return 9.0 - level / 100.0


def _zipf_or_zero(level: int) -> float:
    """The Zipf value of a level, 0 for ``ABSENT`` (as a list's ``get(word, 0.0)``)."""
    return 0.0 if level == ABSENT else _zipf(level)


@functools.cache
def _floored_zipf() -> list[float]:
    """``max(Zipf value, _FLOOR)`` of every level, ``ABSENT`` included (the floor)."""
    # Zipf values fall as levels rise (rounding keeps that order): from the first level at
    # or below the floor on, every level is the floor.
    deep = next(level for level in range(ABSENT) if _zipf(level) <= _FLOOR)
    return [max(_zipf(level), _FLOOR) for level in range(deep)] + [_FLOOR] * (ABSENT + 1 - deep)


@functools.lru_cache(maxsize=256)
def _index_for(languages: tuple[str, ...]) -> tuple[WordIndex | None, tuple[int, ...]]:
    """The word index of the listed ones of ``languages`` and, for each of ``languages``, its
    column there (-1: no list); no index for fewer than ``_INDEX_MIN`` lists, whose own
    tables cost less to ask than an index to build."""
    listed = tuple(sorted({lang for lang in languages if has_word_list(lang)}))
    if len(listed) < _INDEX_MIN or sys.byteorder != "little":  # read in place: little-endian
        return None, ()
    index = _word_index(listed)
    return index, tuple(listed.index(lang) if lang in listed else -1 for lang in languages)


_INDEX_MIN = 2


@functools.cache
def _word_index(languages: tuple[str, ...]) -> WordIndex:
    """The merged index of ``languages``' word lists (all of them listed), from the cache
    directory, else built (0.4 s for the twelve Latin-script lists) and kept there; in
    memory when the directory cannot be written."""
    sources = []  # each list's code, size and time: an index of other lists is not used
    for found in map(_word_list_file, languages):
        assert found is not None  # languages with a list only
        stat = found[1].stat()
        sources.append([found[0], stat.st_size, int(stat.st_mtime)])
    name = "+".join(code for code, _, _ in sources)
    cached = cache_dir() / (f"wordindex-{name}-{sum(size for _, size, _ in sources)}-"
                             f"{max(time for _, _, time in sources)}.index")

    def fits(index: WordIndex) -> WordIndex:
        if index.languages != languages or index.sources != sources:
            raise ValueError("an index of other word lists")
        return index

    with contextlib.suppress(*_DAMAGED):
        return fits(WordIndex.open(cached))
    tables = [_frequencies(lang) for lang in languages]
    data = build_index(languages, [(t._words, t._levels) for t in tables],  # type: ignore[union-attr]
                       sources)
    if store(cached, data):
        with contextlib.suppress(*_DAMAGED):
            return fits(WordIndex.open(cached))
    return WordIndex(data)


def _han_posterior(text: str, candidates: Iterable[str], *, traditional: bool = True
                   ) -> tuple[dict[str, float], int]:
    """Posterior of each candidate from the frequencies of the text's Han characters.

    wordfreq's Chinese list is Simplified, so ``traditional`` also scores a Traditional
    character for Chinese by its Simplified form (about three thousand differ): left out,
    Traditional Chinese shares more forms with Japanese (開, 時, 間) than with its own list.
    """
    chars = _HAN.findall(text)
    scores = {}
    for language in candidates:
        table = _han_frequencies(language)
        if language == "zh" and traditional:
            simplified = _simplified()
            scores[language] = sum(max(table.get(c, -7.0), table.get(simplified.get(c, c), -7.0))
                                   for c in chars)
        else:
            scores[language] = sum(table.get(c, -7.0) for c in chars)
    return _softmax10(scores), len(chars)


@functools.cache
def _simplified() -> Mapping[str, str]:
    """Traditional Chinese character → its Simplified form, from the table wordfreq ships
    (read without importing wordfreq's Chinese module, which loads jieba)."""
    import msgpack

    with contextlib.suppress(OSError, ValueError, TypeError, EOFError):
        with gzip.open(_wordfreq_data() / "_chinese_mapping.msgpack.gz", "rb") as handle:
            table = msgpack.load(handle, raw=False, strict_map_key=False)
        return {chr(k): v for k, v in table.items()
                if isinstance(k, int) and isinstance(v, str) and len(v) == 1}
    return {}


def _ngram_posterior(text: str, candidates: Iterable[str]) -> dict[str, float]:
    raw = _ngram_scores(text)
    scores = {}
    absent = None  # a language the model lacks scores below every language it has
    for language in candidates:
        score = raw.get(_NGRAM_CODE.get(language, language))
        if score is None:
            if absent is None:
                absent = min(raw.values()) - 50.0
            score = absent
        scores[language] = score / math.log(10)
    return _softmax10(scores)


@functools.cache
def _langdetect_factory() -> object:
    """langdetect's profiles, loaded once and seeded so results repeat (0.8 s)."""
    from langdetect import DetectorFactory
    from langdetect import detector_factory as module

    DetectorFactory.seed = 0
    module.init_factory()
    return module._factory


def page_language(text: str, candidates: Iterable[str]) -> str | None:
    """The language of a whole article among ``candidates`` (langdetect, seeded, its priors
    limited to the candidates): long text is where langdetect is accurate (96.5% top-1 on
    eight words and more), unlike UI strings, which it is not asked about. Chinese is asked
    as langdetect's Simplified and Traditional profiles together (Traditional Chinese read
    against the Simplified profile alone often reads as Japanese)."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory()
    known = set(factory.langlist)  # type: ignore[attr-defined]
    codes = {}  # langdetect's profile → candidate
    for candidate in set(candidates):
        for code in (_LANGDETECT_CODE.get(candidate, candidate),
                     *_LANGDETECT_MORE.get(candidate, ())):
            if code in known:
                codes[code] = candidate
    if not codes or len(text.split()) < 3:
        return None
    # Each candidate's profiles share one prior (Chinese is not twice as likely as Japanese).
    shares = {candidate: sum(1 for c in codes.values() if c == candidate)
              for candidate in codes.values()}
    detector = factory.create()  # type: ignore[attr-defined]
    detector.set_prior_map({code: 1.0 / shares[c] for code, c in codes.items()})
    detector.append(text[:5000])
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return None
    totals: dict[str, float] = {}
    for language in found:
        candidate = codes.get(language.lang)
        if candidate is not None:
            totals[candidate] = totals.get(candidate, 0.0) + language.prob
    return max(sorted(totals), key=totals.__getitem__) if totals else None


def likely_language(text: str, candidates: Iterable[str]) -> str | None:
    """The candidate that best explains a few sentences, by the two fast experts (word
    frequencies and letter n-grams) together: a millisecond where langdetect takes ten."""
    candidates = sorted(set(candidates))
    words = [w.lower() for w in tokenize(text)]
    if not candidates or len(words) < 3:
        return None
    by_words, _ = _word_posterior(words, candidates)
    by_ngrams = _ngram_posterior(text, candidates)
    return max(candidates, key=lambda c: (by_words[c] * by_ngrams[c], c))


@functools.lru_cache(maxsize=256)
def _pools(candidates: tuple[str, ...], page_language: str
           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sorted candidate pool with the page language, and the part of it with word lists."""
    pool = tuple(sorted(set(candidates) | {page_language}))
    return pool, tuple(lang for lang in pool if has_word_list(lang))


def identify(
    text: str,
    page_language: str,
    candidates: Iterable[str],
    *,
    gate: float = 0.2,
    letters: bool = True,
    indexed: bool = False,
) -> LanguageGuess | None:
    """The most likely of ``candidates`` (which include ``page_language``) for ``text``.

    The word expert speaks first; the character expert is consulted (and loaded) only when
    the words leave the page language below ``gate``, since only then can it change the answer
    (``letters=False`` never consults it: naming the language of an obvious leak). When no
    list knows any word, the character expert decides alone (``evidence`` 0); None when
    ``letters`` is False then, or when the text has no word at all. ``indexed`` (for a
    process that judges thousands of texts) looks words up in the merged index of a large
    pool (:mod:`l10n.check.wordindex`), built once, instead of building each list's dict;
    the answers are the same.
    """
    pool, listed = _pools(tuple(candidates), page_language)
    if len(pool) < 2:
        return None
    han_only = _HAN.search(text) is not None and _KANA.search(text) is None
    if han_only and page_language == "zh" and "ja" in pool:
        # Japanese running text nearly always has kana: Han alone on a Chinese page is no
        # Japanese (Traditional Chinese shares many forms with Japanese kanji).
        pool = tuple(lang for lang in pool if lang != "ja")
        listed = tuple(lang for lang in listed if lang != "ja")
        if len(pool) < 2:
            return None
    if han_only and set(pool) <= {"zh", "ja"}:
        # On a Japanese page the kanji of a short label (開, 時, 間) are its own, not
        # Traditional Chinese; a sentence without kana is no Japanese, so no matter there.
        traditional = page_language != "ja" or len(_HAN.findall(text)) >= _HAN_SENTENCE
        words_post, evidence = _han_posterior(text, pool, traditional=traditional)
    else:
        words = tokenize(text)
        if not words:
            return None
        if page_language not in listed or len(listed) < 2:
            words_post, evidence = _ngram_posterior(text, pool), 1
        else:
            words_post, evidence = _word_posterior(words, listed, indexed)
            pool = listed
        if evidence == 0:
            if not letters:
                return None
            # No list knows a word (inflected forms, rare words): the letters speak alone.
            letters_post = _ngram_posterior(text, pool)
            best = max(sorted(letters_post), key=lambda k: letters_post[k])
            return LanguageGuess(best, letters_post[best], letters_post.get(page_language, 0.0),
                                 0)
    posterior = words_post
    if letters and words_post.get(page_language, 0.0) < gate:
        letters = _ngram_posterior(text, pool)
        product = {k: words_post.get(k, 0.0) * max(letters.get(k, 0.0), 1e-6) for k in pool}
        total = sum(product.values()) or 1.0
        posterior = {k: v / total for k, v in product.items()}
    best = max(sorted(posterior), key=posterior.__getitem__)
    return LanguageGuess(
        language=best,
        confidence=posterior[best],
        page_probability=posterior.get(page_language, 0.0),
        evidence=evidence,
    )
