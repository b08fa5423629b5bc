#!/usr/bin/env python3
"""Split and metadata accuracy of l10n's HTML reader on real pages, beside trafilatura, jusText
and Mozilla Readability.

Split (PAGES/boilerplate.json: for each page, ``with`` snippets of its main text and ``without``
snippets of its boilerplate): a reader's article text is, for l10n, the blocks of
``l10n inspect --format json`` that are article text (a block's ``article`` key when it has one,
else its role's ``is_article``; bylines, datelines and credits are not), joined in document
order; for trafilatura its default ``extract()`` of the page's bytes; for jusText the paragraphs
it keeps (stop words of all its languages, as trafilatura calls it); for Readability its
``textContent`` (Node.js, jsdom, the page decoded as l10n decodes it). A snippet is in the text
when its normalised form is a substring of the normalised text: composed (NFC: some pages are
decomposed), whitespace runs (no-break spaces too) made one space, soft hyphens and zero-width
characters dropped, letters lower-cased (``--case-sensitive`` keeps case). Prints the share of
``with`` snippets found (target >= 0.95) and of ``without`` snippets found (target <= 0.10),
over all pages, the development half and the held-out half. The halves: a page is in the
development half when the first byte of the SHA-256 of its file name (``file`` in
boilerplate.json, UTF-8) is even, else held out.

Metadata (PAGES/readability/<name>/source.html against expected-metadata.json, Readability's own
reading), over the pages where the expected value is non-empty: title, byline, site name and
excerpt agree when equal after whitespace is collapsed; language and direction when equal
case-insensitively as written (``lang`` is ``<html lang>`` as the page writes it); publication
time when both parse as ISO 8601 and mean the same instant; when one side has no UTC offset the
wall-clock times are compared, when one side is a date alone the dates. l10n's values are
``page.meta`` (``byline`` or ``author``, ``language`` or ``lang``, ``direction`` or ``dir``
read with getattr, a missing attribute being no value; ``page.locale`` when the meta has no
language). Two looser rows show what a
reader is near: "byline, loose" (case-insensitive, either text containing the other, l10n's
byline blocks counted as candidates too) and "time, same day" (same calendar date as written).

Usage: python bench/reading.py [--pages DIR] [--readers l10n,trafilatura,justext,readability]
       [--per-page] [--worst N] [--show-metadata] [--json FILE]
Needs the ``bench`` extra (trafilatura, which brings jusText); Readability needs Node.js >= 20 and
npm: its packages are installed on first use into --node-dir (outside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "realworld-pages"
DEFAULT_NODE_DIR = Path.home() / ".cache" / "l10n-bench" / "node"
NODE_PACKAGES = ("@mozilla/readability@0.6.0", "jsdom@29.1.1")
READERS = ("l10n", "trafilatura", "justext", "readability")
HALVES = ("development", "held-out")
SPLIT_TARGETS = {"with": (">=", 0.95), "without": ("<=", 0.10)}
FIELDS = ("title", "byline", "siteName", "publishedTime", "lang", "dir", "excerpt")
LOOSE_ROWS = {"byline, loose": "byline", "time, same day": "publishedTime",
              "title, or better": "title"}
META_TARGET = 0.90  # title, byline, site name and publication time
TARGETED = ("title", "byline", "siteName", "publishedTime")
FAKE_URL = "http://fakehost/test/page.html"  # the URL Readability's own tests read pages at

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


# -- pure scoring helpers (tests/test_bench_reading.py) ----------------------------------------


def normalize(text: str, *, fold_case: bool = True) -> str:
    """``text`` as snippets are matched: composed (NFC), invisible format characters dropped,
    whitespace runs (no-break spaces too) one space, stripped, lower-cased unless ``fold_case``
    is False."""
    text = " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())
    return text.lower() if fold_case else text


def half_of(file: str) -> str:
    """The half a page belongs to, by the first byte of the SHA-256 of its file name."""
    return HALVES[hashlib.sha256(file.encode("utf-8")).digest()[0] & 1]


def article_text(blocks: Iterable[dict[str, Any]]) -> str:
    """The article's text of ``inspect --format json`` blocks: article blocks in order."""
    from l10n.page import Role

    def is_article(block: dict[str, Any]) -> bool:
        if "article" in block:
            return bool(block["article"])
        return Role(block["role"]).is_article

    return "\n".join(b["text"] for b in blocks if is_article(b))


