"""Derived data kept between runs: the cache directory and its files.

Models and tables that take a while to build from installed data (word lists, n-gram arrays,
CLDR names) are kept in ``$L10N_CACHE_DIR``, else the XDG cache directory, each file named
after the size and time of the source it was built from, so that a new version of the source
makes a new name. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["cache_dir", "cache_file", "store"]


def cache_dir() -> Path:
    """Where l10n keeps derived data: ``$L10N_CACHE_DIR``, else the XDG cache directory."""
    explicit = os.environ.get("L10N_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "l10n"


def cache_file(name: str, source: Path, suffix: str) -> Path:
    """The cache file for data derived from ``source``, named after its size and time (a new
    version of the package makes a new name)."""
    stat = source.stat()
    return cache_dir() / f"{name}-{stat.st_size}-{int(stat.st_mtime)}{suffix}"


def store(cached: Path, data: bytes) -> bool:
    """Write a cache file (atomically) and remove versions of it made from an older source
    (an upgraded package). False when the cache directory cannot be written (read-only,
    full): the cache is then simply not used."""
    from l10n.errors import L10nError
    from l10n.files import write_atomic

    try:
        write_atomic(cached, data)
    except (OSError, L10nError):
        return False
    # Only versions made from an older source: two installs side by side keep theirs.
    name, _, stamp = cached.stem.rsplit("-", 2)
    for older in cached.parent.glob(f"{name}-*-*{cached.suffix}"):
        parts = older.stem.rsplit("-", 2)
        if parts[0] == name and parts[2].isdecimal() and int(parts[2]) < int(stamp):
            with contextlib.suppress(OSError):
                older.unlink()
    return True
