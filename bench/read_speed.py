#!/usr/bin/env python3
"""Reading speed on real pages: ``parse_page`` and ``l10n check --jobs 1`` against lxml parsing
the same pages in the same run, with trafilatura's extraction beside them.

The pages are every page of PAGES/boilerplate.json and every PAGES/readability/*/source.html,
held in memory as bytes. Each round makes passes over all of them, each pass timed whole:

* lxml: ``lxml.html.document_fromstring`` on each page's bytes, a pass before each parse_page
  pass and before each of the others, so spread over the round; the fastest is the round's
  lxml time;
* parse_page: ``l10n.readers.parse_page`` (bytes in, page out; fastest of --repeats passes), and
  its pieces, each timed alone (fastest of --repeats): ``decode_page``, the reader's lxml parse
  of the decoded text, ``SourceIndex`` (source positions); the rest of parse_page is the walk
  and the metadata;
* check in process: ``check_paths`` with one job, in a child process that loaded l10n and
  checked the pages once before the first round (no start-up, model loaded, caches warm);
* check --jobs 1: ``l10n check --jobs 1 --format json PAGES`` as a subprocess (start-up and
  model load included, model cache warm: a run before the first round fills it);
* trafilatura: ``trafilatura.extract`` on each page's bytes.

Prints each as pages/s and as a ratio to the round's lxml time (targets: parse_page <= 3x,
check --jobs 1 <= 6x), then the median and range over the rounds (the machine's speed drifts
between rounds; a ratio pairs one round's runs), and parse_page's time shared among its pieces.

Usage: python bench/read_speed.py [--pages DIR] [--rounds 3] [--repeats 3] [--json FILE]
Needs the ``bench`` extra (trafilatura).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "realworld-pages"
TARGETS = {"parse_page": 3.0, "check --jobs 1": 6.0}
PHASES = ("decode", "lxml parse", "positions", "walk and rest")


def load_pages(pages: Path) -> list[tuple[Path, bytes]]:
    """Every page of boilerplate.json and of readability/, with its bytes."""
    table = json.loads((pages / "boilerplate.json").read_text(encoding="utf-8"))
    files = sorted({pages / "boilerplate" / e["file"] for e in table.values()})
    files += sorted((pages / "readability").glob("*/source.html"))
    return [(f, f.read_bytes()) for f in files]


def passes(pages: list[tuple[Path, bytes]], texts: list[str]) -> dict[str, Callable[[], None]]:
    """One pass over every page of each measured step."""
    import trafilatura

    from l10n.readers import parse_page
    from l10n.readers.decode import decode_page
    from l10n.readers.positions import SourceIndex

    def lxml_pass() -> None:
        for _, data in pages:
            _lxml_parse(data)

    def parse_pass() -> None:
        for path, data in pages:
            parse_page(data, path=str(path))

    def decode_pass() -> None:
        for path, data in pages:
            decode_page(data, str(path))

    def reader_parse_pass() -> None:
        for text in texts:
            _reader_parse(text)

    def index_pass() -> None:
        for text in texts:
            SourceIndex(text)

    def trafilatura_pass() -> None:
        for _, data in pages:
            trafilatura.extract(data)

    return {"lxml": lxml_pass, "parse_page": parse_pass, "decode": decode_pass,
            "lxml parse": reader_parse_pass, "positions": index_pass,
            "trafilatura": trafilatura_pass}


def _lxml_parse(data: bytes) -> None:
    with contextlib.suppress(etree.ParserError, ValueError):  # an empty page
        lxml.html.document_fromstring(data)


def _reader_parse(text: str) -> None:
    """lxml's parse of decoded text as ``read_html_document`` calls it."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=False, huge_tree=True)
    lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)


# A process that loads l10n, checks the pages once (models loaded, caches warm), then times
# check_paths over them once per line it reads: the check without the start-up, kept apart from
# this process's memory.
_CHECKER = """
import json, sys, time
from l10n.check.run import CheckOptions, check_paths
files = json.loads(sys.stdin.readline())
check_paths(files, CheckOptions(jobs=1))
print("ready", flush=True)
for _ in sys.stdin:
    start = time.perf_counter()
    check_paths(files, CheckOptions(jobs=1))
    print(time.perf_counter() - start, flush=True)
"""


