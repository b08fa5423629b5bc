"""Project configuration: the ``[tool.l10n]`` table of the nearest ``pyproject.toml``.

```toml
[tool.l10n]
source-locale = "en"            # the language pages are written in first
locales = ["de", "ru", "ar"]    # the site's editions (language candidates for detection)
locale = "en"                   # the locale of pages that declare none
catalogs = "locales"            # where <lang>/LC_MESSAGES/*.po live
allow = ["Sputnik", "RIA"]      # terms that are never language evidence
include = ["*.html", "*.txt"]   # files `check` reads in directories
exclude = ["vendor/*"]
[tool.l10n.severity]            # per kind: "error", "warning" or "off"
wrong-language = "warning"
```
Command-line options override these; lists such as ``allow`` are merged.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n.errors import UsageError

__all__ = ["Config", "find_config", "load_config"]

_KEYS = {"source-locale", "locales", "locale", "catalogs", "allow", "include", "exclude",
         "severity", "dateline-styles", "pages", "directory", "domain", "dateline-style"}


@dataclass(frozen=True, slots=True)
class Config:
    """``[tool.l10n]`` as typed values (``path`` is the file it came from, if any)."""

    path: str | None = None
    source_locale: str | None = None
    locales: tuple[str, ...] = ()
    locale: str | None = None
    catalogs: str | None = None
    allow: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest ``pyproject.toml`` with a ``[tool.l10n]`` table, from ``start`` upwards."""
    here = Path(start or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "l10n" in data.get("tool", {}):
                return candidate
    return None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read ``[tool.l10n]`` from ``path`` (default: :func:`find_config`); empty when none."""
    found = Path(path) if path is not None else find_config()
    if found is None:
        return Config()
    name = str(found)
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", path=name) from None
    table = data.get("tool", {}).get("l10n", {})
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise UsageError(f"unknown [tool.l10n] key {unknown[0]!r}", path=name,
                         hint="known keys: " + ", ".join(sorted(_KEYS)))
    base = found.parent

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"[tool.l10n] {key} must be a list of strings", path=name)
        return tuple(value)

    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise UsageError("[tool.l10n] severity must be a table", path=name)
    catalogs = table.get("catalogs")
    return Config(
        path=name,
        source_locale=table.get("source-locale"),
        locales=strings("locales"),
        locale=table.get("locale"),
        catalogs=str(base / catalogs) if isinstance(catalogs, str) else None,
        allow=strings("allow"),
        include=strings("include"),
        exclude=strings("exclude"),
        severity={str(k): str(v) for k, v in severity.items()},
        extra={k: v for k, v in table.items() if k in ("dateline-styles", "pages", "directory",
                                                         "domain", "dateline-style")},
    )
