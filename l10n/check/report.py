"""Findings as text, JSON, SARIF 2.1.0 or GitHub Actions annotations, and baselines.

* text: ``path:line:col: severity kind: message`` then a summary line;
* json: ``{"findings": [...], "summary": {...}}`` (fields in :mod:`l10n.check.finding`);
* sarif: one run of the ``l10n`` tool, a rule per finding kind;
* github: ``::error file=…,line=…,col=…,title=…::message`` workflow commands.

A baseline is a JSON list of finding fingerprints (path, kind, attribute, text) with counts,
so it survives lines moving; :func:`apply_baseline` drops known findings and lists the stale
entries that no longer occur.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from l10n.check.finding import Finding, Kind, Severity
from l10n.check.run import CheckReport
from l10n.errors import InputError

__all__ = [
    "apply_baseline",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "write_baseline",
]

_RULE_HELP = {
    Kind.WRONG_SCRIPT: "Letters in a script the page's locale does not use.",
    Kind.UNTRANSLATED: "A source-language text the site's catalogs translate (or should).",
    Kind.WRONG_LANGUAGE: "Text in another language than the page's.",
    Kind.MOJIBAKE: "Text decoded with the wrong character set.",
    Kind.TEMPLATE_ARTIFACT: "An unfilled placeholder, raw escape, message key or empty label.",
    Kind.PLACEHOLDER_MISMATCH: "A translation whose placeholders differ from its msgid's.",
    Kind.MARKUP_MISMATCH: "A translation whose HTML tags differ from its msgid's.",
}


def format_text(report: CheckReport) -> str:
    """One line per finding, then a summary line."""
    lines = []
    for f in report.findings:
        where = f"{f.path}:{f.line}:{f.column}"
        text = f.text if len(f.text) <= 80 else f.text[:77] + "..."
        attribute = f" [{f.attribute}]" if f.attribute else ""
        lines.append(f"{where}: {f.severity} {f.kind}: {f.message}{attribute}: {text!r}")
    for stale in report.stale:
        lines.append(f"{stale['path']}: stale baseline entry {stale['kind']}: {stale['text']!r}")
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    summary = (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
               f" in {report.files} file{'s' * (report.files != 1)}")
    if report.baselined:
        summary += f" ({report.baselined} known from the baseline)"
    lines.append(summary)
    return "\n".join(lines)


def format_json(report: CheckReport) -> str:
    """The stable JSON report."""
    payload = {"findings": [f.to_dict() for f in report.findings], "summary": report.summary()}
    if report.stale:
        payload["stale"] = report.stale
    return json.dumps(payload, ensure_ascii=False, indent=2)


def format_sarif(report: CheckReport, *, version: str) -> str:
    """A SARIF 2.1.0 log with one run."""
    rules = [
        {
            "id": str(kind),
            "name": "".join(part.title() for part in str(kind).split("-")),
            "shortDescription": {"text": _RULE_HELP[kind]},
            "defaultConfiguration": {"level": "error"},
        }
        for kind in Kind
    ]
    index = {str(kind): n for n, kind in enumerate(Kind)}
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": str(f.kind),
            "ruleIndex": index[str(f.kind)],
            "level": "error" if str(f.severity) == "error" else "warning",
            "message": {"text": f"{f.message}: {f.text!r}"},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }],
            "properties": {
                "text": f.text, "locale": f.locale, "attribute": f.attribute,
                "detected": f.detected, "confidence": f.confidence, "evidence": str(f.evidence),
            },
        }
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "l10n", "version": version,
                                "informationUri": "https://pypi.org/project/article-l10n/",
                                "rules": rules}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def format_github(report: CheckReport) -> str:
    """GitHub Actions workflow commands, one per finding."""
    lines = []
    for f in report.findings:
        level = "error" if str(f.severity) == "error" else "warning"
        message = _escape_data(f"{f.message}: {f.text!r}")
        lines.append(f"::{level} file={_escape_property(f.path)},line={f.line},col={f.column},"
                     f"title={_escape_property(str(f.kind))}::{message}")
    return "\n".join(lines)


def write_baseline(findings: Iterable[Finding], path: str) -> None:
    """Record today's findings (atomically) so later runs report only new ones."""
    counts = Counter(f.fingerprint for f in findings)
    entries = [{"path": p, "kind": k, "attribute": a, "text": t, "count": n}
               for (p, k, a, t), n in sorted(counts.items(), key=lambda i: tuple(map(str, i[0])))]
    data = json.dumps({"version": 1, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
    from l10n.files import write_atomic

    write_atomic(path, data.encode("utf-8"))


def apply_baseline(report: CheckReport, path: str) -> CheckReport:
    """``report`` without the findings the baseline knows, with its stale entries listed."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["findings"]
        known = Counter({(e["path"], e["kind"], e.get("attribute"), e["text"]): int(e["count"])
                         for e in entries})
    except FileNotFoundError:
        raise InputError("baseline file not found", path=path,
                         hint="create it with --write-baseline") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a baseline file ({exc})", path=path,
                         hint="recreate it with --write-baseline") from None
    remaining = known.copy()
    kept = []
    for finding in report.findings:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    stale = [{"path": p, "kind": k, "attribute": a, "text": t, "count": n}
             for (p, k, a, t), n in remaining.items() if n > 0]
    return CheckReport(findings=kept, files=report.files, catalogs=report.catalogs,
                       baselined=len(report.findings) - len(kept), stale=stale)


def _uri(path: str) -> str:
    return Path(path).as_posix() if not os.path.isabs(path) else Path(path).as_uri()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
