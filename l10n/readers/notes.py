"""The article's notes (footnotes, endnotes, references): the elements its note marks link
to. The author wrote them with the story, wherever the page puts them (a reference list at
the end of the article, a ``div.notes`` after the article's container): the
HTML reader reads them as the article's text, each note whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from l10n.page import Zone
from l10n.prose import collapse_space
from l10n.readers.markers import element_kind
from l10n.readers.runs import Attr, Ctx, Run
from l10n.readers.vocabulary import HEADINGS

__all__ = ["article_notes"]

# A note's mark that links to the note ("[12]", "(3)", "12", "a", "*", "[note 1]"); a bare
# number or letter is one only between brackets, set as a superscript or named a note by its
# markup (a comment count "3" is none).
_NOTE_LINK = re.compile(r"[\[(]?(?:\d{1,3}|[^\W\d_]|note\s*\d{1,3}|[*†‡§¹²³⁰-⁹]+)[\])]?",
                        re.IGNORECASE)
_MARKED = re.compile(r"[\[(].*[\])]|[*†‡§¹²³⁰-⁹]+")
# What a note never is: a page's furniture, a form, a section with headings of its own.
_NOT_NOTES = frozenset({"nav", "form", "header", "footer", "main", "body", "html", "aside"})
# The most characters a note holds (a paragraph or two): an element holding more (the section
# a link leads to) is no note.
_NOTE_CHARS = 3000


def article_notes(pending: Sequence[Run | Attr], zones: Sequence[Zone | None],
                  links: dict[int, tuple[etree._Element, Ctx]],
                  tree: etree._ElementTree) -> dict[int, etree._Element]:
    """The runs (by index in ``pending``) that are in the article's notes, and the note each
    is in: an element of a paragraph or two that a note's mark in a run of the article (by
    ``zones``, the classifier's) links to, by its id (``#cite_note-6``, or an address ending
    in one: saved pages link to their own address). Neither furniture (a named box, a
    landmark, a form) nor a section with headings of its own is a note. A link to an element
    holding the mark (the top of the page, the section it is in) marks no note. ``links``
    are the walk's provisional links."""
    marks: dict[str, list[int]] = {}  # the id a mark links to → the runs holding one
    for k, item in enumerate(pending):
        if zones[k] is not Zone.ARTICLE or not isinstance(item, Run) or not item.link_chars:
            continue
        texts: dict[int, str] = {}
        bracketed: set[int] = set()  # links between "[" and "]" ("[<a>4</a>]")
        parts = item.parts
        for n, (text, link, _) in enumerate(parts):
            if link:
                texts[link] = texts.get(link, "") + text
                if n and n + 1 < len(parts) and parts[n - 1][0].rstrip().endswith("[") \
                        and parts[n + 1][0].lstrip().startswith("]"):
                    bracketed.add(link)
        for link, text in texts.items():
            mark = text.strip()
            anchor = links[link][0]
            if _NOTE_LINK.fullmatch(mark) and (
                    _MARKED.fullmatch(mark) or link in bracketed or _note_markup(anchor)):
                fragment = (anchor.get("href") or "").partition("#")[2]
                if fragment:
                    marks.setdefault(fragment, []).append(k)
    if not marks:
        return {}
    notes = set()
    for el in tree.xpath("//*[@id]"):
        marking = marks.get(el.get("id"))
        if marking is None or any(el in pending[k].stack for k in marking) \
                or el.tag in _NOT_NOTES or element_kind(el) is not None \
                or next(el.iter(*HEADINGS, "form", "input"), None) is not None:
            continue
        chars = len(collapse_space(el.text_content()))
        if 0 < chars <= _NOTE_CHARS:
            notes.add(el)
    out = {}
    if notes:
        for k, item in enumerate(pending):
            note = next((el for el in item.stack if el in notes), None)
            if note is not None:
                out[k] = note
    return out


def _note_markup(anchor: etree._Element) -> bool:
    """Whether a link's markup makes it a note's mark: set as a superscript (in a ``sup``, or
    holding one), or named one (``role="doc-noteref"``, ``rel="footnote"``, a class with
    "note" in it: ``footnote-ref``, ``spip_note``)."""
    parent = anchor.getparent()
    if (parent is not None and parent.tag == "sup") or next(anchor.iter("sup"), None) \
            is not None:
        return True
    rel = (anchor.get("rel") or "").lower().split()
    return anchor.get("role") == "doc-noteref" or "footnote" in rel or "appendix" in rel \
        or "note" in (anchor.get("class") or "").lower()
