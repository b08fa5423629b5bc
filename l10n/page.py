"""The page model every job reads: a :class:`Page` is an ordered tuple of :class:`Block`.

Readers (``l10n.readers``) build it from scraped text or HTML; check, extract, render and preview
work on it and never on files. Everything here is immutable and free of I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from l10n.dateline import Dateline

__all__ = ["Block", "Format", "Location", "Page", "PageMeta", "Role", "Segment", "TimeElement",
           "Zone", "is_in_page", "zone_of"]


class Role(StrEnum):
    """What a block is on the page; chrome roles are the ones a catalog holds."""

    SITE = "site"
    SECTION = "section"
    TAGLINE = "tagline"
    HEADLINE = "headline"
    LEDE = "lede"
    PARAGRAPH = "paragraph"
    CREDIT = "credit"
    CAPTION = "caption"
    BYLINE = "byline"
    DATELINE = "dateline"
    CHROME = "chrome"
    COUNTER = "counter"
    TEASER = "teaser"
    COMMENT = "comment"

    @property
    def is_article(self) -> bool:
        """True for the article's own text (what an article catalog translates)."""
        return self in _ARTICLE_ROLES


_ARTICLE_ROLES = frozenset({Role.HEADLINE, Role.LEDE, Role.PARAGRAPH, Role.CAPTION})


class Zone(StrEnum):
    """Where on the page a block sits, which decides what another language means there.

    ``chrome``: landmarks (header, nav, footer, aside), forms and controls; ``article``: the
    story itself; ``teaser``: headlines and summaries of other articles; ``comment``: readers'
    comments; ``page``: everything else (sidebars, widgets, furniture no landmark marks).
    """

    CHROME = "chrome"
    ARTICLE = "article"
    TEASER = "teaser"
    COMMENT = "comment"
    PAGE = "page"


_ROLE_ZONES = {Role.TEASER: Zone.TEASER, Role.COMMENT: Zone.COMMENT}


class Format(StrEnum):
    """The source format a page was read from."""

    TEXT = "text"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a block sits in its source file: 1-based line and column.

    For HTML, ``element`` is the element path (``html/body/footer/div[2]``) and ``attribute``
    the attribute name when the text came from one; the position is then the element's.
    """

    line: int
    column: int
    element: str | None = None
    attribute: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A part of a block's text that a reader meets as a control or a separately styled
    element of its own (a link or button inside a sentence, a screen-reader-only label):
    its language can differ from the sentence around it. ``kind`` says which."""

    text: str
    line: int
    column: int
    kind: str


@dataclass(frozen=True, slots=True)
class Block:
    """One run of visible text with its role.

    ``context`` names where the text sits by meaning (``nav``, ``button``, ``footer``,
    ``dialog title``, ``placeholder``...): the stable msgctxt of an extracted entry.
    ``lang`` is an explicit language marked on the element (HTML ``lang``), ``translatable``
    is False under ``translate="no"`` / ``data-l10n-ignore``, ``repeat_of`` is the index of an
    earlier block this one repeats (an image title shown twice), and ``dateline`` holds the
    parsed dateline of a ``dateline`` block. ``zone`` is where the block sits (None: what its
    role says, see :func:`zone_of`); ``scripted`` marks text a script shows or fills before
    readers see it (hidden until then, a placeholder alone in its element, or a string the
    page's own scripts carry); ``href`` is a link's target and ``hreflang`` the language it says
    that target is in; ``segments`` are the controls and styled parts inside the text.
    """

    role: Role
    text: str
    location: Location
    context: str | None = None
    lang: str | None = None
    translatable: bool = True
    repeat_of: int | None = None
    dateline: Dateline | None = None
    zone: Zone | None = None
    scripted: bool = False
    href: str | None = None
    hreflang: str | None = None
    segments: tuple[Segment, ...] = ()

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def attribute(self) -> str | None:
        return self.location.attribute

    @property
    def element(self) -> str | None:
        return self.location.element

    def with_role(self, role: Role) -> Block:
        """This block with another role."""
        return replace(self, role=role)


