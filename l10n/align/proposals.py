"""What a page and its edition say about the catalogs: one :class:`Proposal` per string.

Given the block pairs of :mod:`l10n.align.pairing`, this module keys each source block exactly
as ``l10n extract`` does (the same msgctxt, msgid and plural, through the functions of
:mod:`l10n.catalogs.extract`; a block extraction would skip proposes nothing) and checks the
edition's text before proposing it:

* **chrome** (``chrome`` catalog): the edition's text must carry the same numbers and the
  same placeholders, must not read as the source language (a menu item the edition left in
  English, or another English item in the slot), and must not be empty. A labelled counter
  ("12 comments" / "12 Kommentare") proposes the plural form of its number, the number
  written back as ``{count}``.
* **the same text in both editions** is a translation only when it is sure to be one: the
  edition marks the text it kept in the source language (``lang``, as ``l10n render`` does)
  and this one is not marked, or marks this one as the target language, or the term is
  allowed as is (``allow``, ``[tool.l10n] allow``: brand names, and words such as
  ``Navigation`` that a language shares with English). Otherwise it is an untranslated
  string, not a proposal: on editions built by other generators most shared texts are
  strings their catalogs lack ("Main", "Page source" on a French page), and word lists
  cannot tell those from shared words (French "contents" and "source" are words too), so
  a wrong guess would cost more than the few shared words it would find.
* **places** and **agencies**: the city, region and agency of the two datelines; a city the
  house style printed in capitals gets its case back (CLDR's name for it when that is what
  was printed, else each word capitalized, with a lower score).
* **article text** (``articles/<stem>`` catalogs, po4a-style): only where the whole article
  pairs up, paragraph for paragraph (as many in the edition, each paired), and each pair's
  length is in proportion with the article's, its numbers are the same and the names of the
  source are in the edition; an edition whose article is the source's own text proposes
  nothing.

Every proposal carries its score (the pairing's, times the factors of these checks) and where
it came from; strings left without one are :class:`Unpaired`, with the reason.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from l10n.align.pairing import BlockPair, pair_blocks
from l10n.catalogs.extract import Extraction
from l10n.chrome import chrome_context, counter_entry, normal_case
from l10n.locales import language_of, script_of
from l10n.page import Block, Role
from l10n.prose import ascii_digits, collapse_space
from l10n.readers.html import HtmlDocument

__all__ = [
    "Edition",
    "Key",
    "Proposal",
    "Unpaired",
    "chrome_keys",
    "extracted_keys",
    "propose",
]

# The roles of article_messages' entries (l10n.catalogs.extract).
_ARTICLE_ROLES = frozenset({Role.HEADLINE, Role.LEDE, Role.PARAGRAPH, Role.CAPTION, Role.CREDIT,
                            Role.BYLINE})
# Scores below this propose nothing: the pairing is a guess.
MIN_SCORE = 0.5
_SAME_TEXT = 0.9  # factor for a text the two editions share
_OTHER_ROLE = 0.9  # the edition's reader gave the block another role
_ODD_LENGTH = 0.8  # a chrome text far longer or shorter than its source
_GUESSED_CASE = 0.8  # a city printed in capitals whose case was guessed
_SOURCE_LANGUAGE = 0.9  # confidence from which text "reads as" the source language
# Article pairs: a paragraph's length against the article's ratio, and the names.
_LENGTH_SLACK = 1.8
_SHORT = 40  # characters: shorter texts vary too much in length to be measured
_NAMES_FOUND = 0.5
_DIGITS = re.compile(r"\d+(?:[.,'\u00a0\u202f\u2009 ]\d{3})*(?:[.,]\d+)?")
# Placeholders as a page's text can hold them: narrower than msgfmt's reading
# (l10n/placeholders.py), which takes "3% in March" for ``% i`` (a space flag) and would
# refuse every pair of editions that print a percentage; positional ``%1$s`` counts.
_PLACEHOLDER = re.compile(r"%\([^)]*\)[-#0 +]*+\d*(?:\.\d+)?[a-zA-Z]|%\d*\$?[sdifu]|\{[\w.]*\}")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NAME = re.compile(r"(?<![\w.!?] )(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*|\b[A-Z]{2,}\b")

Key = tuple[str, "str | None", str]  # (domain, msgctxt, msgid)


@dataclass(frozen=True, slots=True)
class Edition:
    """A page read with its tree, its locale and the name its proposals cite."""

    document: HtmlDocument
    locale: str
    name: str

    @property
    def path(self) -> str:
        return self.document.page.path


@dataclass(frozen=True, slots=True)
class Proposal:
    """A translation the edition shows for one catalog entry.

    ``msgstr_plural`` holds the plural forms seen (``""`` for a form no page showed);
    ``where`` is ``<edition>:<line>`` and ``source`` the source's ``<page>:<line>``.
    """

    locale: str
    domain: str
    msgctxt: str | None
    msgid: str
    msgstr: str
    score: float
    where: str
    source: str
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()

    @property
    def key(self) -> Key:
        return (self.domain, self.msgctxt, self.msgid)

    @property
    def comment(self) -> str:
        """The extracted comment written with it: ``aligned: de/page.html:41, 0.97``."""
        return f"aligned: {self.where}, {self.score:.2f}"


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A string of the source page the edition gave no proposal for, and why."""

    locale: str
    domain: str
    msgctxt: str | None
    msgid: str
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.locale}: not proposed: {self.msgid!r} ({self.reason})"


