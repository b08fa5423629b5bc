"""The fast path of the PO reader: a file written the way GNU gettext writes it, read entry by
entry with one regular expression each.

GNU's layout is strict: comments in the order ``# ``, ``#.``, ``#:``, ``#,``; then ``#|``
previous strings; then ``msgctxt``, ``msgid``, ``msgid_plural`` and ``msgstr`` or
``msgstr[N]`` in order, each string's continuation lines starting with the quote; obsolete
entries the same behind ``#~ `` (previous strings behind ``#~| ``); only blank lines between
entries, ``\\n``-terminated lines, no carriage return, only the simple escapes. A file that
keeps to it is read here, with the same messages, positions and exact text (for the
byte-for-byte writer) that the line-by-line parser gives; :func:`scan_po` returns None for
anything else, and the line-by-line parser of :mod:`l10n.po.read` reads it (and names what is
wrong, when something is).
"""

from __future__ import annotations

import re

from l10n.po.model import Catalog, Draft, Message, Source, parsed_message

__all__ = ["Translation", "scan_po", "scan_translations"]

# An active entry as compiling needs it: (line of its msgid, msgctxt, msgid, msgid_plural,
# msgstr, msgstr[N] forms, fuzzy): Message's fields of those names, without the rest.
Translation = tuple[int, "str | None", str, "str | None", str, tuple[str, ...], bool]

_Q = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # one quoted string on one line


def _entry_pattern(prefix: str, previous: str) -> re.Pattern[str]:
    """An entry whose keyword lines start with ``prefix`` and previous lines with
    ``previous`` (``#~ `` and ``#~| `` for an obsolete entry)."""

    def string(line_prefix: str) -> str:  # a string and its continuation lines
        return rf"({_Q}(?:\n{line_prefix}{_Q})*)\n"

    return re.compile(
        r"(\n*)"  # 1: blank lines before the entry
        r"((?:\#(?:[^.:,!~|\n][^\n]*)?\n)*)"  # 2: translator comments
        r"((?:\#\.[^\n]*\n)*)"  # 3: extracted comments
        r"((?:\#:[^\n]*\n)*)"  # 4: references
        r"((?:\#,[^\n]*\n)*)"  # 5: flags
        rf"(?:{previous}msgctxt\ {string(previous)})?"  # 6
        rf"(?:{previous}msgid\ {string(previous)})?"  # 7
        rf"(?:{previous}msgid_plural\ {string(previous)})?"  # 8
        rf"(?:{prefix}msgctxt\ {string(prefix)})?"  # 9
        rf"{prefix}msgid\ {string(prefix)}"  # 10
        rf"(?:{prefix}msgid_plural\ {string(prefix)}"  # 11
        rf"((?:{prefix}msgstr\[\d+\]\ {_Q}(?:\n{prefix}{_Q})*\n)+)"  # 12: msgstr[N] lines
        rf"|{prefix}msgstr\ {string(prefix)})",  # 13
        re.VERBOSE,
    )


_ACTIVE = _entry_pattern("", r"\#\|\ ")
_OBSOLETE = _entry_pattern(r"\#~\ ", r"\#~\|\ ")
# Most entries, tried first: one line each of "#. ", "#: " and "#, " at most, a one-line
# msgctxt, msgid and msgstr without escapes (and no continuation line after the msgstr).
_SIMPLE = re.compile(
    r'(\n*)((\#\.\ [^\n]*\n)?(\#:\ [^\n]*\n)?(\#,\ [^\n]*\n)?(?:msgctxt\ "([^"\\\n]*)"\n)?'
    r'msgid\ "([^"\\\n]*)"\nmsgstr\ "([^"\\\n]*)"\n)(?!")')
# The same entries as compiling reads them: flags, msgctxt, msgid, msgstr (the line of the
# msgid from where group 3 starts).
_SIMPLE_TRANSLATION = re.compile(
    r'\n*(?:\#\.\ [^\n]*\n)?(?:\#:\ [^\n]*\n)?(\#,\ [^\n]*\n)?(?:msgctxt\ "([^"\\\n]*)"\n)?'
    r'msgid\ "([^"\\\n]*)"\nmsgstr\ "([^"\\\n]*)"\n(?!")')
# Plural entries of the same shape: msgid_plural and msgstr[N] lines, one line each.
_SIMPLE_PLURAL = re.compile(
    r'(\n*)((\#\.\ [^\n]*\n)?(\#:\ [^\n]*\n)?(\#,\ [^\n]*\n)?(?:msgctxt\ "([^"\\\n]*)"\n)?'
    r'msgid\ "([^"\\\n]*)"\nmsgid_plural\ "([^"\\\n]*)"\n'
    r'((?:msgstr\[\d\]\ "[^"\\\n]*"\n)+))(?!"|msgstr)')
