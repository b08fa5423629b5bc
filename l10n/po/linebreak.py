"""Where GNU gettext breaks a PO string's lines: libunistring's UAX #14 line breaking and
column widths.

* Break opportunities come from the Unicode 14 pair table (measured with msgcat, see
  ``_PAIR_ROWS``), then a greedy fill breaks at the last opportunity before the line would
  overflow. So lines end after spaces (the space stays on the line), after hyphens and
  dashes, before an opening bracket of East Asian width, around ideographs, kana and Hangul
  syllables (never before small kana, ``ー``, ``。``, ``、`` or other closing punctuation),
  after ``/`` and before a letter that follows ``.`` or ``:``; never between ``\\`` and its
  escaped letter, never just before a final ``\\n``. Thai, Lao, Myanmar and Khmer are not
  broken inside words.
* Widths: East Asian wide and fullwidth characters count two columns; combining marks,
  format characters (soft hyphen included) and control characters none; an escape sequence
  counts two.
* In the legacy CJK encodings (EUC-JP, EUC-KR, GB2312, GBK, BIG5, CP949, JOHAB) characters
  of ambiguous width count two columns and break like ideographs.
"""

from __future__ import annotations

import codecs
import unicodedata

__all__ = ["is_cjk_encoding", "line_breaks"]

def line_breaks(
    escaped: str, forbid: bytearray | None, room: int, start_col: int, cjk: bool
) -> list[int]:
    """Positions of ``escaped`` where GNU starts a new line (libunistring's algorithm)."""
    # u8_possible_linebreaks (the UAX #14 pair table) and u8_width_linebreaks (break at the
    # last opportunity before a line passes ``room`` columns), fused into one pass.
    n = len(escaped)
    if escaped.isascii() and start_col + n <= room:
        return []  # no break is ever made when everything fits
    classes, widths = _char_tables(escaped, cjk)
    wid = [widths[c] for c in escaped]
    if start_col + sum(wid) <= room:
        return []
    cls = [classes[c] for c in escaped]
    pair = _PAIR
    result: list[int] = []
    last_p = -1  # the latest break opportunity
    column = start_col  # where the piece that ends at last_p starts
    piece = 0  # width since last_p
    prev = last = _BK  # class of the previous character, of the last non-space one
    seen_space = False
    regional = 0  # regional indicators just before this character
    for i in range(n):
        prop = cls[i]
        action = _PROHIBITED
        if prop == _BK:
            action = _MANDATORY
            last = _BK
            seen_space = False
        elif prop == _SP:
            seen_space = True
        elif prop == _ZW:
            last = _ZW
            seen_space = False
        elif prop in (_CM, _ZWJ):
            if last == _BK:
                last = _AL
                seen_space = False
            elif last == _ZW or seen_space:
                action = _POSSIBLE
                last = _AL
                seen_space = False
        else:
            if last == _BK or prev in (_ZWJ, _HL_BA):
                pass
            elif last == _ZW:
                action = _POSSIBLE
            elif last == _RI and prop == _RI:
                if seen_space or regional % 2 == 0:
                    action = _POSSIBLE
            else:
                rule = pair[last][prop]
                if rule == _D or (rule == _I and seen_space):
                    action = _POSSIBLE
            last = prop
            seen_space = False
        prev = _HL_BA if prev == _HL and prop in (_HY, _BA) else prop
        regional = regional + 1 if prop == _RI else 0
        if action and forbid is not None and forbid[i]:
            action = _PROHIBITED
        if action:
            if last_p >= 0 and column + piece > room:
                result.append(last_p)
                column = 0
            if action == _MANDATORY:
                last_p = -1
                column = piece = 0
                continue
            last_p = i
            column += piece
            piece = 0
        piece += wid[i]
    if last_p >= 0 and column + piece > room:
        result.append(last_p)
    return result


_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2


