"""What markup says about its text: the tags, classes and attributes of each concept the HTML
reader knows (landmarks, controls, site and section names, bylines, credits, hidden and icon
elements), as data, with the few predicates over them."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from lxml import etree

from l10n.page import Role

__all__ = [
    "BUTTON_ATTRIBUTES",
    "BUTTON_INPUTS",
    "CHROME_ATTRIBUTES",
    "CHROME_UNITS",
    "CONTEXT_ATTRIBUTES",
    "CONTEXT_BUT_CLASS",
    "CONTEXT_TAGS",
    "HEADINGS",
    "ICON_TAGS",
    "INLINE",
    "KIND",
    "LANDMARK_ROLES",
    "LANDMARK_TAGS",
    "META_CONTEXT",
    "NAMED_ONLY",
    "NEVER_TEXT",
    "NO_CLASS",
    "NO_SEGMENT",
    "RUBY_ANNOTATIONS",
    "SEMANTIC_ROLES",
    "class_facts",
    "hides",
    "icon_ligature",
    "is_trail",
    "names_a_control",
    "names_its_file",
    "segment_kind",
    "special_role",
]

NEVER_TEXT = frozenset({"script", "style", "template", "noscript", "math"})
# A ruby's annotations (readings over the base text, and their fallback parentheses): the
# base is the text; a reading is a typographic aid, as the source's pronunciation.
RUBY_ANNOTATIONS = frozenset({"rt", "rp", "rtc"})
# Elements read for their accessible name only (attributes, an svg's <title>), never their text.
NAMED_ONLY = frozenset({"svg", "iframe", "object", "video", "audio", "canvas", "embed"})
# Elements whose text flows into their parent's block. In chrome a link is a block of its own.
INLINE = frozenset(
    {
        "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del",
        "dfn", "em", "font", "i", "img", "ins", "kbd", "mark", "nobr", "q", "rb", "ruby",
        "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
        "var", "wbr",
    }
)
CHROME_UNITS = frozenset({"a", "button", "label", "option", "summary", "legend"})
LANDMARK_TAGS = {"header": "header", "nav": "nav", "footer": "footer", "aside": "aside",
                  "form": "form", "dialog": "dialog"}
LANDMARK_ROLES = {
    "navigation": "nav", "banner": "header", "contentinfo": "footer", "dialog": "dialog",
    "alertdialog": "dialog", "search": "search", "complementary": "aside",
}
_SITE_CLASSES = frozenset({"site-name", "site-title", "logo", "brand", "site-logo",
                           "navbar-brand", "publication-name"})
_SECTION_CLASSES = frozenset({"section", "section-name", "section-title", "rubric", "category",
                              "kicker", "breadcrumb-current"})
_TAGLINE_CLASSES = frozenset({"tagline", "slogan", "section-description", "section-tagline",
                              "site-description"})
_LEDE_CLASSES = frozenset({"lede", "lead", "standfirst", "intro", "summary", "article-lead"})
_CREDIT_CLASSES = frozenset({"credit", "copyright", "photo-credit", "image-credit", "source"})
_BYLINE_CLASSES = frozenset({"byline", "author", "authors", "by"})
_TRAIL_CLASSES = frozenset({"breadcrumb", "breadcrumbs"})
# A picture's caption outside a <figcaption> (WordPress's classic "wp-caption-text"); not a
# bare "caption", which frameworks give a card's or a slide's overlay, headline and all.
_CAPTION_CLASSES = frozenset({"wp-caption-text", "image-caption", "img-caption",
                              "photo-caption", "figure-caption", "media-caption",
                              "bildunterschrift", "bildtext", "legende", "leyenda",
                              "didascalia"})
# Classes that hide an element from everyone (Bootstrap, Tailwind, WordPress and common names);
# screen-reader-only classes ("sr-only", "visually-hidden") are shown to some readers: not here.
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "invisible", "d-none", "is-hidden", "display-none",
                             "js-hidden", "u-hidden", "hidden-xs-up"})
_SCREEN_READER_CLASSES = frozenset({"sr-only", "screen-reader-text", "visually-hidden",
                                    "visuallyhidden", "screenreader", "screen-reader-only",
                                    "element-invisible", "a11y-hidden", "assistive-text",
                                    "u-visually-hidden", "offscreen", "sr-text"})
# Elements an icon font draws (Material Icons and Symbols by their classes; any "icon" class
# holding one lower-case snake_case word).
ICON_TAGS = frozenset({"i", "span", "em", "b"})
_ICON_FONT = re.compile(r"material-(?:icons|symbols)")
_LIGATURE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# Images that are interface: icons, logos, badges, buttons (their names), or this small.
_ICON_NAMES = re.compile(r"icon|logo|badge|button|sprite|emoji|avatar|gravatar|social|share")
_ICON_SIZE = 48
# A honeypot's wrapper: a label and its field, or the field alone; a text field of one of
# these types (robots fill in what looks like a name, an address or a site).
_TRAP_ELEMENTS = 3
_TRAP_TYPES = frozenset({"text", "email", "url", "tel"})
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TEMPLATE_TYPES = frozenset({"text/template", "text/x-template", "text/html", "text/x-handlebars",
                             "text/x-handlebars-template", "text/ng-template"})
CHROME_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "placeholder"})
BUTTON_ATTRIBUTES = CHROME_ATTRIBUTES | {"value"}  # a button's value is its label
BUTTON_INPUTS = frozenset({"submit", "button", "reset"})
META_CONTEXT = {"description": "meta description", "og:title": "og:title",
                 "og:description": "og:description", "twitter:title": "twitter:title",
                 "twitter:description": "twitter:description"}
KIND = {"a": "link", "img": "image", "input": "input", "button": "button", "select": "select",
         "textarea": "textarea", "abbr": "abbreviation", "area": "image map area",
         "iframe": "frame", "svg": "image", "object": "object", "video": "video",
         "audio": "audio", "canvas": "image", "embed": "object"}
# The tags that change the context by themselves, and the attributes that can (Walker._enter).
CONTEXT_TAGS = frozenset({*LANDMARK_TAGS, *CHROME_UNITS, "button", "label", "figcaption",
                           "address"})
CONTEXT_ATTRIBUTES = frozenset(
    {"role", "class", "itemprop", "itemtype", "rel", "lang", "translate", "data-l10n-ignore",
     "hidden", "aria-hidden", "style", "type", "hreflang"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Inline elements whose text is no part a reader meets on its own.
NO_SEGMENT = frozenset({"br", "wbr", "img", "time", "data", "sub", "sup", "abbr", "ruby", "rb"})
SEMANTIC_ROLES = frozenset({"main", "article"})


def segment_kind(tag: str, attrs: dict[str, str]) -> str:
    if tag == "a":
        return "link"
    classes = set((attrs.get("class") or "").lower().split())
    if not classes.isdisjoint(_SCREEN_READER_CLASSES):
        return "screen-reader"
    return "styled" if classes or "style" in attrs else "inline"


def icon_ligature(el: etree._Element, attrs: dict[str, str]) -> bool:
    """An icon font's ligature: a name a font draws as a picture (``<i class="material-icons">
    flight_takeoff</i>``); readers see the icon, never the word."""
    value = attrs.get("class")
    if not value:
        return False
    names = value.lower()
    if _ICON_FONT.search(names):
        return True
    text = (el.text or "").strip()
    return not len(el) and bool(_LIGATURE.fullmatch(text)) and \
        not {"icon", "icons"}.isdisjoint(names.split())


_IMAGE_SOURCES = ("src", "data-src", "data-lazy-src")
_RESIZED = re.compile(r"-\d+x\d+$")  # WordPress's resized copies: photo-300x200.jpg
_NOT_ALNUM = re.compile(r"[\W_]+")
_FILE_SHAPED = re.compile(r"[_\-\d]")


def names_its_file(value: str, attrs: dict[str, str]) -> bool:
    """Whether an image's ``alt`` or ``title`` is its own file's name, spelt as one
    ("start_revolution" on ``start_revolution.jpg``): a name a CMS filled in, no text in any
    language. A word or words ("Close" on ``close.png``) are still a label."""
    if not _FILE_SHAPED.search(value) or any(ch.isspace() for ch in value):
        return False
    for name in _IMAGE_SOURCES:
        source = attrs.get(name)
        if not source or source.startswith("data:"):
            continue
        stem = source.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        stem = _RESIZED.sub("", stem.rsplit(".", 1)[0])
        wanted = _NOT_ALNUM.sub("", stem.lower())
        return len(wanted) >= 3 and _NOT_ALNUM.sub("", value.lower()) == wanted
    return False


def names_a_control(el: etree._Element, tag: str, attrs: dict[str, str], in_link: bool
                     ) -> bool:
    """Whether an element's ``alt``/``title``/``aria-label`` names a control rather than
    describing content: a link that runs a script or has no text of its own (an icon link), or
    an image that is an icon, a logo, a badge or a button (by its names or a small size)."""
    if tag == "a":
        href = (attrs.get("href") or "").strip().lower()
        if href in ("", "#") or href.startswith("javascript:") or "onclick" in attrs:
            return True  # a link that goes nowhere: a button in a link's clothes
        if "".join(el.itertext()).strip():
            return False
        # No text: an icon link, unless what it shows is a picture (a linked photo's title
        # describes the photo).
        return all(names_a_control(img, "img", dict(img.items()), True)
                   for img in el.iter("img"))
    if tag != "img":
        return False
    names = f"{attrs.get('class') or ''} {attrs.get('src') or ''} {attrs.get('id') or ''}"
    if _ICON_NAMES.search(names.lower()):
        return True
    for size in (attrs.get("width"), attrs.get("height")):
        if size and size.strip().isdecimal() and int(size) <= _ICON_SIZE:  # not "²"
            return True
    return False


def hides(attrs: dict[str, str], classes: set[str] | frozenset[str]) -> bool:
    """Whether an element with ``attrs`` is hidden from readers until a script shows it."""
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    if (attrs.get("type") or "").strip().lower() in _TEMPLATE_TYPES:
        return True
    return not classes.isdisjoint(_HIDDEN_CLASSES)


def robot_trap(el: etree._Element, attrs: dict[str, str]) -> bool:
    """Whether ``el`` is a honeypot: a small wrapper hidden by its own inline markup (a
    ``style``, ``hidden``) around one text field that browsers must not fill in
    (``autocomplete="off"``) or reach by tab (``tabindex="-1"``), which people never see and
    robots fill in. Its label is shown to no one. A form's conditional field ("Please
    specify") may look the same, but is mostly hidden by a class its script toggles, and
    such a wrapper stays read."""
    if len(el) > _TRAP_ELEMENTS or not hides(attrs, frozenset()):
        return False
    fields = [field for field in el.iter("input", "textarea")
              if field.tag == "textarea"
              or (field.get("type") or "text").strip().lower() in _TRAP_TYPES]
    return len(fields) == 1 and (
        (fields[0].get("autocomplete") or "").strip().lower() == "off"
        or (fields[0].get("tabindex") or "").strip() == "-1")


def is_trail(classes: set[str], attrs: dict[str, str]) -> bool:
    """Whether an element with these ``classes`` and ``attrs`` is a breadcrumb trail."""
    return not classes.isdisjoint(_TRAIL_CLASSES) or (attrs.get("itemtype") or "").endswith(
        "BreadcrumbList"
    )


def special_role(tag: str, classes: set[str], attrs: dict[str, str]) -> Role | None:
    """The role an element's tag, ``classes`` and other attributes give its text, if any."""
    rel = set((attrs.get("rel") or "").lower().split())
    itemprop = (attrs.get("itemprop") or "").lower()
    if classes & _SITE_CLASSES or "home" in rel:
        return Role.SITE
    if classes & _SECTION_CLASSES or itemprop == "articlesection":
        return Role.SECTION
    if classes & _TAGLINE_CLASSES:
        return Role.TAGLINE
    if classes & _CREDIT_CLASSES:
        return Role.CREDIT
    if classes & _BYLINE_CLASSES or "author" in rel or itemprop == "author" or tag == "address":
        return Role.BYLINE
    if "dateline" in classes:
        return Role.DATELINE
    return None


