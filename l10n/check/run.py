"""``check`` over files: pages and catalogs in, findings and a summary out.

:func:`check_paths` walks the paths (files, directories recursively, ``-`` for standard input),
reads each page into the model and asks the :class:`~l10n.check.engine.Judge` about every
block; ``.po``/``.pot`` files get the catalog checks. One finding per occurrence, in path
order then source order. The per-file function (:mod:`l10n.check.job`) is pure, so large runs
go to a process pool (``jobs``) or a Dask cluster (:mod:`l10n.check.cluster`) with the same
findings in the same order.
"""

from __future__ import annotations

import collections
import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from l10n.check.catalog_checks import CatalogStats
from l10n.check.catalog_index import CatalogIndex
from l10n.check.dates import Edition, edition_findings
from l10n.check.finding import Finding, Kind, Severity
from l10n.check.job import (
    DEFAULT_INCLUDE,
    CheckOptions,
    TargetResult,
    check_page,
    check_target,
    make_judge,
)
from l10n.errors import InputError, L10nError, UsageError
from l10n.locales import parse_locale
from l10n.readers.targets import Target, iter_targets

if TYPE_CHECKING:
    from concurrent.futures import Future

# CheckOptions, check_page, Target and iter_targets are re-exported: a run's whole surface.
__all__ = [
    "DEFAULT_INCLUDE",
    "CheckOptions",
    "CheckReport",
    "Target",
    "TargetResult",
    "check_page",
    "check_paths",
    "check_target",
    "iter_results",
    "iter_targets",
]

# Below this many targets a process pool costs more than it saves.
_POOL_MIN_FILES = 400
# Pool tasks: the files of one directory together (a locale's pages share their chrome, which
# one worker then judges once), merged up to _BATCH_MIN when directories are small and cut at
# _BATCH_MAX (a large directory's tasks may go to different workers); the last tasks in
# pieces of _TAIL, so no worker idles while another finishes.
_BATCH_MIN = 32
_BATCH_MAX = 128
_TAIL = 8
_IN_FLIGHT = 256  # targets submitted and not yet reported, per worker (bounds memory)


@dataclass
class CheckReport:
    """The findings of a run (kept unless streamed to a sink), with counts for the summary."""

    findings: list[Finding]
    files: int = 0
    catalogs: list[CatalogStats] = field(default_factory=list)
    baselined: int = 0
    stale: list[dict[str, object]] = field(default_factory=list)
    workers: set[int] = field(default_factory=set)  # process ids that checked targets
    tally: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, severity)
    unreadable: int = 0  # targets that could not be read (each reported, the run went on)

    def add(self, finding: Finding, *, keep: bool = True) -> None:
        """Count ``finding`` (and keep it, unless it was streamed elsewhere)."""
        self.tally[(str(finding.kind), str(finding.severity))] += 1
        if keep:
            self.findings.append(finding)

    def count(self, severity: Severity) -> int:
        return sum(n for (_, level), n in self.tally.items() if level == str(severity))

    def summary(self) -> dict[str, object]:
        """The ``summary`` object of the JSON report."""
        kinds: Counter[str] = Counter()
        for (kind, _), n in self.tally.items():
            kinds[kind] += n
        return {
            "files": self.files,
            "findings": sum(self.tally.values()),
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "by_kind": dict(sorted(kinds.items())),
            "baselined": self.baselined,
            "stale_baseline_entries": len(self.stale),
            "catalogs": [c.to_dict() for c in self.catalogs],
        }

    def exit_code(self, fail_on: Severity) -> int:
        """2 when a target could not be read, else 1 when any finding is at or above
        ``fail_on``, else 0."""
        if self.unreadable:
            return 2
        return 1 if any(Severity(level).rank >= fail_on.rank
                        for (_, level), n in self.tally.items() if n) else 0


