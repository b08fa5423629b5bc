"""A command imports what it uses: the catalog commands load no language detector.

Each command runs as a user runs it (``python -m l10n``), in a process of its own, which
writes the names in ``sys.modules`` to a file as it exits (``-X importtime`` would miss what
``importlib`` imports, as the package's lazy names are).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

# What judging languages loads: the statistical models, the word lists, the check engine and
# the HTML reader. The catalog commands need none of it, nor numpy for a small fuzzy search.
DETECTORS = (
    "langdetect", "py3langid", "wordfreq", "numpy", "lxml", "charset_normalizer", "ftfy",
    "jinja2", "l10n.check.engine", "l10n.check.langid", "l10n.check.run",
    "l10n.check.wordindex", "l10n.readers.html", "l10n.render",
)


_RUN = """
import atexit, json, os, runpy, sys
atexit.register(lambda: open(os.environ["L10N_MODULES"], "w").write(json.dumps(sorted(sys.modules))))
sys.argv = ["l10n", *sys.argv[1:]]
runpy.run_module("l10n", run_name="__main__")
"""


def _imported(args: list[str], cwd: Path) -> set[str]:
    """The modules ``l10n ARGS`` imports (it must succeed; ``--check`` may find work)."""
    names = cwd / "modules.json"
    done = subprocess.run([sys.executable, "-c", _RUN, *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env={**os.environ, "L10N_MODULES": str(names)})
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return set(json.loads(names.read_text()))


def _detectors(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(DETECTORS))


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    """A copy of the shipped German catalogs and templates."""
    root = tmp_path / "locales"
    shutil.copytree(ROOT / "locales" / "de", root / "de")
    for template in (ROOT / "locales").glob("*.pot"):
        shutil.copy(template, root)
    return root


@pytest.mark.parametrize("args", [
    ["update", "--help"], ["compile", "--help"], ["init", "--help"], ["stats", "--help"],
    ["--help"],
], ids=" ".join)
def test_help_loads_no_detector(args: list[str], tmp_path: Path) -> None:
    assert _detectors(_imported(args, tmp_path)) == []


@pytest.mark.parametrize("args", [
    ["update", "-d", "locales", "-D", "chrome", "-D", "places", "-D", "agencies"],
    ["update", "--check", "-d", "locales", "-D", "chrome"],
    ["compile", "-d", "locales", "-D", "chrome", "-D", "places", "-D", "agencies"],
    ["stats", "-d", "locales"],
], ids=" ".join)
def test_catalog_commands_load_no_detector(args: list[str], catalogs: Path) -> None:
    modules = _imported(args, catalogs.parent)
    assert "l10n.po.read" in modules  # the command did its work
    assert _detectors(modules) == []


def test_compile_loads_no_cldr_data(catalogs: Path) -> None:
    """Finding the locales' folders needs no Babel: their names are CLDR's file names."""
    modules = _imported(["compile", "-d", "locales", "-D", "chrome"], catalogs.parent)
    assert "l10n.po.mo" in modules
    assert sorted(m for m in modules if m.split(".")[0] == "babel") == []


def test_the_check_loads_its_detectors(tmp_path: Path) -> None:
    """(The list is right: a check of a page imports them.)"""
    (tmp_path / "page.txt").write_text("Moscow expects a reply\n\nThe minister said so.\n")
    assert "l10n.check.engine" in _detectors(_imported(["check", "page.txt"], tmp_path))
