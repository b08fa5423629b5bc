"""What a run's markup and words say of the story's head, for the HTML reader's roles
(:mod:`l10n.readers.blocks`): an ``h1`` (or what stands for one), a ``header`` that is the
story's and not the site's masthead, a heading that repeats the headline of the page's own
title, and a standfirst or a byline that its class names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from l10n.readers.runs import Run, owner_tag
from l10n.readers.titles import title_parts
from l10n.readers.vocabulary import HEADINGS

__all__ = ["is_h1", "names_byline", "names_standfirst", "names_title_tail", "repeats_title",
           "story_header"]

_TITLE_WORDS = 3  # a headline repeating the page's title: a site's name is shorter
_TITLE_SHARE = 0.8  # of the title's headline part a heading repeating it holds
_WORDS = re.compile(r"[^\W_]+")
# Words of class names that name a standfirst (English; Spanish, French, Italian, German,
# Czech, Scandinavian, Finnish, Dutch newsrooms'), and what separates the words of a class name.
_STANDFIRST_PARTS = frozenset({
    "lede", "lead", "standfirst", "intro", "summary", "excerpt", "subtitle", "subheadline",
    "subhead", "dek", "deck", "abstract", "bajada", "entradilla", "chapo", "chapeau", "sommario",
    "vorspann", "teasertext", "perex", "ingress", "ingressi", "manchet", "inleiding"})
_CLASS_PARTS = re.compile(r"[\s_-]+")
# A class naming a byline as its last part ("article-byline", "c-meta__byline",
# "duet--article--article-byline"): the text it holds is the byline, however long (the
# author's line and the sentence about them).
_NAMED_BYLINE = re.compile(r"[-_]byline$")
# A state ("story--no-byline", "has-byline") says what an element has, not what it is.
_STATE = re.compile(r"^(?:has|no|with|without|show|hide|is)-")
_BEM_PARTS = re.compile(r"--|__")


def is_h1(run: Run) -> bool:
    """Whether a run is an ``h1``'s text, a heading's right inside one
    (``<h1><h2>Title</h2></h1>``), or an element microdata calls the headline."""
    if owner_tag(run) == "h1" or run.owner.get("itemprop") == "headline":
        return True
    parent = run.owner.getparent()
    return parent is not None and parent.tag == "h1" and owner_tag(run) in HEADINGS


def story_header(run: Run) -> bool:
    """Whether a run sits in a ``header`` that is no site's masthead: no ``role=banner``,
    no navigation inside."""
    header = run.ctx.landmark_el
    return run.ctx.landmark == "header" and header is not None and header.tag == "header" \
        and (header.get("role") or "").lower() != "banner" \
        and next(header.iter("nav"), None) is None


def repeats_title(text: str, titles: tuple[str, ...]) -> bool:
    """Whether a heading of a few words is the headline one of the page's titles holds: the
    title, the title before its last part (the site's name: "Library stays open | Town
    Gazette") or its longest part, of which the heading holds nearly all the words, in order.
    A site's name alone, a shorter part, is no headline."""
    words = _WORDS.findall(text.casefold())
    if len(words) < _TITLE_WORDS:
        return False
    heading = f" {' '.join(words)} "
    for title in titles:
        parts = title_parts(title)
        candidates = [title, " ".join(parts[:-1]), max(parts, key=len)]
        for candidate in candidates:
            found = _WORDS.findall(candidate.casefold())
            if found and len(words) >= _TITLE_SHARE * len(found) \
                    and heading in f" {' '.join(found)} ":
                return True
    return False


def names_title_tail(text: str, titles: tuple[str, ...]) -> bool:
    """Whether a heading is only a title's last part, and a shorter one than what the title
    says before it: the site's name ("Library stays open | Town Gazette" over a masthead
    ``h1`` "Town Gazette"), a logo and no headline ("News - Storm hits coast" over "Storm
    hits coast" is the headline)."""
    key = _WORDS.findall(text.casefold())
    if not key:
        return False
    size = sum(map(len, key))
    for title in titles:
        parts = title_parts(title)
        if len(parts) >= 2 and _WORDS.findall(parts[-1].casefold()) == key and size < sum(
                len(word) for part in parts[:-1] for word in _WORDS.findall(part)):
            return True
    return False


def names_standfirst(run: Run) -> bool:
    """Whether a run's element (or its parent) has a class with a standfirst's name among its
    words (``article-excerpt``, ``c-page-intro__copy``, ``texto-bajada``)."""
    return any(not _STANDFIRST_PARTS.isdisjoint(_CLASS_PARTS.split(value))
               for value in _classes(run))


def names_byline(run: Run) -> bool:
    """Whether a run's element (or its parent) has a class naming a byline as its last part
    (a bare "byline" is the vocabulary's, and is a context of its own)."""
    return any(_NAMED_BYLINE.search(name) and not _STATE.match(_BEM_PARTS.split(name)[-1])
               for value in _classes(run) for name in value.split())


def _classes(run: Run) -> Iterator[str]:
    """The class attributes (lower case) of a run's element and its parent, where they have
    one: what names what the run is."""
    for el in run.stack[-2:]:
        value = el.get("class")
        if value:
            yield value.lower()
