"""Read an HTML page (real, possibly broken HTML5) into a :class:`Page`.

The tree comes from lxml (libxml2's forgiving HTML parser); positions come from a regex pass
over the same source (:mod:`l10n.readers.positions`), because libxml2 only records the line
where a start tag ends. Rules:

* **Never text:** ``script``, ``style``, ``template``, ``noscript``, comments. JSON-LD scripts are
  read for ``datePublished`` and ``headline`` (metadata only).
* **Chrome** is text inside ``header``, ``nav``, ``footer``, ``aside``, ``form``, ``button``,
  ``label`` and ``[role=navigation|banner|contentinfo|dialog|search|complementary]``; the
  attributes ``title``, ``alt``, ``aria-label``, ``placeholder``, a button's ``value``;
  ``<title>`` and the ``content`` of ``meta`` description, ``og:title`` and ``og:description``.
  Inside chrome every link, button, label, option, list item, heading and paragraph is a block
  of its own. Site names (``.site-name``, ``.logo``, ``[rel=home]``...) are ``site``, section
  names (``.section``, the last item of a ``.breadcrumb`` trail) ``section``, ``.tagline``
  ``tagline``, and numbers or labelled numbers ``counter``.
* **Article**, teasers, comments and furniture are decided after the walk by the boilerplate
  classifier (:mod:`l10n.readers.zones`), weighed against the landmarks above. ``h1`` is the
  headline; the first paragraph (or ``.lede``/``.lead``) the lede; ``figcaption`` a caption,
  with its ``.credit``/``.copyright`` part (or text opening with ``©``) a credit, and so is a
  credit line anywhere in the article ("Foto: …", "(Quelle: …)", "Name/Agency" in a figure:
  :func:`l10n.readers.zones.line_kind`); ``.byline``, ``[rel=author]``, ``[itemprop=author]``
  a byline; a lone ``<time>`` and a line that is only a date or a time a byline; ``p.dateline``
  and paragraphs that are only a dateline are datelines, and a paragraph opening with a
  dateline is split in two. A ``header`` inside the article belongs to the article; its
  ``footer``, ``nav``, ``aside`` and ``form`` are chrome.
* ``translate="no"`` and ``data-l10n-ignore`` mark blocks untranslatable (``translate="yes"``
  lifts it); the nearest ``lang`` attribute below ``<html>`` is the block's ``lang``.
* The walk gathers every ``<meta>`` (in the head or wherever libxml2 put it), JSON-LD,
  ``<title>``, ``link[rel=canonical]`` and ``time[datetime]``; :mod:`l10n.readers.metadata`
  makes the page's metadata of them, and its language declaration is the page locale.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple

import lxml.html
from lxml import etree

from l10n.dateline import parse_dateline, split_dateline
from l10n.errors import InputError
from l10n.page import Block, Format, Location, Page, Role, Segment, Zone
from l10n.prose import collapse_space, count_words, parse_counter
from l10n.readers.metadata import Gathered, declared_locale, read_metadata
from l10n.readers.positions import SourceIndex
from l10n.readers.zones import RunFacts, Zoning, box_headings, classify, line_kind

__all__ = ["read_html_page"]

_NEVER_TEXT = frozenset({"script", "style", "template", "noscript", "math"})
# Elements read for their accessible name only (attributes, an svg's <title>), never their text.
_NAMED_ONLY = frozenset({"svg", "iframe", "object", "video", "audio", "canvas", "embed"})
# Elements whose text flows into their parent's block. In chrome a link is a block of its own.
_INLINE = frozenset(
    {
        "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
        "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)
_CHROME_UNITS = frozenset({"a", "button", "label", "option", "summary", "legend"})
_LANDMARK_TAGS = {"header": "header", "nav": "nav", "footer": "footer", "aside": "aside",
                  "form": "form", "dialog": "dialog"}
_LANDMARK_ROLES = {
    "navigation": "nav", "banner": "header", "contentinfo": "footer", "dialog": "dialog",
    "alertdialog": "dialog", "search": "search", "complementary": "aside",
}
_SITE_CLASSES = frozenset({"site-name", "site-title", "logo", "brand", "site-logo",
                           "navbar-brand", "publication-name"})
_SECTION_CLASSES = frozenset({"section", "section-name", "section-title", "rubric", "category",
                              "kicker", "breadcrumb-current"})
_TAGLINE_CLASSES = frozenset({"tagline", "slogan", "section-description", "section-tagline",
                              "site-description"})
_LEDE_CLASSES = frozenset({"lede", "lead", "standfirst", "intro", "summary", "article-lead"})
_CREDIT_CLASSES = frozenset({"credit", "copyright", "photo-credit", "image-credit", "source"})
_BYLINE_CLASSES = frozenset({"byline", "author", "authors", "by"})
_TRAIL_CLASSES = frozenset({"breadcrumb", "breadcrumbs"})
# Site and section names are short, taglines a sentence or two; a longer text in such an
# element is something else (a div.section wrapping a whole story).
_LABEL_WORDS = {Role.SITE: 12, Role.SECTION: 12, Role.TAGLINE: 40}
# Classes that hide an element from everyone (Bootstrap, Tailwind, WordPress and common names);
# screen-reader-only classes ("sr-only", "visually-hidden") are shown to some readers: not here.
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "invisible", "d-none", "is-hidden", "display-none",
                             "js-hidden", "u-hidden", "hidden-xs-up"})
_SCREEN_READER_CLASSES = frozenset({"sr-only", "screen-reader-text", "visually-hidden",
                                    "visuallyhidden", "screenreader", "screen-reader-only",
                                    "element-invisible", "a11y-hidden", "assistive-text",
                                    "u-visually-hidden", "offscreen", "sr-text"})
# Elements an icon font draws (Material Icons and Symbols by their classes; any "icon" class
# holding one lower-case snake_case word).
_ICON_TAGS = frozenset({"i", "span", "em", "b"})
_ICON_FONT = re.compile(r"material-(?:icons|symbols)")
_LIGATURE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# Images that are interface: icons, logos, badges, buttons (their names), or this small.
_ICON_NAMES = re.compile(r"icon|logo|badge|button|sprite|emoji|avatar|gravatar|social|share")
_ICON_SIZE = 48
# A placeholder that is all its element holds: the slot a script fills ("<span>%d</span>").
_LONE_PLACEHOLDER = re.compile(r"\s*(?:%(?:\d\$)?[sd]|\{\{?\s*[\w.]+\s*\}?\}|\$\{[\w.]+\})\s*")
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
# Characters every placeholder holds: only runs with one are looked up in the page's scripts.
_PLACEHOLDER_CHARS = re.compile(r"[%{$]")
_JS_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\/")
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TEMPLATE_TYPES = frozenset({"text/template", "text/x-template", "text/html", "text/x-handlebars",
                             "text/x-handlebars-template", "text/ng-template"})
_CHROME_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder"})
_BUTTON_ATTRIBUTES = _CHROME_ATTRIBUTES | {"value"}  # a button's value is its label
_BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
_META_CONTEXT = {"description": "meta description", "og:title": "og:title",
                 "og:description": "og:description", "twitter:title": "twitter:title",
                 "twitter:description": "twitter:description"}
_GATHERED = frozenset({"time", "meta", "title", "link"})  # noted for the metadata (_gather)
_SMALL_PAGE = 1000  # start tags; up to this many, _Walker._path asks libxml2 for each path
_KIND = {"a": "link", "img": "image", "input": "input", "button": "button", "select": "select",
         "textarea": "textarea", "abbr": "abbreviation", "area": "image map area",
         "iframe": "frame", "svg": "image", "object": "object", "video": "video",
         "audio": "audio", "canvas": "image", "embed": "object"}
# The tags that change the context by themselves, and the attributes that can (_Walker._enter).
_CONTEXT_TAGS = frozenset({*_LANDMARK_TAGS, *_CHROME_UNITS, "button", "label", "figcaption",
                           "address"})
_CONTEXT_ATTRIBUTES = frozenset(
    {"role", "class", "itemprop", "itemtype", "rel", "lang", "translate", "data-l10n-ignore",
     "hidden", "aria-hidden", "style", "type", "hreflang"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Inline elements whose text is no part a reader meets on its own.
_NO_SEGMENT = frozenset({"br", "wbr", "img", "time", "data", "sub", "sup", "abbr"})
_STATEMENT_ENDS = frozenset(".!。！")
_COLONS = frozenset(":：")
_SEMANTIC_ROLES = frozenset({"main", "article"})
_LINE_CHARS = 160  # text up to this long may be a credit or a date line (zones.line_kind)


class _Ctx(NamedTuple):
    """What the walk knows about the element it is in (a tuple: cheap to build and compare).

    ``zone`` is "chrome" inside a control (button, label), else "body": whether text is the
    article, a teaser, a comment, page furniture or a landmark's chrome is decided after the walk
    (:mod:`l10n.readers.zones`), weighing the innermost landmark (``landmark_el``: header, nav,
    footer, aside, form, dialog) against what the classifier found around the text.
    """

    zone: str  # "chrome" or "body"
    landmark: str | None = None
    landmark_el: etree._Element | None = None
    unit: str | None = None  # nearest chrome unit: "button", "label", "link"...
    translatable: bool = True
    lang: str | None = None
    special: Role | None = None  # site / section / tagline / byline / credit / dateline
    in_figcaption: bool = False
    lede_class: bool = False
    hidden: bool = False
    hreflang: str | None = None


class _Run:
    """Text gathered for one block: fragments of the owner element and its inline children.

    ``parts`` are (text, link, node): ``link`` numbers the provisional link the text is in (0:
    none), ``node`` indexes ``nodes`` (-1 for whitespace). A link in body text is inline until
    the run's zone is known; outside the article it becomes a block of its own. (A class with
    slots written out, not a dataclass: the walk makes two per element, and list displays
    are quicker than default factories.)
    """

    __slots__ = ("owner", "ctx", "parts", "nodes", "starts", "start", "times", "langs",
                 "link_chars", "link_words", "segments", "stack", "scripted", "switcher")

    def __init__(self, owner: etree._Element, ctx: _Ctx,
                 stack: tuple[etree._Element, ...] = ()) -> None:
        self.owner = owner
        self.ctx = ctx
        self.parts: list[tuple[str, int, int]] = []
        self.nodes: list[tuple[etree._Element, str]] = []  # (el, "text" | "tail")
        self.starts: list[int] = []  # source offset of each node's text
        self.start: int | None = None  # source offset of the first character
        self.times = 0  # characters that came from <time> elements
        self.langs: set[str | None] = set()  # the lang of each part's element
        self.link_chars = 0
        self.link_words = 0
        self.segments: list[tuple[int, int, str]] = []  # (first, end node, kind)
        self.stack = stack
        self.scripted = False  # holds a placeholder alone in its element (a script's slot)
        self.switcher = False  # an item of a language switcher


@dataclass(slots=True)
class _Attr:
    """An attribute read as a block (``alt``, ``title``, ``aria-label``...), placed at its
    element's ``<``."""

    el: etree._Element
    ctx: _Ctx
    text: str
    offset: int
    context: str
    attribute: str
    stack: tuple[etree._Element, ...]
    control: bool = False  # the name of an icon, a logo or a text-less link: interface text


