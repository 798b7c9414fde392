"""Writing documents so that a failure never leaves a half-written file.

The content goes to a temporary file in the target's folder, is flushed to disk,
then renamed over the target in one step and the folder entry made durable.  If
rendering fails or is cancelled, the temporary file is removed and whatever was
at the target before is left as it was.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from models.errors import N_, DiskFull, UserError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _write_error(exc: OSError, path: Path) -> UserError:
    if exc.errno in _DISK_FULL:
        return DiskFull(
            N_("The disk is full: {path} was not written. Free some space and try again."),
            path=str(path),
        )
    reason = exc.strerror or str(exc) or type(exc).__name__
    return UserError(N_("Could not write {path}: {reason}"), path=str(path), reason=reason)


def _open_temporary(path: Path) -> tuple[int, Path]:
    """A new file next to ``path``, created exclusively, mode 0666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(candidate, flags, 0o666), candidate
        except FileExistsError:
            continue


def sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open a folder for this."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: Path, render: Callable[[BinaryIO], object]) -> None:
    """Call ``render`` with a binary stream and put what it wrote at ``path``.

    All or nothing: on any exception (including ``Cancelled``) no temporary file
    remains and an existing file at ``path`` is unchanged.  A full disk raises
    ``DiskFull``, any other OS error a ``UserError`` naming the path and reason;
    other exceptions pass through.
    """
    path = Path(path)
    try:
        fd, temporary = _open_temporary(path)
    except OSError as exc:
        raise _write_error(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            render(stream)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except BaseException as exc:
        with suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise _write_error(exc, path) from exc
        raise
    sync_folder(path.parent)


def write_pdf_atomically(path: Path, render: Callable[[BinaryIO], object]) -> None:
    """:func:`write_atomically` for a PDF (``render`` is e.g. a partial of
    ``models.labels.render_labels`` or ``models.receipt.render_receipt``)."""
    write_atomically(path, render)
