"""One page's findings: its language decided once, then every text judged where it sits.

Where a text sits decides what another language means there:

* **chrome** (navigation, header, footer, forms, buttons, labels, tooltips and the ``title``,
  ``alt``, ``aria-label`` and ``placeholder`` of any element, cookie banners, share widgets,
  counters, site and section names): another language is a leak, as the judge says (an error
  on script or catalog evidence, or on strong statistics over three words or more);
* **content** (the article, teasers, readers' comments, and long prose the page does not
  mark as anything): foreign text is usually meant (quotes, titles, loanwords, teaching
  material). Statistics alone never make an error there, and a warning only for whole
  sentences in another of the site's languages; another script, only for whole sentences too,
  except a teaser or an image's ``alt``/``title`` written wholly in another script (another
  edition's headline, a label left in its source language): an error. Message keys are not
  looked for (usernames look like them); placeholders, shortcodes and mojibake are still
  reported;
* text that says what language it is in is judged in that language: an element's ``lang``
  (its own or an ancestor's), a link's ``hreflang``, a language or edition switcher's label;
* a placeholder (or a message key) in text a script shows or fills (hidden until then, a
  placeholder alone in its element, a string the page's scripts carry) is at most a warning;
  a key-shaped link text that its link's address names (``/users/jane_doe``) is an identifier;
* inside chrome text, a link, a button or a separately styled part (a screen-reader label) is
  judged on its own too, where its language can differ from its sentence's;
* a text partly the page's own (a word of its language, a phrase in its script beside another
  script) and a link of three words or more that its address spells (a post's, a product's
  or an event's title: ``/aok-run-for-school.html``) are at most warnings; a link to another
  edition that its address names (``ru.example.com``, ``/pt-br/``) and written in that
  edition's language is no leak.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import replace

from l10n.check.dates import date_findings
from l10n.check.engine import Judge, Verdict, headline_case
from l10n.check.finding import Evidence, Finding, Kind, Severity
from l10n.check.langid import has_word_list, word_zipf
from l10n.check.pagelang import LanguageNote, PageLanguage, decide_language
from l10n.check.scripts import letter_scripts, primary_scripts
from l10n.errors import UsageError
from l10n.languages import is_switcher
from l10n.locales import is_locale, language_of, parse_locale
from l10n.page import Block, Page, Role, Zone, is_in_page, zone_of
from l10n.prose import count_words

__all__ = ["check_page", "is_content"]

_LANGUAGE_KINDS = frozenset({Kind.WRONG_LANGUAGE, Kind.WRONG_SCRIPT, Kind.UNTRANSLATED})
_VALUE_ROLES = frozenset({Role.CREDIT, Role.BYLINE, Role.CAPTION})
_NAME_ROLES = frozenset({Role.SITE, Role.CREDIT, Role.BYLINE, Role.DATELINE})
_CHROME_ROLES = frozenset({Role.CHROME, Role.COUNTER, Role.SITE, Role.SECTION, Role.TAGLINE})
# Attributes that only controls carry, or that name one, and the controls whose text is a
# label (not a form's or a list's options).
_CONTROL_ATTRIBUTES = frozenset({"aria-label", "placeholder", "value"})
_LABELLED_CONTROLS = frozenset({"button", "label", "dialog", "search", "menu", "menuitem", "tab",
                                "checkbox", "radio", "switch"})
# Where a site's menus are: navigation, the header, page furniture (not the footer's labels).
_MENUS = frozenset({"nav", "header", "page", "aside"})
# Attribute contexts (their first word) of controls: interface text wherever they sit.
_CONTROLS = frozenset({"button", "input", "select", "textarea", "placeholder", "dialog", "label",
                       "frame", "search", "navigation", "menu", "menuitem", "tab", "checkbox",
                       "radio", "switch", "slider", "combobox", "option", "form", "object",
                       "video", "audio", "image map"})
# Prose outside any marked zone this long is read as content, not chrome (a tooltip this long
# on furniture is a post's or a site's title, not a label).
_PROSE_WORDS = 10
_PROSE_ATTRIBUTE_WORDS = 8
# What the head says about the article (its title, its summary): in the article's language.
_ABOUT_CONTENT = frozenset({"page title", "meta description", "og:title", "og:description",
                            "twitter:title", "twitter:description"})
# The labels bylines and credits open with, and the languages each is a word of.
_LABEL_LANGUAGES = {
    "by": ("en",), "von": ("de",), "par": ("fr",), "por": ("es", "pt"), "di": ("it",),
    "door": ("nl",), "av": ("sv", "no", "nb"), "af": ("da",), "przez": ("pl",),
    "credit": ("en",), "credits": ("en",), "crédito": ("es", "pt"), "créditos": ("es", "pt"),
    "crédit": ("fr",), "crédits": ("fr",), "photo": ("en", "fr"), "photograph": ("en",),
    "bild": ("de", "sv"), "imagen": ("es",), "immagine": ("it",), "zdjęcie": ("pl",),
    "фото": ("ru", "uk", "bg"),
}
# A label, then a name: after a space or a colon, or glued on ("CreditJane Roe").
_LABEL = re.compile(r"(?P<label>(?i:" + "|".join(sorted(_LABEL_LANGUAGES, key=len, reverse=True))
                    + r"))(?:\s*:\s*|\s+)?(?=[A-ZÀ-ÞА-ЯЁ])")
# "By …" in the languages of the largest news editions, then names joined by "and" words: a
# byline ("By Jane Doe and John Roe", "Por Ana Gil y Luis Paz").
_BY = re.compile(r"(?P<by>by|von|par|por|di|door|av|af|przez|от|автор)\s+(?P<names>.+)",
                 re.IGNORECASE)
_BY_LANGUAGE = {"by": ("en",), "von": ("de",), "par": ("fr",), "por": ("es", "pt"),
                "di": ("it",), "door": ("nl",), "av": ("sv", "no", "nb"), "af": ("da",),
                "przez": ("pl",), "от": ("ru", "bg"), "автор": ("ru", "uk")}
_AND = frozenset({"and", "und", "y", "et", "e", "en", "och", "og", "i", "и", "&", "a", "ve"})
# A photo credit: "© Foto: Name", "Photo: Name/Agency".
_PHOTO_CREDIT = re.compile(r"(?:©|\(c\))?\s*(?:foto|photo|bild|image|imagen|imagem|crédit|credit|"
                           r"fotó|zdjęcie|фото)s?\s*:", re.IGNORECASE)
# A "whole sentence" in content: this many words (teasers are headlines: a little shorter).
_SENTENCE_WORDS = 6
_HEADLINE_WORDS = 5
# A link's text this long that its address spells is a title (see _titles_its_link).
_TITLE_WORDS = 3
# A word of the page's own language inside a text read as another: this common in the page's
# language (Zipf), and this much commoner there than in the other.
_OWN_ZIPF = 3.0
_OWN_MARGIN = 3.0
# A phrase in the page's own script beside another script: this many words of two letters.
_OWN_SCRIPT_WORDS = 3
_SWITCHER_WORDS = 3  # a language switcher's label: a name, perhaps with a region


def is_content(block: Block) -> bool:
    """Whether ``block`` is read as content (see the module rules) rather than chrome. An
    image's or a link's ``alt`` or ``title`` in a teaser or a comment is that text's; in the
    article, as on chrome, the site's own label (the article's alt texts are written by the
    edition); a control's attributes are chrome wherever it is."""
    if block.attribute:
        kind = (block.context or "").split(" ", 1)[0]
        if block.attribute == "content" or kind in _CONTROLS:
            return False
        zone = zone_of(block)
        return zone in (Zone.TEASER, Zone.COMMENT) or (
            zone is Zone.PAGE and count_words(block.text) >= _PROSE_ATTRIBUTE_WORDS)
    if block.role in _CHROME_ROLES:
        return block.role is Role.CHROME and zone_of(block) is Zone.PAGE \
            and count_words(block.text) >= _PROSE_WORDS
    return block.role not in _NAME_ROLES


