"""What a run reads: files, directories (walked recursively, in sorted order), standard input
and the HTML responses of WARC crawls, each a :class:`Target` carrying its bytes or where to
read them; a crawl of any size streams through."""

from __future__ import annotations

import contextlib
import fnmatch
import io
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import InputError, L10nError

__all__ = ["Target", "iter_targets", "iter_warc"]


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to check: a file on disk, or bytes already read (stdin, a WARC record), or
    the error that made a file unreadable (a broken WARC), reported in its turn."""

    label: str
    path: Path | None = None
    data: bytes | None = None
    error: L10nError | None = None

    @property
    def is_catalog(self) -> bool:
        return self.label.endswith((".po", ".pot"))

    def read(self) -> bytes:
        """The target's bytes (read from disk unless carried)."""
        if self.error is not None:
            raise self.error
        if self.data is not None:
            return self.data
        assert self.path is not None
        try:
            return self.path.read_bytes()
        except IsADirectoryError:
            raise InputError("is a directory, not a file", path=self.label) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=self.label) from None


_WARC_SUFFIXES = (".warc", ".warc.gz")


def iter_targets(
    paths: Sequence[str], include: Sequence[str], exclude: Sequence[str], *,
    expand: bool = True,
) -> Iterator[Target]:
    """Every target under ``paths``, lazily (a crawl of any size streams through).

    A directory is walked recursively in sorted order, its files labelled with the path as
    given joined with their relative path; ``-`` is standard input; a WARC file yields its
    HTML responses, labelled with each record's URL (or, without ``expand``, itself).
    """
    unfold = _expand if expand else _itself
    for given in paths:
        if given == "-":
            yield Target("<stdin>", data=sys.stdin.buffer.read())
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    full = Path(root) / name
                    label = os.path.join(given, os.path.relpath(full, path))
                    if _wanted(label, name, (*include, "*.warc", "*.warc.gz"), exclude):
                        yield from unfold(Target(label, full))
        elif path.exists():
            if not any(fnmatch.fnmatch(given, pattern) for pattern in exclude):
                yield from unfold(Target(given, path))
        else:
            raise InputError("no such file or directory", path=given, hint="check the path")


def _itself(target: Target) -> Iterator[Target]:
    yield target


def _expand(target: Target) -> Iterator[Target]:
    if target.path is not None and target.label.endswith(_WARC_SUFFIXES):
        try:
            yield from iter_warc(target.path, target.label)
        except InputError as error:  # checked in its turn, so a crawl goes on past it
            yield Target(target.label, error=error)
    else:
        yield target


def iter_warc(path: Path, label: str) -> Iterator[Target]:
    """The HTML responses of a WARC file, one target per record, labelled with its URL.

    A file whose records are not WARC records (warcio would also read ARC, and takes almost
    any text for one) is an error; warcio's notes about a record's missing trailing newline
    are dropped (the record itself reads fine).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    not_warc = InputError("not a WARC file (records must start with WARC/1.x)", path=label,
                          hint="give a WARC (.warc or .warc.gz) file")
    _verify_warc(path, label)
    try:
        with path.open("rb") as stream:
            records = iter(ArchiveIterator(stream))
            while True:
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                if record is None:
                    return
                if not record.format.startswith("warc"):
                    raise not_warc
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in kind:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or label
                yield Target(url, data=record.content_stream().read())
    except (ArchiveLoadFailed, EOFError, ValueError, OSError, zlib.error, AttributeError):
        raise not_warc from None


def _verify_warc(path: Path, label: str) -> None:
    """Walk the records once (headers, then exactly Content-Length bytes, then CRLF CRLF):
    warcio reads a truncated file as if it ended early, and a build gate must not pass a
    crawl it only half read."""
    import gzip

    def fail(problem: str, hint: str = "re-fetch or re-write the WARC file") -> InputError:
        return InputError(problem, path=label, hint=hint)

    with path.open("rb") as raw:
        zipped = raw.read(2) == b"\x1f\x8b"
    try:
        with (gzip.open(path, "rb") if zipped else path.open("rb")) as stream:
            offset = 0
            while True:
                first = stream.readline()
                if not first:
                    return
                if not first.startswith(b"WARC/1."):
                    where = " of the uncompressed data" if zipped else ""
                    raise fail(f"not a WARC file: no WARC/1.x record at byte {offset}{where}",
                               "give a WARC (.warc or .warc.gz) file")
                length, size = None, len(first)
                while True:
                    line = stream.readline()
                    size += len(line)
                    if not line.endswith(b"\n"):
                        raise fail(f"the record at byte {offset} is truncated (in its headers)")
                    if line in (b"\r\n", b"\n"):
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length is None:
                    raise fail(f"the record at byte {offset} has no Content-Length")
                remaining = length
                while remaining:
                    chunk = stream.read(min(remaining, 1 << 20))
                    if not chunk:
                        raise fail(f"the record at byte {offset} is truncated: Content-Length "
                                   f"{length}, {length - remaining} bytes present")
                    remaining -= len(chunk)
                if stream.read(4) != b"\r\n\r\n":
                    raise fail(f"the record at byte {offset} does not end where its "
                               f"Content-Length ({length}) says")
                offset += size + length + 4
    except (EOFError, gzip.BadGzipFile, zlib.error):
        raise fail("the gzip data is truncated or damaged") from None
    except ValueError:
        raise fail("a record's Content-Length is not a number") from None


def _wanted(label: str, name: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    if any(fnmatch.fnmatch(label, p) or fnmatch.fnmatch(name, p) for p in exclude):
        return False
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(label, p) for p in include)
