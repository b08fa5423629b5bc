"""Errors that reach the user as one line, ``path:line: message``, and exit code 2.

Every problem with what the user gave (a file, an option, a catalog) is an :class:`L10nError`;
the command line prints ``str(error)`` and exits with :attr:`L10nError.exit_code`, never a
traceback. Anything else escaping is a bug.

    L10nError
    ├── InputError            a page or file that cannot be read
    ├── CatalogError          a malformed .po/.pot/.mo
    ├── UsageError            an option value that makes no sense
    │   └── UnknownLocaleError
    └── MissingCatalogError   a locale asked for with no catalog on disk
"""

from __future__ import annotations

__all__ = [
    "CatalogError",
    "InputError",
    "L10nError",
    "MissingCatalogError",
    "UnknownLocaleError",
    "UsageError",
]


class L10nError(Exception):
    """A user-facing error naming where (``path``, ``line``) and what to do (``hint``)."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f"; {self.hint}"
        return " ".join(text.split("\n"))


class InputError(L10nError):
    """A page or other input file that is missing, unreadable, empty or not decodable."""


class CatalogError(L10nError):
    """A malformed gettext catalog."""


class UsageError(L10nError):
    """An option or argument value that cannot be used."""


class UnknownLocaleError(UsageError):
    """A locale code that CLDR does not know."""


class MissingCatalogError(L10nError):
    """A locale was requested but its catalog file does not exist."""
