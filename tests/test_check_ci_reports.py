"""``l10n check --format junit`` and ``--format gitlab``: goldens, schema, escaping, order."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from l10n.check.finding import CatalogEntry, Evidence, Finding, Kind, Severity
from l10n.check.report import format_gitlab, format_junit
from l10n.check.run import CheckReport
from l10n.cli import cli

from .conftest import DATA, ROOT, SEED

REPORTS = DATA / "reports"
SCHEMA = etree.XMLSchema(etree.parse(str(DATA / "junit" / "junit-10.xsd")))
RUSSIAN = "Заголовок открываемого материала"
# Markup, quotes, a CDATA end, a newline, a tab, C0 controls XML cannot hold, a lone
# surrogate, a character outside the BMP and GitHub's separators.
HOSTILE = 'Read <b>"more"</b> & \'so\' ]]>\nnext\tline \x00\x1b\ud800 \U0001f4f0 a,b:c %0A'


def finding(path: str, line: int, kind: Kind = Kind.WRONG_SCRIPT, *, text: str = RUSSIAN,
            severity: Severity = Severity.ERROR, attribute: str | None = None,
            message: str = "Cyrillic text, but en is written in Latin",
            entry: CatalogEntry | None = None, column: int = 1) -> Finding:
    return Finding(path=path, line=line, column=column, attribute=attribute, text=text,
                   kind=kind, severity=severity, locale="en", detected="ru",
                   confidence=0.99681, evidence=Evidence.SCRIPT, message=message,
                   entry=entry)


def report_of(findings: list[Finding], files: int) -> CheckReport:
    report = CheckReport(findings=[], files=files)
    for f in findings:
        report.add(f)
    return report


FINDINGS = [
    finding("build/en/index.html", 12, column=7, attribute="title"),
    finding("build/en/index.html", 30, Kind.UNTRANSLATED, text=HOSTILE, attribute="alt",
            message="source text on a page in en",
            entry=CatalogEntry("chrome", "nav", "Read more", "locales/de/LC_MESSAGES/chrome.po")),
    finding("build/en/index.html", 31, Kind.WRONG_LANGUAGE, text="Abonnieren",
            severity=Severity.WARNING, message="text reads as German (de) (97%), not English (en)"),
    finding("build/en/index.html", 44, column=3, attribute="title"),  # the first one again
    finding("locales/ru/LC_MESSAGES/chrome.po", 9, Kind.PLACEHOLDER_MISMATCH,
            text="%(n)s новостей", message="placeholders differ from the msgid's: %(count)s"),
    finding("build/a.b/<&>\"'.txt", 2, Kind.TEMPLATE_ARTIFACT, text="{count} comments",
            message="unfilled placeholder '{count}' shown to readers"),
]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "l10n", "check", *args], capture_output=True,
                          cwd=cwd, text=True, encoding="utf-8")


# --------------------------------------------------------------------------- JUnit


@pytest.mark.parametrize(
    ("findings", "files", "golden"),
    [(FINDINGS, 3, "findings.junit.xml"), ([], 3, "clean.junit.xml"),
     ([], 1, "clean-one.junit.xml")],
    ids=["findings", "clean", "clean-one-file"],
)
def test_junit_matches_golden(findings: list[Finding], files: int, golden: str) -> None:
    xml = format_junit(report_of(findings, files))
    assert xml + "\n" == (REPORTS / golden).read_text(encoding="utf-8")
    SCHEMA.assertValid(etree.fromstring(xml.encode("utf-8")))


def test_junit_counts_and_strings_survive_a_real_parser() -> None:
    """Read back with lxml: the counts add up and every string is the finding's own."""
    root = etree.fromstring(format_junit(report_of(FINDINGS, 3)).encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "6", "0")
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures"), len(s.findall("testcase")),
             len(s.findall("testcase/failure"))) for s in suites] == [
        ("build/en/index.html", "4", "4", 4, 4),
        ("locales/ru/LC_MESSAGES/chrome.po", "1", "1", 1, 1),
        ("build/a.b/<&>\"'.txt", "1", "1", 1, 1),
    ]
    failures = root.findall("testsuite/testcase/failure")
    assert [(x.get("type"), x.get("message")) for x in failures] == [
        (str(f.kind), f"{f.message}: {f.text!r}") for f in FINDINGS]
    hostile = failures[1]
    assert hostile.getparent().get("name") == (
        "untranslated at 30:1 [alt]: 'Read <b>\"more\"</b> & \\'so\\' ]]>\\nnext\\tline "
        "\\x00\\x1b\\ud800 📰 a,b:c %0A'")
    assert hostile.getparent().get("classname") == "build/en/index"
    assert hostile.text == (
        "build/en/index.html:30:1: error untranslated: source text on a page in en [alt]\n"
        f"text: {HOSTILE!r}\n"
        "locale: en, detected: ru, confidence: 0.9968, evidence: script\n"
        "entry: chrome msgctxt 'nav' msgid 'Read more' (locales/de/LC_MESSAGES/chrome.po)")


