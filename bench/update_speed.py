#!/usr/bin/env python3
"""Seconds to update, read and compile catalogs: l10n against GNU gettext (and pybabel).

Generates German catalogs of news-site UI strings (sections, buttons, bylines, counters with
plurals, c-, python- and python-brace-format strings, some with a context), written exactly as
GNU writes them, and for each workload a template:

* ``changed``: 20,000 entries, 5% of the source strings edited (words added, dropped,
  replaced, reworded, punctuation): many fuzzy searches, where msgmerge is slow;
* ``small-edits``: 20,000 entries, 0.5% edited, each a punctuation mark or a word added: few
  and easy fuzzy searches, where msgmerge is fast and reading and start-up are all there is;
* ``new-strings``: 20,000 entries and 4,000 new strings (20%) in the template;
* ``large``: 100,000 entries, 1% edited.

Then times, on copies of the same files, best of ``--repeat``, each a separate process as a
user runs it (start-up included):

* ``l10n update -d DIR -D messages`` (read, merge, write atomically under a lock) against
  ``msgmerge --previous -o OUT PO POT``, and says whether l10n's bytes equal msgmerge's;
* optionally ``pybabel update --previous`` (``--babel-repeat``; its fuzzy matching is difflib,
  about nine minutes on ``changed``);
* reading the 20,000-entry catalog in this process: ``read_po`` against the reader issue 16
  measured (``--reader-at``, from git), ``read_po`` with its fast path turned off (line by
  line, which still reads what the fast path does not) and polib;
* ``l10n compile`` against ``msgfmt -c`` (the same checks) and plain ``msgfmt``.

Every ratio is against a baseline timed in the same run.

Usage: python bench/update_speed.py [--workload NAME]... [--repeat 3] [--babel-repeat 0]
       [--keep DIR] [--reader-at REV]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib

import l10n.po.read as read
from l10n.po import Message, format_message, read_po

SECTIONS = {
    "Politics": "Politik",
    "World": "Welt",
    "Business": "Wirtschaft",
    "Markets": "Märkte",
    "Technology": "Technik",
    "Science": "Wissenschaft",
    "Health": "Gesundheit",
    "Sport": "Sport",
    "Football": "Fußball",
    "Culture": "Kultur",
    "Books": "Bücher",
    "Film": "Film",
    "Music": "Musik",
    "Opinion": "Meinung",
    "Travel": "Reisen",
    "Food": "Essen",
    "Weather": "Wetter",
    "Local news": "Lokales",
    "Education": "Bildung",
    "Climate": "Klima",
    "Cars": "Auto",
    "Property": "Immobilien",
    "Careers": "Karriere",
    "Fashion": "Mode",
    "Podcasts": "Podcasts",
    "Video": "Video",
    "Photography": "Fotografie",
    "Media": "Medien",
    "Law": "Recht",
    "Europe": "Europa",
    "Asia": "Asien",
    "Africa": "Afrika",
    "Americas": "Amerika",
    "Middle East": "Nahost",
    "Elections": "Wahlen",
    "Energy": "Energie",
    "Games": "Spiele",
    "Puzzles": "Rätsel",
    "Obituaries": "Nachrufe",
    "Letters": "Leserbriefe",
}
THINGS = {
    "article": "Artikel",
    "story": "Geschichte",
    "video": "Video",
    "gallery": "Bildergalerie",
    "podcast episode": "Podcastfolge",
    "live blog": "Liveblog",
    "newsletter": "Newsletter",
    "comment": "Kommentar",
    "report": "Bericht",
    "interview": "Interview",
}
# (English, German) templates; {s} is a section, {t} a thing.
TEMPLATES = [
    ("Read more about {s}", "Mehr über {s} lesen"),
    ("Latest {s} news", "Aktuelle Nachrichten aus {s}"),
    ("More from {s}", "Mehr aus {s}"),
    ("{s} live: the latest updates", "{s} live: die neuesten Entwicklungen"),
    ("Subscribe to the {s} newsletter", "Den Newsletter {s} abonnieren"),
    ("Follow {s}", "{s} folgen"),
    ("Unfollow {s}", "{s} nicht mehr folgen"),
    ("Open the {s} menu", "Das Menü {s} öffnen"),
    ("Close the {s} menu", "Das Menü {s} schließen"),
    ("{s}: all articles", "{s}: alle Artikel"),
    ("Most read in {s}", "Meistgelesen in {s}"),
    ("Editor's picks: {s}", "Empfehlungen der Redaktion: {s}"),
    ("Share this {t} from {s}", "Diesen {t} aus {s} teilen"),
    ("Save this {t} from {s}", "Diesen {t} aus {s} speichern"),
    ("Report this {t} in {s}", "Diesen {t} in {s} melden"),
    ("Sign in to save this {t} in {s}", "Anmelden, um diesen {t} in {s} zu speichern"),
    ("This {t} in {s} is for subscribers only", "Dieser {t} in {s} ist nur für Abonnenten"),
    ("Listen to this {t} in {s}", "Diesen {t} in {s} anhören"),
    ("Print this {t} from {s}", "Diesen {t} aus {s} drucken"),
    ("Copy the link to this {t} in {s}", "Link zu diesem {t} in {s} kopieren"),
    ("Send feedback about this {t} in {s}", "Feedback zu diesem {t} in {s} senden"),
    ("Turn on alerts for {s}", "Benachrichtigungen für {s} einschalten"),
    ("Turn off alerts for {s}", "Benachrichtigungen für {s} ausschalten"),
    ("Show all {s} headlines", "Alle Schlagzeilen aus {s} zeigen"),
    ("Hide {s} headlines", "Schlagzeilen aus {s} ausblenden"),
    ("{s} archive", "Archiv {s}"),
    ("{s} on social media", "{s} in sozialen Medien"),
    ("Corrections and clarifications: {s}", "Korrekturen und Klarstellungen: {s}"),
    ("Contact the {s} desk", "Die Redaktion {s} kontaktieren"),
    ("Send a tip to the {s} team", "Dem Team {s} einen Hinweis schicken"),
]
FORMATTED = [
    ("%d new {t} in {s}", "%d neuer {t} in {s}", "%d new {t}s in {s}", "%d neue {t} in {s}"),
    ("%d {t} about {s}", "%d {t} über {s}", "%d {t}s about {s}", "%d {t} über {s}"),
    (
        "Updated %d minute ago in {s}",
        "Vor %d Minute in {s} aktualisiert",
        "Updated %d minutes ago in {s}",
        "Vor %d Minuten in {s} aktualisiert",
    ),
]
PYTHON = [
    ("%(count)s readers in {s}", "%(count)s Leser in {s}", "python-format"),
    ("Page %(page)s of %(pages)s in {s}", "Seite %(page)s von %(pages)s in {s}", "python-format"),
    ("{{author}} writes about {s}", "{{author}} schreibt über {s}", "python-brace-format"),
    ("Published {{date}} in {s}", "Veröffentlicht am {{date}} in {s}", "python-brace-format"),
]
EDITS = ("append", "word", "drop", "punctuation", "reword")
EXTRA_WORDS = ["now", "today", "here", "all", "new", "your", "our", "latest", "full", "daily"]


def make_entries(count: int, rng: random.Random) -> list[Message]:
    """``count`` distinct translated entries in a realistic mix."""
    entries: dict[tuple[str | None, str], Message] = {}
    sections = list(SECTIONS)
    regions = [f"{s} {n}" for s in sections for n in ("", " region", " city", " county")]
    pool = [s.strip() for s in regions]
    if count > 40_000:  # more places than four per section, or too few distinct strings
        pool += [f"{s} district {k}" for s in sections for k in range(1, count // 10_000 + 1)]
    line = 0
    while len(entries) < count:
        section = rng.choice(pool)
        german_section = SECTIONS.get(
            section.split(" region")[0].split(" city")[0].split(" county")[0], section
        )
        thing = rng.choice(list(THINGS))
        roll = rng.random()
        line += 1
        reference = f"templates/{section.split()[0].lower()}/page.html:{line % 900 + 1}"
        if roll < 0.06:
            en, de, en_pl, de_pl = rng.choice(FORMATTED)
            values = {"s": section, "t": thing}
            german = {"s": german_section, "t": THINGS[thing]}
            message = Message(
                msgid=en.format(**values),
                msgid_plural=en_pl.format(**values),
                msgstr_plural=(de.format(**german), de_pl.format(**german)),
                references=(reference,),
                flags=("c-format",),
            )
        elif roll < 0.12:
            en, de, flag = rng.choice(PYTHON)
            message = Message(
                msgid=en.format(s=section),
                msgstr=de.format(s=german_section),
                references=(reference,),
                flags=(flag,),
            )
        else:
            en, de = rng.choice(TEMPLATES)
            message = Message(
                msgid=en.format(s=section, t=thing),
                msgstr=de.format(s=german_section, t=THINGS[thing]),
                references=(reference,),
                extracted_comments=("TRANSLATORS: a button label.",) if roll > 0.95 else (),
                msgctxt="navigation" if roll > 0.9 else None,
            )
        entries.setdefault(message.key, message)
    return list(entries.values())


def edit(message: Message, rng: random.Random, kinds: tuple[str, ...] = EDITS) -> Message:
    """The entry with its source string changed the way developers change them."""
    words = message.msgid.split(" ")
    kind = rng.choice(kinds)
    if kind == "append":
        words.append(rng.choice(EXTRA_WORDS))
    elif kind == "word":
        words[rng.randrange(len(words))] = rng.choice(EXTRA_WORDS)
    elif kind == "drop" and len(words) > 2:
        del words[rng.randrange(len(words))]
    elif kind == "punctuation":
        words[-1] += rng.choice(["!", ".", "…", ":"])
    else:
        words.insert(rng.randrange(len(words) + 1), rng.choice(EXTRA_WORDS))
    return Message(
        msgid=" ".join(words),
        msgctxt=message.msgctxt,
        msgid_plural=message.msgid_plural,
        msgstr_plural=("", "") if message.msgid_plural else (),
        references=message.references,
        flags=message.flags,
        extracted_comments=message.extracted_comments,
    )


PO_HEADER = """# German translation of the news site.
# Redaktion <l10n@example.org>, 2024.
#
msgid ""
msgstr ""
"Project-Id-Version: news 3.2\\n"
"Report-Msgid-Bugs-To: l10n@example.org\\n"
"POT-Creation-Date: 2024-04-01 08:00+0000\\n"
"PO-Revision-Date: 2024-04-03 17:12+0200\\n"
"Last-Translator: Redaktion <l10n@example.org>\\n"
"Language-Team: German <de@example.org>\\n"
"Language: de\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""
POT_HEADER = """msgid ""
msgstr ""
"Project-Id-Version: news 3.3\\n"
"Report-Msgid-Bugs-To: l10n@example.org\\n"
"POT-Creation-Date: 2024-05-01 08:00+0000\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


@dataclass(frozen=True)
class Workload:
    """A catalog and the template that updates it."""

    entries: int
    changed: float = 0.0
    edits: tuple[str, ...] = EDITS
    new: float = 0.0


WORKLOADS = {
    "changed": Workload(20_000, changed=0.05),
    "small-edits": Workload(20_000, changed=0.005, edits=("punctuation", "append")),
    "new-strings": Workload(20_000, new=0.20),
    "large": Workload(100_000, changed=0.01),
}


def _untranslated(m: Message) -> Message:
    return Message(
        msgid=m.msgid,
        msgctxt=m.msgctxt,
        msgid_plural=m.msgid_plural,
        msgstr_plural=("", "") if m.msgid_plural else (),
        references=m.references,
        flags=m.flags,
        extracted_comments=m.extracted_comments,
    )


def generate(directory: Path, work: Workload, seed: int) -> tuple[Path, Path]:
    """Write ``de.po`` and ``messages.pot``; return their paths."""
    rng = random.Random(seed)
    entries = make_entries(work.entries, rng)
    keys = {m.key for m in entries}
    template: list[Message] = []
    for m in entries:
        new = edit(m, rng, work.edits) if rng.random() < work.changed else None
        if new is None or new.key in keys:
            new = _untranslated(m)
        keys.add(new.key)
        template.append(new)
    if work.new:
        extra = make_entries(work.entries + int(work.entries * work.new) * 2, rng)
        fresh = [_untranslated(m) for m in extra if m.key not in keys]
        for m in fresh[: int(work.entries * work.new)]:
            template.insert(rng.randrange(len(template) + 1), m)
    po = directory / "de.po"
    pot = directory / "messages.pot"
    po.write_text("\n".join([PO_HEADER, *(format_message(m) for m in entries)]), "utf-8")
    pot.write_text("\n".join([POT_HEADER, *(format_message(m) for m in template)]), "utf-8")
    return po, pot


def best_of(runs: int, prepare: Callable[[], None], run: Callable[[], object]) -> list[float]:
    """Seconds of each run of ``run`` (``prepare`` untimed before each)."""
    times = []
    for _ in range(runs):
        prepare()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def _show(results: dict[str, list[float]], reference: str) -> None:
    base = min(results[reference])
    for name, times in results.items():
        runs = ", ".join(f"{t:.3f}" for t in times)
        print(f"  {name:22} best {min(times):8.3f} s  ({len(times)} runs: {runs})  "
              f"{min(times) / base:6.2f}x {reference}")


def _l10n(*args: str) -> list[str]:
    """The l10n command as a user runs it: a new process of this Python."""
    return [sys.executable, "-m", "l10n", *args]


def bench_update(name: str, work: Workload, args: argparse.Namespace, tmp: Path) -> Path:
    """Time l10n update against msgmerge (and pybabel) on one workload; the catalog's path."""
    where = (args.keep or tmp) / name
    where.mkdir(parents=True, exist_ok=True)
    po, pot = generate(where, work, args.seed)
    tree = tmp / name / "tree"
    copy = tree / "de" / "LC_MESSAGES" / "messages.po"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pot, tree / "messages.pot")
    gnu_out = tmp / name / "gnu.po"
    print(f"{name}: {work.entries} entries, {work.changed:.1%} of source strings edited, "
          f"{work.new:.0%} new strings")

    def fresh() -> None:
        shutil.copyfile(po, copy)

    def run(command: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    results: dict[str, list[float]] = {}
    # Interleaved rounds, so that a slow moment of the machine hits both tools alike.
    for _ in range(args.repeat):
        results.setdefault("msgmerge --previous", []).extend(best_of(
            1, fresh, run(["msgmerge", "--previous", "--quiet", "-o", str(gnu_out), str(copy),
                           str(pot)])))
        results.setdefault("l10n update", []).extend(best_of(
            1, fresh, run(_l10n("update", "-d", str(tree), "-D", "messages"))))
    identical = copy.read_bytes() == gnu_out.read_bytes()
    pybabel = Path(sys.executable).with_name("pybabel")
    if args.babel_repeat and pybabel.exists():
        results["pybabel update"] = best_of(args.babel_repeat, fresh, run(
            [str(pybabel), "-q", "update", "--previous", "-w", "79", "-l", "de", "-i",
             str(pot), "-o", str(copy)]))
    print(f"  l10n output identical to msgmerge's: {identical}")
    _show(results, "msgmerge --previous")
    return po


def _timed(function: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def bench_read(po: Path, repeat: int, reader_at: str | None = None) -> None:
    """Time reading one catalog in this process: read_po, read_po without its fast path (the
    reader before it: line by line), polib; and, with ``reader_at``, the reader of that git
    revision (issue 16 was filed at 386c09f), in a process of its own."""
    data = po.read_bytes()
    print(f"reading {po.name} ({len(data):,} bytes) in this process")

    def line_by_line() -> object:
        scan, read.scan_po = read.scan_po, lambda text, encoding: None
        try:
            return read_po(data, str(po))
        finally:
            read.scan_po = scan

    results: dict[str, list[float]] = {}
    then = _reader_then(po, repeat, reader_at) if reader_at else []
    if then:
        results[f"read_po at {reader_at}"] = then
    for _ in range(repeat):
        results.setdefault("read_po line by line", []).append(_timed(line_by_line))
        results.setdefault("polib", []).append(_timed(lambda: polib.pofile(data.decode())))
        results.setdefault("read_po", []).append(_timed(lambda: read_po(data, str(po))))
    _show(results, f"read_po at {reader_at}" if then else "read_po line by line")


_THEN = """
import gc, sys, time
from l10n.catalogs.po import read_po
data = open(sys.argv[1], "rb").read()
for _ in range(int(sys.argv[2])):
    gc.collect()
    start = time.perf_counter()
    read_po(data, sys.argv[1])
    print(time.perf_counter() - start)
"""


def _reader_then(po: Path, repeat: int, revision: str) -> list[float]:
    """Seconds the reader of ``revision`` (its ``l10n/catalogs/po.py``) takes on ``po``, read
    from a ``git archive`` of that revision; empty when there is no such revision here."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as name:
        archive = subprocess.run(["git", "-C", str(root), "archive", revision, "l10n"],
                                 capture_output=True)
        if archive.returncode != 0:
            print(f"  (no revision {revision} in {root}: its reader is not timed)")
            return []
        subprocess.run(["tar", "-x", "-C", name], input=archive.stdout, check=True)
        done = subprocess.run([sys.executable, "-c", _THEN, str(po), str(repeat)],
                              capture_output=True, text=True, cwd=name,
                              env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": name})
    if done.returncode != 0:
        print(f"  (the reader of {revision} did not run: {done.stderr.strip().splitlines()[-1:]})")
        return []
    return [float(line) for line in done.stdout.split()]


def bench_compile(po: Path, repeat: int, tmp: Path) -> None:
    """Time l10n compile against msgfmt -c and msgfmt, each a process."""
    tree = tmp / "compile"
    copy = tree / "de" / "LC_MESSAGES" / "messages.po"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(po, copy)
    print(f"compiling {po.parent.name}/{po.name}")
    results: dict[str, list[float]] = {}
    out = tmp / "gnu.mo"
    for _ in range(repeat):
        for name, command in (
            ("msgfmt -c", ["msgfmt", "-c", "-o", str(out), str(copy)]),
            ("msgfmt", ["msgfmt", "-o", str(out), str(copy)]),
            ("l10n compile", _l10n("compile", "-d", str(tree), "-D", "messages")),
        ):
            results.setdefault(name, []).extend(best_of(1, lambda: None, lambda c=command:
                                                        subprocess.run(c, check=True,
                                                                       stdout=subprocess.DEVNULL)))
    _show(results, "msgfmt -c")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workload", action="append", choices=sorted(WORKLOADS),
                        help="repeatable; default: all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--babel-repeat", type=int, default=0)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="write the generated files here")
    parser.add_argument("--reader-at", default="386c09f", metavar="REV",
                        help="also time the PO reader of this git revision (default: the one "
                             "issue 16 measured; '' to skip)")
    args = parser.parse_args()
    if shutil.which("msgmerge") is None or shutil.which("msgfmt") is None:
        sys.exit("msgmerge and msgfmt (GNU gettext) are needed for the comparison")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        catalogs = {}
        for workload in args.workload or list(WORKLOADS):
            catalogs[workload] = bench_update(workload, WORKLOADS[workload], args, tmp)
        po = catalogs.get("changed") or next(iter(catalogs.values()))
        bench_read(po, max(args.repeat, 5), args.reader_at or None)
        for name in ("changed", "large"):  # 20,000 and 100,000 entries
            if name in catalogs:
                bench_compile(catalogs[name], args.repeat, tmp / name)


if __name__ == "__main__":
    main()
