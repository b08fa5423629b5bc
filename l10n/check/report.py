"""Findings as text, JSON, SARIF 2.1.0, GitHub Actions annotations, JUnit XML or GitLab Code
Quality JSON, and baselines.

* text: ``path:line:col: severity kind: message`` then a summary line;
* json: ``{"findings": [...], "summary": {...}}`` (fields in :mod:`l10n.check.finding`);
* sarif: one run of the ``l10n`` tool, a rule per finding kind;
* github: ``::error file=…,line=…,col=…,title=…::message`` workflow commands;
* junit: a test suite per file with findings, a failed test case per finding (GitLab, Jenkins,
  Azure Pipelines read it as test results);
* gitlab: a GitLab Code Quality report, an issue per finding.

Every format lists the findings in the same order (path order, then source order).

A baseline is a JSON list of finding fingerprints (path, kind, attribute, text) with counts,
so it survives lines moving; :func:`apply_baseline` drops known findings and lists the stale
entries that no longer occur.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from l10n.check.finding import Finding, Kind, Severity
from l10n.check.run import CheckReport
from l10n.errors import InputError

__all__ = [
    "Baseline",
    "format_github",
    "format_gitlab",
    "format_json",
    "format_junit",
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
    Kind.PAGE_LANGUAGE: "A page (or a section) declares one language and is written in another, "
                        "or an HTML page declares none.",
    Kind.DATE_MISMATCH: "A date stated twice that disagrees: a <time>'s text and its datetime, "
                        "the dateline and the publication time, or the datelines of editions.",
}


def text_line(f: Finding) -> str:
    """``path:line:col: severity kind: message [attribute]: 'text'``."""
    where = f"{f.path}:{f.line}:{f.column}"
    text = f.text if len(f.text) <= 80 else f.text[:77] + "..."
    attribute = f" [{f.attribute}]" if f.attribute else ""
    return f"{where}: {f.severity} {f.kind}: {f.message}{attribute}: {text!r}"


def github_line(f: Finding) -> str:
    """A GitHub Actions workflow command for one finding."""
    level = "error" if str(f.severity) == "error" else "warning"
    message = _escape_data(f"{f.message}: {f.text!r}")
    return (f"::{level} file={_escape_property(f.path)},line={f.line},col={f.column},"
            f"title={_escape_property(str(f.kind))}::{message}")


def format_text(report: CheckReport) -> str:
    """One line per finding, then a summary line."""
    lines = [text_line(f) for f in report.findings]
    lines.extend(summary_lines(report))
    return "\n".join(lines)


def summary_lines(report: CheckReport) -> list[str]:
    """Stale baseline entries and the closing count line."""
    lines = []
    for stale in report.stale:
        lines.append(f"{stale['path']}: stale baseline entry {stale['kind']}: {stale['text']!r}")
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    summary = (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
               f" in {report.files} file{'s' * (report.files != 1)}")
    if report.baselined:
        summary += f" ({report.baselined} known from the baseline)"
    if report.unreadable:
        n = report.unreadable
        summary += f"; {n} file{'s' * (n != 1)} could not be read"
    lines.append(summary)
    return lines


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
    return "\n".join(github_line(f) for f in report.findings)


def format_junit(report: CheckReport) -> str:
    """JUnit XML: a ``testsuite`` per file with findings, a ``testcase`` with a ``failure``
    per finding (warnings too: a CI server shows them, the exit code still follows
    ``--fail-on``). A run without findings is one passing test case, since Jenkins refuses a
    report without any. The shape is ESLint's and ruff's JUnit output: ``classname`` is the
    path without its extension, because Jenkins splits it into package and class at dots.
    """
    root = ET.Element("testsuites", name="l10n check")
    suites: dict[str, list[Finding]] = {}
    for f in report.findings:
        suites.setdefault(f.path, []).append(f)
    if not suites:
        files = f"{report.files} file{'s' * (report.files != 1)}"
        suite = ET.SubElement(root, "testsuite", name="l10n check", tests="1", failures="0",
                              errors="0", skipped="0", time="0")
        ET.SubElement(suite, "testcase", name=f"no findings in {files}", classname="l10n",
                      time="0")
    for path, findings in suites.items():
        count = str(len(findings))
        suite = ET.SubElement(root, "testsuite", name=_xml(path), tests=count,
                              failures=count, errors="0", skipped="0", time="0")
        classname = _xml(os.path.splitext(path)[0] or path)
        for f in findings:
            case = ET.SubElement(suite, "testcase", name=_xml(_case_name(f)),
                                 classname=classname, time="0")
            failure = ET.SubElement(case, "failure", type=str(f.kind),
                                    message=_xml(f"{f.message}: {f.text!r}"))
            failure.text = _xml(_failure_details(f))
    total = str(len(report.findings))
    root.set("tests", total if report.findings else "1")
    root.set("failures", total)
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def format_gitlab(report: CheckReport) -> str:
    """A GitLab Code Quality report: a JSON list of issues with ``description``,
    ``check_name`` (the finding's kind), ``fingerprint``, ``severity`` (``major`` for an
    error, ``minor`` for a warning) and ``location`` (``path``, ``lines.begin``).

    The fingerprint is the MD5 of the JSON list ``[path, kind, attribute, text, n]``: what a
    baseline remembers, and the occurrence's number among identical ones (from 1). It is
    unique, as GitLab needs to tell issues apart, and unchanged when lines move, so a merge
    request shows only the issues it added or fixed.
    """
    seen: Counter[tuple[str, str, str | None, str]] = Counter()
    issues = []
    for f in report.findings:
        path = _relative(f.path)
        key = (path, str(f.kind), f.attribute, f.text)
        seen[key] += 1
        digest = hashlib.md5(json.dumps([*key, seen[key]]).encode("ascii"),
                             usedforsecurity=False)
        issues.append({
            "description": f"{f.message}: {f.text!r}",
            "check_name": str(f.kind),
            "fingerprint": digest.hexdigest(),
            "severity": "major" if str(f.severity) == "error" else "minor",
            "location": {"path": path, "lines": {"begin": f.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2)


def _case_name(f: Finding) -> str:
    text = f.text if len(f.text) <= 60 else f.text[:57] + "..."
    attribute = f" [{f.attribute}]" if f.attribute else ""
    return f"{f.kind} at {f.line}:{f.column}{attribute}: {text!r}"


def _failure_details(f: Finding) -> str:
    """The failure's body: the text line in full, then the evidence."""
    attribute = f" [{f.attribute}]" if f.attribute else ""
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.kind}: {f.message}{attribute}",
             f"text: {f.text!r}"]
    verdict = [f"locale: {f.locale}"] if f.locale else []
    if f.detected:
        verdict.append(f"detected: {f.detected}")
    if f.confidence is not None:
        verdict.append(f"confidence: {f.confidence:.4f}")
    verdict.append(f"evidence: {f.evidence}")
    lines.append(", ".join(verdict))
    if f.entry is not None:
        context = f" msgctxt {f.entry.msgctxt!r}" if f.entry.msgctxt is not None else ""
        lines.append(f"entry: {f.entry.domain}{context} msgid {f.entry.msgid!r} "
                     f"({f.entry.catalog})")
    return "\n".join(lines)


