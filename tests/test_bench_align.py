"""bench/align.py on a small scale: Sphinx builds the bench's project in English and German
with one theme, ``align`` proposes the German chrome, and the scoring finds it exact and
complete. Sphinx is a dev dependency: without it this test fails (it never skips)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("bench_align", ROOT / "bench" / "align.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_align"] = bench
_SPEC.loader.exec_module(bench)


@pytest.mark.parametrize("theme", ["classic"])
def test_sphinx_editions_give_back_sphinxs_own_translations(tmp_path: Path, theme: str) -> None:
    assert importlib.util.find_spec("sphinx"), "Sphinx is a dev dependency: pip install -e .[dev]"
    for language in ("en", "de"):
        bench.build(theme, language, tmp_path)
    (row,) = bench.score_theme(theme, ["de"], tmp_path, verbose=False)
    assert row["truth"] >= 15
    assert row["wrong"] == 0
    assert row["right"] >= 0.9 * row["truth"]


def test_truth_fills_placeholders_as_the_page_does() -> None:
    truth = bench.Truth([])
    truth.entries.append((bench._pattern("Search within %(docstitle)s"), "", "Suche in %(docstitle)s"))
    assert truth.expected("Search within Tidewater 2.1") == {"Suche in Tidewater 2.1"}
    assert truth.expected("Something else") is None
