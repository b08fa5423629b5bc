"""An HTML page's metadata: title, byline, site name, publication time, the language it
declares and its direction.

Where Mozilla's Readability (the reader mode of Firefox) has an answer, the rules below give
the same one unless it is plainly worse: the title keeps no site name, a site name is not a
URL. They run on what the walk of :mod:`l10n.readers.html` gathered as it passed (a
:class:`Gathered`: every ``<meta>`` wherever libxml2 put it, JSON-LD, ``<time datetime>``,
``<title>``) and on the blocks it made; nothing here walks the whole tree again. Each field
takes the first source that has a value:

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
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from l10n.locales import is_locale
from l10n.page import Block, PageMeta, Role, TimeElement
from l10n.prose import collapse_space

__all__ = ["Gathered", "TimeTag", "declared_locale", "read_metadata"]

_Nodes = Sequence[Sequence[tuple[etree._Element, str]]]  # per block, as HtmlDocument holds them


class TimeTag(NamedTuple):
    """A ``<time datetime>`` the walk passed: its value, whether its markup calls it the
    publication time, whether it sits in the article or in a byline, and (for the page
    model's :class:`~l10n.page.TimeElement`) its text, position and ``lang``."""

    value: str
    published: bool
    in_article: bool
    in_byline: bool
    text: str = ""
    line: int = 1
    column: int = 1
    lang: str | None = None


@dataclass(slots=True)
class Gathered:
    """What the walk gathers for the metadata as it passes each element."""

    meta: dict[str, list[str]] = field(default_factory=dict)  # key: every value, in order
    json_ld: list[object] = field(default_factory=list)
    times: list[TimeTag] = field(default_factory=list)
    title: str | None = None
    canonical: str | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href)

    def note_meta(self, el: etree._Element) -> None:
        """Record a ``<meta>`` under each of its keys: ``property`` (a list), ``name``,
        ``itemprop:…`` and ``http-equiv:…``, lowercased (``DC.Date`` as ``dc.date``)."""
        content = el.get("content")
        if not content or content.isspace():
            return
        value = collapse_space(content)
        keys: list[str] = []
        if (prop := el.get("property")) is not None:
            keys.extend(prop.lower().split())
        if (name := el.get("name")) is not None and name.strip():
            keys.append(name.strip().lower())
        if (itemprop := el.get("itemprop")) is not None:
            keys.extend("itemprop:" + p for p in itemprop.lower().split())
        if (equiv := el.get("http-equiv")) is not None and equiv.strip():
            keys.append("http-equiv:" + equiv.strip().lower())
        for key in keys:
            key = _DUBLIN_CORE.sub(_dublin_core_prefix, key)
            self.meta.setdefault(key, []).append(value)

    def note_json_ld(self, text: str | None) -> None:
        """Record a JSON-LD script's data (CDATA or comment wrappers allowed); skip bad JSON."""
        if not text or text.isspace():
            return
        with contextlib.suppress(ValueError, RecursionError):  # malformed or too deep
            self.json_ld.append(json.loads(_LD_WRAPPER.sub("", text), strict=False))

    def note_time(self, attrs: Mapping[str, str], in_article: bool, in_byline: bool,
                  text: str = "", where: tuple[int, int] = (1, 1),
                  lang: str | None = None) -> None:
        """Record a ``<time>`` with these attributes, if it has a ``datetime``; ``text`` is
        what it shows, ``where`` its (line, column)."""
        value = attrs.get("datetime")
        if not value or value.isspace():
            return
        itemprop = (attrs.get("itemprop") or "").lower().split()
        classes = (attrs.get("class") or "").lower().split()
        published = "pubdate" in attrs or "datepublished" in itemprop or "published" in classes
        self.times.append(TimeTag(value.strip(), published, in_article, in_byline, text,
                                  *where, lang))

    def note_link(self, el: etree._Element) -> None:
        """Record a ``link[rel=alternate][hreflang][href]``: another edition of the page."""
        rel = (el.get("rel") or "").lower().split()
        hreflang, href = (el.get("hreflang") or "").strip(), (el.get("href") or "").strip()
        if "alternate" in rel and hreflang and href:
            self.alternates.append((hreflang, href))


