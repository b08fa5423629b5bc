#!/usr/bin/env python3
"""Whole article bodies on real pages: l10n's article text against Mozilla Readability's, scored
by word-shingle overlap (as the article-extraction benchmarks score extractors).

The pages are Readability's own test pages (PAGES/readability/<name>/source.html), where what
Readability reads is its test suite's expected article: the truth here is Readability 0.6.0's
article (Node.js, jsdom, the page decoded as l10n decodes it; see bench/reading.py) as text with
a line break around each block element, as a browser lays it out (``--truth textContent`` takes
its ``textContent`` instead, which runs adjacent blocks' words into one: "Step 1Measure").
l10n's text is the article's text of ``inspect --format json`` but the headline: article blocks
(bylines, datelines, credits, teasers and comments are not) in document order; trafilatura's
is its default ``extract()``, beside it.

A text's shingles are its runs of four consecutive words (``\\w+`` of the NFC, lower-cased
text; a Han or kana character alone, as Chinese and Japanese put no spaces between words), as a
multiset; a page's precision is the share of the reader's shingles found in the
truth's, its recall the share of the truth's found in the reader's, F1 their harmonic mean (an
empty text scores 0, unless the truth is empty too). Prints the means over pages, the
development and held-out halves (by the SHA-256 of the page's folder name, as reading.py
halves its pages) and the pages with the lowest F1. Targets (issue 15): F1 >= 0.95 and
precision >= 0.93.

Usage: python bench/bodies.py [--pages DIR] [--readers l10n,trafilatura] [--worst N] [--truth T]
       [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reading  # noqa: E402  (bench/reading.py: pages, readers, Readability's runner)

SHINGLE = 4
TARGETS = {"f1": 0.95, "precision": 0.93}
# Chinese and Japanese write no spaces between words: each Han or kana character is a token of
# its own there (as CJK text is scored at the character level); elsewhere a token is a run of
# word characters.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The runs of ``size`` consecutive words of ``text``, counted."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return Counter(tuple(words[i:i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class Overlap:
    """One page's precision, recall and F1 of a reader's text against the truth."""

    precision: float
    recall: float
    f1: float


def overlap(text: str, truth: str) -> Overlap:
    """Shingle precision, recall and F1 of ``text`` against ``truth``."""
    got, want = shingles(text), shingles(truth)
    if not got or not want:
        same = float(not got and not want)
        return Overlap(same, same, same)
    common = sum((got & want).values())
    precision, recall = common / sum(got.values()), common / sum(want.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Overlap(precision, recall, f1)


def means(scores: Iterable[Overlap]) -> dict[str, float]:
    """Mean precision, recall and F1 over pages."""
    rows = list(scores)
    return {name: statistics.fmean(getattr(s, name) for s in rows) if rows else 0.0
            for name in ("precision", "recall", "f1")}


def body_text(blocks: Iterable[dict[str, Any]]) -> str:
    """The article's text of ``inspect --format json`` blocks but the headline."""
    return reading.article_text(b for b in blocks if b.get("role") != "headline")


def texts(reader: str, pages: Sequence[tuple[str, Path]]) -> dict[str, str]:
    """Each page's text as ``reader`` reads it."""
    if reader == "l10n":
        return {name: body_text(reading.l10n_page(path.read_bytes(), path).to_dict()["blocks"])
                for name, path in pages}
    if reader == "trafilatura":
        reading._quiet_trafilatura()
        return {name: reading.trafilatura_text(path.read_bytes(), path) for name, path in pages}
    raise SystemExit(f"unknown reader {reader!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=reading.DEFAULT_PAGES)
    parser.add_argument("--readers", default="l10n,trafilatura")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--node-dir", type=Path, default=reading.DEFAULT_NODE_DIR)
    parser.add_argument("--json", type=Path, help="write per-page scores here")
    parser.add_argument("--truth", choices=("blockText", "textContent"), default="blockText",
                        help="Readability's text with a break around each block (default), or "
                             "its textContent, which runs adjacent blocks' words together")
    args = parser.parse_args(argv)
    pages = [(name, path) for name, path, _ in reading.load_meta_pages(args.pages)]
    results, why = reading.readability_results(
        [(name, reading.FAKE_URL, path) for name, path in pages], args.node_dir)
    if results is None:
        raise SystemExit(f"Readability could not run: {why}")
    truth = {name: (results.get(name) or {}).get(args.truth) or "" for name, _ in pages}
    print(f"{len(pages)} pages of Readability's test suite; truth: Readability's article text; "
          f"shingles of {SHINGLE} words")
    print(f"{'reader':12} {'half':10} {'pages':>5} {'precision':>9} {'recall':>7} {'F1':>6}")
    report: dict[str, Any] = {}
    for reader in args.readers.split(","):
        got = texts(reader, pages)
        scores = {name: overlap(got[name], truth[name]) for name, _ in pages}
        report[reader] = {name: asdict(s) for name, s in scores.items()}
        for half in ("all", *reading.HALVES):
            chosen = [s for name, s in scores.items()
                      if half == "all" or reading.half_of(name) == half]
            m = means(chosen)
            print(f"{reader:12} {half:10} {len(chosen):5d} {m['precision']:9.3f} "
                  f"{m['recall']:7.3f} {m['f1']:6.3f}")
        if reader == "l10n":
            m = means(scores.values())
            verdicts = [f"{name} {'>=' } {goal}: {'met' if m[name] >= goal else 'NOT MET'}"
                        for name, goal in TARGETS.items()]
            print("  targets: " + "; ".join(verdicts))
            for name, s in sorted(scores.items(), key=lambda item: item[1].f1)[:args.worst]:
                print(f"  {name:28} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
