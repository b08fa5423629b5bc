"""The HTML reader's walk: one pass over the lxml tree that gathers runs of text with their
source positions and contexts (landmarks, controls, names, ``lang``, ``translate``), the
attributes read as blocks, and what the metadata needs (:class:`Gathered`)."""

from __future__ import annotations

import re

from lxml import etree

from l10n.page import Role, Zone
from l10n.prose import collapse_space
from l10n.readers.blocks import BlockMaker
from l10n.readers.gathered import Gathered
from l10n.readers.positions import SourceIndex
from l10n.readers.runs import Attr, Ctx, Run, head_ctx, visible
from l10n.readers.vocabulary import (
    BUTTON_ATTRIBUTES,
    BUTTON_INPUTS,
    CHROME_ATTRIBUTES,
    CHROME_UNITS,
    CONTEXT_ATTRIBUTES,
    CONTEXT_BUT_CLASS,
    CONTEXT_TAGS,
    HEADINGS,
    ICON_TAGS,
    INLINE,
    KIND,
    LANDMARK_ROLES,
    LANDMARK_TAGS,
    META_CONTEXT,
    NAMED_ONLY,
    NEVER_TEXT,
    NO_CLASS,
    NO_SEGMENT,
    RUBY_ANNOTATIONS,
    SEMANTIC_ROLES,
    class_facts,
    hides,
    icon_ligature,
    is_trail,
    names_a_control,
    names_its_file,
    robot_trap,
    segment_kind,
    special_role,
)

__all__ = ["Walker"]

# A placeholder that is all its element holds: the slot a script fills ("<span>%d</span>").
_LONE_PLACEHOLDER = re.compile(r"\s*(?:%(?:\d\$)?[sd]|\{\{?\s*[\w.]+\s*\}?\}|\$\{[\w.]+\})\s*")
_GATHERED = frozenset({"time", "meta", "title", "link"})  # noted for the metadata (_gather)
# Tags _enter must see even without attributes (the others leave the context as it is).
_ENTERED = CONTEXT_TAGS | {"article", "main"}


