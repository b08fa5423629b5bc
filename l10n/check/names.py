"""Tokens that carry no language: names, brands, acronyms, numbers, URLs, host names, e-mail
addresses, handles, file names, LaTeX, and the terms a site allows (``--allow``, ``[tool.l10n]
allow``).

"Sputnik", "RIA", "@SputnikInt", "mastodon.social" or "https://…" say nothing about the
language of the text around them, so the detectors never see them. A capitalised word counts as
a name only when no candidate language lists it as a common word ("International" is a word;
"Subbotin" a name). A whole text can be an identifier (:func:`identifier_kind`): a host name,
a file name used as ``alt`` text, a cookie name, LaTeX, a shell command, a handle or hashtag,
or something shaped like a message key (``nav.subscribe``, ``fluff_is_life``: a leaked key
or a username; where it sits tells which).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from l10n.prose import blank_found

__all__ = [
    "COOKIE_NAME",
    "FILE_NAME",
    "HANDLE",
    "HASHTAG",
    "HOST",
    "MATH",
    "MESSAGE_KEY",
    "QUERY_STRING",
    "SHELL_COMMAND",
    "WEB_ADDRESS",
    "identifier_kind",
    "is_platform_name",
    "is_tld",
    "name_tokens",
    "remove_allowed",
    "remove_unlinguistic",
    "word_tokens",
]

MATH, SHELL_COMMAND, HASHTAG, HANDLE = "math", "shell command", "hashtag", "handle"
FILE_NAME, HOST, COOKIE_NAME, MESSAGE_KEY = "file name", "host", "cookie name", "message key"
QUERY_STRING, WEB_ADDRESS = "query string", "web address"
# Two or more key=value pairs joined by & or ; (an OpenURL's COinS, a form's encoded data).
_QUERY = re.compile(r"[\w.%+\-\[\]]+=[^\s&;=]*(?:(?:&amp;|[&;])[\w.%+\-\[\]]+=[^\s&;=]*)+")

_WEB_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Host names: labels joined by dots, the last one letters (a top-level domain if is_tld says so)
# and followed by a path or nothing; dots may repeat ("redaktion..at..example.fr", an address
# written so that robots do not read it) and lead (".example.com", a cookie's domain).
#
# This and _FILE and _EMAIL below are used with ``sub`` and a callback that keeps what group 1
# did not match: a second, possessive alternative takes the rest of a run (a chain of labels,
# of file name parts, of address characters) in which a match failed, since every later start
# in it would fail alike; searched from each of its characters instead, a long run took
# quadratic time (a page of 64,000 characters: half a minute).
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_DOMAIN = re.compile(
    rf"(?<![\w@-])(?<!\w\.)(?:(?:{_LABEL}\.+)+([^\W\d_]{{2,63}}|xn--[a-z0-9-]+)"
    rf"(?![\w-]|\.[^\W_])(?:/[^\s]*)?|(?:{_LABEL}\.+)++)", re.IGNORECASE)
# What every match of either holds: text without it has none (a quarter of their cost to test).
_URL_HINT = re.compile(r"\.[^\W\d_]{2}|://|www\.", re.IGNORECASE)
# Pictures, sound, video and documents: what a page names a file of in an ``alt`` or a title.
_MEDIA_EXTENSIONS = (
    "jpe?g|png|gif|svg|webp|avif|bmp|tiff?|heic|mp3|mp4|m4a|mov|avi|webm|ogg|ogv|wav|flac|"
    "pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|epub")
_FILE_EXTENSIONS = (
    f"{_MEDIA_EXTENSIONS}|ico|zip|rar|7z|gz|tgz|tar|csv|json|xml|txt|md|rst|html?|"
    "php|aspx?|jsp|js|css|py|exe|dmg|apk")
_FILE = re.compile(rf"(?<![\w.-])(?:([\w@()+-]+(?:\.[\w@()+-]+)*\.(?:{_FILE_EXTENSIONS})"
                   rf"(?![\w-]))|[\w@()+-]++(?:\.[\w@()+-]++)*+)", re.IGNORECASE)
_MEDIA_FILE = re.compile(rf"\.(?:{_MEDIA_EXTENSIONS})$", re.IGNORECASE)
_FILE_HINT = re.compile(rf"\.(?:{_FILE_EXTENSIONS})(?![\w-])", re.IGNORECASE)
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
_INLINE_MATH = re.compile(r"\$[^$\n]{1,300}\$")
_EMAIL = re.compile(r"\b(?:([\w.+-]+@[\w-]+\.[\w.-]+\b)|[\w.+-]++)")
_HANDLE = re.compile(r"(?<!\w)[@#][\w.]*\w")
_IDENTIFIER = re.compile(r"\b\w*_\w*\b")  # snake_case names of code, settings, fields
_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ACRONYM_MAX = 5
# A token of more parts than this joined by hyphens and underscores alike is a file's slug
# ("galerie-0007_jan-van-der-wel_lioness"): prose never mixes the two, keys seldom so long.
_SLUG_SEGMENTS = 4
_FILE_NAME_WORDS = 4  # words of a spaced name of a file of code or data ("my notes 2020.txt")
# Networks and services that share and follow buttons name in Latin letters on every edition,
# whatever the page's script (judged only there: Latin text on a page in another script). The
# few that are common nouns too ("Line", "Telegram", "Messenger") are kept for the buttons of
# the editions that use them most; "Pocket" and "Threads" are left out.
_PLATFORMS = frozenset({
    "bluesky", "blogger", "digg", "evernote", "facebook", "flickr", "flipboard", "github",
    "google", "google+", "instagram", "kakaostory", "kakaotalk", "line", "linkedin", "mastodon",
    "messenger", "myspace", "naver", "odnoklassniki", "pinterest", "qzone", "reddit", "skype",
    "snapchat", "soundcloud", "spotify", "stumbleupon", "telegram", "tiktok", "tumblr",
    "twitch", "twitter", "viber", "vimeo", "vk", "vkontakte", "wechat", "weibo", "whatsapp",
    "xing", "yahoo", "yahoo!", "youtube",
})


def remove_unlinguistic(text: str) -> str:
    """``text`` without URLs, e-mail addresses, host names (any top-level domain), file names,
    LaTeX commands and ``$...$`` formulas, @handles/#hashtags and snake_case names."""
    url = ("." in text or "/" in text) and _URL_HINT.search(text) is not None
    if url:
        text = _WEB_URL.sub(" ", text)  # whole links first: they may hold an address
    if "@" in text:
        text = _EMAIL.sub(blank_found, text)  # then addresses, whose domain is no link
    if url:
        if _FILE_HINT.search(text):
            text = _FILE.sub(blank_found, text)
        text = _DOMAIN.sub(_blank_host, text)
    if "\\" in text or "$" in text:
        text = _LATEX_COMMAND.sub(" ", _INLINE_MATH.sub(_blank_math, text))
    if "@" in text or "#" in text:
        text = _HANDLE.sub(" ", text)
    if "_" in text:
        text = _IDENTIFIER.sub(" ", text)
    return text


