import pytest

from l10n.errors import UnknownLocaleError
from l10n.locales import bcp47, direction, language_of, locale_from_path, parse_locale, script_of


@pytest.mark.parametrize(
    ("code", "identifier", "tag", "script", "rtl"),
    [("pt-BR", "pt_BR", "pt-BR", "Latn", "ltr"), ("zh-Hans", "zh_Hans", "zh-Hans", "Hans", "ltr"),
     ("de", "de", "de", "Latn", "ltr"), ("en_us", "en_US", "en-US", "Latn", "ltr"),
     ("ja", "ja", "ja", "Jpan", "ltr"), ("ar", "ar", "ar", "Arab", "rtl"),
     ("fa", "fa", "fa", "Arab", "rtl"), ("he", "he", "he", "Hebr", "rtl"),
     ("iw", "he", "he", "Hebr", "rtl"), ("zh_TW", "zh_TW", "zh-TW", "Hant", "ltr")],
)
def test_locale_facts(code: str, identifier: str, tag: str, script: str, rtl: str) -> None:
    assert parse_locale(code) == identifier
    assert bcp47(code) == tag
    assert script_of(code) == script
    assert direction(code) == rtl


def test_language_of() -> None:
    assert [language_of(x) for x in ("pt_BR", "zh-Hans", "de")] == ["pt", "zh", "de"]


def test_unknown_locale_suggests() -> None:
    with pytest.raises(UnknownLocaleError) as caught:
        parse_locale("zz")
    assert str(caught.value) == "unknown locale 'zz'; did you mean lzz?"


@pytest.mark.parametrize(
    ("path", "locale"),
    [("build/de/page.html", "de"), ("pages/pt_BR/page-001.html", "pt_BR"),
     ("site/zh-Hans/a/b.html", "zh_Hans"), ("samples/page.html", None), ("de.html", None)],
)
def test_locale_from_path(path: str, locale: str | None) -> None:
    assert locale_from_path(path) == locale


def test_no_cldr_locale_has_an_aliased_language() -> None:
    """parse_locale takes a code CLDR has as it is, without resolving language aliases: right
    only while no CLDR locale's language is itself an alias (a Babel upgrade could change it)."""
    from babel.core import get_global
    from babel.core import parse_locale as split
    from babel.localedata import locale_identifiers

    aliases = get_global("language_aliases")
    assert [code for code in locale_identifiers() if split(code)[0] in aliases] == []


def test_a_cldr_identifier_is_its_own_identifier() -> None:
    """The data file's name is taken as it is, without importing Babel: it must be exactly
    what Babel's parsing gives back for every locale it ships."""
    from babel.core import get_locale_identifier
    from babel.core import parse_locale as split
    from babel.localedata import locale_identifiers

    shipped = [code for code in locale_identifiers() if code != "root"]
    assert len(shipped) > 700
    assert [code for code in shipped
            if parse_locale(code) != get_locale_identifier(split(code)[:4])] == []
