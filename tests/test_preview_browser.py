"""``l10n preview`` end to end in a real headless Chromium, driven by Playwright.

The server runs on 127.0.0.1 (a free port) in a thread, over copies of the seed pages and of
the shipped catalogs (the tests edit them). Chromium is Debian's ``/usr/bin/chromium``
(``.ci/run`` installs it); Playwright never downloads a browser. A failing test leaves a
screenshot in its tmp directory and prints the path.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from l10n.catalogs.layout import find_locales
from l10n.preview import make_app, make_server

from .conftest import DATA, ROOT, SAMPLES, SEED

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCALES = ROOT / "locales"
RUSSIAN = "Заголовок открываемого материала"
HOSTILE = ('<img src=x onerror="window.__pwned=1;alert(1)">'
           '<script>window.__pwned=2;alert(2)</script>')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed pages, the hostile page, and a copy of the catalogs with a hostile ``fr``
    translation of "Subscribe"."""
    base = tmp_path_factory.mktemp("browser")
    pages = base / "pages"
    pages.mkdir()
    for page in (SEED, SAMPLES / "001_seed_en.html", DATA / "preview" / "hostile.html"):
        shutil.copy(page, pages / page.name)
    catalogs = base / "locales"
    shutil.copytree(LOCALES, catalogs)
    po = catalogs / "fr" / "LC_MESSAGES" / "chrome.po"
    text = po.read_text(encoding="utf-8")
    escaped = HOSTILE.replace('"', '\\"')
    po.write_text(text.replace('msgid "Subscribe"\nmsgstr "Abonnez-vous"',
                               f'msgid "Subscribe"\nmsgstr "{escaped}"'), encoding="utf-8")
    assert escaped in po.read_text(encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    app = make_app([str(site / "pages")], str(site / "locales"))
    server = make_server(app, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    assert CHROMIUM.exists(), (
        f"{CHROMIUM} is missing: these tests need Debian's chromium package "
        "(.ci/run installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A fresh page; no dialog may open; a screenshot is saved when the test fails."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    failed = request.session.testsfailed
    yield tab
    if request.session.testsfailed > failed:
        shot = tmp_path / "failure.png"
        tab.screenshot(path=str(shot), full_page=True)
        print(f"screenshot of the failure: {shot}")
    context.close()
    assert dialogs == [], f"a dialog opened: {dialogs}"


def page_number(base_url: str, page, name: str) -> int:
    page.goto(base_url + "/")
    link = page.locator("#l10n-index tbody th a", has_text=name)
    return int(link.get_attribute("href").rsplit("/", 1)[1])


def test_index_lists_every_shipped_locale(page, base_url: str) -> None:
    page.goto(base_url + "/")
    heads = page.locator("#l10n-index thead th[data-locale]").evaluate_all(
        "cells => cells.map(c => c.dataset.locale)")
    assert heads == ["source", *find_locales(LOCALES)]
    assert len(heads) == 16
    assert page.locator("#l10n-index tbody tr").count() == 3
    seed = page.locator('#l10n-index tr[data-page="0"] td[data-locale="de"]')
    assert seed.locator(".chrome").inner_text() == "85%"
    leaks = seed.locator(".leaks")
    leaks.filter(has_text="leak").wait_for()
    assert leaks.inner_text() == "1 leak"


def test_switching_locale(page, base_url: str) -> None:
    page.goto(base_url + "/page/0/de")
    assert page.evaluate("document.documentElement.lang") == "de"
    page.locator("#l10n-preview-overlay").click()
    page.select_option("#l10n-preview-locale", "/page/0/ru")
    page.wait_for_url("**/page/0/ru?overlay=1")
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert page.locator("article h1").inner_text() == "Москва ожидает реакции США по ПРО к концу года"
    assert page.locator("#l10n-preview-overlay").get_attribute("aria-pressed") == "true"


def test_side_by_side(page, base_url: str) -> None:
    page.goto(base_url + "/page/0/de")
    page.locator("#l10n-preview-side").click()
    page.wait_for_url("**/side/0/de")
    row = page.locator("#l10n-side tbody tr", has_text="Subscribe")
    cells = row.locator("td")
    assert cells.nth(2).inner_text() == "Subscribe"
    assert cells.nth(3).inner_text() == "Abonnieren"
    source_box, target_box = cells.nth(2).bounding_box(), cells.nth(3).bounding_box()
    assert source_box["y"] == target_box["y"] and source_box["height"] == target_box["height"]
    russian = page.locator("#l10n-side tbody tr", has_text=RUSSIAN)
    assert "wrong-script" in russian.locator("td").nth(4).inner_text()
    page.select_option("#l10n-preview-locale", "/side/0/ar")
    page.wait_for_url("**/side/0/ar")
    target = page.locator("#l10n-side tbody tr").first.locator("td").nth(3)
    assert target.evaluate("cell => getComputedStyle(cell).direction") == "rtl"


def test_overlay_marks_the_seed_russian_string(page, base_url: str) -> None:
    page.goto(base_url + "/page/0/de")
    russian = page.locator("footer li", has_text=RUSSIAN)
    assert russian.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    page.locator("#l10n-preview-overlay").click()
    assert page.url.endswith("/page/0/de?overlay=1")
    assert russian.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert russian.evaluate("e => getComputedStyle(e).outlineColor") == "rgb(216, 32, 42)"
    russian.hover()
    tip = page.locator("#l10n-preview-tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "wrong-script (error, script)" in text and f"“{RUSSIAN}”" in text
    assert "untranslated (no catalog entry)" in text
    loader = page.locator("footer li", has_text="loader")
    assert loader.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"


def test_hovering_a_translated_string_shows_its_entry(page, base_url: str, site: Path) -> None:
    page.goto(base_url + "/page/0/de?overlay=1")
    page.locator("p.chrome", has_text="Abonnieren").hover()
    tip = page.locator("#l10n-preview-tip")
    tip.wait_for(state="visible")
    po = site / "locales" / "de" / "LC_MESSAGES" / "chrome.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1)  # the entry's msgid line
                if text == 'msgid "Subscribe"' and lines[n - 2] == 'msgctxt "article"')
    assert tip.inner_text().splitlines() == [
        "catalog entry", "chrome · msgctxt article", "msgid “Subscribe”", f"{po}:{line}"]


def test_pseudo_locale(page, base_url: str) -> None:
    page.goto(base_url + "/page/0/de")
    page.locator("#l10n-preview-pseudo").click()
    page.wait_for_url("**/page/0/en-XA")
    assert page.evaluate("document.documentElement.lang") == "en-XA"
    headline = page.locator("article h1").inner_text()
    assert headline.startswith("[Ṁöšçöŵ éẋþéçţš") and headline.endswith("]")
    assert len(headline) > 1.3 * len("Moscow expects U.S. reaction to missile defense system "
                                     "by year end")
    assert page.locator("footer li", has_text="loader").inner_text() == "loader"
    assert page.locator("#l10n-preview-pseudo").get_attribute("aria-pressed") == "true"


def test_right_to_left_page(page, base_url: str) -> None:
    page.goto(base_url + "/page/0/ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    bar = page.locator("#l10n-preview-bar")
    assert bar.evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_editing_a_po_then_reloading_shows_the_new_text(page, base_url: str,
                                                        site: Path) -> None:
    page.goto(base_url + "/page/0/de")
    headline = page.locator("article h1")
    assert headline.inner_text() == "Moskau erwartet bis Jahresende Reaktion der USA zur " \
                                    "Raketenabwehr"
    po = site / "locales" / "de" / "LC_MESSAGES" / "articles" / "000_3b28b45df5788720.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Moskau erwartet bis Jahresende Reaktion der USA zur '
                               'Raketenabwehr"', 'msgstr "Neue Überschrift aus dem Test"'),
                  encoding="utf-8")
    later = po.stat().st_mtime_ns + 2_000_000_000
    os.utime(po, ns=(later, later))
    page.reload()
    assert headline.inner_text() == "Neue Überschrift aus dem Test"


def test_a_hostile_translation_runs_nothing(page, base_url: str) -> None:
    page.goto(base_url + "/page/0/fr?overlay=1")
    follow = page.locator("p.chrome", has_text="window.__pwned")
    assert follow.inner_text() == HOSTILE
    follow.hover()
    page.locator("#l10n-preview-tip").wait_for(state="visible")
    page.goto(base_url + "/page/1/fr?overlay=1")
    assert page.locator("button.follow").inner_text() == HOSTILE
    page.goto(base_url + "/side/0/fr")
    assert page.locator("#l10n-side td", has_text="window.__pwned").first.inner_text() == HOSTILE
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#l10n-side img").count() == 0


def test_a_hostile_page_runs_nothing(page, base_url: str) -> None:
    number = page_number(base_url, page, "hostile.html")
    url = f"{base_url}/page/{number}/de"
    page.goto(url + "?overlay=1")
    page.wait_for_timeout(300)  # a refresh or a late handler would act by now
    assert page.url == url + "?overlay=1"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.evaluate("document.addEventListener('click', event => event.preventDefault())")
    page.locator("nav a").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.url == url + "?overlay=1"
    russian = page.locator("footer p", has_text=RUSSIAN)
    assert russian.get_attribute("data-preview-state") == "finding untranslated"
    assert "forged" not in (page.locator("article h1").get_attribute("data-preview-notes") or "")
