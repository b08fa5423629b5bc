"""Catalog workflows over the PO format (:mod:`l10n.po`): extract, init (create), update
(merge), compile, stats, and where catalogs live on disk (layout)."""
