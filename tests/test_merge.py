"""Tests for l10n.catalogs.merge: msgmerge --previous semantics, checked against GNU msgmerge.

GNU gettext's msgmerge, msgcat and msgfmt are the oracle. Tests that need them fail, never
skip, when they are missing, so a green run always means "checked against GNU".
"""

from __future__ import annotations

import functools
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from l10n.catalogs import fuzzy as fuzzy_search
from l10n.catalogs.merge import MergeResult, MergeStats, merge_catalog, update_catalog
from l10n.errors import CatalogError, InputError
from l10n.po import Catalog, Message, format_message, read_po, write_po

from .conftest import fuzz_examples

DATA = Path(__file__).resolve().parent / "data" / "merge"
GNU_ENV = {**os.environ, "LC_ALL": "C.UTF-8"}
# Files with tests of their own: faults msgmerge refuses, a header l10n keeps as written.
OWN_TESTS = {"faults", "header_as_written"}
SCENARIOS = sorted(
    p.stem for p in DATA.glob("*.po") if p.stem not in OWN_TESTS and p.with_suffix(".pot").exists()
)
# Deliberate differences in bytes (the entries' fields still agree with msgmerge's).
BYTE_DIFFERENCES = {"plural_removed": "the dropped plural forms stay in a translator comment"}
DROPPED_FORM = re.compile(r"msgstr\[(\d+)\] before the plural was removed: \"(.*)\"\Z")


@pytest.fixture(scope="session", autouse=True)
def gnu() -> None:
    """Require GNU gettext's msgmerge, msgcat and msgfmt on PATH."""
    for tool in ("msgmerge", "msgcat", "msgfmt"):
        assert shutil.which(tool), f"{tool} (GNU gettext) is the test oracle; install gettext"