# Line-break classes (UAX #14). The first 31 index the pair table (OW is an opening
# punctuation of East Asian width, which Unicode 14's rule LB30 treats apart); the rest are
# handled before the table is consulted.
_CLASS_NAMES = (
    *("WJ", "GL", "B2", "BA", "BB", "HY", "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS", "NU"),
    *("PO", "PR", "SY", "AL", "H2", "H3", "ID", "JL", "JV", "JT", "HL", "RI", "EB", "EM", "ZWJ"),
    *("OW", "BK", "SP", "ZW", "CM", "HL_BA"),
)
_WJ, _GL, _B2, _BA, _BB, _HY, _CL, _CP, _EX, _IN, _NS, _OP, _QU, _IS, _NU = range(15)
_PO, _PR, _SY, _AL, _H2, _H3, _ID, _JL, _JV, _JT, _HL, _RI, _EB, _EM, _ZWJ = range(15, 30)
_OW, _BK, _SP, _ZW, _CM, _HL_BA = range(30, 36)

# The pair table of libunistring 1.0 (Unicode 14 rules), measured with msgcat: row = class
# before, column = class after; D = break, I = break only across spaces, P = no break.
# Columns in the order of _CLASS_NAMES; the ZWJ row is never consulted.
_PAIR_ROWS = (
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # WJ
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # GL
    "PIPIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # B2
    "PDDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # BA
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # BB
    "PDDIDIPPPIIDIPIDDPDDDDDPPDDDDID",  # HY
    "PIDIDIPPPIPDIPDIIPDDDDDPPDDDDID",  # CL
    "PIDIDIPPPIIDIPIIIPIDDDDPPIDDDID",  # CP
    "PIDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # EX
    "PIDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # IN
    "PIDIDIPPPIIDIPDDDPDDDDDPPDDDDID",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPIP",  # OP
    "PIIIIIPPPIIPIPIIIPIIIIIPPIIIIIP",  # QU
    "PIDIDIPPPIIDIPIDDPDDDDDPPDDDDID",  # IS
    "PIDIDIPPPIIIIPIIIPIDDDDPPIDDDID",  # NU
    "PIDIDIPPPIIIIPIDDPIDDDDPPIDDDII",  # PO
    "PIDIDIPPPIIIIPIDDPIIIIIPPIDIIII",  # PR
    "PIDIDIPPPIIDIPIDDPDDDDDPPIDDDID",  # SY
    "PIDIDIPPPIIIIPIIIPIDDDDPPIDDDID",  # AL
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # H2
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # H3
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # ID
    "PIDIDIPPPIIDIPDIDPDIIDIPPDDDDID",  # JL
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # JV
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # JT
    "PIDIDIPPPIIIIPIIIPIDDDDPPIDDDID",  # HL
    "PIDIDIPPPIIDIPDDDPDDDDDPPDIDDID",  # RI
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDIID",  # EB
    "PIDIDIPPPIIDIPDIDPDDDDDPPDDDDID",  # EM
    "PIIIIIPPPIIIIPIIIPIIIIIPPIIIIII",  # ZWJ
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPIP",  # OW
)
_D, _I, _P = 0, 1, 2
_PAIR = tuple(tuple({"D": _D, "I": _I, "P": _P}[c] for c in row) for row in _PAIR_ROWS)


_CJK_CODECS = frozenset({"euc_jp", "gb2312", "gbk", "big5", "euc_kr", "cp949", "johab"})


def is_cjk_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in _CJK_CODECS
    except LookupError:
        return False


# Per-character line-break class and display width, filled on first use; one pair of
# tables for ordinary encodings and one for the legacy CJK ones.
_CLASS_OF: tuple[dict[str, int], dict[str, int]] = ({}, {})
_WIDTH_OF: tuple[dict[str, int], dict[str, int]] = ({}, {})


def _char_tables(text: str, cjk: bool) -> tuple[dict[str, int], dict[str, int]]:
    """The class and width tables, completed for the characters of ``text``."""
    classes, widths = _CLASS_OF[cjk], _WIDTH_OF[cjk]
    for c in set(text).difference(classes):
        classes[c] = _line_break_class(ord(c), cjk)
        widths[c] = max(0, _columns(ord(c), cjk))  # controls (-1) add nothing either
    return classes, widths


def _columns(cp: int, cjk: bool) -> int:
    """Display width as libunistring's uc_width computes it."""
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return -1
    if cp < 0x7F:
        return 1
    category = unicodedata.category(chr(cp))
    if category in ("Mn", "Me", "Cf") or (0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF):
        return 0
    if unicodedata.east_asian_width(chr(cp)) in ("W", "F") or _is_wide_unassigned(cp):
        return 2
    if cjk and 0xA1 <= cp < 0xFF61 and cp != 0x20A9:
        return 2
    return 1


