"""Page decoding: UTF-8 first, then the declared charset, then detection; clear errors."""

from __future__ import annotations

import codecs

import pytest

from l10n.errors import InputError
from l10n.readers.decode import decode_page

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
