"""Writing files so that a crash never leaves half of one: temporary file, fsync, rename.

Every file l10n writes (catalogs, ``.mo``, rendered pages, baselines) goes through
:func:`write_atomic`. A failure (disk full, read-only directory) leaves the old file as it was
and becomes an :class:`~l10n.errors.InputError` naming the path. A writer killed midway leaves
at most its temporary file, ``.<name>.XXXXXXXX.tmp``; the next run that writes ``<name>`` there
removes it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from l10n.errors import InputError

__all__ = ["read_file", "write_atomic"]

# Called with the temporary file's path once it is open (tests use it to kill a writer there).
_HOOKS: list[Callable[[str], None]] = []
# Temporary files (``.<name>.XXXXXXXX.tmp``, as mkstemp names them) older than this process,
# unlocked, were left by a killed writer: the first write of ``<name>`` removes them (see
# _sweep).
_STARTED = time.time()
_TEMPORARY = re.compile(r"\.(.+)\.[a-z0-9_]{8}\.tmp")
_STALE: dict[str, dict[str, list[str]]] = {}


def read_file(
    path: str | os.PathLike[str],
    *,
    what: str = "file",
    missing: str = "no such file",
    hint: str | None = "check the path",
    directory_hint: str | None = None,
) -> bytes:
    """The bytes of ``path``; an :class:`~l10n.errors.InputError` naming it when it is missing
    (``missing``, ``hint``), a directory (not a ``what``; ``directory_hint``) or unreadable."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(missing, path=name, hint=hint) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a {what}", path=name,
                         hint=directory_hint) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=name) from None


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (same directory, then ``os.replace``)."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = _temporary_file(directory, target.name)
    except OSError as exc:
        raise _error(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            # Locked until renamed, so that no other run takes it for a killed writer's.
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX)
            for hook in _HOOKS:
                hook(temporary)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            elif target.exists():
                os.chmod(temporary, target.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temporary, 0o666 & ~umask)
            os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _error(exc, target) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sweep(directory, target.name)


_NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
# Random bytes below this map evenly onto the name characters (the rest are drawn again).
_EVEN_BYTES = 256 - 256 % len(_NAME_CHARACTERS)


def _temporary_file(directory: Path, name: str) -> tuple[int, str]:
    """A new file ``.<name>.XXXXXXXX.tmp`` in ``directory`` (its absolute path), created
    exclusively and private to this user, as ``tempfile.mkstemp`` makes it (without importing
    ``tempfile``, which brings ``shutil`` and ``random`` and costs a catalog command 4 ms of
    its start-up)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(100):
        drawn = [byte for byte in os.urandom(16) if byte < _EVEN_BYTES][:8]
        if len(drawn) < 8:
            continue
        suffix = "".join(_NAME_CHARACTERS[byte % len(_NAME_CHARACTERS)] for byte in drawn)
        path = os.path.abspath(os.path.join(directory, f".{name}.{suffix}.tmp"))
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise OSError(errno.EAGAIN, "no free temporary file name after 100 tries", str(directory))


def _sweep(directory: Path, name: str) -> None:
    """Remove the temporary files of ``name`` that writers killed (SIGKILL, power loss) before
    this process started left in ``directory``; one still locked is a live writer's and stays.
    The directory is listed once per process."""
    key = os.path.abspath(directory)
    stale = _STALE.get(key)
    if stale is None:
        stale = _STALE[key] = {}
        with contextlib.suppress(OSError), os.scandir(directory) as entries:
            for entry in entries:
                match = _TEMPORARY.fullmatch(entry.name)
                if match and entry.stat(follow_symlinks=False).st_mtime < _STARTED:
                    stale.setdefault(match[1], []).append(entry.path)
    for temporary in stale.pop(name, ()):
        with contextlib.suppress(OSError):
            fd = os.open(temporary, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os.unlink(temporary)
            finally:
                os.close(fd)


def _error(exc: OSError, target: Path) -> InputError:
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):  # mkdir met a file on the way
        return InputError("cannot write: a directory on its path is a file", path=str(target),
                          hint="choose another output path")
    if exc.errno == errno.EISDIR:
        return InputError("cannot write: it is a directory", path=str(target),
                          hint="give the path of a file")
    reasons = {
        errno.ENOSPC: ("no space left on the device", "free some space and run again"),
        errno.EROFS: ("the file system is read-only", "write to a writable directory"),
        errno.EACCES: ("permission denied", "check the directory's permissions"),
        errno.EDQUOT: ("disk quota exceeded", "free some space and run again"),
    }
    message, hint = reasons.get(exc.errno or 0, (f"cannot write: {exc.strerror}", None))
    return InputError(f"{message}; the old file is unchanged", path=str(target), hint=hint)
