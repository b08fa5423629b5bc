#!/usr/bin/env python3
"""Measure the HTML parsers l10n could use: parse speed and tolerance of broken HTML.

Prints pages/s for lxml and selectolax (lexbor) over the bundled HTML samples, repeated, and, for
a set of broken-markup cases, whether each parser keeps every text run and gives source lines.
Needs the ``bench`` extra (selectolax).  Usage: python bench/html_parsers.py [--rounds N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent

BROKEN = {
    "unclosed p and li": "<ul><li>One<li>Two</ul><p>Three<p>Four",
    "misnested inline": "<p>a <b>b <i>c</b> d</i> e</p>",
    "stray end tags": "</div><p>Five</span></p></td>",
    "unquoted attributes": "<a href=/x title=Six>Seven</a>",
    "text after </html>": "<html><body><p>Eight</p></body></html>Nine",
    "table text": "<table>Ten<tr><td>Eleven</table>",
    "bad comment": "<p>Twelve</p><!-- never closed <p>Thirteen</p>",
}
WANTED = {
    "unclosed p and li": ["One", "Two", "Three", "Four"],
    "misnested inline": ["a", "b", "c", "d", "e"],
    "stray end tags": ["Five"],
    "unquoted attributes": ["Seven"],
    "text after </html>": ["Eight", "Nine"],
    "table text": ["Ten", "Eleven"],
    "bad comment": ["Twelve"],
}


def lxml_texts(source: str) -> list[str]:
    root = lxml.html.document_fromstring(source)
    return " ".join(" ".join(root.itertext()).split()).split()


def selectolax_texts(source: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    return " ".join((tree.body.text(separator=" ") if tree.body else "").split()).split()


def rate(parse, pages: list[str], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            parse(page)
    return rounds * len(pages) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.html"))]
    from selectolax.lexbor import LexborHTMLParser

    lxml_rate = rate(lxml.html.document_fromstring, pages, args.rounds)
    lexbor_rate = rate(LexborHTMLParser, pages, args.rounds)
    print(f"parse speed over {len(pages)} sample pages x {args.rounds} rounds")
    print(f"  lxml        {lxml_rate:10.0f} pages/s")
    print(f"  selectolax  {lexbor_rate:10.0f} pages/s   ({lexbor_rate / lxml_rate:.2f}x lxml)")
    print("broken-markup cases: text runs kept (lxml / selectolax)")
    for name, source in BROKEN.items():
        want = WANTED[name]
        got_lxml = lxml_texts(source)
        got_lexbor = selectolax_texts(source)
        ok = [all(w in got for w in want) for got in (got_lxml, got_lexbor)]
        print(f"  {name:<22} {'yes' if ok[0] else 'NO ':<4} / {'yes' if ok[1] else 'NO'}")
    root = lxml.html.document_fromstring(pages[0])
    print("source lines: lxml element.sourceline =", root.find(".//h1").sourceline,
          "; selectolax nodes carry no source position")


if __name__ == "__main__":
    main()
