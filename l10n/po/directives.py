"""Format directives GNU gettext keeps whole when it wraps a string.

``c-format`` and ``python-format`` entries never break inside a ``%`` directive. For a
``python-brace-format`` entry, gettext 0.21 records the first valid ``{...}`` directive at
the start of the string instead of where it is, and so keeps the string's first bytes
together; this module does the same. A ``no-wrap`` entry is only cut after ``\\n``. Format
directives of languages other than C, Objective-C and Python are not protected from
wrapping.
"""

from __future__ import annotations

import re

__all__ = ["directive_interior"]

def directive_interior(
    value: str, language: str | None, is_msgstr: bool, encoding: str
) -> frozenset[int]:
    """Indices of characters GNU never breaks before because of format directives."""
    if language is None:
        return frozenset()
    if language == "python-brace":
        return _brace_quirk(value, encoding) if "{" in value else frozenset()
    if "%" not in value:
        return frozenset()
    if language in ("c", "objc"):
        spans = _c_directives(value, is_msgstr, language == "objc")
    elif language == "python":
        spans = _python_directives(value)
    else:
        return frozenset()
    inside: set[int] = set()
    for start, end in spans:
        inside.update(range(start + 1, end + 1))
    return frozenset(inside)


def _brace_quirk(value: str, encoding: str) -> frozenset[int]:
    """The characters gettext 0.21 never breaks before in a python-brace-format string."""
    # Its parser records directive bounds relative to the directive, not the string, so the
    # first n-1 bytes after the string's start are protected, n being the length of the first
    # valid directive, unless an error mark of a later directive lands before that end.
    ends: list[tuple[int, bool]] = []  # (byte offset relative to its "{", is_error)
    n = len(value)
    i = 0
    while i < n:
        if value[i] != "{":
            i += 1
            continue
        end, error = _brace_directive(value, i, True)
        if end is None:
            if error is not None:
                ends.append((len(value[i:error].encode(encoding, "replace")), True))
            break
        if end > i + 1:
            ends.append((len(value[i:end].encode(encoding, "replace")), False))
        i = end + 1
    if not any(not is_error for _, is_error in ends):
        return frozenset()
    limit, is_error = min(ends, key=lambda e: (e[0], not e[1]))
    if is_error:
        return frozenset()
    inside: set[int] = set()
    offset = 0
    for k, c in enumerate(value):
        if offset > limit:
            break
        if offset >= 1:
            inside.add(k)
        offset += len(c.encode(encoding, "replace"))
    return frozenset(inside)


def _brace_field(s: str, i: int) -> int:
    """End of the identifier or number at ``i`` (``i`` itself when there is none)."""
    n = len(s)
    if i < n and s[i].isascii() and (s[i].isalpha() or s[i] == "_"):
        while i < n and s[i].isascii() and (s[i].isalnum() or s[i] == "_"):
            i += 1
    elif i < n and "0" <= s[i] <= "9":
        i = _digits(s, i)
    return i


def _brace_directive(s: str, i: int, toplevel: bool) -> tuple[int | None, int | None]:
    """(closing brace, None) for a valid directive at ``i``, else (None, error mark)."""
    n = len(s)
    i += 1
    if i < n and s[i] == "{":
        return i, None
    j = _brace_field(s, i)
    if j == i:
        return None, i
    i = j
    while i < n and s[i] in ".[":
        if s[i] == ".":
            j = _brace_field(s, i + 1)
            if j == i + 1 or not (s[i + 1].isalpha() or s[i + 1] == "_"):
                return None, i + 1
            i = j
        else:
            j = _brace_field(s, i + 1)
            if j == i + 1:
                return None, i + 1
            if j >= n or s[j] != "]":
                return None, j - 1
            i = j + 1
    if i < n and s[i] == ":":
        if not toplevel:
            return None, i
        i += 1
        if i < n and s[i] == "{":
            end, error = _brace_directive(s, i, False)
            if end is None:
                return None, error
            i = end + 1
        else:
            if i >= n:
                return None, i - 1
            if i + 1 < n and s[i + 1] in "<>=^":
                i += 2
            elif s[i] in "<>=^":
                i += 1
            if i < n and s[i] in "+- ":
                i += 1
            if i < n and s[i] == "#":
                i += 1
            if i < n and s[i] == "0":
                i += 1
            i = _digits(s, i)
            if i < n and s[i] == "." and i + 1 < n and "0" <= s[i + 1] <= "9":
                i = _digits(s, i + 1)
            if i < n and s[i] in "bcdoxXneEfFgG%":
                i += 1
    if i >= n or s[i] != "}":
        return None, i - 1
    return i, None


