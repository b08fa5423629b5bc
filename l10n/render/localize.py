"""What each block of a source page becomes in a target locale: the shared core of the HTML
and template renderers.

* chrome (and site, section, tagline) from the ``chrome`` catalog, by the same msgctxt
  extraction wrote; labelled counters through their plural entry and the catalog's plural
  rule, bare numbers through CLDR number formatting;
* article blocks (headline, lede, paragraphs, captions, credits, bylines) from the
  article's catalog ``articles/<slug>.po`` when there is one;
* datelines re-written in the locale's house style, the city from the ``places`` catalog,
  else CLDR's exemplar city, else the source name; the agency from ``agencies``; the city's
  region (state, country) only where the style prints one, from ``places`` (msgctxt
  ``dateline region``), else CLDR's country name, else as printed when the target language
  is the dateline's, else left out;
* anything without a translation stays as it is, marked with its own language, and is
  counted in the report (the share of source-language text left in chrome and article).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime

from l10n.chrome import chrome_context, counter_entry, is_teaser, normal_case
from l10n.dateline import Dateline
from l10n.errors import UsageError
from l10n.locales import bcp47, direction, language_of, parse_locale
from l10n.page import Block, Page, Role
from l10n.render.markup import isolate_latin, markup_allowed
from l10n.render.translations import Translations

__all__ = ["Localizer", "Piece", "RenderReport"]

_ARTICLE_ROLES = frozenset({Role.HEADLINE, Role.LEDE, Role.PARAGRAPH, Role.CAPTION,
                            Role.CREDIT, Role.BYLINE})
_CHROME_ROLES = frozenset({Role.CHROME, Role.SITE, Role.SECTION, Role.TAGLINE})


@dataclass(frozen=True, slots=True)
class Piece:
    """A block's text in the target page.

    ``lang`` is set (BCP 47) when the text is not in the target locale (kept source text);
    ``markup`` when the translation may be inserted as HTML (its tags match the msgid's);
    ``entry`` is (domain, msgctxt, msgid) of the catalog entry used.
    """

    text: str
    translated: bool
    lang: str | None = None
    markup: bool = False
    entry: tuple[str, str | None, str] | None = None
    dir: str | None = None  # "ltr" for kept left-to-right text on a right-to-left page
    refused: str | None = None  # a translation whose markup was refused (used as text)


@dataclass
class RenderReport:
    """What one rendered page kept in the source language."""

    source: str
    locale: str
    output: str = ""
    chrome_chars: int = 0
    chrome_left: int = 0
    article_chars: int = 0
    article_left: int = 0
    untranslated: list[tuple[int, str, str]] = field(default_factory=list)  # line, text, why
    unsafe: list[tuple[int, str]] = field(default_factory=list)  # markup refused

    @property
    def chrome_percent(self) -> float:
        """Share of chrome characters translated (100 when the page has none)."""
        return 100.0 * (1 - self.chrome_left / self.chrome_chars) if self.chrome_chars else 100.0

    @property
    def article_percent(self) -> float:
        return 100.0 * (1 - self.article_left / self.article_chars) if self.article_chars \
            else 100.0

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "locale": self.locale, "output": self.output,
            "chrome_translated_percent": round(self.chrome_percent, 1),
            "article_translated_percent": round(self.article_percent, 1),
            "untranslated": [{"line": line, "text": text, "reason": why}
                             for line, text, why in self.untranslated],
            "unsafe_markup": [{"line": line, "text": text} for line, text in self.unsafe],
        }


@functools.lru_cache(maxsize=65536)
def text_language(text: str, source_locale: str) -> str:
    """The BCP 47 tag of the language of a kept text: the source language when written in its
    script, else the site language its script and words point to."""
    from l10n.check.scripts import expected_scripts, letter_scripts

    counts = letter_scripts(text)
    if counts and counts.most_common(1)[0][0] not in expected_scripts(source_locale):
        from l10n.check.engine import Judge

        guessed = Judge(source_locale=source_locale).guess_locale(text)
        if guessed:
            return bcp47(guessed)
    return bcp47(source_locale)


@functools.lru_cache(maxsize=256)
def _latin_source(source_locale: str) -> bool:
    """Whether the source language is written in Latin script."""
    from l10n.check.scripts import expected_scripts

    return "Latn" in expected_scripts(source_locale)


def page_source_locale(page: Page, default: str) -> str:
    """The language a source page is written in: its ``lang`` when it names one, else the
    language of its article text, else ``default`` (a German page stays German when kept)."""
    if page.locale:
        try:
            return parse_locale(page.locale)
        except UsageError:
            pass
    # A few sentences name a language reliably; the whole article only costs more time.
    texts: list[str] = []
    size = 0
    for block in page.blocks:
        if block.role in _SAMPLE_ROLES:
            texts.append(block.text)
            size += len(block.text) + 1
            if size > _SAMPLE_CHARS:
                break
    return _article_language(" ".join(texts)[:_SAMPLE_CHARS], default)


_SAMPLE_CHARS = 600
_SAMPLE_ROLES = frozenset(role for role in Role if role.is_article)


@functools.lru_cache(maxsize=1024)
def _article_language(text: str, default: str) -> str:
    from l10n.check.engine import Judge

    return Judge(source_locale=default).guess_locale(text, fast=True) or default


@functools.lru_cache(maxsize=65536)
def _kept_piece(text: str, domain: str, msgctxt: str | None, lang: str,
                dir_: str | None) -> Piece:
    """The piece of a text kept in its own language: one object for every locale keeping it."""
    return Piece(text, False, lang=lang, entry=(domain, msgctxt, text), dir=dir_)


class Localizer:
    """Turns the blocks of one source page into pieces of one target locale."""

    def __init__(
        self,
        page: Page,
        locale: str,
        translations: Translations,
        *,
        source_locale: str = "en",
        published: datetime | None = None,
        dateline_style: str | None = None,
        styles: dict[str, object] | None = None,
        report: RenderReport,
    ) -> None:
        self.page = page
        self.locale = parse_locale(locale)
        self.language = language_of(self.locale)
        self.translations = translations
        self.source_locale = page_source_locale(page, source_locale)
        self.source_tag = bcp47(self.source_locale)
        self.published = published or page.meta.published
        self.dateline_style = dateline_style
        self.styles = styles
        self.report = report
        self.rtl = direction(self.locale) == "rtl"

    @property
    def latin_lang(self) -> str | None:
        """The ``lang`` of Latin-script names kept in a dateline: the source language when it
        is written in Latin, else unknown (None)."""
        return self.source_tag if _latin_source(self.source_locale) else None

    # -- chrome and article ----------------------------------------------------------------

    def piece(self, block: Block) -> Piece | None:
        """The target text of a chrome or article block (None for other roles)."""
        location = block.location
        if block.role in _ARTICLE_ROLES and block.translatable:
            # The article text's own entry: no route needed.
            piece, size, reason = self._routed(block, "article", None, "article")
        else:
            key = ("route", self.source_locale, block.role, block.text, block.context,
                   location.attribute, location.element, block.translatable)
            memo = self.translations.memo
            route = memo.get(key)
            if route is None:
                route = memo[key] = self._route(block)
            piece, size, reason = route  # type: ignore[misc]
            if piece is None:
                return None
        if size is not None:
            self._count(size, block.text, piece.translated)
        if reason is not None:
            self.report.untranslated.append((location.line, block.text, reason))
        elif piece.refused:
            self.report.unsafe.append((location.line, piece.refused))
        return piece

    def _route(self, block: Block) -> tuple[Piece | None, str | None, str | None]:
        """(piece, size counted in or None, reason it is reported untranslated or None): the
        same for every block with this role, text, context and place (cached per locale)."""
        if not block.translatable:
            return Piece(block.text, True), None, None
        if block.role in _CHROME_ROLES or (block.attribute and block.role is Role.CHROME):
            context = chrome_context(block)
            if is_teaser(block):
                return self._routed(block, "article", None, "article")
            if context is not None:
                return self._routed(block, "chrome", context, "chrome")
            return self._routed(block, "article", None, "article")
        if block.role is Role.TEASER:
            # Another article's headline: its own catalog's translation if this one has it,
            # else kept and marked with its language; not this page's chrome or article.
            return self._routed(block, "article", None, "article")[0], None, None
        if block.role is Role.COUNTER:
            piece = self._counter_piece(block)
            if counter_entry(block, self.source_locale) is None:
                return piece, None, None
            return piece, "chrome", None if piece.translated else "no catalog entry"
        return None, None, None

    def _routed(self, block: Block, domain: str, msgctxt: str | None,
                size: str) -> tuple[Piece, str, str | None]:
        key = ("piece", self.source_locale, domain, msgctxt, block.text, bool(block.attribute))
        piece = self.translations.memo.get(key)
        if piece is None:
            piece = self._translate(block, domain, msgctxt)
            self.translations.memo[key] = piece
        assert isinstance(piece, Piece)
        if piece.translated:
            return piece, size, None
        return piece, size, "no catalog entry" if domain == "chrome" else "not translated"

    def _translate(self, block: Block, domain: str, msgctxt: str | None) -> Piece:
        """The piece for a text (the same on every page of this locale: cached)."""
        text = block.text
        found = self.translations.get(domain, msgctxt, text)
        if found is None and domain == "chrome":
            found = self.translations.get("article", None, text)  # teasers, related links
            if found is not None:
                domain, msgctxt = "article", None
        if found is None:
            lang = self.text_language(text)
            return _kept_piece(text, domain, msgctxt, lang, self._opposite(lang))
        markup = "<" in found and markup_allowed(found, text)
        refused = found if "<" in found and not markup else None
        if not markup and self.rtl and not block.attribute:
            isolated = isolate_latin(found)
            if isolated is not None:
                return Piece(isolated, True, markup=True, entry=(domain, msgctxt, text),
                             refused=refused)
        return Piece(found, True, markup=markup, entry=(domain, msgctxt, text),
                     refused=refused)

    def _opposite(self, lang: str) -> str | None:
        """``ltr``/``rtl`` when ``lang`` runs against the page's direction, else None."""
        try:
            own = direction(lang.replace("-", "_"))
        except Exception:  # noqa: BLE001 - an unknown tag is taken to be left-to-right
            own = "ltr"
        return own if own != direction(self.locale) else None

    def _count(self, size: str, text: str, translated: bool) -> None:
        if size == "chrome":
            self.report.chrome_chars += len(text)
            self.report.chrome_left += 0 if translated else len(text)
        else:
            self.report.article_chars += len(text)
            self.report.article_left += 0 if translated else len(text)

    def counter(self, block: Block) -> Piece:
        """A labelled counter through its plural entry; a bare number in CLDR's digits."""
        cached = self._counter_piece(block)
        if counter_entry(block, self.source_locale) is not None:
            self._count("chrome", block.text, cached.translated)
            if not cached.translated:
                self.report.untranslated.append((block.line, block.text, "no catalog entry"))
        return cached

    def _counter_piece(self, block: Block) -> Piece:
        """The counter's piece (the same on every page of this locale: cached)."""
        key = ("counter", self.source_locale, block.text, block.context)
        cached = self.translations.memo.get(key)
        if cached is None:
            cached = self._counter(block)
            self.translations.memo[key] = cached
        assert isinstance(cached, Piece)
        return cached

    def _counter(self, block: Block) -> Piece:
        from babel.numbers import format_decimal

        from l10n.dates import localize_digits
        from l10n.prose import parse_counter

        parsed = parse_counter(block.text)
        if parsed is None:
            return Piece(block.text, True)
        number = localize_digits(format_decimal(parsed[0], locale=self.locale), self.locale)
        entry = counter_entry(block, self.source_locale)
        if entry is None:
            return Piece(number, True)
        form = self.translations.get_plural("chrome", entry.msgctxt, entry.singular, parsed[0])
        if form is None:
            return Piece(block.text, False, lang=self.source_tag,
                         entry=("chrome", entry.msgctxt, entry.singular))
        return Piece(form.replace("{count}", number), True,
                     entry=("chrome", entry.msgctxt, entry.singular))

    def text_language(self, text: str) -> str:
        """The BCP 47 tag of the language an untranslated text is in (see text_language)."""
        return text_language(text, self.source_locale)

    # -- dates and datelines ---------------------------------------------------------------

    def dateline(self, block: Block) -> object | None:
        """The block's dateline in the locale's house style (a FormattedDateline)."""
        dateline = block.dateline
        if dateline is None:
            return None
        if self.styles:  # a table of user styles: not a cache key
            return self._dateline(dateline)
        published = self.published
        key = ("dateline", self.source_locale, dateline, self.locale, self.dateline_style,
               (published.year, published.month) if published is not None else None)
        memo = self.translations.memo
        formatted = memo.get(key)
        if formatted is None:
            formatted = memo[key] = self._dateline(dateline)
        return formatted

    def _dateline(self, dateline: Dateline) -> object:
        """:meth:`dateline`, uncached."""
        from l10n.dateline_styles import format_dateline, load_styles, style_for
        from l10n.dates import exemplar_city

        city_source = normal_case(dateline.city) if dateline.city else ""
        city = self.translations.get("places", "dateline city", city_source)
        if city is None and city_source:
            city = exemplar_city(city_source, self.locale)
        city = city or city_source
        # Turkish casing (i → İ) only for a Turkish name, not for a foreign one kept as is.
        turkish = self.language in ("tr", "az") and city != city_source
        agency = None
        if dateline.agency:
            agency = self.translations.get("agencies", "news agency", dateline.agency) \
                or dateline.agency
        style = None
        if self.dateline_style or self.styles:
            styles = load_styles(self.styles)
            style = styles.get(self.dateline_style) if self.dateline_style else None
            style = style or style_for(self.locale, None, self.styles)
        region = None
        if dateline.region and (style or style_for(self.locale)).prints_region:
            region = self._region(dateline)
        year_known = dateline.year is not None
        if not year_known and self.published is not None and dateline.month is not None:
            from dataclasses import replace

            if self.published.month == dateline.month:
                dateline = replace(dateline, year=self.published.year)
                year_known = True
        return format_dateline(dateline, self.locale, city=city, agency=agency, style=style,
                               year_known=year_known, turkish_casing=turkish, region=region)

    def _region(self, dateline: Dateline) -> str | None:
        """The dateline's region (state, country) in the target locale, or None to leave it
        out: a region printed in another language would be a leak, and styles print the city
        alone as readily (AP's stand-alone cities)."""
        from l10n.dateline import dateline_languages
        from l10n.dates import country_name

        source = normal_case(dateline.region or "")
        found = self.translations.get("places", "dateline region", source)
        if found:
            return found
        languages = (*dateline_languages(dateline), language_of(self.source_locale))
        found = country_name(source, self.locale, languages)
        if found:
            return found
        return source if self.language in languages else None

    def publication(self, when: datetime | None = None) -> tuple[str, str] | None:
        """(ISO datetime, localized text) of the publication time, in the dateline city's
        time zone when the city is known."""
        from l10n.dates import format_publication, iso_datetime, time_zone_for_city

        moment = when or self.published
        if moment is None:
            return None
        zone = None
        dateline = self.page.dateline
        if dateline is not None and dateline.city:
            zone = time_zone_for_city(normal_case(dateline.city))
        if moment.tzinfo is None:
            return moment.isoformat(), format_publication(moment, self.locale)
        return iso_datetime(moment, tz=zone), format_publication(moment, self.locale, tz=zone)
