"""What the web calls things: the class and id names (and custom element names) sites give
to comments, teasers, share bars, newsletters, author boxes, tags, ads and the like
(:data:`VOCABULARY`, data), and what an element's names, landmark and schema.org markup make
of it (:func:`element_kind`). The boilerplate classifier (:mod:`l10n.readers.zones`) weighs
containers and decides zones with them, as trafilatura keeps its XPath vocabulary apart from
its algorithm."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from lxml import etree

from l10n.readers.vocabulary import HEADINGS

__all__ = ["LANDMARKS", "LANDMARK_ROLES", "VOCABULARY", "cached_kind", "element_kind",
           "element_names", "marker_of", "semantic_article", "semantic_names"]

# An id of this many words or more may be an anchor made from a heading (_heading_anchor).
_ANCHOR_WORDS = 3
_SLUG_WORD = re.compile(r"[^\W_]+")
# Landmarks that hold furniture, not stories (a page wrapped whole in one still has its article).
LANDMARKS = frozenset({"nav", "aside", "footer", "dialog"})
LANDMARK_ROLES = frozenset({"navigation", "complementary", "contentinfo", "dialog",
                            "alertdialog", "search", "banner"})


# What sites call things, by what they are (lower-case). A "prefix" root matches a class or id
# name that starts with it, or has it after a "-" or "_" ("sharebar", "post-share-buttons"; not
# "timeshare"); a "word" root matches a whole name or its first part ("ad", "ad-slot"; not
# "section--ads", a modifier of something else); a "last" root matches a name's last part,
# what the name is of its first parts ("post-body-bio": the bio under the post's body); a "part"
# root only a last part after others ("ym-player", not "player", a lineup's name; not
# "has-player", a modifier).
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "article": {
        "prefix": ("article", "artikel", "articulo", "entry", "hentry", "h-entry", "post",
                   "story", "content", "inhalt", "contenido", "conteudo", "contenu", "body",
                   "text", "beitrag", "blog", "main", "page", "single", "prose", "rich-text",
                   "richtext", "nota", "noticia"),
        "word": (),
    },
    # A comment section's furniture ("12 comments", "Log in to comment"); one comment is
    # told by _COMMENT_ITEM.
    "comments": {
        "prefix": ("comment", "kommentar", "komment", "comentario", "commentaire", "disqus",
                   "respond", "discussion", "diskussion", "reactions", "replies"),
        "word": ("reply",),
    },
    "teaser": {
        "prefix": ("related", "relacionad", "correlat", "teaser", "recommend", "empfehl",
                   "morestories", "more-stories", "more-articles", "morearticles",
                   "mehrzumthema", "mehr-zum-thema", "weitere", "verwandt", "aehnlich",
                   "similar", "popular", "trending", "mostread", "most-read", "meistgelesen",
                   "recent-post", "recentpost", "latest", "headlines", "outbrain", "taboola",
                   "recirc", "read-next", "readnext", "read-more", "readmore", "also-read",
                   "alsoread", "further-reading", "topstories", "top-stories", "rail",
                   "jp-relatedposts", "yarpp", "crp_related", "nav-links", "post-navigation",
                   "postnav", "prev-next", "previous-next"),
        "word": ("more", "next", "prev"),
    },
    # The site's interface: controls, prompts and banners (chrome wherever they are), the
    # consent notices that stand in for an embed until a reader accepts its cookies included.
    "interface": {
        "prefix": ("share", "sharing", "social", "sociable", "shariff", "addthis",
                   "newsletter", "subscri", "abonn", "signup", "sign-up", "breadcrumb",
                   "pagination", "pager", "cookie", "consent", "gdpr", "dsgvo", "toolbar",
                   "paywall", "popup", "modal", "overlay", "skip", "rating", "feedback",
                   "login", "navigation", "navbox", "content-blocker", "contentblocker",
                   "embed-privacy", "borlabs", "cmplz"),
        "word": ("nav", "menu", "share", "navbar", "search", "cta"),
        # A video or audio player's controls, countdown and next clip's title.
        "last": ("videoplayer", "vidplayer", "audioplayer", "mediaplayer", "radioplayer",
                 "webplayer", "miniplayer", "jwplayer", "ytplayer"),
        "part": ("player",),
    },
    # Furniture: what a page carries besides the story and its interface (and what a printout
    # leaves out).
    "boilerplate": {
        "prefix": ("sidebar", "advert", "anzeige", "werbung", "sponsor", "promo", "banner",
                   "masthead", "author-bio", "authorbio", "author-box", "authorbox",
                   "about-author", "bio-box", "author-desc", "author-info", "author-detail",
                   "author-card", "author-profile", "author-about", "autorenbox",
                   "autoren-box", "autor-info", "tagcloud", "tag-cloud", "taglist", "tag-list",
                   "post-tags", "entry-tags", "article-tags", "keywords", "entry-meta",
                   "post-meta", "postmeta", "entrymeta", "article-meta", "articlemeta",
                   "entry-footer", "article-footer", "post-footer", "donat", "footer", "legal",
                   "copyright", "disclaimer", "infobox-links", "linklist", "link-list",
                   "noprint", "no-print", "dontprint", "hidden-print", "print-hide",
                   "d-print-none", "print-none"),
        "word": ("ad", "ads", "tags", "tag", "meta", "bio", "dfp", "gpt", "adsense", "widget",
                 "topics", "categories", "category-list", "archive", "archives"),
        # "bio" alone also means organic ("produit-bio"): only a person's bio
        "last": ("biography", "body-bio", "user-bio", "writer-bio", "profile-bio",
                 "staff-bio", "contributor-bio", "reporter-bio"),
    },
}

_ARTICLE_ITEMTYPES = ("Article", "BlogPosting", "NewsArticle", "Report", "ScholarlyArticle",
                      "TechArticle", "SocialMediaPosting", "Review")
_JOINS = re.compile(r"[-_]+")
# A one-letter namespace ("c-" component, "o-" object, "l-" layout: ITCSS, BEM) says what
# kind of class it is, not what the element is: "c-menu-print" is a menu.
_NAMESPACE = re.compile(r"^[a-z]-(?=[a-z])")


# One reader's comment: "comment", "comment-body", "c-comment", "comment-123" (WordPress ids).
_COMMENT_ITEM = re.compile(
    r"(?:[a-z0-9]+[-_]+)*(?:comment|kommentar|komment|comentario|commentaire)[-_]*"
    r"(?:body|content|text|entry|item|inner|main|wrap|wrapper|message|container|\d+)?")
_KINDS = ("comments", "teaser", "interface", "boilerplate", "article")
# Across the names of one element, an article name outranks boilerplate ones: WordPress marks
# a post "post hentry category-news tag-berlin".
_ELEMENT_ORDER = ("comment", "comments", "teaser", "interface", "article", "boilerplate")


# What a "part" root names after these: a person on a team ("team-player", "squad__player"),
# no media player.
_PEOPLE = "team|squad|lineup|match|key|star|top|featured|best|football|soccer|hockey|basketball"


@functools.cache
def _matchers() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Per kind, the regexes of its prefix roots and of its word and last-part roots; under
    "any", those of all kinds (a name none of them matches has no kind: most names, tested
    once)."""
    out = {}
    every: dict[str, set[str]] = {"prefix": set(), "word": set(), "last": set(), "part": set()}
    for kind, roots in (*VOCABULARY.items(), ("any", every)):
        prefixes, words = _either(roots["prefix"]), _either(roots["word"])
        lasts, parts = _either(roots.get("last", ())), _either(roots.get("part", ()))
        whole = [rf"(?:{words})(?:$|[-_])"] if words else []
        if lasts:
            whole.append(rf"(?:.*[-_])?(?:{lasts})$")
        if parts:
            whole.append(rf"(?!(?:has|no|with|is)-)(?!(?:.*[-_])?(?:{_PEOPLE})[-_]+(?:{parts})$)"
                         rf".*[-_](?:{parts})$")
        out[kind] = (re.compile(rf"(?:^|[-_])(?:{prefixes})") if prefixes else re.compile("$^"),
                     re.compile("|".join(whole)) if whole else re.compile("$^"))
        for key in every:
            every[key].update(roots.get(key, ()))
    return out


