"""Text that is garbled or half-built, whatever its language: mojibake and template artifacts.

* **Mojibake**: UTF-8 bytes decoded with the wrong charset. ftfy repairs the common
  Latin-1/cp1252/cp1250/cp1251 cases; for the others (Greek, Thai, Hebrew... charsets ftfy does
  not try) the text is re-encoded with that charset and kept as mojibake when the bytes read
  back as well-formed UTF-8 (a real Greek or Thai sentence almost never does). The same for
  East Asian double-byte charsets (GB18030, Big5, Shift_JIS, EUC-KR, EUC-JP: a page declaring
  one of them whose bytes are UTF-8), where the UTF-8 reading must be East Asian text too.
* **Template artifacts**: a server's error message printed into the page (PHP's "Warning: …
  in /path/x.php on line 12"), unfilled placeholders (``{name}``, ``{{ x }}``, ``%s``,
  ``%(x)s``, ``${x}``), raw escapes (``\\u041f``), double-escaped entities (``&amp;`` seen by
  a reader), message keys (``nav.subscribe``, ``SUBSCRIBE_BUTTON``, ``workflow_tasks``) and,
  where a value belongs (credits, bylines, captions), a label left empty ("Photo:"). Texts
  that are identifiers of another kind (:func:`~l10n.check.names.identifier_kind`: host and
  file names, cookie names, LaTeX, shell commands) are no message key, and LaTeX and shell
  commands hold no placeholder: their braces and ``%`` are their syntax.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from l10n.check.names import MATH, MESSAGE_KEY, SHELL_COMMAND, identifier_kind

__all__ = ["MESSAGE_KEY", "Artifact", "find_mojibake", "find_template_artifact"]

_UNFILLED = "unfilled placeholder"
_PLACEHOLDERS = (
    (_UNFILLED, re.compile(r"\{\{\s*[^{}\s][^{}]{0,40}\}\}")),
    (_UNFILLED, re.compile(r"\$\{[A-Za-z_][\w.]{0,40}\}")),
    (_UNFILLED, re.compile(r"(?<![{\w])\{[A-Za-z_][\w.:-]{0,40}(?:\s*->[^{}]*)?\}(?!\})")),
    (_UNFILLED, re.compile(r"%\([A-Za-z_]\w*\)[-#0 +]?\d*(?:\.\d+)?[sdifrxXeEgGcu]")),
    # "%s", "%d", "%5.2f"; not "100 % für" (a space flag before a word is a sentence).
    (_UNFILLED,
     re.compile(r"(?<![\w%])%(?:\d+\$)?(?:[-#0+]?\d*(?:\.\d+)?[sdif]|\s[sdif])(?!\w)")),
    ("raw escape sequence",
     re.compile(r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}")),
    ("double-escaped entity",
     re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{2,6}|#x[0-9a-fA-F]{2,5});")),
)
_PLACEHOLDER_CHARS = re.compile(r"[{$%\\&]")
# A PHP notice, warning or error printed into the page: "Deprecated: … in /www/…/x.php on
# line 82".
_SERVER_ERROR = re.compile(
    r"(?:Deprecated|Warning|Notice|Strict Standards|(?:Fatal|Parse|Catchable fatal) error)"
    r":\s.{0,300}?\bin\s+\S+\.php\s+on\s+line\s+\d+")
_EMPTY_LABEL = re.compile(r"^[^\W\d_][\w .'’-]{0,24}[:：]\s*[|/·-]?\s*$")
_LABEL_ROLES = frozenset({"credit", "byline", "caption"})
_CODE = frozenset({MATH, SHELL_COMMAND})
# A LaTeX command and its arguments (not an escape sequence such as \\u041f).
_LATEX = re.compile(r"\\(?![uU][0-9a-fA-F]{4}|x[0-9a-fA-F]{2})[A-Za-z]+"
                    r"(?:\s*[_^]?\s*\{[^{}]*\})*")


@dataclass(frozen=True, slots=True)
class Artifact:
    """What a template artifact is and the part of the text that shows it."""

    what: str
    match: str


def find_template_artifact(text: str, role: str | None = None, *,
                           keys: bool = True) -> Artifact | None:
    """The first template artifact in ``text``, or None.

    ``role`` is the block's role: a label with nothing after it is an artifact only where a
    value belongs (credit, byline, caption), since "Search:" is a fine form label. ``keys``
    False leaves message keys out (a key-shaped text outside the interface is more often a
    username or a slug: :func:`~l10n.check.names.identifier_kind` says "message key" for
    both); placeholders are looked for all the same.
    """
    kind = identifier_kind(text)
    if kind in _CODE:
        return None
    if _PLACEHOLDER_CHARS.search(text):  # every placeholder pattern needs one of them
        code = _LATEX.sub(" ", text) if "\\" in text else text  # "\\frac{a}{b}" in prose
        for what, pattern in _PLACEHOLDERS:
            match = pattern.search(code)
            if match:
                return Artifact(what, match.group())
    stripped = text.strip()
    if ".php" in text:
        error = _SERVER_ERROR.search(text)
        if error:
            return Artifact("server error message", error.group())
    if keys and kind == MESSAGE_KEY:
        return Artifact(MESSAGE_KEY, stripped)
    if role in _LABEL_ROLES and _EMPTY_LABEL.match(stripped):
        return Artifact("label without a value", stripped)
    return None


@dataclass(frozen=True, slots=True)
class _BadnessHint:
    """What every match of ftfy's badness pattern has: a character of ``chars``; and, when
    the pattern looks at nothing outside its match, at most ``width`` characters."""

    chars: re.Pattern[str]
    width: int | None


@functools.cache
def _badness_hint() -> _BadnessHint | None:
    """From each alternative of ftfy's badness pattern, the rarest set of characters it
    requires (symbols before letters before ASCII), and the pattern's widest match. None when
    the pattern has a shape this cannot read."""
    from ftfy.badness import BADNESS_RE

    try:
        from re import _constants as sre
        from re import _parser

        if BADNESS_RE.flags & (re.IGNORECASE | re.MULTILINE):
            return None
        tree = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        data = tree.data
        alternatives = data[0][1][1] if len(data) == 1 and data[0][0] is sre.BRANCH else [data]
        chars: set[str] = set()
        for alternative in alternatives:
            rarest = _rarest(_required_sets(alternative, sre))
            if rarest is None:
                return None
            chars |= rarest
        widest = tree.getwidth()[1]
        width = widest if widest < sre.MAXREPEAT and _local(data, sre) else None
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):
        return None
    return _BadnessHint(_char_class(chars), width)


def _local(items: Iterable[tuple[Any, Any]], sre: Any) -> bool:
    """True when a parsed pattern looks at nothing outside its match (no lookaround, no
    anchor but the string's start), so a search in a window finds exactly its matches."""
    for op, arg in items:
        if op is sre.BRANCH:
            if not all(_local(branch, sre) for branch in arg[1]):
                return False
        elif op is sre.SUBPATTERN:
            if arg[1] & (re.IGNORECASE | re.MULTILINE) or not _local(arg[-1], sre):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if not _local(arg[2], sre):
                return False
        elif op is sre.AT:
            if arg not in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                return False
        elif op not in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
            return False
    return True


def _looks_bad(text: str) -> bool:
    """ftfy's ``is_bad``, asked only around the characters its every match needs (a tenth
    of its cost on ordinary text, the same answer)."""
    from ftfy.badness import BADNESS_RE, is_bad

    hint = _badness_hint()
    if hint is None:
        return is_bad(text)
    if hint.width is None:
        return hint.chars.search(text) is not None and is_bad(text)
    # A match holding the character at i lies within [i - reach, i + reach + 1).
    reach = hint.width - 1
    search = BADNESS_RE.search
    start, end = 0, None  # the window being widened: text[start:end]
    for found in hint.chars.finditer(text):
        at = found.start()
        if end is None or at - reach > end:  # too far for it: search it, open the next
            if end is not None and search(text, start, end) is not None:
                return True
            start = max(0, at - reach)
        end = at + reach + 1
    return end is not None and search(text, start, end) is not None


def _required_sets(items: Iterable[tuple[Any, Any]], sre: Any) -> list[set[str]]:
    """The character sets a parsed regex sequence needs one character of, each."""
    out: list[set[str]] = []
    for op, arg in items:
        if op is sre.LITERAL:
            out.append({chr(arg)})
        elif op is sre.IN:
            chars: set[str] | None = set()
            for kind, value in arg:
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:  # a negated class or a category (\w, \s): not a set to look for
                    chars = None
                    break
            if chars:
                out.append(chars)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            out.extend(_required_sets(arg[2], sre))
        elif op is sre.SUBPATTERN:
            if arg[1] & (re.IGNORECASE | re.MULTILINE):  # (?i:...) makes its sets wider
                raise ValueError("flags inside the pattern")
            out.extend(_required_sets(arg[-1], sre))
    return out


def _rarest(sets: list[set[str]]) -> set[str] | None:
    """The set least likely to occur in ordinary text (the last of equals: mojibake shows a
    common lead character first, then a rare one)."""
    def cost(chars: set[str]) -> int:
        return sum(1000 if ch.isascii() or ch.isspace() else 10 if ch.isalpha() else 1
                   for ch in chars)

    if not sets:
        return None
    return min(reversed(sets), key=cost)


# Single-byte charsets whose mojibake ftfy does not repair, most common first.
_CHARSETS = ("cp1253", "cp874", "cp1255", "cp1256", "cp1257", "koi8_r", "mac_roman", "cp437",
             "cp1251", "cp1250", "cp1252")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def find_mojibake(text: str) -> str | None:
    """The repaired reading of ``text`` when it is mojibake, else None."""
    if text.isascii():
        return None
    if _CJK_CHAR.search(text):  # before ftfy, which would only "fix" its C1 controls
        repaired = _cjk_mojibake(text)
        if repaired is not None:
            return repaired
    import ftfy

    # fix_encoding changes nothing that is_bad passes (its first test), at twice the cost.
    fixed = ftfy.fix_encoding(text) if _looks_bad(text) else text
    if fixed != text and _letters(fixed) and not _only_typography(text, fixed):
        return fixed
    charsets, any_pair = _continuation_chars()
    if any_pair.search(text) is None:  # no charset's pair either (the common case)
        return None
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    for charset, continuation, pair in charsets:
        # UTF-8 read as a single-byte charset shows its continuation bytes (0x80-0xBF) as the
        # characters that charset puts there: text with fewer than two cannot be that, nor
        # text where no lead byte's character comes right before one of them.
        if len(continuation.findall(text)) < 2 or pair.search(text) is None:
            continue
        data = _sloppy_encode(text, charset, non_ascii)
        if data is None:
            continue
        repaired = _utf8_reading(data)
        if repaired is not None and _coherent(text, repaired):
            return repaired
    return None


# The decoders browsers use for the East Asian charsets, whose mojibake of UTF-8 is East Asian
# characters (three UTF-8 bytes read as a character and a half).
_CJK_CHARSETS = ("gb18030", "big5hkscs", "cp932", "cp949", "euc_jp")
_CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\ue000-\uf8ff\uf900-\ufaff]")
_CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Hang", "Bopo"})
_ESCAPED = re.compile("[\udc80-\udcff]+")
_NO_ASCII = dict.fromkeys(range(128))


