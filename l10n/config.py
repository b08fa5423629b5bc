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
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n.check.finding import Kind
from l10n.errors import UsageError
from l10n.locales import parse_locale

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
            tool = _read_toml(candidate).get("tool")
            if isinstance(tool, dict) and "l10n" in tool:
                return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; bad UTF-8 or TOML is a UsageError naming ``path:line``."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror}", path=name) from None
    try:
        text = data.decode("utf-8")
        return tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise UsageError("not valid UTF-8", path=name, line=data.count(b"\n", 0, exc.start) + 1,
                         hint="save the file as UTF-8 (TOML requires it)") from None
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        line = None
        if where is not None:
            line = int(where[1]) if where[1] else text.rstrip("\n").count("\n") + 1
        raise UsageError(f"invalid TOML: {_TOML_WHERE.sub('', str(exc)).strip()}", path=name,
                         line=line, hint="fix the syntax (https://toml.io)") from None


_TOML_WHERE = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)")


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read ``[tool.l10n]`` from ``path`` (default: :func:`find_config`); empty when none."""
    found = Path(path) if path is not None else find_config()
    if found is None:
        return Config()
    name = str(found)
    tool = _read_toml(found).get("tool", {})
    table = tool.get("l10n", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise UsageError("[tool.l10n] must be a table", path=name,
                         line=_line_of(found, "tool") or _line_of(found, "l10n"),
                         hint='write it as a section: [tool.l10n] then key = "value" lines')
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise UsageError(f"unknown [tool.l10n] key {unknown[0]!r}", path=name,
                         hint="known keys: " + ", ".join(sorted(_KEYS)))
    base = found.parent

    def fail(key: str, message: str, hint: str | None = None, *, at: str = "") -> UsageError:
        line = _line_of(found, at) if at else None
        return UsageError(f"[tool.l10n] {key} {message}", path=name,
                          line=line or _line_of(found, key), hint=hint)

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings", f'e.g. {key} = ["..."]')
        return tuple(value)

    def string(key: str) -> str | None:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(key, f"must be a string, not {_toml_type(value)}", f'e.g. {key} = "..."')
        return value

    def locale(key: str, code: str) -> str:
        try:
            parse_locale(code)
        except UsageError as exc:
            raise fail(key, f"names an {exc.message}", exc.hint) from None
        return code

    for key in ("source-locale", "locale", "catalogs", "directory", "domain", "dateline-style"):
        string(key)
    strings("pages")
    for key in ("source-locale", "locale"):
        if key in table:
            locale(key, table[key])
    locales = tuple(locale("locales", code) for code in strings("locales"))
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise fail("severity", "must be a table",
                   'e.g. [tool.l10n.severity] then wrong-language = "warning"')
    kinds = {str(kind) for kind in Kind}
    for kind, level in severity.items():
        if kind not in kinds:
            raise fail("severity", f"names an unknown finding kind {kind!r}",
                       "kinds: " + ", ".join(sorted(kinds)), at=kind)
        if level not in ("error", "warning", "off"):
            raise fail("severity", f"sets {kind} to {level!r}", 'use "error", "warning" or "off"',
                       at=kind)
    styles = table.get("dateline-styles")
    if styles is not None:
        from l10n.dateline_styles import load_styles

        try:
            load_styles(styles)
        except UsageError as exc:
            exc.path, exc.line = name, _line_of(found, "dateline-styles")
            raise
    catalogs = table.get("catalogs")
    return Config(
        path=name,
        source_locale=table.get("source-locale"),
        locales=locales,
        locale=table.get("locale"),
        catalogs=str(base / catalogs) if isinstance(catalogs, str) else None,
        allow=strings("allow"),
        include=strings("include"),
        exclude=strings("exclude"),
        severity={str(k): str(v) for k, v in severity.items()},
        extra={k: v for k, v in table.items() if k in ("dateline-styles", "pages", "directory",
                                                         "domain", "dateline-style")},
    )


def _line_of(path: Path, key: str) -> int | None:
    """The first line that sets ``key`` (``key =`` or a ``[...key]`` header), if any."""
    name = re.escape(key)
    pattern = re.compile(rf"""^\s*(?:["']?{name}["']?\s*=|\[[^\]]*\b{name}\b)""")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, text in enumerate(lines, 1) if pattern.match(text)), None)


def _toml_type(value: object) -> str:
    """The TOML name of a parsed value's type."""
    names = {bool: "a boolean", int: "an integer", float: "a float", list: "an array",
             dict: "a table"}
    return names.get(type(value), type(value).__name__)
