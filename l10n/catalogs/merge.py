"""Updating a translated catalog from a new template: GNU ``msgmerge --previous`` semantics.

This module owns the merge engine: :func:`merge_catalog` (two parsed catalogs in, the merged
catalog out) and :func:`update_catalog` (read, merge and write one ``.po`` file under a lock).
Reading and writing go through :mod:`l10n.po`; GNU gettext is never run.

The rules, established by running gettext 0.21's ``msgmerge --previous`` on crafted files:

* Output order is the template's; entries leaving the template follow as obsolete ``#~``
  entries in the catalog's order (entries that were obsolete before keep their place there).
* An exact ``(msgctxt, msgid)`` match keeps the translation, the translator comments and the
  ``fuzzy`` flag; ``#.`` and ``#:`` lines and the flags GNU knows (``*-format``, ``range:``,
  ``wrap``, ``no-wrap``) come from the template. An obsolete entry matched exactly comes back
  with its translation and its fuzziness.
* Otherwise the most similar translated entry (active, fuzzy or obsolete; any context) gives
  a fuzzy translation with its source as ``#| msgctxt``/``#| msgid``/``#| msgid_plural``
  (or, when it was fuzzy already, its own ``#|`` lines). Similarity is GNU's ``fstrcmp``:
  ``(a + b - indel distance) / (a + b)`` over UTF-8 bytes, computed with rapidfuzz; it must
  exceed 0.6, and a candidate without a context or with the same context gets a 0.00001 bonus
  (:mod:`l10n.catalogs.fuzzy`).
  For a msgid of four characters or more only entries sharing a 4-character gram with it are
  candidates, and ties go to the entry sharing the most grams, then to the first; a shorter
  msgid is compared with entries 0.43 to 2.33 times its length in bytes, shortest first. One
  entry may serve several template entries.
* Same msgid, plural added: the translation is copied to every plural form (``nplurals``
  from the header, else 2) and the entry turns fuzzy. Plural removed: ``msgstr[0]`` is kept,
  fuzzy. A changed ``msgid_plural``, or a ``range:`` the old one does not contain, makes it
  fuzzy; so does a format flag the template adds when the translation fails its check.
* ``#|`` lines stay only on fuzzy, translated entries; ``fuzzy`` is not written on an entry
  whose first msgstr is empty (GNU's writer drops it). New entries get empty msgstrs, one per
  plural form. Entries leaving the template lose ``#.`` and ``#:`` and keep everything else
  (``#|`` becomes ``#~|``); those without any translation are dropped, as msgmerge drops them.
* The header keeps its text; ``POT-Creation-Date`` and ``Report-Msgid-Bugs-To`` are taken
  from the template. ``PO-Revision-Date`` is never touched. A catalog without a header gets
  none.

Deliberate differences from msgmerge, so that nothing is lost or silently rewritten:

* Unchanged entries keep their exact bytes (see :func:`~l10n.po.write_po`); entries
  the merge changes are rendered as msgmerge renders them. Flags GNU does not know are kept.
* The header is not rebuilt: its lines keep their order, spelling and duplicates, and no
  ``Language`` line is guessed from ``Language-Team``. Only the two template fields change in
  place (inserted where msgmerge puts them when missing).
* Removing a plural keeps the other non-empty forms in a translator comment
  (``# msgstr[1] before the plural was removed: "..."``), which msgmerge discards.
* Obsolete entries are dropped only when every msgstr is empty (msgmerge looks at the first).
* Faults msgmerge refuses or passes over are kept as they are, each with a
  :class:`MergeWarning` naming ``path:line``: duplicate entries (the first one is merged; the
  others stay unchanged next to it, or among the obsolete entries), and plural entries whose
  number of forms disagrees with the header's ``nplurals``. A duplicate template entry is
  skipped with a warning.
* The format check for a newly added format flag covers C, Objective-C, Python and Python
  brace formats (a translation whose directives differ from the source's turns fuzzy); other
  languages are not checked. Non-UTF-8 catalogs are compared as UTF-8 and keep their own
  encoding (a template string it cannot encode raises :class:`~l10n.errors.CatalogError`).

:func:`update_catalog` holds an exclusive ``flock`` on the catalog from reading to writing,
so concurrent updates of one file run one after the other; the file is replaced atomically,
and nothing is written when either input is malformed. The same inputs give the same bytes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from l10n.catalogs.fuzzy import FuzzyIndex
from l10n.errors import InputError
from l10n.files import read_file, write_atomic
from l10n.po import Catalog, Message, read_po, write_po
from l10n.po.model import HEADER_FIELDS
from l10n.po.write import format_language

__all__ = [
    "MergeResult",
    "MergeStats",
    "MergeWarning",
    "merge_catalog",
    "update_catalog",
]

_FROM_TEMPLATE = ("Report-Msgid-Bugs-To", "POT-Creation-Date")
_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")
_RANGE_RE = re.compile(r"range:\s*(\d+)\s*\.\.\s*(\d+)\s*\Z")


@dataclass(frozen=True)
class MergeWarning:
    """A fault kept as it was, at ``path:line``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class MergeStats:
    """What the merge did with the catalog's entries (the header is not counted)."""

    kept: int = 0
    fuzzy: int = 0
    added: int = 0
    obsoleted: int = 0
    revived: int = 0
    dropped: int = 0