_DUBLIN_CORE = re.compile(r"^(dc|dcterms?)[.:]")
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")


def _dublin_core_prefix(match: re.Match[str]) -> str:
    return "dc." if match.group(1) == "dc" else "dcterms."


def read_metadata(
    root: etree._Element,
    source: str,
    gathered: Gathered,
    blocks: Sequence[Block],
    nodes: _Nodes,
) -> PageMeta:
    """The metadata of a page: ``root`` is its tree, ``source`` its text, ``gathered`` what
    the walk gathered, ``blocks`` the blocks it made in page order and ``nodes`` the tree
    nodes each came from (as :class:`~l10n.readers.html.HtmlDocument` holds them)."""
    meta = gathered.meta
    html_attrs = _html_attributes(root, source)
    objects = _ld_objects(gathered.json_ld)
    article = next((o for o in objects if _is_article(o)), None)
    headline = next((b.text for b in blocks if b.role is Role.HEADLINE), None)
    byline = _byline(root, meta, article, blocks, nodes)
    # An application-name that is the page's <title> or headline names the page, not the site.
    page_titles = {_key(t) for t in (gathered.title, headline) if t}
    names = _site_names(meta, objects, article, gathered, page_titles)
    title, title_site = _title(meta, article, gathered.title, headline, names, byline)
    published, published_date = _published(meta, article, gathered.times)
    language, language_source = _language(html_attrs, meta)
    return PageMeta(
        title=title,
        site=_site(meta, objects, article, title_site,
                   (page_titles | {_key(title)}) if title else page_titles, blocks),
        section=_first(meta, "article:section")
        or next((b.text for b in blocks if b.role is Role.SECTION), None),
        canonical_url=gathered.canonical or _first(meta, "og:url"),
        published=published,
        description=_first(meta, "description"),
        byline=byline,
        published_date=published_date,
        language=language,
        language_source=language_source,
        direction=_direction(html_attrs, root),
        times=tuple(TimeElement(t.value, t.text, t.line, t.column, t.lang)
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


# -- values --------------------------------------------------------------------------------

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^www\.", re.IGNORECASE)


def _clean(value: str) -> str:
    """A metadata value as shown: entities a site escaped twice decoded, space collapsed."""
    return collapse_space(html.unescape(value) if "&" in value else value)


def _values(meta: Mapping[str, list[str]], *keys: str) -> list[str]:
    """The distinct non-URL values of ``keys``, in key order."""
    out: list[str] = []
    for key in keys:
        for value in meta.get(key, ()):
            value = _clean(value)
            if value and not _URL.match(value) and value not in out:
                out.append(value)
    return out


def _first(meta: Mapping[str, list[str]], *keys: str) -> str | None:
    """The first value of the first of ``keys`` that has one."""
    for key in keys:
        values = meta.get(key)
        if values:
            return _clean(values[0]) or None
    return None


def _join(names: Sequence[str]) -> str | None:
    """Names as one byline: ", " between them, "; " when a name holds a comma itself."""
    if not names:
        return None
    return ("; " if any("," in n for n in names) else ", ").join(names)


# -- JSON-LD -------------------------------------------------------------------------------

_LD_LIMIT = 200  # objects looked at per page; item lists can hold thousands
_LD_NESTED = ("@graph", "mainEntity", "mainEntityOfPage")
_ARTICLE_TYPES = frozenset({"Report", "APIReference"})  # besides *Article and *Posting


def _ld_objects(items: Iterable[object]) -> list[dict[str, object]]:
    """The JSON-LD objects of a page in order: top-level ones (lists unpacked), then those in
    their ``@graph``, ``mainEntity`` and ``mainEntityOfPage``."""
    queue = list(items)
    out: list[dict[str, object]] = []
    index = 0
    while index < len(queue) and len(out) < _LD_LIMIT:
        item = queue[index]
        index += 1
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            for key in _LD_NESTED:
                nested = item.get(key)
                if isinstance(nested, dict | list):
                    queue.append(nested)
    return out


def _types(obj: Mapping[str, object]) -> list[str]:
    """An object's ``@type`` names without a vocabulary prefix (``schema:NewsArticle``)."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return [re.split(r"[/:#]", v)[-1] for v in values if isinstance(v, str)]


def _is_article(obj: Mapping[str, object]) -> bool:
    return any(t in _ARTICLE_TYPES or t.endswith(("Article", "Posting")) for t in _types(obj))


def _ld_names(value: object) -> list[str]:
    """The names in a JSON-LD ``author`` or ``publisher``: a string, an object's ``name``, or
    a list of them (URLs and empty names left out)."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        if isinstance(name, str):
            name = _clean(name)
            if name and not _URL.match(name) and name not in out:
                out.append(name)
    return out


def _ld_text(obj: Mapping[str, object] | None, key: str) -> str | None:
    value = obj.get(key) if obj is not None else None
    if isinstance(value, str):
        return _clean(value) or None
    return None


# -- byline --------------------------------------------------------------------------------

_AUTHOR_META = (("dc.creator",), ("dcterms.creator",), ("author",), ("parsely-author",),
                ("sailthru.author",), ("article:author", "og:article:author"),
                ("itemprop:author",))
_HINTS_BYLINE, _HINTS_NOT_BYLINE, _HINTS_DROPPED = 1, 2, 4
# Words in a class or id that make Readability drop a container before it looks for the
# byline (headers, menus, comments, rails...), and words that keep one anyway; matched
# anywhere in the class and id, as Readability does ("brand" keeps a container by its "and").
_DROPPED_WORDS = frozenset({
    "-ad-", "ad-break", "agegate", "banner", "breadcrumbs", "comment", "community",
    "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "pager",
    "pagination", "popup", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental",
})
_KEPT_WORDS = frozenset({"and", "article", "body", "column", "content", "main", "shadow"})
_HINT_FLAGS = {"byline": _HINTS_BYLINE, "author": _HINTS_BYLINE, "writtenby": _HINTS_BYLINE,
               # widgets about an author that are not the byline ("Follow author", "Share")
               "share": _HINTS_NOT_BYLINE, "social": _HINTS_NOT_BYLINE,
               "follow": _HINTS_NOT_BYLINE, "comment": _HINTS_NOT_BYLINE,
               "avatar": _HINTS_NOT_BYLINE}
# Every word above, longest first, so that one scan finds them all (they do not overlap in a
# way that matters: "comments" holds "comment", "brand" holds "and").
_HINT_WORDS = re.compile("|".join(sorted(
    map(re.escape, _DROPPED_WORDS | _KEPT_WORDS | _HINT_FLAGS.keys()), key=len, reverse=True)))
_DROPPED_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert",
                            "alertdialog", "dialog"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NO_TEXT = frozenset({"script", "style", "noscript", "template"})
_NOT_BYLINES = frozenset({"form", "button", "input", "select", "textarea", "label", "option"})
_ARTICLE_MARKS = frozenset({Role.BYLINE, Role.DATELINE, Role.CREDIT})  # with article roles
_BYLINE_LIMIT = 100  # characters: longer is a bio or a whole header, not a byline
_BY = r"(?:by|von|par|por|door|di|av|af|przez)"
_BY_LINE = re.compile(_BY + r"\s*:?\s+[^\W\d_]", re.IGNORECASE)
_BY_WORD = re.compile(r"^" + _BY + r"\b\s*:?\s*", re.IGNORECASE)
_BY_LINE_WORDS = 8
_BY_LINE_BLOCKS = 8  # article blocks looked at for a "By …" line


def _byline(
    root: etree._Element,
    meta: Mapping[str, list[str]],
    article: Mapping[str, object] | None,
    blocks: Sequence[Block],
    nodes: _Nodes,
) -> str | None:
    if article is not None and (names := _ld_names(article.get("author"))):
        return _join(names)
    for keys in _AUTHOR_META:
        if values := _values(meta, *keys):
            return _join(values)
    return (_element_byline(root, blocks, nodes) or _join(_values(meta, "byl"))
            or _by_line(blocks))


def _element_byline(root: etree._Element, blocks: Sequence[Block], nodes: _Nodes) -> str | None:
    """The first byline element in document order, as a reader mode finds it after dropping
    hidden elements and containers such as headers, menus and comments. A reader mode that
    finds no article there reads the page again keeping those containers (a byline in a
    ``.header`` above the story); so, when none is found, do the article's blocks."""
    in_article = [_in_article(b.role) and b.attribute is None for b in blocks]
    # What follows the article (rails, footers) holds other articles' bylines, if any.
    end = max((i for i, yes in enumerate(in_article) if yes), default=len(blocks) - 1) + 1
    holders = [_holders(nodes[i]) for i in range(end) if blocks[i].attribute is None]
    kept_by: dict[etree._Element, bool] = {}
    # A root that would be dropped by its class leaves nothing to read at all.
    strip = _verdict(root) is not False
    found = _first_byline(holders, strip, kept_by)
    if found is None and strip:
        # What stayed stays, and holds no byline: only the dropped containers are read again.
        kept = {el: True for el, yes in kept_by.items() if yes}
        found = _first_byline([_holders(nodes[i]) for i in range(end) if in_article[i]], False,
                              kept)
    return found


def _in_article(role: Role) -> bool:
    """Whether a block of this role is the article's: its text, byline, dateline or credit."""
    return role.is_article or role in _ARTICLE_MARKS


def _holders(block_nodes: Sequence[tuple[etree._Element, str]]) -> Iterator[etree._Element]:
    """The elements holding a block's text runs."""
    for el, kind in block_nodes:
        yield el if kind == "text" else el.getparent()


def _first_byline(
    holders: Iterable[Iterable[etree._Element | None]],
    strip: bool,
    kept_by: dict[etree._Element, bool],
) -> str | None:
    """The byline of the first byline element holding one of ``holders`` (per block, the
    elements holding its text), judging each element on the way once, outermost first;
    ``kept_by`` notes whether each judged element stays (False: dropped with all it holds)."""
    for block_holders in holders:
        for holder in block_holders:
            chain = []
            while holder is not None and holder not in kept_by:
                chain.append(holder)
                holder = holder.getparent()
            kept = holder is None or kept_by[holder]
            for node in reversed(chain):
                if kept:
                    verdict = _verdict(node, strip)
                    if isinstance(verdict, str):
                        return verdict
                    kept = verdict
                kept_by[node] = kept
    return None


def _verdict(el: etree._Element, strip: bool = True) -> bool | str:
    """The byline text of a byline element, False for an element a reader mode drops with
    all it holds (hidden; a container by its class or role only when ``strip``), else True."""
    items = el.items()
    if not items:
        return True
    attrs = dict(items)
    classes = attrs.get("class") or ""
    if (
        "hidden" in attrs
        or (attrs.get("aria-hidden") == "true" and "fallback-image" not in classes)
        or ("style" in attrs and _HIDDEN_STYLE.search(attrs["style"]))
    ):
        return False
    hints = _hints(f"{classes} {attrs.get('id') or ''}") if classes or "id" in attrs else 0
    if (
        hints & _HINTS_BYLINE
        or attrs.get("rel") == "author"
        or "author" in (attrs.get("itemprop") or "")
    ) and not hints & _HINTS_NOT_BYLINE and el.tag not in _NOT_BYLINES:
        text = _shown_text(el)
        if text:
            named = next((d for d in el.iterdescendants()
                          if "name" in (d.get("itemprop") or "")), None)
            named_text = _shown_text(named) if named is not None else None
            return collapse_space(named_text or text)
    if not strip:
        return True
    if hints & _HINTS_DROPPED and el.tag not in ("body", "a") and not _near(el, ("table", "code")):
        return False
    return (attrs.get("role") or "").strip().lower() not in _DROPPED_ROLES


@functools.lru_cache(maxsize=16384)
def _hints(text: str) -> int:
    """What a class and id string says of its element, as flags (pages repeat their class
    strings, so each is read once)."""
    flags = 0
    dropped = kept = False
    for word in _HINT_WORDS.findall(text.lower()):
        flags |= _HINT_FLAGS.get(word, 0)
        dropped = dropped or word in _DROPPED_WORDS
        kept = kept or word in _KEPT_WORDS
    return flags | _HINTS_DROPPED if dropped and not kept else flags


def _near(el: etree._Element, tags: tuple[str, ...], levels: int = 3) -> bool:
    """Whether one of the ``levels`` nearest ancestors of ``el`` is one of ``tags``."""
    node = el.getparent()
    for _ in range(levels):
        if node is None:
            return False
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _shown_text(el: etree._Element) -> str | None:
    """``el``'s text as a reader shows it (no script or style), stripped; None when empty or
    :data:`_BYLINE_LIMIT` characters or longer."""
    parts: list[str] = []
    size = 0
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            tail = node.tail
            if node is not el and tail:
                parts.append(tail)
                size += len(tail)
        else:
            stack.append((node, True))
            if not isinstance(node.tag, str) or node.tag in _NO_TEXT:
                continue
            if node.text:
                parts.append(node.text)
                size += len(node.text)
            stack.extend((child, False) for child in reversed(node))
        if size >= _BYLINE_LIMIT and len("".join(parts).strip()) >= _BYLINE_LIMIT:
            return None
    text = "".join(parts).strip()
    return text if text and len(text) < _BYLINE_LIMIT else None


def _by_line(blocks: Sequence[Block]) -> str | None:
    """A short "By …" block among the first of the article, as the page writes it."""
    seen = 0
    for block in blocks:
        if block.role not in (Role.BYLINE, Role.LEDE, Role.PARAGRAPH):
            continue
        text = block.text
        match = _BY_LINE.match(text)
        if match and text[match.end() - 1].isupper() and len(text.split()) <= _BY_LINE_WORDS:
            return text
        seen += 1
        if seen >= _BY_LINE_BLOCKS:
            break
    return None


# -- title and site ------------------------------------------------------------------------

_NOT_ALNUM = re.compile(r"[\W_]+")
_MARK = r"(?:[|│\-–—/\\»›·•>｜]|::)"  # a separator's mark; all but ｜ need space around
_SEPARATOR = re.compile(r"\s+" + _MARK + r"\s+|\s*｜\s*")
_LEADING_SEPARATOR = re.compile(r"\s*" + _MARK + r"(?!\S)\s*")
_TRAILING_SEPARATOR = re.compile(r"\s*(?<!\S)" + _MARK + r"\s*$")
# Where a headline that opens or closes <title> ends: a separator, or an opening bracket.
_AFTER_HEADLINE = re.compile(r"\s*[_｜\[【(（<＜«]|" + _SEPARATOR.pattern)
_BEFORE_HEADLINE = re.compile(r"(?:[_｜\]】)）>＞»]|" + _SEPARATOR.pattern + r")\s*$")
_SITE_PREFIX = re.compile(r"([^:]{1,60}):\s+(?=\S)")
_TITLE_META = ("dc.title", "dcterms.title", "og:title", "twitter:title", "title",
               "parsely-title")
_SITE_META = ("application-name", "apple-mobile-web-app-title")
_SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization", "Corporation"})
_FEW_WORDS = 4  # a title cut to this many words or fewer was cut wrong
_RUN = 8  # parts a headline may span in <title>


def _key(text: str) -> str:
    """``text`` for comparison: NFKC, casefolded, letters and digits only."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def _same_name(part: str, name: str) -> bool:
    """Whether the keys ``part`` and ``name`` name the same thing: equal, or one opening or
    closing the other and at least half its length ("washingtonpost", "thewashingtonpost")."""
    if not part or not name:
        return False
    if part == name:
        return True
    short, long = sorted((part, name), key=len)
    return (len(short) >= 3 and 2 * len(short) >= len(long)
            and (long.startswith(short) or long.endswith(short)))


def _parts(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` between separators; empty ones left out."""
    spans = []
    at = 0
    for match in _SEPARATOR.finditer(text):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(text)))
    out = []
    for start, end in spans:
        # A separator left at an edge ("Title ::"); a quote mark there stays ("«Quote»").
        while (match := _LEADING_SEPARATOR.match(text, start, end)) and match.end() > start:
            start = match.end()
        while (match := _TRAILING_SEPARATOR.search(text, start, end)) and match.start() < end:
            end = match.start()
        if start < end:
            out.append((start, end))
    return out


