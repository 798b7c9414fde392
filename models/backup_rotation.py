"""Automatic daily backups kept in rotation, and the backups a desk can restore from.

Backups live in ``backups_dir(db_file)`` (a ``backups`` folder beside the database)
and are named by kind, so that a person looking into the folder sees what is what:

* ``desk-auto-2026-03-07.sqlite3``: the automatic backup of that (local) day, at most
  one a day; only the newest ``keep_daily`` of these are kept;
* ``desk-manual-20260307-093015.sqlite3``: "Back up now" (UTC time in the name);
* ``desk-before-0003-20260307-093015.sqlite3``: made before a schema upgrade;
* ``desk-before-restore-20260307-093015.sqlite3``: the data a restore replaced.

Rotation only ever deletes automatic backups: manual, pre-upgrade and pre-restore
copies are the user's (or a safety net) and stay until someone removes them.
Every copy is made with SQLite's online backup API (``models.backup.backup_sqlite``),
so it is consistent while other connections write.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from models.backup import backup_sqlite, backups_dir, inspect_backup, open_backup
from models.clock import utcnow
from models.errors import N_, DatabaseDamaged, DatabaseTooNew, UserError
from models.migrate import KNOWN_REVISIONS

Progress = Callable[[int, int], None]

DEFAULT_KEEP_DAILY = 14
AUTOMATIC_LABEL = "auto"
# A temporary file left by a backup that was interrupted (power cut, kill) is
# removed once it is this old: no backup takes that long.
STALE_TEMPORARY_SECONDS = 3600

# Counted for the contents summary: (table, field of BackupContents).
_COUNTED = (
    ("item", "items"),
    ("volunteer", "volunteers"),
    ("activity", "activities"),
    ("scan_event", "scans"),
    ("hour_entry", "hour_entries"),
)


class BackupKind(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds: its schema revision and how many of the main records."""

    revision: str | None
    items: int
    volunteers: int
    activities: int
    scans: int
    hour_entries: int


@dataclass(frozen=True)
class BackupInfo:
    """One backup in the folder, as the restore screen lists it.

    ``contents`` is None when the file could not be read (or was not summarised);
    ``problem`` says why the backup cannot be restored (None: it can).
    """

    path: Path
    kind: BackupKind
    taken_at: datetime  # aware, in the computer's local time zone
    size_bytes: int
    contents: BackupContents | None
    problem: UserError | None = None

    @property
    def restorable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class RotationResult:
    created: Path | None  # today's automatic backup; None when it existed already
    kept: tuple[Path, ...]  # the automatic backups now in the folder, newest first
    deleted: tuple[Path, ...]  # older automatic backups removed


# ----------------------------------------------------------------------------- names


def _suffix(db_file: Path) -> str:
    return db_file.suffix or ".sqlite3"


def automatic_name(db_file: Path, day: date) -> str:
    """``desk-auto-2026-03-07.sqlite3`` for ``desk.sqlite3`` on that local day."""
    return f"{db_file.stem}-{AUTOMATIC_LABEL}-{day.isoformat()}{_suffix(db_file)}"


def _automatic_pattern(db_file: Path) -> re.Pattern[str]:
    stem, suffix = re.escape(db_file.stem), re.escape(_suffix(db_file))
    return re.compile(rf"^{stem}-{AUTOMATIC_LABEL}-(?P<day>\d{{4}}-\d{{2}}-\d{{2}}){suffix}$")


def _stamped_pattern(db_file: Path) -> re.Pattern[str]:
    """Names made by ``models.backup.timestamped_name`` (and ``unused_path``'s ``-2``)."""
    stem, suffix = re.escape(db_file.stem), re.escape(_suffix(db_file))
    labels = "manual|before-restore|before-[0-9A-Za-z]+"
    return re.compile(rf"^{stem}-(?P<label>{labels})-(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?{suffix}$")


def _kind_of(label: str) -> BackupKind:
    if label == "manual":
        return BackupKind.MANUAL
    if label == "before-restore":
        return BackupKind.BEFORE_RESTORE
    return BackupKind.BEFORE_UPGRADE


def _local_day(now: datetime) -> date:
    """The computer's local date at ``now`` (a naive value is taken as local time)."""
    return now.astimezone().date()


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime).astimezone()


def _automatic_backups(db_file: Path) -> list[tuple[date, Path]]:
    """Every automatic backup of ``db_file``, newest day first."""
    folder = backups_dir(db_file)
    if not folder.is_dir():
        return []
    pattern = _automatic_pattern(db_file)
    found: list[tuple[date, Path]] = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            day = date.fromisoformat(match["day"])
        except ValueError:
            continue
        found.append((day, path))
    found.sort(key=lambda pair: (pair[0], pair[1].name), reverse=True)
    return found


# ----------------------------------------------------------------------------- rotation


def _remove(path: Path) -> bool:
    """Delete a backup and any write-ahead log kept beside it; False if it stays."""
    try:
        path.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    for suffix in ("-wal", "-shm"):
        try:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError:
            pass
    return True


def _remove_stale_temporaries(db_file: Path, now: float) -> None:
    """Temporary files of backups that were interrupted (``.desk-….tmp``)."""
    folder = backups_dir(db_file)
    for path in folder.glob(f".{db_file.stem}-*.tmp"):
        try:
            if now - path.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                path.unlink()
        except OSError:
            pass


