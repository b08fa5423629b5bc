"""The boilerplate classifier (l10n.readers.zones) on small invented pages: which text is the
article, which is a teaser, a comment or furniture, and what short lines say they are."""

from __future__ import annotations

import pytest
from lxml import etree

from l10n.page import Zone
from l10n.readers import parse_page
from l10n.readers.blocks import _without_note_marks
from l10n.readers.facts import RunFacts
from l10n.readers.lines import line_kind
from l10n.readers.markers import marker_of
from l10n.readers.story import card_texts

_LONG = ("The council met on Tuesday evening, and after a long debate, which ran past midnight, "
         "it agreed to keep the library open on Sundays for another year.")
_MORE = ("Residents had written letters, signed petitions and, in one case, staged a reading "
         "marathon on the library steps, to make the point that Sunday is when families come.")
_THIRD = ("The budget, which the mayor called tight but fair, moves money from road repairs, "
          "parking signs and the town fair to pay for the extra hours and two new librarians.")
_SHORT = "The new hours start on the first Sunday of May."

_SECTIONS = ("World", "Politics", "Business", "Sport", "Weather", "Culture")


def roles(body: str) -> list[tuple[str, str]]:
    """(role, text) of every text block of a page with ``body``, attributes left out."""
    page = parse_page(f"<!DOCTYPE html><html lang='en'><head><title>T</title></head>"
                      f"<body>{body}</body></html>", path="p.html")
    return [(b.role.value, b.text) for b in page.blocks
            if b.attribute is None and b.context != "page title"]


@pytest.mark.parametrize(("text", "in_figure", "kind"), [
    ("19:49", False, "date"),
    ("23.10.2018", False, "date"),
    ("2018-10-23", False, "date"),
    ("Erstellt am Dienstag 6. Mai 2014", False, "date"),
    ("Published 6 April 2018 · Updated 14 April 2018", False, "date"),
    ("Aktualisiert am 12.03.2021, 14:30 Uhr", False, "date"),
    ("30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)", False, "date"),
    ("Vom 30. April 2015 bis 2. Mai 2016 gelten 3 neue Regeln hier", False, None),  # a sentence
    ("March 3, 2021", False, "date"),
    ("12 de marzo de 2021 - 10:45", False, "date"),
    ("On 6 May 2014 it all began.", False, None),  # a sentence
    ("Fuji X-TRA 400.", False, None),  # a number no day or year
    ("+81 158-23-2012", False, None),  # a phone number
    ("2014", False, None),
    ("May", False, None),
    ("Foto: Jane Doe", False, "credit"),
    ("(Quelle: Doe/Unsplash)", False, "credit"),
    ("Photograph by Jane Doe", False, "credit"),
    ("Bild via Agency", False, "credit"),
    ("Crédits photos : Agence", False, "credit"),
    ("Photo credit: Jane Doe", False, "credit"),
    ("Kuva: Jane Doe", False, "credit"),  # Finnish
    ("fot. Jan Nowak/PAP", False, "credit"),  # Polish: an abbreviated label, no colon
    ("Фото: Иван Петров", False, "credit"),
    ("Beeld: ANP", False, "credit"),  # Dutch
    ("Quellen:", False, None),  # heads a list of sources; credits no one
    ("© Agency", False, "credit"),
    ("Photos show how the river rose overnight", False, None),
    ("Source code is on the project's page", False, None),
    ("Figure: the river at noon", False, None),
    ("Jane Doe/AFP", False, None),
    ("Jane Doe/AFP", True, "credit"),  # name/agency inside a figure
    ("Ein-/Ausgang", True, None),
])
def test_line_kind(text: str, in_figure: bool, kind: str | None) -> None:
    assert line_kind(text, in_figure=in_figure) == kind


def test_date_lines_and_credits_are_not_article_text() -> None:
    assert roles(
        "<article><h1>Library stays open</h1><p>23.10.2018, 19:49</p>"
        f"<p>{_LONG}</p><figure><img src='a.jpg'><div>Jane Doe/AFP</div></figure>"
        f"<p>{_MORE}</p><p>Foto: Jane Doe</p></article>"
    ) == [
        ("headline", "Library stays open"),
        ("byline", "23.10.2018, 19:49"),
        ("lede", _LONG),
        ("credit", "Jane Doe/AFP"),
        ("paragraph", _MORE),
        ("credit", "Foto: Jane Doe"),
    ]


def test_text_after_a_block_child_is_not_inside_the_next_sibling() -> None:
    # The text after the figure belongs to the story, not to the ad box that follows it.
    assert roles(
        f"<div class='content'><p>{_LONG}</p><div><figure><img src='a.jpg'></figure>{_MORE}"
        "<div class='ad'>Advertisement</div></div></div>"
    ) == [("lede", _LONG), ("paragraph", _MORE), ("chrome", "Advertisement")]


def test_a_story_cut_into_blocks_is_read_whole() -> None:
    # One paragraph per block, as page builders write stories: the best block's parent holds
    # them all; the link list beside it stays furniture.
    blocks = "".join(f"<div class='block'><div class='inner'>{text}</div></div>"
                     for text in (f"<p>{_LONG}</p><p>{_MORE}</p>", f"<p>{_THIRD}</p>",
                                  f"<p>{_SHORT}</p>"))
    links = "".join(f"<li><a href='/{name}'>{name}</a></li>" for name in _SECTIONS)
    assert roles(
        f"<div class='layout'><div class='column'><h1>Library stays open</h1>{blocks}</div>"
        f"<div class='links'><ul>{links}</ul></div></div>"
    ) == [
        ("headline", "Library stays open"),
        ("lede", _LONG),
        ("paragraph", _MORE),
        ("paragraph", _THIRD),
        ("paragraph", _SHORT),
        *[("chrome", name) for name in _SECTIONS],
    ]


def test_a_furniture_name_around_the_story_is_a_frame() -> None:
    # "sidebar-wrap" holds the story: a layout frame, not a sidebar.
    assert roles(
        f"<div class='article-body'><div class='sidebar-wrap'><p>{_LONG}</p><p>{_MORE}</p>"
        f"</div><p>{_THIRD}</p></div>"
    ) == [("lede", _LONG), ("paragraph", _MORE), ("paragraph", _THIRD)]


@pytest.mark.parametrize(("after", "role"), [
    # Headlines of other stories under the heading: the heading is the teaser box's.
    ("<ul><li><a href='/a'>Pool reopens after a long winter break</a></li>"
     "<li><a href='/b'>Town fair moves to the market square</a></li></ul>", "chrome"),
    # A form under it ("Comments" over the comment form).
    ("<form><label>Name</label><input name='n'><button>Send</button></form>", "chrome"),
    # Article text under it: a heading of the story.
    (f"<p>{_THIRD}</p>", "paragraph"),
])
def test_a_heading_with_no_article_text_under_it_heads_what_follows(after: str,
                                                                     role: str) -> None:
    page = roles(f"<article><h1>Library stays open</h1><p>{_LONG}</p><p>{_MORE}</p>"
                 f"<h2>More on this</h2>{after}</article>")
    assert (role, "More on this") in page


@pytest.mark.parametrize(("after", "role"), [
    ("<aside><h3>Forum</h3><a href='/forum'>To the forum</a></aside>", "chrome"),
    (f"<p>{_THIRD}</p>", "paragraph"),
])
def test_a_heading_that_is_a_sentence_heads_what_follows_it_too(after: str,
                                                                 role: str) -> None:
    # "Comments", then "You must log in to comment." over the sidebar: the comment box's.
    page = roles(f"<div class='content'><h1>Library stays open</h1><p>{_LONG}</p>"
                 f"<p>{_MORE}</p><h2>Comments</h2><h3>You must log in to comment.</h3>"
                 f"</div>{after}")
    assert [r for r, text in page if text in ("Comments", "You must log in to comment.")] \
        == [role, role]