@dataclass(frozen=True)
class MergeResult:
    """The merged catalog, whether its bytes differ from the old file's, and the faults kept."""

    catalog: Catalog
    changed: bool
    warnings: tuple[MergeWarning, ...]
    stats: MergeStats


def merge_catalog(po: Catalog, pot: Catalog, *, fuzzy: bool = True) -> MergeResult:
    """The catalog updated to the template as by ``msgmerge --previous`` (or ``-N``)."""
    merged, warnings, stats = _merge(po, pot, fuzzy)
    return MergeResult(merged, write_po(merged) != write_po(po), warnings, stats)


def update_catalog(
    po_path: str | os.PathLike[str],
    pot_path: str | os.PathLike[str],
    *,
    fuzzy: bool = True,
    check: bool = False,
    template: Catalog | None = None,
    parsed: tuple[bytes, Catalog] | None = None,
) -> MergeResult:
    """Merge the template into the catalog file; write it atomically unless ``check``.
    ``template`` is the template already parsed (one parse serves every locale); ``parsed``
    the catalog file's bytes as read before and the catalog parsed from them, used when the
    file still holds those bytes once locked."""
    pot = template or read_po(read_file(pot_path, what="template"), str(pot_path))
    with _locked(po_path, exclusive=not check) as data:
        unchanged = parsed is not None and parsed[0] == data
        po = parsed[1] if unchanged else read_po(data, str(po_path))  # type: ignore[index]
        merged, warnings, stats = _merge(po, pot, fuzzy)
        output = write_po(merged)
        changed = output != data
        if changed and not check:
            write_atomic(po_path, output)
    return MergeResult(merged, changed, warnings, stats)


# --------------------------------------------------------------------------- files


@contextlib.contextmanager
def _locked(path: str | os.PathLike[str], *, exclusive: bool) -> Iterator[bytes]:
    """The file's bytes, read and held under ``flock`` until the block ends."""
    while True:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
        with open(fd, "rb") as handle:
            fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            # write_atomic replaces the inode: a lock won on a replaced one is taken again.
            held = os.fstat(fd)
            try:
                now = os.stat(path)
            except FileNotFoundError:
                continue
            if (now.st_ino, now.st_dev) == (held.st_ino, held.st_dev):
                yield handle.read()
                return


# --------------------------------------------------------------------------- merging


