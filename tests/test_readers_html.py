"""The HTML reader: chrome vs article, attributes, positions in broken markup, metadata."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from l10n.page import Block, Role
from l10n.readers import parse_page

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Quotas agreed | Daily Planet</title>
<meta name="description" content="Fishing quotas agreed">
<meta property="og:site_name" content="Daily Planet">
<link rel="canonical" href="https://example.org/quotas">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2010-05-18T15:30:00+04:00"}</script>
<style>p { color: red }</style>
</head>
<body>
<header><a class="site-name" href="/">Daily Planet</a>
<nav aria-label="Main"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<main>
<article>
<h1>Ministers agree on quotas</h1>
<p class="byline">By <a rel="author" href="/jd">Jane Doe</a></p>
<figure><img src="boat.jpg" alt="A boat"><figcaption>Boats at dawn <span class="credit">© Agency / J. Roe</span></figcaption></figure>
<p>BRUSSELS (AP) — Ministers <em>agreed</em> on Tuesday &amp; set <a href="/q">quotas</a>.</p>
<p translate="no">Brand Name stays as it is.</p>
<p lang="fr">Une phrase en français.</p>
<button type="button" title="Share this">Share</button>
</article>
</main>
<footer>
<p>Comments <span class="count">12</span></p>
<script>document.write("<p>Not page text</p>")</script>
<input type="search" placeholder="Search the site">
<div role="dialog" hidden title="Заголовок открываемого материала"></div>
</footer>
</body>
</html>
"""


def blocks(text: str) -> list[tuple[str, str, int, int, str | None]]:
    page = parse_page(text, path="p.html")
    return [(b.role.value, b.text, b.line, b.column, b.attribute) for b in page.blocks]


def test_reading_of_a_full_page() -> None:
    assert blocks(PAGE) == [
        ("chrome", "Quotas agreed | Daily Planet", 5, 8, None),
        ("chrome", "Fishing quotas agreed", 6, 1, "content"),
        ("site", "Daily Planet", 13, 39, None),
        ("chrome", "Main", 14, 1, "aria-label"),
        ("chrome", "World", 14, 49, None),
        ("chrome", "Sport", 14, 84, None),
        ("headline", "Ministers agree on quotas", 18, 5, None),
        ("byline", "By Jane Doe", 19, 19, None),
        ("chrome", "A boat", 20, 9, "alt"),
        ("caption", "Boats at dawn", 20, 54, None),
        ("credit", "© Agency / J. Roe", 20, 89, None),
        ("dateline", "BRUSSELS (AP) —", 21, 4, None),
        ("lede", "Ministers agreed on Tuesday & set quotas.", 21, 20, None),
        ("paragraph", "Brand Name stays as it is.", 22, 19, None),
        ("paragraph", "Une phrase en français.", 23, 14, None),
        ("chrome", "Share this", 24, 1, "title"),
        ("chrome", "Share", 24, 42, None),
        ("counter", "Comments 12", 28, 4, None),
        ("chrome", "Search the site", 30, 1, "placeholder"),
        ("chrome", "Заголовок открываемого материала", 31, 1, "title"),
    ]


def test_element_paths_can_be_left_out_and_nothing_else_changes() -> None:
    full = parse_page(PAGE, path="p.html")
    lean = parse_page(PAGE, path="p.html", element_paths=False)
    assert [b.element for b in full.blocks][:4] == [
        "html/head/title", "html/head/meta[2]", "html/body/header/a", "html/body/header/nav"]
    assert {b.element for b in lean.blocks} == {None}

    def rest(block: Block) -> tuple[object, ...]:
        return (block.role, block.text, block.line, block.column, block.attribute, block.lang,
                block.translatable, block.context, block.dateline)

    assert [rest(b) for b in full.blocks] == [rest(b) for b in lean.blocks]
    assert lean.meta == full.meta and lean.locale == full.locale


def test_flags_contexts_and_metadata() -> None:
    page = parse_page(PAGE, path="p.html")
    by_text = {b.text: b for b in page.blocks}
    assert page.locale == "en-GB"
    assert by_text["Brand Name stays as it is."].translatable is False
    assert by_text["Une phrase en français."].lang == "fr"
    assert by_text["Заголовок открываемого материала"].context == "dialog title"
    assert by_text["Search the site"].context == "placeholder"
    assert by_text["Share"].context == "button"
    assert by_text["World"].context == "nav"
    assert by_text["Заголовок открываемого материала"].element == "html/body/footer/div"
    assert page.meta.site == "Daily Planet"
    assert page.meta.title == "Quotas agreed"  # <title> less the site name
    assert page.meta.canonical_url == "https://example.org/quotas"
    assert page.meta.published == datetime(2010, 5, 18, 15, 30, tzinfo=timezone(timedelta(hours=4)))
    assert page.meta.description == "Fishing quotas agreed"
    dateline = page.blocks[11].dateline
    assert dateline is not None and (dateline.city, dateline.agency) == ("BRUSSELS", "AP")


def test_script_style_and_comments_are_never_text() -> None:
    texts = [b.text for b in parse_page(PAGE, path="p.html").blocks]
    assert not any("Not page text" in t or "color" in t or "datePublished" in t for t in texts)


