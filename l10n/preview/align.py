"""The preview's editions view: a page beside its editions in other languages, with the
proposals ``l10n align`` makes from them, each of which an editor can accept with a click.

* ``GET /align/`` lists the pages; ``GET /align/<n>`` shows page ``n``'s editions (found
  under the ``--editions`` directories as ``l10n align`` finds them), one table per edition:
  the source text, the edition's text, the catalog entry, what the catalog holds now, the
  score, and an *Accept* button where the entry may take it (untranslated or fuzzy); then
  the strings left without a proposal, with the reason.
* ``POST /accept`` writes one proposal into its catalog through the catalog writer of
  ``l10n align`` (:func:`l10n.align.run.write_settled`), as an editor's translation: not
  fuzzy, and never over a translator's msgstr. The request names the proposal by page,
  edition and number and repeats its msgid and msgstr; the server works the proposals out
  again from the files and writes only one that still says that, so a request can write
  nothing but a proposal the page shows.

A write is accepted only from the preview's own page: the request must carry the token that
page holds (random per server, compared in constant time) in an ``X-L10n-Token`` header, be
JSON (``Content-Type: application/json``, so a cross-site form cannot send it without a CORS
preflight, which this server never grants), come from the same origin (``Origin`` and
``Sec-Fetch-Site`` when the browser sends them) and to a loopback ``Host`` (checked by the
app for every request). Every text placed into the page is escaped.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from l10n.align.proposals import Edition, Proposal, Unpaired, propose
from l10n.errors import L10nError
from l10n.preview.files import PageRef

__all__ = ["Aligner", "EditionView"]

_MAX_BODY = 16384
_HEAD = ('<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
         '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
         '<meta name="l10n-token" content="{token}">\n'
         '<title>{title}</title>\n<link rel="stylesheet" href="/static/preview.css">\n'
         '<script src="/static/align.js" defer></script>\n</head>\n'
         '<body class="l10n-preview-app">\n')
_JSON = "application/json; charset=utf-8"
_HTML = "text/html; charset=utf-8"

Reply = tuple[int, str, str]  # status, body, content type


@dataclass(frozen=True, slots=True)
class EditionView:
    """One edition of a page and what it proposes."""

    edition: Edition
    proposals: tuple[Proposal, ...]
    unpaired: tuple[Unpaired, ...]


class Aligner:
    """The editions of the preview's pages (under ``targets``) and their proposals."""

    def __init__(self, site: object, targets: Sequence[str], *, allow: Sequence[str] = ()
                 ) -> None:
        from l10n.preview.site import Site

        assert isinstance(site, Site)
        self.site = site
        self.targets = list(targets)
        self.allow = tuple(allow)
        self.token = secrets.token_urlsafe(32)

    # -- the proposals ---------------------------------------------------------------------

    def source(self, ref: PageRef) -> tuple[Edition, object]:
        """The page read for aligning, and what ``extract`` finds on it."""
        from l10n.align.run import read_edition
        from l10n.catalogs.extract import extract_pages

        source = read_edition(ref.path, ref.path, self.site.source_locale)
        return source, extract_pages([source.document.page],
                                     source_locale=self.site.source_locale)

    def editions(self, ref: PageRef) -> list[EditionView]:
        """Page ``ref``'s editions in other languages, with their proposals."""
        from l10n.align.run import edition_name, read_edition
        from l10n.align.twins import alternate_links, find_twins
        from l10n.catalogs.extract import Extraction
        from l10n.locales import language_of

        source, extraction = self.source(ref)
        assert isinstance(extraction, Extraction)
        twins, _ = find_twins([ref.path], self.targets,
                              alternates={ref.path: alternate_links(source.document.root)})
        views = []
        for twin in twins:
            edition = read_edition(twin.target, edition_name(twin.target, twin.root))
            if language_of(edition.locale) == language_of(self.site.source_locale):
                continue
            proposals, unpaired = propose(source, edition, extraction,
                                          source_locale=self.site.source_locale,
                                          allow=self.allow, articles=f"articles/{ref.slug}")
            views.append(EditionView(edition, tuple(proposals), tuple(unpaired)))
        return views

    def state(self, proposal: Proposal) -> tuple[str, bool]:
        """What the catalog holds for the proposal's entry, and whether it may take it."""
        from l10n.catalogs.layout import catalog_path
        from l10n.po import read_po

        path = catalog_path(self.site.catalogs, proposal.locale, proposal.domain)
        if not path.is_file():
            return "no catalog yet", True
        try:
            message = read_po(path.read_bytes(), str(path)).get(proposal.msgid,
                                                                proposal.msgctxt)
        except L10nError as error:
            return str(error), False
        if message is None:
            return "not in the catalog", False
        shown = " | ".join(message.msgstr_plural) if message.msgid_plural is not None \
            else message.msgstr
        if not shown.strip(" |"):
            return "untranslated", True
        if message.fuzzy:
            return f"fuzzy: {shown}", True
        return f"translated: {shown}", False

    # -- the page --------------------------------------------------------------------------

    def index(self) -> Reply:
        items = "".join(f'<li><a href="/align/{ref.number}">{escape(ref.path)}</a></li>\n'
                        for ref in self.site.pages)
        body = (f"<main>\n<h1>Editions</h1>\n<p>Pages whose editions in "
                f"{escape(', '.join(self.targets))} propose translations.</p>\n"
                f"<ul>\n{items}</ul>\n</main>\n")
        return 200, self._page("Editions", body), _HTML

    def page(self, ref: PageRef) -> Reply:
        """The page's editions side by side with their proposals."""
        title = f"Editions of {ref.path}"
        if Path(ref.path).suffix.lower() not in (".html", ".htm", ".xhtml"):
            body = f"<main>\n<h1>{escape(title)}</h1>\n<p>Only HTML pages have editions to " \
                   f"align.</p>\n</main>\n"
            return 200, self._page(title, body), _HTML
        parts = [f'<main>\n<p><a href="/align/">all pages</a> · '
                 f'<a href="/page/{ref.number}/source">the page</a></p>\n'
                 f"<h1>{escape(title)}</h1>\n"]
        views = self.editions(ref)
        if not views:
            parts.append(f"<p>No edition in {escape(', '.join(self.targets))}.</p>\n")
        for number, view in enumerate(views):
            parts.append(self._table(ref, number, view))
        parts.append("</main>\n")
        return 200, self._page(title, "".join(parts)), _HTML

    def _table(self, ref: PageRef, number: int, view: EditionView) -> str:
        from l10n.locales import bcp47, direction

        edition = view.edition
        lang, dir_ = bcp47(edition.locale), direction(edition.locale)
        rows = []
        for index, p in enumerate(view.proposals):
            state, open_ = self.state(p)
            shown = " | ".join(f for f in p.msgstr_plural if f) if p.msgid_plural else p.msgstr
            button = (f'<button type="button" class="l10n-accept" data-page="{ref.number}" '
                      f'data-edition="{number}" data-proposal="{index}" '
                      f'data-msgid="{escape(p.msgid)}" data-msgstr="{escape(p.msgstr)}">'
                      f"Accept</button>") if open_ else ""
            rows.append(
                f'<tr><td>{escape(p.msgid)}</td><td lang="{lang}" dir="{dir_}">'
                f"{escape(shown)}</td><td>{escape(_entry(p.domain, p.msgctxt))}</td>"
                f'<td class="l10n-state">{escape(state)}</td><td>{p.score:.2f}<br>'
                f"<small>{escape(p.where)}</small></td><td>{button}</td></tr>\n")
        for u in view.unpaired:
            rows.append(f"<tr class=\"l10n-unpaired\"><td>{escape(u.msgid)}</td><td>–</td>"
                        f"<td>{escape(_entry(u.domain, u.msgctxt))}</td>"
                        f"<td colspan=\"3\">{escape(u.reason)}</td></tr>\n")
        from l10n.preview.views import locale_name

        return (f"<section>\n<h2>{escape(locale_name(edition.locale))} · "
                f"{escape(edition.name)}</h2>\n<table class=\"l10n-align\">\n"
                "<tr><th>source</th><th>edition</th><th>entry</th><th>catalog</th>"
                "<th>score</th><th></th></tr>\n" + "".join(rows) + "</table>\n</section>\n")

    def _page(self, title: str, body: str) -> str:
        return _HEAD.format(token=escape(self.token), title=escape(title)) + body + \
            "</body>\n</html>\n"

    # -- accepting -------------------------------------------------------------------------

    def accept(self, environ: dict) -> Reply:
        """``POST /accept``: write one proposal, after the checks of the module docstring."""
        refused = self._refused(environ)
        if refused is not None:
            return refused
        try:
            size = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = -1
        if not 0 < size <= _MAX_BODY:
            return _fail(413 if size > _MAX_BODY else 400, "a JSON body of at most 16 KB")
        try:
            request = json.loads(environ["wsgi.input"].read(size).decode("utf-8"))
            page, edition, index = (int(request[k]) for k in ("page", "edition", "proposal"))
            msgid, msgstr = str(request["msgid"]), str(request["msgstr"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return _fail(400, "not an accept request")
        ref = self.site.page(page)
        if ref is None:
            return _fail(404, "no such page")
        with self.site.lock:
            views = self.editions(ref)
            if not 0 <= edition < len(views) or not 0 <= index < len(
                    views[edition].proposals):
                return _fail(409, "the page changed: reload it")
            proposal = views[edition].proposals[index]
            if (proposal.msgid, proposal.msgstr) != (msgid, msgstr):
                return _fail(409, "the page changed: reload it")
            return self._write(ref, proposal)

    def _refused(self, environ: dict) -> Reply | None:
        """Why a write request is refused (token, content type, origin), or None."""
        token = environ.get("HTTP_X_L10N_TOKEN", "")
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            return _fail(403, "no valid token: accept from the preview's own page")
        kind = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if kind != "application/json":
            return _fail(415, "send application/json")
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and origin != f"http://{environ.get('HTTP_HOST', '')}":
            return _fail(403, "another origin may not write")
        if environ.get("HTTP_SEC_FETCH_SITE", "same-origin") != "same-origin":
            return _fail(403, "another site may not write")
        return None

    def _write(self, ref: PageRef, proposal: Proposal) -> Reply:
        from l10n.align.run import write_settled
        from l10n.align.write import State

        source, extraction = self.source(ref)
        try:
            results = write_settled([proposal], self.site.catalogs, extraction,
                                    {ref.path: source}, accept=True)
        except L10nError as error:
            return _fail(409, str(error))
        (result,) = results
        (outcome,) = result.outcomes
        if outcome.state is not State.PROPOSED:
            return _fail(409, f"{outcome.state.value}: not written")
        return 200, json.dumps({"state": f"translated: {proposal.msgstr}",
                                "path": result.path}, ensure_ascii=False), _JSON


def _entry(domain: str, msgctxt: str | None) -> str:
    return f"{domain} · {msgctxt}" if msgctxt else domain


def _fail(status: int, message: str) -> Reply:
    return status, json.dumps({"error": message}, ensure_ascii=False), _JSON
