"""Mark up a rendered page for the overlay, with lxml and data attributes only.

The rendered HTML is read back with :func:`l10n.readers.html.read_html_document`, which gives
each block of the output with the tree nodes its text sits in. Every element holding a block
gets ``data-preview-notes``: a JSON list of notes (the catalog entry a translated text came
from, an untranslated text, an ``l10n check`` finding) and ``data-preview-state``
(``translated``/``untranslated``/``finding``) for the CSS. The notes are attribute values, so
lxml escapes them; the injected script reads them with ``JSON.parse`` and shows them with
``textContent`` only, so no text of a page or catalog is ever parsed as HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from l10n.check.finding import Finding
from l10n.preview.pseudo import pseudo_chars
from l10n.preview.site import Rendered
from l10n.readers.html import HtmlDocument, read_html_document
from l10n.render.localize import Piece
from l10n.render.translations import Translations

__all__ = ["Annotation", "annotate", "catalog_href", "inject", "serialize"]

NOTES = "data-preview-notes"
STATE = "data-preview-state"
ID = "data-preview-id"
_TAGS = re.compile(r"<[^<>]*>")
_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                   "\u2066\u2067\u2068\u2069"))


@dataclass
class Annotation:
    """The annotated tree and the notes the panel lists (findings, then untranslated)."""

    root: etree._Element
    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def findings(self) -> int:
        return sum(1 for _, note in self.items if note["type"] == "finding")

    @property
    def untranslated(self) -> int:
        return sum(1 for _, note in self.items if note["type"] == "untranslated")


def annotate(rendered: Rendered, label: str, catalogs: str) -> Annotation:
    """The rendered page with every block's notes on its element (see the module)."""
    document = read_html_document(rendered.html, label)
    _clean(document.root)
    pieces = _pieces(rendered.pieces)
    places: dict[tuple[int, int, str | None, str], list[Finding]] = {}
    for finding in rendered.findings:
        places.setdefault((finding.line, finding.column, finding.attribute, finding.text),
                          []).append(finding)
    marks: dict[etree._Element, list[dict[str, Any]]] = {}
    _place_inside(document, places)
    for index, block in enumerate(document.page.blocks):
        nodes = document.nodes[index]
        if not nodes:
            continue
        key = (block.line, block.column, block.attribute, block.text)
        notes = [_finding_note(f) for f in places.get(key, [])]
        piece = pieces.get(_normal(block.text))
        if piece is not None:
            notes.append(_piece_note(piece, block.attribute, rendered.translations, catalogs))
        if notes:
            marks.setdefault(_owner(nodes), []).extend(notes)
    if rendered.pseudo:
        _pseudo_numbers(document, rendered.numbers)
    return Annotation(document.root, _write(marks))


def _place_inside(document: HtmlDocument,
                  places: dict[tuple[int, int, str | None, str], list[Finding]]) -> None:
    """Re-key the findings placed at an element's tag rather than on a block (a ``<time>``:
    ``date-mismatch``) to the block holding their text: the one starting later on the tag's
    line (the element's own text), else the last one starting before the tag (a paragraph
    the element sits in)."""
    starts = {(b.line, b.column, b.attribute, b.text) for b in document.page.blocks}
    for key in [k for k in places if k not in starts and k[2] is None]:
        line, column, _, text = key
        holder = None
        for block in document.page.blocks:
            if block.attribute or text not in block.text:
                continue
            if (block.line, block.column) <= (line, column):
                holder = block
            elif block.line == line:
                holder = block
                break
            else:
                break
        if holder is not None:
            places.setdefault((holder.line, holder.column, None, holder.text),
                              []).extend(places.pop(key))


def _clean(root: etree._Element) -> None:
    """Drop what could steer the preview: ``<base>``, refresh and CSP ``meta``, and any
    ``data-preview-*`` attribute the page brought itself."""
    for element in list(root.iter("base", "meta")):
        equiv = (element.get("http-equiv") or "").lower()
        if element.tag == "base" or equiv in ("refresh", "content-security-policy"):
            element.getparent().remove(element)
    for element in root.iter():
        if isinstance(element.tag, str):
            for name in (NOTES, STATE, ID):
                element.attrib.pop(name, None)