def _merge(
    po: Catalog, pot: Catalog, use_fuzzy: bool
) -> tuple[Catalog, tuple[MergeWarning, ...], MergeStats]:
    """The merged catalog, the warnings and the counts."""
    defs = po.messages
    primary, extras, warnings = _duplicates(defs, po.path or "<po>")
    duplicate = {i for others in extras.values() for i in others}
    nplurals, declared = _nplurals(po.header)
    if declared:
        warnings += _plural_warnings(defs, nplurals, po.path or "<po>")
    refs, skipped = _template(pot, pot.path or "<pot>")
    warnings += skipped

    found = [primary.get((r.msgctxt, r.msgid)) for r in refs]
    similar: dict[int, int] = {}
    wanted = [j for j, r in enumerate(refs) if found[j] is None and not r.is_header]
    if use_fuzzy and wanted:
        index = FuzzyIndex(defs, duplicate)
        for j, i in zip(wanted, index.search([refs[j] for j in wanted]), strict=True):
            if i is not None:
                similar[j] = i

    kept = fuzzy_count = added = obsoleted = revived = dropped = 0
    used = bytearray(len(defs))
    out: list[Message] = []
    for j, r in enumerate(refs):
        i = found[j]
        if i is None and j in similar:
            i = similar[j]
            out.append(_merge_entry(defs[i], r, True, nplurals))
            fuzzy_count += 1
        elif i is None:
            if not r.is_header:  # a catalog without a header gets none
                out.append(_new_entry(r, nplurals))
                added += 1
            continue
        elif r.is_header:
            out.append(_merge_header(defs[i], r))
        else:
            out.append(_merge_entry(defs[i], r, False, nplurals))
            if defs[i].obsolete:
                revived += 1
            else:
                kept += 1
        if not used[i]:
            out.extend(defs[k] for k in extras.get(i, ()) if not defs[k].obsolete)
        used[i] = 1

    for i, d in enumerate(defs):
        if i in duplicate:
            if d.obsolete:
                out.append(d)
            continue
        if used[i]:
            continue
        if _has_translation(d):
            if not d.obsolete:
                obsoleted += 1
            out.append(_obsolete(d))
        else:
            dropped += 1
        out.extend(defs[k] for k in extras.get(i, ()) if not defs[k].obsolete)

    merged = Catalog(
        messages=out,
        path=po.path,
        encoding=po.encoding,
        newline=po.newline,
        bom=po.bom,
        trailer=po.trailer,
    )
    stats = MergeStats(kept, fuzzy_count, added, obsoleted, revived, dropped)
    return merged, tuple(sorted(warnings, key=lambda w: (w.path, w.line))), stats


def _duplicates(
    defs: list[Message], path: str
) -> tuple[dict[tuple[str | None, str], int], dict[int, list[int]], list[MergeWarning]]:
    """The entry merged for each key, the other entries with that key, and a warning each."""
    # The first entry of a key is merged (an active one before an obsolete one); the others,
    # which GNU refuses, are kept as they are.
    primary: dict[tuple[str | None, str], int] = {}
    groups: dict[tuple[str | None, str], list[int]] = {}  # the keys of more than one entry
    for i, m in enumerate(defs):
        key = (m.msgctxt, m.msgid)
        first = primary.setdefault(key, i)
        if first != i:
            groups.setdefault(key, [first]).append(i)
    extras: dict[int, list[int]] = {}
    warnings: list[MergeWarning] = []
    for key, members in sorted(groups.items(), key=lambda item: item[1][0]):
        first = next((i for i in members if not defs[i].obsolete), members[0])
        primary[key] = first
        extras[first] = [i for i in members if i != first]
        warnings.extend(
            MergeWarning(
                path,
                defs[i].lineno,
                f"duplicate of the entry at line {defs[first].lineno}; kept as is",
            )
            for i in extras[first]
        )
    return primary, extras, warnings


