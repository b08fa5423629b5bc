"""Language and edition names: is a text a language switcher's label, and for which language?

A switcher names languages in their own words ("Русский", "Español (de Chile)", "中文 (简体)"),
country editions in theirs ("Deutschland", "УКРАЇНА"), or links to another edition in the
page's words ("Read in English", "Versión en inglés"). Such a text is in another language on
purpose. :func:`language_named` recognises, case-insensitively:

* a language's own name (autonym) from CLDR, its variants ("British English", "繁體中文",
  "беларуская (тарашкевіца)") and its name followed by a region or script, in parentheses
  (anything short) or as CLDR names them in that language ("Português do Brasil");
* a territory's name in one of its official languages ("España", "Україна");
* a language's name in one of the major languages (:data:`MAJOR_LANGUAGES`), alone ("Inglés"),
  beside its autonym ("Arabic العربية"), after a dash as MediaWiki titles its interlanguage
  links ("Нова Зеландія – Ukrainian"), or in a short edition link (six words at most) whose
  every other word is one of a few edition words of a major language ("Read in English", "Auf
  Deutsch lesen", "Versión en inglés", "English version", "中文版"); inflected there as
  Slavic and German edition links inflect it ("на русском", "Englische Version");
* several of these joined by ``/`` or ``|`` ("Oʻzbekcha/ўзбекча", "English | Deutsch": the
  first), and a two-letter language code in capitals ("EN", "DE"), as compact switchers show.

A language's name among other words is no switcher: "English Premier League", "German
engineering", "Deutsche Bahn", "French fries"; nor is an edition link with a site's name in it
("Cubadebate en ruso"): one unknown word would let "Lost in English" in as well. The major
languages' names for languages official nowhere are read only after a dash (Italian "corso"
names Corsican, Turkish "eve" Ewe: common words), and the dash rule reads any title ending in
a language's name: an address ending "– Italien" (French for Italian) too.

The tables are built from Babel's CLDR data for every locale it has (two seconds or so), then
kept in the cache directory (:mod:`l10n.cache`; about ten milliseconds to load); a lookup is
a few microseconds, and a repeated one a dictionary's.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAJOR_LANGUAGES", "is_switcher", "language_named"]

# Languages whose names for other languages, and whose edition words, a switcher may use.
MAJOR_LANGUAGES = (
    "en", "es", "fr", "de", "pt", "it", "nl", "ru", "uk", "pl", "cs", "sv", "da", "nb", "fi",
    "tr", "el", "he", "ar", "fa", "hi", "id", "vi", "th", "ja", "ko", "zh", "zh_Hant", "ro", "hu",
)  # fmt: skip
# Two-letter codes a compact switcher shows ("EN | DE"); others are acronyms more often.
_MAJOR_CODES = frozenset(code for code in MAJOR_LANGUAGES if len(code) == 2)
# Words an edition link may hold besides the language's name, per major language.
_EDITION_WORDS = {code: frozenset(words.split()) for code, words in {
    "en": "read in this page article site website version edition available also switch to "
          "view the language go our visit news",
    "es": "leer lee en esta este página sitio versión edición artículo disponible también "
          "idioma ver cambiar a al la el noticias",
    "fr": "lire lisez en cette cet page site version édition article disponible aussi "
          "également langue voir passer à la le l' actualités infos",
    "de": "auf lesen lies in diese dieser diesen seite webseite website version ausgabe "
          "artikel verfügbar auch sprache zur zu die der das ansehen wechseln nachrichten",
    "pt": "ler leia em esta este página site versão edição artigo disponível também idioma "
          "ver mudar para a o na no notícias",
    "it": "leggi leggere in questa questo pagina sito versione edizione articolo disponibile "
          "anche lingua vedi la il notizie",
    "nl": "lees lezen in deze dit pagina site versie editie artikel beschikbaar ook taal het "
          "de nieuws",
    "pl": "czytaj przeczytaj po w wersja wersji wydanie strona stronę ten ta artykuł dostępny "
          "także język",
    "ru": "читать на по версия версии издание страница сайт эта этот статья статью доступно "
          "также язык языке в новости",
    "uk": "читати на по версія версії видання сторінка сайт ця цей стаття статтю доступно "
          "також мова мовою в новини",
    "cs": "číst čtěte v ve verze vydání stránka web tento tato článek dostupné také jazyk",
    "sv": "läs på version utgåva sida webbplats denna artikel tillgänglig även språk",
    "da": "læs på version udgave side websted denne artikel tilgængelig også sprog",
    "nb": "les på versjon utgave side nettsted denne artikkel tilgjengelig også språk",
    "fi": "lue versio painos sivu sivusto tämä artikkeli saatavilla myös kieli kielellä",
    "tr": "oku sürüm sürümü versiyon versiyonu baskı sayfa site bu makale mevcut dil dilinde",
    "ro": "citește în versiune versiunea ediție pagina site acest această articol disponibil "
          "limba",
    "hu": "olvasd olvasás verzió kiadás oldal webhely ez cikk elérhető nyelv nyelven",
    "id": "baca dalam versi edisi halaman situs ini artikel tersedia bahasa",
    "vi": "đọc bằng phiên bản trang này bài viết tiếng",
    "el": "διαβάστε στα έκδοση σελίδα ιστότοπος αυτή άρθρο διαθέσιμο γλώσσα",
    "he": "קרא ב גרסה מהדורה עמוד אתר זה מאמר זמין שפה",
    "ar": "اقرأ ب باللغة نسخة إصدار صفحة موقع هذه مقال متاح اللغة",
    "fa": "بخوانید به نسخه صفحه سایت این مقاله زبان",
    "hi": "पढ़ें में संस्करण पृष्ठ साइट यह लेख भाषा",
}.items()}
_ANY_EDITION_WORD = frozenset().union(*_EDITION_WORDS.values())
# Prepositions of edition links ("in", "en", "auf"): never a language's name.
_CJK_EDITION = re.compile(r"(?:版本?|網站|网站|サイト|ページ|페이지|사이트)$")
_PARENTHESES = re.compile(r"\s*\(([^()]{0,40})\)\s*")
_SEPARATOR = re.compile(r"\s*[/|]\s*")
_DASH = re.compile(r"\s[-–—]\s")
_CONNECTORS = frozenset({"de", "do", "da", "del", "della", "di", "du", "des", "von", "van", "of",
                         "em", "en", "for", "para", "pour", "für", "per"})
_CODE = re.compile(r"[A-Z]{2}")
# One apostrophe, ASCII parentheses and bars, and the Arabic final yeh written as alef maksura
# (Egyptian spelling: "عربى") as yeh.
_FOLDS = str.maketrans({"ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "`": "'", "´": "'",
                        "（": "(", "）": ")", "／": "/", "｜": "|", "ى": "ي"})
_EDGES = " \t\n·•|/:;,.»«›‹→←-–—*\"[]"
# Major languages whose edition links inflect a language's name ("auf Englisch", "Englische
# Version", "на русском", "po polsku").
_INFLECTING = ("de", "nl", "ru", "uk", "pl", "cs", "fi", "hu", "el")
_STEM_MIN = 4  # letters a name keeps when a Slavic or German edition link inflects it
_MAX_WORDS = 6
_FORMAT = "l10n-languages-9"


@functools.lru_cache(maxsize=16384)
def language_named(text: str) -> str | None:
    """The code of the language ``text`` names, when it is a language or edition switcher's
    label (see the module); None otherwise."""
    if len(text) > 200:
        return None
    stripped = text.strip()
    if _CODE.fullmatch(stripped):
        code = stripped.lower()
        return code if code in _MAJOR_CODES else None
    return _lookup(_key(text))


@dataclass(frozen=True, slots=True)
class _Tables:
    autonyms: dict[str, str]  # own names and their variants → language
    names: dict[str, str]  # names in the major languages → language official somewhere
    minor: dict[str, str]  # names in the major languages of the other languages
    qualifiers: frozenset[str]  # words before the last in names of several ("western")
    countries: dict[str, str]  # territory names in their official languages → language
    regions: dict[str, frozenset[str]]  # language → its names of its regions and scripts
    stems: dict[str, str]  # a one-word name less two letters → "language major major..."
    locales: frozenset[str]  # languages Babel has a locale for
    written: dict[str, str]  # a name in the major languages → "major major..." it is in


def is_switcher(text: str, page_language: str) -> bool:
    """Whether ``text`` is a language switcher's label on a page in ``page_language``: a
    language's name in its own words (or with a region, an edition link, a list), or in the
    page's words ("Englisch" on a German page). A bare name in a third language ("Hebräisch"
    on a Ukrainian page) is no switcher: a label left in another language."""
    if language_named(text) is None:
        return False
    key = _key(text)
    base = _PARENTHESES.sub(" ", key).strip(_EDGES) or key  # "español (de chile)"
    tables = _tables()
    if base in tables.autonyms or key in tables.autonyms:
        return True
    written = tables.written.get(base)
    return written is None or page_language in written.split()


def _key(text: str) -> str:
    """A text as the tables hold it: NFC, no format characters (bidi marks, soft hyphens),
    case-folded, folded as :data:`_FOLDS` says, single spaces, no edge punctuation."""
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
        text = text.translate(_FOLDS)
    text = text.casefold().replace("i\u0307", "i")  # Turkish İ folds with a dot above
    return " ".join(text.split()).strip(_EDGES)


def _lookup(key: str) -> str | None:
    if not key:
        return None
    tables = _tables()
    found = _name(key, tables) or tables.countries.get(key)
    if found:
        return found
    base = _CJK_EDITION.sub("", key)
    if base != key and base:
        return _name(base.strip(), tables)
    if "(" in key:
        return _without_parentheses(key)
    if "/" in key or "|" in key:
        return _listed(key, tables)
    words = key.split()
    if len(words) > _MAX_WORDS:
        return _dash(key, tables) if _DASH.search(key) else None
    if _DASH.search(key):
        found = _dash(key, tables)
        if found:
            return found
    if len(words) < 2:
        return None
    return _pair(words, tables) or _with_region(words, tables) or _edition(words, tables)


def _name(key: str, tables: _Tables) -> str | None:
    return tables.autonyms.get(key) or tables.names.get(key)


def _without_parentheses(key: str) -> str | None:
    """"español (de chile)", "中文 (简体)": the text before the parentheses decides, unless
    it is a country and they hold a language's name ("canada (français)"); a text all in
    parentheses, what they hold."""
    base = _PARENTHESES.sub(" ", key).strip(_EDGES)
    if base == key:
        return None
    inner = _PARENTHESES.search(key)
    if not base:
        return _lookup(inner.group(1).strip(_EDGES)) if inner else None
    tables = _tables()
    if inner and base in tables.countries and not _name(base, tables):
        return _name(inner.group(1).strip(_EDGES), tables) or tables.countries[base]
    return _lookup(base)


def _listed(key: str, tables: _Tables) -> str | None:
    """Names joined by / or |, each a name or a longer spelling of one ("o'zbekcha", beside
    "ўзбекча", extends "o'zbek"): the language of the first."""
    parts = [part for part in _SEPARATOR.split(key) if part]
    if not 1 < len(parts) <= 12:
        return None
    found = [_name(part, tables) or tables.countries.get(part) or _extended(part, tables)
             for part in parts]
    return found[0] if all(found) else None


def _extended(word: str, tables: _Tables) -> str | None:
    """The language whose name (four letters or more) a single word extends by up to three."""
    if " " in word:
        return None
    for end in range(len(word) - 1, max(3, len(word) - 4), -1):
        found = _name(word[:end], tables)
        if found:
            return found
    return None


def _dash(key: str, tables: _Tables) -> str | None:
    """"нова зеландія – ukrainian": a title, a dash, and a language's name (any language's:
    MediaWiki names some three hundred), perhaps after a qualifier ("goan konkani")."""
    right = _PARENTHESES.sub(" ", _DASH.split(key)[-1]).strip(_EDGES).split()
    if not right or len(right) > 3:
        return None
    for start in range(len(right)):
        name = " ".join(right[start:])
        found = _name(name, tables) or tables.minor.get(name)
        if found:
            # Words before the name only as CLDR's names use them ("western punjabi").
            return found if all(w in tables.qualifiers for w in right[:start]) else None
    return None


def _pair(words: list[str], tables: _Tables) -> str | None:
    """Two names of one language side by side ("arabic العربية"), one of them its own."""
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        first, second = _name(left, tables), _name(right, tables)
        if first and first == second and (left in tables.autonyms or right in tables.autonyms):
            return first
    return None


def _with_region(words: list[str], tables: _Tables) -> str | None:
    """An autonym, then a region or script as that language names it, perhaps after a
    connector ("português do brasil", "español latinoamérica")."""
    for cut in range(1, min(3, len(words) - 1) + 1):
        language = tables.autonyms.get(" ".join(words[:cut]))
        if language is None:
            continue
        rest = words[cut:]
        if len(rest) > 1 and rest[0] in _CONNECTORS:
            rest = rest[1:]
        if " ".join(rest) in tables.regions.get(language, ()):
            return language
    return None


def _edition(words: list[str], tables: _Tables) -> str | None:
    """A language's name (one to three words) among edition words; or a one-word name as a
    major language inflects it ("на русском", "po polsku", "englische"), among edition words
    of that language."""
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            rest = words[:start] + words[start + size:]
            if not all(word in _ANY_EDITION_WORD for word in rest):
                continue
            span = " ".join(words[start:start + size])
            found = _name(span, tables)
            if found:
                return found
            if size == 1:
                language, majors = _stem(span, tables)
                if language and any(word in _EDITION_WORDS.get(major, ())
                                    for major in majors for word in rest):
                    return language
    return None


def _stem(word: str, tables: _Tables) -> tuple[str | None, list[str]]:
    """The language an inflected one-word name names, and the major languages whose name for
    it this is ("русском": ru, [ru])."""
    for cut in range(0, 5):
        stem = word[:len(word) - cut]
        if len(stem) < _STEM_MIN:
            break
        found = tables.stems.get(stem)
        if found:
            language, *majors = found.split()
            return language, majors
    return None, []


# -- building the tables ------------------------------------------------------------------


@functools.cache
def _tables() -> _Tables:
    """The name tables, from the cache directory when built before from this Babel's data."""
    from l10n.cache import cache_file, store

    cached = None
    with contextlib.suppress(OSError, ImportError):
        cached = cache_file("languages", _babel_data(), ".names")
        loaded = _from_bytes(cached.read_bytes())
        if loaded is not None:
            return loaded
    tables = _build()
    if cached is not None:
        store(cached, _to_bytes(tables))
    return tables


