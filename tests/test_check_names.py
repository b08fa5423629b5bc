"""Tokens that carry no language: what the detectors never see."""

from __future__ import annotations

import random

import pytest

from l10n.check.names import (
    _DOMAIN,
    _URL_HINT,
    _WEB_URL,
    identifier_kind,
    is_tld,
    remove_allowed,
    remove_unlinguistic,
    word_tokens,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("Read more at https://example.com/news/1 today", "Read more at   today"),
    ("Visit www.Sputnik-News.COM now", "Visit   now"),
    ("see ria.ru/politics", "see  "),
    ("mail editor@site.ch", "mail  "),
    ("mail redaktion@zeitung.de or www.zeitung.de", "mail   or  "),
    ("https://example.com/unsubscribe?email=john@example.org&utm_source=news", " "),
    ("https://user:secret@example.com/private/area ok", "  ok"),
    ("follow @SputnikInt #breaking", "follow    "),
    ("set workflow_tasks", "set  "),
    ("Ende. Der Minister sagte: nein.", "Ende. Der Minister sagte: nein."),
    # Hosts under any top-level domain, file names, TeX.
    ("auf mastodon.social folgen", "auf   folgen"),
    ("Foto: Moa Karlberg/imagebank.sweden.se", "Foto: Moa Karlberg/ "),
    ("redaktion..at..example.fr schreiben", "  schreiben"),
    ("news.example.co.uk/world heute", "  heute"),
    ("siehe Bild IMG_2301.JPG und photo-1.webp", "siehe Bild   und  "),
    ("Die Formel $x^2+y^2$ zeigt", "Die Formel   zeigt"),
    ("kostet $5 und $10", "kostet $5 und $10"),
    ("mit \\alpha und \\beta", "mit   und  "),
    ("Danke.Das war gut", "Danke.Das war gut"),  # "das" is no top-level domain
    ("Antholz House...of Champions", "Antholz House...of Champions"),  # nor is "of"
    ("Cookie von .youtube.com", "Cookie von . "),
])
def test_remove_unlinguistic(text: str, expected: str) -> None:
    assert remove_unlinguistic(text) == expected


def test_word_tokens_drop_names_acronyms_numbers_and_keep_known_capitalised_words() -> None:
    known = {"international", "subscribe"}
    tokens = word_tokens("Subscribe to Sputnik International: NATO, iPhone, 2024, a e-mail",
                         known.__contains__)
    assert tokens == ["Subscribe", "to", "International", "e-mail"]


def test_the_url_hint_holds_wherever_a_url_is() -> None:
    """The hint is a shortcut, never a new rule: random text built from URL parts has a URL
    only when the hint finds one."""
    parts = ["http", "https", "://", "www", ".", "com", "COM", "org", "io", "de", "ru", "uk",
             "/", "-", "_", "a", "b", "news", " ", "x.y", "ftp", ":", "w", "ww", "Www", "é"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 8))) for _ in range(100_000)]
    with_url = [text for text in texts if _WEB_URL.search(text) or any(
        found.group(1) for found in _DOMAIN.finditer(text))]  # group 1: a host name's end
    assert len(with_url) > 2_000
    assert [text for text in with_url if not _URL_HINT.search(text)] == []


@pytest.mark.parametrize(
    ("text", "allowed", "expected"),
    [("Read RIA Novosti today", ("RIA Novosti",), "Read   today"),
     ("RIA Novosti", ("RIA Novosti", "RIA"), " "),  # the longer term first
     ("RIA Novosti", ("RIA", "RIA Novosti"), "  Novosti"),  # in the order given
     ("ria novosti", ("RIA Novosti",), "ria novosti"),  # case-sensitive
     ("SPUTNIKS and Sputnik", ("Sputnik",), "SPUTNIKS and  "),  # whole words only
     ("Sputnik's view", ("Sputnik",), " 's view"),
     ("C++ rocks", ("C++",), "  rocks"), ("axb a.b", ("a.b",), "axb  "),  # escaped
     ("no terms here", ("Ledger", ""), "no terms here")],
)
def test_allowed_terms_are_blanked_as_whole_words(text: str, allowed: tuple[str, ...],
                                                  expected: str) -> None:
    assert remove_allowed(text, allowed) == expected


