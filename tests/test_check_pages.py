"""One page's findings: its language decided once, and each text judged where it sits."""

from __future__ import annotations

import pytest

from l10n.check.engine import Judge
from l10n.check.pages import check_page
from l10n.readers import parse_page

JUDGE = Judge()

GERMAN = ("Die Landesregierung hat am Dienstag ein neues Programm für den Ausbau der Radwege "
          "in den Städten vorgestellt. Nach Angaben des Ministeriums sollen in den kommenden "
          "fünf Jahren rund zweihundert Kilometer neue Wege entstehen, die vor allem Schulen "
          "und Bahnhöfe miteinander verbinden.")
ENGLISH = ("The regional government presented a new programme on Tuesday to expand cycle "
           "paths in the cities. According to the ministry, around two hundred kilometres of "
           "new paths are to be built over the next five years, linking schools and stations.")


def page(body: str, *, lang: str | None = "de", head: str = "") -> str:
    declared = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{declared}><head><meta charset='utf-8'>{head}</head><body>"
            f"{body}</body></html>")


def story(extra: str = "", *, text: str = GERMAN) -> str:
    return (f"<article><h1>Mehr Radwege für die Städte</h1><p>{text}</p><p>{text}</p>"
            f"{extra}</article>")


def findings(html: str, path: str = "p.html", **options: object) -> list[tuple[str, str, str]]:
    result = check_page(parse_page(html, path=path), JUDGE, label=path, **options)
    return [(str(f.kind), str(f.severity), f.text) for f in result]


# -- the page's language ------------------------------------------------------------------


def test_a_page_declaring_the_wrong_language_is_one_error() -> None:
    html = page(story("<p>Weitere Informationen gibt es beim Ministerium.</p>"), lang="en")
    result = check_page(parse_page(html, path="p.html"), JUDGE, label="p.html")
    assert [(str(f.kind), str(f.severity), f.attribute) for f in result] == [
        ("page-language", "error", "lang")]
    assert result[0].message == "the page declares en; its article reads as de (1.00)"


def test_a_page_declaring_nothing_gets_a_warning_and_is_judged_as_it_reads() -> None:
    html = page(story() + "<nav><a href='/'>Startseite</a> <a href='/x'>Kontakt</a></nav>",
                lang=None)
    result = check_page(parse_page(html, path="p.html"), JUDGE, label="p.html")
    assert [(str(f.kind), str(f.severity)) for f in result] == [("page-language", "warning")]
    assert result[0].message == ('declares no language (WCAG 3.1.1); it reads as de (1.00): '
                                 'add <html lang="de">')


@pytest.mark.parametrize(("head", "message"), [
    ('<meta name="content-language" content="de">',
     'declares its language only in <meta name="content-language">, which browsers do not '
     'read (WCAG 3.1.1); add <html lang="de">'),
    ('<meta name="DC.language" content="de">',
     'declares its language only in <meta name="DC.language">, which browsers do not read '
     '(WCAG 3.1.1); add <html lang="de">'),
    ('<meta http-equiv="content-language" content="de">', None),  # browsers read this one
    ('<meta name="language" content="de">', None),
    ('<meta property="og:locale" content="de_DE">', None),
], ids=["name=content-language", "DC.language", "http-equiv", "meta language", "og:locale"])
def test_a_declaration_no_browser_reads_gets_a_warning_and_still_decides(
        head: str, message: str | None) -> None:
    # The English nav is a leak on a German page: the meta's language decides the judging.
    nav = "<nav><a href='/a'>Sign in to your account</a></nav>"
    result = check_page(parse_page(page(story() + nav, lang=None, head=head), path="p.html"),
                        JUDGE, label="p.html")
    notes = [f.message for f in result if str(f.kind) == "page-language"]
    assert notes == ([message] if message else [])
    assert [(str(f.kind), str(f.severity)) for f in result if str(f.kind) != "page-language"] \
        == [("wrong-language", "error")]


def test_a_scraped_text_page_cannot_declare_and_gets_no_page_language_finding() -> None:
    text = "Mehr Radwege für die Städte\n\n" + GERMAN + "\n\n" + GERMAN + "\n"
    assert findings(text, path="story.txt") == []