def _plural_warnings(defs: list[Message], nplurals: int, path: str) -> list[MergeWarning]:
    """A warning for each active plural entry whose forms disagree with the header."""
    return [
        MergeWarning(
            path,
            d.lineno,
            f"{len(d.msgstr_plural)} plural forms, but the header's Plural-Forms says "
            f"nplurals={nplurals}; kept as is",
        )
        for d in defs
        if d.msgid_plural is not None and not d.obsolete and len(d.msgstr_plural) != nplurals
    ]


def _template(pot: Catalog, path: str) -> tuple[list[Message], list[MergeWarning]]:
    """The template's entries (each key once, a header first if it has none) and warnings."""
    refs: list[Message] = []
    warnings: list[MergeWarning] = []
    seen: dict[tuple[str | None, str], int] = {}
    for r in pot.messages:
        if r.obsolete:
            continue
        key = (r.msgctxt, r.msgid)
        if key in seen:
            warnings.append(
                MergeWarning(
                    path,
                    r.lineno,
                    f"duplicate of the template entry at line {seen[key]}; skipped",
                )
            )
            continue
        seen[key] = r.lineno
        refs.append(r)
    if pot.header is None:
        refs.insert(0, Message(msgid=""))  # as msgmerge, which then keeps the catalog's header
    return refs, warnings


