"""Bytes to text for pages: UTF-8 first, then the charset the page declares, then a detector.

A page that is binary (NUL bytes), empty, or undecodable is an :class:`~l10n.errors.InputError`
naming the path, never a traceback.
"""

from __future__ import annotations

import codecs
import re

from l10n.errors import InputError

__all__ = ["ascii_charset", "decode_page"]

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def decode_page(data: bytes, path: str) -> str:
    """Decode page bytes: UTF-8 (BOM allowed), else the declared charset, else a detected one."""
    if not data.strip():
        raise InputError("empty page", path=path, hint="nothing to read; check the file")
    if b"\x00" in data[:8192] and not _is_utf16(data):
        raise InputError(
            "binary file, not a page", path=path, hint="give an HTML or text page"
        )
    if _is_utf16(data):
        try:
            return _strip_bom(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise InputError(
                "starts with a UTF-16 byte order mark but is not valid UTF-16",
                path=path,
                line=data[: exc.start].decode("utf-16", "replace").count("\n") + 1,
                hint="re-save the file as UTF-8",
            ) from None
    try:
        return _strip_bom(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeError, LookupError):  # some codecs raise UnicodeError itself
            pass
    detected = _detect(data)
    if detected is not None:
        return detected
    line = data.count(b"\n", 0, first_bad) + 1
    raise InputError(
        "not valid UTF-8 and no usable charset found",
        path=path,
        line=line,
        hint="re-save the file as UTF-8 or declare its charset in <meta charset>",
    )


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _is_utf16(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return ascii_charset((match.group(1) or match.group(2)).decode("ascii", "replace"))


_ASCII = "".join(map(chr, range(128)))


def ascii_charset(name: str) -> str | None:
    """Python's codec name for a declared charset that pages and PO files can be written in,
    i.e. one that writes ASCII as ASCII; None for anything else: unknown names, UTF-16 and
    UTF-7 (as browsers do), and codecs that are no charset (base64, unicode-escape, idna)."""
    try:
        codec = codecs.lookup(name).name
        if _ASCII.encode(codec) != _ASCII.encode("ascii"):
            return None
    except (LookupError, UnicodeError):
        return None
    # Writes ASCII as ASCII, but reads "\u00e9" as "é".
    return None if codec == "raw-unicode-escape" else codec


def _detect(data: bytes) -> str | None:
    """Detected text, preferring encodings the web uses over near-equal rivals (mac_cyrillic)."""
    from charset_normalizer import from_bytes  # loaded only for non-UTF-8 pages

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= best + 0.02]
    for match in close:
        if match.encoding in _WEB_ENCODINGS:
            return str(match)
    return str(close[0])


# The legacy encodings of the WHATWG Encoding Standard (Python codec names).
_WEB_ENCODINGS = frozenset({
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "cp874", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r",
    "koi8_u", "gb18030", "gbk", "gb2312", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
    "latin_1", "cp866",
})
