"""The project's one reader and writer of gettext PO catalogs: lossless, and byte-compatible
with GNU gettext.

Every catalog l10n touches goes through :func:`read_po` and :func:`write_po`. Nothing a
translator wrote is lost: previous strings (``#|``, ``#~|``), obsolete entries, comments of
every kind, flags GNU does not know, duplicate entries, blank lines, stray comments, a byte
order mark, CRLF line endings and a missing final newline all survive a round trip.

Data model. :class:`Message` is a small frozen dataclass; change it with
:func:`dataclasses.replace`. A parsed message carries its :class:`_Source`: the exact text it
came from (the blank lines before it, then its own lines) and a snapshot of the fields parsed
from that text. :func:`write_po` writes that text back byte for byte while the fields still
equal the snapshot; any other message is rendered canonically (keeping only the blank lines
before it). So ``replace()`` invalidates the source without bookkeeping, and setting a field
back to its old value makes the entry byte-identical again. :class:`Catalog` is a plain
mutable dataclass: the message list in file order plus the file's encoding, line ending, byte
order mark and ``trailer`` (text after the last entry, which GNU would drop).

Canonical rendering is byte for byte what GNU gettext 0.21 ``msgcat``, ``msgmerge`` and
``xgettext`` write (libunistring 1.0), verified against msgcat on fixtures and on hundreds of
thousands of generated strings:

* Order: ``# `` translator comments, ``#.`` extracted comments, ``#:`` references, ``#,``
  flags, ``#|`` previous msgctxt/msgid/msgid_plural, then ``msgctxt``, ``msgid``,
  ``msgid_plural`` and ``msgstr`` or ``msgstr[0]``, ``msgstr[1]``... An empty comment is a
  bare ``#`` or ``#.``. One blank line separates entries.
* Obsolete entries prefix their keyword and string lines with ``#~ `` and previous lines with
  ``#~| ``; their comments and flags are written as for active entries.
* References: a leading ``./`` is dropped and a reference repeated as written is dropped;
  the rest are joined by spaces and a new ``#:`` line starts when the next one would pass the
  width (lengths in bytes of the catalog's encoding; a line may be exactly ``width`` long).
* Flags: one line, never wrapped, ``fuzzy`` first, then ``<lang>-format`` flags in GNU's
  language order (c, objc, python, python-brace, java, ...), then ``range:``, then
  ``no-wrap``.
* Strings: ``\\a \\b \\f \\n \\r \\t \\v \\" \\\\`` are escaped, everything else
  is written as is. A string is cut after every ``\\n``. It is written as ``msgid ""``
  followed by continuation lines when it has a cut before its end or when its first piece
  does not fit on the keyword line. Each line, quotes included, fits in ``width`` columns
  unless a single unbreakable run is longer.
* Widths: East Asian wide and fullwidth characters count two columns; combining marks,
  format characters (soft hyphen included) and control characters none; an escape sequence
  counts two.
* Line breaking is libunistring's: UAX #14 break opportunities from the Unicode 14 pair
  table (measured with msgcat, see ``_PAIR_ROWS``), then a greedy fill that breaks at the last
  opportunity before the line would overflow. So lines end after spaces (the space stays on
  the line), after hyphens and dashes, before an opening bracket of East Asian width, around
  ideographs, kana and Hangul syllables (never before small kana, ``ー``, ``。``, ``、`` or
  other closing punctuation), after ``/`` and before a letter that follows ``.`` or ``:``;
  never between ``\\`` and its escaped letter, never just before a final ``\\n``. Thai, Lao,
  Myanmar and Khmer are not broken inside words.
* ``c-format`` and ``python-format`` entries never break inside a ``%`` directive. For a
  ``python-brace-format`` entry, gettext 0.21 records the first valid ``{...}`` directive at
  the start of the string instead of where it is, and so keeps the string's first bytes
  together; this module does the same. A ``no-wrap`` entry is only cut after ``\\n``.
* In the legacy CJK encodings (EUC-JP, EUC-KR, GB2312, GBK, BIG5, CP949, JOHAB) characters
  of ambiguous width count two columns and break like ideographs.

Deliberate differences from GNU, so that nothing is lost: entries stay in list order (GNU
moves obsolete entries last), ``fuzzy`` stays on an untranslated entry, an obsolete entry with
an empty ``msgstr`` is written (GNU drops it), flags GNU does not know or rewrites
(``wrap``, ``possible-c-format``...) are kept as written after the known ones, and duplicate
entries are read and written (GNU refuses them). The reader does not treat a backslash at the
very end of a line as a line continuation, nor ``# File: f, line: n`` as a reference, as GNU
does. Format directives of languages other than C, Objective-C and Python are not protected
from wrapping.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from l10n.errors import CatalogError
from l10n.readers.decode import ascii_charset

__all__ = [
    "Catalog",
    "Message",
    "format_message",
    "read_po",
    "write_po",
]


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True, slots=True)
class _Source:
    """Where a parsed entry came from: its exact text and the fields parsed from it."""

    lead: str
    body: str
    fields: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Message:
    """One PO entry; the header is the entry with an empty msgid and no msgctxt."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    translator_comments: tuple[str, ...] = ()
    extracted_comments: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    lineno: int = field(default=0, compare=False)
    # The source text is reused only while the fields still equal the snapshot taken when
    # it was parsed, so replace() invalidates it without any bookkeeping.
    source: _Source | None = field(default=None, compare=False, repr=False)

    @property
    def fuzzy(self) -> bool:
        """Whether the entry carries the ``fuzzy`` flag."""
        return "fuzzy" in self.flags

    @property
    def key(self) -> tuple[str | None, str]:
        """The entry's identity in a catalog: ``(msgctxt, msgid)``."""
        return (self.msgctxt, self.msgid)

    @property
    def is_translated(self) -> bool:
        """Whether every msgstr is non-empty and the entry is not fuzzy."""
        if self.msgid_plural is not None:
            done = bool(self.msgstr_plural) and all(self.msgstr_plural)
        else:
            done = self.msgstr != ""
        return done and not self.fuzzy

    @property
    def is_header(self) -> bool:
        """Whether this is the header entry."""
        return self.msgid == "" and self.msgctxt is None and not self.obsolete


