"""Where catalogs live: ``<directory>/<domain>.pot`` and
``<directory>/<locale>/LC_MESSAGES/<domain>.po`` (the tree gettext and Babel search)."""

from __future__ import annotations

import os
from pathlib import Path

from l10n.errors import InputError, UsageError
from l10n.locales import is_locale, parse_locale

__all__ = ["catalog_path", "find_locales", "template_path"]


def template_path(directory: str | os.PathLike[str], domain: str) -> Path:
    """``<directory>/<domain>.pot``."""
    return Path(directory) / f"{domain}.pot"


def catalog_path(directory: str | os.PathLike[str], locale: str, domain: str) -> Path:
    """``<directory>/<locale>/LC_MESSAGES/<domain>.po`` (``locale`` as given: ``pt_BR``)."""
    return Path(directory) / locale / "LC_MESSAGES" / f"{domain}.po"


def find_locales(directory: str | os.PathLike[str], domain: str | None = None) -> list[str]:
    """The locales under ``directory`` that have a catalog (of ``domain``, when given)."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError("catalog directory not found", path=str(directory),
                         hint="run l10n extract and l10n init first, or pass -d")
    found = []
    for child in sorted(root.iterdir()):
        messages = child / "LC_MESSAGES"
        if not messages.is_dir() or not is_locale(child.name):
            continue
        if domain is None or (messages / f"{domain}.po").is_file():
            found.append(child.name)
    return found


def check_locale(locale: str) -> str:
    """``locale`` as given, after making sure CLDR knows it (UnknownLocaleError otherwise)."""
    parse_locale(locale)
    if os.sep in locale or "/" in locale:
        raise UsageError(f"not a locale: {locale!r}")
    return locale