# -- keys ------------------------------------------------------------------------------------

def extracted_keys(extraction: Extraction) -> frozenset[Key]:
    """The (domain, msgctxt, msgid) of every entry ``extract`` kept."""
    return frozenset((domain, entry.msgctxt, entry.msgid) for domain, entries in
                     extraction.entries.items() for entry in entries)


def chrome_keys(extraction: Extraction, document: HtmlDocument, source_locale: str, *,
                kept: frozenset[Key] | None = None) -> dict[int, tuple[Key, str | None]]:
    """The catalog entry each block of ``document`` was extracted into: block index →
    ((domain, msgctxt, msgid), msgid_plural). Blocks ``extract`` skipped have none; datelines
    are keyed by :func:`_dateline_keys`. ``kept`` is :func:`extracted_keys` of
    ``extraction``, when a run has it already."""
    if kept is None:
        kept = extracted_keys(extraction)
    keys: dict[int, tuple[Key, str | None]] = {}
    for index, block in enumerate(document.page.blocks):
        if not block.translatable or block.role is Role.DATELINE:
            continue
        if block.role is Role.COUNTER:
            entry = counter_entry(block, source_locale)
            if entry is None:
                continue
            key: Key = ("chrome", entry.msgctxt, entry.singular)
            plural: str | None = entry.plural
        else:
            context = chrome_context(block)
            if context is None:
                continue
            key, plural = ("chrome", context, collapse_space(block.text)), None
        if key in kept:
            keys[index] = (key, plural)
    return keys


# -- text checks -----------------------------------------------------------------------------

def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def _digits(text: str) -> list[str]:
    """The numbers of ``text`` as ASCII digit strings, group separators dropped."""
    return sorted(re.sub(r"\D", "", number) for number in _DIGITS.findall(ascii_digits(text)))


class _Checks:
    """The checks on the edition's text, with what they need (the judge, allowed terms)."""

    def __init__(self, source_locale: str, allow: Collection[str]) -> None:
        from l10n.check.engine import Judge

        self.source_locale = source_locale
        self.source_language = language_of(source_locale)
        self.allow = frozenset(collapse_space(term) for term in allow)
        self.judge = Judge(source_locale=source_locale)

    def reads_as_source(self, text: str, locale: str) -> bool:
        """Whether ``text`` reads as the source language (surely) on a ``locale`` page."""
        if language_of(locale) == self.source_language:
            return False
        verdict = self.judge.judge(text, locale)
        return verdict is not None and verdict.detected == self.source_language \
            and verdict.confidence >= _SOURCE_LANGUAGE

    def same_text(self, text: str, block: Block, edition: Edition,
                  marks_kept: bool) -> str | None:
        """None when ``text``, the same in both editions, is a translation; else why not."""
        language = language_of(edition.locale)
        if block.lang is not None:
            marked = language_of(block.lang.replace("-", "_"))
            return None if marked == language else f"marked as {block.lang} in the edition"
        if marks_kept or text in self.allow:
            return None
        if language == self.source_language:
            return None
        return "the same text in both editions: not translated"

    def chrome(self, source: str, target: str, block: Block, edition: Edition,
               marks_kept: bool) -> tuple[float, str | None]:
        """(factor, reason it is refused or None) for a chrome text and its twin."""
        if not target:
            return 0.0, "empty in the edition"
        if _digits(source) != _digits(target):
            return 0.0, f"numbers differ in the edition: {target!r}"
        if _placeholders(source) != _placeholders(target):
            return 0.0, f"placeholders differ in the edition: {target!r}"
        if source == target:
            reason = self.same_text(target, block, edition, marks_kept)
            return (_SAME_TEXT, None) if reason is None else (0.0, reason)
        if not marks_kept and self.reads_as_source(target, edition.locale):
            # (An edition that marks what it kept says what it translated: trust it.)
            return 0.0, f"the edition shows {target!r}, in the source language"
        longer, shorter = max(len(source), len(target)), min(len(source), len(target))
        if longer > 12 and longer > 4 * shorter:
            return _ODD_LENGTH, None
        return 1.0, None


