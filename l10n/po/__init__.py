"""The PO format: the project's one reader and writer of gettext catalogs, lossless and
byte-compatible with GNU gettext.

Every catalog l10n touches goes through :func:`read_po` and :func:`write_po`: checks, catalog
workflows, rendering and the preview. The package knows the format alone (no pages, no
languages, no files on disk) and sits below everything that uses it:

* :mod:`l10n.po.model`: :class:`Message` and :class:`Catalog`;
* :mod:`l10n.po.read`: charsets, decoding and the parser;
* :mod:`l10n.po.write`: entries written back byte for byte, or exactly as ``msgcat`` would;
* :mod:`l10n.po.linebreak` and :mod:`l10n.po.directives`: where ``msgcat`` breaks lines.
"""

from __future__ import annotations

from l10n.po.model import Catalog, Message
from l10n.po.read import read_po
from l10n.po.write import format_message, write_po

__all__ = ["Catalog", "Message", "format_message", "read_po", "write_po"]