def found(text: str, snippets: Sequence[str], *, fold_case: bool = True) -> tuple[bool, ...]:
    """For each snippet, whether its normalised form is in the normalised ``text``."""
    haystack = normalize(text, fold_case=fold_case)
    return tuple(normalize(s, fold_case=fold_case) in haystack for s in snippets)


@dataclass(frozen=True)
class PageScore:
    """One reader's result on one page of the split."""

    file: str
    half: str
    with_found: tuple[bool, ...]
    without_found: tuple[bool, ...]

    @property
    def misses(self) -> int:
        """Main-text snippets missed plus boilerplate snippets let in."""
        return self.with_found.count(False) + self.without_found.count(True)


def shares(scores: Iterable[PageScore]) -> dict[str, Any]:
    """Share of ``with`` snippets found and of ``without`` snippets found (micro-averaged)."""
    scores = list(scores)
    with_found = [f for s in scores for f in s.with_found]
    without_found = [f for s in scores for f in s.without_found]
    return {
        "pages": len(scores),
        "with": _share(with_found), "with_found": sum(with_found), "with_total": len(with_found),
        "without": _share(without_found), "without_found": sum(without_found),
        "without_total": len(without_found),
    }


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 6) if flags else None


def parse_instant(value: Any) -> datetime | date | None:
    """An ISO 8601 value as a datetime, or a date when it is a date alone; None otherwise."""
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        if _DATE_ONLY.fullmatch(value):
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def same_time(expected: Any, got: Any) -> bool:
    """Same instant; wall clocks when one side has no offset; dates when one is a date alone."""
    a, b = parse_instant(expected), parse_instant(got)
    if a is None or b is None:
        return False
    if not isinstance(a, datetime) or not isinstance(b, datetime):
        return _day(a) == _day(b)
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    return a == b


def same_day(expected: Any, got: Any) -> bool:
    """Same calendar date, as each side writes it."""
    a, b = parse_instant(expected), parse_instant(got)
    return a is not None and b is not None and _day(a) == _day(b)


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def agrees(field: str, expected: Any, got: Any) -> bool:
    """Whether a reader's value of ``field`` agrees with the expected one (module docstring)."""
    if field == "publishedTime":
        return same_time(expected, got)
    if not isinstance(got, str) or not isinstance(expected, str):
        return False
    if field in ("lang", "dir"):
        return expected.strip().lower() == got.strip().lower()
    return " ".join(expected.split()) == " ".join(got.split())


# Separators a page's <title> joins its parts with.
_TITLE_PARTS = re.compile(r"\s+(?:[|\-–—·»:/]|::)\s+|\s*[|｜]\s*|\s+\[")


def title_or_better(expected: str, got: Any, site: str | None, byline: str | None) -> bool:
    """The expected title, or it without a part that names the site or the author (the issue
    asks for "the title without the site's suffix"; Readability keeps the suffix where
    og:title has it): ``got`` is the rest once one such part is dropped."""
    if not isinstance(got, str) or not got.strip():
        return False
    if agrees("title", expected, got):
        return True
    parts = [normalize(part) for part in _TITLE_PARTS.split(expected) if part.strip()]
    mine = normalize(got)
    names = [normalize(n) for n in (site, byline) if n]
    for kept, dropped in ((parts[:-1], parts[-1]), (parts[1:], parts[0])):
        rest = normalize(" ".join(kept))
        if len(parts) > 1 and (mine == rest or mine == " ".join(kept)) and \
                any(dropped.strip("()[] ") in n or n in dropped for n in names):
            return True
    return False