class _Names(NamedTuple):
    """What a title's outer parts may name instead of the page: the site, the author."""

    sites: list[str]  # keys
    authors: list[str]  # keys

    def names(self, part: str) -> bool:
        key = _key(part)
        if any(_same_name(key, site) for site in self.sites):
            return True
        bare = _key(_BY_WORD.sub("", part))
        return any(author in (key, bare) for author in self.authors)


def _site_names(
    meta: Mapping[str, list[str]],
    objects: Sequence[Mapping[str, object]],
    article: Mapping[str, object] | None,
    gathered: Gathered,
    title_keys: set[str],
) -> _Names:
    """The keys of every name the page gives its site, for cutting them out of a title; an
    ``application-name`` whose key is one of ``title_keys`` is left out."""
    raw: list[str] = []
    if article is not None:
        raw.extend(_ld_names(article.get("publisher")))
    raw.extend(_values(meta, "og:site_name"))
    raw.extend(v for v in _values(meta, *_SITE_META) if _key(v) not in title_keys)
    for obj in objects:
        raw.extend(_ld_names(obj.get("publisher")))
        if any(t in _SITE_TYPES for t in _types(obj)):
            raw.extend(_ld_names(obj))
    for url in (gathered.canonical, _first(meta, "og:url")):
        host = urlsplit(url).hostname if url else None
        if host:
            raw.append(host.removeprefix("www."))
    keys: list[str] = []
    for name in raw:
        # A site name may hold parts itself ("Aktuálně.cz - Víte, co se právě děje").
        for piece in [name, *(name[a:b] for a, b in _parts(name))]:
            key = _key(piece)
            if key and key not in keys:
                keys.append(key)
    return _Names(keys, [])


