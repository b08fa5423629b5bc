"""A page's title and site name: the metadata's title less the parts that name the site or
the author, else the run of ``<title>``'s parts that is the headline; the site's name from
the metadata, ``<title>`` or the page's site-name block (see :mod:`l10n.readers.metadata`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from l10n.page import Block, Role
from l10n.prose import collapse_space
from l10n.readers.byline import BY_WORD
from l10n.readers.gathered import Gathered, first_value, ld_names, ld_text, ld_types, meta_values

__all__ = [
    "find_site",
    "find_title",
    "name_key",
    "site_names",
    "title_parts",
]

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


def name_key(text: str) -> str:
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


def title_parts(text: str) -> list[str]:
    """The parts of a title between its separators ("Library stays open | Town Gazette")."""
    return [text[start:end] for start, end in _parts(text)]


class _Names(NamedTuple):
    """What a title's outer parts may name instead of the page: the site, the author."""

    sites: list[str]  # keys
    authors: list[str]  # keys

    def names(self, part: str) -> bool:
        key = name_key(part)
        if any(_same_name(key, site) for site in self.sites):
            return True
        bare = name_key(BY_WORD.sub("", part))
        return any(author in (key, bare) for author in self.authors)


def site_names(
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
        raw.extend(ld_names(article.get("publisher")))
    raw.extend(meta_values(meta, "og:site_name"))
    raw.extend(v for v in meta_values(meta, *_SITE_META) if name_key(v) not in title_keys)
    for obj in objects:
        raw.extend(ld_names(obj.get("publisher")))
        if any(t in _SITE_TYPES for t in ld_types(obj)):
            raw.extend(ld_names(obj))
    for url in (gathered.canonical, first_value(meta, "og:url")):
        host = urlsplit(url).hostname if url else None
        if host:
            raw.append(host.removeprefix("www."))
    keys: list[str] = []
    for name in raw:
        # A site name may hold parts itself ("Aktuálně.cz - Víte, co se právě děje").
        for piece in [name, *(name[a:b] for a, b in _parts(name))]:
            key = name_key(piece)
            if key and key not in keys:
                keys.append(key)
    return _Names(keys, [])


def find_title(
    meta: Mapping[str, list[str]],
    article: Mapping[str, object] | None,
    title_tag: str | None,
    headline: str | None,
    names: _Names,
    byline: str | None,
) -> tuple[str | None, str | None]:
    """The page's title, and the part of ``<title>`` that names the site when the headline
    told the parts apart: the last part after the headline, else the first before it."""
    authors = [name_key(BY_WORD.sub("", a)) for a in re.split(r",|;|\band\b", byline or "")]
    names = _Names(names.sites, [a for a in authors if a])
    title_tag = collapse_space(title_tag) if title_tag else None
    from_tag, before, after = (_from_title_tag(title_tag, headline, names) if title_tag
                               else (None, [], []))
    site = after[-1] if after else before[0] if before else None
    names = _Names(names.sites + [k for k in map(name_key, before + after) if k], names.authors)
    headline_key = name_key(headline) if headline else None
    candidates = [_ld_title(article, from_tag or headline)]
    candidates.extend(first_value(meta, key) for key in _TITLE_META)
    for candidate in candidates:
        if not candidate:
            continue
        title = _strip_names(candidate, names, headline_key)
        if names.names(title) and headline_key and name_key(title) != headline_key:
            continue  # the site's name, not the page's title
        return title, site
    return from_tag or headline, site


def _ld_title(article: Mapping[str, object] | None, reference: str | None) -> str | None:
    """The JSON-LD article's ``headline``, or its ``name`` where only the name is like the
    ``reference`` title (some sites put their own name there, some a description)."""
    headline, name = ld_text(article, "headline"), ld_text(article, "name")
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
    if prefix and names.names(prefix.group(1)) and name_key(prefix.group(1)) != keep:
        start = prefix.end()
    return text[start:end]


def _outer(text: str, span: tuple[int, int], names: _Names, keep: str | None) -> bool:
    part = text[span[0]:span[1]]
    return names.names(part) and name_key(part) != keep


def _from_title_tag(
    title: str, headline: str | None, names: _Names
) -> tuple[str, list[str], list[str]]:
    """The title ``<title>`` gives, and the parts it left out before and after it (site,
    section, author) when the headline told which part is the title."""
    parts = _parts(title)
    # A headline that is the site's name (a blog's name in its <h1>) tells nothing.
    if headline and not (len(parts) > 1 and names.names(headline)):
        key = name_key(headline)
        for i in range(len(parts)):
            for j in range(i, min(len(parts), i + _RUN)):
                if name_key(title[parts[i][0]:parts[j][1]]) == key:
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


def find_site(
    meta: Mapping[str, list[str]],
    objects: Sequence[Mapping[str, object]],
    article: Mapping[str, object] | None,
    title_site: str | None,
    title_keys: set[str],
    blocks: Sequence[Block],
) -> str | None:
    """The site's name: see the module rules. An ``application-name`` that is a title of
    the page names the page, not the site."""
    if article is not None and (names := ld_names(article.get("publisher"))):
        return names[0]
    if names := meta_values(meta, "og:site_name"):
        return names[0]
    for obj in objects:
        if names := ld_names(obj.get("publisher")):
            return names[0]
    for obj in objects:
        if any(t in _SITE_TYPES for t in ld_types(obj)) and (names := ld_names(obj)):
            return names[0]
    for name in meta_values(meta, *_SITE_META):
        if name_key(name) not in title_keys:
            return name
    if title_site:
        return title_site
    return next((b.text for b in blocks if b.role is Role.SITE), None)
