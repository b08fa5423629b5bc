"""Page decoding: UTF-8 first, then the declared charset, then detection; clear errors."""

from __future__ import annotations

import codecs

import pytest

from l10n.errors import InputError
from l10n.readers.decode import ascii_charset, decode_page

RUSSIAN = "Заголовок открываемого материала. Президент России провел совещание."


def test_utf8_with_and_without_bom() -> None:
    assert decode_page(RUSSIAN.encode(), "p") == RUSSIAN
    assert decode_page(codecs.BOM_UTF8 + RUSSIAN.encode(), "p") == RUSSIAN


def test_declared_charset_is_used_when_not_utf8() -> None:
    html = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
    assert decode_page(html.encode("cp1251"), "p") == html


def test_xml_declaration_charset() -> None:
    html = f'<?xml version="1.0" encoding="koi8-r"?><html><body>{RUSSIAN}</body></html>'
    assert decode_page(html.encode("koi8_r"), "p") == html


def test_undeclared_legacy_charset_is_detected() -> None:
    text = (RUSSIAN + " ") * 20
    assert decode_page(text.encode("cp1251"), "p") == text


def test_utf16_with_bom() -> None:
    assert decode_page(RUSSIAN.encode("utf-16"), "p") == RUSSIAN


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "p: empty page; nothing to read; check the file"),
     (b"  \n\t ", "p: empty page; nothing to read; check the file"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "p: binary file, not a page; give an HTML or text page")],
    ids=["empty", "blank", "binary"],
)
def test_bad_bytes_give_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_page(data, "p")
    assert str(caught.value) == message


@pytest.mark.parametrize(("declared", "codec"), [
    ("UTF-8", "utf-8"), ("latin1", "iso8859-1"), ("windows-1251", "cp1251"),
    ("Shift_JIS", "shift_jis"), ("EUC-JP", "euc_jp"), ("koi8-r", "koi8-r"),
    ("UTF-16", None), ("utf-7", None), ("base64", None), ("unicode_escape", None),
    ("raw-unicode-escape", None), ("undefined", None), ("idna", None), ("no-such", None),
])
def test_ascii_charset_accepts_only_charsets_that_keep_ascii(declared: str,
                                                              codec: str | None) -> None:
    assert ascii_charset(declared) == codec


def test_a_page_declaring_utf16_without_a_bom_is_read_as_browsers_read_it() -> None:
    """Bytes whose <meta> can be read as ASCII are not UTF-16, whatever they declare."""
    html = f'<html><head><meta charset="utf-16"></head><body>{RUSSIAN}</body></html>'
    assert decode_page(html.encode("cp1251"), "p") == html
