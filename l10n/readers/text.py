"""Read scraped article text (one text per line, as scrapers save pages) into a :class:`Page`.

A scraper flattens a page into lines: the site's chrome, the headline, photo credits, the body,
then more chrome. Nothing marks which is which, so the reader decides by position and shape.
The rules, in the order they apply:

1. Blank lines (spaces and no-break spaces only) give no block. Positions are 1-based line and
   column (in characters) of the block's first character; lines are counted as editors count
   them (only CR LF, CR and LF end one; a form feed or U+2028 splits blocks, not lines).
2. **Site.** A first line ``- Name`` (``|`` or a dash: the page-title suffix a scraper leaves)
   gives a ``site`` block ``Name``.
3. **Body.** A *body paragraph* is a line of at least 12 words (CJK: 30 characters), or of at
   least 6 words (CJK: 15 characters) that ends with sentence punctuation (closing quotes and
   brackets count). The body runs from the first to the last body paragraph; the first is the
   ``lede`` (the body need not repeat it). Inside the body every line is a ``paragraph`` (short
   ones are subheads) except bare numbers (``counter``), credits, captions after a credit and
   datelines. A sentence right after a credit line is no body paragraph but that photo's
   ``caption`` when the line after it is no body paragraph either (a byline, a date, share
   buttons): captions are sentences too. (Followed by a body paragraph, it stays one.)
4. **Headline.** The first line before the body with at least 4 words (CJK: 8 characters) that
   does not end a sentence and is not a site line, a credit or known chrome.
5. **Header zone** (before the headline): the first short line (1-3 words) right after the site
   line is the ``section``; a sentence of 6 or more words is the ``tagline``; numbers are
   ``counter``; everything else is ``chrome`` (navigation).
6. **Between headline and lede**: a line starting with ``©``, ``(c)`` or a photo label, or a
   short line (six words at most) where a slash joins a news agency and a name (``Name/dpa``,
   ``EFE/Name``, ``AP Photo/Name``, ``(REUTERS/Name)``), is a ``credit`` (a caption glued to it
   by the scraper is split off as a ``caption``, where the next line repeats it or a lowercase
   letter runs straight into a capital); the line after a credit, alone on its line, is a
   ``caption`` unless it is chrome-like (two words or fewer); a line starting with a byline
   marker (``By``, ``Von``, ``Автор:``...) or holding only a date and time is a ``byline``; other
   lines of four or more words are captions; shorter lines are ``chrome`` ("Subscribe").
7. **Standfirst.** When a credit, byline or date line stands between the first body paragraph
   and the second, the first is a standfirst set above the photo and the byline: it stays the
   ``lede``, the lines between are read as in rule 6, and the body proper starts at the second
   (a ``paragraph``, after its dateline when one opens it).
8. **Datelines.** A line that is only a dateline is a ``dateline`` block; a paragraph opening with
   one is split into a ``dateline`` block and the rest of the paragraph, which keeps its role.
9. **Footer zone** (after the body): datelines, counters (``0``, ``12 comments``) and credits
   keep those roles; everything else is ``chrome``.
10. **Repeats.** A line equal to an earlier block's text, or to it followed by `` - Site``, takes
    that block's role and records ``repeat_of`` (a paragraph repeating the lede stays a
    paragraph).
11. **Known chrome.** A line in ``known_chrome`` (the source strings of the site's catalogs, or
    lines that recur on two or more pages of one site) is ``chrome`` wherever it stands, unless it
    is the site, section or tagline of the header.
11. **Metadata.** The title is the headline; the byline the first ``byline`` block that opens
    with a byline marker, as written; the publication time the first date and time a
    ``byline`` block prints, and the publication date its date, else the first date with a
    year a ``byline`` block prints (a date alone is no time). A text page declares no
    language and no direction.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime
from typing import NamedTuple

from l10n.dateline import is_known_agency, parse_dateline, split_dateline
from l10n.page import Block, Format, Location, Page, PageMeta, Role
from l10n.prose import collapse_space, count_cjk, count_words, ends_sentence, parse_counter
from l10n.timestamps import parse_timestamp

__all__ = ["read_text_page"]

_SITE_LINE = re.compile(r"^[-–—|]\s+(?P<name>\S.*)$")
# Labels that open a photo credit, by language; language data, not page text.
_CREDIT_OPENERS = re.compile(
    r"^(?:©|\(c\)\s|\(C\)\s|Copyright\b|(?:Photo|Foto|Fotó|Фото|Світлина|Zdjęcie|Fotoğraf|صورة|"
    r"عکس|תמונה|写真|图片|圖片|사진|फोटो)\s*[:：/|-])",
)
# A credit without a label: a news agency beside the photographer, split by a slash
# ("Name/dpa", "EFE/Name", "AP Photo/Name", "REUTERS/Name"), perhaps in parentheses.
_SLASH_CREDIT = re.compile(r"^\(?(?P<inner>[^()/]{1,40}(?:/[^()/]{1,40}){1,2})\)?$")
_SLASH_CREDIT_WORDS = 6
# Words beside the agency's name in such a credit ("AP Photo", "AFP/Getty Images"), by language.
_PHOTO_WORDS = frozenset(
    ("photo", "photos", "foto", "fotos", "bild", "images", "pool", "file", "archivo", "archiv",
     "archives", "фото")
)  # fmt: skip
# Words that open a byline, by language: "By", "Von", "Автор:"...
_BYLINE_OPENERS = re.compile(
    r"^(?:By|Von|Par|Por|Di|Door|Av|Af|Od|Autor(?:in)?:?|Автор(?:ы)?:?|Автори?:?|Yazar:?|بقلم|"
    r"کاتب:?|מאת|文・|文／|作者[:：]?|記者[:：]?|기자)\s+\S",
)


# Only these end a line for editors and ``path:line`` readers (str.splitlines also cuts at
# form feeds, U+2028 and the like, which stay inside one physical line).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class _Line(NamedTuple):
    """One non-blank line: its place in the file and its space-collapsed text."""

    number: int  # physical line
    column: int  # physical column of the text's first character
    text: str
    raw: str
    base: int = 0  # 0-based offset of raw[0] in its physical line

    @property
    def start(self) -> int:
        """Index in ``raw`` of the text's first character."""
        return self.column - 1 - self.base

    def column_at(self, index: int) -> int:
        """Physical column of ``raw[index]``."""
        return self.base + index + 1


