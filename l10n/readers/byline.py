"""A page's byline, where Mozilla's Readability finds it unless that is plainly worse: the
metadata's author, else the first byline element up to the article's end (not a share,
follow or comment widget, not hidden, not in a container a reader mode drops), else a short
"By …" line opening the article (see :mod:`l10n.readers.metadata`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from lxml import etree

from l10n.page import Block, Role
from l10n.prose import collapse_space
from l10n.readers.gathered import BlockNodes, join_names, ld_names, meta_values

__all__ = [
    "BY_WORD",
    "find_byline",
]

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
BY_WORD = re.compile(r"^" + _BY + r"\b\s*:?\s*", re.IGNORECASE)
_BY_LINE_WORDS = 8
_BY_LINE_BLOCKS = 8  # article blocks looked at for a "By …" line


def find_byline(
    root: etree._Element,
    meta: Mapping[str, list[str]],
    article: Mapping[str, object] | None,
    blocks: Sequence[Block],
    nodes: BlockNodes,
) -> str | None:
    if article is not None and (names := ld_names(article.get("author"))):
        return join_names(names)
    for keys in _AUTHOR_META:
        if values := meta_values(meta, *keys):
            return join_names(values)
    return (_element_byline(root, blocks, nodes) or join_names(meta_values(meta, "byl"))
            or _by_line(blocks))


def _element_byline(root: etree._Element, blocks: Sequence[Block], nodes: BlockNodes) -> str | None:
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