def _nplurals(header: Message | None) -> tuple[int, bool]:
    """The header's number of plural forms (GNU's default is 2), and whether it declares one."""
    if header is not None:
        for line in header.msgstr.split("\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "plural-forms":
                match = _NPLURALS_RE.search(value)
                if match and int(match.group(1)) > 0:
                    return int(match.group(1)), True
    return 2, False


def _has_translation(m: Message) -> bool:
    """Whether any msgstr of the entry is non-empty."""
    return bool(m.msgstr) or any(m.msgstr_plural)


def _obsolete(d: Message) -> Message:
    """An entry that left the template, as msgmerge keeps it."""
    if d.obsolete and not d.extracted_comments and not d.references:
        return d
    return replace(d, obsolete=True, extracted_comments=(), references=())


def _new_entry(r: Message, nplurals: int) -> Message:
    """A template entry the catalog has nothing for, rendered afresh."""
    if r.msgid_plural is not None and not any(r.msgstr_plural):
        return replace(r, msgstr_plural=("",) * nplurals, source=None)
    return replace(r, source=None)


def _merge_entry(d: Message, r: Message, force_fuzzy: bool, nplurals: int) -> Message:
    """The catalog entry ``d`` updated to the template entry ``r``."""
    if (not force_fuzzy and r.flags == d.flags and "fuzzy" not in d.flags and not d.obsolete
            and r.msgid_plural == d.msgid_plural and r.references == d.references
            and r.extracted_comments == d.extracted_comments and d.previous_msgid is None
            and d.previous_msgctxt is None and d.previous_msgid_plural is None
            and r.msgid == d.msgid and r.msgctxt == d.msgctxt):
        return d  # most entries: what the rules below give when nothing changed
    fuzzy = d.fuzzy or force_fuzzy or r.msgid_plural != d.msgid_plural
    if not fuzzy and r.flags and _format_newly_broken(d, r):
        fuzzy = True
    if not fuzzy and d.flags and _range_narrowed(d.flags, r.flags):
        fuzzy = True
    if d.fuzzy:
        previous = (d.previous_msgctxt, d.previous_msgid, d.previous_msgid_plural)
    else:
        previous = (d.msgctxt, d.msgid, d.msgid_plural)
    msgstr, forms, comments = d.msgstr, d.msgstr_plural, d.translator_comments
    if r.msgid_plural is not None and d.msgid_plural is None:
        msgstr, forms = "", (d.msgstr,) * nplurals
    elif r.msgid_plural is None and d.msgid_plural is not None:
        msgstr, forms = (d.msgstr_plural[0] if d.msgstr_plural else ""), ()
        dropped = [
            f'msgstr[{n}] before the plural was removed: "{_escape(form)}"'
            for n, form in enumerate(d.msgstr_plural[1:], 1)
            if form
        ]
        comments = comments + tuple(c for c in dropped if c not in comments)
    first = msgstr if r.msgid_plural is None else (forms[0] if forms else "")
    if not (fuzzy and first):
        previous = (None, None, None)
    flags = _merge_flags(d.flags, r.flags, fuzzy and bool(first))
    if (
        not d.obsolete
        and d.msgid_plural == r.msgid_plural
        and msgstr == d.msgstr
        and forms == d.msgstr_plural
        and comments == d.translator_comments
        and flags == d.flags
        and r.references == d.references
        and r.extracted_comments == d.extracted_comments
        and previous == (d.previous_msgctxt, d.previous_msgid, d.previous_msgid_plural)
        and r.msgid == d.msgid
        and r.msgctxt == d.msgctxt
    ):
        return d
    return replace(
        d,
        msgctxt=r.msgctxt,
        msgid=r.msgid,
        msgid_plural=r.msgid_plural,
        msgstr=msgstr,
        msgstr_plural=forms,
        translator_comments=comments,
        extracted_comments=r.extracted_comments,
        references=r.references,
        flags=flags,
        previous_msgctxt=previous[0],
        previous_msgid=previous[1],
        previous_msgid_plural=previous[2],
        obsolete=False,
    )


def _merge_header(d: Message, r: Message) -> Message:
    """The catalog's header with the template's date and bug address."""
    msgstr = d.msgstr
    for name in _FROM_TEMPLATE:
        at = r.msgstr.find(name + ":")
        if at >= 0:
            value = r.msgstr[at + len(name) + 1 :].partition("\n")[0]
            msgstr = _set_header_field(msgstr, name, value)
    flags = _merge_flags(d.flags, r.flags, d.fuzzy)
    if (
        not d.obsolete
        and msgstr == d.msgstr
        and flags == d.flags
        and r.references == d.references
        and r.extracted_comments == d.extracted_comments
        and d.previous_msgctxt is None
        and d.previous_msgid is None
        and d.previous_msgid_plural is None
    ):
        return d
    return replace(
        d,
        msgstr=msgstr,
        flags=flags,
        extracted_comments=r.extracted_comments,
        references=r.references,
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        obsolete=False,
    )


def _set_header_field(msgstr: str, name: str, value: str) -> str:
    """The header with every ``name:`` line set to ``value``, or one added where GNU puts it."""
    lines = msgstr.split("\n")
    prefix = name.lower() + ":"
    rank = HEADER_FIELDS.index(name)
    hits = [k for k, line in enumerate(lines) if line.lower().startswith(prefix)]
    if hits:
        for k in hits:
            lines[k] = f"{name}:{value}"
        if hits[-1] == len(lines) - 1:
            lines.append("")  # GNU ends the field it writes with a newline
        return "\n".join(lines)
    at = 0
    for k, line in enumerate(lines):
        field = line.partition(":")[0].lower()
        if any(field == known.lower() for known in HEADER_FIELDS[:rank]):
            at = k + 1
    lines.insert(at, f"{name}:{value}")
    if at == len(lines) - 1:
        lines.append("")
    return "\n".join(lines)


def _escape(text: str) -> str:
    """A string as a PO file quotes it."""
    return text.translate(_ESCAPES)


_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        '"': '\\"',
        "\n": "\\n",
        "\t": "\\t",
        "\r": "\\r",
        "\a": "\\a",
        "\b": "\\b",
        "\f": "\\f",
        "\v": "\\v",
    }
)


# --------------------------------------------------------------------------- flags


def _is_gnu_flag(flag: str) -> bool:
    """Whether GNU reads this flag (the others it drops; l10n keeps them)."""
    return (
        flag in ("fuzzy", "wrap", "no-wrap")
        or flag.startswith("range:")
        or format_language(flag) is not None
    )


