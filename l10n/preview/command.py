"""What ``l10n preview`` and ``python -m l10n.preview`` run: defaults from ``[tool.l10n]``, the
app, the server.

PATH defaults to ``[tool.l10n] pages`` (relative to its ``pyproject.toml``), else ``samples``;
the catalogs to ``--catalogs``, ``[tool.l10n] catalogs``, else ``locales``. A host given
explicitly may be a non-loopback address (the app then answers any ``Host`` header); without
one the preview listens on ``127.0.0.1`` only.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Sequence
from pathlib import Path

from l10n.config import Config, load_config
from l10n.errors import InputError, UsageError

__all__ = ["DEFAULT_HOST", "default_pages", "run"]

DEFAULT_HOST = "127.0.0.1"


def default_pages(config: Config) -> list[str]:
    """``[tool.l10n] pages`` relative to its file, else ``samples``."""
    pages = config.extra.get("pages")
    if not pages:
        return ["samples"]
    base = Path(config.path or ".").parent
    return [str(base / p) for p in ([pages] if isinstance(pages, str) else pages)]


def run(paths: Sequence[str] = (), *, catalogs: str | None = None, host: str | None = None,
        port: int = 8000, source_locale: str | None = None, quiet: bool = False,
        editions: Sequence[str] = ()) -> None:
    """Serve the preview until interrupted; ``host`` None is 127.0.0.1 (not explicit)."""
    from l10n.preview import LOOPBACK_HOSTS, is_loopback, make_app, serve

    config = load_config()
    bind = host or DEFAULT_HOST
    if catalogs is not None and not Path(catalogs).is_dir():
        raise InputError("catalog directory not found", path=catalogs,
                         hint="give the directory that holds <lang>/LC_MESSAGES/*.po")
    app = make_app(
        list(paths) or default_pages(config),
        catalogs or config.catalogs or str(config.extra.get("directory") or "locales"),
        source_locale=source_locale or config.source_locale or "en",
        allow=config.allow,
        styles=dict(config.extra.get("dateline-styles") or {}),
        allowed_hosts=LOOPBACK_HOSTS if is_loopback(bind) else None,
        editions=editions,
    )
    try:
        serve(app, bind, port, explicit_host=host is not None, quiet=quiet)
    except OSError as error:
        address = isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL
        raise UsageError(f"cannot listen on {bind}:{port}: {error.strerror or error}",
                         hint="check --host: it must be an address of this machine" if address
                         else "choose another --port") from None
