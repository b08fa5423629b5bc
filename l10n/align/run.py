"""``l10n align``: pair pages with their editions and write what they show into the catalogs.

:func:`align_editions` reads the source pages, finds each one's editions
(:mod:`l10n.align.twins`), collects the proposals of every pair
(:mod:`l10n.align.proposals`), settles them per locale and entry, and writes them
(:mod:`l10n.align.write`) into ``<directory>/<locale>/LC_MESSAGES/<domain>.po``:

* the **locale** of an edition is the one it declares (``<html lang>`` and the other
  declarations the reader knows), or ``locale`` for every edition;
* one entry, several pages: the same text everywhere makes one proposal, with the best score
  and its place; **different texts** for one entry (two German texts for one msgid) are a
  :class:`Conflict`, reported and not written;
* a missing template is written as ``l10n extract`` writes it (from the source pages), a
  missing catalog as ``l10n init`` does; only catalogs that receive proposals are touched.
  Every catalog is prepared before the first is written, and with ``check`` none is.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from l10n.align.proposals import (
    Edition,
    Proposal,
    Unpaired,
    _Checks,
    chrome_keys,
    extracted_keys,
    propose,
)
from l10n.align.twins import alternate_links, find_twins, page_files, read_pairs
from l10n.align.write import Outcome, State, write_proposals
from l10n.errors import InputError
from l10n.locales import language_of, parse_locale

__all__ = [
    "AlignReport",
    "CatalogResult",
    "Conflict",
    "align_editions",
    "catalog_locale",
    "edition_name",
    "read_edition",
    "report_lines",
    "settle",
    "write_settled",
]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Editions that show different texts for one entry: ``variants`` are (text, where)."""

    locale: str
    domain: str
    msgctxt: str | None
    msgid: str
    variants: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        shown = ", ".join(f"{text!r} ({where})" for text, where in self.variants)
        context = f" (msgctxt {self.msgctxt!r})" if self.msgctxt else ""
        return f"{self.locale}: {self.domain}: conflicting twins for {self.msgid!r}{context}: " \
               f"{shown}; not proposed"


@dataclass(frozen=True, slots=True)
class CatalogResult:
    """One catalog: where, whether it (would have) changed, and the outcome of each
    proposal."""

    path: str
    locale: str
    domain: str
    changed: bool
    created: bool
    outcomes: tuple[Outcome, ...]

    def count(self, state: State) -> int:
        return sum(1 for o in self.outcomes if o.state is state)


@dataclass
class AlignReport:
    """What ``align`` did: the catalogs, the conflicts, the strings left without a
    proposal, the pages without an edition and the pairs read."""

    catalogs: list[CatalogResult] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unpaired: list[Unpaired] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    pairs: int = 0

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.catalogs)


def read_edition(path: str, name: str, locale: str | None = None) -> Edition:
    """The page at ``path`` read with its tree; ``locale`` overrides what it declares."""
    from l10n.files import read_file
    from l10n.readers.decode import decode_page
    from l10n.readers.html import read_html_document

    text = decode_page(read_file(path, what="page"), path)
    document = read_html_document(text, path)
    declared = locale or document.page.locale
    if not declared:
        raise InputError("the page declares no language", path=path,
                         hint="give its locale with -l LOCALE")
    try:
        code = parse_locale(declared)
    except InputError:
        raise
    except Exception as exc:  # UnknownLocaleError: name the page that declares it
        raise InputError(f"the page declares an unknown language {declared!r}", path=path,
                         hint="give its locale with -l LOCALE") from exc
    return Edition(document, code, name)


def catalog_locale(locale: str, directory: str | os.PathLike[str]) -> str:
    """The catalogs' name for ``locale``: its language when the catalogs have that and not
    the locale itself (an edition declaring ``de-DE`` feeds ``locales/de``)."""
    language = language_of(locale)
    root = Path(directory)
    if language != locale and not (root / locale).is_dir() and (root / language).is_dir():
        return language
    return locale


def edition_name(path: str, root: str) -> str:
    """How proposals cite an edition: a TARGET page as given, a page found in a TARGET
    directory by the directory's name and its path in it (``de/page.html``)."""
    if not Path(root).is_dir():
        return Path(path).as_posix()
    return (Path(Path(root).resolve().name) / os.path.relpath(path, root)).as_posix()