def _fields(m: Message) -> tuple[object, ...]:
    """The fields that decide how an entry is written."""
    return (
        m.msgid,
        m.msgstr,
        m.msgctxt,
        m.msgid_plural,
        m.msgstr_plural,
        m.translator_comments,
        m.extracted_comments,
        m.references,
        m.flags,
        m.previous_msgctxt,
        m.previous_msgid,
        m.previous_msgid_plural,
        m.obsolete,
    )


@dataclass(slots=True)
class Catalog:
    """A PO file: its entries in file order plus what is needed to write it back exactly."""

    messages: list[Message] = field(default_factory=list)
    path: str | None = None
    encoding: str = "utf-8"
    newline: str = "\n"
    bom: bool = False
    trailer: str = ""

    @property
    def header(self) -> Message | None:
        """The header entry, if there is one."""
        for m in self.messages:
            if m.is_header:
                return m
        return None

    def header_fields(self) -> dict[str, str]:
        """The header's ``Key: value`` lines, in order."""
        header = self.header
        return _parse_header(header.msgstr) if header is not None else {}

    def __iter__(self) -> Iterator[Message]:
        return iter(self.messages)

    def __len__(self) -> int:
        return len(self.messages)

    def by_key(self) -> dict[tuple[str | None, str], Message]:
        """Active (non-obsolete) entries by ``(msgctxt, msgid)``; the first of duplicates wins."""
        result: dict[tuple[str | None, str], Message] = {}
        for m in self.messages:
            if not m.obsolete:
                result.setdefault(m.key, m)
        return result

    def get(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        """The first active entry with this msgid and msgctxt, or None."""
        for m in self.messages:
            if not m.obsolete and m.msgid == msgid and m.msgctxt == msgctxt:
                return m
        return None

    def duplicates(self) -> list[tuple[str | None, str]]:
        """Keys that more than one active entry uses, in order of first use."""
        seen: set[tuple[str | None, str]] = set()
        dups: dict[tuple[str | None, str], None] = {}
        for m in self.messages:
            if m.obsolete:
                continue
            if m.key in seen:
                dups[m.key] = None
            seen.add(m.key)
        return list(dups)


def _parse_header(msgstr: str) -> dict[str, str]:
    """The ``Key: value`` lines of a header msgstr."""
    fields: dict[str, str] = {}
    for line in msgstr.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip()] = value.strip()
    return fields


# --------------------------------------------------------------------------- reading

_BOM = b"\xef\xbb\xbf"
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

    if data.startswith(_BOM):
        bom, data = True, data[len(_BOM) :]
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


def _declared_charset(catalog: Catalog) -> str | None:
    """The charset the parsed header declares."""
    header = catalog.header
    if header is None:
        return None
    match = _CHARSET_RE.search(_parse_header(header.msgstr).get("Content-Type", ""))
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
                source=_Source(lead, body, snapshot),
            )
        )
        self.entry = None
        self.lead_start = end
        self.has_bytes = False


def _parse(text: str, path: str, encoding: str) -> Catalog:
    """Parse decoded PO text (the encoding only decodes escaped bytes)."""
    return _Parser(text, path, encoding).parse()


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


# --------------------------------------------------------------------------- writing


def write_po(catalog: Catalog, *, width: int = 79) -> bytes:
    """Serialize a catalog: unchanged entries byte for byte, the others as GNU msgcat would."""
    newline = catalog.newline
    parts: list[str] = []
    at_line_start = True
    for i, m in enumerate(catalog.messages):
        src = m.source
        if not at_line_start:
            parts.append(newline)  # the entry before was the last of a file without one
        if src is not None and src.fields == _fields(m):
            parts.append(src.lead)
            parts.append(src.body)
            at_line_start = src.body.endswith("\n")
            continue
        text = format_message(m, width=width, encoding=catalog.encoding)
        if newline != "\n":
            text = text.replace("\n", newline)
        if src is not None:
            parts.append(src.lead)
        elif i > 0:
            parts.append(newline)
        parts.append(text)
        at_line_start = True
    if catalog.trailer:
        if not at_line_start:
            parts.append(newline)
        parts.append(catalog.trailer)
    text = "".join(parts)
    try:
        data = text.encode(catalog.encoding)
    except UnicodeEncodeError as exc:
        bad: int | None = exc.start
    else:
        bad = _first_lossy(text, data, catalog.encoding)
    if bad is not None:
        raise CatalogError(
            f"{text[bad]!r} cannot be written in {catalog.encoding}",
            path=catalog.path,
            line=text.count("\n", 0, bad) + 1,
            hint="change the header's charset to UTF-8",
        )
    return _BOM + data if catalog.bom else data


