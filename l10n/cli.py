"""The ``l10n`` command line: click commands that parse options, call one library function each,
and format the result. Errors in what the user gave print one line and exit 2."""

from __future__ import annotations

import errno
import json
import os
import sys
from typing import Any

import click

from l10n.errors import L10nError
from l10n.version import __version__


class _Group(click.Group):
    """A click group that turns :class:`L10nError` into one stderr line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except L10nError as error:
            if ctx.params.get("debug"):
                raise
            click.echo(f"l10n: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="l10n")
@click.option("--debug", is_flag=True, help="Show a traceback for errors (for bug reports).")
def cli(debug: bool) -> None:
    """Localize news article pages: find leaked strings, extract chrome, rebuild pages."""


@cli.command()
@click.argument("pages", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="Output format.",
)
@click.option("--locale", help="The pages' locale, overriding what they declare.")
@click.option(
    "--page-format", type=click.Choice(["text", "html"]), default=None,
    help="Read pages as this format instead of sniffing it.",
)
def inspect(pages: tuple[str, ...], output_format: str, locale: str | None,
            page_format: str | None) -> None:
    """Show PAGES as the model sees them: each block's role, position and text.

    \b
    Example:
        l10n inspect samples/000_3b28b45df5788720.txt
        l10n inspect --format json samples/001_seed_en.html
    """
    from l10n.locales import parse_locale
    from l10n.readers import parse_page, read_page

    if locale is not None:
        parse_locale(locale)
    read = []
    for name in pages:
        if name == "-":
            read.append(parse_page(sys.stdin.buffer.read(), path="<stdin>", format=page_format,
                                   locale=locale))
        else:
            read.append(read_page(name, format=page_format, locale=locale))
    if output_format == "json":
        payload = {"pages": [page.to_dict() for page in read]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from l10n.inspect import format_page

    for number, page in enumerate(read):
        if number:
            click.echo()
        click.echo(format_page(page))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--locale", help="Locale of every page (else <html lang>, a locale directory in "
              "the path, [tool.l10n] locale, or the language of the article).")
@click.option("--source-locale", help="The language pages are written in first.  [default: en]")
@click.option("--site-locales", help="Comma-separated locales of the site's editions (the "
              "candidate languages).")
@click.option("--catalogs", type=click.Path(file_okay=False),
              help="Directory of the site's catalogs (<lang>/LC_MESSAGES/*.po).")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json", "sarif", "github", "junit", "gitlab"]),
              help="Output format: text, JSON, SARIF 2.1.0, GitHub Actions annotations, JUnit "
                   "XML or GitLab Code Quality JSON.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error",
              show_default=True, help="Exit 1 when a finding is at least this severe.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's findings in this file and exit 0.")
@click.option("--allow", multiple=True, metavar="TERM",
              help="A term that is never language evidence (repeatable).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Files to read in directories (repeatable; default: pages and catalogs).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files to skip (repeatable).")
@click.option("--severity", "severities", multiple=True, metavar="KIND=LEVEL",
              help="Override a kind's severity: error, warning or off (repeatable).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large runs.  [default: all cores]")
@click.option("--dask-scheduler", metavar="ADDRESS",
              help="Run on an existing dask.distributed cluster (tcp://host:8786); needs the "
                   "[dask] extra.")
def check(paths: tuple[str, ...], locale: str | None, source_locale: str | None,
          site_locales: str | None, catalogs: str | None, output_format: str, fail_on: str,
          baseline: str | None, write_baseline: str | None, allow: tuple[str, ...],
          include: tuple[str, ...], exclude: tuple[str, ...], severities: tuple[str, ...],
          jobs: int | None, dask_scheduler: str | None) -> None:
    """Find leaked, untranslated, garbled or half-built strings in PATHS.

    PATHS are HTML or scraped-text pages, .po/.pot catalogs, directories (read recursively)
    or - for standard input. Exit 0 when nothing is at or above --fail-on, 1 when something
    is, 2 on a usage or input error.

    \b
    Example:
        l10n check --locale en samples/000_3b28b45df5788720.txt
        l10n check --catalogs locales --format sarif build/ > l10n.sarif
        l10n check --format junit build/ > l10n-junit.xml
    """
    import os

    from l10n.check.finding import Severity
    from l10n.check.job import DEFAULT_INCLUDE, CheckOptions
    from l10n.check.report import (
        Baseline,
        format_gitlab,
        format_json,
        format_junit,
        format_sarif,
        github_line,
        summary_lines,
        text_line,
    )
    from l10n.check.report import (
        write_baseline as save_baseline,
    )
    from l10n.check.run import check_paths
    from l10n.config import load_config
    from l10n.errors import InputError

    config = load_config()
    severity = dict(config.severity)
    for item in severities:
        kind, sep, level = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not KIND=LEVEL", param_hint="--severity")
        severity[kind.strip()] = level.strip()
    languages = tuple(x.strip() for x in site_locales.split(",") if x.strip()) \
        if site_locales is not None else config.locales
    if site_locales is not None and not languages:
        raise click.BadParameter("give comma-separated locales, e.g. de,fr,ru",
                                 param_hint="--site-locales")
    if source_locale is None:  # given empty, it is checked (and refused) as given
        source_locale = config.source_locale or "en"
    options = CheckOptions(
        locale=locale,
        default_locale=config.locale,
        source_locale=source_locale,
        languages=languages or None,
        catalogs=catalogs or config.catalogs,
        allow=tuple(allow) + config.allow,
        severity=severity,
        include=tuple(include) or config.include or DEFAULT_INCLUDE,
        exclude=tuple(exclude) + config.exclude,
        jobs=jobs or os.cpu_count() or 1,
        dask_scheduler=dask_scheduler,
    )
    known = Baseline(baseline) if baseline and not write_baseline else None
    # Text and GitHub output stream finding by finding: a crawl of any size runs in flat
    # memory. JSON, SARIF, JUnit and GitLab reports are one document, written at the end.
    streaming = output_format in ("text", "github") and not write_baseline
    line = text_line if output_format == "text" else github_line
    bar = _progress("checking", _count_targets(paths, options))

    def emit(finding: Any) -> None:
        bar.clear()
        click.echo(line(finding))

    def unreadable(error: L10nError) -> None:
        bar.clear()
        click.echo(f"l10n: {error}", err=True)

    with bar as advance:
        report = check_paths(paths, options, progress=advance,
                             admit=known.admit if known else None,
                             sink=emit if streaming else None, unreadable=unreadable)
    if not report.files and not report.unreadable:
        click.echo(f"l10n: {', '.join(paths)}: warning: no pages or catalogs to check (files "
                   f"named {', '.join(options.include)}); pass --include GLOB", err=True)
    if write_baseline and report.unreadable:
        raise InputError(f"not written: {report.unreadable} of the files could not be read",
                         path=write_baseline, hint="fix or --exclude them, then run again")
    if write_baseline:
        save_baseline(report.findings, write_baseline)
        click.echo(f"l10n: recorded {len(report.findings)} findings in {write_baseline}",
                   err=True)
        return
    if known is not None:
        report.stale = known.stale()
    if output_format == "json":
        click.echo(format_json(report))
    elif output_format == "sarif":
        click.echo(format_sarif(report, version=__version__))
    elif output_format == "junit":
        click.echo(format_junit(report))
    elif output_format == "gitlab":
        click.echo(format_gitlab(report))
    elif output_format == "text":
        for text in summary_lines(report):
            click.echo(text)
    raise SystemExit(report.exit_code(Severity(fail_on)))


def _count_targets(paths: tuple[str, ...], options: Any) -> int | None:
    """How many files a run will read, when that is cheap to know (for the progress bar)."""
    if not sys.stderr.isatty() or "-" in paths:
        return None
    from l10n.readers.targets import iter_targets

    total = 0
    try:
        for target in iter_targets(paths, options.include, options.exclude, expand=False):
            if target.label.endswith((".warc", ".warc.gz")):
                return None  # its records are only known by reading it: rate without ETA
            total += 1
    except L10nError:
        return None
    return total


def _directory_option(f: Any) -> Any:
    return click.option("-d", "--directory", default=None, type=click.Path(file_okay=False),
                        help="The catalogs directory.  [default: locales]")(f)


def _domain_option(default: str | None = "chrome") -> Any:
    help_text = "Catalog domain (repeatable)." + (f"  [default: {default}]" if default else
                                                  "  [default: chrome, places, agencies]")
    return click.option("-D", "--domain", "domains", multiple=True, help=help_text)


def _locale_option(f: Any) -> Any:
    return click.option("-l", "--locale", "locales", multiple=True,
                        help="Locale (repeatable).  [default: every locale found]")(f)


def _catalogs_dir(directory: str | None) -> str:
    if directory:
        return directory
    from l10n.config import load_config

    extra = load_config().extra.get("directory")
    return str(extra) if extra else "locales"


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=False))
@_directory_option
@_domain_option(None)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the template here (with a single -D domain).")
@click.option("--source-locale", default="en", show_default=True,
              help="The language of the source pages.")
@click.option("--check", is_flag=True, help="Exit 1 when a template on disk is out of date; "
              "write nothing.")
@click.option("--article", is_flag=True, help="Write a per-article template for each page "
              "instead (DIRECTORY/articles/<stem>.pot: headline, lede, paragraphs, captions).")
def extract(paths: tuple[str, ...], directory: str | None, domains: tuple[str, ...],
            output: str | None, source_locale: str, check: bool, article: bool) -> None:
    """Extract page chrome from PATHS into gettext templates.

    Writes DIRECTORY/chrome.pot, places.pot (dateline cities) and agencies.pot (news
    agencies). Strings that should not be translated as chrome (technical strings, text not
    in the source language, template artifacts) are reported on stderr.

    \b
    Example:
        l10n extract samples/ -d locales
        l10n extract --check samples/
    """
    from l10n.catalogs.extract import DOMAINS, extract_articles, extract_templates

    if article:
        stale = False
        for written in extract_articles(paths, _catalogs_dir(directory), check=check):
            stale = stale or written.changed
            state = ("out of date" if check else "written") if written.changed else "unchanged"
            click.echo(f"{written.path}: {written.entries} entries, {state}")
        if check and stale:
            raise SystemExit(1)
        return
    wanted = tuple(domains) or DOMAINS
    unknown = [d for d in wanted if d not in DOMAINS]
    if unknown:
        raise click.BadParameter(f"{unknown[0]!r}; extract writes " + ", ".join(DOMAINS),
                                 param_hint="-D")
    if output and len(wanted) != 1:
        raise click.BadParameter("give exactly one -D DOMAIN with -o", param_hint="-o")
    results, skipped = extract_templates(paths, _catalogs_dir(directory), domains=wanted,
                                         output=output, source_locale=source_locale,
                                         check=check)
    for item in skipped:
        click.echo(f"l10n: {item}", err=True)
    stale = False
    for result in results:
        state = ("out of date" if check else "written") if result.changed else "unchanged"
        stale = stale or result.changed
        click.echo(f"{result.path}: {result.entries} entries, {state}")
    if check and stale:
        raise SystemExit(1)


@cli.command()
@_directory_option
@_domain_option()
@click.option("-l", "--locale", "locale", required=True, help="The new catalog's locale.")
@click.option("-i", "--input-file", type=click.Path(dir_okay=False),
              help="The template.  [default: DIRECTORY/DOMAIN.pot]")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False),
              help="Where to write.  [default: DIRECTORY/LOCALE/LC_MESSAGES/DOMAIN.po]")
@click.option("--force", is_flag=True, help="Replace an existing catalog (its work is lost).")
def init(directory: str | None, domains: tuple[str, ...], locale: str, input_file: str | None,
         output_file: str | None, force: bool) -> None:
    """Start a catalog for a new locale from the template.

    \b
    Example:
        l10n init -l pt_BR -D chrome
    """
    from l10n.catalogs.create import init_catalogs
    from l10n.catalogs.layout import catalog_path, check_locale, template_path

    check_locale(locale)
    wanted = _domains(domains, one=bool(input_file or output_file), option="-i/-o")
    root = _catalogs_dir(directory)
    plan = [(input_file or template_path(root, domain),
             output_file or catalog_path(root, locale, domain)) for domain in wanted]
    for written in init_catalogs(plan, locale, force=force):
        click.echo(f"{written}: created for {locale}")


def _domains(domains: tuple[str, ...], *, one: bool = False, option: str = "") -> tuple[str, ...]:
    """The -D values, checked (default: chrome); ``one``: an ``option`` allows only one."""
    from l10n.catalogs.layout import check_domain

    wanted = tuple(check_domain(domain) for domain in domains) or ("chrome",)
    if one and len(wanted) > 1:
        raise click.BadParameter(f"give exactly one -D DOMAIN with {option}", param_hint="-D")
    return wanted


@cli.command()
@_directory_option
@_domain_option()
@_locale_option
@click.option("-i", "--input-file", type=click.Path(dir_okay=False),
              help="The template.  [default: DIRECTORY/DOMAIN.pot]")
@click.option("--no-fuzzy", is_flag=True, help="Do not guess translations for changed strings.")
@click.option("--check", is_flag=True, help="Exit 1 when an update would change a catalog; "
              "write nothing.")
def update(directory: str | None, domains: tuple[str, ...], locales: tuple[str, ...],
           input_file: str | None, no_fuzzy: bool, check: bool) -> None:
    """Merge the template into every locale's catalog, as msgmerge does.

    Exact matches keep their translation; changed strings get a fuzzy guess (with the
    previous source as #|); strings that left become obsolete (#~), never deleted.

    \b
    Example:
        l10n update -d locales -D chrome
    """
    from l10n.catalogs.layout import (
        catalog_path,
        existing_template,
        locales_of,
        parse_catalogs,
        template_path,
    )
    from l10n.catalogs.merge import update_catalog

    root = _catalogs_dir(directory)
    plan = []
    for domain in _domains(domains, one=bool(input_file), option="-i"):
        found = locales_of(root, domain, locales)
        pot = existing_template(input_file or template_path(root, domain))
        plan.extend((catalog_path(root, locale, domain), pot) for locale in found)
    _no_collection()
    parsed = parse_catalogs(path for pair in plan for path in pair)  # a bad one stops all
    stale = False
    for po, pot in plan:
        result = update_catalog(po, pot, fuzzy=not no_fuzzy, check=check,
                                template=parsed[str(pot)].catalog, parsed=parsed[str(po)])
        for warning in result.warnings:
            click.echo(f"l10n: {warning.path}:{warning.line}: warning: {warning.message}",
                       err=True)
        stale = stale or result.changed
        state = ("would change" if check else "updated") if result.changed else "unchanged"
        click.echo(f"{po}: {state} ({_merge_counts(result)})")
    if check and stale:
        raise SystemExit(1)


# True when the command runs as the process (main), not inside another program or a test.
_WHOLE_PROCESS = False


def _no_collection() -> None:
    """A catalog command's objects live until the process ends, and form no garbage cycles:
    the cyclic garbage collector would only walk them again and again (a catalog of 100,000
    entries is a million objects). Off for the rest of the process, when the command is the
    whole process."""
    if _WHOLE_PROCESS:
        import gc

        gc.disable()


def _settled() -> None:
    """What exists now lives until the process ends: Python's last collection, at exit, need
    not walk it (``gc.freeze``); only when the command is the whole process."""
    if _WHOLE_PROCESS:
        import gc

        gc.freeze()


def _merge_counts(result: Any) -> str:
    """``3 kept, 1 fuzzy, 2 added`` from a merge's stats, leaving out zeros."""
    from dataclasses import asdict

    counts = [f"{n} {name}" for name, n in asdict(result.stats).items() if n]
    return ", ".join(counts) or "empty"


@cli.command(name="compile")
@_directory_option
@_domain_option()
@_locale_option
@click.option("--use-fuzzy", is_flag=True, help="Include fuzzy translations.")
def compile_command(directory: str | None, domains: tuple[str, ...], locales: tuple[str, ...],
                    use_fuzzy: bool) -> None:
    """Compile catalogs to .mo files next to them, with msgfmt -c's checks.

    Exit 1 when a catalog has placeholder or markup errors (its .mo is not written).

    \b
    Example:
        l10n compile -d locales
    """
    from l10n.catalogs.compile import compile_catalogs
    from l10n.catalogs.layout import catalog_path, locales_of

    root = _catalogs_dir(directory)
    plan = [catalog_path(root, locale, domain) for domain in _domains(domains)
            for locale in locales_of(root, domain, locales)]
    _no_collection()
    failed = False
    for result in compile_catalogs(plan, use_fuzzy=use_fuzzy):
        for error in result.errors:
            click.echo(f"l10n: {error}", err=True)
        if result.mo is None:
            failed = True
            click.echo(f"{result.po}: not compiled ({len(result.errors)} errors)")
        else:
            skipped = f", {result.fuzzy_skipped} fuzzy left out" if result.fuzzy_skipped \
                else ""
            click.echo(f"{result.mo}: {result.entries} messages{skipped}")
    if failed:
        raise SystemExit(1)


@cli.command()
@_directory_option
@_domain_option(None)
@_locale_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def stats(directory: str | None, domains: tuple[str, ...], locales: tuple[str, ...],
          output_format: str) -> None:
    """How far each locale's catalogs are translated.

    \b
    Example:
        l10n stats -d locales --format json
    """
    from l10n.catalogs.extract import DOMAINS
    from l10n.catalogs.stats import catalog_stats

    rows = catalog_stats(_catalogs_dir(directory), list(domains or DOMAINS),
                         list(locales) or None)
    if output_format == "json":
        click.echo(json.dumps({"catalogs": [r.to_dict() for r in rows]}, ensure_ascii=False,
                              indent=2))
        return
    click.echo(f"{'locale':<8} {'domain':<9} {'translated':>10} {'fuzzy':>6} "
               f"{'untransl.':>9} {'obsolete':>8} {'words':>6} {'done':>6}")
    for r in rows:
        click.echo(f"{r.locale:<8} {r.domain:<9} {r.translated:>10} {r.fuzzy:>6} "
                   f"{r.untranslated:>9} {r.obsolete:>8} {r.words:>6} {r.percent:>5.1f}%")


def _render_targets_options(f: Any) -> Any:
    """PAGES, --locale/--all and --catalogs, as render and build take them."""
    for option in reversed((
        click.argument("pages", nargs=-1, required=True, type=click.Path(dir_okay=False)),
        click.option("--locale", "-l", "locales", multiple=True,
                     help="Target locale (repeatable)."),
        click.option("--all", "all_locales", is_flag=True, help="Every locale with a catalog."),
        click.option("--catalogs", default=None, type=click.Path(file_okay=False),
                     help="The catalogs directory.  [default: locales]"),
    )):
        f = option(f)
    return f


def _render_targets(locales: tuple[str, ...], all_locales: bool, catalogs: str | None,
                    config: Any) -> tuple[str, list[str]]:
    """(catalogs directory, locales to render) from --locale/--all and --catalogs."""
    from l10n.catalogs.layout import locales_of

    root = catalogs or config.catalogs or _catalogs_dir(None)
    if all_locales == bool(locales):
        raise click.UsageError("give --locale L (repeatable) or --all, not both or neither")
    return root, list(locales) or locales_of(root, "chrome")


@cli.command()
@_render_targets_options
@click.option("--out", default="build", show_default=True, type=click.Path(file_okay=False),
              help="Output directory: OUT/<locale>/<stem>.html.")
@click.option("--format", "output_format", type=click.Choice(["html", "text"]), default="html",
              show_default=True, help="Output format.")
@click.option("--published", help="Publication date and time (ISO 8601), when the page has "
              "none.")
@click.option("--dateline-style", help="House style for datelines (default: the locale's).")
@click.option("--source-locale", default="en", show_default=True,
              help="The language of the source pages.")
@click.option("--report", "report_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Format of the per-page report.")
def render(pages: tuple[str, ...], locales: tuple[str, ...], all_locales: bool,
           catalogs: str | None, out: str, output_format: str, published: str | None,
           dateline_style: str | None, source_locale: str, report_format: str) -> None:
    """Rebuild PAGES in each locale: OUT/<locale>/<stem>.html.

    Chrome comes from the chrome catalog, datelines in the locale's house style (cities
    from the places catalog or CLDR, agencies from agencies), article text from
    <catalogs>/<locale>/LC_MESSAGES/articles/<stem>.po when present. Untranslated text stays
    as it is, marked with its language, and is listed in the report.

    \b
    Example:
        l10n render --all samples/000_3b28b45df5788720.txt
        l10n render -l ru -l de --published 2010-05-18T15:30:00+04:00 page.html
    """
    from l10n.config import load_config
    from l10n.render import RenderOptions, render_pages

    config = load_config()
    root, targets = _render_targets(locales, all_locales, catalogs, config)
    moment = _published(published)
    styles = config.extra.get("dateline-styles") or {}
    options = RenderOptions(catalogs=root, out=out, format=output_format, published=moment,
                            dateline_style=dateline_style, source_locale=source_locale,
                            styles=dict(styles))
    with _progress("rendering") as advance:
        reports = render_pages(list(pages), targets, options, progress=advance)
    if report_format == "json":
        click.echo(json.dumps({"pages": [r.to_dict() for r in reports]}, ensure_ascii=False,
                              indent=2))
        return
    for r in reports:
        click.echo(f"{r.output}: chrome {r.chrome_percent:.0f}% translated, "
                   f"article {r.article_percent:.0f}%")
        for line, text, why in r.untranslated:
            if why == "no catalog entry":
                click.echo(f"  {r.source}:{line}: kept as is ({why}): {text!r}")
        for line, text in r.unsafe:
            click.echo(f"  {r.source}:{line}: translation markup refused, escaped: {text!r}")


@cli.command()
@_render_targets_options
@click.option("--out", default="build", show_default=True, type=click.Path(file_okay=False),
              help="Output directory.")
@click.option("--published", help="Publication date and time (ISO 8601), when a page has none.")
def build(pages: tuple[str, ...], locales: tuple[str, ...], all_locales: bool,
          catalogs: str | None, out: str, published: str | None) -> None:
    """Render PAGES into every locale, write OUT/index.html, check the result for leaks and
    print a summary per locale.

    \b
    Example:
        l10n build --all samples/000_3b28b45df5788720.txt samples/001_seed_en.html
    """
    from l10n.build import build_pages
    from l10n.config import load_config
    from l10n.render import RenderOptions

    config = load_config()
    root, targets = _render_targets(locales, all_locales, catalogs, config)
    moment = _published(published)
    options = RenderOptions(catalogs=root, out=out, published=moment,
                            styles=dict(config.extra.get("dateline-styles") or {}))
    with _progress("building") as advance:
        result = build_pages(list(pages), targets, options, progress=advance)
    click.echo(f"{'locale':<9}{'pages':>6}{'chrome':>9}{'article':>9}{'errors':>8}"
               f"{'warnings':>10}")
    for s in result.summaries:
        click.echo(f"{s.locale:<9}{s.pages:>6}{s.chrome_percent:>8.0f}%{s.article_percent:>8.0f}%"
                   f"{s.errors:>8}{s.warnings:>10}")
    click.echo(f"pages in {result.out}/<locale>/; open {result.index}")


@cli.command()
@click.argument("source", type=click.Path())
@click.argument("targets", nargs=-1, required=True, type=click.Path())
@click.option("-l", "--locale", help="The editions' locale.  [default: what each declares]")
@_directory_option
@click.option("--pairs", "pairs_file", type=click.Path(dir_okay=False),
              help="A file of SOURCE TARGET lines, for sites whose editions' URLs differ.")
@click.option("--source-locale", default="en", show_default=True,
              help="The language of the source pages.")
@click.option("--no-articles", is_flag=True, help="Chrome, places and agencies only.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a catalog would change.")
def align(source: str, targets: tuple[str, ...], locale: str | None, directory: str | None,
          pairs_file: str | None, source_locale: str, no_articles: bool, check: bool) -> None:
    """Propose translations from editions of SOURCE in other languages (TARGET pages or
    directories), as fuzzy catalog entries.

    Pages are paired by their template (element paths, classes, link targets, order); each
    pair's chrome goes to the chrome catalog (keyed as extract keys it), dateline cities and
    agencies to places and agencies, and article text that pairs up surely to
    articles/<stem>. A translation is never replaced; conflicting editions are reported.

    \b
    Example:
        l10n align build/en/page.html build/de/page.html build/ru/page.html
        l10n align site/en site/de -d locales --check
    """
    from l10n.align.run import align_editions, report_lines
    from l10n.config import load_config

    report = align_editions(source, targets, _catalogs_dir(directory), locale=locale,
                            pairs_file=pairs_file, source_locale=source_locale,
                            allow=load_config().allow, articles=not no_articles, check=check)
    for line in report_lines(report, check=check):
        click.echo(line)
    if check and report.changed:
        raise SystemExit(1)


def _published(value: str | None) -> Any:
    """``--published`` as a datetime (None when not given)."""
    from datetime import datetime

    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date and time "
                                 "(e.g. 2010-05-18T15:30:00+04:00)",
                                 param_hint="--published") from None


