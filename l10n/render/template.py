"""Render a scraped-text source page through the package's Jinja2 template
(``l10n/templates/article.html``: header, nav, main, article, figure, footer), or as plain text.

The template uses Jinja2's i18n extension (``pgettext('template', …)``), so
``pybabel extract`` with Jinja2's extractor finds its own strings; they are looked up in the
``chrome`` catalog with msgctxt ``template``. Autoescaping is on: every text is escaped; only
sanitized markup and the dateline's own HTML are passed as :class:`markupsafe.Markup`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape

from l10n.dateline_styles import format_dateline_html
from l10n.locales import bcp47, direction
from l10n.page import Block, Page, Role
from l10n.render.localize import Localizer, Piece

__all__ = ["render_template", "render_text"]

_ISOLATE = ("\u2068", "\u2069")  # FSI … PDI, for plain-text fields in right-to-left pages


@functools.cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("l10n", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def _article_template() -> Any:
    """The article template, loaded once (the package's templates do not change)."""
    return _environment().get_template("article.html")


def render_template(page: Page, localizer: Localizer,
                    *, alternates: Sequence[tuple[str, str]] = ()) -> str:
    """The scraped-text ``page`` as a semantic HTML page in ``localizer``'s locale."""
    context = _sections(page, localizer)
    env = _environment()

    def pgettext(msgctxt: str, message: str) -> str:
        found = localizer.translations.get("chrome", msgctxt, message)
        return found if found is not None else message

    def npgettext(msgctxt: str, singular: str, plural: str, n: int) -> str:
        found = localizer.translations.get_plural("chrome", msgctxt, singular, n)
        return found if found is not None else (singular if n == 1 else plural)

    def gettext(message: str) -> str:
        return pgettext("template", message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return npgettext("template", singular, plural, n)

    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext,
                                  npgettext=npgettext)
    for item in context["article"]:
        if item["role"] == "dateline":
            item["html"] = Markup(format_dateline_html(item.pop("formatted"),
                                                           latin_lang=localizer.latin_lang))  # noqa: S704
    published = localizer.publication()
    html = _article_template().render(
        lang=bcp47(localizer.locale),
        dir=direction(localizer.locale),
        title=context["title"],
        alternates=[{"lang": tag, "href": href} for tag, href in alternates],
        published={"iso": published[0], "text": published[1]} if published else None,
        **{k: v for k, v in context.items() if k != "title"},
    )
    env.uninstall_gettext_translations(None)
    return html


def _item(block: Block, piece: Piece) -> dict[str, Any]:
    if piece.markup:
        html: Any = Markup(_sanitized(piece.text))  # noqa: S704 - tags checked and sanitized
    else:
        html = escape(piece.text)
    return {"role": _ROLE_NAMES[block.role], "text": piece.text, "html": html,
            "lang": piece.lang, "dir": piece.dir, "line": block.location.line}


_ROLE_NAMES = {role: str(role) for role in Role}


@functools.lru_cache(maxsize=4096)
def _sanitized(markup: str) -> str:
    import lxml.html

    from l10n.render.markup import sanitize_fragment

    fragment = lxml.html.fragment_fromstring(markup, create_parent="span")
    sanitize_fragment(fragment)
    inner = lxml.html.tostring(fragment, encoding="unicode")
    return inner[len("<span>"):-len("</span>")]


# Roles of the article's own blocks: the article ends with the last of them.
_ARTICLE_ROLES = frozenset({Role.HEADLINE, Role.LEDE, Role.PARAGRAPH, Role.CAPTION,
                            Role.CREDIT, Role.BYLINE, Role.DATELINE})
_HEADER_ROLES = frozenset({Role.SITE, Role.SECTION, Role.TAGLINE})
_FIGURE_ROLES = frozenset({Role.CAPTION, Role.CREDIT})


def _sections(page: Page, localizer: Localizer) -> dict[str, Any]:
    """Blocks sorted into header (before the headline), article and footer."""
    blocks = page.blocks
    headline = None
    last = -1
    for index, block in enumerate(blocks):
        if block.role is Role.HEADLINE and headline is None:
            headline = index
        if block.role in _ARTICLE_ROLES:
            last = index
    article: list[dict[str, Any]] = []
    header_items: list[dict[str, Any]] = []
    footer_items: list[dict[str, Any]] = []
    out: dict[str, Any] = {"site": None, "section": None, "tagline": None,
                           "header_items": header_items, "article": article,
                           "footer_items": footer_items, "title": page.meta.title or "",
                           "title_lang": None}
    piece_of = localizer.piece
    skip = -1
    for index, block in enumerate(blocks):
        if index == skip or block.repeat_of is not None:
            continue
        role = block.role
        if role is Role.DATELINE:
            formatted = localizer.dateline(block)
            if index + 1 < len(blocks) and blocks[index + 1].line == block.line:
                rest = piece_of(blocks[index + 1])
                skip = index + 1
                article.append(_opening(blocks[index + 1], formatted, rest,
                                        localizer.latin_lang))
            elif formatted is not None:
                article.append({"role": "dateline", "formatted": formatted})
            continue
        piece = piece_of(block)
        if piece is None:
            continue
        item = _item(block, piece)
        if headline is None or index < headline:
            if role in _HEADER_ROLES:
                out[_ROLE_NAMES[role]] = item
                continue
            if headline is not None:
                header_items.append(item)
                continue
        if index <= last:
            if role is Role.HEADLINE:
                out["title"], out["title_lang"] = piece.text, piece.lang
            if role in _FIGURE_ROLES:
                if article and article[-1]["role"] == "figure":
                    article[-1]["parts"].append(item)
                else:
                    article.append({"role": "figure", "parts": [item]})
            elif role is Role.COUNTER:
                footer_items.append(item)
            else:
                article.append(item)
        else:
            footer_items.append(item)
    return out


def _opening(block: Block, formatted: Any, rest: Piece | None,
             latin_lang: str | None) -> dict[str, Any]:
    """A paragraph that opens with a dateline: ``<span class="dateline">…</span> rest``."""
    head = (Markup(format_dateline_html(formatted, element="span", latin_lang=latin_lang))
            if formatted else Markup(""))
    separator = formatted.separator if formatted is not None and formatted.parts else ""
    text = rest.text if rest is not None else block.text
    body = escape(text)
    if rest is not None and rest.lang:
        body = Markup(f'<span lang="{escape(rest.lang)}">{escape(text)}</span>')
    return {"role": str(block.role), "text": text, "html": head + separator + body,
            "lang": None, "dir": None, "line": block.line}


def render_text(page: Page, localizer: Localizer) -> str:
    """The page as scraped-style plain text: one block per line, in source order; in a
    right-to-left locale, kept left-to-right text is isolated with FSI/PDI."""
    rtl = direction(localizer.locale) == "rtl"
    lines: list[str] = []
    previous_line = None
    blocks = page.blocks
    for index, block in enumerate(blocks):
        if block.role is Role.DATELINE:
            formatted = localizer.dateline(block)
            text = formatted.text if formatted is not None else block.text
        else:
            piece = localizer.piece(block)
            text = piece.text if piece is not None else block.text
            if piece is not None and piece.lang and rtl:
                text = _ISOLATE[0] + text + _ISOLATE[1]
        if block.line == previous_line and lines:
            separator = " " if blocks[index - 1].role is Role.DATELINE else " "
            lines[-1] = lines[-1] + separator + text
        else:
            lines.append(text)
        previous_line = block.line
    return "\n".join(lines) + "\n"