# -- proposing -------------------------------------------------------------------------------

def propose(
    source: Edition,
    target: Edition,
    extraction: Extraction,
    *,
    source_locale: str = "en",
    allow: Collection[str] = (),
    articles: str | None = None,
    checks: _Checks | None = None,
    keys: dict[int, tuple[Key, str | None]] | None = None,
) -> tuple[list[Proposal], list[Unpaired]]:
    """The proposals ``target`` (an edition of ``source``) makes for the catalogs.

    ``extraction`` is what ``extract`` finds on ``source`` (its keys are the proposals'
    keys; ``keys`` its :func:`chrome_keys` for ``source``, when a run has them already);
    ``articles`` is the article catalog's domain (``articles/<stem>``), None for no article
    text.
    """
    checks = checks or _Checks(source_locale, allow)
    twin = {pair.source: pair for pair in pair_blocks(source.document, target.document)}
    proposals: list[Proposal] = []
    unpaired: list[Unpaired] = []
    if keys is None:
        keys = chrome_keys(extraction, source.document, source_locale)
    marks_kept = _marks_kept(target, source_locale)
    source_blocks, target_blocks = source.document.page.blocks, target.document.page.blocks
    for index, (key, plural) in keys.items():
        block = source_blocks[index]
        where = f"{source.name}:{block.line}"
        pair = twin.get(index)
        if pair is None:
            unpaired.append(Unpaired(target.locale, *key, where, "no twin in the edition"))
            continue
        other = target_blocks[pair.target]
        found = _chrome_proposal(key, plural, block, other, pair, source, target, checks,
                                 marks_kept, source_locale)
        if isinstance(found, Proposal):
            proposals.append(found)
        else:
            unpaired.append(Unpaired(target.locale, *key, where, found))
    datelines = _datelines(source, target, extraction, twin)
    proposals.extend(datelines)
    if articles is not None:
        found_articles, left = _articles(source, target, twin, articles, checks)
        proposals.extend(found_articles)
        unpaired.extend(left)
    return proposals, unpaired


def _marks_kept(edition: Edition, source_locale: str) -> bool:
    """Whether the edition marks text it kept in the source language with ``lang`` (as
    ``l10n render`` does): then its unmarked text is all translated."""
    language = language_of(source_locale)
    if language == language_of(edition.locale):
        return False
    for block in edition.document.page.blocks:
        if block.lang is not None and language_of(block.lang.replace("-", "_")) == language:
            return True
    return False


def _chrome_proposal(key: Key, plural: str | None, block: Block, other: Block,
                     pair: BlockPair, source: Edition, target: Edition, checks: _Checks,
                     marks_kept: bool, source_locale: str) -> Proposal | str:
    """The proposal for one chrome entry from a paired block, or why there is none."""
    text = collapse_space(other.text)
    if block.attribute != other.attribute:
        return "paired with another kind of text"
    score = pair.score * (1.0 if _same_kind(block, other) else _OTHER_ROLE)
    where = f"{target.name}:{other.line}"
    origin = f"{source.name}:{block.line}"
    if plural is not None:
        return _counter_proposal(key, plural, block, text, score, where, origin, target)
    factor, reason = checks.chrome(key[2], text, other, target, marks_kept)
    if reason is not None:
        return reason
    score *= factor
    if score < MIN_SCORE:
        return f"pairing not sure enough ({score:.2f})"
    return Proposal(target.locale, *key, text, round(score, 2), where, origin)


def _same_kind(block: Block, other: Block) -> bool:
    return block.role == other.role and block.context == other.context


