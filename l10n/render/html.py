"""Render an HTML source page into a locale, keeping its own markup.

The page is read into its tree (:func:`l10n.readers.html.read_html_document`); only the tree
nodes a block's text came from are rewritten, so every element, class and script of the source
survives. Text is set as text (lxml escapes it on output); a translation is used as markup only
when :func:`~l10n.render.markup.markup_allowed` says so, after sanitizing. ``<html lang dir>``
is set, ``hreflang`` alternates are written for every rendered locale, datelines are re-built
in the house style and ``time`` elements get localized text.
"""

from __future__ import annotations

from collections.abc import Sequence

import lxml.html
from lxml import etree

from l10n.locales import bcp47, direction
from l10n.page import Block, Role
from l10n.readers.html import HtmlDocument
from l10n.readers.vocabulary import RUBY_ANNOTATIONS
from l10n.render.localize import Localizer, Piece
from l10n.render.markup import sanitize_fragment

__all__ = ["render_html"]

_INLINE_REMOVABLE = frozenset({"a", "b", "i", "em", "strong", "span", "small", "abbr", "mark",
                               "u", "s", "q", "cite", "code", "sup", "sub", "bdi", "time",
                               "ruby", "rb"})


def render_html(
    document: HtmlDocument,
    localizer: Localizer,
    *,
    alternates: Sequence[tuple[str, str]] = (),
) -> str:
    """The page in ``localizer``'s locale as an HTML string.

    ``alternates`` are (BCP 47 tag, href) pairs for ``<link rel=alternate hreflang>``.
    """
    blocks = document.page.blocks
    done: set[int] = set()
    for index, block in enumerate(blocks):
        if index in done:
            continue
        nodes = document.nodes[index]
        if not nodes:
            continue
        if block.role is Role.DATELINE:
            rest = index + 1 if index + 1 < len(blocks) and document.nodes[index + 1] == nodes \
                else None
            _dateline(block, nodes, localizer, blocks[rest] if rest is not None else None)
            if rest is not None:
                done.add(rest)
            continue
        if _is_time(nodes):
            continue  # a publication time: localized by _localize_times
        piece = localizer.piece(block)
        if piece is None:
            continue
        if block.attribute:
            _set_attribute(nodes[0], piece)
        else:
            _set_text(nodes, piece)
    _localize_times(document.root, localizer)
    _set_language(document.root, localizer.locale)
    _set_alternates(document.root, alternates)
    return _serialize(document.root)


def _is_time(nodes: Sequence[tuple[etree._Element, str]]) -> bool:
    return len(nodes) == 1 and nodes[0][1] == "text" and nodes[0][0].tag == "time" \
        and "T" in (nodes[0][0].get("datetime") or "")


def _set_attribute(node: tuple[etree._Element, str], piece: Piece) -> None:
    element, attribute = node
    if attribute == "text":  # <title>
        element.text = piece.text
        return
    element.set(attribute, piece.text)
    if piece.lang and not "".join(element.itertext()).strip():
        element.set("lang", piece.lang)


def _set_text(nodes: Sequence[tuple[etree._Element, str]], piece: Piece) -> None:
    """Put the piece where the block's text was: the first fragment gets it, the others are
    emptied, and inline elements left empty are dropped."""
    first, kind = nodes[0]
    owner = first if kind == "text" else first.getparent()
    original = _get(first, kind) or ""
    lead = original[: len(original) - len(original.lstrip())]
    trail_node, trail_kind = nodes[-1]
    trailing = _get(trail_node, trail_kind) or ""
    trail = trailing[len(trailing.rstrip()):]
    for element, which in nodes[1:]:
        _put(element, which, "")
    if len(nodes) > 1 and kind == "text" and first.tag in _INLINE_REMOVABLE:
        # The text starts inside <b>/<a>…: put the translation before that element instead.
        first, kind = _slot_before(first)
        while kind == "text" and first.tag in ("ruby", "rb"):  # out of the ruby: no base
            first, kind = _slot_before(first)
        nodes = [(nodes[0][0], "text"), *nodes[1:]]
        _put(nodes[0][0], "text", "")
        lead = (_get(first, kind) or "") + lead
    if piece.markup:
        _put(first, kind, lead)
        _insert_markup(first, kind, piece.text, trail)
    else:
        _put(first, kind, lead + piece.text + (trail if len(nodes) == 1 else ""))
        if len(nodes) > 1:
            _put(trail_node, trail_kind, trail)
    _drop_readings(nodes)
    _drop_empty_inline([n for n in nodes if n[0] is not first])
    if piece.lang and owner is not None:
        _mark(owner, nodes, piece.lang, piece.dir)


def _slot_before(element: etree._Element) -> tuple[etree._Element, str]:
    """The text slot just before ``element``: its previous sibling's tail or its parent's
    text."""
    previous = element.getprevious()
    if previous is not None:
        return previous, "tail"
    parent = element.getparent()
    return (parent, "text") if parent is not None else (element, "text")


def _mark(owner: etree._Element, nodes: Sequence[tuple[etree._Element, str]], lang: str,
          dir_: str | None) -> None:
    """Mark kept source text with its language (and direction, against a right-to-left page):
    on the owner when the text is all it holds, else in a ``<span lang>`` around the text."""
    element, kind = nodes[0]
    if kind == "text" and element is owner and not len(owner):
        owner.set("lang", lang)
        if dir_:
            owner.set("dir", dir_)
        return
    text = _get(element, kind) or ""
    if not text.strip():
        return
    span = etree.Element("span", lang=lang)
    if dir_:
        span.set("dir", dir_)
    span.text = text.strip()
    stripped_lead = text[: len(text) - len(text.lstrip())]
    stripped_trail = text[len(text.rstrip()):]
    span.tail = stripped_trail
    if kind == "text":
        element.text = stripped_lead
        element.insert(0, span)
    else:
        parent = element.getparent()
        element.tail = stripped_lead
        if parent is not None:
            parent.insert(parent.index(element) + 1, span)


