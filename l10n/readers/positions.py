"""Source positions for HTML: where each element and each text run starts, in lines and columns.

libxml2 (through lxml) records only the line on which a start tag *ends*. One regex pass over
the source finds every start tag and every text run with its offset; the reader then aligns the
lxml tree with them in document order: elements by (tag, line of their ``>``), text runs by
content. Where the tree and the source disagree (markup libxml2 repaired), the element's own
position, or the start of its line, is the fallback.
"""

from __future__ import annotations

import bisect
import html
import operator
import re
from collections import deque
from collections.abc import Iterator
from itertools import accumulate

from lxml import etree

from l10n.prose import collapse_space

__all__ = ["SourceIndex"]

# One alternative per kind of token after the "<" they all open with (a literal first character
# lets the regex engine jump from "<" to "<"). Raw-text start tags come before other start tags.
# Attributes are quoted strings or runs of other characters; there is only one way to split
# them, so the loop over them never needs to backtrack (*+).
_TOKEN = re.compile(
    r"""
    <(?:
      (?P<comment>!--.*?(?:-->|\Z))
    | !\[CDATA\[.*?(?:\]\]>|\Z)
    | [!?][^>]*>?
    | /[A-Za-z][^>]*>?
    | (?P<raw>(?P<rawtag>script|style|xmp|textarea|plaintext)\b
        (?:"[^"]*"|'[^']*'|[^'">]+)*+>)
    | (?P<tag>[A-Za-z][^\s/>]*)(?:"[^"]*"|'[^']*'|[^'">]+)*+>
    )
    """,
    re.DOTALL | re.VERBOSE | re.IGNORECASE,
)
_RAW_END = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "xmp", "textarea", "plaintext")
}
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_TAG_AT = re.compile(r"</?[A-Za-z!?][^>]*>?")
_WINDOW = 24


def _line_starts(source: str) -> list[int]:
    """The offset where each line of ``source`` starts; a line ends at CR LF, CR or LF."""
    if "\r" in source:
        return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    # Line k starts after lines 0..k-1 and their k newlines: all of it summed in C.
    lines = source.split("\n")
    return list(map(operator.add, accumulate(map(len, lines), initial=0), range(len(lines))))


# After the last ">" of a page only these tokens can match, each running to its end.
_TAIL = re.compile(r"<(?:[!?]|/[A-Za-z])", re.IGNORECASE)  # as _TOKEN: "ſ" too


def _tokens(source: str, position: int, last: int) -> Iterator[re.Match[str]]:
    """The matches of ``_TOKEN.finditer(source, position)``, where ``last`` is
    ``source.rfind(">") + 1``. A start tag needs a ">": searched for past the last one, each
    "<x" would scan to the end of the page (quadratic on a page ending in thousands of them),
    so tags are looked for before it and only the tokens that need no ">" after it."""
    while True:
        match = None
        if position < last:
            match = _TOKEN.search(source, position, last)
            if match is not None and match.end() == last and last < len(source):
                match = _TOKEN.match(source, match.start())  # endpos cut it ("\Z", ">?")
        if match is None:
            position = max(position, last)
            while (tail := _TAIL.search(source, position)) is not None:
                match = _TOKEN.match(source, tail.start())
                if match is not None:
                    break
                position = tail.start() + 1
            if match is None:
                return
        yield match
        position = match.end()


