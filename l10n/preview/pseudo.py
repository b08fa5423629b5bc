"""The pseudo-locale and the source view: translations made from the catalogs' msgids.

A pseudo-localized string has accented letters, is about 35% longer and is bracketed
(``Subscribe`` → ``[Šûƀšçŕîƀé ļöŕé]``), with placeholders, tags and entities left as they are.
Only msgids that the templates (``<catalogs>/<domain>.pot``, ``articles/<slug>.pot``; else the
msgids of the locales' catalogs) hold get one, so text that bypasses the catalogs stays plain
and stands out. Dates and numbers are pseudo-localized by :func:`pseudo_chars` (accented
letters, digits with a dot above: ``Ṁåý 1̇8̇``) after rendering.

:class:`TemplateTranslations` serves both the pseudo-locale and the source view (the page
rendered into its own language: every msgid is its own translation).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from l10n.catalogs.layout import catalog_path, template_path
from l10n.po import read_po
from l10n.render.translations import Translations

__all__ = [
    "PSEUDO_REGION",
    "Known",
    "TemplateTranslations",
    "known_files",
    "load_known",
    "pseudo_chars",
    "pseudo_text",
]

PSEUDO_REGION = "XA"  # en-XA: the pseudo-locale of the source language (as Android names it)
_LETTERS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_DIGITS = {ord(d): d + "\u0307" for d in "0123456789"}  # 1̇8̇: a dot above, in any font
_FILLER = "ļöŕéɱ îþšûɱ ðöļöŕ šîţ åɱéţ çöñšéçţéţûŕ åðîþîšçîñĝ éļîţ šéð ðö éîûšɱöð "
_PROTECTED = re.compile(
    r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*+\d*(?:\.\d+)?[a-zA-Z%]|<[^<>]*>|&#?\w+;")
_DOMAINS = ("chrome", "places", "agencies")


def pseudo_text(text: str) -> str:
    """``text`` pseudo-localized: accented, about 35% longer, in brackets."""
    if not text.strip():
        return text
    out, visible, last = [], 0, 0
    for match in _PROTECTED.finditer(text):
        plain = text[last:match.start()]
        out.extend((plain.translate(_LETTERS), match.group()))
        visible += len(plain)
        last = match.end()
    tail = text[last:]
    out.append(tail.translate(_LETTERS))
    visible += len(tail)
    extra = math.ceil(max(visible, 1) * 0.35)
    padding = (_FILLER * (extra // len(_FILLER) + 1))[:extra].rstrip() or "·"
    return f"[{''.join(out)} {padding}]"


def pseudo_chars(text: str) -> str:
    """Letters accented and digits dotted (dates and numbers of the pseudo-locale); applying
    it twice changes nothing."""
    text = text.translate(_LETTERS).replace("\u0307", "")
    return text.translate(_DIGITS)


@dataclass(frozen=True, slots=True)
class Known:
    """A msgid the templates hold: its plural and where it is."""

    path: str
    line: int
    plural: str | None = None


KnownMap = dict[str, dict[tuple[str | None, str], Known]]


def known_files(catalogs: str | os.PathLike[str], slug: str,
                locales: Iterable[str]) -> dict[str, list[Path]]:
    """The files whose msgids a page may use, by domain: the template when there is one,
    else every locale's catalog of that domain."""
    root = Path(catalogs)
    locales = list(locales)
    templates = {d: template_path(root, d) for d in _DOMAINS}
    templates["article"] = root / "articles" / f"{slug}.pot"
    files: dict[str, list[Path]] = {}
    for domain, template in templates.items():
        if template.is_file():
            files[domain] = [template]
            continue
        if domain == "article":
            candidates = [root / loc / "LC_MESSAGES" / "articles" / f"{slug}.po" for loc in locales]
        else:
            candidates = [catalog_path(root, loc, domain) for loc in locales]
        files[domain] = [p for p in candidates if p.is_file()]
    return files


def load_known(files: dict[str, list[Path]]) -> KnownMap:
    """The msgids of ``files`` (see :func:`known_files`), by domain."""
    known: KnownMap = {}
    for domain, paths in files.items():
        table = known.setdefault(domain, {})
        for path in paths:
            catalog = read_po(path.read_bytes(), path=str(path))
            for message in catalog.messages:
                if message.is_header or message.obsolete:
                    continue
                table.setdefault(message.key,
                                 Known(str(path), message.lineno, message.msgid_plural))
    return known


@dataclass
class TemplateTranslations(Translations):
    """Translations computed from msgids: ``transform(msgid)`` for each known msgid.

    With ``keep_unknown``, an unknown msgid is its own translation (the source view);
    otherwise it has none (the pseudo-locale: text outside the catalogs stays plain).
    """

    known: KnownMap = field(default_factory=dict)
    transform: Callable[[str], str] = str
    keep_unknown: bool = False

    def get(self, domain: str, msgctxt: str | None, msgid: str) -> str | None:
        if (msgctxt, msgid) in self.known.get(domain, {}):
            return self.transform(msgid)
        return msgid if self.keep_unknown else None

    def get_plural(self, domain: str, msgctxt: str | None, msgid: str, n: int) -> str | None:
        found = self.known.get(domain, {}).get((msgctxt, msgid))
        if found is None or found.plural is None:
            return None
        return self.transform(msgid if n == 1 else found.plural)

    def entry(self, domain: str, msgctxt: str | None, msgid: str) -> tuple[str, int] | None:
        found = self.known.get(domain, {}).get((msgctxt, msgid))
        return (found.path, found.line) if found is not None else None