def _cjk_mojibake(text: str) -> str | None:
    """The UTF-8 reading of East Asian text that is UTF-8 read in an East Asian charset.

    A real Chinese, Japanese or Korean text written in such a charset almost never makes
    UTF-8, and when it does, mostly as letters of other scripts (two-byte sequences are Greek,
    Cyrillic, Arabic...): the reading's non-ASCII letters must be East Asian, two at least,
    with no more than a tenth of its non-ASCII bytes left unpaired, and two more for each
    U+FFFD in the text (a decoder shows the bytes it could not pair so, which keeps none).
    Korean read as EUC-KR loses most of its lead bytes so: too little is left to tell.
    """
    probe = text.replace("\ufffd", "")
    gaps = len(text) - len(probe)
    for charset in _CJK_CHARSETS:
        if not gaps and _first_pairs(charset).search(text) is None:
            continue  # no pair a three-byte UTF-8 sequence starts (the common case)
        try:
            data = probe.encode(charset)
        except UnicodeEncodeError:
            continue
        allowed = 0.1 * (len(data) - len(data.translate(None, _HIGH_BYTES))) + 2 * gaps
        try:
            reading = kept = data.decode("utf-8")
        except UnicodeDecodeError:
            if allowed < 1:
                continue  # the common case, a real text: decided at C speed
            reading = data.decode("utf-8", "surrogateescape")
            kept = _ESCAPED.sub("", reading)
            if len(reading) - len(kept) > allowed:
                continue
        from l10n.check.scripts import letter_scripts

        scripts = letter_scripts(kept.translate(_NO_ASCII))
        if sum(scripts.values()) >= 2 and scripts.keys() <= _CJK_SCRIPTS:
            return _ESCAPED.sub("\ufffd", reading)
    return None


