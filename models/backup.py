"""Copies of the database file made with SQLite's online backup API.

Every copy is written beside its destination under a temporary name, synced to
disk and renamed into place, so a crash never leaves a half-written file.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.clock import utcnow
from models.errors import N_, DatabaseDamaged, DiskFull, UserError


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    integrity_ok: bool


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only, whatever characters it holds."""
    return f"{path.resolve().as_uri()}?mode=ro"


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _write_failed(exc: BaseException, destination: Path) -> UserError:
    text = str(exc).lower()
    if getattr(exc, "errno", None) == errno.ENOSPC or "full" in text:
        return DiskFull(
            N_("The disk is full: the backup was not written. Free some space and try again.")
        )
    if "not a database" in text or "malformed" in text:
        return DatabaseDamaged(
            N_("The database is damaged, so it cannot be copied this way: {reason}"),
            reason=str(exc),
        )
    reason = getattr(exc, "strerror", None) or str(exc)
    return UserError(
        N_("The backup could not be written to {path}: {reason}"),
        path=str(destination),
        reason=reason,
    )


@contextmanager
def _atomic_target(destination: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; rename it into place on success."""
    temp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    try:
        yield temp
        _fsync_file(temp)
        temp.replace(destination)
        fsync_dir(destination.parent)
    finally:
        temp.unlink(missing_ok=True)


def backup_sqlite(source: Path, destination: Path) -> BackupResult:
    """Copy a live SQLite database (other connections may be writing) to ``destination``."""
    if not source.exists():
        raise UserError(N_("There is no database file at {path}."), path=str(source))
    destination = destination.expanduser().resolve()
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with _atomic_target(destination) as temp:
            src = sqlite3.connect(read_only_uri(source), uri=True, timeout=10)
            try:
                dst = sqlite3.connect(temp)
                try:
                    src.backup(dst, pages=4096)
                    # The copy stands alone: no WAL file beside it.
                    dst.execute("PRAGMA journal_mode = DELETE")
                    ok = dst.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                finally:
                    dst.close()
            finally:
                src.close()
    except (sqlite3.Error, OSError) as exc:
        raise _write_failed(exc, destination) from exc
    return BackupResult(destination, destination.stat().st_size, ok)


def timestamped_name(db_file: Path, label: str, when: datetime | None = None) -> str:
    stamp = (when or utcnow()).strftime("%Y%m%d-%H%M%S")
    return f"{db_file.stem}-{label}-{stamp}{db_file.suffix or '.sqlite3'}"


def unused_path(path: Path) -> Path:
    """``path``, or ``name-2.ext``, ``name-3.ext``… if it exists already."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def backups_dir(db_file: Path) -> Path:
    """Backups live in a ``backups`` folder beside the database file."""
    return db_file.parent / "backups"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size_bytes: int
    revision: str | None
    items: int
    volunteers: int
    activities: int


@contextmanager
def open_backup(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a backup file; every failure is a plain ``UserError``.

    Missing file, a file SQLite cannot open, and any SQLite error while reading it
    (not a database, not ours) each get their own message.
    """
    if not path.is_file():
        raise UserError(N_("There is no backup file at {path}."), path=str(path))
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise UserError(
            N_("{path} cannot be opened: {reason}"), path=str(path), reason=str(exc)
        ) from exc
    try:
        yield conn
    except sqlite3.Error as exc:
        raise UserError(
            N_("{path} is not a Partner Desk backup ({reason})."),
            path=str(path),
            reason=str(exc),
        ) from exc
    finally:
        conn.close()


def inspect_backup(path: Path) -> BackupInfo:
    """Check a backup file and summarise what it holds (read-only)."""
    with open_backup(path) as conn:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserError(N_("The backup {path} is damaged."), path=str(path))
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("item", "volunteer", "activity")
        ]
    stat = path.stat()
    return BackupInfo(
        path=path,
        taken_at=datetime.fromtimestamp(stat.st_mtime).astimezone(),
        size_bytes=stat.st_size,
        revision=revision[0] if revision else None,
        items=int(counts[0]),
        volunteers=int(counts[1]),
        activities=int(counts[2]),
    )


def _safety_copy(db_file: Path) -> Path:
    """Keep what is there now before it is replaced; raw bytes if SQLite can't read it."""
    target = unused_path(backups_dir(db_file) / timestamped_name(db_file, "before-restore"))
    try:
        return backup_sqlite(db_file, target).path
    except UserError:
        # Damaged beyond SQLite's reach (the usual reason to restore): copy the
        # bytes, with the write-ahead log beside them.
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(db_file, target)
        wal = db_file.with_name(db_file.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
        return target


def restore_sqlite(backup: Path, db_file: Path) -> Path:
    """Replace the database file with a backup; the current state is kept first.

    Returns the path of the safety copy of what was there before.  Close every
    connection to ``db_file`` before calling (the file is replaced on disk).
    """
    inspect_backup(backup)
    safety = _safety_copy(db_file) if db_file.exists() else db_file
    try:
        with _atomic_target(db_file) as temp:
            src = sqlite3.connect(read_only_uri(backup), uri=True)
            try:
                dst = sqlite3.connect(temp)
                try:
                    src.backup(dst)
                    # Live databases run in WAL mode; the log is folded in at close.
                    dst.execute("PRAGMA journal_mode = WAL")
                finally:
                    dst.close()
            finally:
                src.close()
            # A stale log of the old file must not be replayed onto the new one.
            for suffix in ("-wal", "-shm"):
                db_file.with_name(db_file.name + suffix).unlink(missing_ok=True)
    except (sqlite3.Error, OSError) as exc:
        raise _write_failed(exc, db_file) from exc
    return safety
