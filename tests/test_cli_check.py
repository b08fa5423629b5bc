"""``l10n check``: the seed's single finding, formats, exit codes, baselines, configuration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from .conftest import DATA, SAMPLES, SEED

SEED_HTML = SAMPLES / "001_seed_en.html"
RUSSIAN = "Заголовок открываемого материала"


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "l10n", "check", *args], capture_output=True, cwd=cwd,
        input=stdin.decode() if stdin is not None else None, text=True,
        env={**os.environ, **(env or {})},
    )


def test_seed_in_an_empty_directory_has_exactly_the_russian_leak(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    done = run("--locale", "en", "--format", "json", "page.txt", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert findings == [{
        "path": "page.txt", "line": 42, "column": 1, "attribute": None, "text": RUSSIAN,
        "kind": "wrong-script", "severity": "error", "locale": "en", "detected": "ru",
        "confidence": findings[0]["confidence"], "evidence": "script",
        "message": "Cyrillic text, but en is written in Latin", "entry": None,
    }]
    assert findings[0]["confidence"] > 0.9
    text = run("--locale", "en", "page.txt", cwd=tmp_path)
    assert text.stdout == (
        f"page.txt:42:1: error wrong-script: Cyrillic text, but en is written in Latin: "
        f"'{RUSSIAN}'\n1 error, 0 warnings in 1 file\n"
    )


def test_html_seed_points_at_the_dialog_title(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    shutil.copy(SEED_HTML, page)
    done = run("--format", "json", "seed.html", cwd=tmp_path)
    assert done.returncode == 1
    findings = json.loads(done.stdout)["findings"]
    assert [(f["kind"], f["severity"], f["text"], f["attribute"]) for f in findings] == [
        ("wrong-script", "error", RUSSIAN, "title")]
    line = SEED_HTML.read_text(encoding="utf-8").splitlines()[findings[0]["line"] - 1]
    assert f'title="{RUSSIAN}"' in line and 'role="dialog"' in line
    assert line[findings[0]["column"] - 1:].startswith("<div ")


def test_json_report_fields_and_summary() -> None:
    done = run("--format", "json", str(SAMPLES / "005_news_en.txt"))
    report = json.loads(done.stdout)
    keys = {"path", "line", "column", "attribute", "text", "kind", "severity", "locale",
            "detected", "confidence", "evidence", "message", "entry"}
    assert all(set(f) == keys for f in report["findings"])
    assert [(f["line"], f["kind"]) for f in report["findings"]] == [
        (35, "template-artifact"), (38, "template-artifact")]
    summary = report["summary"]
    assert (summary["files"], summary["errors"], summary["warnings"]) == (1, 2, 0)
    assert summary["by_kind"] == {"template-artifact": 2}
    assert done.stdout == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    empty = run("--format", "json", str(SAMPLES / "005_news_en.txt"), "--severity",
                "template-artifact=off")
    assert empty.stdout.startswith('{\n  "findings": [],\n  "summary": {\n')
    assert empty.stdout == json.dumps(json.loads(empty.stdout), ensure_ascii=False,
                                      indent=2) + "\n"


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    done = run("--format", "sarif", str(SAMPLES))
    log = json.loads(done.stdout)
    schema = json.loads((DATA / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert len(results) >= 10
    first = results[0]
    assert first["ruleId"] == "wrong-script"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 42,
                                                                    "startColumn": 1}


def test_github_annotations() -> None:
    done = run("--locale", "en", "--format", "github", str(SEED))
    assert done.stdout == (
        f"::error file={SEED},line=42,col=1,title=wrong-script::Cyrillic text, but en is "
        f"written in Latin: '{RUSSIAN}'\n"
    )


def test_exit_codes_and_fail_on(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Ministers agree on new fishing quotas\n\nThe committee said on Tuesday "
                     "that the new rules would apply to every member state from next year.\n",
                     encoding="utf-8")
    assert run("--locale", "en", str(clean)).returncode == 0
    warn = tmp_path / "warn.html"
    warn.write_text('<html lang="de"><body><nav><a href="/">Subscribe</a></nav></body></html>',
                    encoding="utf-8")
    only_warning = run(str(warn))
    assert only_warning.returncode == 0
    assert "warning wrong-language" in only_warning.stdout
    assert run("--fail-on", "warning", str(warn)).returncode == 1
    assert run("--severity", "wrong-language=off", "--fail-on", "warning",
               str(warn)).stdout.endswith("0 errors, 0 warnings in 1 file\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--locale", "xx_QQ", "x.txt"], "l10n: unknown locale 'xx_QQ'; use a CLDR locale code "
                                         "such as de, pt_BR or zh_Hans\n"),
        (["missing.txt"], "l10n: missing.txt: no such file or directory; check the path\n"),
        (["--severity", "loud=error", "x.txt"], "l10n: unknown finding kind 'loud' in severity "
         "settings; kinds: wrong-script, untranslated, wrong-language, mojibake, "
         "template-artifact, placeholder-mismatch, markup-mismatch, page-language, "
         "date-mismatch\n"),
        (["--catalogs", "nowhere", "x.txt"], "l10n: nowhere: catalog directory not found; give "
         "the directory that holds <lang>/LC_MESSAGES/*.po\n"),
    ],
    ids=["locale", "missing", "severity", "catalogs"],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "x.txt").write_text("Some text here.\n", encoding="utf-8")
    done = run(*args, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", message)


def test_malformed_catalog_is_path_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    done = run(str(bad))
    assert done.returncode == 2
    assert done.stderr.startswith(f"l10n: {bad}:2: ")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_directories_include_exclude_and_labels(tmp_path: Path) -> None:
    site = tmp_path / "build"
    (site / "de").mkdir(parents=True)
    (site / "ru").mkdir()
    (site / "de" / "a.html").write_text("<html><body><nav><a>Заголовок</a></nav></body></html>",
                                        encoding="utf-8")
    (site / "ru" / "b.html").write_text("<html><body><nav><a>Read more</a></nav></body></html>",
                                        encoding="utf-8")
    (site / "ru" / "skip.html").write_text("<html><body><p>Read more</p></body></html>",
                                           encoding="utf-8")
    (site / "notes.md").write_text("Заголовок", encoding="utf-8")
    done = run("--format", "json", "--exclude", "skip.*", "build", cwd=tmp_path)
    findings = json.loads(done.stdout)["findings"]
    assert [(f["path"], f["locale"], f["kind"]) for f in findings] == [
        (os.path.join("build", "de", "a.html"), "de", "wrong-script"),
        (os.path.join("build", "ru", "b.html"), "ru", "wrong-script"),
    ]
    assert json.loads(done.stdout)["summary"]["files"] == 2


def test_standard_input() -> None:
    done = run("--locale", "en", "-", stdin=SEED.read_bytes())
    assert done.returncode == 1
    assert done.stdout.startswith("<stdin>:42:1: error wrong-script")


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<html lang="en"><body><nav><a>Заголовок</a></nav></body></html>',
                    encoding="utf-8")
    assert run("--write-baseline", "base.json", "p.html", cwd=tmp_path).returncode == 0
    assert run("--baseline", "base.json", "p.html", cwd=tmp_path).returncode == 0
    page.write_text('<html lang="en"><body><nav><a>Заголовок</a><a>Новости</a></nav>'
                    '</body></html>', encoding="utf-8")
    again = run("--baseline", "base.json", "--format", "json", "p.html", cwd=tmp_path)
    report = json.loads(again.stdout)
    assert again.returncode == 1
    assert [f["text"] for f in report["findings"]] == ["Новости"]
    assert report["summary"]["baselined"] == 1
    page.write_text('<html lang="en"><body><nav><a>News</a></nav></body></html>',
                    encoding="utf-8")
    stale = run("--baseline", "base.json", "p.html", cwd=tmp_path)
    assert stale.returncode == 0
    assert "p.html: stale baseline entry wrong-script: 'Заголовок'" in stale.stdout
    as_json = run("--baseline", "base.json", "--format", "json", "p.html", cwd=tmp_path)
    assert json.loads(as_json.stdout)["stale"][0]["text"] == "Заголовок"
    for document in (again.stdout, as_json.stdout):  # the standard encoder's text, exactly
        assert document == json.dumps(json.loads(document), ensure_ascii=False, indent=2) + "\n"


def test_configuration_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.l10n]\nlocale = "en"\nallow = ["Заголовок открываемого материала"]\n',
        encoding="utf-8")
    shutil.copy(SEED, tmp_path / "seed.txt")
    done = run("seed.txt", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "0 errors, 0 warnings in 1 file\n")
    (tmp_path / "pyproject.toml").write_text('[tool.l10n]\nlocal = "en"\n', encoding="utf-8")
    bad = run("seed.txt", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr.startswith(f"l10n: {tmp_path / 'pyproject.toml'}: unknown [tool.l10n] "
                                 "key 'local'")


def test_output_is_deterministic() -> None:
    first = run("--format", "json", str(SAMPLES))
    second = run("--format", "json", str(SAMPLES))
    assert first.stdout == second.stdout and first.stdout


def test_inline_suppression_in_html(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<html lang="en"><body><nav><a translate="no">Заголовок</a>'
                    '<a data-l10n-ignore>Новости</a></nav></body></html>', encoding="utf-8")
    assert run(str(page)).returncode == 0
