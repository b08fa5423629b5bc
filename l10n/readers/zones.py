"""Which part of an HTML page is the article, and which parts are teasers, comments and
furniture: l10n's own boilerplate classifier, run over the text runs the HTML reader collected.

What the web calls things (class and id names, landmarks) is :mod:`l10n.readers.markers`;
how the reader decides is :func:`classify`, in three steps:

  1. *The best container*, after Mozilla Readability's scoring: every run of 25 characters or
     more (not a form control's) scores ``1 + commas + min(chars / 100, 3)`` for its parent (in
     full), its grandparent (half) and three more ancestors (a sixth, a ninth, a twelfth); a
     container starts from its tag and its class names (article-like names up, boilerplate
     names down) and its score is scaled by ``1 - link density``. A class name's bonus can
     lift a small box over the story: the next best containers that score nearly as well,
     hold more text and sit in no furniture are weighed as step 2 weighs roots, and one
     whose root weighs half as much again replaces the best.
  2. *The article's root*: of the best container and its ancestors, the heaviest, prose
     counting for it and link text (twice) and furniture (named, or a landmark) against it
     (:func:`_heaviest`). A story cut into blocks (a paragraph per ``div``, Drupal fields,
     page-builder widgets) grows to hold them all; menus, teaser boxes and footers stop it.
     Names around the best container, on a container holding half the page's prose, or on a
     link-less teaser before the story (a German "Teaser" is the lede) are frames, not
     furniture. When the best container is the root it grows as Readability's does: to an
     enclosing ``article``/``main``/``articleBody``/schema.org Article element that holds
     mostly its text, or else to siblings scoring at least a fifth of it. The ``header`` of
     the ``article``/``main`` element around the root is the story's too. Without any
     scoring run, the page's ``article``, ``main``, ``[role=main]`` and
     ``[itemprop=articleBody]`` elements are the article, as their markup says.
  3. *Zones*: inside the article, containers named like boilerplate are cut out of it, and so
     are link boxes and runs made mostly of link text (a "Read more: …" line, a list of
     related links). Outside it, comment containers hold comments and headline-length links
     are teasers. Once the reader has its final zones, :func:`box_headings` sends the heading
     of a box (teasers, a form, comments) after it.

What a run is made of is :class:`l10n.readers.facts.RunFacts`; the story's own structures that
the scores cannot see (teaser cards, a chart's labels, the story's lists and tables, a list
article's linked headings) correct the zones in :mod:`l10n.readers.story`; what a short line
says it is (a date, a credit) is :mod:`l10n.readers.lines`.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from l10n.page import Zone
from l10n.prose import blank_found
from l10n.readers.facts import (
    FRAME_SHARE,
    MIN_CHARS,
    PROSE_CHARS,
    RunFacts,
    link_made,
    prose_paragraph,
)
from l10n.readers.markers import (
    LANDMARK_ROLES,
    LANDMARKS,
    cached_kind,
    element_names,
    marker_of,
    semantic_article,
)
from l10n.readers.story import (
    card_texts,
    graphic_labels,
    linked_subheadings,
    section_lists,
    story_item,
    story_lists,
    story_sections,
)

__all__ = ["Zoning", "box_headings", "classify", "contact_cards", "control_boxes"]

# Ancestors a paragraph's score reaches, and the divider at each level (1, 2, then level × 3).
_LEVELS = 5
# Words in a link from which it reads as a headline (a teaser), not a menu item; the average
# words of a list's links from which it is a list of headlines, and the least of an item in it.
_HEADLINE_WORDS = 5
_LIST_WORDS = 4
_LIST_ITEM_WORDS = 2
# An enclosing article element is taken when the best container holds this share of its prose.
_EXPAND_SHARE = 0.5
_EXPAND_LEVELS = 4
_SIBLING_SHARE = 0.2
_SIBLING_MIN = 10.0
_MIN_ARTICLE_SCORE = 5.0
# The next best containers, scoring this share of the best one's score and holding more of
# the page's text, are weighed against it (after Readability's alternative candidates): a
# rival whose article root weighs this many times the best one's root is the story.
_RIVALS = 7
_RIVAL_SHARE = 0.75
_RIVAL_MARGIN = 1.5
# Link boxes inside the article (see _link_boxes) and the short line that heads one.
_BOX_TAGS = frozenset({"div", "section", "ul", "ol", "dl", "table", "aside", "nav", "header",
                       "footer", "figure", "center", "span", "p"})
_BOX_COMMAS = 10
_BOX_LINKS = 0.5
_SHORT_BOX_LINKS = 0.25
_SHORT_BOX = 200
_SENTENCE_LINKS = 0.5  # a paragraph's own sentence with no more link text is never a link box
_BOX_HEADING_WORDS = 8
_BOX_HEADING_CHARS = 80
_BOX_TITLE_WORDS = 12
# Non-article runs after a heading that make it theirs, and headings in a row taken together
# (see box_headings).
_BOX_FOLLOWERS = 2
_BOX_HEADINGS = 3
# A form field's box: its article runs at most, and their characters at most (see
# control_boxes); inputs that are no field a reader fills in.
_FIELD_BOX_RUNS = 4
_FIELD_BOX_CHARS = 500
_HEADERS = frozenset({"header", "body", "html"})
_LIST_ROWS = ("li", "tr", "dd")
_NO_FIELDS = frozenset({"hidden", "submit", "button", "reset", "image"})
# A contact card (see contact_cards): its line's words at most, the lines above it it takes
# and their words at most; an e-mail address and a phone number (digits in groups).
_CARD_WORDS = 25
_CARD_REST_WORDS = 4
_CARD_REST = re.compile(r"[^\W\d_]{2,}")
_CARD_LINES = 3
_CARD_LINE_WORDS = 8
# Anchored at a word's start: a search from inside a long run of letters with no "@" after it
# would otherwise rescan the run from every position (quadratic on a page of one word). To
# blank the addresses out, a run with none is taken whole by a second, possessive alternative
# and given back (l10n.prose.blank_found): the text blanking the first pattern's matches gives.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_OR_RUN = re.compile(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|[\w.+-]++")
_PHONE = re.compile(r"(?<![\w/.])\+?\(?\d{2,5}\)?(?:[ ./-]?\(?\d{1,5}\)?){2,6}(?![\w/])")
# A date (and its time) is no phone number: "12.03.2021 14:30", "2021-03-12", "3/12/2021".
_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d(?![\d.])"
                   r"|(?<![\d-])(?:19|20)\d\d-\d\d-\d\d(?![\d-])"
                   r"|(?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)\d\d(?![\d/])")
_BOX_ZONES = frozenset({Zone.TEASER, Zone.PAGE, Zone.COMMENT, Zone.CHROME})
# Link text weighs against a root this many times its length (see _heaviest); a furniture
# name on a container holding this share of the page's prose names a frame, not furniture.
_LINK_COST = 2.0
# A teaser box before the story whose links stand only inside its sentences (a run opening
# with no link and ending with a full stop, this share of it link text at most) is still the
# story's lede.
_LEDE_LINKS = 0.2

_TAG_SCORES = {
    "div": 5.0, "article": 5.0, "section": 3.0, "main": 5.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
    "dt": -3.0, "li": -3.0, "form": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0,
    "h5": -5.0, "h6": -5.0, "th": -5.0,
}
_CLASS_WEIGHT = 25.0
# Owners whose text never makes a container the article: a menu's options, a form's labels.
_UNSCORED = frozenset({"option", "optgroup", "select", "textarea", "label", "button", "legend"})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
_NEVER_MARKERS = frozenset({"body", "html"})


@dataclass(frozen=True, slots=True)
class Zoning:
    """The classifier's answer: the elements whose content is the article, the zone of every
    run (in the order given; ``None`` where the reader's own landmarks decide) and the element
    that decided it (an article root, a comment box...), to weigh against a landmark."""

    roots: frozenset[etree._Element]
    zones: tuple[Zone | None, ...]
    deciders: tuple[etree._Element | None, ...]


def _weight(el: etree._Element) -> float:
    """Readability's initial score: the tag's, then ±25 for article-like or boilerplate-like
    class and id names."""
    tag = el.tag if isinstance(el.tag, str) else ""
    score = _TAG_SCORES.get(tag, 0.0)
    for value in (el.get("class"), el.get("id")):
        if not value:
            continue
        kind = marker_of(value.lower())
        if kind == "article":
            score += _CLASS_WEIGHT
        elif kind is not None:
            score -= _CLASS_WEIGHT
    if semantic_article(el):
        score += _CLASS_WEIGHT
    elif tag in LANDMARKS or (el.get("role") or "").lower() in LANDMARK_ROLES:
        score -= _CLASS_WEIGHT
    return score


def classify(runs: Sequence[RunFacts], semantic: Iterable[etree._Element] = (),
             *, weight: Callable[[etree._Element], float] = _weight) -> Zoning:
    """Find the article among ``runs`` and give each run its zone (see the module rules).
    ``semantic`` are the page's article-markup elements, the answer when nothing scores."""
    scores: dict[etree._Element, float] = {}
    for run in runs:
        if run.heading or run.chars < MIN_CHARS or run.chrome \
                or run.stack[-1].tag in _UNSCORED:
            continue
        content = 1.0 + run.commas + min(run.chars // 100, 3)
        ancestors = run.stack[:-1]
        for level in range(min(_LEVELS, len(ancestors))):
            el = ancestors[-1 - level]
            if el not in scores:
                scores[el] = weight(el)
            scores[el] += content / (1 if level == 0 else 2 if level == 1 else level * 3)
    prose: dict[etree._Element, list[int]] = {el: [0, 0] for el in scores}
    if prose:
        for run in runs:
            for el in run.stack:
                totals = prose.get(el)
                if totals is not None:
                    totals[0] += run.chars
                    totals[1] += run.link_chars
    final = {el: score * (1 - (t[1] / t[0] if t[0] else 0.0))
             for el, (score, t) in ((el, (s, prose[el])) for el, s in scores.items())}
    roots: set[etree._Element] = set()
    kinds: dict[etree._Element, str | None] = {}
    if final:
        best = max(final, key=final.__getitem__)
        if final[best] >= _MIN_ARTICLE_SCORE:
            own = prose[best][0] - prose[best][1]
            around_best = set(best.iterancestors())
            rivals = [el for el in heapq.nlargest(_RIVALS + 1, final, key=final.__getitem__)[1:]
                      if final[el] >= _RIVAL_SHARE * final[best] and el not in around_best
                      and prose[el][0] - prose[el][1] > own
                      and not _in_furniture(el, kinds, around_best)]
            if rivals:
                # Close scores (a class name's bonus on a small box): a rival elsewhere on
                # the page whose root holds clearly more prose, links and furniture against
                # it, is the story (one inside the best one's root is already in it).
                top, held = _heaviest(best, runs, dict(kinds))
                rivals = [el for el in rivals if top not in el.iterancestors()]
                weights = {el: _heaviest(el, runs, dict(kinds))[1] for el in rivals}
                rival = max(rivals, key=weights.__getitem__, default=None)
                if rival is not None and weights[rival] > max(held, 0.0) * _RIVAL_MARGIN:
                    best = rival
            if best.tag in _TABLE_PARTS:
                # A table's rows (a list page's entries) outscore the text around the table
                # (its introduction, its notes): the story is the table's container.
                table = next((el for el in best.iterancestors() if el.tag not in _TABLE_PARTS),
                             None)
                if table is not None and table in final and table.tag not in _NEVER_MARKERS:
                    best = table  # (a layout table straight in the body stays as it is)
            root = _heaviest(best, runs, kinds)[0]
            roots = _grow(best, final, prose) if root is best else {root}
    if not roots:
        roots = {el for el in semantic if not any(a in semantic for a in el.iterancestors())}
    if not roots:
        roots = _most_paragraph_text(runs)
    roots |= _headers(roots)
    around = {a for root in roots for a in root.iterancestors()}
    own_lists = story_lists(runs) | section_lists(runs, roots)
    story_sections(runs, roots, kinds)
    cut = _link_boxes(runs, roots) - own_lists
    lists = _headline_lists(runs)
    heads = linked_subheadings(runs, roots)
    decided = [_zone(run, roots, around, cut, kinds, _list_of(run) in lists,
                     k in heads or (bool(own_lists) and story_item(run, own_lists)))
                for k, run in enumerate(runs)]
    decided = card_texts(runs, decided, roots | around)
    decided = graphic_labels(runs, decided)
    _between_parts(runs, decided)
    zones = [zone for zone, _ in decided]
    return Zoning(frozenset(roots), tuple(zones), tuple(el for _, el in decided))


def _between_parts(runs: Sequence[RunFacts],
                   decided: list[tuple[Zone | None, etree._Element | None]]) -> None:
    """A sentence that nothing places (outside the article's root, in no named box or
    landmark, not made of links) between two runs of the article is the article's: the
    standfirst between a story's header and its body, each in a container of its own.
    ``decided`` is changed in place."""
    texts = [k for k, run in enumerate(runs) if run.chars]
    for before, k, after in zip(texts, texts[1:], texts[2:], strict=False):
        run = runs[k]
        if decided[k] != (None, None) or run.chrome or run.heading or not run.ends_sentence \
                or run.chars < MIN_CHARS or run.link_chars > _SENTENCE_LINKS * run.chars:
            continue
        if decided[before][0] is Zone.ARTICLE and decided[after][0] is Zone.ARTICLE:
            decided[k] = (Zone.ARTICLE, None)


def _in_furniture(el: etree._Element, kinds: dict[etree._Element, str | None],
                  shared: set[etree._Element]) -> bool:
    """Whether ``el`` or an element around it is named or marked as furniture (a sidebar,
    comments, a teaser box, a landmark), below the elements it ``shared`` with the best
    container (a "content-sidebar-wrap" around both is a frame)."""
    for node in (el, *el.iterancestors()):
        if node.tag in _NEVER_MARKERS or node in shared:
            return False
        if _furniture(node, kinds):
            return True
    return False


def _headers(roots: set[etree._Element]) -> set[etree._Element]:
    """The ``header`` elements of the ``article`` (or ``main``) that holds a root, before the
    root: the story's own header (its headline and standfirst) when the best container is its
    body alone; and a story's header written just before its ``article`` element (never
    before ``main``: that is the site's masthead)."""
    out: set[etree._Element] = set()
    for root in roots:
        if root.tag == "article":
            out.update(_header_before(root))
        path = [root]
        for el in root.iterancestors():
            if el.tag in _NEVER_MARKERS:
                break
            path.append(el)
            if el.tag in ("article", "main"):
                for inner, outer in zip(path, path[1:], strict=False):
                    for sibling in outer:
                        if sibling is inner:
                            break
                        if isinstance(sibling.tag, str):
                            out.update(sibling.iter("header"))
                if el.tag == "article":
                    out.update(_header_before(el))
                break
    return out - roots


def _header_before(article: etree._Element) -> tuple[etree._Element, ...]:
    """The story's header written just before its ``article`` element, outside it (a
    ``header`` sibling holding the headline ``h1``, and no menu): its standfirst is the
    story's too."""
    sibling = article.getprevious()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getprevious()
    if sibling is None or sibling.tag != "header" or sibling.get("role") == "banner":
        return ()
    if next(sibling.iter("h1"), None) is None or next(sibling.iter("nav"), None) is not None:
        return ()
    return (sibling,)


def _furniture(el: etree._Element, kinds: dict[etree._Element, str | None]) -> bool:
    """Whether ``el`` is named or marked up as furniture: a comment, a teaser box, a
    boilerplate container or a landmark."""
    kind = cached_kind(el, kinds)
    return kind is not None and kind != "article"


class _Path(NamedTuple):
    """What the path from the root to an element holds: its furniture (with each one's
    depth), the depth of its deepest link (-1: none) and the chain index of its deepest
    element on the seed's chain (-1: none; 0: the seed)."""

    named: tuple[tuple[int, etree._Element], ...]
    link: int
    chain: int


_NO_PATH = _Path((), -1, -1)


def _path_of(stack: tuple[etree._Element, ...], paths: dict[etree._Element, _Path],
             depth: dict[etree._Element, int], kinds: dict[etree._Element, str | None],
             first: dict[etree._Element, int], index: int) -> _Path:
    """The :class:`_Path` of ``stack[-1]``, from the nearest element of ``stack`` already
    known (``paths`` caches each; ``first`` records the run ``index`` that met new
    furniture first)."""
    start = len(stack) - 1
    while start >= 0 and stack[start] not in paths:
        start -= 1
    path = paths[stack[start]] if start >= 0 else _NO_PATH
    named, link, chain = path
    for k in range(start + 1, len(stack)):
        el = stack[k]
        position = depth.get(el)
        if position is not None:  # the chain's elements are frames, never furniture
            chain = position
            paths[el] = path = _Path(named, link, chain)
            continue
        tag = el.tag
        if tag == "a":
            link = k
        if tag not in _NEVER_MARKERS and _furniture(el, kinds):
            named = (*named, (k, el))
            first[el] = index
        paths[el] = path = _Path(named, link, chain)
    return path


def _heaviest(seed: etree._Element, runs: Sequence[RunFacts],
              kinds: dict[etree._Element, str | None]) -> tuple[etree._Element, float]:
    """The article's root among ``seed`` (the best-scoring container) and its ancestors: the
    one whose runs weigh most, prose for and link text and furniture against. A story cut
    into blocks (one paragraph per ``div``, a field per block) thus grows to hold them all,
    and stops where menus, teaser boxes and footers begin.

    Furniture names around the seed or on a container holding most of the page's prose name a
    frame (a "content-sidebar-wrap", a "sharing container" wrapping the text), not furniture;
    a teaser box that starts before the seed ends and links nowhere but from inside its
    sentences (a link of a few words in prose, not a headline or a "more" link) is the
    story's own teaser (its lede, as German sites call it), unless it holds a form's
    controls (an opt-in box):
    such names are forgotten (``kinds`` maps them to None)."""
    chain = [seed]
    for el in seed.iterancestors():
        if el.tag in _NEVER_MARKERS:
            break
        chain.append(el)
    depth = {el: k for k, el in enumerate(chain)}
    # Per element, what its path from the root holds (shared by all the runs below it).
    paths: dict[etree._Element, _Path] = {}
    good: list[int] = []
    where: list[_Path] = []
    held: dict[etree._Element, int] = {}
    linked: set[etree._Element] = set()  # furniture with a link below it
    first: dict[etree._Element, int] = {}  # the first run of each piece of furniture
    seed_end = 0  # the last run of the seed
    total = 0
    for index, run in enumerate(runs):
        prose = (not run.heading and not run.chrome and run.chars >= MIN_CHARS
                 and not link_made(run))
        value = run.chars - run.link_chars if prose else 0
        total += value
        path = paths.get(run.stack[-1]) or _path_of(run.stack, paths, depth, kinds, first,
                                                     index)
        named, link, chain_at = path
        if chain_at == 0:
            seed_end = index
        for k, el in named:
            held[el] = held.get(el, 0) + value
            if link >= k or run.link_chars and (run.opens_link or not run.ends_sentence
                                                or run.link_chars > _LEDE_LINKS * run.chars):
                linked.add(el)
        good.append(value)
        where.append(path)
    frames = {el for el, chars in held.items() if (
        chars >= FRAME_SHARE * total and kinds.get(el) not in ("comment", "comments"))
        or (kinds.get(el) == "teaser" and el not in linked and first[el] < seed_end
            and not any(map(_is_field, el.iter("input", "select", "textarea"))))}
    for el in frames:
        kinds[el] = None
    for el in chain:
        kinds[el] = None
    own = [0.0] * len(chain)
    for run, value, path in zip(runs, good, where, strict=True):
        named, _, chain_at = path
        if chain_at < 0:
            continue
        if named and any(el not in frames for _, el in named):
            own[chain_at] -= run.chars
        else:
            own[chain_at] += value - _LINK_COST * run.link_chars
    best, best_weight, weight = seed, None, 0.0
    for k, el in enumerate(chain):
        weight += own[k]
        if best_weight is None or weight > best_weight:
            best, best_weight = el, weight
    return best, best_weight or 0.0


def _list_of(run: RunFacts) -> etree._Element | None:
    """The element a run's item sits in: the parent of its owner (an ``li`` in a ``ul``, an
    ``h3`` in a card), or of the item holding it."""
    stack = run.stack
    return stack[-3] if len(stack) > 2 and stack[-2].tag in ("li", "h2", "h3", "h4") \
        else stack[-2] if len(stack) > 1 else None


def _headline_lists(runs: Sequence[RunFacts]) -> set[etree._Element]:
    """Lists of headlines: elements holding two headline-length links or more, or three links
    or more of four words on average (a "recent posts" list); a menu's items are shorter."""
    lists: dict[etree._Element, list[int]] = {}
    for run in runs:
        if link_made(run) and not run.named:
            parent = _list_of(run)
            if parent is not None:
                lists.setdefault(parent, []).append(run.link_words)
    return {el for el, words in lists.items()
            if sum(1 for n in words if n >= _HEADLINE_WORDS) >= 2
            or (len(words) >= 3 and sum(words) >= _LIST_WORDS * len(words))}


def _link_boxes(runs: Sequence[RunFacts], roots: set[etree._Element]) -> set[etree._Element]:
    """Containers inside the article made mostly of links, as Readability cleans them out:
    with few commas, over half their text in links, or over a quarter in a short box (a
    "related articles" list with its heading, a tag list, a link bar). A container counts its
    own text too, and must hold a block of text below it: a paragraph with a link list inside
    is judged on all its text, a lone link line by :func:`_zone`."""
    totals: dict[etree._Element, list[int]] = {}
    for run in runs:
        stack = run.stack
        for k, el in enumerate(stack):
            if el in roots:
                last = len(stack) - 1
                for depth in range(k + 1, len(stack)):
                    below = stack[depth]
                    if below.tag in _BOX_TAGS:
                        t = totals.get(below)
                        if t is None:
                            t = totals[below] = [0, 0, 0, 0]
                        t[0] += run.chars
                        t[1] += run.link_chars
                        t[2] += run.commas
                        if depth < last or not run.chars:
                            t[3] += 1
                break
    # A container holding a paragraph of prose is no box: the link lists inside it are.
    prose = {el for run in runs if run.ends_sentence and run.chars >= PROSE_CHARS
             and not run.link_chars and not run.heading for el in run.stack[:-1]}
    # A sentence with links in it (an encyclopedia's paragraph) is prose too, not a link line:
    # its own element is no box.
    prose.update(run.stack[-1] for run in runs if run.ends_sentence and run.stack[-1].tag == "p"
                 and run.link_chars <= _SENTENCE_LINKS * run.chars)
    return {el for el, (chars, links, commas, nested) in totals.items()
            if chars and nested and commas < _BOX_COMMAS and el not in prose and (
                links > _BOX_LINKS * chars or (links > _SHORT_BOX_LINKS * chars
                                                and chars < _SHORT_BOX))}


def box_headings(runs: Sequence[RunFacts], zones: list[Zone]) -> None:
    """Headings in the article that no article text follows before other zones begin ("You
    might also like" over teasers, "Comments" over a form, "Newsletter" over a sign-up box)
    head what follows them, and so does a short line ending in a colon over teasers or links,
    even a single link ("Read more:", "Lies auch:" over an embedded post): they leave the
    article with it. Up to three headings in a row go together (a box's heading and its first
    item's). ``zones`` are the final zones of ``runs``, changed in place."""
    headings: list[int] = []  # the headings in a row being read
    count = len(runs)
    for k, run in enumerate(runs):
        if not run.chars:
            continue
        if zones[k] is Zone.ARTICLE and _box_heading(run):
            headings.append(k)
            continue
        if not headings:
            continue
        others = links = away = 0
        for j in range(k, count):
            follower = runs[j]
            if follower.chars:
                if zones[j] not in _BOX_ZONES:
                    break
                others += 1
                link = zones[j] is Zone.TEASER or link_made(follower)
                links += link
                away += link and not follower.in_page
                if others == _BOX_FOLLOWERS:
                    break
        lead_in = others == links == 1 and all(runs[h].ends_colon for h in headings)
        # A question heads links to other pages ("Schon gelesen?"), not a page's own contents
        # ("Leasing oder Autokredit?" over the sections that answer it).
        asked = any(not runs[h].heading and not runs[h].ends_colon for h in headings)
        if lead_in or others >= _BOX_FOLLOWERS and len(headings) <= _BOX_HEADINGS and (
                (away if asked else links) >= _BOX_FOLLOWERS
                or all(runs[h].heading for h in headings)):
            for heading in headings:
                zones[heading] = Zone.PAGE
        headings = []


def control_boxes(runs: Sequence[RunFacts], zones: list[Zone], root: etree._Element,
                  keep: int | None) -> None:
    """A small box in the article around a field a reader fills in or ticks (a consent
    checkbox over an embedded post, a newsletter's e-mail field; a text area, even hidden,
    holding such a form; not a tick in a list, a table or beside another, a recipe's
    ingredient) is an interface box, not the story: its few lines of article text (a notice
    of blocked content, a sign-up box's heading) leave the article. The box is the largest
    ancestor of the field holding at most a few short article runs, never the run ``keep``
    (the headline), a ``header`` (the story's, its byline's contact form beside the
    standfirst) nor a third of the article's text. ``zones`` change in place."""
    fields = [el for el in root.iter("input", "select", "textarea")
              if _is_field(el) and next(el.iterancestors(*_LIST_ROWS), None) is None]
    if not fields:
        return
    held: dict[etree._Element, list[int]] = {}
    total = 0
    for k, run in enumerate(runs):
        if zones[k] is Zone.ARTICLE and run.chars:
            total += run.chars
            for el in run.stack:
                held.setdefault(el, []).append(k)
    kept = set(runs[keep].stack) if keep is not None else set()
    for field in fields:
        box = None
        for el in field.iterancestors():
            inside = held.get(el, [])
            if el in kept or el.tag in _HEADERS or len(inside) > _FIELD_BOX_RUNS:
                break
            chars = sum(runs[k].chars for k in inside)
            if chars > _FIELD_BOX_CHARS or chars * 3 > total:
                break
            box = el
        if box is None:
            continue
        tick = _ticks(field)
        if tick and next((other for other in box.getparent().iter("input")  # a checklist
                          if other is not field and _ticks(other) == tick), None) is not None:
            continue
        for k in held.get(box, []):
            zones[k] = Zone.PAGE


def _is_field(el: etree._Element) -> bool:
    """Whether a form control is a field a reader fills in or ticks (not a button: a lede's
    "Listen" or "Read more")."""
    return el.tag != "input" or (el.get("type") or "text").strip().lower() not in _NO_FIELDS


def _ticks(field: etree._Element) -> str:
    """A checkbox's or radio button's type, or "" for other fields."""
    kind = (field.get("type") or "").strip().lower() if field.tag == "input" else ""
    return kind if kind in ("checkbox", "radio") else ""


def contact_cards(runs: Sequence[RunFacts], text_of: Callable[[int], str],
                  zones: list[Zone]) -> None:
    """A line of the article made of a phone number and an e-mail address, with at most a
    few words besides (a name, "Tel.", "E-Mail:"), is a contact card's ("Jane Doe Tel. 030
    1234567 presse@example.org"), not the story (a sentence giving them is): it leaves the
    article with the short lines right above it that name whom to reach (a "Press contact"
    heading, a name, a street address), up to three, none a sentence. Only after the story's
    last paragraph of prose: a helpline or an opening time in the story's body is its own.
    ``text_of(k)`` is run ``k``'s text, asked only of the few short runs after that
    paragraph. ``zones`` change in place."""
    last = max((k for k, run in enumerate(runs)
                if zones[k] is Zone.ARTICLE and prose_paragraph(run)), default=-1)
    for k in range(last + 1, len(runs)):
        run = runs[k]
        if zones[k] is not Zone.ARTICLE or not run.chars or run.words > _CARD_WORDS:
            continue
        text = text_of(k)
        if not (_EMAIL.search(text) and _PHONE.search(_DATE.sub(" ", text))) \
                or len(_CARD_REST.findall(
                    _PHONE.sub(" ", _EMAIL_OR_RUN.sub(blank_found, text)))) > _CARD_REST_WORDS:
            continue
        zones[k] = Zone.PAGE
        above = 0
        for j in range(k - 1, -1, -1):
            if not runs[j].chars or zones[j] is not Zone.ARTICLE:
                continue
            if above == _CARD_LINES or runs[j].ends_sentence or runs[j].words > _CARD_LINE_WORDS:
                break
            zones[j] = Zone.PAGE
            above += 1


def _box_heading(run: RunFacts) -> bool:
    """A heading of a few words, even a sentence ("You must log in to comment."), never the
    page's h1; or a short line ending in a colon, or a short question ("Schon gelesen?",
    which heads links only: see :func:`box_headings`)."""
    return run.chars <= _BOX_HEADING_CHARS and (
        (run.heading and run.words <= _BOX_TITLE_WORDS and run.stack[-1].tag != "h1")
        or ((run.ends_colon or run.ends_question) and run.words <= _BOX_HEADING_WORDS))


def _most_paragraph_text(runs: Sequence[RunFacts]) -> set[etree._Element]:
    """The element holding the most ``<p>`` text, for pages whose paragraphs are all too short
    to score and whose markup names no article."""
    totals: dict[etree._Element, int] = {}
    for run in runs:
        if run.chrome or len(run.stack) < 2 or run.stack[-1].tag != "p":
            continue
        parent = run.stack[-2]
        totals[parent] = totals.get(parent, 0) + run.chars
    return {max(totals, key=lambda el: totals[el])} if totals else set()


def _grow(top: etree._Element, final: dict[etree._Element, float],
          prose: dict[etree._Element, list[int]]) -> set[etree._Element]:
    """The article's elements from the best container: an enclosing article element holding
    mostly its prose, else the container and its siblings that score as article too."""
    own = prose[top][0] - prose[top][1]
    node = top
    for _ in range(_EXPAND_LEVELS):
        if semantic_article(node):
            totals = prose.get(node)
            if totals is None or own >= _EXPAND_SHARE * (totals[0] - totals[1]):
                return {node}
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            break
        node = parent
    roots = {top}
    parent = top.getparent()
    if parent is not None:
        threshold = max(_SIBLING_MIN, _SIBLING_SHARE * final[top])
        for sibling in parent:
            if sibling is top or not isinstance(sibling.tag, str):
                continue
            score = final.get(sibling)
            if score is not None and score >= threshold and \
                    marker_of(element_names(sibling)) in (None, "article"):
                roots.add(sibling)
    return roots


def _zone(run: RunFacts, roots: set[etree._Element], around: set[etree._Element],
          cut: set[etree._Element], kinds: dict[etree._Element, str | None], listed: bool,
          own: bool = False) -> tuple[Zone | None, etree._Element | None]:
    """The zone of one run and the element that decides it: the innermost article root or named
    container above it; link-made runs are teasers (headline length) or furniture. (None,
    None): no opinion (the reader's landmarks and defaults decide)."""
    linky = link_made(run) and not run.named
    # A headline-length link is a teaser when it is a heading or one of a list of them; alone
    # it is a long interface link ("Go to the top of the page"), and so is one that leads to
    # a place on this page ("Continue reading the main story" → #after-ad).
    headline = linky and not run.in_page and (
        (run.heading and run.link_words >= _HEADLINE_WORDS)
        or (listed and run.link_words >= _LIST_ITEM_WORDS))
    furniture = Zone.TEASER if headline else Zone.PAGE
    # In a teaser box, headlines and summaries are teasers; its heading ("Related") is not.
    label = not linky and run.words <= _BOX_HEADING_WORDS and not run.ends_sentence
    teaser = furniture if linky or label else Zone.TEASER
    box = None  # a link box the run is in: furniture, unless a reader's comment holds it
    for el in reversed(run.stack):
        if el in around or (el.tag in _NEVER_MARKERS and el not in roots):
            continue  # what holds the article is no comment box or teaser
        if el in cut and box is None:
            box = el
            continue
        if el in roots:
            if box is not None:
                return furniture, box
            # A heading that links to its own place on the page (a permalink, a way back to
            # the table of contents) is the story's heading, and so is a linked heading over
            # the story's own paragraphs or an item of its own list (see linked_subheadings,
            # story_lists).
            return (furniture if linky and not run.anchored and not own
                    else Zone.ARTICLE), el
        kind = cached_kind(el, kinds)
        if kind == "comment":
            return Zone.COMMENT, el
        if box is not None:
            continue
        if kind == "interface":
            return Zone.CHROME, el  # a share bar's long links are still its buttons
        if kind in ("teaser", "boilerplate", "comments"):
            return (teaser if kind == "teaser" else furniture), el
    if box is not None:
        return furniture, box
    return (Zone.TEASER if headline else None), None
