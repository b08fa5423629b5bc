import re

import pytest

from l10n.prose import (
    blank_found,
    collapse_space,
    count_cjk,
    count_words,
    ends_sentence,
    is_number,
    parse_counter,
)


@pytest.mark.parametrize(
    ("text", "words"),
    [("Subscribe", 1), ("log in or register", 4), ("0", 0), ("12 comments", 1), ("", 0),
     ("U.S. President Barack Obama", 4), ("新闻时间线", 1), ("Заголовок открываемого материала", 3)],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_count_cjk_counts_han_and_kana_only() -> None:
    assert count_cjk("新华社北京5月18日电") == 8
    assert count_cjk("ワシントン共同") == 7
    assert count_cjk("연합뉴스 Hello") == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("He said.", True), ('he said."', True), ("Ivanov said", False), ("Really?", True),
     ("终于。", True), ("هل؟", True), ("more…", True), ("(RIA Novosti)", True), ("", False)],
)
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", True), ("1,234", True), ("١٢", True), ("12 comments", False), ("-", False),
     ("2.5%", True), ("abc", False)],
)
def test_is_number(text: str, expected: bool) -> None:
    assert is_number(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", (0, None)), ("12 comments", (12, "comments")), ("3 комментария", (3, "комментария")),
     ("Comments (12)", (12, "Comments")), ("Views: 1 024", (1024, "Views")),
     ("١٢ تعليقا", (12, "تعليقا")), ("Subscribe", None), ("12 angry men walked", None),
     ("", None), ("Views 1,234", (1234, "Views")),
     # a date is no count: "Tuesday 16.11.", "Stand 12.05.2020"
     ("Dienstag 16.11.", None), ("Stand 12.05.2020", None)],
)
def test_parse_counter(text: str, expected: tuple[int, str | None] | None) -> None:
    assert parse_counter(text) == expected


def test_collapse_space_handles_no_break_spaces() -> None:
    assert collapse_space("  a\u00a0\u00a0b \n c ") == "a b c"


@pytest.mark.parametrize(("text", "blanked"), [
    ("mail a@b.de now", "mail   now"),
    ("x@y.z+w@v.uk", "  "),
    ("no address here", "no address here"),
    ("a" * 50_000 + " @ x", "a" * 50_000 + " @ x"),  # a long run with none, given back
])
def test_blank_found_blanks_group_one_and_gives_the_rest_back(text: str, blanked: str) -> None:
    address = re.compile(r"([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|[\w.+-]++")
    assert address.sub(blank_found, text) == blanked
