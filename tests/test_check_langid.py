"""The statistical experts: word lists read like wordfreq reads them; guesses as expected."""

from __future__ import annotations

import pytest
import wordfreq

from l10n.check.langid import identify, page_language, tokenize, word_zipf


@pytest.mark.parametrize("language", ["en", "de", "ru", "ar", "tr"])
def test_word_lists_equal_wordfreq(language: str) -> None:
    for word in ("the", "und", "и", "في", "için", "subscribe", "abonnieren", "zzzqqq"):
        expected = wordfreq.zipf_frequency(word, language, wordlist="small")
        assert word_zipf(word, language) == pytest.approx(expected, abs=0.011)


def test_tokenize_drops_one_letter_words_and_folds_turkish_i() -> None:
    assert tokenize("İçe aktar e-mail a y") == ["içe", "aktar", "mail"]


def test_identify_among_candidates() -> None:
    guess = identify("Subscribe", "de", ["de", "en", "fr"])
    assert guess is not None and guess.language == "en" and guess.page_probability < 0.01
    kanji = identify("删除这个页面", "ja", ["ja", "zh"])
    assert kanji is not None and kanji.language == "zh"
    assert identify("12345", "de", ["de", "en"]) is None


def test_page_language_is_deterministic() -> None:
    text = ("Die Bundesländer verlangen vom Bund deutlich mehr Geld für den Ausbau der "
            "Ganztagsbetreuung an Grundschulen.")
    assert {page_language(text, ["de", "nl", "en"]) for _ in range(3)} == {"de"}
