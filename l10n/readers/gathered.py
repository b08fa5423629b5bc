"""What the HTML reader's walk gathers for a page's metadata as it passes each element
(:class:`Gathered`: every ``<meta>`` by key, JSON-LD, ``<time datetime>``, ``<title>``), and
the lookups the metadata rules make in it."""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from l10n.prose import collapse_space

__all__ = [
    "BlockNodes",
    "Gathered",
    "TimeTag",
    "first_value",
    "is_article",
    "join_names",
    "ld_names",
    "ld_objects",
    "ld_text",
    "ld_types",
    "meta_values",
]

BlockNodes = Sequence[Sequence[tuple[etree._Element, str]]]  # per block, as HtmlDocument holds them


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


_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^www\.", re.IGNORECASE)


def _clean(value: str) -> str:
    """A metadata value as shown: entities a site escaped twice decoded, space collapsed."""
    return collapse_space(html.unescape(value) if "&" in value else value)


def meta_values(meta: Mapping[str, list[str]], *keys: str) -> list[str]:
    """The distinct non-URL values of ``keys``, in key order."""
    out: list[str] = []
    for key in keys:
        for value in meta.get(key, ()):
            value = _clean(value)
            if value and not _URL.match(value) and value not in out:
                out.append(value)
    return out


def first_value(meta: Mapping[str, list[str]], *keys: str) -> str | None:
    """The first value of the first of ``keys`` that has one."""
    for key in keys:
        values = meta.get(key)
        if values:
            return _clean(values[0]) or None
    return None


def join_names(names: Sequence[str]) -> str | None:
    """Names as one byline: ", " between them, "; " when a name holds a comma itself."""
    if not names:
        return None
    return ("; " if any("," in n for n in names) else ", ").join(names)


_LD_LIMIT = 200  # objects looked at per page; item lists can hold thousands
_LD_NESTED = ("@graph", "mainEntity", "mainEntityOfPage")
_ARTICLE_TYPES = frozenset({"Report", "APIReference"})  # besides *Article and *Posting


def ld_objects(items: Iterable[object]) -> list[dict[str, object]]:
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


def ld_types(obj: Mapping[str, object]) -> list[str]:
    """An object's ``@type`` names without a vocabulary prefix (``schema:NewsArticle``)."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return [re.split(r"[/:#]", v)[-1] for v in values if isinstance(v, str)]


def is_article(obj: Mapping[str, object]) -> bool:
    return any(t in _ARTICLE_TYPES or t.endswith(("Article", "Posting")) for t in ld_types(obj))


def ld_names(value: object) -> list[str]:
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


def ld_text(obj: Mapping[str, object] | None, key: str) -> str | None:
    value = obj.get(key) if obj is not None else None
    if isinstance(value, str):
        return _clean(value) or None
    return None
