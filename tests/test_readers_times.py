"""What the HTML reader keeps of ``<time datetime>`` elements (their text, place and
``lang``) and of ``link[rel=alternate][hreflang]``, for the ``date-mismatch`` check."""

from __future__ import annotations

from l10n.page import TimeElement
from l10n.readers import parse_page

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<link rel="alternate" hreflang="en" href="../en/story.html">
<link rel="alternate" href="/feed.xml" type="application/rss+xml">
<link rel="alternate" hreflang="x-default" href="https://example.org/story">
<title>Новость</title></head>
<body><article><h1>Заголовок</h1>
<p class="byline">Иван Петров, <time datetime="2024-03-05T10:00:00+03:00">5 <b>марта</b>
  2024, 10:00</time></p>
<p lang="en">Also <time datetime="2024-03-05">March 5</time> and <time>no datetime</time>
<time datetime="2024-03-06"></time></p>
</article></body></html>
"""


def test_times_keep_their_text_place_and_lang() -> None:
    meta = parse_page(PAGE, path="ru/story.html").meta
    assert meta.times == (
        TimeElement("2024-03-05T10:00:00+03:00", "5 марта 2024, 10:00", 8, 32),
        TimeElement("2024-03-05", "March 5", 10, 19, "en"),
        TimeElement("2024-03-06", "", 11, 1, "en"),
    )


def test_alternates_are_the_links_with_hreflang() -> None:
    meta = parse_page(PAGE, path="ru/story.html").meta
    assert meta.alternates == (("en", "../en/story.html"),
                               ("x-default", "https://example.org/story"))


def test_a_link_libxml2_moved_into_the_body_counts_too() -> None:
    page = ('<html><body><p>Text before the head ends.</p>'
            '<link rel="alternate" hreflang="de" href="/de/x"></body></html>')
    assert parse_page(page, path="x.html").meta.alternates == (("de", "/de/x"),)


def test_text_pages_have_none() -> None:
    meta = parse_page("Headline\n\nMOSCOW, May 18 (Reuters) - Text.\n", path="x.txt").meta
    assert (meta.times, meta.alternates) == ((), ())