def _counter_proposal(key: Key, plural: str, block: Block, text: str, score: float,
                      where: str, origin: str, target: Edition) -> Proposal | str:
    """The plural form a counter shows ("12 Kommentare" → ``{count} Kommentare``)."""
    from l10n.prose import parse_counter

    parsed = parse_counter(block.text)
    assert parsed is not None
    count = parsed[0]
    numbers = list(_DIGITS.finditer(ascii_digits(text)))  # one character for one
    if len(numbers) != 1 or int(re.sub(r"\D", "", numbers[0].group())) != count:
        return f"the edition's counter shows another number: {text!r}"
    form = text[: numbers[0].start()] + "{count}" + text[numbers[0].end():]
    if form == "{count}":
        return "the edition's counter has no label"
    index, nplurals = _plural_index(target.locale, count)
    forms = tuple(form if i == index else "" for i in range(nplurals))
    if score < MIN_SCORE:
        return f"pairing not sure enough ({score:.2f})"
    return Proposal(target.locale, *key, forms[0], round(score, 2), where, origin,
                    msgid_plural=plural, msgstr_plural=forms)


@functools.lru_cache(maxsize=4096)
def _plural_index(locale: str, count: int) -> tuple[int, int]:
    """(index of the plural form of ``count``, number of forms) under the gettext rule
    ``init`` writes for ``locale``."""
    import gettext

    from l10n.catalogs.create import plural_forms

    header = plural_forms(locale)
    nplurals = int(header.split(";")[0].split("=")[1])
    expression = header.split("plural=", 1)[1].rstrip(";")
    return int(gettext.c2py(expression)(count)), nplurals


# -- datelines -------------------------------------------------------------------------------

def _datelines(source: Edition, target: Edition, extraction: Extraction,
               twin: dict[int, BlockPair]) -> list[Proposal]:
    """Places and agencies from the two pages' datelines: the twin of the source's dateline
    block, or the edition's only dateline when the source has only one."""
    kept = {(domain, entry.msgctxt, entry.msgid) for domain, entries in
            extraction.entries.items() for entry in entries}
    source_blocks, target_blocks = source.document.page.blocks, target.document.page.blocks
    ours = [i for i, b in enumerate(source_blocks) if b.dateline is not None and b.translatable]
    theirs = [i for i, b in enumerate(target_blocks) if b.dateline is not None]
    out: list[Proposal] = []
    for index in ours:
        pair = twin.get(index)
        score = pair.score if pair is not None else 0.0
        other = pair.target if pair is not None else None
        if (other is None or target_blocks[other].dateline is None) and len(ours) == 1 \
                and len(theirs) == 1:
            other, score = theirs[0], 0.9
        if other is None or target_blocks[other].dateline is None:
            continue
        mine, shown = source_blocks[index].dateline, target_blocks[other].dateline
        assert mine is not None and shown is not None
        if collapse_space(mine.raw) == collapse_space(shown.raw):
            continue  # the edition kept the source's dateline: it says nothing
        where = f"{target.name}:{target_blocks[other].line}"
        origin = f"{source.name}:{source_blocks[index].line}"
        parts = (("places", "dateline city", mine.city, shown.city),
                 ("places", "dateline region", mine.region, shown.region),
                 ("agencies", "news agency", mine.agency, shown.agency))
        for domain, context, name, printed in parts:
            if not name or not printed:
                continue
            msgid = name if domain == "agencies" else normal_case(name)
            if (domain, context, msgid) not in kept:
                continue
            if domain == "agencies":
                value, factor = printed, 1.0
            else:
                value, factor = restore_case(printed, msgid, target.locale)
            if value == msgid and printed == name and language_of(target.locale) != \
                    language_of(source.locale):
                factor *= _SAME_TEXT
            if score * factor >= MIN_SCORE:
                out.append(Proposal(target.locale, domain, context, msgid, value,
                                    round(score * factor, 2), where, origin))
    return out


def restore_case(printed: str, source_name: str, locale: str) -> tuple[str, float]:
    """A name as a catalog holds it, from the way a dateline printed it: unchanged unless
    printed in capitals; then CLDR's name in ``locale`` when that is what was printed, else
    each word capitalized (a guess: factor 0.8).

    >>> restore_case("ВАШИНГТОН", "Washington", "ru")
    ('Вашингтон', 1.0)
    >>> restore_case("Genf", "Geneva", "de")
    ('Genf', 1.0)
    """
    letters = [ch for ch in printed if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters if ch.lower() != ch.upper()):
        return printed, 1.0
    from l10n.dates import exemplar_city

    try:
        known = exemplar_city(source_name, locale)
    except Exception:  # noqa: BLE001 - a name CLDR half knows: guess the case
        known = None
    if known is not None and known.upper() == printed.upper():
        return known, 1.0
    if printed == source_name.upper():
        return source_name, 1.0
    guessed = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), printed.lower())
    return guessed, _GUESSED_CASE