class _ClassFacts(NamedTuple):
    """What a ``class`` attribute's value alone says about its element's context."""

    classes: frozenset[str]
    trail: bool  # a breadcrumb trail
    special: Role | None  # special_role of the classes alone
    lede: bool
    caption: bool  # a picture's caption
    hidden: bool  # hidden from every reader
    neutral: bool  # none of these: the class changes no context by itself


_ROLE_CLASSES = (_TRAIL_CLASSES | _SITE_CLASSES | _SECTION_CLASSES | _TAGLINE_CLASSES
                 | _CREDIT_CLASSES | _BYLINE_CLASSES | {"dateline"} | _LEDE_CLASSES
                 | _CAPTION_CLASSES | _HIDDEN_CLASSES)
CONTEXT_BUT_CLASS = CONTEXT_ATTRIBUTES - {"class"}


@functools.lru_cache(maxsize=4096)
def class_facts(value: str | None) -> _ClassFacts:
    """:class:`_ClassFacts` of a ``class`` value, cached: pages repeat a few hundred values.
    A BEM element named "copyright" ("figure__copyright") is a credit; one named "credit" is
    not taken for one, as it may hold the caption too (``figcaption.c-lead-image__credit``)."""
    classes = frozenset(value.lower().split()) if value else frozenset()
    if any(name.endswith("__copyright") for name in classes):
        classes |= {"copyright"}
    return _ClassFacts(classes, not classes.isdisjoint(_TRAIL_CLASSES),
                       special_role("", classes, {}), not classes.isdisjoint(_LEDE_CLASSES),
                       not classes.isdisjoint(_CAPTION_CLASSES),
                       not classes.isdisjoint(_HIDDEN_CLASSES), classes.isdisjoint(_ROLE_CLASSES))


NO_CLASS = class_facts(None)