# Characters XML 1.0 cannot hold at all, not even as references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """``text`` with each character XML cannot hold written as a Python escape."""
    return _NOT_XML.sub(lambda m: repr(m.group())[1:-1], text)


def _relative(path: str) -> str:
    """A finding's path relative to the working directory when it lies inside it, in ``/``
    form (GitLab links a path relative to the repository); a URL (a WARC record) as is."""
    if os.path.isabs(path):
        inside = os.path.relpath(path)
        if inside.split(os.sep)[0] != os.pardir:
            path = inside
    path = path.replace(os.sep, "/")
    return path[2:] if path.startswith("./") else path


def write_baseline(findings: Iterable[Finding], path: str) -> None:
    """Record today's findings (atomically) so later runs report only new ones."""
    counts = Counter(f.fingerprint for f in findings)
    entries = [{"path": p, "kind": k, "attribute": a, "text": t, "count": n}
               for (p, k, a, t), n in sorted(counts.items(), key=lambda i: tuple(map(str, i[0])))]
    data = json.dumps({"version": 1, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
    from l10n.files import write_atomic

    write_atomic(path, data.encode("utf-8"))


class Baseline:
    """Known findings, by fingerprint and count: :meth:`admit` lets through only new ones,
    :meth:`stale` lists the known ones that no longer occur."""

    def __init__(self, path: str) -> None:
        recreate = "recreate it with --write-baseline"
        try:
            data = json.loads(Path(path).read_bytes())
        except FileNotFoundError:
            raise InputError("baseline file not found", path=path,
                             hint="create it with --write-baseline") from None
        except IsADirectoryError:
            raise InputError("is a directory, not a baseline file", path=path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"not a baseline file: invalid JSON ({exc.msg})", path=path,
                             line=exc.lineno, hint=recreate) from None
        except UnicodeDecodeError:
            raise InputError("not a baseline file: not UTF-8 JSON", path=path,
                             hint=recreate) from None
        try:
            entries = data["findings"]
            self.remaining = Counter({(e["path"], e["kind"], e.get("attribute"), e["text"]):
                                      int(e["count"]) for e in entries})
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError('not a baseline file: expected {"findings": [{"path", "kind", '
                             '"text", "count"}, ...]}', path=path, hint=recreate) from None

    def admit(self, finding: Finding) -> bool:
        """True for a finding the baseline does not know (or knows fewer times)."""
        if self.remaining[finding.fingerprint] > 0:
            self.remaining[finding.fingerprint] -= 1
            return False
        return True

    def stale(self) -> list[dict[str, object]]:
        return [{"path": p, "kind": k, "attribute": a, "text": t, "count": n}
                for (p, k, a, t), n in sorted(self.remaining.items(), key=str) if n > 0]


def _uri(path: str) -> str:
    return Path(path).as_posix() if not os.path.isabs(path) else Path(path).as_uri()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