def check_page(page: Page, judge: Judge, *, label: str, locale: str | None = None,
               default_locale: str | None = None, source_locale: str = "en",
               severity: dict[str, str] | None = None) -> list[Finding]:
    """Findings for one page: its language notes first, then each translatable text in page
    order, judged where it sits, then its dates (:mod:`l10n.check.dates`). ``severity``
    overrides per kind ("error", "warning", "off")."""
    overrides = severity or {}
    language = decide_language(page, judge, label=label, locale=locale,
                               default_locale=default_locale, source_locale=source_locale)
    findings = [f for note in language.notes
                if (f := _note_finding(note, label, language, overrides)) is not None]
    charset = _charset_finding(page, label, language, overrides)
    if charset is not None:
        if charset.severity is Severity.ERROR:
            return [charset]  # every text is garbled: what else it shows says nothing
        findings.append(charset)
    site = page.meta.site if page.meta.site and len(page.meta.site) > 3 else None
    blocks = page.blocks
    for index, block in enumerate(blocks):
        if not block.translatable or not block.text:
            continue
        # A label whose value is the next element ("Foto: <a>Jane Doe</a>") is not empty.
        valued = block.role in _VALUE_ROLES and not _value_follows(blocks, index)
        own = list(_block_findings(block, language, judge, label, overrides, site, valued))
        findings.extend(own)
        if block.segments and all(f.severity is Severity.WARNING for f in own):
            # a warning on the whole text may hide a part wholly in another language
            findings.extend(f for f in _segment_findings(block, language, judge, label,
                                                         overrides)
                            if not own or (f.kind in _LANGUAGE_KINDS
                                           and f.severity is Severity.ERROR))
    findings.extend(date_findings(page, language, label, overrides))
    return findings