class InProcessChecker:
    """The ``_CHECKER`` process: :meth:`time` returns the seconds of one check of the files."""

    def __init__(self, files: list[str], workdir: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _CHECKER], cwd=workdir,
                                        env=_env(), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self._ask(json.dumps(files))

    def _ask(self, line: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            sys.exit("the in-process check failed")
        return answer

    def time(self) -> float:
        return float(self._ask("go"))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def _env() -> dict[str, str]:
    """This environment, with the l10n this process measures first on the path of children."""
    import l10n

    measured = str(Path(l10n.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (measured, env.get("PYTHONPATH")) if p)
    return env


def check_command(files: list[str], workdir: str) -> float:
    """Seconds of one ``l10n check --jobs 1`` process over ``files`` (exit 0 or 1 expected)."""
    command = [sys.executable, "-m", "l10n", "check", "--jobs", "1", "--format", "json", *files]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=_env(), cwd=workdir)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"l10n check failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def one_round(steps: dict[str, Callable[[], None]], files: list[str], repeats: int,
              workdir: str, checker: InProcessChecker) -> dict[str, float]:
    """Seconds of every measurement over all pages, in one round. lxml passes are spread over
    the round; the fastest is the round's lxml time, and the fastest of ``repeats`` passes that
    of parse_page and of each of its pieces."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    times["check in process"], times["check --jobs 1"] = [], []

    def timed(name: str, run: Callable[[], object]) -> None:
        gc.collect()
        start = time.perf_counter()
        run()
        times[name].append(time.perf_counter() - start)

    for _ in range(repeats):
        timed("lxml", steps["lxml"])
        for name in ("parse_page", *PHASES[:3]):
            timed(name, steps[name])
    timed("lxml", steps["lxml"])
    timed("trafilatura", steps["trafilatura"])
    timed("lxml", steps["lxml"])
    times["check in process"].append(checker.time())  # timed inside the checker's process
    timed("lxml", steps["lxml"])
    timed("check --jobs 1", lambda: check_command(files, workdir))
    row = {name: min(values) for name, values in times.items()}
    row["walk and rest"] = max(0.0, row["parse_page"] - sum(row[p] for p in PHASES[:3]))
    return row


SHOWN = ("lxml", "parse_page", "check in process", "check --jobs 1", "trafilatura")


def summary(rounds: list[dict[str, float]], count: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in SHOWN:
        rates = [count / r[name] for r in rounds]
        ratios = [r[name] / r["lxml"] for r in rounds]
        out[name] = {"pages_per_s": _stats(rates), "ratio_to_lxml": _stats(ratios),
                     "seconds": [round(r[name], 3) for r in rounds]}
    out["phases"] = {p: _stats([r[p] / r["parse_page"] for r in rounds]) for p in PHASES}
    return out


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3),
            "max": round(max(values), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                        help="the unpacked real pages; default %(default)s")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every measurement")
    parser.add_argument("--repeats", type=int, default=3,
                        help="timed runs of lxml, parse_page and its pieces per round (best kept)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all figures to FILE")
    args = parser.parse_args()
    if not (args.pages / "boilerplate.json").exists():
        parser.error(f"{args.pages}: no boilerplate.json; unpack ../shared/realworld/pages.tar.xz"
                     " there or give --pages")
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    pages = load_pages(args.pages)
    files = [str(path) for path, _ in pages]
    size = sum(len(data) for _, data in pages)
    print(f"pages: {len(pages)}, {size / len(pages) / 1024:.0f} KiB on average")
    with tempfile.TemporaryDirectory() as workdir:  # no [tool.l10n] settings apply there
        start = time.perf_counter()
        check_command(files, workdir)
        print(f"warm-up check (fills the model cache if empty): "
              f"{time.perf_counter() - start:.1f} s")
        checker = InProcessChecker(files, workdir)
        from l10n.readers.decode import decode_page

        steps = passes(pages, [decode_page(data, str(path)) for path, data in pages])
        rounds = []
        try:
            for number in range(1, args.rounds + 1):
                row = one_round(steps, files, args.repeats, workdir, checker)
                rounds.append(row)
                ratios = summary([row], len(pages))
                print(f"round {number}: " + ", ".join(
                    f"{n} {ratios[n]['pages_per_s']['median']:.0f}/s "
                    f"({ratios[n]['ratio_to_lxml']['median']:.1f}x)" for n in SHOWN), flush=True)
        finally:
            checker.close()
    result = summary(rounds, len(pages))
    print(f"\nmedian [range] over {len(rounds)} rounds, {len(pages)} pages")
    print(f"{'':<18}{'pages/s':>22}{'x lxml parse time':>24}{'target':>8}")
    for name in SHOWN:
        rate, ratio = result[name]["pages_per_s"], result[name]["ratio_to_lxml"]
        target = f"<= {TARGETS[name]:.0f}x" if name in TARGETS else ""
        print(f"{name:<18}{rate['median']:>9.1f} [{rate['min']:.1f}-{rate['max']:.1f}]"
              f"{ratio['median']:>12.2f} [{ratio['min']:.2f}-{ratio['max']:.2f}]{target:>9}")
    print("\nparse_page, share of its time (each piece timed alone):")
    for phase in PHASES:
        share = result["phases"][phase]
        print(f"  {phase:<16}{share['median']:>6.1%} [{share['min']:.1%}-{share['max']:.1%}]")
    if args.json:
        args.json.write_text(json.dumps({"pages": len(pages), "bytes": size, "rounds": rounds,
                                         "summary": result}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
