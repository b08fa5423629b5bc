"""Every sample's reading equals its hand-written golden (tests/data/golden/<sample>.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from l10n.readers import read_page

from .conftest import DATA, SAMPLES

GOLDENS = sorted((DATA / "golden").glob("*.json"))


def _reading(sample: Path) -> dict[str, Any]:
    page = read_page(sample)
    return {
        "locale": page.locale,
        "meta": {
            key: page.meta.to_dict()[key]
            for key in ("site", "section", "title", "published", "published_date", "byline",
                        "language", "language_source", "direction")
        },
        "blocks": [
            {"role": b.role.value, "text": b.text, "line": b.line, "column": b.column,
             "attribute": b.attribute}
            for b in page.blocks
        ],
    }


def test_every_sample_has_a_golden() -> None:
    samples = {p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html")}
    assert samples == {g.name.removesuffix(".json") for g in GOLDENS}


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.name.removesuffix(".json"))
def test_sample_reading_matches_golden(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = _reading(SAMPLES / golden.name.removesuffix(".json"))
    assert actual["locale"] == expected["locale"]
    assert actual["meta"] == {k: expected["meta"].get(k) for k in actual["meta"]}
    assert actual["blocks"] == expected["blocks"]


def test_seed_reading_as_the_issue_states() -> None:
    """The founding sample's reading, spelled out independently of the golden file."""
    page = read_page(SAMPLES / "000_3b28b45df5788720.txt")
    roles = [(b.role.value, b.text) for b in page.blocks]
    assert roles[:9] == [
        ("site", "Sputnik International"),
        ("section", "Russia"),
        ("tagline", "The latest news and stories from Russia. Stay tuned for updates and "
                    "breaking news on defense, politics, economy and more."),
        ("headline", "Moscow expects U.S. reaction to missile defense system by year end"),
        ("credit", "© RIA Novosti . Sergei Subbotin"),
        ("caption", "Russian Deputy Prime Minister Sergei Ivanov"),
        ("caption", "Russian Deputy Prime Minister Sergei Ivanov - Sputnik International"),
        ("chrome", "Subscribe"),
        ("lede", "The U.S. administration's reaction to Russia's proposal of participating in "
                 "the creation of a European missile defense system will be clear by the end of "
                 "the year, Russian Deputy Prime Minister Sergei Ivanov said"),
    ]
    assert page.blocks[6].repeat_of == 5
    assert [r for r, _ in roles[9:19]] == ["paragraph"] * 10
    assert roles[9][1] == roles[8][1] + "."
    assert roles[19] == ("dateline", "WASHINGTON, May 18 (RIA Novosti)")
    assert roles[20:] == [
        ("chrome", "Newsfeed"), ("counter", "0"), ("chrome", "To participate in the discussion"),
        ("chrome", "log in or register"), ("chrome", "loader"), ("chrome", "Chats"),
        ("chrome", "Заголовок открываемого материала"),
    ]
    assert (page.meta.site, page.meta.section) == ("Sputnik International", "Russia")
