"""``l10n preview`` in-process: every route through :mod:`wsgiref.validate`, traversal payloads
(in-process and over a real socket), escaping of hostile names and translations, live catalog
edits, the loopback rule, and that the index renders nothing."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest

from l10n.catalogs.layout import find_locales
from l10n.errors import UsageError
from l10n.preview import is_loopback, make_app, make_server
from l10n.preview.__main__ import main
from l10n.preview.app import CSP, PreviewApp
from l10n.preview.command import default_pages
from l10n.preview.files import discover_pages, resolve_inside
from l10n.preview.pseudo import pseudo_chars, pseudo_text
from l10n.render import RenderOptions, render_page
from l10n.render.translations import load_translations

from .conftest import DATA, ROOT, SAMPLES, SEED

LOCALES = ROOT / "locales"
SEED_HTML = SAMPLES / "001_seed_en.html"
RUSSIAN = "Заголовок открываемого материала"
HOSTILE = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>'
SECRET = "TOP-SECRET-0451"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


def call(app: PreviewApp, path: str, *, query: str = "", method: str = "GET",
         host: str | None = "127.0.0.1") -> Reply:
    """One request through wsgiref's validator; ``path`` is PATH_INFO as a server gives it."""
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(REQUEST_METHOD=method, PATH_INFO=path, QUERY_STRING=query)
    if host is None:
        environ.pop("HTTP_HOST", None)
    else:
        environ["HTTP_HOST"] = host
    seen: dict = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)
        return lambda data: None

    result = validator(app)(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return Reply(int(seen["status"][:3]), seen["headers"], body.decode("utf-8"))


def raw(url_path: str) -> str:
    """PATH_INFO for a request line's path, decoded the way wsgiref's server decodes it."""
    return unquote(url_path, "iso-8859-1")


@pytest.fixture(scope="module")
def app() -> PreviewApp:
    return make_app([str(SAMPLES)], str(LOCALES))


@pytest.fixture(scope="module")
def seeds() -> PreviewApp:
    return make_app([str(SEED), str(SEED_HTML)], str(LOCALES))


def notes_of(html: str, text: str) -> list[dict]:
    """The overlay notes of the element whose text is ``text``."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for element in root.iter():
        if element.get("data-preview-notes") and element.text_content().strip() == text:
            return json.loads(element.get("data-preview-notes"))
    raise AssertionError(f"no annotated element with text {text!r}")


# -- the index -------------------------------------------------------------------------------

def test_index_lists_pages_and_every_locale(app: PreviewApp) -> None:
    reply = call(app, "/")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    heads = set(re.findall(r'<th scope="col" data-locale="([^"]+)"', reply.body))
    assert heads == {"source", *find_locales(LOCALES)}
    assert len(find_locales(LOCALES)) == 15
    for sample in sorted(SAMPLES.glob("0*")):
        assert f">{sample.name}</a>" in reply.body
    assert 'data-leaks="/leaks/0/de"' in reply.body
    assert 'href="/side/0/de"' in reply.body


def test_index_figures_come_from_the_localizer_and_match_render(app: PreviewApp) -> None:
    body = call(app, "/").body
    cell = re.search(r'<td data-locale="ru"><a href="/page/0/ru" class="figures"[^>]*>'
                     r'<span class="chrome">([^<]+)</span> <span class="article">([^<]+)<', body)
    assert cell is not None
    translations = load_translations(LOCALES, "ru", extra={
        "article": LOCALES / "ru/LC_MESSAGES/articles/000_3b28b45df5788720.po"})
    _, report = render_page(SEED, "ru", translations, RenderOptions(catalogs=str(LOCALES)))
    assert cell.groups() == (f"{report.chrome_percent:.0f}%", f"{report.article_percent:.0f}%")


def test_index_renders_no_page(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        raise AssertionError("the index must not render pages")

    monkeypatch.setattr("l10n.preview.site.render_page", counting)
    monkeypatch.setattr("l10n.preview.site.check_page", counting)
    fresh = make_app([str(SAMPLES)], str(LOCALES))
    reply = call(fresh, "/")
    assert reply.status == 200
    assert calls == []
    assert reply.body.count("data-leaks=") == len(fresh.site.pages) * 16


# -- a page in a locale ----------------------------------------------------------------------

def test_page_view_renders_like_l10n_render(seeds: PreviewApp) -> None:
    reply = call(seeds, "/page/0/de")
    assert reply.status == 200
    assert reply.headers["Content-Security-Policy"] == CSP
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert '<html lang="de" dir="ltr"' in reply.body
    assert "<h1" in reply.body and "Moskau erwartet bis Jahresende" in reply.body
    assert '<script src="/static/preview.js" defer></script>' in reply.body
    rendered = seeds.site.render(seeds.site.pages[0], "de")
    translations = load_translations(LOCALES, "de", extra={
        "article": LOCALES / "de/LC_MESSAGES/articles/000_3b28b45df5788720.po"})
    expected, _ = render_page(SEED, "de", translations, RenderOptions(catalogs=str(LOCALES)))
    strip = re.compile(r'\n<link rel="alternate"[^>]*>')
    assert strip.sub("", rendered.html) == strip.sub("", expected)


def test_page_view_has_switcher_toggles_and_summary(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/de").body
    options = re.findall(r'<option value="/page/0/([^"]+)"', body)
    assert options == ["source", *find_locales(LOCALES), "en-XA"]
    assert '<option value="/page/0/de" selected>' in body
    assert 'id="l10n-preview-overlay" aria-pressed="false"' in body
    assert 'id="l10n-preview-pseudo" class="toggle" aria-pressed="false" href="/page/0/en-XA"' \
        in body
    assert 'href="/side/0/de"' in body
    assert "chrome 85% · article 100% · 1 finding · 2 untranslated" in body
    assert "l10n-preview-overlay" not in body.split("<head>")[0]


def test_overlay_query_starts_with_the_overlay_on(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/de", query="overlay=1").body
    assert re.search(r'<html lang="de" dir="ltr" class="l10n-preview-overlay">', body)
    assert 'aria-pressed="true">overlay</button>' in body


def test_overlay_marks_the_russian_string_and_untranslated_text(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/de").body
    notes = notes_of(body, RUSSIAN)
    kinds = {n["type"] for n in notes}
    assert kinds == {"finding", "untranslated"}
    finding = next(n for n in notes if n["type"] == "finding")
    assert finding["kind"] == "wrong-script" and finding["text"] == RUSSIAN
    assert finding["message"] and finding["evidence"] == "script"
    assert [n["type"] for n in notes_of(body, "loader")] == ["untranslated"]
    assert re.search(r'data-preview-state="finding untranslated"[^>]*>' + RUSSIAN, body)


def test_overlay_gives_the_catalog_entry_of_a_translated_string(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/de").body
    [note] = notes_of(body, "Abonnieren")
    assert note["type"] == "entry"
    assert (note["domain"], note["msgctxt"], note["msgid"]) == ("chrome", "article", "Subscribe")
    po = Path(note["po"])
    assert po == LOCALES / "de/LC_MESSAGES/chrome.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    assert 'msgid "Subscribe"' in lines[note["line"] - 1:note["line"] + 2]
    assert note["href"] == f"/catalog/de/LC_MESSAGES/chrome.po#L{note['line']}"
    [headline] = notes_of(body, "Moskau erwartet bis Jahresende Reaktion der USA zur "
                                "Raketenabwehr")
    assert headline["domain"] == "article"
    assert headline["po"].endswith("articles/000_3b28b45df5788720.po")


def test_overlay_marks_attribute_findings_on_the_html_seed(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/1/de").body
    assert "1 finding" in body
    assert re.search(r'<li class="finding" data-target="\d+">wrong-script \(error, script\): '
                     rf'“{RUSSIAN}” \[title\]', body)


def test_right_to_left_locale_keeps_its_direction(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/ar").body
    assert '<html lang="ar" dir="rtl"' in body
    assert '<div id="l10n-preview-bar" dir="ltr" lang="en"' in body
    assert "<h1" in body


def test_source_view_is_the_page_in_its_own_language(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/source").body
    assert '<html lang="en" dir="ltr"' in body
    assert "Moscow expects U.S. reaction" in body
    finding, entry = notes_of(body, RUSSIAN)
    assert (entry["type"], entry["po"], finding["type"]) == ("entry", None, "finding")
    [subscribe] = notes_of(body, "Subscribe")
    assert subscribe["po"] == str(LOCALES / "chrome.pot")  # the template's entry


def test_pseudo_locale(seeds: PreviewApp) -> None:
    body = call(seeds, "/page/0/en-XA").body
    assert '<html lang="en-XA" dir="ltr"' in body
    assert "[Šûƀšçŕîƀé ļöŕé]" in body
    assert re.search(r"<h1[^>]*>\[Ṁöšçöŵ éẋþéçţš Û\.Š\. ", body)
    assert [n["type"] for n in notes_of(body, "loader")] == ["untranslated"]
    assert f'<li class="counter">{pseudo_chars("0")}</li>' in body
    html_body = call(seeds, "/page/1/en-XA").body
    time = re.search(r"<time[^>]*>([^<]+)</time>", html_body)
    assert time is not None and "\u0307" in time.group(1) and "Ṁåý" in time.group(1)


def test_pseudo_text() -> None:
    assert pseudo_text("Subscribe") == "[Šûƀšçŕîƀé ļöŕé]"
    for text in ("Subscribe", "To participate in the discussion", "OK"):
        out = pseudo_text(text)
        assert out.startswith("[") and out.endswith("]")
        assert len(out) >= 1.35 * len(text)
        assert not re.search(r"[a-z]", out.split(" ")[0][1:])
    assert pseudo_text("{count} comments").startswith("[{count} çöɱɱéñţš ")
    assert "%s" in pseudo_text("Follow us on %s")
    assert pseudo_text("<b>Hi</b> &amp; you").startswith("[<b>Ĥî</b> &amp; ýöû ")
    assert pseudo_chars("May 18") == "Ṁåý 1\u03078\u0307"
    assert pseudo_chars(pseudo_chars("May 18")) == pseudo_chars("May 18")


# -- side by side ----------------------------------------------------------------------------

def test_side_by_side_aligns_blocks_row_by_row(seeds: PreviewApp) -> None:
    reply = call(seeds, "/side/0/de")
    assert reply.status == 200
    rows = re.findall(r"<tr[^>]*data-line=.*?</tr>", reply.body)
    page = seeds.site.source_page(seeds.site.pages[0])
    assert len(rows) == len([b for b in page.blocks if b.repeat_of is None])
    subscribe = next(r for r in rows if ">Subscribe</td>" in r)
    assert ">Abonnieren</td>" in subscribe
    assert "locales/de/LC_MESSAGES/chrome.po:" in subscribe
    russian = next(r for r in rows if RUSSIAN in r)
    assert 'class="finding untranslated"' in russian and "wrong-script" in russian


def test_side_by_side_right_to_left(seeds: PreviewApp) -> None:
    body = call(seeds, "/side/0/ar").body
    assert 'lang="ar" dir="rtl">سبوتنيك عربي</td>' in body


# -- JSON, files, static ---------------------------------------------------------------------

def test_leaks_json(seeds: PreviewApp) -> None:
    reply = call(seeds, "/leaks/0/de")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(reply.body) == {"findings": 1, "errors": 1, "warnings": 0,
                                      "untranslated": 2}
    assert json.loads(call(seeds, "/leaks/0/ru").body)["findings"] == 0


def test_source_file_as_plain_text(seeds: PreviewApp) -> None:
    reply = call(seeds, "/source/0")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert reply.body == SEED.read_text(encoding="utf-8")


def test_catalog_with_line_anchors(seeds: PreviewApp) -> None:
    reply = call(seeds, "/catalog/de/LC_MESSAGES/chrome.po")
    assert reply.status == 200
    assert '<li id="L1">' in reply.body and "msgid &quot;Subscribe&quot;" in reply.body
    assert call(seeds, "/catalog/chrome.pot").status == 200


@pytest.mark.parametrize(("name", "kind"), [("preview.js", "text/javascript"),
                                            ("preview.css", "text/css")])
def test_static_files(seeds: PreviewApp, name: str, kind: str) -> None:
    reply = call(seeds, f"/static/{name}")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == f"{kind}; charset=utf-8"


def test_head_sends_headers_only(seeds: PreviewApp) -> None:
    get = call(seeds, "/static/preview.js")
    head = call(seeds, "/static/preview.js", method="HEAD")
    assert head.status == 200 and head.body == ""
    assert head.headers["Content-Length"] == get.headers["Content-Length"]


@pytest.mark.parametrize("path", ["/nowhere", "/page/9/de", "/page/0/xx", "/page/0/en",
                                  "/page/-1/de", "/page/0x1/de", "/page/１/de", "/page/0",
                                  "/page/99999999999999999999/de", "/side/0/../de",
                                  "/leaks/0/de/extra", "/source/7", "/static/app.py",
                                  "/static/", "/catalog/", "/catalog/de/LC_MESSAGES/chrome.mo"])
def test_unknown_routes_are_404(seeds: PreviewApp, path: str) -> None:
    reply = call(seeds, path)
    assert reply.status == 404
    assert reply.headers["Content-Security-Policy"] == CSP


def test_only_get_and_head(seeds: PreviewApp) -> None:
    reply = call(seeds, "/", method="POST")
    assert reply.status == 405 and reply.headers["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200), ("localhost", 200),
    (None, 200), ("evil.example", 403), ("evil.example:8000", 403), ("127.0.0.1.evil.example", 403),
])
def test_host_header(seeds: PreviewApp, host: str | None, status: int) -> None:
    assert call(seeds, "/static/preview.css", host=host).status == status


# -- traversal -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def jail(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Catalogs and pages with symlinks pointing out, next to a secret."""
    base = tmp_path_factory.mktemp("jail")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.po").write_text(f'msgid "{SECRET}"\nmsgstr ""\n', encoding="utf-8")
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    catalogs = base / "locales"
    shutil.copytree(LOCALES, catalogs)
    (catalogs / "evil.po").symlink_to(outside / "secret.po")
    (catalogs / "de" / "LC_MESSAGES" / "evil.po").symlink_to(outside / "secret.po")
    (catalogs / "linked").symlink_to(outside, target_is_directory=True)
    pages = base / "pages"
    pages.mkdir()
    shutil.copy(SEED, pages / SEED.name)
    (pages / "leak.txt").symlink_to(outside / "secret.txt")
    return base


@pytest.fixture(scope="module")
def jailed(jail: Path) -> PreviewApp:
    return make_app([str(jail / "pages")], str(jail / "locales"))


TRAVERSALS = [
    "/catalog/../../../../etc/passwd",
    "/catalog/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/catalog/%2E%2E/outside/secret.po",
    "/catalog/..%2f..%2f..%2fetc%2fpasswd",
    "/catalog/..%2foutside%2fsecret.po",
    "/catalog/..%5c..%5c..%5cetc%5cpasswd",
    "/catalog/..%5coutside%5csecret.po",
    "/catalog/de%5c..%5c..%5coutside%5csecret.po",
    "/catalog//etc/passwd",
    "/catalog/%2fetc%2fpasswd",
    "/catalog/%2F" + "%2F".join(["tmp", "x.po"]),
    "/catalog/C:/Windows/win.ini",
    "/catalog/de/../../outside/secret.po",
    "/catalog/./de/LC_MESSAGES/chrome.po",
    "/catalog/%252e%252e/%252e%252e/etc/passwd",
    "/catalog/de/LC_MESSAGES/chrome.po%00.txt",
    "/catalog/evil.po",
    "/catalog/de/LC_MESSAGES/evil.po",
    "/catalog/linked/secret.po",
    "/static/../app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2f__init__.py",
    "/source/../../outside/secret.txt",
    "/source/1",
    "/page/../../outside/secret.txt",
    "/page/0/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%5c..%5cetc%5cpasswd",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_traversal_in_process(jailed: PreviewApp, jail: Path, url: str) -> None:
    reply = call(jailed, raw(url))
    assert reply.status in (403, 404)
    assert SECRET not in reply.body and "root:" not in reply.body
    assert "msgid" not in reply.body


def test_symlinked_page_out_of_its_directory_is_not_a_page(jailed: PreviewApp) -> None:
    assert [p.name for p in jailed.site.pages] == [SEED.name]
    assert SECRET not in call(jailed, "/").body


def test_resolve_inside(jail: Path) -> None:
    root = jail / "locales"
    assert resolve_inside(root, "de/LC_MESSAGES/chrome.po") == \
        (root / "de/LC_MESSAGES/chrome.po").resolve()
    assert resolve_inside(root, str(jail / "outside" / "secret.po")) is None
    assert resolve_inside(root, "evil.po") is None
    assert resolve_inside(root, "de/LC_MESSAGES/chrome.po", frozenset({".pot"})) is None


@pytest.fixture(scope="module")
def served(jailed: PreviewApp) -> Iterator[int]:
    server = make_server(jailed, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("url", TRAVERSALS + ["/catalog/..\\..\\etc\\passwd",
                                              "/catalog/%c0%ae%c0%ae/etc/passwd"])
def test_traversal_over_a_socket(served: int, url: str) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served, timeout=10)
    try:
        connection.putrequest("GET", url, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
    finally:
        connection.close()
    assert response.status in (403, 404)
    assert SECRET not in body and "root:" not in body


def test_socket_serves_pages(served: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", served, timeout=30)
    try:
        connection.request("GET", "/page/0/ru")
        response = connection.getresponse()
        body = response.read().decode("utf-8")
    finally:
        connection.close()
    assert response.status == 200 and '<html lang="ru"' in body


# -- escaping --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> PreviewApp:
    """A translation, a page name and a page that try to inject markup."""
    base = tmp_path_factory.mktemp("hostile")
    catalogs = base / "locales"
    shutil.copytree(LOCALES, catalogs)
    po = catalogs / "de" / "LC_MESSAGES" / "chrome.po"
    text = po.read_text(encoding="utf-8")
    escaped = HOSTILE.replace('"', '\\"')
    text = text.replace('msgid "Subscribe"\nmsgstr "Abonnieren"',
                        f'msgid "Subscribe"\nmsgstr "{escaped}"')
    po.write_text(text, encoding="utf-8")
    pages = base / "pages"
    pages.mkdir()
    shutil.copy(SEED, pages / "<img src=x onerror=alert(1)>.txt")
    shutil.copy(DATA / "preview" / "hostile.html", pages / "hostile.html")
    (pages / "empty <b>bold.txt").write_text("  \n", encoding="utf-8")
    return make_app([str(pages)], str(catalogs))


def _no_live_markup(body: str) -> None:
    assert "<img src=x" not in body and "<script>window.__pwned" not in body
    assert "onerror=alert(1)>" not in body


def test_hostile_translation_is_text(hostile: PreviewApp) -> None:
    number = next(p.number for p in hostile.site.pages if p.name.startswith("<img"))
    body = call(hostile, f"/page/{number}/de").body
    _no_live_markup(body)
    assert "&lt;img src=x onerror=" in body
    [note] = notes_of(body, HOSTILE)
    assert note["type"] == "entry" and note["msgid"] == "Subscribe"
    side = call(hostile, f"/side/{number}/de").body
    _no_live_markup(side)
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in side


def test_hostile_page_name_is_escaped(hostile: PreviewApp) -> None:
    number = next(p.number for p in hostile.site.pages if p.name.startswith("<img"))
    for path in ("/", f"/page/{number}/de", f"/side/{number}/de"):
        body = call(hostile, path).body
        assert "<img src=x onerror=alert(1)>.txt" not in body
        assert "&lt;img src=x onerror=alert(1)&gt;.txt" in body


def test_render_errors_are_escaped(hostile: PreviewApp) -> None:
    number = next(p.number for p in hostile.site.pages if p.name.startswith("empty"))
    reply = call(hostile, f"/page/{number}/de")
    assert reply.status == 500
    assert "empty page" in reply.body and "<b>bold" not in reply.body
    assert "&lt;b&gt;bold" in reply.body
    index = call(hostile, "/").body
    assert 'class="error"' in index and "<b>bold" not in index
    leaks = call(hostile, f"/leaks/{number}/de")
    assert leaks.status == 500 and "empty page" in json.loads(leaks.body)["error"]


def test_hostile_page_loses_its_base_refresh_and_forged_notes(hostile: PreviewApp) -> None:
    number = next(p.number for p in hostile.site.pages if p.name == "hostile.html")
    body = call(hostile, f"/page/{number}/de").body
    assert "<base" not in body and "http-equiv" not in body
    assert '"forged"' not in body
    assert 'onerror="window.__pwned' in body  # the page's own markup, kept; the CSP blocks it


# -- live catalogs ---------------------------------------------------------------------------

def test_an_edited_po_shows_on_the_next_request(tmp_path: Path) -> None:
    catalogs = tmp_path / "locales"
    shutil.copytree(LOCALES, catalogs)
    preview = make_app([str(SEED)], str(catalogs))
    assert "Abonnieren" in call(preview, "/page/0/de").body
    po = catalogs / "de" / "LC_MESSAGES" / "chrome.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgstr "Abonnieren"', 'msgstr "Jetzt folgen"'), encoding="utf-8")
    later = po.stat().st_mtime_ns + 2_000_000_000
    os.utime(po, ns=(later, later))
    body = call(preview, "/page/0/de").body
    assert "Jetzt folgen" in body and "Abonnieren" not in body
    assert ">Jetzt folgen</td>" in call(preview, "/side/0/de").body


def test_a_new_locale_shows_on_the_index(tmp_path: Path) -> None:
    catalogs = tmp_path / "locales"
    shutil.copytree(LOCALES, catalogs, ignore=shutil.ignore_patterns("[a-z]*_*", "ja", "ko"))
    preview = make_app([str(SEED)], str(catalogs))
    assert 'data-locale="ja"' not in call(preview, "/").body
    shutil.copytree(LOCALES / "ja", catalogs / "ja")
    assert 'data-locale="ja"' in call(preview, "/").body


def test_a_locale_cldr_half_knows_is_an_error_cell_not_a_broken_index(tmp_path: Path) -> None:
    catalogs = tmp_path / "locales"
    shutil.copytree(LOCALES / "de", catalogs / "de")
    shutil.copytree(LOCALES / "de", catalogs / "de_XX")  # CLDR knows de, not de_XX
    preview = make_app([str(SEED)], str(catalogs))
    index = call(preview, "/")
    assert index.status == 200
    assert re.search(r'<td data-locale="de_XX" class="error"><a href="/page/0/de_XX" '
                     r'title="[^"]+">error</a>', index.body)
    assert call(preview, "/page/0/de_XX").status == 500
    assert call(preview, "/page/0/de").status == 200


# -- serving ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
    ("example.com", False), ("localhost.example.com", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_a_non_loopback_host_unless_explicit(seeds: PreviewApp) -> None:
    with pytest.raises(UsageError, match="not a loopback"):
        make_server(seeds, "0.0.0.0", 0)
    server = make_server(seeds, "0.0.0.0", 0, explicit_host=True, quiet=True)
    server.server_close()


def test_main_reports_a_busy_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main([str(SEED), "--catalogs", str(LOCALES), "--port", str(port)]) == 2
    assert "cannot listen on 127.0.0.1" in capsys.readouterr().err


def test_main_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "--catalogs" in capsys.readouterr().out


def test_default_pages() -> None:
    from l10n.config import Config

    assert default_pages(Config()) == ["samples"]
    config = Config(path="/site/pyproject.toml", extra={"pages": ["pages", "more"]})
    assert default_pages(config) == ["/site/pages", "/site/more"]


def test_discover_pages_skips_other_files() -> None:
    pages = discover_pages([str(SAMPLES), str(SEED)])
    assert [p.name for p in pages] == sorted(p.name for p in SAMPLES.glob("0*"))
    assert all(p.root == str(SAMPLES) for p in pages)
