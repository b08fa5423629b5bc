#!/usr/bin/env python3
"""Accuracy and speed of ``l10n align`` on editions another generator built.

**Sphinx.** The small project in ``bench/data/sphinx-site`` is built with Sphinx in English
and in other languages (``-D language=de``...), with several themes; Sphinx's own UI
catalogs translate every page's chrome, so the editions are translated by catalogs this
project did not write. ``align`` pairs the English build with each other language, and its
proposals for the ``chrome`` catalog are scored against the truth: the English strings
``extract`` finds on the English pages that are a string of Sphinx's catalog (or the
theme's, when it ships one), whose translation (placeholders filled in as on the English
page, markup dropped) the edition shows.

* precision: proposals equal to the truth / proposals for truth strings and for catalog
  strings the edition's catalog leaves untranslated (any proposal for those is wrong);
  proposals for strings of no catalog (the project's own titles) are counted apart;
* recall: truth strings proposed correctly / truth strings.

**Speed.** 1,000 page pairs (the English and German builds, repeated) aligned into a fresh
catalog directory, in pairs/s.

**Round trip** (``--corpus DIR``, a ``leakcorpus.py`` corpus): its English pages are
extracted, catalogs for some locales filled from the corpus's own ``site.po`` translations,
the pages rendered by ``l10n render`` and aligned back; every entry should come back, no
wrong one.

Usage: python bench/align.py [--themes alabaster,classic,...] [--languages de,fr,...]
       [--pairs 1000] [--corpus DIR] [--keep DIR] [--json OUT] [-v]
Needs Sphinx (``pip install sphinx``; sphinx_rtd_theme and furo are used when installed).
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "bench" / "data" / "sphinx-site"
THEMES = ("alabaster", "classic", "nature", "sphinx_rtd_theme", "furo")
LANGUAGES = ("de", "fr", "ru", "es", "ja")
TARGETS = {"precision": 0.98, "recall": 0.90}
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{(\w*)\}")
_TAG = re.compile(r"<[^<>]+>")


def build(theme: str, language: str, out: Path) -> Path:
    target = out / theme / language
    if (target / "index.html").is_file():
        return target
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"html_theme={theme}",
               str(SITE), str(target)]
    if language != "en":
        command[6:6] = ["-D", f"language={language}"]
    subprocess.run(command, check=True, capture_output=True)
    return target


def _text(value: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", value)).split())


class Truth:
    """The strings of a language's catalogs, as patterns over the texts a page shows."""

    def __init__(self, catalogs: list[Path]) -> None:
        from l10n.po import read_po

        self.entries: list[tuple[re.Pattern[str], str, str]] = []
        self.exact: dict[str, set[str]] = {}
        for path in catalogs:
            for message in read_po(path.read_bytes(), str(path)):
                if message.is_header or message.obsolete or message.msgid_plural is not None:
                    continue
                msgid, msgstr = _text(message.msgid), _text(message.msgstr)
                translation = msgstr if not message.fuzzy else ""
                if not _PLACEHOLDER.search(msgid):
                    if msgid:
                        self.exact.setdefault(msgid, set()).add(translation)
                elif sum(ch.isalpha() for ch in _PLACEHOLDER.sub("", msgid)) >= 3:
                    self.entries.append((_pattern(msgid), msgid, translation))

    def expected(self, text: str) -> set[str] | None:
        """The translations a page may show for ``text`` ("" for an untranslated catalog
        string), None when no catalog has it."""
        if text in self.exact:
            return self.exact[text]
        found = set()
        for pattern, _, msgstr in self.entries:
            match = pattern.fullmatch(text)
            if match is None:
                continue
            if not msgstr:
                found.add("")
                continue
            values = list(match.groups())
            if len(_PLACEHOLDER.findall(msgstr)) != len(values):
                found.add("")
                continue
            pieces = _PLACEHOLDER.split(msgstr)[::3]  # the text between the placeholders
            found.add("".join(p + (values[i] if i < len(values) else "")
                              for i, p in enumerate(pieces)))
        return found or None


def _pattern(msgid: str) -> re.Pattern[str]:
    parts = []
    last = 0
    for m in _PLACEHOLDER.finditer(msgid):
        parts.append(re.escape(msgid[last:m.start()]))
        parts.append("(.+?)")
        last = m.end()
    parts.append(re.escape(msgid[last:]))
    return re.compile("".join(parts).replace(r"\ ", r"\s+"))


def catalogs_for(language: str, theme: str) -> list[Path]:
    found = []
    for package in ("sphinx", theme):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        base = Path(spec.origin).parent / "locale" / language / "LC_MESSAGES"
        found.extend(sorted(base.glob("*.po")))
    return found


