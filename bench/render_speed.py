#!/usr/bin/env python3
"""Render speed: 1,000 articles x 10 locales through l10n against a bare Jinja2 render of the
same template with the same data, in the same run.

Articles are scraped-text pages generated from the seed's structure with varied text; l10n
reads, localizes (catalog lookups, datelines, dates) and renders each through its template;
the baseline renders the template from pre-computed, untranslated blocks. Prints pages/s for
both and the ratio (target: l10n <= 3x the bare render's time).

Usage: python bench/render_speed.py [--articles 1000] [--locales 10]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TEXT = ("the minister said talks on the new system would continue after officials met in "
         "the capital on tuesday to discuss cooperation defense budget plans")
WORDS = tuple(_TEXT.split(" "))


def make_articles(directory: Path, count: int) -> list[Path]:
    seed = (ROOT / "samples" / "000_3b28b45df5788720.txt").read_text(encoding="utf-8")
    lines = seed.splitlines()
    rng = random.Random(7)
    paths = []
    for n in range(count):
        out = []
        for line in lines:
            if len(line.split()) > 12:
                words = [rng.choice(WORDS) for _ in range(len(line.split()))]
                line = " ".join(words).capitalize() + "."
            out.append(line)
        path = directory / f"article-{n:04d}.txt"
        path.write_text("\n".join(out), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--locales", type=int, default=10)
    args = parser.parse_args()
    from l10n.catalogs.layout import find_locales
    from l10n.readers import read_page
    from l10n.render import RenderOptions, render_page
    from l10n.render.localize import Localizer, RenderReport
    from l10n.render.template import _environment, _sections
    from l10n.render.translations import load_translations

    locales = find_locales(ROOT / "locales", "chrome")[: args.locales]
    with tempfile.TemporaryDirectory() as scratch:
        paths = make_articles(Path(scratch), args.articles)
        options = RenderOptions(catalogs=str(ROOT / "locales"))
        catalogs = {loc: load_translations(ROOT / "locales", loc) for loc in locales}
        render_page(paths[0], locales[0], catalogs[locales[0]], options)  # warm caches
        start = time.perf_counter()
        for path in paths:  # page by page, as render_pages does (a page is read once)
            for locale in locales:
                render_page(path, locale, catalogs[locale], options)
        ours = time.perf_counter() - start
        # Baseline: the same template, rendered from blocks prepared outside the timing.
        env = _environment()
        env.install_null_translations(newstyle=True)
        env.globals.update(pgettext=lambda c, m: m, npgettext=lambda c, s, p, n: s)
        template = env.get_template("article.html")
        prepared = []
        for path in paths:
            page = read_page(path)
            localizer = Localizer(page, "en", catalogs[locales[0]], report=RenderReport("", ""))
            context = _sections(page, localizer)
            for item in context["article"]:
                item.pop("formatted", None)
                item.setdefault("html", "")
            prepared.append(context)
        start = time.perf_counter()
        for _ in locales:
            for context in prepared:
                template.render(lang="en", dir="ltr", alternates=[], published=None, **context)
        bare = time.perf_counter() - start
    total = len(paths) * len(locales)
    print(f"pages rendered: {total} ({len(paths)} articles x {len(locales)} locales)")
    print(f"l10n render (read + localize + template)  {total / ours:8.0f} pages/s")
    print(f"bare Jinja2 render of the same template    {total / bare:8.0f} pages/s")
    print(f"ratio: {ours / bare:.2f}x the bare render's time (target <= 3x: "
          f"{'met' if ours / bare <= 3 else 'NOT MET'})")


if __name__ == "__main__":
    main()
