"""A locale's catalogs, loaded for rendering: from the ``.po`` (parsed in memory, so a fresh
clone renders without a compile step) or from a ``.mo`` newer than its ``.po``.

Babel's ``Translations.load`` returns an empty catalog when a file is missing; here a locale
asked for with no chrome catalog is a :class:`~l10n.errors.MissingCatalogError` naming the
file, so a forgotten catalog never looks like a successful render.
"""

from __future__ import annotations

import gettext
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

from l10n.catalogs.layout import catalog_path
from l10n.errors import CatalogError, MissingCatalogError
from l10n.po import read_po

__all__ = ["Translations", "load_translations"]


@dataclass
class _Domain:
    """One catalog: msgctxt + msgid → translation(s), and the plural rule."""

    path: str
    singular: dict[tuple[str | None, str], str] = field(default_factory=dict)
    plurals: dict[tuple[str | None, str], tuple[str, ...]] = field(default_factory=dict)
    plural_rule: object = None
    lines: dict[tuple[str | None, str], int] = field(default_factory=dict)

    def plural_index(self, n: int) -> int:
        rule = self.plural_rule
        return int(rule(n)) if callable(rule) else (0 if n == 1 else 1)


@dataclass
class Translations:
    """The catalogs of one locale, by domain; lookups return None when there is no
    translation (the caller keeps the source text and marks it)."""

    locale: str
    domains: dict[str, _Domain] = field(default_factory=dict)
    memo: dict[object, object] = field(default_factory=dict)  # renderers' per-locale cache

    def get(self, domain: str, msgctxt: str | None, msgid: str) -> str | None:
        """The translation of ``msgid`` (with ``msgctxt``) in ``domain``."""
        found = self.domains.get(domain)
        return found.singular.get((msgctxt, msgid)) if found else None

    def get_plural(self, domain: str, msgctxt: str | None, msgid: str, n: int) -> str | None:
        """The plural form of ``msgid`` for ``n`` (the catalog's Plural-Forms rule)."""
        found = self.domains.get(domain)
        if not found:
            return None
        forms = found.plurals.get((msgctxt, msgid))
        if not forms:
            return None
        index = found.plural_index(n)
        return forms[index] if 0 <= index < len(forms) and forms[index] else None

    def entry(self, domain: str, msgctxt: str | None, msgid: str) -> tuple[str, int] | None:
        """Where an entry is: (``.po`` path, line), for the preview's hover cards."""
        found = self.domains.get(domain)
        if not found or (msgctxt, msgid) not in found.lines:
            return None
        return found.path, found.lines[(msgctxt, msgid)]


def load_translations(
    directory: str | os.PathLike[str],
    locale: str,
    domains: tuple[str, ...] = ("chrome", "places", "agencies"),
    *,
    required: tuple[str, ...] = ("chrome",),
    extra: dict[str, Path] | None = None,
) -> Translations:
    """The catalogs of ``locale`` under ``directory``; a missing ``required`` one is an error.

    ``extra`` maps more domain names to files (an article's catalog).
    """
    translations = Translations(locale)
    files = {d: catalog_path(directory, locale, d) for d in domains}
    files.update(extra or {})
    for domain, path in files.items():
        if not path.is_file():
            if domain in required:
                raise MissingCatalogError(
                    f"no {domain} catalog for {locale}", path=str(path),
                    hint=f"create it with: l10n init -l {locale} -D {domain}")
            continue
        translations.domains[domain] = _load(path)
    return translations


def _load(path: Path) -> _Domain:
    mo = path.with_suffix(".mo")
    domain = _Domain(str(path))
    catalog = read_po(path.read_bytes(), path=str(path))
    rule = _plural_rule(catalog.header_fields().get("Plural-Forms", ""), str(path))
    domain.plural_rule = rule
    for message in catalog.messages:
        if message.is_header or message.obsolete:
            continue
        key = (message.msgctxt, message.msgid)
        domain.lines[key] = message.lineno
        if message.fuzzy:
            continue
        if message.msgid_plural is not None:
            if all(message.msgstr_plural):
                domain.plurals[key] = message.msgstr_plural
        elif message.msgstr:
            domain.singular[key] = message.msgstr
    if mo.is_file() and mo.stat().st_mtime > path.stat().st_mtime:
        _overlay_mo(domain, mo)
    return domain


def _overlay_mo(domain: _Domain, mo: Path) -> None:
    """Take the translations of a compiled catalog that is newer than its ``.po``."""
    try:
        with mo.open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
    except (OSError, ValueError, struct.error) as exc:  # cut short or not a .mo at all
        reason = exc.strerror if isinstance(exc, OSError) else \
            "cut short" if isinstance(exc, struct.error) else str(exc)
        raise CatalogError(f"not a readable .mo file ({reason})", path=str(mo),
                           hint="compile it again with l10n compile") from None
    domain.singular.clear()
    domain.plurals.clear()
    grouped: dict[tuple[str | None, str], dict[int, str]] = {}
    for key, value in compiled._catalog.items():  # type: ignore[attr-defined]
        if key == "" or not value:
            continue
        if isinstance(key, tuple):
            raw, index = key
            grouped.setdefault(_split_context(raw), {})[index] = value
        else:
            domain.singular[_split_context(key)] = value
    for key, forms in grouped.items():
        domain.plurals[key] = tuple(forms[i] for i in sorted(forms))
    domain.plural_rule = compiled.plural


def _split_context(raw: str) -> tuple[str | None, str]:
    if "\x04" in raw:
        context, msgid = raw.split("\x04", 1)
        return context, msgid
    return None, raw


def _plural_rule(header: str, path: str) -> object:
    """The ``plural=`` expression of a Plural-Forms header as a function of n."""
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name.strip() == "plural" and value.strip():
            try:
                return gettext.c2py(value.strip())
            except (ValueError, SyntaxError) as exc:
                raise CatalogError(f"bad Plural-Forms expression: {exc}", path=path) from None
    return None
