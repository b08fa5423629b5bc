"""Page decoding as one charset (a BOM, a declared legacy charset, UTF-8 with its stray bytes
read one by one, then detection), with what browsers show differently; clear errors."""

from __future__ import annotations

import codecs

import pytest

from l10n.errors import InputError
from l10n.readers.decode import Decoded, ascii_charset, browser_charset, decode, decode_page

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


GERMAN = "Grüße aus Köln: Straßenbahn, Mädchen, Öl, Übung. " * 4
UTF8_META = '<html><head><meta charset="utf-8"></head><body>'


def _page(body: bytes, head: bytes = b"<html><head></head><body>") -> bytes:
    return head + body + b"</body></html>"


@pytest.mark.parametrize(("data", "expected"), [
    # Declared UTF-8, a few stray Latin-1 bytes: UTF-8, each stray byte read as windows-1252.
    (_page(GERMAN.encode() + b"Hosting f\xfcr Profit", UTF8_META.encode()),
     Decoded(UTF8_META + GERMAN + "Hosting für Profit</body></html>", "utf-8", "utf-8",
             (len(UTF8_META + GERMAN) + 9,),
             "1 byte is not UTF-8 (the first on line 1, read as windows-1252); browsers show "
             "U+FFFD")),
    # Undeclared, the same: UTF-8 too; windows-1252's own characters (0x84, 0x93: quotes).
    (_page(GERMAN.encode() + b"\x84Hallo\x93"),
     Decoded("<html><head></head><body>" + GERMAN + "„Hallo“</body></html>", "utf-8", None,
             (25 + len(GERMAN), 25 + len(GERMAN) + 6),
             "2 bytes are not UTF-8 (the first on line 1, read as windows-1252); browsers show "
             "U+FFFD")),
    # A byte windows-1252 leaves undefined: the C1 control browsers map it to.
    (_page(GERMAN.encode() + b"x\x81y"),
     Decoded("<html><head></head><body>" + GERMAN + "x\x81y</body></html>", "utf-8", None,
             (25 + len(GERMAN) + 1,),
             "1 byte is not UTF-8 (the first on line 1, read as windows-1252); browsers show "
             "U+FFFD")),
    # Valid UTF-8 throughout, no declaration: UTF-8, nothing to say.
    (_page(GERMAN.encode()),
     Decoded("<html><head></head><body>" + GERMAN + "</body></html>", "utf-8")),
    # A UTF-8 byte order mark decides, whatever the page declares; strays read one by one.
    (codecs.BOM_UTF8 + _page(b"caf\xc3\xa9 f\xfcr", b'<meta charset="windows-1251">'),
     Decoded('<meta charset="windows-1251">café für</body></html>', "utf-8", None, (35,),
             "1 byte is not UTF-8 (the first on line 1, read as windows-1252); browsers show "
             "U+FFFD")),
])
def test_stray_bytes_in_a_utf8_page_are_read_one_by_one(data: bytes, expected: Decoded) -> None:
    assert decode(data, "p") == expected


def test_stray_offsets_point_at_the_characters_read_from_them() -> None:
    data = _page(("Zürich\n" * 30).encode() + b"\nK\xfcchen\nS\xfc\xdf", UTF8_META.encode())
    decoded = decode(data, "p")
    assert [decoded.text[at] for at in decoded.strays] == ["ü", "ü", "ß"]
    assert decoded.problem is not None and "the first on line 32" in decoded.problem