def read_text_page(
    text: str,
    path: str,
    *,
    locale: str | None = None,
    known_chrome: Collection[str] = (),
) -> Page:
    """Read scraped text (already decoded) into a :class:`Page`; see the module rules."""
    lines = _lines(text)
    known = {collapse_space(k) for k in known_chrome}
    site = _site(lines)
    is_body = [_is_body(line.text) for line in lines]
    headline = _headline(lines, is_body, site, known)
    start = headline + 1 if headline is not None else 0
    captions = _figure_captions(lines, is_body, start)
    body = [i for i in range(start, len(lines)) if is_body[i] and i not in captions]
    first_body = body[0] if body else len(lines)
    last_body = body[-1] if body else len(lines) - 1
    header_end = headline if headline is not None else first_body
    # A standfirst set above the photo or byline: the body proper starts after them.
    body_start = first_body
    if len(body) > 1 and any(_is_head_line(lines[i].text) for i in range(body[0] + 1, body[1])):
        body_start = body[1]

    blocks: list[Block] = []
    seen: dict[str, int] = {}
    section: str | None = None
    for index, line in enumerate(lines):
        after_credit = bool(blocks) and blocks[-1].role is Role.CREDIT
        if index == 0 and site is not None:
            # The name ends the (space-collapsed) line: "-  Daily  Planet" → "Daily Planet".
            at = _column_of(line.raw, line.start, line.text, len(line.text) - len(site))
            blocks.append(_block(Role.SITE, site, line.number, line.column_at(at), "site"))
            continue
        repeat = _repeat(seen, line.text, site)
        if repeat is not None:
            earlier = blocks[repeat]
            role = Role.PARAGRAPH if earlier.role is Role.LEDE else earlier.role
            block = _block(role, line.text, line.number, line.column, earlier.context)
            blocks.append(replace(block, repeat_of=repeat))
            continue
        if index < header_end:
            role, context = _header_role(line.text, index, site, section)
            if role is Role.SECTION:
                section = line.text
            new = [_block(role, line.text, line.number, line.column, context)]
        elif index == headline:
            new = [_block(Role.HEADLINE, line.text, line.number, line.column, "headline")]
        elif index in captions:
            new = [_block(Role.CAPTION, line.text, line.number, line.column, "caption")]
        elif index < first_body or index > last_body or first_body < index < body_start:
            following = lines[index + 1].text if index + 1 < len(lines) else None
            new = _outer_blocks(line, following, after_credit, known, footer=index > last_body)
        else:
            new = _body_blocks(line, index == first_body, after_credit, known)
        for block in new:
            seen.setdefault(block.text, len(blocks))
            blocks.append(block)

    published, published_date = _published(blocks)
    meta = PageMeta(
        title=lines[headline].text if headline is not None else None,
        site=site,
        section=section,
        published=published,
        byline=next((b.text for b in blocks
                     if b.role is Role.BYLINE and _BYLINE_OPENERS.match(b.text)), None),
        published_date=published_date,
    )
    return Page(path=path, format=Format.TEXT, locale=locale, blocks=tuple(blocks), meta=meta)