def _first_lossy(text: str, data: bytes, encoding: str) -> int | None:
    """Where ``data`` stops decoding back to ``text`` (EUC-JP writes ``¥`` as ``\\``), or None."""
    if codecs.lookup(encoding).name == "utf-8":
        return None
    back = data.decode(encoding, "replace")
    if back == text:
        return None
    diff = (i for i, (a, b) in enumerate(zip(text, back, strict=False)) if a != b)
    return next(diff, min(len(back), len(text) - 1))


_FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
_FORMAT_RANK = {lang: i for i, lang in enumerate(_FORMAT_LANGUAGES)}


def _format_language(flag: str) -> tuple[str, str] | None:
    """Split ``[no-|possible-|impossible-]<lang>-format`` into (state, language)."""
    if not flag.endswith("-format"):
        return None
    name = flag[: -len("-format")]
    for state in ("no-", "possible-", "impossible-"):
        if name.startswith(state) and name[len(state) :] in _FORMAT_RANK:
            return state[:-1], name[len(state) :]
    return ("yes", name) if name in _FORMAT_RANK else None


def _flag_rank(flag: str) -> int:
    if flag == "fuzzy":
        return 0
    lang = _format_language(flag)
    if lang is not None:
        return 1 + _FORMAT_RANK[lang[1]]
    if flag.startswith("range:"):
        return 100
    if flag in ("no-wrap", "wrap"):
        return 101
    return 102


def _canonical_flags(flags: tuple[str, ...]) -> list[str]:
    """The flags once each, in GNU's order."""
    unique = list(dict.fromkeys(flags))
    return sorted(unique, key=_flag_rank)


def _wrap_settings(flags: tuple[str, ...]) -> tuple[bool, str | None]:
    """Whether to wrap, and which format language's directives to keep whole."""
    wrap = True
    states: dict[str, str] = {}
    for flag in flags:
        if flag == "no-wrap":
            wrap = False
        elif flag == "wrap":
            wrap = True
        else:
            lang = _format_language(flag)
            if lang is not None:
                states[lang[1]] = lang[0]
    language = None
    for lang in _FORMAT_LANGUAGES:
        if states.get(lang) in ("yes", "possible"):
            language = lang
            break
    return wrap, language


def format_message(message: Message, *, width: int = 79, encoding: str = "utf-8") -> str:
    """Render one entry exactly as GNU msgcat would (ends with a newline, no blank line)."""
    m = message
    if m.msgid_plural is None and m.msgstr_plural:
        raise ValueError("msgstr_plural needs msgid_plural")
    if m.msgid_plural is not None and m.msgstr:
        raise ValueError("a plural entry keeps its translations in msgstr_plural")
    out: list[str] = []
    for comment in m.translator_comments:
        for line in comment.split("\n"):
            out.append(f"# {line}\n" if line else "#\n")
    for comment in m.extracted_comments:
        for line in comment.split("\n"):
            out.append(f"#. {line}\n" if line else "#.\n")
    if m.references:
        _write_references(out, m.references, width, encoding)
    if m.flags:
        out.append("#, " + ", ".join(_canonical_flags(m.flags)) + "\n")
    do_wrap, language = _wrap_settings(m.flags)
    cjk = _is_cjk_encoding(encoding)
    prev = "#~| " if m.obsolete else "#| "
    prefix = "#~ " if m.obsolete else ""
    fields: list[tuple[str, str, str]] = []
    if m.previous_msgctxt is not None:
        fields.append((prev, "msgctxt", m.previous_msgctxt))
    if m.previous_msgid is not None:
        fields.append((prev, "msgid", m.previous_msgid))
    if m.previous_msgid_plural is not None:
        fields.append((prev, "msgid_plural", m.previous_msgid_plural))
    if m.msgctxt is not None:
        fields.append((prefix, "msgctxt", m.msgctxt))
    fields.append((prefix, "msgid", m.msgid))
    if m.msgid_plural is not None:
        fields.append((prefix, "msgid_plural", m.msgid_plural))
        for n, value in enumerate(m.msgstr_plural or ("",)):
            fields.append((prefix, f"msgstr[{n}]", value))
    else:
        fields.append((prefix, "msgstr", m.msgstr))
    for line_prefix, name, value in fields:
        _wrap(out, line_prefix, name, value, width if do_wrap else None, language, encoding, cjk)
    return "".join(out)


def _write_references(
    out: list[str], references: tuple[str, ...], width: int, encoding: str
) -> None:
    """Append the ``#:`` lines, filled up to ``width`` columns."""
    seen: set[str] = set()
    line = "#:"
    column = 2
    for ref in references:
        if ref in seen:
            continue
        seen.add(ref)
        while ref.startswith("./"):
            ref = ref[2:]
        size = len(ref.encode(encoding, "replace")) + 1
        if column > 2 and column + size > width:
            out.append(line + "\n")
            line = "#:"
            column = 2
        line += " " + ref
        column += size
    out.append(line + "\n")


