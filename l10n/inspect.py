"""The human-readable view of a :class:`~l10n.page.Page` printed by ``l10n inspect``."""

from __future__ import annotations

from l10n.page import Block, Page

__all__ = ["format_page"]


def format_page(page: Page) -> str:
    """A header line with the page's facts (and lines for its title, byline and language
    declaration when it has them), then one line per block: position, role, text."""
    meta = page.meta
    published = meta.published or meta.published_date  # a date alone when no time is known
    facts = [
        f"format: {page.format}",
        f"locale: {page.locale or '-'}",
        f"site: {meta.site or '-'}",
        f"section: {meta.section or '-'}",
        f"published: {published.isoformat() if published else '-'}",
    ]
    lines = [page.path, "  " + " · ".join(facts)]
    if meta.title:
        lines.append(f"  title: {meta.title}")
    if meta.byline:
        lines.append(f"  byline: {meta.byline}")
    declared = []
    if meta.language:
        declared.append(f"language: {meta.language} ({meta.language_source})")
    if meta.direction:
        declared.append(f"dir: {meta.direction}")
    if declared:
        lines.append("  " + " · ".join(declared))
    width = max((len(f"{b.line}:{b.column}") for b in page.blocks), default=3)
    for block in page.blocks:
        lines.append("  " + _block_line(block, width))
    return "\n".join(lines)


def _block_line(block: Block, width: int) -> str:
    where = f"{block.line}:{block.column}".rjust(width)
    text = block.text
    if block.attribute:
        text = f"[{block.attribute}] {text}"
    notes = []
    if block.repeat_of is not None:
        notes.append(f"repeats #{block.repeat_of}")
    if not block.translatable:
        notes.append("translate=no")
    if block.lang:
        notes.append(f"lang={block.lang}")
    if block.dateline is not None:
        d = block.dateline
        parts = [f"city={d.city}" if d.city else None,
                 f"region={d.region}" if d.region else None,
                 f"date={d.year or '????'}-{d.month or 0:02d}-{d.day or 0:02d}"
                 if d.month else None,
                 f"agency={d.agency}" if d.agency else None,
                 f"style={d.style}"]
        notes.append(" ".join(p for p in parts if p))
    suffix = f"  ({'; '.join(notes)})" if notes else ""
    return f"{where}  {block.role.value:<9}  {text}{suffix}"
