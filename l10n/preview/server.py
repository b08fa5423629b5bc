"""Serving the preview: a threading :mod:`wsgiref` server on a loopback address.

:func:`make_server` refuses a non-loopback host unless the caller says it was given on purpose
(``explicit_host=True``: the user typed ``--host``), so a default never exposes the catalogs
and pages to the network.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _wsgiref_server

from l10n.errors import UsageError

__all__ = ["is_loopback", "make_server", "serve"]


class _Server(ThreadingMixIn, WSGIServer):
    """One thread per request, so the index's leak counts fill in while pages load."""

    daemon_threads = True
    allow_reuse_address = True


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(WSGIRequestHandler):
    """wsgiref's handler; quiet (no access log) when the server says so."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - wsgiref's name
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.0/8``, ``::1``)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def make_server(app: object, host: str = "127.0.0.1", port: int = 8000, *,
                explicit_host: bool = False, quiet: bool = False) -> WSGIServer:
    """A bound server for ``app`` (port 0: any free port, see ``server.server_port``)."""
    if not is_loopback(host) and not explicit_host:
        raise UsageError(f"refusing to serve the preview on {host!r}, which is not a loopback "
                         "address", hint="pass the host explicitly (--host) to expose it")
    server_class = _Server6 if ":" in host.strip("[]") else _Server
    server = _wsgiref_server(host.strip("[]"), port, app, server_class=server_class,
                             handler_class=_Handler)
    server.quiet = quiet  # type: ignore[attr-defined]
    return server


def serve(app: object, host: str = "127.0.0.1", port: int = 8000, *,
          explicit_host: bool = False, quiet: bool = False) -> None:
    """Serve ``app`` until interrupted (Ctrl+C)."""
    server = make_server(app, host, port, explicit_host=explicit_host, quiet=quiet)
    shown = f"[{host.strip('[]')}]" if ":" in host.strip("[]") else host
    print(f"l10n preview: http://{shown}:{server.server_port}/ (Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    if not is_loopback(host):
        print("l10n preview: warning: not a loopback address; anyone who can reach it can read "
              "the pages and catalogs", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
