"""The preview's editions view (``/align/<n>``) and its write path (``POST /accept``)."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest

from l10n.po import read_po
from l10n.preview import PreviewApp, make_app

from .conftest import DATA

ALIGN = DATA / "align"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test page, its German edition (with a menu item that would be markup) and an
    empty catalogs directory."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1274196600")
    (tmp_path / "en").mkdir()
    (tmp_path / "de").mkdir()
    shutil.copy(ALIGN / "page.en.html", tmp_path / "en" / "page.html")
    german = (ALIGN / "page.de.html").read_text(encoding="utf-8")
    (tmp_path / "de" / "page.html").write_text(
        german.replace(">Wetter<", ">Wetter &lt;script&gt;&amp;<"), encoding="utf-8")
    (tmp_path / "locales").mkdir()
    return tmp_path


def _app(site: Path) -> PreviewApp:
    return make_app([str(site / "en")], str(site / "locales"), editions=[str(site / "de")])


def request(app: PreviewApp, path: str, *, method: str = "GET", body: bytes = b"",
            headers: dict[str, str] | None = None) -> tuple[int, str]:
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(REQUEST_METHOD=method, PATH_INFO=path, HTTP_HOST="127.0.0.1:8000", QUERY_STRING="",
                   CONTENT_LENGTH=str(len(body)), CONTENT_TYPE="application/json")
    environ["wsgi.input"] = io.BytesIO(body)
    environ.update(headers or {})
    seen: dict = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"] = status
        return lambda data: None

    result = validator(app)(environ, start_response)
    try:
        data = b"".join(result)
    finally:
        result.close()
    return int(seen["status"][:3]), data.decode("utf-8")


def _token(page: str) -> str:
    found = re.search(r'<meta name="l10n-token" content="([^"]+)">', page)
    assert found
    return found.group(1)


def _accept_body(page: str, msgid: str) -> dict[str, object]:
    """The data of the Accept button of ``msgid`` on the page."""
    for button in re.findall(r"<button [^>]*>", page):
        if f'data-msgid="{msgid}"' in button:
            data = dict(re.findall(r'data-(\w+)="([^"]*)"', button))
            return {"page": int(data["page"]), "edition": int(data["edition"]),
                    "proposal": int(data["proposal"]), "msgid": msgid,
                    "msgstr": data["msgstr"]}
    raise AssertionError(f"no Accept button for {msgid!r}")


def test_the_editions_view_shows_the_proposals_escaped(site: Path) -> None:
    app = _app(site)
    status, page = request(app, "/align/0")
    assert status == 200
    assert '<td lang="de" dir="ltr">Nachrichten</td><td>chrome · nav</td>' \
           '<td class="l10n-state">no catalog yet</td>' in page
    assert '<td lang="de" dir="ltr">Wetter &lt;script&gt;&amp;</td>' in page
    assert 'data-msgstr="Wetter &lt;script&gt;&amp;"' in page
    assert "<script>" not in page.split("</head>")[1]
    assert '<script src="/static/align.js" defer></script>' in page
    status, index = request(app, "/align/")
    assert status == 200 and f'<a href="/align/0">{site / "en" / "page.html"}</a>' in index
    status, home = request(app, "/")
    assert status == 200 and ' <a class="editions" href="/align/0">editions</a></th>' in home


def test_accept_writes_one_translation_through_the_catalog_writer(site: Path) -> None:
    app = _app(site)
    _, page = request(app, "/align/0")
    body = json.dumps(_accept_body(page, "News")).encode()
    status, reply = request(app, "/accept", method="POST", body=body,
                            headers={"HTTP_X_L10N_TOKEN": _token(page),
                                     "HTTP_ORIGIN": "http://127.0.0.1:8000",
                                     "HTTP_SEC_FETCH_SITE": "same-origin"})
    assert status == 200, reply
    po = site / "locales" / "de" / "LC_MESSAGES" / "chrome.po"
    assert json.loads(reply) == {"state": "translated: Nachrichten", "path": str(po)}
    catalog = read_po(po.read_bytes())
    news = catalog.get("News", "nav")
    assert news is not None and news.msgstr == "Nachrichten" and not news.fuzzy
    assert [m.msgid for m in catalog if m.msgstr and not m.is_header] == ["News"]
    assert (site / "locales" / "chrome.pot").is_file()
    _, page = request(app, "/align/0")
    assert '<td class="l10n-state">translated: Nachrichten</td>' in page
    status, reply = request(app, "/accept", method="POST", body=body,
                            headers={"HTTP_X_L10N_TOKEN": _token(page)})
    assert (status, json.loads(reply)) == (409, {"error": "unchanged: not written"})


VALID = object()  # the page's own token


@pytest.mark.parametrize(("token", "headers", "body", "status", "error"), [
    (None, {}, None, 403, "no valid token: accept from the preview's own page"),
    ("guess", {}, None, 403, "no valid token: accept from the preview's own page"),
    (VALID, {"CONTENT_TYPE": "text/plain"}, None, 415, "send application/json"),
    (VALID, {"HTTP_ORIGIN": "http://evil.example"}, None, 403, "another origin may not write"),
    (VALID, {"HTTP_SEC_FETCH_SITE": "cross-site"}, None, 403, "another site may not write"),
    (VALID, {}, b"[1, 2]", 400, "not an accept request"),
    (VALID, {}, {"msgstr": "Böse"}, 409, "the page changed: reload it"),
    (VALID, {}, {"proposal": 99}, 409, "the page changed: reload it"),
    (VALID, {}, {"page": 5}, 404, "no such page"),
], ids=["no-token", "wrong-token", "form", "origin", "fetch-site", "not-json-object",
        "other-text", "no-such-proposal", "no-such-page"])
def test_accept_refuses_what_the_page_did_not_send(
        site: Path, token: object, headers: dict[str, str], body: object, status: int,
        error: str) -> None:
    app = _app(site)
    _, page = request(app, "/align/0")
    data = _accept_body(page, "News")
    if isinstance(body, dict):
        data.update(body)
    raw = body if isinstance(body, bytes) else json.dumps(data).encode()
    sent = dict(headers)
    if token is not None:
        sent["HTTP_X_L10N_TOKEN"] = _token(page) if token is VALID else str(token)
    answer, reply = request(app, "/accept", method="POST", body=raw, headers=sent)
    assert (answer, json.loads(reply)) == (status, {"error": error})
    assert not (site / "locales" / "de").exists()


def test_without_editions_there_is_no_write_path(site: Path) -> None:
    app = make_app([str(site / "en")], str(site / "locales"))
    assert request(app, "/accept", method="POST", body=b"{}")[0] == 405
    assert request(app, "/align/0")[0] == 404
    assert 'class="editions"' not in request(app, "/")[1]
