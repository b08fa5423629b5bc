"""The records of the HTML reader's walk: the context of the element it is in, a run of text
gathered for one block, an attribute read as a block, and small facts about a run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from l10n.page import Role
from l10n.prose import collapse_space

__all__ = [
    "Attr",
    "Ctx",
    "Run",
    "has_links",
    "head_ctx",
    "in_figure",
    "owner_tag",
    "part_lang",
    "segment_text",
    "visible",
]


class Ctx(NamedTuple):
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


class Run:
    """Text gathered for one block: fragments of the owner element and its inline children.

    ``parts`` are (text, link, node): ``link`` numbers the provisional link the text is in (0:
    none), ``node`` indexes ``nodes`` (-1 for whitespace). A link in body text is inline until
    the run's zone is known; outside the article it becomes a block of its own. (A class with
    slots written out, not a dataclass: the walk makes two per element, and list displays
    are quicker than default factories.)
    """

    __slots__ = ("owner", "ctx", "parts", "nodes", "starts", "start", "times", "langs",
                 "link_chars", "link_words", "segments", "stack", "scripted", "switcher")

    def __init__(self, owner: etree._Element, ctx: Ctx,
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
class Attr:
    """An attribute read as a block (``alt``, ``title``, ``aria-label``...), placed at its
    element's ``<``."""

    el: etree._Element
    ctx: Ctx
    text: str
    offset: int
    context: str
    attribute: str
    stack: tuple[etree._Element, ...]
    control: bool = False  # the name of an icon, a logo or a text-less link: interface text


def owner_tag(run: Run) -> str:
    tag = run.owner.tag
    return tag.lower() if isinstance(tag, str) else ""


def in_figure(run: Run) -> bool:
    return any(el.tag == "figure" for el in run.stack)


def has_links(run: Run) -> bool:
    return any(part[1] for part in run.parts)


def part_lang(run: Run) -> str | None:
    """The lang of a run's text outside its links (the run keeps only the set of langs)."""
    return next(iter(run.langs)) if len(run.langs) == 1 else run.ctx.lang


def segment_text(parts: list[tuple[str, int, int]], first: int, end: int) -> str:
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


def visible(text: str) -> int:
    """Characters of ``text`` that are not whitespace."""
    return len("".join(text.split()))


def head_ctx(el: etree._Element) -> Ctx:
    """The context of a ``<head>`` element's text: chrome, in the element's own ``lang``."""
    return Ctx(zone="chrome", lang=(el.get("lang") or "").strip() or None)