@dataclass(frozen=True, slots=True)
class TimeElement:
    """A ``<time datetime>`` as the page shows it: the machine value, the text readers see
    (``""`` when none), where the element starts, the ``lang`` it sits under (None: the
    page's), and whether its markup calls it a modification time (``class="updated"``,
    ``itemprop="dateModified"``). Kept so that a check can compare the two."""

    datetime: str
    text: str
    line: int
    column: int
    lang: str | None = None
    modified: bool = False


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Page-level facts found by the reader (``None`` when the page does not say).

    ``published`` is the publication moment when the page gives a time of day, and
    ``published_date`` the publication date whenever it gives one: a page that states only a
    date has a date and no moment (not a midnight no one wrote). ``language`` is the
    page's own language declaration as written (``en-us``, ``de_DE``), ``language_source``
    which one it is (``html lang``, ``html xml:lang``, ``content-language`` (``http-equiv``),
    ``meta content-language`` (``name``), ``meta language``, ``dc.language``, ``og:locale``),
    ``direction`` ``rtl`` or ``ltr`` when the page says. ``charset`` is the charset the page
    was read in, and ``charset_problem`` what readers see wrong because of its bytes (a
    declared charset its bytes are not in, bytes that are not UTF-8), once for the whole
    page. ``times`` are the
    page's ``<time datetime>`` elements in source order, ``alternates`` its
    ``link[rel=alternate][hreflang]`` as (hreflang, href) pairs: the other editions it names.
    Neither is in :meth:`to_dict`.
    """

    title: str | None = None
    site: str | None = None
    section: str | None = None
    canonical_url: str | None = None
    published: datetime | None = None
    description: str | None = None
    byline: str | None = None
    published_date: date | None = None
    language: str | None = None
    language_source: str | None = None
    direction: str | None = None
    charset: str | None = None
    charset_problem: str | None = None
    times: tuple[TimeElement, ...] = ()
    alternates: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (the ``meta`` object of ``l10n inspect --format json``)."""
        return {
            "title": self.title,
            "site": self.site,
            "section": self.section,
            "canonical_url": self.canonical_url,
            "published": self.published.isoformat() if self.published else None,
            "published_date": self.published_date.isoformat() if self.published_date else None,
            "description": self.description,
            "byline": self.byline,
            "language": self.language,
            "language_source": self.language_source,
            "direction": self.direction,
            "charset": self.charset,
            "charset_problem": self.charset_problem,
        }


@dataclass(frozen=True, slots=True)
class Page:
    """A source page as the model sees it: path, format, locale and ordered blocks."""

    path: str
    format: Format
    locale: str | None
    blocks: tuple[Block, ...]
    meta: PageMeta = field(default_factory=PageMeta)

    def blocks_with(self, *roles: Role) -> tuple[Block, ...]:
        """The blocks having any of ``roles``, in page order."""
        wanted = set(roles)
        return tuple(b for b in self.blocks if b.role in wanted)

    @property
    def headline(self) -> str | None:
        found = self.blocks_with(Role.HEADLINE)
        return found[0].text if found else None

    @property
    def dateline(self) -> Dateline | None:
        for block in self.blocks:
            if block.dateline is not None:
                return block.dateline
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (the ``l10n inspect --format json`` schema)."""
        return {
            "path": self.path,
            "format": str(self.format),
            "locale": self.locale,
            "meta": self.meta.to_dict(),
            "blocks": [block_to_dict(b) for b in self.blocks],
        }


def zone_of(block: Block) -> Zone:
    """The zone of ``block``: its own, else the one its role implies (scraped text has no
    markup to say more)."""
    if block.zone is not None:
        return block.zone
    if block.role.is_article or block.role in (Role.BYLINE, Role.DATELINE, Role.CREDIT):
        return Zone.ARTICLE
    return _ROLE_ZONES.get(block.role, Zone.CHROME)


def is_in_page(href: str | None) -> bool:
    """Whether a link's address is a place on its own page (``#comments``): a bare ``#`` or a
    ``#!`` route is a script's handle, not a place."""
    return href is not None and href.startswith("#") and len(href) > 1 \
        and not href.startswith("#!")


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block as a JSON object: role, whether it is the article's text, text, line,
    column, and the fields that apply."""
    out: dict[str, Any] = {
        "role": str(block.role),
        "article": block.role.is_article,
        "text": block.text,
        "line": block.line,
        "column": block.column,
        "element": block.element,
        "attribute": block.attribute,
        "context": block.context,
    }
    if block.lang is not None:
        out["lang"] = block.lang
    if not block.translatable:
        out["translatable"] = False
    if block.repeat_of is not None:
        out["repeat_of"] = block.repeat_of
    if block.dateline is not None:
        out["dateline"] = block.dateline.to_dict()
    if block.zone is not None:
        out["zone"] = str(block.zone)
    if block.scripted:
        out["scripted"] = True
    if block.href is not None:
        out["href"] = block.href
    if block.hreflang is not None:
        out["hreflang"] = block.hreflang
    if block.segments:
        out["segments"] = [{"text": s.text, "line": s.line, "column": s.column, "kind": s.kind}
                           for s in block.segments]
    return out
