"""Placeholders and markup in a catalog string: printf (``%s``, ``%(name)d``) and brace
(``{count}``) placeholders and HTML tags, which a translation must carry as its source does
(``msgfmt -c``'s check, and ``l10n check``'s on catalogs)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Mismatch", "strip_placeholders", "translation_mismatches"]

_PRINTF = re.compile(r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*"
                     r"(?P<conv>[diouxXeEfFgGcrsa%])")
_BRACE = re.compile(r"(?<!\{)\{(?P<field>[A-Za-z_0-9][\w.\[\]]*)?(?:![rsa])?(?::[^{}]*)?\}(?!\})")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?/?>")


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A translation whose placeholders (``what="placeholders"``) or markup (``"markup"``)
    differ from its source's."""

    what: str
    text: str
    message: str


def translation_mismatches(msgid: str, msgid_plural: str | None,
                           msgstrs: Sequence[str]) -> Iterator[Mismatch]:
    """Placeholder and markup mismatches between an entry's msgid (or msgid_plural, for the
    plural forms) and each of its non-empty translations, in order."""
    sources = [msgid] + ([msgid_plural] if msgid_plural else [])
    for index, msgstr in enumerate(msgstrs):
        if not msgstr:
            continue
        source = sources[min(index, len(sources) - 1)]
        wanted, got = _placeholders(source), _placeholders(msgstr)
        if wanted != got and not (msgid_plural and _plural_drop(wanted, got)):
            yield Mismatch("placeholders", msgstr,
                           f"placeholders {_show(got)} differ from the msgid's {_show(wanted)}")
        wanted_tags, got_tags = _tags(source), _tags(msgstr)
        if wanted_tags != got_tags:
            yield Mismatch("markup", msgstr,
                           f"markup {_show(got_tags)} differs from the msgid's "
                           f"{_show(wanted_tags)}")


def strip_placeholders(text: str) -> str:
    """``text`` without its printf and brace placeholders (they are not words)."""
    return _BRACE.sub(" ", _PRINTF.sub(" ", text))


def _placeholders(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for match in _PRINTF.finditer(text):
        if match["conv"] != "%":
            found[f"%({match['name']})" if match["name"] else f"%{match['conv']}"] += 1
    for match in _BRACE.finditer(text):
        found["{" + (match["field"] or "") + "}"] += 1
    return found


def _plural_drop(wanted: Counter[str], got: Counter[str]) -> bool:
    """A plural form may leave out the number ("one comment" for ``%d comments``)."""
    return all(got[k] <= wanted[k] for k in got) and set(got) <= set(wanted)


def _tags(text: str) -> Counter[str]:
    return Counter(m.group(0).split()[0].rstrip(">").lower() for m in _TAG.finditer(text))


def _show(counter: Counter[str]) -> str:
    return "[" + ", ".join(sorted(counter.elements())) + "]" if counter else "none"
