"""Page metadata (l10n.readers.metadata): title, byline, site, publication time, language and
direction, each from small invented pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from l10n.page import PageMeta
from l10n.readers import parse_page


def page(head: str = "", body: str = "", html: str = "<html>") -> str:
    return f"<!DOCTYPE html>\n{html}<head><meta charset='utf-8'>{head}</head>\n<body>{body}</body></html>"


def meta(text: str) -> PageMeta:
    return parse_page(text, path="p.html").meta


ARTICLE = "<article><h1>{h1}</h1><p>The story, told at length in a paragraph.</p></article>"
LD = '<script type="application/ld+json">{}</script>'


def og(prop: str, value: str) -> str:
    return f'<meta property="{prop}" content="{value}">'


def named(name: str, value: str) -> str:
    return f'<meta name="{name}" content="{value}">'


# -- title ---------------------------------------------------------------------------------

TITLES = [
    # og:title less the site's name (og:site_name), wherever the site name stands
    (og("og:title", "Harbour reopens after storm | Coast Daily") + og("og:site_name", "Coast Daily"),
     "Harbour", "Harbour reopens after storm"),
    (og("og:title", "Coast Daily - Harbour reopens after storm") + og("og:site_name", "Coast Daily"),
     "Harbour", "Harbour reopens after storm"),
    # a site name that names itself longer ("The ...") or with its domain still matches
    (og("og:title", "Harbour reopens after storm – The Coast Daily")
     + og("og:site_name", "Coast Daily"), "Harbour", "Harbour reopens after storm"),
    (og("og:title", "Harbour reopens after storm - coastdaily.example")
     + og("og:url", "https://www.coastdaily.example/harbour"), "x", "Harbour reopens after storm"),
    # parts that are not the site stay, with their own separators
    (og("og:title", "Ferries — Timetables — Summer edition") + og("og:site_name", "Coast Daily"),
     "x", "Ferries — Timetables — Summer edition"),
    # the author's name is cut as the site's is
    (og("og:title", "Harbour reopens after storm | Jane Roe") + named("author", "Jane Roe"),
     "x", "Harbour reopens after storm"),
    # JSON-LD headline before og:title
    (LD.format('{"@type": "NewsArticle", "headline": "Harbour reopens"}')
     + og("og:title", "Storm damage repaired"), "x", "Harbour reopens"),
    # JSON-LD name that is the site's (headline like the <title>) and one that is the title
    (LD.format('{"@type": "NewsArticle", "name": "Coast Daily", "headline": "Harbour reopens"}')
     + "<title>Harbour reopens - Coast Daily</title>", "x", "Harbour reopens"),
    (LD.format('{"@type": "Article", "name": "Lighthouse", "headline": "tower on a cape"}')
     + "<title>Lighthouse - Coast Wiki</title>", "Lighthouse", "Lighthouse"),
    # og:title that is only the site's name, where the headline says otherwise
    (og("og:title", "Coast Daily") + named("application-name", "Coast Daily")
     + "<title>Harbour reopens after storm</title>", "Harbour reopens after storm",
     "Harbour reopens after storm"),
    # an application-name that is the page's title is no site name
    (og("og:title", "Harbour reopens after storm")
     + named("application-name", "Harbour reopens after storm"),
     "Harbour reopens after storm", "Harbour reopens after storm"),
    # <title>: the parts that are the headline
    ("<title>Harbour reopens after storm - Coast Daily</title>", "Harbour reopens after storm",
     "Harbour reopens after storm"),
    ("<title>News | Harbour reopens after storm | Coast Daily</title>",
     "Harbour reopens after storm", "Harbour reopens after storm"),
    ("<title>Harbour reopens: ferries - the full list / Coast Daily</title>",
     "Harbour reopens: ferries - the full list", "Harbour reopens: ferries - the full list"),
    ("<title>港口风暴后重新开放_新闻_海岸日报</title>", "港口风暴后重新开放", "港口风暴后重新开放"),
    # a headline that is the site's name picks no part
    ("<title>Harbour reopens after storm | Coast Daily</title>" + og("og:site_name", "Coast Daily"),
     "Coast Daily", "Harbour reopens after storm"),
    ("<title>港口风暴后重新开放｜海岸日报</title>", "港口风暴后重新开放", "港口风暴后重新开放"),
    # <title> less a site prefix, with no headline to go by
    ("<title>Coast Daily: Harbour reopens after storm</title>" + og("og:site_name", "Coast Daily"),
     "", "Harbour reopens after storm"),
    # <title> with an unknown last part: cut when five words or more stay (Readability)
    ("<title>Harbour reopens after the storm - Coast Daily</title>", "",
     "Harbour reopens after the storm"),
    ("<title>Harbour reopens - Coast Daily</title>", "", "Harbour reopens - Coast Daily"),
    ("<title>Daily Log: Colophon</title>", "About this site", "Daily Log: Colophon"),
    # quote marks at a part's edge stay
    ("<title>«Harbour reopens»</title>", "", "«Harbour reopens»"),
    (og("og:title", "«Harbour reopens» | Coast Daily") + og("og:site_name", "Coast Daily"), "",
     "«Harbour reopens»"),
    # no title anywhere but the headline
    ("", "Harbour reopens after storm", "Harbour reopens after storm"),
    ("", "", None),
]


@pytest.mark.parametrize(("head", "h1", "expected"), TITLES)
def test_title(head: str, h1: str, expected: str | None) -> None:
    body = ARTICLE.format(h1=h1) if h1 else "<p>Nothing else here.</p>"
    assert meta(page(head, body)).title == expected


# -- byline --------------------------------------------------------------------------------

STORY = "<p>The story, told at length in a paragraph of its own.</p>"

BYLINES = [
    # JSON-LD author: a name, an object, a list (URLs left out)
    (LD.format('{"@type": "NewsArticle", "author": "Jane Roe"}'), "", "Jane Roe"),
    (LD.format('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Roe"}}'),
     "", "Jane Roe"),
    (LD.format('{"@type": "BlogPosting", "author": [{"name": "Jane Roe"}, {"name": "Li Wei"},'
               ' "https://example.org/staff"]}'), "", "Jane Roe, Li Wei"),
    # in a @graph, in a list of scripts' objects, in CDATA
    (LD.format('{"@graph": [{"@type": "WebSite", "name": "Coast Daily"},'
               ' {"@type": "NewsArticle", "author": {"name": "Jane Roe"}}]}'), "", "Jane Roe"),
    (LD.format('[{"@type": "BreadcrumbList"}, {"@type": "ReportageNewsArticle",'
               ' "author": {"name": "Jane Roe"}}]'), "", "Jane Roe"),
    (LD.format('<![CDATA[{"@type": "NewsArticle", "author": {"name": "Jane Roe"}}]]>'), "",
     "Jane Roe"),
    # meta tags: author, Dublin Core (several: "; " as the names hold commas), article:author
    (named("author", "Jane Roe"), "", "Jane Roe"),
    (named("DC.creator", "Roe, J.") + named("DC.creator", "Wei, L."), "", "Roe, J.; Wei, L."),
    (og("article:author", "Jane Roe"), "", "Jane Roe"),
    (og("article:author", "https://example.org/staff/roe"), "", None),
    (named("author", "Jane Roe") + og("article:author", "Max Muster"), "", "Jane Roe"),
    # the first byline element, as the page writes it
    ("", '<p class="byline">By Jane Roe</p>' + STORY, "By Jane Roe"),
    ("", '<div id="story-author">Jane  Roe,\n reporter</div>' + STORY, "Jane Roe, reporter"),
    ("", '<a rel="author" href="/roe">Jane Roe</a>' + STORY, "Jane Roe"),
    ("", '<span itemprop="author">By <b itemprop="name">Jane Roe</b></span>' + STORY, "Jane Roe"),
    # not hidden, not a share or follow widget, not a dateline, not a whole bio
    ("", '<p class="byline" hidden>By Max Muster</p><p class="byline">By Jane Roe</p>' + STORY,
     "By Jane Roe"),
    ("", '<p class="byline" style="display: none">By Max Muster</p>'
         '<p class="author">Jane Roe</p>' + STORY, "Jane Roe"),
    ("", '<div class="author-share">Share this</div><p class="byline">By Jane Roe</p>' + STORY,
     "By Jane Roe"),
    ("", '<form class="follow-author"><button>Follow author</button></form>' + STORY, None),
    ("", '<p class="dateline">HAMBURG, 3 May</p>' + STORY, None),
    ("", '<p class="author-bio">' + "Jane Roe writes about harbours and the sea. " * 3 + "</p>"
         + STORY, None),
    # not in the comments or a rail, not after the article
    ("", '<div class="comments"><span class="author">Max Muster</span><p>A comment.</p></div>'
         '<p class="byline">By Jane Roe</p>' + STORY, "By Jane Roe"),
    ("", "<article>" + STORY + '</article><aside class="related"><span class="author">'
         "Max Muster</span></aside><footer><p class='author'>Max Muster</p></footer>", None),
    # in a header container the article sits in, when nothing else names the author
    ("", '<div class="site-header"><article><p class="author">By Jane Roe</p>' + STORY
         + "</article></div>", "By Jane Roe"),
    # a "By" line opening the article, in several languages; not a sentence
    ("", "<article><h1>Harbour reopens</h1><p>Von Maria Muster</p>" + STORY + "</article>",
     "Von Maria Muster"),
    ("", "<article><h1>Le port rouvre</h1><p>Par Jeanne Durand</p>" + STORY + "</article>",
     "Par Jeanne Durand"),
    ("", "<article><h1>Le port rouvre</h1><p>Par exemple, oui.</p>" + STORY + "</article>", None),
    # byl, when nothing else has a name
    (named("byl", "By JANE ROE"), "", "By JANE ROE"),
]


@pytest.mark.parametrize(("head", "body", "expected"), BYLINES)
def test_byline(head: str, body: str, expected: str | None) -> None:
    assert meta(page(head, body or STORY)).byline == expected


# -- site ----------------------------------------------------------------------------------

SITES = [
    (LD.format('{"@type": "NewsArticle", "publisher": {"name": "Coast Daily"}}')
     + og("og:site_name", "Coast Daily - News from the coast"), "", "Coast Daily"),
    (og("og:site_name", "Coast Daily"), "", "Coast Daily"),
    (og("og:site_name", "https://coastdaily.example") + named("application-name", "Coast Daily"),
     "", "Coast Daily"),
    (LD.format('{"@type": "WebSite", "name": "Coast Daily"}'), "", "Coast Daily"),
    (LD.format('{"@type": "NewsMediaOrganization", "name": "Coast Daily"}'), "", "Coast Daily"),
    # an application-name that is the page's title names the page
    (named("application-name", "Harbour reopens after storm")
     + "<title>Harbour reopens after storm - Coast Daily</title>",
     ARTICLE.format(h1="Harbour reopens after storm"), "Coast Daily"),
    # the part of <title> after the headline
    ("<title>Harbour reopens after storm | Local | Coast Daily</title>",
     ARTICLE.format(h1="Harbour reopens after storm"), "Coast Daily"),
    ("", '<header><a class="site-name" href="/">Coast Daily</a></header>' + STORY, "Coast Daily"),
    ("<title>Harbour reopens after storm</title>", STORY, None),
]


@pytest.mark.parametrize(("head", "body", "expected"), SITES)
def test_site(head: str, body: str, expected: str | None) -> None:
    assert meta(page(head, body or STORY)).site == expected


# -- publication time ----------------------------------------------------------------------

PLUS2 = timezone(timedelta(hours=2))
MINUS5 = timezone(timedelta(hours=-5))
MOMENT = datetime(2021, 11, 1, 10, 52, 50, tzinfo=PLUS2)

PUBLISHED = [
    (LD.format('{"@type": "NewsArticle", "datePublished": "2021-11-01T10:52:50+02:00"}'), "",
     MOMENT, date(2021, 11, 1)),
    (LD.format('{"@type": "NewsArticle", "datePublished": "2021-11-01T10:52:50+0200"}'), "",
     MOMENT, date(2021, 11, 1)),
    (LD.format('{"@graph": [{"@type": "WebPage"}, {"@type": "Article",'
               ' "datePublished": "2021-11-01T10:52:50+02:00"}]}'), "", MOMENT, date(2021, 11, 1)),
    (LD.format('{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle",'
               ' "datePublished": "2021-11-01T10:52:50+02:00"}}'), "", MOMENT, date(2021, 11, 1)),
    # the JSON-LD article's date before the meta tags' (a page's own schema is first)
    (LD.format('{"@type": "NewsArticle", "datePublished": "2021-11-01T10:52:50+02:00"}')
     + og("article:published_time", "2021-12-24T08:00:00Z"), "", MOMENT, date(2021, 11, 1)),
    (og("article:published_time", "2021-11-01T10:52:50+02:00"), "", MOMENT, date(2021, 11, 1)),
    (og("og:article:published_time", "2021-11-01T08:52:50Z"), "",
     datetime(2021, 11, 1, 8, 52, 50, tzinfo=UTC), date(2021, 11, 1)),
    (named("DC.date.issued", "2021-11-01T10:52:50+02:00"), "", MOMENT, date(2021, 11, 1)),
    (named("dcterms.created", "2021-11-01"), "", None, date(2021, 11, 1)),
    (named("parsely-pub-date", "2021-11-01T10:52:50+02:00"), "", MOMENT, date(2021, 11, 1)),
    (named("parsely-page", "{&quot;title&quot;: &quot;Harbour&quot;, "
                           "&quot;pub_date&quot;: &quot;2021-11-01T10:52:50+02:00&quot;}"),
     "", MOMENT, date(2021, 11, 1)),
    (named("sailthru.date", "2021-11-01 10:52:50"), "", MOMENT.replace(tzinfo=None),
     date(2021, 11, 1)),
    (named("date", "2021-11-01"), "", None, date(2021, 11, 1)),
    # a date alone is a date; a time of the same day elsewhere completes it
    (LD.format('{"@type": "BlogPosting", "datePublished": "2024-06-25"}'), "", None,
     date(2024, 6, 25)),
    (LD.format('{"@type": "BlogPosting", "datePublished": "2024-06-25"}'),
     '<time datetime="2024-06-25T09:30:00-05:00">25 June</time>' + STORY,
     datetime(2024, 6, 25, 9, 30, tzinfo=MINUS5), date(2024, 6, 25)),
    # a time without its zone takes the zone another source gives the same wall clock
    (LD.format('{"@type": "NewsArticle", "datePublished": "2017-11-03 03:01:00.000000"}')
     + og("article:published_time", "2017-11-03T03:01:00-05:00"), "",
     datetime(2017, 11, 3, 3, 1, tzinfo=MINUS5), date(2017, 11, 3)),
    # <time>: the one marked as the publication first, then a byline's, then the article's
    ("", '<aside><time datetime="2020-01-01T00:00:00Z">1 Jan</time></aside>'
         '<article><p>Story text here, long enough.</p><time datetime="2021-05-02T10:00:00Z">'
         'May 2</time><time pubdate datetime="2021-05-01T10:00:00Z">May 1</time></article>',
     datetime(2021, 5, 1, 10, 0, tzinfo=UTC), date(2021, 5, 1)),
    ("", '<article><p>Story text.</p><time itemprop="datePublished" datetime="2021-05-01">1 May'
         "</time></article>", None, date(2021, 5, 1)),
    ("", '<article><p class="byline">By Jane Roe, <time datetime="2021-05-01T10:00:00Z">May 1'
         "</time></p><p>Story text, long enough for a paragraph.</p></article>",
     datetime(2021, 5, 1, 10, 0, tzinfo=UTC), date(2021, 5, 1)),
    ("", '<aside><time datetime="2021-05-01T10:00:00Z">May 1</time></aside>' + STORY, None, None),
    # not dates: a US-style date, a placeholder year, no date at all
    (named("date", "05/29/2007 09:49:00"), "", None, None),
    (LD.format('{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}'), "", None,
     None),
    (og("article:published_time", "9999-12-31T23:00:00-05:00"), "", None, None),
    ("", "", None, None),
]


@pytest.mark.parametrize(("head", "body", "moment", "day"), PUBLISHED)
def test_published(head: str, body: str, moment: datetime | None, day: date | None) -> None:
    found = meta(page(head, body or STORY))
    assert (found.published, found.published_date) == (moment, day)
    if moment is not None:
        assert found.published.utcoffset() == moment.utcoffset()


def test_meta_tags_that_libxml2_moves_into_the_body_are_read() -> None:
    """A stray element in <head> ends it for libxml2: the meta tags after it land in <body>."""
    text = (
        "<html><head><title>Harbour reopens after storm | Coast Daily</title>"
        "<noscript><img src=x></noscript><foo-bar></foo-bar>"
        + og("og:site_name", "Coast Daily") + named("author", "Jane Roe")
        + og("article:published_time", "2021-11-01T10:52:50+02:00")
        + "</head><body><p>Story text, long enough for a paragraph.</p></body></html>"
    )
    found = meta(text)
    assert (found.title, found.site, found.byline, found.published) == (
        "Harbour reopens after storm", "Coast Daily", "Jane Roe", MOMENT)


# -- language and direction ----------------------------------------------------------------

LANGUAGES = [
    ('<html lang="de-AT">', "", ("de-AT", "html lang", "de-AT")),
    ('<html xml:lang="pl">', "", ("pl", "html xml:lang", "pl")),
    ("<html>", '<meta http-equiv="Content-Language" content="de">', ("de", "content-language", "de")),
    ("<html>", '<meta http-equiv="content-language" content="de, en">',
     ("de, en", "content-language", "de")),
    ("<html>", named("content-language", "de"), ("de", "meta content-language", "de")),
    ("<html>", named("language", "fr"), ("fr", "meta language", "fr")),
    ("<html>", named("DC.language", "es"), ("es", "dc.language", "es")),
    ("<html>", og("og:locale", "de_DE"), ("de_DE", "og:locale", "de_DE")),
    # html lang first, even where the others disagree
    ('<html lang="en">', og("og:locale", "de_DE"), ("en", "html lang", "en")),
    # a lang that names no language gives way to a declaration that does...
    ('<html lang="{{ lang }}">', og("og:locale", "de_DE"), ("de_DE", "og:locale", "de_DE")),
    ('<html lang="x-default">', named("language", "fr"), ("fr", "meta language", "fr")),
    # ...and stays, as written, when no other declaration does
    ('<html lang="{{ lang }}">', "", ("{{ lang }}", "html lang", "{{ lang }}")),
    ("<html>", "", (None, None, None)),
]


@pytest.mark.parametrize(("html", "head", "expected"), LANGUAGES)
def test_language(html: str, head: str, expected: tuple[str | None, ...]) -> None:
    result = parse_page(page(head, STORY, html=html), path="p.html")
    assert (result.meta.language, result.meta.language_source, result.locale) == expected


LATE_HTML = [
    # junk, text, a comment or a script before the <html> tag: libxml2 drops its attributes
    ('junk text <html lang="de" dir="rtl"><body><p>Text.</p></body></html>', ("de", "rtl")),
    ('<meta charset="utf-8"><HTML LANG=\'pt-BR\'><body><p>Text.</p></body></HTML>',
     ("pt-BR", None)),
    ('<div>x</div><!-- <html lang="en"> --><html lang="ar" dir=rtl><body><p>نص.</p></body></html>',
     ("ar", "rtl")),
    ("<script>document.write('<html lang=\"en\">')</script><html lang=\"pl\"><p>Tekst.</p>",
     ("pl", None)),
    ("<p>No html tag at all.</p>", (None, None)),
]


@pytest.mark.parametrize(("text", "expected"), LATE_HTML)
def test_language_of_a_late_html_tag(text: str, expected: tuple[str | None, str | None]) -> None:
    result = parse_page(text, path="p.html")
    assert (result.meta.language, result.meta.direction) == expected
    assert result.locale == expected[0]


DIRECTIONS = [
    ('<html dir="rtl">', "<body>", "rtl"),
    ('<html dir="LTR">', "<body>", "ltr"),
    ("<html>", '<body dir="rtl">', "rtl"),
    ('<html dir="auto">', "<body>", None),
    ("<html>", "<body>", None),
]


@pytest.mark.parametrize(("html", "body", "expected"), DIRECTIONS)
def test_direction(html: str, body: str, expected: str | None) -> None:
    text = f"{html}<head><title>T</title></head>{body}<p>Text.</p></body></html>"
    assert meta(text).direction == expected


def test_locale_option_overrides_the_page_not_its_declaration() -> None:
    result = parse_page(page("", STORY, html='<html lang="de">'), path="p.html", locale="fr")
    assert (result.locale, result.meta.language, result.meta.language_source) == (
        "fr", "de", "html lang")