@functools.cache
def _first_pairs(charset: str) -> re.Pattern[str]:
    """What ``charset`` shows for the first two bytes of a three-byte UTF-8 sequence (a lead
    byte 0xE0-0xEF, a continuation byte): East Asian mojibake of UTF-8 holds one where its
    first run of such sequences starts, unless the decoder lost it in a U+FFFD."""
    chars = set()
    for lead in range(0xE0, 0xF0):
        for follow in range(0x80, 0xC0):
            try:
                shown = bytes([lead, follow]).decode(charset)
            except UnicodeDecodeError:
                continue
            if len(shown) == 1:
                chars.add(shown)
    return _char_class(chars) if chars else re.compile("(?!)")


@functools.cache
def _continuation_chars(
) -> tuple[tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...], re.Pattern[str]]:
    """Per charset, a pattern for what it shows bytes 0x80-0xBF as (with cp1252/Latin-1 for
    bytes it leaves undefined, as a sloppy decoder does), and one for a character that
    :func:`_sloppy_encode` writes as a UTF-8 lead byte (0xC2-0xF4) followed by one it writes
    as a continuation byte: every UTF-8 sequence of two bytes or more starts so. Then one
    pair pattern of every charset's leads and follows, which any charset's pair matches."""
    out = []
    all_leads: set[str] = set()
    all_follows: set[str] = set()
    for charset in _CHARSETS:
        chars: set[str] = set()
        for byte in range(0x80, 0xC0):
            for codec in (charset, "cp1252", "latin_1"):
                try:
                    chars.add(bytes([byte]).decode(codec))
                    break
                except UnicodeDecodeError:
                    continue
        leads, follows = [], []
        for char in _sloppy_repertoire(charset):
            written = _sloppy_byte(char, charset)
            if 0xC2 <= written <= 0xF4:
                leads.append(char)
            elif 0x80 <= written <= 0xBF:
                follows.append(char)
        out.append((charset, _char_class(chars),
                    re.compile(_char_class(leads).pattern + _char_class(follows).pattern)))
        all_leads.update(leads)
        all_follows.update(follows)
    return tuple(out), re.compile(_char_class(all_leads).pattern +
                                  _char_class(all_follows).pattern)


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def _sloppy_repertoire(charset: str) -> set[str]:
    """The non-ASCII characters :func:`_sloppy_encode` can write in ``charset``."""
    chars = set()
    for codec in (charset, "cp1252", "latin_1"):
        for byte in range(0x80, 0x100):
            try:
                chars.add(bytes([byte]).decode(codec))
            except UnicodeDecodeError:
                continue
    return chars