def _insert_markup(element: etree._Element, kind: str, markup: str, trail: str) -> None:
    fragment = lxml.html.fragment_fromstring(markup, create_parent="span")
    sanitize_fragment(fragment)
    children = list(fragment)
    text = fragment.text or ""
    if kind == "text":
        element.text = (element.text or "") + text
        for position, child in enumerate(children):
            element.insert(position, child)
        if children:
            children[-1].tail = (children[-1].tail or "") + trail
        else:
            element.text += trail
    else:
        parent = element.getparent()
        element.tail = (element.tail or "") + text
        if parent is not None:
            at = parent.index(element) + 1
            for offset, child in enumerate(children):
                parent.insert(at + offset, child)
            if children:
                children[-1].tail = (children[-1].tail or "") + trail
            else:
                element.tail += trail


def _drop_empty_inline(nodes: Sequence[tuple[etree._Element, str]]) -> None:
    for element, kind in nodes:
        if kind != "text" or not isinstance(element.tag, str):
            continue
        if element.tag in _INLINE_REMOVABLE and not len(element) and not (element.text or ""):
            parent = element.getparent()
            if parent is not None:
                element.drop_tree()


def _drop_readings(nodes: Sequence[tuple[etree._Element, str]]) -> None:
    """Drop the readings (``rt``, ``rp``, ``rtc``) of every ruby the replaced text was in:
    they spell the source's words, and would float over the translation; a ruby left with no
    text at all goes too."""
    rubies: dict[etree._Element, None] = {}  # each ruby once
    for element, _ in nodes:
        if element.tag == "ruby":
            rubies[element] = None
        rubies.update(dict.fromkeys(element.iterancestors("ruby")))
    for ruby in rubies:
        for child in list(ruby):
            if child.tag in RUBY_ANNOTATIONS:
                child.drop_tree()
        if ruby.getparent() is not None and not "".join(ruby.itertext()).strip():
            ruby.drop_tree()


def _get(element: etree._Element, kind: str) -> str | None:
    return element.text if kind == "text" else element.tail


def _put(element: etree._Element, kind: str, value: str) -> None:
    if kind == "text":
        element.text = value
    else:
        element.tail = value


def _dateline(block: Block, nodes: Sequence[tuple[etree._Element, str]], localizer: Localizer,
              rest: Block | None) -> None:
    """Re-write a dateline (and the sentence it opens) in the house style."""
    from l10n.dateline_styles import format_dateline_html

    formatted = localizer.dateline(block)
    if formatted is None:
        return
    owner = nodes[0][0] if nodes[0][1] == "text" else nodes[0][0].getparent()
    if owner is None:
        return
    tail = owner.tail
    rest_piece = localizer.piece(rest) if rest is not None else None
    inline = rest is not None
    markup = format_dateline_html(formatted, element="span" if inline else "p",  # type: ignore[arg-type]
                                  latin_lang=localizer.latin_lang)
    for child in list(owner):
        owner.remove(child)
    owner.text = None
    if not inline:
        replacement = lxml.html.fragment_fromstring(markup) if markup else None
        if replacement is None:
            return
        classes = (owner.get("class") or "").split()
        owner.set("class", " ".join([*classes, "dateline"]) if "dateline" not in classes
                  else " ".join(classes))
        owner.text = replacement.text
        for child in replacement:
            owner.append(child)
        owner.tail = tail
        return
    if markup:
        span = lxml.html.fragment_fromstring(markup)
        owner.append(span)
        span.tail = formatted.separator  # type: ignore[attr-defined]
    if rest_piece is not None:
        if rest_piece.lang:
            holder = etree.SubElement(owner, "span", lang=rest_piece.lang)
            holder.text = rest_piece.text
        elif len(owner):
            last = owner[-1]
            last.tail = (last.tail or "") + rest_piece.text
        else:
            owner.text = rest_piece.text
    owner.tail = tail


def _localize_times(root: etree._Element, localizer: Localizer) -> None:
    """Give ``time[datetime]`` elements with a full date and time localized text."""
    from datetime import datetime

    for element in root.iter("time"):
        value = element.get("datetime") or ""
        if "T" not in value or (element.get("class") or "") == "dateline":
            continue
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            continue
        localized = localizer.publication(moment)
        if localized is None:
            continue
        for child in list(element):
            element.remove(child)
        element.text = localized[1]


def _set_language(root: etree._Element, locale: str) -> None:
    root.set("lang", bcp47(locale))
    root.set("dir", direction(locale))


def _set_alternates(root: etree._Element, alternates: Sequence[tuple[str, str]]) -> None:
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    for link in list(head.iter("link")):
        if "alternate" in (link.get("rel") or "").split() and link.get("hreflang"):
            link.getparent().remove(link)
    for tag, href in alternates:
        link = etree.SubElement(head, "link", rel="alternate", hreflang=tag, href=href)
        link.tail = "\n"


def _serialize(root: etree._Element) -> str:
    body = lxml.html.tostring(root, encoding="unicode", method="html")
    return "<!DOCTYPE html>\n" + body + "\n"
