"""``l10n render``: goldens for the seed, a clean build, safety, catalogs, plurals, RTL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from l10n.errors import MissingCatalogError
from l10n.render import RenderOptions, render_page, render_pages
from l10n.render.translations import load_translations

from .conftest import DATA, ROOT, SAMPLES, SEED

LOCALES = ROOT / "locales"
GOLDEN = DATA / "render"
PUBLISHED = "2010-05-18T15:30:00+04:00"
GOLDEN_LOCALES = ["ru", "de", "ar", "zh_Hans", "ja"]
DATELINES = {
    "ru": 'ВАШИНГТОН, <time datetime="2010-05-18">18 мая</time> — РИА Новости.',
    "de": "Washington (RIA Novosti) -",
    "ar": "واشنطن (ريا نوفوستي) -",
    "zh_Hans": '俄新社华盛顿<time datetime="2010-05-18">5月18日</time>电',
    "ja": "【ワシントン＝ロシア通信】",
    "uk": 'ВАШИНГТОН. <time datetime="2010-05-18">18 травня</time>. РІА Новини.',
    "es": 'Washington, <time datetime="2010-05-18">18 may</time> (RIA Novosti).-',
    "it": '(RIA Novosti) - WASHINGTON, <time datetime="2010-05-18">18 MAG</time> -',
    "tr": "WASHINGTON (RIA Novosti) -",
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "l10n", *args], capture_output=True, text=True,
                          cwd=cwd)


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    done = run("render", "--all", "--catalogs", str(LOCALES), "--out", str(out),
               "--published", PUBLISHED, str(SEED), str(SAMPLES / "001_seed_en.html"), cwd=out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("locale", GOLDEN_LOCALES)
def test_seed_golden_html(build: Path, locale: str) -> None:
    """Golden files are written by ``python tests/data/render/regenerate.py`` and reviewed."""
    rendered = (build / locale / "000_3b28b45df5788720.html").read_text(encoding="utf-8")
    golden = (GOLDEN / f"000_3b28b45df5788720.{locale}.html").read_text(encoding="utf-8")
    assert rendered == golden


@pytest.mark.parametrize("locale", sorted(DATELINES))
def test_house_style_datelines(build: Path, locale: str) -> None:
    rendered = (build / locale / "000_3b28b45df5788720.html").read_text(encoding="utf-8")
    assert f'<p class="dateline">{DATELINES[locale]}</p>' in rendered


def test_html_source_keeps_its_markup_and_sets_lang_dir(build: Path) -> None:
    ru = (build / "ru" / "001_seed_en.html").read_text(encoding="utf-8")
    ar = (build / "ar" / "001_seed_en.html").read_text(encoding="utf-8")
    zh = (build / "zh_Hans" / "001_seed_en.html").read_text(encoding="utf-8")
    assert '<html lang="ru" dir="ltr">' in ru and '<html lang="ar" dir="rtl">' in ar
    assert '<html lang="zh-Hans" dir="ltr">' in zh
    assert '<button class="follow" type="button">Подписаться</button>' in ru
    assert 'placeholder="Поиск по Sputnik"' in ru or 'placeholder="' in ru
    assert '<link rel="alternate" hreflang="zh-Hans" href="../zh_Hans/001_seed_en.html">' in ru
    assert '<link rel="alternate" hreflang="pt-BR" href="../pt_BR/001_seed_en.html">' in ru
    assert '<script type="application/ld+json">' in ru  # the source's scripts survive
    assert '<time datetime="2010-05-18T15:30:00+04:00">18 мая 2010' in ru
    assert 'title="Заголовок открываемого материала" lang="ru"' in \
        (build / "de" / "001_seed_en.html").read_text(encoding="utf-8")


def test_build_has_only_the_source_pages_own_leak(build: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "l10n", "check", "--format", "json",
                           "--catalogs", str(LOCALES), str(build)], capture_output=True,
                          text=True)
    findings = json.loads(done.stdout)["findings"]
    assert {f["text"] for f in findings} == {"Заголовок открываемого материала"}
    pages = {Path(f["path"]).parent.name for f in findings}
    rendered = {p.name for p in build.iterdir() if p.is_dir()}
    assert pages == rendered - {"ru"}
    assert len(findings) == 2 * len(pages)


def test_render_report(build: Path, tmp_path: Path) -> None:
    done = run("render", "-l", "ru", "--catalogs", str(LOCALES), "--out", str(tmp_path),
               str(SEED), cwd=tmp_path)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == f"{tmp_path}/ru/000_3b28b45df5788720.html: chrome 85% translated, " \
                       "article 100%"
    assert f"  {SEED}:40: kept as is (no catalog entry): 'loader'" in lines
    assert f"  {SEED}:42: kept as is (no catalog entry): 'Заголовок открываемого материала'" \
        in lines


def test_missing_catalog_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(MissingCatalogError) as caught:
        load_translations(tmp_path, "ru")
    expected = tmp_path / "ru" / "LC_MESSAGES" / "chrome.po"
    assert str(caught.value) == (f"{expected}: no chrome catalog for ru; create it with: "
                                 "l10n init -l ru -D chrome")
    done = run("render", "-l", "ru", "--catalogs", str(tmp_path), str(SEED), cwd=tmp_path)
    assert done.returncode == 2 and str(expected) in done.stderr


def _catalog(root: Path, locale: str, entries: str, domain: str = "chrome") -> None:
    path = root / locale / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('msgid ""\nmsgstr ""\n"Language: ' + locale + '\\n"\n'
                    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
                    'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n' + entries,
                    encoding="utf-8")


PAGE = """<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>
<nav><a href="/">Home</a><a href="/n">News</a><a href="/s">Share</a></nav>
<main><article><h1>A headline about things</h1><p>First paragraph of the story.</p>
</article></main><footer><span class="count">12 comments</span></footer></body></html>
"""


def test_hostile_translations_never_become_markup(tmp_path: Path) -> None:
    _catalog(tmp_path / "locales", "ru",
             'msgctxt "nav"\nmsgid "Home"\nmsgstr "<script>alert(1)</script>"\n\n'
             'msgctxt "nav"\nmsgid "News"\nmsgstr "<img src=x onerror=alert(2)>"\n\n'
             'msgctxt "nav"\nmsgid "Share"\nmsgstr "<b>Поделиться"\n')
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    translations = load_translations(tmp_path / "locales", "ru")
    html, report = render_page(page, "ru", translations, RenderOptions())
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;b&gt;Поделиться" in html
    assert [text for _, text in report.unsafe] == [
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<b>Поделиться"]


def test_matching_markup_is_kept_sanitized(tmp_path: Path) -> None:
    _catalog(tmp_path / "locales", "ru", "", domain="chrome")
    _catalog(tmp_path / "locales", "ru",
             'msgid "First paragraph of the story."\n'
             'msgstr "<b onclick=\\"x()\\">Первый</b> абзац."\n', domain="articles/page")
    (tmp_path / "page.html").write_text(PAGE.replace("First paragraph of the story.",
                                                     "<b>First</b> paragraph of the story."),
                                        encoding="utf-8")
    (tmp_path / "locales" / "ru" / "LC_MESSAGES" / "articles" / "page.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "First paragraph of the story."\nmsgstr "<b onclick=\\"x()\\">Первый</b> абзац."\n',
        encoding="utf-8")
    options = RenderOptions(catalogs=str(tmp_path / "locales"), out=str(tmp_path / "out"))
    render_pages([str(tmp_path / "page.html")], ["ru"], options)
    html = (tmp_path / "out" / "ru" / "page.html").read_text(encoding="utf-8")
    # The msgid is the paragraph's text (tags flattened), so tags in a translation are text.
    assert "<p>&lt;b onclick=&quot;x()&quot;&gt;Первый&lt;/b&gt; абзац.</p>" in html \
        or '<p>&lt;b onclick="x()"&gt;Первый&lt;/b&gt; абзац.</p>' in html
    assert "<b onclick" not in html


@pytest.mark.parametrize(("source", "msgid", "expected"), [
    ("<p><ruby>法律<rt>ほうりつ</rt></ruby>では<ruby><rb>親</rb><rp>(</rp><rt>おや</rt>"
     "<rp>)</rp></ruby>に<ruby>教<rt>おし</rt></ruby>えます。</p>", "法律では親に教えます。",
     "<p>Закон учит родителей.</p>"),
    ("<p><ruby><rb>法律</rb><rt>ほうりつ</rt></ruby>では親に教えます。</p>",
     "法律では親に教えます。", "<p>Закон учит родителей.</p>"),
    ("<p>本文は<ruby><rb><span>法律</span></rb><rt>ほうりつ</rt></ruby>です。</p>",
     "本文は法律です。", "<p>Закон учит родителей.</p>"),
    ("<h2><ruby>漢字<rt>かんじ</rt></ruby></h2>", "漢字",
     "<h2><ruby>Закон учит родителей.</ruby></h2>"),
], ids=["ruby first", "rb first", "nested rb", "one node"])
def test_a_translated_ruby_text_keeps_no_reading(tmp_path: Path, source: str, msgid: str,
                                                 expected: str) -> None:
    # The readings spell the source's words: with the words gone, they go too.
    _catalog(tmp_path / "locales", "ru", "", domain="chrome")
    _catalog(tmp_path / "locales", "ru", f'msgid "{msgid}"\nmsgstr "Закон учит родителей."\n',
             domain="articles/page")
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html lang="ja"><head><title>T</title></head><body><main><article>'
        f"<h1>見出しです</h1>{source}<p>二つ目の段落です。</p></article></main></body></html>",
        encoding="utf-8")
    options = RenderOptions(catalogs=str(tmp_path / "locales"), out=str(tmp_path / "out"),
                            source_locale="ja")
    render_pages([str(tmp_path / "page.html")], ["ru"], options)
    html = (tmp_path / "out" / "ru" / "page.html").read_text(encoding="utf-8")
    body = html[html.index("<h1"):html.index("</article>")]
    assert body == (f'<h1 lang="ja">見出しです</h1>{expected}'
                    '<p lang="ja">二つ目の段落です。</p>')


def test_article_catalog_and_plural_counter(tmp_path: Path) -> None:
    _catalog(tmp_path / "locales", "ru",
             'msgctxt "counter"\nmsgid "{count} comment"\nmsgid_plural "{count} comments"\n'
             'msgstr[0] "{count} комментарий"\nmsgstr[1] "{count} комментария"\n'
             'msgstr[2] "{count} комментариев"\n')
    articles = tmp_path / "locales" / "ru" / "LC_MESSAGES" / "articles"
    articles.mkdir(parents=True)
    (articles / "page.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "A headline about things"\nmsgstr "Заголовок о вещах"\n', encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    options = RenderOptions(catalogs=str(tmp_path / "locales"), out=str(tmp_path / "out"))
    [report] = render_pages([str(tmp_path / "page.html")], ["ru"], options)
    html = (tmp_path / "out" / "ru" / "page.html").read_text(encoding="utf-8")
    assert "<h1>Заголовок о вещах</h1>" in html
    assert '<p lang="en">First paragraph of the story.</p>' in html
    assert '<span class="count">12 комментариев</span>' in html
    # the page title "T" is the article's text too
    assert report.article_percent == pytest.approx(100 * 23 / (23 + 29 + 1))


def test_text_format(tmp_path: Path) -> None:
    options = RenderOptions(catalogs=str(LOCALES), out=str(tmp_path), format="text")
    render_pages([str(SEED)], ["ar"], options)
    text = (tmp_path / "ar" / "000_3b28b45df5788720.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "واشنطن (ريا نوفوستي) -" in lines
    assert "\u2068loader\u2069" in lines  # kept left-to-right text isolated in an RTL page


def test_rendering_is_deterministic(build: Path, tmp_path: Path) -> None:
    again = run("render", "--all", "--catalogs", str(LOCALES), "--out", str(tmp_path),
                "--published", PUBLISHED, str(SEED), cwd=tmp_path)
    assert again.returncode == 0
    for locale in GOLDEN_LOCALES:
        name = "000_3b28b45df5788720.html"
        assert (tmp_path / locale / name).read_bytes() == (build / locale / name).read_bytes()


def test_usage_errors(tmp_path: Path) -> None:
    both = run("render", "--all", "-l", "ru", str(SEED), cwd=tmp_path)
    assert both.returncode == 2 and "give --locale L (repeatable) or --all" in both.stderr
    bad = run("render", "-l", "ru", "--published", "yesterday", str(SEED), cwd=tmp_path)
    assert bad.returncode == 2 and "'yesterday' is not an ISO 8601 date" in bad.stderr
    unknown = run("render", "-l", "xx_QQ", "--catalogs", str(LOCALES), str(SEED), cwd=tmp_path)
    assert unknown.returncode == 2 and "unknown locale 'xx_QQ'" in unknown.stderr


def test_template_strings_are_extractable_by_pybabel(tmp_path: Path) -> None:
    (tmp_path / "babel.cfg").write_text("[jinja2: **.html]\n", encoding="utf-8")
    shutil.copytree(ROOT / "l10n" / "templates", tmp_path / "templates")
    done = subprocess.run([str(Path(sys.executable).parent / "pybabel"), "extract", "-F",
                           "babel.cfg", "-o", "t.pot", "templates"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ})
    assert done.returncode == 0, done.stderr
    pot = (tmp_path / "t.pot").read_text(encoding="utf-8")
    assert 'msgctxt "template"\nmsgid "Site navigation"' in pot
    assert 'msgctxt "template"\nmsgid "Published"' in pot


SOURCE_LANGUAGES = {"002_news_de.txt": "de", "003_news_ru.txt": "ru", "004_news_ar.txt": "ar",
                    "005_news_en.txt": "en", "006_news_de.html": "de", "007_news_ar.html": "ar",
                    "008_news_ja.html": "ja", "009_news_de.txt": "de", "010_news_es.txt": "es",
                    "011_news_en.txt": "en"}


@pytest.mark.parametrize("sample", sorted(SOURCE_LANGUAGES))
def test_every_sample_renders_in_every_locale_marking_its_own_language(sample: str) -> None:
    """Kept article text carries the language it is written in, not the configured source
    locale: a German page rendered in French marks its German sentences ``lang="de"``."""
    translations = load_translations(str(LOCALES), "fr")
    options = RenderOptions(catalogs=str(LOCALES), published=None)
    html, report = render_page(SAMPLES / sample, "fr", translations, options)
    assert '<html lang="fr"' in html
    assert f'lang="{SOURCE_LANGUAGES[sample]}"' in html
    for locale in sorted(p.name for p in LOCALES.iterdir() if (p / "LC_MESSAGES").is_dir()):
        out, _ = render_page(SAMPLES / sample, locale, load_translations(str(LOCALES), locale),
                             options)
        assert out.count("<html ") == 1


def test_kept_latin_names_in_a_dateline_carry_the_source_language(tmp_path: Path) -> None:
    translations = load_translations(str(LOCALES), "ar")
    html, _ = render_page(SAMPLES / "002_news_de.txt", "ar", translations,
                          RenderOptions(catalogs=str(LOCALES)))
    assert '<span class="dateline">برلين (<bdi lang="de">dpa</bdi>) -</span> <span lang="de">' in html
    html, _ = render_page(SAMPLES / "003_news_ru.txt", "ar", load_translations(str(LOCALES), "ar"),
                          RenderOptions(catalogs=str(LOCALES)))
    assert '<span class="dateline">موسكو (<bdi>РИА Новости</bdi>) -</span> <span lang="ru">' in html


def test_one_locale_cache_keeps_each_source_pages_language(tmp_path: Path) -> None:
    """Pages in different source languages share a locale's catalogs (and its cache) in one
    run; a text both keep untranslated is marked with each page's own language."""
    page = ('<!DOCTYPE html><html lang="{lang}"><head><title>t</title></head><body>'
            '<nav><a href="/">Zorblat Quux</a></nav><main><article><h1>{head}</h1>'
            '<p>{body}</p></article></main></body></html>')
    german = tmp_path / "de_page.html"
    german.write_text(page.format(lang="de", head="Die Regierung", body="Der Minister sagte "
                                  "am Dienstag, die Gespräche würden fortgesetzt."),
                      encoding="utf-8")
    english = tmp_path / "en_page.html"
    english.write_text(page.format(lang="en", head="The government", body="The minister said "
                                   "on Tuesday that the talks would continue."),
                       encoding="utf-8")
    translations = load_translations(str(LOCALES), "fr")
    options = RenderOptions(catalogs=str(LOCALES))
    first, _ = render_page(german, "fr", translations, options)
    second, _ = render_page(english, "fr", translations, options)
    assert '<a href="/" lang="de">Zorblat Quux</a>' in first
    assert '<a href="/" lang="en">Zorblat Quux</a>' in second