def rotate_backups(
    db_file: Path, *, keep_daily: int = DEFAULT_KEEP_DAILY, now: datetime | None = None
) -> RotationResult:
    """Make today's automatic backup unless there is one, then keep the newest ``keep_daily``.

    "Today" is the computer's local date at ``now``.  Only automatic backups are
    ever deleted.  If the copy fails its quick check (the database itself is
    damaged) it is removed again, nothing older is deleted, and ``DatabaseDamaged``
    is raised; a full disk or an unwritable folder raise their own ``UserError``.
    """
    if keep_daily < 1:
        raise ValueError("keep_daily must be at least 1")
    db_file = Path(db_file)
    moment = now or utcnow()
    target = backups_dir(db_file) / automatic_name(db_file, _local_day(moment))
    created: Path | None = None
    if not target.exists():
        result = backup_sqlite(db_file, target)
        if not result.integrity_ok:
            _remove(result.path)
            raise DatabaseDamaged(
                N_(
                    "The daily backup found the database damaged, so it was not kept and "
                    "the older backups were left as they are. Run “partner-desk check”, "
                    "then restore a good backup (File → Restore from a backup)."
                )
            )
        created = result.path
    automatic = [path for _day, path in _automatic_backups(db_file)]
    deleted = tuple(path for path in automatic[keep_daily:] if _remove(path))
    kept = tuple(path for path in automatic if path not in deleted)
    _remove_stale_temporaries(db_file, time.time())
    return RotationResult(created=created, kept=kept, deleted=deleted)


# ----------------------------------------------------------------------------- listing


def _table_names(conn: sqlite3.Connection) -> set[str]:
    return {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}


def summarise_backup(path: Path) -> BackupContents:
    """Count what a backup holds (read-only, no integrity check: see ``inspect_backup``).

    Raises ``UserError`` for a file that is missing, not a database, or not ours.
    """
    with open_backup(path) as conn:
        tables = _table_names(conn)
        if "alembic_version" not in tables:
            raise sqlite3.DatabaseError("no such table: alembic_version")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = {
            field: (
                int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
                if table in tables
                else 0
            )
            for table, field in _COUNTED
        }
    return BackupContents(revision=None if row is None else str(row[0]), **counts)


def _problem(contents: BackupContents) -> UserError | None:
    if contents.revision is not None and contents.revision not in KNOWN_REVISIONS:
        return DatabaseTooNew(
            N_(
                "This backup was written by a newer version of Partner Desk (schema "
                "{revision}); it cannot be restored here. Install the newer version."
            ),
            revision=contents.revision,
        )
    return None


def describe_backup(path: Path, kind: BackupKind, taken_at: datetime) -> BackupInfo:
    """One backup with its size, contents summary and any reason it cannot be restored."""
    contents: BackupContents | None = None
    try:
        contents = summarise_backup(path)
        problem = _problem(contents)
    except UserError as exc:
        problem = exc
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupInfo(path, kind, taken_at, size, contents, problem)


def _found(db_file: Path) -> list[tuple[Path, BackupKind, datetime]]:
    folder = backups_dir(db_file)
    if not folder.is_dir():
        return []
    automatic, stamped = _automatic_pattern(db_file), _stamped_pattern(db_file)
    found: list[tuple[Path, BackupKind, datetime]] = []
    for path in folder.iterdir():
        try:
            if not path.is_file():
                continue
            if automatic.match(path.name):
                found.append((path, BackupKind.AUTOMATIC, _mtime(path)))
                continue
            match = stamped.match(path.name)
            if match is None:
                continue
            try:
                when = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
                taken_at = when.astimezone()
            except ValueError:
                taken_at = _mtime(path)
            found.append((path, _kind_of(match["label"]), taken_at))
        except OSError:
            continue
    found.sort(key=lambda entry: (entry[2], entry[0].name), reverse=True)
    return found


def list_backups(
    db_file: Path, *, summarise: bool = True, progress: Progress | None = None
) -> list[BackupInfo]:
    """The backups of ``db_file`` in its backups folder, newest first.

    With ``summarise`` each is opened read-only and its records counted (a file
    that cannot be read is listed with its ``problem``); without, only names,
    dates and sizes are read (fast).  ``progress(done, total)`` is called after
    each backup and may raise ``Cancelled``.
    """
    db_file = Path(db_file)
    found = _found(db_file)
    listed: list[BackupInfo] = []
    for path, kind, taken_at in found:
        if summarise:
            listed.append(describe_backup(path, kind, taken_at))
        else:
            try:
                size = path.stat().st_size
            except OSError:
                size = 0
            listed.append(BackupInfo(path, kind, taken_at, size, None))
        if progress is not None:
            progress(len(listed), len(found))
    return listed


def newest_good_backup(db_file: Path) -> BackupInfo | None:
    """The newest backup that passes SQLite's quick check and this release can restore.

    Copies kept before a restore are left out: they hold data someone chose to
    replace.  None when there is no such backup.
    """
    for info in list_backups(db_file):
        if not info.restorable or info.kind is BackupKind.BEFORE_RESTORE:
            continue
        try:
            inspect_backup(info.path)
        except UserError:
            continue
        return info
    return None
