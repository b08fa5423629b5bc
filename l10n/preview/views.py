"""The preview's own HTML: the index, the toolbar over a rendered page, the side-by-side table,
a catalog with line anchors and error pages.

Every text that comes from a page, a catalog, a file name or an error goes through
:func:`html.escape` (attribute values included); the toolbar is parsed from such escaped
markup into lxml elements before it is put into a rendered page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from html import escape
from typing import Any

import lxml.html
from lxml import etree

from l10n.locales import bcp47, direction
from l10n.preview.annotate import Annotation, catalog_href
from l10n.preview.files import PageRef
from l10n.preview.site import SOURCE, Cell, Rendered, Row, Site

__all__ = [
    "catalog_page",
    "error_page",
    "index_page",
    "locale_name",
    "note_text",
    "side_page",
    "toolbar",
    "view_label",
]

_HEAD = ('<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
         '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
         '<title>{title}</title>\n<link rel="stylesheet" href="/static/preview.css">\n'
         '<script src="/static/preview.js" defer></script>\n</head>\n'
         '<body class="l10n-preview-app">\n')
_TAIL = "</body>\n</html>\n"


def _page(title: str, body: str) -> str:
    return _HEAD.format(title=escape(title)) + body + _TAIL


@functools.cache
def locale_name(locale: str) -> str:
    """``German`` for ``de`` (CLDR's English name), the code itself when unknown."""
    from babel import Locale

    try:
        return Locale.parse(locale).get_display_name("en") or locale
    except Exception:  # noqa: BLE001 - a directory name CLDR half knows: show it as it is
        return locale


def _direction(locale: str) -> str:
    try:
        return direction(locale)
    except Exception:  # noqa: BLE001 - as above; its cells show the error
        return "ltr"


def view_label(site: Site, view: str) -> str:
    if view == SOURCE:
        return "source"
    if view == site.pseudo_locale:
        return f"{view} · pseudo"
    return f"{view} · {locale_name(view)}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


# -- the index -------------------------------------------------------------------------------

def index_page(site: Site, locales: Sequence[str], cells: dict[tuple[int, str], Cell], *,
               editions: bool = False) -> str:
    """Pages × locales with completion figures; leak counts are filled in by the script.
    ``editions``: each page links to its editions view too (``preview --editions``)."""
    head = ['<th scope="col">page</th>', '<th scope="col" data-locale="source">source</th>']
    for locale in locales:
        rtl = ' <span class="rtl" title="right to left">rtl</span>' \
            if _direction(locale) == "rtl" else ""
        head.append(f'<th scope="col" data-locale="{escape(locale)}" '
                    f'title="{escape(locale_name(locale))}">{escape(locale)}{rtl}</th>')
    rows = []
    for ref in site.pages:
        aligned = (f' <a class="editions" href="/align/{ref.number}">editions</a>'
                   if editions else "")
        cols = [f'<th scope="row"><a href="/source/{ref.number}" title="{escape(ref.path)}">'
                f'{escape(ref.name)}</a>{aligned}</th>', _source_cell(ref)]
        cols.extend(_cell(ref, locale, cells[(ref.number, locale)]) for locale in locales)
        rows.append(f'<tr data-page="{ref.number}">{"".join(cols)}</tr>')
    body = (f'<header class="l10n-app-header"><h1>l10n preview</h1><p>{len(site.pages)} pages, '
            f'{len(locales)} locales in <code>{escape(site.catalogs)}</code>. Each cell: chrome '
            f'and article translated, then leaks found by <code>l10n check</code> in the '
            f'rendered page.</p></header>\n<table id="l10n-index">\n<thead><tr>{"".join(head)}'
            f'</tr></thead>\n<tbody>\n' + "\n".join(rows) + '\n</tbody>\n</table>\n')
    return _page("l10n preview", body)


def _leaks(ref: PageRef, view: str) -> str:
    return (f'<span class="leaks" data-leaks="/leaks/{ref.number}/{escape(view)}">…</span>')


def _source_cell(ref: PageRef) -> str:
    return (f'<td data-locale="source"><a href="/page/{ref.number}/{SOURCE}">view</a> '
            f'{_leaks(ref, SOURCE)}</td>')


def _cell(ref: PageRef, locale: str, cell: Cell) -> str:
    link = f"/page/{ref.number}/{escape(locale)}"
    if cell.error is not None:
        return (f'<td data-locale="{escape(locale)}" class="error">'
                f'<a href="{link}" title="{escape(cell.error)}">error</a></td>')
    return (f'<td data-locale="{escape(locale)}"><a href="{link}" class="figures" '
            f'title="chrome {_percent(cell.chrome)} translated, article '
            f'{_percent(cell.article)} translated"><span class="chrome">'
            f'{_percent(cell.chrome)}</span> <span class="article">{_percent(cell.article)}'
            f'</span></a> <a class="side" href="/side/{ref.number}/{escape(locale)}" '
            f'title="side by side">⇆</a> {_leaks(ref, locale)}</td>')


# -- the toolbar over a rendered page ------------------------------------------------------

def toolbar(site: Site, ref: PageRef, view: str, rendered: Rendered, annotation: Annotation,
            *, overlay: bool) -> list[etree._Element]:
    """The preview's bar (locale switcher, overlay and pseudo toggles, side-by-side link,
    summary, findings panel) and the tooltip element, as lxml elements."""
    options = "".join(
        f'<option value="/page/{ref.number}/{escape(v)}"'
        f'{" selected" if v == view else ""}>{escape(view_label(site, v))}</option>'
        for v in site.views())
    pseudo_on = view == site.pseudo_locale
    pseudo_href = f"/page/{ref.number}/{SOURCE if pseudo_on else escape(site.pseudo_locale)}"
    bar = (
        '<div id="l10n-preview-bar" dir="ltr" lang="en" translate="no">'
        '<a class="l10n-home" href="/">l10n preview</a> '
        f'<span class="l10n-page" title="{escape(ref.path)}">{escape(ref.name)}</span> '
        '<label>locale <select id="l10n-preview-locale">'
        f'{options}</select></label> '
        f'<button type="button" id="l10n-preview-overlay" aria-pressed="'
        f'{"true" if overlay else "false"}">overlay</button> '
        f'<a id="l10n-preview-pseudo" class="toggle" aria-pressed="'
        f'{"true" if pseudo_on else "false"}" href="{pseudo_href}">pseudo</a> '
        f'<a id="l10n-preview-side" href="/side/{ref.number}/{escape(view)}">side by side</a> '
        f'<span id="l10n-preview-summary">{escape(_summary(view, rendered, annotation))}'
        f'</span>{_panel(annotation)}</div>'
    )
    tip = '<div id="l10n-preview-tip" dir="ltr" lang="en" translate="no" hidden></div>'
    return [lxml.html.fragment_fromstring(bar), lxml.html.fragment_fromstring(tip)]


def _summary(view: str, rendered: Rendered, annotation: Annotation) -> str:
    parts = []
    if view != SOURCE and not rendered.pseudo:
        parts += [f"chrome {_percent(rendered.report.chrome_percent)}",
                  f"article {_percent(rendered.report.article_percent)}"]
    findings = annotation.findings
    parts.append(f"{findings} finding{'s' if findings != 1 else ''}")
    parts.append(f"{annotation.untranslated} untranslated")
    return " · ".join(parts)


def _panel(annotation: Annotation) -> str:
    if not annotation.items:
        return ""
    items = "".join(f'<li class="{escape(note["type"])}" data-target="{escape(ident)}">'
                    f'{escape(note_text(note))}</li>' for ident, note in annotation.items)
    return (f'<details id="l10n-preview-panel"><summary>list</summary>'
            f'<ol>{items}</ol></details>')


def note_text(note: dict[str, Any]) -> str:
    """One line for a note (the panel and the side-by-side table)."""
    where = f" [{note['attribute']}]" if note.get("attribute") else ""
    if note["type"] == "finding":
        return (f"{note['kind']} ({note['severity']}, {note['evidence']}): "
                f"“{note['text']}”{where} — {note['message']}")
    if note["type"] == "untranslated":
        return f"untranslated ({note['reason']}): “{note['text']}”{where}"
    context = f"{note['msgctxt']} · " if note.get("msgctxt") else ""
    place = f" — {note['po']}:{note['line']}" if note.get("po") else " — not in a catalog"
    return f"{note['domain']}: {context}“{note['msgid']}”{place}"


# -- side by side ----------------------------------------------------------------------------

def side_page(site: Site, ref: PageRef, view: str, target: str, rows: Sequence[Row]) -> str:
    """Source and target block by block, one table row each."""
    source_lang = bcp47(site.source_locale) if view != SOURCE else bcp47(target)
    tag = escape(view if view == site.pseudo_locale else bcp47(target))
    tdir = _direction(target)
    options = "".join(
        f'<option value="/side/{ref.number}/{escape(v)}"'
        f'{" selected" if v == view else ""}>{escape(view_label(site, v))}</option>'
        for v in site.views())
    body_rows = "\n".join(_side_row(site, row, source_lang, tag, tdir) for row in rows)
    body = (
        f'<header class="l10n-app-header"><a class="l10n-home" href="/">l10n preview</a> '
        f'<span class="l10n-page" title="{escape(ref.path)}">{escape(ref.name)}</span> '
        f'<label>locale <select id="l10n-preview-locale">{options}</select></label> '
        f'<a href="/page/{ref.number}/{escape(view)}">page view</a></header>\n'
        f'<table id="l10n-side"><thead><tr><th>line</th><th>role</th>'
        f'<th>source</th><th>{escape(view_label(site, view))}</th><th>catalog / check</th>'
        f'</tr></thead>\n<tbody>\n{body_rows}\n</tbody></table>\n')
    return _page(f"{ref.name} — side by side — {view}", body)


def _side_row(site: Site, row: Row, source_lang: str, tag: str, tdir: str) -> str:
    block, piece = row.block, row.piece
    role = str(block.role) + (f" · {block.context}" if block.context else "") + \
        (f" [{block.attribute}]" if block.attribute else "")
    state = []
    notes = []
    if piece is not None and piece.entry is not None:
        if not piece.translated:
            state.append("untranslated")
            notes.append('<span class="untranslated">untranslated</span> ' + _entry(site, row))
        else:
            notes.append(_entry(site, row))
    for finding in row.findings:
        state.append("finding")
        notes.append(f'<span class="finding" title="{escape(finding.message)}">'
                     f'{escape(str(finding.kind))}</span> ({escape(str(finding.evidence))}): '
                     f'{escape(finding.message)}')
    lang = f' lang="{escape(piece.lang)}"' if piece is not None and piece.lang else \
        f' lang="{tag}"'
    target_dir = f' dir="{escape(piece.dir)}"' if piece is not None and piece.dir else \
        f' dir="{tdir}"'
    classes = f' class="{" ".join(sorted(set(state)))}"' if state else ""
    return (f'<tr{classes} data-line="{block.line}"><td>{block.line}</td>'
            f'<td>{escape(role)}</td><td lang="{escape(source_lang)}" dir="auto">'
            f'{escape(block.text)}</td><td{lang}{target_dir}>{escape(row.target)}</td>'
            f'<td>{"<br>".join(notes)}</td></tr>')


def _entry(site: Site, row: Row) -> str:
    """``chrome · footer`` linked to the entry in its catalog (or "no catalog entry")."""
    assert row.piece is not None and row.piece.entry is not None
    domain, msgctxt, _ = row.piece.entry
    label = escape(domain + (f" · {msgctxt}" if msgctxt else ""))
    if row.where is None:
        return f'<span class="entry">{label}</span> (no catalog entry)'
    path, line = row.where
    href = catalog_href(path, line, site.catalogs)
    place = escape(f"{path}:{line}")
    link = f'<a href="{escape(href)}">{place}</a>' if href else place
    return f'<span class="entry">{label}</span> {link}'


# -- files and errors ------------------------------------------------------------------------

def catalog_page(name: str, text: str) -> str:
    """A catalog with one anchor per line (``#L12``)."""
    lines = "".join(f'<li id="L{number}">{escape(line)}</li>'
                    for number, line in enumerate(text.splitlines(), 1))
    body = (f'<header class="l10n-app-header"><a class="l10n-home" href="/">l10n preview</a> '
            f'<code>{escape(name)}</code></header>\n<ol class="l10n-po">{lines}</ol>\n')
    return _page(name, body)


def error_page(status: str, message: str) -> str:
    body = (f'<header class="l10n-app-header"><a class="l10n-home" href="/">l10n preview</a>'
            f'</header>\n<h1>{escape(status)}</h1>\n<p class="error">{escape(message)}</p>\n')
    return _page(status, body)

