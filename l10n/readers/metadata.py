"""An HTML page's metadata: title, byline, site name, publication time, the language it
declares and its direction.

Where Mozilla's Readability (the reader mode of Firefox) has an answer, the rules below give
the same one unless it is plainly worse: the title keeps no site name, a site name is not a
URL. They run on what the walk of :mod:`l10n.readers.walk` gathered as it passed (a
:class:`~l10n.readers.gathered.Gathered`: every ``<meta>`` wherever libxml2 put it,
JSON-LD, ``<time datetime>``, ``<title>``) and on the blocks it made; nothing here walks the
whole tree again. Each field takes the first source that has a value:

* **title**: the JSON-LD article's ``headline`` (else ``name``), ``dc.title``, ``og:title``,
  ``twitter:title``, ``title``, ``parsely-title``, less a first or last part (between `` | ``,
  `` - ``, `` – ``, `` — ``, `` :: ``, `` / ``, `` » ``, `` · ``...) that names the site or the
  author; a value that is only the site's name, where the headline says otherwise, is passed
  over. Else ``<title>``: the run of its parts that is the headline, else ``<title>`` less its
  site and author parts, else less its last part (its first when fewer than three words
  would stay), unless four words or fewer would stay. Else the headline.
* **byline**: the JSON-LD article's ``author`` (a name, an object's ``name``, a list of them
  joined with ", "), ``dc.creator``, ``author``, ``parsely-author``, ``sailthru.author``,
  ``article:author`` (not a URL), microdata ``author``; else the text of the first element
  up to the article's end that is ``[rel=author]``, ``[itemprop~=author]`` or has
  ``byline``, ``author`` or ``writtenby`` in its class or id (not a share, follow or comment
  widget), under 100 characters, neither hidden nor inside a container a reader mode drops
  (headers, menus, comments...; in the article they count when nothing else does), its
  ``[itemprop=name]`` part if it has one; else ``byl``; else a short "By …" (Von, Par,
  Por…) line opening the article. Readability also takes a ``.dateline``: a dateline is not
  a byline.
* **site**: the JSON-LD article's ``publisher``, ``og:site_name``, another JSON-LD
  publisher, ``WebSite`` or organisation name, ``application-name``, the site's part of
  ``<title>``, the site-name block.
* **published**: the JSON-LD article's ``datePublished``, ``article:published_time``,
  Parse.ly, Dublin Core (``dc.date.issued``, ``dcterms.created``, ``dc.date``...),
  ``sailthru.date``, microdata ``datePublished``, ``date``/``pubdate`` meta, then
  ``<time datetime>``: one marked ``pubdate``/``itemprop=datePublished``/``.published``,
  else the first in a byline, else in the article. A date alone is kept as a date
  (:attr:`PageMeta.published_date`), never as midnight.
* **language**: ``<html lang>`` or ``xml:lang`` (read from the source when the ``<html>``
  tag came late and libxml2 dropped its attributes), ``<meta http-equiv=content-language>``,
  ``<meta name=language>``, ``dc.language``, ``og:locale``: the first that names a locale,
  else the first there is, as written.
* **direction**: ``dir`` of ``<html>``, else of ``<body>``: ``rtl`` or ``ltr``.

The byline's rules are :mod:`l10n.readers.byline`, the title's and the site's
:mod:`l10n.readers.titles`; this module holds the rest and puts them together.
"""

from __future__ import annotations

import bisect
import contextlib
import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime

from lxml import etree

from l10n.locales import is_locale
from l10n.page import Block, PageMeta, Role, TimeElement
from l10n.readers.byline import find_byline
from l10n.readers.gathered import (
    BlockNodes,
    Gathered,
    TimeTag,
    first_value,
    is_article,
    ld_objects,
    ld_text,
)
from l10n.readers.titles import find_site, find_title, name_key, site_names

__all__ = ["declared_locale", "read_metadata"]