def _sloppy_byte(char: str, charset: str) -> int:
    """The byte :func:`_sloppy_encode` writes for ``char``."""
    for codec in (charset, "cp1252", "latin_1"):
        try:
            return char.encode(codec)[0]
        except UnicodeEncodeError:
            continue
    raise ValueError(char)


def _sloppy_encode(text: str, charset: str, non_ascii: int) -> bytes | None:
    """``text`` in ``charset``, with cp1252 and Latin-1 for what it lacks (as browsers decode).

    None when most of the text's non-ASCII characters are not in ``charset`` at all (the
    common case, decided at C speed before any per-character work).
    """
    try:
        return text.encode(charset)
    except UnicodeEncodeError:
        pass
    rough = text.encode(charset, errors="replace")
    missing = rough.count(b"?") - text.count("?")
    if missing * 2 > non_ascii:
        return None
    out = bytearray()
    for char in text:
        for fallback in (charset, "cp1252", "latin_1"):
            try:
                out += char.encode(fallback)
                break
            except UnicodeEncodeError:
                continue
        else:
            return None
    return bytes(out)


def _utf8_reading(data: bytes) -> str | None:
    """The UTF-8 reading of ``data`` when its high bytes mostly pair up as UTF-8 sequences."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high < 3:
        return None
    sequences = _UTF8_MULTIBYTE.findall(data)
    covered = sum(len(s) for s in sequences)
    # Control bytes that a page dropped leave gaps, so most (not all) high bytes must pair up;
    # one sequence is enough only when it is long and covers everything.
    enough = len(sequences) >= 2 or (len(sequences) == 1 and covered >= 3 and covered == high)
    if not enough or covered < 0.6 * high:
        return None
    return data.decode("utf-8", errors="replace")


def _coherent(before: str, after: str) -> bool:
    """True when the UTF-8 reading makes sense: one script other than the text's own, or the
    text's stray letters of another script turned into the punctuation they were meant to be."""
    from l10n.check.scripts import letter_scripts

    old = letter_scripts(before)
    new = letter_scripts(after)
    symbols = sum(1 for ch in after if not ch.isascii() and unicodedata.category(ch)[0] in "SP")
    if not new:
        return symbols > 0
    script, count = new.most_common(1)[0]
    if count < 0.7 * sum(new.values()):
        return False
    if not old or script != old.most_common(1)[0][0]:
        return True
    strays = set(old) - {script}
    return bool(strays) and not strays & set(new) and symbols > 0


def _letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _only_typography(before: str, after: str) -> bool:
    """True when ftfy changed only quotes, dashes or spaces (not an encoding repair)."""
    simple = str.maketrans("‘’‚‛“”„‟–—‐‑\u00a0", "''''\"\"\"\"----" + " ")
    return before.translate(simple) == after.translate(simple)