def test_a_menus_options_never_make_it_the_article() -> None:
    # Ninety long options in a category menu outweigh a short story by Readability's count.
    options = "".join(f"<option>Category number {n} of the archive, by year</option>"
                      for n in range(90))
    assert roles(
        f"<div class='main'><p>{_LONG}</p><p>{_MORE}</p></div>"
        f"<div class='side'><select name='cat'>{options}</select></div>"
    )[:2] == [("lede", _LONG), ("paragraph", _MORE)]


def test_a_paragraph_is_judged_on_all_its_text_not_on_a_link_list_inside_it() -> None:
    links = "".join(f"<a href='/{name}'>{name}</a> " for name in _SECTIONS)
    assert roles(
        f"<article><p>{_LONG}</p><p>{_MORE}<section>{links}</section></p></article>"
    )[:2] == [("lede", _LONG), ("paragraph", _MORE)]


def test_a_teaser_without_a_link_before_the_story_is_its_lede() -> None:
    # German sites call the lede a "Teaser"; another story's teaser links to it.
    assert roles(
        f"<div class='story'><div class='teaser'><p>{_SHORT}</p></div><p>{_LONG}</p>"
        f"<p>{_MORE}</p><div class='teaser'><p>{_THIRD}</p>"
        "<h3><a href='/pool'>Pool reopens after a long winter break</a></h3></div></div>"
    ) == [
        ("lede", _SHORT),
        ("paragraph", _LONG),
        ("paragraph", _MORE),
        ("teaser", _THIRD),
        ("teaser", "Pool reopens after a long winter break"),
    ]


@pytest.mark.parametrize(("lede", "role"), [
    # A link inside the teaser's sentence (a name the story mentions): still the lede.
    ("The new hours start on the first Sunday of May, says the "
     "<a href='/library'>town library</a>.", "lede"),
    # A teaser ending in a "more" link leads to another page: another story's teaser.
    ("The new hours start on the first Sunday of May <a href='/hours'>more</a>", "teaser"),
])
def test_a_teaser_with_a_link_inside_its_sentence_before_the_story_is_its_lede(
        lede: str, role: str) -> None:
    page = roles(f"<div class='story'><div class='teaser'><p>{lede}</p></div><p>{_LONG}</p>"
                 f"<p>{_MORE}</p><p>{_THIRD}</p></div>")
    assert [r for r, text in page if text.startswith("The new hours")] == [role]


def test_a_sentence_between_the_storys_header_and_its_body_is_the_storys() -> None:
    # The standfirst in a container of its own, between the header and the body's section.
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    cards = "".join(f"<div class='card'><a href='/s{n}'>Another story about the library, "
                    f"number {n}</a></div>" for n in range(6))
    page = roles(f"<main><div><header><div class='hero'><p>Sundays at the library</p></div>"
                 f"</header><div class='col'><p>{_SHORT}</p></div><section><div><div><div>"
                 f"{body * 3}</div></div></div></section>"
                 f"<div class='more'><h2>Read on</h2>{cards}</div></div></main>")
    assert [role for role, text in page if text == _SHORT] == ["paragraph"]


@pytest.mark.parametrize("box", [
    "<related-posts><p>{text}</p></related-posts>",  # a custom element's own name
    "<div class='author-info'><p>{text}</p></div>",  # an author box
])
def test_named_boxes_after_the_story_are_not_article_text(box: str) -> None:
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p>{box.format(text=_THIRD)}</article>")
    assert [role for role, text in page if text == _THIRD] == [
        "teaser" if "related" in box else "chrome"]


@pytest.mark.parametrize(("after", "role"), [
    ("<p><a href='/a'>Pool reopens after a long winter break</a></p>"
     "<p><a href='/b'>Town fair moves to the market square</a></p>", "chrome"),
    ("<ul><li>Two library cards</li><li>A reading lamp</li></ul>", "paragraph"),
    # a single link (an embedded post) under "Read more:"
    ("<blockquote><p><a href='/a'>Pool reopens after a long winter break</a></p></blockquote>",
     "chrome"),
])
def test_a_short_line_ending_in_a_colon_heads_the_links_under_it(after: str,
                                                                  role: str) -> None:
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><p>Read more:</p>{after}</article>")
    assert (role, "Read more:") in page


@pytest.mark.parametrize(("after", "role"), [
    ("<p><a href='/a'>Pool reopens after a long winter break</a></p>"
     "<p><a href='/b'>Town fair moves to the market square</a></p>", "chrome"),
    # the page's own contents: the question is the story's
    ("<ul><li><a href='#pool'>Pool reopens after a long winter break</a></li>"
     "<li><a href='#fair'>Town fair moves to the market square</a></li></ul>", "paragraph"),
    ("<p><a href='/a'>Pool reopens after a long winter break</a></p>", "paragraph"),
])
def test_a_short_question_heads_the_links_to_other_pages_under_it(after: str,
                                                                  role: str) -> None:
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><p>Already read?</p>{after}</article>")
    assert (role, "Already read?") in page


def test_the_header_of_the_article_that_holds_the_body_is_the_storys() -> None:
    # The body, deep in the article element, scores best and the links after it keep the
    # article element out of the root; the article's header still holds the story's headline
    # and standfirst.
    links = "".join(f"<li><a href='/{name}'>{name} news of the week</a></li>"
                    for name in _SECTIONS)
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    assert roles(
        "<article><header><h1>Library stays open</h1>"
        "<p>Sunday hours stay for another year.</p></header>"
        f"<div><div><div><div><div class='body'>{body}</div></div></div></div>"
        f"<ul>{links}</ul></div></article>"
    )[:5] == [
        ("headline", "Library stays open"),
        ("lede", "Sunday hours stay for another year."),
        ("paragraph", _LONG),
        ("paragraph", _MORE),
        ("paragraph", _THIRD),
    ]


@pytest.mark.parametrize(("header", "first"), [
    # The story's header just before its article element, outside it: its headline and
    # standfirst are the story's.
    ("<header class='story-head'><h1>Library stays open</h1>"
     "<h2>Sunday hours stay for another year.</h2></header>",
     [("headline", "Library stays open"), ("paragraph", "Sunday hours stay for another year.")]),
    # A header with a menu is the site's, whatever it holds.
    ("<header><h1>Town Gazette</h1><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
     "</header>", [("chrome", "Town Gazette")]),
    # So is one marked as the page's banner.
    ("<header role='banner'><h1>Town Gazette</h1><p>News of the valley since 1898, daily.</p>"
     "</header>", [("chrome", "Town Gazette")]),
], ids=["story header", "site header", "banner"])
def test_a_header_just_before_the_article_element(header: str,
                                                   first: list[tuple[str, str]]) -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles(f"<section>{header}<article>{body}</article><aside><ul>"
                  + "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in _SECTIONS)
                  + "</ul></aside></section>")
    assert found[:len(first)] == first
    assert ("paragraph", _MORE) in found


@pytest.mark.parametrize(("names", "kind"), [
    ("post-share", "interface"),
    ("cbx-author_infocontainer", "boilerplate"),  # underscores join parts as hyphens do
    ("c-article__share", "interface"),
    ("postmetadata", "boilerplate"),
    ("container pt-3 cta", "interface"),  # a call to action
    ("u-print-hide", "boilerplate"),  # what a printout leaves out
    ("post hentry category-news", "article"),
    ("related_posts", "teaser"),
    ("comment-list", "comments"),
    ("comment-123", "comment"),
    ("timeshare", None),
    ("c-menu-print", "interface"),  # a one-letter namespace (ITCSS, BEM) is no part
    ("o-ad-slot", "boilerplate"),
    ("is-menu", None),  # a state, not a namespace
    ("_brlbs-content-blocker", "interface"),  # an embed's consent notice, not content
    ("cmplz-placeholder-element", "interface"),
    ("player-maestro nextgen-player", "interface"),  # a media player's controls
    ("c-videoplayer", "interface"),
    ("widget_audio_player", "interface"),
    ("player", None),  # a lineup's player, a bare name
    ("has-player", None),  # a state of something else
])
def test_marker_of(names: str, kind: str | None) -> None:
    assert marker_of(names) == kind


