#!/usr/bin/env python3
"""``l10n check`` at crawl scale: pages/s for --jobs 1 and --jobs 2, peak memory, and the
ratio against the naive langdetect build, in the same run.

The crawl is built by the leak corpus generator (``leakcorpus.py``: HTML pages of real UI
catalogs' strings with injected leaks) with ``ceil(pages / locales)`` pages per locale, of
which ``--locales`` locales are kept. Each l10n run is one ``l10n check`` process over the
whole directory, text output streamed to a file (the way a build step runs it); its peak
memory is the largest resident set of the process or any of its workers. Memory is also
measured on a tenth of the crawl, to show it does not grow with the crawl. The naive build
(langdetect seeded, one ``detect`` per text) is timed on ``--naive-sample`` pages.

Usage: python bench/crawl.py [--pages 100000] [--locales 20] [--work DIR]
       [--leakcorpus ../shared/bench/leakcorpus.py] [--naive-sample 2000]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import naive_rate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def build_crawl(generator: Path, work: Path, pages: int, locales: int) -> Path:
    """The crawl directory (reused when a previous run built the same size)."""
    crawl = work / f"crawl-{pages}-{locales}"
    if (crawl / "done").exists():
        return crawl / "pages"
    shutil.rmtree(crawl, ignore_errors=True)
    per_locale = math.ceil(pages / locales)
    subprocess.run([sys.executable, str(generator), "--out", str(crawl),
                    "--pages-per-locale", str(per_locale), "--seed", "11"], check=True,
                   stdout=subprocess.DEVNULL)
    kept = sorted(p.name for p in (crawl / "pages").iterdir())
    # Keep ``locales`` of them, dropping from the end of a fixed order (not by name).
    order = ["en", "de", "fr", "es", "it", "pt_BR", "nl", "sv", "pl", "cs", "tr", "ru", "uk",
             "el", "ar", "he", "hi", "ja", "ko", "zh_Hans", "fi"]
    keep = [code for code in order if code in kept][:locales]
    for name in kept:
        if name not in keep:
            shutil.rmtree(crawl / "pages" / name)
    # Trim to exactly ``pages`` files, taking from every locale in turn.
    files = {code: sorted((crawl / "pages" / code).glob("*.html")) for code in keep}
    surplus = sum(map(len, files.values())) - pages
    for code in reversed(keep):
        while surplus > 0 and files[code]:
            files[code].pop().unlink()
            surplus -= 1
    (crawl / "done").touch()
    return crawl / "pages"


def subset(pages_dir: Path, fraction: int, work: Path) -> Path:
    """A crawl of every ``fraction``-th page (symlinks), for the memory comparison."""
    target = work / f"subset-{fraction}"
    shutil.rmtree(target, ignore_errors=True)
    for index, page in enumerate(sorted(pages_dir.rglob("*.html"))):
        if index % fraction == 0:
            link = target / page.relative_to(pages_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(page)
    return target


def run_check(pages_dir: Path, jobs: int, output: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MiB of the run's processes, exit code) of one check run.

    The peak is read in a fresh child of its own, so earlier runs do not count.
    """
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "with open(sys.argv[1], 'wb') as out:\n"
        "    rc = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
        "took = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(took, peak, rc)\n"
    )
    command = [sys.executable, "-m", "l10n", "check", "--jobs", str(jobs), str(pages_dir)]
    done = subprocess.run([sys.executable, "-c", probe, str(output), *command],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    took, peak, rc = done.stdout.split()
    if int(rc) not in (0, 1):
        sys.exit(f"l10n check failed ({rc}); see {output}")
    return float(took), int(peak) / 1024, int(rc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--locales", type=int, default=20)
    parser.add_argument("--work", type=Path, default=Path("/tmp/l10n-crawl-bench"))
    parser.add_argument("--leakcorpus", type=Path,
                        default=ROOT.parent / "shared" / "bench" / "leakcorpus.py")
    parser.add_argument("--naive-sample", type=int, default=2000)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    pages_dir = build_crawl(args.leakcorpus, args.work, args.pages, args.locales)
    pages = sorted(pages_dir.rglob("*.html"))
    locales = len({p.parent.name for p in pages})
    size = sum(p.stat().st_size for p in pages) / 2**20
    print(f"crawl: {len(pages)} pages in {locales} locales, {size:.0f} MiB "
          f"(ready in {time.perf_counter() - start:.0f} s)", flush=True)

    step = max(1, len(pages) // args.naive_sample)
    sample = pages[::step][: args.naive_sample]
    naive = naive_rate(sample)
    print(f"naive langdetect build: {naive:.1f} pages/s on {len(sample)} pages", flush=True)

    tenth = subset(pages_dir, 10, args.work)
    small_took, small_peak, _ = run_check(tenth, 1, args.work / "findings-tenth.txt")
    small_rate = len(pages) // 10 / small_took
    print(f"l10n check --jobs 1 on {len(pages) // 10} pages: {small_rate:.0f} pages/s, "
          f"peak {small_peak:.0f} MiB", flush=True)

    rows = []
    for jobs in (1, 2):
        took, peak, _ = run_check(pages_dir, jobs, args.work / f"findings-jobs{jobs}.txt")
        rows.append((jobs, len(pages) / took, peak, took))
        print(f"l10n check --jobs {jobs} on {len(pages)} pages: {len(pages) / took:.0f} "
              f"pages/s ({took:.0f} s), peak {peak:.0f} MiB", flush=True)
    same = (args.work / "findings-jobs1.txt").read_bytes() == \
        (args.work / "findings-jobs2.txt").read_bytes()

    print()
    print("| run | pages | pages/s | peak RSS (largest process) | vs naive langdetect |")
    print("|---|---:|---:|---:|---:|")
    print(f"| naive langdetect build | {len(sample)} | {naive:.1f} | | 1.0x |")
    print(f"| `l10n check --jobs 1` | {len(pages) // 10} | {small_rate:.0f} | "
          f"{small_peak:.0f} MiB | {small_rate / naive:.1f}x |")
    for jobs, rate, peak, _ in rows:
        print(f"| `l10n check --jobs {jobs}` | {len(pages)} | {rate:.0f} | {peak:.0f} MiB | "
              f"{rate / naive:.1f}x |")
    print(f"\nfindings of --jobs 1 and --jobs 2 identical: {same}; "
          f"cores: {os.cpu_count()}; memory at 1/10 of the crawl: {small_peak:.0f} MiB, "
          f"whole crawl: {rows[0][2]:.0f} MiB")


if __name__ == "__main__":
    main()
