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


# --------------------------------------------------------------------------- Hypothesis
#
# The "ci" profile (loaded unless HYPOTHESIS_PROFILE names another) makes every property test
# reproducible: a fixed seed (derandomize), no deadline (two busy CI cores), a failure blob
# to replay, and no example database written into the repository. "fuzz" is the same with
# random seeds, for hunting locally. Per-test example counts are set with
# @settings(max_examples=fuzz_examples(n)); L10N_FUZZ_EXAMPLES multiplies them (default 1:
# the CI numbers), e.g. HYPOTHESIS_PROFILE=fuzz L10N_FUZZ_EXAMPLES=20 for a long run.

import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fuzz", settings.get_profile("ci"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def fuzz_examples(n: int) -> int:
    """``n`` examples scaled by the ``L10N_FUZZ_EXAMPLES`` multiplier (default 1)."""
    scale = float(os.environ.get("L10N_FUZZ_EXAMPLES", "1") or "1")
    return max(1, round(n * scale))
