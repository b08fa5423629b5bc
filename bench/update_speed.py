#!/usr/bin/env python3
"""Seconds to update a 20,000-entry catalog from a new template: l10n, msgmerge and pybabel.

Generates a German catalog of news-site UI strings (sections, buttons, bylines, counters with
plurals, c-, python- and python-brace-format strings, some with a context), written exactly as
GNU writes it, and a template in which 5% of the source strings changed. Then times, on copies
of the same files, best of ``--repeat``:

* l10n: ``update_catalog`` in this process (read, merge, write atomically under a lock);
* msgmerge: ``msgmerge --previous -o OUT PO POT``;
* pybabel: ``pybabel update --previous -i POT -o PO -l de`` (its fuzzy matching is difflib,
  about nine minutes at this size, so it runs ``--babel-repeat`` times, once by default;
  ``--babel-repeat 0`` skips it).

Prints seconds and ratios against msgmerge, and whether l10n's bytes equal msgmerge's.

Usage: python bench/update_speed.py [--entries 20000] [--changed 0.05] [--repeat 3]
       [--babel-repeat 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from l10n.catalogs.merge import update_catalog
from l10n.po import Message, format_message

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


def edit(message: Message, rng: random.Random) -> Message:
    """The entry with its source string changed the way developers change them."""
    words = message.msgid.split(" ")
    kind = rng.choice(EDITS)
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


def generate(directory: Path, count: int, changed: float, seed: int) -> tuple[Path, Path]:
    """Write ``de.po`` and ``messages.pot``; return their paths."""
    rng = random.Random(seed)
    entries = make_entries(count, rng)
    keys = {m.key for m in entries}
    template: list[Message] = []
    for m in entries:
        new = edit(m, rng) if rng.random() < changed else None
        if new is None or new.key in keys:
            new = Message(
                msgid=m.msgid,
                msgctxt=m.msgctxt,
                msgid_plural=m.msgid_plural,
                msgstr_plural=("", "") if m.msgid_plural else (),
                references=m.references,
                flags=m.flags,
                extracted_comments=m.extracted_comments,
            )
        keys.add(new.key)
        template.append(new)
    po = directory / "de.po"
    pot = directory / "messages.pot"
    po.write_text("\n".join([PO_HEADER, *(format_message(m) for m in entries)]), "utf-8")
    pot.write_text("\n".join([POT_HEADER, *(format_message(m) for m in template)]), "utf-8")
    return po, pot


def best_of(runs: int, prepare: Callable[[], None], run: Callable[[], None]) -> list[float]:
    """Seconds of each run of ``run`` (``prepare`` untimed before each)."""
    times = []
    for _ in range(runs):
        prepare()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--changed", type=float, default=0.05)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--babel-repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="write the generated files here")
    args = parser.parse_args()
    if shutil.which("msgmerge") is None:
        sys.exit("msgmerge (GNU gettext) is needed for the comparison")
    pybabel = Path(sys.executable).with_name("pybabel")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        po, pot = generate(args.keep or work, args.entries, args.changed, args.seed)
        print(f"catalog: {args.entries} entries, {args.changed:.0%} of source strings changed")
        copy = work / "work.po"
        gnu_out = work / "gnu.po"

        def fresh() -> None:
            shutil.copyfile(po, copy)

        results: dict[str, list[float]] = {}
        outcome = []
        results["l10n"] = best_of(
            args.repeat, fresh, lambda: outcome.append(update_catalog(copy, pot))
        )
        ours = copy.read_bytes()
        results["msgmerge"] = best_of(
            args.repeat,
            fresh,
            lambda: subprocess.run(
                ["msgmerge", "--previous", "--quiet", "-o", str(gnu_out), str(copy), str(pot)],
                check=True,
            ),
        )
        identical = ours == gnu_out.read_bytes()
        if args.babel_repeat and pybabel.exists():
            results["pybabel"] = best_of(
                args.babel_repeat,
                fresh,
                lambda: subprocess.run(
                    [
                        str(pybabel),
                        "-q",
                        "update",
                        "--previous",
                        "-w",
                        "79",
                        "-l",
                        "de",
                        "-i",
                        str(pot),
                        "-o",
                        str(copy),
                    ],
                    check=True,
                ),
            )

    stats = outcome[-1].stats
    print(
        f"merge: kept {stats.kept}, fuzzy {stats.fuzzy}, added {stats.added}, "
        f"obsolete {stats.obsoleted}, dropped {stats.dropped}"
    )
    print(f"l10n output identical to msgmerge's: {identical}")
    reference = min(results["msgmerge"])
    for name, times in results.items():
        runs = ", ".join(f"{t:.3f}" for t in times)
        print(
            f"{name:9} best {min(times):8.3f} s  ({len(times)} runs: {runs})  "
            f"{min(times) / reference:7.2f}x msgmerge"
        )


if __name__ == "__main__":
    main()