@dataclass
class HtmlDocument:
    """A page together with its lxml tree and, per block, the tree nodes its text came from:
    ``(element, "text" | "tail")`` for text runs, ``(element, attribute)`` for attributes.
    The renderer rewrites those nodes; everything else keeps the source's markup."""

    page: Page
    root: etree._Element
    nodes: tuple[tuple[tuple[etree._Element, str], ...], ...]


def read_html_page(
    text: str,
    path: str,
    *,
    locale: str | None = None,
    known_chrome: Collection[str] = (),
    element_paths: bool = True,
) -> Page:
    """Read decoded HTML into a :class:`Page`; see the module rules. ``element_paths=False``
    leaves each block's ``element`` unset (a check needs only lines and columns)."""
    return read_html_document(text, path, locale=locale, known_chrome=known_chrome,
                              element_paths=element_paths).page


def read_html_document(
    text: str,
    path: str,
    *,
    locale: str | None = None,
    known_chrome: Collection[str] = (),
    element_paths: bool = True,
) -> HtmlDocument:
    """Read decoded HTML into an :class:`HtmlDocument` (the page, its tree, its nodes)."""
    try:
        # huge_tree: libxml2 otherwise drops a text node over 10 MB without a word.
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=False, huge_tree=True)
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}", path=path) from None
    index = SourceIndex(text)
    walker = _Walker(root, index, {collapse_space(k) for k in known_chrome}, element_paths)
    try:
        walker.run()
    except RecursionError:  # the walk recurses once per level of nesting
        raise InputError(
            "elements nested too deeply to read", path=path, hint="flatten the markup"
        ) from None
    blocks, nodes = walker.finish()
    meta = read_metadata(root, text, walker.gathered, blocks, nodes)
    page = Page(
        path=path,
        format=Format.HTML,
        locale=locale or declared_locale(meta),
        blocks=blocks,
        meta=meta,
    )
    return HtmlDocument(page=page, root=root, nodes=nodes)


