"""``check`` over files: pages and catalogs in, findings and a summary out.

:func:`check_paths` walks the paths (files, directories recursively, ``-`` for standard input),
reads each page into the model and asks the :class:`~l10n.check.engine.Judge` about every
block; ``.po``/``.pot`` files get the catalog checks. One finding per occurrence, in path
order then source order. The per-file function is pure, so large runs go to a process pool
(``jobs``) with the same findings in the same order.
"""

from __future__ import annotations

import collections
import contextlib
import fnmatch
import io
import itertools
import os
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from l10n.check.catalog_checks import (
    CatalogStats,
    catalog_issues,
    catalog_stats,
    ignored_kinds,
)
from l10n.check.catalog_index import CatalogIndex, ReadCatalog, read_catalog
from l10n.check.dates import Edition, edition_findings, edition_of
from l10n.check.engine import Judge, Verdict
from l10n.check.finding import Evidence, Finding, Kind, Severity
from l10n.check.pagelang import decide_language
from l10n.check.pages import check_page as _check_page
from l10n.errors import InputError, L10nError, UsageError
from l10n.locales import language_of, locale_from_path, parse_locale
from l10n.page import Page
from l10n.readers import parse_page

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "CheckOptions",
    "CheckReport",
    "Target",
    "TargetResult",
    "check_page",
    "check_paths",
    "check_target",
    "iter_results",
    "iter_targets",
    "iter_warc",
]

DEFAULT_INCLUDE = ("*.html", "*.htm", "*.xhtml", "*.txt", "*.po", "*.pot")
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


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Everything that shapes a check run (command line merged with ``[tool.l10n]``)."""

    locale: str | None = None
    default_locale: str | None = None
    source_locale: str = "en"
    languages: tuple[str, ...] | None = None
    catalogs: str | None = None
    allow: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    jobs: int = 1
    dask_scheduler: str | None = None


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


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to check: a file on disk, or bytes already read (stdin, a WARC record), or
    the error that made a file unreadable (a broken WARC), reported in its turn."""

    label: str
    path: Path | None = None
    data: bytes | None = None
    error: L10nError | None = None

    @property
    def is_catalog(self) -> bool:
        return self.label.endswith((".po", ".pot"))

    def read(self) -> bytes:
        """The target's bytes (read from disk unless carried)."""
        if self.error is not None:
            raise self.error
        if self.data is not None:
            return self.data
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except IsADirectoryError:
            raise InputError("is a directory, not a file", path=self.label) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=self.label) from None


@dataclass(frozen=True, slots=True)
class TargetResult:
    """What checking one target gave, and which process did it."""

    findings: tuple[Finding, ...]
    stats: CatalogStats | None
    worker: int
    error: L10nError | None = None  # why the target could not be read
    edition: Edition | None = None  # for comparing datelines with its other editions


_WARC_SUFFIXES = (".warc", ".warc.gz")


def iter_targets(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], *,
    expand: bool = True,
) -> Iterator[Target]:
    """Every target under ``paths``, lazily (a crawl of any size streams through).

    A directory is walked recursively in sorted order, its files labelled with the path as
    given joined with their relative path; ``-`` is standard input; a WARC file yields its
    HTML responses, labelled with each record's URL (or, without ``expand``, itself).
    """
    unfold = _expand if expand else _itself
    for given in paths:
        if given == "-":
            yield Target("<stdin>", data=sys.stdin.buffer.read())
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    full = Path(root) / name
                    label = os.path.join(given, os.path.relpath(full, path))
                    if _wanted(label, name, (*include, "*.warc", "*.warc.gz"), exclude):
                        yield from unfold(Target(label, full))
        elif path.exists():
            if not any(fnmatch.fnmatch(given, pattern) for pattern in exclude):
                yield from unfold(Target(given, path))
        else:
            raise InputError("no such file or directory", path=given, hint="check the path")


def _itself(target: Target) -> Iterator[Target]:
    yield target


def _expand(target: Target) -> Iterator[Target]:
    if target.path is not None and target.label.endswith(_WARC_SUFFIXES):
        try:
            yield from iter_warc(target.path, target.label)
        except InputError as error:  # checked in its turn, so a crawl goes on past it
            yield Target(target.label, error=error)
    else:
        yield target


