"""``l10n stats``: how far each locale's catalogs are translated."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from l10n.catalogs.layout import catalog_path, check_domain, check_locale, find_locales
from l10n.errors import MissingCatalogError
from l10n.files import read_file
from l10n.placeholders import strip_placeholders
from l10n.po import read_po
from l10n.prose import count_words

__all__ = ["CatalogStats", "catalog_stats"]


@dataclass(frozen=True, slots=True)
class CatalogStats:
    """Counts for one catalog: entries by state and source words."""

    locale: str
    domain: str
    path: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words: int
    translated_words: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    def to_dict(self) -> dict[str, object]:
        return {"locale": self.locale, "domain": self.domain, "path": self.path,
                "translated": self.translated, "fuzzy": self.fuzzy,
                "untranslated": self.untranslated, "obsolete": self.obsolete,
                "words": self.words, "translated_words": self.translated_words,
                "percent": round(self.percent, 1)}


def catalog_stats(
    directory: str | os.PathLike[str],
    domains: list[str],
    locales: list[str] | None = None,
) -> list[CatalogStats]:
    """Statistics for every (locale, domain) catalog under ``directory``; a locale asked for
    without any of ``domains``, or no catalog at all, is a MissingCatalogError."""
    for domain in domains:
        check_domain(domain)
    for locale in locales or ():
        check_locale(locale)
    out = []
    for locale in locales or find_locales(directory):
        found = [_stats(path, locale, domain) for domain in domains
                 if (path := catalog_path(directory, locale, domain)).is_file()]
        if not found and locales:
            raise MissingCatalogError(
                f"no catalog for {locale} ({', '.join(domains)})",
                path=str(catalog_path(directory, locale, domains[0])),
                hint=f"create one with: l10n init -l {locale} -D {domains[0]}")
        out.extend(found)
    if not out:
        raise MissingCatalogError(f"no {' or '.join(domains)} catalog for any locale",
                                  path=str(directory),
                                  hint=f"create one with: l10n init -l LOCALE -D {domains[0]}")
    return out


def _stats(path: Path, locale: str, domain: str) -> CatalogStats:
    catalog = read_po(read_file(path, what="catalog"), path=str(path))
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0, "obsolete": 0}
    words = translated_words = 0
    for message in catalog.messages:
        if message.is_header:
            continue
        if message.obsolete:
            counts["obsolete"] += 1
            continue
        size = count_words(strip_placeholders(message.msgid))
        words += size
        if message.fuzzy:
            counts["fuzzy"] += 1
        elif message.is_translated:
            counts["translated"] += 1
            translated_words += size
        else:
            counts["untranslated"] += 1
    return CatalogStats(locale, domain, str(path), counts["translated"], counts["fuzzy"],
                        counts["untranslated"], counts["obsolete"], words, translated_words)