def _value_follows(blocks: tuple[Block, ...], index: int) -> bool:
    """Whether a label's value is the next text on the page, on the label's own source line
    (an element of its own: a link, a ``<div>``), so that the label is not left empty."""
    block = blocks[index]
    for after in blocks[index + 1:]:
        if after.attribute is None and after.text:
            return after.line == block.line and not after.text.rstrip().endswith((":", "："))
    return False


def _segment_findings(block: Block, language: PageLanguage, judge: Judge, label: str,
                      overrides: dict[str, str]) -> Iterator[Finding]:
    """The controls and styled parts of a chrome or teaser text, each judged on its own: a
    teaser's foreign-script kicker, a cookie notice's English "settings" link; and in any
    text, a screen-reader-only label ("opens in a new window"), which is the site's
    interface wherever it sits, never a quote."""
    content = is_content(block)
    teaser = zone_of(block) is Zone.TEASER
    for segment in block.segments:
        interface = not content or segment.kind == "screen-reader"
        if not interface and not teaser:
            continue  # a link or emphasis in an article's or a comment's sentence
        locale = language.locale_of(block, not interface)
        verdict = judge.judge(segment.text, locale)
        if verdict is None or is_switcher(segment.text, language_of(locale)):
            continue
        severity = None
        if not interface:
            if not _foreign_script_only(verdict, segment.text):
                continue
            severity = Severity.ERROR
        finding = verdict.place(label, segment.line, segment.column, None, segment.text,
                                locale, overrides, severity=severity)
        if finding is not None:
            yield finding


