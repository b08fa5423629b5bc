"""The ``l10n`` command line: click commands that parse options, call one library function each,
and format the result. Errors in what the user gave print one line and exit 2."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from l10n import __version__
from l10n.errors import L10nError


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
    from l10n.readers import parse_page, read_page

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
              type=click.Choice(["text", "json", "sarif", "github"]), help="Output format.")
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
def check(paths: tuple[str, ...], locale: str | None, source_locale: str | None,
          site_locales: str | None, catalogs: str | None, output_format: str, fail_on: str,
          baseline: str | None, write_baseline: str | None, allow: tuple[str, ...],
          include: tuple[str, ...], exclude: tuple[str, ...], severities: tuple[str, ...],
          jobs: int | None) -> None:
    """Find leaked, untranslated, garbled or half-built strings in PATHS.

    PATHS are HTML or scraped-text pages, .po/.pot catalogs, directories (read recursively)
    or - for standard input. Exit 0 when nothing is at or above --fail-on, 1 when something
    is, 2 on a usage or input error.

    \b
    Example:
        l10n check --locale en samples/000_3b28b45df5788720.txt
        l10n check --catalogs locales --format sarif build/ > l10n.sarif
    """
    import os

    from l10n.check.finding import Severity
    from l10n.check.report import (
        apply_baseline,
        format_github,
        format_json,
        format_sarif,
        format_text,
    )
    from l10n.check.report import (
        write_baseline as save_baseline,
    )
    from l10n.check.run import DEFAULT_INCLUDE, CheckOptions, check_paths
    from l10n.config import load_config

    config = load_config()
    severity = dict(config.severity)
    for item in severities:
        kind, sep, level = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not KIND=LEVEL", param_hint="--severity")
        severity[kind.strip()] = level.strip()
    languages = tuple(x.strip() for x in site_locales.split(",") if x.strip()) \
        if site_locales else config.locales
    options = CheckOptions(
        locale=locale,
        default_locale=config.locale,
        source_locale=source_locale or config.source_locale or "en",
        languages=languages or None,
        catalogs=catalogs or config.catalogs,
        allow=tuple(allow) + config.allow,
        severity=severity,
        include=tuple(include) or config.include or DEFAULT_INCLUDE,
        exclude=tuple(exclude) + config.exclude,
        jobs=jobs or os.cpu_count() or 1,
    )
    with _progress("checking") as advance:
        report = check_paths(paths, options, progress=advance)
    if write_baseline:
        save_baseline(report.findings, write_baseline)
        click.echo(f"l10n: recorded {len(report.findings)} findings in {write_baseline}",
                   err=True)
        return
    if baseline:
        report = apply_baseline(report, baseline)
    if output_format == "json":
        click.echo(format_json(report))
    elif output_format == "sarif":
        click.echo(format_sarif(report, version=__version__))
    elif output_format == "github":
        text = format_github(report)
        if text:
            click.echo(text)
    else:
        click.echo(format_text(report))
    raise SystemExit(report.exit_code(Severity(fail_on)))


class _progress:
    """A progress bar on a terminal's stderr (never with NO_COLOR's cousins: pipes, CI logs)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def __enter__(self) -> Any:
        stream = click.get_text_stream("stderr")
        if not stream.isatty():
            return None
        self.bar = click.progressbar(length=0, label=self.label, file=stream, show_pos=True)
        self.bar.__enter__()

        def advance(n: int) -> None:
            self.bar.length = max(self.bar.length, self.bar.pos + n)
            self.bar.update(n)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def main() -> None:
    """Entry point of the ``l10n`` console script."""
    cli(prog_name="l10n")