def _digits(s: str, i: int) -> int:
    n = len(s)
    while i < n and "0" <= s[i] <= "9":
        i += 1
    return i


def _python_directives(s: str) -> list[tuple[int, int]]:
    """(start, end) of each valid ``%`` directive, parsed as gettext's format-python.c."""
    spans: list[tuple[int, int]] = []
    named = unnamed = 0
    n = len(s)
    i = 0
    while i < n:
        if s[i] != "%":
            i += 1
            continue
        start = i
        i += 1
        name = False
        if i < n and s[i] == "(":
            depth = 0
            i += 1
            while i < n:
                if s[i] == "(":
                    depth += 1
                elif s[i] == ")":
                    if depth == 0:
                        break
                    depth -= 1
                i += 1
            if i >= n:
                return spans
            i += 1
            name = True
        while i < n and s[i] in "-+ #0":
            i += 1
        if i < n and s[i] == "*":
            if named:
                return spans
            unnamed += 1
            i += 1
        else:
            i = _digits(s, i)
        if i < n and s[i] == ".":
            i += 1
            if i < n and s[i] == "*":
                if named:
                    return spans
                unnamed += 1
                i += 1
            else:
                i = _digits(s, i)
        if i < n and s[i] in "hlL":
            i += 1
        if i >= n or s[i] not in "%csridouxXeEfgG":
            return spans
        if name:
            if unnamed:
                return spans
            named += 1
        elif s[i] != "%":
            if named:
                return spans
            unnamed += 1
        spans.append((start, i))
        i += 1
    return spans


_C_CONVERSIONS = frozenset("diouxXeEfFgGaAcCsSpnm%")


def _c_directives(s: str, is_msgstr: bool, objc: bool) -> list[tuple[int, int]]:
    """(start, end) of each valid ``%`` directive, close to gettext's format-c parser."""
    spans: list[tuple[int, int]] = []
    numbered = unnumbered = False
    n = len(s)
    i = 0
    while i < n:
        if s[i] != "%":
            i += 1
            continue
        start = i
        i += 1
        is_numbered = False
        j = _digits(s, i)
        if j > i and j < n and s[j] == "$":
            if int(s[i:j]) == 0:
                return spans
            is_numbered = True
            i = j + 1
        while i < n and (s[i] in " +-#0'" or (is_msgstr and s[i] == "I")):
            i += 1
        for _ in range(2):
            if i < n and s[i] == "*":
                i += 1
                j = _digits(s, i)
                star_numbered = j > i and j < n and s[j] == "$"
                if star_numbered:
                    i = j + 1
                if star_numbered and unnumbered or not star_numbered and numbered:
                    return spans
                numbered |= star_numbered
                unnumbered |= not star_numbered
            else:
                i = _digits(s, i)
            if _ == 0 and i < n and s[i] == ".":
                i += 1
            else:
                break
        if i < n and s[i] == "<":
            close = s.find(">", i)
            if close < 0 or not re.fullmatch(
                r"<PRI[diouxX](?:8|16|32|64|LEAST(?:8|16|32|64)|FAST(?:8|16|32|64)|MAX|PTR)>",
                s[i : close + 1],
            ):
                return spans
            i = close
        else:
            while i < n and s[i] in "hlLqjzZt":
                i += 1
            if i >= n or not (s[i] in _C_CONVERSIONS or (objc and s[i] == "@")):
                return spans
        if s[i] not in "%m":
            if is_numbered and unnumbered or not is_numbered and numbered:
                return spans
            numbered |= is_numbered
            unnumbered |= not is_numbered
        spans.append((start, i))
        i += 1
    return spans
