"""Pull page chrome into gettext templates: ``chrome.pot``, ``places.pot``, ``agencies.pot``.

* **chrome**: every chrome, site, section and tagline block, one entry per distinct
  (msgctxt, msgid) across all pages. The msgctxt says where the text sits by meaning (``nav``,
  ``button``, ``footer``, ``dialog title``, ``placeholder``...), never a line number, so it
  stays put when pages change; ``#:`` lists every ``path:line`` and ``#.`` says where the
  string sits, with an example page. A labelled counter ("12 comments") becomes a plural
  entry in ``python-brace-format`` (``{count} share`` / ``{count} shares``); a bare number
  is not extracted.
* **places** and **agencies**: the city and the agency of each dateline (not one entry per
  dateline), in normal case: house styles upper-case them when they render. The city is the
  city alone (``Raleigh``, not ``Raleigh, N.C.``); a region printed with it (state, country)
  is an entry of its own, msgctxt ``dateline region``, for the styles that print one (AP,
  EFE): one translation serves every city of that region, and CLDR names countries where
  the catalog has none.
* **reported, not extracted**: technical strings shown to readers ("loader": one lower-case
  token rarer than Zipf 3.5 in the source language), identifiers (host and file names and
  web addresses used as text, handles, hashtags, shell commands, cookie names, LaTeX, query
  strings: nothing a translator translates), dates (an archive menu's "März 2015 (19)", a
  comment's time: an entry per date is nothing to translate), text that is not in the source
  language, mojibake, template artifacts, chrome lines of seven words or more (teasers and
  related headlines), and whole pages that are not in the source language. Article text
  (titles, descriptions, image alt and title text inside the story) belongs to the article
  catalogs, not to chrome.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from l10n.chrome import (
    CHROME_ROLES,
    TEASER_WORDS,
    TEMPLATE_STRINGS,
    chrome_context,
    counter_entry,
    is_technical,
    normal_case,
)
from l10n.errors import InputError
from l10n.locales import parse_locale
from l10n.page import Block, Format, Page, Role
from l10n.po import Catalog, Message, read_po, write_po
from l10n.prose import collapse_space, count_words
from l10n.version import __version__

__all__ = [
    "DOMAINS",
    "Extraction",
    "Skipped",
    "TemplateWrite",
    "article_messages",
    "extract_article",
    "extract_articles",
    "extract_pages",
    "extract_templates",
    "template_catalog",
]

DOMAINS = ("chrome", "places", "agencies")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A string shown to readers that extraction reports instead of extracting."""

    path: str
    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: not extracted: {self.text!r} ({self.reason})"


@dataclass
class _Entry:
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    references: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    flags: tuple[str, ...] = ()


@dataclass
class Extraction:
    """Entries per domain in order of first appearance, and what was left out."""

    entries: dict[str, list[_Entry]] = field(default_factory=lambda: {d: [] for d in DOMAINS})
    skipped: list[Skipped] = field(default_factory=list)
    _index: dict[tuple[str, str | None, str], _Entry] = field(default_factory=dict)

    def add(self, domain: str, msgctxt: str | None, msgid: str, reference: str, comment: str,
            *, plural: str | None = None, flags: tuple[str, ...] = ()) -> None:
        key = (domain, msgctxt, msgid)
        entry = self._index.get(key)
        if entry is None:
            entry = _Entry(msgctxt, msgid, plural, flags=flags)
            self._index[key] = entry
            self.entries[domain].append(entry)
        if reference not in entry.references:
            entry.references.append(reference)
        if comment not in entry.comments and len(entry.comments) < 1:
            entry.comments.append(comment)

    def messages(self, domain: str) -> list[Message]:
        """The template's entries of ``domain`` as PO messages."""
        out = []
        for entry in self.entries[domain]:
            plural = entry.msgid_plural is not None
            out.append(Message(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgid_plural=entry.msgid_plural,
                msgstr_plural=("", "") if plural else (),
                extracted_comments=tuple(entry.comments),
                references=tuple(entry.references),
                flags=entry.flags,
            ))
        return out