def _is_wide_unassigned(cp: int) -> bool:
    return (
        0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x2FFFD
        or 0x30000 <= cp <= 0x3FFFD
    )


def _expand(spec: str) -> dict[int, int]:
    """Parse ``"CLASS cp cp-cp ...; ..."`` into a code point → class map."""
    names = {name: i for i, name in enumerate(_CLASS_NAMES)}
    table: dict[int, int] = {}
    for group in spec.split(";"):
        words = group.split()
        if not words:
            continue
        cls = names[words[0]]
        for word in words[1:]:
            lo, _, hi = word.partition("-")
            for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
                table[cp] = cls
    return table


# Classes that the Unicode general category does not predict (UAX #14, LineBreak.txt),
# for Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, CJK and common punctuation.
_EXPLICIT = _expand(
    """
    BK A-D 85 2028-2029;
    CM 0-8 E-1F 7F-84 86-9F 200C 200E-200F 202A-202E 2066-206F 3035;
    SP 20;
    BA 9 7C AD 58A 5BE 964-965 E5A-E5B 104A-104B 1680 17D4-17D5 17D8 17DA 2000-2006 2008-200A
        2010 2012-2013 2027 2056 2058-205B 205D-205F 2E0E-2E15 2E19 2E2A-2E2D 2E30-2E31 2E33-2E34
        2E3C-2E3E 2E41 2E43-2E4A 2E4C 2E4E-2E4F 3000;
    GL A0 34F 35C-362 2007 2011 202F;
    WJ 2060 FEFF;
    ZW 200B;
    ZWJ 200D;
    EX 21 3F 5C6 61B 61D-61F 6D4 2762-2763 2E2E 2E53-2E54 FE15-FE16 FE56-FE57 FF01 FF1F;
    QU 22 27 AB BB 2018-2019 201B-201D 201F 2039-203A 275B-2760 2E00-2E01 2E06-2E08 2E0B
        1F676-1F678;
    OP 28 5B 7B A1 BF 201A 201E 2E18;
    CP 29 5D;
    CL 7D 3001-3002 FE11-FE12 FE50 FE52 FF0C FF0E FF61 FF64;
    IS 2C 2E 3A-3B 37E 589 60C-60D 2044 FE10 FE13-FE14;
    SY 2F;
    HY 2D;
    B2 2014 2E3A-2E3B;
    BB B4 2C8 2CC 2DF;
    IN 2024-2026 22EF FE19;
    NS 17D6 203C-203D 2047-2049 3005 301C 303B-303C 309B-309E 30A0 30FB 30FD-30FE A015
        FE54-FE55 FF1A-FF1B FF65 FF9E-FF9F 1F679-1F67B;
    NU 66B-66C;
    PR 24 2B 5C A3-A5 B1 2116 2212-2213 FE69 FF04 FFE1 FFE5-FFE6;
    PO 25 A2 B0 609-60B 66A 2030-2037 20A7 20B6 20BB 20BE 20C0 2103 2109 FE6A FF05 FFE0;
    AL A6 A9 AC AE-AF B5 5C0 5C3 5F3-5F4 600-605 66D 6DD 970 2017 2022-2023 2038 203E
        2041-2043 204A-2055 2057 205C 2061-2064 2E1A;
    ID 3003 3030 303D 303F FE30 FE45-FE46 FE49-FE4C FE51 FE58 FE5F-FE61 FE63 FE68 FE6B
        FF02-FF03 FF06-FF07 FF0A FF0D FF0F FF20 FF3C FFA0-FFDC;
    """
)

