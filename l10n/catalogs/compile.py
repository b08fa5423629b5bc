"""``l10n compile``: ``.po`` to ``.mo``, with the checks ``msgfmt -c`` makes.

Fuzzy entries are left out unless asked for (gettext would otherwise show a guess to readers);
placeholder and markup mismatches are reported as ``path:line: message`` and, like
``msgfmt -c``, block the ``.mo`` of that catalog. :mod:`l10n.po.mo` writes the ``.mo``; the
result is written atomically.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import CatalogError
from l10n.files import read_file, write_atomic
from l10n.placeholders import translation_mismatches
from l10n.po import Catalog, read_po
from l10n.po.mo import mo_image, mo_row

__all__ = ["CompileResult", "compile_catalog", "mo_bytes"]

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
    image, count, skipped, _ = _compile(catalog, use_fuzzy, None)
    return image, count, skipped


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
        catalog = read_po(read_file(source, what="catalog", missing="no such catalog",
                                    hint=None), path=str(source))
    target = Path(mo_path) if mo_path is not None else source.with_suffix(".mo")
    image, count, skipped, errors = _compile(catalog, use_fuzzy, str(source))
    if errors:
        return CompileResult(str(source), None, count, skipped, tuple(errors))
    write_atomic(target, image)
    return CompileResult(str(source), str(target), count, skipped, ())


def _compile(catalog: Catalog, use_fuzzy: bool,
             label: str | None) -> tuple[bytes, int, int, list[str]]:
    """The ``.mo`` image, its number of entries, the fuzzy entries left out and, unless
    ``label`` is None, the placeholder and markup errors (``label:line: message``), in one
    pass over the entries."""
    rows = []
    append = rows.append
    errors: list[str] = []
    count = skipped = 0
    check = label is not None
    for message in catalog.messages:
        if message.obsolete:
            continue
        msgid, msgctxt, msgid_plural = message.msgid, message.msgctxt, message.msgid_plural
        if not msgid and msgctxt is None:
            continue  # the header
        if not use_fuzzy and "fuzzy" in message.flags:
            skipped += 1
            continue
        if msgid_plural is None:  # most entries: this branch is mo_row's, inline
            msgstr = message.msgstr
            if check and (_marked(msgid) or _marked(msgstr)):
                errors.extend(_errors(label, message.lineno, msgid, None, (msgstr,)))
            if msgstr:
                count += 1
                key = f"{msgctxt}\x04{msgid}" if msgctxt else msgid  # mo_key's, inline
                append((key, key, msgstr))
            continue
        msgstrs = message.msgstr_plural
        if check and (_marked(msgid) or _marked(msgid_plural) or any(map(_marked, msgstrs))):
            errors.extend(_errors(label, message.lineno, msgid, msgid_plural, msgstrs))
        if all(msgstrs):
            count += 1
            if msgstrs:  # a plural entry without forms is counted, but has nothing to look up
                append(mo_row(msgctxt, msgid, msgid_plural, msgstrs))
    try:
        image = mo_image(catalog.header_fields(), rows, catalog.encoding)
    except UnicodeEncodeError as exc:  # a string added in memory that the charset lacks
        bad = exc.object[exc.start:exc.end]
        raise CatalogError(f"{bad!r} cannot be written in the catalog's charset "
                           f"{catalog.encoding}", path=label or catalog.path,
                           hint="declare charset=UTF-8 in the header") from None
    return image, count, skipped, errors


def _errors(label: str | None, lineno: int, msgid: str, msgid_plural: str | None,
            msgstrs: tuple[str, ...]) -> list[str]:
    """One entry's placeholder and markup mismatches as ``label:line: message`` lines."""
    return [f"{label}:{lineno}: {mismatch.message}"
            for mismatch in translation_mismatches(msgid, msgid_plural, msgstrs)]