def extract_pages(
    pages: Iterable[Page],
    *,
    source_locale: str = "en",
    judge: object | None = None,
) -> Extraction:
    """Extract chrome, places and agencies from ``pages`` (in the order given)."""
    from l10n.check.engine import Judge
    from l10n.locales import language_of

    judge = judge if isinstance(judge, Judge) else Judge(source_locale=source_locale)
    extraction = Extraction()
    for page in pages:
        language = _page_language(page, judge)
        if language is not None and language != language_of(source_locale):
            extraction.skipped.append(Skipped(
                page.path, 1, page.meta.title or "",
                f"the page is in {language}, not the source language "
                f"{language_of(source_locale)}"))
            continue
        for block in page.blocks:
            _extract_block(extraction, page, block, judge, source_locale)
    return extraction


def add_template_strings(extraction: Extraction) -> None:
    """The render template's own strings (msgctxt ``template``): scraped-text pages are
    rendered through it, so its words belong in the chrome catalog too."""
    for text in TEMPLATE_STRINGS:
        extraction.add("chrome", "template", text, "l10n/templates/article.html",
                       "the render template's own text")


def _page_language(page: Page, judge: object) -> str | None:
    """The language a page declares, or the language of its article text."""
    from l10n.check.engine import Judge
    from l10n.locales import is_locale, language_of

    assert isinstance(judge, Judge)
    if page.locale and is_locale(page.locale):
        return language_of(page.locale)
    guessed = judge.guess_locale(" ".join(b.text for b in page.blocks if b.role.is_article))
    return language_of(guessed) if guessed else None


def _extract_block(extraction: Extraction, page: Page, block: Block, judge: object,
                   source_locale: str) -> None:
    from l10n.check.engine import Judge

    assert isinstance(judge, Judge)
    reference = f"{page.path}:{block.line}"
    if not block.translatable:
        return
    if block.role is Role.DATELINE and block.dateline is not None:
        _extract_dateline(extraction, page, block, reference)
        return
    if block.role is Role.COUNTER:
        entry = counter_entry(block, source_locale)
        if entry is None:
            return  # a bare number
        reason = _not_extractable(entry.label, judge, source_locale)
        if reason is not None:
            extraction.skipped.append(Skipped(page.path, block.line, block.text, reason))
            return
        extraction.add("chrome", entry.msgctxt, entry.singular, reference, _where(block, page),
                       plural=entry.plural, flags=("python-brace-format",))
        return
    context = chrome_context(block)
    if context is None:
        return
    text = collapse_space(block.text)
    reason = _not_extractable(text, judge, source_locale)
    if reason is None and block.role is Role.CHROME and count_words(text) >= TEASER_WORDS:
        reason = "a headline or teaser, not chrome"
    if reason is not None:
        extraction.skipped.append(Skipped(page.path, block.line, text, reason))
        return
    extraction.add("chrome", context, text, reference, _where(block, page))


def _extract_dateline(extraction: Extraction, page: Page, block: Block, reference: str) -> None:
    dateline = block.dateline
    assert dateline is not None
    where = f"dateline of {page.path}"
    if dateline.city:
        extraction.add("places", "dateline city", normal_case(dateline.city), reference, where)
    if dateline.region:
        extraction.add("places", "dateline region", normal_case(dateline.region), reference,
                       where)
    if dateline.agency:
        extraction.add("agencies", "news agency", dateline.agency, reference, where)


def _where(block: Block, page: Page) -> str:
    """Where the string sits, for the translator: ``footer chrome, e.g. page.html``."""
    if block.attribute:
        place = f"{block.attribute} attribute of {block.element}"
    elif block.role is Role.CHROME:
        place = f"{block.context or 'page'} chrome"
    elif block.role is Role.COUNTER:
        place = f"counter ({block.text})"
    else:
        place = CHROME_ROLES.get(block.role) or str(block.role)
    return f"{place}, e.g. {page.path}"


def _not_extractable(text: str, judge: object, source_locale: str) -> str | None:
    """Why ``text`` should be reported rather than extracted, or None."""
    from l10n.check.engine import Judge
    from l10n.check.langid import word_zipf
    from l10n.check.names import MESSAGE_KEY, identifier_kind
    from l10n.locales import language_of
    from l10n.readers.lines import line_kind

    assert isinstance(judge, Judge)
    if not any(ch.isalpha() for ch in text):
        return "no words"
    kind = identifier_kind(text)
    if kind is not None and kind != MESSAGE_KEY:  # a key is the judge's: a leak, or a label
        return f"a {kind}, not a label"
    if line_kind(text) == "date":  # an archive's "März 2015 (19)", a comment's time
        return "a date, not a label"
    if is_technical(text, lambda word: word_zipf(word, language_of(source_locale))):
        return "a technical string, not a label"
    verdict = judge.judge(text, source_locale)
    if verdict is not None:
        return f"{verdict.kind}: {verdict.message}"
    return None


