"""Normalising text before judging: invisible characters out, spaces plain and single."""

from __future__ import annotations

import pytest

from l10n.check.normalize import normalize_for_judging


@pytest.mark.parametrize(("text", "expected"), [
    ("Leich\u00adte Spra\u00adche", "Leichte Sprache"),  # soft hyphens
    ("Kri\u00admi\u00adna\u00adli\u00adtät", "Kriminalität"),
    ("Daten\u200bschutz", "Datenschutz"),  # zero-width space
    ("\ufeffStartseite", "Startseite"),  # byte order mark / zero-width no-break space
    ("Wort\u2060verbinder", "Wortverbinder"),  # word joiner
    ("Zero\u200dwidth joiner", "Zerowidth joiner"),
    ("Beyoncé\u200c", "Beyoncé"),  # a ZWNJ at the end, or among Latin letters: no use
    ("Auf\u200clage", "Auflage"),
    ("\u200eDeutsch\u200e", "Deutsch"),  # left-to-right marks
    ("Беларуская (тарашкевіца)\u200e", "Беларуская (тарашкевіца)"),
    ("\u202bעברית\u202c", "עברית"),  # embedding and pop
    ("\u2067العربية\u2069 (ar)", "العربية (ar)"),  # isolates
    ("\u202eabc\u202d", "abc"),  # overrides
    ("\u061cمرحبا", "مرحبا"),  # Arabic letter mark
    ("Seite\u00a01", "Seite 1"),  # no-break space
    ("10\u202f000\u2009km", "10 000 km"),  # narrow no-break and thin spaces
    ("東京\u3000大阪", "東京 大阪"),  # ideographic space
    ("  Mehr \t lesen \n ", "Mehr lesen"),  # whitespace collapsed and stripped
    ("a \u200b b", "a b"),  # a removed character between spaces leaves one space
    ("\u00ad\u200b", ""),
    ("می\u200cخواهم", "می\u200cخواهم"),  # Persian: kept between Arabic letters
    ("کتاب\u200cها", "کتاب\u200cها"),
    ("می\u200c\u200cخواهم", "می\u200cخواهم"),  # a run of them is one
    ("क्\u200cष", "क्\u200cष"),  # Devanagari: kept after a virama (a mark)
    ("ന്\u200cമ", "ന്\u200cമ"),  # Malayalam
    ("می\u200c", "می"),  # at the end: no use
    ("ab\u200cمی", "abمی"),  # Latin on one side: removed
    ("می \u200cخواهم", "می خواهم"),  # beside a space: removed
    ("Plain text", "Plain text"),
    ("", ""),
])
def test_normalize_for_judging(text: str, expected: str) -> None:
    assert normalize_for_judging(text) == expected