def _block_findings(block: Block, language: PageLanguage, judge: Judge, label: str,
                    overrides: dict[str, str], site: str | None,
                    valued: bool) -> Iterator[Finding]:
    """``valued``: the block is a label that must carry its value itself (a credit, a byline
    or a caption whose value is not the next element)."""
    content = is_content(block)
    locale = language.locale_of(block, content or block.context in _ABOUT_CONTENT)
    text = block.text
    if site and site in text and text != site:
        text = text.replace(site, " ")  # the site's own name says nothing of the language
    leak = _label_leak(text, locale) \
        if block.role in _VALUE_ROLES or _byline_shape(text) else None
    if leak is not None:  # a label in another language: the page's own wording, an error
        finding = leak.place(label, block.line, block.column, block.attribute, block.text,
                             locale, overrides)
        if finding is not None:
            yield finding
        return
    verdict = judge.judge(text, locale, value_role=valued,
                          names=block.role in _NAME_ROLES or _names_only(text, locale)
                          or _names_its_site(block), control=_is_control(block))
    if verdict is None:
        return
    if verdict.kind in (Kind.WRONG_LANGUAGE, Kind.WRONG_SCRIPT) and block.lang \
            and block.lang in language.unknown:
        return  # marked as a language CLDR does not know: not the page's, and not a leak
    if verdict.kind is Kind.WRONG_LANGUAGE and verdict.detected is not None and \
            language_of(verdict.detected) in language.spoken:
        return  # a mislabelled page's other language: its one page-language finding says so
    if verdict.kind in (Kind.WRONG_LANGUAGE, Kind.WRONG_SCRIPT) and (
            block.context == "language switcher" or is_switcher(block.text, language_of(locale))
            or (block.hreflang and _in_target_language(block, judge, verdict))
            or _to_edition(block, verdict, locale)):
        return  # a language or edition switcher's label, or a link to another edition
    severity = None
    if verdict.kind is Kind.TEMPLATE_ARTIFACT:
        if verdict.message.startswith("message key") and (
                content or (zone_of(block) is not Zone.CHROME and not block.attribute)):
            return  # keys are looked for in chrome only: a username is no key
        if verdict.message.startswith("message key") and _names_its_link(block):
            return  # a username or a slug its own link points to
        if block.scripted and verdict.message.startswith(("unfilled placeholder",
                                                           "message key")):
            severity = Severity.WARNING  # a script fills it before anyone sees it
    if _menu_title(block, verdict):
        severity = Severity.WARNING
    if verdict.kind in _LANGUAGE_KINDS and _titles_its_link(block):
        severity = Severity.WARNING  # the title of the post, product or event it leads to
    mixed = _mixed(verdict, text, locale)
    if mixed is not None:
        verdict, severity = mixed, Severity.WARNING
    if content and verdict.kind in (Kind.WRONG_LANGUAGE, Kind.WRONG_SCRIPT):
        if (block.attribute or zone_of(block) is Zone.TEASER) and \
                _foreign_script_only(verdict, block.text):
            pass  # an image's alt, a teaser, all in another script: no quote, a leak
        elif not _whole_sentence(block, verdict, judge):
            return
        else:
            severity = Severity.WARNING
    finding = verdict.place(label, block.line, block.column, block.attribute, block.text,
                            locale, overrides, severity=severity)
    if finding is not None:
        yield finding


def _is_control(block: Block) -> bool:
    """Whether a block is a control's own text: a button, a field's label or placeholder, a
    dialog's, an ``aria-label`` (interface text, which names rarely are; a list's options are
    its data: countries, products)."""
    return block.attribute in _CONTROL_ATTRIBUTES \
        or (block.context or "").split(" ", 1)[0] in _LABELLED_CONTROLS


def _label_leak(text: str, locale: str) -> Verdict | None:
    """A byline's or credit's label in another language than the page's, before the names
    it introduces ("By Ana Gil y Luis Paz", "CreditJane Roe para …" on a Spanish page): the
    names are no evidence, the label is."""
    found = _LABEL.match(text.strip())
    if found is None:
        return None
    word = found["label"]
    stripped = text.strip()
    if found.end() == found.end("label") and (
            word.isupper() or not stripped[found.end() + 1:found.end() + 2].islower()):
        return None  # glued on, a label starts a name ("CreditJane"), not a word ("DIY-Kiste")
    languages = _LABEL_LANGUAGES[word.lower()]
    if language_of(locale) in languages:
        return None
    following = stripped[found.end():].split(maxsplit=1)
    calendar = _calendar_words(locale)
    if word.lower() in calendar and following and \
            following[0].lower().rstrip(".,") in calendar:
        return None  # the page's own day, twice: "Di Dienstag" (German Tuesday), no "by"
    return Verdict(Kind.WRONG_LANGUAGE, False, Evidence.PATTERN,
                   f"the label {word!r} is {_language_name(languages[0])}, "
                   f"not {_language_name(language_of(locale))}", languages[0], None)