def _title(
    meta: Mapping[str, list[str]],
    article: Mapping[str, object] | None,
    title_tag: str | None,
    headline: str | None,
    names: _Names,
    byline: str | None,
) -> tuple[str | None, str | None]:
    """The page's title, and the part of ``<title>`` that names the site when the headline
    told the parts apart: the last part after the headline, else the first before it."""
    authors = [_key(_BY_WORD.sub("", a)) for a in re.split(r",|;|\band\b", byline or "")]
    names = _Names(names.sites, [a for a in authors if a])
    title_tag = collapse_space(title_tag) if title_tag else None
    from_tag, before, after = (_from_title_tag(title_tag, headline, names) if title_tag
                               else (None, [], []))
    site = after[-1] if after else before[0] if before else None
    names = _Names(names.sites + [k for k in map(_key, before + after) if k], names.authors)
    headline_key = _key(headline) if headline else None
    candidates = [_ld_title(article, from_tag or headline)]
    candidates.extend(_first(meta, key) for key in _TITLE_META)
    for candidate in candidates:
        if not candidate:
            continue
        title = _strip_names(candidate, names, headline_key)
        if names.names(title) and headline_key and _key(title) != headline_key:
            continue  # the site's name, not the page's title
        return title, site
    return from_tag or headline, site


