"""Reading PO files: charsets (sniffed from the header's bytes, then checked against what it
declares), decoding, and a line-by-line parser that keeps every entry's exact text.

Nothing a translator wrote is lost: previous strings (``#|``, ``#~|``), obsolete entries,
comments of every kind, flags GNU does not know, duplicate entries, blank lines, stray
comments, a byte order mark, CRLF line endings and a missing final newline all survive. The
reader does not treat a backslash at the very end of a line as a line continuation, nor
``# File: f, line: n`` as a reference, as GNU does.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from l10n.charsets import ascii_charset
from l10n.errors import CatalogError
from l10n.po.model import Catalog, Message, Source, parse_header
from l10n.po.scan import Translation, scan_po, scan_translations

__all__ = ["BOM", "Translations", "read_po", "read_translations"]

BOM = b"\xef\xbb\xbf"
# The header's msgstr lines, found in the raw bytes to learn the charset before decoding.
_HEADER_BYTES_RE = re.compile(
    rb'(?m)^[ \t]*msgid[ \t]+""[ \t]*\r?\n[ \t]*msgstr[ \t]*((?:"[^\n]*\n[ \t]*)+)'
)
_QUOTED_BYTES_RE = re.compile(rb'"((?:[^"\\\n]|\\.)*)"')
_CHARSET_RE = re.compile(r"charset=([A-Za-z0-9_.:+-]+)")
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"]|$)")
# Fast paths for the lines GNU itself writes: a plain continuation, a plain keyword line.
_PLAIN_STRING_RE = re.compile(r'"(?:([^"\\]*)|([^"\\]*)\\n)"[ \t]*\Z')
_PLAIN_KEYWORD_RE = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr) "([^"\\]*)"\Z')
_QUOTED_RE = re.compile(r'[ \t]*"([^"\\]*(?:\\.[^"\\]*)*)"')
_ESCAPE_RE = re.compile(r"\\(?:([ntbrfva\\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.?))", re.S)
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "b": "\b",
    "r": "\r",
    "f": "\f",
    "v": "\v",
    "a": "\a",
    "\\": "\\",
    '"': '"',
}


def _python_codec(charset: str, path: str, line: int | None) -> str:
    """The Python codec for a header charset (``CHARSET`` in templates means UTF-8)."""
    if charset.upper() == "CHARSET":
        return "utf-8"
    # PO syntax is ASCII: not UTF-16, UTF-7 ("+AFw-" for a backslash), base64, "undefined"...
    if ascii_charset(charset) is None:
        raise CatalogError(
            f"unusable charset {charset!r} in the header",
            path=path,
            line=line,
            hint="declare an ASCII-compatible charset Python knows, e.g. charset=UTF-8",
        )
    return charset


def _sniff_charset(data: bytes) -> str | None:
    """The charset the header names, read from the undecoded bytes."""
    header = _HEADER_BYTES_RE.search(data)
    if header is None:
        return None
    # Join the quoted pieces: a narrow width may wrap "charset=EUC-" | "JP".
    pieces = _QUOTED_BYTES_RE.findall(header.group(1))
    found = _CHARSET_RE.search(b"".join(pieces).decode("ascii", "replace"))
    return found.group(1) if found else None


def read_po(data: bytes | str, path: str = "<string>") -> Catalog:
    """Parse PO text; raise :class:`CatalogError` naming ``path:line`` for malformed input."""
    bom = False
    if isinstance(data, str):
        text = data
        if text.startswith("\ufeff"):
            bom, text = True, text[1:]
        catalog = _parse(text, path, "utf-8")
        declared = _declared_charset(catalog)
        if declared is not None:
            encoding = _python_codec(declared, path, _header_line(catalog))
            if codecs.lookup(encoding).name != "utf-8":
                catalog = _parse(text, path, encoding)
            catalog.encoding = encoding
        catalog.bom = bom
        catalog.path = path
        return catalog

    if data.startswith(BOM):
        bom, data = True, data[len(BOM) :]
    sniffed = _sniff_charset(data)
    encoding = _python_codec(sniffed, path, None) if sniffed else "utf-8"
    catalog = _parse(_decode(data, encoding, path), path, encoding)
    declared = _declared_charset(catalog)
    if declared is not None:
        wanted = _python_codec(declared, path, _header_line(catalog))
        if codecs.lookup(wanted).name != codecs.lookup(encoding).name:
            catalog = _parse(_decode(data, wanted, path), path, wanted)
        encoding = wanted
    catalog.encoding = encoding
    catalog.bom = bom
    catalog.path = path
    return catalog


class Translations(NamedTuple):
    """What compiling reads of a catalog: its header's fields and its active entries."""

    header: dict[str, str]
    entries: list[Translation]


