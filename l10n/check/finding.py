"""Findings: one per occurrence of a leaked, garbled or half-built string, with its evidence.

The JSON form (:meth:`Finding.to_dict`) is a stable contract other tools read; its keys are
exactly ``path``, ``line``, ``column``, ``attribute``, ``text``, ``kind``, ``severity``,
``locale``, ``detected``, ``confidence``, ``evidence``, ``message`` and ``entry``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["CatalogEntry", "Evidence", "Finding", "Kind", "Severity"]


class Severity(StrEnum):
    """How bad a finding is; ``--fail-on`` compares against it."""

    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return 2 if self is Severity.ERROR else 1


class Kind(StrEnum):
    """What is wrong with a text."""

    WRONG_SCRIPT = "wrong-script"
    UNTRANSLATED = "untranslated"
    WRONG_LANGUAGE = "wrong-language"
    MOJIBAKE = "mojibake"
    TEMPLATE_ARTIFACT = "template-artifact"
    PLACEHOLDER_MISMATCH = "placeholder-mismatch"
    MARKUP_MISMATCH = "markup-mismatch"
    PAGE_LANGUAGE = "page-language"
    DATE_MISMATCH = "date-mismatch"


DEFAULT_SEVERITY = {
    Kind.WRONG_SCRIPT: Severity.ERROR,
    Kind.UNTRANSLATED: Severity.ERROR,
    Kind.WRONG_LANGUAGE: Severity.ERROR,
    Kind.MOJIBAKE: Severity.ERROR,
    Kind.TEMPLATE_ARTIFACT: Severity.ERROR,
    Kind.PLACEHOLDER_MISMATCH: Severity.ERROR,
    Kind.MARKUP_MISMATCH: Severity.ERROR,
    Kind.PAGE_LANGUAGE: Severity.ERROR,
    Kind.DATE_MISMATCH: Severity.ERROR,
}


class Evidence(StrEnum):
    """Which layer decided."""

    SCRIPT = "script"
    CATALOG = "catalog"
    STATISTICS = "statistics"
    PATTERN = "pattern"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """The catalog entry a finding matched."""

    domain: str
    msgctxt: str | None
    msgid: str
    catalog: str

    def to_dict(self) -> dict[str, Any]:
        return {"domain": self.domain, "msgctxt": self.msgctxt, "msgid": self.msgid,
                "catalog": self.catalog}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place."""

    path: str
    line: int
    column: int
    attribute: str | None
    text: str
    kind: Kind
    severity: Severity
    locale: str | None
    detected: str | None
    confidence: float | None
    evidence: Evidence
    message: str
    entry: CatalogEntry | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON object (see the module docstring)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "attribute": self.attribute,
            "text": self.text,
            "kind": str(self.kind),
            "severity": str(self.severity),
            "locale": self.locale,
            "detected": self.detected,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "evidence": str(self.evidence),
            "message": self.message,
            "entry": self.entry.to_dict() if self.entry else None,
        }

    @property
    def fingerprint(self) -> tuple[str, str, str | None, str]:
        """What a baseline remembers: stable when lines move."""
        return (self.path, str(self.kind), self.attribute, self.text)