def _blank_host(match: re.Match[str]) -> str:
    top = match.group(1)  # None: a chain of labels no host name ends
    return " " if top is not None and is_tld(top) else match.group()


def _blank_math(match: re.Match[str]) -> str:
    """A ``$...$`` span that holds TeX (a command, a brace, a sub- or superscript): blanked;
    prices ("$5 and $10") are no formula."""
    return " " if any(ch in match.group() for ch in "\\{}^_") else match.group()


@functools.cache
def _tlds() -> frozenset[str] | None:
    """The top-level domains of the Public Suffix List's ICANN section (the copy the ``tld``
    package ships, read without importing it: a tenth of a second saved); None without it."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("tld")
        folders = list(spec.submodule_search_locations or ()) if spec else []
        data = (Path(folders[0]) / "res" / "effective_tld_names.dat.txt").read_text("utf-8")
    except (ImportError, IndexError, OSError, UnicodeDecodeError, ValueError):
        return None
    icann = data.split("===END ICANN DOMAINS===", 1)[0]
    return frozenset(line.strip().lower() for line in icann.splitlines()
                     if line.strip() and not line.startswith("//") and "." not in line
                     and not line.startswith(("!", "*")))


# The original generic top-level domains: a name under one is a host whatever it looks like.
_GENERIC = frozenset({"com", "org", "net", "edu", "gov", "int", "mil", "info", "biz", "name",
                      "pro", "mobi", "aero", "coop", "museum", "jobs", "travel", "cat", "asia",
                      "tel", "arpa", "io"})


def is_platform_name(text: str) -> bool:
    """Whether ``text`` is a network's or service's name alone ("Facebook", "Yahoo!"), which
    sites keep in Latin letters on every edition."""
    return text.strip().lower() in _PLATFORMS


def is_tld(label: str) -> bool:
    """True when ``label`` is a top-level domain (``de``, ``com``, ``social``, ``рф``)."""
    label = label.lower()
    if label in _GENERIC:
        return True
    tlds = _tlds()
    if tlds is None:  # no list: every two letters may be a country's
        return len(label) == 2 and label.isascii() and label.isalpha()
    return label in tlds


def remove_allowed(text: str, allowed: Iterable[str]) -> str:
    """``text`` with every allowed term (whole words, case-sensitive) blanked out, one term
    after another in the order given."""
    for term in allowed:
        if term and term in text:  # most texts hold none of the terms: no regex for them
            text = _term_pattern(term).sub(" ", text)
    return text


@functools.lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    """An allowed term as a whole-word pattern (a site lists a few dozen)."""
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def name_tokens(text: str) -> list[str]:
    """The tokens of ``text`` once URLs, addresses, handles and identifiers are gone."""
    return _TOKEN.findall(remove_unlinguistic(text))


def word_tokens(text: str, is_word: Callable[[str], bool]) -> list[str]:
    """The tokens of ``text`` that are language evidence.

    Dropped: tokens with digits, single letters, acronyms (all capitals, up to five letters),
    words with an inner capital ("iPhone"), and capitalised words that ``is_word``
    (lower-cased) rejects.
    """
    kept = []
    for token in _TOKEN.findall(remove_unlinguistic(text)):
        if token.islower() and token.isalpha():  # the common case, decided without a call
            if len(token) > 1:
                kept.append(token)
        elif "-" not in token:
            if not _is_name(token, is_word):
                kept.append(token)
        # A hyphenated token is a word when any part is ("URL-Generator", "e-mail").
        elif any(not _is_name(part, is_word) for part in token.split("-") if part):
            kept.append(token)
    return kept


def _is_name(token: str, is_word: Callable[[str], bool]) -> bool:
    shape = _SHAPES.get(token)
    if shape is None:
        if len(_SHAPES) >= _SHAPES_LIMIT:
            _SHAPES.clear()  # bounded: memory stays flat over an endless crawl
        shape = _SHAPES[token] = _shape(token)
    if shape is _CAPITALISED:
        return not is_word(token.lower())
    return shape is _NAME


_NAME, _WORD, _CAPITALISED = "name", "word", "capitalised"
_SHAPES: dict[str, str] = {}  # the named cache of _shape: tokens recur across a site's texts
_SHAPES_LIMIT = 100_000


def _shape(token: str) -> str:
    """What a token's letters alone say: a name, a word, or a capitalised word that is a name
    unless some candidate language lists it."""
    if token.islower() and token.isalpha():
        return _NAME if len(token) < 2 else _WORD  # the common case: a plain lower-case word
    if any(ch.isdigit() for ch in token):
        return _NAME
    letters = [ch for ch in token if ch.isalpha()]
    if len(letters) < 2:
        return _NAME  # "e", "a", "y": conjunctions of half the languages, no evidence alone
    if all(ch.isupper() for ch in letters) and len(letters) <= _ACRONYM_MAX:
        return _NAME
    if any(ch.isupper() for ch in token[1:]) and not token.isupper():
        return _NAME
    return _CAPITALISED if token[0].isupper() else _WORD


# -- whole texts that are identifiers -----------------------------------------------------

_DOTTED_KEY = re.compile(r"[a-z][a-z0-9]*(?:\.[a-z][a-z0-9_]*)+")
_SNAKE_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_SHELL = re.compile(r"[$%]\s+[a-z][\w.+-]*(?:\s|$)")
_HASHTAGS = re.compile(r"#[^\W\d_]\w*(?:\s+#[^\W\d_]\w*)*")
_HANDLES = re.compile(r"@\w[\w.]*\w(?:\s+@\w[\w.]*\w)*|@\w")
_HOST_NAME = re.compile(
    r"\.?(?:www\.)?(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+([^\W\d_]{2,63}|xn--[a-z0-9-]+)\.?",
    re.IGNORECASE)
_FILE_NAME = re.compile(rf"[\w@()+ -]*[\w)]\.(?:{_FILE_EXTENSIONS})", re.IGNORECASE)
# Words in an image's file name: what it shows, its size, the camera that took it.
_CAMERA = re.compile(r"(?:img|dsc[nf]?|pxl|vid|mvi|gopr|dji|pano|sam|wp)[_-]?\d{3,}",
                     re.IGNORECASE)
_DIMENSIONS = re.compile(r"\d{2,4}x\d{2,4}", re.IGNORECASE)
_IMAGE_WORDS = frozenset({
    "img", "image", "images", "photo", "photos", "foto", "fotos", "pic", "pics", "picture",
    "logo", "icon", "banner", "cover", "thumb", "thumbnail", "figure", "fig", "graphic",
    "grafik", "bild", "bilder", "screenshot", "avatar", "large", "medium", "small", "scaled",
})
_SEGMENTS = re.compile(r"[._-]+")
_SPACE = re.compile(r"\s")
_BRACED = re.compile(r"\{[^{}]*\}")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_LETTERS_AND_DIGITS = re.compile(r"[^\W\d_]+\d{3,}|\d{3,}[^\W\d_]+")
# Cookie names as cookie banners list them: those that start with an underscore, those of
# consent managers (prefixes), and those the most common embeds set (video, social, ads).
_COOKIE_PREFIXES = ("_", "cookielawinfo", "cmplz", "borlabs", "optanon", "cookiebot",
                    "euconsent", "wp-settings", "wordpress_", "visitor_info", "yt-", "li_",
                    "ajs_", "intercom-", "hubspot")
_COOKIES = frozenset({
    "ide", "nid", "dsid", "aec", "1p_jar", "sid", "hsid", "ssid", "apisid", "sapisid",
    "consent", "ysc", "vuid", "lidc", "bcookie", "bscookie", "ln_or", "usermatchhistory",
    "analyticssynchistory", "muc_ads", "personalization_id", "guest_id", "test_cookie",
    "phpsessid", "jsessionid", "aspsessionid", "cfduid", "fr", "datr", "sb", "xs",
})
# First segments of message keys: the part of an interface they name ("button.save", while
# "mastodon.social" and "jungle.world" are hosts).
_KEY_NAMESPACES = frozenset({
    "nav", "navigation", "menu", "btn", "button", "buttons", "label", "labels", "title",
    "form", "forms", "page", "pages", "header", "footer", "common", "general", "global", "app",
    "site", "error", "errors", "msg", "message", "messages", "ui", "action", "actions",
    "dialog", "modal", "field", "fields", "tooltip", "link", "links", "text", "texts", "user",
    "account", "settings", "search", "share", "comment", "comments", "article", "cart",
    "checkout", "product", "login", "auth", "cookie", "cookies", "consent", "newsletter",
    "notification", "notifications", "alert", "alerts", "status", "validation", "sidebar",
    "widget", "widgets", "section", "content", "home", "main", "default", "core", "shared",
    "layout", "profile", "meta", "seo", "player", "video", "gallery", "date", "time", "lang",
})


@functools.lru_cache(maxsize=4096)  # the judge asks twice: for artifacts, then language
def identifier_kind(text: str) -> str | None:
    """What a whole text is when it names a thing in code rather than says something:
    :data:`MATH` (LaTeX, ``$...$``), :data:`SHELL_COMMAND` (``$ hg pull``), :data:`HASHTAG`,
    :data:`HANDLE` (``@name``), :data:`QUERY_STRING` (``ctx_ver=Z39.88&rft.au=...``),
    :data:`WEB_ADDRESS` (``https://example.com/a/b``, ``www.example.com/a``),
    :data:`FILE_NAME` (``IMG_2301.JPG``, ``photo-1.webp``,
    ``sa.large``, ``dm_logo_300x115``), :data:`HOST` (``mastodon.social``,
    ``news.example.co.uk``), :data:`COOKIE_NAME` (``_ga``, ``muc_ads``,
    ``cookielawinfo-checkbox-necessary``) or, shaped like a message key and none of these,
    :data:`MESSAGE_KEY` (``nav.subscribe``, ``SUBSCRIBE_BUTTON``; a username such as
    ``fluff_is_life`` has the same shape). None for anything else."""
    stripped = text.strip()
    if not stripped:
        return None
    first = stripped[0]
    if first in "$%" and _SHELL.match(stripped):
        return SHELL_COMMAND
    if ("\\" in stripped or first == "$") and _is_math(stripped):
        return MATH
    if first == "#" and _HASHTAGS.fullmatch(stripped):
        return HASHTAG
    if first == "@" and _HANDLES.fullmatch(stripped):
        return HANDLE
    if _SPACE.search(stripped):
        # "My photo 1.jpg" is a file's name, however many words a picture's name has; "Der
        # Ordner enthält keine Datei conf.py" a sentence that names a file of code or data.
        return FILE_NAME if len(stripped) < 100 and "." in stripped \
            and _FILE_NAME.fullmatch(stripped) and (
                len(stripped.split()) <= _FILE_NAME_WORDS or _MEDIA_FILE.search(stripped)) \
            else None
    if "=" in stripped and _QUERY.fullmatch(stripped):
        return QUERY_STRING
    if "/" in stripped and _WEB_URL.fullmatch(stripped):  # a bare host is a host
        return WEB_ADDRESS
    return _token_kind(stripped)


def _token_kind(token: str) -> str | None:
    """:func:`identifier_kind` of a text without spaces."""
    lowered = token.lower()
    if "." in token:
        if _FILE_NAME.fullmatch(token):
            return FILE_NAME
        host = _HOST_NAME.fullmatch(token)
        if host and is_tld(host.group(1)) and (
                lowered.startswith("www.") or host.group(1).lower() in _GENERIC
                or len(host.group(1)) == 2 or lowered.split(".", 1)[0] not in _KEY_NAMESPACES):
            return HOST
    if lowered in _COOKIES or lowered.startswith(_COOKIE_PREFIXES):
        return COOKIE_NAME
    key = ("." in token and _DOTTED_KEY.fullmatch(token)) or (
        "_" in token and _SNAKE_KEY.fullmatch(token))
    if key or "-" in token or "_" in token or "." in token:
        segments = [s for s in _SEGMENTS.split(lowered) if s]
        if len(segments) > 1 and (
                ("-" in token and "_" in token and len(segments) > _SLUG_SEGMENTS)
                or _CAMERA.match(lowered) or _DIMENSIONS.search(lowered)
                or any(s in _IMAGE_WORDS for s in segments)
                or any(_LETTERS_AND_DIGITS.fullmatch(s) for s in segments)):
            return FILE_NAME
    return MESSAGE_KEY if key else None


def _is_math(text: str) -> bool:
    """LaTeX: MediaWiki's ``{\\displaystyle ...}``, a whole ``$...$`` formula, or commands
    with braces or scripts and, outside them, no word of three letters."""
    if "\\displaystyle" in text or "\\textstyle" in text:
        return True
    if text[0] == "$" and _INLINE_MATH.fullmatch(text):
        return any(ch in text for ch in "\\{}^_")
    if not _LATEX_COMMAND.search(text) or not any(ch in text for ch in "{}^_"):
        return False
    rest = _BRACED.sub(" ", _LATEX_COMMAND.sub(" ", text))
    return _WORD3.search(rest) is None
