"""What the boilerplate classifier knows of one run of text (:class:`RunFacts`), and the
thresholds its steps share: the container scoring (:mod:`l10n.readers.zones`) and the story's
own structures (:mod:`l10n.readers.story`)."""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

__all__ = ["FRAME_SHARE", "LINK_RUN", "MIN_CHARS", "PROSE_CHARS", "RunFacts", "link_made",
           "prose_paragraph"]

# A run of fewer characters scores nothing (Readability's threshold).
MIN_CHARS = 25
# A sentence this long, without links, is prose: the container holding it is no link box.
PROSE_CHARS = 100
# Link text above this share of a run makes it a link, not prose.
LINK_RUN = 0.6
# A furniture name on a container holding this share of the page's prose names a frame,
# not furniture; an element holding this share of the story's paragraphs is its body.
FRAME_SHARE = 0.5


class RunFacts(NamedTuple):
    """What the classifier needs of one run of text: the elements from the root down to the
    element that owns the run (its block), its length, how much of it is link text, its
    commas and words, whether its owner is a heading, the words of its link text, and whether
    its markup names what it is (a byline, a credit: then its links are part of it)."""

    stack: tuple[etree._Element, ...]
    chars: int
    link_chars: int
    commas: int
    words: int
    heading: bool
    link_words: int = 0
    named: bool = False
    chrome: bool = False  # in a landmark or a control: never the article
    ends_sentence: bool = False  # ends with a full stop or an exclamation mark
    ends_colon: bool = False  # ends with a colon: it introduces what follows
    in_page: bool = False  # its links all lead to places on this page (``#...``)
    ends_question: bool = False  # ends with a question mark ("Schon gelesen?")
    anchored: bool = False  # a heading linking to its own section or back to the contents
    opens_link: bool = False  # its text starts in a link (a teaser's headline, then its date)


def link_made(run: RunFacts) -> bool:
    """Whether a run is made mostly of link text (a link line, a teaser's headline)."""
    return run.chars > 0 and run.link_chars >= LINK_RUN * run.chars


def prose_paragraph(run: RunFacts) -> bool:
    """Whether a run is a paragraph of prose: a sentence of ``PROSE_CHARS`` or more, not made
    of links."""
    return run.ends_sentence and run.chars >= PROSE_CHARS and not link_made(run)
