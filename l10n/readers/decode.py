"""Bytes to text for pages, as one charset: the one a browser would use, read as the author meant.

The rules, in order (browsers': a byte order mark, then ``<meta charset>`` or the XML
declaration, then a guess; the HTTP header, which a file on disk has not, is left out):

1. A UTF-8 or UTF-16 byte order mark decides.
2. A page declaring a legacy charset (windows-1252, gb2312, Shift_JIS...) is read in it, under
   the name browsers give it (the WHATWG Encoding Standard: ``iso-8859-1`` is windows-1252,
   ``gb2312`` is GB18030...), bytes the charset lacks as U+FFFD, as browsers show them. Even a
   page whose bytes are valid UTF-8 through and through: the declaration wins in browsers, so
   readers see mojibake, a real defect of the page's own bytes that the checker must report;
   :attr:`Decoded.problem` says so once for the whole page.
3. A page declaring UTF-8, or nothing, whose non-ASCII bytes are UTF-8 (all of them, or
   nearly all: :data:`UTF8_SHARE` of them for an undeclared page, :data:`DECLARED_UTF8_SHARE`
   for one that declares UTF-8) is UTF-8. Each byte that is not UTF-8 is read on its own as
   windows-1252: a lone high byte in a UTF-8 page is nearly always a Latin letter pasted from a
   legacy source ("f\\xfcr"), which windows-1252 reads as the author meant ("für"), keeping the
   word whole for the language judgement; browsers show U+FFFD there, and
   :attr:`Decoded.strays` keeps where, so that a check can say so. Reading the whole page as
   windows-1252 instead (what one stray byte used to cause) turns every correct letter of the
   page into mojibake no browser shows.
4. Anything else (undeclared legacy bytes, or a page declaring UTF-8 that is mostly in another
   charset) is read with the charset a detector finds (charset-normalizer).

A page that is binary (NUL bytes), empty, or undecodable is an :class:`~l10n.errors.InputError`
naming the path, never a traceback.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from l10n.charsets import ascii_charset
from l10n.errors import InputError

__all__ = [
    "DECLARED_UTF8_SHARE",
    "UTF8_SHARE",
    "Decoded",
    "ascii_charset",
    "browser_charset",
    "decode",
    "decode_page",
]

# The share of a page's non-ASCII bytes that must be UTF-8 sequences for it to be UTF-8 (with
# the rest read byte by byte). Legacy text is far below either: accented Latin letters in
# windows-1252 almost never pair up as UTF-8, and GB18030 Chinese text does for about a third
# of its bytes.
UTF8_SHARE = 0.9
DECLARED_UTF8_SHARE = 0.5

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte surrogateescape kept: one that is not UTF-8
# Python's codec for a charset label, to the decoder browsers use for it (WHATWG Encoding
# Standard, "Names and labels"): supersets that read every page of the smaller charset alike.
_BROWSER_CODECS = {
    "ascii": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
    "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs",
    "shift_jis": "cp932", "euc_kr": "cp949",
}


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text, the codec it was read with, and what a browser shows differently."""

    text: str
    charset: str  # Python's codec name; "utf-8" also when stray bytes were read as cp1252
    declared: str | None = None  # the codec a browser reads the declared charset with
    strays: tuple[int, ...] = ()  # offsets in ``text`` of bytes that are not UTF-8
    problem: str | None = None  # one line on what readers see wrong, for the whole page


def decode_page(data: bytes, path: str) -> str:
    """The text of page bytes, read as :func:`decode` says."""
    return decode(data, path).text


