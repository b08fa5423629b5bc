"""l10n: localize news article pages (find leaked strings, extract chrome, rebuild pages).

The public API is what ``__all__`` lists; everything else is internal. Each name is imported
from its module on first use, so ``import l10n`` (which every ``l10n.*`` import runs first)
loads nothing else: a command imports only what it uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from l10n.version import __version__

if TYPE_CHECKING:
    from l10n.check.finding import CatalogEntry, Evidence, Finding, Kind, Severity
    from l10n.check.run import CheckOptions, CheckReport, check_page, check_paths
    from l10n.dateline import Dateline, parse_dateline, split_dateline
    from l10n.errors import (
        CatalogError,
        InputError,
        L10nError,
        MissingCatalogError,
        UnknownLocaleError,
        UsageError,
    )
    from l10n.page import Block, Format, Location, Page, PageMeta, Role
    from l10n.readers import parse_page, read_page, read_site

__all__ = [
    "Block",
    "CatalogEntry",
    "CatalogError",
    "CheckOptions",
    "CheckReport",
    "Dateline",
    "Evidence",
    "Finding",
    "Format",
    "InputError",
    "Kind",
    "L10nError",
    "Location",
    "MissingCatalogError",
    "Page",
    "PageMeta",
    "Role",
    "Severity",
    "UnknownLocaleError",
    "UsageError",
    "__version__",
    "check_page",
    "check_paths",
    "parse_dateline",
    "parse_page",
    "read_page",
    "read_site",
    "split_dateline",
]

# The module each public name comes from.
_HOMES = {
    **dict.fromkeys(("CatalogEntry", "Evidence", "Finding", "Kind", "Severity"),
                    "l10n.check.finding"),
    **dict.fromkeys(("CheckOptions", "CheckReport", "check_page", "check_paths"),
                    "l10n.check.run"),
    **dict.fromkeys(("Dateline", "parse_dateline", "split_dateline"), "l10n.dateline"),
    **dict.fromkeys(("CatalogError", "InputError", "L10nError", "MissingCatalogError",
                     "UnknownLocaleError", "UsageError"), "l10n.errors"),
    **dict.fromkeys(("Block", "Format", "Location", "Page", "PageMeta", "Role"), "l10n.page"),
    **dict.fromkeys(("parse_page", "read_page", "read_site"), "l10n.readers"),
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'l10n' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
