"""The binary ``.mo`` format gettext's runtime reads: a catalog's translations, sorted by
their keys, with no hash table (readers then search the sorted keys).

The bytes are those polib writes (the project's ``.mo`` writer before this module) for a UTF-8
catalog, and a catalog in another charset keeps it, as ``msgfmt`` does: keys sorted by their
bytes (``msgctxt`` EOT ``msgid``; a plural key adds NUL
``msgid_plural``, its value the forms joined by NUL), the header first, built from its fields
in polib's order; native byte order.
"""

from __future__ import annotations

import codecs
import functools
import re
import struct
from array import array
from itertools import accumulate
from operator import add, itemgetter

from l10n.po.model import HEADER_FIELDS

__all__ = ["mo_image", "mo_key", "mo_row"]

_MAGIC = 0x950412DE
# polib writes these header fields first, in this order, then the others in natural order.
_HEADER_ORDER = (*HEADER_FIELDS, "Plural-Forms")
_DIGITS = re.compile("([0-9]+)")
_ASCII = "".join(map(chr, range(128)))


def _natural(key: str) -> list[object]:
    return [int(part) if part.isdecimal() else part.lower() for part in _DIGITS.split(key)]


def _header_value(fields: dict[str, str]) -> str:
    """The header's msgstr as the .mo holds it: ``Name: value`` lines, one order for all."""
    rest = dict(fields)
    lines = [f"{name}: {rest.pop(name)}" for name in _HEADER_ORDER if name in rest]
    lines.extend(f"{name}: {rest[name]}" for name in sorted(rest, key=_natural))
    return "\n".join(lines) + "\n" if lines else ""


def _starts(sizes: array[int], first: int) -> array[int]:
    """Where each of a run of NUL-terminated strings of ``sizes`` starts, the first at
    ``first``: the sizes before it, plus one NUL each."""
    return array("i", map(add, accumulate(sizes[:-1], initial=0),
                          range(first, first + len(sizes))))


def _byte_lengths(texts: list[str], encoding: str) -> list[int]:
    """Each text's length in ``encoding``: an ASCII text's is its length in characters (most
    strings) in any charset that writes ASCII as ASCII, as every charset gettext reads does."""
    if not _keeps_ascii(encoding):
        return [len(text.encode(encoding)) for text in texts]
    return [len(text) if text.isascii() else len(text.encode(encoding)) for text in texts]


@functools.lru_cache(maxsize=64)
def _keeps_ascii(encoding: str) -> bool:
    """Whether ``encoding`` writes every ASCII character as its one ASCII byte (not UTF-16's
    two bytes, nor UTF-7's ``+-`` for ``+``)."""
    try:
        return _ASCII.encode(encoding) == _ASCII.encode("ascii")
    except (UnicodeError, LookupError):
        return False


def mo_key(msgctxt: str | None, msgid: str) -> str:
    """The key a translation is looked up by: ``msgctxt`` EOT ``msgid``, or ``msgid`` alone."""
    return f"{msgctxt}\x04{msgid}" if msgctxt else msgid


def mo_row(msgctxt: str | None, msgid: str, msgid_plural: str | None,
           msgstrs: tuple[str, ...]) -> tuple[str, str, str]:
    """One translated entry as :func:`mo_image` takes it: (sort key, key as stored, value); a
    singular entry's msgstrs are its one msgstr."""
    key = mo_key(msgctxt, msgid)
    if msgid_plural is None:
        return key, key, msgstrs[0]
    if msgid_plural:
        return key, f"{key}\0{msgid_plural}", "\0".join(msgstrs)
    return key, key, ""  # an empty msgid_plural: polib wrote a singular key, untranslated


def mo_image(header: dict[str, str], rows: list[tuple[str, str, str]],
             encoding: str = "utf-8") -> bytes:
    """The ``.mo`` bytes of ``header`` (its fields) and ``rows`` (:func:`mo_row` of each
    translated entry, in catalog order; sorted here, in place), in the catalog's charset
    ``encoding``, which its header names (as ``msgfmt`` keeps it: readers decode by it)."""
    # By the keys' bytes, as the runtime's binary search compares them: in UTF-8 (and ASCII)
    # the order of their code points. Stable: duplicates stay in catalog order.
    if codecs.lookup(encoding).name in ("utf-8", "ascii"):
        rows.sort(key=itemgetter(0))
    else:
        rows.sort(key=lambda row: row[0].encode(encoding))
    keys = ["", *map(itemgetter(1), rows)]
    values = [_header_value(header), *map(itemgetter(2), rows)]
    count = len(keys)
    ids = ("\0".join(keys) + "\0").encode(encoding)
    strs = ("\0".join(values) + "\0").encode(encoding)
    key_start = 7 * 4 + 16 * count
    value_start = key_start + len(ids)
    # Each string's length in bytes (plural keys and values hold NULs), then its offset.
    key_sizes = array("i", _byte_lengths(keys, encoding))
    value_sizes = array("i", _byte_lengths(values, encoding))
    offsets = array("i", [0]) * (4 * count)
    offsets[0 : 2 * count : 2] = key_sizes
    offsets[1 : 2 * count : 2] = _starts(key_sizes, key_start)
    offsets[2 * count :: 2] = value_sizes
    offsets[2 * count + 1 :: 2] = _starts(value_sizes, value_start)
    head = struct.pack("Iiiiiii", _MAGIC, 0, count, 7 * 4, 7 * 4 + count * 8, 0, key_start)
    return head + offsets.tobytes() + ids + strs
