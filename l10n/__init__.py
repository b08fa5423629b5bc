"""l10n: localize news article pages (find leaked strings, extract chrome, rebuild pages).

The public API is what ``__all__`` lists; everything else is internal.
"""

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
    "CatalogError",
    "Dateline",
    "Format",
    "InputError",
    "L10nError",
    "Location",
    "MissingCatalogError",
    "Page",
    "PageMeta",
    "Role",
    "UnknownLocaleError",
    "UsageError",
    "__version__",
    "parse_dateline",
    "parse_page",
    "read_page",
    "read_site",
    "split_dateline",
]