def test_the_judge_orders_allowed_terms_longest_first_then_alphabetically() -> None:
    from l10n.check.engine import Judge

    terms = ("RIA", "TASS", "RIA Novosti", "AFP", "Ledger")
    assert Judge(allow=terms).allow == ("RIA Novosti", "Ledger", "TASS", "AFP", "RIA")


@pytest.mark.parametrize(("text", "kind"), [
    # TeX: MediaWiki's math alt text, commands with braces, whole $...$ formulas.
    ("{\\displaystyle H_{ij}={\\overline {H}}_{ji}}", "math"),
    ("\\mathbf {x} _{1},\\dots ,\\mathbf {x} _{N}", "math"),
    ("\\frac{a}{b}", "math"), ("$x^2+y^2$", "math"),
    ("Use \\frac{a}{b} to write fractions", None), ("$5 and $10", None),
    # Shell commands after a prompt.
    ("$ hg pull ../public [...] added 1 changesets", "shell command"), ("% ls -la", "shell command"),
    ("$5 million", None),
    # Hashtags and handles.
    ("#Klimakrise", "hashtag"), ("#tag1 #tag2", "hashtag"), ("@SputnikInt", "handle"),
    ("# 1", None),
    # File names used as alt or title text.
    ("IMG_2301.JPG", "file name"), ("photo-1.webp", "file name"), ("My photo 1.jpg", "file name"),
    ("Bildschirmfoto 2020-01-01 um 10_00.png", "file name"),
    ("IMG 2020 beach holiday with family.jpg", "file name"),  # a picture, however many words
    ("Der Ordner enthält keine Datei conf.py", None),  # a sentence naming a file
    ("index.html", "file name"), ("sa.large", "file name"), ("IMG_9362", "file name"),
    ("DSC_0508", "file name"), ("dm_logo_300x115", "file name"), ("teaser_image", "file name"),
    ("rewe_group_icon", "file name"), ("coronavirus_dwds_piro4d_pixabay1200", "file name"),
    # hyphens and underscores in one token: a slug, never prose
    ("loewengalerie-0007_sander-van-der-wel_baby-lioness", "file name"),
    ("state-of-the-art", None), ("sign-in_button", None),
    # Host names under any top-level domain; a key's namespace first makes a key.
    ("mastodon.social", "host"), ("example.live", "host"), ("news.example.co.uk", "host"),
    ("jungle.world", "host"), ("www.zeitung.ch", "host"), ("wirtrauern.at", "host"),
    ("m.heraldsun.com.au", "host"), (".google.com", "host"), ("button.save", "message key"), ("main.menu", "message key"),
    # Query strings (an OpenURL's COinS in a span's title); one pair or a formula is none.
    ("ctx_ver=Z39.88-2004&rft.atitle=Title%3A+Sub&rft.au=Doe", "query string"),
    ("a=1;b=2", "query string"), ("E=mc2", None),
    # A web address shown as text (a link's own address); in a sentence it is text.
    ("https://everymac.com/systems/apple/imac/faq.html", "web address"),
    ("www.example.com/a", "web address"), ("Visit https://x.com now", None),
    # Cookie names as cookie banners list them.
    ("muc_ads", "cookie name"), ("_ga", "cookie name"), ("__utma", "cookie name"),
    ("cookielawinfo-checkbox-necessary", "cookie name"), ("VISITOR_INFO1_LIVE", "cookie name"),
    ("li_gc", "cookie name"), ("personalization_id", "cookie name"),
    # Shaped like message keys: leaked keys and usernames alike.
    ("nav.subscribe", "message key"), ("navigation.toggle", "message key"),
    ("stefa.nus", "message key"), ("SUBSCRIBE_BUTTON", "message key"),
    ("fluff_is_life", "message key"), ("sweetie_24", "message key"), ("error_404", "message key"),
    # Text.
    ("Read more", None), ("Subscribe", None), ("state-of-the-art", None),
    ("Hello world. Goodbye.", None), ("", None),
])
def test_identifier_kind(text: str, kind: str | None) -> None:
    assert identifier_kind(text) == kind


@pytest.mark.parametrize(("label", "expected"), [
    ("de", True), ("COM", True), ("social", True), ("live", True), ("world", True),
    ("рф", True), ("toggle", False), ("title", False), ("large", False), ("nus", False),
    ("of", False), ("xq", False),
])
def test_is_tld(label: str, expected: bool) -> None:
    assert is_tld(label) is expected
