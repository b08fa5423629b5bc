"""Which page of an edition is the twin of which source page.

* A SOURCE page and TARGET pages: each target is an edition of the source.
* A SOURCE page or directory and TARGET directories: the twin of a source page in a target
  tree is, in this order, the page a ``--pairs`` file names for it; the page one of its
  ``hreflang`` alternates (``<link rel=alternate hreflang>``, or a link of its language
  switcher) points to, the URL resolved against the source page's file, else matched by
  the longest tail of its path; the page at the same relative path.
* A pairs file holds one pair a line, ``SOURCE TARGET`` (whitespace between; ``#`` starts a
  comment), paths relative to the file's own directory; it serves sites whose editions'
  URLs differ (``/news/x.html`` and ``/nachrichten/y.html``).
"""

from __future__ import annotations

import os
import posixpath
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from l10n.errors import InputError

__all__ = ["Twin", "alternate_links", "find_twins", "page_files", "read_pairs"]

_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class Twin:
    """A source page and one edition of it; ``root`` is the TARGET the edition was found
    under (a directory, or the page itself)."""

    source: str
    target: str
    root: str


def page_files(path: str) -> list[str]:
    """``path`` when it is a page, else the HTML pages under it (sorted)."""
    root = Path(path)
    if root.is_dir():
        return sorted(str(p) for p in root.rglob("*") if p.is_file()
                      and p.suffix.lower() in _PAGE_SUFFIXES)
    if not root.exists():
        raise InputError("no such file or directory", path=path, hint="check the path")
    if root.suffix.lower() not in _PAGE_SUFFIXES:
        raise InputError("not an HTML page: align pairs pages by their markup", path=path,
                         hint="give HTML pages (.html, .htm, .xhtml) or directories of them")
    return [path]


def read_pairs(path: str) -> list[tuple[str, str]]:
    """The (source, target) pairs of a pairs file (see the module docstring)."""
    from l10n.files import read_file

    data = read_file(path, what="pairs file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=path, hint="save the pairs file as UTF-8") \
            from None
    base = Path(path).parent
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        try:
            fields = shlex.split(line, comments=True)
        except ValueError as exc:
            raise InputError(f"cannot read this line: {exc}", path=path, line=number,
                             hint="write SOURCE TARGET, quoting paths with spaces") from None
        if not fields:
            continue
        if len(fields) != 2:
            raise InputError(f"{len(fields)} paths on the line, not 2", path=path, line=number,
                             hint="write SOURCE TARGET, quoting paths with spaces")
        pairs.append((os.path.normpath(base / fields[0]), os.path.normpath(base / fields[1])))
    return pairs


def alternate_links(root: etree._Element) -> list[tuple[str, str]]:
    """(hreflang, href) of a page's ``<link rel=alternate hreflang>`` and ``<a hreflang>``."""
    found = []
    for element in root.iter("link", "a"):
        lang, href = element.get("hreflang"), element.get("href")
        if not lang or not href:
            continue
        if element.tag == "link" and "alternate" not in (element.get("rel") or "").split():
            continue
        found.append((lang, href))
    return found


def _url_path(href: str, source: str) -> tuple[str, bool]:
    """The path an alternate's URL names, and whether it is a file path (relative to the
    source page) rather than a site's URL."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if path.endswith("/") or not path:
        path += "index.html"
    if parts.scheme or parts.netloc or path.startswith("/"):
        return path, False
    return os.path.normpath(os.path.join(os.path.dirname(source), path)), True


def _in_tree(path: str, files: dict[str, str]) -> str | None:
    """The file of ``files`` (normalized path → path) that ``path`` is, if any."""
    return files.get(os.path.normpath(os.path.abspath(path)))


def _by_tail(path: str, tails: dict[tuple[str, ...], list[str]], depth: int) -> str | None:
    """The one file whose path ends with the longest tail of ``path``'s segments."""
    segments = tuple(s for s in posixpath.normpath(path).split("/") if s not in ("", "."))
    for size in range(min(len(segments), depth), 0, -1):
        found = tails.get(segments[-size:])
        if found is not None:
            return found[0] if len(found) == 1 else None
    return None


def find_twins(
    sources: Sequence[str],
    targets: Sequence[str],
    *,
    alternates: dict[str, list[tuple[str, str]]],
    pairs: Iterable[tuple[str, str]] = (),
    source_root: str | None = None,
) -> tuple[list[Twin], list[tuple[str, str]]]:
    """(the twins found, the (source, target) left without one).

    ``sources`` are the source pages, ``alternates`` their :func:`alternate_links`,
    ``targets`` the TARGET arguments (pages or directories); ``source_root`` is the SOURCE
    directory, for the same-relative-path rule.
    """
    named = {os.path.normpath(os.path.abspath(s)): os.path.abspath(t) for s, t in pairs}
    twins: list[Twin] = []
    missing: list[tuple[str, str]] = []
    for target in targets:
        if not Path(target).is_dir():
            twins.extend(Twin(source, target, target) for source in sources)
            continue
        files = {os.path.normpath(os.path.abspath(f)): f for f in page_files(target)}
        tails: dict[tuple[str, ...], list[str]] = {}
        depth = 0
        for name in files.values():
            segments = tuple(Path(os.path.relpath(name, target)).parts)
            depth = max(depth, len(segments))
            for size in range(1, len(segments) + 1):
                tails.setdefault(segments[-size:], []).append(name)
        for source in sources:
            found = _twin_in(source, files, tails, depth, named, alternates.get(source, []),
                             target, source_root)
            if found is None:
                missing.append((source, target))
            else:
                twins.append(Twin(source, found, target))
    return twins, missing


def _twin_in(source: str, files: dict[str, str], tails: dict[tuple[str, ...], list[str]],
             depth: int, named: dict[str, str], links: list[tuple[str, str]], target: str,
             source_root: str | None) -> str | None:
    """The twin of ``source`` among ``files`` (one TARGET directory), or None."""
    listed = named.get(os.path.normpath(os.path.abspath(source)))
    if listed is not None:
        found = _in_tree(listed, files)
        if found is not None:
            return found
    for _, href in links:
        path, is_file = _url_path(href, source)
        if is_file:
            found = _in_tree(path, files)
            if found is not None:
                return found
            continue
        found = _by_tail(path, tails, depth)
        if found is not None:
            return found
    if source_root is not None:
        relative = os.path.relpath(source, source_root)
        return _in_tree(os.path.join(target, relative), files)
    return _in_tree(os.path.join(target, os.path.basename(source)), files)
