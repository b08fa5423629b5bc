"""Declared charsets that text formats built on ASCII can use: the one rule pages and PO files
share (a charset must write ASCII as ASCII)."""

from __future__ import annotations

import codecs

__all__ = ["ascii_charset"]

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