class _progress:
    """A progress line on a terminal's stderr (pages, pages/s and ETA); nothing elsewhere."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = sys.stderr
        self.start = 0.0
        self.shown = 0.0

    def __enter__(self) -> Any:
        import time

        if not self.stream.isatty():
            return None
        self.start = self.shown = time.monotonic()
        return self.advance

    def advance(self, n: int) -> None:
        import time

        self.done += n
        now = time.monotonic()
        if now - self.shown < 0.2 and self.done != self.total:
            return
        self.shown = now
        rate = self.done / max(now - self.start, 1e-9)
        line = f"{self.label} {self.done}"
        if self.total:
            left = (self.total - self.done) / rate if rate else 0
            line += f"/{self.total} ({100 * self.done // self.total}%)"
            line += f", {rate:.0f} pages/s, ETA {int(left // 60)}m{int(left % 60):02d}s"
        else:
            line += f", {rate:.0f} pages/s"
        self.stream.write("\r" + line.ljust(72))
        self.stream.flush()

    def clear(self) -> None:
        """Blank the progress line (before other output reaches the same terminal)."""
        if self.start:
            self.stream.write("\r" + " " * 72 + "\r")
            self.shown = 0.0

    def __exit__(self, *exc: object) -> None:
        if self.stream.isatty() and self.start:
            self.stream.write("\n")
            self.stream.flush()


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--catalogs", type=click.Path(file_okay=False),
              help="The catalogs directory.  [default: [tool.l10n] catalogs, else locales]")
@click.option("--host", help="Address to listen on; a non-loopback address exposes the "
              "preview to the network.  [default: 127.0.0.1]")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--source-locale", help="The language of the source pages.  [default: en]")
@click.option("--quiet", is_flag=True, help="No access log.")
@click.option("--editions", multiple=True, type=click.Path(exists=True),
              help="Pages or directories of the pages' editions in other languages: /align/ "
                   "shows them beside each page with l10n align's proposals (repeatable).")
def preview(paths: tuple[str, ...], catalogs: str | None, host: str | None, port: int,
            source_locale: str | None, quiet: bool, editions: tuple[str, ...]) -> None:
    """Serve a local preview of every page in every locale, from the current .po files.

    Save a .po, reload the browser, see the change: no compile step. Views: the index
    (completion and leak counts), a page per locale, side by side, the check overlay and
    a pseudo-locale; with --editions, each page beside its editions in other languages
    and the translations they propose (accepted into the catalog with a click).

    \b
    Example:
        l10n preview samples --catalogs locales
        l10n preview site/en --editions site/de --editions site/ru
    """
    from l10n.preview.command import run

    run(paths, catalogs=catalogs, host=host, port=port, source_locale=source_locale,
        quiet=quiet, editions=editions)


def main() -> None:
    """Entry point of the ``l10n`` console script."""
    global _WHOLE_PROCESS
    _WHOLE_PROCESS = True
    try:
        try:
            cli(prog_name="l10n")
        finally:
            sys.stdout.flush()  # a full disk shows here, not as noise at interpreter exit
            _settled()  # the process ends: its objects need no collection on the way out
    except OSError as exc:  # standard output: /dev/full, a full disk, a closed pipe
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE):
            raise
        # What stdout still buffers would fail again at exit: let it go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if exc.errno == errno.EPIPE:  # the reader left (| head): quiet, as click does
            raise SystemExit(1) from None
        click.echo(f"l10n: <stdout>: cannot write: {exc.strerror}; the output is incomplete",
                   err=True)
        raise SystemExit(2) from None
