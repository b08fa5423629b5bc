"""What chrome means: which blocks of a page are the site's interface text, and the catalog
entry each one is (its msgctxt, or the plural entry of a labelled counter).

Extraction writes these entries and rendering looks them up, so both take them from here:
a rendered page finds exactly the entries extraction wrote.

* The msgctxt says where a string sits by meaning (``nav``, ``button``, ``footer``, ``dialog
  title``, ``placeholder``...), never a line number; site, section and tagline names have
  their own. Text of one article (page title, descriptions, image alt text inside the
  story) is not chrome.
* A labelled counter ("12 comments") is a plural entry in ``python-brace-format``
  (``{count} share`` / ``{count} shares``); a bare number is no entry.
* A teaser (another article's headline or summary), or a chrome line of seven words or more,
  is neither chrome nor this article's text.
* A technical string shown to readers ("loader", "spinner") is one lower-case token rarer
  than Zipf 3.5 in the source language: reported, never translated.
* Dateline cities, regions and agencies are catalogued in normal case (house styles
  upper-case them when they render).
* The render template's own strings (msgctxt ``template``) are chrome too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from l10n.page import Block, Role
from l10n.prose import count_words, parse_counter

__all__ = [
    "CHROME_ROLES",
    "TEASER_WORDS",
    "TEMPLATE_STRINGS",
    "CounterEntry",
    "chrome_context",
    "counter_entry",
    "is_teaser",
    "is_technical",
    "normal_case",
]

# The template's own strings (msgctxt "template"), for extraction into the chrome template.
TEMPLATE_STRINGS = ("Site navigation", "Published")

# Contexts whose text belongs to one article, not to the site's chrome.
_ARTICLE_CONTEXTS = frozenset({"page title", "meta description", "og:title", "og:description",
                               "twitter:title", "twitter:description", "image alt"})
# The roles that are chrome, with the msgctxt of each (None: the block's own context).
CHROME_ROLES = {Role.CHROME: None, Role.SITE: "site name", Role.SECTION: "section",
                Role.TAGLINE: "tagline"}
_TECHNICAL = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
# A lone lower-case token rarer than this (Zipf) is a technical string ("loader", "spinner").
_COMMON = 3.5
# Chrome is labels and prompts; a line of this many words is a teaser or a headline.
TEASER_WORDS = 7


@dataclass(frozen=True, slots=True)
class CounterEntry:
    """The plural entry of a labelled counter ("12 comments")."""

    msgctxt: str
    singular: str  # "{count} share"
    plural: str  # "{count} shares"
    count: int
    label: str


def counter_entry(block: Block, source_locale: str = "en") -> CounterEntry | None:
    """The plural entry for a counter block; None for a bare number."""
    counter = parse_counter(block.text)
    if counter is None or counter[1] is None:
        return None
    singular, plural = _plural_forms(counter[1], counter[0], source_locale)
    return CounterEntry(block.context or "counter", f"{{count}} {singular}",
                        f"{{count}} {plural}", counter[0], counter[1])


def is_technical(text: str, zipf: Callable[[str], float]) -> bool:
    """Whether ``text`` is a technical string shown to readers ("loader"): one lower-case
    token rarer than Zipf 3.5; ``zipf`` gives its frequency in the source language (asked
    only of such a token)."""
    return _TECHNICAL.fullmatch(text) is not None and zipf(text) < _COMMON


def is_teaser(block: Block) -> bool:
    """A teaser (another article's headline or summary), or a chrome line long enough to be
    one: neither chrome nor this article's text."""
    return block.role is Role.TEASER or (block.role is Role.CHROME and not block.attribute
                                         and count_words(block.text) >= TEASER_WORDS)


def chrome_context(block: Block) -> str | None:
    """The msgctxt of a chrome block's catalog entry; None when the block is not chrome.

    Extraction and rendering both use it, so a rendered page looks up exactly the entries
    extraction wrote.
    """
    if block.role is Role.COUNTER:
        return block.context or "counter"
    if block.role not in CHROME_ROLES or block.context in _ARTICLE_CONTEXTS:
        return None
    if block.attribute and _in_article(block) and not _is_control(block):
        return None  # an image title or abbreviation inside the story is the story's text
    return CHROME_ROLES[block.role] or block.context


def _in_article(block: Block) -> bool:
    element = f"/{block.element or ''}/"
    return "/article" in element or "/main/" in element


def _is_control(block: Block) -> bool:
    """Buttons, inputs and labels: chrome even inside a story."""
    return (block.context or "").split()[0] in ("button", "input", "placeholder", "label",
                                                "select", "textarea")


def normal_case(name: str) -> str:
    """``WASHINGTON`` → ``Washington`` (house styles upper-case names; catalogs do not)."""
    letters = [ch for ch in name if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 3:
        return " ".join(part.capitalize() if len(part) > 3 or part.isalpha() else part
                        for part in name.split(" "))
    return name


def _plural_forms(label: str, count: int, source_locale: str) -> tuple[str, str]:
    """Singular and plural of an English counter label ("comments" → "comment")."""
    words = label.split()
    last = words[-1]
    if count == 1 or not last.lower().endswith("s"):
        singular, plural = last, _pluralize(last)
    else:
        singular, plural = _singularize(last), last
    head = " ".join(words[:-1])
    join = (head + " ") if head else ""
    return join + singular, join + plural


def _singularize(word: str) -> str:
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word.isupper() else "y")
    if lower.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def _pluralize(word: str) -> str:
    lower = word.lower()
    if lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"
