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

__all__ = [
    "CatalogIssue",
    "CatalogStats",
    "catalog_issues",
    "catalog_stats",
    "ignored_kinds",
    "strip_placeholders",
]

_PRINTF = re.compile(r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*"
                     r"(?P<conv>[diouxXeEfFgGcrsa%])")
_BRACE = re.compile(r"(?<!\{)\{(?P<field>[A-Za-z_0-9][\w.\[\]]*)?(?:![rsa])?(?::[^{}]*)?\}(?!\})")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?/?>")
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
    sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
    for index, msgstr in enumerate(entry.msgstrs):
        if not msgstr:
            continue
        source = sources[min(index, len(sources) - 1)]
        wanted, got = _placeholders(source), _placeholders(msgstr)
        if wanted != got and not (entry.msgid_plural and _plural_drop(wanted, got)):
            yield CatalogIssue(
                Kind.PLACEHOLDER_MISMATCH, entry.msgstr_line, msgstr,
                f"placeholders {_show(got)} differ from the msgid's {_show(wanted)}",
            )
        wanted_tags, got_tags = _tags(source), _tags(msgstr)
        if wanted_tags != got_tags:
            yield CatalogIssue(
                Kind.MARKUP_MISMATCH, entry.msgstr_line, msgstr,
                f"markup {_show(got_tags)} differs from the msgid's {_show(wanted_tags)}",
            )


def strip_placeholders(text: str) -> str:
    """``text`` without its printf and brace placeholders (they are not words)."""
    return _BRACE.sub(" ", _PRINTF.sub(" ", text))


def _placeholders(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for match in _PRINTF.finditer(text):
        if match["conv"] != "%":
            found[f"%({match['name']})" if match["name"] else f"%{match['conv']}"] += 1
    for match in _BRACE.finditer(text):
        found["{" + (match["field"] or "") + "}"] += 1
    return found


def _plural_drop(wanted: Counter[str], got: Counter[str]) -> bool:
    """A plural form may leave out the number ("one comment" for ``%d comments``)."""
    return all(got[k] <= wanted[k] for k in got) and set(got) <= set(wanted)


def _tags(text: str) -> Counter[str]:
    return Counter(m.group(0).split()[0].rstrip(">").lower() for m in _TAG.finditer(text))


def _show(counter: Counter[str]) -> str:
    return "[" + ", ".join(sorted(counter.elements())) + "]" if counter else "none"
