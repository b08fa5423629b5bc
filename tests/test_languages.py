"""Language and edition switcher labels: the language a label names, or None."""

from __future__ import annotations

import pytest

from l10n import languages
from l10n.languages import language_named

SWITCHERS = [
    # Own names (CLDR autonyms), in any case, with bidi marks.
    ("Русский", "ru"), ("українська", "uk"), ("Беларуская", "be"), ("Български", "bg"),
    ("Ελληνικά", "el"), ("עברית", "he"), ("العربية", "ar"), ("فارسی", "fa"), ("اردو", "ur"),
    ("हिन्दी", "hi"), ("नेपाली", "ne"), ("অসমীয়া", "as"), ("ଓଡ଼ିଆ", "or"), ("සිංහල", "si"),
    ("Հայերեն", "hy"), ("日本語", "ja"), ("한국어", "ko"), ("中文", "zh"), ("ไทย", "th"),
    ("Tiếng Việt", "vi"), ("Bahasa Indonesia", "id"), ("Türkçe", "tr"), ("Polski", "pl"),
    ("Čeština", "cs"), ("Magyar", "hu"), ("Română", "ro"), ("Suomi", "fi"), ("Dansk", "da"),
    ("Norsk bokmål", "nb"), ("Italiano", "it"), ("Français", "fr"), ("DEUTSCH", "de"),
    ("english", "en"), ("Español", "es"), ("Português", "pt"), ("Nederlands", "nl"),
    ("Euskara", "eu"), ("Cymraeg", "cy"),
    # Variants as CLDR names them, with a region or script in parentheses or after.
    ("Español (de Chile)", "es"), ("中文 (简体)", "zh"), ("中文（繁體）", "zh"), ("繁體中文", "zh"),
    ("Беларуская (тарашкевіца)\u200e", "be"), ("Português do Brasil", "pt"),
    ("English (UK)", "en"), ("British English", "en"), ("Deutsch (Schweiz)", "de"),
    ("Español Latinoamérica", "es"),
    # An edition for a part of the world, in its language's words.
    ("Português para África", "pt"), ("English Africa", "en"), ("Français Afrique", "fr"),
    # Several names joined; a longer spelling of a name beside another.
    ("Oʻzbekcha/ўзбекча", "uz"), ("Српски / srpski", "sr"), ("English | Deutsch", "en"),
    # A name in a major language beside the autonym, either way round.
    ("Arabic العربية", "ar"), ("Deutsch (German)", "de"), ("Persian فارسی", "fa"),
    # Arabic switchers' adjective, with or without the Egyptian final yeh.
    ("عربي", "ar"), ("عربى", "ar"),
    # Countries in their own languages: country-edition switchers.
    ("УКРАЇНА", "uk"), ("Deutschland", "de"), ("España", "es"), ("Österreich", "de"),
    ("Suisse", "fr"), ("Polska", "pl"), ("Brasil", "pt"), ("대한민국", "ko"),
    ("Canada (français)", "fr"),
    # Edition links: a name among edition words, inflected where the language inflects it.
    ("Read in English", "en"), ("Leer en español", "es"), ("Auf Deutsch lesen", "de"),
    ("En français", "fr"), ("In English", "en"), ("English version", "en"),
    ("Versión en inglés", "en"), ("Lire en anglais", "en"), ("Leggi in italiano", "it"),
    ("Versão em português", "pt"), ("Englische Version", "en"), ("на русском", "ru"),
    ("Читать на русском", "ru"), ("Czytaj po polsku", "pl"), ("İNGİLİZCE OKU", "en"),
    ("Switch to English website", "en"), ("中文版", "zh"), ("日本語版", "ja"),
    ("Noticias en español", "es"), ("News in English", "en"), ("Новости на русском", "ru"),
    # MediaWiki's interlanguage link titles: a title, a dash, a language's name.
    ("Нова Зеландія – Ukrainian", "uk"), ("뉴질랜드 – Korean", "ko"),
    ("Nový Zéland – Slovak", "sk"), ("Aotearoa – Northern Sami", "se"),
    ("Выль Зеландия – Komi", "kv"), ("Hermitesche Matrix – German", "de"),
    # Compact switchers: a major language's code in capitals.
    ("EN", "en"), ("DE", "de"),
]

NOT_SWITCHERS = [
    "English Premier League", "German engineering", "French fries", "Deutsche Bahn",
    "Spanish omelette recipe", "Deutsche Welle", "The English Patient", "Lost in English",
    "Turkish Airlines", "Chinese New Year", "Greek yogurt", "Norsk Hydro", "Svenska Dagbladet",
    "France Télévisions", "Italia Nostra", "Englischer Garten", "Dutch oven", "Japanese maple",
    "Read more", "Subscribe", "Politik", "Meta", "our site policies", "Hinton W", "The Kites",
    "Zur Person", "Chinedum O.", "Vispas - Angelschein für Holland", "English for Beginners",
    "Cubadebate en ruso",  # a site's name before an edition link: one word no rule knows
    "en", "No", "US", "IT support",  # codes only in capitals, only major languages'
    "", "   ", "x" * 300,
]


@pytest.mark.parametrize(("text", "code"), SWITCHERS)
def test_switcher_labels_name_their_language(text: str, code: str) -> None:
    assert language_named(text) == code


@pytest.mark.parametrize("text", NOT_SWITCHERS)
def test_other_texts_name_no_language(text: str) -> None:
    assert language_named(text) is None


def test_the_tables_cover_many_languages() -> None:
    assert len({code for _, code in SWITCHERS}) >= 40
    tables = languages._tables()
    assert len(tables.autonyms) > 350 and len(tables.names) > 2500
    assert len(tables.countries) > 250


def test_the_tables_are_kept_in_the_cache_directory(tmp_path, monkeypatch) -> None:
    """Built once from Babel, then read back as they were; a damaged file is built again."""
    monkeypatch.setenv("L10N_CACHE_DIR", str(tmp_path))
    languages._tables.cache_clear()
    try:
        built = languages._tables()
        cached = list(tmp_path.glob("languages-*.names"))
        assert len(cached) == 1
        languages._tables.cache_clear()
        assert languages._tables() == built
        cached[0].write_bytes(b"damaged")
        assert languages._from_bytes(b"damaged") is None
        languages._tables.cache_clear()
        assert languages._tables() == built
        assert languages._from_bytes(cached[0].read_bytes()) == built  # written again
    finally:
        languages._tables.cache_clear()


@pytest.mark.parametrize("data", [
    b"", b"\x00\x01", __import__("marshal").dumps(("l10n-languages-0", {}, {}, {}, [], {}, {},
                                                   {}, [])),
    __import__("marshal").dumps((languages._FORMAT, {1: "x"}, {}, {}, [], {}, {}, {}, [])),
    __import__("marshal").dumps((languages._FORMAT, {}, {}, {}, [], {}, {"en": 3}, {}, [])),
])
def test_a_damaged_or_foreign_cache_file_is_not_read(data: bytes) -> None:
    assert languages._from_bytes(data) is None
