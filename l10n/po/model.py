"""The PO data model: :class:`Message`, one entry (frozen: change it with
:func:`dataclasses.replace`), and :class:`Catalog`, a file's entries in file order with what it
takes to write them back exactly.

A parsed message carries its :class:`Source`: the exact text it came from (the blank lines
before it, then its own lines) and a snapshot of the fields parsed from that text. The writer
gives that text back byte for byte while the fields still equal the snapshot, so
``replace()`` invalidates the source without bookkeeping, and setting a field back to its old
value makes the entry byte-identical again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = [
    "HEADER_FIELDS",
    "Catalog",
    "Draft",
    "Message",
    "Source",
    "parse_header",
    "parsed_message",
    "written_fields",
]

# The header fields GNU gettext writes, in its order (msginit, msgmerge, polib's .mo writer).
HEADER_FIELDS = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
)


class Source(NamedTuple):
    """Where a parsed entry came from: its exact text and the fields parsed from it (a tuple:
    the reader makes one per entry)."""

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
    source: Source | None = field(default=None, compare=False, repr=False)

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


def written_fields(m: Message) -> tuple[object, ...]:
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


class Draft:
    """A message under construction: Message's slots without the frozen dataclass's
    ``__setattr__``, so the reader fills them with plain attribute stores."""

    __slots__ = Message.__slots__


def parsed_message(values: tuple[object, ...], lineno: int, source: Source) -> Message:
    """``Message(*values, lineno, source)`` for the reader, at half the cost: ``values`` are
    the written fields in order (:func:`written_fields`), already checked by the parser.

    A frozen dataclass's ``__init__`` goes through ``object.__setattr__`` for each of the 15
    fields; here a draft with the same slots is filled and then becomes a Message (the two
    classes have one layout, so Python allows the change of class).
    """
    m = Draft()
    (m.msgid, m.msgstr, m.msgctxt, m.msgid_plural, m.msgstr_plural, m.translator_comments,
     m.extracted_comments, m.references, m.flags, m.previous_msgctxt, m.previous_msgid,
     m.previous_msgid_plural, m.obsolete) = values
    m.lineno = lineno
    m.source = source
    m.__class__ = Message  # type: ignore[assignment]
    return m  # type: ignore[return-value]


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
        return parse_header(header.msgstr) if header is not None else {}

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


def parse_header(msgstr: str) -> dict[str, str]:
    """The ``Key: value`` lines of a header msgstr."""
    fields: dict[str, str] = {}
    for line in msgstr.split("\n"):
        name, sep, value = line.partition(":")
        if sep and name.strip():
            fields[name.strip()] = value.strip()
    return fields

