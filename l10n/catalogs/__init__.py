"""Gettext catalogs: :mod:`l10n.catalogs.po` is the one PO reader and writer."""

from l10n.catalogs.po import Catalog, Message, format_message, read_po, write_po

__all__ = ["Catalog", "Message", "format_message", "read_po", "write_po"]