def loose_byline(expected: str, candidates: Iterable[str | None]) -> bool:
    """Case-insensitively, the expected byline contains a candidate or a candidate contains it."""
    wanted = normalize(expected)
    for candidate in candidates:
        text = normalize(candidate or "")
        if text and (wanted in text or text in wanted):
            return True
    return False


# -- readers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SplitPage:
    """One page of boilerplate.json."""

    url: str
    file: str
    path: Path
    with_: tuple[str, ...]
    without: tuple[str, ...]


def load_split(pages: Path) -> list[SplitPage]:
    table = json.loads((pages / "boilerplate.json").read_text(encoding="utf-8"))
    return sorted(
        (SplitPage(url, e["file"], pages / "boilerplate" / e["file"], tuple(e.get("with") or ()),
                   tuple(e.get("without") or ())) for url, e in table.items()),
        key=lambda p: p.file,
    )


def load_meta_pages(pages: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    folder = pages / "readability"
    return [(d.name, d / "source.html",
             json.loads((d / "expected-metadata.json").read_text(encoding="utf-8")))
            for d in sorted(folder.iterdir()) if (d / "expected-metadata.json").exists()]


def l10n_page(data: bytes, path: Path) -> Any:
    from l10n.readers import parse_page

    return parse_page(data, path=str(path))


def l10n_text(data: bytes, path: Path) -> str:
    return article_text(l10n_page(data, path).to_dict()["blocks"])


def l10n_metadata(page: Any) -> dict[str, Any]:
    meta = page.meta
    published = meta.published
    return {
        "title": meta.title,
        "byline": getattr(meta, "byline", None) or getattr(meta, "author", None),
        "siteName": meta.site,
        "publishedTime": published.isoformat() if isinstance(published, datetime) else published,
        "lang": getattr(meta, "language", None) or getattr(meta, "lang", None) or page.locale,
        "dir": getattr(meta, "direction", None) or getattr(meta, "dir", None),
        "excerpt": meta.description,
        "_bylines": [b.text for b in page.blocks if str(b.role) == "byline"],
    }


def _quiet_trafilatura() -> None:
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def trafilatura_text(data: bytes, path: Path) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def trafilatura_metadata(data: bytes) -> dict[str, Any]:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    tree = trafilatura.load_html(data)
    if tree is None:
        return {}
    doc = extract_metadata(tree)
    return {"title": doc.title, "byline": doc.author, "siteName": doc.sitename,
            "publishedTime": doc.date, "excerpt": doc.description}


_JUSTEXT_STOPLIST: frozenset[str] | None = None


def justext_text(data: bytes, path: Path) -> str:
    import justext

    global _JUSTEXT_STOPLIST
    if _JUSTEXT_STOPLIST is None:  # every language's stop words, as trafilatura calls jusText
        _JUSTEXT_STOPLIST = frozenset().union(
            *(justext.get_stoplist(name) for name in justext.get_stoplists()))
    try:
        paragraphs = justext.justext(data, _JUSTEXT_STOPLIST)
    except Exception:  # jusText raises on empty or unparsable documents
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def decoded(data: bytes, path: Path) -> str:
    from l10n.errors import L10nError
    from l10n.readers.decode import decode_page

    try:
        return decode_page(data, str(path))
    except L10nError:
        return data.decode("utf-8", "replace")


def readability_results(items: list[tuple[str, str, Path]], node_dir: Path
                        ) -> tuple[dict[str, dict[str, Any]] | None, str]:
    """Readability's reading of each (id, url, path), or None and why it could not run."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return None, "Node.js and npm are not installed"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if int(version.lstrip("v").split(".")[0] or 0) < 20:
        return None, f"Node.js {version} is older than 20"
    if not (node_dir / "node_modules" / "@mozilla" / "readability").exists() or not (
            node_dir / "node_modules" / "jsdom").exists():
        node_dir.mkdir(parents=True, exist_ok=True)
        print(f"installing {' '.join(NODE_PACKAGES)} into {node_dir} ...", file=sys.stderr)
        done = subprocess.run([npm, "install", "--prefix", str(node_dir), "--no-audit",
                               "--no-fund", *NODE_PACKAGES], capture_output=True, text=True)
        if done.returncode != 0:
            return None, "npm install failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as handle:
        for key, url, path in items:
            handle.write(json.dumps({"id": key, "url": url,
                                     "html": decoded(path.read_bytes(), path)}) + "\n")
    try:
        done = subprocess.run([node, str(ROOT / "bench" / "readability.mjs"), str(node_dir),
                               handle.name], capture_output=True, text=True)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        return None, "node failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    results = {}
    for line in done.stdout.split("\n"):  # not splitlines: U+2028 may stand in a string
        if line.strip():
            row = json.loads(line)
            results[row["id"]] = row
    return results, ""


# -- the split ---------------------------------------------------------------------------------


def split_scores(pages: list[SplitPage], reader: str, fold_case: bool, node_dir: Path
                 ) -> tuple[list[PageScore] | None, dict[str, str], float, str]:
    """One reader over the split's pages: scores, its text per page, seconds, why not run."""
    texts: dict[str, str] = {}
    start = time.perf_counter()
    if reader == "readability":
        results, why = readability_results([(p.file, p.url, p.path) for p in pages], node_dir)
        if results is None:
            return None, {}, 0.0, why
        texts = {p.file: (results.get(p.file) or {}).get("textContent") or "" for p in pages}
    else:
        read: Callable[[bytes, Path], str] = {
            "l10n": l10n_text, "trafilatura": trafilatura_text, "justext": justext_text}[reader]
        for page in pages:
            texts[page.file] = read(page.path.read_bytes(), page.path)
    seconds = time.perf_counter() - start
    scores = [PageScore(p.file, half_of(p.file), found(texts[p.file], p.with_, fold_case=fold_case),
                        found(texts[p.file], p.without, fold_case=fold_case)) for p in pages]
    return scores, texts, seconds, ""


def split_summary(scores: list[PageScore]) -> dict[str, Any]:
    return {"all": shares(scores),
            **{h: shares([s for s in scores if s.half == h]) for h in HALVES}}


def print_split(pages: list[SplitPage], results: dict[str, Any], skipped: dict[str, str],
                fold_case: bool) -> None:
    counts = {h: sum(half_of(p.file) == h for p in pages) for h in HALVES}
    print(f"Split: {len(pages)} pages of boilerplate.json (development half {counts['development']}"
          f", held-out {counts['held-out']}); share of main-text snippets in the article text "
          f"(target >= 0.95) and of boilerplate snippets in it (target <= 0.10)")
    head = f"{'reader':<12} {'all':>15} {'development':>15} {'held-out':>15} {'seconds':>8}"
    print(head)
    print(f"{'':<12} {'with  without':>15} {'with  without':>15} {'with  without':>15}")
    for reader, row in results.items():
        cells = [f"{_fmt(row[k]['with'])}  {_fmt(row[k]['without'])}" for k in ("all", *HALVES)]
        print(f"{reader:<12} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15} {row['seconds']:>8.1f}")
    for reader, why in skipped.items():
        print(f"{reader:<12} not run: {why}")
    if results:
        first = next(iter(results.values()))["all"]
        print(f"({first['with_total']} main-text snippets, {first['without_total']} boilerplate "
              f"snippets, matched {'case-insensitively' if fold_case else 'with case'})")


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_per_page(pages: list[SplitPage], scores: dict[str, list[PageScore]]) -> None:
    print("\nPer page: with found/total, without found/total")
    names = list(scores)
    print(f"{'file':<44} {'half':<5} " + " ".join(f"{n:>13}" for n in names))
    by_reader = {n: {s.file: s for s in scores[n]} for n in names}
    for page in pages:
        cells = []
        for n in names:
            s = by_reader[n][page.file]
            cells.append(f"{sum(s.with_found)}/{len(s.with_found)} "
                         f"{sum(s.without_found)}/{len(s.without_found)}")
        print(f"{page.file[:44]:<44} {half_of(page.file)[:3]:<5} "
              + " ".join(f"{c:>13}" for c in cells))


def worst_pages(pages: list[SplitPage], scores: list[PageScore], count: int) -> list[PageScore]:
    """The ``count`` pages with most misses (ties by file name)."""
    return sorted((s for s in scores if s.misses), key=lambda s: (-s.misses, s.file))[:count]


def print_worst(pages: list[SplitPage], scores: dict[str, list[PageScore]], count: int,
                fold_case: bool) -> None:
    """The pages where l10n misses most, each snippet with where l10n read it: the role of the
    block holding it and the nearest ancestors with a class or id (for studying the page)."""
    by_file = {p.file: p for p in pages}
    l10n = scores["l10n"]
    others = {n: {s.file: s for s in v} for n, v in scores.items() if n != "l10n"}
    print(f"\nThe {count} pages where l10n misses most (main text missing, boilerplate let in):")
    for s in worst_pages(pages, l10n, count):
        page = by_file[s.file]
        beside = "; ".join(
            f"{n} {o[s.file].with_found.count(False)} missing, {sum(o[s.file].without_found)} in"
            for n, o in others.items())
        where = Whereabouts(page.path, fold_case)
        print(f"\n{s.file} ({s.half}) {page.url}")
        print(f"  l10n: {s.with_found.count(False)}/{len(s.with_found)} main-text snippets missing,"
              f" {sum(s.without_found)}/{len(s.without_found)} boilerplate in"
              + (f"   [{beside}]" if beside else ""))
        print(f"  article blocks under: {where.article_root()}")
        for snippet, ok in zip(page.with_, s.with_found, strict=True):
            if not ok:
                print(f"  - missing: {_short(snippet, 60)}  [{where.of(snippet)}]")
        for snippet, ok in zip(page.without, s.without_found, strict=True):
            if ok:
                print(f"  + got in:  {_short(snippet, 60)}  [{where.of(snippet)}]")


# Words of class and id names that say what a block is (for the tallies of --worst only).
HINTS = ("comment", "related", "teaser", "recommend", "more", "share", "social", "author",
         "caption", "credit", "widget", "sidebar", "tag", "newsletter", "promo", "breadcrumb",
         "meta", "date", "footer", "nav", "menu", "header", "ad", "advert", "banner")


# WordPress names a post's tags and categories in its classes (tag-x, category-y).
_TAXONOMY = re.compile(r"(?<![\w-])(?:tag|category)-[\w-]+")


def print_tallies(pages: list[SplitPage], scores: list[PageScore], fold_case: bool) -> None:
    """Where l10n's misses are over all pages: the role of the block holding each missed main
    text snippet (and whether its page marks its article), and the role and nearest telling
    class or id of each boilerplate snippet let in."""
    by_file = {p.file: p for p in pages}
    missing: Counter[str] = Counter()
    let_in: Counter[str] = Counter()
    hints: Counter[str] = Counter()
    empty = 0
    for s in scores:
        if not s.misses:
            continue
        page = by_file[s.file]
        where = Whereabouts(page.path, fold_case)
        if not any(b.role.is_article for b in where.page.blocks):
            empty += 1
        markup = "article/main" if where.has_article_markup() else "no article/main"
        for snippet, ok in zip(page.with_, s.with_found, strict=True):
            if not ok:
                block = where.block_of(snippet)
                missing[f"{block.role if block else 'in no block'} ({markup})"] += 1
        for snippet, ok in zip(page.without, s.without_found, strict=True):
            if ok:
                block = where.block_of(snippet)
                let_in[str(block.role) if block else "?"] += 1
                hints[where.hint(block.element if block else None)] += 1
    pages_missed = sum(1 for s in scores if s.misses)
    print(f"\nWhere l10n misses, over the {pages_missed} pages with a miss ({empty} of them "
          "with no article block at all):")
    print(f"  main text missing ({sum(missing.values())}), by the role l10n gave it: "
          + ", ".join(f"{k} {n}" for k, n in missing.most_common()))
    print(f"  boilerplate let in ({sum(let_in.values())}), by role: "
          + ", ".join(f"{k} {n}" for k, n in let_in.most_common()))
    print("  the same, by the nearest class or id word saying what it is: "
          + ", ".join(f"{k} {n}" for k, n in hints.most_common()))


class Whereabouts:
    """Where l10n read text on one page: block roles and their elements' class and id names."""

    def __init__(self, path: Path, fold_case: bool) -> None:
        import lxml.html

        data = path.read_bytes()
        self.page = l10n_page(data, path)
        self.fold_case = fold_case
        self.root = lxml.html.document_fromstring(decoded(data, path).encode("utf-8"),
                                                  parser=lxml.html.HTMLParser(encoding="utf-8"))
        self.texts = [normalize(b.text, fold_case=fold_case) for b in self.page.blocks]

    def of(self, snippet: str) -> str:
        """The role and element of the block holding ``snippet`` (:meth:`block_of`)."""
        block = self.block_of(snippet)
        return "in no block" if block is None else f"{block.role}: {self.describe(block.element)}"

    def block_of(self, snippet: str) -> Any:
        """The first block holding ``snippet`` (or its start): article blocks first, then
        visible text, then attributes and ``<head>``; None when no block does."""
        wanted = normalize(snippet, fold_case=self.fold_case)
        for probe in (wanted, wanted[:24]):
            for rank in range(3):
                for block, text in zip(self.page.blocks, self.texts, strict=True):
                    if probe and self._rank(block) == rank and probe in text:
                        return block
        return None

    def has_article_markup(self) -> bool:
        """Whether the page marks its article (``article``, ``main``, role or itemprop)."""
        return bool(self.root.xpath(
            "//article | //main | //*[@role='main' or @role='article' or "
            "@itemprop='articleBody']"))

    def hint(self, element: str | None) -> str:
        """The first word of :data:`HINTS` in the class or id of ``element`` or its nearest
        ancestor having one, or "-"."""
        found = self._element(element)
        if found is None:
            return "-"
        for el in (found, *found.iterancestors()):
            if el.tag in ("body", "html"):  # their classes name the page (WordPress: tag-x)
                break
            names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
            names = _TAXONOMY.sub(" ", names)
            tokens = set(re.split(r"[^a-z0-9]+", names)) - {""}
            for word in HINTS:
                if any(t in (word, word + "s") or (len(word) > 4 and t.startswith(word))
                       for t in tokens):
                    return word
        return "-"

    def _element(self, element: str | None) -> Any:
        if not element:
            return None
        try:
            found = self.root.getroottree().xpath("/" + element)
        except Exception:  # a path libxml2's XPath does not take
            return None
        return found[0] if found and hasattr(found[0], "iterancestors") else None

    @staticmethod
    def _rank(block: Any) -> int:
        if block.attribute or (block.element or "").startswith("html/head"):
            return 2
        return 0 if block.role.is_article else 1

    def article_root(self) -> str:
        """The deepest element holding every article block."""
        paths = [b.element.split("/") for b in self.page.blocks
                 if b.element and b.role.is_article and not b.attribute]
        if not paths:
            return "no article blocks"
        common: list[str] = []
        for steps in zip(*paths, strict=False):
            if len(set(steps)) > 1:
                break
            common.append(steps[0])
        return self.describe("/".join(common))

    def describe(self, element: str | None, depth: int = 4) -> str:
        """``element``'s nearest ``depth`` ancestors (itself first) with a class or id."""
        found = self._element(element)
        if found is None:
            return element or "?"
        names = []
        for el in (found, *found.iterancestors()):
            classes = ".".join((el.get("class") or "").split()[:2])
            ident = el.get("id")
            if classes or ident or el.tag in ("article", "main", "aside", "nav", "footer"):
                names.append(f"{el.tag}{'#' + ident if ident else ''}"
                             f"{'.' + classes if classes else ''}")
            if len(names) == depth:
                break
        return " < ".join(names) or element


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- metadata ----------------------------------------------------------------------------------


def metadata_rows(pages: list[tuple[str, Path, dict[str, Any]]], readers: Sequence[str],
                  node_dir: Path) -> tuple[dict[str, dict[str, dict[str, Any]]],
                                           dict[str, dict[str, dict[str, Any]]], dict[str, str]]:
    """Each reader's metadata per page, the agreement table, and readers not run (why)."""
    values: dict[str, dict[str, dict[str, Any]]] = {}
    skipped: dict[str, str] = {}
    for reader in readers:
        if reader == "l10n":
            values[reader] = {name: l10n_metadata(l10n_page(path.read_bytes(), path))
                              for name, path, _ in pages}
        elif reader == "trafilatura":
            values[reader] = {name: trafilatura_metadata(path.read_bytes())
                              for name, path, _ in pages}
        elif reader == "readability":
            results, why = readability_results([(n, FAKE_URL, p) for n, p, _ in pages], node_dir)
            if results is None:
                skipped[reader] = why
                continue
            values[reader] = {name: results.get(name, {}) for name, _, _ in pages}
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for reader, got in values.items():
        rows: dict[str, dict[str, Any]] = {}
        for field in (*FIELDS, *LOOSE_ROWS):
            key = LOOSE_ROWS.get(field, field)
            agree = total = 0
            if reader == "trafilatura" and key in ("lang", "dir"):
                continue  # extract_metadata reads neither
            for name, _, expected in pages:
                want = expected.get(key)
                if want in (None, ""):
                    continue
                total += 1
                value = got[name].get(key)
                if field == "byline, loose":
                    agree += loose_byline(want, [value, *got[name].get("_bylines", ())])
                elif field == "time, same day":
                    agree += same_day(want, value)
                elif field == "title, or better":
                    agree += title_or_better(want, value, expected.get("siteName")
                                             or got[name].get("siteName"),
                                             expected.get("byline") or got[name].get("byline"))
                else:
                    agree += agrees(key, want, value)
            rows[field] = {"agree": agree, "of": total,
                           "share": round(agree / total, 6) if total else None}
        table[reader] = rows
    return values, table, skipped


def print_metadata(pages: list[tuple[str, Path, dict[str, Any]]], table: dict[str, Any],
                   skipped: dict[str, str]) -> None:
    print(f"\nMetadata: {len(pages)} Readability pages, agreement with expected-metadata.json "
          f"where it has a value (target >= {META_TARGET:.2f} for title, byline, site name, "
          "publication time)")
    readers = list(table)
    print(f"{'field':<16}" + "".join(f"{r:>18}" for r in readers))
    for field in (*FIELDS, *LOOSE_ROWS):
        cells = []
        for r in readers:
            row = table[r].get(field)
            cells.append("-" if row is None else
                         f"{row['agree']}/{row['of']} ({_fmt(row['share'])})")
        print(f"{field:<16}" + "".join(f"{c:>18}" for c in cells))
    for reader, why in skipped.items():
        print(f"{reader}: not run: {why}")


def print_disagreements(pages: list[tuple[str, Path, dict[str, Any]]],
                        values: dict[str, dict[str, dict[str, Any]]]) -> None:
    print("\nl10n's metadata disagreements (expected | l10n | trafilatura):")
    for name, _, expected in pages:
        for field in FIELDS:
            want = expected.get(field)
            if want in (None, ""):
                continue
            got = values["l10n"][name].get(field)
            if agrees(field, want, got):
                continue
            line = f"{name:<28} {field:<13} {_shown(want)} | {_shown(got)}"
            if "trafilatura" in values:
                line += f" | {_shown(values['trafilatura'].get(name, {}).get(field))}"
            print(line)


def _shown(value: Any, width: int = 70) -> str:
    """A value for the disagreement list: None as a dash, long text cut in its middle (titles
    differ mostly at their ends)."""
    if value in (None, ""):
        return "-"
    text = " ".join(str(value).split())
    if len(text) > width:
        text = text[: width // 2 - 1] + "…" + text[-(width // 2):]
    return repr(text)


# -- main --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                        help="the unpacked real pages (boilerplate.json, boilerplate/, "
                             "readability/); default %(default)s")
    parser.add_argument("--readers", default=",".join(READERS),
                        help="comma-separated readers to run; default %(default)s")
    parser.add_argument("--node-dir", type=Path, default=DEFAULT_NODE_DIR,
                        help="where Readability's npm packages live; default %(default)s")
    parser.add_argument("--case-sensitive", action="store_true",
                        help="match snippets with their case (default: case-insensitively)")
    parser.add_argument("--per-page", action="store_true", help="print every page's figures")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N pages where l10n misses most, with the snippets")
    parser.add_argument("--show-metadata", action="store_true",
                        help="list l10n's metadata disagreements")
    parser.add_argument("--no-split", action="store_true", help="skip the split")
    parser.add_argument("--no-metadata", action="store_true", help="skip the metadata")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all figures to FILE")
    args = parser.parse_args(argv)
    readers = [r.strip() for r in args.readers.split(",") if r.strip()]
    unknown = sorted(set(readers) - set(READERS))
    if unknown:
        parser.error(f"unknown readers {', '.join(unknown)}; choose from {', '.join(READERS)}")
    if not (args.pages / "boilerplate.json").exists():
        parser.error(f"{args.pages}: no boilerplate.json; unpack ../shared/realworld/pages.tar.xz"
                     " there or give --pages")
    if "l10n" not in readers:
        readers.insert(0, "l10n")
    _quiet_trafilatura()
    fold_case = not args.case_sensitive
    out: dict[str, Any] = {"pages": str(args.pages), "case_sensitive": args.case_sensitive}

    if not args.no_split:
        pages = load_split(args.pages)
        results: dict[str, Any] = {}
        scores: dict[str, list[PageScore]] = {}
        skipped: dict[str, str] = {}
        for reader in readers:
            got, _, seconds, why = split_scores(pages, reader, fold_case, args.node_dir)
            if got is None:
                skipped[reader] = why
                continue
            scores[reader] = got
            results[reader] = {**split_summary(got), "seconds": round(seconds, 2)}
        print_split(pages, results, skipped, fold_case)
        if args.per_page:
            print_per_page(pages, scores)
        if args.worst:
            print_tallies(pages, scores["l10n"], fold_case)
            print_worst(pages, scores, args.worst, fold_case)
        out["split"] = {
            "halves": "development when sha256(file)[0] is even",
            "readers": results, "not_run": skipped,
            "per_page": {r: [{"file": s.file, "half": s.half,
                              "with": [sum(s.with_found), len(s.with_found)],
                              "without": [sum(s.without_found), len(s.without_found)]}
                             for s in v] for r, v in scores.items()},
        }

    if not args.no_metadata:
        meta_pages = load_meta_pages(args.pages)
        meta_readers = [r for r in readers if r != "justext"]
        values, table, skipped_meta = metadata_rows(meta_pages, meta_readers, args.node_dir)
        print_metadata(meta_pages, table, skipped_meta)
        if args.show_metadata:
            print_disagreements(meta_pages, values)
        out["metadata"] = {"pages": len(meta_pages), "readers": table, "not_run": skipped_meta,
                           "values": {r: {n: {k: v for k, v in row.items()
                                              if not k.startswith("_") and k != "textContent"}
                                          for n, row in got.items()}
                                      for r, got in values.items()}}

    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1, default=str) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
