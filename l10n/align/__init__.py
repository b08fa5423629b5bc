"""Aligning a page with its editions in other languages, to propose catalog translations.

Sites that already publish editions built from one template hold, page by page, the
translations their catalogs lack: ``l10n align`` pairs the blocks of a source page with its
editions' (:mod:`l10n.align.pairing`), keys them as ``l10n extract`` does and checks the text
(:mod:`l10n.align.proposals`), finds the editions (:mod:`l10n.align.twins`) and writes the
proposals as fuzzy entries (:mod:`l10n.align.write`); :func:`align_editions` does it all.
"""

from l10n.align.proposals import Edition, Proposal, Unpaired, propose
from l10n.align.run import AlignReport, CatalogResult, Conflict, align_editions, read_edition
from l10n.align.write import Outcome, State, apply_proposals, write_proposals

__all__ = [
    "AlignReport",
    "CatalogResult",
    "Conflict",
    "Edition",
    "Outcome",
    "Proposal",
    "State",
    "Unpaired",
    "align_editions",
    "apply_proposals",
    "propose",
    "read_edition",
    "write_proposals",
]
