"""``l10n check`` on catalogs: languages, placeholders, markup, copies, suppressions, counts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import DATA

PO = DATA / "check" / "de.po"


def check(*paths: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "--format", "json", *paths],
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_findings_in_a_catalog() -> None:
    report = check(str(PO))
    found = [(f["line"], f["kind"], f["severity"], f["text"]) for f in report["findings"]]
    assert found == [
        (11, "untranslated", "warning", "Log in"),
        (14, "untranslated", "warning", "Chats"),
        (17, "placeholder-mismatch", "error", "Hallo %(nom)s"),
        (20, "placeholder-mismatch", "error", "neu"),
        (23, "markup-mismatch", "error", "Mehr <i>lesen</i>"),
        (26, "wrong-script", "error", "Лента новостей"),
        (29, "mojibake", "error", "Π§ΠΈΡΠ°ΡΡ ΡΠ°ΠΊΠΆΠ΅"),
    ]
    messages = {f["text"]: f["message"] for f in report["findings"]}
    assert messages["Hallo %(nom)s"] == "placeholders [%(nom)] differ from the msgid's [%(name)]"
    assert messages["neu"] == "placeholders none differ from the msgid's [{count}]"
    assert messages["Mehr <i>lesen</i>"] == ("markup [</i, <i] differs from the msgid's "
                                             "[</b, <b]")
    assert all(f["locale"] == "de" for f in report["findings"])


def test_catalog_counts_in_summary() -> None:
    stats = check(str(PO))["summary"]["catalogs"]
    assert stats == [{"path": str(PO), "language": "de", "translated": 10, "fuzzy": 1,
                      "untranslated": 1, "obsolete": 1}]


def test_template_is_checked_in_the_source_language(tmp_path: Path) -> None:
    pot = tmp_path / "chrome.pot"
    pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                   'msgid "Subscribe"\nmsgstr ""\n\nmsgid "Заголовок открываемого материала"\n'
                   'msgstr ""\n', encoding="utf-8")
    found = check(str(pot))["findings"]
    assert [(f["line"], f["kind"], f["locale"]) for f in found] == [(8, "wrong-script", "en")]


def test_allowlist_accepts_copied_terms(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "--allow", "Chats",
                           "--format", "json", str(PO)], capture_output=True, text=True)
    texts = [f["text"] for f in json.loads(done.stdout)["findings"]]
    assert "Chats" not in texts and "Log in" in texts


def test_catalog_without_language_is_an_input_error(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "l10n", "check", str(po)], capture_output=True,
                          text=True)
    assert done.returncode == 0  # no Language header: a template-like catalog, read as source
