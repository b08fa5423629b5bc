"""``l10n init``: a new catalog for a locale from a template, with a complete header
(Language, CLDR plural rules through Babel, UTF-8, X-Generator)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from l10n.errors import InputError
from l10n.files import read_file, write_atomic
from l10n.locales import parse_locale
from l10n.po import Catalog, Message, read_po, write_po
from l10n.version import __version__

__all__ = ["init_catalog", "init_catalogs", "plural_forms"]


def plural_forms(locale: str) -> str:
    """The ``Plural-Forms`` header value CLDR gives ``locale`` (``nplurals=3; plural=(…);``)."""
    from babel.messages.plurals import get_plural

    rule = get_plural(parse_locale(locale))
    expression = rule.plural_expr
    if not (expression.isdigit() or _enclosed(expression)):
        expression = f"({expression})"
    return f"nplurals={rule.num_plurals}; plural={expression};"


def _enclosed(expression: str) -> bool:
    """True when one pair of parentheses encloses the whole expression."""
    if not (expression.startswith("(") and expression.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(expression):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and index < len(expression) - 1:
            return False
    return True


def new_catalog(template: Catalog, locale: str, *, now: datetime | None = None) -> Catalog:
    """``template`` as a catalog for ``locale``: header filled in, translations empty."""
    moment = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M+0000")
    fields = template.header_fields()
    project = fields.get("Project-Id-Version", "PROJECT VERSION")
    created = fields.get("POT-Creation-Date", moment)
    from babel import Locale

    language_name = Locale.parse(parse_locale(locale)).get_display_name("en") or locale
    header = (
        f"Project-Id-Version: {project}\n"
        f"Report-Msgid-Bugs-To: {fields.get('Report-Msgid-Bugs-To', '')}\n"
        f"POT-Creation-Date: {created}\n"
        f"PO-Revision-Date: {moment}\n"
        "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
        f"Language-Team: {language_name} <LL@li.org>\n"
        f"Language: {locale}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {plural_forms(locale)}\n"
        f"X-Generator: l10n {__version__}\n"
    )
    nplurals = int(plural_forms(locale).split(";")[0].split("=")[1])
    messages = [Message(msgid="", msgstr=header,
                        translator_comments=(f"{language_name} translations of {project}.",))]
    for message in template.messages:
        if message.is_header or message.obsolete:
            continue
        fresh = replace(message, msgstr="", flags=tuple(f for f in message.flags
                                                         if f != "fuzzy"))
        if message.msgid_plural is not None:
            fresh = replace(fresh, msgstr_plural=("",) * nplurals)
        messages.append(fresh)
    return Catalog(messages=messages)


def init_catalog(
    template_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    locale: str,
    *,
    force: bool = False,
) -> Path:
    """Write a new catalog for ``locale`` at ``output``; never over a translator's file."""
    return init_catalogs([(template_path, output)], locale, force=force)[0]


def init_catalogs(
    plan: Sequence[tuple[str | os.PathLike[str], str | os.PathLike[str]]],
    locale: str,
    *,
    force: bool = False,
) -> list[Path]:
    """Write a catalog for each (template, output) pair; all are prepared before any is
    written, so a missing template or an existing catalog leaves every file as it was."""
    prepared = [(Path(output), _prepare(template, output, locale, force))
                for template, output in plan]
    for target, catalog in prepared:
        write_atomic(target, write_po(catalog))
    return [target for target, _ in prepared]


def _prepare(template_path: str | os.PathLike[str], output: str | os.PathLike[str],
             locale: str, force: bool) -> Catalog:
    """The new catalog for ``output``, after checking that it may be written."""
    target = Path(output)
    if target.exists() and not force:
        raise InputError("catalog exists already", path=str(target),
                         hint="use l10n update to bring it up to date (or --force to start over)")
    source = Path(template_path)
    data = read_file(source, what="template", missing="template not found",
                     hint="run l10n extract first or pass -i")
    if not data.strip():
        raise InputError("empty template", path=str(source),
                         hint="run l10n extract to fill it, or pass the right -i")
    return new_catalog(read_po(data, path=str(source)), locale)