def read_metadata(
    root: etree._Element,
    source: str,
    gathered: Gathered,
    blocks: Sequence[Block],
    nodes: BlockNodes,
) -> PageMeta:
    """The metadata of a page: ``root`` is its tree, ``source`` its text, ``gathered`` what
    the walk gathered, ``blocks`` the blocks it made in page order and ``nodes`` the tree
    nodes each came from (as :class:`~l10n.readers.html.HtmlDocument` holds them)."""
    meta = gathered.meta
    html_attrs = _html_attributes(root, source)
    objects = ld_objects(gathered.json_ld)
    article = next((o for o in objects if is_article(o)), None)
    headline = next((b.text for b in blocks if b.role is Role.HEADLINE), None)
    byline = find_byline(root, meta, article, blocks, nodes)
    # An application-name that is the page's <title> or headline names the page, not the site.
    page_titles = {name_key(t) for t in (gathered.title, headline) if t}
    names = site_names(meta, objects, article, gathered, page_titles)
    title, title_site = find_title(meta, article, gathered.title, headline, names, byline)
    published, published_date = _published(meta, article, gathered.times)
    language, language_source = _language(html_attrs, meta)
    return PageMeta(
        title=title,
        site=find_site(meta, objects, article, title_site,
                   (page_titles | {name_key(title)}) if title else page_titles, blocks),
        section=first_value(meta, "article:section")
        or next((b.text for b in blocks if b.role is Role.SECTION), None),
        canonical_url=gathered.canonical or first_value(meta, "og:url"),
        published=published,
        description=first_value(meta, "description"),
        byline=byline,
        published_date=published_date,
        language=language,
        language_source=language_source,
        direction=_direction(html_attrs, root),
        times=tuple(TimeElement(t.value, t.text, t.line, t.column, t.lang, t.modified)
                    for t in gathered.times),
        alternates=tuple(gathered.alternates),
    )


def declared_locale(meta: PageMeta) -> str | None:
    """The page's locale as its declaration writes it (the first of a list such as
    ``content-language: de, en``); callers check that it names a locale."""
    if meta.language is None:
        return None
    first = meta.language.split(",")[0].strip()
    return first or None


# -- publication time ----------------------------------------------------------------------

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published",
    "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "dc.date.created", "dc.date", "dcterms.date", "sailthru.date",
    "itemprop:datepublished", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publication_date",
)
_ISO_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIRST_YEAR = 1900  # an earlier "publication" is a placeholder
_LAST_YEAR = 2999  # and a later one too (9999-12-31 overflows any time zone's arithmetic)


def _moment(value: str) -> datetime | date | None:
    """An ISO 8601 date (``2024-06-25``) or date and time (``2021-11-01T10:52:50+0100``,
    ``2017-11-03 03:01:00.000000``) as a ``date`` or ``datetime``; anything else None."""
    value = value.strip()
    if not _ISO_MOMENT.fullmatch(value):
        return None
    try:
        moment = datetime.fromisoformat(re.sub(r"\s+(?=[Zz+-])", "", value).replace(",", "."))
    except ValueError:
        return None
    if not _FIRST_YEAR <= moment.year <= _LAST_YEAR:
        return None
    return moment.date() if _DATE_ONLY.fullmatch(value) else moment


def _published(
    meta: Mapping[str, list[str]],
    article: Mapping[str, object] | None,
    times: Sequence[TimeTag],
) -> tuple[datetime | None, date | None]:
    """The publication time (None when only a date is known) and date."""
    found = [m for m in map(_moment, _published_values(meta, article, times)) if m]
    if not found:
        return None, None
    first = found[0]
    if isinstance(first, datetime):
        if first.tzinfo is None:  # the same wall clock with its offset, if a source has it
            first = next((m for m in found if isinstance(m, datetime) and m.tzinfo is not None
                          and m.replace(tzinfo=None) == first), first)
        return first, first.date()
    timed = next((m for m in found if isinstance(m, datetime) and m.date() == first), None)
    return (timed, first) if timed is not None else (None, first)


def _published_values(
    meta: Mapping[str, list[str]],
    article: Mapping[str, object] | None,
    times: Sequence[TimeTag],
) -> Iterator[str]:
    if (value := ld_text(article, "datePublished")) is not None:
        yield value
    for key in _PUBLISHED_META:
        yield from meta.get(key, ())
        if key == "parsely-pub-date":
            for page in meta.get("parsely-page", ()):
                yield from _parsely_date(page)
    yield from (t.value for t in times if t.published)
    yield from (t.value for t in times if t.in_byline)
    yield from (t.value for t in times if t.in_article)


