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


_PROBE = """
import json
from l10n.check import langid
identifier = langid._ngram_identifier()
scores = langid._ngram_scores("Der Minister sagte am Dienstag, die Gespräche gehen weiter")
han = langid._han_frequencies("zh")
pool = ("de", "en", "fr", "nl")
column = langid._word_column("abonnieren", pool, indexed=True)
print(json.dumps({"best": max(scores, key=scores.get), "de": round(scores["de"], 3),
                  "und": langid.word_zipf("und", "de"), "han": [len(han), han["的"]],
                  "han_counted": han == langid._count_han(langid._frequencies("zh")),
                  "column": column, "same": column == langid._word_column("abonnieren", pool)}))
"""


def _probe(cache: str) -> tuple[dict[str, object], str]:
    import json
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          env={**os.environ, "L10N_CACHE_DIR": cache})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def test_model_caches_give_the_models_own_scores_and_replace_older_versions(tmp_path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "py3langid-1-1.npz").write_bytes(b"an older version")
    (cache / "wordfreq-de-1-1.words").write_bytes(b"an older version")
    (cache / "wordfreq-de-1-99999999999.words").write_bytes(b"a newer install's: kept")
    (cache / "wordfreq-de_x-1-1.words").write_bytes(b"another list: kept")
    first, _ = _probe(str(cache))  # builds the caches
    second, _ = _probe(str(cache))  # reads them
    assert first == second and first["best"] == "de" and first["und"] > 6
    assert first["han_counted"] and first["han"][0] > 3000 and -5 < first["han"][1] < 0
    assert first["same"] and first["column"][1] and first["column"][0][0] > 3
    names = sorted(p.name for p in cache.iterdir())
    assert "py3langid-1-1.npz" not in names and "wordfreq-de-1-1.words" not in names
    assert {"wordfreq-de_x-1-1.words", "wordfreq-de-1-99999999999.words"} <= set(names)
    assert len([n for n in names if n.startswith("py3langid-")]) == 1
    assert len([n for n in names if n.startswith("han-zh-")]) == 1
    assert [n for n in names if n.startswith("wordindex-")] == [
        next(n for n in names if n.startswith("wordindex-de+en+fr+nl-"))]
    for prefix in ("py3langid-", "han-zh-", "wordindex-"):
        (cache / next(n for n in names if n.startswith(prefix))).write_bytes(b"damaged")
    assert _probe(str(cache))[0] == first  # a damaged cache file: the source is read


