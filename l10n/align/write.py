"""Writing proposals into catalogs, without ever losing a translator's work.

The rules, for each proposal and the catalog entry with its msgctxt and msgid:

* an entry without a translation gets the proposal as its msgstr, flagged ``fuzzy`` (a
  translator confirms it), with an extracted comment saying where it came from and how sure
  the pairing is: ``#. aligned: de/page.html:41, 0.97``;
* a translated entry (not fuzzy) is never changed, even when the proposal differs;
* a fuzzy entry is replaced only by a surer proposal: one whose score is above the score of
  its own ``aligned:`` comment. A fuzzy entry without one (``msgmerge``'s guess from a similar
  msgid, or a translator's draft) counts as sure as 0: a twin page showing this very msgid
  is surer. Its ``#|`` previous strings go with the guess they described;
* an entry the catalog does not have is not added (the template is ``extract``'s, and an
  entry missing from it would turn obsolete at the next ``update``): it is reported.

Plural entries are filled form by form: the forms the editions showed, the others left as they
were. The catalog is read and written under the same ``flock`` as ``l10n update`` and replaced
atomically (:func:`~l10n.files.write_atomic`); everything else in it keeps its bytes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from l10n.align.proposals import Proposal
from l10n.po import Catalog, Message, read_po, write_po

__all__ = ["Outcome", "State", "apply_proposals", "write_proposals"]

_ALIGNED = re.compile(r"aligned: (?P<where>.+), (?P<score>[01]\.\d+)")


class State(StrEnum):
    """What became of one proposal."""

    PROPOSED = "proposed"  # written into an untranslated entry
    REPLACED = "replaced"  # replaced a less sure fuzzy msgstr
    UNCHANGED = "unchanged"  # the entry says that already
    TRANSLATED = "kept translation"  # a translator's msgstr, left as it is
    SURER = "kept surer proposal"  # a fuzzy msgstr at least as sure
    MISSING = "not in the catalog"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A proposal and what became of it in its catalog."""

    proposal: Proposal
    state: State


def aligned_score(message: Message) -> float | None:
    """The score of an entry's ``aligned:`` comment, None when it has none."""
    for comment in message.extracted_comments:
        found = _ALIGNED.fullmatch(comment)
        if found:
            return float(found["score"])
    return None


def _has_msgstr(message: Message) -> bool:
    if message.msgid_plural is not None:
        return any(message.msgstr_plural)
    return message.msgstr != ""


def _proposed(message: Message, proposal: Proposal, *, fuzzy: bool = True,
              keep: bool = True) -> Message:
    """``message`` carrying ``proposal`` (fuzzy unless an editor accepted it); ``keep``
    keeps the plural forms the proposal does not give, else they are replaced."""
    comments = tuple(c for c in message.extracted_comments if not _ALIGNED.fullmatch(c))
    flags = tuple(f for f in message.flags if f != "fuzzy")
    if message.msgid_plural is not None:
        size = max(len(message.msgstr_plural), len(proposal.msgstr_plural))
        old = message.msgstr_plural + ("",) * (size - len(message.msgstr_plural))
        new = proposal.msgstr_plural + ("",) * (size - len(proposal.msgstr_plural))
        forms = tuple(n or (o if keep else "") for o, n in zip(old, new, strict=True))
        changes: dict[str, object] = {"msgstr_plural": forms}
    else:
        changes = {"msgstr": proposal.msgstr}
    return replace(message, **changes,  # type: ignore[arg-type]
                   extracted_comments=(*comments, proposal.comment),
                   flags=(("fuzzy",) if fuzzy else ()) + flags,
                   previous_msgctxt=None, previous_msgid=None, previous_msgid_plural=None)


def _conflicts(message: Message, proposal: Proposal) -> bool:
    """Whether the proposal says something else than the entry's msgstr (a plural form
    the entry lacks is no conflict)."""
    if message.msgid_plural is not None:
        return any(new and old and new != old for old, new in
                   zip(message.msgstr_plural, proposal.msgstr_plural, strict=False))
    return message.msgstr != proposal.msgstr


def apply_proposals(catalog: Catalog, proposals: Sequence[Proposal], *,
                    accept: bool = False) -> tuple[Catalog, list[Outcome]]:
    """``catalog`` with ``proposals`` written in by the rules of the module docstring, and
    what became of each. ``accept`` writes them as an editor's choice: not fuzzy (into an
    untranslated or fuzzy entry only: still never over a translation)."""
    position = {m.key: i for i, m in reversed(list(enumerate(catalog.messages)))
                if not m.obsolete and not m.is_header}
    messages = list(catalog.messages)
    outcomes: list[Outcome] = []
    for proposal in proposals:
        index = position.get((proposal.msgctxt, proposal.msgid))
        if index is None:
            outcomes.append(Outcome(proposal, State.MISSING))
            continue
        message = messages[index]
        if _has_msgstr(message) and not message.fuzzy:
            same = not _conflicts(message, proposal) and (
                message.msgid_plural is None or all(
                    old or not new for old, new in zip(message.msgstr_plural,
                                                       proposal.msgstr_plural, strict=False)))
            state = State.UNCHANGED if same else State.TRANSLATED
        elif accept or not _has_msgstr(message):
            state = State.PROPOSED
        elif not _conflicts(message, proposal):
            state = State.PROPOSED  # a plural form more, or nothing new
        elif proposal.score > (aligned_score(message) or 0.0):
            state = State.REPLACED
        else:
            state = State.SURER
        if state in (State.PROPOSED, State.REPLACED):
            changed = _proposed(message, proposal, fuzzy=not accept, keep=state is State.PROPOSED)
            if changed.msgstr == message.msgstr and changed.msgstr_plural == \
                    message.msgstr_plural and message.fuzzy != accept:
                state = State.UNCHANGED  # the entry says that already
            else:
                messages[index] = changed
        outcomes.append(Outcome(proposal, state))
    return replace(catalog, messages=messages), outcomes


def write_proposals(path: str | os.PathLike[str], proposals: Sequence[Proposal], *,
                    new: Catalog | None = None, parsed: tuple[bytes, Catalog] | None = None,
                    check: bool = False, accept: bool = False) -> tuple[bool, list[Outcome]]:
    """Write ``proposals`` into the catalog at ``path`` (``new`` when the file does not exist
    yet: created as ``init`` would); (whether it changed, the outcomes). ``parsed`` is the
    file as read before (its bytes and catalog): reused when the file still holds those
    bytes. With ``check`` nothing is written."""
    from pathlib import Path

    from l10n.catalogs.merge import _locked
    from l10n.files import write_atomic

    target = Path(path)
    if new is not None and not target.exists():
        catalog, outcomes = apply_proposals(new, proposals, accept=accept)
        if not check:
            write_atomic(target, write_po(catalog))
        return True, outcomes
    with _locked(target, exclusive=not check) as data:
        current = parsed[1] if parsed is not None and parsed[0] == data \
            else read_po(data, str(target))
        catalog, outcomes = apply_proposals(current, proposals, accept=accept)
        output = write_po(catalog)
        changed = output != data
        if changed and not check:
            write_atomic(target, output)
    return changed, outcomes
