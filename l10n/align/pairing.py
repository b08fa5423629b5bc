"""Pair the blocks of a page with the blocks of its edition in another language.

Editions built from one template share their skeleton: the same elements in the same order,
with the same ``class`` names, link targets and ``id``\\ s; only the text differs. So the pairing
is structural, never by meaning:

1. **Elements.** The two trees are walked together from ``<html>`` down. Where a parent's
   children carry the same signatures (tag and classes) in both, they pair one to one; where
   they differ (an edition adds a banner, drops a menu item), the two child lists are aligned
   as a diff (:class:`difflib.SequenceMatcher` over the signatures) and only the runs the diff
   calls equal, or replaced by as many elements of the same tags, are paired.
2. **Sureness.** Every element pair gets a score, the product of its parent's and its own
   factors: 1 for an exact skeleton, less for a pair found by the diff (its neighbours moved)
   or by position alone, for an ``id`` or a link target that differs (after the language
   parts of a URL are set aside: ``/en/`` and ``/de/`` are one target), and for a different
   number of children.
3. **Blocks.** A source block's text came from tree nodes (:class:`~l10n.readers.html.HtmlDocument`
   keeps them); the edition's block made of the paired nodes is its twin (blocks cut from one
   node, a dateline and the sentence it opens, pair in order). A pairing must be one to one:
   when two source blocks land on one edition block (the edition merged them), neither is
   paired.

The result is a list of :class:`BlockPair` (source index, edition index, score); what the text
of a pair may be used for (chrome, a dateline, an article paragraph) is decided by
:mod:`l10n.align.proposals`, which adds the checks on the text itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from lxml import etree

from l10n.readers.html import HtmlDocument

__all__ = ["BlockPair", "match_elements", "pair_blocks"]

# Factors of an element pair's score (see the module docstring).
_MOVED = 0.95  # paired by the diff, not in lockstep with every sibling
_BY_POSITION = 0.75  # one of a run the diff replaced by as many elements of the same tags
_OTHER_ID = 0.9
_OTHER_TARGET = 0.9
_OTHER_SHAPE = 0.97  # a different number of child elements
_LOCALE_PART = re.compile(r"(?<![A-Za-z0-9])[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?(?![A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class BlockPair:
    """Block ``source`` of the page and block ``target`` of its edition, paired with
    ``score`` (0 to 1): how sure the skeletons make the pairing."""

    source: int
    target: int
    score: float


def _signature(element: etree._Element) -> tuple[str, str]:
    """What must agree for two elements to be one slot of the template: tag and classes."""
    classes = element.get("class")
    return (str(element.tag), " ".join(sorted(classes.split())) if classes else "")


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _target(href: str | None) -> str | None:
    """A link target with its language parts set aside (``/en/a.html`` → ``/*/a.html``)."""
    if href is None:
        return None
    return _LOCALE_PART.sub("*", href.strip())


def _own_factor(source: etree._Element, target: etree._Element) -> float:
    """The factor of a pair from the two elements alone: ids, link targets, shape."""
    factor = 1.0
    source_id, target_id = source.get("id"), target.get("id")
    if source_id != target_id and source_id is not None and target_id is not None:
        factor *= _OTHER_ID
    source_href, target_href = source.get("href"), target.get("href")
    if source_href != target_href and _target(source_href) != _target(target_href):
        factor *= _OTHER_TARGET
    if len(source) != len(target):
        factor *= _OTHER_SHAPE
    return factor


def match_elements(source: etree._Element,
                   target: etree._Element) -> dict[etree._Element, tuple[etree._Element, float]]:
    """Each element of the ``source`` tree that has a twin in the ``target`` tree: the twin
    and the pair's score. The roots pair with each other."""
    matched: dict[etree._Element, tuple[etree._Element, float]] = {source: (target, 1.0)}
    stack = [(source, target, 1.0)]
    while stack:
        parent, twin, score = stack.pop()
        for child, other, factor in _pair_children(_children(parent), _children(twin)):
            child_score = score * factor * _own_factor(child, other)
            matched[child] = (other, child_score)
            if len(child):
                stack.append((child, other, child_score))
    return matched


def _pair_children(source: list[etree._Element], target: list[etree._Element]
                   ) -> Iterator[tuple[etree._Element, etree._Element, float]]:
    """The pairs among two lists of sibling elements, each with its factor."""
    if not source or not target:
        return
    source_signatures = [_signature(e) for e in source]
    target_signatures = [_signature(e) for e in target]
    if source_signatures == target_signatures:
        for child, other in zip(source, target, strict=True):
            yield child, other, 1.0
        return
    matcher = SequenceMatcher(None, source_signatures, target_signatures, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for offset in range(i2 - i1):
                yield source[i1 + offset], target[j1 + offset], _MOVED
        elif op == "replace" and i2 - i1 == j2 - j1:
            for offset in range(i2 - i1):
                child, other = source[i1 + offset], target[j1 + offset]
                if child.tag == other.tag:
                    yield child, other, _BY_POSITION


def pair_blocks(source: HtmlDocument, target: HtmlDocument) -> list[BlockPair]:
    """The blocks of ``source`` paired with the blocks of its edition ``target`` (see the
    module docstring), in source order; blocks without a sure twin are left out."""
    matched = match_elements(source.root, target.root)
    sharing = _sharing(target.nodes)
    own_sharing = _sharing(source.nodes)
    found: list[BlockPair] = []
    for index, nodes in enumerate(source.nodes):
        votes: Counter[int] = Counter()
        score = 1.0
        for node in nodes:
            twin = matched.get(node[0])
            if twin is None:
                continue
            others = sharing.get((twin[0], node[1]))
            if not others:
                continue
            # Blocks cut from one text node (a dateline and the sentence it opens) pair in
            # their order: the second with the second.
            rank = own_sharing[node].index(index)
            if len(others) != len(own_sharing[node]):
                continue
            votes[others[rank]] += 1
            score = min(score, twin[1])
        if not votes:
            continue
        (best, count), = votes.most_common(1)
        if count * 2 < len(nodes):  # most of its text came from elsewhere
            continue
        found.append(BlockPair(index, best, score * count / len(nodes)))
    taken = Counter(pair.target for pair in found)
    return [pair for pair in found if taken[pair.target] == 1]


def _sharing(nodes: tuple[tuple[tuple[etree._Element, str], ...], ...]
             ) -> dict[tuple[etree._Element, str], list[int]]:
    """The blocks each tree node's text went into, in page order."""
    found: dict[tuple[etree._Element, str], list[int]] = {}
    for index, block_nodes in enumerate(nodes):
        for node in block_nodes:
            holders = found.setdefault(node, [])
            if not holders or holders[-1] != index:
                holders.append(index)
    return found
