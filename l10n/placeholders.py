"""Placeholders and markup in a catalog string: printf (``%s``, ``%(name)d``) and brace
(``{count}``) placeholders and HTML tags, which a translation must carry as its source does
(``msgfmt -c``'s check, and ``l10n check``'s on catalogs)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Mismatch", "placeholders_of", "strip_placeholders", "translation_mismatches"]

# The flags are taken possessively: zeros are flags and width digits alike, and trying every
# split of a long run of them took minutes ("%" and 64,000 zeros); the matches are the same.
_PRINTF = re.compile(r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*+(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*"
                     r"(?P<conv>[diouxXeEfFgGcrsa%])")
_BRACE = re.compile(r"(?<!\{)\{(?P<field>[A-Za-z_0-9][\w.\[\]]*)?(?:![rsa])?(?::[^{}]*)?\}(?!\})")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*\b[^<>]*?/?>")


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
        # Placeholders need a % or a {, tags a <: most strings have none, and a string with
        # placeholders seldom has both kinds.
        printf = "%" in source or "%" in msgstr
        brace = "{" in source or "{" in msgstr
        if (printf or brace) and not (
                (not printf or _same(_PRINTF.findall(source), _PRINTF.findall(msgstr)))
                and (not brace or _same(_BRACE.findall(source), _BRACE.findall(msgstr)))):
            wanted, got = placeholders_of(source), placeholders_of(msgstr)
            if wanted != got and not (msgid_plural and _plural_drop(wanted, got)):
                yield Mismatch("placeholders", msgstr,
                               f"placeholders {_show(got)} differ from the msgid's "
                               f"{_show(wanted)}")
        if "<" in source or "<" in msgstr:
            wanted, got = _tags(source), _tags(msgstr)
            if wanted != got:
                yield Mismatch("markup", msgstr,
                               f"markup {_show(got)} differs from the msgid's {_show(wanted)}")


def strip_placeholders(text: str) -> str:
    """``text`` without its printf and brace placeholders (they are not words)."""
    return _BRACE.sub(" ", _PRINTF.sub(" ", text))


def _same(one: list[object], other: list[object]) -> bool:
    """Whether two lists of directives hold the same ones (then so do their placeholders)."""
    return one == other or sorted(one) == sorted(other)  # type: ignore[type-var]


def placeholders_of(text: str) -> list[str]:
    """The placeholders of ``text``, sorted (a multiset: equal lists, equal placeholders)."""
    found = [f"%({name})" if name else f"%{conv}" for name, conv in _PRINTF.findall(text)
             if conv != "%"]
    found.extend("{" + field + "}" for field in _BRACE.findall(text))
    found.sort()
    return found


def _plural_drop(wanted: list[str], got: list[str]) -> bool:
    """A plural form may leave out the number ("one comment" for ``%d comments``)."""
    have, need = Counter(wanted), Counter(got)
    return all(need[k] <= have[k] for k in need) and set(need) <= set(have)


def _tags(text: str) -> list[str]:
    """The tags of ``text`` (``<a``, ``</a``, ``<br/``), sorted."""
    return sorted(tag.split()[0].rstrip(">").lower() for tag in _TAG.findall(text))


def _show(found: list[str]) -> str:
    return "[" + ", ".join(found) + "]" if found else "none"
