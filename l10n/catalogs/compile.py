"""``l10n compile``: ``.po`` to ``.mo``, with the checks ``msgfmt -c`` makes.

Fuzzy entries are left out unless asked for (gettext would otherwise show a guess to readers);
placeholder and markup mismatches are reported as ``path:line: message`` and, like
``msgfmt -c``, block the ``.mo`` of that catalog. :mod:`l10n.po.mo` writes the ``.mo``; the
result is written atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from l10n.errors import CatalogError
from l10n.files import read_file, write_atomic
from l10n.placeholders import translation_mismatches
from l10n.po import Catalog, read_po
from l10n.po.mo import mo_image, mo_row
from l10n.po.read import read_translations
from l10n.po.scan import Translation

__all__ = ["CompileResult", "compile_catalog", "compile_catalogs", "mo_bytes"]

# Placeholders need a % or a {, markup a <: strings without any are not checked further.
_marked = re.compile(r"[%{<]").search


@dataclass(frozen=True, slots=True)
class CompileResult:
    """What compiling one catalog did."""

    po: str
    mo: str | None  # None when errors blocked it
    entries: int
    fuzzy_skipped: int
    errors: tuple[str, ...]  # "path:line: message"


def mo_bytes(catalog: Catalog, *, use_fuzzy: bool = False) -> tuple[bytes, int, int]:
    """The ``.mo`` image of ``catalog``, the number of entries in it and of fuzzy ones left out.

    Untranslated entries, obsolete ones and (unless ``use_fuzzy``) fuzzy ones are left out, as
    msgfmt does; the header is kept.
    """
    image, count, skipped, _ = _compile(_translations(catalog), use_fuzzy, None,
                                        catalog.header_fields(), catalog.encoding, catalog.path)
    return image, count, skipped


def compile_catalogs(paths: Iterable[str | os.PathLike[str]], *,
                     use_fuzzy: bool = False) -> list[CompileResult]:
    """Compile every catalog next to itself (``chrome.po`` → ``chrome.mo``) unless errors
    block it. All are read first, so that a malformed one stops the run before any ``.mo``
    is written."""
    read = [(path, _read(path, read_file(path, what="catalog")))
            for path in dict.fromkeys(map(str, paths))]
    return [_write(Path(path), None, source, use_fuzzy) for path, source in read]


def compile_catalog(
    po_path: str | os.PathLike[str],
    mo_path: str | os.PathLike[str] | None = None,
    *,
    use_fuzzy: bool = False,
    catalog: Catalog | None = None,
) -> CompileResult:
    """Compile one catalog next to itself (``chrome.po`` → ``chrome.mo``) unless errors block;
    ``catalog`` is the file already parsed."""
    source = Path(po_path)
    if catalog is None:
        read = _read(str(source), read_file(source, what="catalog", missing="no such catalog",
                                            hint=None))
    else:
        read = _Read(catalog.header_fields(), _translations(catalog), catalog.encoding)
    return _write(source, mo_path, read, use_fuzzy)


class _Read(NamedTuple):
    """A catalog as compiling reads it: header fields, active entries and charset."""

    header: dict[str, str]
    entries: Iterable[Translation]
    encoding: str


def _read(path: str, data: bytes) -> _Read:
    """A catalog's translations: a UTF-8 file in GNU's layout (as gettext's tools and l10n
    write them) without building its messages, anything else through the full reader."""
    lean = read_translations(data)
    if lean is not None:
        return _Read(lean.header, lean.entries, "utf-8")
    catalog = read_po(data, path=path)
    return _Read(catalog.header_fields(), _translations(catalog), catalog.encoding)


def _translations(catalog: Catalog) -> Iterator[Translation]:
    """The catalog's active entries as compiling reads them."""
    return ((m.lineno, m.msgctxt, m.msgid, m.msgid_plural, m.msgstr, m.msgstr_plural,
             "fuzzy" in m.flags) for m in catalog.messages if not m.obsolete)


def _write(source: Path, mo_path: str | os.PathLike[str] | None, read: _Read,
           use_fuzzy: bool) -> CompileResult:
    """Compile what was read of ``source`` and write its ``.mo`` atomically, unless errors
    block it."""
    target = Path(mo_path) if mo_path is not None else source.with_suffix(".mo")
    image, count, skipped, errors = _compile(read.entries, use_fuzzy, str(source), read.header,
                                             read.encoding)
    if errors:
        return CompileResult(str(source), None, count, skipped, tuple(errors))
    write_atomic(target, image)
    return CompileResult(str(source), str(target), count, skipped, ())


def _compile(entries: Iterable[Translation], use_fuzzy: bool, label: str | None,
             header: dict[str, str], encoding: str,
             where: str | None = None) -> tuple[bytes, int, int, list[str]]:
    """The ``.mo`` image, its number of entries, the fuzzy entries left out and, unless
    ``label`` is None, the placeholder and markup errors (``label:line: message``), in one
    pass over the entries; ``where`` names the catalog in errors when ``label`` does not."""
    rows = []
    append = rows.append
    errors: list[str] = []
    count = skipped = 0
    check = label is not None
    for lineno, msgctxt, msgid, msgid_plural, msgstr, msgstrs, fuzzy in entries:
        if not msgid and msgctxt is None:
            continue  # the header
        if fuzzy and not use_fuzzy:
            skipped += 1
            continue
        if msgid_plural is None:  # most entries: this branch is mo_row's, inline
            # (``in`` tests, not _marked: four times faster on the strings most entries have)
            if check and ("%" in msgid or "{" in msgid or "<" in msgid or "%" in msgstr
                          or "{" in msgstr or "<" in msgstr):
                errors.extend(_errors(label, lineno, msgid, None, (msgstr,)))
            if msgstr:
                count += 1
                key = f"{msgctxt}\x04{msgid}" if msgctxt else msgid  # mo_key's, inline
                append((key, key, msgstr))
            continue
        if check and (_marked(msgid) or _marked(msgid_plural) or any(map(_marked, msgstrs))):
            errors.extend(_errors(label, lineno, msgid, msgid_plural, msgstrs))
        if all(msgstrs):
            count += 1
            if msgstrs:  # a plural entry without forms is counted, but has nothing to look up
                append(mo_row(msgctxt, msgid, msgid_plural, msgstrs))
    try:
        image = mo_image(header, rows, encoding)
    except UnicodeEncodeError as exc:  # a string added in memory that the charset lacks
        bad = exc.object[exc.start:exc.end]
        raise CatalogError(f"{bad!r} cannot be written in the catalog's charset "
                           f"{encoding}", path=label or where,
                           hint="declare charset=UTF-8 in the header") from None
    return image, count, skipped, errors


def _errors(label: str | None, lineno: int, msgid: str, msgid_plural: str | None,
            msgstrs: tuple[str, ...]) -> list[str]:
    """One entry's placeholder and markup mismatches as ``label:line: message`` lines."""
    return [f"{label}:{lineno}: {mismatch.message}"
            for mismatch in translation_mismatches(msgid, msgid_plural, msgstrs)]