def test_a_section_whose_lang_its_text_belies_is_one_error() -> None:
    html = page(story() + f'<aside lang="en"><p>{GERMAN}</p></aside>')
    result = check_page(parse_page(html, path="p.html"), JUDGE, label="p.html")
    assert [(str(f.kind), str(f.severity)) for f in result] == [("page-language", "error")]
    assert result[0].message.startswith("a section declares lang='en'; its text reads as de")


def test_the_article_decides_over_an_english_template() -> None:
    """A German article in an English site's template: the declaration is wrong for the
    article (an error), and neither the English chrome nor the German article is a leak."""
    nav = ("<nav><ul><li><a href='/a'>Sign in to your account</a></li>"
           "<li><a href='/b'>Create a new account for free</a></li>"
           "<li><a href='/c'>Read the terms of service and privacy policy</a></li></ul></nav>")
    result = findings(page(nav + story(), lang="en"))
    assert result == [("page-language", "error", "")]


# -- texts that say what language they are in -----------------------------------------------


@pytest.mark.parametrize("chrome", [
    '<nav><a href="/fr/" hreflang="fr" lang="fr">Version française</a></nav>',
    '<nav><a href="/ru/">Русский</a></nav>',
    '<nav><a href="/en/">Read in English</a></nav>',
    '<nav><ul><li><a href="/en/">English</a></li><li><a href="/am/">ይዘት</a></li>'
    '<li><a href="/ru/">Русский</a></li><li><a href="/fr/">Français</a></li></ul></nav>',
    # Pali in Devanagari (CLDR's likely script is Latin), marked twice: taken at its word
    '<nav><a href="https://pi.wikipedia.org/" hreflang="pi" lang="pi">पालि</a></nav>',
], ids=["hreflang", "autonym", "edition link", "language menu", "lang and hreflang"])
def test_switchers_and_links_to_other_editions_are_no_leaks(chrome: str) -> None:
    assert findings(page(chrome + story())) == []


