"""The files the preview may read: the pages it was given and the catalogs directory.

:func:`discover_pages` lists the pages under the paths given (files, or directories walked
recursively); :func:`resolve_inside` turns a path taken from a URL into a file inside one root
or None, refusing ``..``, empty and dot segments, backslashes, drive letters, NUL and symlinks
that lead out of the root. :func:`stamp` is the cache key of a set of files (size and mtime),
so an edited ``.po`` is read again on the next request.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import InputError

__all__ = ["PAGE_SUFFIXES", "PageRef", "Stamp", "discover_pages", "resolve_inside", "stamp"]

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".txt"})
Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True, slots=True)
class PageRef:
    """One page of the preview: its number, the path as given, and the root it lies in."""

    number: int
    path: str
    root: str

    @property
    def slug(self) -> str:
        """The file stem: the name of the page's article catalog (``articles/<slug>.po``)."""
        return Path(self.path).stem

    @property
    def name(self) -> str:
        return Path(self.path).name


def discover_pages(paths: Sequence[str | os.PathLike[str]]) -> list[PageRef]:
    """The pages under ``paths`` in the order given (directories sorted, recursively)."""
    found: list[tuple[str, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend((str(p), str(path)) for p in _walk(path))
        elif path.is_file():
            found.append((str(path), str(path.parent)))
        else:
            raise InputError("no such file or directory", path=str(given), hint="check the path")
    seen: set[str] = set()
    pages = []
    for name, root in found:
        key = os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            pages.append(PageRef(len(pages), name, root))
    return pages


def _walk(directory: Path) -> Iterable[Path]:
    root = directory.resolve()
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            candidate = Path(current) / name
            if name.startswith(".") or candidate.suffix.lower() not in PAGE_SUFFIXES:
                continue
            if candidate.resolve().is_relative_to(root):  # no symlink out of the directory
                yield candidate


def resolve_inside(root: str | os.PathLike[str], relative: str,
                   suffixes: frozenset[str] | None = None) -> Path | None:
    """The regular file ``relative`` (``/``-separated, from a URL) names inside ``root``, or
    None when the name is malformed, missing, of another suffix, or leads outside ``root``."""
    if not relative or "\\" in relative or "\x00" in relative or ":" in relative:
        return None
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    base = Path(root).resolve()
    try:
        target = base.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(base) or not target.is_file():
        return None
    if suffixes is not None and target.suffix.lower() not in suffixes:
        return None
    return target


def stamp(paths: Iterable[str | os.PathLike[str]]) -> Stamp:
    """(path, mtime in ns, size) of each path; (path, -1, -1) when it does not exist."""
    out = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            out.append((str(path), -1, -1))
        else:
            out.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(out)