class Walker(BlockMaker):
    """One pass over the lxml tree, collecting runs of text with their source positions; then
    (:class:`~l10n.readers.blocks.BlockMaker`) the zones, the roles, and the blocks."""

    def __init__(self, root: etree._Element, index: SourceIndex, known: set[str],
                 element_paths: bool = True) -> None:
        super().__init__(root, index, known, element_paths)
        self.root = root
        self.stack: list[etree._Element] = []
        self.link = 0  # the provisional link the walk is in (0: none)
        self.gathered = Gathered()  # for the metadata
        self.tag_contexts: dict[tuple[Ctx, str], Ctx] = {}  # see _enter
        self.blank: set[etree._Element] = set()  # see _blank_in_line

    # -- walking ---------------------------------------------------------------------------

    def run(self) -> None:
        root = self.root
        self.index.align_element(root)
        # The root is never entered (its lang is the page's locale), but may be a trail.
        if is_trail(set((root.get("class") or "").lower().split()), dict(root.items())):
            self._note_trail(root)
        self.stack.append(root)
        self._children(root, Ctx(zone="body"), None, 0)

    def _children(
        self, el: etree._Element, ctx: Ctx, run: Run | None, at: int
    ) -> Run | None:
        """Visit the children of ``el``, which starts at offset ``at``."""
        node = self._node
        for child in el:
            run = node(child, ctx, run, at)
        return run

    def _node(
        self, el: etree._Element, ctx: Ctx, run: Run | None, parent_at: int
    ) -> Run | None:
        """Visit ``el`` inside an open ``run``; returns the run its tail continues.
        ``parent_at`` is the offset of ``el``'s parent."""
        tag = el.tag
        if not isinstance(tag, str):  # comments, processing instructions
            tail = el.tail
            return self._text(tail, run, ctx, el, "tail", parent_at) if tail else run
        tag = tag.lower()
        position = self.index.align_tag(tag, el.sourceline)
        if tag in NEVER_TEXT:
            self._skip(el)
            return self._text(el.tail, run, ctx, el, "tail", position)
        if tag in RUBY_ANNOTATIONS:
            self.index.skip_subtree(el)
            return self._text(el.tail, run, ctx, el, "tail", position)
        if tag == "head":
            self._head(el)
            return run
        items = el.items()
        if items:
            # One dict read instead of an el.get per rule; libxml2 drops repeated attributes.
            attrs = dict(items)
            inner = self._enter(el, tag, ctx, attrs)
        elif tag in _ENTERED or el in self.crumb_ends:
            attrs = {}
            inner = self._enter(el, tag, ctx, attrs)
        else:  # most elements: nothing about them changes the context (see _enter)
            attrs = {}
            inner = ctx
        stack = self.stack
        if inner.hidden and not ctx.hidden and self._in_form() and robot_trap(el, attrs):
            self._skip(el)  # a honeypot in a form: shown to no one
            return self._text(el.tail, run, ctx, el, "tail", position)
        stack.append(el)
        if tag in _GATHERED:
            self._gather(el, tag, attrs, inner, position)
        # Most elements have none of the attributes read (libxml2 gives names in lower case).
        if attrs and not BUTTON_ATTRIBUTES.isdisjoint(attrs):
            self._attributes(el, tag, inner, position, attrs)
        if tag in NAMED_ONLY or (tag in ICON_TAGS and attrs and icon_ligature(el, attrs)):
            self._named_only(el, tag, inner, position)
            stack.pop()
            return self._text(el.tail, run, ctx, el, "tail", position)
        # An inline element that starts a role of its own (span.credit) is a block of its own;
        # a link in body text flows into its sentence until the sentence's zone is known.
        link = tag == "a" and inner.zone == "body" and inner.unit is None
        inline = tag in INLINE or link
        blank = not inline and run is not None and run.start is not None \
            and self._blank_in_line(el, stack)
        inline = inline or blank
        if inline and inner.special is ctx.special:
            outer_link = self.link
            if blank and run is not None:
                run.parts.append((" ", outer_link, -1))  # a line break, as a browser shows it
            if link:
                self.link = len(self.links) + 1
                self.links[self.link] = (el, inner._replace(unit="link"))
            first = len(run.nodes) if run is not None else 0
            text = el.text
            children = len(el)
            if text:
                run = self._text(text, run, inner, el, "text", position)
                if run is not None and not children and _LONE_PLACEHOLDER.fullmatch(text):
                    run.scripted = True
            if children:
                run = self._children(el, inner, run, position)
            self.link = outer_link
            if run is not None and len(run.nodes) > first and tag not in NO_SEGMENT:
                run.segments.append((first, len(run.nodes), segment_kind(tag, attrs)))
            if tag == "time" and run is not None:
                run.times += len(collapse_space(el.text_content()))
            stack.pop()
            tail = el.tail
            if not tail:
                return run
            if tail.isspace():  # as _text does it, without the call
                if run is not None:
                    run.parts.append((tail, outer_link, -1))
                return run
            return self._text(tail, run, ctx, el, "tail", position)
        if run is not None and run.start is not None:
            self._flush(run)
        text = el.text
        children = len(el)
        if text or children:  # else its run would stay empty
            own: Run | None = Run(el, inner)
            if text:
                own = self._text(text, own, inner, el, "text", position)
            if children:
                own = self._children(el, inner, own, position)
            if own is not None and own.start is not None:
                self._flush(own)
        stack.pop()
        parent_run = Run(run.owner, run.ctx) if run is not None else None
        tail = el.tail
        if not tail:
            return parent_run
        if tail.isspace():  # as _text does it, without the call
            if parent_run is not None:
                parent_run.parts.append((tail, self.link, -1))
            return parent_run
        return self._text(tail, parent_run, ctx, el, "tail", position)

    def _blank_in_line(self, el: etree._Element, stack: list[etree._Element]) -> bool:
        """Whether ``el``, a block element met inside a sentence, shows no text and sits in an
        inline element (or in such a blank block): a widget a browser extension or a script
        put into the sentence (a site-rating shield after a link), which cuts it no more than
        an image would. (``stack`` ends with ``el``.)"""
        parent = stack[-2] if len(stack) > 1 else None
        if parent is None or not (parent.tag in INLINE or parent.tag == "a"
                                  or parent in self.blank):
            return False
        if any(text.strip() for text in el.itertext()):
            return False
        self.blank.add(el)
        return True

    def _text(
        self,
        text: str | None,
        run: Run | None,
        ctx: Ctx,
        el: etree._Element,
        kind: str,
        at: int,
    ) -> Run | None:
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
            run = Run(parent if parent is not None else el, ctx)
        place = at if start is None else start
        if run.start is None:
            run.start = place
        run.parts.append((text, self.link, len(run.nodes)))
        run.nodes.append((el, kind))
        run.starts.append(place)
        run.langs.add(ctx.lang)
        if self.link:
            run.link_chars += visible(text)
            run.link_words += len(text.split())
        return run

    def _in_form(self) -> bool:
        return any(el.tag == "form" for el in self.stack)

    def _skip(self, el: etree._Element) -> None:
        if el.tag == "script":
            kind = (el.get("type") or "").lower()
            if kind == "application/ld+json":
                self.gathered.note_json_ld(el.text)
            elif el.text:
                self.scripts.append(el.text)
        self.index.skip_subtree(el)

    def _named_only(self, el: etree._Element, tag: str, ctx: Ctx, position: int) -> None:
        """An embed or graphic: its attributes were read; an svg's ``<title>`` is its name
        too. Its content is no text."""
        if tag == "svg":
            for child in el.iter():
                name = child.tag if isinstance(child.tag, str) else ""
                if name.rsplit("}", 1)[-1].lower() == "title":
                    text = collapse_space(child.text or "")
                    if text:
                        at = self.index.align_text(child.text or "")
                        self.pending.append(Attr(child, ctx, text,
                                                  position if at is None else at,
                                                  "image title", "", (*self.stack, child)))
        self.index.skip_subtree(el)

    def _enter(self, el: etree._Element, tag: str, ctx: Ctx, attrs: dict[str, str]) -> Ctx:
        """The context inside ``el``, whose attributes are ``attrs``."""
        described = bool(attrs) and not attrs.keys().isdisjoint(CONTEXT_ATTRIBUTES)
        if tag in ("article", "main") or (described and (
                (attrs.get("role") or "").lower() in SEMANTIC_ROLES
                or attrs.get("itemprop") == "articleBody")):
            self.semantic.append(el)
        if described:
            # A class alone changes nothing unless it names a role, a lede, a trail or hiding
            # (most elements with a context attribute: worked out once per class value).
            if (tag not in CONTEXT_TAGS and class_facts(attrs.get("class")).neutral
                    and CONTEXT_BUT_CLASS.isdisjoint(attrs) and el not in self.crumb_ends):
                return ctx
            return self._context(el, tag, ctx, attrs, described)
        if el in self.crumb_ends:
            return self._context(el, tag, ctx, attrs, described)
        # Otherwise only the tag can change the context, the same way every time (a landmark
        # names itself in it: worked out each time).
        if tag not in CONTEXT_TAGS:
            return ctx  # most elements
        if tag in LANDMARK_TAGS:
            return self._context(el, tag, ctx, attrs, described)
        inner = self.tag_contexts.get((ctx, tag))
        if inner is None:
            inner = self.tag_contexts[ctx, tag] = self._context(el, tag, ctx, attrs, described)
        return inner

    def _context(
        self, el: etree._Element, tag: str, ctx: Ctx, attrs: dict[str, str], described: bool
    ) -> Ctx:
        """:meth:`_enter` worked out; ``described``: ``attrs`` has a context attribute."""
        if described:
            role = (attrs.get("role") or "").strip().lower()
            facts = class_facts(attrs.get("class"))
            classes = facts.classes
            if facts.trail or (attrs.get("itemtype") or "").endswith("BreadcrumbList"):
                self._note_trail(el)  # is_trail(classes, attrs)
        else:
            role, facts, classes = "", NO_CLASS, NO_CLASS.classes
        zone, landmark, landmark_el, unit = ctx.zone, ctx.landmark, ctx.landmark_el, ctx.unit
        own_landmark = LANDMARK_TAGS.get(tag) or LANDMARK_ROLES.get(role)
        if own_landmark is not None:
            landmark, landmark_el = own_landmark, el
        if tag in ("button", "label") or role == "button":
            zone, unit = "chrome", ("button" if tag != "label" else "label")
        elif tag in CHROME_UNITS and (ctx.zone == "chrome" or ctx.unit is not None):
            unit = KIND.get(tag, tag)
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
            special = special_role(tag, classes, attrs)
            special = ctx.special if special is None else special
        else:  # the classes alone decide (special_role of them)
            special = ctx.special if facts.special is None else facts.special
        in_figcaption = ctx.in_figcaption or tag == "figcaption" or (
            facts.caption and tag not in HEADINGS)
        lede_class = ctx.lede_class or facts.lede
        hidden = ctx.hidden or facts.hidden or (described and hides(attrs, classes))
        inner = Ctx(zone, landmark, landmark_el, unit, translatable, lang, special,
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
        self, el: etree._Element, tag: str, ctx: Ctx, position: int, attrs: dict[str, str]
    ) -> None:
        button = tag == "button" or (
            tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUTS
        )
        names = BUTTON_ATTRIBUTES if button else CHROME_ATTRIBUTES
        control = None
        for name, raw in attrs.items():
            key = name.lower()
            if key not in names:
                continue
            value = collapse_space(raw)
            if not value or (key in ("alt", "title") and names_its_file(value, attrs)):
                continue
            if control is None:
                control = names_a_control(el, tag, attrs, bool(self.link))
            context = self._attribute_context(tag, key, attrs)
            self.pending.append(Attr(el, ctx, value, position, context, key,
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
        kind = kind or KIND.get(tag) or (role or tag)
        return f"{kind} {name}"

    def _gather(self, el: etree._Element, tag: str, attrs: dict[str, str], ctx: Ctx,
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
        # In document order, never inside a skipped element: its subtree is consumed whole
        # (nested ones, which libxml2 keeps in the head, would otherwise be consumed again
        # and again: quadratic).
        stack = [head]
        while stack:
            el = stack.pop()
            if not isinstance(el.tag, str):
                continue
            position = self.index.align_element(el)
            tag = el.tag.lower()
            if tag in NEVER_TEXT:
                self._skip(el)
                continue
            stack.extend(reversed(el))
            if tag == "title":
                text = collapse_space(el.text or "")
                start = self.index.align_text(el.text or "")
                if text:
                    self.gathered.title = text
                    self._add(Role.CHROME, text, position if start is None else start, el,
                              head_ctx(el), context="page title", nodes=((el, "text"),),
                              zone=Zone.CHROME)
            elif tag == "meta":
                self.gathered.note_meta(el)
                key = (el.get("property") or el.get("name") or "").strip().lower()
                content = collapse_space(el.get("content") or "")
                if key in META_CONTEXT and content:
                    self._add(Role.CHROME, content, position, el, head_ctx(el),
                              context=META_CONTEXT[key], attribute="content",
                              nodes=((el, "content"),), zone=Zone.CHROME)
            elif tag == "link" and "canonical" in (el.get("rel") or "").lower().split():
                self.gathered.canonical = el.get("href")
            elif tag == "link":
                self.gathered.note_link(el)

    def _flush(self, run: Run | None) -> None:
        """Keep a finished run (its zone and role are decided in :meth:`finish`)."""
        if run is None or run.start is None:
            return
        stack = self.stack
        owner = run.owner
        # A block child flushes its parent's run after entering: the run's stack ends at its
        # owner, not at the child (nor at the inline elements the child sits in: a ``div``
        # inside a ``cite`` inside a ``span`` of a list item).
        for k in range(len(stack) - 1, -1, -1):
            if stack[k] is owner:
                run.stack = tuple(stack[:k + 1])
                break
        else:
            run.stack = (*stack, owner)
        self.pending.append(run)
