import pytest

from l10n.check.scripts import expected_scripts, letter_scripts, primary_scripts, script_of_char


@pytest.mark.parametrize(
    ("char", "script"),
    [("a", "Latn"), ("ж", "Cyrl"), ("Ω", "Grek"), ("ب", "Arab"), ("ש", "Hebr"), ("क", "Deva"),
     ("中", "Hani"), ("の", "Hira"), ("カ", "Kana"), ("ー", "Kana"), ("한", "Hang"),
     ("Ａ", "Latn"), ("º", "Latn"), ("1", None), ("-", None), ("☃", None)],
)
def test_script_of_char(char: str, script: str | None) -> None:
    assert script_of_char(char) == script


@pytest.mark.parametrize(
    ("text", "counts"),
    [("ワシントン共同 2010!", {"Kana": 5, "Hani": 2}), ("Читать далее", {"Cyrl": 11}),
     ("Über uns", {"Latn": 7}), ("Москва Moscow", {"Cyrl": 6, "Latn": 6}),
     ("— 2010 «»", {}), ("", {}), ("Zürich — Цюрих", {"Latn": 6, "Cyrl": 5}),
     ("ニュース", {"Kana": 4})],
)
def test_letter_scripts_counts_letters_only(text: str, counts: dict[str, int]) -> None:
    assert letter_scripts(text) == counts


@pytest.mark.parametrize(
    ("locale", "expected", "primary"),
    [("en", {"Latn"}, {"Latn"}), ("ru", {"Cyrl"}, {"Cyrl"}), ("pt_BR", {"Latn"}, {"Latn"}),
     ("ja", {"Hani", "Hira", "Kana"}, {"Hani", "Hira", "Kana"}), ("zh_Hans", {"Hani"}, {"Hani"}),
     ("ko", {"Hang", "Hani"}, {"Hang"}), ("ar", {"Arab"}, {"Arab"}), ("sr", {"Cyrl"}, {"Cyrl"})],
)
def test_locale_scripts(locale: str, expected: set[str], primary: set[str]) -> None:
    assert expected_scripts(locale) == expected
    assert primary_scripts(locale) == primary
