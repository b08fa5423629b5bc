"""Readers: files to :class:`~l10n.page.Page`. They know formats; no job knows files.

:func:`read_page` reads one file, :func:`parse_page` reads bytes already in memory (standard
input, a WARC record), and :func:`read_site` reads several pages of one site, treating lines
that recur on two or more of them as chrome.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import replace

from l10n.errors import InputError, UsageError
from l10n.files import read_file
from l10n.page import Format, Page
from l10n.prose import collapse_space
from l10n.readers.decode import decode

__all__ = ["parse_page", "read_page", "read_site", "sniff_format"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_TEXT_SUFFIXES = {".txt", ".text"}


def read_page(
    path: str | os.PathLike[str],
    *,
    format: Format | str | None = None,
    locale: str | None = None,
    known_chrome: Collection[str] = (),
) -> Page:
    """Read the page at ``path`` (scraped text or HTML, sniffed when ``format`` is None).

    ``locale`` overrides the locale the page declares; ``known_chrome`` lists texts known to be
    chrome (e.g. the msgids of the site's catalogs).
    """
    name = os.fspath(path)
    data = read_file(name, what="page", directory_hint="give the page files inside it")
    return parse_page(data, path=name, format=format, locale=locale, known_chrome=known_chrome)


def parse_page(
    data: bytes | str,
    *,
    path: str = "<stdin>",
    format: Format | str | None = None,
    locale: str | None = None,
    known_chrome: Collection[str] = (),
    element_paths: bool = True,
) -> Page:
    """Read a page from bytes (decoded as :func:`~l10n.readers.decode.decode_page` says) or text.

    ``element_paths=False`` leaves HTML blocks' ``element`` unset: a check reports lines and
    columns, and only extraction and rendering need the paths (5% of reading a page).
    """
    decoded = decode(data, path) if isinstance(data, bytes) else None
    text = decoded.text if decoded is not None else data
    if not text.strip():
        raise InputError("empty page", path=path, hint="nothing to read; check the file")
    kind = _format(format, path, text)
    if kind is Format.HTML:
        from l10n.readers.html import read_html_page

        page = read_html_page(text, path, locale=locale, known_chrome=known_chrome,
                              element_paths=element_paths)
    else:
        from l10n.readers.text import read_text_page

        page = read_text_page(text, path, locale=locale, known_chrome=known_chrome)
    if decoded is None:
        return page
    return replace(page, meta=replace(page.meta, charset=decoded.charset,
                                      charset_problem=decoded.problem))


def read_site(
    paths: Iterable[str | os.PathLike[str]],
    *,
    locale: str | None = None,
    known_chrome: Collection[str] = (),
) -> list[Page]:
    """Read several pages of one site; lines that recur on two or more scraped-text pages of
    different articles (different headlines) are chrome."""
    names = [os.fspath(p) for p in paths]
    first = [read_page(n, locale=locale, known_chrome=known_chrome) for n in names]
    texts = [p for p in first if p.format is Format.TEXT]
    articles: dict[str | None, set[str]] = {}
    for page in texts:
        articles.setdefault(page.meta.title, set()).update(
            collapse_space(b.text) for b in page.blocks)
    counts: Counter[str] = Counter()
    for lines in articles.values():
        counts.update(lines)
    recurring = {text for text, n in counts.items() if n >= 2} - set(known_chrome)
    if not recurring:
        return first
    known = set(known_chrome) | recurring
    return [read_page(n, locale=locale, known_chrome=known) if page.format is Format.TEXT
            else page for n, page in zip(names, first, strict=True)]


def sniff_format(path: str, text: str) -> Format:
    """HTML by file suffix or by a leading doctype/``<html>``/``<body>``; text otherwise."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _HTML_SUFFIXES:
        return Format.HTML
    if suffix in _TEXT_SUFFIXES:
        return Format.TEXT
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return Format.HTML
    return Format.TEXT


def _format(format: Format | str | None, path: str, text: str) -> Format:
    if format is None:
        return sniff_format(path, text)
    try:
        return Format(str(format))
    except ValueError:
        choices = ", ".join(f.value for f in Format)
        raise UsageError(f"unknown page format {format!r}", hint=f"use one of: {choices}") from None
