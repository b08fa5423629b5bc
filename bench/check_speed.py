#!/usr/bin/env python3
"""Pages per second of ``l10n check`` against a naive langdetect build, in the same run.

* l10n: one cold ``l10n check --format json PAGES`` process over every page (start-up
  included), once with an empty model cache directory and once with it warm;
* naive: langdetect loaded once and seeded, one ``detect`` per text of each page (texts read
  with lxml), a flag when it is not the page's language; timed on a sample of pages.

Each round times the naive build and then the three l10n runs, and pairs them for its ratios
(the machine's speed drifts between rounds); the summary gives the median and range.

Usage: python bench/check_speed.py --corpus DIR [--sample 100] [--jobs N] [--rounds 3]
(DIR from ``leakcorpus.py --pages-per-locale 100``: 2,100 pages.)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def naive_rate(pages: list[Path]) -> float:
    """Pages per second of the naive build (its model load not counted)."""
    import lxml.html
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    detect("warm up the profiles")
    start = time.perf_counter()
    flagged = 0
    for page in pages:
        root = lxml.html.document_fromstring(page.read_bytes())
        locale = (root.get("lang") or "en").split("-")[0].lower()
        texts = [t.strip() for t in root.itertext() if t.strip()]
        texts += [v for el in root.iter() if isinstance(el.tag, str)
                  for k, v in el.attrib.items() if k in ("title", "alt", "aria-label",
                                                         "placeholder")]
        for text in texts:
            with contextlib.suppress(LangDetectException):
                flagged += detect(text).split("-")[0] != locale
    return len(pages) / (time.perf_counter() - start)


def l10n_rate(pages_dir: Path, count: int, jobs: int | None, cache: str | None) -> float:
    env = dict(os.environ)
    if cache is not None:
        env["L10N_CACHE_DIR"] = cache
    command = [sys.executable, "-m", "l10n", "check", "--format", "json", str(pages_dir)]
    if jobs:
        command[4:4] = ["--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(done.stderr.decode())
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--sample", type=int, default=100, help="pages for the naive build")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of every measurement (a ratio pairs one round's runs)")
    args = parser.parse_args()
    pages_dir = args.corpus / "pages"
    pages = sorted(pages_dir.rglob("*.html"))
    step = max(1, len(pages) // args.sample)
    rows: dict[str, list[float]] = {"naive": [], "empty": [], "warm": [], "one": []}
    print(f"pages: {len(pages)} (naive build timed on {min(args.sample, len(pages))})")
    for number in range(1, args.rounds + 1):
        naive = naive_rate(pages[::step][: args.sample])
        with tempfile.TemporaryDirectory() as empty:
            cold = l10n_rate(pages_dir, len(pages), args.jobs, empty)
            warm = l10n_rate(pages_dir, len(pages), args.jobs, empty)
        one = l10n_rate(pages_dir, len(pages), 1, None)
        print(f"round {number}: naive {naive:.1f} pages/s; l10n empty cache {cold:.0f} "
              f"({cold / naive:.1f}x), warm cache {warm:.0f} ({warm / naive:.1f}x), "
              f"--jobs 1 {one:.0f} ({one / naive:.1f}x)")
        rows["naive"].append(naive)
        for name, rate in (("empty", cold), ("warm", warm), ("one", one)):
            rows[name].append(rate / naive)
    print(f"naive langdetect build       {statistics.median(rows['naive']):8.1f} pages/s "
          f"(median of {args.rounds})")
    for name, label in (("empty", "l10n check, empty cache"), ("warm", "l10n check, warm cache"),
                        ("one", "l10n check --jobs 1 (warm)")):
        ratios = rows[name]
        print(f"{label:28s} {statistics.median(ratios):6.1f}x naive (median; "
              f"{min(ratios):.1f}-{max(ratios):.1f}x)")
    warm = statistics.median(rows["warm"])
    print(f"target: >= 50x naive -> {'met' if warm >= 50 else 'NOT MET'} (warm cache, median)")


if __name__ == "__main__":
    main()
