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
    ("line", "role"),
    [
        ("Jane Roe/dpa", "credit"),
        ("picture alliance / dpa", "credit"),
        ("EFE/Juan Pérez", "credit"),
        ("AP Photo/Jane Roe", "credit"),
        ("(AP Photo/Jane Roe)", "credit"),
        ("REUTERS/Jane Roe", "credit"),
        ("AFP/Getty Images", "credit"),
        ("Foto: EFE/Archivo", "credit"),
        ("News/Politics", "chrome"),
        ("Sport/Fußball", "chrome"),
        ("Jane Roe/Example Photo Agency Archive Pool Service", "caption"),
    ],
)
def test_credit_alone_on_its_line_with_the_caption_after_it(line: str, role: str) -> None:
    page = "\n".join(["Ministers agree on new fishing quotas", line, "Boats at dawn", BODY])
    expected = "caption" if role == "credit" else "chrome"
    assert [r[:2] for r in roles(page)] == [
        ("headline", "Ministers agree on new fishing quotas"), (role, line),
        (expected, "Boats at dawn"), ("lede", BODY)]


def test_sentence_caption_after_a_credit() -> None:
    caption = "Fishing boats leave the harbour at dawn on Monday."
    page = "\n".join(["Ministers agree on new fishing quotas", "Jane Roe/dpa", caption,
                      "By Jane Doe", "Share", BODY, BODY2])
    assert [r[:2] for r in roles(page)] == [
        ("headline", "Ministers agree on new fishing quotas"), ("credit", "Jane Roe/dpa"),
        ("caption", caption), ("byline", "By Jane Doe"), ("chrome", "Share"), ("lede", BODY),
        ("paragraph", BODY2)]
    # Followed by a body paragraph, a sentence after a credit is the lede: nothing tells a
    # caption from a first paragraph there.
    page = "\n".join(["Ministers agree on new fishing quotas", "Jane Roe/dpa", caption, BODY])
    assert [r[0] for r in roles(page)] == ["headline", "credit", "lede", "paragraph"]


STANDFIRST = "Fishing fleets will catch less cod next year. Quotas fall by a fifth."


def test_standfirst_above_the_photo_and_byline() -> None:
    page = "\n".join([
        "Ministers agree on new fishing quotas", STANDFIRST, "Jane Roe/dpa", "Boats at dawn",
        "Von Jane Doe", "18.05.2010, 15:30 Uhr", "Share", "",
        "Hamburg (dpa) - " + BODY, BODY2, "Subhead", BODY2 + " Again.",
    ])
    parsed = parse_page(page, path="t.txt", format="text")
    assert [(b.role.value, b.text, b.line, b.column) for b in parsed.blocks] == [
        ("headline", "Ministers agree on new fishing quotas", 1, 1),
        ("lede", STANDFIRST, 2, 1),
        ("credit", "Jane Roe/dpa", 3, 1),
        ("caption", "Boats at dawn", 4, 1),
        ("byline", "Von Jane Doe", 5, 1),
        ("byline", "18.05.2010, 15:30 Uhr", 6, 1),
        ("chrome", "Share", 7, 1),
        ("dateline", "Hamburg (dpa) -", 9, 1),
        ("paragraph", BODY, 9, 17),
        ("paragraph", BODY2, 10, 1),
        ("paragraph", "Subhead", 11, 1),
        ("paragraph", BODY2 + " Again.", 12, 1),
    ]
    assert parsed.meta.published is not None
    assert parsed.meta.published.isoformat() == "2010-05-18T15:30:00"


def test_lede_followed_by_a_subhead_is_no_standfirst() -> None:
    page = "\n".join(["Ministers agree on new fishing quotas", STANDFIRST, "Subhead", BODY])
    assert [r[0] for r in roles(page)] == ["headline", "lede", "paragraph", "paragraph"]


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
        ("Loja (Ecuador), 3 mar (EFE).- El Gobierno anunció este jueves un plan de obras "
         "para la provincia.", "Loja (Ecuador), 3 mar (EFE).-",
         "El Gobierno anunció este jueves un plan de obras para la provincia.", 31),
        ("TOLEDO, Ohio (AP) — City officials said Monday they would repave forty miles of "
         "roads this summer.", "TOLEDO, Ohio (AP) —",
         "City officials said Monday they would repave forty miles of roads this summer.", 21),
    ],
    ids=["ria", "dpa", "efe-region", "ap-region"],
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