def _normal(text: str) -> str:
    return " ".join(text.translate(_CONTROLS).split())


def _pieces(pieces: Iterable[Piece]) -> dict[str, Piece]:
    """Pieces with a catalog entry by the text they show (tags of markup dropped)."""
    found: dict[str, Piece] = {}
    for piece in pieces:
        if piece.entry is None:
            continue
        text = html.unescape(_TAGS.sub("", piece.text)) if piece.markup else piece.text
        found.setdefault(_normal(text), piece)
    return found


def _owner(nodes: Sequence[tuple[etree._Element, str]]) -> etree._Element:
    element, kind = nodes[0]
    if kind == "tail" and element.getparent() is not None:
        return element.getparent()
    return element


def catalog_href(path: str | None, line: int | None, catalogs: str) -> str | None:
    """``/catalog/<path inside the catalogs>#L<line>``, or None for a file outside them."""
    if not path:
        return None
    try:
        relative = Path(path).resolve().relative_to(Path(catalogs).resolve())
    except ValueError:
        return None
    return f"/catalog/{relative.as_posix()}" + (f"#L{line}" if line else "")


def _piece_note(piece: Piece, attribute: str | None, translations: Translations,
                catalogs: str) -> dict[str, Any]:
    assert piece.entry is not None
    domain, msgctxt, msgid = piece.entry
    where = translations.entry(domain, msgctxt, msgid)
    path, line = where if where is not None else (None, None)
    note: dict[str, Any] = {
        "type": "entry" if piece.translated else "untranslated",
        "domain": domain, "msgctxt": msgctxt, "msgid": msgid, "po": path, "line": line,
        "href": catalog_href(path, line, catalogs), "attribute": attribute,
    }
    if not piece.translated:
        note["text"] = piece.text
        note["reason"] = "no catalog entry" if where is None else "not translated in the catalog"
    return note


def _finding_note(finding: Finding) -> dict[str, Any]:
    return {
        "type": "finding", "kind": str(finding.kind), "severity": str(finding.severity),
        "evidence": str(finding.evidence), "message": finding.message, "text": finding.text,
        "detected": finding.detected, "attribute": finding.attribute,
    }


def _write(marks: dict[etree._Element, list[dict[str, Any]]]) -> list[tuple[str, dict]]:
    items = []
    for number, (element, notes) in enumerate(marks.items()):
        ident = str(number)
        element.set(ID, ident)
        element.set(NOTES, json.dumps(notes, ensure_ascii=False))
        states = {"translated" if n["type"] == "entry" else n["type"] for n in notes}
        element.set(STATE, " ".join(sorted(states)))
        items.extend((ident, n) for n in notes if n["type"] != "entry")
    items.sort(key=lambda item: item[1]["type"] != "finding")
    return items


def _pseudo_numbers(document: HtmlDocument, numbers: frozenset[str]) -> None:
    """Pseudo dates (``<time>`` text) and numbers (counters) of the pseudo-locale."""
    for element in document.root.iter("time"):
        for node in element.iter():
            if node.text:
                node.text = pseudo_chars(node.text)
            if node is not element and node.tail:
                node.tail = pseudo_chars(node.tail)
    counters = {_normal(n) for n in numbers}
    for index, block in enumerate(document.page.blocks):
        if _normal(block.text) not in counters:
            continue
        for element, kind in document.nodes[index]:
            if kind in ("text", "tail"):
                value = element.text if kind == "text" else element.tail
                if value:
                    setattr(element, kind, pseudo_chars(value))
            elif element.get(kind):
                element.set(kind, pseudo_chars(element.get(kind)))


def inject(root: etree._Element, bar: Sequence[etree._Element], *, overlay: bool) -> None:
    """Add the preview's stylesheet, script and toolbar elements to the page."""
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    etree.SubElement(head, "link", rel="stylesheet", href="/static/preview.css")
    etree.SubElement(head, "script", src="/static/preview.js", defer="defer")
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    for position, element in enumerate(bar):
        body.insert(position, element)
    if overlay:
        root.set("class", f"{root.get('class') or ''} l10n-preview-overlay".strip())


def serialize(root: etree._Element) -> str:
    return "<!DOCTYPE html>\n" + lxml.html.tostring(root, encoding="unicode", method="html")