def _spellings(key: str) -> list[str]:
    """A name's key, and for an Arabic name with the article ("العربية"), the adjective
    switchers show without it, feminine and masculine ("عربية", "عربي")."""
    if not key.startswith("ال") or len(key) < 5:
        return [key]
    bare = key[2:]
    return [key, bare, bare[:-1]] if bare.endswith("ة") else [key, bare]


def _babel_data() -> Path:
    import babel

    return Path(babel.__file__).parent / "global.dat"


def _to_bytes(tables: _Tables) -> bytes:
    return marshal.dumps((_FORMAT, tables.autonyms, tables.names, tables.minor,
                          sorted(tables.qualifiers), tables.countries,
                          {k: sorted(v) for k, v in tables.regions.items()}, tables.stems,
                          sorted(tables.locales), tables.written))


def _from_bytes(data: bytes) -> _Tables | None:
    """The tables in a cache file; None when it is damaged or of another format."""
    try:
        (tag, autonyms, names, minor, qualifiers, countries, regions, stems,
         locales, written) = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    maps = (autonyms, names, minor, countries, stems, written)
    if tag != _FORMAT or not all(type(m) is dict and _strings(m) and _strings(m.values())
                                 for m in maps):
        return None
    if type(qualifiers) is not list or not _strings(qualifiers):
        return None
    if type(regions) is not dict or type(locales) is not list or not _strings(locales) or \
            not _strings(regions) or \
            not all(type(v) is list and _strings(v) for v in regions.values()):
        return None
    return _Tables(autonyms, names, minor, frozenset(qualifiers), countries,
                   {k: frozenset(v) for k, v in regions.items()}, stems, frozenset(locales),
                   written)