@functools.lru_cache(maxsize=64)
def _calendar_words(locale: str) -> frozenset[str]:
    """The names of the days and months in ``locale`` (CLDR: wide, abbreviated and short,
    lower-case, without a final full stop)."""
    from babel import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    names: set[str] = set()
    for code in (locale, language_of(locale)):  # "fr_AA": a shape Babel has no data for
        try:
            for width in ("wide", "abbreviated", "short"):
                names.update(get_day_names(width, locale=code).values())
                if width != "short":
                    names.update(get_month_names(width, locale=code).values())
        except (UnknownLocaleError, ValueError):
            continue
        break
    return frozenset(name.lower().rstrip(".") for name in names)


def _language_name(code: str) -> str:
    from babel import Locale

    name = Locale("en").languages.get(code)
    return f"{name} ({code})" if name else code


def _names_its_site(block: Block) -> bool:
    """Whether a link (or its tooltip) names the site it leads to: its words from the first
    on (one other word allowed), or its initials, are in the address's host ("FL Keys News
    Logo" → flkeysnews.com, "Tribune de Genève" → tdg.ch): another site's or a brand's name,
    no label."""
    if not block.href or "//" not in block.href:
        return False
    host = block.href.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    host = host.removeprefix("www.")
    if not host or "." not in host:
        return False
    name = host.rsplit(".", 1)[0]
    words = [w.lower() for w in re.findall(r"[^\W\d_]{3,}", block.text)]
    inside = [w in name for w in words]
    if words and inside[0] and sum(inside) >= min(2, len(words)) \
            and len(words) - sum(inside) <= 1:
        return True  # starts with the name; "Get it on Google Play" starts with a verb
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", block.text)).lower()
    return len(initials) >= 3 and initials in name.split(".")


def _titles_its_link(block: Block) -> bool:
    """Whether a link's text (or its ``title``) of several words is the name its address was
    made from ("AOK Run for School" → ``/aok-run-for-school.html``, "Charles de Thierry" →
    ``/wiki/Charles_de_Thierry``): the title of a post, a product, a course or an event,
    which a site keeps as its author wrote it; interface links lead elsewhere ("Share on
    Facebook", "Skip to content")."""
    if not block.href or block.attribute not in (None, "title") \
            or count_words(block.text) < _TITLE_WORDS:
        return False
    wanted = _slug(block.text)
    return bool(wanted) and wanted in _path_slugs(block.href)


@functools.lru_cache(maxsize=4096)
def _path_slugs(href: str) -> frozenset[str]:
    """The segments of an address's path as :func:`_slug` leaves a title: escapes decoded,
    extensions, numeric ids and a trailing ``_node``-style suffix dropped."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(href).path)
    slugs = set()
    for segment in path.split("/"):
        segment = re.sub(r"\.(?:s?html?|php|aspx?)$", "", segment.lower())
        for part in (segment, re.sub(r"^\d+-|-\d+$", "", segment), segment.rsplit("_", 1)[0]):
            slugs.add(_slug(part))
    slugs.discard("")
    return frozenset(slugs)


def _slug(text: str) -> str:
    """A text as sites make addresses of titles: lower case, accents dropped, letters and
    digits only (hyphens, underscores and the punctuation sites drop all go)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower())
                    if not unicodedata.combining(ch))
    return "".join(ch for ch in plain if ch.isalnum())


def _names_its_link(block: Block) -> bool:
    """Whether a link's text is the last segment of its address (``/users/jane_doe``)."""
    if not block.href:
        return False
    path = block.href.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1].lower()
    return bool(last) and last == block.text.strip().lower()


