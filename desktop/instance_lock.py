"""One running Partner Desk per database file.

A lock file beside the database (``<db>.lock``) holds the owner's PID; a stale
lock left by a crash is taken over automatically (QLockFile checks the PID).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from models.errors import N_, AlreadyRunning, DatabaseReadOnly


class InstanceLock:
    def __init__(self, db_file: Path) -> None:
        self.path = db_file.with_name(db_file.name + ".lock")
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(100):
            return
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            # The lock file could not be written at all: a read-only folder or drive.
            raise DatabaseReadOnly(
                N_(
                    "The database cannot be written. Check that the file and its folder "
                    "are not read-only and that the drive is connected."
                )
            )
        info = self._lock.getLockInfo()  # (pid, host, app); empty when unreadable
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) >= 2 else ("?", "")
        raise AlreadyRunning(
            N_(
                "Partner Desk is already open with this database (process {pid} on {host}). "
                "Switch to that window, or close it first."
            ),
            pid=pid,
            host=host or "-",
        )

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
