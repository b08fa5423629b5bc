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
* **Article** is ``article``, ``main``, ``[role=main]`` or ``[itemprop=articleBody]`` (on pages
  with none of them, the element holding the most paragraph text). ``h1`` is the headline; the
  first paragraph (or ``.lede``/``.lead``) the lede; ``figcaption`` a caption, with its
  ``.credit``/``.copyright`` part (or text opening with ``©``) a credit; ``.byline``,
  ``[rel=author]``, ``[itemprop=author]`` a byline; a lone ``<time>`` a byline; ``p.dateline``
  and paragraphs that are only a dateline are datelines, and a paragraph opening with a dateline
  is split in two. A ``header`` inside the article belongs to the article; its ``footer``,
  ``nav``, ``aside`` and ``form`` are chrome.
* ``translate="no"`` and ``data-l10n-ignore`` mark blocks untranslatable (``translate="yes"``
  lifts it); the nearest ``lang`` attribute below ``<html>`` is the block's ``lang``.
* The walk gathers every ``<meta>`` (in the head or wherever libxml2 put it), JSON-LD,
  ``<title>``, ``link[rel=canonical]`` and ``time[datetime]``; :mod:`l10n.readers.metadata`
  makes the page's metadata of them, and its language declaration is the page locale.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple

import lxml.html
from lxml import etree

from l10n.dateline import parse_dateline, split_dateline
from l10n.errors import InputError
from l10n.page import Block, Format, Location, Page, Role
from l10n.prose import collapse_space, count_words, parse_counter
from l10n.readers.metadata import Gathered, declared_locale, read_metadata
from l10n.readers.positions import SourceIndex

__all__ = ["read_html_page"]

_NEVER_TEXT = frozenset({"script", "style", "template", "noscript", "svg", "math", "iframe"})
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
_ARTICLE_ROLES = frozenset({"main", "article"})
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
_CHROME_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder"})
_BUTTON_ATTRIBUTES = _CHROME_ATTRIBUTES | {"value"}  # a button's value is its label
_BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
_META_CONTEXT = {"description": "meta description", "og:title": "og:title",
                 "og:description": "og:description", "twitter:title": "twitter:title",
                 "twitter:description": "twitter:description"}
_GATHERED = frozenset({"time", "meta", "title"})  # noted for the metadata (_Walker._gather)
_SMALL_PAGE = 1000  # start tags; up to this many, _Walker._path asks libxml2 for each path
_KIND = {"a": "link", "img": "image", "input": "input", "button": "button", "select": "select",
         "textarea": "textarea", "abbr": "abbreviation", "area": "image map area"}
# The tags that change the context by themselves, and the attributes that can (_Walker._enter).
_CONTEXT_TAGS = frozenset(
    {*_LANDMARK_TAGS, *_CHROME_UNITS, "article", "main", "button", "label", "figcaption",
     "address"}
)
_CONTEXT_ATTRIBUTES = frozenset(
    {"role", "class", "itemprop", "itemtype", "rel", "lang", "translate", "data-l10n-ignore"}
)


class _Ctx(NamedTuple):
    """What the walk knows about the element it is in (a tuple: cheap to build and compare)."""

    zone: str  # "chrome", "article" or "page"
    landmark: str | None = None
    unit: str | None = None  # nearest chrome unit: "button", "label", "link"...
    translatable: bool = True
    lang: str | None = None
    special: Role | None = None  # site / section / tagline / byline / credit / dateline
    in_figcaption: bool = False
    in_article_header: bool = False
    lede_class: bool = False