# --------------------------------------------------------------------------- string wrapping

_ESCAPE_OUT = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
_ESCAPE_TABLE = str.maketrans(_ESCAPE_OUT)


def _wrap(
    out: list[str],
    prefix: str,
    name: str,
    value: str,
    width: int | None,
    language: str | None,
    encoding: str,
    cjk: bool,
) -> None:
    """Append a keyword and its string, cut after each newline and wrapped as write-po.c does."""
    after_break = len(prefix) + 1
    # Columns left after the opening quote, keeping one for the closing quote.
    room = (width if width is not None else 1 << 30) - 1 - after_break
    first_col = len(prefix) + len(name) + 2 - after_break
    protected = _directive_interior(value, language, name.startswith("msgstr"), encoding)
    first_line = True
    offset = 0
    for text in _portions(value):
        escaped = text.translate(_ESCAPE_TABLE)
        forbid = _forbidden(text, escaped, offset, protected)
        offset += len(text)
        breaks = _breaks(escaped, forbid, room, first_col if first_line else 0, cjk)
        if first_line and text and (offset < len(value) or first_col > room or breaks):
            out.append(f'{prefix}{name} ""\n')
            first_line = False
            breaks = _breaks(escaped, forbid, room, 0, cjk)
        if breaks:
            starts = [0, *breaks]
            ends = [*breaks, len(escaped)]
            escaped = f'"\n{prefix}"'.join(escaped[a:b] for a, b in zip(starts, ends, strict=True))
        out.append(f'{prefix}{name} "{escaped}"\n' if first_line else f'{prefix}"{escaped}"\n')
        first_line = False


def _portions(value: str) -> list[str]:
    """The string cut after each newline; GNU starts a new line after every one."""
    parts = value.split("\n")
    portions = [part + "\n" for part in parts[:-1]]
    if parts[-1] or not portions:
        portions.append(parts[-1])
    return portions


def _forbidden(text: str, escaped: str, offset: int, protected: frozenset[int]) -> bytearray | None:
    """Positions of ``escaped`` that may not start a line, or None when there are none."""
    ends_with_newline = text.endswith("\n")
    if len(escaped) == len(text) and not protected:
        return None
    forbid = bytearray(len(escaped))
    j = escaped.find("\\")
    while j >= 0:
        forbid[j + 1] = 1  # never inside an escape sequence
        j = escaped.find("\\", j + 2)
    if ends_with_newline:
        forbid[-2] = 1  # nor just before the final \n
    if protected:
        k = 0
        for i, c in enumerate(text):
            if offset + i in protected:
                forbid[k] = 1
            k += 2 if c in _ESCAPE_OUT else 1
    return forbid


def _breaks(
    escaped: str, forbid: bytearray | None, room: int, start_col: int, cjk: bool
) -> list[int]:
    """Positions of ``escaped`` where GNU starts a new line (libunistring's algorithm)."""
    # u8_possible_linebreaks (the UAX #14 pair table) and u8_width_linebreaks (break at the
    # last opportunity before a line passes ``room`` columns), fused into one pass.
    n = len(escaped)
    if escaped.isascii() and start_col + n <= room:
        return []  # no break is ever made when everything fits
    classes, widths = _char_tables(escaped, cjk)
    wid = [widths[c] for c in escaped]
    if start_col + sum(wid) <= room:
        return []
    cls = [classes[c] for c in escaped]
    pair = _PAIR
    result: list[int] = []
    last_p = -1  # the latest break opportunity
    column = start_col  # where the piece that ends at last_p starts
    piece = 0  # width since last_p
    prev = last = _BK  # class of the previous character, of the last non-space one
    seen_space = False
    regional = 0  # regional indicators just before this character
    for i in range(n):
        prop = cls[i]
        action = _PROHIBITED
        if prop == _BK:
            action = _MANDATORY
            last = _BK
            seen_space = False
        elif prop == _SP:
            seen_space = True
        elif prop == _ZW:
            last = _ZW
            seen_space = False
        elif prop in (_CM, _ZWJ):
            if last == _BK:
                last = _AL
                seen_space = False
            elif last == _ZW or seen_space:
                action = _POSSIBLE
                last = _AL
                seen_space = False
        else:
            if last == _BK or prev in (_ZWJ, _HL_BA):
                pass
            elif last == _ZW:
                action = _POSSIBLE
            elif last == _RI and prop == _RI:
                if seen_space or regional % 2 == 0:
                    action = _POSSIBLE
            else:
                rule = pair[last][prop]
                if rule == _D or (rule == _I and seen_space):
                    action = _POSSIBLE
            last = prop
            seen_space = False
        prev = _HL_BA if prev == _HL and prop in (_HY, _BA) else prop
        regional = regional + 1 if prop == _RI else 0
        if action and forbid is not None and forbid[i]:
            action = _PROHIBITED
        if action:
            if last_p >= 0 and column + piece > room:
                result.append(last_p)
                column = 0
            if action == _MANDATORY:
                last_p = -1
                column = piece = 0
                continue
            last_p = i
            column += piece
            piece = 0
        piece += wid[i]
    if last_p >= 0 and column + piece > room:
        result.append(last_p)
    return result


