import pytest

from l10n.timestamps import Timestamp, parse_timestamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18.05.2010, 15:30 Uhr", Timestamp(2010, 5, 18, 15, 30)),
        ("18:42 02.06.2010", Timestamp(2010, 6, 2, 18, 42)),
        ("18 مايو 2010", Timestamp(2010, 5, 18)),
        ("May 18, 2010", Timestamp(2010, 5, 18)),
        ("May 18, 2010, 3:30 PM", Timestamp(2010, 5, 18, 15, 30)),
        ("18 мая 2010 г., 15:30", Timestamp(2010, 5, 18, 15, 30)),
        ("2010年5月18日 15:30", Timestamp(2010, 5, 18, 15, 30)),
        ("2010-05-18T15:30", Timestamp(2010, 5, 18, 15, 30)),
        ("05/18/2010", Timestamp(2010, 5, 18)),
        ("18/05/2010", Timestamp(2010, 5, 18)),
        ("18 May", Timestamp(None, 5, 18)),
        ("12:30 am 1 Jan 2020", Timestamp(2020, 1, 1, 0, 30)),
    ],
)
def test_timestamps(text: str, expected: Timestamp) -> None:
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Updated: 18 May 2010 by the editors", "In February, Romania", "12 comments", "0", "",
     "Von Miriam Sauer", "25:61 18.05.2010", "31.02.2010 is not a date at all, really"],
)
def test_not_timestamps(text: str) -> None:
    assert parse_timestamp(text) is None


def test_to_datetime_needs_year_and_time() -> None:
    assert Timestamp(2010, 5, 18).to_datetime() is None
    assert Timestamp(2010, 2, 30, 1, 0).to_datetime() is None
    assert str(Timestamp(2010, 5, 18, 15, 30).to_datetime()) == "2010-05-18 15:30:00"
