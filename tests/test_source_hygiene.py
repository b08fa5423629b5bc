"""The package is not fitted to its samples, and its public surface is declared."""

from __future__ import annotations

import importlib
import pkgutil
import re

import l10n

from .conftest import ROOT, SAMPLES


def _package_source() -> str:
    suffixes = (".py", ".toml", ".html", ".j2", ".json", ".txt", ".css", ".js")
    files = (p for p in (ROOT / "l10n").rglob("*") if p.suffix in suffixes)
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _sample_texts() -> set[str]:
    texts: set[str] = set()
    for sample in SAMPLES.iterdir():
        if sample.suffix not in (".txt", ".html"):
            continue
        raw = sample.read_text(encoding="utf-8")
        raw = re.sub(r"<[^>]+>", "\n", raw)
        for line in raw.splitlines():
            line = " ".join(line.split())
            # Whole texts of three words or more, or long single tokens, would betray fitting.
            if len(line.split()) >= 3 or len(line) >= 16:
                texts.add(line)
    return texts


def test_no_sample_text_in_package_source() -> None:
    source = " ".join(_package_source().split())
    leaked = sorted(t for t in _sample_texts() if t in source)
    assert leaked == []


def test_all_is_unique_and_importable() -> None:
    """(ruff's RUF022 keeps ``__all__`` sorted.)"""
    assert len(set(l10n.__all__)) == len(l10n.__all__)
    for name in l10n.__all__:
        assert hasattr(l10n, name), name


def test_every_module_imports() -> None:
    for info in pkgutil.walk_packages(l10n.__path__, "l10n."):
        importlib.import_module(info.name)