def test_a_cache_directory_that_cannot_be_written_is_not_used(tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result, stderr = _probe(str(blocker / "cache"))  # every write there fails (ENOTDIR)
    assert result["best"] == "de" and result["und"] > 6 and stderr == ""


@pytest.mark.parametrize("language", ["en", "ru", "ja", "tr"])
def test_word_table_answers_the_same_by_search_and_by_dict(language: str) -> None:
    """A word list answers by binary search, then (past _LAZY_LOOKUPS) from a dict: both are
    wordfreq's own table, word for word, and survive the cache's bytes."""
    from l10n.check.langid import WordTable, _frequencies, _read_cbpack, _wordfreq_data

    buckets = _read_cbpack(_wordfreq_data() / f"small_{language}.msgpack.gz")
    assert buckets is not None
    expected = {}
    for level, bucket in enumerate(buckets):
        expected.update(dict.fromkeys(bucket, 9.0 - level / 100.0))
    table = WordTable.from_bytes(WordTable.from_buckets(buckets).to_bytes())
    words = sorted(expected)[::97] + ["zzzqqq", "", "Ω", "a\udcff"]
    searched = [table.get(word) for word in words]
    assert table._dict is None and len(table) == len(expected)
    assert dict(table.items()) == expected  # builds the dict
    assert [table.get(word) for word in words] == searched == [expected.get(w) for w in words]
    assert type(_frequencies(language)) is WordTable


def test_the_mapped_ngram_model_scores_as_py3langids_own_loader(tmp_path, monkeypatch) -> None:
    """The cache file is a faithful copy: the same raw scores as the model py3langid loads
    itself, and its arrays are mapped from the file, not copied into each process."""
    import mmap
    import os

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from l10n.check import langid

    monkeypatch.setenv("L10N_CACHE_DIR", str(tmp_path))
    langid._ngram_identifier.cache_clear()
    try:
        langid._ngram_identifier()  # writes the cache file
        langid._ngram_identifier.cache_clear()
        mapped = langid._ngram_identifier()  # reads it
        cached = next(tmp_path.glob("py3langid-*.arrays"))
        good = cached.read_bytes()
        for damaged in (b"l10n-arrays-1\n" + (2).to_bytes(8, "little") + b"[]",
                        b"l10n-arrays-1\n" + (2).to_bytes(8, "little") + b"{}",
                        good[:len(good) // 2], b""):
            # Replaced, never rewritten in place: a mapped file must not shrink under its map.
            (tmp_path / "damaged").write_bytes(damaged)
            os.replace(tmp_path / "damaged", cached)
            langid._ngram_identifier.cache_clear()
            assert dict(langid._ngram_identifier().rank("ok")) == dict(mapped.rank("ok"))
            assert cached.read_bytes() == good  # the source was read and the cache rebuilt
    finally:
        langid._ngram_identifier.cache_clear()
    own = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    for text in ("Der Minister sagte am Dienstag", "Подписаться на рассылку", "ok",
                 "删除这个页面", "Abonnez-vous à la newsletter", ""):
        assert dict(mapped.rank(text)) == dict(own.rank(text)), text

    def bases(array: object) -> list[object]:
        out = []
        while array is not None:
            out.append(array)
            array = array.obj if isinstance(array, memoryview) else getattr(array, "base", None)
        return out

    assert any(isinstance(b, mmap.mmap) for b in bases(mapped.nb_ptc))
    assert any(isinstance(b, mmap.mmap) for b in bases(mapped.tk_nextmove))


def test_word_columns_and_listings_are_the_lists_own_answers() -> None:
    """A word's column is max(zipf, floor) per language and ``listed_in`` asks whether some
    list has it at a level, both through the merged index: the same as each list answers
    (languages in any order, one without a list)."""
    import random

    from l10n.check import langid

    languages = ("fr", "de", "xx", "en", "ru")  # "xx" has no list: the floor
    words = ["abonnieren", "subscribe", "abonner", "the", "zzzqqq", "und", "и", "été", ""]
    for language in ("de", "fr", "ru"):
        table = langid._frequencies(language)
        words += random.Random(language).sample(sorted(table), 300)

    def zipf(word: str, language: str) -> float:
        return langid.word_zipf(word, language)

    for indexed in (False, True):
        langid._listed.cache_clear()  # listed_in's own cache, per pool and level
        for word in words:
            expected = tuple(max(zipf(word, lang), langid._FLOOR) for lang in languages)
            assert langid._word_column(word, languages, indexed) == (
                expected, max(expected) > langid._FLOOR), word
            for level in (3.0, 4.5, 0.0, -1.0):  # at 0 or below, every language "lists" all
                assert langid.listed_in(word, languages, level, indexed=indexed) is any(
                    zipf(word, lang) >= level for lang in languages), word
        assert langid._word_column("abonnieren", languages, indexed)[0][1] > 3
        assert langid._word_column("zzzqqq", languages, indexed) == ((langid._FLOOR,) * 5,
                                                                      False)
    assert langid._index_for(languages)[0] is not None  # the index was used
    assert langid._index_for(("de", "xx"))[0] is None  # too few lists for one


@pytest.mark.parametrize("text", [
    "Der Minister sagte am Dienstag", "Subscribe", "Подписаться на новости", "ΑΒΓ", "",
    "12345 !!", "新闻 ニュース", "HELLO WORLD", "a\u0301bc",
])
def test_ngram_scores_are_py3langids_ranking(text: str) -> None:
    """Every label's score as py3langid's own rank() gives it (without its sort)."""
    from l10n.check import langid

    identifier = langid._ngram_identifier()
    assert langid._ngram_scores.__wrapped__(text) == dict(identifier.rank(text))


def test_a_cached_index_of_other_lists_is_replaced(tmp_path, monkeypatch) -> None:
    """An index file under the right name but built from other lists (or in another column
    order) is not used: the index is rebuilt from the lists and the file replaced."""
    from l10n.check import langid
    from l10n.check.wordindex import WordIndex, build_index

    monkeypatch.setenv("L10N_CACHE_DIR", str(tmp_path))
    languages = ("de", "en")
    first = langid._word_index.__wrapped__(languages)
    (path,) = tmp_path.glob("wordindex-de+en-*.index")
    tables = [langid._frequencies(lang) for lang in ("en", "de")]
    path.write_bytes(build_index(["en", "de"], [(t._words, t._levels) for t in tables],
                                 first.sources))
    index = langid._word_index.__wrapped__(languages)
    assert index.languages == languages and index.sources == first.sources
    row = index.row("und")
    assert langid._zipf(index.levels[row]) == langid.word_zipf("und", "de")
    assert WordIndex.open(path).languages == languages  # replaced on disk


def test_no_index_where_it_could_not_be_read_in_place(monkeypatch) -> None:
    from l10n.check import langid

    monkeypatch.setattr(langid.sys, "byteorder", "big")
    assert langid._index_for.__wrapped__(("de", "en", "fr")) == (None, ())


def test_the_floored_level_table_is_every_levels_floored_zipf_value() -> None:
    from l10n.check import langid
    from l10n.check.wordindex import ABSENT

    expected = [max(langid._zipf(level), langid._FLOOR) for level in range(ABSENT)]
    assert langid._floored_zipf() == [*expected, langid._FLOOR]
    assert langid._zipf_or_zero(ABSENT) == 0.0 and langid._zipf_or_zero(250) == 6.5


# Invented sentences: Traditional Chinese (its forms 開, 時, 間 shared with Japanese kanji),
# Simplified Chinese, Japanese with kana, and Japanese in kanji alone.
TRADITIONAL = "這個週末我們一起去山上看楓葉，開放時間是早上八點到下午五點。"
SIMPLIFIED = "这个周末我们一起去山上看枫叶，开放时间是早上八点到下午五点。"
JAPANESE = "今週末は山へ紅葉を見に行きます。開園時間は午前八時から午後五時までです。"


@pytest.mark.parametrize(("text", "page", "expected"), [
    # Han without kana on a Chinese page: no Japanese to consider, so no guess at all.
    (TRADITIONAL, "zh", None), (SIMPLIFIED, "zh", None), ("開放時間", "zh", None),
    # Kana on a Chinese page is still Japanese.
    (JAPANESE, "zh", "ja"), ("ファイルを削除", "zh", "ja"),
    # Elsewhere Traditional Chinese reads as Chinese, its characters scored by their
    # Simplified forms too; on a Japanese page sentences do, but kanji-only labels are scored
    # as they stand, and stay Japanese.
    (TRADITIONAL, "en", "zh"), (TRADITIONAL, "ja", "zh"), (SIMPLIFIED, "ja", "zh"),
    ("会員登録", "ja", "ja"), ("開放時間", "ja", "ja"),
])
def test_han_without_kana_is_not_japanese_on_a_chinese_page(text: str, page: str,
                                                            expected: str | None) -> None:
    candidates = ("zh", "ja", "en") if page == "en" else ("zh", "ja")
    guess = identify(text, page, candidates)
    assert (guess.language if guess else None) == expected


def test_traditional_characters_score_as_chinese_through_their_simplified_forms() -> None:
    from l10n.check.langid import _han_posterior, _simplified

    assert _simplified()["開"] == "开" and _simplified()["時"] == "时" and "开" not in _simplified()
    with_forms, _ = _han_posterior(TRADITIONAL, ("zh", "ja"))
    without, _ = _han_posterior(TRADITIONAL, ("zh", "ja"), traditional=False)
    assert with_forms["zh"] > 0.99 > without["zh"]


@pytest.mark.parametrize(("text", "expected"), [
    (TRADITIONAL * 2, "zh"), (SIMPLIFIED * 2, "zh"), (JAPANESE * 2, "ja"),
])
def test_page_language_asks_both_chinese_profiles(text: str, expected: str) -> None:
    assert page_language(text + " a b c", ("ja", "zh")) == expected
