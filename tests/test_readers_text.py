"""The scraped-text reader's rules, one small page per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.page import Role
from l10n.readers import parse_page, read_site

BODY = (
    "The committee said on Tuesday that the new rules would apply to every member state "
    "from next year, officials told reporters."
)
BODY2 = "Talks on the details will continue next week in the capital, the ministry added."


def roles(text: str, **kwargs: object) -> list[tuple[str, str, int, int]]:
    page = parse_page(text, path="t.txt", format="text", **kwargs)  # type: ignore[arg-type]
    return [(b.role.value, b.text, b.line, b.column) for b in page.blocks]


def test_header_site_section_tagline_and_nav() -> None:
    page = "\n".join([
        "- Daily Planet", "World", "News from every corner of the planet, every single day.",
        "Menu", "Search", "", "Ministers agree on new fishing quotas", "", BODY, BODY2,
    ])
    assert roles(page) == [
        ("site", "Daily Planet", 1, 3),
        ("section", "World", 2, 1),
        ("tagline", "News from every corner of the planet, every single day.", 3, 1),
        ("chrome", "Menu", 4, 1),
        ("chrome", "Search", 5, 1),
        ("headline", "Ministers agree on new fishing quotas", 7, 1),
        ("lede", BODY, 9, 1),
        ("paragraph", BODY2, 10, 1),
    ]


def test_glued_credit_and_caption_split_when_next_line_repeats_it() -> None:
    page = "\n".join([
        "Ministers agree on new fishing quotas",
        "© Example Agency . Jane RoeA fishing boat in the harbour",
        "A fishing boat in the harbour - Daily Planet",
        "Share",
        BODY,
    ])
    assert roles(page) == [
        ("headline", "Ministers agree on new fishing quotas", 1, 1),
        ("credit", "© Example Agency . Jane Roe", 2, 1),
        ("caption", "A fishing boat in the harbour", 2, 28),
        ("caption", "A fishing boat in the harbour - Daily Planet", 3, 1),
        ("chrome", "Share", 4, 1),
        ("lede", BODY, 5, 1),
    ]


def test_credit_without_caption_stays_whole() -> None:
    page = "Ministers agree on new fishing quotas\n© Reuters / John McDonald\n" + BODY
    assert roles(page)[1] == ("credit", "© Reuters / John McDonald", 2, 1)


def test_byline_and_caption_after_credit() -> None:
    page = "\n".join([
        "Ministers agree on new fishing quotas", "By Jane Doe", "Foto: Agentur Beispiel",
        "Boats at dawn", BODY,
    ])
    assert [r[0] for r in roles(page)] == ["headline", "byline", "credit", "caption", "lede"]


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest", "rest_column"),
    [
        ("МОСКВА, 2 июн — РИА Новости. Президент России провел совещание с членами "
         "правительства во вторник.", "МОСКВА, 2 июн — РИА Новости.",
         "Президент России провел совещание с членами правительства во вторник.", 30),
        ("Hamburg (dpa) - Die Polizei hat am Montag einen Mann festgenommen, der mehrere "
         "Autos beschädigt haben soll.", "Hamburg (dpa) -",
         "Die Polizei hat am Montag einen Mann festgenommen, der mehrere Autos beschädigt "
         "haben soll.", 17),
    ],
    ids=["ria", "dpa"],
)
def test_dateline_opening_a_paragraph_is_split(
    paragraph: str, dateline: str, rest: str, rest_column: int
) -> None:
    page = parse_page("Ministers agree on new fishing quotas\n\n" + paragraph + "\n" + BODY,
                      path="t.txt", format="text")
    first, second = page.blocks[1], page.blocks[2]
    assert (first.role, first.text, first.line, first.column) == (Role.DATELINE, dateline, 3, 1)
    assert first.dateline is not None and first.dateline.raw == dateline
    assert (second.role, second.text, second.line, second.column) == (
        Role.LEDE, rest, 3, rest_column)


def test_footer_zone_counters_datelines_and_chrome() -> None:
    page = "\n".join([
        "Ministers agree on new fishing quotas", BODY, BODY2, "BRUSSELS, May 18 (Reuters)",
        "\u00a0", "Comments", "12 comments", "0", "loader", "Заголовок открываемого материала",
    ])
    assert [(r[0], r[2]) for r in roles(page)] == [
        ("headline", 1), ("lede", 2), ("paragraph", 3), ("dateline", 4), ("chrome", 6),
        ("counter", 7), ("counter", 8), ("chrome", 9), ("chrome", 10),
    ]


def test_known_chrome_wins_over_position() -> None:
    page = "Ministers agree on new fishing quotas\nRead more about the fishing quotas here\n" + BODY
    assert roles(page)[1][0] == "caption"
    assert roles(page, known_chrome={"Read more about the fishing quotas here"})[1][0] == "chrome"


def test_repeated_line_keeps_role_and_records_repeat() -> None:
    page = "Ministers agree on new fishing quotas\nShare\n" + BODY + "\nShare"
    parsed = parse_page(page, path="t.txt", format="text")
    assert [(b.role.value, b.repeat_of) for b in parsed.blocks] == [
        ("headline", None), ("chrome", None), ("lede", None), ("chrome", 1)]


def test_lines_recurring_on_two_pages_of_a_site_are_chrome(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("Ministers agree on new fishing quotas\nTop stories today in brief form\n"
                   + BODY + "\n", encoding="utf-8")
    two.write_text("Farmers protest against the new quotas\nTop stories today in brief form\n"
                   + BODY2 + "\n", encoding="utf-8")
    alone = parse_page(one.read_bytes(), path=str(one))
    assert alone.blocks[1].role is Role.CAPTION
    pages = read_site([one, two])
    assert [b.role for b in pages[0].blocks] == [Role.HEADLINE, Role.CHROME, Role.LEDE]
    assert [b.role for b in pages[1].blocks] == [Role.HEADLINE, Role.CHROME, Role.LEDE]


def test_page_without_body_is_all_header() -> None:
    assert [r[0] for r in roles("- Site\nHome\nContact us")] == ["site", "section", "chrome"]