_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2


# Line-break classes (UAX #14). The first 31 index the pair table (OW is an opening
# punctuation of East Asian width, which Unicode 14's rule LB30 treats apart); the rest are
# handled before the table is consulted.
_CLASS_NAMES = (
    *("WJ", "GL", "B2", "BA", "BB", "HY", "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS", "NU"),
    *("PO", "PR", "SY", "AL", "H2", "H3", "ID", "JL", "JV", "JT", "HL", "RI", "EB", "EM", "ZWJ"),
    *("OW", "BK", "SP", "ZW", "CM", "HL_BA"),
)
_WJ, _GL, _B2, _BA, _BB, _HY, _CL, _CP, _EX, _IN, _NS, _OP, _QU, _IS, _NU = range(15)
_PO, _PR, _SY, _AL, _H2, _H3, _ID, _JL, _JV, _JT, _HL, _RI, _EB, _EM, _ZWJ = range(15, 30)
_OW, _BK, _SP, _ZW, _CM, _HL_BA = range(30, 36)

# The pair table of libunistring 1.0 (Unicode 14 rules), measured with msgcat: row = class
# before, column = class after; D = break, I = break only across spaces, P = no break.
# Columns in the order of _CLASS_NAMES; the ZWJ row is never consulted.
_PAIR_ROWS = (
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # WJ
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # GL
    "PIPIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # B2
    "PDDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # BA
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # BB
    "PDDIDIPPPIIDIPIDDPDDDDDPPDDDDID",  # HY
    "PIDIDIPPPIPDIPDIIPDDDDDPPDDDDID",  # CL
    "PIDIDIPPPIIDIPIIIPIDDDDPPIDDDID",  # CP
    "PIDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # EX
    "PIDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # IN
    "PIDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPIP",  # OP
    "PIIIIIPPPIIPIPIIIPIIIIIPPIIIIIP",  # QU
    "PIDIDIPPPIIDIPIDDPDDDDDPPDDDDID",  # IS
    "PIDIDIPPPIIIIPIIIPIDDDDPPIDDDID",  # NU
    "PIDIDIPPPIIIIPIDDPIDDDDPPIDDDII",  # PO
    "PIDIDIPPPIIIIPIDDPIIIIIPPIDIIII",  # PR
    "PIDIDIPPPIIDIPIDDPDDDDDPPIDDDID",  # SY
    "PIDIDIPPPIIIIPIIIPIDDDDPPIDDDID",  # AL
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # H2
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # H3
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # ID
    "PIDIDIPPPIIDIPDIDPDIIDIPPDDDDID",  # JL
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # JV
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # JT
    "PIDIDIPPPIIIIPIIIPIDDDDPPIDDDID",  # HL
    "PIDIDIPPPIIDIPDDDPDDDDDPPDIDDID",  # RI
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDIID",  # EB
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # EM
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # ZWJ
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPIP",  # OW
)
_D, _I, _P = 0, 1, 2
_PAIR = tuple(tuple({"D": _D, "I": _I, "P": _P}[c] for c in row) for row in _PAIR_ROWS)


_CJK_CODECS = frozenset({"euc_jp", "gb2312", "gbk", "big5", "euc_kr", "cp949", "johab"})


def _is_cjk_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in _CJK_CODECS
    except LookupError:
        return False


# Per-character line-break class and display width, filled on first use; one pair of
# tables for ordinary encodings and one for the legacy CJK ones.
_CLASS_OF: tuple[dict[str, int], dict[str, int]] = ({}, {})
_WIDTH_OF: tuple[dict[str, int], dict[str, int]] = ({}, {})


def _char_tables(text: str, cjk: bool) -> tuple[dict[str, int], dict[str, int]]:
    """The class and width tables, completed for the characters of ``text``."""
    classes, widths = _CLASS_OF[cjk], _WIDTH_OF[cjk]
    for c in set(text).difference(classes):
        classes[c] = _line_break_class(ord(c), cjk)
        widths[c] = max(0, _columns(ord(c), cjk))  # controls (-1) add nothing either
    return classes, widths


def _columns(cp: int, cjk: bool) -> int:
    """Display width as libunistring's uc_width computes it."""
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return -1
    if cp < 0x7F:
        return 1
    category = unicodedata.category(chr(cp))
    if category in ("Mn", "Me", "Cf") or (0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF):
        return 0
    if unicodedata.east_asian_width(chr(cp)) in ("W", "F") or _is_wide_unassigned(cp):
        return 2
    if cjk and 0xA1 <= cp < 0xFF61 and cp != 0x20A9:
        return 2
    return 1


def _is_wide_unassigned(cp: int) -> bool:
    return (
        0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x2FFFD
        or 0x30000 <= cp <= 0x3FFFD
    )


def _expand(spec: str) -> dict[int, int]:
    """Parse ``"CLASS cp cp-cp ...; ..."`` into a code point → class map."""
    names = {name: i for i, name in enumerate(_CLASS_NAMES)}
    table: dict[int, int] = {}
    for group in spec.split(";"):
        words = group.split()
        if not words:
            continue
        cls = names[words[0]]
        for word in words[1:]:
            lo, _, hi = word.partition("-")
            for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
                table[cp] = cls
    return table