def test_a_link_box_inside_a_readers_comment_is_the_comment() -> None:
    comment = ("<li class='comment'><div class='comment-body'><p>I was at the meeting and the "
               "mood was good.</p><div><p>– <a href='/u/jane'>jane.doe</a></p></div>"
               "</div></li>")
    page = roles(f"<div class='answers'><p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
                 f"<ul class='comments-list'>{comment}</ul></div>")
    assert page[3:] == [("comment", "I was at the meeting and the mood was good."),
                        ("comment", "– jane.doe")]


def test_a_short_story_beside_a_link_list_in_its_container_is_still_the_story() -> None:
    """A story cut short (a paywall, one paragraph) in a column that also holds a list of
    related videos: the column holds prose, so only the list is a link box."""
    videos = "".join(f'<li><a href="/v/{k}">Video number {k} of the week</a></li>'
                     for k in range(8))
    body = (f"<article><header><h1>Council keeps library open</h1></header>"
            f"<div class='column'><div class='content'><p>{_LONG}</p>"
            f"<div class='videos'><h4>Videos</h4><ul>{videos}</ul></div></div></div>"
            f"</article>")
    found = roles(body)
    assert ("lede", _LONG) in found
    assert {role for role, text in found if text.startswith("Video")} == {"chrome", "teaser"}


@pytest.mark.parametrize(("between", "role"), [
    ("<p class='intro'>Sunday hours stay for another year, the council says.</p>", "lede"),
    ("<h2>Sunday hours stay for another year, the council says.</h2>", "paragraph"),
    ("<div>Sunday hours stay for another year, the council says.</div>", "chrome"),
    ("<p class='intro'>Read more</p>", "chrome"),  # a label, not a standfirst
    ("<div class='c-page-intro__copy'>Sunday hours stay for another year, the council says."
     "</div>", "paragraph"),  # a word of its class names it
    ("<p class='byline'>By Jane Doe</p><div class='texto-bajada'><p>Sunday hours stay for "
     "another year, the council says.</p></div>", "byline"),
], ids=["named standfirst", "h2 under the headline", "unnamed", "too short", "class word",
        "parent's class word, after the byline"])
def test_a_standfirst_between_a_headline_above_the_body_and_the_body(between: str,
                                                                     role: str) -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles(f"<div class='top'><h1>Library stays open</h1>{between}</div>"
                  f"<div class='story'><div class='text'>{body}</div></div>")
    assert found[0] == ("headline", "Library stays open")
    assert found[1][0] == role
    if role == "byline":
        assert found[2] == ("lede", "Sunday hours stay for another year, the council says.")


def test_a_masthead_before_main_is_the_sites() -> None:
    """Only a header right before the ``article`` element is the story's: before ``main`` it
    is the site's masthead (its name and tagline are no headline and lede)."""
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles("<header><h1>Town Gazette</h1><p>News of the valley since 1898, daily.</p>"
                  f"</header><main><article><div class='text'>{body}</div></article></main>")
    assert found[:2] == [("chrome", "Town Gazette"),
                         ("chrome", "News of the valley since 1898, daily.")]


@pytest.mark.parametrize(("href", "role"), [
    ("#", "teaser"),  # a script's handle: the cards are still teasers
    ("#!/story/2", "teaser"),
    ("#top", "chrome"),  # places on the page
], ids=["bare", "hashbang", "anchor"])
def test_a_headline_list_of_script_links_is_still_teasers(href: str, role: str) -> None:
    items = "".join(f"<li><a href='{href}'>Another headline of the day number {k} here</a></li>"
                    for k in range(3))
    found = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p></article><ul>{items}</ul>")
    assert {r for r, text in found if text.startswith("Another")} == {role}


def _titled_roles(title: str, body: str) -> list[tuple[str, str]]:
    page = parse_page(f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head>"
                      f"<body>{body}</body></html>", path="p.html")
    return [(b.role.value, b.text) for b in page.blocks
            if b.attribute is None and b.context != "page title"]


@pytest.mark.parametrize(("h1", "first"), [
    # the story's own header: its h1 repeats the page's title (before the site's name)
    ("Library stays open on Sundays", [
        ("headline", "Library stays open on Sundays"),
        ("lede", "The council keeps the hours for another year.")]),
    # the same header naming something else is the site's masthead
    ("Town Gazette of the valley", [
        ("chrome", "Town Gazette of the valley"),
        ("chrome", "The council keeps the hours for another year.")]),
], ids=["repeats the title", "masthead"])
def test_a_header_before_main_whose_h1_repeats_the_title_is_the_storys(
        h1: str, first: list[tuple[str, str]]) -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = _titled_roles("Library stays open on Sundays | Town Gazette",
                          f"<header><h1>{h1}</h1><p>The council keeps the hours for "
                          f"another year.</p></header><main><article><div class='text'>"
                          f"{body}</div></article></main>")
    assert found[:2] == first


def test_an_h1_inside_the_story_after_its_first_paragraphs_heads_a_section() -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><h1>The vote</h1><p>{_THIRD}</p>"
    found = roles(f"<div class='top'><h1>Library stays open</h1></div>"
                  f"<article><div class='text'>{body}</div></article>")
    assert found[0] == ("headline", "Library stays open")
    assert [role for role, text in found if text == "The vote"] == ["paragraph"]


def test_a_heading_inside_an_h1_is_the_headline() -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles(f"<div class='top'><h1><h2>Library stays open</h2></h1>"
                  f"<h2>Sunday hours stay for another year, the council says.</h2></div>"
                  f"<div class='story'><div class='text'>{body}</div></div>")
    assert found[:2] == [("headline", "Library stays open"),
                         ("paragraph", "Sunday hours stay for another year, the council says.")]