def _parsely_date(text: str) -> Iterator[str]:
    """``pub_date`` of a Parse.ly ``parsely-page`` JSON value."""
    with contextlib.suppress(ValueError, RecursionError):
        data = json.loads(html.unescape(text), strict=False)
        if isinstance(data, dict) and isinstance(data.get("pub_date"), str):
            yield data["pub_date"]


# -- language and direction ----------------------------------------------------------------

_HTML_TAG = re.compile(r"<html(?=[\s>/])[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_LANGUAGE_META = (
    ("http-equiv:content-language", "content-language"),
    ("content-language", "meta content-language"),  # name=, which browsers do not read
    ("language", "meta language"),
    ("dc.language", "dc.language"),
    ("dcterms.language", "dc.language"),
    ("og:locale", "og:locale"),
)
_DIRECTIONS = frozenset({"rtl", "ltr"})


def _html_attributes(root: etree._Element, source: str) -> Mapping[str, str]:
    """The ``<html>`` tag's attributes. libxml2 drops those of an ``<html>`` tag that comes
    after text or other tags (junk before it); then they are read from the source's first
    ``<html`` start tag outside comments and scripts, as a browser keeps them."""
    if len(root.attrib):
        return root.attrib
    markers: tuple[list[int], ...] | None = None
    # Every match ends at a ">": none starts after the last one (a search from each "<html"
    # after it would run to the end of the page: quadratic).
    for match in _HTML_TAG.finditer(source, 0, source.rfind(">") + 1):
        if markers is None:  # found once, then looked up: no copy of the page per match
            markers = _markers(source)
        opens, closes, scripts, ends = markers
        at = match.start()
        if _last_before(opens, 4, at) > _last_before(closes, 3, at):
            continue  # inside a comment
        if _last_before(scripts, 7, at) > _last_before(ends, 8, at):
            continue  # inside a script
        attrs: dict[str, str] = {}
        for name, *values in _ATTRIBUTE.findall(match.group()[5:-1]):
            attrs.setdefault(name.lower(), html.unescape(next((v for v in values if v), "")))
        return attrs
    return {}


_SCRIPT_MARK = re.compile(r"<(/?)[sS][cC][rR][iI][pP][tT]")


def _markers(source: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Where comments open and close and scripts start and end in ``source``."""
    opens = [m.start() for m in re.finditer("<!--", source)]
    closes = [m.start() for m in re.finditer("-->", source)]
    scripts: list[int] = []
    ends: list[int] = []
    for m in _SCRIPT_MARK.finditer(source):
        (ends if m.group(1) else scripts).append(m.start())
    return opens, closes, scripts, ends


def _last_before(starts: list[int], size: int, at: int) -> int:
    """The last of ``starts`` whose marker (``size`` characters) ends by ``at``, else -1."""
    k = bisect.bisect_right(starts, at - size)
    return starts[k - 1] if k else -1


def _language(
    attrs: Mapping[str, str], meta: Mapping[str, list[str]]
) -> tuple[str | None, str | None]:
    """The page's language declaration as written, and which declaration it is; ``attrs``
    are the ``<html>`` tag's."""
    declared: list[tuple[str, str]] = []
    for name, label in (("lang", "html lang"), ("xml:lang", "html xml:lang")):
        value = (attrs.get(name) or "").strip()
        if value:
            declared.append((value, label))
    for key, label in _LANGUAGE_META:
        declared.extend((v, label) for v in meta.get(key, ()) if v.strip())
    for value, label in declared:
        first = value.split(",")[0].strip()
        if first and is_locale(first):
            return value, label
    return declared[0] if declared else (None, None)


def _direction(attrs: Mapping[str, str], root: etree._Element) -> str | None:
    """``rtl`` or ``ltr`` from ``<html dir>`` (``attrs``), else ``<body dir>``."""
    for value in (attrs.get("dir"), _body_dir(root)):
        value = (value or "").strip().lower()
        if value in _DIRECTIONS:
            return value
    return None


def _body_dir(root: etree._Element) -> str | None:
    body = root.find("body")
    return body.get("dir") if body is not None else None