def _names_only(text: str, locale: str) -> bool:
    """A photo credit ("© Foto: Name") or a byline in the page's language ("By Name" on an
    English page): names, not language. "By Name" on a Spanish page is a label left in
    English, and judged."""
    stripped = text.strip()
    if _PHOTO_CREDIT.match(stripped):
        return True
    by = _BY.fullmatch(stripped)
    return by is not None and language_of(locale) in _BY_LANGUAGE[by["by"].lower()] \
        and _byline_shape(stripped)


def _byline_shape(text: str) -> bool:
    """"By" (in any of the languages :data:`_BY` knows), then names joined by "and" words."""
    by = _BY.fullmatch(text.strip())
    if by is None:
        return False
    words = by["names"].replace(",", " ").split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _AND for w in words)


def _mixed(verdict: Verdict, text: str, locale: str) -> Verdict | None:
    """The verdict, as a warning, on a text that is partly the page's own: a word of the
    page's language that the detected one lacks ("Blog der Société d'histoire …",
    "… Terrier Welpen" on a German page), or a phrase of the page's words in its own script
    beside another script ("千里之外 (Qian Li Zhi Wai - Jay Chou)"). A leaked string is written
    wholly in its language (code names and loanwords aside); a name, a title or a
    romanisation inside the page's own text is no leak. None otherwise."""
    if verdict.kind is Kind.WRONG_LANGUAGE and verdict.evidence is Evidence.STATISTICS \
            and verdict.detected is not None:
        page, other = language_of(locale), language_of(verdict.detected)
        own = sorted(w.lower() for w in _plain_words(text) if _own_word(w, page, other))
        if own:
            return replace(verdict, message=f"{verdict.message}; but {own[0]!r} is "
                                            f"{_language_name(page)}: partly the page's "
                                            f"own text")
    if verdict.kind is Kind.WRONG_SCRIPT and not verdict.warning:
        scripts = primary_scripts(locale)
        words = [w for w in _plain_words(text) if len(w) > 1
                 and set(letter_scripts(w)) <= scripts]
        if len(words) >= _OWN_SCRIPT_WORDS:
            return replace(verdict, message=f"{verdict.message}; beside a phrase in the "
                                            f"page's own script (a title with its "
                                            f"translation or romanisation)")
    return None


def _plain_words(text: str) -> list[str]:
    """The text's words, code names and paths left out (``html_static_path``, ``conf.py``,
    ``META-INF/container.xml``): a leaked message keeps those in any language."""
    tokens = (t.lstrip("\"'“”«»([{¡¿").rstrip("\"'“”«»)]},;:!?.…") for t in text.split())
    return [t for t in tokens if t and re.fullmatch(r"[^\W\d_]+(?:['’][^\W\d_]+)?", t)]


def _own_word(word: str, page: str, other: str) -> bool:
    """Common in the page's language (Zipf 3 or more) and, in the other, far rarer (3 less)
    or, for a capitalised word (a noun, a place), not listed at all. Another list's gaps are
    no evidence for a lower-case or upper-case word: technical loanwords ("token", "TODO")
    are missing from lists that leaked messages come from."""
    lower = word.lower()
    zipf = word_zipf(lower, page)
    if zipf < _OWN_ZIPF:
        return False
    theirs = word_zipf(lower, other)
    if theirs > 0:
        return zipf - theirs >= _OWN_MARGIN
    return word[0].isupper() and word[1:].islower()


def _menu_title(block: Block, verdict: Verdict) -> bool:
    """A menu's link written in Title Case, judged by statistics alone: the name of a rubric,
    a series, an event or a product ("Serve and Drive", "All Star Game"), which sites keep in
    its own language; a warning. Footers, forms and buttons hold the site's labels instead,
    and so do links within the page ("Jump to Navigation" → ``#navigation``): they name no
    rubric, only a place on the page."""
    return verdict.evidence is Evidence.STATISTICS and block.href is not None \
        and not is_in_page(block.href) and not block.attribute \
        and block.context in _MENUS and headline_case(block.text)


