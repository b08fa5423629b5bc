"""``l10n preview``: a local web app where editors and translators see pages as they will be
published, in every locale, straight from the ``.po`` files.

The app is a plain WSGI callable served by the standard library (:mod:`wsgiref` with a
threading server): it is a local single-user tool, WSGI apps are tested in-process without a
socket (and checked with :mod:`wsgiref.validate`), and it adds no dependency to the package.
Pages are rendered by the same library as ``l10n render``, from the catalogs on disk at each
request (cached by file size and mtime), so a saved ``.po`` shows on the next reload.

* :func:`make_app` builds the app for some pages and a catalogs directory;
* :func:`serve` serves it on ``127.0.0.1`` (a non-loopback host only when given explicitly);
* ``python -m l10n.preview [PATH...] [--catalogs DIR] [--host H] [--port P]`` runs it.

Routes are listed in :mod:`l10n.preview.app`.
"""

from __future__ import annotations

from l10n.preview.app import LOOPBACK_HOSTS, PreviewApp, make_app
from l10n.preview.server import is_loopback, make_server, serve

__all__ = ["LOOPBACK_HOSTS", "PreviewApp", "is_loopback", "make_app", "make_server", "serve"]