@functools.cache
def gnu_merge(po: Path, pot: Path, fuzzy: bool = True) -> bytes:
    """msgmerge's output for two files."""
    options = [] if fuzzy else ["--no-fuzzy-matching"]
    done = subprocess.run(
        ["msgmerge", "--previous", "--quiet", "--width=79", *options, str(po), str(pot), "-o", "-"],
        capture_output=True,
        env=GNU_ENV,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def msgfmt_accepts(data: bytes, tmp_path: Path, name: str) -> bool:
    """Whether ``msgfmt -c --check-format`` accepts a catalog."""
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(
        ["msgfmt", "-c", "--check-format", "-o", os.devnull, str(path)],
        capture_output=True,
        env=GNU_ENV,
    )
    return done.returncode == 0


def load(path: Path) -> Catalog:
    """A catalog file, parsed."""
    return read_po(path.read_bytes(), str(path))


def merged(name: str, fuzzy: bool = True) -> MergeResult:
    """A scenario's catalog merged with its template."""
    return merge_catalog(load(DATA / f"{name}.po"), load(DATA / f"{name}.pot"), fuzzy=fuzzy)


def fields(m: Message) -> tuple[object, ...]:
    """What the scenario table compares with msgmerge."""
    return (
        m.msgctxt,
        m.msgid,
        m.msgid_plural,
        m.msgstr,
        m.msgstr_plural,
        m.fuzzy,
        m.obsolete,
        m.previous_msgctxt,
        m.previous_msgid,
        m.previous_msgid_plural,
    )


def without_dropped_forms(data: bytes) -> bytes:
    """Output without l10n's comments keeping removed plural forms."""
    return re.sub(rb"# msgstr\[\d+\] before the plural was removed: .*\n", b"", data)


def unescape(text: str) -> str:
    """A PO string's value."""
    table = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    return re.sub(r"\\(.)", lambda m: table.get(m.group(1), m.group(1)), text)


def translations(catalog: Catalog) -> set[str]:
    """Every non-empty msgstr (not the header's), and every form kept in a comment."""
    found: set[str] = set()
    for m in catalog:
        if m.is_header:
            continue
        found.update(s for s in (m.msgstr, *m.msgstr_plural) if s)
        for comment in m.translator_comments:
            match = DROPPED_FORM.match(comment)
            if match:
                found.add(unescape(match.group(2)))
    return found


# --------------------------------------------------------------------------- msgmerge table


def test_the_table_covers_the_scenarios() -> None:
    assert set(SCENARIOS) >= {
        "string_edited",
        "string_removed",
        "restored_from_obsolete",
        "context_changed",
        "plural_added",
        "plural_removed",
        "translator_comment_kept",
        "fuzzy_kept",
        "two_similar_candidates",
        "untranslated_removed",
        "header_dates",
        "reordering",
        "tie_more_shared_grams",
    }


@pytest.mark.parametrize("fuzzy", [True, False], ids=["fuzzy", "no-fuzzy"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_entries_match_msgmerge(name: str, fuzzy: bool) -> None:
    """Same entries, same order, same translations, fuzziness and previous strings."""
    ours = merged(name, fuzzy).catalog
    theirs = read_po(gnu_merge(DATA / f"{name}.po", DATA / f"{name}.pot", fuzzy))
    assert [fields(m) for m in ours] == [fields(m) for m in theirs]


@pytest.mark.parametrize("fuzzy", [True, False], ids=["fuzzy", "no-fuzzy"])
@pytest.mark.parametrize("name", sorted(set(SCENARIOS) - set(BYTE_DIFFERENCES)))
def test_scenario_bytes_match_msgmerge(name: str, fuzzy: bool) -> None:
    """On GNU-formatted catalogs the output is msgmerge's, byte for byte."""
    result = merged(name, fuzzy)
    assert write_po(result.catalog) == gnu_merge(DATA / f"{name}.po", DATA / f"{name}.pot", fuzzy)


@pytest.mark.parametrize("name", SCENARIOS)
def test_msgfmt_accepts_the_merged_catalog(name: str, tmp_path: Path) -> None:
    ours = msgfmt_accepts(write_po(merged(name).catalog), tmp_path, "ours.po")
    theirs = msgfmt_accepts(
        gnu_merge(DATA / f"{name}.po", DATA / f"{name}.pot"), tmp_path, "gnu.po"
    )
    # msgfmt -c requires a header, and msgmerge gives a catalog without one none either.
    assert ours == theirs == (name != "no_header")


def test_stats_count_what_happened() -> None:
    assert merged("string_removed").stats == MergeStats(kept=1, obsoleted=2)
    assert merged("restored_from_obsolete").stats == MergeStats(kept=1, revived=2)
    assert merged("untranslated_removed").stats == MergeStats(kept=1, dropped=3)
    assert merged("reordering").stats == MergeStats(kept=3, added=1)
    assert merged("string_edited").stats == MergeStats(kept=1, fuzzy=1)
    assert merged("string_edited", fuzzy=False).stats == MergeStats(kept=1, added=1, obsoleted=1)


def test_unchanged_catalog_is_not_changed() -> None:
    first = merged("string_edited")
    assert first.changed
    again = merge_catalog(first.catalog, load(DATA / "string_edited.pot"))
    assert not again.changed
    assert write_po(again.catalog) == write_po(first.catalog)


def test_merge_is_deterministic() -> None:
    outputs = {write_po(merged("two_similar_candidates").catalog) for _ in range(3)}
    assert len(outputs) == 1


def test_inputs_are_not_modified() -> None:
    po, pot = load(DATA / "string_edited.po"), load(DATA / "string_edited.pot")
    before = (list(po.messages), list(pot.messages))
    merge_catalog(po, pot)
    assert (po.messages, pot.messages) == before


# --------------------------------------------------------------------------- random catalogs

WORDS = ["read", "more", "story", "stories", "share", "this", "now", "news", "live", "é", "a"]
WORDS += ['"quoted"', "back\\slash", "tab\there"]


def random_case(rng: random.Random) -> tuple[str, str]:
    """A GNU-formatted catalog and an edited template; similar msgids make close calls."""

    def text() -> str:
        if rng.random() < 0.2:
            return "".join(rng.choice("abé") for _ in range(rng.randint(1, 3)))
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))

    defs: dict[tuple[str | None, str], Message] = {}
    for _ in range(rng.randint(1, 20)):
        ctxt, msgid = rng.choice([None, None, "menu"]), text()
        translated = rng.random() < 0.8
        plural = msgid + " (n)" if rng.random() < 0.15 else None
        flags = ("fuzzy",) if translated and rng.random() < 0.2 else ()
        defs.setdefault(
            (ctxt, msgid),
            Message(
                msgid=msgid,
                msgctxt=ctxt,
                msgid_plural=plural,
                msgstr="" if plural or not translated else f"T:{msgid}",
                msgstr_plural=(f"P0:{msgid}", f"P1:{msgid}") if plural and translated else (),
                flags=flags,
                previous_msgid=f"old {msgid}" if flags and rng.random() < 0.5 else None,
                obsolete=rng.random() < 0.2,
            ),
        )
    refs: dict[tuple[str | None, str], Message] = {}
    for d in defs.values():
        if rng.random() < 0.3:
            continue
        msgid, ctxt, plural = d.msgid, d.msgctxt, d.msgid_plural
        if rng.random() < 0.4:
            msgid = text() if rng.random() < 0.3 else msgid + rng.choice(["!", " now", "s"])
        if rng.random() < 0.15:
            ctxt = rng.choice([None, "menu", "toolbar"])
        if rng.random() < 0.1:
            plural = None if plural else msgid + " (n)"
        refs.setdefault((ctxt, msgid), Message(msgid=msgid, msgctxt=ctxt, msgid_plural=plural))
    for _ in range(rng.randint(0, 4)):
        msgid = text()
        refs.setdefault((None, msgid), Message(msgid=msgid))
    order = list(refs.values())
    rng.shuffle(order)
    head = (DATA / "string_edited.po").read_text().split("\n\n#:")[0] + "\n"
    active = [m for m in defs.values() if not m.obsolete]
    obsolete = [m for m in defs.values() if m.obsolete]
    po = "\n".join([head] + [format_message(m) for m in active + obsolete])
    pot_head = (DATA / "string_edited.pot").read_text().split("\n\n#:")[0] + "\n"
    pot = "\n".join([pot_head] + [format_message(m) for m in order])
    return po, pot


def test_random_catalogs_match_msgmerge(tmp_path: Path) -> None:
    """Fuzzy choices, ties, contexts and plurals agree with msgmerge on random catalogs."""
    rng = random.Random(20240505)
    fuzzy_matches = 0
    for case in range(200):
        po_text, pot_text = random_case(rng)
        po_path, pot_path = tmp_path / f"{case}.po", tmp_path / f"{case}.pot"
        po_path.write_text(po_text)
        pot_path.write_text(pot_text)
        result = merge_catalog(load(po_path), load(pot_path))
        theirs = gnu_merge(po_path, pot_path)
        assert without_dropped_forms(write_po(result.catalog)) == theirs, case
        fuzzy_matches += result.stats.fuzzy
    assert fuzzy_matches > 300  # the cases do exercise the similarity search


def test_random_catalogs_match_msgmerge_with_numpy(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The same with every search large enough for numpy to read the scores."""
    monkeypatch.setattr(fuzzy_search, "_SMALL_SEARCH", -1)
    rng = random.Random(20240505)
    for case in range(40):
        po_text, pot_text = random_case(rng)
        po_path, pot_path = tmp_path / f"{case}.po", tmp_path / f"{case}.pot"
        po_path.write_text(po_text)
        pot_path.write_text(pot_text)
        result = merge_catalog(load(po_path), load(pot_path))
        assert without_dropped_forms(write_po(result.catalog)) == gnu_merge(po_path, pot_path)


def test_both_score_readers_give_the_same_candidates() -> None:
    """Small searches read rapidfuzz's scores without numpy, large ones with it: the same
    candidates, best scores and float32 margins either way."""
    rng = random.Random(7)

    def text() -> bytes:
        words = [rng.choice(WORDS + ["politics", "world", "newsletter", "section"])
                 for _ in range(rng.randint(1, 6))]
        return " ".join(words).encode("utf-8")

    data = [text() for _ in range(400)]
    queries = [text() + rng.choice([b"", b"!", b" now"]) for _ in range(60)]
    numpy_rows = [(row, top, near, scored())
                  for row, top, near, scored in fuzzy_search._candidates_numpy(queries, data)]
    buffer_rows = [(row, top, near, scored())
                   for row, top, near, scored in fuzzy_search._candidates_buffer(queries, data)]
    assert buffer_rows == numpy_rows
    assert sum(len(near) for _, _, near, _ in numpy_rows) > 60


@st.composite
def catalog_and_template(draw: st.DrawFn) -> tuple[Catalog, Catalog]:
    """A random catalog and a randomly edited template, parsed from their text."""
    po_text, pot_text = random_case(draw(st.randoms(use_true_random=False)))
    return read_po(po_text, "random.po"), read_po(pot_text, "random.pot")


@settings(max_examples=fuzz_examples(1000))  # the "ci" profile of tests/conftest.py
@given(catalog_and_template(), st.booleans())
def test_no_translation_is_ever_lost(case: tuple[Catalog, Catalog], fuzzy: bool) -> None:
    """Every msgstr before the merge is there after it: active, fuzzy or obsolete."""
    po, pot = case
    result = merge_catalog(po, pot, fuzzy=fuzzy)
    assert translations(po) <= translations(result.catalog)
    again = read_po(write_po(result.catalog))
    assert [fields(m) for m in again] == [fields(m) for m in result.catalog]
    assert not merge_catalog(result.catalog, pot, fuzzy=fuzzy).changed


# --------------------------------------------------------------------------- deliberate differences


def test_removed_plural_keeps_the_other_forms_in_a_comment() -> None:
    """msgmerge keeps only msgstr[0]; l10n also keeps the others, in a translator comment."""
    data = write_po(merged("plural_removed").catalog)
    gnu = gnu_merge(DATA / "plural_removed.po", DATA / "plural_removed.pot")
    assert without_dropped_forms(data) == gnu
    assert b'# msgstr[1] before the plural was removed: "%d Dateien"\n' in data
    assert b"Vor %d Minuten aktualisiert" not in gnu
    assert b'removed: "Vor %d Minuten aktualisiert"' in data


def test_header_is_kept_as_written() -> None:
    """Only the template's date and bug address change; msgmerge rebuilds the header."""
    result = merged("header_as_written")
    assert result.catalog.header.msgstr == (
        "Language-Team: French <fr@example.org>\n"
        "X-Generator: Poedit 3.4\n"
        "content-type: text/plain; charset=UTF-8\n"
        "Project-Id-Version: news 1.0\n"
        "Report-Msgid-Bugs-To: news@example.org\n"
        "POT-Creation-Date: 2024-07-01 09:30+0000\n"
        "PO-Revision-Date: 2024-01-02 11:00+0100\n"
        "POT-Creation-Date: 2024-07-01 09:30+0000\n"
    )
    gnu = read_po(gnu_merge(DATA / "header_as_written.po", DATA / "header_as_written.pot"))
    assert "Language: fr\n" in gnu.header.msgstr  # guessed from Language-Team by msgmerge
    assert [fields(m) for m in result.catalog][1:] == [fields(m) for m in gnu][1:]


def test_header_dates() -> None:
    header = merged("header_dates").catalog.header_fields()
    assert header["POT-Creation-Date"] == "2024-06-30 08:15+0200"
    assert header["Report-Msgid-Bugs-To"] == "news@example.org"
    assert header["PO-Revision-Date"] == "2024-01-02 11:00+0100"


def test_flags_gnu_does_not_know_are_kept(tmp_path: Path) -> None:
    head = (DATA / "string_edited.po").read_text().split("\n\n#:")[0]
    po = tmp_path / "flags.po"
    po.write_text(f'{head}\n\n#, c-format, my-review\nmsgid "%d of %s"\nmsgstr "%d von %s"\n')
    pot = tmp_path / "flags.pot"
    pot.write_text('msgid ""\nmsgstr ""\n\n#, python-format\nmsgid "%d of %s"\nmsgstr ""\n')
    entry = merge_catalog(load(po), load(pot)).catalog.messages[1]
    assert entry.flags == ("python-format", "my-review")
    assert b"#, python-format\n" in gnu_merge(po, pot)


def test_obsolete_entry_with_a_later_plural_form_is_kept(tmp_path: Path) -> None:
    """msgmerge drops an obsolete entry whose msgstr[0] is empty; l10n keeps msgstr[1]."""
    head = (DATA / "string_edited.po").read_text().split("\n\n#:")[0]
    po = tmp_path / "obsolete.po"
    po.write_text(
        f'{head}\n\n#~ msgid "one"\n#~ msgid_plural "many"\n#~ msgstr[0] ""\n#~ msgstr[1] "viele"\n'
    )
    pot = tmp_path / "obsolete.pot"
    pot.write_text('msgid ""\nmsgstr ""\n')
    assert b"viele" in write_po(merge_catalog(load(po), load(pot)).catalog)
    assert b"viele" not in gnu_merge(po, pot)


def test_unchanged_entries_keep_their_bytes(tmp_path: Path) -> None:
    """An entry the merge leaves alone keeps its wrapping and flag order; msgmerge rewrites."""
    head = (DATA / "string_edited.po").read_text().split("\n\n#:")[0]
    po = tmp_path / "narrow.po"
    entry = 'msgid ""\n"A headline "\n"in two lines"\nmsgstr ""\n"Eine Schlagzeile "\n"in zwei Zeilen"\n'
    flags = '#, python-format, fuzzy\nmsgid "%s new"\nmsgstr "%s neu"\n'
    po.write_text(f"{head}\n\n{entry}\n{flags}")
    pot = tmp_path / "narrow.pot"
    pot.write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "A headline in two lines"\nmsgstr ""\n\n'
        '#, python-format\nmsgid "%s new"\nmsgstr ""\n'
    )
    result = merge_catalog(load(po), load(pot))
    assert not result.changed
    for text in (entry, flags):
        assert text.encode() in write_po(result.catalog)
        assert text.encode() not in gnu_merge(po, pot)


def test_new_format_flag_checks_the_translation() -> None:
    """As msgmerge: a translation that breaks a newly flagged format turns fuzzy."""
    entries = {m.msgid: m for m in merged("format_flags").catalog}
    assert entries["%d items in %s"].fuzzy
    assert not entries["%d of %s"].fuzzy
    assert not entries["%(count)s votes"].fuzzy
    assert not entries["{count} votes by {who}"].fuzzy


# --------------------------------------------------------------------------- faults


def test_faults_survive_with_warnings() -> None:
    po_path, pot_path = DATA / "faults.po", DATA / "faults.pot"
    po = load(po_path)
    result = merge_catalog(po, load(pot_path))
    assert [str(w) for w in result.warnings] == [
        f"{po_path}:20: 3 plural forms, but the header's Plural-Forms says nplurals=2; kept as is",
        f"{po_path}:31: duplicate of the entry at line 27; kept as is",
        f"{po_path}:40: duplicate of the entry at line 34; kept as is",
        f"{pot_path}:35: duplicate of the template entry at line 32; skipped",
    ]
    data = write_po(result.catalog).decode()
    original = po_path.read_text()
    for lines in [(18, 25), (26, 29), (30, 33), (34, 36), (40, 42)]:
        entry = "".join(original.splitlines(keepends=True)[lines[0] - 1 : lines[1] - 1])
        assert entry in data, entry
    assert data.count("Mehr lesen") == 1  # once, though its first serves two entries
    assert translations(po) <= translations(result.catalog)
    # msgmerge refuses the catalog outright.
    done = subprocess.run(
        ["msgmerge", "--previous", "-q", str(po_path), str(pot_path), "-o", os.devnull],
        capture_output=True,
        env=GNU_ENV,
    )
    assert done.returncode != 0 and b"duplicate message definition" in done.stderr


# --------------------------------------------------------------------------- files


def copy(name: str, tmp_path: Path) -> tuple[Path, Path]:
    po, pot = tmp_path / f"{name}.po", tmp_path / f"{name}.pot"
    shutil.copy(DATA / f"{name}.po", po)
    shutil.copy(DATA / f"{name}.pot", pot)
    return po, pot


def test_update_writes_the_merged_catalog(tmp_path: Path) -> None:
    po, pot = copy("string_edited", tmp_path)
    result = update_catalog(po, pot)
    assert result.changed
    assert po.read_bytes() == write_po(result.catalog)
    assert po.read_bytes() == gnu_merge(DATA / "string_edited.po", DATA / "string_edited.pot")
    assert not update_catalog(po, pot).changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["string_edited.po", "string_edited.pot"]


def test_check_reports_without_writing(tmp_path: Path) -> None:
    po, pot = copy("string_edited", tmp_path)
    before, stamp = po.read_bytes(), po.stat().st_mtime_ns
    assert update_catalog(po, pot, check=True).changed
    assert po.read_bytes() == before and po.stat().st_mtime_ns == stamp
    update_catalog(po, pot)
    after = po.read_bytes()
    assert not update_catalog(po, pot, check=True).changed
    assert po.read_bytes() == after


@pytest.mark.parametrize("broken", ["po", "pot"])
def test_malformed_input_writes_nothing(tmp_path: Path, broken: str) -> None:
    po, pot = copy("string_edited", tmp_path)
    bad = po if broken == "po" else pot
    bad.write_bytes(bad.read_bytes() + b'\nmsgid "Dangling"\n')
    lines = bad.read_bytes().count(b"\n")
    before = po.read_bytes()
    with pytest.raises(CatalogError) as caught:
        update_catalog(po, pot)
    assert str(caught.value).startswith(f"{bad}:{lines}: msgid without msgstr")
    assert po.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 2


def test_unencodable_template_string_writes_nothing(tmp_path: Path) -> None:
    po, pot = tmp_path / "latin1.po", tmp_path / "latin1.pot"
    po.write_bytes(
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        b'msgid "Caf\xe9"\nmsgstr "Caf\xe9"\n'
    )
    pot.write_text('msgid "Price in \u20ac"\nmsgstr ""\n')
    before = po.read_bytes()
    with pytest.raises(CatalogError, match="cannot be written in ISO-8859-1"):
        update_catalog(po, pot)
    assert po.read_bytes() == before


def test_missing_catalog_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        update_catalog(tmp_path / "missing.po", DATA / "string_edited.pot")
    with pytest.raises(InputError):
        update_catalog(DATA / "string_edited.po", tmp_path / "missing.pot")


def test_gnu_gettext_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    po, pot = copy("two_similar_candidates", tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the merge engine ran a program")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "posix_spawn", refuse)
    assert update_catalog(po, pot).stats.fuzzy == 3


CHILD = """
import sys, time
from pathlib import Path
import l10n.files
from l10n.catalogs.merge import update_catalog

go = Path(sys.argv[3])
while not go.exists():
    time.sleep(0.001)
# Write slowly while holding the lock, so that the other update has to wait for it.
l10n.files._HOOKS.append(lambda temporary: time.sleep(0.4))
update_catalog(sys.argv[1], sys.argv[2])
"""


def test_concurrent_updates_land_one_after_the_other(tmp_path: Path) -> None:
    head = (DATA / "string_edited.po").read_text().split("\n\n#:")[0]
    po = tmp_path / "de.po"
    po.write_text(
        f'{head}\n\nmsgid "Hello"\nmsgstr "Hallo"\n\nmsgid "Bye"\nmsgstr "Tschüss"\n\n'
        'msgid "Read more"\nmsgstr "Weiterlesen"\n'
    )
    pot_a, pot_b = tmp_path / "a.pot", tmp_path / "b.pot"
    pot_a.write_text(
        'msgid ""\nmsgstr ""\n"POT-Creation-Date: 2024-02-01 10:00+0000\\n"\n\n'
        'msgid "Hello!"\nmsgstr ""\n\nmsgid "Bye"\nmsgstr ""\n\nmsgid "Read more"\nmsgstr ""\n\n'
        'msgid "Alpha"\nmsgstr ""\n'
    )
    pot_b.write_text(
        'msgid ""\nmsgstr ""\n"Report-Msgid-Bugs-To: b@example.org\\n"\n'
        '"POT-Creation-Date: 2024-03-01 10:00+0000\\n"\n\n'
        'msgid "Hello"\nmsgstr ""\n\nmsgid "Read more"\nmsgstr ""\n\nmsgid "Beta"\nmsgstr ""\n'
    )
    original = load(po)

    def then(catalog: Catalog, pot: Path) -> Catalog:
        return merge_catalog(catalog, load(pot)).catalog

    a, b = then(original, pot_a), then(original, pot_b)
    a_then_b, b_then_a = then(a, pot_b), then(b, pot_a)
    finals = {write_po(a_then_b), write_po(b_then_a)}
    states = {write_po(original), write_po(a), write_po(b)} | finals
    assert len(states) == 5  # a lost update would be told apart from both sequences

    go = tmp_path / "go"
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(po), str(pot), str(go)])
        for pot in (pot_a, pot_b)
    ]
    seen: set[bytes] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.add(po.read_bytes())

    watcher = threading.Thread(target=watch)
    watcher.start()
    start = time.perf_counter()
    go.touch()
    try:
        codes = [child.wait(timeout=60) for child in children]
    finally:
        done.set()
        watcher.join()
    assert codes == [0, 0]
    assert time.perf_counter() - start >= 0.8  # the second update waited for the first
    assert seen <= states  # never half-written
    final = po.read_bytes()
    assert final in finals
    assert translations(original) <= translations(read_po(final))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
