"""The language a page is written in, decided once per page, and what it declares.

A page declares its language with ``<html lang>`` (the reader also takes ``content-language``,
``meta language`` and ``og:locale`` where ``lang`` is missing); ``--locale``, the
configuration's ``locale`` and a locale directory in its path declare it too. Its article text
says what it really is. When the two disagree with confidence, that is one ``page-language``
finding, and the page's texts are judged against the language the article is written in: one
finding for a mislabelled page, not one per text. An HTML page that declares nothing gets a
warning (WCAG 3.1.1). A section whose ``lang`` its text contradicts is one finding too, and
its texts are judged in the language they are written in.

When a page's article reads as another language than declared while its chrome reads as the
declared one, the chrome keeps the declared language (a German article on an English site's
template: the template is consistent; the article, unmarked, is the error to fix).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from l10n.check.engine import Judge
from l10n.check.finding import Evidence, Kind
from l10n.errors import UsageError
from l10n.locales import language_of, locale_from_path, parse_locale
from l10n.page import Block, Format, Page, Role, Zone, zone_of

__all__ = ["LanguageNote", "PageLanguage", "decide_language"]

# Words of article text needed before the text may contradict a declaration, and how sure the
# reading must be (the posterior of the language read, and at most this for the declared one).
_MIN_WORDS = 25
_SURE = 0.99
_DECLARED_AT_MOST = 0.01
# Declarations the reader takes that are neither what browsers read (<html lang>, <meta
# http-equiv=content-language>) nor the conventions that stand in for them (og:locale, <meta
# name=language>): the judge goes by them, and the page is told to declare its language.
_UNREAD = {"meta content-language": '<meta name="content-language">',
           "dc.language": '<meta name="DC.language">'}
# Words of a lang-marked section needed before its text may contradict its lang.
_MIN_SECTION_WORDS = 20
# Words of chrome text needed to say the chrome keeps the declared language.
_MIN_CHROME_WORDS = 12
# Words sampled from long texts (evenly), enough for any paragraph's language.
_SAMPLE_WORDS = 160
_CONTENT_ROLES = frozenset({Role.HEADLINE, Role.LEDE, Role.PARAGRAPH, Role.CAPTION,
                            Role.TEASER, Role.COMMENT})


@dataclass(frozen=True, slots=True)
class LanguageNote:
    """A ``page-language`` finding before it is placed: where, what the page (or section)
    declares, what its text reads as, how surely, and the message."""

    line: int
    column: int
    attribute: str | None
    text: str
    detected: str | None
    confidence: float | None
    message: str
    warning: bool
    evidence: Evidence = Evidence.STATISTICS
    kind: Kind = Kind.PAGE_LANGUAGE


@dataclass(frozen=True, slots=True)
class PageLanguage:
    """The locales a page's texts are judged in, and the notes to report about them.

    ``content`` is the language of the article and other readers' text; ``chrome`` that of the
    interface (the declared one when the chrome reads as it); ``sections`` maps a ``lang``
    value to the locale its texts are judged in, ``unknown`` the values that name a language
    CLDR does not know (Wikipedia's ``dty``, ``bpy``); ``declared`` is what the page declares.
    """

    content: str
    chrome: str
    declared: str | None = None
    sections: dict[str, str] = field(default_factory=dict)
    notes: tuple[LanguageNote, ...] = ()
    unknown: frozenset[str] = frozenset()  # lang values that name no language CLDR knows
    contradicted: frozenset[str] = frozenset()  # lang values their sections' text belies
    source: str = "en"  # the source language
    spoken: frozenset[str] = frozenset()  # a mislabelled page's two languages (see below)

    def locale_of(self, block: Block, content_like: bool) -> str:
        """The locale ``block`` is judged in: content marked with a ``lang`` in that language
        (a quote says what it is); chrome in the page's, unless its ``lang`` names the page's
        or the source language (an edition's honest fallback) or its section's text was found
        to be in another language than marked. A Russian label marked ``lang="ru"`` on a German
        page is still a leak; a link to the Russian edition says so with ``hreflang``."""
        if block.lang:
            section = self.sections.get(block.lang)
            if section is not None and (
                    content_like or block.lang in self.contradicted
                    or language_of(section) in (language_of(self.chrome),
                                                language_of(self.content), self.source)):
                return section
        return self.content if content_like else self.chrome


def _declarations(page: Page, options_locale: str | None, default_locale: str | None,
                  label: str) -> Iterator[tuple[str, str]]:
    """(what declares, value) in the order they win."""
    if options_locale:
        yield "--locale", options_locale
    if page.locale:
        yield "lang", page.locale
    from_path = locale_from_path(label)
    if from_path:
        yield "its path", from_path
    if default_locale:
        yield "the configuration", default_locale


def decide_language(page: Page, judge: Judge, *, label: str, locale: str | None = None,
                    default_locale: str | None = None, source_locale: str = "en"
                    ) -> PageLanguage:
    """Decide the page's language from its declarations and its text (see the module rules).
    ``locale`` is ``--locale``; ``default_locale`` the configuration's ``locale``."""
    declared, invalid, source = None, None, None
    for by, value in _declarations(page, locale, default_locale, label):
        try:
            declared, source = parse_locale(value), by
            break
        except UsageError:
            invalid = invalid or value
    # Text marked with a lang of its own says what it is (a kept source article on a rendered
    # edition): it neither confirms nor contradicts the page's declaration.
    article = _text_of(page.blocks, lambda b: b.role.is_article and not b.attribute
                       and not b.lang)
    if _words(article) < _MIN_WORDS:
        article = _text_of(page.blocks, lambda b: not b.attribute and not b.lang and (
            b.role in _CONTENT_ROLES or (b.role is Role.CHROME and zone_of(b) is Zone.PAGE)))
    notes: list[LanguageNote] = []
    reading = _reading(judge, article, declared)
    content = declared
    chrome = declared
    if declared is None:
        content = reading[0] if reading else source_locale
        chrome = content
        if page.format is Format.HTML:
            notes.append(_undeclared(reading, invalid))
    else:
        unread = page.meta.language_source if source == "lang" else None
        if page.format is Format.HTML and unread in _UNREAD:
            notes.append(_unread(declared, _UNREAD[unread]))
        if reading is not None and language_of(reading[0]) != language_of(declared) \
                and reading[1] >= _SURE and reading[2] <= _DECLARED_AT_MOST:
            content = reading[0]
            chrome_text = _text_of(page.blocks, lambda b: b.role is Role.CHROME
                                   and not b.attribute and not b.lang
                                   and zone_of(b) is Zone.CHROME)
            kept = _keeps(judge, chrome_text, declared)
            chrome = declared if kept else content
            notes.append(_contradicted(declared, source or "lang", reading, kept))
    sections, section_notes, unknown = _sections(page, judge, declared or content)
    notes.extend(section_notes)
    contradicted = frozenset(value for value, locale in sections.items()
                             if value not in unknown and locale != _parsed(value))
    spoken = frozenset(language_of(x) for x in (declared, content) if x) \
        if declared and content and language_of(declared) != language_of(content) \
        else frozenset()
    return PageLanguage(content or source_locale, chrome or source_locale, declared, sections,
                        tuple(notes), frozenset(unknown), contradicted,
                        language_of(source_locale), spoken)


def _parsed(value: str) -> str | None:
    try:
        return parse_locale(value)
    except UsageError:
        return None


def _text_of(blocks: Sequence[Block], wanted) -> str:  # noqa: ANN001 - a predicate
    return " ".join(b.text for b in blocks if b.translatable and wanted(b))


def _words(text: str) -> int:
    return len(text.split())


def _sample(text: str) -> str:
    """At most ``_SAMPLE_WORDS`` words of ``text``, taken evenly from all of it."""
    words = text.split()
    if len(words) <= _SAMPLE_WORDS:
        return text
    step = len(words) / _SAMPLE_WORDS
    return " ".join(words[int(k * step)] for k in range(_SAMPLE_WORDS))


def _reading(judge: Judge, text: str, declared: str | None
             ) -> tuple[str, float, float] | None:
    """(language the text reads as, its posterior, the declared language's posterior), or None
    when there is too little text to say."""
    if _words(text) < _MIN_WORDS and not _cjk_enough(text):
        return None
    return judge.read_language(_sample(text), declared)


def _cjk_enough(text: str) -> bool:
    return sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af") \
        >= 2 * _MIN_WORDS


def _keeps(judge: Judge, chrome_text: str, declared: str) -> bool:
    """Whether the page's chrome reads as its declared language."""
    if _words(chrome_text) < _MIN_CHROME_WORDS:
        return False
    reading = judge.read_language(_sample(chrome_text), declared)
    return reading is not None and language_of(reading[0]) == language_of(declared) \
        and reading[1] >= _SURE


def _sections(page: Page, judge: Judge, page_locale: str
              ) -> tuple[dict[str, str], list[LanguageNote], set[str]]:
    """Each ``lang`` value below ``<html>``: the locale its texts are judged in (its own, unless
    its text says otherwise), and a note where the text contradicts it."""
    groups: dict[str, list[Block]] = {}
    for block in page.blocks:
        if block.lang and block.translatable:
            groups.setdefault(block.lang, []).append(block)
    sections: dict[str, str] = {}
    notes = []
    unknown = set()
    for value, blocks in groups.items():
        try:
            marked = parse_locale(value)
        except UsageError:
            sections[value] = page_locale
            if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", value.strip()):
                unknown.add(value)  # a language tag, of a language CLDR does not know
            continue
        sections[value] = marked
        text = _text_of(blocks, lambda b: not b.attribute)
        if _words(text) < _MIN_SECTION_WORDS and not _cjk_enough(text):
            continue
        reading = judge.read_language(_sample(text), marked)
        if reading is None or language_of(reading[0]) == language_of(marked) \
                or reading[1] < _SURE or reading[2] > _DECLARED_AT_MOST:
            continue
        sections[value] = reading[0]
        first = blocks[0]
        notes.append(LanguageNote(
            first.line, first.column, None, _excerpt(text), reading[0], reading[1],
            f"a section declares lang={value!r}; its text reads as {reading[0]} "
            f"({reading[1]:.2f})", False))
    return sections, notes, unknown


def _unread(declared: str, where: str) -> LanguageNote:
    """A warning for a page whose only declaration is one no browser reads (its judging still
    goes by it): screen readers do not know the page's language (WCAG 3.1.1)."""
    return LanguageNote(1, 1, "lang", "", None, None,
                        f"declares its language only in {where}, which browsers do not read "
                        f'(WCAG 3.1.1); add <html lang="{declared.replace("_", "-")}">', True,
                        Evidence.PATTERN)


def _undeclared(reading: tuple[str, float, float] | None, invalid: str | None) -> LanguageNote:
    said = f"declares {invalid!r}, which is no language tag" if invalid else \
        "declares no language"
    if reading is None:
        return LanguageNote(1, 1, "lang", "", None, None,
                            f"{said} (WCAG 3.1.1); add <html lang>", True)
    return LanguageNote(1, 1, "lang", "", reading[0], reading[1],
                        f"{said} (WCAG 3.1.1); it reads as {reading[0]} ({reading[1]:.2f}): "
                        f'add <html lang="{reading[0].replace("_", "-")}">', True)


def _contradicted(declared: str, source: str, reading: tuple[str, float, float],
                  chrome_kept: bool) -> LanguageNote:
    where = {"lang": "the page", "--locale": "--locale", "its path": "its path",
             "the configuration": "the configuration"}.get(source, source)
    message = f"{where} declares {declared}; its article reads as {reading[0]} " \
              f"({reading[1]:.2f})"
    if chrome_kept:
        message += f", its chrome as {declared}: mark the article lang=" \
                   f"\"{reading[0].replace('_', '-')}\""
    return LanguageNote(1, 1, "lang" if source == "lang" else None, "", reading[0],
                        reading[1], message, False)


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
