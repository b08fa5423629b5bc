"""``l10n inspect``: both formats on every sample, and bad input as one line with exit 2."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.cli import cli

from .conftest import SAMPLES, SEED

SAMPLE_PAGES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))


def test_text_view_of_the_seed(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["inspect", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == str(SEED)
    assert lines[1] == (
        "  format: text · locale: - · site: Sputnik International · section: Russia · "
        "published: -"
    )
    assert "   7:1  credit     © RIA Novosti . Sergei Subbotin" in lines
    assert "  7:32  caption    Russian Deputy Prime Minister Sergei Ivanov" in lines
    assert (
        "  32:1  dateline   WASHINGTON, May 18 (RIA Novosti)  "
        "(city=WASHINGTON date=????-05-18 agency=RIA Novosti style=wire)"
    ) in lines
    assert lines[-1] == "  42:1  chrome     Заголовок открываемого материала"


@pytest.mark.parametrize("sample", SAMPLE_PAGES, ids=lambda p: p.name)
def test_every_sample_in_both_formats(runner: CliRunner, sample: Path) -> None:
    text = runner.invoke(cli, ["inspect", str(sample)])
    assert text.exit_code == 0, text.output
    data = runner.invoke(cli, ["inspect", "--format", "json", str(sample)])
    assert data.exit_code == 0, data.output
    pages = json.loads(data.output)["pages"]
    assert len(pages) == 1 and pages[0]["path"] == str(sample)
    for block in pages[0]["blocks"]:
        assert {"role", "text", "line", "column", "attribute", "element"} <= set(block)
        assert block["line"] >= 1 and block["column"] >= 1
    assert len(text.output.splitlines()) >= len(pages[0]["blocks"]) + 2


@pytest.mark.parametrize(
    ("sample", "header"),
    [
        ("007_news_ar.html", [
            "  format: html · locale: ar · site: مرصد الشرق · section: اقتصاد · "
            "published: 2018-03-12T14:20:00+02:00",
            "  title: مصر تفتتح محطة جديدة لتحلية مياه البحر في العين السخنة",
            "  byline: تحرير: أحمد سامي",
            "  language: ar (html lang) · dir: rtl",
        ]),
        ("005_news_en.txt", [
            "  format: text · locale: - · site: The Capitol Ledger · section: Politics · "
            "published: 2010-05-18",
            "  title: Senate panel advances bill to overhaul air traffic control",
            "  byline: By Daniel Kerr and Rachel Moreno",
        ]),
    ],
)
def test_text_view_header(runner: CliRunner, sample: str, header: list[str]) -> None:
    """The page's facts, then its title, byline and language declaration where it has them."""
    result = runner.invoke(cli, ["inspect", str(SAMPLES / sample)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1:1 + len(header)] == header
    assert not lines[1 + len(header)].startswith("  language")


def test_json_meta_of_an_html_page(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["inspect", "--format", "json", str(SAMPLES / "007_news_ar.html")])
    assert json.loads(result.output)["pages"][0]["meta"] == {
        "title": "مصر تفتتح محطة جديدة لتحلية مياه البحر في العين السخنة",
        "site": "مرصد الشرق", "section": "اقتصاد", "canonical_url": None,
        "published": "2018-03-12T14:20:00+02:00", "published_date": "2018-03-12",
        "description": "افتتحت الحكومة المصرية محطة لتحلية مياه البحر بطاقة 150 ألف متر مكعب يوميا.",
        "byline": "تحرير: أحمد سامي", "language": "ar", "language_source": "html lang",
        "direction": "rtl", "charset": "utf-8", "charset_problem": None,
    }


def test_json_has_parsed_dateline_fields(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["inspect", "--format", "json", str(SEED)])
    blocks = json.loads(result.output)["pages"][0]["blocks"]
    dateline = next(b for b in blocks if b["role"] == "dateline")
    assert dateline["dateline"] == {
        "city": "WASHINGTON", "region": None, "month": 5, "day": 18, "year": None,
        "agency": "RIA Novosti", "style": "wire", "raw": "WASHINGTON, May 18 (RIA Novosti)",
    }
    assert (dateline["line"], dateline["column"]) == (32, 1)


@pytest.mark.parametrize(("sample", "fields", "note"), [
    ("010_news_es.txt",
     {"city": "Cuenca", "region": "Ecuador", "month": 11, "day": 14, "year": None,
      "agency": "EFE", "style": "efe", "raw": "Cuenca (Ecuador), 14 nov (EFE).-"},
     "   12:1  dateline   Cuenca (Ecuador), 14 nov (EFE).-  "
     "(city=Cuenca region=Ecuador date=????-11-14 agency=EFE style=efe)"),
    ("011_news_en.txt",
     {"city": "DAYTON", "region": "Ohio", "month": None, "day": None, "year": None,
      "agency": "AP", "style": "ap", "raw": "DAYTON, Ohio (AP) —"},
     "   14:1  dateline   DAYTON, Ohio (AP) —  (city=DAYTON region=Ohio agency=AP style=ap)"),
])
def test_dateline_region_in_both_formats(runner: CliRunner, sample: str,
                                         fields: dict[str, object], note: str) -> None:
    result = runner.invoke(cli, ["inspect", "--format", "json", str(SAMPLES / sample)])
    blocks = json.loads(result.output)["pages"][0]["blocks"]
    assert next(b for b in blocks if b["role"] == "dateline")["dateline"] == fields
    text = runner.invoke(cli, ["inspect", str(SAMPLES / sample)])
    assert note in text.output.splitlines()


def test_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["inspect", "--format", "json", "-"], input=SEED.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.output)["pages"][0]["path"] == "<stdin>"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.txt", "{d}/missing.txt: no such file; check the path"),
        (lambda d: d, "{d}: is a directory, not a page; give the page files inside it"),
        (lambda d: _write(d / "empty.txt", b""), "{d}/empty.txt: empty page; nothing to read; "
         "check the file"),
        (lambda d: _write(d / "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
         "{d}/img.txt: binary file, not a page; give an HTML or text page"),
        (lambda d: _write(d / "bad.txt", b"ok line\n" + _NOISE),
         "{d}/bad.txt:2: not valid UTF-8 and no usable charset found; re-save the file as "
         "UTF-8 or declare its charset in <meta charset>"),
    ],
    ids=["missing", "directory", "empty", "binary", "undecodable"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, make, expected: str) -> None:
    path = make(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "l10n", "inspect", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "l10n: " + expected.format(d=tmp_path) + "\n"


_RNG = random.Random(1)
_NOISE = bytes(_RNG.randrange(0x80, 0x100) for _ in range(300))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
