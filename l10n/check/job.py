"""One check: a page or a catalog in, its findings out. :func:`check_target` is a pure
function of its target, the options and a judge, so a process pool or a Dask cluster can run
it and give the same findings as a single process."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from l10n.check.catalog_checks import (
    CatalogStats,
    catalog_issues,
    catalog_stats,
    ignored_kinds,
)
from l10n.check.catalog_index import CatalogIndex, ReadCatalog, read_catalog
from l10n.check.dates import Edition, edition_of
from l10n.check.engine import Judge, Verdict
from l10n.check.finding import Evidence, Finding, Kind, Severity
from l10n.check.pagelang import decide_language
from l10n.check.pages import check_page as _check_page
from l10n.errors import InputError, L10nError, UsageError
from l10n.locales import language_of, locale_from_path, parse_locale
from l10n.page import Page
from l10n.readers import parse_page
from l10n.readers.targets import Target

__all__ = [
    "DEFAULT_INCLUDE",
    "CheckOptions",
    "TargetResult",
    "check_catalog",
    "check_page",
    "check_target",
    "make_judge",
    "page_locale",
]
DEFAULT_INCLUDE = ("*.html", "*.htm", "*.xhtml", "*.txt", "*.po", "*.pot")


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


@dataclass(frozen=True, slots=True)
class TargetResult:
    """What checking one target gave, and which process did it."""

    findings: tuple[Finding, ...]
    stats: CatalogStats | None
    worker: int
    error: L10nError | None = None  # why the target could not be read
    edition: Edition | None = None  # for comparing datelines with its other editions


def make_judge(options: CheckOptions, catalogs: CatalogIndex | None, *,
                many: bool = False) -> Judge:
    languages = options.languages
    if not languages and catalogs is not None and catalogs.locales:
        languages = tuple(sorted(catalogs.locales))
    return Judge(source_locale=options.source_locale, languages=languages, allow=options.allow,
                 catalogs=catalogs, many=many)


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