def shown_at(source: Path, edition: Path) -> dict[tuple[str | None, str], set[str]]:
    """What the edition shows where the source page shows each chrome entry: by element
    path and attribute, page by page (the editions share Sphinx's templates)."""
    from l10n.align import read_edition
    from l10n.align.proposals import chrome_keys
    from l10n.catalogs.extract import extract_pages

    shown: dict[tuple[str | None, str], set[str]] = {}
    for path in sorted(source.glob("*.html")):
        twin = edition / path.name
        if not twin.is_file():
            continue
        mine = read_edition(str(path), path.name, "en")
        theirs = read_edition(str(twin), twin.name)
        places: dict[tuple[str | None, str | None], list[str]] = {}
        for block in theirs.document.page.blocks:
            places.setdefault((block.element, block.attribute), []).append(
                " ".join(block.text.split()))
        keys = chrome_keys(extract_pages([mine.document.page]), mine.document, "en")
        for index, (key, _) in keys.items():
            block = mine.document.page.blocks[index]
            texts = places.get((block.element, block.attribute), [])
            shown.setdefault(key[1:], set()).update(texts[:1])
    return shown


def score_theme(theme: str, languages: list[str], out: Path, verbose: bool) -> list[dict]:
    from l10n.align import align_editions
    from l10n.po import read_po

    english = out / theme / "en"
    rows = []
    for language in languages:
        edition = out / theme / language
        catalogs = Path(tempfile.mkdtemp(prefix="align-bench-"))
        try:
            align_editions(str(english), [str(edition)], catalogs)
            template = read_po((catalogs / "chrome.pot").read_bytes())
            po = catalogs / language / "LC_MESSAGES" / "chrome.po"
            proposed = {m.key: m.msgstr for m in read_po(po.read_bytes())
                        if m.fuzzy and any(c.startswith("aligned:")
                                           for c in m.extracted_comments)} \
                if po.is_file() else {}
        finally:
            shutil.rmtree(catalogs)
        truth = Truth(catalogs_for(language, theme))
        shown = shown_at(english, edition)
        expected: dict[tuple[str | None, str], str] = {}
        untranslated: set[tuple[str | None, str]] = set()
        for message in template:
            if message.is_header or message.msgid_plural is not None:
                continue
            found = truth.expected(message.msgid)
            there = shown.get(message.key, set())
            if found is None or len(there) != 1:
                continue  # no catalog's string, or the editions disagree
            (text,) = there
            if text in found - {""}:
                expected[message.key] = text
            elif text == message.msgid:
                untranslated.add(message.key)
        right = [k for k, v in proposed.items() if expected.get(k) == v]
        wrong = [k for k, v in proposed.items()
                 if (k in expected and expected[k] != v) or k in untranslated]
        other = [k for k in proposed if k not in expected and k not in untranslated]
        scored = len(right) + len(wrong)
        row = {"theme": theme, "language": language, "truth": len(expected),
               "proposed": len(proposed), "right": len(right), "wrong": len(wrong),
               "unscored": len(other),
               "precision": len(right) / scored if scored else 1.0,
               "recall": len(right) / len(expected) if expected else 1.0}
        rows.append(row)
        if verbose:
            for key in wrong:
                print(f"  wrong {theme}/{language}: {key}: {proposed[key]!r} "
                      f"(truth {expected.get(key, '<untranslated>')!r})")
            for key in sorted(set(expected) - set(right), key=str):
                print(f"  missed {theme}/{language}: {key}: {expected[key]!r}")
            for key in other:
                print(f"  unscored {theme}/{language}: {key}: {proposed[key]!r}")
    return rows


def speed(out: Path, theme: str, language: str, count: int) -> dict:
    from l10n.align import align_editions

    work = Path(tempfile.mkdtemp(prefix="align-speed-"))
    try:
        pages = sorted(p.name for p in (out / theme / "en").glob("*.html"))
        for side, lang in (("en", "en"), (language, language)):
            (work / side).mkdir()
            for n in range(count):
                name = pages[n % len(pages)]
                os.link(out / theme / lang / name, work / side / f"{n:04d}-{name}")
        start = time.perf_counter()
        report = align_editions(str(work / "en"), [str(work / language)], work / "locales")
        elapsed = time.perf_counter() - start
    finally:
        shutil.rmtree(work)
    return {"pairs": report.pairs, "seconds": round(elapsed, 2),
            "pairs_per_second": round(report.pairs / elapsed, 1)}