def decode(data: bytes, path: str) -> Decoded:
    """Page bytes to text by the module's rules, with the charset and its problems."""
    if not data.strip():
        raise InputError("empty page", path=path, hint="nothing to read; check the file")
    if b"\x00" in data[:8192] and not _is_utf16(data):
        raise InputError(
            "binary file, not a page", path=path, hint="give an HTML or text page"
        )
    if _is_utf16(data):
        try:
            return Decoded(_strip_bom(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                "starts with a UTF-16 byte order mark but is not valid UTF-16",
                path=path,
                line=data[: exc.start].decode("utf-16", "replace").count("\n") + 1,
                hint="re-save the file as UTF-8",
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return _bom_utf8(data[len(codecs.BOM_UTF8):])
    label, declared = _declared_charset(data)
    if declared not in (None, "utf-8"):
        return _as_declared(data, label, declared)
    try:  # valid UTF-8 (most pages): no stray byte to search for, a scan 7x the decoding's
        return Decoded(data.decode("utf-8"), "utf-8", declared)
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    first = _ESCAPED.search(text)
    if first is None:
        return Decoded(text, "utf-8", declared)
    high, strays = _utf8_counts(data, text)
    if high - strays >= (DECLARED_UTF8_SHARE if declared else UTF8_SHARE) * high:
        return _utf8(text, declared)
    detected = _detect(data)
    if detected is not None:
        charset, found = detected
        problem = (f"declares UTF-8, but {strays} of its {high} non-ASCII bytes are not UTF-8 "
                   f"(read as {charset}); browsers show them as U+FFFD") if declared else None
        return Decoded(_strip_bom(found), charset, declared, problem=problem)
    raise InputError(
        "not valid UTF-8 and no usable charset found",
        path=path,
        line=text.count("\n", 0, first.start()) + 1,
        hint="re-save the file as UTF-8 or declare its charset in <meta charset>",
    )


def _utf8_counts(data: bytes, text: str) -> tuple[int, int]:
    """(non-ASCII bytes, those of them that are not UTF-8) of ``data``, ``text`` being its
    UTF-8 reading with surrogateescape."""
    return len(data) - len(data.translate(None, _HIGH_BYTES)), len(_ESCAPED.findall(text))


def _bom_utf8(data: bytes) -> Decoded:
    """The bytes after a UTF-8 byte order mark, read as :func:`_utf8` says."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _utf8(data.decode("utf-8", "surrogateescape"), None)


def _utf8(text: str, declared: str | None) -> Decoded:
    """UTF-8 text (decoded with surrogateescape) with each byte that is not UTF-8 read as
    windows-1252 (the bytes it leaves undefined as the C1 controls, as browsers map them)."""
    strays = tuple(match.start() for match in _ESCAPED.finditer(text))
    if not strays:
        return Decoded(text, "utf-8", declared)
    line = text.count("\n", 0, strays[0]) + 1
    many = "bytes are" if len(strays) > 1 else "byte is"
    problem = (f"{len(strays)} {many} not UTF-8 (the first on line {line}, read as "
               "windows-1252); browsers show U+FFFD")
    return Decoded(_ESCAPED.sub(_cp1252, text), "utf-8", declared, strays, problem)


def _cp1252(escaped: re.Match[str]) -> str:
    byte = ord(escaped.group()) - 0xDC00
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _as_declared(data: bytes, label: str, codec: str) -> Decoded:
    """The page read in the charset it declares, as browsers read it."""
    text = _strip_bom(data.decode(codec, "replace"))
    problem = None
    if not data.isascii():
        high, strays = _utf8_counts(data, data.decode("utf-8", "surrogateescape"))
        if high - strays >= UTF8_SHARE * high:
            problem = (f"declares {label}, but its bytes are UTF-8: browsers show its "
                       "non-ASCII text as mojibake")
    return Decoded(text, codec, codec, problem=problem)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _is_utf16(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _declared_charset(data: bytes) -> tuple[str, str | None]:
    """The charset label a page declares ("" for none) and the codec browsers read it with
    (None: no label, or an unusable one)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return "", None
    label = (match.group(1) or match.group(2)).decode("ascii", "replace")
    return label, browser_charset(label)


def browser_charset(name: str) -> str | None:
    """Python's codec for the decoder browsers use for a charset label (``latin1`` is
    ``cp1252``); None for labels :func:`ascii_charset` refuses."""
    codec = ascii_charset(name)
    return _BROWSER_CODECS.get(codec, codec) if codec else None


def _detect(data: bytes) -> tuple[str, str] | None:
    """The detected charset and text, preferring encodings the web uses over near-equal rivals
    (mac_cyrillic)."""
    from charset_normalizer import from_bytes  # loaded only for non-UTF-8 pages

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= best + 0.02]
    for match in close:
        if match.encoding in _WEB_ENCODINGS:
            return match.encoding, str(match)
    return close[0].encoding, str(close[0])


# The legacy encodings of the WHATWG Encoding Standard (Python codec names).
_WEB_ENCODINGS = frozenset({
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "cp874", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r",
    "koi8_u", "gb18030", "gbk", "gb2312", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
    "latin_1", "cp866",
})