def iter_results(paths: Sequence[str], options: CheckOptions) -> Iterator[TargetResult]:
    """Check every target under ``paths``, yielding results in target order.

    Small runs stay in this process; from ``_POOL_MIN_FILES`` targets on, a process pool of
    ``options.jobs`` workers (or, with ``options.dask_scheduler``, a Dask cluster) checks
    them in chunks, so memory stays flat however long the stream.
    """
    _validate(options)
    for given in paths:  # a mistyped path stops the run before anything is reported
        if given != "-" and not os.path.exists(given):
            raise InputError("no such file or directory", path=given, hint="check the path")
    catalogs = CatalogIndex.load(options.catalogs, options.source_locale) if options.catalogs \
        else None
    targets = iter_targets(paths, options.include, options.exclude)
    if options.dask_scheduler is not None:
        from l10n.check.cluster import dask_results

        yield from dask_results(targets, options, catalogs)
        return
    head = list(itertools.islice(targets, _POOL_MIN_FILES))
    jobs = max(1, options.jobs)
    if jobs > 1 and len(head) >= _POOL_MIN_FILES:
        from concurrent.futures import ProcessPoolExecutor  # 15 ms: only for large runs

        with ProcessPoolExecutor(jobs, initializer=_init_worker,
                                 initargs=(options, catalogs)) as pool:
            # A sliding window of tasks (see _batches): results come back in order, and
            # memory stays bounded by the window however long the stream.
            pending: collections.deque[tuple[int, Future[list[TargetResult]]]] = \
                collections.deque()
            in_flight = 0
            for batch in _batches(itertools.chain(head, targets), jobs):
                pending.append((len(batch), pool.submit(_worker_batch, batch)))
                in_flight += len(batch)
                while in_flight >= jobs * _IN_FLIGHT:
                    size, done = pending.popleft()
                    in_flight -= size
                    yield from done.result()
            while pending:
                yield from pending.popleft()[1].result()
        return
    judge = make_judge(options, catalogs, many=len(head) >= _POOL_MIN_FILES)
    for target in itertools.chain(head, targets):
        yield check_target(target, options, judge)


def _batches(targets: Iterator[Target], jobs: int) -> Iterator[list[Target]]:
    """Pool tasks in target order: a directory's files together (see ``_BATCH_MIN``); the
    last ``jobs`` tasks cut into pieces of ``_TAIL``."""
    held: collections.deque[list[Target]] = collections.deque()
    batch: list[Target] = []
    folder = None
    for target in targets:
        here = os.path.dirname(target.label)
        if batch and (len(batch) >= _BATCH_MAX or (here != folder and len(batch) >= _BATCH_MIN)):
            held.append(batch)
            batch = []
            if len(held) > jobs:
                yield held.popleft()
        folder = here
        batch.append(target)
    held.append(batch)
    while len(held) > jobs:
        yield held.popleft()
    last = [target for task in held for target in task]
    for start in range(0, len(last), _TAIL):
        yield last[start:start + _TAIL]


def check_paths(
    paths: Sequence[str],
    options: CheckOptions,
    *,
    progress: Callable[[int], None] | None = None,
    admit: Callable[[Finding], bool] | None = None,
    sink: Callable[[Finding], None] | None = None,
    unreadable: Callable[[L10nError], None] | None = None,
) -> CheckReport:
    """Check every page and catalog under ``paths`` and collect the report.

    ``admit`` filters findings (a baseline); ``sink`` receives each admitted finding as it
    is found (streamed output), in which case the report keeps only counts. A target that
    cannot be read (binary, undecodable, a malformed catalog) raises its error, unless
    ``unreadable`` takes it: then the run goes on, as compilers and linters go on past a
    broken file, and the report counts it (exit code 2). Datelines that disagree with
    their other editions' (:func:`l10n.check.dates.edition_findings`) come last, once every
    page is read.
    """
    report = CheckReport(findings=[])
    editions: list[Edition] = []

    def found(finding: Finding) -> None:
        if admit is not None and not admit(finding):
            report.baselined += 1
            return
        report.add(finding, keep=sink is None)
        if sink is not None:
            sink(finding)

    for result in iter_results(paths, options):
        if result.error is not None:
            if unreadable is None:
                raise result.error
            unreadable(result.error)
            report.unreadable += 1
            if progress is not None:
                progress(1)
            continue
        report.files += 1
        report.workers.add(result.worker)
        for finding in result.findings:
            found(finding)
        if result.edition is not None:
            editions.append(result.edition)
        if result.stats is not None:
            report.catalogs.append(result.stats)
        if progress is not None:
            progress(1)
    for finding in edition_findings(editions, options.severity, options.catalogs):
        found(finding)
    return report


def _validate(options: CheckOptions) -> None:
    for code in (options.locale, options.default_locale, options.source_locale,
                 *(options.languages or ())):
        if code is not None:
            parse_locale(code)
    for kind, level in options.severity.items():
        if kind not in {k.value for k in Kind}:
            raise UsageError(f"unknown finding kind {kind!r} in severity settings",
                             hint="kinds: " + ", ".join(k.value for k in Kind))
        if level not in ("error", "warning", "off"):
            raise UsageError(f"unknown severity {level!r} for {kind}",
                             hint="use error, warning or off")


_WORKER: dict[str, object] = {}  # the per-process judge of a pool worker (a named cache)


def _init_worker(options: CheckOptions, catalogs: CatalogIndex | None) -> None:
    _WORKER["options"] = options
    _WORKER["judge"] = make_judge(options, catalogs, many=True)


def _worker_batch(targets: list[Target]) -> list[TargetResult]:
    options, judge = _WORKER["options"], _WORKER["judge"]
    return [check_target(target, options, judge) for target in targets]  # type: ignore[arg-type]