def _either(roots: Iterable[str]) -> str:
    """A regex alternative of ``roots``, longest first (a longer root wins over its prefix)."""
    return "|".join(re.escape(root) for root in sorted(roots, key=len, reverse=True))


@functools.lru_cache(maxsize=8192)
def _name_kind(name: str) -> str | None:
    """What one class or id name calls its element (within a name, the more particular kind
    wins: "post-comments" is comments, "post-share" boilerplate). Underscores join parts as
    hyphens do ("author_info", BEM's "c-article__share")."""
    name = _NAMESPACE.sub("", _JOINS.sub("-", name))
    matchers = _matchers()
    prefix, word = matchers["any"]
    if not prefix.search(name) and not word.match(name):
        return None
    if _COMMENT_ITEM.fullmatch(name):
        return "comment"
    for kind in _KINDS:
        prefix, word = matchers[kind]
        if prefix.search(name) or word.match(name):
            return kind
    return None


@functools.lru_cache(maxsize=4096)
def marker_of(names: str) -> str | None:
    """What class/id ``names`` (lower case, space-separated) call an element: "comment" (one
    reader's comment), "comments" (a comment section), "teaser", "boilerplate", "article" or
    None."""
    kinds = {_name_kind(name) for name in names.split()}
    return next((kind for kind in _ELEMENT_ORDER if kind in kinds), None)