def _strings(items: Iterable[object]) -> bool:
    return set(map(type, items)) <= {str}


def _build() -> _Tables:
    """The tables from every locale Babel has (two seconds or so)."""
    from babel import Locale, localedata
    from babel.core import parse_locale
    from babel.languages import get_official_languages

    identifiers = sorted(localedata.locale_identifiers())
    base = [x for x in identifiers if parse_locale(x)[1] is None and x != "root"]
    locales = {x: Locale.parse(x) for x in base}
    languages = {parse_locale(x)[0] for x in base}
    variants: dict[str, set[str]] = {}  # language → territory and script codes of its locales
    for identifier in identifiers:
        language, territory, script, variant = parse_locale(identifier)[:4]
        variants.setdefault(language, set()).update(c for c in (territory, script) if c)

    autonyms: dict[str, str] = {}
    regions: dict[str, set[str]] = {}
    for locale in locales.values():
        language = locale.language
        own = [locale.languages.get(language), locale.display_name]
        own += [name for code, name in locale.languages.items()
                if parse_locale(code)[0] == language]
        for name in own:
            if name:
                for key in _spellings(_key(name)):
                    autonyms.setdefault(key, language)
        names = regions.setdefault(language, set())
        for code in variants.get(language, ()):
            name = locale.territories.get(code) or locale.scripts.get(code)
            if name:
                names.add(_key(name))
        # Continents and world regions ("África", "América Latina"): editions by region.
        names.update(_key(name) for code, name in locale.territories.items() if code.isdigit())

    territories = [t for t in sorted(Locale.parse("en").territories) if t.isalpha()]
    official = {t: get_official_languages(t, de_facto=True) for t in territories}
    # Other languages' names only for languages official somewhere: the names of the others
    # are often common words of a major language ("vai", "corso", "eve").
    national = {language for found in official.values() for language in found}
    named: dict[str, str] = {}
    minor: dict[str, str] = {}
    written: dict[str, set[str]] = {}
    for major in MAJOR_LANGUAGES:
        for code, name in Locale.parse(major).languages.items():
            language = parse_locale(code)[0]
            for key in _spellings(_key(name)):
                if len(key) >= 3 or not key.isascii():
                    table = named if language in languages and language in national else minor
                    table.setdefault(key, language)
                    written.setdefault(key, set()).add(parse_locale(major)[0])

    countries: dict[str, str] = {}
    for territory in territories:  # not "001" the world nor "419" Latin America
        for language in official[territory]:
            locale = locales.get(language)
            name = locale.territories.get(territory) if locale else None
            if name:
                countries.setdefault(_key(name), parse_locale(language)[0])

    stems: dict[str, list[str]] = {}  # stem → [language, major...]
    ambiguous: set[str] = set()
    for major in _INFLECTING:
        for code, name in Locale.parse(major).languages.items():
            key, language = _key(name), parse_locale(code)[0]
            if " " in key or len(key) - 2 < _STEM_MIN or named.get(key) != language:
                continue
            entry = stems.setdefault(key[:-2], [language])
            if entry[0] != language:
                ambiguous.add(key[:-2])
            elif major not in entry[1:]:
                entry.append(major)
    for stem in ambiguous:
        del stems[stem]
    minor = {key: language for key, language in minor.items() if key not in named}
    qualifiers = frozenset(word for key in [*named, *minor] for word in key.split()[:-1]
                           if word.isalpha())
    return _Tables(autonyms, named, minor, qualifiers, countries,
                   {k: frozenset(v) for k, v in regions.items()},
                   {stem: " ".join(entry) for stem, entry in stems.items()}, frozenset(languages),
                   {key: " ".join(sorted(majors)) for key, majors in written.items()})
