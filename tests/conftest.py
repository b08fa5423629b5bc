"""Shared fixtures: paths to the repository's data and a click runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
SEED = SAMPLES / "000_3b28b45df5788720.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
