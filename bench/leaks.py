#!/usr/bin/env python3
"""Leak-detection accuracy of ``l10n check`` on a labelled corpus (``leakcorpus.py`` layout).

Runs ``l10n check --format json`` over ``CORPUS/pages`` (once plain, once with
``--catalogs CORPUS/catalogs``) and scores every labelled text: a finding matches a label when
path and line match (and the attribute, for attribute texts). Prints recall by kind of leak,
by length, precision of errors, and false-positive rates on correct texts, against the
targets of the leak-detection issue.

Usage: python bench/leaks.py --corpus DIR [--build PATH/leakcorpus.py] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

TARGETS = {
    "cross-script recall": (">=", 1.00),
    "same-script recall, 3+ words": (">=", 0.95),
    "FPR errors": ("<=", 0.001),
    "FPR errors+warnings": ("<=", 0.01),
    "precision of errors, 1-2 words": (">=", 0.99),
    "catalogs: untranslated recall": (">=", 1.00),
}


def run_check(corpus: Path, catalogs: bool) -> tuple[list[dict], float]:
    command = [sys.executable, "-m", "l10n", "check", "--format", "json", str(corpus / "pages")]
    if catalogs:
        command[4:4] = ["--catalogs", str(corpus / "catalogs")]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"l10n check failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)["findings"], elapsed


def bucket(words: int) -> str:
    return "1" if words <= 1 else "2" if words == 2 else "3-4" if words <= 4 else "5+"


def score(corpus: Path, findings: list[dict]) -> dict[str, object]:
    pages = corpus / "pages"
    by_place: dict[tuple[str, int, str | None], set[str]] = defaultdict(set)
    for f in findings:
        rel = Path(f["path"]).resolve().relative_to(pages.resolve().parent).as_posix()
        by_place[(rel, f["line"], f["attribute"])].add(f["severity"])
    labels = [json.loads(line) for line in (corpus / "labels.jsonl").open(encoding="utf-8")]
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    matched = set()
    for lab in labels:
        key = (lab["path"], lab["line"], lab["attr"])
        severities = by_place.get(key, set())
        matched.add(key)
        words = sum(1 for t in lab["text"].split() if any(c.isalpha() for c in t))
        flagged_error = "error" in severities
        flagged_any = bool(severities)
        groups = ["all", f"kind:{lab['kind']}", f"len:{bucket(words)}",
                  f"kind:{lab['kind']}/len:{bucket(words)}"]
        if lab["kind"] == "untranslated":
            script_pair = "cross" if lab["page_locale"] in _NON_LATIN else "same"
            groups.append(f"untranslated-{script_pair}")
            if script_pair == "same":
                groups.append(f"untranslated-same/len:{bucket(words)}")
        for group in groups:
            stats[group]["n"] += 1
            stats[group]["error"] += flagged_error
            stats[group]["any"] += flagged_any
    unmatched = sum(1 for key in by_place if key not in matched)
    return {"stats": stats, "unmatched_findings": unmatched}


_NON_LATIN = {"ru", "uk", "el", "ar", "he", "hi", "zh_Hans", "ja", "ko"}


def summarize(stats: dict[str, Counter[str]]) -> dict[str, float]:
    def rate(group: str, key: str) -> float:
        n = stats[group]["n"]
        return stats[group][key] / n if n else float("nan")

    leaks_same = [g for g in stats if g.startswith("kind:same-script/len:")]
    untrans_same = [g for g in stats if g.startswith("untranslated-same/len:")]
    long_groups = [g for g in leaks_same + untrans_same if g.endswith(("3-4", "5+"))]
    n_long = sum(stats[g]["n"] for g in long_groups)
    hit_long = sum(stats[g]["any"] for g in long_groups)
    short_err = sum(stats[f"len:{b}"]["error"] for b in ("1", "2"))
    short_err_ok = sum(stats[f"kind:ok/len:{b}"]["error"] for b in ("1", "2"))
    errors = sum(stats[g]["error"] for g in stats if g.startswith("kind:") and "/" not in g)
    errors_ok = stats["kind:ok"]["error"]
    cross_n = stats["kind:cross-script"]["n"] + stats["untranslated-cross"]["n"]
    cross_hit = stats["kind:cross-script"]["any"] + stats["untranslated-cross"]["any"]
    return {
        "cross-script recall": cross_hit / cross_n if cross_n else float("nan"),
        "same-script recall, 3+ words": hit_long / n_long if n_long else float("nan"),
        "FPR errors": rate("kind:ok", "error"),
        "FPR errors+warnings": rate("kind:ok", "any"),
        "precision of errors, 1-2 words":
            (short_err - short_err_ok) / short_err if short_err else float("nan"),
        "precision of errors": (errors - errors_ok) / errors if errors else float("nan"),
        "untranslated recall": rate("kind:untranslated", "any"),
    }


def report(title: str, result: dict[str, object], elapsed: float, pages: int) -> dict:
    stats = result["stats"]
    print(f"\n== {title}  ({pages} pages, {elapsed:.1f} s, {pages / elapsed:.0f} pages/s)")
    print(f"{'group':<34}{'n':>7}{'errors':>9}{'any':>9}")
    for group in sorted(stats):
        c = stats[group]
        print(f"{group:<34}{c['n']:>7}{c['error'] / c['n']:>9.3f}{c['any'] / c['n']:>9.3f}")
    summary = summarize(stats)
    print(f"findings on unlabelled places: {result['unmatched_findings']}")
    for name, value in summary.items():
        print(f"  {name:<34}{value:.4f}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--build", help="leakcorpus.py to build the corpus when it is missing")
    parser.add_argument("--json", type=Path, help="write the summaries here")
    args = parser.parse_args()
    if not (args.corpus / "labels.jsonl").exists():
        if not args.build:
            sys.exit(f"{args.corpus}: no corpus; pass --build PATH/leakcorpus.py")
        subprocess.run([sys.executable, args.build, "--out", str(args.corpus)], check=True)
    pages = sum(1 for _ in (args.corpus / "pages").rglob("*.html"))
    plain, t_plain = run_check(args.corpus, catalogs=False)
    with_catalogs, t_cat = run_check(args.corpus, catalogs=True)
    s_plain = report("without --catalogs", score(args.corpus, plain), t_plain, pages)
    s_cat = report("with --catalogs", score(args.corpus, with_catalogs), t_cat, pages)
    s_cat["catalogs: untranslated recall"] = s_cat["untranslated recall"]
    print("\n== targets")
    results = {**s_plain, "catalogs: untranslated recall": s_cat["untranslated recall"]}
    for name, (op, target) in TARGETS.items():
        value = results[name]
        ok = value >= target if op == ">=" else value <= target
        print(f"  {name:<34}{value:8.4f}  {op} {target}  {'met' if ok else 'NOT MET'}")
    if args.json:
        args.json.write_text(json.dumps({"plain": s_plain, "catalogs": s_cat}, indent=2))


if __name__ == "__main__":
    main()
