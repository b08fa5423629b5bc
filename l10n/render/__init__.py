"""Rebuild source pages per locale: ``DIR/<locale>/<stem>.html`` (or ``.txt``).

:func:`render_page` renders one page into one locale and returns the text and its report;
:func:`render_pages` does it for many pages and locales and writes the files atomically.
HTML sources keep their markup (:mod:`l10n.render.html`); scraped-text sources go through the
package template (:mod:`l10n.render.template`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from l10n.errors import UsageError
from l10n.files import read_file, write_atomic
from l10n.locales import bcp47, parse_locale
from l10n.page import Format
from l10n.render.localize import Localizer, RenderReport
from l10n.render.translations import Translations, load_translations

__all__ = ["RenderOptions", "RenderReport", "render_page", "render_pages"]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: catalogs, output, formats, dates and dateline style."""

    catalogs: str = "locales"
    out: str = "build"
    format: str = "html"
    published: datetime | None = None
    dateline_style: str | None = None
    source_locale: str = "en"
    styles: dict[str, object] = field(default_factory=dict)


def render_page(
    path: str | os.PathLike[str],
    locale: str,
    translations: Translations,
    options: RenderOptions,
    *,
    alternates: Sequence[tuple[str, str]] = (),
) -> tuple[str, RenderReport]:
    """One source page in one locale: (output text, report)."""
    name = os.fspath(path)
    return _render(name, _read(name), locale, translations, options, alternates)


def _render(name: str, text: str, locale: str, translations: Translations,
            options: RenderOptions, alternates: Sequence[tuple[str, str]]
            ) -> tuple[str, RenderReport]:
    """:func:`render_page` of a page already read (``text``)."""
    from l10n.readers import sniff_format

    report = RenderReport(source=name, locale=locale)
    if sniff_format(name, text) is Format.HTML:
        from l10n.readers.html import read_html_document
        from l10n.render.html import render_html
        from l10n.render.template import render_text

        document = read_html_document(text, name)
        localizer = _localizer(document.page, locale, translations, options, report)
        if options.format == "text":
            return render_text(document.page, localizer), report
        return render_html(document, localizer, alternates=alternates), report
    from l10n.render.template import render_template, render_text

    page = _text_page(text, name)
    localizer = _localizer(page, locale, translations, options, report)
    if options.format == "text":
        return render_text(page, localizer), report
    return render_template(page, localizer, alternates=alternates), report


def _read(name: str) -> str:
    from l10n.readers.decode import decode_page

    return decode_page(read_file(name, what="page"), name)


@functools.lru_cache(maxsize=64)
def _text_page(text: str, name: str) -> object:
    """A scraped-text page is read once however many locales it is rendered into (the model
    is immutable; an HTML page's tree is not, so it is read per locale)."""
    from l10n.readers.text import read_text_page

    return read_text_page(text, name)


def _localizer(page: object, locale: str, translations: Translations, options: RenderOptions,
               report: RenderReport) -> Localizer:
    return Localizer(page, locale, translations,  # type: ignore[arg-type]
                     source_locale=options.source_locale, published=options.published,
                     dateline_style=options.dateline_style, styles=options.styles or None,
                     report=report)


def render_pages(
    paths: Sequence[str],
    locales: Sequence[str],
    options: RenderOptions,
    *,
    progress: Callable[[int], None] | None = None,
) -> list[RenderReport]:
    """Render every page into every locale and write ``out/<locale>/<stem>.<ext>``.

    Every input (locales, style, catalogs, pages) is checked before the first file is
    written, so a bad one leaves the output directory as it was.
    """
    for locale in (*locales, options.source_locale):
        parse_locale(locale)
    if options.dateline_style is not None:
        from l10n.dateline_styles import style_for

        style_for(options.source_locale, options.dateline_style, options.styles or None)
    suffix = ".txt" if options.format == "text" else ".html"
    stems: dict[str, str] = {}
    for path in paths:
        other = stems.setdefault(Path(path).stem, path)
        if other != path:
            raise UsageError(f"{other} and {path} would both be written to "
                             f"<locale>/{Path(path).stem}{suffix}", path=path,
                             hint="render them in separate runs, or with different --out")
    alternates = {
        Path(p).stem: [(bcp47(loc), f"../{loc}/{Path(p).stem}{suffix}") for loc in locales]
        for p in paths
    }
    reports = []
    bases = {locale: load_translations(options.catalogs, locale) for locale in locales}
    articles: dict[tuple[str, str], Translations] = {}
    for path in paths:
        _read(path)  # a page that cannot be read stops the run before anything is written
        slug = Path(path).stem
        for locale in locales:
            article = Path(options.catalogs) / locale / "LC_MESSAGES" / "articles" / f"{slug}.po"
            if article.is_file():
                articles[path, locale] = _with_article(bases[locale], article)
    for path in paths:
        text = _read(path)  # once for all its locales
        slug = Path(path).stem
        for locale in locales:
            translations = articles.get((path, locale), bases[locale])
            output, report = _render(path, text, locale, translations, options,
                                     alternates[slug])
            target = Path(options.out) / locale / f"{slug}{suffix}"
            write_atomic(target, output.encode("utf-8"))
            report.output = str(target)
            reports.append(report)
            if progress is not None:
                progress(1)
    return reports


def _with_article(base: Translations, article: Path) -> Translations:
    from l10n.render.translations import _load

    merged = Translations(base.locale, dict(base.domains))
    merged.domains["article"] = _load(article)
    return merged