def _ld_title(article: Mapping[str, object] | None, reference: str | None) -> str | None:
    """The JSON-LD article's ``headline``, or its ``name`` where only the name is like the
    ``reference`` title (some sites put their own name there, some a description)."""
    headline, name = _ld_text(article, "headline"), _ld_text(article, "name")
    if (headline and name and reference and _like(name, reference)
            and not _like(headline, reference)):
        return name
    return headline or name


def _like(text: str, reference: str) -> bool:
    """Whether at least three quarters of ``text``'s words, by length, are in ``reference``."""
    words = re.findall(r"\w+", text.casefold())
    known = set(re.findall(r"\w+", reference.casefold()))
    total = sum(map(len, words))
    return total > 0 and sum(len(w) for w in words if w in known) >= 0.75 * total


def _strip_names(text: str, names: _Names, keep: str | None) -> str:
    """``text`` less its first and last parts while they name the site or the author (never
    its last part, nor one that is the headline, whose key is ``keep``)."""
    parts = _parts(text)
    if not parts:
        return text
    while len(parts) > 1 and _outer(text, parts[-1], names, keep):
        parts.pop()
    while len(parts) > 1 and _outer(text, parts[0], names, keep):
        parts.pop(0)
    start, end = parts[0][0], parts[-1][1]
    prefix = _SITE_PREFIX.match(text, start, end) if len(parts) == 1 else None
    if prefix and names.names(prefix.group(1)) and _key(prefix.group(1)) != keep:
        start = prefix.end()
    return text[start:end]