_FORM_PREFIXES = tuple(f"msgstr[{number}] " for number in range(10))
_PLURAL_FORMS = {
    "": re.compile(rf"msgstr\[(\d+)\]\ ({_Q}(?:\n{_Q})*)\n", re.VERBOSE),
    "#~ ": re.compile(rf"\#~\ msgstr\[(\d+)\]\ ({_Q}(?:\n\#~\ {_Q})*)\n", re.VERBOSE),
}
_NUMBERS = [str(number) for number in range(16)]  # msgstr[N] from 0 (more: line by line)
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
            "\\": "\\", '"': '"'}
_source = tuple.__new__  # Source(lead, body, fields), without NamedTuple's __new__


class _NotPlain(Exception):
    """The file leaves GNU's layout: the line-by-line parser reads it."""


def scan_po(text: str, encoding: str) -> Catalog | None:
    """The catalog in ``text`` when the whole file keeps to GNU's layout, else None."""
    if not text.endswith("\n") or "\r" in text:
        return None
    try:
        return _scan(text, encoding)
    except _NotPlain:
        return None


def _scan(text: str, encoding: str) -> Catalog:
    messages: list[Message] = []
    append = messages.append
    simple, plural, full = _SIMPLE.match, _plural_entry, _full_entry
    pos = 0
    line = 1  # the line at pos
    end_of_text = len(text)
    while pos < end_of_text:
        match = simple(text, pos)
        if match is None:
            message, pos, line = plural(text, pos, line) or full(text, pos, line)
            if message is None:
                break
            append(message)
            continue
        lead, body, extracted, references, flags, msgctxt, msgid, msgstr = match.groups()
        lineno = line + len(lead)
        if extracted is None:
            extracted = ()
        else:
            lineno += 1
            extracted = (extracted[3:-1],)
        if references is None:
            references = ()
        else:
            lineno += 1
            references = tuple(references[3:].split())
        if flags is None:
            flags = ()
        else:
            lineno += 1
            flags = _flags(flags[2:])
        if msgctxt is not None:
            lineno += 1
        fields = (msgid, msgstr, msgctxt, None, (), (), extracted, references, flags, None,
                  None, None, False)
        # parsed_message(fields, lineno, source), inline: this loop makes most messages.
        m = Draft()
        (m.msgid, m.msgstr, m.msgctxt, m.msgid_plural, m.msgstr_plural, m.translator_comments,
         m.extracted_comments, m.references, m.flags, m.previous_msgctxt, m.previous_msgid,
         m.previous_msgid_plural, m.obsolete) = fields
        m.lineno = lineno
        m.source = _source(Source, (lead, body, fields))
        m.__class__ = Message  # type: ignore[assignment]
        append(m)  # type: ignore[arg-type]
        line = lineno + 2
        pos += len(lead) + len(body)
    if text[pos:].strip("\n"):
        raise _NotPlain
    return Catalog(messages=messages, encoding=encoding, trailer=text[pos:])


def scan_translations(text: str) -> list[Translation] | None:
    """The active entries of ``text`` as :data:`Translation` tuples, in file order, when the
    whole file keeps to GNU's layout, else None: what ``compile`` reads, at a fraction of the
    cost of building every entry's :class:`Message` with its comments and source text."""
    if not text.endswith("\n") or "\r" in text:
        return None
    entries: list[Translation] = []
    append = entries.append
    simple, plurals, full = _SIMPLE_TRANSLATION.match, _simple_plural, _full_entry
    pos = 0
    line = 1
    end_of_text = len(text)
    try:
        while pos < end_of_text:
            match = simple(text, pos)
            if match is not None:  # most entries
                flags, msgctxt, msgid, msgstr = match.groups()
                lineno = line + text.count("\n", pos, match.start(3))
                append((lineno, msgctxt, msgid, None, msgstr, (),
                        flags is not None and "fuzzy" in _flags(flags[2:])))
                line = lineno + 2
                pos = match.end()
                continue
            found = plurals(text, pos, line)
            if found is not None:
                match, forms, lineno = found
                _, _, _, _, flags, msgctxt, msgid, msgid_plural, _ = match.groups()
                append((lineno, msgctxt, msgid, msgid_plural, "", forms,
                        flags is not None and "fuzzy" in _flags(flags[2:])))
                line = lineno + 2 + len(forms)
                pos = match.end()
                continue
            m, pos, line = full(text, pos, line)
            if m is None:
                break
            if not m.obsolete:
                append((m.lineno, m.msgctxt, m.msgid, m.msgid_plural, m.msgstr, m.msgstr_plural,
                        "fuzzy" in m.flags))
    except _NotPlain:
        return None
    if text[pos:].strip("\n"):
        return None
    return entries


def _plural_entry(text: str, pos: int, line: int) -> tuple[Message, int, int] | None:
    """The plural entry at ``pos`` (on ``line``) when it has the one-line shape of
    ``_SIMPLE_PLURAL`` with its forms in order, else None."""
    found = _simple_plural(text, pos, line)
    if found is None:
        return None
    match, forms, lineno = found
    lead, body, extracted, references, flags, msgctxt, msgid, msgid_plural, _ = match.groups()
    fields = (
        msgid, "", msgctxt, msgid_plural, forms, (),
        (extracted[3:-1],) if extracted is not None else (),
        tuple(references[3:].split()) if references is not None else (),
        _flags(flags[2:]) if flags is not None else (),
        None, None, None, False,
    )
    message = parsed_message(fields, lineno, _source(Source, (lead, body, fields)))
    return message, match.end(), lineno + 2 + len(forms)


