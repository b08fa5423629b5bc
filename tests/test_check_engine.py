"""The judge: one verdict per (text, locale), from the cheapest layer that decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.check.catalog_index import CatalogIndex
from l10n.check.engine import Judge
from l10n.check.finding import Evidence, Kind

JUDGE = Judge()

# (text, page locale, kind, evidence, is an error, detected language)
CASES = [
    ("Заголовок открываемого материала", "en", "wrong-script", "script", True, "ru"),
    ("Read more", "ja", "wrong-script", "script", True, "en"),
    ("Share on Facebook", "ja", "wrong-script", "script", True, "en"),  # a label, not a name
    ("ファイルを削除", "zh_Hans", "wrong-script", "script", True, "ja"),
    ("多选列表框", "ko", "wrong-script", "script", True, "zh"),
    ("API", "ru", "wrong-script", "script", False, None),
    ("mailto", "ar", "wrong-script", "script", False, None),  # no site language lists it
    ("Ссылки Fluent", "nl", "wrong-script", "script", True, "ru"),  # half the letters
    ("intense_post_subtitle", "uk", "template-artifact", "pattern", True, None),
    ("SUBSCRIBE_BUTTON", "de", "template-artifact", "pattern", True, None),
    ("plugin_name", "de", "template-artifact", "pattern", True, None),  # English words
    ("Subscribe", "de", "wrong-language", "statistics", False, "en"),
    ("Privacy policy", "fr", "wrong-language", "statistics", False, "en"),
    ("Is commenting action", "de", "wrong-language", "statistics", True, "en"),
    ("Edit account avatar", "de", "wrong-language", "statistics", True, "en"),
    ("Die Seite wurde gelöscht", "en", "wrong-language", "statistics", True, "de"),
    ("Politique de confidentialité", "de", "wrong-language", "statistics", True, "fr"),
    ("Перемещен из папки в корзину", "uk", "wrong-language", "statistics", True, "ru"),
    # inflected Finnish no word list holds: the letters speak alone, and only warn
    ("muunna sisäiseksi linkiksi", "de", "wrong-language", "statistics", False, "fi"),
    # three Latin words on a Cyrillic page are a sentence, whatever the lists say: an error
    ("Muunna sisäiseksi linkiksi", "ru", "wrong-script", "script", True, None),
    # key-shaped, with words French shares with English: still a leaked key
    ("main_menu", "fr", "template-artifact", "pattern", True, None),
    ("menu.title", "et", "template-artifact", "pattern", True, None),  # et has no word list
    ("xq_zzv", "de", "template-artifact", "pattern", True, None),  # no word known at all
    ("Las noticias más leídas del día", "pt_BR", "wrong-language", "statistics", True, "es"),
    ("删除这个页面", "ja", "wrong-language", "statistics", False, "zh"),
    ("Π§ΠΈΡΠ°ΡΡ ΡΠ°ΠΊΠΆΠ΅", "ru", "mojibake", "pattern", True, None),
    ("{count} comments", "en", "template-artifact", "pattern", True, None),
    ("С", "de", "wrong-script", "script", True, None),  # a Cyrillic letter alone is a word
    ("Δ Ωμέγα", "en", "wrong-script", "script", True, "el"),  # a Greek letter and a word
]


@pytest.mark.parametrize(("text", "locale", "kind", "evidence", "error", "detected"), CASES,
                         ids=[f"{c[1]}:{c[0][:20]}" for c in CASES])
def test_verdicts(text: str, locale: str, kind: str, evidence: str, error: bool,
                  detected: str | None) -> None:
    verdict = JUDGE.judge(text, locale)
    assert verdict is not None
    assert (verdict.kind, verdict.evidence, verdict.detected) == (Kind(kind), Evidence(evidence),
                                                                  detected)
    is_error = not verdict.warning and (verdict.evidence is not Evidence.STATISTICS
                                        or verdict.statistical_error)
    assert is_error is error


@pytest.mark.parametrize(
    ("text", "locale"),
    [("Chats", "de"), ("Datenschutz", "de"), ("Newsfeed", "en"), ("loader", "en"),
     ("Subscribe", "en"), ("log in or register", "en"), ("Sputnik International", "en"),
     ("Danmarks Radio", "en"), ("Настройки Wagtail", "ru"), ("https://example.com", "ru"),
     ("© RIA Novosti . Sergei Subbotin", "en"), ("2010", "ar"), ("日本語のテキスト", "ja"),
     ("Teilen", "de"), ("Il nostro sito", "it"), ("Nieprawidłowy math_eqref_format", "pl"),
     ("[autosummary] writing to", "en"), ("Оформить подписку", "ru"),
     # key-shaped, but in the page's language: a translator wrote it, it is no leaked key
     ("voi_katsella", "fi"), ("metodo_de_creacion", "es"), ("nazwa_wtyczki", "pl"),
     ("kan_visa", "sv"), ("Muunna sisäiseksi linkiksi", "fi"),
     # a network's name in a share button keeps its Latin letters on every edition
     ("Facebook", "zh"), ("Yahoo!", "ja"), ("WhatsApp", "ru"), ("VK", "uk"),
     # a Greek letter alone is a symbol (a spam trap's label, a difference), not Greek
     ("Δ", "de"), ("π", "en")],
)
def test_correct_texts_have_no_verdict(text: str, locale: str) -> None:
    assert JUDGE.judge(text, locale) is None


def test_allowlist_removes_terms_before_judging() -> None:
    judge = Judge(allow=("Sputnik International",))
    assert Judge().judge("Sputnik International", "ru") is not None
    assert judge.judge("Sputnik International", "ru") is None


def test_site_languages_limit_the_candidates() -> None:
    """With only German and English on the site, a Dutch word cannot be named."""
    judge = Judge(languages=("de",))
    assert judge.languages == ("de", "en")
    verdict = judge.judge("Bewerk het account", "de")
    assert verdict is None or verdict.detected in ("en", None)


def _catalogs(tmp_path: Path) -> CatalogIndex:
    for lang, pairs in {
        "de": [("Subscribe", "Abonnieren"), ("Chats", "Chats"), ("Newsfeed", "Newsticker")],
        "ru": [("Subscribe", "Подписаться"), ("Newsfeed", "Лента новостей")],
    }.items():
        _write_catalog(tmp_path, lang, "chrome", pairs)
    return CatalogIndex.load(tmp_path, "en")


def _write_catalog(root: Path, lang: str, domain: str, pairs: list[tuple[str, str]]) -> None:
    """``root/<lang>/LC_MESSAGES/<domain>.po`` holding ``pairs`` (msgid, msgstr)."""
    directory = root / lang / "LC_MESSAGES"
    directory.mkdir(parents=True)
    body = "".join(f'\nmsgid "{a}"\nmsgstr "{b}"\n' for a, b in pairs)
    (directory / f"{domain}.po").write_text(
        f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
        f'"Content-Type: text/plain; charset=UTF-8\\n"\n{body}', encoding="utf-8")


def test_catalog_evidence(tmp_path: Path) -> None:
    judge = Judge(catalogs=_catalogs(tmp_path))
    untranslated = judge.judge("Subscribe", "de")
    assert untranslated is not None and untranslated.kind is Kind.UNTRANSLATED
    assert untranslated.evidence is Evidence.CATALOG
    assert untranslated.entry is not None
    assert (untranslated.entry.domain, untranslated.entry.msgid) == ("chrome", "Subscribe")
    assert untranslated.entry.catalog == str(tmp_path / "de" / "LC_MESSAGES" / "chrome.po")
    assert "'Abonnieren'" in untranslated.message
    wrong = judge.judge("Лента новостей", "de")
    assert wrong is not None and (wrong.kind, wrong.evidence) == (Kind.WRONG_LANGUAGE,
                                                                   Evidence.CATALOG)
    assert wrong.detected == "ru"
    assert judge.judge("Chats", "de") is None  # German's own translation is never a leak
    assert judge.judge("Newsfeed", "en") is None  # a source msgid on a source page
    untranslated_any = judge.judge("Newsfeed", "de")
    assert untranslated_any is not None and untranslated_any.kind is Kind.UNTRANSLATED


def test_own_translation_is_never_a_leak_whatever_its_shape(tmp_path: Path) -> None:
    _write_catalog(tmp_path, "de", "admin", [("plugin_name", "plugin_name")])
    assert Judge().judge("plugin_name", "de").kind is Kind.TEMPLATE_ARTIFACT
    assert Judge(catalogs=CatalogIndex.load(tmp_path, "en")).judge("plugin_name", "de") is None


def test_own_translation_with_an_unfilled_placeholder_is_still_an_artifact(
        tmp_path: Path) -> None:
    _write_catalog(tmp_path, "de", "site", [("Hello %(name)s", "Hallo %(name)s")])
    verdict = Judge(catalogs=CatalogIndex.load(tmp_path, "en")).judge("Hallo %(name)s", "de")
    assert verdict is not None and verdict.kind is Kind.TEMPLATE_ARTIFACT
    assert verdict.message == "unfilled placeholder '%(name)s' shown to readers"


def test_catalog_vocabulary_warns_on_source_text_no_catalog_holds(tmp_path: Path) -> None:
    """"More contrast" is in no catalog, but both its words are in the site's English msgids and
    "contrast" in no Italian translation: a source string that never reached the catalogs."""
    _write_catalog(tmp_path, "it", "site", [("Contrast", "Contrasto"),
                                            ("Show more", "Mostra di più")])
    judge = Judge(catalogs=CatalogIndex.load(tmp_path, "en"))
    alone = Judge().judge("More contrast", "it")  # statistics alone: a warning at most
    assert alone is not None and (alone.evidence, alone.statistical_error) == (
        Evidence.STATISTICS, False)
    verdict = judge.judge("More contrast", "it")
    assert verdict is not None
    assert (verdict.kind, verdict.evidence, verdict.warning, verdict.detected) == (
        Kind.UNTRANSLATED, Evidence.CATALOG, True, "en")
    assert "'contrast' in no it translation" in verdict.message
    assert judge.judge("Più contrasto", "it") is None  # Italian words
    assert judge.judge("Mostra contrasto", "it") is None  # "mostra" is no source word
    assert judge.judge("More contrast", "en") is None  # the source page itself


def test_catalog_vocabulary_spares_words_the_page_language_translations_use(
        tmp_path: Path) -> None:
    """When the Italian translations themselves use "contrast", "More contrast" is written in
    the site's Italian as far as the catalogs can tell: they add no finding (statistics alone
    still warn about two English words)."""
    _write_catalog(tmp_path, "it", "site", [("Show more", "Mostra di più"),
                                            ("Contrast mode", "Modalità contrast")])
    index = CatalogIndex.load(tmp_path, "en")
    assert {"more", "contrast"} <= index.source_words()
    assert "contrast" in index.own_words("it")
    verdict = Judge(catalogs=index).judge("More contrast", "it")
    assert verdict is not None and (verdict.evidence, verdict.statistical_error) == (
        Evidence.STATISTICS, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Danmarks Radio", True), ("Danmarks radio", False), ("DR TV", False), ("Radio", False),
     ("Sputnik — International", True), ("Xy 12 Zz", True), ("Xy Ⓐⓑ", False),
     ("Ⓐⓑ Xy", False), ("log in or register", False), ("", False), ("Über Uns", True)],
)
def test_title_case_is_two_or_more_capitalised_words(text: str, expected: bool) -> None:
    """Words without letters ("—", "12") are no words; a word of circled letters (no letter
    to Python, but cased) neither."""
    from l10n.check.engine import _title_case

    assert _title_case(text) is expected


@pytest.mark.parametrize("text", [
    "Leich\u00adte Spra\u00adche le\u00adsen",
    "Ge\u00adbär\u00adden\u00adspra\u00adche",
    "Kri\u00admi\u00adna\u00adli\u00adtäts\u00adbe\u00adkämp\u00adfung",
    "Si\u00adte\u00admap",
])
def test_text_is_judged_as_readers_see_it(text: str) -> None:
    """Soft hyphens no longer cut German words into pieces that read as another language:
    judged as they stand (what the judge did before it normalised), each one is a finding."""
    assert Judge().judge(text, "de") is None
    assert Judge()._decide(text, "de", False, False) is not None


def test_the_cache_holds_the_normalised_text() -> None:
    judge = Judge()
    first = judge.judge("Read\u00admore about the news\u200b today", "de")
    assert first is not None and first.detected == "en"
    assert list(judge._cache) == [("Readmore about the news today", "de", False, False, False,
                                   False)]
    assert judge.judge("Readmore about the news \u00a0today", "de") is first


@pytest.mark.parametrize(("text", "locale"), [
    ("{\\displaystyle H_{ij}={\\overline {H}}_{ji}}", "en"),
    ("mastodon.social", "de"), ("imagebank.sweden.se", "de"), ("muc_ads", "de"),
    ("06-IMG_3853.jpg", "zh_TW"), ("sa.large", "de"), ("#Klimakrise", "fr"),
    ("$ hg pull ../public [...] added 1 changesets with 1 changes to 1 files", "en"),
])
def test_identifiers_have_no_language(text: str, locale: str) -> None:
    assert Judge().judge(text, locale) is None


@pytest.mark.parametrize(("text", "locale", "kind"), [
    # Traditional or Simplified Chinese without kana on Chinese pages: nothing to report.
    ("這個週末我們一起去山上看楓葉，開放時間是早上八點到下午五點。", "zh_TW", None),
    ("這個週末我們一起去山上看楓葉，開放時間是早上八點到下午五點。", "zh_Hant", None),
    ("這個週末我們一起去山上看楓葉，開放時間是早上八點到下午五點。", "zh", None),
    ("开放时间", "zh_Hans", None),
    # Kana on a Chinese page is Japanese.
    ("今週末は山へ紅葉を見に行きます。", "zh_TW", "wrong-script"),
    ("ファイルを削除", "zh_Hans", "wrong-script"),
])
def test_han_without_kana_on_a_chinese_page_is_chinese(text: str, locale: str,
                                                       kind: str | None) -> None:
    verdict = Judge().judge(text, locale)
    assert (verdict.kind.value if verdict else None) == kind
    if verdict:
        assert verdict.detected == "ja"


@pytest.mark.parametrize(("text", "control", "reported"), [
    ("Save Draft", True, True),  # a button's label in another language: judged, a warning
    ("Privacy Policy", True, True),
    ("Save Draft", False, False),  # two capitalised words elsewhere: a name, no evidence
    ("Champions League", False, False),
])
def test_two_capitalised_words_are_a_label_on_a_control(text: str, control: bool,
                                                          reported: bool) -> None:
    verdict = JUDGE.judge(text, "de", control=control)
    assert (verdict is not None) is reported
    if verdict is not None:
        assert (verdict.kind, verdict.statistical_error) == (Kind.WRONG_LANGUAGE, False)


@pytest.mark.parametrize(("text", "locale", "control", "detected"), [
    ("Sisällysluettelo", "de", True, "fi"),  # a button's label no list has: its letters
    ("Paginaverkenner", "en", True, "nl"),
    ("Sisällysluettelo", "de", False, None),  # in a menu: a name, or a compound, unjudged
    ("Suchbegriff", "de", True, None),  # the page's own compound
    ("Kopfzeile", "de", True, None),
    ("Abc", "de", True, None),  # too short to tell by letters
])
def test_a_controls_label_no_list_has_is_judged_by_its_letters(
        text: str, locale: str, control: bool, detected: str | None) -> None:
    verdict = JUDGE.judge(text, locale, control=control)
    assert (verdict.detected if verdict else None) == detected
    if verdict is not None:
        assert (verdict.kind, verdict.warning) == (Kind.WRONG_LANGUAGE, True)