def align_editions(
    source: str,
    targets: Sequence[str],
    directory: str | os.PathLike[str],
    *,
    locale: str | None = None,
    pairs_file: str | None = None,
    source_locale: str = "en",
    allow: Collection[str] = (),
    articles: bool = True,
    check: bool = False,
) -> AlignReport:
    """Align the page(s) at ``source`` with their editions under ``targets`` and write the
    proposals into the catalogs under ``directory`` (see the module docstring)."""
    from l10n.catalogs.extract import extract_pages

    parse_locale(source_locale)
    if locale is not None:
        parse_locale(locale)
    sources = page_files(source)
    if not sources:
        raise InputError("no HTML pages to align", path=source,
                         hint="give an HTML page or a directory of them")
    for target in targets:
        page_files(target)  # exists
    pairs = read_pairs(pairs_file) if pairs_file else []
    originals = {path: read_edition(path, path, source_locale) for path in sources}
    extraction = extract_pages([e.document.page for e in originals.values()],
                               source_locale=source_locale)
    twins, missing = find_twins(
        sources, targets, pairs=pairs, source_root=source if Path(source).is_dir() else None,
        alternates={path: alternate_links(e.document.root) for path, e in originals.items()})
    report = AlignReport(missing=missing)
    checks = _Checks(source_locale, allow)
    kept = extracted_keys(extraction)
    keys = {path: chrome_keys(extraction, e.document, source_locale, kept=kept)
            for path, e in originals.items()}
    found: list[Proposal] = []
    for twin in twins:
        edition = read_edition(twin.target, edition_name(twin.target, twin.root), locale)
        edition = replace(edition, locale=catalog_locale(edition.locale, directory))
        if language_of(edition.locale) == language_of(source_locale):
            report.missing.append((twin.source, twin.target))
            continue
        original = originals[twin.source]
        # Keys are the whole extraction's: a string skipped on one page is skipped on all.
        domain = f"articles/{Path(twin.source).stem}" if articles else None
        proposals, unpaired = propose(original, edition, extraction,
                                      source_locale=source_locale, allow=allow,
                                      articles=domain, checks=checks,
                                      keys=keys[twin.source])
        found.extend(proposals)
        report.unpaired.extend(unpaired)
        report.pairs += 1
    settled, report.conflicts = settle(found)
    proposed = {(p.locale, *p.key) for p in settled}
    report.unpaired = _dedupe([u for u in report.unpaired
                               if (u.locale, u.domain, u.msgctxt, u.msgid) not in proposed])
    report.catalogs = write_settled(settled, directory, extraction, originals, check=check)
    return report


def settle(proposals: Sequence[Proposal]) -> tuple[list[Proposal], list[Conflict]]:
    """One proposal per (locale, entry): the texts agree (plural forms merge), the best
    score and its place win; entries shown with different texts are conflicts."""
    groups: dict[tuple[str, str, str | None, str], list[Proposal]] = {}
    for proposal in proposals:
        groups.setdefault((proposal.locale, *proposal.key), []).append(proposal)
    settled: list[Proposal] = []
    conflicts: list[Conflict] = []
    for group in groups.values():
        best = max(group, key=lambda p: p.score)  # the first of the best
        if group[0].msgid_plural is not None:
            forms = _merge_forms(group)
            if forms is None:
                conflicts.append(_conflict(group))
                continue
            best = replace(best, msgstr=forms[0], msgstr_plural=forms)
        elif len({p.msgstr for p in group}) > 1:
            conflicts.append(_conflict(group))
            continue
        settled.append(best)
    return settled, conflicts


def _merge_forms(group: Sequence[Proposal]) -> tuple[str, ...] | None:
    """The plural forms the proposals show together; None when two disagree."""
    size = max(len(p.msgstr_plural) for p in group)
    forms = [""] * size
    for proposal in group:
        for index, form in enumerate(proposal.msgstr_plural):
            if form and forms[index] and forms[index] != form:
                return None
            forms[index] = forms[index] or form
    return tuple(forms)


