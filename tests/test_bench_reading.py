"""The pure scoring helpers of bench/reading.py (the benchmark itself runs on real pages)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime

import pytest

from .conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("bench_reading", ROOT / "bench" / "reading.py")
assert _SPEC is not None and _SPEC.loader is not None
reading = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_reading"] = reading  # dataclasses look their module up by name
_SPEC.loader.exec_module(reading)


@pytest.mark.parametrize(
    ("text", "fold_case", "expected"),
    [("  Harbour\u00a0 Council\n votes ", True, "harbour council votes"),
     ("Harbour  Council", False, "Harbour Council"),
     ("tide\u00adwater re\u200bport", True, "tidewater report"),
     ("\ufeffFerry", True, "ferry"),
     ("Fa\u0308hre", False, "F\u00e4hre"),
     ("", True, "")],
)
def test_normalize(text: str, fold_case: bool, expected: str) -> None:
    assert reading.normalize(text, fold_case=fold_case) == expected


def test_found_matches_normalised_substrings() -> None:
    text = "The harbour\u00a0council\nvoted on Tuesday. Read more"
    assert reading.found(text, ["Harbour council voted", "on  Tuesday", "Newsletter"]) == (
        True, True, False)
    assert reading.found(text, ["Harbour council voted"], fold_case=False) == (False,)


def test_article_text_uses_the_article_key_when_present_else_the_role() -> None:
    blocks = [
        {"role": "site", "text": "Harbour Daily"},
        {"role": "headline", "text": "Ferry fares rise"},
        {"role": "byline", "text": "By Ana Vale"},
        {"role": "paragraph", "text": "Fares rise in May."},
        {"role": "paragraph", "text": "Related story", "article": False},
        {"role": "chrome", "text": "Pull quote", "article": True},
    ]
    assert reading.article_text(blocks) == "Ferry fares rise\nFares rise in May.\nPull quote"


@pytest.mark.parametrize("file", ["a.html", "b.html", "news.example.html", "x" * 40])
def test_half_of_is_deterministic_by_file_name(file: str) -> None:
    import hashlib

    expected = "development" if hashlib.sha256(file.encode()).digest()[0] % 2 == 0 else "held-out"
    assert reading.half_of(file) == expected


def test_shares_and_misses() -> None:
    scores = [
        reading.PageScore("a.html", "development", (True, True, False), (False, True)),
        reading.PageScore("b.html", "held-out", (True,), (False, False, False)),
    ]
    assert reading.shares(scores) == {
        "pages": 2, "with": 0.75, "with_found": 3, "with_total": 4,
        "without": 0.2, "without_found": 1, "without_total": 5,
    }
    assert [s.misses for s in scores] == [2, 0]
    assert reading.shares([])["with"] is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-06-25", date(2024, 6, 25)),
     ("2018-04-05T06:00", datetime(2018, 4, 5, 6, 0)),
     ("2015-10-15T02:19:15.607Z", datetime.fromisoformat("2015-10-15T02:19:15.607+00:00")),
     ("yesterday", None), ("", None), (None, None)],
)
def test_parse_instant(value: object, expected: object) -> None:
    assert reading.parse_instant(value) == expected


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [("2016-12-22T10:43:37-08:00", "2016-12-22T18:43:37+00:00", True),
     ("2016-12-22T10:43:37-08:00", "2016-12-22T10:43:37+00:00", False),
     ("2018-04-05T06:00", "2018-04-05T06:00:00-04:00", True),  # no offset: wall clocks
     ("2018-04-05T06:00", "2018-04-05T07:00:00-04:00", False),
     ("2024-06-25", "2024-06-25T23:10:00+02:00", True),  # a date alone: the dates
     ("2024-06-25", "2024-06-26", False),
     ("2024-06-25", None, False),
     ("2024-06-25", "25 June 2024", False)],
)
def test_same_time(expected: str, got: object, same: bool) -> None:
    assert reading.same_time(expected, got) is same


def test_same_day_compares_dates_as_written() -> None:
    assert reading.same_day("2016-12-22T10:43:37-08:00", "2016-12-22T10:43:37+00:00")
    assert not reading.same_day("2015-10-15T02:19:15Z", "2015-12-11")


@pytest.mark.parametrize(
    ("field", "expected", "got", "same"),
    [("title", "Ferry fares rise", "Ferry  fares\nrise", True),
     ("title", "Ferry fares rise", "Ferry fares rise - Harbour Daily", False),
     ("title", "Ferry fares rise", None, False),
     ("byline", "Ana Vale", "ana vale", False),
     ("lang", "en-GB", "EN-gb", True),
     ("lang", "en-GB", "en", False),
     ("dir", "rtl", "RTL", True),
     ("publishedTime", "2020-01-02T03:04:05Z", datetime.fromisoformat("2020-01-02T03:04:05+00:00"),
      True)],
)
def test_agrees(field: str, expected: str, got: object, same: bool) -> None:
    assert reading.agrees(field, expected, got) is same


@pytest.mark.parametrize(
    ("expected", "candidates", "same"),
    [("Ana Vale", ["By ANA VALE"], True),
     ("By Ana Vale, Harbour Daily", ["Ana Vale"], True),
     ("Ana Vale", [None, "", "Staff"], False),
     ("Ana Vale", [], False)],
)
def test_loose_byline(expected: str, candidates: list[str | None], same: bool) -> None:
    assert reading.loose_byline(expected, candidates) is same


@pytest.mark.parametrize(("expected", "got", "site", "byline", "same"), [
    ("How to Build a Terrarium | Home Tips", "How to Build a Terrarium", "Home Tips", None, True),
    ("Quotas agreed - Jane Roe", "Quotas agreed", "Daily Planet", "Jane Roe", True),
    ("Quotas agreed", "Quotas agreed", None, None, True),
    ("Quotas agreed | Daily Planet", "Quotas", "Daily Planet", None, False),
    ("Quotas agreed | Daily Planet", "Daily Planet", "Daily Planet", None, False),
    ("Quotas agreed in Brussels", "Quotas agreed", "Daily Planet", None, False),
])
def test_title_or_better_drops_only_the_site_or_the_author(
        expected: str, got: str, site: str | None, byline: str | None, same: bool) -> None:
    assert reading.title_or_better(expected, got, site, byline) is same
