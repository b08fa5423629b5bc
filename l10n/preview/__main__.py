"""``python -m l10n.preview [PATH...] [--catalogs DIR] [--host H] [--port P]``: the same as
``l10n preview`` (see :mod:`l10n.preview.command`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from l10n.errors import L10nError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m l10n.preview",
        description="Preview pages in every locale, from the .po files, in a local web app.")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="pages or directories [default: [tool.l10n] pages, else samples]")
    parser.add_argument("--catalogs", help="the catalogs directory [default: locales]")
    parser.add_argument("--host", help="address to listen on [default: 127.0.0.1]; a "
                        "non-loopback address exposes the preview")
    parser.add_argument("--port", type=int, default=8000, help="port [default: 8000]")
    parser.add_argument("--source-locale", help="the language of the source pages [default: en]")
    parser.add_argument("--quiet", action="store_true", help="no access log")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from l10n.preview.command import run

    args = _parser().parse_args(argv)
    try:
        run(args.paths, catalogs=args.catalogs, host=args.host, port=args.port,
            source_locale=args.source_locale, quiet=args.quiet)
    except L10nError as error:
        print(f"l10n: {error}", file=sys.stderr)
        return error.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