# Classes that the Unicode general category does not predict (UAX #14, LineBreak.txt),
# for Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, CJK and common punctuation.
_EXPLICIT = _expand(
    """
    BK A-D 85 2028-2029;
    CM 0-8 E-1F 7F-84 86-9F 200C 200E-200F 202A-202E 2066-206F 3035;
    SP 20;
    BA 9 7C AD 58A 5BE 964-965 E5A-E5B 104A-104B 1680 17D4-17D5 17D8 17DA 2000-2006 2008-200A
        2010 2012-2013 2027 2056 2058-205B 205D-205F 2E0E-2E15 2E19 2E2A-2E2D 2E30-2E31 2E33-2E34
        2E3C-2E3E 2E41 2E43-2E4A 2E4C 2E4E-2E4F 3000;
    GL A0 34F 35C-362 2007 2011 202F;
    WJ 2060 FEFF;
    ZW 200B;
    ZWJ 200D;
    EX 21 3F 5C6 61B 61D-61F 6D4 2762-2763 2E2E 2E53-2E54 FE15-FE16 FE56-FE57 FF01 FF1F;
    QU 22 27 AB BB 2018-2019 201B-201D 201F 2039-203A 275B-2760 2E00-2E01 2E06-2E08 2E0B
        1F676-1F678;
    OP 28 5B 7B A1 BF 201A 201E 2E18;
    CP 29 5D;
    CL 7D 3001-3002 FE11-FE12 FE50 FE52 FF0C FF0E FF61 FF64;
    IS 2C 2E 3A-3B 37E 589 60C-60D 2044 FE10 FE13-FE14;
    SY 2F;
    HY 2D;
    B2 2014 2E3A-2E3B;
    BB B4 2C8 2CC 2DF;
    IN 2024-2026 22EF FE19;
    NS 17D6 203C-203D 2047-2049 3005 301C 303B-303C 309B-309E 30A0 30FB 30FD-30FE A015
        FE54-FE55 FF1A-FF1B FF65 FF9E-FF9F 1F679-1F67B;
    NU 66B-66C;
    PR 24 2B 5C A3-A5 B1 2116 2212-2213 FE69 FF04 FFE1 FFE5-FFE6;
    PO 25 A2 B0 609-60B 66A 2030-2037 20A7 20B6 20BB 20BE 20C0 2103 2109 FE6A FF05 FFE0;
    AL A6 A9 AC AE-AF B5 5C0 5C3 5F3-5F4 600-605 66D 6DD 970 2017 2022-2023 2038 203E
        2041-2043 204A-2055 2057 205C 2061-2064 2E1A;
    ID 3003 3030 303D 303F FE30 FE45-FE46 FE49-FE4C FE51 FE58 FE5F-FE61 FE63 FE68 FE6B
        FF02-FF03 FF06-FF07 FF0A FF0D FF0F FF20 FF3C FFA0-FFDC;
    """
)

# Symbols and emoji (U+2190..U+2BFF, U+1F000..U+1FAFF) that libunistring 1.0 classes as
# ideographs, measured with msgcat; the other symbols there are AL, even the wide ones.
_SYMBOL_ID = frozenset(
    _expand(
        """
    ID 231A-231B 23F0-23F3 2600-2603 2614-2615 2618 261A-261F 2639-263B 2668 267F 26BD-26C8 26CD
    26CF-26D1 26D3-26D4 26D8-26D9 26DC 26DF-26E1 26EA 26F1-26F5 26F7-26FA 26FD-2704 2708-270D
    2764 1F000-1F02B 1F030-1F093 1F0A0-1F0AE 1F0B1-1F0BF 1F0C1-1F0CF 1F0D1-1F0F5 1F10D-1F10F
    1F16D-1F16F 1F1AD 1F200-1F202 1F210-1F23B 1F240-1F248 1F250-1F251 1F260-1F265 1F300-1F39B
    1F39E-1F3B4 1F3B7-1F3BB 1F3BD-1F49F 1F4A1 1F4A3 1F4A5-1F4AE 1F4B0 1F4B3-1F4FF 1F507-1F516
    1F525-1F531 1F54A-1F5D3 1F5DC-1F5F3 1F5FA-1F64F 1F680-1F6D7 1F6DD-1F6EC 1F6F0-1F6FC
    1F7D5-1F7D8 1F7E0-1F7EB 1F7F0 1F8B0-1F8B1 1F90C-1F9FF 1FA60-1FA6D 1FA70-1FA74 1FA78-1FA7C
    1FA80-1FA86 1FA90-1FAAC 1FAB0-1FABA 1FAC0-1FAC5 1FAD0-1FAD9 1FAE0-1FAE7 1FAF0-1FAF6
        """
    )
)


# "Ambiguous" characters (UAX #14 class AI): alphabetic, except in the legacy CJK encodings
# where GNU treats them as ideographs. Symbols of ambiguous East Asian width count too.
_AMBIGUOUS = frozenset(
    _expand(
        """
    AL A7 A8 AA B2 B3 B6-BA BC-BE D7 F7 2C7 2C9-2CB 2CD 2D0 2D8-2DB 2DD 2015 2016 2020 2021
    203B 2074 207F 2081-2084 2105 2113 2121 2122 212B 2154 2155 215B 215E 2160-216B 2170-2179
    2189 FFFD
        """
    )
)