def _simple_plural(text: str, pos: int,
                   line: int) -> tuple[re.Match[str], tuple[str, ...], int] | None:
    """The match of ``_SIMPLE_PLURAL`` at ``pos`` (on ``line``), its forms and the line of
    its msgid, when the forms come in order; else None."""
    match = _SIMPLE_PLURAL.match(text, pos)
    if match is None:
        return None
    lead, _, extracted, references, flags, msgctxt, _, _, lines = match.groups()
    forms = []
    for number, form in enumerate(lines[:-1].split("\n")):
        prefix = _FORM_PREFIXES[number] if number < 10 else ""
        if not prefix or not form.startswith(prefix):
            return None  # forms out of order: the line-by-line parser says so
        forms.append(form[len(prefix) + 1:-1])
    lineno = line + len(lead) + (extracted is not None) + (references is not None) + (
        flags is not None) + (msgctxt is not None)
    return match, tuple(forms), lineno


def _flags(text: str) -> tuple[str, ...]:
    """The flags of a ``#,`` line (``text``: what follows the ``#,``)."""
    return tuple(flag for flag in (part.strip() for part in text.split(",")) if flag)


def _full_entry(text: str, pos: int, line: int) -> tuple[Message | None, int, int]:
    """The entry at ``pos`` (on ``line``) in any of GNU's shapes, where it ends and the line
    there; None at the end of the entries."""
    match = _ACTIVE.match(text, pos)
    obsolete = False
    if match is None:
        match = _OBSOLETE.match(text, pos)
        if match is None:
            return None, pos, line
        obsolete = True
    (lead, translator, extracted, references, flag_lines, prev_ctxt, prev_id, prev_plural,
     msgctxt, msgid, msgid_plural, plural_lines, msgstr) = match.groups()
    join = '"\n#~ "' if obsolete else '"\n"'
    if msgid_plural is None:
        forms: tuple[str, ...] = ()
        msgstr = _string(msgstr, join)
    else:
        forms = _forms(plural_lines, obsolete, join)
        msgid_plural = _string(msgid_plural, join)
        msgstr = ""
    if prev_ctxt is not None or prev_id is not None or prev_plural is not None:
        previous = '"\n#~| "' if obsolete else '"\n#| "'
        prev_ctxt = _string(prev_ctxt, previous) if prev_ctxt is not None else None
        prev_id = _string(prev_id, previous) if prev_id is not None else None
        prev_plural = _string(prev_plural, previous) if prev_plural is not None else None
    fields = (
        _string(msgid, join),
        msgstr,
        _string(msgctxt, join) if msgctxt is not None else None,
        msgid_plural,
        forms,
        _comments(translator, 1) if translator else (),
        _comments(extracted, 2) if extracted else (),
        # Every line starts "#:" (or "#,"): the lines joined are one line's worth.
        tuple(references[2:-1].replace("\n#:", " ").split()) if references else (),
        tuple(filter(None, map(str.strip, flag_lines[2:-1].replace("\n#,", ",").split(","))))
        if flag_lines else (),
        prev_ctxt,
        prev_id,
        prev_plural,
        obsolete,
    )
    end = match.end()
    lineno = line + text.count("\n", pos, match.start(10))
    message = parsed_message(fields, lineno,
                             _source(Source, (lead, text[match.start(2):end], fields)))
    return message, end, line + text.count("\n", pos, end)


def _string(raw: str, join: str) -> str:
    """The value of a string and its continuation lines (``join``: what separates pieces)."""
    value = raw[1:-1]
    if '"\n' in value:
        value = value.replace(join, "")
    if "\\" in value:
        value = _ESCAPE.sub(_unescape, value)
    return value


def _unescape(match: re.Match[str]) -> str:
    """A simple escape's character; octal and hex bytes and invalid escapes are for the
    line-by-line parser."""
    try:
        return _ESCAPES[match.group(1)]
    except KeyError:
        raise _NotPlain from None


def _forms(lines: str, obsolete: bool, join: str) -> tuple[str, ...]:
    """The msgstr[N] strings of a plural entry, which must come in order from 0."""
    found = _PLURAL_FORMS["#~ " if obsolete else ""].findall(lines)
    if [number for number, _ in found] != _NUMBERS[: len(found)]:
        raise _NotPlain
    return tuple(_string(form, join) for _, form in found)


def _comments(block: str, skip: int) -> tuple[str, ...]:
    """Comment lines without their ``#`` or ``#.`` (``skip`` characters) and one space."""
    out = []
    for line in block[:-1].split("\n"):
        text = line[skip:]
        out.append(text[1:] if text.startswith(" ") else text)
    return tuple(out)
