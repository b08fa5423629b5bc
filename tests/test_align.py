"""``l10n align``: pairing pages with their editions and proposing translations.

The golden tree ``tests/data/align/expected`` is what ``align`` writes for the page in
``tests/data/align`` and its German and Russian editions (regenerate it there with
``SOURCE_DATE_EPOCH=1274196600 l10n align page.en.html page.de.html page.ru.html -d expected``
and review the diff). Every catalog written is checked with ``msgfmt -c``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from l10n.align import Proposal, State, align_editions, apply_proposals
from l10n.align.proposals import _placeholders, restore_case
from l10n.align.run import settle
from l10n.cli import cli
from l10n.po import read_po, write_po

from .conftest import DATA

ALIGN = DATA / "align"
EPOCH = "1274196600"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The three editions of the test page in a fresh directory, the current one."""
    for page in ALIGN.glob("page.*.html"):
        shutil.copy(page, tmp_path / page.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _msgfmt_ok(root: Path) -> None:
    assert shutil.which("msgfmt"), "GNU gettext is a test oracle: .ci/run installs it"
    for po in sorted(root.rglob("*.po")):
        done = subprocess.run(["msgfmt", "-c", "--check-format", "-o", os.devnull, str(po)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


# -- the command -----------------------------------------------------------------------------

def test_align_writes_the_catalogs_extract_and_init_would_with_the_proposals(
        workspace: Path) -> None:
    result = CliRunner().invoke(
        cli, ["align", "page.en.html", "page.de.html", "page.ru.html"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "locales/de/LC_MESSAGES/agencies.po: created (1 proposed)\n"
        "locales/de/LC_MESSAGES/articles/page.en.po: created (3 proposed)\n"
        "locales/de/LC_MESSAGES/chrome.po: created (7 proposed)\n"
        "locales/de/LC_MESSAGES/places.po: created (1 proposed)\n"
        "locales/ru/LC_MESSAGES/agencies.po: created (1 proposed)\n"
        "locales/ru/LC_MESSAGES/articles/page.en.po: created (3 proposed)\n"
        "locales/ru/LC_MESSAGES/chrome.po: created (7 proposed)\n"
        "locales/ru/LC_MESSAGES/places.po: created (1 proposed)\n"
        "page.en.html:6: de: not proposed: 'Tidewater Gazette' (the same text in both "
        "editions: not translated)\n"
        "page.en.html:6: ru: not proposed: 'Tidewater Gazette' (the same text in both "
        "editions: not translated)\n"
        "2 page pairs aligned\n")
    assert _tree(workspace / "locales") == _tree(ALIGN / "expected")
    _msgfmt_ok(workspace / "locales")


def test_a_second_run_changes_nothing_and_check_says_so(workspace: Path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["align", "page.en.html", "page.de.html"], catch_exceptions=False)
    before = _tree(workspace / "locales")
    again = runner.invoke(cli, ["align", "--check", "page.en.html", "page.de.html"])
    assert again.exit_code == 0
    assert again.stdout.splitlines()[:4] == [
        "locales/de/LC_MESSAGES/agencies.po: unchanged (1 unchanged)",
        "locales/de/LC_MESSAGES/articles/page.en.po: unchanged (3 unchanged)",
        "locales/de/LC_MESSAGES/chrome.po: unchanged (7 unchanged)",
        "locales/de/LC_MESSAGES/places.po: unchanged (1 unchanged)",
    ]
    assert _tree(workspace / "locales") == before


def test_check_writes_nothing_and_exits_1(workspace: Path) -> None:
    result = CliRunner().invoke(cli, ["align", "--check", "--no-articles", "page.en.html",
                                      "page.ru.html"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:3] == [
        "locales/ru/LC_MESSAGES/agencies.po: would be created (1 proposed)",
        "locales/ru/LC_MESSAGES/chrome.po: would be created (7 proposed)",
        "locales/ru/LC_MESSAGES/places.po: would be created (1 proposed)",
    ]
    assert not (workspace / "locales").exists()


def test_a_translation_is_never_replaced(workspace: Path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["align", "--no-articles", "page.en.html", "page.de.html"])
    po = workspace / "locales" / "de" / "LC_MESSAGES" / "chrome.po"
    catalog = read_po(po.read_bytes())
    catalog.messages = [replace(m, msgstr="Aktuelles", flags=()) if m.msgid == "News" else m
                        for m in catalog.messages]
    po.write_bytes(write_po(catalog))
    result = runner.invoke(cli, ["align", "--no-articles", "page.en.html", "page.de.html"])
    assert result.stdout.splitlines()[1] == \
        "locales/de/LC_MESSAGES/chrome.po: unchanged (6 unchanged, 1 kept translation)"
    assert read_po(po.read_bytes()).get("News", "nav").msgstr == "Aktuelles"  # type: ignore[union-attr]


def test_an_edition_without_a_language_needs_l(workspace: Path) -> None:
    page = (workspace / "page.de.html").read_text(encoding="utf-8")
    (workspace / "de.html").write_text(page.replace(' lang="de"', ""), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["align", "page.en.html", "de.html"])
    assert result.exit_code == 2
    assert result.stderr == ("l10n: de.html: the page declares no language; give its locale "
                             "with -l LOCALE\n")
    assert not (workspace / "locales").exists()
    result = runner.invoke(cli, ["align", "-l", "de", "--no-articles", "page.en.html",
                                 "de.html"])
    assert result.exit_code == 0
    assert "locales/de/LC_MESSAGES/chrome.po: created (7 proposed)" in result.stdout


def test_an_edition_of_a_regional_locale_feeds_the_languages_catalogs(workspace: Path) -> None:
    page = workspace / "page.de.html"
    page.write_text(page.read_text(encoding="utf-8").replace('lang="de"', 'lang="de-DE"'),
                    encoding="utf-8")
    (workspace / "locales" / "de").mkdir(parents=True)
    align_editions("page.en.html", ["page.de.html"], "locales", articles=False)
    assert sorted(p.name for p in (workspace / "locales").iterdir()) == [
        "agencies.pot", "chrome.pot", "de", "places.pot"]


# -- finding the editions ---------------------------------------------------------------------

def _site(root: Path, language: str, source: Path, name: str) -> Path:
    directory = root / language / "news"
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, directory / name)
    return directory / name


def test_twins_by_hreflang_by_pairs_file_and_by_path(workspace: Path) -> None:
    """The English page names its German twin (another file name) by hreflang; the Russian
    one only a pairs file names; a page of the same name is the twin otherwise."""
    _site(workspace / "site", "en", workspace / "page.en.html", "fees.html")
    _site(workspace / "site", "de", workspace / "page.de.html", "gebuehren.html")
    (workspace / "site" / "de" / "news" / "fees.html").write_text(
        '<html lang="de"><body><nav><a href="/">Decoy</a></nav></body></html>',
        encoding="utf-8")
    en = workspace / "site" / "en" / "news" / "fees.html"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "/de/news/fees.html", "/de/news/gebuehren.html"), encoding="utf-8")
    _site(workspace / "site", "ru", workspace / "page.ru.html", "sbory.html")
    (workspace / "pairs.txt").write_text(
        "# source target\nsite/en/news/fees.html  site/ru/news/sbory.html\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", "--no-articles", "--pairs", "pairs.txt",
                                      "site/en", "site/de", "site/ru"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "locales/de/LC_MESSAGES/chrome.po: created (7 proposed)" in lines
    assert "locales/ru/LC_MESSAGES/chrome.po: created (7 proposed)" in lines
    assert lines[-1] == "2 page pairs aligned"
    de = (workspace / "locales/de/LC_MESSAGES/chrome.po").read_text(encoding="utf-8")
    assert "#. aligned: de/news/gebuehren.html:6, 1.00\n" in de


def test_a_page_without_an_edition_is_listed(workspace: Path) -> None:
    _site(workspace / "site", "en", workspace / "page.en.html", "a.html")
    _site(workspace / "site", "en", workspace / "page.en.html", "b.html")
    _site(workspace / "site", "de", workspace / "page.de.html", "b.html")
    en = workspace / "site" / "en" / "news" / "a.html"
    en.write_text(en.read_text(encoding="utf-8").replace("/de/news/fees.html", "/de/x.html"),
                  encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", "--no-articles", "site/en", "site/de"])
    assert result.stdout.splitlines()[-2:] == [
        "site/en/news/a.html: no edition in site/de", "1 page pairs aligned"]


@pytest.mark.parametrize(("text", "error"), [
    ("a.html b.html c.html\n", "pairs.txt:1: 3 paths on the line, not 2"),
    ("# fine\n'a.html\n", "pairs.txt:2: cannot read this line: No closing quotation"),
], ids=["three-paths", "open-quote"])
def test_a_bad_pairs_file_is_one_line_naming_it(workspace: Path, text: str,
                                                 error: str) -> None:
    (workspace / "pairs.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", "--pairs", "pairs.txt", "page.en.html",
                                      "page.de.html"])
    assert result.exit_code == 2
    assert result.stderr == (f"l10n: {error}; write SOURCE TARGET, quoting paths with "
                             "spaces\n")


# -- what is proposed ---------------------------------------------------------------------------

def test_conflicting_twins_are_reported_not_guessed(workspace: Path) -> None:
    (workspace / "en").mkdir()
    (workspace / "de").mkdir()
    for name, news in (("a.html", "Nachrichten"), ("b.html", "Neuigkeiten")):
        shutil.copy(workspace / "page.en.html", workspace / "en" / name)
        (workspace / "de" / name).write_text((workspace / "page.de.html").read_text(
            encoding="utf-8").replace(">Nachrichten<", f">{news}<"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["align", "--no-articles", "en", "de"])
    assert "conflict: de: chrome: conflicting twins for 'News' (msgctxt 'nav'): " \
           "'Nachrichten' (de/a.html:6), 'Neuigkeiten' (de/b.html:6); not proposed" \
        in result.stdout.splitlines()
    po = read_po((workspace / "locales/de/LC_MESSAGES/chrome.po").read_bytes())
    assert po.get("News", "nav").msgstr == ""  # type: ignore[union-attr]
    assert po.get("Weather", "nav").msgstr == "Wetter"  # type: ignore[union-attr]


@pytest.mark.parametrize(("change", "reason"), [
    (("26 Euro", "28 Euro"), "numbers differ in the edition"),
    (("<p>Boote über", "<p>Mehr.</p><p>Boote über"),
     "the edition's article has 4 paragraphs, the source's 3"),
    (("Anna Berg", "die Sprecherin"), "names of the source missing in the edition"),
], ids=["numbers", "paragraphs", "names"])
def test_article_text_is_proposed_only_where_the_pairing_is_sure(
        workspace: Path, change: tuple[str, str], reason: str) -> None:
    page = workspace / "page.de.html"
    page.write_text(page.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    report = align_editions("page.en.html", ["page.de.html"], "locales")
    left = [u for u in report.unpaired if u.domain == "articles/page.en"]
    assert reason in {u.reason for u in left}
    proposed = {o.proposal.msgid for c in report.catalogs if c.domain == "articles/page.en"
                for o in c.outcomes}
    assert proposed.isdisjoint({u.msgid for u in left})


@pytest.mark.parametrize(("shown", "proposed"), [
    ("Nachrichten", "Nachrichten"),
    ("News 24", None),  # another number
    ("News", None),  # the same text, nothing says it is translated
    ("Latest news", None),  # reads as English
], ids=["translated", "numbers", "same-text", "source-language"])
def test_the_editions_text_is_checked_before_it_is_proposed(
        workspace: Path, shown: str, proposed: str | None) -> None:
    page = workspace / "page.de.html"
    page.write_text(page.read_text(encoding="utf-8").replace(">Nachrichten<", f">{shown}<"),
                    encoding="utf-8")
    align_editions("page.en.html", ["page.de.html"], "locales", articles=False)
    po = read_po((workspace / "locales/de/LC_MESSAGES/chrome.po").read_bytes())
    assert (po.get("News", "nav").msgstr or None) == proposed  # type: ignore[union-attr]


def test_the_same_text_is_a_translation_when_allowed_or_the_edition_marks_kept_text(
        workspace: Path) -> None:
    align_editions("page.en.html", ["page.de.html"], "allowed", articles=False,
                   allow=["Tidewater Gazette"])
    po = read_po((workspace / "allowed/de/LC_MESSAGES/chrome.po").read_bytes())
    assert po.get("Tidewater Gazette", "site name").msgstr == "Tidewater Gazette"  # type: ignore[union-attr]
    page = workspace / "page.de.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "<p>Kontakt</p>", '<p lang="en">Contact us</p>'), encoding="utf-8")
    align_editions("page.en.html", ["page.de.html"], "marked", articles=False)
    po = read_po((workspace / "marked/de/LC_MESSAGES/chrome.po").read_bytes())
    assert po.get("Tidewater Gazette", "site name").msgstr == "Tidewater Gazette"  # type: ignore[union-attr]
    assert po.get("Contact us", "footer").msgstr == ""  # type: ignore[union-attr]


@pytest.mark.parametrize(("printed", "source", "locale", "expected"), [
    ("ВАШИНГТОН", "Washington", "ru", ("Вашингтон", 0.8)),
    ("МОСКВА", "Moscow", "ru", ("Москва", 1.0)),
    ("НЬЮ-ЙОРК", "New York", "ru", ("Нью-Йорк", 1.0)),
    ("Genf", "Geneva", "de", ("Genf", 1.0)),
    ("WASHINGTON", "Washington", "de", ("Washington", 1.0)),
], ids=["guessed", "cldr", "cldr-hyphen", "as-printed", "source-name"])
def test_a_city_printed_in_capitals_gets_its_case_back(
        printed: str, source: str, locale: str, expected: tuple[str, float]) -> None:
    assert restore_case(printed, source, locale) == expected


# -- the writer -------------------------------------------------------------------------------

CATALOG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgctxt "nav"
msgid "Empty"
msgstr ""

msgctxt "nav"
msgid "Translated"
msgstr "Übersetzt"

#. aligned: de/a.html:3, 0.80
#, fuzzy
msgctxt "nav"
msgid "Less sure"
msgstr "Weniger"

#. aligned: de/a.html:4, 0.99
#, fuzzy
msgctxt "nav"
msgid "Surer"
msgstr "Sicherer"

#, fuzzy
#| msgctxt "nav"
#| msgid "Guess"
msgctxt "nav"
msgid "Guessed"
msgstr "Geraten"

msgctxt "counter"
msgid "{count} comment"
msgid_plural "{count} comments"
msgstr[0] "{count} Kommentar"
msgstr[1] ""
"""


def _proposal(msgid: str, msgstr: str, score: float = 0.9, **kw: object) -> Proposal:
    context = "counter" if "{count}" in msgid else "nav"
    return Proposal("de", "chrome", context, msgid, msgstr, score, "de/b.html:9",
                    "en/b.html:9", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("proposal", "state", "entry"), [
    (_proposal("Empty", "Leer"), State.PROPOSED,
     '#. aligned: de/b.html:9, 0.90\n#, fuzzy\nmsgctxt "nav"\nmsgid "Empty"\nmsgstr "Leer"\n'),
    (_proposal("Translated", "Anders"), State.TRANSLATED,
     'msgctxt "nav"\nmsgid "Translated"\nmsgstr "Übersetzt"\n'),
    (_proposal("Less sure", "Neu"), State.REPLACED,
     '#. aligned: de/b.html:9, 0.90\n#, fuzzy\nmsgctxt "nav"\nmsgid "Less sure"\n'
     'msgstr "Neu"\n'),
    (_proposal("Surer", "Neu"), State.SURER,
     '#. aligned: de/a.html:4, 0.99\n#, fuzzy\nmsgctxt "nav"\nmsgid "Surer"\n'
     'msgstr "Sicherer"\n'),
    (_proposal("Guessed", "Neu", 0.6), State.REPLACED,
     '#. aligned: de/b.html:9, 0.60\n#, fuzzy\nmsgctxt "nav"\nmsgid "Guessed"\n'
     'msgstr "Neu"\n'),
    (_proposal("Missing", "Fehlt"), State.MISSING, None),
    (_proposal("{count} comment", "", msgid_plural="{count} comments",
               msgstr_plural=("", "{count} Kommentare")), State.TRANSLATED,
     'msgctxt "counter"\nmsgid "{count} comment"\nmsgid_plural "{count} comments"\n'
     'msgstr[0] "{count} Kommentar"\nmsgstr[1] ""\n'),
], ids=["untranslated", "translated", "less-sure-fuzzy", "surer-fuzzy", "msgmerge-guess",
        "missing", "plural-translated"])
def test_proposals_fill_untranslated_entries_and_replace_only_less_sure_fuzzy_ones(
        proposal: Proposal, state: State, entry: str | None) -> None:
    catalog, outcomes = apply_proposals(read_po(CATALOG), [proposal])
    assert [o.state for o in outcomes] == [state]
    text = write_po(catalog).decode()
    if entry is not None:
        assert f"\n\n{entry}" in text + ("" if text.endswith("\n") else "\n")
    changed = [block for block in text.split("\n\n") if block not in CATALOG.split("\n\n")]
    assert len(changed) == (1 if state in (State.PROPOSED, State.REPLACED) else 0)


def test_an_editor_accepts_a_proposal_as_a_translation() -> None:
    catalog, outcomes = apply_proposals(read_po(CATALOG), [_proposal("Less sure", "Neu")],
                                        accept=True)
    assert [o.state for o in outcomes] == [State.PROPOSED]
    assert '#. aligned: de/b.html:9, 0.90\nmsgctxt "nav"\nmsgid "Less sure"\nmsgstr "Neu"\n' \
        in write_po(catalog).decode()


def test_settle_merges_plural_forms_and_keeps_the_surest_place() -> None:
    one = _proposal("{count} comment", "", 0.8, msgid_plural="{count} comments",
                    msgstr_plural=("", "{count} Kommentare"))
    two = replace(one, msgstr="{count} Kommentar", msgstr_plural=("{count} Kommentar", ""),
                  score=0.95, where="de/c.html:2")
    settled, conflicts = settle([one, two])
    assert conflicts == []
    assert settled == [replace(two, msgstr_plural=("{count} Kommentar", "{count} Kommentare"))]


# -- a round trip: pages l10n rendered give back their catalogs ------------------------------

NAV = ["Home", "World news", "Business", "Sign in", "Subscribe", "Most read", "Newsletter",
       "Live blog"]
FOOTER = ["Contact us", "Privacy policy", "Terms of use", "About us", "Careers"]
ARTICLE = ["Fog closed the harbour at Eastmouth for most of the morning.",
           "Ferries to Saltby were held until the afternoon tide.",
           "The harbour master said the channel was clear again by noon."]
TRANSLATIONS = {
    "de": {"Home": "Startseite", "World news": "Weltnachrichten", "Business": "Wirtschaft",
           "Sign in": "Anmelden", "Subscribe": "Abonnieren", "Most read": "Meistgelesen",
           "Newsletter": "Newsletter", "Contact us": "Kontakt", "Privacy policy": "Datenschutz",
           "About us": "Über uns", "Search the site": "Website durchsuchen",
           "Open the menu": "Menü öffnen"},
    "ru": {"Home": "Главная", "World news": "В мире", "Business": "Экономика",
           "Sign in": "Войти", "Subscribe": "Подписаться", "Live blog": "Онлайн",
           "Contact us": "Контакты", "Terms of use": "Условия использования",
           "Careers": "Вакансии", "Search the site": "Поиск по сайту"},
    "ja": {"Home": "ホーム", "Business": "ビジネス", "Sign in": "ログイン",
           "Most read": "よく読まれている記事", "Newsletter": "ニュースレター",
           "Privacy policy": "プライバシーポリシー", "About us": "会社概要",
           "Open the menu": "メニューを開く"},
}


def _corpus_page(n: int) -> str:
    """A page shaped like the development corpus's (bench/leaks.py): nav and footer chrome,
    chrome in attributes, an article; each text on a line of its own."""
    nav = "\n".join(f'<li><a href="#">{NAV[(n + i) % len(NAV)]}</a></li>' for i in range(5))
    footer = "\n".join(f'<p class="chrome">{FOOTER[(n + i) % len(FOOTER)]}</p>'
                       for i in range(3))
    article = "\n".join(f"<p>{ARTICLE[(n + i) % len(ARTICLE)]}</p>" for i in range(3))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>Harbour notes {n}</title>\n</head>\n<body>\n<header>\n<nav>\n<ul>\n{nav}\n"
            f'</ul>\n<input type="search" placeholder="Search the site">\n'
            f'<button type="button" aria-label="Open the menu">&#9776;</button>\n</nav>\n'
            f"</header>\n<main>\n<article>\n<h1>Harbour notes for day {n}</h1>\n{article}\n"
            f"</article>\n</main>\n<footer>\n{footer}\n</footer>\n</body>\n</html>\n")


def test_pages_rendered_by_l10n_give_back_the_catalogs_they_were_rendered_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from l10n.catalogs.create import init_catalog
    from l10n.catalogs.extract import extract_templates
    from l10n.render import RenderOptions, render_pages

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    (tmp_path / "en").mkdir()
    pages = []
    for n in range(4):
        page = tmp_path / "en" / f"page-{n}.html"
        page.write_text(_corpus_page(n), encoding="utf-8")
        pages.append(str(page))
    catalogs = tmp_path / "locales"
    extract_templates(pages, catalogs, domains=("chrome",))
    expected = {}
    for locale, known in TRANSLATIONS.items():
        po = catalogs / locale / "LC_MESSAGES" / "chrome.po"
        init_catalog(catalogs / "chrome.pot", po, locale)
        catalog = read_po(po.read_bytes())
        catalog.messages = [replace(m, msgstr=known.get(m.msgid, "")) if not m.is_header
                            else m for m in catalog.messages]
        po.write_bytes(write_po(catalog))
        expected[locale] = {m.key: m.msgstr for m in catalog if m.msgstr and not m.is_header}
        assert len(expected[locale]) == len(known)  # every translation is in the template
    render_pages(pages, list(TRANSLATIONS), RenderOptions(catalogs=str(catalogs),
                                                          out=str(tmp_path / "build")))
    back = tmp_path / "back"
    report = align_editions(str(tmp_path / "en"),
                            [str(tmp_path / "build" / locale) for locale in TRANSLATIONS],
                            back, articles=False)
    assert report.pairs == 12
    assert report.conflicts == []
    for locale in TRANSLATIONS:
        got = read_po((back / locale / "LC_MESSAGES" / "chrome.po").read_bytes())
        proposed = {m.key: m.msgstr for m in got if m.msgstr and not m.is_header}
        assert proposed == expected[locale], locale
        assert all(m.fuzzy for m in got if m.msgstr and not m.is_header)
    _msgfmt_ok(back)


@pytest.mark.parametrize(("text", "expected"), [
    ("Inflation falls to 3% in March", []),  # a percentage, not "% i"
    ("Inflation sinkt im März auf 3 % der Löhne", []),
    ("%(count)d comments, %s new", ["%(count)d", "%s"]),
    ("%1$s shared this", ["%1$s"]),  # positional
    ("{count} Kommentare", ["{count}"]),
])
def test_placeholders_in_a_pages_text(text: str, expected: list[str]) -> None:
    """A page's text holds percentages: only real placeholders must match between editions."""
    assert _placeholders(text) == expected