# Symbols and emoji (U+2190..U+2BFF, U+1F000..U+1FAFF) that libunistring 1.0 classes as
# ideographs, measured with msgcat; the other symbols there are AL, even the wide ones.
_SYMBOL_ID = frozenset(
    _expand(
        """
    ID 231A-231B 23F0-23F3 2600-2603 2614-2615 2618 261A-261F 2639-263B 2668 267F 26BD-26C8 26CD
    26CF-26D1 26D3-26D4 26D8-26D9 26DC 26DF-26E1 26EA 26F1-26F5 26F7-26FA 26FD-2704 2708-270D
    2764 1F000-1F02B 1F030-1F093 1F0A0-1F0AE 1F0B1-1F0BF 1F0C1-1F0CF 1F0D1-1F0F5 1F10D-1F10F
    1F16D-1F16F 1F1AD 1F200-1F202 1F210-1F23B 1F240-1F248 1F250-1F251 1F260-1F265 1F300-1F39B
    1F39E-1F3B4 1F3B7-1F3BB 1F3BD-1F49F 1F4A1 1F4A3 1F4A5-1F4AE 1F4B0 1F4B3-1F4FF 1F507-1F516
    1F525-1F531 1F54A-1F5D3 1F5DC-1F5F3 1F5FA-1F64F 1F680-1F6D7 1F6DD-1F6EC 1F6F0-1F6FC
    1F7D5-1F7D8 1F7E0-1F7EB 1F7F0 1F8B0-1F8B1 1F90C-1F9FF 1FA60-1FA6D 1FA70-1FA74 1FA78-1FA7C
    1FA80-1FA86 1FA90-1FAAC 1FAB0-1FABA 1FAC0-1FAC5 1FAD0-1FAD9 1FAE0-1FAE7 1FAF0-1FAF6
        """
    )
)


# "Ambiguous" characters (UAX #14 class AI): alphabetic, except in the legacy CJK encodings
# where GNU treats them as ideographs. Symbols of ambiguous East Asian width count too.
_AMBIGUOUS = frozenset(
    _expand(
        """
    AL A7 A8 AA B2 B3 B6-BA BC-BE D7 F7 2C7 2C9-2CB 2CD 2D0 2D8-2DB 2DD 2015 2016 2020 2021
    203B 2074 207F 2081-2084 2105 2113 2121 2122 212B 2154 2155 215B 215E 2160-216B 2170-2179
    2189 FFFD
        """
    )
)


def _is_complex_context(cp: int) -> bool:
    """Whether a code point is in a UAX #14 "SA" script (Thai, Lao, Myanmar, Khmer...)."""
    # libunistring does not break these by dictionary: their letters and marks act as AL.
    return (
        0x0E00 <= cp <= 0x0EFF
        or 0x1000 <= cp <= 0x109F
        or 0x1780 <= cp <= 0x17FF
        or 0x1950 <= cp <= 0x19DF
        or 0x1A20 <= cp <= 0x1AAF
        or 0xA9E0 <= cp <= 0xA9FF
        or 0xAA60 <= cp <= 0xAADF
    )


def _line_break_class(cp: int, cjk: bool) -> int:
    """The resolved UAX #14 class of a code point, as libunistring resolves it."""
    if cp in _AMBIGUOUS:
        return _ID if cjk else _AL
    cls = _EXPLICIT.get(cp)
    if cls is not None:
        return cls
    if 0xAC00 <= cp <= 0xD7A3:
        return _H2 if (cp - 0xAC00) % 28 == 0 else _H3
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return _JL
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return _JV
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return _JT
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return _RI
    ch = chr(cp)
    category = unicodedata.category(ch)
    major = category[0]
    if major == "M":
        return _AL if _is_complex_context(cp) else _CM
    if category == "Nd":
        return _ID if unicodedata.east_asian_width(ch) == "F" else _NU
    if category == "Zs":
        return _BA
    if category in ("Zl", "Zp"):
        return _BK
    if category in ("Cc", "Cf"):
        return _CM
    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    if major == "L":
        if 0x590 <= cp <= 0x5FF:
            return _HL
        if 0x3040 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9D:
            # Small kana and the prolonged sound mark are "CJ", which libunistring treats
            # as non-starters.
            if "SMALL" in unicodedata.name(ch, "") or cp in (0x30FC, 0xFF70):
                return _NS
            return _ID
        return _ID if wide else _AL
    if category == "Ps":
        return _OW if unicodedata.east_asian_width(ch) in ("W", "F", "H") else _OP
    if category == "Pe":
        return _CL
    if category in ("Pi", "Pf"):
        return _QU
    if category == "Pd":
        return _ID if wide else _BA
    if category == "Sc":
        return _PR
    if category == "Cn":
        return _ID if _is_wide_unassigned(cp) or 0x1F000 <= cp <= 0x1FFFD else _AL
    if 0x2190 <= cp <= 0x2BFF or 0x1F000 <= cp <= 0x1FAFF:
        if cp in _SYMBOL_ID:
            return _ID
    elif wide:
        return _ID
    if cjk and unicodedata.east_asian_width(ch) == "A":
        return _ID
    return _AL