@pytest.mark.parametrize(("share", "declared", "utf8"), [
    # Stray bytes against UTF-8 sequences: an undeclared page is UTF-8 from 90% on, one that
    # declares UTF-8 from 50% on; below, the whole page is another charset (detected).
    (0.96, False, True), (0.84, False, False), (0.6, True, True), (0.3, True, False),
])
def test_how_much_utf8_makes_a_page_utf8(share: float, declared: bool, utf8: bool) -> None:
    n_utf8 = round(50 * share)  # words of two non-ASCII bytes each: 100 such bytes
    words = ["Straße"] * n_utf8 + ["Gr\udcfc\udcdfe"] * (50 - n_utf8)
    body = " und ".join(words).encode("utf-8", "surrogateescape")
    decoded = decode(_page(body, UTF8_META.encode() if declared else b"<html><body>"), "p")
    assert (decoded.charset == "utf-8", "Grüße" in decoded.text, "Straße" in decoded.text) \
        == (utf8, True, utf8)
    if not utf8 and declared:
        assert decoded.problem == ("declares UTF-8, but 70 of its 100 non-ASCII bytes are not "
                                   f"UTF-8 (read as {decoded.charset}); browsers show them as "
                                   "U+FFFD")


def test_a_legacy_page_mislabelled_utf8_is_read_in_its_charset() -> None:
    html = f"{UTF8_META}{RUSSIAN * 5}</body></html>"
    decoded = decode(html.encode("cp1251"), "p")
    assert (decoded.text, decoded.charset, decoded.declared) == (html, "cp1251", "utf-8")
    assert decoded.problem is not None and decoded.problem.startswith("declares UTF-8, but 300")


@pytest.mark.parametrize(("charset", "text", "shown", "codec"), [
    # A declared legacy charset wins over UTF-8 bytes, as in browsers: the page shows mojibake.
    ("iso-8859-1", "für", "fÃ¼r", "cp1252"),
    ("gb2312", "关于我们", "鍏充簬鎴戜滑", "gb18030"),
    ("Shift_JIS", "お問い合わせ", "縺雁撫縺�蜷医ｏ縺�", "cp932"),
])
def test_a_declared_legacy_charset_wins_over_utf8_bytes(charset: str, text: str, shown: str,
                                                       codec: str) -> None:
    head = f'<html><head><meta charset="{charset}"></head><body>'
    decoded = decode(f"{head}{text}</body></html>".encode(), "p")
    assert decoded == Decoded(f"{head}{shown}</body></html>", codec, codec, (),
                              f"declares {charset}, but its bytes are UTF-8: browsers show its "
                              "non-ASCII text as mojibake")


@pytest.mark.parametrize(("charset", "data", "text"), [
    # Labels read as browsers read them: Latin-1 is windows-1252 (0x85 an ellipsis, 0x84 and
    # 0x93 quotes), GB2312 is GB18030 (0xA1AA an em dash), bytes a charset lacks are U+FFFD.
    ("iso-8859-1", b"Idealen (\x85) \x84Das\x93", "Idealen (…) „Das“"),
    ("gb2312", "誓言".encode("gb2312") + b"\xa1\xaa", "誓言—"),
    ("windows-1251", b"\xcf\xf0\xe8\x98", "При\ufffd"),
])
def test_declared_charsets_are_read_with_the_browsers_decoder(charset: str, data: bytes,
                                                             text: str) -> None:
    head = f'<meta charset="{charset}">'
    decoded = decode(head.encode() + data, "p")
    assert (decoded.text, decoded.problem) == (head + text, None)


@pytest.mark.parametrize(("label", "codec"), [
    ("latin1", "cp1252"), ("US-ASCII", "cp1252"), ("windows-1252", "cp1252"),
    ("iso-8859-9", "cp1254"), ("tis-620", "cp874"), ("gb2312", "gb18030"), ("GBK", "gb18030"),
    ("big5", "big5hkscs"), ("shift_jis", "cp932"), ("euc-kr", "cp949"), ("koi8-r", "koi8-r"),
    ("utf-8", "utf-8"), ("UTF-16", None), ("no-such", None),
])
def test_browser_charset(label: str, codec: str | None) -> None:
    assert browser_charset(label) == codec


def test_decode_page_is_the_text_of_decode() -> None:
    data = _page(GERMAN.encode() + b"f\xfcr")
    assert decode_page(data, "p") == decode(data, "p").text
