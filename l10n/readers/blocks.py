"""After the HTML reader's walk: the zone of every run of text (weighing landmarks against the
boilerplate classifier, :func:`l10n.readers.zones.classify`), its role, and the blocks, in
source order with the tree nodes each came from."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection

from lxml import etree

from l10n.dateline import parse_dateline, split_dateline
from l10n.page import Block, Location, Role, Segment, Zone, is_in_page
from l10n.prose import collapse_space, count_words, parse_counter
from l10n.readers.facts import RunFacts
from l10n.readers.heads import (
    is_h1,
    names_byline,
    names_standfirst,
    names_title_tail,
    repeats_title,
    story_header,
)
from l10n.readers.lines import line_kind
from l10n.readers.notes import article_notes
from l10n.readers.positions import SourceIndex
from l10n.readers.runs import (
    Attr,
    Ctx,
    Run,
    has_links,
    in_figure,
    owner_tag,
    part_lang,
    visible,
)
from l10n.readers.vocabulary import HEADINGS, special_role
from l10n.readers.zones import Zoning, box_headings, classify, contact_cards, control_boxes

__all__ = [
    "BlockMaker",
]

_SMALL_PAGE = 1000  # start tags; up to this many, BlockMaker._path asks libxml2 for each path
# Site and section names are short, taglines a sentence or two; a longer text in such an
# element is something else (a div.section wrapping a whole story).
_LABEL_WORDS = {Role.SITE: 12, Role.SECTION: 12, Role.TAGLINE: 40}
# Block elements of prose: in a container of several (a documentation section's heading and
# paragraphs), one is no name its container gives (_holds_a_section).
_PROSE_TAGS = HEADINGS | {"p"}
_SECTION_PROSE = 2
_SECTION_CHILDREN = 3
# A language switcher: a list of this many short items at least, this share of them names
# of languages or editions.
_MENU_ITEMS = 3
_MENU_ITEM_WORDS = 4
_MENU_SHARE = 0.6
_SWITCHER = "language switcher"
# A switcher's prompt: the box around it (this many levels up at most) holds no more than this
# many other texts, each this short.
_PROMPT_LEVELS = 3
_PROMPTS = 3
_PROMPT_WORDS = 8
# A standfirst above the body has at least this many words (a label has fewer).
_STANDFIRST_WORDS = 5
# Words of the article's paragraphs before its first h1 beyond a kicker's: the h1 is then a
# section's heading inside the story, not its headline.
_LEAD_IN_WORDS = 30
# An h1 of more words than this is no headline: a slideshow's caption or a paragraph set in
# one (a headline is a line or two).
_HEADLINE_MAX_WORDS = 40
_CAPTION_WORDS = 3  # a caption before a credit apart, not a name alone
_BYLINE_WORDS = 60  # a byline's words at most, the sentence about its author included
# Characters every placeholder holds: only runs with one are looked up in the page's scripts.
_PLACEHOLDER_CHARS = re.compile(r"[%{$]")
_JS_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\/")
_STATEMENT_ENDS = frozenset(".!。！")
_COLONS = frozenset(":：")
_QUESTIONS = frozenset("?？؟")
# Note marks after a sentence ("... in 1925.[12][13]", "[citation needed]"): the sentence
# still ends where its full stop is (see _without_note_marks).
_NOTE_MARK_TEXT = 24  # characters inside a note mark's brackets, at most
# A note mark's whole link text ("[12]", "12", "a", "*"): a link of little weight in a run.
_NOTE_MARK = re.compile(r"\[[^\[\]]{1,24}\]|\w{1,3}|[*†‡§¹²³⁰-⁹]+")
_IN_PAGE_DISCOUNT = 0.7  # of an in-page link's characters (see BlockMaker._facts)
_LINE_CHARS = 160  # text up to this long may be a credit or a date line (lines.line_kind)
# A copyright notice: "© 2022, Example News. This article is the copyrighted property of …",
# "Copyright © 2020 Example": the sign or the word, then the year.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)\s*(?:(?:©|\(c\))\s*)?(?:19|20)\d\d\b",
                        re.IGNORECASE)


def _without_note_marks(text: str) -> str:
    """``text`` (right-stripped) less the note marks that close it ("[12]", "[citation
    needed]": brackets around 1 to 24 other characters), and the spaces before them. From the
    end, so a long text costs what its last marks do (a pattern searched from every position
    took minutes on a text of thousands of brackets)."""
    while text.endswith("]"):
        start = text.rfind("[", 0, len(text) - 1)
        inside = text[start + 1:-1]
        if start < 0 or not 1 <= len(inside) <= _NOTE_MARK_TEXT or "]" in inside:
            break
        text = text[:start].rstrip()
    return text


def _label_role(special: Role | None, text: str) -> tuple[Role, str] | None:
    """The role of a site's name, section or tagline, or of a counter ("12 comments"),
    wherever it sits; None for other text."""
    if special in (Role.SITE, Role.SECTION, Role.TAGLINE):
        return special, str(special)
    counter = parse_counter(text)
    if counter is not None and count_words(text) <= 2:
        return Role.COUNTER, "counter"
    return None


def _item_text(item: Run | Attr) -> str:
    return item.text if isinstance(item, Attr) else "".join([part[0] for part in item.parts])


def _item_holder(stack: tuple[etree._Element, ...]) -> etree._Element | None:
    """The list (or other container) a menu item belongs to: the parent of the nearest
    ``li``/``option`` above the text, else the parent of its element."""
    for k in range(len(stack) - 1, 0, -1):
        if stack[k].tag in ("li", "option"):
            return stack[k - 1]
    return stack[-2] if len(stack) > 1 else None


def _in_article_header(run: Run, zoning: Zoning) -> bool:
    """Whether ``run`` sits in a ``header`` inside the article (the article's own header)."""
    header = run.ctx.landmark_el
    if header is None or run.ctx.landmark != "header":
        return False
    for el in run.stack:
        if el is header:
            return False  # reached the header before any article root: the site's header
        if el in zoning.roots:
            return True
    return False


def _short_special(special: Role | None, text: str) -> Role | None:
    """A site, section or tagline name holds a few words; longer text in such an element is
    not that name (a ``div.section`` wrapping a whole story)."""
    limit = _LABEL_WORDS.get(special) if special is not None else None
    return None if limit is not None and count_words(text) > limit else special


def _holds_a_section(el: etree._Element) -> bool:
    """Whether ``el`` holds a section of text (two paragraphs or headings at least, among
    three elements or more: a heading, its paragraphs, its subsections) rather than a name
    ("Example Daily" and a tagline under it, a logo beside it)."""
    children = [child for child in el if isinstance(child.tag, str)]
    return len(children) >= _SECTION_CHILDREN and sum(
        1 for child in children if child.tag in _PROSE_TAGS) >= _SECTION_PROSE


def _anchored(link: etree._Element, stack: tuple[etree._Element, ...]) -> bool:
    """Whether a heading's in-page ``link`` leads to the heading's own section (a permalink)
    or back to the table of contents (docutils' ``toc-backref``), not elsewhere on the page
    ("Leave a reply" → ``#respond``)."""
    target = (link.get("href") or "").strip()[1:]
    if target and any(el.get("id") == target for el in stack):
        return True
    return "backref" in (link.get("class") or "").lower()


def _plain_tag(tag: object) -> bool:
    """An element name ``getpath`` writes as it is (no namespace or prefix)."""
    return isinstance(tag, str) and _plain_name(tag)


@functools.lru_cache(maxsize=1024)
def _plain_name(tag: str) -> bool:
    """:func:`_plain_tag` of a string, cached: a page has a few dozen distinct tags."""
    return _SPECIAL_IN_TAG.search(tag) is None


_SPECIAL_IN_TAG = re.compile(r"[{}:*\[\]/]")


def _credit_apart(run: Run) -> tuple[Run, ...]:
    """A caption and the credit printed after it in an element of its own ("... in Berlin.
    <span>Photo: Jane Doe</span>") or on a line of its own ("... in Berlin.<br>Photo: Jane
    Doe") as two runs: the caption, then the credit."""
    nodes = run.nodes
    # Where a credit may start: an element closing the run, or the text after a line break.
    starts = {first for first, end, _ in run.segments if end == len(nodes)}
    starts.update(k for k, (el, kind) in enumerate(nodes) if kind == "tail" and el.tag == "br")
    texts = [part[0] for part in run.parts]
    for first in sorted(starts - {0}, reverse=True):  # the shortest credit first
        cut = next(k for k, part in enumerate(run.parts) if part[2] == first)
        credit, caption = "".join(texts[cut:]), "".join(texts[:cut])
        if count_words(caption) >= _CAPTION_WORDS and \
                line_kind(credit.strip(), in_figure=True) == "credit":
            break
    else:
        return (run,)
    pieces = []
    for parts, offset in ((run.parts[:cut], 0), (run.parts[cut:], first)):
        piece = Run(run.owner, run.ctx, stack=run.stack)
        piece.parts = [(text, link, node - offset if node >= 0 else -1)
                       for text, link, node in parts]
        count = sum(1 for part in parts if part[2] >= 0)
        piece.nodes = run.nodes[offset:offset + count]
        piece.starts = run.starts[offset:offset + count]
        piece.start = piece.starts[0] if piece.starts else None
        piece.langs = run.langs
        piece.segments = [(a - offset, b - offset, kind) for a, b, kind in run.segments
                          if offset <= a and b <= offset + count]
        pieces.append(piece)
    return tuple(pieces)


class BlockMaker:
    """Zones, roles and blocks of the runs a walk of the tree gathered (the walk,
    :class:`l10n.readers.walk.Walker`, is one): :meth:`finish` decides them all at once."""

    def __init__(self, root: etree._Element, index: SourceIndex, known: set[str],
                 element_paths: bool = True) -> None:
        self.element_paths = element_paths
        self.index = index
        self.known = known
        self.tree = root.getroottree()
        self.blocks: list[tuple[int, int, Block, tuple[tuple[etree._Element, str], ...]]] = []
        # What the walk gathers for the decisions:
        self.pending: list[Run | Attr] = []
        self.semantic: list[etree._Element] = []  # article, main, [role=main], articleBody
        self.links: dict[int, tuple[etree._Element, Ctx]] = {}  # provisional links
        # The last item of every breadcrumb trail entered so far (see Walker._note_trail).
        self.crumb_ends: set[etree._Element] = set()
        self.scripts: list[str] = []  # inline scripts' source (see _carried)
        self.headline_seen = False
        self.lede_seen = False
        self.script_text: str | None = None
        self.paths: dict[etree._Element, str] = {}
        self.inside: dict[tuple[etree._Element, etree._Element], bool] = {}  # see _inside
        self.noted_runs: set[Run] = set()  # the runs in the article's notes (see _notes)
        # getpath walks the siblings of every ancestor: fine unless there are thousands.
        self.small = index.start_tags <= _SMALL_PAGE

    def _facts(self, item: Run | Attr) -> RunFacts:
        if isinstance(item, Attr):
            return RunFacts(item.stack, 0, 0, 0, 0, False, chrome=item.ctx.zone == "chrome")
        text = "".join([part[0] for part in item.parts])
        last = _without_note_marks(text.rstrip())[-1:]
        words = text.split()
        ctx = item.ctx
        links = {part[1] for part in item.parts if part[1]} if item.link_chars else ()
        in_page = bool(links) and all(
            is_in_page(self.links[link][0].get("href")) for link in links)
        anchored = in_page and self._anchored_heading(item, links)
        link_chars = item.link_chars
        if links and not in_page:
            # A note's mark ("[12]", "³") links to its note on this page: notes make no link
            # line of a paragraph (its marks count as Readability counts in-page links).
            marks = sum(visible(part[0]) for part in item.parts if part[1] in links
                        and _NOTE_MARK.fullmatch(part[0].strip())
                        and is_in_page(self.links[part[1]][0].get("href")))
            link_chars -= round(_IN_PAGE_DISCOUNT * marks)
        # A site, section or tagline class names a run only where _role lets it (a
        # ``div.section`` around a whole story names none of its links).
        named = ctx.in_figcaption or (ctx.special is not None and (
            ctx.special not in _LABEL_WORDS or self._names_itself(item)))
        return RunFacts(item.stack, len("".join(words)), link_chars, text.count(","),
                        len(words), owner_tag(item) in HEADINGS, item.link_words, named,
                        ctx.zone == "chrome", last in _STATEMENT_ENDS, last in _COLONS,
                        in_page, last in _QUESTIONS, anchored,
                        next((part[1] for part in item.parts if part[0].strip()), 0) != 0)

    def finish(
        self, titles: tuple[str, ...] = (),
    ) -> tuple[tuple[Block, ...], tuple[tuple[tuple[etree._Element, str], ...], ...]]:
        """Decide zones and roles, then give the blocks in source order (attribute blocks sit
        at their element's ``<``) and the tree nodes of each. ``titles`` are the page's own
        (``<title>``, ``og:title``), which a headline above the body repeats."""
        pending = self.pending
        facts = [self._facts(item) for item in pending]
        zoning = classify(facts, self.semantic)
        found_zones, deciders = list(zoning.zones), list(zoning.deciders)
        for k, note in article_notes(pending, found_zones, self.links, self.tree).items():
            found_zones[k], deciders[k] = Zone.ARTICLE, note
            item = pending[k]
            if isinstance(item, Run):
                self.noted_runs.add(item)
        zones = [self._zone(item, found, decider) for item, found, decider
                 in zip(pending, found_zones, deciders, strict=True)]
        self._attribute_zones(pending, zones)
        self._language_menus(pending, zones)
        box_headings(facts, zones)
        contact_cards(facts, lambda k: _item_text(pending[k]), zones)
        headline = self._retitled(pending, zones, self._headline(pending, zones, titles), titles)
        control_boxes(facts, zones, self.tree.getroot(), headline)
        for k, (item, zone) in enumerate(zip(pending, zones, strict=True)):
            if isinstance(item, Attr):
                self._add(Role.CHROME, item.text, item.offset, item.el, item.ctx,
                          context=item.context, attribute=item.attribute or None,
                          nodes=((item.el, item.attribute or "text"),), zone=zone)
            elif zone in (Zone.ARTICLE, Zone.COMMENT) or not has_links(item):
                in_header = zone is Zone.ARTICLE and _in_article_header(item, zoning)
                for piece in _credit_apart(item) if item.ctx.in_figcaption else (item,):
                    self._emit(piece, zone, headline=k == headline, in_header=in_header)
            else:
                for piece in self._split(item):
                    self._emit(piece, zone)
        ordered = sorted(self.blocks)  # by offset, then order of finding (never a tie)
        return tuple(t[2] for t in ordered), tuple(t[3] for t in ordered)

    def _zone(self, item: Run | Attr, found: Zone | None,
              decider: etree._Element | None) -> Zone:
        """The final zone. Controls are chrome. Inside a landmark, the landmark decides (chrome;
        an article's own header stays the article's) unless the article, a comment or a teaser
        list the classifier found lies inside the landmark itself (a story in a page wrapped
        whole in a ``form``, comments in an ``aside``), or headlines make a related-articles
        ``aside``. Elsewhere the classifier decides; what it has no word for is furniture."""
        ctx = item.ctx
        if ctx.zone == "chrome" or (isinstance(item, Attr) and item.control):
            return Zone.CHROME
        landmark = ctx.landmark_el
        if landmark is None:
            return found or Zone.PAGE
        if found in (Zone.ARTICLE, Zone.COMMENT, Zone.TEASER) and decider is not None and (
                self._inside(decider, landmark)
                or (found is Zone.TEASER and ctx.landmark == "aside")):
            return found
        if found is Zone.ARTICLE and ctx.landmark == "header":
            return Zone.ARTICLE
        return Zone.CHROME

    def _inside(self, el: etree._Element, landmark: etree._Element) -> bool:
        """Whether ``el`` lies strictly inside ``landmark`` (cached: runs share both)."""
        key = (el, landmark)
        known = self.inside.get(key)
        if known is None:
            known = self.inside[key] = any(a is landmark for a in el.iterancestors())
        return known

    def _attribute_zones(self, pending: list[Run | Attr], zones: list[Zone]) -> None:
        """An attribute takes the zone of the text its element shows (a teaser link's title,
        the alt of an image in it), where it has one and names no control."""
        shown: dict[etree._Element, Zone] = {}
        for item, zone in zip(pending, zones, strict=True):
            if isinstance(item, Run):
                shown.setdefault(item.owner, zone)
                for text, link, _ in item.parts:
                    if link and text.strip():
                        shown.setdefault(self.links[link][0], zone)
        if not shown:
            return
        for k, item in enumerate(pending):
            if isinstance(item, Attr) and not item.control and item.ctx.zone != "chrome":
                for el in reversed(item.stack):
                    zone = shown.get(el)
                    if zone is not None:
                        if zone in (Zone.TEASER, Zone.COMMENT):
                            zones[k] = zone
                        break

    def _language_menus(self, pending: list[Run | Attr], zones: list[Zone]) -> None:
        """A list whose items are mostly language or edition names is a language switcher:
        every item in it (and its tooltips) gets that context, names CLDR lacks included
        (the Amharic edition's "ይዘት" among "English", "Deutsch", "Русский")."""
        from l10n.languages import language_named

        items: dict[etree._Element, list[int]] = {}
        texts: dict[int, str] = {}
        for k, item in enumerate(pending):
            if zones[k] is Zone.ARTICLE or isinstance(item, Attr):
                continue
            text = _item_text(item)
            if len(text.split()) > _MENU_ITEM_WORDS:
                continue
            holder = _item_holder(item.stack)
            if holder is not None:
                items.setdefault(holder, []).append(k)
                texts[k] = text
        menus = set()
        for holder, ks in items.items():
            if len(ks) < _MENU_ITEMS:
                continue
            misses, allowed = 0, (1 - _MENU_SHARE) * len(ks)
            for k in ks:  # stop as soon as too many items are no language's name
                if language_named(collapse_space(texts[k])) is None:
                    misses += 1
                    if misses > allowed:
                        break
            else:
                menus.add(holder)
        if not menus:
            return
        menus |= self._menu_prompts(pending, menus)
        for item in pending:
            if not menus.isdisjoint(item.stack):
                if isinstance(item, Attr):
                    item.context = _SWITCHER
                else:
                    item.switcher = True

    def _menu_prompts(self, pending: list[Run | Attr], menus: set[etree._Element]
                      ) -> set[etree._Element]:
        """The boxes around language switchers that hold nothing else but a short prompt or
        two ("Please choose your language", a hidden "Language" label): a chooser's prompt is
        written for readers who may not read the page's language."""
        boxes = set()
        chains = {menu: list(itertools.islice(menu.iterancestors(), _PROMPT_LEVELS))
                  for menu in menus}
        # The texts outside every menu that each box around one holds (one pass over them).
        held: dict[etree._Element, list[Run | Attr]] = {
            parent: [] for chain in chains.values() for parent in chain}
        boxes_around = held.keys()
        for item in pending:
            if menus.isdisjoint(item.stack):
                for parent in boxes_around & set(item.stack):
                    held[parent].append(item)
        for menu in menus:
            box = menu
            for parent in chains[menu]:
                others = held[parent]
                if len(others) > _PROMPTS or any(
                        len(_item_text(item).split()) > _PROMPT_WORDS for item in others):
                    break
                box = parent
            if box is not menu:
                boxes.add(box)
        return boxes

    def _headline(self, pending: list[Run | Attr], zones: list[Zone],
                  titles: tuple[str, ...] = ()) -> int | None:
        """The run that is the headline: the article's first ``h1``, unless the article's
        paragraphs run on before it (then it heads a section) and a headline stands above the
        body: the last ``h1`` of several words before it outside chrome, or one in a
        ``header`` of its own that repeats the page's ``title``. The headline brings its
        standfirst into the article too (:meth:`_standfirst`), when the article's container
        left it out."""
        first_article = first_h1 = None
        words_before = 0
        for k, (item, zone) in enumerate(zip(pending, zones, strict=True)):
            if zone is Zone.ARTICLE and isinstance(item, Run):
                if first_article is None:
                    first_article = k
                if is_h1(item) and count_words(_item_text(item)) <= _HEADLINE_MAX_WORDS:
                    first_h1 = k
                    break
                if owner_tag(item) == "p" and item.ctx.special is None \
                        and not item.ctx.in_figcaption:  # a caption or byline is no lead-in
                    words_before += count_words(_item_text(item))
        if first_article is None:
            return None
        if first_h1 is not None and words_before < _LEAD_IN_WORDS:
            body = next((k for k in range(first_h1 + 1, len(pending))
                         if zones[k] is Zone.ARTICLE and isinstance(pending[k], Run)), None)
            if body is not None:
                self._standfirst(pending, zones, first_h1, body)
            return first_h1
        for k in range(first_article - 1, -1, -1):
            item = pending[k]
            if not isinstance(item, Run) or not is_h1(item) or item.ctx.special is not None:
                continue
            text = _item_text(item)
            if not 2 <= count_words(text) <= _HEADLINE_MAX_WORDS or names_title_tail(text, titles):
                continue
            header = zones[k] is Zone.CHROME
            if zones[k] in (Zone.PAGE, Zone.TEASER) or (
                    header and story_header(item) and repeats_title(text, titles)):
                zones[k] = Zone.ARTICLE
                self._standfirst(pending, zones, k, first_article,
                                 item.ctx.landmark_el if header else None)
                return k
            if zones[k] is not Zone.CHROME:
                break
        return first_h1

    @staticmethod
    def _retitled(pending: list[Run | Attr], zones: list[Zone], h1: int | None,
                  titles: tuple[str, ...]) -> int | None:
        """The headline of an article whose ``h1`` is no copy of the page's title but the
        heading right under it is: that heading; the ``h1`` names the site's section."""
        if h1 is None:
            return None
        under = next((k for k in range(h1 + 1, len(pending)) if zones[k] is Zone.ARTICLE
                      and isinstance(pending[k], Run)), None)
        if under is None or owner_tag(pending[under]) not in HEADINGS or repeats_title(
                _item_text(pending[h1]), titles) or not repeats_title(
                _item_text(pending[under]), titles):
            return h1
        zones[h1] = Zone.PAGE
        return under

    def _standfirst(self, pending: list[Run | Attr], zones: list[Zone], headline: int,
                    body: int, header: etree._Element | None = None) -> None:
        """Between the headline and the body: the standfirst, which its
        class names (``intro``, ``lead``...) or which is the ``h2`` right under the headline,
        a sentence's worth of words without links, is the article's too. In the headline's
        own story ``header``, whatever comes right under the headline is."""
        under = self._next_run(pending, headline)
        for k in range(headline + 1, body):
            item = pending[k]
            if not isinstance(item, Run) or has_links(item) or not (
                    zones[k] is Zone.PAGE or (
                        zones[k] is Zone.CHROME and header is not None
                        and item.ctx.landmark_el is header)):
                continue
            if count_words(_item_text(item)) < _STANDFIRST_WORDS:
                continue
            if item.ctx.lede_class or names_standfirst(item) or (under == k and (
                    owner_tag(item) == "h2" or header is not None)):
                zones[k] = Zone.ARTICLE

    @staticmethod
    def _next_run(pending: list[Run | Attr], k: int) -> int | None:
        """The run with text after ``pending[k]``."""
        for j in range(k + 1, len(pending)):
            item = pending[j]
            if isinstance(item, Run) and any(part[0].strip() for part in item.parts):
                return j
        return None

    def _split(self, run: Run) -> list[Run]:
        """A run outside the article cut at its links: each link a block of its own, as
        chrome is read (a menu's links, a footer's)."""
        pieces: list[Run] = []
        where: dict[int, tuple[int, int]] = {}  # node of the run -> (piece, node of the piece)
        current: Run | None = None
        current_link = -1
        for text, link, node in run.parts:
            if link != current_link or current is None:
                if link:
                    link_el, link_ctx = self.links[link]
                    current = Run(link_el, link_ctx, stack=(*run.stack, link_el))
                else:
                    current = Run(run.owner, run.ctx, stack=run.stack)
                pieces.append(current)
                current_link = link
            if node < 0:
                current.parts.append((text, 0, -1))
                continue
            where[node] = (len(pieces) - 1, len(current.nodes))
            current.parts.append((text, 0, len(current.nodes)))
            current.nodes.append(run.nodes[node])
            current.starts.append(run.starts[node])
            if current.start is None:
                current.start = run.starts[node]
            current.langs.add(current.ctx.lang if link else part_lang(run))
            current.scripted = run.scripted
            current.switcher = run.switcher
        for first, end, kind in run.segments:
            piece, start = where[first]
            if kind != "link" and where[end - 1][0] == piece:
                pieces[piece].segments.append((start, where[end - 1][1] + 1, kind))
        if len(pieces) == 1:
            pieces[0].times = run.times
        return [piece for piece in pieces if piece.start is not None]

    def _emit(self, run: Run, zone: Zone, *, headline: bool = False,
              in_header: bool = False) -> None:
        text = collapse_space("".join([part[0] for part in run.parts]))
        if not text:
            return
        assert run.start is not None
        ctx = run.ctx
        role, context = self._role(run, text, zone, headline, in_header)
        if run.switcher and role is Role.CHROME:
            context = _SWITCHER
        nodes = tuple(run.nodes)
        if len(run.langs) == 1 and None not in run.langs and ctx.lang is None:
            ctx = ctx._replace(lang=next(iter(run.langs)))  # all of it in one <span lang>
        segments = self._segments(run, text) if run.segments else ()
        scripted = run.scripted or (_PLACEHOLDER_CHARS.search(text) is not None
                                    and self._carried(text))
        if role is Role.DATELINE:
            self._add(Role.DATELINE, text, run.start, run.owner, ctx, context="dateline",
                      dateline=parse_dateline(text), nodes=nodes, zone=zone, scripted=scripted)
            return
        if role in (Role.LEDE, Role.PARAGRAPH):
            split = split_dateline(text)
            if split is not None:
                dateline, rest_at = split
                self._add(Role.DATELINE, dateline.raw, run.start, run.owner, ctx,
                          context="dateline", dateline=dateline, nodes=nodes, zone=zone)
                rest_start = self.index.advance(run.start, rest_at)
                self._add(role, text[rest_at:], rest_start, run.owner, ctx, context=context,
                          nodes=nodes, zone=zone, segments=segments, scripted=scripted)
                return
        self._add(role, text, run.start, run.owner, ctx, context=context, nodes=nodes,
                  zone=zone, segments=segments, scripted=scripted)

    def _carried(self, text: str) -> bool:
        """Whether the page's inline scripts carry ``text`` (as a string they fill in and show:
        "Verbinde mit %s" in a comment form's JavaScript)."""
        if self.script_text is None:
            joined = "\n".join(self.scripts)
            self.script_text = _JS_ESCAPE.sub(
                lambda m: chr(int(m[1], 16)) if m[1] else "/", joined) if "\\" in joined \
                else joined
        return text in self.script_text

    def _segments(self, run: Run, text: str) -> tuple[Segment, ...]:
        out = []
        parts = run.parts
        texts = [part[0] for part in parts]
        # The part each node's text is (nodes are numbered in order, one part each): a
        # segment's text is the parts from its first node's to its end node's, spaces between.
        at = {part[2]: k for k, part in enumerate(parts) if part[2] >= 0}
        for first, end, kind in run.segments:
            part = collapse_space("".join(texts[at[first]:at.get(end, len(parts))]))
            if part and part != text:
                line, column = self.index.position(run.starts[first])
                out.append(Segment(part, line, column, kind))
        return tuple(out)

    def _role(self, run: Run, text: str, zone: Zone, headline: bool,
              in_header: bool) -> tuple[Role, str]:
        ctx = run.ctx
        if text in self.known:
            return Role.CHROME, ctx.landmark or ctx.unit or "page"
        if ctx.special in _LABEL_WORDS and not self._names_itself(run):
            ctx = run.ctx = ctx._replace(special=None)
        if zone is Zone.CHROME:
            return self._chrome_role(ctx, text)
        if zone is not Zone.ARTICLE:
            return self._other_role(run, text, zone)
        if run in self.noted_runs:
            return Role.PARAGRAPH, "article"  # a note: no date line, no byline, whole
        tag = owner_tag(run)
        line = line_kind(text, in_figure=ctx.in_figcaption or ("/" in text and in_figure(run))) \
            if len(text) <= _LINE_CHARS else None
        if ctx.special is Role.CREDIT or (ctx.in_figcaption and text.startswith("©")) \
                or line == "credit":
            return Role.CREDIT, "credit"
        if ctx.in_figcaption:
            return Role.CAPTION, "caption"
        if _COPYRIGHT.match(text) and tag not in HEADINGS:
            return Role.CHROME, ctx.landmark or "page"  # the site's notice, not the story's
        special = _short_special(ctx.special, text)
        if special in (Role.BYLINE, Role.DATELINE, Role.SECTION, Role.SITE, Role.TAGLINE):
            return special, str(special)  # type: ignore[return-value]
        if run.times and run.times >= len(text) - 2:
            return Role.BYLINE, "byline"
        if names_byline(run) and tag not in HEADINGS and count_words(text) <= _BYLINE_WORDS:
            return Role.BYLINE, "byline"
        if headline and not self.headline_seen:
            self.headline_seen = True
            return Role.HEADLINE, "headline"
        if in_header and tag not in ("p", "h1"):
            counter = parse_counter(text)
            if counter is not None and count_words(text) <= 2:
                return Role.COUNTER, "counter"
        if parse_dateline(text) is not None:
            return Role.DATELINE, "dateline"
        if line == "date":  # a date alone on its line: the byline's, not the article's
            return Role.BYLINE, "byline"
        wants_lede = ctx.lede_class or tag == "p"
        if wants_lede and not in_header and not self.lede_seen:
            self.lede_seen = True
            return Role.LEDE, "article"
        return Role.PARAGRAPH, "article"

    def _anchored_heading(self, run: Run, links: Collection[int]) -> bool:
        """Whether a heading's ``links`` (the walk's, some at least) all lead to its own
        section or back to the contents (a documentation section's heading, ``¶``): it heads a
        section of the text."""
        return bool(links) and owner_tag(run) in HEADINGS and all(
            _anchored(self.links[link][0], run.stack) for link in links)

    def _names_itself(self, run: Run) -> bool:
        """Whether the element that makes a run a site, section or tagline name holds the run's
        text itself (or is its parent): a ``div.category`` around a whole table is no name,
        nor a ``div.section`` holding a heading and its paragraphs (documentation's sections)."""
        stack = run.stack[-2:]
        if len(stack) == 2 and owner_tag(run) in _PROSE_TAGS and (
                _holds_a_section(stack[0])
                or self._anchored_heading(run, {part[1] for part in run.parts if part[1]})):
            stack = stack[1:]
        for el in stack:
            if el in self.crumb_ends:
                return True
            value = el.get("class")
            classes = set(value.lower().split()) if value else set()
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if special_role(tag, classes, dict(el.items())) is run.ctx.special:
                return True
        return False

    def _other_role(self, run: Run, text: str, zone: Zone) -> tuple[Role, str]:
        """Roles outside the article: a teaser, a comment, or page furniture read as chrome
        (names, bylines and datelines keep their own roles wherever they are)."""
        ctx = run.ctx
        special = _short_special(ctx.special, text)
        label = _label_role(special, text)
        if label is not None:
            return label
        if zone is Zone.TEASER:
            return Role.TEASER, "teaser"
        if zone is Zone.COMMENT:
            return Role.COMMENT, "comment"
        if special in (Role.BYLINE, Role.CREDIT, Role.DATELINE):
            return special, str(special)  # type: ignore[return-value]
        return Role.CHROME, ctx.landmark or "page"

    def _chrome_role(self, ctx: Ctx, text: str) -> tuple[Role, str]:
        label = _label_role(_short_special(ctx.special, text), text)
        if label is not None:
            return label
        if ctx.special is Role.CREDIT and ctx.in_figcaption:  # a picture's, in a header too
            return Role.CREDIT, "credit"
        if ctx.unit in ("button", "label"):
            return Role.CHROME, ctx.unit
        return Role.CHROME, ctx.landmark or "page"

    def _add(
        self,
        role: Role,
        text: str,
        offset: int,
        el: etree._Element,
        ctx: Ctx,
        *,
        context: str | None,
        attribute: str | None = None,
        dateline: object = None,
        nodes: tuple[tuple[etree._Element, str], ...] = (),
        zone: Zone | None = None,
        segments: tuple[Segment, ...] = (),
        scripted: bool = False,
    ) -> None:
        line, column = self.index.position(offset)
        href = el.get("href") if el.tag == "a" else None
        if href is None and attribute is not None:  # an image's alt names its link's target
            href = next((a.get("href") for a in el.iterancestors("a")), None)
        block = Block(
            role=role,
            text=text,
            location=Location(line, column,
                              self._path(el).lstrip("/") if self.element_paths else None,
                              attribute),
            context=context,
            lang=ctx.lang,
            translatable=ctx.translatable,
            dateline=dateline,  # type: ignore[arg-type]
            zone=zone,
            scripted=ctx.hidden or scripted,
            href=href,
            hreflang=ctx.hreflang,
            segments=segments,
        )
        self.blocks.append((offset, len(self.blocks), block, nodes))

    def _path(self, el: etree._Element) -> str:
        """``getpath(el)``; on a big page with the positions of all an element's children found
        at once (``getpath`` counts siblings per call: quadratic on 100,000 paragraphs)."""
        if self.small:
            return self.tree.getpath(el)
        paths = self.paths
        # Up to the nearest element whose path is known (or that getpath must write), then
        # down again: a loop, not a recursion, however deep the page.
        chain = []
        node = el
        while (base := paths.get(node)) is None:
            parent = node.getparent()
            if parent is None or not _plain_tag(node.tag):
                base = self.tree.getpath(node)
                break
            chain.append(node)
            node = parent
        for node in reversed(chain):
            self._sibling_paths(node.getparent(), base)
            base = paths[node]
        return base

    def _sibling_paths(self, parent: etree._Element, base: str) -> None:
        """Record the path of each plain child of ``parent``, whose path is ``base``."""
        children = [(child, child.tag) for child in parent]
        # Other nodes (comments, prefixed names) never share a name with a plain element.
        totals: dict[object, int] = {}
        for _, tag in children:
            totals[tag] = totals.get(tag, 0) + 1
        seen: dict[str, int] = {}
        paths = self.paths
        for child, tag in children:
            if not _plain_tag(tag):
                continue
            if totals[tag] > 1:
                number = seen[tag] = seen.get(tag, 0) + 1
                paths[child] = f"{base}/{tag}[{number}]"
            else:
                paths[child] = f"{base}/{tag}"