@dataclass(slots=True)
class _Run:
    """Text gathered for one block: fragments of the owner element and its inline children."""

    owner: etree._Element
    ctx: _Ctx
    parts: list[str]
    start: int | None = None  # source offset of the first character
    times: int = 0  # characters that came from <time> elements
    nodes: list[tuple[etree._Element, str]] = field(default_factory=list)  # (el, text|tail)
    langs: set[str | None] = field(default_factory=set)  # the lang of each part's element


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
    """One pass over the lxml tree, collecting blocks with their source positions."""

    def __init__(self, root: etree._Element, index: SourceIndex, known: set[str],
                 element_paths: bool = True) -> None:
        self.root = root
        self.element_paths = element_paths
        self.index = index
        self.known = known
        self.tree = root.getroottree()
        self.blocks: list[tuple[int, int, Block, tuple[tuple[etree._Element, str], ...]]] = []
        self.article_root = _article_root(root)
        # The last item of every breadcrumb trail entered so far (see _note_trail).
        self.crumb_ends: set[etree._Element] = set()
        self.headline_seen = False
        self.lede_seen = False
        self.gathered = Gathered()  # for the metadata
        self.paths: dict[etree._Element, str] = {}
        self.tag_contexts: dict[tuple[_Ctx, str], _Ctx] = {}  # see _enter
        # getpath walks the siblings of every ancestor: fine unless there are thousands.
        self.small = index.start_tags <= _SMALL_PAGE

    # -- walking ---------------------------------------------------------------------------

    def run(self) -> None:
        root = self.root
        self.index.align_element(root)
        # The root is never entered (its lang is the page's locale), but may be a trail.
        if _is_trail(set((root.get("class") or "").lower().split()), dict(root.items())):
            self._note_trail(root)
        self._children(root, _Ctx(zone="page"), None, 0)

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
        if tag in _GATHERED:
            self._gather(el, tag, attrs, inner)
        if attrs:
            self._attributes(el, tag, inner, position, attrs)
        # An inline element that starts a role of its own (span.credit) is a block of its own.
        inline = tag in _INLINE or (tag == "a" and inner.zone == "article" and inner.unit is None)
        if inline and inner.special is ctx.special:
            text = el.text
            if text:
                run = self._text(text, run, inner, el, "text", position)
            if len(el):
                run = self._children(el, inner, run, position)
            if tag == "time" and run is not None:
                run.times += len(collapse_space(el.text_content()))
            tail = el.tail
            return self._text(tail, run, ctx, el, "tail", position) if tail else run
        if run is not None and run.start is not None:
            self._flush(run)
        own: _Run | None = _Run(el, inner, [])
        text = el.text
        if text:
            own = self._text(text, own, inner, el, "text", position)
        if len(el):
            own = self._children(el, inner, own, position)
        if own is not None and own.start is not None:
            self._flush(own)
        parent_run = _Run(run.owner, run.ctx, []) if run is not None else None
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
                run.parts.append(text)
            return run
        start = self.index.align_text(text)
        if run is None:
            # Text directly in <body> or a container with no block owner of its own.
            parent = el.getparent()
            run = _Run(parent if parent is not None else el, ctx, [])
        if run.start is None:
            run.start = at if start is None else start
        run.parts.append(text)
        run.nodes.append((el, kind))
        run.langs.add(ctx.lang)
        return run

    def _skip(self, el: etree._Element) -> None:
        if el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            self.gathered.note_json_ld(el.text)
        self.index.skip_subtree(el)

    def _enter(self, el: etree._Element, tag: str, ctx: _Ctx, attrs: dict[str, str]) -> _Ctx:
        """The context inside ``el``, whose attributes are ``attrs``."""
        described = bool(attrs) and not attrs.keys().isdisjoint(_CONTEXT_ATTRIBUTES)
        if described or el is self.article_root or el in self.crumb_ends:
            return self._context(el, tag, ctx, attrs, described)
        # Otherwise only the tag can change the context, the same way every time.
        if tag not in _CONTEXT_TAGS:
            return ctx  # most elements
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
            value = attrs.get("class")
            classes = set(value.lower().split()) if value else set()
            if _is_trail(classes, attrs):
                self._note_trail(el)
        else:
            role, classes = "", set()
        zone, landmark, unit = ctx.zone, ctx.landmark, ctx.unit
        in_article_header = ctx.in_article_header
        own_landmark = _LANDMARK_TAGS.get(tag) or _LANDMARK_ROLES.get(role)
        is_article = (
            tag in ("article", "main")
            or role in _ARTICLE_ROLES
            or attrs.get("itemprop") == "articleBody"
            or el is self.article_root
        )
        if is_article and zone != "chrome":
            zone = "article"
        elif own_landmark is not None:
            if tag == "header" and zone == "article":
                in_article_header = True
            else:
                zone, landmark = "chrome", own_landmark
        if tag in ("button", "label") or role == "button":
            zone, unit = "chrome", ("button" if tag != "label" else "label")
        elif tag in _CHROME_UNITS and (ctx.zone != "article" or ctx.unit is not None):
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
        if el in self.crumb_ends:
            special = Role.SECTION
        else:
            special = _special_role(tag, classes, attrs) if described or tag == "address" else None
            special = ctx.special if special is None else special
        in_figcaption = ctx.in_figcaption or tag == "figcaption"
        lede_class = ctx.lede_class or not classes.isdisjoint(_LEDE_CLASSES)
        inner = _Ctx(zone, landmark, unit, translatable, lang, special, in_figcaption,
                     in_article_header, lede_class)
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
        for name, raw in attrs.items():
            key = name.lower()
            if key not in names:
                continue
            value = collapse_space(raw)
            if not value:
                continue
            context = self._attribute_context(tag, key, attrs)
            self._add(
                Role.CHROME, value, position, el, ctx, context=context, attribute=key,
                nodes=((el, name),),
            )

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

    def _gather(self, el: etree._Element, tag: str, attrs: dict[str, str], ctx: _Ctx) -> None:
        """Note a ``<time>`` for the metadata, and a ``<meta>`` or ``<title>`` outside the
        head: after a stray tag libxml2 moves the rest of the head into ``<body>``."""
        if tag == "time":
            self.gathered.note_time(attrs, ctx.zone == "article", ctx.special is Role.BYLINE)
        elif tag == "meta":
            self.gathered.note_meta(el)
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
                              _head_ctx(el), context="page title", nodes=((el, "text"),))
            elif tag == "meta":
                self.gathered.note_meta(el)
                key = (el.get("property") or el.get("name") or "").strip().lower()
                content = collapse_space(el.get("content") or "")
                if key in _META_CONTEXT and content:
                    self._add(Role.CHROME, content, position, el, _head_ctx(el),
                              context=_META_CONTEXT[key], attribute="content",
                              nodes=((el, "content"),))
            elif tag == "link" and "canonical" in (el.get("rel") or "").lower().split():
                self.gathered.canonical = el.get("href")

    # -- blocks ----------------------------------------------------------------------------

    def _flush(self, run: _Run | None) -> None:
        if run is None or run.start is None:
            return
        text = collapse_space("".join(run.parts))
        if not text:
            return
        ctx = run.ctx
        role, context = self._role(run, text)
        nodes = tuple(run.nodes)
        if len(run.langs) == 1 and None not in run.langs and ctx.lang is None:
            ctx = ctx._replace(lang=next(iter(run.langs)))  # all of it in one <span lang>
        if role is Role.DATELINE:
            self._add(Role.DATELINE, text, run.start, run.owner, ctx, context="dateline",
                      dateline=parse_dateline(text), nodes=nodes)
            return
        if role in (Role.LEDE, Role.PARAGRAPH):
            split = split_dateline(text)
            if split is not None:
                dateline, rest_at = split
                self._add(Role.DATELINE, dateline.raw, run.start, run.owner, ctx,
                          context="dateline", dateline=dateline, nodes=nodes)
                rest_start = self.index.advance(run.start, rest_at)
                self._add(role, text[rest_at:], rest_start, run.owner, ctx, context=context,
                          nodes=nodes)
                return
        self._add(role, text, run.start, run.owner, ctx, context=context, nodes=nodes)

    def _role(self, run: _Run, text: str) -> tuple[Role, str]:
        ctx = run.ctx
        if text in self.known:
            return Role.CHROME, ctx.landmark or ctx.unit or "page"
        if ctx.zone != "article":
            return self._chrome_role(ctx, text)
        tag = run.owner.tag.lower() if isinstance(run.owner.tag, str) else ""
        if ctx.special is Role.CREDIT or (ctx.in_figcaption and text.startswith("©")):
            return Role.CREDIT, "credit"
        if ctx.in_figcaption:
            return Role.CAPTION, "caption"
        if ctx.special in (Role.BYLINE, Role.DATELINE, Role.SECTION, Role.SITE, Role.TAGLINE):
            return ctx.special, str(ctx.special)  # type: ignore[return-value]
        if run.times and run.times >= len(text) - 2:
            return Role.BYLINE, "byline"
        if tag == "h1" and not self.headline_seen:
            self.headline_seen = True
            return Role.HEADLINE, "headline"
        if ctx.in_article_header and tag not in ("p", "h1"):
            counter = parse_counter(text)
            if counter is not None and count_words(text) <= 2:
                return Role.COUNTER, "counter"
        if parse_dateline(text) is not None:
            return Role.DATELINE, "dateline"
        wants_lede = ctx.lede_class or tag == "p"
        if wants_lede and not ctx.in_article_header and not self.lede_seen:
            self.lede_seen = True
            return Role.LEDE, "article"
        return Role.PARAGRAPH, "article"

    def _chrome_role(self, ctx: _Ctx, text: str) -> tuple[Role, str]:
        if ctx.special in (Role.SITE, Role.SECTION, Role.TAGLINE):
            return ctx.special, str(ctx.special)  # type: ignore[return-value]
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
    ) -> None:
        line, column = self.index.position(offset)
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

    def finish(
        self,
    ) -> tuple[tuple[Block, ...], tuple[tuple[tuple[etree._Element, str], ...], ...]]:
        """The blocks in source order (attribute blocks sit at their element's ``<``), and
        the tree nodes of each."""
        ordered = sorted(self.blocks)  # by offset, then order of finding (never a tie)
        return tuple(t[2] for t in ordered), tuple(t[3] for t in ordered)


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


def _article_root(root: etree._Element) -> etree._Element | None:
    """The element to treat as the article on pages without article/main markup."""
    if next(root.iter("article", "main"), None) is not None:
        return None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.get("role") or "").lower() in _ARTICLE_ROLES or el.get("itemprop") == "articleBody":
            return None
    scores: dict[etree._Element, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is None or _in_chrome(parent):
            continue
        scores[parent] = scores.get(parent, 0) + len(p.text_content())
    if not scores:
        return None
    return max(scores, key=lambda el: scores[el])


def _head_ctx(el: etree._Element) -> _Ctx:
    """The context of a ``<head>`` element's text: chrome, in the element's own ``lang``."""
    return _Ctx(zone="chrome", lang=(el.get("lang") or "").strip() or None)


def _in_chrome(el: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _LANDMARK_TAGS or (node.get("role") or "").lower() in _LANDMARK_ROLES:
            return True
        node = node.getparent()
    return False
