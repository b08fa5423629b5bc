"""Putting translated text into HTML safely: a translation can be hostile.

Text goes into the tree as text (lxml and Jinja2 escape it). A translation that carries
markup is used as markup only when its tags are exactly the source msgid's and every tag is
an inline formatting tag; attributes that run script (``on*``, ``javascript:`` URLs) are
dropped. Anything else is inserted as escaped text and reported.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["SAFE_TAGS", "isolate_latin", "markup_allowed", "sanitize_fragment", "tags_of"]

SAFE_TAGS = frozenset({"a", "abbr", "b", "bdi", "br", "cite", "code", "em", "i", "mark", "q",
                       "s", "small", "span", "strong", "sub", "sup", "time", "u"})
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)\s*>")
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})


def tags_of(text: str) -> Counter[str]:
    """The tags in ``text`` as ``<b`` / ``</b`` tokens (attributes ignored)."""
    return Counter(f"<{m.group(1)}{m.group(2).lower()}" for m in _TAG.finditer(text))


def markup_allowed(translation: str, msgid: str) -> bool:
    """True when ``translation`` may be inserted as markup: same tags as ``msgid``, all safe."""
    wanted = tags_of(msgid)
    if not wanted or tags_of(translation) != wanted:
        return False
    return all(tag.lstrip("</") in SAFE_TAGS for tag in wanted)


def sanitize_fragment(fragment: object) -> None:
    """Remove script-running attributes from an lxml fragment (in place)."""
    for element in fragment.iter():  # type: ignore[attr-defined]
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            value = element.attrib[name].strip().lower()
            if name.lower().startswith("on") or (
                name.lower() in _URL_ATTRIBUTES and value.startswith(("javascript:", "data:",
                                                                      "vbscript:"))
            ):
                del element.attrib[name]


_LATIN_WORD = r"[\w\u00c0-\u024f.&'’-]*"
_LATIN_RUN = re.compile(
    rf"[A-Za-z\u00c0-\u024f]{_LATIN_WORD}(?:\s+[A-Za-z0-9\u00c0-\u024f]{_LATIN_WORD})*"
)


def isolate_latin(text: str) -> str | None:
    """HTML for right-to-left ``text`` with each Latin run in ``<bdi>`` (so "RIA Novosti"
    inside Arabic keeps its order); None when the text has no right-to-left letters or no
    Latin run."""
    import html

    if not any("\u0590" <= ch <= "\u08ff" for ch in text):
        return None
    pieces = []
    last = 0
    for match in _LATIN_RUN.finditer(text):
        pieces.append(html.escape(text[last:match.start()]))
        pieces.append(f'<bdi lang="und-Latn">{html.escape(match.group())}</bdi>')
        last = match.end()
    if last == 0:
        return None
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)