def template_catalog(messages: list[Message], domain: str, *, created: str,
                     source_locale: str = "en") -> Catalog:
    """A POT with xgettext's standard header and ``messages``; its Plural-Forms are the
    source language's (CLDR), so ``msgfmt -c`` accepts the template itself."""
    from l10n.catalogs.create import plural_forms

    header = (
        f"Project-Id-Version: {domain}\n"
        "Report-Msgid-Bugs-To: \n"
        f"POT-Creation-Date: {created}\n"
        "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
        "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
        "Language-Team: LANGUAGE <LL@li.org>\n"
        "Language: \n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {plural_forms(source_locale)}\n"
        f"X-Generator: l10n {__version__}\n"
    )
    head = Message(
        msgid="",
        msgstr=header,
        translator_comments=(f"Translations of the {domain} domain of news pages.",
                             "This file is generated by `l10n extract`; edit the .po files."),
        flags=("fuzzy",),
    )
    return Catalog(messages=[head, *messages])


def creation_date() -> str:
    """Now (or ``SOURCE_DATE_EPOCH``, for reproducible builds) in gettext's format."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() \
        else datetime.fromtimestamp(time.time(), UTC)
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def same_entries(old: Catalog, new: Catalog) -> bool:
    """True when two templates hold the same entries (their creation dates aside)."""
    def body(catalog: Catalog) -> list[Message]:
        return [m for m in catalog.messages if not m.is_header]
    return body(old) == body(new)


def render_template(extraction: Extraction, domain: str, existing: bytes | None,
                    path: str) -> tuple[bytes, bool]:
    """The POT bytes for ``domain`` and whether they differ from ``existing`` (dates aside).

    An unchanged template keeps its bytes (and its creation date), so extraction is
    reproducible; a changed one gets today's date.
    """
    messages = extraction.messages(domain)
    if existing is not None:
        old = read_po(existing, path=path)
        candidate = template_catalog(messages, domain, created="")
        if same_entries(old, candidate):
            return existing, False
    return write_po(template_catalog(messages, domain, created=creation_date())), True


def iter_reports(extraction: Extraction) -> Iterator[str]:
    """One line per string that was reported instead of extracted."""
    for skipped in extraction.skipped:
        yield str(skipped)


@dataclass(frozen=True, slots=True)
class TemplateWrite:
    """One template: where, and whether extraction changed it."""

    path: str
    domain: str
    entries: int
    changed: bool


def extract_templates(
    paths: Iterable[str],
    directory: str | os.PathLike[str],
    *,
    domains: tuple[str, ...] = DOMAINS,
    output: str | os.PathLike[str] | None = None,
    source_locale: str = "en",
    check: bool = False,
) -> tuple[list[TemplateWrite], list[Skipped]]:
    """Read the pages under ``paths``, extract, and write (or with ``check`` compare) the
    templates: ``<directory>/<domain>.pot``, or ``output`` for a single domain."""
    from pathlib import Path

    from l10n.catalogs.layout import template_path
    from l10n.files import write_atomic
    from l10n.readers import read_site
    from l10n.readers.targets import iter_targets

    parse_locale(source_locale)
    files = [str(t.path) for t in iter_targets(list(paths), ("*.html", "*.htm", "*.txt"), ())
             if t.path is not None and not t.is_catalog]
    if not files:
        raise InputError("no pages to extract from", path=", ".join(paths),
                         hint="give HTML (.html, .htm) or text (.txt) pages or directories of "
                              "them; no template was written")
    pages = read_site(files)
    extraction = extract_pages(pages, source_locale=source_locale)
    if any(page.format is Format.TEXT for page in pages):
        add_template_strings(extraction)
    results = []
    for domain in domains:
        target = Path(output) if output is not None else template_path(directory, domain)
        existing = target.read_bytes() if target.is_file() else None
        data, changed = render_template(extraction, domain, existing, str(target))
        if changed and not check:
            write_atomic(target, data)
        results.append(TemplateWrite(str(target), domain, len(extraction.entries[domain]),
                                     changed))
    return results, extraction.skipped


def extract_babel(
    fileobj: object, keywords: object, comment_tags: object, options: dict[str, str]
) -> Iterator[tuple[int, str, object, list[str]]]:
    """Babel extractor (``babel.extractors`` entry point ``l10n_chrome``) for HTML and
    scraped-text pages: the same chrome as ``l10n extract``, as ``pgettext`` /
    ``npgettext`` calls so Babel keeps the msgctxt.

    In ``babel.cfg``: ``[l10n_chrome: **.html]`` (option ``source_locale``, default ``en``).
    """
    from l10n.readers import parse_page

    name = getattr(fileobj, "name", "<babel>")
    data = fileobj.read()  # type: ignore[attr-defined]
    page = parse_page(data, path=str(name))
    extraction = extract_pages([page], source_locale=options.get("source_locale", "en"))
    for message in extraction.messages("chrome"):
        line = int(message.references[0].rsplit(":", 1)[1]) if message.references else 0
        comments = list(message.extracted_comments)
        if message.msgid_plural is not None:
            yield line, "npgettext", (message.msgctxt, message.msgid, message.msgid_plural), \
                comments
        else:
            yield line, "pgettext", (message.msgctxt, message.msgid), comments


_ARTICLE_ROLES = (Role.HEADLINE, Role.LEDE, Role.PARAGRAPH, Role.CAPTION, Role.CREDIT,
                  Role.BYLINE)


def article_messages(page: Page) -> list[Message]:
    """A per-article template, po4a-style: headline, lede, each paragraph, captions, credits,
    bylines and the story's image texts, one entry per distinct text, in page order. Teasers
    are other articles' text, and comments readers' text: neither is in it."""
    seen: dict[str, int] = {}
    out: list[Message] = []
    for block in page.blocks:
        is_text = block.role in _ARTICLE_ROLES and not block.attribute
        is_attribute = block.attribute is not None and chrome_context(block) is None \
            and block.context not in ("page title", "meta description") \
            and not (block.context or "").startswith(("og:", "twitter:"))
        if not block.translatable or not (is_text or is_attribute) or block.repeat_of is not None:
            continue
        reference = f"{page.path}:{block.line}"
        kind = f"{block.attribute} attribute" if block.attribute else str(block.role)
        if block.text in seen:
            index = seen[block.text]
            out[index] = replace(out[index], references=(*out[index].references, reference))
            continue
        seen[block.text] = len(out)
        out.append(Message(msgid=block.text, extracted_comments=(f"type: {kind}",),
                           references=(reference,)))
    return out


def extract_article(path: str | os.PathLike[str], directory: str | os.PathLike[str], *,
                    check: bool = False) -> TemplateWrite:
    """Write ``<directory>/articles/<slug>.pot`` for one source page (slug: the file's stem)."""
    return extract_articles([path], directory, check=check)[0]


def extract_articles(paths: Iterable[str | os.PathLike[str]],
                     directory: str | os.PathLike[str], *,
                     check: bool = False) -> list[TemplateWrite]:
    """:func:`extract_article` for each page; every page is read before the first template
    is written, so a page that cannot be read leaves them all as they were."""
    from l10n.readers import read_page

    pages = [(path, read_page(path)) for path in paths]
    return [_article_template(path, page, directory, check) for path, page in pages]


def _article_template(path: str | os.PathLike[str], page: Page,
                      directory: str | os.PathLike[str], check: bool) -> TemplateWrite:
    """Compare, and unless ``check`` write, the per-article template of ``page``."""
    from pathlib import Path

    from l10n.files import write_atomic

    slug = Path(path).stem
    target = Path(directory) / "articles" / f"{slug}.pot"
    messages = article_messages(page)
    existing = target.read_bytes() if target.is_file() else None
    if existing is not None and same_entries(read_po(existing, path=str(target)),
                                             template_catalog(messages, f"articles/{slug}",
                                                              created="")):
        return TemplateWrite(str(target), f"articles/{slug}", len(messages), False)
    data = write_po(template_catalog(messages, f"articles/{slug}", created=creation_date()))
    if not check:
        write_atomic(target, data)
    return TemplateWrite(str(target), f"articles/{slug}", len(messages), True)
