"""l10n: localize news article pages (find leaked strings, extract chrome, rebuild pages).

The public API is what ``__all__`` lists; everything else is internal.
"""

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

__version__ = "0.1.0"

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