class _Walker:
    """One pass over the lxml tree, collecting runs of text with their source positions; then
    the zones (:func:`l10n.readers.zones.classify`), the roles, and the blocks."""

    def __init__(self, root: etree._Element, index: SourceIndex, known: set[str],
                 element_paths: bool = True) -> None:
        self.root = root
        self.element_paths = element_paths
        self.index = index
        self.known = known
        self.tree = root.getroottree()
        self.blocks: list[tuple[int, int, Block, tuple[tuple[etree._Element, str], ...]]] = []
        self.pending: list[_Run | _Attr] = []
        self.stack: list[etree._Element] = []
        self.semantic: list[etree._Element] = []  # article, main, [role=main], articleBody
        self.links: dict[int, tuple[etree._Element, _Ctx]] = {}  # provisional links
        self.link = 0  # the provisional link the walk is in (0: none)
        # The last item of every breadcrumb trail entered so far (see _note_trail).
        self.crumb_ends: set[etree._Element] = set()
        self.headline_seen = False
        self.lede_seen = False
        self.scripts: list[str] = []  # inline scripts' source (see _carried)
        self.script_text: str | None = None
        self.gathered = Gathered()  # for the metadata
        self.paths: dict[etree._Element, str] = {}
        self.tag_contexts: dict[tuple[_Ctx, str], _Ctx] = {}  # see _enter
        self.inside: dict[tuple[etree._Element, etree._Element], bool] = {}  # see _inside
        # getpath walks the siblings of every ancestor: fine unless there are thousands.
        self.small = index.start_tags <= _SMALL_PAGE

    # -- walking ---------------------------------------------------------------------------

    def run(self) -> None:
        root = self.root
        self.index.align_element(root)
        # The root is never entered (its lang is the page's locale), but may be a trail.
        if _is_trail(set((root.get("class") or "").lower().split()), dict(root.items())):
            self._note_trail(root)
        self.stack.append(root)
        self._children(root, _Ctx(zone="body"), None, 0)

    def _children(
        self, el: etree._Element, ctx: _Ctx, run: _Run | None, at: int
    ) -> _Run | None:
        """Visit the children of ``el``, which starts at offset ``at``."""
        for child in el:
            run = self._node(child, ctx, run, at)
        return run

    def _node(
        self, el: etree._Element, ctx: _Ctx, run: _Run | None, parent_at: int
    ) -> _Run | None:
        """Visit ``el`` inside an open ``run``; returns the run its tail continues.
        ``parent_at`` is the offset of ``el``'s parent."""
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions
            return self._text(el.tail, run, ctx, el, "tail", parent_at)
        tag = tag.lower()
        position = self.index.align_tag(tag, el.sourceline)
        if tag in _NEVER_TEXT:
            self._skip(el)
            return self._text(el.tail, run, ctx, el, "tail", position)
        if tag == "head":
            self._head(el)
            return run
        items = el.items()
        # One dict read instead of an el.get per rule; libxml2 drops repeated attributes.
        attrs = dict(items) if items else {}
        inner = self._enter(el, tag, ctx, attrs)
        stack = self.stack
        stack.append(el)
        if tag in _GATHERED:
            self._gather(el, tag, attrs, inner, position)
        # Most elements have none of the attributes read (libxml2 gives names in lower case).
        if attrs and not _BUTTON_ATTRIBUTES.isdisjoint(attrs):
            self._attributes(el, tag, inner, position, attrs)
        if tag in _NAMED_ONLY or (tag in _ICON_TAGS and _icon_ligature(el, attrs)):
            self._named_only(el, tag, inner, position)
            stack.pop()
            return self._text(el.tail, run, ctx, el, "tail", position)
        # An inline element that starts a role of its own (span.credit) is a block of its own;
        # a link in body text flows into its sentence until the sentence's zone is known.
        link = tag == "a" and inner.zone == "body" and inner.unit is None
        inline = tag in _INLINE or link
        if inline and inner.special is ctx.special:
            outer_link = self.link
            if link:
                self.link = len(self.links) + 1
                self.links[self.link] = (el, inner._replace(unit="link"))
            first = len(run.nodes) if run is not None else 0
            text = el.text
            if text:
                run = self._text(text, run, inner, el, "text", position)
                if run is not None and not len(el) and _LONE_PLACEHOLDER.fullmatch(text):
                    run.scripted = True
            if len(el):
                run = self._children(el, inner, run, position)
            self.link = outer_link
            if run is not None and len(run.nodes) > first and tag not in _NO_SEGMENT:
                run.segments.append((first, len(run.nodes), _segment_kind(tag, attrs)))
            if tag == "time" and run is not None:
                run.times += len(collapse_space(el.text_content()))
            stack.pop()
            tail = el.tail
            return self._text(tail, run, ctx, el, "tail", position) if tail else run
        if run is not None and run.start is not None:
            self._flush(run)
        own: _Run | None = _Run(el, inner)
        text = el.text
        if text:
            own = self._text(text, own, inner, el, "text", position)
        if len(el):
            own = self._children(el, inner, own, position)
        if own is not None and own.start is not None:
            self._flush(own)
        stack.pop()
        parent_run = _Run(run.owner, run.ctx) if run is not None else None
        tail = el.tail
        return self._text(tail, parent_run, ctx, el, "tail", position) if tail else parent_run

    def _text(
        self,
        text: str | None,
        run: _Run | None,
        ctx: _Ctx,
        el: etree._Element,
        kind: str,
        at: int,
    ) -> _Run | None:
        """Add ``el``'s text or tail to ``run``, opening a run for visible text outside one.
        ``at`` is the offset to give text the source index cannot place."""
        if not text:
            return run
        if text.isspace():  # needs no position and opens no run
            if run is not None:
                run.parts.append((text, self.link, -1))
            return run
        start = self.index.align_text(text)
        if run is None:
            # Text directly in <body> or a container with no block owner of its own.
            parent = el.getparent()
            run = _Run(parent if parent is not None else el, ctx)
        place = at if start is None else start
        if run.start is None:
            run.start = place
        run.parts.append((text, self.link, len(run.nodes)))
        run.nodes.append((el, kind))
        run.starts.append(place)
        run.langs.add(ctx.lang)
        if self.link:
            run.link_chars += _visible(text)
            run.link_words += len(text.split())
        return run

    def _skip(self, el: etree._Element) -> None:
        if el.tag == "script":
            kind = (el.get("type") or "").lower()
            if kind == "application/ld+json":
                self.gathered.note_json_ld(el.text)
            elif el.text:
                self.scripts.append(el.text)
        self.index.skip_subtree(el)

    def _named_only(self, el: etree._Element, tag: str, ctx: _Ctx, position: int) -> None:
        """An embed or graphic: its attributes were read; an svg's ``<title>`` is its name
        too. Its content is no text."""
        if tag == "svg":
            for child in el.iter():
                name = child.tag if isinstance(child.tag, str) else ""
                if name.rsplit("}", 1)[-1].lower() == "title":
                    text = collapse_space(child.text or "")
                    if text:
                        at = self.index.align_text(child.text or "")
                        self.pending.append(_Attr(child, ctx, text,
                                                  position if at is None else at,
                                                  "image title", "", (*self.stack, child)))
        self.index.skip_subtree(el)

    def _enter(self, el: etree._Element, tag: str, ctx: _Ctx, attrs: dict[str, str]) -> _Ctx:
        """The context inside ``el``, whose attributes are ``attrs``."""
        described = bool(attrs) and not attrs.keys().isdisjoint(_CONTEXT_ATTRIBUTES)
        if tag in ("article", "main") or (described and (
                (attrs.get("role") or "").lower() in _SEMANTIC_ROLES
                or attrs.get("itemprop") == "articleBody")):
            self.semantic.append(el)
        if described:
            # A class alone changes nothing unless it names a role, a lede, a trail or hiding
            # (most elements with a context attribute: worked out once per class value).
            if (tag not in _CONTEXT_TAGS and _class_facts(attrs.get("class")).neutral
                    and _CONTEXT_BUT_CLASS.isdisjoint(attrs) and el not in self.crumb_ends):
                return ctx
            return self._context(el, tag, ctx, attrs, described)
        if el in self.crumb_ends:
            return self._context(el, tag, ctx, attrs, described)
        # Otherwise only the tag can change the context, the same way every time (a landmark
        # names itself in it: worked out each time).
        if tag not in _CONTEXT_TAGS:
            return ctx  # most elements
        if tag in _LANDMARK_TAGS:
            return self._context(el, tag, ctx, attrs, described)
        inner = self.tag_contexts.get((ctx, tag))
        if inner is None:
            inner = self.tag_contexts[ctx, tag] = self._context(el, tag, ctx, attrs, described)
        return inner

    def _context(
        self, el: etree._Element, tag: str, ctx: _Ctx, attrs: dict[str, str], described: bool
    ) -> _Ctx:
        """:meth:`_enter` worked out; ``described``: ``attrs`` has a context attribute."""
        if described:
            role = (attrs.get("role") or "").strip().lower()
            facts = _class_facts(attrs.get("class"))
            classes = facts.classes
            if facts.trail or (attrs.get("itemtype") or "").endswith("BreadcrumbList"):
                self._note_trail(el)  # _is_trail(classes, attrs)
        else:
            role, facts, classes = "", _NO_CLASS, _NO_CLASS.classes
        zone, landmark, landmark_el, unit = ctx.zone, ctx.landmark, ctx.landmark_el, ctx.unit
        own_landmark = _LANDMARK_TAGS.get(tag) or _LANDMARK_ROLES.get(role)
        if own_landmark is not None:
            landmark, landmark_el = own_landmark, el
        if tag in ("button", "label") or role == "button":
            zone, unit = "chrome", ("button" if tag != "label" else "label")
        elif tag in _CHROME_UNITS and (ctx.zone == "chrome" or ctx.unit is not None):
            unit = _KIND.get(tag, tag)
        translatable = ctx.translatable
        translate = (attrs.get("translate") or "").strip().lower()
        if translate == "no" or "data-l10n-ignore" in attrs:
            translatable = False
        elif translate == "yes":
            translatable = True
        lang = ctx.lang
        value = attrs.get("lang")
        if value is not None and el is not self.root:
            lang = value.strip() or None
        hreflang = ctx.hreflang
        value = attrs.get("hreflang")
        if value is not None:
            hreflang = value.strip() or None
        if el in self.crumb_ends:
            special = Role.SECTION
        elif tag == "address" or (described and ("rel" in attrs or "itemprop" in attrs)):
            special = _special_role(tag, classes, attrs)
            special = ctx.special if special is None else special
        else:  # the classes alone decide (_special_role of them)
            special = ctx.special if facts.special is None else facts.special
        in_figcaption = ctx.in_figcaption or tag == "figcaption"
        lede_class = ctx.lede_class or facts.lede
        hidden = ctx.hidden or facts.hidden or (described and _hides(attrs, classes))
        inner = _Ctx(zone, landmark, landmark_el, unit, translatable, lang, special,
                     in_figcaption, lede_class, hidden, hreflang)
        return ctx if inner == ctx else inner

    def _note_trail(self, el: etree._Element) -> None:
        """Remember the last item of the breadcrumb trail ``el``: the page's section. The walk
        calls it on entering ``el``, before any item (an item is ``el`` or inside it)."""
        items = list(el.iter("li")) or list(el.iter("a"))
        if items:
            self.crumb_ends.add(items[-1])

    # -- attributes and head ---------------------------------------------------------------

    def _attributes(
        self, el: etree._Element, tag: str, ctx: _Ctx, position: int, attrs: dict[str, str]
    ) -> None:
        button = tag == "button" or (
            tag == "input" and (attrs.get("type") or "").lower() in _BUTTON_INPUTS
        )
        names = _BUTTON_ATTRIBUTES if button else _CHROME_ATTRIBUTES
        control = None
        for name, raw in attrs.items():
            key = name.lower()
            if key not in names:
                continue
            value = collapse_space(raw)
            if not value:
                continue
            if control is None:
                control = _names_a_control(el, tag, attrs, bool(self.link))
            context = self._attribute_context(tag, key, attrs)
            self.pending.append(_Attr(el, ctx, value, position, context, key,
                                      (*self.stack,), control))

    def _attribute_context(self, tag: str, name: str, attrs: dict[str, str]) -> str:
        if name == "placeholder":
            return "placeholder"
        if name == "alt":
            return "image alt"
        if name == "value":
            return "button"
        role = (attrs.get("role") or "").lower()
        kind = "dialog" if role in ("dialog", "alertdialog") or tag == "dialog" else None
        kind = kind or _KIND.get(tag) or (role or tag)
        return f"{kind} {name}"

    def _gather(self, el: etree._Element, tag: str, attrs: dict[str, str], ctx: _Ctx,
                position: int) -> None:
        """Note a ``<time>`` for the metadata, and a ``<meta>``, ``<link>`` or ``<title>``
        outside the head: after a stray tag libxml2 moves the rest of the head into
        ``<body>``."""
        if tag == "time":
            # Whether the time is in the article is known only after the walk: outside the
            # landmarks is the best guess here.
            self.gathered.note_time(attrs, ctx.zone == "body" and ctx.landmark in (None, "header"),
                                    ctx.special is Role.BYLINE,
                                    collapse_space(el.text_content()) if "datetime" in attrs
                                    else "", self.index.position(position), ctx.lang)
        elif tag == "meta":
            self.gathered.note_meta(el)
        elif tag == "link":
            self.gathered.note_link(el)
        elif self.gathered.title is None:
            self.gathered.title = collapse_space(el.text or "") or None

    def _head(self, head: etree._Element) -> None:
        for el in head.iter():
            if not isinstance(el.tag, str):
                continue
            position = self.index.align_element(el)
            tag = el.tag.lower()
            if tag in _NEVER_TEXT:
                self._skip(el)
                continue
            if tag == "title":
                text = collapse_space(el.text or "")
                start = self.index.align_text(el.text or "")
                if text:
                    self.gathered.title = text
                    self._add(Role.CHROME, text, position if start is None else start, el,
                              _head_ctx(el), context="page title", nodes=((el, "text"),),
                              zone=Zone.CHROME)
            elif tag == "meta":
                self.gathered.note_meta(el)
                key = (el.get("property") or el.get("name") or "").strip().lower()
                content = collapse_space(el.get("content") or "")
                if key in _META_CONTEXT and content:
                    self._add(Role.CHROME, content, position, el, _head_ctx(el),
                              context=_META_CONTEXT[key], attribute="content",
                              nodes=((el, "content"),), zone=Zone.CHROME)
            elif tag == "link" and "canonical" in (el.get("rel") or "").lower().split():
                self.gathered.canonical = el.get("href")
            elif tag == "link":
                self.gathered.note_link(el)

    # -- zones, roles and blocks -----------------------------------------------------------

    def _flush(self, run: _Run | None) -> None:
        """Keep a finished run (its zone and role are decided in :meth:`finish`)."""
        if run is None or run.start is None:
            return
        stack = self.stack
        owner = run.owner
        # A block child flushes its parent's run after entering: the run's stack ends at its
        # owner, not at the child.
        for k in range(len(stack) - 1, max(len(stack) - 4, -1), -1):
            if stack[k] is owner:
                run.stack = tuple(stack[:k + 1])
                break
        else:
            run.stack = (*stack, owner)
        self.pending.append(run)

    def _facts(self, item: _Run | _Attr) -> RunFacts:
        if isinstance(item, _Attr):
            return RunFacts(item.stack, 0, 0, 0, 0, False, chrome=item.ctx.zone == "chrome")
        text = "".join(part[0] for part in item.parts)
        last = text.rstrip()[-1:]
        return RunFacts(item.stack, _visible(text), item.link_chars, text.count(","),
                        len(text.split()), _owner_tag(item) in _HEADINGS, item.link_words,
                        item.ctx.special is not None or item.ctx.in_figcaption,
                        item.ctx.zone == "chrome", last in _STATEMENT_ENDS, last in _COLONS)

    def finish(
        self,
    ) -> tuple[tuple[Block, ...], tuple[tuple[tuple[etree._Element, str], ...], ...]]:
        """Decide zones and roles, then give the blocks in source order (attribute blocks sit
        at their element's ``<``) and the tree nodes of each."""
        pending = self.pending
        facts = [self._facts(item) for item in pending]
        zoning = classify(facts, self.semantic)
        zones = [self._zone(item, found, decider) for item, found, decider
                 in zip(pending, zoning.zones, zoning.deciders, strict=True)]
        self._attribute_zones(pending, zones)
        self._language_menus(pending, zones)
        box_headings(facts, zones)
        headline = self._headline(pending, zones)
        for k, (item, zone) in enumerate(zip(pending, zones, strict=True)):
            if isinstance(item, _Attr):
                self._add(Role.CHROME, item.text, item.offset, item.el, item.ctx,
                          context=item.context, attribute=item.attribute or None,
                          nodes=((item.el, item.attribute or "text"),), zone=zone)
            elif zone in (Zone.ARTICLE, Zone.COMMENT) or not _has_links(item):
                self._emit(item, zone, headline=k == headline,
                           in_header=zone is Zone.ARTICLE and _in_article_header(item, zoning))
            else:
                for piece in self._split(item):
                    self._emit(piece, zone)
        ordered = sorted(self.blocks)  # by offset, then order of finding (never a tie)
        return tuple(t[2] for t in ordered), tuple(t[3] for t in ordered)

    def _zone(self, item: _Run | _Attr, found: Zone | None,
              decider: etree._Element | None) -> Zone:
        """The final zone. Controls are chrome. Inside a landmark, the landmark decides (chrome;
        an article's own header stays the article's) unless the article, a comment or a teaser
        list the classifier found lies inside the landmark itself (a story in a page wrapped
        whole in a ``form``, comments in an ``aside``), or headlines make a related-articles
        ``aside``. Elsewhere the classifier decides; what it has no word for is furniture."""
        ctx = item.ctx
        if ctx.zone == "chrome" or (isinstance(item, _Attr) and item.control):
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

    def _attribute_zones(self, pending: list[_Run | _Attr], zones: list[Zone]) -> None:
        """An attribute takes the zone of the text its element shows (a teaser link's title,
        the alt of an image in it), where it has one and names no control."""
        shown: dict[etree._Element, Zone] = {}
        for item, zone in zip(pending, zones, strict=True):
            if isinstance(item, _Run):
                shown.setdefault(item.owner, zone)
                for text, link, _ in item.parts:
                    if link and text.strip():
                        shown.setdefault(self.links[link][0], zone)
        if not shown:
            return
        for k, item in enumerate(pending):
            if isinstance(item, _Attr) and not item.control and item.ctx.zone != "chrome":
                for el in reversed(item.stack):
                    zone = shown.get(el)
                    if zone is not None:
                        if zone in (Zone.TEASER, Zone.COMMENT):
                            zones[k] = zone
                        break

    def _language_menus(self, pending: list[_Run | _Attr], zones: list[Zone]) -> None:
        """A list whose items are mostly language or edition names is a language switcher:
        every item in it (and its tooltips) gets that context, names CLDR lacks included
        (the Amharic edition's "ይዘት" among "English", "Deutsch", "Русский")."""
        from l10n.languages import language_named

        items: dict[etree._Element, list[int]] = {}
        for k, item in enumerate(pending):
            if zones[k] is Zone.ARTICLE or isinstance(item, _Attr):
                continue
            text = "".join(part[0] for part in item.parts)
            if len(text.split()) > _MENU_ITEM_WORDS:
                continue
            holder = _item_holder(item.stack)
            if holder is not None:
                items.setdefault(holder, []).append(k)
        menus = set()
        for holder, ks in items.items():
            if len(ks) < _MENU_ITEMS:
                continue
            misses, allowed = 0, (1 - _MENU_SHARE) * len(ks)
            for k in ks:  # stop as soon as too many items are no language's name
                text = collapse_space("".join(part[0] for part in pending[k].parts))
                if language_named(text) is None:
                    misses += 1
                    if misses > allowed:
                        break
            else:
                menus.add(holder)
        if not menus:
            return
        menus |= self._menu_prompts(pending, menus)
        for item in pending:
            if any(el in menus for el in item.stack):
                if isinstance(item, _Attr):
                    item.context = _SWITCHER
                else:
                    item.switcher = True

    def _menu_prompts(self, pending: list[_Run | _Attr], menus: set[etree._Element]
                      ) -> set[etree._Element]:
        """The boxes around language switchers that hold nothing else but a short prompt or
        two ("Please choose your language", a hidden "Language" label): a chooser's prompt is
        written for readers who may not read the page's language."""
        boxes = set()
        for menu in menus:
            box = menu
            for parent in itertools.islice(menu.iterancestors(), _PROMPT_LEVELS):
                others = [item for item in pending if parent in item.stack
                          and not any(el in menus for el in item.stack)]
                if len(others) > _PROMPTS or any(
                        len(_item_text(item).split()) > _PROMPT_WORDS for item in others):
                    break
                box = parent
            if box is not menu:
                boxes.add(box)
        return boxes

    def _headline(self, pending: list[_Run | _Attr], zones: list[Zone]) -> int | None:
        """The run that is the headline: the article's first ``h1``; where the article has none,
        the last ``h1`` of several words before it outside chrome (a headline above the body)."""
        first_article = None
        for k, (item, zone) in enumerate(zip(pending, zones, strict=True)):
            if zone is Zone.ARTICLE and isinstance(item, _Run):
                if _owner_tag(item) == "h1":
                    return k
                if first_article is None:
                    first_article = k
        if first_article is None:
            return None
        for k in range(first_article - 1, -1, -1):
            item = pending[k]
            if isinstance(item, _Run) and _owner_tag(item) == "h1" \
                    and zones[k] in (Zone.PAGE, Zone.TEASER) and item.ctx.special is None \
                    and count_words("".join(p[0] for p in item.parts)) >= 2:
                zones[k] = Zone.ARTICLE
                return k
        return None

    def _split(self, run: _Run) -> list[_Run]:
        """A run outside the article cut at its links: each link a block of its own, as
        chrome is read (a menu's links, a footer's)."""
        pieces: list[_Run] = []
        where: dict[int, tuple[int, int]] = {}  # node of the run -> (piece, node of the piece)
        current: _Run | None = None
        current_link = -1
        for text, link, node in run.parts:
            if link != current_link or current is None:
                if link:
                    link_el, link_ctx = self.links[link]
                    current = _Run(link_el, link_ctx, stack=(*run.stack, link_el))
                else:
                    current = _Run(run.owner, run.ctx, stack=run.stack)
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
            current.langs.add(current.ctx.lang if link else _part_lang(run))
            current.scripted = run.scripted
            current.switcher = run.switcher
        for first, end, kind in run.segments:
            piece, start = where[first]
            if kind != "link" and where[end - 1][0] == piece:
                pieces[piece].segments.append((start, where[end - 1][1] + 1, kind))
        if len(pieces) == 1:
            pieces[0].times = run.times
        return [piece for piece in pieces if piece.start is not None]

    def _emit(self, run: _Run, zone: Zone, *, headline: bool = False,
              in_header: bool = False) -> None:
        text = collapse_space("".join(part[0] for part in run.parts))
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

    def _segments(self, run: _Run, text: str) -> tuple[Segment, ...]:
        out = []
        for first, end, kind in run.segments:
            part = _segment_text(run.parts, first, end)
            if part and part != text:
                line, column = self.index.position(run.starts[first])
                out.append(Segment(part, line, column, kind))
        return tuple(out)

    def _role(self, run: _Run, text: str, zone: Zone, headline: bool,
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
        tag = _owner_tag(run)
        line = line_kind(text, in_figure=ctx.in_figcaption or ("/" in text and _in_figure(run))) \
            if len(text) <= _LINE_CHARS else None
        if ctx.special is Role.CREDIT or (ctx.in_figcaption and text.startswith("©")) \
                or line == "credit":
            return Role.CREDIT, "credit"
        if ctx.in_figcaption:
            return Role.CAPTION, "caption"
        special = _short_special(ctx.special, text)
        if special in (Role.BYLINE, Role.DATELINE, Role.SECTION, Role.SITE, Role.TAGLINE):
            return special, str(special)  # type: ignore[return-value]
        if run.times and run.times >= len(text) - 2:
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

    def _names_itself(self, run: _Run) -> bool:
        """Whether the element that makes a run a site, section or tagline name holds the run's
        text itself (or is its parent): a ``div.category`` around a whole table is no name."""
        for el in run.stack[-2:]:
            if el in self.crumb_ends:
                return True
            value = el.get("class")
            classes = set(value.lower().split()) if value else set()
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if _special_role(tag, classes, dict(el.items())) is run.ctx.special:
                return True
        return False

    def _other_role(self, run: _Run, text: str, zone: Zone) -> tuple[Role, str]:
        """Roles outside the article: a teaser, a comment, or page furniture read as chrome
        (names, bylines and datelines keep their own roles wherever they are)."""
        ctx = run.ctx
        special = _short_special(ctx.special, text)
        if special in (Role.SITE, Role.SECTION, Role.TAGLINE):
            return special, str(special)  # type: ignore[return-value]
        counter = parse_counter(text)
        if counter is not None and count_words(text) <= 2:
            return Role.COUNTER, "counter"
        if zone is Zone.TEASER:
            return Role.TEASER, "teaser"
        if zone is Zone.COMMENT:
            return Role.COMMENT, "comment"
        if special in (Role.BYLINE, Role.CREDIT, Role.DATELINE):
            return special, str(special)  # type: ignore[return-value]
        return Role.CHROME, ctx.landmark or "page"

    def _chrome_role(self, ctx: _Ctx, text: str) -> tuple[Role, str]:
        special = _short_special(ctx.special, text)
        if special in (Role.SITE, Role.SECTION, Role.TAGLINE):
            return special, str(special)  # type: ignore[return-value]
        counter = parse_counter(text)
        if counter is not None and count_words(text) <= 2:
            return Role.COUNTER, "counter"
        if ctx.unit in ("button", "label"):
            return Role.CHROME, ctx.unit
        return Role.CHROME, ctx.landmark or "page"

    def _add(
        self,
        role: Role,
        text: str,
        offset: int,
        el: etree._Element,
        ctx: _Ctx,
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


def _item_text(item: _Run | _Attr) -> str:
    return item.text if isinstance(item, _Attr) else "".join(part[0] for part in item.parts)


def _item_holder(stack: tuple[etree._Element, ...]) -> etree._Element | None:
    """The list (or other container) a menu item belongs to: the parent of the nearest
    ``li``/``option`` above the text, else the parent of its element."""
    for k in range(len(stack) - 1, 0, -1):
        if stack[k].tag in ("li", "option"):
            return stack[k - 1]
    return stack[-2] if len(stack) > 1 else None


def _owner_tag(run: _Run) -> str:
    tag = run.owner.tag
    return tag.lower() if isinstance(tag, str) else ""


def _in_figure(run: _Run) -> bool:
    return any(el.tag == "figure" for el in run.stack)


def _has_links(run: _Run) -> bool:
    return any(part[1] for part in run.parts)


def _part_lang(run: _Run) -> str | None:
    """The lang of a run's text outside its links (the run keeps only the set of langs)."""
    return next(iter(run.langs)) if len(run.langs) == 1 else run.ctx.lang


def _segment_text(parts: list[tuple[str, int, int]], first: int, end: int) -> str:
    """The text of nodes ``first`` to ``end`` (excluded) of a run, with the spaces between."""
    out = []
    inside = False
    for text, _, node in parts:
        if node >= 0:
            if node >= end:
                break
            inside = inside or node >= first
        if inside:
            out.append(text)
    return collapse_space("".join(out))


def _visible(text: str) -> int:
    """Characters of ``text`` that are not whitespace."""
    return len("".join(text.split()))


def _in_article_header(run: _Run, zoning: Zoning) -> bool:
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


def _segment_kind(tag: str, attrs: dict[str, str]) -> str:
    if tag == "a":
        return "link"
    classes = set((attrs.get("class") or "").lower().split())
    if not classes.isdisjoint(_SCREEN_READER_CLASSES):
        return "screen-reader"
    return "styled" if classes or "style" in attrs else "inline"


def _icon_ligature(el: etree._Element, attrs: dict[str, str]) -> bool:
    """An icon font's ligature: a name a font draws as a picture (``<i class="material-icons">
    flight_takeoff</i>``); readers see the icon, never the word."""
    value = attrs.get("class")
    if not value:
        return False
    names = value.lower()
    if _ICON_FONT.search(names):
        return True
    text = (el.text or "").strip()
    return not len(el) and bool(_LIGATURE.fullmatch(text)) and \
        not {"icon", "icons"}.isdisjoint(names.split())


def _names_a_control(el: etree._Element, tag: str, attrs: dict[str, str], in_link: bool
                     ) -> bool:
    """Whether an element's ``alt``/``title``/``aria-label`` names a control rather than
    describing content: a link that runs a script or has no text of its own (an icon link), or
    an image that is an icon, a logo, a badge or a button (by its names or a small size)."""
    if tag == "a":
        href = (attrs.get("href") or "").strip().lower()
        if href in ("", "#") or href.startswith("javascript:") or "onclick" in attrs:
            return True  # a link that goes nowhere: a button in a link's clothes
        if "".join(el.itertext()).strip():
            return False
        # No text: an icon link, unless what it shows is a picture (a linked photo's title
        # describes the photo).
        return all(_names_a_control(img, "img", dict(img.items()), True)
                   for img in el.iter("img"))
    if tag != "img":
        return False
    names = f"{attrs.get('class') or ''} {attrs.get('src') or ''} {attrs.get('id') or ''}"
    if _ICON_NAMES.search(names.lower()):
        return True
    for size in (attrs.get("width"), attrs.get("height")):
        if size and size.strip().isdigit() and int(size) <= _ICON_SIZE:
            return True
    return False


def _hides(attrs: dict[str, str], classes: set[str] | frozenset[str]) -> bool:
    """Whether an element with ``attrs`` is hidden from readers until a script shows it."""
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    if (attrs.get("type") or "").strip().lower() in _TEMPLATE_TYPES:
        return True
    return not classes.isdisjoint(_HIDDEN_CLASSES)


def _plain_tag(tag: object) -> bool:
    """An element name ``getpath`` writes as it is (no namespace or prefix)."""
    return isinstance(tag, str) and _plain_name(tag)


@functools.lru_cache(maxsize=1024)
def _plain_name(tag: str) -> bool:
    """:func:`_plain_tag` of a string, cached: a page has a few dozen distinct tags."""
    return _SPECIAL_IN_TAG.search(tag) is None


_SPECIAL_IN_TAG = re.compile(r"[{}:*\[\]/]")


def _is_trail(classes: set[str], attrs: dict[str, str]) -> bool:
    """Whether an element with these ``classes`` and ``attrs`` is a breadcrumb trail."""
    return not classes.isdisjoint(_TRAIL_CLASSES) or (attrs.get("itemtype") or "").endswith(
        "BreadcrumbList"
    )


def _special_role(tag: str, classes: set[str], attrs: dict[str, str]) -> Role | None:
    """The role an element's tag, ``classes`` and other attributes give its text, if any."""
    rel = set((attrs.get("rel") or "").lower().split())
    itemprop = (attrs.get("itemprop") or "").lower()
    if classes & _SITE_CLASSES or "home" in rel:
        return Role.SITE
    if classes & _SECTION_CLASSES or itemprop == "articlesection":
        return Role.SECTION
    if classes & _TAGLINE_CLASSES:
        return Role.TAGLINE
    if classes & _CREDIT_CLASSES:
        return Role.CREDIT
    if classes & _BYLINE_CLASSES or "author" in rel or itemprop == "author" or tag == "address":
        return Role.BYLINE
    if "dateline" in classes:
        return Role.DATELINE
    return None


class _ClassFacts(NamedTuple):
    """What a ``class`` attribute's value alone says about its element's context."""

    classes: frozenset[str]
    trail: bool  # a breadcrumb trail
    special: Role | None  # _special_role of the classes alone
    lede: bool
    hidden: bool  # hidden from every reader
    neutral: bool  # none of these: the class changes no context by itself


_ROLE_CLASSES = (_TRAIL_CLASSES | _SITE_CLASSES | _SECTION_CLASSES | _TAGLINE_CLASSES
                 | _CREDIT_CLASSES | _BYLINE_CLASSES | {"dateline"} | _LEDE_CLASSES
                 | _HIDDEN_CLASSES)
_CONTEXT_BUT_CLASS = _CONTEXT_ATTRIBUTES - {"class"}


@functools.lru_cache(maxsize=4096)
def _class_facts(value: str | None) -> _ClassFacts:
    """:class:`_ClassFacts` of a ``class`` value, cached: pages repeat a few hundred values."""
    classes = frozenset(value.lower().split()) if value else frozenset()
    return _ClassFacts(classes, not classes.isdisjoint(_TRAIL_CLASSES),
                       _special_role("", classes, {}), not classes.isdisjoint(_LEDE_CLASSES),
                       not classes.isdisjoint(_HIDDEN_CLASSES), classes.isdisjoint(_ROLE_CLASSES))


_NO_CLASS = _class_facts(None)


def _head_ctx(el: etree._Element) -> _Ctx:
    """The context of a ``<head>`` element's text: chrome, in the element's own ``lang``."""
    return _Ctx(zone="chrome", lang=(el.get("lang") or "").strip() or None)


