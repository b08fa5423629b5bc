"""The binary ``.mo`` format gettext's runtime reads: a catalog's translations, sorted by
their keys, with no hash table (readers then search the sorted keys).

The bytes are those polib writes (the project's ``.mo`` writer before this module): keys
sorted by their UTF-8 bytes (``msgctxt`` EOT ``msgid``; a plural key adds NUL
``msgid_plural``, its value the forms joined by NUL), the header first, built from its fields
in polib's order; native byte order.
"""

from __future__ import annotations

import re
import struct
from array import array
from collections.abc import Iterable
from itertools import accumulate
from operator import itemgetter

from l10n.po.model import HEADER_FIELDS

__all__ = ["mo_image"]

_MAGIC = 0x950412DE
# polib writes these header fields first, in this order, then the others in natural order.
_HEADER_ORDER = (*HEADER_FIELDS, "Plural-Forms")
_DIGITS = re.compile("([0-9]+)")


def _natural(key: str) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in _DIGITS.split(key)]


def _header_value(fields: dict[str, str]) -> str:
    """The header's msgstr as the .mo holds it: ``Name: value`` lines, one order for all."""
    rest = dict(fields)
    lines = [f"{name}: {rest.pop(name)}" for name in _HEADER_ORDER if name in rest]
    lines.extend(f"{name}: {rest[name]}" for name in sorted(rest, key=_natural))
    return "\n".join(lines) + "\n" if lines else ""


def mo_image(header: dict[str, str],
             entries: Iterable[tuple[str | None, str, str | None, tuple[str, ...]]]) -> bytes:
    """The ``.mo`` bytes of ``header`` (its fields) and ``entries``: (msgctxt, msgid,
    msgid_plural, msgstrs) of each translated entry, in catalog order (a singular entry's
    msgstrs are its one msgstr)."""
    rows = []
    for msgctxt, msgid, msgid_plural, msgstrs in entries:
        key = f"{msgctxt}\x04{msgid}" if msgctxt else msgid
        if msgid_plural is None:
            rows.append((key, key, msgstrs[0]))
        elif msgid_plural:
            rows.append((key, f"{key}\0{msgid_plural}", "\0".join(msgstrs)))
        else:  # an empty msgid_plural: polib wrote a singular key without a translation
            rows.append((key, key, ""))
    # By the keys' UTF-8 bytes, which is the order of their code points (stable: duplicates
    # stay in catalog order).
    rows.sort(key=itemgetter(0))
    keys = ["", *map(itemgetter(1), rows)]
    values = [_header_value(header), *map(itemgetter(2), rows)]
    count = len(keys)
    key_start = 7 * 4 + 16 * count
    ids = ("\0".join(keys) + "\0").encode("utf-8")
    value_start = key_start + len(ids)
    key_sizes = [len(k) if k.isascii() else len(k.encode("utf-8")) for k in keys]
    value_sizes = [len(v) if v.isascii() else len(v.encode("utf-8")) for v in values]
    offsets = array("i", [0]) * (4 * count)
    # Each string's length, then its offset; the strings follow one another, NUL-terminated.
    offsets[0 : 2 * count : 2] = array("i", key_sizes)
    offsets[1 : 2 * count : 2] = array("i", accumulate((n + 1 for n in key_sizes[:-1]),
                                                       initial=key_start))
    offsets[2 * count :: 2] = array("i", value_sizes)
    offsets[2 * count + 1 :: 2] = array("i", accumulate((n + 1 for n in value_sizes[:-1]),
                                                        initial=value_start))
    head = struct.pack("Iiiiiii", _MAGIC, 0, count, 7 * 4, 7 * 4 + count * 8, 0, key_start)
    return head + offsets.tobytes() + ids + ("\0".join(values) + "\0").encode("utf-8")
