"""Where catalogs live: ``<directory>/<domain>.pot`` and
``<directory>/<locale>/LC_MESSAGES/<domain>.po`` (the tree gettext and Babel search)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from l10n.errors import InputError, MissingCatalogError, UsageError
from l10n.files import read_file
from l10n.locales import is_locale, parse_locale

if TYPE_CHECKING:
    from l10n.po import Catalog

__all__ = [
    "Parsed",
    "catalog_path",
    "check_domain",
    "check_locale",
    "existing_catalog",
    "existing_template",
    "find_locales",
    "locales_of",
    "parse_catalogs",
    "template_path",
]

# A domain is a name (chrome) or a path of names inside the tree (articles/<slug>).
_DOMAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")


def template_path(directory: str | os.PathLike[str], domain: str) -> Path:
    """``<directory>/<domain>.pot``."""
    return Path(directory) / f"{domain}.pot"


def catalog_path(directory: str | os.PathLike[str], locale: str, domain: str) -> Path:
    """``<directory>/<locale>/LC_MESSAGES/<domain>.po`` (``locale`` as given: ``pt_BR``)."""
    return Path(directory) / locale / "LC_MESSAGES" / f"{domain}.po"


def find_locales(directory: str | os.PathLike[str], domain: str | None = None) -> list[str]:
    """The locales under ``directory`` that have a catalog (of ``domain``, when given)."""
    found = []
    for child in sorted(_directory(directory).iterdir()):
        messages = child / "LC_MESSAGES"
        if not messages.is_dir() or not is_locale(child.name):
            continue
        if domain is None or (messages / f"{domain}.po").is_file():
            found.append(child.name)
    return found


def _directory(directory: str | os.PathLike[str]) -> Path:
    """``directory`` as a path; InputError when it is not a directory."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError("catalog directory not found", path=str(directory),
                         hint="run l10n extract and l10n init first, or pass -d")
    return root


def check_locale(locale: str) -> str:
    """``locale`` as given, after making sure CLDR knows it (UnknownLocaleError otherwise)."""
    parse_locale(locale)
    if os.sep in locale or "/" in locale:
        raise UsageError(f"not a locale: {locale!r}")
    return locale


def check_domain(domain: str) -> str:
    """``domain`` as given, after making sure it names a catalog inside the tree."""
    if domain.endswith((".po", ".pot")):
        stem = domain.rsplit(".", 1)[0]
        raise UsageError(f"not a catalog domain: {domain!r}", hint=f"drop the suffix: -D {stem}")
    if not _DOMAIN.fullmatch(domain):
        raise UsageError(f"not a catalog domain: {domain!r}",
                         hint="use a name such as chrome, places or articles/<slug>")
    return domain


def existing_catalog(directory: str | os.PathLike[str], locale: str, domain: str) -> Path:
    """The catalog of ``locale`` in ``domain``; MissingCatalogError when there is none."""
    path = catalog_path(directory, check_locale(locale), check_domain(domain))
    if not path.is_file():
        raise MissingCatalogError(f"no {domain} catalog for {locale}", path=str(path),
                                  hint=f"create it with: l10n init -l {locale} -D {domain}")
    return path


def locales_of(directory: str | os.PathLike[str], domain: str,
               locales: Sequence[str] = ()) -> list[str]:
    """``locales`` (each with a catalog of ``domain``), else every locale that has one."""
    _directory(directory)
    if locales:
        for locale in locales:
            existing_catalog(directory, locale, domain)
        return list(locales)
    found = find_locales(directory, check_domain(domain))
    if not found:
        raise MissingCatalogError(f"no {domain} catalog for any locale", path=str(directory),
                                  hint=f"create one with: l10n init -l LOCALE -D {domain}")
    return found


def existing_template(path: str | os.PathLike[str]) -> Path:
    """``path`` when it is a template file; InputError otherwise."""
    template = Path(path)
    if not template.is_file():
        raise InputError("template not found", path=str(template),
                         hint="run l10n extract first or pass -i")
    return template


class Parsed(NamedTuple):
    """A catalog file as read: its bytes, and the catalog parsed from them."""

    data: bytes
    catalog: Catalog


def parse_catalogs(paths: Iterable[str | os.PathLike[str]]) -> dict[str, Parsed]:
    """Read and parse every catalog, so that a malformed one stops a run before it writes;
    each by path, with the bytes it was parsed from (a job that reads the file again finds
    the parse still good when they are unchanged)."""
    from l10n.po import read_po

    parsed = {}
    for path in dict.fromkeys(paths):
        data = read_file(path, what="catalog")
        parsed[str(path)] = Parsed(data, read_po(data, path=str(path)))
    return parsed