def _outer(text: str, span: tuple[int, int], names: _Names, keep: str | None) -> bool:
    part = text[span[0]:span[1]]
    return names.names(part) and _key(part) != keep


def _from_title_tag(
    title: str, headline: str | None, names: _Names
) -> tuple[str, list[str], list[str]]:
    """The title ``<title>`` gives, and the parts it left out before and after it (site,
    section, author) when the headline told which part is the title."""
    parts = _parts(title)
    # A headline that is the site's name (a blog's name in its <h1>) tells nothing.
    if headline and not (len(parts) > 1 and names.names(headline)):
        key = _key(headline)
        for i in range(len(parts)):
            for j in range(i, min(len(parts), i + _RUN)):
                if _key(title[parts[i][0]:parts[j][1]]) == key:
                    return (title[parts[i][0]:parts[j][1]],
                            [title[a:b] for a, b in parts[:i]],
                            [title[a:b] for a, b in parts[j + 1:]])
        size = len(headline)
        if title.startswith(headline) and _AFTER_HEADLINE.match(title, size):
            return headline, [], []
        if title.endswith(headline) and _BEFORE_HEADLINE.search(title[:-size]):
            return headline, [], []
    stripped = _strip_names(title, names, None)
    if stripped != title or len(parts) < 2:
        return stripped, [], []
    cut = title[parts[0][0]:parts[-2][1]]  # a site's name most often closes the title
    if len(cut.split()) < 3:
        cut = title[parts[1][0]:parts[-1][1]]
    return (title if len(cut.split()) <= _FEW_WORDS else cut), [], []