def test_junit_writes_what_xml_cannot_hold_as_escapes() -> None:
    """A path or message with characters XML 1.0 forbids is still a well-formed report."""
    odd = finding("build/\x01page.html", 1, message="odd \x0c message \udfff")
    root = etree.fromstring(format_junit(report_of([odd], 1)).encode("utf-8"))
    assert root.find("testsuite").get("name") == "build/\\x01page.html"
    assert root.find("testsuite/testcase/failure").get("message") == (
        f"odd \\x0c message \\udfff: {RUSSIAN!r}")


# --------------------------------------------------------------------------- GitLab


def test_gitlab_matches_golden() -> None:
    assert format_gitlab(report_of(FINDINGS, 3)) + "\n" == (
        REPORTS / "findings.gitlab.json").read_text(encoding="utf-8")
    assert format_gitlab(report_of([], 3)) == "[]"


def test_gitlab_issues_have_gitlabs_fields() -> None:
    issues = json.loads(format_gitlab(report_of(FINDINGS, 3)))
    assert [set(i) for i in issues] == [
        {"description", "check_name", "fingerprint", "severity", "location"}] * len(FINDINGS)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["severity"],
             i["check_name"]) for i in issues] == [
        (f.path, f.line, {"error": "major", "warning": "minor"}[str(f.severity)], str(f.kind))
        for f in FINDINGS]
    assert [i["description"] for i in issues] == [f"{f.message}: {f.text!r}" for f in FINDINGS]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert all(len(x) == 32 and set(x) <= set("0123456789abcdef") for x in fingerprints)


def test_gitlab_fingerprints_survive_moved_lines_but_not_changed_text() -> None:
    before = json.loads(format_gitlab(report_of(FINDINGS, 3)))
    moved = [replace(f, line=f.line + 5, column=f.column + 2) for f in FINDINGS]
    after = json.loads(format_gitlab(report_of(moved, 3)))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    edited = [replace(FINDINGS[0], text="Подписаться"), *FINDINGS[1:]]
    changed = json.loads(format_gitlab(report_of(edited, 3)))
    assert [a["fingerprint"] == b["fingerprint"] for a, b in zip(changed, before, strict=True)] \
        == [False, True, True, False, True, True]  # the repeated text is now its first occurrence


def test_gitlab_paths_are_relative_to_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = finding(str(tmp_path / "build" / "p.html"), 3)
    outside = finding(str(tmp_path.parent / "p.html"), 4)
    dotted = finding(os.path.join(".", "build", "q.html"), 5)
    url = finding("https://example.com/news/p.html", 6)
    issues = json.loads(format_gitlab(report_of([inside, outside, dotted, url], 4)))
    assert [i["location"]["path"] for i in issues] == [
        "build/p.html", Path(tmp_path.parent / "p.html").as_posix(), "build/q.html",
        "https://example.com/news/p.html"]