def element_names(el: etree._Element) -> str:
    """An element's class and id names, and a custom element's own name ("app-comments",
    "related-posts"): what the site calls it (lower case, space-separated)."""
    tag = el.tag
    custom = tag if isinstance(tag, str) and "-" in tag else ""
    return f"{el.get('class') or ''} {el.get('id') or ''} {custom}".strip().lower()


def semantic_article(el: etree._Element) -> bool:
    """Markup that says "this is the article": ``article``, ``main``, ``[role=main]``,
    ``[itemprop=articleBody]`` or a schema.org Article item."""
    return semantic_names(el.tag, el.get("role") or "", el.get("itemprop"),
                           el.get("itemtype"))


def semantic_names(tag: object, role: str, itemprop: str | None, itemtype: str | None
                    ) -> bool:
    """:func:`semantic_article` of an element's tag and attribute values."""
    if tag in ("article", "main"):
        return True
    if role.lower() == "main" or itemprop == "articleBody":
        return True
    return bool(itemtype) and itemtype.rstrip("/").rsplit("/", 1)[-1] in _ARTICLE_ITEMTYPES


def element_kind(el: etree._Element) -> str | None:
    """What an element is called: its names (see :func:`marker_of`), or schema.org's Comment;
    an article element is never a teaser or furniture by name; an unnamed landmark (``nav``,
    ``aside``, ``footer``, ``[role=navigation]``...) is "landmark". One read of its
    attributes: every element of a page comes here once."""
    tag = el.tag
    if not isinstance(tag, str):
        tag = ""
    names = tag if "-" in tag else ""
    role = itemprop = itemtype = ident = ""
    for key, value in el.items():
        if key == "class":
            names = f"{names} {value}"
        elif key == "id":
            ident = value
        elif key == "role":
            role = value
        elif key == "itemprop":
            itemprop = value
        elif key == "itemtype":
            itemtype = value
    if not ident:
        return _kind_of(tag, names, role, itemprop, itemtype)
    kind = _kind_of(tag, f"{names} {ident}", role, itemprop, itemtype)
    if kind is not None and (tag == "section" or "section" in names.lower().split()) and \
            _heading_anchor(el, ident):
        return _kind_of(tag, names, role, itemprop, itemtype)
    return kind


def cached_kind(el: etree._Element, kinds: dict[etree._Element, str | None]) -> str | None:
    """:func:`element_kind` of ``el``, remembered in ``kinds`` (one page's elements: the
    classifier asks of the same containers run after run)."""
    kind = kinds.get(el, False)
    if kind is False:
        kind = kinds[el] = element_kind(el)
    return kind


def _heading_anchor(el: etree._Element, ident: str) -> bool:
    """Whether ``ident`` is an anchor made from the words of the heading that opens the
    section ``el`` (documentation generators give ``id="sharing-with-a-single-developer"`` to
    a section headed "Sharing with a single developer"): it names the section's subject, not
    a part of the page."""
    words = _SLUG_WORD.findall(ident.lower())
    if words and words[-1].isdigit():
        words = words[:-1]  # "...-1": the second section of that name
    if len(words) < _ANCHOR_WORDS:
        return False  # "social-share", "related-posts-2": names
    heading = next((child for child in el if child.tag in HEADINGS), None)
    if heading is None:
        return False
    return _SLUG_WORD.findall(heading.text_content().lower()) == words


@functools.lru_cache(maxsize=8192)
def _kind_of(tag: str, names: str, role: str, itemprop: str, itemtype: str) -> str | None:
    """:func:`element_kind` of the tag and attribute values it reads ("": none), cached."""
    if itemprop == "comment" or itemtype.endswith("/Comment"):
        return "comment"
    names = names.strip().lower()
    kind = marker_of(names) if names else None
    if kind in ("teaser", "boilerplate", "interface") and semantic_names(
            tag, role, itemprop, itemtype):
        return None
    if kind == "interface" and tag == "figure":
        return None  # a figure's player ("figure.video-player") is the story's, caption and all
    if kind is None and (tag in LANDMARKS or role.lower() in LANDMARK_ROLES):
        return "landmark"
    return kind