def _foreign_script_only(verdict: Verdict, text: str) -> bool:
    """A sure script verdict: the text is written in a script the page does not use
    ("Одобрить" on a German page, "Environnement de sérialisation" on a Hindi one), not a
    name in Latin letters the judge only warns about."""
    return verdict.kind is Kind.WRONG_SCRIPT and not verdict.warning


def _whole_sentence(block: Block, verdict: Verdict, judge: Judge) -> bool:
    """In content, only a whole sentence in another of the site's languages is worth a
    warning (statistics strong enough for an error elsewhere; another script likewise)."""
    words = count_words(block.text)
    wanted = _HEADLINE_WORDS if block.role is Role.TEASER else _SENTENCE_WORDS
    cjk = sum(1 for ch in block.text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    if words < wanted and cjk < 4 * wanted:
        return False
    if verdict.evidence is Evidence.STATISTICS:
        return verdict.statistical_error and verdict.detected is not None \
            and language_of(verdict.detected) in judge.languages
    return True


def _to_edition(block: Block, verdict: Verdict, locale: str) -> bool:
    """Whether a link leads to another language's edition and is written in it: its address
    names that language (``ru.example.com``, ``/ru/``, ``/pt-br/``) and the text reads as it."""
    if not block.href or verdict.detected is None:
        return False
    language = _address_language(block.href)
    return language is not None and language != language_of(locale) \
        and language == language_of(verdict.detected)


def _address_language(href: str) -> str | None:
    """The language an address's host or first path segment names by its code, or None."""
    rest = href.split("//", 1)[1] if "//" in href else href
    host, _, path = rest.partition("/")
    candidates = [host.split(".", 1)[0]] if host.count(".") >= 2 else []
    candidates += [path.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]]
    for code in candidates:
        if re.fullmatch(r"[a-z]{2}(?:[-_][a-zA-Z]{2,4})?", code) and is_locale(code[:2]):
            return code[:2]
    return None


def _in_target_language(block: Block, judge: Judge, verdict: Verdict) -> bool:
    """Whether a link's text (or tooltip) is in the language its ``hreflang`` names: the
    detector says so, the text is fine judged in that language, or (a language l10n has no
    words of, known by one likely script alone) the link's ``lang`` names it too and the text
    is a switcher's few words. A language CLDR does not know (Wikipedia's ``bxr``) is taken
    at its word."""
    assert block.hreflang is not None
    try:
        target = parse_locale(block.hreflang)
    except UsageError:
        return bool(re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", block.hreflang))
    if verdict.detected is not None and language_of(verdict.detected) == language_of(target):
        return True
    language = language_of(target)
    if block.lang and language_of(block.lang) == language and not has_word_list(language) \
            and count_words(block.text) <= _SWITCHER_WORDS:
        return True  # marked twice, in a language l10n has no words of (Pali in Devanagari)
    return judge.judge(block.text, target) is None


def _charset_finding(page: Page, label: str, language: PageLanguage,
                     overrides: dict[str, str]) -> Finding | None:
    """One finding for what a page's bytes make readers see: every non-ASCII character
    garbled (a declared charset the bytes are not in: an error), or a few bytes a browser
    shows as "�" (a warning)."""
    problem = page.meta.charset_problem
    if problem is None:
        return None
    whole = "mojibake" in problem
    verdict = Verdict(Kind.MOJIBAKE, False, Evidence.PATTERN, problem, warning=not whole)
    return verdict.place(label, 1, 1, "charset", "", language.declared or language.content,
                         overrides, severity=Severity.ERROR if whole else Severity.WARNING)


def _note_finding(note: LanguageNote, label: str, language: PageLanguage,
                  overrides: dict[str, str]) -> Finding | None:
    verdict = Verdict(note.kind, False, note.evidence, note.message, note.detected,
                      note.confidence, warning=note.warning)
    locale = language.declared or language.content
    return verdict.place(label, note.line, note.column, note.attribute, note.text, locale,
                         overrides, severity=Severity.WARNING if note.warning else Severity.ERROR)
