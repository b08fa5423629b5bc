"""The WSGI application: routes, responses and the security headers.

Routes (``GET`` and ``HEAD`` only):

==========================  =================================================================
``/``                       index: pages × locales, completion figures, leak counts (async)
``/page/<n>/<view>``        page ``n`` rendered in ``view`` (``source``, a locale, ``en-XA``)
                            with the toolbar; ``?overlay=1`` starts with the overlay on
``/side/<n>/<view>``        source and target side by side, block by block
``/leaks/<n>/<view>``       JSON: findings, errors, warnings, untranslated of the render
``/source/<n>``             the source file of page ``n`` as plain text
``/catalog/<path>``         a ``.po``/``.pot`` under the catalogs directory, lines anchored
``/static/<name>``          the preview's own script and stylesheet
``/align/``, ``/align/<n>``  with ``editions``: page ``n`` beside its editions in other
                            languages and ``l10n align``'s proposals (:mod:`l10n.preview.align`)
``POST /accept``            with ``editions``: write one proposal into its catalog
==========================  =================================================================

Only the files of the pages given and ``.po``/``.pot`` files inside the catalogs directory
are ever read from a URL (:func:`~l10n.preview.files.resolve_inside`). Every response carries a
Content-Security-Policy that runs no script but ``/static/preview.js`` (so neither a page's own
scripts nor anything a translation might smuggle in), and requests whose ``Host`` is not a
loopback name are refused (DNS rebinding).
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import parse_qs

from l10n.errors import L10nError
from l10n.preview.annotate import annotate, inject, serialize
from l10n.preview.files import PageRef, resolve_inside
from l10n.preview.site import Site
from l10n.preview.views import (
    catalog_page,
    error_page,
    index_page,
    side_page,
    toolbar,
)

__all__ = ["CSP", "LOOPBACK_HOSTS", "PreviewApp", "make_app"]

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'")
_HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"),
]
_STATIC = {"preview.js": "text/javascript; charset=utf-8",
           "preview.css": "text/css; charset=utf-8",
           "align.js": "text/javascript; charset=utf-8"}
_HTML = "text/html; charset=utf-8"
_STATUS = {200: "200 OK", 400: "400 Bad Request", 403: "403 Forbidden", 404: "404 Not Found",
           405: "405 Method Not Allowed", 409: "409 Conflict", 413: "413 Content Too Large",
           415: "415 Unsupported Media Type", 500: "500 Internal Server Error"}
_CATALOG_SUFFIXES = frozenset({".po", ".pot"})

StartResponse = Callable[..., object]


@dataclass
class Response:
    """What a route answers."""

    status: int
    body: str | bytes
    content_type: str = _HTML
    headers: list[tuple[str, str]] = field(default_factory=list)


def _error(status: int, message: str) -> Response:
    return Response(status, error_page(_STATUS[status], message))


class PreviewApp:
    """The preview as a WSGI callable over a :class:`~l10n.preview.site.Site`."""

    def __init__(self, site: Site, *, allowed_hosts: Collection[str] | None = LOOPBACK_HOSTS,
                 editions: Sequence[str] = ()):
        from l10n.preview.align import Aligner

        self.site = site
        self.aligner = Aligner(site, editions, allow=site.allow) if editions else None
        self.allowed_hosts = None if allowed_hosts is None else \
            frozenset(h.lower() for h in allowed_hosts)

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        response = self._respond(environ)
        body = response.body.encode("utf-8") if isinstance(response.body, str) \
            else response.body
        headers = [("Content-Type", response.content_type),
                   ("Content-Length", str(len(body))), *_HEADERS, *response.headers]
        start_response(_STATUS[response.status], headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    def _respond(self, environ: dict) -> Response:
        if environ.get("REQUEST_METHOD") == "POST" and self.aligner is not None \
                and environ.get("PATH_INFO") == "/accept":
            if not self._host_allowed(environ.get("HTTP_HOST")):
                return _error(403, "this preview answers on its loopback address only")
            return Response(*self.aligner.accept(environ))
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return Response(405, error_page(_STATUS[405], "only GET and HEAD"),
                            headers=[("Allow", "GET, HEAD")])
        if not self._host_allowed(environ.get("HTTP_HOST")):
            return _error(403, "this preview answers on its loopback address only")
        path = _path(environ)
        if path is None:
            return _error(404, "not found")
        query = parse_qs(environ.get("QUERY_STRING", ""))
        try:
            return self._route(path, query)
        except L10nError as error:
            return _error(500, str(error))
        except Exception as error:  # noqa: BLE001 - a bug: report it, keep serving
            traceback.print_exc(file=environ.get("wsgi.errors", sys.stderr))
            return _error(500, f"internal error: {type(error).__name__}: {error} "
                               "(the traceback is in the server's log)")

    def _host_allowed(self, host: str | None) -> bool:
        if self.allowed_hosts is None or not host:
            return True
        return _host_name(host) in self.allowed_hosts

    # -- routing ---------------------------------------------------------------------------

    def _route(self, path: str, query: dict[str, list[str]]) -> Response:
        if path == "/":
            return self._index()
        head, _, rest = path[1:].partition("/")
        if head == "static":
            return self._static(rest)
        if head == "catalog":
            return self._catalog(rest)
        if head == "align" and self.aligner is not None:
            if not rest:
                return Response(*self.aligner.index())
            ref = self._ref(rest)
            return Response(*self.aligner.page(ref)) if ref is not None \
                else _error(404, "no such page")
        if head == "source":
            ref = self._ref(rest)
            return self._source(ref) if ref is not None else _error(404, "no such page")
        handler = {"page": self._page_view, "side": self._side, "leaks": self._leaks}.get(head)
        if handler is None:
            return _error(404, "not found")
        number, _, view = rest.partition("/")
        ref = self._ref(number)
        if ref is None or view not in self.site.views():
            return _error(404, "no such page or locale")
        return handler(ref, view, query)

    def _ref(self, number: str) -> PageRef | None:
        if not (number.isascii() and number.isdecimal()) or len(number) > 9:
            return None
        return self.site.page(int(number))

    # -- views -----------------------------------------------------------------------------

    def _index(self) -> Response:
        locales, cells = self.site.cells()
        return Response(200, index_page(self.site, locales, cells,
                                        editions=self.aligner is not None))

    def _page_view(self, ref: PageRef, view: str, query: dict[str, list[str]]) -> Response:
        overlay = query.get("overlay", ["0"])[-1] not in ("", "0")
        rendered = self.site.render(ref, view)
        annotation = annotate(rendered, f"{view}/{ref.name}", self.site.catalogs)
        if rendered.pseudo:
            annotation.root.set("lang", self.site.pseudo_locale)
        bar = toolbar(self.site, ref, view, rendered, annotation, overlay=overlay)
        inject(annotation.root, bar, overlay=overlay)
        return Response(200, serialize(annotation.root))

    def _side(self, ref: PageRef, view: str, query: dict[str, list[str]]) -> Response:
        target, rows = self.site.rows(ref, view)
        return Response(200, side_page(self.site, ref, view, target, rows))

    def _leaks(self, ref: PageRef, view: str, query: dict[str, list[str]]) -> Response:
        try:
            rendered = self.site.render(ref, view)
        except Exception as error:  # noqa: BLE001 - shown in the index cell
            message = str(error) if isinstance(error, L10nError) \
                else f"{type(error).__name__}: {error}"
            return Response(500, json.dumps({"error": message}, ensure_ascii=False),
                            "application/json; charset=utf-8")
        errors = sum(1 for f in rendered.findings if str(f.severity) == "error")
        payload = {"findings": len(rendered.findings), "errors": errors,
                   "warnings": len(rendered.findings) - errors,
                   "untranslated": len(rendered.report.untranslated)}
        return Response(200, json.dumps(payload), "application/json; charset=utf-8")

    # -- files -----------------------------------------------------------------------------

    def _source(self, ref: PageRef) -> Response:
        from l10n.readers.decode import decode_page

        with open(ref.path, "rb") as handle:
            data = handle.read()
        return Response(200, decode_page(data, ref.path), "text/plain; charset=utf-8")

    def _catalog(self, relative: str) -> Response:
        target = resolve_inside(self.site.catalogs, relative, _CATALOG_SUFFIXES)
        if target is None:
            return _error(404, "no such catalog")
        text = target.read_bytes().decode("utf-8", "replace")
        return Response(200, catalog_page(relative, text))

    def _static(self, name: str) -> Response:
        if name not in _STATIC:
            return _error(404, "not found")
        data = resources.files("l10n.preview").joinpath("static", name).read_bytes()
        return Response(200, data, _STATIC[name])


def _host_name(host: str) -> str:
    """The name in a ``Host`` header, without the port: ``[::1]:8000`` → ``[::1]``."""
    host = host.strip().lower()
    if host.startswith("[") and "]" in host:
        return host[: host.index("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _path(environ: dict) -> str | None:
    """PATH_INFO as text (WSGI gives the bytes as latin-1), None when it is not UTF-8 or
    holds a NUL or a backslash."""
    raw = environ.get("PATH_INFO", "") or "/"
    try:
        path = raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if "\x00" in path or "\\" in path or not path.startswith("/"):
        return None
    return path


def make_app(
    pages: Sequence[str],
    catalogs: str,
    *,
    source_locale: str = "en",
    allow: Sequence[str] = (),
    styles: dict[str, object] | None = None,
    allowed_hosts: Collection[str] | None = LOOPBACK_HOSTS,
    editions: Sequence[str] = (),
) -> PreviewApp:
    """The preview of ``pages`` (files or directories) with the catalogs under ``catalogs``.

    ``allow`` and ``styles`` are ``[tool.l10n]``'s ``allow`` and ``dateline-styles``;
    ``allowed_hosts`` are the ``Host`` names answered (None: any, for a server bound to a
    non-loopback address on purpose); ``editions`` are pages or directories of the pages'
    editions in other languages, for the editions view.
    """
    site = Site(pages, catalogs, source_locale=source_locale, allow=allow, styles=styles)
    return PreviewApp(site, allowed_hosts=allowed_hosts, editions=editions)
