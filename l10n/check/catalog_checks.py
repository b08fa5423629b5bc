"""Checks on a translated catalog (``.po``): each msgstr in the catalog's ``Language``,
placeholders and markup that match the msgid, and translations that only copy the source.

Entries carrying ``#. l10n-ignore: KIND`` (or a bare ``#. l10n-ignore``) are skipped for that kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from l10n.check.catalog_index import CatalogText, ReadCatalog
from l10n.check.finding import Kind
from l10n.placeholders import translation_mismatches

__all__ = [
    "CatalogIssue",
    "CatalogStats",
    "catalog_issues",
    "catalog_stats",
    "ignored_kinds",
]

_KINDS = {"placeholders": Kind.PLACEHOLDER_MISMATCH, "markup": Kind.MARKUP_MISMATCH}
_IGNORE = re.compile(r"^\s*l10n-ignore(?::\s*(?P<kinds>.*))?$")


@dataclass(frozen=True, slots=True)
class CatalogIssue:
    """A problem in one entry: the kind, the line, the text and what is wrong."""

    kind: Kind
    line: int
    text: str
    message: str


@dataclass(frozen=True, slots=True)
class CatalogStats:
    """Counts for one catalog file."""

    path: str
    language: str | None
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "language": self.language, "translated": self.translated,
                "fuzzy": self.fuzzy, "untranslated": self.untranslated,
                "obsolete": self.obsolete}


def catalog_stats(catalog: ReadCatalog, label: str) -> CatalogStats:
    """Translated, fuzzy, untranslated and obsolete counts."""
    counts: Counter[str] = Counter()
    for entry in catalog.entries:
        if entry.obsolete:
            counts["obsolete"] += 1
        elif entry.fuzzy:
            counts["fuzzy"] += 1
        elif entry.msgstrs and all(entry.msgstrs):
            counts["translated"] += 1
        else:
            counts["untranslated"] += 1
    return CatalogStats(label, catalog.language, counts["translated"], counts["fuzzy"],
                        counts["untranslated"], counts["obsolete"])


def ignored_kinds(entry: CatalogText) -> set[str] | None:
    """Kinds suppressed by ``#. l10n-ignore: KIND``; an empty set means every kind."""
    found: set[str] | None = None
    for comment in entry.comments:
        match = _IGNORE.match(comment)
        if match:
            found = found or set()
            kinds = match["kinds"]
            if not kinds:
                return set()
            found |= {k.strip() for k in kinds.split(",") if k.strip()}
    return found


def catalog_issues(entry: CatalogText) -> Iterator[CatalogIssue]:
    """Placeholder and markup mismatches between an entry's msgid and its translations."""
    if entry.obsolete or not any(entry.msgstrs):
        return
    for mismatch in translation_mismatches(entry.msgid, entry.msgid_plural, entry.msgstrs):
        yield CatalogIssue(_KINDS[mismatch.what], entry.msgstr_line, mismatch.text,
                           mismatch.message)