def iter_warc(path: Path, label: str) -> Iterator[Target]:
    """The HTML responses of a WARC file, one target per record, labelled with its URL.

    A file whose records are not WARC records (warcio would also read ARC, and takes almost
    any text for one) is an error; warcio's notes about a record's missing trailing newline
    are dropped (the record itself reads fine).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    not_warc = InputError("not a WARC file (records must start with WARC/1.x)", path=label,
                          hint="give a WARC (.warc or .warc.gz) file")
    _verify_warc(path, label)
    try:
        with path.open("rb") as stream:
            records = iter(ArchiveIterator(stream))
            while True:
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                if record is None:
                    return
                if not record.format.startswith("warc"):
                    raise not_warc
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in kind:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or label
                yield Target(url, data=record.content_stream().read())
    except (ArchiveLoadFailed, EOFError, ValueError, OSError, zlib.error, AttributeError):
        raise not_warc from None


def _verify_warc(path: Path, label: str) -> None:
    """Walk the records once (headers, then exactly Content-Length bytes, then CRLF CRLF):
    warcio reads a truncated file as if it ended early, and a build gate must not pass a
    crawl it only half read."""
    import gzip

    def fail(problem: str, hint: str = "re-fetch or re-write the WARC file") -> InputError:
        return InputError(problem, path=label, hint=hint)

    with path.open("rb") as raw:
        zipped = raw.read(2) == b"\x1f\x8b"
    try:
        with (gzip.open(path, "rb") if zipped else path.open("rb")) as stream:
            offset = 0
            while True:
                first = stream.readline()
                if not first:
                    return
                if not first.startswith(b"WARC/1."):
                    where = " of the uncompressed data" if zipped else ""
                    raise fail(f"not a WARC file: no WARC/1.x record at byte {offset}{where}",
                               "give a WARC (.warc or .warc.gz) file")
                length, size = None, len(first)
                while True:
                    line = stream.readline()
                    size += len(line)
                    if not line.endswith(b"\n"):
                        raise fail(f"the record at byte {offset} is truncated (in its headers)")
                    if line in (b"\r\n", b"\n"):
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length is None:
                    raise fail(f"the record at byte {offset} has no Content-Length")
                remaining = length
                while remaining:
                    chunk = stream.read(min(remaining, 1 << 20))
                    if not chunk:
                        raise fail(f"the record at byte {offset} is truncated: Content-Length "
                                   f"{length}, {length - remaining} bytes present")
                    remaining -= len(chunk)
                if stream.read(4) != b"\r\n\r\n":
                    raise fail(f"the record at byte {offset} does not end where its "
                               f"Content-Length ({length}) says")
                offset += size + length + 4
    except (EOFError, gzip.BadGzipFile, zlib.error):
        raise fail("the gzip data is truncated or damaged") from None
    except ValueError:
        raise fail("a record's Content-Length is not a number") from None


def _wanted(label: str, name: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    if any(fnmatch.fnmatch(label, p) or fnmatch.fnmatch(name, p) for p in exclude):
        return False
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(label, p) for p in include)


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
    judge = _make_judge(options, catalogs, many=len(head) >= _POOL_MIN_FILES)
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


def _make_judge(options: CheckOptions, catalogs: CatalogIndex | None, *,
                many: bool = False) -> Judge:
    languages = options.languages
    if not languages and catalogs is not None and catalogs.locales:
        languages = tuple(sorted(catalogs.locales))
    return Judge(source_locale=options.source_locale, languages=languages, allow=options.allow,
                 catalogs=catalogs, many=many)


_WORKER: dict[str, object] = {}  # the per-process judge of a pool worker (a named cache)


def _init_worker(options: CheckOptions, catalogs: CatalogIndex | None) -> None:
    _WORKER["options"] = options
    _WORKER["judge"] = _make_judge(options, catalogs, many=True)


def _worker_batch(targets: list[Target]) -> list[TargetResult]:
    options, judge = _WORKER["options"], _WORKER["judge"]
    return [check_target(target, options, judge) for target in targets]  # type: ignore[arg-type]


def check_target(target: Target, options: CheckOptions, judge: Judge) -> TargetResult:
    """Findings for one target (a pure function of it: pools and clusters run it); one that
    cannot be read gives a result carrying the error."""
    try:
        if target.is_catalog:
            catalog = read_catalog(target.label, target.read())
            findings = check_catalog(catalog, target.label, options, judge)
            return TargetResult(tuple(findings), catalog_stats(catalog, target.label),
                                os.getpid())
        page = parse_page(target.read(), path=target.label, element_paths=False)
        findings = check_page(page, judge, options, target.label)
    except L10nError as error:
        return TargetResult((), None, os.getpid(), error)
    edition = edition_of(page, target.label, page.locale or options.locale)
    return TargetResult(tuple(findings), None, os.getpid(), edition=edition)


def page_locale(page: Page, options: CheckOptions, label: str, judge: Judge) -> str:
    """The locale a page's article is judged in: what it declares (``--locale``, its ``lang``,
    a locale directory in its path, configuration) unless its text says otherwise, else the
    language of its text, else the source locale (:mod:`l10n.check.pagelang`)."""
    return decide_language(page, judge, label=label, locale=options.locale,
                           default_locale=options.default_locale,
                           source_locale=options.source_locale).content


def check_page(page: Page, judge: Judge, options: CheckOptions, label: str) -> list[Finding]:
    """Findings for one page (see :mod:`l10n.check.pages`)."""
    return _check_page(page, judge, label=label, locale=options.locale,
                       default_locale=options.default_locale,
                       source_locale=options.source_locale, severity=options.severity)


def check_catalog(
    catalog: ReadCatalog, label: str, options: CheckOptions, judge: Judge
) -> list[Finding]:
    """Findings for a ``.po`` (translations in its Language) or ``.pot`` (msgids in the source
    locale)."""
    is_template = label.endswith(".pot") or not catalog.language
    locale = options.source_locale if is_template else _catalog_locale(catalog, label, options)
    findings: list[Finding] = []
    for entry in catalog.entries:
        if entry.obsolete:
            continue
        ignored = ignored_kinds(entry)
        if ignored is not None and not ignored:
            continue
        found: list[Finding | None] = []
        if is_template:
            verdict = judge.judge(entry.msgid, locale, catalog=True)
            if verdict is not None:
                found.append(verdict.place(label, entry.line, 1, None, entry.msgid, locale,
                                           options.severity))
        elif not entry.fuzzy:
            found.extend(_entry_findings(entry, label, locale, options, judge))
        findings.extend(f for f in found
                        if f is not None and (ignored is None or str(f.kind) not in ignored))
    return findings


def _entry_findings(entry, label: str, locale: str, options: CheckOptions,
                    judge: Judge) -> Iterator[Finding | None]:
    for issue in catalog_issues(entry):
        verdict = Verdict(issue.kind, False, Evidence.PATTERN, issue.message)
        yield verdict.place(label, entry.line, 1, None, issue.text, locale, options.severity)
    language = language_of(locale)
    for msgstr in entry.msgstrs:
        if not msgstr:
            continue
        if (msgstr == entry.msgid and language != judge.source_language
                and judge.has_words(msgstr)):
            verdict = Verdict(Kind.UNTRANSLATED, False, Evidence.CATALOG,
                              "msgstr only copies the msgid (allow the term if that is meant)",
                              judge.source_language)
            yield verdict.place(label, entry.line, 1, None, msgstr, locale, options.severity,
                                severity=Severity.WARNING)
            continue
        verdict = judge.judge(msgstr, locale, catalog=True)
        if verdict is not None:
            yield verdict.place(label, entry.line, 1, None, msgstr, locale, options.severity)


def _catalog_locale(catalog: ReadCatalog, label: str, options: CheckOptions) -> str:
    for candidate in (catalog.language, locale_from_path(label), options.locale):
        if candidate:
            try:
                return parse_locale(candidate)
            except UsageError:
                continue
    raise InputError("catalog has no Language header", path=label,
                     hint='add "Language: xx\\n" to the header or pass --locale')
