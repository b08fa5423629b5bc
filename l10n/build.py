"""A localized build of a set of pages: every locale rendered, an index page linking them,
the result checked for leaks, and a summary per locale (what ``make demo`` shows)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.files import write_atomic
from l10n.locales import bcp47
from l10n.render import RenderOptions, RenderReport, render_pages

__all__ = ["BuildResult", "LocaleSummary", "build_pages"]


@dataclass(frozen=True, slots=True)
class LocaleSummary:
    """One locale of a build: translated shares over its pages and leak findings."""

    locale: str
    pages: int
    chrome_percent: float
    article_percent: float
    errors: int
    warnings: int


@dataclass(frozen=True, slots=True)
class BuildResult:
    """Where the build is and what it holds."""

    out: str
    index: str
    reports: tuple[RenderReport, ...]
    summaries: tuple[LocaleSummary, ...]


def build_pages(
    pages: Sequence[str],
    locales: Sequence[str],
    options: RenderOptions,
    *,
    progress: Callable[[int], None] | None = None,
) -> BuildResult:
    """Render ``pages`` into ``locales`` under ``options.out``, write ``index.html``, check
    the output and summarize per locale."""
    from l10n.check.run import CheckOptions, check_paths

    reports = render_pages(pages, locales, options, progress=progress)
    out = Path(options.out)
    check = check_paths([str(out / locale) for locale in locales],
                        CheckOptions(source_locale=options.source_locale, jobs=1,
                                     catalogs=options.catalogs, include=("*.html", "*.htm")))
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for finding in check.findings:
        locale = Path(finding.path).parent.name
        (errors if str(finding.severity) == "error" else warnings)[locale] += 1
    summaries = []
    for locale in locales:
        mine = [r for r in reports if r.locale == locale]
        chrome = sum(r.chrome_chars for r in mine)
        chrome_left = sum(r.chrome_left for r in mine)
        article = sum(r.article_chars for r in mine)
        article_left = sum(r.article_left for r in mine)
        summaries.append(LocaleSummary(
            locale, len(mine),
            100.0 * (1 - chrome_left / chrome) if chrome else 100.0,
            100.0 * (1 - article_left / article) if article else 100.0,
            errors[locale], warnings[locale]))
    index = out / "index.html"
    write_atomic(index, _index_html(pages, summaries, reports, out).encode("utf-8"))
    return BuildResult(str(out), str(index), tuple(reports), tuple(summaries))


def _index_html(pages: Sequence[str], summaries: Sequence[LocaleSummary],
                reports: Sequence[RenderReport], out: Path) -> str:
    from l10n.render.template import _environment

    stems = [Path(p).stem for p in pages]
    rows = []
    for summary in summaries:
        links = []
        for report in reports:
            if report.locale == summary.locale:
                target = Path(report.output)
                links.append({"href": f"{summary.locale}/{target.name}", "label": target.name})
        rows.append({"locale": summary.locale, "tag": bcp47(summary.locale), "links": links,
                     "chrome": f"{summary.chrome_percent:.0f}%",
                     "article": f"{summary.article_percent:.0f}%",
                     "findings": summary.errors + summary.warnings})
    return _environment().get_template("index.html").render(pages=stems, rows=rows)
