"""What the preview shows, computed from the files on disk at each request.

A :class:`Site` holds the pages and the catalogs directory. Everything it computes is kept in
named caches keyed by a :func:`~l10n.preview.files.stamp` of the files it came from (the page,
and every ``.po``/``.pot``/``.mo`` under the catalogs), so an edited catalog shows on the next
reload and nothing is computed twice while the files stay the same.

* :meth:`Site.cell`: the completion figures of one page in one locale, from the
  :class:`~l10n.render.localize.Localizer` alone (no template, no check): the index;
* :meth:`Site.render`: the page rendered by :func:`l10n.render.render_page` (as ``l10n render``
  does) and checked like ``l10n check``: the page view, the overlay and the leak counts;
* :meth:`Site.rows`: source and target block by block: the side-by-side view.

The locale ``source`` is the page in its own language (every msgid its own translation) and
``<source>-XA`` the pseudo-locale (:mod:`l10n.preview.pseudo`).
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n.catalogs.layout import find_locales
from l10n.check.catalog_index import CatalogIndex
from l10n.check.engine import Judge
from l10n.check.finding import Finding
from l10n.check.job import CheckOptions, check_page, page_locale
from l10n.errors import L10nError
from l10n.locales import bcp47, language_of, parse_locale
from l10n.page import Block, Format, Page, Role
from l10n.preview.files import PageRef, Stamp, discover_pages, stamp
from l10n.preview.pseudo import (
    PSEUDO_REGION,
    TemplateTranslations,
    known_files,
    load_known,
    pseudo_text,
)
from l10n.readers import parse_page, read_page
from l10n.render import RenderOptions, render_page
from l10n.render.localize import Localizer, Piece, RenderReport
from l10n.render.translations import Translations, load_translations

__all__ = ["SOURCE", "Cell", "Rendered", "Row", "Site"]

SOURCE = "source"
_CATALOG_SUFFIXES = (".po", ".pot", ".mo")


@dataclass(frozen=True, slots=True)
class Cell:
    """One page in one locale on the index: translated shares, or the error."""

    chrome: float | None = None
    article: float | None = None
    error: str | None = None


@dataclass
class Rendered:
    """A rendered page with what the overlay needs: the pieces used, the catalogs they came
    from and the findings of ``l10n check`` on the output."""

    html: str
    locale: str
    report: RenderReport
    pieces: list[Piece]
    translations: Translations
    findings: list[Finding]
    pseudo: bool = False
    numbers: frozenset[str] = frozenset()  # counter texts (pseudo numbers)


@dataclass
class Row:
    """One source block and what it became in the target locale."""

    block: Block
    target: str
    piece: Piece | None
    where: tuple[str, int] | None = None  # the catalog entry's (.po path, line)
    findings: list[Finding] = field(default_factory=list)


class Site:
    """The pages and catalogs of a preview, with caches keyed by file stamps."""

    def __init__(self, pages: Sequence[str], catalogs: str, *, source_locale: str = "en",
                 allow: Sequence[str] = (), styles: dict[str, object] | None = None) -> None:
        self.pages = discover_pages(pages)
        self.catalogs = catalogs
        self.source_locale = parse_locale(source_locale)
        self.pseudo_locale = f"{language_of(self.source_locale)}-{PSEUDO_REGION}"
        self.allow = tuple(allow)
        self.options = RenderOptions(catalogs=catalogs, source_locale=self.source_locale,
                                     styles=dict(styles or {}))
        self.check_options = CheckOptions(source_locale=self.source_locale, catalogs=catalogs,
                                          allow=self.allow)
        self.lock = threading.RLock()
        # Named caches: key → (stamp, value).
        self.page_cache: dict[int, tuple[Stamp, Page]] = {}
        self.judge_cache: dict[str, tuple[Stamp, Judge]] = {}
        self.translations_cache: dict[tuple[str, str], tuple[Stamp, Translations]] = {}
        self.cell_cache: dict[tuple[int, str], tuple[Stamp, Cell]] = {}
        self.render_cache: dict[tuple[int, str], tuple[Stamp, Rendered]] = {}

    # -- files and stamps ------------------------------------------------------------------

    def page(self, number: int) -> PageRef | None:
        return self.pages[number] if 0 <= number < len(self.pages) else None

    def locales(self) -> list[str]:
        """Every locale directory under the catalogs (rescanned: a new one shows at once)."""
        try:
            return find_locales(self.catalogs)
        except L10nError:
            return []

    def views(self) -> list[str]:
        """Every locale a page can be shown in: the source, the catalogs' locales, pseudo."""
        return [SOURCE, *self.locales(), self.pseudo_locale]

    def catalogs_stamp(self) -> Stamp:
        files = []
        for current, dirs, names in os.walk(self.catalogs):
            dirs.sort()
            files.extend(os.path.join(current, n) for n in sorted(names)
                         if n.endswith(_CATALOG_SUFFIXES))
        return stamp(files)

    def _stamp(self, ref: PageRef) -> Stamp:
        return stamp([ref.path]) + self.catalogs_stamp()

    @staticmethod
    def _cached(cache: dict[Any, tuple[Stamp, Any]], key: object, current: Stamp,
                make: Callable[[], Any]) -> Any:
        hit = cache.get(key)
        if hit is not None and hit[0] == current:
            return hit[1]
        value = make()
        cache[key] = (current, value)
        return value

    # -- inputs ----------------------------------------------------------------------------

    def source_page(self, ref: PageRef) -> Page:
        """The source page read into the model (cached by its stamp)."""
        return self._cached(self.page_cache, ref.number, stamp([ref.path]),
                            lambda: read_page(ref.path))

    def judge(self) -> Judge:
        """The leak judge, with every catalog as evidence (as ``l10n check --catalogs``)."""
        def make() -> Judge:
            index = CatalogIndex.load(self.catalogs, self.source_locale) \
                if Path(self.catalogs).is_dir() else None
            languages = tuple(sorted(index.locales)) if index and index.locales else None
            return Judge(source_locale=self.source_locale, languages=languages,
                         allow=self.allow, catalogs=index)

        return self._cached(self.judge_cache, "judge", self.catalogs_stamp(), make)

    def own_locale(self, ref: PageRef) -> str:
        """The language the page is written in (as ``l10n check`` decides it)."""
        page = self.source_page(ref)
        return page_locale(page, self.check_options, ref.path, self.judge())

    def translations(self, ref: PageRef, locale: str) -> tuple[str, Translations]:
        """(render locale, a fresh Translations) for showing ``ref`` in ``locale``."""
        current = self.catalogs_stamp()
        if locale == SOURCE:
            return self.own_locale(ref), self._templates(ref, current, str, keep_unknown=True)
        if locale == self.pseudo_locale:
            return self.source_locale, self._templates(ref, current, pseudo_text,
                                                       keep_unknown=False)

        def make() -> Translations:
            article = Path(self.catalogs) / locale / "LC_MESSAGES" / "articles" / \
                f"{ref.slug}.po"
            extra = {"article": article} if article.is_file() else None
            return load_translations(self.catalogs, locale, extra=extra)

        base = self._cached(self.translations_cache, (locale, ref.slug), current, make)
        return locale, dataclasses.replace(base, memo={})

    def _templates(self, ref: PageRef, current: Stamp, transform: Callable[[str], str], *,
                   keep_unknown: bool) -> Translations:
        def make() -> Translations:
            files = known_files(self.catalogs, ref.slug, self.locales())
            return TemplateTranslations(self.source_locale, known=load_known(files))

        key = ("templates", ref.slug)
        base = self._cached(self.translations_cache, key, current, make)
        return dataclasses.replace(base, memo={}, transform=transform,
                                   keep_unknown=keep_unknown)

    # -- the index -------------------------------------------------------------------------

    def cells(self) -> tuple[list[str], dict[tuple[int, str], Cell]]:
        """(locales, every page × locale :class:`Cell`) for the index, without rendering."""
        locales = self.locales()
        current = self.catalogs_stamp()
        cells = {}
        for ref in self.pages:
            page_stamp = stamp([ref.path]) + current
            for locale in locales:
                cells[(ref.number, locale)] = self.cell(ref, locale, page_stamp)
        return locales, cells

    def cell(self, ref: PageRef, locale: str, current: Stamp | None = None) -> Cell:
        """Chrome and article completion of ``ref`` in ``locale``, without rendering."""
        with self.lock:
            return self._cached(self.cell_cache, (ref.number, locale),
                                current or self._stamp(ref), lambda: self._cell(ref, locale))

    def _cell(self, ref: PageRef, locale: str) -> Cell:
        try:
            localizer = self._localizer(ref, locale)
            for block in self._shown_blocks(localizer.page):
                if block.role is not Role.DATELINE:
                    localizer.piece(block)
        except Exception as error:  # noqa: BLE001 - the cell shows why, the index stays up
            message = str(error) if isinstance(error, L10nError) \
                else f"{type(error).__name__}: {error}"
            return Cell(error=message)
        report = localizer.report
        return Cell(report.chrome_percent, report.article_percent)

    def _localizer(self, ref: PageRef, locale: str) -> Localizer:
        page = self.source_page(ref)
        target, translations = self.translations(ref, locale)
        options = self.options
        return Localizer(page, target, translations, source_locale=options.source_locale,
                         published=options.published, dateline_style=options.dateline_style,
                         styles=options.styles or None,
                         report=RenderReport(source=ref.path, locale=target))

    @staticmethod
    def _shown_blocks(page: Page) -> list[Block]:
        """The blocks a renderer shows (the template drops repeated ones)."""
        if page.format is Format.TEXT:
            return [b for b in page.blocks if b.repeat_of is None]
        return list(page.blocks)

    # -- rendering -------------------------------------------------------------------------

    def render(self, ref: PageRef, locale: str) -> Rendered:
        """The page rendered into ``locale`` and checked (raises L10nError)."""
        with self.lock:
            return self._cached(self.render_cache, (ref.number, locale), self._stamp(ref),
                                lambda: self._render(ref, locale))

    def _render(self, ref: PageRef, locale: str) -> Rendered:
        target, translations = self.translations(ref, locale)
        alternates = [(self._tag(view), f"/page/{ref.number}/{view}")
                      for view in self.views()[1:]]
        html, report = render_page(ref.path, target, translations, self.options,
                                   alternates=alternates)
        pieces = [p for p in translations.memo.values() if isinstance(p, Piece)]
        pseudo = locale == self.pseudo_locale
        findings: list[Finding] = []
        if not pseudo:
            label = f"{bcp47(target)}/{ref.slug}.html"
            findings = check_page(parse_page(html, path=label), self.judge(),
                                  self.check_options, label)
        numbers = self._counters(ref, locale) if pseudo else frozenset()
        return Rendered(html, target, report, pieces, translations, findings, pseudo, numbers)

    def _tag(self, view: str) -> str:
        return view if view == self.pseudo_locale else bcp47(view)

    def _counters(self, ref: PageRef, locale: str) -> frozenset[str]:
        """The texts counters become in ``locale`` (their digits are pseudo-localized)."""
        localizer = self._localizer(ref, locale)
        return frozenset(localizer.counter(b).text for b in localizer.page.blocks
                         if b.role is Role.COUNTER)

    # -- side by side ----------------------------------------------------------------------

    def rows(self, ref: PageRef, locale: str) -> tuple[str, list[Row]]:
        """(target locale, one row per source block), each with its findings in the target."""
        with self.lock:
            localizer = self._localizer(ref, locale)
            rows = [self._row(localizer, block) for block in self._shown_blocks(localizer.page)]
            if locale != self.pseudo_locale:
                self._check_rows(ref, localizer.locale, rows)
            return localizer.locale, rows

    @staticmethod
    def _row(localizer: Localizer, block: Block) -> Row:
        if block.role is Role.DATELINE:
            formatted = localizer.dateline(block)
            text = getattr(formatted, "text", None) or block.text
            return Row(block, text, None)
        piece = localizer.piece(block)
        if piece is None:
            return Row(block, block.text, None)
        where = localizer.translations.entry(*piece.entry) if piece.entry else None
        return Row(block, piece.text, piece, where)

    def _check_rows(self, ref: PageRef, locale: str, rows: list[Row]) -> None:
        """Judge each target text as ``l10n check`` would on the rendered page."""
        blocks = tuple(dataclasses.replace(r.block, text=r.target,
                                           lang=(r.piece.lang if r.piece and r.piece.lang
                                                 else r.block.lang)) for r in rows)
        page = Page(ref.path, Format.HTML, bcp47(locale), blocks)
        label = f"{bcp47(locale)}/{ref.slug}.html"
        places: dict[tuple[int, int, str | None, str], list[Row]] = {}
        for row, block in zip(rows, blocks, strict=True):
            places.setdefault((block.line, block.column, block.attribute, block.text),
                              []).append(row)
        for finding in check_page(page, self.judge(), self.check_options, label):
            key = (finding.line, finding.column, finding.attribute, finding.text)
            for row in places.get(key, []):
                row.findings.append(finding)