# The city's region in a rendered dateline: printed by AP (en-US) and EFE (es) only, from the
# places catalog (msgctxt "dateline region"), else CLDR's country name, else as printed when
# the target language is the dateline's, else left out.
REGION_DATELINES = [
    # (sample, locale, places.po entries added, the dateline's HTML)
    ("010_news_es.txt", "es", "",
     'Cuenca (Ecuador), <time datetime="2012-11-14">14 nov</time> (EFE).-'),
    ("010_news_es.txt", "en_US", "", "CUENCA, Ecuador (EFE) —"),
    ("010_news_es.txt", "de", "", "Cuenca (EFE) -"),
    ("010_news_es.txt", "ru", "", 'CUENCA, <time datetime="2012-11-14">14 ноя</time> — EFE.'),
    ("011_news_en.txt", "en_US", "", "DAYTON, Ohio (AP) —"),
    ("011_news_en.txt", "es", "", "Dayton (AP).-"),
    ("011_news_en.txt", "es",
     'msgctxt "dateline region"\nmsgid "Ohio"\nmsgstr "EE.UU."\n\n'
     'msgctxt "dateline city"\nmsgid "Dayton"\nmsgstr "Dayton"\n',
     "Dayton (EE.UU.) (AP).-"),
    ("011_news_en.txt", "en_US",
     'msgctxt "dateline region"\nmsgid "Ohio"\nmsgstr "Ohio"\n', "DAYTON, Ohio (AP) —"),
    ("011_news_en.txt", "de", "", "Dayton (AP) -"),
]


@pytest.mark.parametrize(("sample", "locale", "entries", "expected"), REGION_DATELINES,
                         ids=[f"{c[0][:3]}-{c[1]}-{bool(c[2])}" for c in REGION_DATELINES])
def test_dateline_region_per_house_style(tmp_path: Path, sample: str, locale: str,
                                         entries: str, expected: str) -> None:
    catalogs = tmp_path / "locales"
    shutil.copytree(LOCALES, catalogs)
    if not (catalogs / locale).exists():
        _catalog(catalogs, locale, "")
    places = catalogs / locale / "LC_MESSAGES" / "places.po"
    if entries:
        if not places.exists():
            _catalog(catalogs, locale, "", domain="places")
        places.write_text(places.read_text(encoding="utf-8") + "\n" + entries, encoding="utf-8")
    html, _ = render_page(SAMPLES / sample, locale, load_translations(str(catalogs), locale),
                          RenderOptions(catalogs=str(catalogs)))
    assert f'<span class="dateline">{expected}</span>' in html
