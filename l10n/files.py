"""Writing files so that a crash never leaves half of one: temporary file, fsync, rename.

Every file l10n writes (catalogs, ``.mo``, rendered pages, baselines) goes through
:func:`write_atomic`. A failure (disk full, read-only directory) leaves the old file as it was
and becomes an :class:`~l10n.errors.InputError` naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from l10n.errors import InputError

__all__ = ["write_atomic"]

# Called with the temporary file's path once it is open (tests use it to kill a writer there).
_HOOKS: list[Callable[[str], None]] = []


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` atomically (same directory, then ``os.replace``)."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=directory)
    except OSError as exc:
        raise _error(exc, target) from None
    try:
        for hook in _HOOKS:
            hook(temporary)
        with os.fdopen(fd, "wb") as handle:
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


def _error(exc: OSError, target: Path) -> InputError:
    reasons = {
        errno.ENOSPC: ("no space left on the device", "free some space and run again"),
        errno.EROFS: ("the file system is read-only", "write to a writable directory"),
        errno.EACCES: ("permission denied", "check the directory's permissions"),
        errno.EDQUOT: ("disk quota exceeded", "free some space and run again"),
    }
    message, hint = reasons.get(exc.errno or 0, (f"cannot write: {exc.strerror}", None))
    return InputError(f"{message}; the old file is unchanged", path=str(target), hint=hint)
