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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from l10n.po.model import Catalog, Message
    from l10n.po.read import read_po
    from l10n.po.write import format_message, write_po

__all__ = ["Catalog", "Message", "format_message", "read_po", "write_po"]

# Each name is imported from its module on first use: a job that only reads catalogs does not
# load the writer's line breaking tables.
_HOMES = {"Catalog": "l10n.po.model", "Message": "l10n.po.model", "read_po": "l10n.po.read",
          "format_message": "l10n.po.write", "write_po": "l10n.po.write"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'l10n.po' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