def _is_complex_context(cp: int) -> bool:
    """Whether a code point is in a UAX #14 "SA" script (Thai, Lao, Myanmar, Khmer...)."""
    # libunistring does not break these by dictionary: their letters and marks act as AL.
    return (
        0x0E00 <= cp <= 0x0EFF
        or 0x1000 <= cp <= 0x109F
        or 0x1780 <= cp <= 0x17FF
        or 0x1950 <= cp <= 0x19DF
        or 0x1A20 <= cp <= 0x1AAF
        or 0xA9E0 <= cp <= 0xA9FF
        or 0xAA60 <= cp <= 0xAADF
    )


def _line_break_class(cp: int, cjk: bool) -> int:
    """The resolved UAX #14 class of a code point, as libunistring resolves it."""
    if cp in _AMBIGUOUS:
        return _ID if cjk else _AL
    cls = _EXPLICIT.get(cp)
    if cls is not None:
        return cls
    if 0xAC00 <= cp <= 0xD7A3:
        return _H2 if (cp - 0xAC00) % 28 == 0 else _H3
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return _JL
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return _JV
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return _JT
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return _RI
    ch = chr(cp)
    category = unicodedata.category(ch)
    major = category[0]
    if major == "M":
        return _AL if _is_complex_context(cp) else _CM
    if category == "Nd":
        return _ID if unicodedata.east_asian_width(ch) == "F" else _NU
    if category == "Zs":
        return _BA
    if category in ("Zl", "Zp"):
        return _BK
    if category in ("Cc", "Cf"):
        return _CM
    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    if major == "L":
        if 0x590 <= cp <= 0x5FF:
            return _HL
        if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9D:
            # Small kana and the prolonged sound mark are "CJ", which libunistring treats
            # as non-starters.
            if "SMALL" in unicodedata.name(ch, "") or cp in (0x30FC, 0xFF70):
                return _NS
            return _ID
        return _ID if wide else _AL
    if category == "Ps":
        return _OW if unicodedata.east_asian_width(ch) in ("W", "F", "H") else _OP
    if category == "Pe":
        return _CL
    if category in ("Pi", "Pf"):
        return _QU
    if category == "Pd":
        return _ID if wide else _BA
    if category == "Sc":
        return _PR
    if category == "Cn":
        return _ID if _is_wide_unassigned(cp) or 0x1F000 <= cp <= 0x1FFFD else _AL
    if 0x2190 <= cp <= 0x2BFF or 0x1F000 <= cp <= 0x1FAFF:
        if cp in _SYMBOL_ID:
            return _ID
    elif wide:
        return _ID
    if cjk and unicodedata.east_asian_width(ch) == "A":
        return _ID
    return _AL


# --------------------------------------------------------------------------- format directives


def _directive_interior(
    value: str, language: str | None, is_msgstr: bool, encoding: str
) -> frozenset[int]:
    """Indices of characters GNU never breaks before because of format directives."""
    if language is None:
        return frozenset()
    if language == "python-brace":
        return _brace_quirk(value, encoding) if "{" in value else frozenset()
    if "%" not in value:
        return frozenset()
    if language in ("c", "objc"):
        spans = _c_directives(value, is_msgstr, language == "objc")
    elif language == "python":
        spans = _python_directives(value)
    else:
        return frozenset()
    inside: set[int] = set()
    for start, end in spans:
        inside.update(range(start + 1, end + 1))
    return frozenset(inside)


def _brace_quirk(value: str, encoding: str) -> frozenset[int]:
    """The characters gettext 0.21 never breaks before in a python-brace-format string."""
    # Its parser records directive bounds relative to the directive, not the string, so the
    # first n-1 bytes after the string's start are protected, n being the length of the first
    # valid directive, unless an error mark of a later directive lands before that end.
    ends: list[tuple[int, bool]] = []  # (byte offset relative to its "{", is_error)
    n = len(value)
    i = 0
    while i < n:
        if value[i] != "{":
            i += 1
            continue
        end, error = _brace_directive(value, i, True)
        if end is None:
            if error is not None:
                ends.append((len(value[i:error].encode(encoding, "replace")), True))
            break
        if end > i + 1:
            ends.append((len(value[i:end].encode(encoding, "replace")), False))
        i = end + 1
    if not any(not is_error for _, is_error in ends):
        return frozenset()
    limit, is_error = min(ends, key=lambda e: (e[0], not e[1]))
    if is_error:
        return frozenset()
    inside: set[int] = set()
    offset = 0
    for k, c in enumerate(value):
        if offset > limit:
            break
        if offset >= 1:
            inside.add(k)
        offset += len(c.encode(encoding, "replace"))
    return frozenset(inside)


def _brace_field(s: str, i: int) -> int:
    """End of the identifier or number at ``i`` (``i`` itself when there is none)."""
    n = len(s)
    if i < n and s[i].isascii() and (s[i].isalpha() or s[i] == "_"):
        while i < n and s[i].isascii() and (s[i].isalnum() or s[i] == "_"):
            i += 1
    elif i < n and "0" <= s[i] <= "9":
        i = _digits(s, i)
    return i