def _published(blocks: list[Block]) -> tuple[datetime | None, date | None]:
    """The first full date and time printed in a byline, and its date (else the first date
    with a year printed in a byline: a date alone stays a date)."""
    day = None
    for block in blocks:
        if block.role is Role.BYLINE:
            stamp = parse_timestamp(block.text)
            if stamp is None:
                continue
            moment = stamp.to_datetime()
            if moment is not None:
                return moment, moment.date()
            if day is None and stamp.year is not None:
                with contextlib.suppress(ValueError):  # 31 February
                    day = date(stamp.year, stamp.month, stamp.day)
    return None, day


def _lines(text: str) -> list[_Line]:
    """The non-blank lines as ``str.splitlines`` cuts them, placed on physical lines."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    out = []
    offset = 0
    for raw, with_end in zip(text.splitlines(), text.splitlines(keepends=True), strict=True):
        start, offset = offset, offset + len(with_end)
        stripped = raw.strip()
        if not stripped:
            continue
        number = bisect.bisect_right(starts, start)
        base = start - starts[number - 1]
        column = base + len(raw) - len(raw.lstrip()) + 1
        out.append(_Line(number, column, collapse_space(stripped), raw, base))
    return out


def _site(lines: list[_Line]) -> str | None:
    if not lines:
        return None
    match = _SITE_LINE.match(lines[0].text)
    if match and count_words(match["name"]) <= 6 and not ends_sentence(match["name"]):
        return match["name"]
    return None


def _is_body(text: str) -> bool:
    words = count_words(text)
    cjk = count_cjk(text)
    if words >= 12 or cjk >= 30:
        return True
    return (words >= 6 or cjk >= 15) and ends_sentence(text) and not _is_credit(text)


def _is_credit(text: str) -> bool:
    return bool(_CREDIT_OPENERS.match(text)) or _is_slash_credit(text)


def _is_slash_credit(text: str) -> bool:
    """``Henrik Vogt/dpa``, ``AP Photo/Name``: a short line where a slash joins an agency."""
    match = _SLASH_CREDIT.match(text)
    if match is None or count_words(text) > _SLASH_CREDIT_WORDS:
        return False
    for part in match["inner"].split("/"):
        name = " ".join(w for w in part.split() if w.casefold() not in _PHOTO_WORDS)
        if name and is_known_agency(name):
            return True
    return False


def _is_head_line(text: str) -> bool:
    """A credit, byline or date line: what stands between a standfirst and the body."""
    return _is_credit(text) or bool(_BYLINE_OPENERS.match(text)) or (
        parse_timestamp(text) is not None)


def _figure_captions(lines: list[_Line], is_body: list[bool], start: int) -> set[int]:
    """Sentences that caption a photo: right after a credit line and followed by a line that
    is no body paragraph (a byline, a date, share buttons)."""
    return {
        index
        for index in range(max(start, 1), len(lines) - 1)
        if is_body[index]
        and not is_body[index + 1]
        and _is_credit(lines[index - 1].text)
        and split_dateline(lines[index].text) is None
    }


def _headline(
    lines: list[_Line], is_body: list[bool], site: str | None, known: set[str]
) -> int | None:
    """The first headline-shaped line that has a body paragraph somewhere after it."""
    last_body = max((i for i, body in enumerate(is_body) if body), default=-1)
    for index in range(last_body):
        text = lines[index].text
        if index == 0 and site is not None:
            continue
        if text in known or _is_credit(text) or parse_dateline(text) is not None:
            continue
        if (count_words(text) >= 4 or count_cjk(text) >= 8) and not ends_sentence(text):
            return index
    return None


def _header_role(
    text: str, index: int, site: str | None, section: str | None
) -> tuple[Role, str]:
    words = count_words(text)
    first_after_site = site is not None and index == 1 and section is None
    if first_after_site and 1 <= words <= 3 and not ends_sentence(text):
        return Role.SECTION, "section"
    if words >= 6 and ends_sentence(text):
        return Role.TAGLINE, "tagline"
    if parse_counter(text) is not None and words <= 2:
        return Role.COUNTER, "header"
    return Role.CHROME, "header"


def _outer_blocks(
    line: _Line, following: str | None, after_credit: bool, known: set[str], *, footer: bool
) -> list[Block]:
    """Blocks for a line between headline and lede, or in the footer zone after the body."""
    text = line.text
    zone = "footer" if footer else "article"
    dateline = parse_dateline(text)
    if dateline is not None:
        return [_block(Role.DATELINE, text, line.number, line.column, "dateline", dateline)]
    if text in known:
        return [_block(Role.CHROME, text, line.number, line.column, zone)]
    if not footer and (_BYLINE_OPENERS.match(text) or parse_timestamp(text) is not None):
        return [_block(Role.BYLINE, text, line.number, line.column, "byline")]
    if parse_counter(text) is not None and count_words(text) <= 2:
        return [_block(Role.COUNTER, text, line.number, line.column, "counter")]
    if _is_credit(text):
        return _credit_blocks(line, following)
    if footer:
        return [_block(Role.CHROME, text, line.number, line.column, zone)]
    words = count_words(text) + count_cjk(text) // 2
    if (after_credit and words > 2) or words >= 4:
        return [_block(Role.CAPTION, text, line.number, line.column, "caption")]
    return [_block(Role.CHROME, text, line.number, line.column, zone)]


def _body_blocks(line: _Line, is_lede: bool, after_credit: bool, known: set[str]) -> list[Block]:
    text = line.text
    role = Role.LEDE if is_lede else Role.PARAGRAPH
    dateline = parse_dateline(text)
    if dateline is not None:
        return [_block(Role.DATELINE, text, line.number, line.column, "dateline", dateline)]
    if text in known:
        return [_block(Role.CHROME, text, line.number, line.column, "body")]
    if parse_counter(text) is not None and count_words(text) == 0:
        return [_block(Role.COUNTER, text, line.number, line.column, "counter")]
    if _is_credit(text) and not _is_body(text):
        return _credit_blocks(line, None)
    if after_credit and not _is_body(text) and count_words(text) > 2:
        return [_block(Role.CAPTION, text, line.number, line.column, "caption")]
    split = split_dateline(text)
    if split is not None:
        dateline, rest_at = split
        rest_col = line.column_at(_column_of(line.raw, line.start, text, rest_at))
        return [
            _block(Role.DATELINE, dateline.raw, line.number, line.column, "dateline", dateline),
            _block(role, text[rest_at:], line.number, rest_col, "body"),
        ]
    return [_block(role, text, line.number, line.column, "body")]


def _credit_blocks(line: _Line, following: str | None) -> list[Block]:
    """A credit line, split into credit and caption when the scraper glued them together."""
    text = line.text
    cut = _caption_join(text, following)
    if cut is None:
        return [_block(Role.CREDIT, text, line.number, line.column, "credit")]
    credit, caption = text[:cut].rstrip(), text[cut:]
    caption_col = line.column_at(_column_of(line.raw, line.start, text, cut))
    return [
        _block(Role.CREDIT, credit, line.number, line.column, "credit"),
        _block(Role.CAPTION, caption, line.number, caption_col, "caption"),
    ]


def _caption_join(text: str, following: str | None) -> int | None:
    """Where a caption glued to a credit starts, or None when the line is all credit."""
    # A lower-case letter running straight into a capital: "SubbotinRussian".
    joins = [i for i in range(2, len(text)) if text[i].isupper() and text[i - 1].islower()]
    if following:
        for at in joins:
            tail = text[at:]
            if count_words(tail) >= 2 and following.startswith(tail):
                return at
    for at in joins:
        tail = text[at:]
        if count_words(tail) >= 3:
            return at
    return None


def _column_of(raw: str, raw_start: int, text: str, offset: int) -> int:
    """Index in ``raw`` of ``text[offset]``; ``text`` is ``raw`` collapsed from ``raw_start``."""
    position = raw_start
    consumed = 0
    while consumed < offset and position < len(raw):
        if raw[position].isspace():
            while position < len(raw) and raw[position].isspace():
                position += 1
            consumed += 1
        else:
            position += 1
            consumed += 1
    while position < len(raw) and raw[position].isspace():
        position += 1
    return position


def _repeat(seen: dict[str, int], text: str, site: str | None) -> int | None:
    """Index of the earlier block this line repeats (alone or with the site suffix)."""
    if text in seen:
        return seen[text]
    if site is not None:
        for separator in (" - ", " | ", " — "):
            if text.endswith(separator + site):
                earlier = seen.get(text[: -len(separator + site)])
                if earlier is not None:
                    return earlier
    return None


def _block(
    role: Role,
    text: str,
    line: int,
    column: int,
    context: str | None,
    dateline: object = None,
) -> Block:
    return Block(
        role=role,
        text=text,
        location=Location(line, column),
        context=context,
        dateline=dateline,  # type: ignore[arg-type]
    )