def read_translations(data: bytes) -> Translations | None:
    """A UTF-8 catalog in GNU's layout, read for compiling only (no messages built); None for
    anything else (a byte order mark, another charset, bytes that are not UTF-8, another
    layout), which :func:`read_po` reads, naming what is wrong when something is."""
    if data.startswith(BOM):
        return None
    sniffed = _sniff_charset(data)
    if sniffed is not None and not _utf8(sniffed):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    entries = scan_translations(text)
    if entries is None:
        return None
    header = next((entry[4] for entry in entries if not entry[2] and entry[1] is None), None)
    fields = parse_header(header) if header is not None else {}
    declared = _CHARSET_RE.search(fields.get("Content-Type", ""))
    if declared is not None and not _utf8(declared.group(1)):
        return None
    return Translations(fields, entries)


def _utf8(charset: str) -> bool:
    """Whether a header's charset means UTF-8 (``CHARSET``, a template's, does)."""
    if charset.upper() == "CHARSET":
        return True
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


def _declared_charset(catalog: Catalog) -> str | None:
    """The charset the parsed header declares."""
    header = catalog.header
    if header is None:
        return None
    match = _CHARSET_RE.search(parse_header(header.msgstr).get("Content-Type", ""))
    return match.group(1) if match else None


def _header_line(catalog: Catalog) -> int | None:
    header = catalog.header
    return header.lineno if header is not None else None


