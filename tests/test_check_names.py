"""Tokens that carry no language: what the detectors never see."""

from __future__ import annotations

import random

import pytest

from l10n.check.names import (
    _DOMAIN,
    _URL_HINT,
    _WEB_URL,
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
    with_url = [text for text in texts if _WEB_URL.search(text) or _DOMAIN.search(text)]
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
