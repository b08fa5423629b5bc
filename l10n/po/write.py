"""Writing PO files: unchanged entries byte for byte, every other entry exactly as GNU gettext
0.21 ``msgcat``, ``msgmerge`` and ``xgettext`` write it (libunistring 1.0), verified against
msgcat on fixtures and on hundreds of thousands of generated strings:

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
  unless a single unbreakable run is longer; where lines break is
  :mod:`l10n.po.linebreak`'s, never inside a format directive (:mod:`l10n.po.directives`).

Deliberate differences from GNU, so that nothing is lost: entries stay in list order (GNU
moves obsolete entries last), ``fuzzy`` stays on an untranslated entry, an obsolete entry with
an empty ``msgstr`` is written (GNU drops it), flags GNU does not know or rewrites
(``wrap``, ``possible-c-format``...) are kept as written after the known ones, and duplicate
entries are read and written (GNU refuses them).
"""

from __future__ import annotations

import codecs

from l10n.errors import CatalogError
from l10n.po.directives import directive_interior
from l10n.po.linebreak import is_cjk_encoding, line_breaks
from l10n.po.model import Catalog, Message, written_fields
from l10n.po.read import BOM

__all__ = ["format_language", "format_message", "write_po"]



def write_po(catalog: Catalog, *, width: int = 79) -> bytes:
    """Serialize a catalog: unchanged entries byte for byte, the others as GNU msgcat would."""
    newline = catalog.newline
    parts: list[str] = []
    at_line_start = True
    for i, m in enumerate(catalog.messages):
        src = m.source
        if not at_line_start:
            parts.append(newline)  # the entry before was the last of a file without one
        if src is not None and src.fields == written_fields(m):
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
    return BOM + data if catalog.bom else data


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


def format_language(flag: str) -> tuple[str, str] | None:
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
    lang = format_language(flag)
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
            lang = format_language(flag)
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
    cjk = is_cjk_encoding(encoding)
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
    protected = directive_interior(value, language, name.startswith("msgstr"), encoding)
    first_line = True
    offset = 0
    for text in _portions(value):
        escaped = text.translate(_ESCAPE_TABLE)
        forbid = _forbidden(text, escaped, offset, protected)
        offset += len(text)
        breaks = line_breaks(escaped, forbid, room, first_col if first_line else 0, cjk)
        if first_line and text and (offset < len(value) or first_col > room or breaks):
            out.append(f'{prefix}{name} ""\n')
            first_line = False
            breaks = line_breaks(escaped, forbid, room, 0, cjk)
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