def round_trip(corpus: Path, locales: list[str], pages: int) -> dict:
    """Extract, fill catalogs from the corpus's translations, render, align back, compare."""
    from l10n.align import align_editions
    from l10n.catalogs.create import init_catalog
    from l10n.catalogs.extract import extract_templates
    from l10n.po import read_po, write_po
    from l10n.render import RenderOptions, render_pages

    work = Path(tempfile.mkdtemp(prefix="align-trip-"))
    try:
        (work / "src").mkdir()
        for page in sorted((corpus / "pages" / "en").glob("*.html"))[:pages]:
            shutil.copy(page, work / "src" / page.name)
        sources = sorted((work / "src").glob("*.html"))
        extract_templates([str(p) for p in sources], work / "locales", domains=("chrome",))
        expected: dict[str, dict[tuple[str | None, str], str]] = {}
        for locale in locales:
            own = corpus / "catalogs" / locale / "LC_MESSAGES" / "site.po"
            known = {m.msgid: m.msgstr for m in read_po(own.read_bytes()) if m.msgstr} \
                if own.is_file() else {}
            po = work / "locales" / locale / "LC_MESSAGES" / "chrome.po"
            init_catalog(work / "locales" / "chrome.pot", po, locale)
            catalog = read_po(po.read_bytes())
            from dataclasses import replace

            catalog.messages = [replace(m, msgstr=known[m.msgid]) if m.msgid in known
                                and m.msgid_plural is None else m for m in catalog.messages]
            po.write_bytes(write_po(catalog))
            expected[locale] = {m.key: m.msgstr for m in catalog if m.msgstr and
                                not m.is_header}
        render_pages([str(p) for p in sources], locales,
                     RenderOptions(catalogs=str(work / "locales"), out=str(work / "build")))
        result = {}
        for locale in locales:
            back = work / "back"
            align_editions(str(work / "src"), [str(work / "build" / locale)], back,
                           articles=False)
            po = back / locale / "LC_MESSAGES" / "chrome.po"
            got = {m.key: m.msgstr for m in read_po(po.read_bytes()) if m.msgstr
                   and not m.is_header} if po.is_file() else {}
            want = expected[locale]
            result[locale] = {"entries": len(want),
                              "back": sum(1 for k, v in want.items() if got.get(k) == v),
                              "missed": sorted(f"{k[1]!r}: {v!r}" for k, v in want.items()
                                               if got.get(k) != v),
                              "wrong": sorted(f"{k[1]!r}: {v!r}" for k, v in got.items()
                                              if want.get(k) != v)}
            shutil.rmtree(back)
        return result
    finally:
        shutil.rmtree(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--themes", default=",".join(THEMES))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="a leakcorpus.py corpus, for the round trip")
    parser.add_argument("--corpus-pages", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build into (and reuse) this directory")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if importlib.util.find_spec("sphinx") is None:
        sys.exit("bench/align.py needs Sphinx: pip install sphinx")
    themes = [t for t in args.themes.split(",") if t]
    missing = [t for t in themes if t not in ("alabaster", "classic", "nature", "sphinxdoc",
                                              "scrolls", "agogo", "traditional", "haiku",
                                              "pyramid", "bizstyle")
               and importlib.util.find_spec(t) is None]
    for theme in missing:
        print(f"theme {theme}: not installed, skipped")
    themes = [t for t in themes if t not in missing]
    languages = [x for x in args.languages.split(",") if x]
    out = args.keep or Path(tempfile.mkdtemp(prefix="align-sphinx-"))
    start = time.perf_counter()
    jobs = [(t, x) for t in themes for x in ["en", *languages]]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda job: build(job[0], job[1], out), jobs))
    print(f"built {len(jobs)} editions in {time.perf_counter() - start:.0f} s ({out})")
    rows = []
    for theme in themes:
        rows.extend(score_theme(theme, languages, out, args.verbose))
    print(f"{'theme':<18}{'lang':<6}{'truth':>6}{'proposed':>9}{'right':>6}{'wrong':>6}"
          f"{'other':>6}{'precision':>10}{'recall':>8}")
    for r in rows:
        print(f"{r['theme']:<18}{r['language']:<6}{r['truth']:>6}{r['proposed']:>9}"
              f"{r['right']:>6}{r['wrong']:>6}{r['unscored']:>6}{r['precision']:>10.3f}"
              f"{r['recall']:>8.3f}")
    right = sum(r["right"] for r in rows)
    scored = right + sum(r["wrong"] for r in rows)
    truth = sum(r["truth"] for r in rows)
    totals = {"precision": right / scored if scored else 1.0,
              "recall": right / truth if truth else 1.0}
    for name, goal in TARGETS.items():
        mark = "ok" if totals[name] >= goal else "MISSED"
        print(f"all: {name} {totals[name]:.3f} (target >= {goal}) {mark}")
    result: dict[str, object] = {"rows": rows, "totals": totals}
    if args.pairs:
        result["speed"] = speed(out, themes[0], languages[0], args.pairs)
        s = result["speed"]
        print(f"speed: {s['pairs']} page pairs in {s['seconds']} s: "  # type: ignore[index]
              f"{s['pairs_per_second']} pairs/s")  # type: ignore[index]
    if args.corpus:
        trip = round_trip(args.corpus, ["de", "fr", "ru", "ja"], args.corpus_pages)
        result["round_trip"] = trip
        for locale, r in trip.items():
            print(f"round trip {locale}: {r['back']}/{r['entries']} entries back, "
                  f"{len(r['wrong'])} wrong")
            for line in r["wrong"][:10]:
                print(f"  wrong: {line}")
            for line in r["missed"][:10]:
                print(f"  missed: {line}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if not args.keep:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