def _conflict(group: Sequence[Proposal]) -> Conflict:
    variants: dict[str, str] = {}
    for proposal in group:
        text = " | ".join(proposal.msgstr_plural) if proposal.msgid_plural is not None \
            else proposal.msgstr
        variants.setdefault(text, proposal.where)
    first = group[0]
    return Conflict(first.locale, first.domain, first.msgctxt, first.msgid,
                    tuple(variants.items()))


def _dedupe(unpaired: Sequence[Unpaired]) -> list[Unpaired]:
    """One line per (locale, entry): the first reason met."""
    seen: set[tuple[str, str, str | None, str]] = set()
    out = []
    for item in unpaired:
        key = (item.locale, item.domain, item.msgctxt, item.msgid)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _now() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` (reproducible catalogs, as ``extract`` does)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def write_settled(settled: Sequence[Proposal], directory: str | os.PathLike[str],
                  extraction: object, originals: dict[str, Edition], *, check: bool = False,
                  accept: bool = False) -> list[CatalogResult]:
    """Create the missing templates and catalogs (as ``extract`` from the ``originals``, and
    ``init``, would) and write the proposals, catalog by catalog in a stable order; every
    input is read before the first file is written. ``accept`` writes them as an editor's
    translations (the preview's *Accept*), not fuzzy."""
    from l10n.catalogs.create import new_catalog
    from l10n.catalogs.extract import (
        Extraction,
        article_messages,
        creation_date,
        render_template,
        template_catalog,
    )
    from l10n.catalogs.layout import Parsed, catalog_path, template_path
    from l10n.files import read_file, write_atomic
    from l10n.po import Catalog, read_po, write_po

    assert isinstance(extraction, Extraction)
    by_catalog: dict[tuple[str, str], list[Proposal]] = {}
    for proposal in settled:
        by_catalog.setdefault((proposal.locale, proposal.domain), []).append(proposal)
    stems = {f"articles/{Path(path).stem}": e for path, e in originals.items()}
    templates: dict[str, tuple[bytes, bool]] = {}
    template_catalogs: dict[str, Catalog] = {}
    plan = []
    for locale, domain in sorted(by_catalog):
        pot = template_path(directory, domain)
        if domain not in templates:
            if pot.is_file():
                templates[domain] = (read_file(pot, what="template"), False)
            elif domain.startswith("articles/"):
                messages = article_messages(stems[domain].document.page)
                templates[domain] = (write_po(template_catalog(
                    messages, domain, created=creation_date())), True)
            else:
                templates[domain] = (render_template(extraction, domain, None, str(pot))[0],
                                     True)
        po = catalog_path(directory, locale, domain)
        new = parsed = None
        if not po.exists():
            if domain not in template_catalogs:
                template_catalogs[domain] = read_po(templates[domain][0], str(pot))
            new = new_catalog(template_catalogs[domain], locale, now=_now())
        else:  # a malformed one stops the run; the writer reuses the parse
            data = read_file(po, what="catalog")
            parsed = Parsed(data, read_po(data, str(po)))
        plan.append((locale, domain, po, new, parsed))
    if not check:
        for domain, (data, created) in sorted(templates.items()):
            if created:
                write_atomic(template_path(directory, domain), data)
    results = []
    for locale, domain, po, new, parsed in plan:
        changed, outcomes = write_proposals(po, by_catalog[locale, domain], new=new,
                                            parsed=parsed, check=check, accept=accept)
        results.append(CatalogResult(str(po), locale, domain, changed, new is not None,
                                     tuple(outcomes)))
    return results


def report_lines(report: AlignReport, *, check: bool = False) -> list[str]:
    """The report as ``l10n align`` prints it: a line per catalog (what became of its
    proposals), then the conflicts, the strings left without a proposal and the pages
    without an edition, then the number of page pairs."""
    lines = []
    for result in report.catalogs:
        counts = [f"{result.count(state)} {state.value}" for state in State
                  if result.count(state)]
        verb = ("would be created" if check else "created") if result.created else \
            ("would change" if check else "written") if result.changed else "unchanged"
        lines.append(f"{result.path}: {verb} ({', '.join(counts) or 'nothing to propose'})")
    lines.extend(f"conflict: {conflict}" for conflict in report.conflicts)
    lines.extend(str(item) for item in report.unpaired)
    lines.extend(f"{source}: no edition in {target}" for source, target in report.missing)
    lines.append(f"{report.pairs} page pairs aligned")
    return lines
