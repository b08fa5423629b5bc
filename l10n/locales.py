"""Locale codes: parsing (``pt-BR``, ``pt_BR``, ``zh-Hans``), language, script, direction, BCP 47.

Everything comes from CLDR through Babel: the script of a locale is its likely-subtags script
(``ja`` → ``Jpan``, ``sr`` → ``Cyrl``), the direction its character order.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from pathlib import PurePath

from l10n.errors import UnknownLocaleError

__all__ = [
    "bcp47",
    "direction",
    "language_of",
    "locale_from_path",
    "parse_locale",
    "script_of",
]

_SHAPE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}$")


def parse_locale(code: str) -> str:
    """The Babel identifier for ``code`` (``pt-BR`` → ``pt_BR``); raises UnknownLocaleError."""
    identifier = _identifier(code)
    if identifier is None:
        raise UnknownLocaleError(f"unknown locale {code!r}", hint=_suggest(code.strip()))
    return identifier


@functools.cache
def _identifier(code: str) -> str | None:
    """Only the code is parsed and the CLDR data file looked up, so this is cheap."""
    text = code.strip()
    if not _SHAPE.match(text):
        return None
    normalized = text.replace("-", "_")
    if _cldr_file(normalized):  # already the identifier Babel would give
        return normalized
    from babel.core import get_global, get_locale_identifier
    from babel.core import parse_locale as split
    from babel.localedata import exists

    try:
        parts = split(normalized)
    except ValueError:
        return None
    language, territory, script, variant = parts[:4]
    if exists(normalized):  # CLDR has this very locale: no alias to resolve, no global data
        return get_locale_identifier((language, territory, script, variant))
    language = get_global("language_aliases").get(language, language)
    identifier = get_locale_identifier((language, territory, script, variant))
    if not exists(identifier) and not exists(language):
        return None
    return identifier


def _cldr_file(name: str) -> bool:
    """Whether Babel ships CLDR data under exactly this name (its data files are named by
    their identifiers), looked up without importing Babel, which costs a command that only
    lists catalog folders more than the rest of its start-up."""
    return f"{name}.dat" in _cldr_files()


@functools.cache
def _cldr_files() -> frozenset[str]:
    """The names of Babel's CLDR data files, in their exact case (a case-insensitive file
    system would take "pt_br" for "pt_BR")."""
    spec = importlib.util.find_spec("babel")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return frozenset()
    try:
        return frozenset(os.listdir(os.path.join(folders[0], "locale-data")))
    except OSError:
        return frozenset()


def is_locale(code: str) -> bool:
    """True when ``code`` names a locale CLDR knows."""
    return _identifier(code) is not None


@functools.lru_cache(maxsize=1024)
def language_of(locale: str) -> str:
    """The language part: ``pt_BR`` → ``pt``, ``zh_Hans`` → ``zh``."""
    return re.split(r"[-_]", locale.strip(), maxsplit=1)[0].lower()


@functools.cache
def script_of(locale: str) -> str:
    """The ISO 15924 script a locale is written in: ``ru`` → ``Cyrl``, ``ja`` → ``Jpan``."""
    from babel.core import get_global
    from babel.core import parse_locale as split

    language, territory, script = split(parse_locale(locale))[:3]
    if script:
        return script
    likely = get_global("likely_subtags")
    for key in (f"{language}_{territory}" if territory else language, language):
        full = likely.get(key)
        if full:
            parts = full.split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                return parts[1]
    return "Latn"


@functools.cache
def direction(locale: str) -> str:
    """``rtl`` for right-to-left locales (ar, fa, he, ur...), else ``ltr``."""
    from babel import Locale

    return "rtl" if Locale.parse(parse_locale(locale)).text_direction == "rtl" else "ltr"


def bcp47(locale: str) -> str:
    """The BCP 47 tag for HTML ``lang`` (``zh_Hans`` → ``zh-Hans``, ``pt_BR`` → ``pt-BR``)."""
    return parse_locale(locale).replace("_", "-")


def locale_from_path(path: str) -> str | None:
    """A locale named by a directory of ``path`` (``build/de/page.html`` → ``de``), else None.

    The nearest directory wins; the file name itself is not considered. A directory names a
    locale only when CLDR has that very locale (``pt_BR``, ``zh-Hans``; not ``la-nacion``,
    a site's folder that merely starts with a language code).
    """
    for part in reversed(PurePath(path).parts[:-1]):
        if _SHAPE.match(part) and len(part) <= 10 and _exact_locale(part):
            return parse_locale(part)
    return None


@functools.cache
def _exact_locale(code: str) -> bool:
    from babel.localedata import exists

    identifier = _identifier(code)
    return identifier is not None and exists(identifier)


@functools.cache
def _known_codes() -> tuple[str, ...]:
    from babel.localedata import locale_identifiers

    return tuple(locale_identifiers())


def _suggest(code: str) -> str:
    import difflib  # only for the error message

    close = difflib.get_close_matches(code.replace("-", "_"), _known_codes(), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(close) + "?"
    return "use a CLDR locale code such as de, pt_BR or zh_Hans"