def _decode(data: bytes, encoding: str, path: str) -> str:
    """Decode the file, naming the line of the first bad byte."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogError(
            f"invalid {encoding} byte sequence",
            path=path,
            line=line,
            hint="fix the bytes or the header's charset",
        ) from None


class _Entry:
    """The fields of the entry being parsed; lists collect the pieces of each string."""

    __slots__ = (
        "comments",
        "ctxt",
        "ctxt_line",
        "done",
        "extracted",
        "first",
        "flags",
        "id_line",
        "msgid",
        "msgstr",
        "obsolete",
        "plural",
        "plurals",
        "prev_ctxt",
        "prev_id",
        "prev_line",
        "prev_plural",
        "refs",
        "target",
        "target_is_previous",
    )

    def __init__(self, first: int) -> None:
        self.first = first
        self.comments: list[str] = []
        self.extracted: list[str] = []
        self.refs: list[str] = []
        self.flags: list[str] = []
        self.prev_ctxt: list[str] | None = None
        self.prev_id: list[str] | None = None
        self.prev_plural: list[str] | None = None
        self.prev_line = 0
        self.ctxt: list[str] | None = None
        self.ctxt_line = 0
        self.msgid: list[str] | None = None
        self.id_line = 0
        self.plural: list[str] | None = None
        self.msgstr: list[str] | None = None
        self.plurals: list[list[str]] = []
        self.obsolete: bool | None = None
        self.target: list[str] | None = None
        self.target_is_previous = False
        self.done = False


class _Parser:
    """A line-by-line PO parser that remembers the text of every entry."""

    def __init__(self, text: str, path: str, encoding: str) -> None:
        self.path = path
        self.encoding = encoding
        self.has_cr = "\r" in text
        lines = text.split("\n")
        self.final_newline = lines[-1] == ""
        if self.final_newline:
            lines.pop()
        self.lines = lines
        self.messages: list[Message] = []
        self.entry: _Entry | None = None
        self.lead_start = 0  # first line after the previous entry
        self.has_bytes = False  # an escaped byte >= 0x80 awaits decoding
        self.pending = 0  # line of a keyword still waiting for its first string

    def error(self, message: str, line: int, hint: str | None = None) -> CatalogError:
        return CatalogError(message, path=self.path, line=line, hint=hint)

    def parse(self) -> Catalog:
        """Parse every line; most take one of the fast paths for what GNU writes."""
        lines = self.lines
        plain_string = _PLAIN_STRING_RE.match
        plain_keyword = _PLAIN_KEYWORD_RE.match
        has_cr = self.has_cr
        for i, line in enumerate(lines):
            if has_cr and line.endswith("\r"):
                line = line[:-1]
            head = line[:1]
            if head == '"':
                entry = self.entry
                if (
                    entry is not None
                    and entry.target is not None
                    and entry.obsolete is False
                    and not entry.target_is_previous
                    and (match := plain_string(line)) is not None
                ):
                    plain, before_newline = match.groups()
                    entry.target.append(before_newline + "\n" if plain is None else plain)
                    self.pending = 0
                    continue
            elif head == "m" and not self.pending and (match := plain_keyword(line)):
                self.keyword(i, match.group(1), None, [match.group(2)], False, False)
                continue
            elif head == "#" and line[1:2] not in "~|" and not self.pending:
                entry = self.entry
                if entry is None or entry.done:
                    entry = self.start(i)
                if entry.msgid is None and entry.ctxt is None:
                    _add_comment(entry, line)
                    continue
            rest = line.lstrip()
            if not rest:
                continue
            if self.pending and not rest.startswith(('"', "#~", "#|")):
                raise self.error("keyword without a string", self.pending, 'add "" after it')
            if rest[0] != "#":
                self.keyword_line(i, rest, obsolete=False, previous=False)
                continue
            kind = rest[1:2]
            if kind == "~":
                rest = rest[2:]
                previous = rest.startswith("|")
                rest = (rest[1:] if previous else rest).lstrip()
                if not rest:
                    continue  # a bare "#~" is only whitespace to GNU
                if not previous and rest[0] == "#":
                    # GNU reads "#~ # text" as a comment of the obsolete entry.
                    self.comment_line(i, rest)
                else:
                    self.keyword_line(i, rest, obsolete=True, previous=previous)
            elif kind == "|":
                rest = rest[2:].lstrip()
                if rest:
                    self.keyword_line(i, rest, obsolete=False, previous=True)
            else:
                self.comment_line(i, rest)
        if self.pending:
            raise self.error("keyword without a string", self.pending, 'add "" after it')
        entry = self.entry
        if entry is not None:
            if entry.done:
                self.finish(len(lines))
            elif entry.msgid is not None:
                raise self.error("msgid without msgstr", entry.id_line, "add a msgstr line")
            elif entry.ctxt is not None:
                raise self.error("msgctxt without msgid", entry.ctxt_line)
            elif entry.prev_line:
                raise self.error("previous (#|) lines without an entry", entry.prev_line)
        trailer = "\n".join(lines[self.lead_start :])
        if self.lead_start < len(lines) and self.final_newline:
            trailer += "\n"
        crlf = bool(lines) and lines[0].endswith("\r")
        return Catalog(
            messages=self.messages,
            encoding=self.encoding,
            newline="\r\n" if crlf else "\n",
            trailer=trailer,
        )

    def start(self, i: int) -> _Entry:
        """The entry a comment or opening keyword on line ``i`` belongs to."""
        entry = self.entry
        if entry is not None and entry.done:
            self.finish(i)
            entry = None
        if entry is None:
            entry = self.entry = _Entry(i)
        return entry

    def comment_line(self, i: int, rest: str) -> None:
        """A ``#`` comment line; it belongs to the entry that follows."""
        if self.pending:
            raise self.error("keyword without a string", self.pending, 'add "" after it')
        entry = self.start(i)
        if entry.msgid is not None:
            raise self.error("msgid without msgstr", entry.id_line, "add a msgstr line")
        if entry.ctxt is not None:
            raise self.error("comment between msgctxt and msgid", i + 1)
        _add_comment(entry, rest)

    def keyword_line(self, i: int, rest: str, *, obsolete: bool, previous: bool) -> None:
        """A line of keyword and strings, or of strings continuing the last keyword."""
        lineno = i + 1
        if rest[0] == '"':
            entry = self.entry
            if entry is None or entry.target is None or entry.done and previous:
                raise self.error(
                    "string without a keyword", lineno, "start it with msgid or msgstr"
                )
            if entry.target_is_previous != previous or (
                not previous and entry.obsolete != obsolete
            ):
                raise self.error("continuation line does not match the line before it", lineno)
            value, has_bytes = _strings(rest, self.path, lineno)
            self.has_bytes |= has_bytes
            entry.target.append(value)
            self.pending = 0
            return
        match = _KEYWORD_RE.match(rest)
        if match is None or (match.group(2) is not None and match.group(1) != "msgstr"):
            word = rest.split(None, 1)[0][:40]
            raise self.error(
                f"unknown keyword {word!r}", lineno, "expected msgctxt, msgid, msgstr or #"
            )
        if self.pending:
            raise self.error("keyword without a string", self.pending, 'add "" after it')
        after = rest[match.end() :].lstrip()
        if after:
            value, has_bytes = _strings(after, self.path, lineno)
            self.has_bytes |= has_bytes
            target = [value]
        else:
            # GNU lets the string start on the next line.
            target = []
            self.pending = lineno
        self.keyword(i, match.group(1), match.group(2), target, obsolete, previous)

    def keyword(
        self,
        i: int,
        keyword: str,
        index: str | None,
        target: list[str],
        obsolete: bool,
        previous: bool,
    ) -> None:
        """Record a keyword and the list its strings go to."""
        lineno = i + 1
        if previous:
            if keyword == "msgstr":
                raise self.error("msgstr cannot be a previous (#|) line", lineno)
            entry = self.start(i)
            if entry.msgid is not None or entry.ctxt is not None:
                raise self.error("previous (#|) line inside an entry", lineno)
            if keyword == "msgctxt":
                entry.prev_ctxt = target
            elif keyword == "msgid":
                entry.prev_id = target
            else:
                entry.prev_plural = target
            entry.prev_line = entry.prev_line or lineno
            entry.target = target
            entry.target_is_previous = True
            return
        if keyword == "msgctxt" or keyword == "msgid":
            entry = self.start(i)
            if entry.msgid is not None:
                raise self.error("msgid without msgstr", entry.id_line, "add a msgstr line")
            if keyword == "msgctxt":
                if entry.ctxt is not None:
                    raise self.error("msgctxt without msgid", entry.ctxt_line)
                entry.ctxt = target
                entry.ctxt_line = lineno
            else:
                entry.msgid = target
                entry.id_line = lineno
        else:
            current = self.entry
            if current is None or current.msgid is None:
                raise self.error(f"{keyword} without msgid", lineno, "add a msgid line first")
            entry = current
            if keyword == "msgid_plural":
                if entry.plural is not None or entry.done:
                    raise self.error("misplaced msgid_plural", lineno)
                entry.plural = target
            elif index is None:
                if entry.plural is not None:
                    raise self.error(
                        "msgstr in a plural entry", lineno, "use msgstr[0], msgstr[1], ..."
                    )
                if entry.done:
                    raise self.error("second msgstr", lineno)
                entry.msgstr = target
                entry.done = True
            else:
                if entry.plural is None:
                    raise self.error(
                        f"msgstr[{index}] without msgid_plural", lineno, "use plain msgstr"
                    )
                if int(index) != len(entry.plurals):
                    raise self.error(
                        f"msgstr[{index}] out of order",
                        lineno,
                        f"expected msgstr[{len(entry.plurals)}]",
                    )
                entry.plurals.append(target)
                entry.done = True
        if entry.obsolete is None:
            entry.obsolete = obsolete
        elif entry.obsolete != obsolete:
            raise self.error("entry mixes obsolete (#~) and active lines", lineno)
        entry.target = target
        entry.target_is_previous = False

    def finish(self, end: int) -> None:
        """Turn the current entry into a Message; the next one starts at line ``end``."""
        e = self.entry
        assert e is not None
        lines = self.lines
        while not lines[end - 1].strip():
            end -= 1  # blank lines after an entry lead into the next one
        if e.plural is not None and not e.plurals:
            raise self.error("msgid_plural without msgstr[0]", e.id_line)
        if self.has_bytes:

            def join(parts: list[str]) -> str:
                return _unbyte("".join(parts), self.encoding, self.path, e.id_line)

        else:
            join = "".join
        msgid = join(e.msgid)  # type: ignore[arg-type]
        msgstr = join(e.msgstr) if e.msgstr is not None else ""
        msgctxt = join(e.ctxt) if e.ctxt is not None else None
        msgid_plural = join(e.plural) if e.plural is not None else None
        msgstr_plural = tuple(join(p) for p in e.plurals)
        comments = tuple(e.comments)
        extracted = tuple(e.extracted)
        refs = tuple(e.refs)
        flags = tuple(e.flags)
        prev_ctxt = join(e.prev_ctxt) if e.prev_ctxt is not None else None
        prev_id = join(e.prev_id) if e.prev_id is not None else None
        prev_plural = join(e.prev_plural) if e.prev_plural is not None else None
        obsolete = bool(e.obsolete)
        lead = "\n".join(lines[self.lead_start : e.first])
        if e.first > self.lead_start:
            lead += "\n"
        body = "\n".join(lines[e.first : end])
        if end < len(lines) or self.final_newline:
            body += "\n"
        snapshot = (
            msgid,
            msgstr,
            msgctxt,
            msgid_plural,
            msgstr_plural,
            comments,
            extracted,
            refs,
            flags,
            prev_ctxt,
            prev_id,
            prev_plural,
            obsolete,
        )
        self.messages.append(
            Message(
                msgid=msgid,
                msgstr=msgstr,
                msgctxt=msgctxt,
                msgid_plural=msgid_plural,
                msgstr_plural=msgstr_plural,
                translator_comments=comments,
                extracted_comments=extracted,
                references=refs,
                flags=flags,
                previous_msgctxt=prev_ctxt,
                previous_msgid=prev_id,
                previous_msgid_plural=prev_plural,
                obsolete=obsolete,
                lineno=e.id_line,
                source=Source(lead, body, snapshot),
            )
        )
        self.entry = None
        self.lead_start = end
        self.has_bytes = False


