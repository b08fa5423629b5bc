"""``l10n compile``: ``.po`` to ``.mo``, with the checks ``msgfmt -c`` makes.

Fuzzy entries are left out unless asked for (gettext would otherwise show a guess to readers);
placeholder and markup mismatches are reported as ``path:line: message`` and, like
``msgfmt -c``, block the ``.mo`` of that catalog. :mod:`l10n.po.mo` writes the ``.mo``; the
result is written atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from l10n.files import read_file, write_atomic
from l10n.placeholders import translation_mismatches
from l10n.po import Catalog, read_po
from l10n.po.mo import mo_image

__all__ = ["CompileResult", "compile_catalog", "mo_bytes"]


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
    entries = []
    count = skipped = 0
    for message in catalog.messages:
        if message.obsolete or message.is_header:
            continue
        if message.fuzzy and not use_fuzzy:
            skipped += 1
            continue
        if message.msgid_plural is not None:
            forms = message.msgstr_plural
            if not all(forms):
                continue
            count += 1
            if forms:  # counted, but without forms there is nothing to look up
                entries.append((message.msgctxt, message.msgid, message.msgid_plural, forms))
        elif message.msgstr:
            count += 1
            entries.append((message.msgctxt, message.msgid, None, (message.msgstr,)))
    return mo_image(catalog.header_fields(), entries), count, skipped


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
    errors = []
    for message in catalog.messages:
        if message.is_header or message.obsolete or (message.fuzzy and not use_fuzzy):
            continue
        msgstrs = message.msgstr_plural if message.msgid_plural is not None \
            else (message.msgstr,)
        errors.extend(f"{source}:{message.lineno}: {mismatch.message}" for mismatch
                      in translation_mismatches(message.msgid, message.msgid_plural, msgstrs))
    target = Path(mo_path) if mo_path is not None else source.with_suffix(".mo")
    image, count, skipped = mo_bytes(catalog, use_fuzzy=use_fuzzy)
    if errors:
        return CompileResult(str(source), None, count, skipped, tuple(errors))
    write_atomic(target, image)
    return CompileResult(str(source), str(target), count, skipped, ())