def _site(
    meta: Mapping[str, list[str]],
    objects: Sequence[Mapping[str, object]],
    article: Mapping[str, object] | None,
    title_site: str | None,
    title_keys: set[str],
    blocks: Sequence[Block],
) -> str | None:
    """The site's name: see the module rules. An ``application-name`` that is a title of
    the page names the page, not the site."""
    if article is not None and (names := _ld_names(article.get("publisher"))):
        return names[0]
    if names := _values(meta, "og:site_name"):
        return names[0]
    for obj in objects:
        if names := _ld_names(obj.get("publisher")):
            return names[0]
    for obj in objects:
        if any(t in _SITE_TYPES for t in _types(obj)) and (names := _ld_names(obj)):
            return names[0]
    for name in _values(meta, *_SITE_META):
        if _key(name) not in title_keys:
            return name
    if title_site:
        return title_site
    return next((b.text for b in blocks if b.role is Role.SITE), None)


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
    if moment.year < _FIRST_YEAR:
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
    if (value := _ld_text(article, "datePublished")) is not None:
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
    ("content-language", "content-language"),
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
    for match in _HTML_TAG.finditer(source):
        before = source[:match.start()]
        if before.rfind("<!--") > before.rfind("-->"):
            continue  # inside a comment
        if before.lower().rfind("<script") > before.lower().rfind("</script"):
            continue
        attrs: dict[str, str] = {}
        for name, *values in _ATTRIBUTE.findall(match.group()[5:-1]):
            attrs.setdefault(name.lower(), html.unescape(next((v for v in values if v), "")))
        return attrs
    return {}


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
