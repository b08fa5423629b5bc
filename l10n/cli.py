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


def main() -> None:
    """Entry point of the ``l10n`` console script."""
    cli(prog_name="l10n")
