"""``l10n extract``: chrome, places and agencies templates from pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.catalogs.extract import extract_pages
from l10n.po import read_po
from l10n.readers import parse_page, read_page

from .conftest import SAMPLES, SEED

SEED_HTML = SAMPLES / "001_seed_en.html"


def entries(domain: str, *pages: Path) -> list[tuple[str | None, str, str | None]]:
    extraction = extract_pages([read_page(p) for p in pages])
    return [(m.msgctxt, m.msgid, m.msgid_plural) for m in extraction.messages(domain)]


def test_seed_chrome_entries() -> None:
    assert entries("chrome", SEED) == [
        ("site name", "Sputnik International", None),
        ("section", "Russia", None),
        ("tagline", "The latest news and stories from Russia. Stay tuned for updates and "
                    "breaking news on defense, politics, economy and more.", None),
        ("article", "Subscribe", None),
        ("footer", "Newsfeed", None),
        ("footer", "To participate in the discussion", None),
        ("footer", "log in or register", None),
        ("footer", "Chats", None),
    ]
    assert entries("places", SEED) == [("dateline city", "Washington", None)]
    assert entries("agencies", SEED) == [("news agency", "RIA Novosti", None)]


def test_seed_reports_what_it_does_not_extract() -> None:
    extraction = extract_pages([read_page(SEED)])
    assert [(s.line, s.text, s.reason.split(":")[0]) for s in extraction.skipped] == [
        (40, "loader", "a technical string, not a label"),
        (42, "Заголовок открываемого материала", "wrong-script"),
    ]


IDENTIFIERS = """<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>
<nav><a href="/">Home</a> <a href="https://x.example/@jane">@jane_doe</a>
<a href="/t/news">#breakingnews</a></nav>
<footer><span class="Z3988"
title="ctx_ver=Z39.88-2004&amp;rft.atitle=Title&amp;rft.au=Doe"></span>
<a href="https://example.com/">example.com</a> <a href="/contact">Contact us</a>
<a href="/2015/03/">March 2015 (19)</a> <a href="/privacy">https://example.com/privacy</a>
</footer>
</body></html>"""


def test_identifiers_and_dates_are_reported_not_extracted(tmp_path: Path) -> None:
    # Nothing a translator translates: a handle, a hashtag, an OpenURL query in a title, a
    # host name, an archive menu's month, an address shown as its own link text.
    page = tmp_path / "p.html"
    page.write_text(IDENTIFIERS, encoding="utf-8")
    extraction = extract_pages([read_page(page)])
    assert [(m.msgctxt, m.msgid) for m in extraction.messages("chrome")] == [
        ("nav", "Home"), ("footer", "Contact us")]
    assert [(s.text, s.reason) for s in extraction.skipped] == [
        ("@jane_doe", "a handle, not a label"),
        ("#breakingnews", "a hashtag, not a label"),
        ("ctx_ver=Z39.88-2004&rft.atitle=Title&rft.au=Doe", "a query string, not a label"),
        ("example.com", "a host, not a label"),
        ("March 2015 (19)", "a date, not a label"),
        ("https://example.com/privacy", "a web address, not a label"),
    ]


def test_html_contexts_come_from_meaning_not_lines() -> None:
    found = entries("chrome", SEED_HTML)
    assert ("button", "Subscribe", None) in found
    assert ("placeholder", "Search Sputnik", None) in found
    assert ("nav aria-label", "Main menu", None) in found
    assert all(ctx is not None and not any(ch.isdigit() for ch in ctx) for ctx, _, _ in found)
    texts = [msgid for _, msgid, _ in found]
    assert "Заголовок открываемого материала" not in texts
    assert "Russian Deputy Prime Minister Sergei Ivanov - Sputnik International" not in texts
    assert not any(t.startswith("Medvedev:") for t in texts)  # a related headline


def test_recurring_chrome_is_one_entry_with_every_reference() -> None:
    extraction = extract_pages([read_page(SEED), read_page(SAMPLES / "005_news_en.txt")])
    places = extraction.messages("places")
    assert [(m.msgid, m.references) for m in places] == [
        ("Washington", (f"{SEED}:32", f"{SAMPLES / '005_news_en.txt'}:16"))]


@pytest.mark.parametrize(("dateline", "places"), [
    ("RALEIGH, N.C. (AP) —", [("dateline city", "Raleigh"), ("dateline region", "N.C.")]),
    ("BEIRUT, Lebanon, June 2 —", [("dateline city", "Beirut"), ("dateline region", "Lebanon")]),
    ("WASHINGTON (AP) —", [("dateline city", "Washington")]),
])
def test_places_hold_the_city_alone_and_its_region_apart(
        dateline: str, places: list[tuple[str, str]]) -> None:
    page = parse_page(f"Lawmakers approve a new state budget\n\n{dateline} State lawmakers "
                      "approved a budget on Tuesday that raises spending on roads and schools.",
                      path="p.txt", format="text")
    assert [(m.msgctxt, m.msgid) for m in extract_pages([page]).messages("places")] == places


def test_a_region_is_one_entry_for_every_city_in_it() -> None:
    pages = [parse_page(f"Lawmakers approve a new state budget\n\n{city}, Ohio (AP) — State "
                        "lawmakers approved a budget on Tuesday that raises spending on roads.",
                        path=f"{city.lower()}.txt", format="text")
             for city in ("DAYTON", "TOLEDO")]
    places = extract_pages(pages).messages("places")
    assert [(m.msgctxt, m.msgid, m.references) for m in places] == [
        ("dateline city", "Dayton", ("dayton.txt:3",)),
        ("dateline region", "Ohio", ("dayton.txt:3", "toledo.txt:3")),
        ("dateline city", "Toledo", ("toledo.txt:3",)),
    ]
    assert entries("places", SAMPLES / "011_news_en.txt") == [
        ("dateline city", "Dayton", None), ("dateline region", "Ohio", None)]


def test_labelled_counter_becomes_a_plural_entry() -> None:
    page = parse_page("Headline of the story here today\n\nThe committee said on Tuesday that "
                      "the new rules would apply to every member state from next year.\n"
                      "12 comments\n0\n", path="p.txt", format="text")
    messages = extract_pages([page]).messages("chrome")
    assert [(m.msgctxt, m.msgid, m.msgid_plural, m.flags) for m in messages] == [
        ("counter", "{count} comment", "{count} comments", ("python-brace-format",))]


def test_pages_in_other_languages_are_reported_not_extracted() -> None:
    extraction = extract_pages([read_page(SAMPLES / "002_news_de.txt")])
    assert extraction.messages("chrome") == []
    assert [s.reason for s in extraction.skipped] == [
        "the page is in de, not the source language en"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": "1274196600"})


def test_cli_writes_three_templates_that_msgfmt_accepts(tmp_path: Path) -> None:
    done = run("extract", str(SEED), str(SEED_HTML), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "locales/chrome.pot: 21 entries, written",
        "locales/places.pot: 1 entries, written",
        "locales/agencies.pot: 1 entries, written",
    ]
    assert f"l10n: {SEED}:40: not extracted: 'loader' (a technical string, not a label)" \
        in done.stderr.splitlines()
    for domain in ("chrome", "places", "agencies"):
        pot = tmp_path / "locales" / f"{domain}.pot"
        check = subprocess.run(["msgfmt", "-c", "--check-format", "-o", os.devnull, str(pot)],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        catalog = read_po(pot.read_bytes())
        assert catalog.header_fields()["POT-Creation-Date"] == "2010-05-18 15:30+0000"
    chrome = (tmp_path / "locales" / "chrome.pot").read_text(encoding="utf-8")
    assert (f'#. footer chrome, e.g. {SEED}\n#: {SEED}:36\n#: {SEED_HTML}:71\n'
            'msgctxt "footer"\nmsgid "Newsfeed"\nmsgstr ""\n') in chrome


def test_cli_check_and_reproducibility(tmp_path: Path) -> None:
    assert run("extract", str(SEED), cwd=tmp_path).returncode == 0
    first = (tmp_path / "locales" / "chrome.pot").read_bytes()
    again = run("extract", "--check", str(SEED), cwd=tmp_path)
    assert again.returncode == 0 and "unchanged" in again.stdout
    assert run("extract", str(SEED), cwd=tmp_path).returncode == 0
    assert (tmp_path / "locales" / "chrome.pot").read_bytes() == first
    stale = run("extract", "--check", str(SEED), str(SEED_HTML), cwd=tmp_path)
    assert stale.returncode == 1
    assert "locales/chrome.pot: 21 entries, out of date" in stale.stdout
    assert (tmp_path / "locales" / "chrome.pot").read_bytes() == first


def test_single_domain_to_a_file(tmp_path: Path) -> None:
    done = run("extract", "-D", "places", "-o", "cities.pot", str(SEED), cwd=tmp_path)
    assert done.returncode == 0
    assert [m.msgid for m in read_po((tmp_path / "cities.pot").read_bytes()).messages] == [
        "", "Washington"]
    bad = run("extract", "-D", "nope", str(SEED), cwd=tmp_path)
    assert bad.returncode == 2 and "Invalid value for -D: 'nope'" in bad.stderr


@pytest.mark.parametrize("domain", ["chrome", "places"])
def test_babel_extractor_entry_point(tmp_path: Path, domain: str) -> None:
    """``pybabel extract`` with the l10n_chrome extractor finds the same chrome."""
    (tmp_path / "babel.cfg").write_text("[l10n_chrome: **.html]\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "seed.html").write_bytes(SEED_HTML.read_bytes())
    done = subprocess.run([str(Path(sys.executable).parent / "pybabel"), "extract", "-F",
                           "babel.cfg", "-o", "messages.pot", "site"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    pot = read_po((tmp_path / "messages.pot").read_bytes())
    ours = {(m.msgctxt, m.msgid) for m in extract_pages([read_page(site / "seed.html")])
            .messages("chrome")}
    theirs = {(m.msgctxt, m.msgid) for m in pot.messages if not m.is_header}
    assert theirs == ours