@pytest.mark.parametrize(("href", "text", "expected"), [
    ("https://ru.example.com/", "Подписаться на рассылку новостей", []),
    ("/pt-br/noticias", "Leia as notícias em português", []),
    ("/fr/actualites", "Lire les actualités en français", []),
    # the address names French, the text is Portuguese: a leak
    ("/fr/actualites", "Leia as notícias em português",
     [("wrong-language", "error", "Leia as notícias em português")]),
    # a first path segment that is no language code says nothing
    ("/account/ru", "Подписаться на рассылку новостей",
     [("wrong-script", "error", "Подписаться на рассылку новостей")]),
], ids=["host", "path with region", "path", "other language", "no code"])
def test_a_link_to_an_edition_its_address_names_is_no_leak(
        href: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(page(f'<nav><a href="{href}">{text}</a></nav>' + story())) == expected


def test_a_sentence_under_a_lang_l10n_has_no_words_of_is_still_judged() -> None:
    # A nav marked Pali around a Pali-bound link: a sentence in Russian is no switcher label
    text = "Подписаться на рассылку новостей"
    assert findings(page(f'<nav lang="pi"><a hreflang="pi" href="https://pi.wikipedia.org/">'
                         f'{text}</a></nav>' + story())) == [("wrong-script", "error", text)]


def test_a_link_marked_french_twice_in_russian_is_still_a_leak() -> None:
    # lang and hreflang agree, but l10n knows French: the Russian text is what readers see
    text = "Подписаться на рассылку новостей"
    assert findings(page(f'<nav><a href="/fr/" hreflang="fr" lang="fr">{text}</a></nav>'
                         + story())) == [("wrong-script", "error", text)]


def test_a_language_choosers_prompt_belongs_to_the_switcher() -> None:
    """A chooser's prompt is written for readers who may not read the page's language; the
    same English text beside a menu of other links is still a leak."""
    languages = "".join(f'<option value="/{code}/">{name}</option>' for code, name in
                        [("de", "Deutsch"), ("en", "English"), ("fr", "Français"),
                         ("it", "Italiano")])
    chooser = (f'<form><div class="content"><div class="text">Please choose your language '
               f'or country</div><select name="lang">{languages}</select></div></form>')
    assert findings(page(chooser + story())) == []
    menu = ('<nav><div>Please choose your language or country</div><ul>'
            + "".join(f'<li><a href="/{k}">Rubrik {k}</a></li>' for k in "abcd") + "</ul></nav>")
    assert findings(page(menu + story())) == [
        ("wrong-language", "error", "Please choose your language or country")]


def test_a_quote_marked_with_its_language_is_no_leak() -> None:
    assert findings(page(story(f'<blockquote lang="en"><p>{ENGLISH}</p></blockquote>'))) == []


def test_a_label_marked_with_a_third_language_is_still_a_leak() -> None:
    """``lang`` honours a quote; a Russian label on a German page stays a leak, marked or
    not (only the page's and the source language are an edition's honest fallbacks)."""
    html = page('<nav><a href="/x" lang="ru">Все новости</a></nav>' + story())
    assert findings(html) == [("wrong-script", "error", "Все новости")]


# -- where a text sits ------------------------------------------------------------------------


def test_foreign_text_in_the_article_is_a_warning_for_whole_sentences_only() -> None:
    html = page(story(f"<p>{ENGLISH}</p><p>Open source software</p>"))
    assert findings(html) == [("wrong-language", "warning", ENGLISH)]


def test_foreign_text_in_chrome_is_an_error() -> None:
    html = page('<footer><p>Subscribe to our weekly newsletter now</p></footer>' + story())
    assert findings(html) == [
        ("wrong-language", "error", "Subscribe to our weekly newsletter now")]


@pytest.mark.parametrize(("href", "severity"), [
    ("/serve", "warning"),  # a rubric's or a show's name, kept as it is
    ("#serve", "error"),  # a link within the page names a place on it: interface text
], ids=["to a page", "within the page"])
def test_a_title_case_menu_link_is_a_name_more_often_than_a_label(href: str,
                                                                  severity: str) -> None:
    html = page(f'<nav><ul><li><a href="{href}">Serve and Drive Show</a></li></ul></nav>'
                + story())
    assert findings(html) == [("wrong-language", severity, "Serve and Drive Show")]


def test_a_link_within_the_page_is_no_teaser() -> None:
    """A headline-length link to a place on the page ("Continue reading the main story" past
    an ad) is interface text: an error, where a teaser's would be a warning."""
    html = page(story() + '<div class="x"><h3><a href="#after-ad">Continue reading the main '
                'story here now</a></h3></div>')
    assert findings(html) == [
        ("wrong-language", "error", "Continue reading the main story here now")]


def test_capitals_and_a_word_no_language_has_make_a_name() -> None:
    html = page('<nav><a href="/a">Paris Haute Couture Week with Zorvan Quelbe</a></nav>'
                + story())
    assert findings(html) == []


@pytest.mark.parametrize(("chrome", "message"), [
    # a German text naming a French society: 'der' is German and rare in French
    ('<nav><a href="/b" title="Blog der Société d\'histoire de la Révolution de 1848">Blog</a>'
     '</nav>', "'der' is German (de): partly the page's own text"),
    # a song's title beside its romanisation and the singer's name
    ('<footer><p>千里之外 - 周杰倫 (Qian Li Zhi Wai - Jay Chou)</p></footer>',
     "beside a phrase in the page's own script"),
], ids=["a word of the page's language", "a romanisation beside"])
def test_a_text_partly_the_pages_own_is_a_warning(chrome: str, message: str) -> None:
    html = page(chrome + story(text=ENGLISH if "Qian" in chrome else GERMAN),
                lang="en" if "Qian" in chrome else "de")
    result = check_page(parse_page(html, path="p.html"), JUDGE, label="p.html")
    assert [str(f.severity) for f in result] == ["warning"]
    assert message in result[0].message


@pytest.mark.parametrize("leak", [
    "Passwort vergessen? Hier zurücksetzen",  # wholly German on an English page
    "创建 .nojekyll 文件，用于在 GitHub Pages 服务发布文档",  # code names are no phrase
    "Entrée TODO trouvée dans le fichier",  # a loanword the other list lacks, in capitals
], ids=["same script", "code names", "loanword"])
def test_a_leak_written_wholly_in_its_language_stays_an_error(leak: str) -> None:
    html = page(f"<footer><p>{leak}</p></footer>" + story(text=ENGLISH), lang="en")
    assert [(kind, severity) for kind, severity, _ in findings(html)] == [
        ("wrong-script" if "文" in leak else "wrong-language", "error")]


@pytest.mark.parametrize(("href", "severity"), [
    ("/termine/aok-run-for-school.html", "warning"),  # its address spells the text: a title
    ("/2023/05/aok-run-for-school-2/", "warning"),
    ("/events/aok-run-for-school/das-treffen/", "warning"),  # any segment of the path
    ("/DE/aok-run-for-school/aok-run-for-school_node.html", "warning"),
    ("/wiki/AOK_Run_for_School", "warning"),  # MediaWiki: underscores, capitals
    ("/anmelden", "error"),  # an interface link leads elsewhere
    ("/aok-run/", "error"),  # a part of the title is not the title
], ids=["slug", "numbered slug", "inner segment", "node suffix", "wiki", "other address",
        "part"])
def test_a_link_its_address_spells_is_a_title(href: str, severity: str) -> None:
    html = page(f'<footer><p><a href="{href}">AOK Run for School</a></p></footer>'
                + story())
    assert [(kind, level) for kind, level, _ in findings(html)] == [
        ("wrong-language", severity)]


@pytest.mark.parametrize(("link", "severity"), [
    # A link's title that its address spells: the article it leads to (Wikipedia's links).
    ('<a href="/wiki/Run_for_School_Day" title="Run for School Day">Lauftag</a>', "warning"),
    ('<a href="/blog/12000-year-old-tunnels-found/" title="12,000 year old tunnels found">'
     'Tunnel</a>', "warning"),  # sites drop the digits' comma
    ('<a href="/kontakt" title="Get in touch with us">Kontakt</a>', "error"),
], ids=["wiki title", "number", "interface tooltip"])
def test_a_links_title_its_address_spells_is_a_title(link: str, severity: str) -> None:
    html = page(f"<footer><p>{link}</p></footer>" + story())
    result = check_page(parse_page(html, path="p.html"), JUDGE, label="p.html")
    assert [(str(f.kind), str(f.severity), f.attribute) for f in result] == [
        ("wrong-language", severity, "title")]


def test_an_images_alt_inside_a_link_names_the_site_it_leads_to() -> None:
    html = page('<header><a href="https://www.flkeysnews.com/"><img src="l.svg" '
                'alt="FL Keys News Logo"></a></header>' + story())
    assert findings(html) == []


def test_a_part_of_a_chrome_sentence_is_judged_on_its_own() -> None:
    html = page('<footer><p>Alle Rechte vorbehalten <span class="x">Все права защищены</span>'
                '</p></footer>' + story())
    assert findings(html) == [("wrong-script", "error", "Все права защищены")]


@pytest.mark.parametrize(("html", "expected"), [
    (f'<p>{GERMAN[:60]} <a href="https://example.org/">Programm<span class="visually-hidden">'
     ' (opens in a new window)</span></a></p>',
     [("wrong-language", "error", "(opens in a new window)")]),
    (f'<p>{GERMAN[:60]} <a href="https://example.org/">Download the full report</a></p>', []),
], ids=["screen-reader label", "link in a sentence"])
def test_a_screen_reader_label_in_the_article_is_interface_text(
        html: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(page(story(html))) == expected


# -- names, identifiers, labels --------------------------------------------------------------


@pytest.mark.parametrize(("html", "expected"), [
    ('<aside><p>Danke von <a href="/users/sweetie_24">sweetie_24</a></p></aside>', []),
    ('<aside><button type="button">nav.subscribe</button></aside>',
     [("template-artifact", "error", "nav.subscribe")]),
    ('<section class="comments"><div class="comment"><p>fluff_is_life</p></div></section>', []),
], ids=["username link", "key in a button", "username in a comment"])
def test_message_keys_are_looked_for_in_chrome_only(
        html: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(page(html + story())) == expected


def test_a_byline_label_in_another_language_is_an_error() -> None:
    spanish = ("El Gobierno regional presentó el martes un nuevo programa para ampliar los "
               "carriles bici en las ciudades durante los próximos cinco años.")
    html = page(story('<p class="byline">By Ana Gil y Luis Paz</p>', text=spanish), lang="es")
    result = check_page(parse_page(html, path="p.html"), JUDGE, label="p.html")
    assert [(str(f.kind), str(f.severity), f.message) for f in result] == [
        ("wrong-language", "error", "the label 'By' is English (en), not Spanish (es)")]


@pytest.mark.parametrize(("lang", "byline", "expected"), [
    ("de", "Di Mario Rossi", [("wrong-language", "error", "Di Mario Rossi")]),  # Italian "by"
    ("fr-AA", "By Jean Dupont", [("wrong-language", "error", "By Jean Dupont")]),  # no CLDR data
    ("de", "DIY-Wurmkiste bauen", []),  # "DI" glued to a capital: a word, no label
])
def test_a_foreign_byline_label_beside_the_pages_day_names(
        lang: str, byline: str, expected: list[tuple[str, str, str]]) -> None:
    french = ("Le conseil municipal a voté mardi soir un nouveau plan pour les pistes "
              "cyclables de la ville pendant les cinq prochaines années.")
    text = french if lang.startswith("fr") else GERMAN
    html = page(story(f'<p class="byline">{byline}</p>', text=text), lang=lang)
    assert findings(html) == expected


def test_the_pages_own_day_is_no_foreign_byline_label() -> None:
    # "Di" is Italian for "by", and German for Tuesday: an opening-hours table's day.
    html = page('<aside><table><tr><th><span class="short">Di</span> '
                '<span class="long">Dienstag</span></th><td>14.30 - 16.00 Uhr</td></tr>'
                '</table></aside>' + story())
    # no label error; two letters alone still read as Italian to the statistics: a warning
    assert findings(html) == [("wrong-language", "warning", "Di")]


# -- artifacts --------------------------------------------------------------------------------


@pytest.mark.parametrize(("html", "severity"), [
    ('<footer><p>Folgen Sie uns auf %s</p></footer>', "error"),
    ('<footer><div hidden><p>Folgen Sie uns auf %s</p></div></footer>', "warning"),
    ('<footer><div><span>%d</span> Bloggern gefällt das:</div></footer>', "warning"),
], ids=["shown", "hidden", "alone in its element"])
def test_a_placeholder_a_script_fills_is_at_most_a_warning(html: str, severity: str) -> None:
    assert [(kind, level) for kind, level, _ in findings(page(html + story()))] == [
        ("template-artifact", severity)]


def test_a_php_error_printed_into_a_page_is_an_artifact() -> None:
    error = ("Warning: Cannot modify header information in /var/www/html/wp-includes/"
             "pluggable.php on line 1210")
    assert findings(page(story(f"<p>{error}</p>"))) == [("template-artifact", "error", error)]


def test_a_page_garbled_whole_by_its_charset_declaration_is_one_finding() -> None:
    html = page(story(), head="<meta charset='iso-8859-1'>").replace(
        "<meta charset='utf-8'>", "")
    result = check_page(parse_page(html.encode("utf-8"), path="p.html"), JUDGE, label="p.html")
    assert [(str(f.kind), str(f.severity), f.attribute) for f in result] == [
        ("mojibake", "error", "charset")]


@pytest.mark.parametrize(("chrome", "expected"), [
    ('<form><button type="submit">Post Comment</button></form>',
     [("wrong-language", "warning", "Post Comment")]),
    ('<nav aria-label="Mobile Navigation"><a href="/">Start</a></nav>',
     [("wrong-language", "warning", "Mobile Navigation")]),
    ('<nav><a href="/sport/cl">Champions League</a></nav>', []),  # a name in a menu
    ('<form><select><option>Sri Lanka</option><option>Hong Kong</option></select></form>', []),
], ids=["button", "aria-label", "menu link", "options"])
def test_two_capitalised_words_on_a_control_are_a_label(chrome: str,
                                                         expected: list[tuple[str, str, str]]
                                                         ) -> None:
    assert findings(page(chrome + story())) == expected


@pytest.mark.parametrize(("credit", "expected"), [
    # the value in an element of its own right after the label, on its line
    ('<div class="foto">Foto: <div><p>Anton Luhr</p></div></div>', []),
    ('<p class="credit">Foto: <a href="/fotografen/luhr">Anton Luhr</a></p>', []),
    ('<p class="byline">Kategorien: <a href="/mode/" rel="category tag">Mode</a></p>', []),
    ('<div class="author">Autor: <a href="/u/58"><b>Bo2man</b></a> am 29.12.2010</div>', []),
    # a label left empty: the next text is elsewhere
    ('<p class="credit">Foto:</p>\n<p>Weitere Meldungen aus der Stadt</p>',
     [("template-artifact", "error", "Foto:")]),
], ids=["value in a div", "value in a link", "categories", "author", "empty"])
def test_a_credit_label_with_its_value_in_the_next_element_is_not_empty(
        credit: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(page(story() + credit)) == expected