RUBY = (
    '<html lang="ja"><body><main><article><h1>見出し</h1>\n'
    '<p><ruby>法律<rt>ほうりつ</rt></ruby>では<a href="javascript:void(0)"><ruby>'
    '<span class="under">虐待</span><rt>ぎゃくたい</rt></ruby></a>をした'
    '<ruby>親<rp>(</rp><rt>おや</rt><rp>)</rp></ruby>に<ruby><rb>子</rb><rtc>こ</rtc></ruby>'
    'どもを<ruby>教<rt>おし</rt></ruby>えます。</p>\n<p>次の文です。</p></article></main>'
    '</body></html>'
)


def test_ruby_base_text_is_the_text_and_its_readings_are_not() -> None:
    # A reading is a typographic aid over the base text: one sentence, one block.
    assert blocks(RUBY) == [
        ("headline", "見出し", 1, 42, None),
        ("lede", "法律では虐待をした親に子どもを教えます。", 2, 10, None),
        ("paragraph", "次の文です。", 3, 4, None),
    ]


def test_positions_survive_broken_markup() -> None:
    broken = (
        "<html><body>\n"
        "<nav><ul><li><a href=/a>Home<li><a href=/b>Contact</ul></nav>\n"
        "<div class=x\n  title='multi\nline'>\n"
        "<p>unclosed <b>bold <i>text</b> after</i>\n"
        "<!-- a comment with <p>markup</p> -->\n"
        "<p>last one &nbsp;here\n"
    )
    assert blocks(broken) == [
        ("chrome", "Home", 2, 25, None),
        ("chrome", "Contact", 2, 44, None),
        ("chrome", "multi line", 3, 1, "title"),
        ("lede", "unclosed bold text after", 6, 4, None),
        ("paragraph", "last one here", 8, 4, None),
    ]


def test_page_without_article_markup_uses_the_densest_container() -> None:
    page = (
        "<html><body><div class=menu><a href=/>Home</a></div>\n"
        "<div class=content><h1>Quotas agreed by ministers</h1>\n"
        "<p>First paragraph of the story, long enough.</p>\n<p>Second paragraph.</p></div>\n"
        "</body></html>"
    )
    assert [(r[0], r[1]) for r in blocks(page)] == [
        ("chrome", "Home"),
        ("headline", "Quotas agreed by ministers"),
        ("lede", "First paragraph of the story, long enough."),
        ("paragraph", "Second paragraph."),
    ]


def test_article_header_belongs_to_the_article_and_lone_time_is_byline() -> None:
    page = (
        "<html><body><article><header><h1>Quotas agreed</h1>\n"
        '<time datetime="2010-05-18T15:30:00+04:00">18 May 2010</time></header>\n'
        "<p>Text of the story.</p><footer><a href=/tags/x>Fishing</a></footer></article>"
        "</body></html>"
    )
    result = parse_page(page, path="p.html")
    assert [(b.role, b.text) for b in result.blocks] == [
        (Role.HEADLINE, "Quotas agreed"),
        (Role.BYLINE, "18 May 2010"),
        (Role.LEDE, "Text of the story."),
        (Role.CHROME, "Fishing"),
    ]
    assert result.meta.published is not None and result.meta.published.hour == 15


def test_element_paths_of_a_big_deep_page_are_libxml2s_and_cost_no_recursion() -> None:
    """Over a thousand start tags the paths are worked out per parent rather than by libxml2;
    they stay libxml2's, and a page 400 elements deep reads with paths as without."""
    from l10n.readers.html import read_html_document

    body = "".join(f"<p>para {i}<!-- note --></p>" for i in range(1500))
    deep = "<div>" * 400 + "deep" + "</div>" * 400
    html = f"<html lang='en'><body><main>{body}{deep}<p>end</p></main></body></html>"
    document = read_html_document(html, "deep.html")
    tree = document.root.getroottree()
    assert len(document.page.blocks) == 1502
    for block, nodes in zip(document.page.blocks, document.nodes, strict=True):
        assert block.element == tree.getpath(nodes[0][0]).lstrip("/")
    assert document.page.blocks[-2].element == "html/body/main" + "/div" * 400
    lean = parse_page(html, path="deep.html", element_paths=False)
    assert [b.text for b in lean.blocks] == [b.text for b in document.page.blocks]


def test_an_alt_that_is_its_images_file_name_is_no_text() -> None:
    page = parse_page(
        "<html lang='de'><body><footer>"
        "<img src='/up/start_revolution-300x200.jpg' alt='start_revolution'>"
        "<img src='data:image/gif;base64,R0' data-src='/up/occupy_love.png' title='occupy_love'>"
        "<img src='/icons/close.png' alt='Close'>"
        "<img src='/up/galerie_0007.jpg' alt='Galerie 0007'></footer></body></html>",
        path="p.html")
    assert [(b.context, b.text) for b in page.blocks] == [
        ("image alt", "Close"), ("image alt", "Galerie 0007")]


def test_a_noscript_in_the_head_is_skipped_whole_and_the_metas_after_it_keep_their_place() -> None:
    # libxml2 keeps a noscript's tags in the head as elements: they are no page metadata (a
    # browser with scripts ignores them), and reading them again used to take the places of
    # the tags after them.
    html = ("<head><title>t</title><noscript><meta name='description' content='in noscript'>"
            "</noscript><meta name='description' content='real'></head><body><p>x</p>")
    page = parse_page(html, path="p.html")
    assert [(b.text, b.line, b.column, b.context) for b in page.blocks] == [
        ("t", 1, 14, "page title"),
        ("real", 1, html.index("<meta name='description' content='real'>") + 1,
         "meta description"),
        ("x", 1, html.index("x</p>") + 1, "article")]
