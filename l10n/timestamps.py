"""Dates and times as pages print them: ``03.11.2021, 09:15 Uhr``, ``Nov 3, 2021``,
``09:15 03.11.2021``, ``3 ноября 2021 г.``, ``2021年11月3日 9:15``.

Readers use this to tell a timestamp line from chrome and to fill ``PageMeta.published``.
Month names come from CLDR in every language (:func:`l10n.dateline.month_number`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from l10n.dateline import month_number

__all__ = ["Timestamp", "parse_timestamp"]

_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")
_CJK_DATE = re.compile(
    r"(?:(?P<y>\d{4})\s*[年년])?\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
)
_TIME = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})\s*(?::|時|시)\s*(?P<mi>\d{2})(?:\s*:\s*\d{2})?\s*(?:分|분)?"
    r"\s*(?P<ap>[ap]\.?\s?m\.?|午前|午後|오전|오후)?(?![\d])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\d+|[^\W\d_]+\.?")
# Words that may sit in a timestamp line without making it prose: "г.", "Uhr", "at"...
_MAX_FILLER = 2
_FILLER_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Timestamp:
    """A printed date, with the time when one was printed."""

    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None

    def to_datetime(self) -> datetime | None:
        """A naive datetime when year, date and time are all known, else None."""
        if self.year is None or self.hour is None or self.minute is None:
            return None
        try:
            return datetime(self.year, self.month, self.day, self.hour, self.minute)
        except ValueError:
            return None


def parse_timestamp(text: str) -> Timestamp | None:
    """The date (and time) of a line that holds only a timestamp, else None.

    A line counts when what is left after the date and time is at most two short words
    (``г.``, ``Uhr``, ``at``) and punctuation; a line with prose around a date is not one.
    """
    if not text or len(text) > 60 or not any(ch.isdigit() for ch in text):
        return None
    rest = text
    hour = minute = None
    time = _TIME.search(rest)
    if time is not None:
        hour, minute = int(time["h"]), int(time["mi"])
        marker = (time["ap"] or "").lower().replace(".", "").replace(" ", "")
        if marker in ("pm", "午後", "오후") and hour < 12:
            hour += 12
        elif marker in ("am", "午前", "오전") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        rest = rest[: time.start()] + " " + rest[time.end():]
    date = _numeric_date(rest) or _named_date(rest)
    if date is None:
        return None
    (year, month, day), rest = date
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    leftover = _TOKEN.findall(rest)
    if any(t.isdigit() for t in leftover):
        return None
    if len(leftover) > _MAX_FILLER or any(len(t.rstrip(".")) > _FILLER_LENGTH for t in leftover):
        return None
    return Timestamp(year, month, day, hour, minute)


def _numeric_date(text: str) -> tuple[tuple[int | None, int, int], str] | None:
    for pattern in (_ISO_DATE, _CJK_DATE):
        match = pattern.search(text)
        if match:
            year = int(match["y"]) if match["y"] else None
            rest = text[: match.start()] + " " + text[match.end():]
            return (year, int(match["m"]), int(match["d"])), rest
    match = _DMY.search(text)
    if match:
        first, second = int(match["a"]), int(match["b"])
        # Day first everywhere but in US slash dates; an impossible month settles it.
        month_first = match["sep"] == "/" and first <= 12 and second > 12
        day, month = (second, first) if month_first else (first, second)
        rest = text[: match.start()] + " " + text[match.end():]
        return (int(match["y"]), month, day), rest
    return None


def _named_date(text: str) -> tuple[tuple[int | None, int, int], str] | None:
    tokens = list(_TOKEN.finditer(text))
    month_at = None
    month = None
    for index, token in enumerate(tokens):
        if not token.group().isdecimal():  # "¹" is a digit int() refuses, not a decimal
            number = month_number(token.group())
            if number is not None:
                month_at, month = index, number
                break
    if month_at is None or month is None:
        return None
    numbers = [(i, int(t.group())) for i, t in enumerate(tokens) if t.group().isdecimal()]
    day = next((n for i, n in numbers if n <= 31 and abs(i - month_at) == 1), None)
    if day is None:
        return None
    year = next((n for _, n in numbers if 1900 <= n <= 2200), None)
    used = {month_at} | {i for i, n in numbers if n in (day, year)}
    rest = " ".join(t.group() for i, t in enumerate(tokens) if i not in used)
    return (year, month, day), rest
