"""Copies of the database file made with SQLite's online backup API.

The copy is written beside its destination under a temporary name, synced to
disk and renamed into place, so a crash never leaves a half-written backup.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.clock import utcnow
from models.errors import N_, DiskFull, UserError


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


def backup_sqlite(source: Path, destination: Path) -> BackupResult:
    """Copy a live SQLite database (other connections may be writing) to ``destination``."""
    if not source.exists():
        raise UserError(N_("There is no database file at {path}."), path=str(source))
    destination = destination.expanduser().resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    temp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
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
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        temp.replace(destination)
        fsync_dir(destination.parent)
    except sqlite3.OperationalError as exc:
        temp.unlink(missing_ok=True)
        if "full" in str(exc).lower():
            raise DiskFull(
                N_("The disk is full: the backup was not written. Free some space and try again.")
            ) from exc
        raise UserError(
            N_("The backup could not be written to {path}: {reason}"),
            path=str(destination),
            reason=str(exc),
        ) from exc
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno == 28:  # ENOSPC
            raise DiskFull(
                N_("The disk is full: the backup was not written. Free some space and try again.")
            ) from exc
        raise UserError(
            N_("The backup could not be written to {path}: {reason}"),
            path=str(destination),
            reason=exc.strerror or str(exc),
        ) from exc
    return BackupResult(destination, destination.stat().st_size, ok)


def timestamped_name(db_file: Path, label: str, when: datetime | None = None) -> str:
    stamp = (when or utcnow()).strftime("%Y%m%d-%H%M%S")
    return f"{db_file.stem}-{label}-{stamp}{db_file.suffix or '.sqlite3'}"


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


def inspect_backup(path: Path) -> BackupInfo:
    """Check a backup file and summarise what it holds (read-only)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError(
            N_("{path} cannot be opened: {reason}"), path=str(path), reason=str(exc)
        ) from exc
    try:
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise UserError(N_("The backup {path} is damaged."), path=str(path))
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = [
                conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
                for table in ("item", "volunteer", "activity")
            ]
        except sqlite3.DatabaseError as exc:
            raise UserError(
                N_("{path} is not a Partner Desk backup ({reason})."),
                path=str(path),
                reason=str(exc),
            ) from exc
    finally:
        conn.close()
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


def restore_sqlite(backup: Path, db_file: Path) -> Path:
    """Replace the database's content with a backup; the current state is kept first.

    Returns the path of the safety copy of what was there before.  Close every
    engine on ``db_file`` before calling.
    """
    inspect_backup(backup)
    safety = backup_sqlite(
        db_file, backups_dir(db_file) / timestamped_name(db_file, "before-restore")
    )
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_file, timeout=10)
        try:
            src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()
    return safety.path