def _parse(text: str, path: str, encoding: str) -> Catalog:
    """Parse decoded PO text (the encoding only decodes escaped bytes): GNU's layout on the
    fast path (:mod:`l10n.po.scan`), anything else line by line."""
    scanned = scan_po(text, encoding)
    return scanned if scanned is not None else _Parser(text, path, encoding).parse()


def _add_comment(e: _Entry, rest: str) -> None:
    """Record one ``#`` comment line (``rest`` starts with ``#``)."""
    kind = rest[1:2]
    if kind == ".":
        text = rest[2:]
        e.extracted.append(text[1:] if text.startswith(" ") else text)
    elif kind == ":":
        e.refs.extend(rest[2:].split())
    elif kind == "," or kind == "!":
        e.flags.extend(f for f in (part.strip() for part in rest[2:].split(",")) if f)
    else:
        text = rest[1:]
        e.comments.append(text[1:] if text.startswith(" ") else text)


def _strings(rest: str, path: str, lineno: int) -> tuple[str, bool]:
    """The value of the quoted strings on the rest of a line, and whether it has high bytes."""
    # Escaped bytes >= 0x80 stay surrogates until the whole field is decoded (see _unbyte).
    parts: list[str] = []
    has_bytes = False
    pos = 0
    while (match := _QUOTED_RE.match(rest, pos)) is not None:
        body = match.group(1)
        if "\\" in body:
            body, escaped_bytes = _unescape(body, path, lineno)
            has_bytes |= escaped_bytes
        parts.append(body)
        pos = match.end()
    tail = rest[pos:].strip()
    if tail.startswith('"'):
        raise CatalogError("unterminated string", path=path, line=lineno, hint='close it with "')
    if tail or not parts:
        what = "unexpected text after a string" if parts else "expected a quoted string"
        raise CatalogError(what, path=path, line=lineno, hint='strings look like "text"')
    return "".join(parts), has_bytes


def _unescape(body: str, path: str, lineno: int) -> tuple[str, bool]:
    """Resolve the backslash escapes of one string, as GNU's lexer does."""
    has_bytes = False

    def resolve(match: re.Match[str]) -> str:
        nonlocal has_bytes
        simple, octal, hexa, bad = match.groups()
        if simple is not None:
            return _ESCAPES[simple]
        if bad is not None:
            raise CatalogError(
                f"invalid escape sequence \\{bad}",
                path=path,
                line=lineno,
                hint='use \\n \\t \\" \\\\ or an octal/hex byte',
            )
        value = int(octal, 8) if octal is not None else int(hexa, 16)
        value &= 0xFF  # GNU keeps the low byte of the escaped value
        if value < 0x80:
            return chr(value)
        has_bytes = True
        return chr(0xDC00 + value)

    return _ESCAPE_RE.sub(resolve, body), has_bytes


def _unbyte(value: str, encoding: str, path: str, lineno: int) -> str:
    """Decode the escaped bytes of a field in the catalog's encoding."""
    if not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    try:
        return value.encode(encoding, "surrogateescape").decode(encoding)
    except UnicodeError:
        raise CatalogError(
            f"escaped bytes are not valid {encoding}", path=path, line=lineno
        ) from None

