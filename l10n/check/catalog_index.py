"""The catalog evidence layer: what the site's own catalogs say a text is.

Given ``--catalogs DIR`` (every ``<lang>/LC_MESSAGES/*.po`` under it, any domain), a text on a
page in locale L is

* never a leak when L's catalog gives it as a translation ("Chats" is German too);
* **untranslated** when it equals a source msgid and L is not the source locale;
* **wrong-language** when it equals a translation of another locale.

Catalogs are read through :func:`read_catalog`, the one place that turns a ``.po`` file into
entries.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from l10n.check.finding import CatalogEntry
from l10n.errors import CatalogError, InputError
from l10n.files import read_file
from l10n.locales import is_locale, language_of, parse_locale
from l10n.prose import collapse_space

__all__ = ["CatalogIndex", "CatalogText", "read_catalog"]


@dataclass(frozen=True, slots=True)
class CatalogText:
    """One translatable entry as the checker needs it."""

    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    msgstrs: tuple[str, ...]
    fuzzy: bool
    obsolete: bool
    line: int
    msgstr_line: int
    comments: tuple[str, ...]  # extracted comments ("#.")


@dataclass(frozen=True, slots=True)
class ReadCatalog:
    """A catalog file: its header fields and entries."""

    path: str
    header: dict[str, str]
    entries: tuple[CatalogText, ...]

    @property
    def language(self) -> str | None:
        value = self.header.get("Language", "").strip()
        return value or None


def read_catalog(path: str | os.PathLike[str], data: bytes | None = None) -> ReadCatalog:
    """Read a ``.po``/``.pot`` file (or its ``data``, read already, named ``path``); a
    malformed one is a :class:`CatalogError` (path:line)."""
    from l10n.po import read_po

    name = os.fspath(path)
    if data is None:
        data = read_file(name, what="catalog")
    catalog = read_po(data, path=name)
    entries = []
    for message in catalog.messages:
        if message.msgid == "" and message.msgctxt is None:
            continue
        msgstrs = message.msgstr_plural if message.msgid_plural is not None else (message.msgstr,)
        entries.append(
            CatalogText(
                msgctxt=message.msgctxt,
                msgid=message.msgid,
                msgid_plural=message.msgid_plural,
                msgstrs=tuple(msgstrs),
                fuzzy=message.fuzzy,
                obsolete=message.obsolete,
                line=message.lineno,
                msgstr_line=_msgstr_line(message),
                comments=tuple(message.extracted_comments),
            )
        )
    return ReadCatalog(path=name, header=catalog.header_fields(), entries=tuple(entries))


def _msgstr_line(message: object) -> int:
    line = getattr(message, "msgstr_lineno", 0) or 0
    return line or getattr(message, "lineno", 0)


@dataclass
class CatalogIndex:
    """Lookups over every catalog of a site (texts are compared whitespace-collapsed)."""

    source_locale: str
    own: dict[str, set[str]] = field(default_factory=dict)  # language → its translations
    source: dict[str, CatalogEntry] = field(default_factory=dict)  # msgid → an entry
    translated: dict[str, dict[str, tuple[str, CatalogEntry]]] = field(default_factory=dict)
    foreign: dict[str, list[tuple[str, CatalogEntry]]] = field(default_factory=dict)
    locales: set[str] = field(default_factory=set)
    # Word sets, built on first use: None keys the source msgids' words, a language its own.
    _words: dict[str | None, frozenset[str]] = field(default_factory=dict, repr=False,
                                                     compare=False, init=False)

    @classmethod
    def load(cls, directory: str | os.PathLike[str], source_locale: str) -> CatalogIndex:
        """Read every ``<lang>/LC_MESSAGES/**/*.po`` under ``directory``."""
        root = Path(directory)
        if not root.is_dir():
            raise InputError("catalog directory not found", path=str(directory),
                             hint="give the directory that holds <lang>/LC_MESSAGES/*.po")
        index = cls(source_locale=source_locale)
        for locale, domain, path in _catalog_files(root):
            index.add(read_catalog(path), locale, domain)
        return index

    def add(self, catalog: ReadCatalog, locale: str, domain: str) -> None:
        """Index one catalog of ``locale``."""
        language = language_of(locale)
        self.locales.add(locale)
        self._words.clear()
        own = self.own.setdefault(language, set())
        translated = self.translated.setdefault(language, {})
        for entry in catalog.entries:
            if entry.obsolete:
                continue
            ref = CatalogEntry(domain, entry.msgctxt, entry.msgid, catalog.path)
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                self.source.setdefault(collapse_space(msgid), ref)
            if entry.fuzzy:
                continue
            for msgstr in entry.msgstrs:
                text = collapse_space(msgstr)
                if not text:
                    continue
                own.add(text)
                translated.setdefault(collapse_space(entry.msgid), (text, ref))
                self.foreign.setdefault(text, []).append((language, ref))

    def is_own(self, text: str, language: str) -> bool:
        """True when ``language``'s catalogs give ``text`` as a translation."""
        return collapse_space(text) in self.own.get(language, ())

    def source_entry(self, text: str) -> CatalogEntry | None:
        """The entry whose source msgid is ``text``."""
        return self.source.get(collapse_space(text))

    def translation(self, text: str, language: str) -> tuple[str, CatalogEntry] | None:
        """``language``'s translation of the source text ``text``, with its entry."""
        return self.translated.get(language, {}).get(collapse_space(text))

    def source_words(self) -> frozenset[str]:
        """The lower-cased words of every source msgid: the site's source vocabulary."""
        if None not in self._words:
            self._words[None] = _words_of(self.source)
        return self._words[None]

    def own_words(self, language: str) -> frozenset[str]:
        """The lower-cased words of ``language``'s translations."""
        if language not in self._words:
            self._words[language] = _words_of(self.own.get(language, ()))
        return self._words[language]

    def other_languages(self, text: str, language: str) -> list[tuple[str, CatalogEntry]]:
        """Other languages whose catalogs give ``text`` as a translation."""
        return [(lang, ref) for lang, ref in self.foreign.get(collapse_space(text), ())
                if lang != language]


def _words_of(texts: Iterable[str]) -> frozenset[str]:
    from l10n.check.langid import tokenize

    return frozenset(word for text in texts for word in tokenize(text))


def _catalog_files(root: Path) -> Iterator[tuple[str, str, Path]]:
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        messages = lang_dir / "LC_MESSAGES"
        if not messages.is_dir() or not is_locale(lang_dir.name):
            continue
        locale = parse_locale(lang_dir.name)
        for path in sorted(messages.rglob("*.po")):
            domain = path.relative_to(messages).with_suffix("").as_posix()
            yield locale, domain, path


def catalog_error(path: str, line: int, message: str) -> CatalogError:
    """A malformed-catalog error in the house format."""
    return CatalogError(message, path=path, line=line)