def _brace_directive(s: str, i: int, toplevel: bool) -> tuple[int | None, int | None]:
    """(closing brace, None) for a valid directive at ``i``, else (None, error mark)."""
    n = len(s)
    i += 1
    if i < n and s[i] == "{":
        return i, None
    j = _brace_field(s, i)
    if j == i:
        return None, i
    i = j
    while i < n and s[i] in ".[":
        if s[i] == ".":
            j = _brace_field(s, i + 1)
            if j == i + 1 or not (s[i + 1].isalpha() or s[i + 1] == "_"):
                return None, i + 1
            i = j
        else:
            j = _brace_field(s, i + 1)
            if j == i + 1:
                return None, i + 1
            if j >= n or s[j] != "]":
                return None, j - 1
            i = j + 1
    if i < n and s[i] == ":":
        if not toplevel:
            return None, i
        i += 1
        if i < n and s[i] == "{":
            end, error = _brace_directive(s, i, False)
            if end is None:
                return None, error
            i = end + 1
        else:
            if i >= n:
                return None, i - 1
            if i + 1 < n and s[i + 1] in "<>=^":
                i += 2
            elif s[i] in "<>=^":
                i += 1
            if i < n and s[i] in "+- ":
                i += 1
            if i < n and s[i] == "#":
                i += 1
            if i < n and s[i] == "0":
                i += 1
            i = _digits(s, i)
            if i < n and s[i] == "." and i + 1 < n and "0" <= s[i + 1] <= "9":
                i = _digits(s, i + 1)
            if i < n and s[i] in "bcdoxXneEfFgG%":
                i += 1
    if i >= n or s[i] != "}":
        return None, i - 1
    return i, None


def _digits(s: str, i: int) -> int:
    n = len(s)
    while i < n and "0" <= s[i] <= "9":
        i += 1
    return i


def _python_directives(s: str) -> list[tuple[int, int]]:
    """(start, end) of each valid ``%`` directive, parsed as gettext's format-python.c."""
    spans: list[tuple[int, int]] = []
    named = unnamed = 0
    n = len(s)
    i = 0
    while i < n:
        if s[i] != "%":
            i += 1
            continue
        start = i
        i += 1
        name = False
        if i < n and s[i] == "(":
            depth = 0
            i += 1
            while i < n:
                if s[i] == "(":
                    depth += 1
                elif s[i] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
            if i >= n:
                return spans
            i += 1
            name = True
        while i < n and s[i] in "-+ #0":
            i += 1
        if i < n and s[i] == "*":
            if named:
                return spans
            unnamed += 1
            i += 1
        else:
            i = _digits(s, i)
        if i < n and s[i] == ".":
            i += 1
            if i < n and s[i] == "*":
                if named:
                    return spans
                unnamed += 1
                i += 1
            else:
                i = _digits(s, i)
        if i < n and s[i] in "hlL":
            i += 1
        if i >= n or s[i] not in "%csridouxXeEfgG":
            return spans
        if name:
            if unnamed:
                return spans
            named += 1
        elif s[i] != "%":
            if named:
                return spans
            unnamed += 1
        spans.append((start, i))
        i += 1
    return spans


_C_CONVERSIONS = frozenset("diouxXeEfFgGaAcCsSpnm%")


def _c_directives(s: str, is_msgstr: bool, objc: bool) -> list[tuple[int, int]]:
    """(start, end) of each valid ``%`` directive, close to gettext's format-c parser."""
    spans: list[tuple[int, int]] = []
    numbered = unnumbered = False
    n = len(s)
    i = 0
    while i < n:
        if s[i] != "%":
            i += 1
            continue
        start = i
        i += 1
        is_numbered = False
        j = _digits(s, i)
        if j > i and j < n and s[j] == "$":
            if int(s[i:j]) == 0:
                return spans
            is_numbered = True
            i = j + 1
        while i < n and (s[i] in " +-#0'" or (is_msgstr and s[i] == "I")):
            i += 1
        for _ in range(2):
            if i < n and s[i] == "*":
                i += 1
                j = _digits(s, i)
                star_numbered = j > i and j < n and s[j] == "$"
                if star_numbered:
                    i = j + 1
                if star_numbered and unnumbered or not star_numbered and numbered:
                    return spans
                numbered |= star_numbered
                unnumbered |= not star_numbered
            else:
                i = _digits(s, i)
            if _ == 0 and i < n and s[i] == ".":
                i += 1
            else:
                break
        if i < n and s[i] == "<":
            close = s.find(">", i)
            if close < 0 or not re.fullmatch(
                r"<PRI[diouxX](?:8|16|32|64|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64)|MAX|PTR)>",
                s[i : close + 1],
            ):
                return spans
            i = close
        else:
            while i < n and s[i] in "hlLqjzZt":
                i += 1
            if i >= n or not (s[i] in _C_CONVERSIONS or (objc and s[i] == "@")):
                return spans
        if s[i] not in "%m":
            if is_numbered and unnumbered or not is_numbered and numbered:
                return spans
            numbered |= is_numbered
            unnumbered |= not is_numbered
        spans.append((start, i))
        i += 1
    return spans