def _merge_flags(old: tuple[str, ...], new: tuple[str, ...], fuzzy: bool) -> tuple[str, ...]:
    """``fuzzy``, the template's flags, then the catalog's flags GNU does not know."""
    if not old and not new:
        return ("fuzzy",) if fuzzy else ()
    flags = ["fuzzy"] if fuzzy else []
    flags.extend(f for f in new if f != "fuzzy" and f not in flags)
    flags.extend(f for f in old if not _is_gnu_flag(f) and f not in flags)
    if set(flags) == set(old):
        return old  # the same flags as written keep the entry's bytes
    return tuple(flags)


def _range(flags: Sequence[str]) -> tuple[int, int] | None:
    """The bounds of a ``range:`` flag."""
    for flag in flags:
        match = _RANGE_RE.match(flag)
        if match:
            return int(match.group(1)), int(match.group(2))
    return None


def _range_narrowed(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether the translation assumed a range the template no longer promises."""
    before = _range(old)
    if before is None:
        return False
    after = _range(new)
    return after is None or after[0] < before[0] or after[1] > before[1]


_C_DIRECTIVE_RE = re.compile(
    r"%(?:(\d+)\$)?[-+ #0'I]*(?:\*(?:\d+\$)?|\d+)?(?:\.(?:\*(?:\d+\$)?|\d*))?"
    r"(hh|h|ll|l|L|q|j|z|Z|t|<PRI\w+>)?([diouxXeEfFgGaAcCsSpnm%@])"
)
_PYTHON_DIRECTIVE_RE = re.compile(
    r"%(?:\(([^)]*)\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])"
)
_BRACE_FIELD_RE = re.compile(r"\{\{|\}\}|\{([^{}:!\[.]*)[^{}]*\}")
_C_TYPES = (
    {c: "int" for c in "di"} | {c: "unsigned" for c in "ouxX"} | {c: "float" for c in "eEfFgGaA"}
)


def _format_newly_broken(d: Message, r: Message) -> bool:
    """Whether the template newly marks a format the translation does not follow."""
    for flag in r.flags:
        lang = format_language(flag)
        if lang is None or lang[0] not in ("yes", "possible"):
            continue
        if any(format_language(f) in (("yes", lang[1]), ("possible", lang[1])) for f in d.flags):
            continue
        signature = _SIGNATURES.get(lang[1])
        if signature is None:
            continue  # languages l10n does not check
        forms = d.msgstr_plural if d.msgid_plural is not None else (d.msgstr,)
        sources = {signature(r.msgid)}
        if r.msgid_plural is not None:
            sources.add(signature(r.msgid_plural))
        if any(form and signature(form) not in sources for form in forms):
            return True
    return False


def _c_signature(text: str) -> tuple[object, ...]:
    """The argument types a C format string consumes, in argument order."""
    args: dict[int, tuple[str | None, str]] = {}
    position = 0
    for number, size, conversion in _C_DIRECTIVE_RE.findall(text):
        if conversion in "%m":
            continue
        position = int(number) if number else position + 1
        args[position] = (size or None, _C_TYPES.get(conversion, conversion))
    return tuple(sorted(args.items()))


def _python_signature(text: str) -> tuple[object, ...]:
    """The named arguments (as a set) or the sequence of conversions of a Python format."""
    named: set[tuple[str, str]] = set()
    unnamed: list[str] = []
    for name, conversion in _PYTHON_DIRECTIVE_RE.findall(text):
        if conversion == "%":
            continue
        kind = _C_TYPES.get(conversion, conversion)
        if name:
            named.add((name, kind))
        else:
            unnamed.append(kind)
    return (tuple(sorted(named)), tuple(unnamed))


def _brace_signature(text: str) -> tuple[object, ...]:
    """The fields a Python brace format refers to."""
    return tuple(sorted({m.group(1) for m in _BRACE_FIELD_RE.finditer(text) if m.group(1)}))


_SIGNATURES = {
    "c": _c_signature,
    "objc": _c_signature,
    "python": _python_signature,
    "python-brace": _brace_signature,
}
