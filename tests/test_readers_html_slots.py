"""The HTML reader reads every user-facing slot, and says what the check needs to know of it:
zone, a script's hand, link targets and languages, parts of a sentence, switchers."""

from __future__ import annotations

import pytest

from l10n.page import Block, Zone
from l10n.readers import parse_page

STORY = ("<article><h1>Quotas agreed by the ministers</h1>"
         "<p>Ministers agreed on Tuesday, after a long night of talks, to set new fishing quotas "
         "for the coming three years, the presidency said.</p></article>")


def read(body: str) -> list[Block]:
    return list(parse_page(f"<html lang='en'><body>{body}{STORY}</body></html>",
                           path="p.html").blocks)


def one(body: str, text: str) -> Block:
    [block] = [b for b in read(body) if b.text == text]
    return block


@pytest.mark.parametrize(("body", "text", "context", "attribute"), [
    ('<iframe src="v.html" title="Video player"></iframe>', "Video player", "frame title",
     "title"),
    ('<svg aria-label="Share"><path d=""/></svg>', "Share", "image aria-label", "aria-label"),
    ('<svg role="img"><title>Open the menu</title><path d=""/></svg>', "Open the menu",
     "image title", None),
], ids=["iframe title", "svg aria-label", "svg title"])
def test_accessible_names_of_embeds_and_graphics_are_read(
        body: str, text: str, context: str, attribute: str | None) -> None:
    block = one(body, text)
    assert (block.context, block.attribute) == (context, attribute)


@pytest.mark.parametrize(("body", "text", "scripted"), [
    ('<footer><div hidden><p>Follow us on %s</p></div></footer>', "Follow us on %s", True),
    ('<footer><div style="display: none"><p>Connecting</p></div></footer>', "Connecting", True),
    ('<footer><p><span>%d</span> bloggers like this</p></footer>', "%d bloggers like this",
     True),
    ('<footer><p>Follow us on %s</p></footer>', "Follow us on %s", False),
    ('<footer><p>Connecting to %s</p></footer><script>var t = {"c": "Connecting to %s"};'
     '</script>', "Connecting to %s", True),
], ids=["hidden", "display none", "alone in its element", "shown", "carried by a script"])
def test_text_a_script_shows_or_fills_is_marked(body: str, text: str, scripted: bool) -> None:
    assert one(body, text).scripted is scripted


_FORM = '<form action="/s"><label for="e">E-mail</label><input id="e" type="email">{}' \
        '<button>Subscribe</button></form>'


@pytest.mark.parametrize(("field", "read_it"), [
    ('<div style="display:none"><label>Leave this field empty</label>'
     '<input type="text" name="hp" autocomplete="off"></div>', False),
    ('<label style="display: none !important">Leave this field empty '
     '<input type="text" name="hp" tabindex="-1"></label>', False),
    ('<p hidden><label>Leave this field empty</label><input name="hp" tabindex="-1"></p>',
     False),
    # A conditional field, shown when a choice asks for it: the form's own chrome.
    ('<div style="display:none"><label>Leave this field empty</label>'
     '<input type="text" name="other"></div>', True),
    # Hidden by a class a script toggles: a conditional field too, however its field is set.
    ('<div class="hidden"><label>Leave this field empty</label>'
     '<input type="text" name="other" autocomplete="off"></div>', True),
    # A form hidden as a whole (a search overlay) is the site's chrome too.
    ('</form><div style="display:none"><form><label>Leave this field empty</label>'
     '<input type="text" autocomplete="off"></form></div><form>', True),
], ids=["autocomplete off", "tabindex -1", "hidden attribute", "conditional field",
        "hidden by a class", "hidden form"])
def test_a_honeypot_field_is_shown_to_no_one(field: str, read_it: bool) -> None:
    texts = [b.text for b in read(_FORM.format(field))]
    assert ("Leave this field empty" in texts) is read_it
    assert {"E-mail", "Subscribe"} <= set(texts)


def test_links_carry_their_target_and_its_language() -> None:
    block = one('<nav><a href="/fr/" hreflang="fr">Version française</a></nav>',
                "Version française")
    assert (block.href, block.hreflang, block.zone) == ("/fr/", "fr", Zone.CHROME)


def test_parts_of_a_chrome_sentence_are_segments() -> None:
    block = one('<footer><p>We use cookies. <a href="/s">Settings</a> and '
                '<span class="sr-only">more options</span></p></footer>',
                "We use cookies.")
    assert block.segments == ()
    sentence = one('<footer><p>We use cookies, <b>see our policy</b> for details.</p>'
                   '</footer>', "We use cookies, see our policy for details.")
    assert [(s.text, s.kind) for s in sentence.segments] == [("see our policy", "inline")]


def test_a_list_of_language_names_is_a_switcher_unknown_names_included() -> None:
    blocks = read('<nav><ul><li><a href="/en/">English</a></li><li><a href="/am/">ይዘት</a></li>'
                  '<li><a href="/ru/">Русский</a></li><li><a href="/fr/">Français</a></li>'
                  '</ul></nav>')
    assert {b.text: b.context for b in blocks if b.zone is Zone.CHROME} == {
        "English": "language switcher", "ይዘት": "language switcher",
        "Русский": "language switcher", "Français": "language switcher"}


@pytest.mark.parametrize(("body", "text", "zone"), [
    ('<p><a href="#" onclick="print()" title="Print this page">Drucken</a></p>',
     "Print this page", Zone.CHROME),
    ('<p><a href="/x"><img src="/icons/share-icon.png" alt="Share this"></a></p>',
     "Share this", Zone.CHROME),
], ids=["link that runs a script", "icon image"])
def test_attributes_that_name_controls_are_chrome(body: str, text: str, zone: Zone) -> None:
    html = ("<html lang='en'><body><article><h1>Quotas agreed by the ministers</h1>"
            "<p>Ministers agreed on Tuesday, after a long night of talks, to set new fishing "
            f"quotas for the coming three years, the presidency said.</p>{body}</article>"
            "</body></html>")
    [block] = [b for b in parse_page(html, path="p.html").blocks if b.text == text]
    assert block.zone is zone


def test_teaser_headlines_and_the_share_bar_s_long_links() -> None:
    blocks = read('<div class="related"><h2>Related</h2><ul>'
                  '<li><a href="/a">Ministers meet again over fishing quotas next week</a></li>'
                  '<li><a href="/b">Fishermen protest in the harbour against the new rules</a>'
                  '</li></ul></div>'
                  '<div class="share-buttons"><ul>'
                  '<li><a href="/f">Click to share on Facebook (opens in a new window)</a></li>'
                  '<li><a href="/t">Click to share on Twitter (opens in a new window)</a></li>'
                  '</ul></div>')
    zones = {b.text: (str(b.role), str(b.zone)) for b in blocks}
    assert zones["Ministers meet again over fishing quotas next week"] == ("teaser", "teaser")
    assert zones["Related"] == ("chrome", "page")
    assert zones["Click to share on Facebook (opens in a new window)"] == ("chrome", "chrome")