# -- article text ----------------------------------------------------------------------------

def _articles(source: Edition, target: Edition, twin: dict[int, BlockPair], domain: str,
              checks: _Checks) -> tuple[list[Proposal], list[Unpaired]]:
    """Article text, po4a-style: only where the whole article pairs up (module docstring);
    ``twin`` pairs each source block with its edition's."""
    mine = _article_blocks(source)
    theirs = _article_blocks(target)
    blocks, other_blocks = source.document.page.blocks, target.document.page.blocks

    def left(reason: str, only: Collection[int] | None = None) -> list[Unpaired]:
        return [Unpaired(target.locale, domain, None, blocks[i].text,
                         f"{source.name}:{blocks[i].line}", reason)
                for i in mine if only is None or i in only]

    if not mine:
        return [], []
    if len(mine) != len(theirs):
        return [], left(f"the edition's article has {len(theirs)} paragraphs, the source's "
                        f"{len(mine)}")
    paired = [(i, twin[i]) for i in mine if i in twin and twin[i].target in theirs]
    if len(paired) != len(mine):
        return [], left("the article's paragraphs do not all pair up")
    source_size = sum(len(blocks[i].text) for i, _ in paired)
    target_size = sum(len(other_blocks[p.target].text) for _, p in paired)
    ratio = target_size / max(source_size, 1)
    proposals: list[Proposal] = []
    refused: dict[int, str] = {}
    for index, pair in paired:
        text, shown = blocks[index].text, other_blocks[pair.target].text
        reason = _article_reason(text, shown, ratio, target.locale, checks)
        if reason is not None:
            refused[index] = reason
            continue
        if pair.score < MIN_SCORE:
            refused[index] = f"pairing not sure enough ({pair.score:.2f})"
            continue
        proposals.append(Proposal(target.locale, domain, None, text, shown,
                                  round(pair.score, 2),
                                  f"{target.name}:{other_blocks[pair.target].line}",
                                  f"{source.name}:{blocks[index].line}"))
    out = [Unpaired(target.locale, domain, None, blocks[i].text,
                    f"{source.name}:{blocks[i].line}", why) for i, why in refused.items()]
    return proposals, out


def _article_blocks(edition: Edition) -> list[int]:
    """The indexes of the blocks that make the article's template entries (the first block
    of each text), picked as :func:`~l10n.catalogs.extract.article_messages` picks them."""
    out: list[int] = []
    seen: set[str] = set()
    for index, block in enumerate(edition.document.page.blocks):
        is_text = block.role in _ARTICLE_ROLES and not block.attribute
        is_attribute = block.attribute is not None and chrome_context(block) is None \
            and block.context not in ("page title", "meta description") \
            and not (block.context or "").startswith(("og:", "twitter:"))
        if not block.translatable or not (is_text or is_attribute) \
                or block.repeat_of is not None or block.text in seen:
            continue
        seen.add(block.text)
        out.append(index)
    return out


def _article_reason(text: str, shown: str, ratio: float, locale: str,
                    checks: _Checks) -> str | None:
    """Why an article pair is not sure, or None."""
    if shown == text:
        return "the same text in both editions: not translated"
    if _digits(text) != _digits(shown):
        return "numbers differ in the edition"
    if max(len(text), len(shown)) >= _SHORT:
        own = len(shown) / max(len(text), 1)
        if not ratio / _LENGTH_SLACK <= own <= ratio * _LENGTH_SLACK:
            return "length out of proportion with the article's"
    if not _names_agree(text, shown, locale):
        return "names of the source missing in the edition"
    if checks.reads_as_source(shown, locale):
        return "the edition's text is in the source language"
    return None


def _names_agree(text: str, shown: str, locale: str) -> bool:
    """The names of ``text`` are in ``shown`` (when both are in Latin script), and every
    Latin word of a ``shown`` in another script is in ``text``."""
    if script_of(locale) == "Latn":
        names = {m.group() for m in _NAME.finditer(text)}
        if not names:
            return True
        found = sum(1 for name in names if name[:max(3, len(name) - 2)] in shown)
        return found >= _NAMES_FOUND * len(names)
    latin = [w for w in _WORD.findall(shown) if w.isascii() and len(w) > 1]
    return all(w in text for w in latin)
