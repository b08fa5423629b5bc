"""The article's notes (footnotes, endnotes, references): the elements its note marks link
to. The author wrote them with the story, wherever the page puts them (a reference list at
the end of the article, a ``div.notes`` after the article's container, an ``aside``): the
HTML reader reads them as the article's text, each note whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from l10n.page import Zone
from l10n.prose import collapse_space
from l10n.readers.runs import Attr, Ctx, Run

__all__ = ["article_notes"]

# A note's mark that links to the note ("[12]", "(3)", "12", "a", "*", "[note 1]").
_NOTE_LINK = re.compile(r"[\[(]?(?:\d{1,3}|[^\W\d_]|note\s*\d{1,3}|[*†‡§¹²³⁰-⁹]+)[\])]?",
                        re.IGNORECASE)
# The most characters a note holds (a paragraph or two): an element holding more (the section
# a link leads to) is no note.
_NOTE_CHARS = 3000


def article_notes(pending: Sequence[Run | Attr], zones: Sequence[Zone | None],
                  links: dict[int, tuple[etree._Element, Ctx]],
                  tree: etree._ElementTree) -> dict[int, etree._Element]:
    """The runs (by index in ``pending``) that are in the article's notes, and the note each
    is in: an element of a paragraph or two that a note's mark in a run of the article (by
    ``zones``, the classifier's) links to, by its id (``#cite_note-6``, also after the page's
    own address). A link to an element holding the mark (the top of the page, the section it
    is in) marks no note. ``links`` are the walk's provisional links."""
    marks: dict[str, list[int]] = {}  # the id a mark links to → the runs holding one
    for k, item in enumerate(pending):
        if zones[k] is not Zone.ARTICLE or not isinstance(item, Run) or not item.link_chars:
            continue
        texts: dict[int, str] = {}
        for text, link, _ in item.parts:
            if link:
                texts[link] = texts.get(link, "") + text
        for link, text in texts.items():
            if _NOTE_LINK.fullmatch(text.strip()):
                fragment = (links[link][0].get("href") or "").partition("#")[2]
                if fragment:
                    marks.setdefault(fragment, []).append(k)
    if not marks:
        return {}
    notes = set()
    for el in tree.xpath("//*[@id]"):
        marking = marks.get(el.get("id"))
        if marking is None or any(el in pending[k].stack for k in marking):
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
