"""The shingle scoring of bench/bodies.py (the benchmark itself runs on real pages)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("bench_bodies", ROOT / "bench" / "bodies.py")
assert _SPEC is not None and _SPEC.loader is not None
bodies = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_bodies"] = bodies  # dataclasses look their module up by name
_SPEC.loader.exec_module(bodies)


def test_shingles_are_runs_of_four_words_counted() -> None:
    assert bodies.shingles("The ferry, the FERRY: the ferry sails") == {
        ("the", "ferry", "the", "ferry"): 2, ("ferry", "the", "ferry", "the"): 1,
        ("ferry", "the", "ferry", "sails"): 1}
    assert bodies.shingles("too short here") == {}
    # Chinese and Japanese: a character is a token (no spaces between their words).
    assert bodies.shingles("人工智能 AI") == {("人", "工", "智", "能"): 1, ("工", "智", "能", "ai"): 1}


@pytest.mark.parametrize(("text", "truth", "expected"), [
    ("a b c d e", "a b c d e", (1.0, 1.0, 1.0)),
    # 2 shingles of 2 in the truth's 4: all precise, half recalled.
    ("a b c d e", "a b c d e f g", (1.0, 0.5, 2 / 3)),
    # The text's 4 shingles hold the truth's 2 and 2 others.
    ("x a b c d e y", "a b c d e", (0.5, 1.0, 2 / 3)),
    ("", "a b c d e", (0.0, 0.0, 0.0)),
    ("", "", (1.0, 1.0, 1.0)),
    ("p q r s", "a b c d", (0.0, 0.0, 0.0)),
])
def test_overlap(text: str, truth: str, expected: tuple[float, float, float]) -> None:
    got = bodies.overlap(text, truth)
    assert (got.precision, got.recall, got.f1) == pytest.approx(expected)


def test_the_body_leaves_the_headline_out() -> None:
    blocks = [{"role": "headline", "text": "Ferry sails"}, {"role": "byline", "text": "By A"},
              {"role": "lede", "text": "It sailed."}, {"role": "chrome", "text": "Menu"},
              {"role": "paragraph", "text": "Then it came back.", "article": True}]
    assert bodies.body_text(blocks) == "It sailed.\nThen it came back."


def test_means() -> None:
    scores = [bodies.Overlap(1.0, 0.5, 0.6), bodies.Overlap(0.5, 1.0, 0.8)]
    assert bodies.means(scores) == pytest.approx({"precision": 0.75, "recall": 0.75,
                                                  "f1": 0.7})
