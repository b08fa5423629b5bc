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
  :func:`l10n.readers.lines.line_kind`); ``.byline``, ``[rel=author]``, ``[itemprop=author]``
  a byline; a lone ``<time>`` and a line that is only a date or a time a byline; ``p.dateline``
  and paragraphs that are only a dateline are datelines, and a paragraph opening with a
  dateline is split in two. A ``header`` inside the article belongs to the article; its
  ``footer``, ``nav``, ``aside`` and ``form`` are chrome.
* ``translate="no"`` and ``data-l10n-ignore`` mark blocks untranslatable (``translate="yes"``
  lifts it); the nearest ``lang`` attribute below ``<html>`` is the block's ``lang``.
* The walk gathers every ``<meta>`` (in the head or wherever libxml2 put it), JSON-LD,
  ``<title>``, ``link[rel=canonical]`` and ``time[datetime]``; :mod:`l10n.readers.metadata`
  makes the page's metadata of them, and its language declaration is the page locale.

The walk is :mod:`l10n.readers.walk`; what tags, classes and attributes mean,
:mod:`l10n.readers.vocabulary`; zones, roles and blocks after the walk,
:mod:`l10n.readers.blocks`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import lxml.html
from lxml import etree

from l10n.errors import InputError
from l10n.page import Format, Page
from l10n.prose import collapse_space
from l10n.readers.metadata import declared_locale, read_metadata
from l10n.readers.positions import SourceIndex
from l10n.readers.walk import Walker

__all__ = ["read_html_page"]

# lxml.html's classes chosen in C: lxml.html's own lookup is a Python call each time the
# reader touches an element anew, to give form controls classes of their own the reader
# never uses.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


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
        parser.set_element_class_lookup(_LOOKUP)
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not an HTML page: {exc}", path=path) from None
    index = SourceIndex(text)
    walker = Walker(root, index, {collapse_space(k) for k in known_chrome}, element_paths)
    try:
        walker.run()
    except RecursionError:  # the walk recurses once per level of nesting
        raise InputError(
            "elements nested too deeply to read", path=path, hint="flatten the markup"
        ) from None
    gathered = walker.gathered
    titles = (*([gathered.title] if gathered.title else []), *gathered.meta.get("og:title", ()))
    blocks, nodes = walker.finish(titles)
    meta = read_metadata(root, text, walker.gathered, blocks, nodes)
    page = Page(
        path=path,
        format=Format.HTML,
        locale=locale or declared_locale(meta),
        blocks=blocks,
        meta=meta,
    )
    return HtmlDocument(page=page, root=root, nodes=nodes)