class SourceIndex:
    """Offsets of start tags and text runs in one HTML source, and offset → (line, column)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = _line_starts(source)
        # (tag, line) -> the offset of the one start tag there, or a queue of several.
        self._tags: dict[tuple[str, int], int | deque[int]] = {}
        self.start_tags = 0  # about the number of elements
        self._texts: list[tuple[int, str]] = []
        self._normal: dict[int, str] = {}
        self._cursor = 0
        self._scan()

    def _scan(self) -> None:
        """Record every start tag and text run. The scan starts over after the content of each
        raw-text element (script, style...), which holds no tags."""
        source = self.source
        length = len(source)
        line_starts = self.line_starts
        line_of = bisect.bisect_right
        add_tag = self._add_tag
        tags = self._tags
        texts = self._texts
        count = 0
        position = 0
        last = source.rfind(">") + 1
        while position < length:
            for match in _tokens(source, position, last):
                start, end = match.span()
                if start > position:  # _add_text, inline
                    text = source[position:start]
                    if not text.isspace():
                        texts.append((position, text))
                position = end
                kind = match.lastgroup  # "tag", "raw", "comment" or None
                if kind == "tag":  # _add_tag, inline
                    count += 1
                    key = (match["tag"].lower(), line_of(line_starts, end - 1))
                    known = tags.setdefault(key, start)
                    if known != start:
                        if type(known) is int:
                            tags[key] = deque((known, start))
                        else:
                            known.append(start)
                elif kind == "raw":
                    name = match["rawtag"].lower()
                    add_tag((name, bisect.bisect_right(line_starts, end - 1)), start)
                    close = _RAW_END[name].search(source, end)
                    if name == "textarea" and close is not None:
                        self._add_text(end, close.start())
                    position = close.end() if close is not None else length
                    break
            else:
                self._add_text(position, length)
                break
        self.start_tags += count

    def _add_tag(self, key: tuple[str, int], start: int) -> None:
        """Record a start tag at ``start``: ``key`` is its name (lower case) and the line of
        its ``>``. Most are alone on their key: an int, not a queue."""
        self.start_tags += 1
        tags = self._tags
        known = tags.setdefault(key, start)
        if known != start:
            if type(known) is int:
                tags[key] = deque((known, start))
            else:
                known.append(start)

    def _add_text(self, start: int, end: int) -> None:
        if end > start and not self.source[start:end].isspace():
            self._texts.append((start, self.source[start:end]))

    # -- lookups ---------------------------------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def align_element(self, el: etree._Element) -> int:
        """Offset of ``el``'s start tag (consumed in document order), or of its line's start."""
        tag = el.tag
        return self.align_tag(tag.lower() if isinstance(tag, str) else "", el.sourceline)

    def align_tag(self, tag: str, line: int | None) -> int:
        """:meth:`align_element` for an element named ``tag`` (lower case) whose start tag
        libxml2 saw end on ``line``."""
        line = line or 1
        key = (tag, line)
        queue = self._tags.get(key)
        if queue is not None:
            if type(queue) is int:
                del self._tags[key]
                return queue
            if queue:
                return queue.popleft()
        return self.line_starts[min(line, len(self.line_starts)) - 1]

    def align_text(self, text: str) -> int | None:
        """Offset of the first visible character of the next text run holding ``text``."""
        if not text or text.isspace():
            return None
        texts = self._texts
        wanted = None
        for k in range(self._cursor, min(self._cursor + _WINDOW, len(texts))):
            offset, raw = texts[k]
            # The usual case, a run lxml read verbatim, needs no normalizing to compare.
            if not (raw == text and "&" not in raw):
                if wanted is None:
                    wanted = collapse_space(text)
                if self._normalized(k) != wanted:
                    continue
            self._cursor = k + 1
            return offset + (len(raw) - len(raw.lstrip()))
        return None

    def skip_subtree(self, el: etree._Element) -> None:
        """Consume the start tags and text runs inside ``el`` (script, template...)."""
        for child in el.iterdescendants():
            if isinstance(child.tag, str):
                self.align_element(child)
            for text in (child.text, child.tail):
                if text and text.strip():
                    self.align_text(text)
        if el.text and el.text.strip() and el.tag not in ("script", "style"):
            self.align_text(el.text)

    def advance(self, offset: int, count: int) -> int:
        """Offset reached after ``count`` visible characters of text from ``offset``.

        Tags are skipped, an entity counts as one character and a run of whitespace as one,
        as in the collapsed block text; the result is moved past spaces to the next character.
        """
        source = self.source
        position = offset
        consumed = 0
        while consumed < count and position < len(source):
            char = source[position]
            if char == "<":
                tag = _TAG_AT.match(source, position)
                if tag:
                    position = tag.end()
                    continue
            if char.isspace():
                while position < len(source) and source[position].isspace():
                    position += 1
                consumed += 1
                continue
            if char == "&":
                entity = _ENTITY.match(source, position)
                if entity:
                    position = entity.end()
                    consumed += 1
                    continue
            position += 1
            consumed += 1
        while position < len(source):
            if source[position].isspace():
                position += 1
            elif source[position] == "<" and (tag := _TAG_AT.match(source, position)):
                position = tag.end()
            else:
                break
        return position

    def _normalized(self, k: int) -> str:
        cached = self._normal.get(k)
        if cached is None:
            raw = self._texts[k][1]
            cached = collapse_space(html.unescape(raw) if "&" in raw else raw)
            self._normal[k] = cached
        return cached