# --------------------------------------------------------------------------- the command


def test_seed_as_junit_and_gitlab(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "page.txt")
    as_json = run("--locale", "en", "--format", "json", "page.txt", cwd=tmp_path)
    confidence = json.loads(as_json.stdout)["findings"][0]["confidence"]
    junit = run("--locale", "en", "--format", "junit", "page.txt", cwd=tmp_path)
    assert (junit.returncode, junit.stderr) == (1, "")
    assert junit.stdout == f"""\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="l10n check" tests="1" failures="1" errors="0" time="0">
  <testsuite name="page.txt" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase name="wrong-script at 42:1: '{RUSSIAN}'" classname="page" time="0">
      <failure type="wrong-script" message="Cyrillic text, but en is written in Latin: '{RUSSIAN}'">page.txt:42:1: error wrong-script: Cyrillic text, but en is written in Latin
text: '{RUSSIAN}'
locale: en, detected: ru, confidence: {confidence:.4f}, evidence: script</failure>
    </testcase>
  </testsuite>
</testsuites>
"""
    gitlab = run("--locale", "en", "--format", "gitlab", "page.txt", cwd=tmp_path)
    assert (gitlab.returncode, gitlab.stderr) == (1, "")
    assert json.loads(gitlab.stdout) == [{
        "description": f"Cyrillic text, but en is written in Latin: '{RUSSIAN}'",
        "check_name": "wrong-script",
        "fingerprint": "f2a932c3b35c1444761756207771a42d",
        "severity": "major",
        "location": {"path": "page.txt", "lines": {"begin": 42}},
    }]
    assert gitlab.stdout == json.dumps(json.loads(gitlab.stdout), ensure_ascii=False,
                                       indent=2) + "\n"


@pytest.mark.parametrize("output_format", ["junit", "gitlab"])
def test_same_findings_in_the_same_order_as_json(output_format: str) -> None:
    as_json = run("--format", "json", "samples", cwd=ROOT)
    findings = json.loads(as_json.stdout)["findings"]
    assert len(findings) >= 10
    done = run("--format", output_format, "samples", cwd=ROOT)
    assert done.returncode == as_json.returncode == 1
    if output_format == "junit":
        root = etree.fromstring(done.stdout.encode("utf-8"))
        SCHEMA.assertValid(root)
        got = [(case.getparent().get("name"), case.find("failure").get("message"))
               for case in root.iter("testcase")]
    else:
        got = [(i["location"]["path"], i["description"]) for i in json.loads(done.stdout)]
    assert got == [(f["path"], f"{f['message']}: {f['text']!r}") for f in findings]
    assert run("--format", output_format, "samples", cwd=ROOT).stdout == done.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_exit_code_does_not_depend_on_the_format(tmp_path: Path, output_format: str) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Ministers agree on new fishing quotas\n\nThe committee said on Tuesday "
                     "that the new rules would apply to every member state from next year.\n",
                     encoding="utf-8")
    warn = tmp_path / "warn.html"
    warn.write_text('<html lang="de"><body><nav><a href="/">Subscribe</a></nav></body></html>',
                    encoding="utf-8")
    codes = [run("--locale", "en", "--format", output_format, "clean.txt", cwd=tmp_path),
             run("--format", output_format, "warn.html", cwd=tmp_path),
             run("--format", output_format, "--fail-on", "warning", "warn.html", cwd=tmp_path),
             run("--locale", "en", "--format", output_format, str(SEED))]
    assert [done.returncode for done in codes] == [0, 0, 1, 1]


def test_help_lists_every_format(runner: CliRunner) -> None:
    done = runner.invoke(cli, ["check", "--help"], terminal_width=100)
    assert done.exit_code == 0
    assert "--format [text|json|sarif|github|junit|gitlab]" in done.output
    assert "l10n check --format junit build/ > l10n-junit.xml" in done.output
