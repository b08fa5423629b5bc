"""Which part of an HTML page is the article, and which parts are teasers, comments and
furniture: l10n's own boilerplate classifier, run over the text runs the HTML reader collected.

Two halves, kept apart as trafilatura keeps its XPath vocabulary apart from its algorithm:

* **What the web calls things** (:data:`VOCABULARY`): the class and id names sites give to
  comments, teasers, share bars, newsletters, tags, ads and the like, as data.
* **How the reader decides** (:func:`classify`), after Mozilla Readability's scoring: every run
  of 25 characters or more scores ``1 + commas + min(chars / 100, 3)`` for its parent (in full),
  its grandparent (half) and three more ancestors (a sixth, a ninth, a twelfth); a container
  starts from its tag and its class names (article-like names up, boilerplate names down) and
  its score is scaled by ``1 - link density``. The best container is the article; it grows to
  an enclosing ``article``/``main``/``articleBody``/schema.org Article element that holds mostly
  its text, or else takes in siblings scoring at least a fifth of it. Without any scoring run,
  the page's ``article``, ``main``, ``[role=main]`` and ``[itemprop=articleBody]`` elements are
  the article, as their markup says.

Inside the article, containers named like boilerplate are cut out of it, and so are runs made
mostly of link text (a "Read more: …" line, a list of related links). Outside it, comment
containers hold comments and headline-length links are teasers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from l10n.page import Zone

__all__ = ["VOCABULARY", "RunFacts", "Zoning", "classify", "marker_of"]

# A run of fewer characters scores nothing (Readability's threshold).
_MIN_CHARS = 25
# Ancestors a paragraph's score reaches, and the divider at each level (1, 2, then level × 3).
_LEVELS = 5
# Link text above this share of a run makes it a link, not prose.
_LINK_RUN = 0.6
# Words in a link from which it reads as a headline (a teaser), not a menu item; the average
# words of a list's links from which it is a list of headlines, and the least of an item in it.
_HEADLINE_WORDS = 5
_LIST_WORDS = 4
_LIST_ITEM_WORDS = 2
# An enclosing article element is taken when the best container holds this share of its prose.
_EXPAND_SHARE = 0.5
_EXPAND_LEVELS = 4
_SIBLING_SHARE = 0.2
_SIBLING_MIN = 10.0
_MIN_ARTICLE_SCORE = 5.0
# Readability's rule for stories cut into blocks: of the five best containers, three within
# three quarters of the best's score make their common ancestor the article.
_TOP_CANDIDATES = 5
# Link boxes inside the article (see _link_boxes) and the short line that heads one.
_BOX_TAGS = frozenset({"div", "section", "ul", "ol", "dl", "table", "aside", "nav", "header",
                       "footer", "figure", "center", "span", "p"})
_BOX_COMMAS = 10
_BOX_LINKS = 0.5
_SHORT_BOX_LINKS = 0.25
_SHORT_BOX = 200
_BOX_HEADING_WORDS = 8
_BOX_HEADING_CHARS = 80
_CLOSE_SCORE = 0.75
_SHARED_CANDIDATES = 3

_TAG_SCORES = {
    "div": 5.0, "article": 5.0, "section": 3.0, "main": 5.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
    "dt": -3.0, "li": -3.0, "form": -3.0, "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0,
    "h5": -5.0, "h6": -5.0, "th": -5.0,
}
_CLASS_WEIGHT = 25.0
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NEVER_MARKERS = frozenset({"body", "html"})
# Landmarks that hold furniture, not stories (a page wrapped whole in one still has its article).
_LANDMARKS = frozenset({"nav", "aside", "footer", "dialog"})
_LANDMARK_ROLES = frozenset({"navigation", "complementary", "contentinfo", "dialog",
                             "alertdialog", "search", "banner"})


def _names(*roots: str) -> str:
    return "|".join(roots)


# What sites call things, by what they are (lower-case). A "prefix" root matches a class or id
# name that starts with it, or has it after a "-" or "_" ("sharebar", "post-share-buttons"; not
# "timeshare"); a "word" root matches a whole name or its first part ("ad", "ad-slot"; not
# "section--ads", a modifier of something else).
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
    # The site's interface: controls, prompts and banners (chrome wherever they are).
    "interface": {
        "prefix": ("share", "sharing", "social", "sociable", "shariff", "addthis",
                   "newsletter", "subscri", "abonn", "signup", "sign-up", "breadcrumb",
                   "pagination", "pager", "cookie", "consent", "gdpr", "dsgvo", "toolbar",
                   "paywall", "popup", "modal", "overlay", "skip", "rating", "feedback",
                   "login", "navigation", "navbox"),
        "word": ("nav", "menu", "share", "navbar", "search"),
    },
    # Furniture: what a page carries besides the story and its interface.
    "boilerplate": {
        "prefix": ("sidebar", "advert", "anzeige", "werbung", "sponsor", "promo", "banner",
                   "masthead", "author-bio", "authorbio", "author-box", "authorbox",
                   "about-author", "bio-box", "tagcloud", "tag-cloud", "taglist", "tag-list",
                   "post-tags", "entry-tags", "article-tags", "keywords", "entry-meta",
                   "post-meta", "entry-footer", "article-footer", "post-footer", "donat",
                   "footer", "legal", "copyright", "disclaimer", "infobox-links", "linklist",
                   "link-list"),
        "word": ("ad", "ads", "tags", "tag", "meta", "bio", "dfp", "gpt", "adsense", "widget",
                 "topics", "categories", "category-list", "archive", "archives"),
    },
}

_ARTICLE_ITEMTYPES = ("Article", "BlogPosting", "NewsArticle", "Report", "ScholarlyArticle",
                      "TechArticle", "SocialMediaPosting", "Review")
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")


# One reader's comment: "comment", "comment-body", "c-comment", "comment-123" (WordPress ids).
_COMMENT_ITEM = re.compile(
    r"(?:[a-z0-9]+[-_]+)*(?:comment|kommentar|komment|comentario|commentaire)[-_]*"
    r"(?:body|content|text|entry|item|inner|main|wrap|wrapper|message|container|\d+)?")
_KINDS = ("comments", "teaser", "interface", "boilerplate", "article")
# Across the names of one element, an article name outranks boilerplate ones: WordPress marks
# a post "post hentry category-news tag-berlin".
_ELEMENT_ORDER = ("comment", "comments", "teaser", "interface", "article", "boilerplate")


@functools.cache
def _matchers() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    out = {}
    for kind, roots in VOCABULARY.items():
        prefixes = "|".join(re.escape(p) for p in sorted(roots["prefix"], key=len, reverse=True))
        words = "|".join(re.escape(w) for w in sorted(roots["word"], key=len, reverse=True))
        out[kind] = (re.compile(rf"(?:^|[-_])(?:{prefixes})") if prefixes else re.compile("$^"),
                     re.compile(rf"(?:{words})(?:$|[-_])") if words else re.compile("$^"))
    return out


@functools.lru_cache(maxsize=8192)
def _name_kind(name: str) -> str | None:
    """What one class or id name calls its element (within a name, the more particular kind
    wins: "post-comments" is comments, "post-share" boilerplate)."""
    if _COMMENT_ITEM.fullmatch(name):
        return "comment"
    matchers = _matchers()
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


@dataclass(frozen=True, slots=True)
class RunFacts:
    """What the classifier needs of one run of text: the elements from the root down to the
    element that owns the run (its block), its length, how much of it is link text, its
    commas and words, whether its owner is a heading, the words of its link text, and whether
    its markup names what it is (a byline, a credit: then its links are part of it)."""

    stack: tuple[etree._Element, ...]
    chars: int
    link_chars: int
    commas: int
    words: int
    heading: bool
    link_words: int = 0
    named: bool = False
    chrome: bool = False  # in a landmark or a control: never the article
    ends_sentence: bool = False  # ends with a full stop or an exclamation mark


@dataclass(frozen=True, slots=True)
class Zoning:
    """The classifier's answer: the elements whose content is the article, the zone of every
    run (in the order given; ``None`` where the reader's own landmarks decide) and the element
    that decided it (an article root, a comment box...), to weigh against a landmark."""

    roots: frozenset[etree._Element]
    zones: tuple[Zone | None, ...]
    deciders: tuple[etree._Element | None, ...]


def _element_names(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip().lower()


def _weight(el: etree._Element) -> float:
    """Readability's initial score: the tag's, then ±25 for article-like or boilerplate-like
    class and id names."""
    tag = el.tag if isinstance(el.tag, str) else ""
    score = _TAG_SCORES.get(tag, 0.0)
    for value in (el.get("class"), el.get("id")):
        if not value:
            continue
        kind = marker_of(value.lower())
        if kind == "article":
            score += _CLASS_WEIGHT
        elif kind is not None:
            score -= _CLASS_WEIGHT
    if _semantic_article(el):
        score += _CLASS_WEIGHT
    elif tag in _LANDMARKS or (el.get("role") or "").lower() in _LANDMARK_ROLES:
        score -= _CLASS_WEIGHT
    return score


def _semantic_article(el: etree._Element) -> bool:
    """Markup that says "this is the article": ``article``, ``main``, ``[role=main]``,
    ``[itemprop=articleBody]`` or a schema.org Article item."""
    tag = el.tag
    if tag in ("article", "main"):
        return True
    if (el.get("role") or "").lower() == "main" or el.get("itemprop") == "articleBody":
        return True
    itemtype = el.get("itemtype")
    return bool(itemtype) and itemtype.rstrip("/").rsplit("/", 1)[-1] in _ARTICLE_ITEMTYPES


def classify(runs: Sequence[RunFacts], semantic: Iterable[etree._Element] = (),
             *, weight: Callable[[etree._Element], float] = _weight) -> Zoning:
    """Find the article among ``runs`` and give each run its zone (see the module rules).
    ``semantic`` are the page's article-markup elements, the answer when nothing scores."""
    scores: dict[etree._Element, float] = {}
    for run in runs:
        if run.heading or run.chars < _MIN_CHARS or run.chrome:
            continue
        content = 1.0 + run.commas + min(run.chars // 100, 3)
        ancestors = run.stack[:-1]
        for level in range(min(_LEVELS, len(ancestors))):
            el = ancestors[-1 - level]
            if el not in scores:
                scores[el] = weight(el)
            scores[el] += content / (1 if level == 0 else 2 if level == 1 else level * 3)
    prose: dict[etree._Element, list[int]] = {el: [0, 0] for el in scores}
    if prose:
        for run in runs:
            for el in run.stack:
                totals = prose.get(el)
                if totals is not None:
                    totals[0] += run.chars
                    totals[1] += run.link_chars
    final = {el: score * (1 - (t[1] / t[0] if t[0] else 0.0))
             for el, (score, t) in ((el, (s, prose[el])) for el, s in scores.items())}
    roots: set[etree._Element] = set()
    if final:
        best = max(final, key=final.__getitem__)
        top = _top(final)
        if top not in final:  # an unscored ancestor: it counts as the best
            final[top] = final[best]
            prose[top] = [sum(r.chars for r in runs if top in r.stack),
                          sum(r.link_chars for r in runs if top in r.stack)]
        if final[top] >= _MIN_ARTICLE_SCORE:
            roots = _grow(top, final, prose)
    if not roots:
        roots = {el for el in semantic if not any(a in semantic for a in el.iterancestors())}
    if not roots:
        roots = _most_paragraph_text(runs)
    around = {a for root in roots for a in root.iterancestors()}
    cut = _link_boxes(runs, roots)
    kinds: dict[etree._Element, str | None] = {}
    lists = _headline_lists(runs)
    decided = [_zone(run, roots, around, cut, kinds, _list_of(run) in lists) for run in runs]
    zones = [zone for zone, _ in decided]
    _headings_of_boxes(runs, zones)
    return Zoning(frozenset(roots), tuple(zones), tuple(el for _, el in decided))


def _list_of(run: RunFacts) -> etree._Element | None:
    """The element a run's item sits in: the parent of its owner (an ``li`` in a ``ul``, an
    ``h3`` in a card), or of the item holding it."""
    stack = run.stack
    return stack[-3] if len(stack) > 2 and stack[-2].tag in ("li", "h2", "h3", "h4") \
        else stack[-2] if len(stack) > 1 else None


def _headline_lists(runs: Sequence[RunFacts]) -> set[etree._Element]:
    """Lists of headlines: elements holding two headline-length links or more, or three links
    or more of four words on average (a "recent posts" list); a menu's items are shorter."""
    lists: dict[etree._Element, list[int]] = {}
    for run in runs:
        if run.chars and run.link_chars >= _LINK_RUN * run.chars and not run.named:
            parent = _list_of(run)
            if parent is not None:
                lists.setdefault(parent, []).append(run.link_words)
    return {el for el, words in lists.items()
            if sum(1 for n in words if n >= _HEADLINE_WORDS) >= 2
            or (len(words) >= 3 and sum(words) >= _LIST_WORDS * len(words))}


def _link_boxes(runs: Sequence[RunFacts], roots: set[etree._Element]) -> set[etree._Element]:
    """Containers inside the article made mostly of links, as Readability cleans them out:
    with few commas, over half their text in links, or over a quarter in a short box (a
    "related articles" list with its heading, a tag list, a link bar)."""
    totals: dict[etree._Element, list[int]] = {}
    for run in runs:
        stack = run.stack
        for k, el in enumerate(stack):
            if el in roots:
                for below in stack[k + 1:-1] if run.chars else stack[k + 1:]:
                    if below.tag in _BOX_TAGS:
                        t = totals.setdefault(below, [0, 0, 0])
                        t[0] += run.chars
                        t[1] += run.link_chars
                        t[2] += run.commas
                break
    return {el for el, (chars, links, commas) in totals.items()
            if chars and commas < _BOX_COMMAS and (
                links > _BOX_LINKS * chars or (links > _SHORT_BOX_LINKS * chars
                                                and chars < _SHORT_BOX))}


def _headings_of_boxes(runs: Sequence[RunFacts], zones: list[Zone | None]) -> None:
    """A short article line right before links that left the article ("Read more:", "You
    might also like") belongs with them."""
    for k, run in enumerate(runs):
        if zones[k] is not Zone.ARTICLE or run.words > _BOX_HEADING_WORDS or run.chars == 0 \
                or run.chars > _BOX_HEADING_CHARS or run.ends_sentence:
            continue
        following = [zones[j] for j in range(k + 1, min(k + 3, len(runs))) if runs[j].chars]
        if len(following) >= 2 and all(z in (Zone.TEASER, Zone.PAGE) for z in following):
            zones[k] = Zone.PAGE


def _most_paragraph_text(runs: Sequence[RunFacts]) -> set[etree._Element]:
    """The element holding the most ``<p>`` text, for pages whose paragraphs are all too short
    to score and whose markup names no article."""
    totals: dict[etree._Element, int] = {}
    for run in runs:
        if run.chrome or len(run.stack) < 2 or run.stack[-1].tag != "p":
            continue
        parent = run.stack[-2]
        totals[parent] = totals.get(parent, 0) + run.chars
    return {max(totals, key=lambda el: totals[el])} if totals else set()


def _top(final: dict[etree._Element, float]) -> etree._Element:
    """The best container; or, as Readability does, the nearest ancestor of it that also
    holds at least three of the five best when they score close to it (a story cut into
    blocks of one paragraph each)."""
    ranked = sorted(final, key=final.__getitem__, reverse=True)[:_TOP_CANDIDATES]
    top = ranked[0]
    close = [el for el in ranked[1:] if final[el] >= _CLOSE_SCORE * final[top]]
    if len(close) >= _SHARED_CANDIDATES:
        for ancestor in top.iterancestors():
            if ancestor.tag == "body":
                break
            inside = sum(1 for el in close if any(a is ancestor for a in el.iterancestors()))
            if inside >= _SHARED_CANDIDATES:
                return ancestor
    return top


def _grow(top: etree._Element, final: dict[etree._Element, float],
          prose: dict[etree._Element, list[int]]) -> set[etree._Element]:
    """The article's elements from the best container: an enclosing article element holding
    mostly its prose, else the container and its siblings that score as article too."""
    own = prose[top][0] - prose[top][1]
    node = top
    for _ in range(_EXPAND_LEVELS):
        if _semantic_article(node):
            totals = prose.get(node)
            if totals is None or own >= _EXPAND_SHARE * (totals[0] - totals[1]):
                return {node}
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            break
        node = parent
    roots = {top}
    parent = top.getparent()
    if parent is not None:
        threshold = max(_SIBLING_MIN, _SIBLING_SHARE * final[top])
        for sibling in parent:
            if sibling is top or not isinstance(sibling.tag, str):
                continue
            score = final.get(sibling)
            if score is not None and score >= threshold and \
                    marker_of(_element_names(sibling)) in (None, "article"):
                roots.add(sibling)
    return roots


def _kind(el: etree._Element) -> str | None:
    """What an element is called: its names (see :func:`marker_of`), or schema.org's Comment;
    an article element is never a teaser or furniture by name."""
    if el.get("itemprop") == "comment" or (el.get("itemtype") or "").endswith("/Comment"):
        return "comment"
    names = _element_names(el)
    kind = marker_of(names) if names else None
    if kind in ("teaser", "boilerplate", "interface") and _semantic_article(el):
        return None
    return kind


def _zone(run: RunFacts, roots: set[etree._Element], around: set[etree._Element],
          cut: set[etree._Element], kinds: dict[etree._Element, str | None], listed: bool
          ) -> tuple[Zone | None, etree._Element | None]:
    """The zone of one run and the element that decides it: the innermost article root or named
    container above it; link-made runs are teasers (headline length) or furniture. (None,
    None): no opinion (the reader's landmarks and defaults decide)."""
    linky = run.chars > 0 and run.link_chars >= _LINK_RUN * run.chars and not run.named
    # A headline-length link is a teaser when it is a heading or one of a list of them; alone
    # it is a long interface link ("Go to the top of the page").
    headline = linky and ((run.heading and run.link_words >= _HEADLINE_WORDS) or (
        listed and run.link_words >= _LIST_ITEM_WORDS))
    furniture = Zone.TEASER if headline else Zone.PAGE
    # In a teaser box, headlines and summaries are teasers; its heading ("Related") is not.
    label = not linky and run.words <= _BOX_HEADING_WORDS and not run.ends_sentence
    teaser = furniture if linky or label else Zone.TEASER
    for el in reversed(run.stack):
        if el in around or el.tag in _NEVER_MARKERS:
            continue  # what holds the article is no comment box or teaser
        if el in cut:
            return furniture, el
        if el in roots:
            return (furniture if linky else Zone.ARTICLE), el
        kind = kinds.get(el, False)
        if kind is False:
            kind = kinds[el] = _kind(el)
        if kind == "comment":
            return Zone.COMMENT, el
        if kind == "interface":
            return Zone.CHROME, el  # a share bar's long links are still its buttons
        if kind in ("teaser", "boilerplate", "comments"):
            return (teaser if kind == "teaser" else furniture), el
    return (Zone.TEASER if headline else None), None
