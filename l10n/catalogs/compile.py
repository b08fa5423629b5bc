"""``l10n compile``: ``.po`` to ``.mo``, with the checks ``msgfmt -c`` makes.

Fuzzy entries are left out unless asked for (gettext would otherwise show a guess to readers);
placeholder and markup mismatches are reported as ``path:line: message`` and, like
``msgfmt -c``, block the ``.mo`` of that catalog. polib writes the ``.mo`` (the format it does
well); the result is written atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import polib

from l10n.files import read_file, write_atomic
from l10n.placeholders import translation_mismatches
from l10n.po import Catalog, read_po

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
    mo = polib.POFile(encoding="utf-8")
    count = skipped = 0
    for message in catalog.messages:
        if message.is_header:
            mo.metadata = dict(catalog.header_fields())
            continue
        if message.obsolete:
            continue
        if message.fuzzy and not use_fuzzy:
            skipped += 1
            continue
        if message.msgid_plural is not None:
            if not all(message.msgstr_plural):
                continue
            entry = polib.POEntry(msgid=message.msgid, msgid_plural=message.msgid_plural,
                                  msgstr_plural=dict(enumerate(message.msgstr_plural)),
                                  msgctxt=message.msgctxt)
        else:
            if not message.msgstr:
                continue
            entry = polib.POEntry(msgid=message.msgid, msgstr=message.msgstr,
                                  msgctxt=message.msgctxt)
        mo.append(entry)
        count += 1
    return mo.to_binary(), count, skipped


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