@pytest.mark.parametrize(("caption", "role"), [
    ("Readers queued from eight in the morning.", "caption"),
    ("Foto: Jane Doe", "credit"),
], ids=["caption", "credit"])
def test_a_wordpress_caption_outside_figcaption_is_a_caption(caption: str, role: str) -> None:
    # WordPress's classic captions: <div class="wp-caption"><img><p class="wp-caption-text">
    found = roles(f"<article><h1>Library stays open</h1><div class='wp-caption'>"
                  f"<img src='a.jpg' alt=''><p class='wp-caption-text'>{caption}</p></div>"
                  f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p></article>")
    assert found[:3] == [("headline", "Library stays open"), (role, caption), ("lede", _LONG)]


@pytest.mark.parametrize(("figcaption", "blocks"), [
    # a credit printed after the caption in an element of its own is a block of its own
    ("<span>Readers queued from eight in the morning. </span><span>Photo: Jane Doe</span>",
     [("caption", "Readers queued from eight in the morning."), ("credit", "Photo: Jane Doe")]),
    # on a line of its own, or in an element closing the caption's own span, the same
    ("Readers queued from eight in the morning.<br>Foto: Jane Doe",
     [("caption", "Readers queued from eight in the morning."), ("credit", "Foto: Jane Doe")]),
    ("<span>Readers queued from eight. <em>Photo: Jane Doe</em></span>",
     [("caption", "Readers queued from eight."), ("credit", "Photo: Jane Doe")]),
    # in the caption's own words, it stays in the caption
    ("Readers queued from eight. Photo: Jane Doe",
     [("caption", "Readers queued from eight. Photo: Jane Doe")]),
    # an emphasised word that is no credit stays too
    ("Readers queued from <em>eight</em>", [("caption", "Readers queued from eight")]),
    # a BEM element named as a credit, whatever it says
    ("<span class='figure__text'>Readers queued from eight in the morning.</span>"
     "<span class='small figure__copyright'>picture alliance | Jane Doe</span>",
     [("caption", "Readers queued from eight in the morning."),
      ("credit", "picture alliance | Jane Doe")]),
], ids=["credit apart", "after a break", "closing the span", "credit inline", "no credit",
        "credit class"])
def test_a_credit_after_a_caption_is_its_own_block(figcaption: str,
                                                   blocks: list[tuple[str, str]]) -> None:
    found = roles(f"<article><h1>Library stays open</h1><figure><img src='a.jpg' alt=''>"
                  f"<figcaption>{figcaption}</figcaption></figure>"
                  f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p></article>")
    assert found[1:1 + len(blocks)] == blocks
    assert found[1 + len(blocks)] == ("lede", _LONG)


def test_a_microdata_headline_and_the_standfirst_under_it_are_the_storys() -> None:
    # The article's container (its body) leaves the header box out: the element microdata
    # calls the headline is the headline, and the excerpt under it the standfirst.
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles("<article itemscope itemtype='http://schema.org/Article'>"
                  "<div class='article-header'><header><div itemprop='headline'>Library stays "
                  "open</div></header><p class='article-excerpt'>Sunday hours stay for another "
                  "year, the council says.</p></div>"
                  f"<div class='article-content'>{body}</div>"
                  "<ul>" + "".join(f"<li><a href='/{n}'>{n} news of the week</a></li>"
                                   for n in _SECTIONS) + "</ul></article>")
    assert found[:3] == [("headline", "Library stays open"),
                         ("lede", "Sunday hours stay for another year, the council says."),
                         ("paragraph", _LONG)]


def test_a_mastheads_site_name_in_the_title_is_no_headline() -> None:
    # The site's name is in the <title> too, after the headline: a masthead's h1 naming it
    # (a menu beside the header, not in it) stays the site's.
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = _titled_roles("Library stays open on Sundays | The Sydney Morning Herald",
                          "<header><h1>The Sydney Morning Herald</h1><p>Independent. Always. "
                          "Since eighteen thirty one.</p></header><nav><a href='/'>Home</a>"
                          f"</nav><main><article><div class='text'>{body}</div></article>"
                          "</main>")
    assert found == [("chrome", "The Sydney Morning Herald"),
                     ("chrome", "Independent. Always. Since eighteen thirty one."),
                     ("chrome", "Home"), ("lede", _LONG), ("paragraph", _MORE),
                     ("paragraph", _THIRD)]


@pytest.mark.parametrize(("title", "first"), [
    # the h1 is the title's last part, shorter than the headline before it: the site's logo
    ("Library stays open on Sundays | Town Gazette", ("chrome", "Town Gazette")),
    ("Library stays open on Sundays :: Town Gazette ::", ("chrome", "Town Gazette")),
    # the site first and the headline last: the h1 is the headline
    ("News - Town Gazette", ("headline", "Town Gazette")),
], ids=["site last", "trailing separator", "headline last"])
def test_an_h1_that_is_the_titles_site_part_is_no_headline(
        title: str, first: tuple[str, str]) -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = _titled_roles(title, f"<div class='top'><h1>Town Gazette</h1></div>"
                                 f"<div class='story'><div class='text'>{body}</div></div>")
    assert found[0] == first
    assert found[1] == ("lede", _LONG)


def test_a_long_caption_before_the_stories_h1_is_no_lead_in() -> None:
    caption = " ".join(["Readers queued outside the library from eight in the morning"] * 4)
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles(f"<div class='top'><h1>World and Europe</h1></div><article><figure>"
                  f"<img src='a.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
                  f"<h1>Library stays open on Sundays</h1>{body}</article>")
    assert found == [("chrome", "World and Europe"), ("caption", caption),
                     ("headline", "Library stays open on Sundays"), ("lede", _LONG),
                     ("paragraph", _MORE), ("paragraph", _THIRD)]


def test_a_cards_caption_class_makes_no_caption_of_its_headline() -> None:
    body = f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
    found = roles("<article><div class='hero'><img src='a.jpg' alt=''><div class='caption'>"
                  "<h1>Library stays open on Sundays</h1><p>Sunday hours stay for another "
                  f"year, the council says.</p></div></div>{body}</article>")
    assert found == [("headline", "Library stays open on Sundays"),
                     ("lede", "Sunday hours stay for another year, the council says."),
                     ("paragraph", _LONG), ("paragraph", _MORE), ("paragraph", _THIRD)]


def test_a_section_class_around_the_story_names_none_of_its_links() -> None:
    # A "section" class names a section label, never a wrapper of the whole story: the link
    # alone on its line after the story is furniture, as it is without the class.
    page = roles(f"<div class='section'><div class='node'><p>{_LONG}</p><p>{_MORE}</p>"
                 "<div class='wrapper'><a href='/'>Back to the overview</a></div></div></div>")
    assert ("chrome", "Back to the overview") in page
    assert ("paragraph", _MORE) in page


def test_a_small_box_with_a_content_class_does_not_outweigh_the_story() -> None:
    # The box's class name lifts its score over the story's, whose container has no
    # article-like name; the story holds many times its text and is the article.
    box = "Opening hours of the town hall, Monday to Friday."
    page = roles(f"<div class='col'><div class='content'><p>{box}</p></div></div>"
                 f"<div class='col'><div class='x'><p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
                 f"<p>{_LONG}</p></div></div>")
    assert [role for role, text in page if text == box] == ["chrome"]
    assert [role for role, text in page if text == _THIRD] == ["paragraph"]


@pytest.mark.parametrize(("line", "role"), [
    ("© 2022, Example News. This article is the copyrighted property of Example News. Written "
     "permission must be obtained before reprint in online or print media.", "chrome"),
    ("Copyright 2021 Example News. All rights reserved.", "chrome"),
    ("© Jane Doe", "credit"),  # a credit: no year, a name
    ("Copyright reform passed in 2019 has reshaped how newsrooms license their photographs.",
     "paragraph"),  # the word, but no notice: the year does not follow it
    ("(c) the 2021 amendment, which the council adopted after a long debate.", "paragraph"),
])
def test_a_copyright_notice_in_the_story_is_the_sites(line: str, role: str) -> None:
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><p>{line}</p></article>")
    assert (role, line) in page


def test_a_pictures_credit_in_the_sites_header_is_still_a_credit() -> None:
    found = roles("<header><figure><img src='a.jpg' alt=''><figcaption>"
                  "<span class='figure__copyright'>picture alliance | Jane Doe</span>"
                  f"</figcaption></figure></header><article><p>{_LONG}</p><p>{_MORE}</p>"
                  "</article>")
    assert ("credit", "picture alliance | Jane Doe") in found


def test_a_headline_about_copyright_stays_the_headline() -> None:
    page = roles(f"<article><h1>Copyright 2023: the year of the lawsuits</h1><p>{_LONG}</p>"
                 f"<p>{_MORE}</p></article>")
    assert page[0] == ("headline", "Copyright 2023: the year of the lawsuits")


def test_a_figcaption_named_as_a_credit_still_holds_its_caption() -> None:
    found = roles("<article><h1>Library stays open</h1><figure><img src='a.jpg' alt=''>"
                  "<figcaption class='c-lead-image__credit'><span class='c-lead-image__caption'>"
                  "Readers queued from eight in the morning.</span> <span>Jane Doe/Reuters"
                  f"</span></figcaption></figure><p>{_LONG}</p><p>{_MORE}</p></article>")
    assert found[1:3] == [("caption", "Readers queued from eight in the morning."),
                          ("credit", "Jane Doe/Reuters")]


def test_documentation_sections_are_the_story() -> None:
    """A documentation generator's sections: ``div.section`` with an id made from its heading
    ("sharing-with-...": not a share bar), its paragraphs (not section names) and headings
    that link back to the table of contents (not interface links) are all the article's."""
    body = ("<div class='body' role='main'>"
            "<div class='section' id='library-hours'><h1>Library hours</h1>"
            f"<p>{_LONG}</p>"
            "<div class='section' id='sharing-the-reading-room-with-schools'>"
            "<h2><a class='toc-backref' href='#id2'>Sharing the reading room with schools</a>"
            "</h2><p>Two classes a week may come:</p>"
            f"<p>{_MORE}</p><p>{_THIRD}</p></div></div></div>")
    assert roles(body) == [
        ("headline", "Library hours"), ("lede", _LONG),
        ("paragraph", "Sharing the reading room with schools"),
        ("paragraph", "Two classes a week may come:"), ("paragraph", _MORE),
        ("paragraph", _THIRD)]


@pytest.mark.parametrize(("box", "role"), [
    # a section's id made of its heading's words
    ("section id='sharing-the-reading-room-with-schools'", "paragraph"),
    ("div class='section' id='sharing-the-reading-room-with-schools-1'", "paragraph"),
    ("div class='section' id='social-sharing'", "chrome"),  # a share bar's name
    # a box whose id repeats its heading is still what the id says
    ("div id='sharing-the-reading-room-with-schools'", "chrome"),
])
def test_an_id_made_from_the_heading_names_no_section(box: str, role: str) -> None:
    tag = box.split()[0]
    body = (f"<article><h1>Library hours</h1><p>{_LONG}</p><p>{_MORE}</p>"
            f"<{box}><h2>Sharing the reading room with schools</h2>"
            f"<p>{_THIRD}</p></{tag}></article>")
    assert (role, _THIRD) in roles(body)


@pytest.mark.parametrize(("summary", "role"), [
    ("The mayor opens the new ferry terminal on Monday, a year late.", "teaser"),
    # A card holding a whole story is a story opened in a list of them.
    (" ".join([_LONG, _MORE, _THIRD, _LONG, _MORE]), "paragraph"),
])
def test_a_cards_summary_is_its_teasers(summary: str, role: str) -> None:
    """``article`` cards side by side, each a headline link and a summary: the summaries are
    the teasers' text, not the story's."""
    cards = "".join(f"<li><article><h2><a href='/story-{n}'>Ferry terminal opens a year late "
                    f"number {n}</a></h2><p>{summary}</p></article></li>" for n in range(3))
    body = (f"<main><h1>Library hours</h1><p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>"
            f"<ol>{cards}</ol></main>")
    assert roles(body).count((role, summary)) == 3


def _cards_page(cards: int, story: int, *, head: Zone = Zone.TEASER, summary: int = 110,
                opened: int = 0) -> tuple[list[RunFacts], list[tuple[Zone, object]]]:
    """The runs of a container holding ``story`` paragraphs and a row of ``cards`` cards (a
    linked heading the classifier put in zone ``head``, a summary of ``summary`` characters),
    the first ``opened`` of them with a whole story instead, with the zones the classifier gave
    them before cards."""
    root = etree.fromstring("<div/>")
    runs: list[RunFacts] = []
    decided: list[tuple[Zone, object]] = []
    for _ in range(story):
        p = etree.SubElement(root, "p")
        runs.append(RunFacts((root, p), 300, 0, 3, 50, False, ends_sentence=True))
        decided.append((Zone.ARTICLE, root))
    row = etree.SubElement(root, "div")
    for n in range(cards):
        card = etree.SubElement(row, "div")
        h4, p = etree.SubElement(card, "h4"), etree.SubElement(card, "p")
        runs.append(RunFacts((root, row, card, h4), 20, 20, 0, 4, True, 4))
        decided.append((head, card))
        chars = 3000 if n < opened else summary
        runs.append(RunFacts((root, row, card, p), chars, 0, 1, chars // 6, False,
                             ends_sentence=True))
        decided.append((Zone.ARTICLE, root))
    return runs, decided


@pytest.mark.parametrize(("cards", "story", "summaries"), [
    (3, 4, Zone.TEASER),  # a row of cards under a story: their summaries are teasers'
    (2, 4, Zone.ARTICLE),  # two are no row
    (4, 0, Zone.ARTICLE),  # cards alone: a list page (a press portal's), its summaries its text
    # a stream of cards under a story of its own (1,200 characters): the story's page
    (20, 4, Zone.TEASER),
    (20, 3, Zone.ARTICLE),  # under an introduction (900 characters): a list page
])
def test_card_summaries(cards: int, story: int, summaries: Zone) -> None:
    runs, decided = _cards_page(cards, story)
    zones = [zone for zone, _ in card_texts(runs, decided, set())]
    assert zones == [Zone.ARTICLE] * story + [Zone.TEASER, summaries] * cards


def test_a_short_linked_heading_heads_a_card_too() -> None:
    """A card's headline too short to be a teaser's ("Krieg im Nahen Osten") is furniture by
    itself; it still heads its card."""
    runs, decided = _cards_page(3, 4, head=Zone.PAGE)
    assert [zone for zone, _ in card_texts(runs, decided, set())][-1] is Zone.TEASER


def test_a_blogs_front_page_opened_posts_are_its_story() -> None:
    """Posts shown whole (over 600 characters) are a list's stories: the excerpts after them
    are teasers; cards with summaries alone keep them."""
    runs, decided = _cards_page(5, 0, opened=2)
    zones = [zone for zone, _ in card_texts(runs, decided, set())]
    assert zones[1::2] == [Zone.ARTICLE, Zone.ARTICLE, Zone.TEASER, Zone.TEASER, Zone.TEASER]


def test_text_straight_in_the_body_is_the_article_when_the_body_holds_it() -> None:
    """A plain-text document served as HTML (an RFC, a draft: pages of ``pre``) has no
    container but the body: its text is the article."""
    text = "\n".join([_LONG, _MORE, _THIRD])
    body = "".join(f"<pre class='newpage'>{text}\nPage {n}</pre>" for n in range(3))
    assert {role for role, _ in roles(body)} == {"paragraph"}


_STORY = f"<article><h1>Library stays open</h1><p>{_LONG}</p><p>{_MORE}</p></article>"


@pytest.mark.parametrize(("head", "first"), [
    ("<div class='tagline'><!-- x --><p>News for the valley since 1990</p></div>",
     ("tagline", "News for the valley since 1990")),
    ("<div class='site-title'><h1>Example Daily</h1><img src='logo.png' alt=''></div>",
     ("site", "Example Daily")),
    ("<div class='site-title'><h1>Example Daily</h1><p>News for the valley</p></div>",
     ("site", "Example Daily")),
])
def test_a_name_and_what_stands_beside_it_are_no_section(head: str, first: tuple[str, str]
                                                         ) -> None:
    """A name's container with a comment, a logo or a tagline beside the name still names it
    (only a container of a heading, paragraphs and more is a section of text)."""
    assert roles(f"<header>{head}</header>{_STORY}")[0] == first


@pytest.mark.parametrize("heading", [
    "<h4><a href='#comments'>Jump to the 12 comments below</a></h4>",
    "<h3><a href='#respond'>Leave a reply</a></h3>",
])
def test_a_heading_linking_elsewhere_on_the_page_is_no_story_heading(heading: str) -> None:
    body = f"<article><h1>Library stays open</h1><p>{_LONG}</p>{heading}<p>{_MORE}</p></article>"
    text = heading.split(">", 2)[2].split("<", 1)[0]
    assert ("chrome", text) in roles(body)


def test_a_layout_tables_page_keeps_its_furniture() -> None:
    """A page laid out in a table straight in the body: the body is no article container."""
    rows = "".join(f"<tr><td>{text}</td></tr>" for text in (_LONG, _MORE, _THIRD))
    body = ("<div class='header'>Example Daily News since 1990 serving the valley</div>"
            "<table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a></td></tr>"
            f"{rows}</table><div>Contact the newsroom by phone at 555 0100 or write to the "
            "editor any day of the week</div>")
    page = roles(body)
    assert ("paragraph", _MORE) in page
    assert ("chrome", "Example Daily News since 1990 serving the valley") in page


def test_an_embeds_consent_notice_inside_the_story_is_the_sites() -> None:
    notice = ("By loading the post you accept the privacy policy of the network that "
              "hosts it, and it may set cookies on your device.")
    body = (f"<article><h1>Library stays open</h1><p>{_LONG}</p>"
            f'<div class="_brlbs-content-blocker"><p>{notice}</p></div><p>{_MORE}</p></article>')
    assert roles(body) == [("headline", "Library stays open"), ("lede", _LONG),
                           ("chrome", notice), ("paragraph", _MORE)]


def test_a_paragraph_set_in_an_h1_is_no_headline() -> None:
    """A slideshow's caption in an ``h1`` of 41 words or more is no headline: the header's
    ``h1`` is."""
    caption = " ".join([_LONG, _MORE])
    body = (f"<article><h1 class='slideshow-headline'>{caption}</h1>"
            f"<header><h1>Library stays open</h1></header><p>{_THIRD}</p><p>{_LONG}</p></article>")
    page = parse_page("<!DOCTYPE html><html lang='en'><head><title>Library stays open</title>"
                      f"</head><body>{body}</body></html>", path="p.html")
    assert [(b.role.value, b.text) for b in page.blocks if b.attribute is None][1:3] == [
        ("paragraph", caption), ("headline", "Library stays open")]


@pytest.mark.parametrize(("names", "role"), [
    ("article-byline", "byline"), ("duet--article--article-byline", "byline"),
    ("byline-note", "paragraph"),  # a byline's part, not the byline
])
def test_a_class_ending_in_byline_makes_a_byline(names: str, role: str) -> None:
    line = "By Jane Roe, a deputy editor who covers the council and the town's libraries."
    body = f"<article><h1>Library stays open</h1><p class='{names}'>{line}</p><p>{_LONG}</p>" \
           f"<p>{_MORE}</p></article>"
    assert (role, line) in [(r if r != "lede" else "paragraph", t) for r, t in roles(body)]


def test_linked_headings_over_the_storys_own_paragraphs_are_the_storys() -> None:
    """A list article's items: a heading linking to the thing, then what it is."""
    items = "".join(f"<h3><a href='https://games.example/{n}'>Game number {n} ($20)</a></h3>"
                    f"<p>{text}</p>" for n, text in enumerate((_MORE, _THIRD, _LONG)))
    body = f"<article><h1>The best games</h1><p>{_LONG}</p><p>{_MORE}</p>{items}</article>"
    assert ("paragraph", "Game number 1 ($20)") in roles(body)


def test_a_charts_placed_labels_are_no_article_text() -> None:
    """A chart drawn in HTML (ai2html): short labels placed by coordinates."""
    labels = "".join(f"<p style='top:{n * 9}%;left:{n * 7}%'>${n}15</p>" for n in range(12))
    body = (f"<article><h1>Debt rises</h1><p>{_LONG}</p><div class='g-chart'>{labels}</div>"
            f"<p>{_MORE}</p></article>")
    assert [r for r, t in roles(body) if t.startswith("$")] == ["chrome"] * 12


def test_a_sentence_with_many_links_and_note_marks_is_prose() -> None:
    """An encyclopedia's paragraph: links on most of its names, note marks after its full stop;
    it is a sentence of the story, not a link line."""
    linked = ("Rhino is an open source <a href='/wiki/JS' title='JS'>JavaScript engine</a> "
              "managed by the <a href='/wiki/MF' title='MF'>Mozilla Foundation</a>, written in "
              "<a href='/wiki/Java' title='Java'>Java</a>.<sup><a href='#cite-1'>[1]</a></sup>"
              "<sup><a href='#cite-2'>[2]</a></sup>")
    page = roles(f"<article><p>{_LONG}</p><p>{linked}</p><p>{_MORE}</p></article>")
    assert ("paragraph", "Rhino is an open source JavaScript engine managed by the Mozilla "
            "Foundation, written in Java.[1][2]") in page


def test_link_items_of_the_storys_own_list_and_table_are_the_storys() -> None:
    """A list whose other items are prose (release notes) and a table whose rows describe what
    their linked first cell names: the link items are entries, not links away."""
    items = (f"<li>{_SHORT}</li><li><a href='/bug/1'>Bug 1677080 – Fullscreen window is "
             "affected by switching video source</a></li><li>The council agreed to keep the "
             "library open on Sundays.</li>")
    rows = "".join(f"<tr><td><i><a href='/wiki/{n}' title='{n}'>{n} Story</a></i></td>"
                   f"<td>{text}</td></tr>" for n, text in (("First", _MORE), ("Second", _THIRD)))
    page = roles(f"<article><p>{_LONG}</p><ul>{items}</ul><table>{rows}</table></article>")
    assert ("paragraph", "Bug 1677080 – Fullscreen window is affected by switching video "
            "source") in page
    assert ("paragraph", "First Story") in page


def test_a_list_of_links_alone_in_the_story_is_still_furniture() -> None:
    items = "".join(f"<li><a href='/story/{k}'>Another story about the library and the town "
                    f"number {k}</a></li>" for k in range(3))
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><ul>{items}</ul></article>")
    assert not any(role in ("paragraph", "lede") and text.startswith("Another story")
                   for role, text in page)


def test_a_teaser_named_box_of_plain_headings_and_prose_is_the_storys_section() -> None:
    """"more-features" in the story: headings that link nowhere over paragraphs, a "Learn
    more" link each, as in the story's first section."""
    def items(name: str, texts: tuple[str, ...]) -> str:
        return "".join(f"<li><h2>{name} {k}</h2><p>{text}</p><a href='/{name}/{k}'>Learn more "
                       f"about {name} {k}</a></li>" for k, text in enumerate(texts))
    page = roles(f"<main><section><header><h1>Welcome to the library</h1></header>"
                 f"<ul>{items('Tool', (_LONG, _MORE))}</ul></section>"
                 f"<section class='more-features'><h2>Features and tools</h2>"
                 f"<ul>{items('Other', (_THIRD, _SHORT + ' ' + _SHORT))}</ul></section></main>")
    assert ("paragraph", _THIRD) in page
    assert ("paragraph", "Features and tools") in page


def test_a_documentation_sections_permalinked_heading_is_no_section_name() -> None:
    heading = ("<h2><a class='toc-backref' href='#id5'>Sharing with one developer</a>"
               "<a class='headerlink' href='#sharing'>¶</a></h2>")
    body = (f"<div class='document'><h1>Evolve</h1><p>{_LONG}</p>"
            f"<div class='section' id='sharing'>{heading}<div class='section'><h3>Setting up</h3>"
            f"<p>{_MORE}</p></div><div class='section'><h3>Example</h3><p>{_THIRD}</p></div>"
            "</div></div>")
    assert ("section", "Sharing with one developer¶") not in roles(body)


def test_a_posted_line_with_a_time_in_am_is_the_bylines() -> None:
    """"a.m." is a time's word, not two words: the line is a date line, not prose."""
    assert line_kind("posted on April 21, 2015, at 11:29 a.m.") == "date"
    page = roles(f"<article><h1>The library stays open</h1><p>{_LONG}</p>"
                 f"<div>posted on April 21, 2015, at 11:29 a.m.</div><p>{_MORE}</p></article>")
    assert ("byline", "posted on April 21, 2015, at 11:29 a.m.") in page


def test_a_standfirst_named_in_czech_above_the_body_is_the_storys() -> None:
    """A "perex" (the Czech and Slovak newsroom's standfirst) between the headline and the
    body's container is the story's, as an "article__lead" is."""
    standfirst = "Zázrak jedné sezony? West Ham dává pochybovačům stále pádnější odpovědi."
    paragraphs = "".join(f"<p>{text}</p>" for text in (_LONG, _MORE, _THIRD, _LONG, _MORE))
    page = roles(f"<h1>West Ham hrozí gigantům</h1><div class='article__perex'>{standfirst}"
                 f"</div><div class='article__content'>{paragraphs}</div>")
    assert page[:3] == [("headline", "West Ham hrozí gigantům"), ("paragraph", standfirst),
                        ("lede", _LONG)]


def test_a_bio_named_by_its_last_part_under_the_story_is_furniture() -> None:
    """"post-body-bio" is the bio of the post's body, not the body: its last part says what
    it is."""
    bio = ("Jane Doe is a correspondent for The Gazette. She previously covered the county "
           "council and the schools for the Evening Post.")
    assert marker_of("post-body-bio") == "boilerplate"
    assert marker_of("biology") is None
    page = roles(f"<div class='wrap'><h1>The library stays open</h1><div><p>{_LONG}</p>"
                 f"<p>{_MORE}</p><p>{_THIRD}</p></div><div class='post-body-bio'>{bio}</div>"
                 f"</div>")
    assert ("chrome", bio) in page


def test_a_blank_block_inside_a_sentence_cuts_it_not() -> None:
    """A widget put into a sentence (a site-rating shield, an empty ``div`` after a link inside
    ``cite``): the list item stays one block, its stack ending at the item; the line break a
    browser shows there is a space, so no words run together."""
    shield = "<div class='shield'><div><div></div></div></div>"
    note = (f"<li><span><cite><a href='https://example.org/a'>\"The library opens\"</a>{shield}."
            f" <i><a href='/wiki/Gazette'>Town Gazette</a></i>. 9 August 2017. Retrieved 27"
            f" January 2020.</cite></span></li>")
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><ol>{note}</ol></article>")
    assert ("paragraph", "\"The library opens\" . Town Gazette. 9 August 2017. Retrieved 27 "
            "January 2020.") in page
    line = roles(f"<article><p>{_LONG} <span class='meta'>12 May 2023<div class='sep'></div>"
                 f"By Jane Doe</span></p><p>{_MORE}</p></article>")
    assert line[0] == ("lede", f"{_LONG} 12 May 2023 By Jane Doe")


def test_the_articles_notes_are_its_text_wherever_they_are() -> None:
    """Notes a mark in the story links to: article text, whole, never a date line (a byline),
    in a reference list in the story and in a notes box after the story's container."""
    marks = ("<sup><a href='#cite_note-1'>[1]</a></sup>"
             "<sup><a href='https://example.org/wiki/Library#cite_note-2'>[2]</a></sup>"
             "<a href='#nb3'>(3)</a>")
    refs = ("<ol class='references'><li id='cite_note-1'><a href='#r1'>^</a> \"Roadmap\"."
            " Retrieved 10 May 2016.</li><li id='cite_note-2'><a href='#r2'>^</a> <a "
            "href='https://example.org/post'>https://example.org/post</a></li></ol>")
    body = (f"<div><article><p>{_LONG}{marks}</p><p>{_MORE}</p><p>{_THIRD}</p>{refs}</article>"
            f"</div><div class='boxes'><div id='nb3'><p>(3) Minutes of the council, 2021.</p>"
            f"</div></div><footer><a href='/about'>About us</a></footer>")
    page = roles(body)
    assert ("paragraph", "^ \"Roadmap\". Retrieved 10 May 2016.") in page
    assert ("paragraph", "^ https://example.org/post") in page
    assert ("paragraph", "(3) Minutes of the council, 2021.") in page
    assert ("chrome", "About us") in page


def test_a_comment_count_linking_to_the_comments_marks_no_note() -> None:
    """A bare number linking to a section is a count, not a note's mark: a note's mark is
    bracketed, a symbol, or set as a superscript; and a section with a heading is no note."""
    body = (f"<article><h1>Library stays open</h1><p class='byline'>By Jane Doe | "
            f"<a href='#comments'>3</a></p><p>{_LONG}</p><p>{_MORE}</p></article>"
            "<section id='comments'><h2>Comments</h2><div class='comment'><p>Great news for "
            "the town, finally!</p></div></section>")
    assert roles(body)[-2:] == [("chrome", "Comments"),
                                ("comment", "Great news for the town, finally!")]


@pytest.mark.parametrize("names", ["story story--no-byline", "article-body has-byline"])
def test_a_class_saying_an_element_has_a_byline_makes_no_byline(names: str) -> None:
    body = f"<article class='{names}'><h1>Library stays open</h1><p>{_LONG}</p><p>{_MORE}</p>" \
           f"<p>{_THIRD}</p></article>"
    assert [role for role, _ in roles(body)] == ["headline", "lede", "paragraph", "paragraph"]


def test_a_live_blogs_entries_beside_its_summary_stay_its_text() -> None:
    """Cards in the same row as the story's prose (a live blog's summary over its entries)
    are the list's, however long the summary: only a story outside the cards' row makes
    them teasers."""
    summary = "".join(f"<p>{text}</p>" for text in (_LONG, _MORE, _THIRD, _LONG, _MORE, _THIRD,
                                                    _LONG, _MORE))
    entries = "".join(f"<div class='entry'><h2><a href='/live/post-{n}'>Update number {n} from "
                      f"the council chamber</a></h2><p>{_MORE}</p><p>{_THIRD}</p></div>"
                      for n in range(12))
    page = roles(f"<article><h1>Live: the council votes</h1><div>{summary}{entries}</div>"
                 "</article>")
    assert [role for role, text in page if text == _THIRD] == ["paragraph"] * 14


@pytest.mark.parametrize(("names", "kind"), [
    ("post-body-bio", "boilerplate"), ("user-bio", "boilerplate"),
    ("produit-bio", None),  # organic, in French
    ("biology", None),
])
def test_a_bio_is_a_persons(names: str, kind: str | None) -> None:
    assert marker_of(names) == kind


@pytest.mark.parametrize("mark", [
    "[<a href='#nb4'>4</a>]",  # the brackets outside the link (SPIP)
    "<a href='#nb4' class='footnote-ref'>4</a>",  # named a note by its class
    "<a href='#nb4' role='doc-noteref'>4</a>",
])
def test_a_bare_numbers_note_markup_or_brackets_make_it_a_mark(mark: str) -> None:
    note = "Minutes of the council, 2021, page 12."
    body = (f"<article><h1>Library stays open</h1><p>{_LONG}{mark}</p><p>{_MORE}</p></article>"
            f"<div class='boxes'><div id='nb4'><p>{note}</p></div></div>")
    assert ("paragraph", note) in roles(body)


def test_one_linked_heading_in_the_body_is_a_link_to_another_story() -> None:
    """A list article has several linked headings over its paragraphs; one alone in the body
    is a "read also" link to another story."""
    body = (f"<article><h1>Library stays open</h1><div><p>{_LONG}</p><p>{_MORE}</p>"
            "<h4><a href='/news/other-story'>Council votes on new parking rules next month</a>"
            f"</h4><p>{_SHORT}</p><p>{_THIRD}</p></div></article>")
    assert ("teaser", "Council votes on new parking rules next month") in roles(body)


def test_a_media_players_text_is_interface_but_a_figures_caption_stays() -> None:
    player = ("<div class='video-player'><p>Your video will play in 00:25</p>"
              "<button>Replay</button></div>")
    figure = ("<figure class='video-player'><video src='v.mp4'></video><figcaption>The mayor "
              "at the library on Sunday morning</figcaption></figure>")
    page = dict((text, role) for role, text in roles(
        f"<article><p>{_LONG}</p>{player}{figure}<p>{_MORE}</p></article>"))
    assert (page["Your video will play in 00:25"], page["Replay"]) == ("chrome", "chrome")
    assert page["The mayor at the library on Sunday morning"] == "caption"


def test_a_heading_that_repeats_the_title_under_a_section_h1_is_the_headline() -> None:
    found = _titled_roles("Library stays open on Sundays | Town Gazette",
                          "<article><h1>Local news</h1><h2>Library stays open on Sundays</h2>"
                          f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p></article>")
    assert found[:3] == [("chrome", "Local news"), ("headline", "Library stays open on Sundays"),
                         ("lede", _LONG)]


def test_an_opt_in_box_before_the_story_is_no_lede() -> None:
    # a teaser-named box without links is the story's lede, unless it is a form's
    box = ("<div class='teaser'><p>Get the weekly letter free of charge.</p>"
           "<input type='email' name='e'><button>Sign up</button></div>")
    found = roles(f"<div class='story'>{box}<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p></div>")
    assert [role for role, text in found if text.startswith("Get the weekly")] != ["lede"]
    assert ("lede", _LONG) in found


@pytest.mark.parametrize(("item", "kept"), [
    # a sentence opening with its own words that links the rest: the story's own bullet
    ("The council has drafts up to <a href='/d/1'>extend the opening hours</a>, and "
     "<a href='/d/2'>hire two more librarians</a>", True),
    # a headline, then its date and source: a link away
    ("<a href='/s/1'>Another story about the library and the town council</a> on 3 May by "
     "Jane Doe", False),
    ("Read more: <a href='/s/2'>Another story about the library and the town</a>", False),
])
def test_a_list_item_that_is_a_sentence_with_links_is_the_storys(item: str, kept: bool) -> None:
    page = roles(f"<article><p>{_LONG}</p><h4>Hours</h4><ul><li>{item}</li></ul>"
                 f"<h4>Money</h4><p>{_MORE}</p></article>")
    article = " ".join(text for role, text in page if role == "paragraph")
    assert (("librarians" in article) or ("Another story" in article)) is kept


def test_a_list_of_names_in_a_section_of_the_story_is_the_storys() -> None:
    """Under a subheading of the story and followed by its next section: the apps the author
    uses, a name each; the same list after the story is a box of links."""
    apps = "".join(f"<li><a href='https://{n.lower()}.example/'>{n}</a></li>"
                   for n in ("Quill", "Lantern", "Inkwell"))
    page = roles(f"<article><p>{_LONG}</p><h2>Apps</h2><ul>{apps}</ul>"
                 f"<h2>Hosting</h2><p>{_MORE}</p></article>")
    assert ("paragraph", "Lantern") in page
    assert ("paragraph", "Apps") in page
    after = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><h2>Apps</h2><ul>{apps}</ul>"
                  "</article>")
    assert ("paragraph", "Lantern") not in after


def test_a_small_box_around_a_field_in_the_story_is_an_interface_box() -> None:
    """A consent box over an embedded post (a checkbox to tick) and a newsletter's e-mail
    field in the story leave the article; a recipe's ticks in a row and a contact form in
    the story's header do not take their text with them."""
    consent = ("<div><div>External content</div><div>To protect your data we have blocked "
               "the post. Agree to load it.</div><label><input type='checkbox'> I agree"
               "</label><button>Load</button></div>")
    letter = ("<div><h4>Tips by e-mail</h4><p>Sign up and never miss a tip again.</p>"
              "<form><input type='email' name='e'><button>Send</button></form></div>")
    page = roles(f"<article><p>{_LONG}</p>{consent}<p>{_MORE}</p>{letter}<p>{_THIRD}</p>"
                 "</article>")
    article = [text for role, text in page if role in ("lede", "paragraph", "subheading")]
    assert _LONG in article and _MORE in article and _THIRD in article
    assert not any(text.startswith(("External", "To protect", "Tips by", "Sign up"))
                   for text in article)
    ticks = "".join(f"<div><label><input type='checkbox'></label><p>{n} cups</p></div>"
                    for n in (1, 2, 3))
    recipe = roles(f"<article><p>{_LONG}</p><div>{ticks}</div><p>{_MORE}</p></article>")
    assert ("paragraph", "2 cups") in recipe
    header = ("<header><h2>Library stays open on Sundays</h2><p>The town keeps its doors open."
              "</p><div>By Jane Doe <form><input type='email' name='e'></form></div></header>")
    headed = roles(f"<article>{header}<p>{_LONG}</p><p>{_MORE}</p></article>")
    assert any(text == "The town keeps its doors open." and role != "chrome"
               for role, text in headed)


def test_a_contact_card_after_the_story_is_no_story() -> None:
    """A line of a phone number and an e-mail address, with a name or two labels, is a
    contact card: it leaves the article with the short lines naming whom to reach above it;
    a sentence of the story giving a number and an address stays."""
    card = ("<h2>Press contact</h2><p>Jane Doe, spokesperson</p>"
            "<p>Tel.: (030) 12 34 56 78 E-Mail: press@example.org</p>")
    page = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>{card}</article>")
    article = [text for role, text in page if role in ("lede", "paragraph", "subheading")]
    assert _THIRD in article
    assert not any(text.startswith(("Press contact", "Jane Doe", "Tel.")) for text in article)
    said = ("Tickets are sold by Jane Doe at the town hall, Tel. 030 1234567, or by e-mail to "
            "tickets@example.org.")
    told = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><p>{said}</p></article>")
    assert ("paragraph", said) in told


def test_a_bylines_date_beside_an_address_is_no_contact_card() -> None:
    """A date is no phone number: an address and a date under the headline are a byline's."""
    for line in ("jane@example.org · 12.03.2021", "By Jane Doe, jane@example.org, 2021-03-12"):
        page = roles(f"<article><h1>Library stays open on Sundays</h1><div>{line}</div>"
                     f"<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p></article>")
        assert [role for role, text in page if text == line] != ["chrome"]


def test_a_story_of_many_ticks_keeps_its_text() -> None:
    """A checklist of hundreds of ticks, each beside a paragraph (each field's box looks at
    the ticks beside it only until it finds another: linear, see bench/read_speed.py)."""
    ticks = "".join(f"<p>{_LONG}</p><label><input type='checkbox'></label>" for _ in range(400))
    found = roles(f"<article><h1>Library</h1>{ticks}</article>")
    assert [role for role, text in found if text == _LONG] == ["lede"] + ["paragraph"] * 399


def test_a_lede_box_with_a_listen_button_is_still_the_lede() -> None:
    """A button is no field: a teaser-named lede with a "Listen" button is the story's."""
    lede = "The library will open on Sundays, the council decided after a long night."
    box = f"<div class='teaser'><p>{lede}</p><button>Listen to this article</button></div>"
    found = roles(f"<div class='story'>{box}<p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p></div>")
    assert ("lede", lede) in found


@pytest.mark.parametrize("names", ["team-player", "squad__player", "key-player"])
def test_a_player_of_a_team_is_no_media_player(names: str) -> None:
    """A sports story's cards of its players are the story, not a media player's controls."""
    said = "Jane Doe scored twice in the second half and was named player of the match."
    page = roles(f"<article><h1>Cup final</h1><p>{_LONG}</p><div class='{names}'><h3>Jane Doe"
                 f"</h3><p>{said}</p></div><p>{_MORE}</p><p>{_THIRD}</p></article>")
    assert ("paragraph", said) in page


def test_a_helpline_in_the_storys_body_is_no_contact_card() -> None:
    """A card after the story's last paragraph leaves it; one the story gives on its way
    (a helpline, then more of the story) is the story's."""
    card = "<p>Samaritans helpline</p><p>Call 0800 123 4560 or write to help@example.org</p>"
    inside = roles(f"<article><p>{_LONG}</p>{card}<p>{_MORE}</p><p>{_THIRD}</p></article>")
    assert [role for role, text in inside if text.startswith("Call 0800")] == ["paragraph"]
    after = roles(f"<article><p>{_LONG}</p><p>{_MORE}</p><p>{_THIRD}</p>{card}</article>")
    assert [role for role, text in after if text.startswith("Call 0800")] != ["paragraph"]


@pytest.mark.parametrize(("text", "left"), [
    ("It was built in 1925.[12][13]", "It was built in 1925."),
    ("It was built in 1925. [citation needed]", "It was built in 1925."),
    ("Marks [1] inside stay. [2]", "Marks [1] inside stay."),
    ("A list [a][b", "A list [a][b"),  # no closing bracket: nothing to drop
    ("Empty []", "Empty []"),
    ("Too long [" + "x" * 25 + "]", "Too long [" + "x" * 25 + "]"),
    ("[1][2]", ""),
    ("[" * 3 + "a]", "[["),
])
def test_a_sentences_closing_note_marks_are_dropped_from_its_end(text: str, left: str) -> None:
    assert _without_note_marks(text) == left
