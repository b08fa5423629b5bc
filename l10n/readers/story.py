"""The story's own structures, which the container scoring of :mod:`l10n.readers.zones` cannot
see: teaser cards side by side (a headline and a summary each), a chart's labels placed by
coordinates, the story's own lists and tables, a box named like a teaser that reads as a
section, and the linked headings of a list article's items. Each takes the zones the scoring
gave and corrects them where the structure says otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree

from l10n.page import Zone
from l10n.readers.facts import (
    FRAME_SHARE,
    MIN_CHARS,
    PROSE_CHARS,
    RunFacts,
    link_made,
    prose_paragraph,
)
from l10n.readers.markers import cached_kind

__all__ = ["card_texts", "graphic_labels", "linked_subheadings", "section_lists", "story_item",
           "story_lists", "story_sections"]

# Teaser cards side by side: this many at least, and this many characters of text at most
# besides their headlines (card_texts).
_CARDS = 3
_CARD_CHARS = 600
_CARD_DEPTH = 5  # levels above a headline where its card may start
_STORY_CHARS = 100  # a run of this many characters outside the cards is the story's prose
# Prose outside the cards that makes a page a story's, not a list's (three paragraphs or so).
_OWN_STORY_CHARS = 1000
# A chart's labels (graphic_labels): this many texts at least, this share of them a word or
# two (this many characters at most, spaces aside); a table's or a list's short texts are
# data, not labels.
_CHART_TEXTS = 10
_CHART_SHARE = 0.75
_LABEL_CHARS = 12
_TOP = re.compile(r"(?:^|;)\s*top\s*:", re.IGNORECASE)
_SIDE = re.compile(r"(?:^|;)\s*(?:left|right)\s*:", re.IGNORECASE)
_DATA_TAGS = frozenset({"td", "th", "li", "dd", "dt", "pre", "code", "table"})
# The story's own lists and tables (story_lists): an item of prose has this many words.
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
_ROW_TAGS = frozenset({"tr", "tbody", "thead", "tfoot"})
_ITEM_TAGS = frozenset({"li", "td", "th", "dd", "dt"})
_ITEM_WORDS = 5
_NAME_WORDS = 3  # a link of a section's list of names (section_lists): a name, no headline
_LIST_HEADINGS = 3  # linked headings over the body's paragraphs that make a list article
# A teaser-named box in the article with this many paragraphs of prose at least, outweighing
# its links this many times, is the story's section (story_sections).
_SECTION_PARAGRAPHS = 2
_SECTION_PROSE = 3.0


def card_texts(runs: Sequence[RunFacts],
                decided: list[tuple[Zone | None, etree._Element | None]],
                holders: set[etree._Element]) -> list[tuple[Zone | None, etree._Element | None]]:
    """Teaser cards: a few elements side by side, each headed by a linked heading (a teaser's
    headline, or a short one: a list of them, ``article`` elements, a site's story blocks);
    their summaries and bylines are the teaser's text too, not the story's. ``holders`` are
    the roots and what is around them (no card)."""
    heads = [run.stack for run, (zone, _) in zip(runs, decided, strict=True)
             if run.heading and (zone is Zone.TEASER or (zone is Zone.PAGE and link_made(run)))]
    # Each headline's (parent, child) steps up to _CARD_DEPTH levels, innermost first.
    steps = [[(stack[k - 1], stack[k])
              for k in range(len(stack) - 1, max(0, len(stack) - 1 - _CARD_DEPTH), -1)]
             for stack in heads]
    held_by: dict[etree._Element, set[etree._Element]] = {}
    for chain in steps:
        for parent, child in chain:
            held_by.setdefault(parent, set()).add(child)
    cards = set()
    for chain in steps:  # the innermost list the headline is in: its card
        card = next((child for parent, child in chain if len(held_by[parent]) >= _CARDS), None)
        if card is not None and card not in holders:
            cards.add(card)
    if not cards:
        return decided
    held: dict[int, etree._Element] = {}  # run → its card
    prose: dict[etree._Element, int] = {}
    paragraphs: list[RunFacts] = []  # the article's prose outside cards
    for k, (run, (zone, _)) in enumerate(zip(runs, decided, strict=True)):
        if zone is Zone.ARTICLE and not run.named:  # a picture's caption and credit stay theirs
            card = next((el for el in run.stack if el in cards), None)
            if card is not None:
                held[k] = card
                prose[card] = prose.get(card, 0) + run.chars
            elif run.chars >= _STORY_CHARS:  # a paragraph, not a form's or a menu's words
                paragraphs.append(run)
    # More is a story opened in a list of them; a page whose article is all cards is a list
    # (a press portal's releases, a blog's front page): its summaries are what it says.
    teasers = {card for card, chars in prose.items() if chars <= _CARD_CHARS}
    # Unless a story of its own stands outside the cards' row (a stream of recommended cards
    # under a story): a story's page, however many cards. Prose beside the cards in their own
    # row (a live blog's summary over its entries) is the list's introduction.
    rows = {card.getparent() for card in teasers}
    own = sum(run.chars for run in paragraphs if rows.isdisjoint(run.stack))
    story = sum(run.chars for run in paragraphs) + sum(
        chars for card, chars in prose.items() if card not in teasers)
    if story < sum(prose[card] for card in teasers) and own < _OWN_STORY_CHARS:
        return decided
    out = list(decided)
    for k, card in held.items():
        if card in teasers:
            out[k] = (Zone.TEASER, card)
    return out


def graphic_labels(runs: Sequence[RunFacts],
                    decided: list[tuple[Zone | None, etree._Element | None]]
                    ) -> list[tuple[Zone | None, etree._Element | None]]:
    """A chart drawn in HTML (an ai2html graphic, a map's place names): an element in the
    article holding many texts, nearly all labels of a few characters ("$915", "billion", "’17")
    each placed by coordinates (``style="top:4.9%;left:96.6%"``), none a paragraph, none a
    table's cell or a list's item: its labels are the picture's, not the story's text (a
    recipe's quantities, a nutrition box's figures flow as text: they are the story's)."""
    labelled = [run.chars <= _LABEL_CHARS and not run.ends_sentence and zone is Zone.ARTICLE
                and any(_placed(el) for el in run.stack[-2:])
                for run, (zone, _) in zip(runs, decided, strict=True)]
    if sum(labelled) < _CHART_SHARE * _CHART_TEXTS:
        return decided  # no chart's worth of placed labels: most pages
    counts: dict[etree._Element, list[int]] = {}  # element → [texts, labels]
    spoiled: set[etree._Element] = set()  # holds prose, a table or a list
    for run, (zone, _), label in zip(runs, decided, labelled, strict=True):
        if zone is not Zone.ARTICLE or not run.chars:
            continue
        spoil = run.chars >= PROSE_CHARS or run.heading or any(
            el.tag in _DATA_TAGS for el in run.stack)
        for el in run.stack[:-1]:
            if spoil:
                spoiled.add(el)
                continue
            t = counts.setdefault(el, [0, 0])
            t[0] += 1
            t[1] += label
    charts = {el for el, (texts, labels) in counts.items() if el not in spoiled
              and texts >= _CHART_TEXTS and labels >= _CHART_SHARE * texts}
    if not charts:
        return decided
    out = list(decided)
    for k, run in enumerate(runs):
        if decided[k][0] is Zone.ARTICLE:
            chart = next((el for el in run.stack if el in charts), None)
            if chart is not None:
                out[k] = (Zone.PAGE, chart)
    return out


def _placed(el: etree._Element) -> bool:
    """Whether ``el``'s style sets where it sits (``top`` and ``left`` or ``right``)."""
    style = el.get("style")
    return bool(style) and _TOP.search(style) is not None and _SIDE.search(style) is not None


def _list_chain(stack: Sequence[etree._Element], start: int) -> Iterable[etree._Element]:
    """The lists and tables above ``stack[start]`` that it is an item of: up through items and
    rows to the nearest table, or through nested lists to the outermost list."""
    table = False
    for k in range(start, -1, -1):
        el = stack[k]
        tag = el.tag
        if tag in _LIST_TAGS and not table:
            yield el
        elif tag == "table":
            yield el
            return
        elif tag in _ROW_TAGS:
            table = True
        elif tag not in _ITEM_TAGS:
            return


def story_lists(runs: Sequence[RunFacts]) -> set[etree._Element]:
    """Lists and tables that hold an item of prose (a few words, not link text: a release
    note's bullet, an entry's description; or a sentence that opens with its own words and
    links the rest, "she has fixed <a>this</a> and <a>that</a>", a source's
    author and year before its title), and the lists nested in their items: the story's
    own lists, whose link items ("Bug 1677080 – ...", a film's title in its row) are entries,
    not links away. (An item opening with its link is a headline, then its date or source.)"""
    found: set[etree._Element] = set()
    for run in runs:
        stack = run.stack
        if len(stack) > 1 and stack[-1].tag in _ITEM_TAGS and run.words >= _ITEM_WORDS \
                and (not link_made(run) or (
                    not run.opens_link and run.words - run.link_words >= _ITEM_WORDS)):
            first = next(iter(_list_chain(stack, len(stack) - 2)), None)
            if first is not None:
                found.add(first)
    if not found:
        return found
    out = set(found)
    for run in runs:
        stack = run.stack
        if stack[-1].tag in _ITEM_TAGS and len(stack) > 1:
            chain = list(_list_chain(stack, len(stack) - 2))
            if not found.isdisjoint(chain):
                out.update(chain[:next(k for k, el in enumerate(chain) if el in found)])
    return out


def section_lists(runs: Sequence[RunFacts], roots: set[etree._Element]) -> set[etree._Element]:
    """Lists of names in the story's own sections: a list in the article made of short links
    (a name each, to other pages: "the apps I use"), right under a subheading of the story and
    followed straight by more of its text (a subheading or a paragraph), with a paragraph of
    prose after it beside it. A related-links box ends the story or stands apart; its links
    are headlines."""
    texts = [k for k, run in enumerate(runs) if run.chars and not roots.isdisjoint(run.stack)]
    spans: dict[etree._Element, list[int]] = {}  # list -> its runs' positions in texts
    for at, k in enumerate(texts):
        run = runs[k]
        chain = list(_list_chain(run.stack, len(run.stack) - 2)) \
            if len(run.stack) > 1 and run.stack[-1].tag == "li" else []
        for el in chain:
            spans.setdefault(el, []).append(at)
    if not spans:
        return set()
    prose: dict[etree._Element, int] = {}  # element -> where its last paragraph of prose is
    for at, k in enumerate(texts):
        run = runs[k]
        if prose_paragraph(run) and len(run.stack) > 1:
            prose[run.stack[-2]] = at
    out = set()
    for el, ats in spans.items():
        first, last = ats[0], ats[-1]
        if last - first + 1 != len(ats) or first == 0 or last + 1 >= len(texts):
            continue  # something else inside it, or nothing around it
        items = [runs[texts[at]] for at in ats]
        if not all(link_made(r) and not r.in_page and not r.heading
                   and r.link_words <= _NAME_WORDS for r in items):
            continue
        before, after = runs[texts[first - 1]], runs[texts[last + 1]]
        if not before.heading or before.link_chars or after.link_chars:
            continue
        if prose.get(el.getparent(), -1) > last:
            out.add(el)
    return out


def story_sections(runs: Sequence[RunFacts], roots: set[etree._Element],
                    kinds: dict[etree._Element, str | None]) -> None:
    """Boxes in the article named like teasers ("more-features") that read as the story's own
    sections: headings that link nowhere over paragraphs of prose, which outweigh the box's
    links several times. Their name is forgotten (``kinds`` maps them to None)."""
    boxes: dict[etree._Element, list[int]] = {}
    linked: set[etree._Element] = set()
    for run in runs:
        stack = run.stack
        if roots.isdisjoint(stack):
            continue
        inside = next(k for k, el in enumerate(stack) if el in roots)
        for el in stack[inside + 1:]:
            if cached_kind(el, kinds) != "teaser":
                continue
            totals = boxes.setdefault(el, [0, 0, 0])
            totals[1] += run.link_chars
            if run.heading and run.link_chars:
                linked.add(el)
            elif not run.heading and run.ends_sentence and not run.link_chars:
                totals[0] += run.chars
                totals[2] += 1
    for el, (prose, links, paragraphs) in boxes.items():
        if el not in linked and paragraphs >= _SECTION_PARAGRAPHS \
                and prose >= _SECTION_PROSE * links:
            kinds[el] = None


def story_item(run: RunFacts, lists: set[etree._Element]) -> bool:
    """Whether a run is an item (a cell, a bullet) of one of the story's own lists."""
    stack = run.stack
    if not lists or len(stack) < 2 or stack[-1].tag not in _ITEM_TAGS:
        return False
    return next(iter(_list_chain(stack, len(stack) - 2)), None) in lists


def linked_subheadings(runs: Sequence[RunFacts], roots: set[etree._Element]) -> set[int]:
    """Headings made wholly of a link that head the story's own paragraphs: in the element
    holding most of the article's prose paragraphs itself, half of them at least (its body:
    no teaser card's summary), each followed there by a paragraph without links (a list
    article's items: "“Thumper” ($20)", then what it is), three of them at least.
    A lead-in outside the link ("Read also: …", ">>> Order now <<<") makes it no subheading."""
    held: dict[etree._Element, int] = {}
    for run in runs:
        if run.heading or run.link_chars or not run.ends_sentence or run.chars < PROSE_CHARS \
                or len(run.stack) < 2 or roots.isdisjoint(run.stack):
            continue
        held[run.stack[-2]] = held.get(run.stack[-2], 0) + run.chars
    if not held:
        return set()
    body = max(held, key=held.__getitem__)
    if held[body] < FRAME_SHARE * sum(held.values()):
        return set()
    out = set()
    follower: RunFacts | None = None  # the next run with text
    for k in range(len(runs) - 1, -1, -1):
        run = runs[k]
        if not run.chars:
            continue
        if run.heading and run.link_chars >= run.chars and not run.in_page \
                and len(run.stack) > 1 and run.stack[-2] is body and follower is not None \
                and len(follower.stack) > 1 and follower.stack[-2] is body \
                and not follower.heading \
                and not follower.link_chars and follower.chars >= MIN_CHARS:
            out.add(k)
        follower = run
    # One is a link to another story set in the body ("Read also"); a list has several.
    return out if len(out) >= _LIST_HEADINGS else set()
