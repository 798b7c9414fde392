"""A hostile environment: a read-only folder, a full disk, a database another process
has locked, a database from a newer release.  Each gives a clear message and loses
nothing.

The tests run as root, where ``chmod`` does not stop writes.  Where the kernel lets
us, the real thing is made in a private mount namespace (``unshare --mount``) in a
child process: a read-only bind mount of the folder or the file, and tiny ``tmpfs``
file systems that really fill up (ENOSPC).  The mounts exist only for that child and
vanish with it, so nothing on the machine changes.  Without that permission those
tests are skipped, and the in-process variants below simulate the same failures
(SQLite's own "unable to open database file", a stream that fails with ENOSPC
part-way) so the code paths are still covered everywhere.

Already covered elsewhere and not repeated: a read-only connection (``mode=ro``) and
SQLITE_FULL via ``max_page_count`` (test_db.py), ENOSPC at ``fsync`` for spreadsheets
and from a fake label renderer (test_spreadsheet.py, test_labels.py), a newer
database refused by ``upgrade`` and by the GUI (test_migrations.py,
test_app_controller.py).
"""

from __future__ import annotations

import errno
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import func, select

from models import codes, migrate
from models import db as db_module
from models.activities import ActivityData, create_activity, open_activity
from models.backup import backup_sqlite, backups_dir
from models.badges import issue_badge
from models.checkin import record_scan
from models.db import Database
from models.errors import DatabaseBusy, DatabaseTooNew, DiskFull
from models.files import write_pdf_atomically
from models.intake import BatchRequest, ItemLine, local_today, save_batch
from models.labels import LabelData, LabelTemplate, render_labels
from models.schema import Item, ItemCategory, ScanEvent, Store
from models.schema.enums import Grade, ScanSource
from models.spreadsheet import Column, ColumnKind, write_table
from models.volunteers import VolunteerData, add_volunteer
from tests.cli_helpers import run_cli

if TYPE_CHECKING:  # (the disk-full child imports this module: no conftest there)
    from tests.conftest import MessageRecorder

ROOT = Path(__file__).resolve().parent.parent
STAFF = "王老师"
BUSY_MESSAGE = (
    "The database is busy: another program or desk is writing to it. Wait a moment and try again."
)
READ_ONLY_MESSAGE = (
    "The database cannot be written. Check that the file and its folder are not "
    "read-only and that the drive is connected."
)


def digest(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` (recursively) by its SHA-256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def labels(count: int) -> list[LabelData]:
    return [
        LabelData(
            code=f"S01-26-{n:06d}",
            payload=codes.item_payload("GREEN", f"S01-26-{n:06d}"),
            category="服装 › 外套",
            grade="A",
            store="S01 静安旗舰店",
            organisation="绿芽公益服务中心",
        )
        for n in range(1, count + 1)
    ]


COLUMNS = (Column("编号"), Column("描述"), Column("估值", ColumnKind.MONEY_FEN))


def table_rows(count: int) -> Iterator[tuple[str, str, int]]:
    for n in range(count):
        yield f"S01-26-{n:06d}", f"黑色羽绒服 第{n}件 " * 3, n * 100


# --- private mount namespaces ----------------------------------------------------------------


UNSHARE = ("unshare", "--mount", "--propagation", "private", "--")


@functools.cache
def namespaces_work() -> bool:
    """Can this process make private mounts (root with CAP_SYS_ADMIN, unshare, mount)?"""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = Path(tempfile.mkdtemp(prefix="mount-probe-"))
    try:
        mount = 'mount -t tmpfs -o size=16k tmpfs "$1"'
        result = subprocess.run(
            [*UNSHARE, "sh", "-c", mount, "sh", str(probe)], capture_output=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return result.returncode == 0


@pytest.fixture
def isolated() -> Any:
    """Run a Python script in a child with its own mounts; returns its JSON answer."""
    if not namespaces_work():
        pytest.skip("needs root and private mount namespaces (unshare --mount) for real mounts")

    def run(mounts: list[str], script: str, *args: str) -> Any:
        setup = " && ".join([*mounts, 'exec "$0" -c "$1" "${@:2}"'])
        result = subprocess.run(
            [*UNSHARE, "bash", "-c", setup, sys.executable, script, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    return run


# --- a read-only folder ------------------------------------------------------------------------

READ_ONLY_CHILD = r"""
import json, sys
from models import migrate
from models.db import Database
from models.errors import UserError
from models.schema import Store

path, gui = sys.argv[1], sys.argv[2] == "gui"
out = {}

def attempt(name, action):
    try:
        out[name] = ["ok", action()]
    except UserError as exc:
        out[name] = [type(exc).__name__, str(exc)]
    except Exception as exc:  # a bug: it would reach the crash dialog
        out[name] = ["bug " + type(exc).__name__, str(exc)]

def write():
    with database.transaction() as session:
        session.add(Store(code="S77", name="read-only test"))

def read():
    with database.reading() as session:
        return sorted(session.scalars(Store.__table__.select().with_only_columns(Store.code)))

database = Database.open(path)
attempt("open", lambda: migrate.upgrade(database).after)
attempt("read", read)
attempt("write", write)
database.close()
if gui:
    from desktop import messages
    from desktop.app import Controller

    class Recorder:
        def __init__(self):
            self.shown = []
        def error(self, parent, title, text):
            self.shown.append(text)
        information = warning = error

    messages.service = Recorder()
    controller = Controller("en")
    attempt("gui", lambda: controller.open(path))
    out["gui_messages"] = messages.service.shown
    controller.shutdown()
print(json.dumps(out, ensure_ascii=False))
"""


def test_a_database_in_a_read_only_folder_is_refused_clearly_and_left_alone(
    isolated: Any, org_database: Database
) -> None:
    db_file = org_database.path
    assert db_file is not None
    org_database.close()  # checkpointed: no -wal file beside it
    folder = db_file.parent
    before = digest(folder)

    answer = isolated(
        [f"mount --bind {folder} {folder}", f"mount -o remount,bind,ro {folder}"],
        READ_ONLY_CHILD,
        str(db_file),
        "gui",
    )

    # SQLite cannot make the -shm/-wal files a WAL database needs: nothing opens.
    assert answer["open"] == ["DatabaseReadOnly", READ_ONLY_MESSAGE]
    assert answer["write"] == ["DatabaseReadOnly", READ_ONLY_MESSAGE]
    assert answer["gui"] == ["ok", False]  # no window, no crash dialog
    (shown,) = answer["gui_messages"]
    # The lock file cannot be made either: that too must say "read-only", not
    # "already open" (the app checks the lock first).
    assert "read-only" in shown and "already open" not in shown, shown
    assert digest(folder) == before


def test_a_read_only_database_file_can_be_read_but_writing_is_refused(
    isolated: Any, org_database: Database
) -> None:
    db_file = org_database.path
    assert db_file is not None
    org_database.close()
    before = db_file.read_bytes()

    answer = isolated(
        [f"mount --bind {db_file} {db_file}", f"mount -o remount,bind,ro {db_file}"],
        READ_ONLY_CHILD,
        str(db_file),
        "no-gui",
    )

    assert answer["open"] == ["ok", migrate.HEAD_REVISION]
    assert answer["read"] == ["ok", ["S01", "S02"]]
    assert answer["write"] == ["DatabaseReadOnly", READ_ONLY_MESSAGE]
    assert db_file.read_bytes() == before


def test_the_app_explains_a_folder_it_cannot_write_simulated(
    db_path: Path, recorder: MessageRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without mount namespaces: SQLite's own error for a WAL file in a read-only folder."""
    from desktop.app import Controller

    before = digest(db_path.parent)

    def cannot_open(dbapi_connection: Any, _record: Any) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(db_module, "_set_sqlite_pragmas", cannot_open)
    controller = Controller("en")
    try:
        assert controller.open(str(db_path)) is False
    finally:
        controller.shutdown()
    assert recorder.texts("error") == [READ_ONLY_MESSAGE]
    assert controller.window is None
    assert digest(db_path.parent) == before


# --- a full disk -----------------------------------------------------------------------------

DISK_FULL_CHILD = r"""
import functools, json, os, sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from models.errors import UserError
from tests.test_hostile_environment import COLUMNS, labels, table_rows

base = Path(sys.argv[1])
out = {}

def fill(folder, keep):
    # Leave only ``keep`` bytes free on the (tmpfs) file system holding ``folder``.
    st = os.statvfs(folder)
    filler = folder / "filler.bin"
    left = max(0, st.f_bavail * st.f_frsize - keep)
    with filler.open("wb") as handle:
        while left > 0:
            left -= handle.write(bytes(min(left, 65536)))
    return filler

def attempt(name, action, folder, keep_files):
    try:
        action()
        out[name] = {"error": None}
    except UserError as exc:
        out[name] = {"error": [type(exc).__name__, str(exc)]}
    except Exception as exc:
        out[name] = {"error": ["bug " + type(exc).__name__, str(exc)]}
    out[name]["files"] = sorted(p.name for p in folder.iterdir())
    out[name]["kept"] = {name: (folder / name).read_bytes().decode("latin-1")
                         for name in keep_files if (folder / name).exists()}
    out[name]["sizes"] = {p.name: p.stat().st_size for p in folder.iterdir()}

# A label PDF and two exports, each over an older file of the same name.
from models.files import write_pdf_atomically
from models.labels import LabelTemplate, render_labels
from models.spreadsheet import write_table

for case, name in (("pdf", "labels.pdf"), ("xlsx", "export.xlsx"), ("csv", "export.csv")):
    folder = base / case
    (folder / name).write_bytes(b"the previous file")
    fill(folder, 24 * 1024)
    if case == "pdf":
        action = lambda: write_pdf_atomically(
            folder / name, functools.partial(render_labels, labels(90), LabelTemplate.A4))
    else:
        action = lambda: write_table(folder / name, COLUMNS, table_rows(4000))
    attempt(case, action, folder, [name])

# The daily backup into a full backups folder: the older backup stays.
from models.backup_rotation import rotate_backups
db_file = base / "desk.sqlite3"
noon = datetime(2026, 3, 7, 4, 0, tzinfo=UTC)
first = rotate_backups(db_file, keep_daily=1, now=noon).created
older = first.read_bytes()
fill(base / "backups", 24 * 1024)
attempt("backup", lambda: rotate_backups(db_file, keep_daily=1, now=noon + timedelta(days=1)),
        base / "backups", [])
out["backup"]["older"] = first.name
out["backup"]["older_intact"] = first.read_bytes() == older

# The database itself on a full disk: nothing half-saved, and it works once there is room.
import sqlite3
from sqlalchemy import func, select
from models.db import Database
from models.intake import BatchRequest, ItemLine, local_today, save_batch
from models.schema import Item, ItemCategory, Store
from models.schema.enums import Grade

full_db = base / "db" / "desk.sqlite3"
database = Database.open(full_db)
with database.reading() as session:
    store_id = session.scalars(select(Store.id).order_by(Store.code)).first()
    category_id = session.scalars(
        select(ItemCategory.id).where(ItemCategory.parent_id.is_not(None)).limit(1)).one()
    today = local_today(session)
    items_before = session.scalar(select(func.count()).select_from(Item))
lines = tuple(ItemLine(category_id, f"一箱旧书 第{n}箱 " * 8, Grade.B) for n in range(400))
request = BatchRequest(donor_id=None, store_id=store_id, received_on=today, lines=lines)
filler = fill(base / "db", 16 * 1024)

def save():
    with database.transaction() as session:
        save_batch(session, request, staff="王老师")

attempt("db", save, base / "db", [])
with database.reading() as session:
    out["db"]["items_after_failure"] = session.scalar(select(func.count()).select_from(Item))
filler.unlink()
attempt("db_retry", save, base / "db", [])
with database.reading() as session:
    out["db"]["items_after_retry"] = session.scalar(select(func.count()).select_from(Item))
database.close()
conn = sqlite3.connect(full_db)
out["db"]["integrity"] = conn.execute("PRAGMA integrity_check").fetchall()
conn.close()
out["db"]["items_before"] = items_before
print(json.dumps(out, ensure_ascii=False))
"""


def test_a_full_disk_leaves_previous_files_and_data_intact(
    isolated: Any, org_database: Database, tmp_path: Path
) -> None:
    db_file = org_database.path
    assert db_file is not None
    org_database.close()
    base = tmp_path / "disk"
    base.mkdir()
    shutil.copy(db_file, base / "desk.sqlite3")
    for case in ("pdf", "xlsx", "csv", "backups", "db"):
        (base / case).mkdir()
    size_kb = db_file.stat().st_size // 1024
    mounts = [f"mount -t tmpfs -o size=256k tmpfs {base / case}" for case in ("pdf", "xlsx", "csv")]
    mounts += [
        # Room for one backup, not two.
        f"mount -t tmpfs -o size={size_kb * 3 // 2 + 64}k tmpfs {base / 'backups'}",
        f"mount -t tmpfs -o size={size_kb + 4096}k tmpfs {base / 'db'}",
        f"cp {db_file} {base / 'db' / 'desk.sqlite3'}",
    ]

    answer = isolated(mounts, DISK_FULL_CHILD, str(base))

    for case, name in (("pdf", "labels.pdf"), ("xlsx", "export.xlsx"), ("csv", "export.csv")):
        result = answer[case]
        path = base / case / name
        assert result["error"] == [
            "DiskFull",
            f"The disk is full: {path} was not written. Free some space and try again.",
        ], case
        assert result["files"] == sorted(["filler.bin", name]), case  # no temporary file
        assert result["kept"] == {name: "the previous file"}, case
    backup = answer["backup"]
    assert backup["error"] == [
        "DiskFull",
        "The disk is full: the backup was not written. Free some space and try again.",
    ]
    assert backup["older_intact"] is True
    assert backup["older"] == "desk-auto-2026-03-07.sqlite3"
    assert backup["files"] == sorted(["filler.bin", backup["older"]])
    full = answer["db"]
    assert full["error"] == [
        "DiskFull",
        "The disk is full. Free some space and try again; nothing was saved.",
    ]
    assert full["items_after_failure"] == full["items_before"] == 0
    assert answer["db_retry"]["error"] is None
    assert full["items_after_retry"] == 400
    assert full["integrity"] == [["ok"]]


class _FillsUp:
    """A binary stream over a real file that fails with ENOSPC after ``room`` bytes."""

    def __init__(self, stream: Any, room: int) -> None:
        self._stream = stream
        self.room = room

    def write(self, data: Any) -> int:
        size = len(memoryview(data).cast("B"))
        if size > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= size
        return int(self._stream.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def test_a_label_pdf_that_fills_the_disk_mid_way_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real renderer, and the disk full part-way through the PDF (not at fsync)."""
    out = tmp_path / "labels.pdf"
    out.write_bytes(b"%PDF- the labels printed yesterday")
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _FillsUp(real_fdopen(fd, *args, **kwargs), room=20_000)

    monkeypatch.setattr(os, "fdopen", fdopen)  # as models.files uses it
    with pytest.raises(DiskFull) as caught:
        write_pdf_atomically(out, functools.partial(render_labels, labels(60), LabelTemplate.A4))
    assert str(caught.value) == (
        f"The disk is full: {out} was not written. Free some space and try again."
    )
    assert out.read_bytes() == b"%PDF- the labels printed yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels.pdf"]


@pytest.mark.parametrize(
    "suffix",
    [
        # openpyxl leaves its ZipFile open when a write fails; when it is collected it
        # tries to finish the (already closed) file and Python reports "Exception
        # ignored".  Harmless: the export is refused and the old file kept.
        pytest.param(
            ".xlsx",
            marks=pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
        ),
        ".csv",
    ],
)
def test_an_export_that_fills_the_disk_mid_way_simulated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    out = tmp_path / f"hours{suffix}"
    out.write_bytes(b"last month's export")
    real_open = Path.open

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        if mode == "xb" and self.name.endswith(".tmp"):
            return _FillsUp(handle, room=30_000)
        return handle

    monkeypatch.setattr(Path, "open", open_)
    with pytest.raises(DiskFull, match=r"^The disk is full: .* was not written"):
        write_table(out, COLUMNS, table_rows(3000))
    assert out.read_bytes() == b"last month's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


# --- a database another process holds ----------------------------------------------------------

HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO store (id, code, name, active, version, created_at, updated_at) "
             "VALUES (?, 'S88', '另一个程序', 1, 1, '2026-03-07', '2026-03-07')", (sys.argv[2],))
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
print("released", flush=True)
"""


class Holder:
    """Another process that holds the write lock (BEGIN IMMEDIATE) until released."""

    def __init__(self, db_file: Path) -> None:
        self.store_id = uuid.uuid4().hex
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db_file), self.store_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "released"
        self.process.wait(timeout=10)
        self.process.stdin.close()
        self.process.stdout.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def desk(org_database: Database) -> dict[str, Any]:
    with org_database.transaction() as session:
        activity_id = create_activity(
            session,
            ActivityData(
                title="周六分拣",
                kind="分拣",
                description=None,
                day=date(2026, 3, 7),
                start=time(9, 0),
                end=time(12, 0),
            ),
            staff=STAFF,
        )
        open_activity(session, activity_id, staff=STAFF)
        volunteer_id = add_volunteer(session, VolunteerData(name="李四", consent=True), staff=STAFF)
        payload = issue_badge(session, volunteer_id, staff=STAFF).payload
        store_id = session.scalars(select(Store.id).where(Store.code == "S01")).one()
        category_id = session.scalars(
            select(ItemCategory.id).where(ItemCategory.parent_id.is_not(None)).limit(1)
        ).one()
        today = local_today(session)
    line = ItemLine(category_id, "儿童绘本一套", Grade.A)
    return {
        "activity_id": activity_id,
        "payload": payload,
        "request": BatchRequest(donor_id=None, store_id=store_id, received_on=today, lines=(line,)),
    }


def test_a_database_locked_by_another_process(
    org_database: Database,
    desk: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    db_file = org_database.path
    assert db_file is not None
    org_database.close()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    database = Database.open(db_file)  # a second desk, with a short busy timeout
    when = datetime(2026, 3, 7, 1, 30, tzinfo=UTC)

    def scan() -> None:
        with database.transaction() as session:
            answer = record_scan(
                session,
                activity_id=desk["activity_id"],
                payload=desk["payload"],
                device_id="kiosk-1",
                source=ScanSource.SCANNER,
                now=when,
            )
            assert answer.accepted

    def donate() -> None:
        with database.transaction() as session:
            save_batch(session, desk["request"], staff=STAFF)

    def counted(model: Any) -> int:
        with database.reading() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    holder = Holder(db_file)
    try:
        for write in (scan, donate):
            with pytest.raises(DatabaseBusy) as caught:
                write()
            assert str(caught.value) == BUSY_MESSAGE
        # Meanwhile reading, opening and backing up still work (WAL): the kiosk can
        # show who is in and the day's backup is a consistent copy.
        assert counted(ScanEvent) == counted(Item) == 0
        assert migrate.upgrade(database).backup is None
        copy = backup_sqlite(db_file, tmp_path / "during-lock.sqlite3")
        assert copy.integrity_ok
        holder.release()
    finally:
        holder.kill()
    # Once the other program lets go, the same actions succeed and nothing is lost.
    scan()
    donate()
    assert counted(ScanEvent) == counted(Item) == 1
    with database.reading() as session:
        codes_now = sorted(session.scalars(select(Store.code)))
    database.close()
    assert codes_now == ["S01", "S02", "S88"]
    with sqlite3.connect(copy.path) as conn:
        assert conn.execute("SELECT count(*) FROM store WHERE code = 'S88'").fetchone() == (0,)
    conn.close()


def test_an_upgrade_waits_for_the_other_process_then_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = tmp_path / "old.sqlite3"
    old = Database.open(db_file)
    migrate.upgrade(old, "0001")
    old.close()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    holder = Holder(db_file)
    try:
        database = Database.open(db_file)
        try:
            with pytest.raises(DatabaseBusy) as caught:
                migrate.upgrade(database)
            assert str(caught.value) == BUSY_MESSAGE
            assert migrate.schema_state(database.engine).revision == "0001"
            holder.release()
            result = migrate.upgrade(database)
        finally:
            database.close()
    finally:
        holder.kill()
    assert (result.before, result.after) == ("0001", migrate.HEAD_REVISION)
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("SELECT count(*) FROM store WHERE code = 'S88'").fetchone() == (1,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


# --- a database from a newer release -----------------------------------------------------------


def make_newer(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def test_the_command_line_refuses_a_newer_database_and_changes_no_byte(db_path: Path) -> None:
    make_newer(db_path)
    before = digest(db_path.parent)

    demo = run_cli("demo", "--db", str(db_path), "--lang", "en")
    check = run_cli("check", "--db", str(db_path), "--lang", "en", "--json")

    assert demo.returncode == 1
    assert demo.stderr.strip() == (
        "partner-desk demo: This database was written by a newer version of Partner Desk "
        "(schema 9999). Install the newer version to open it; the file was not changed."
    )
    assert check.returncode == 1
    report = json.loads(check.stdout)
    assert report["schema"]["status"] == "newer" and report["damaged"] is False
    assert report["restore_from"] is None
    assert digest(db_path.parent) == before


def test_a_backup_from_a_newer_release_is_not_offered_for_restore(
    qtbot: Any,
    database: Database,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.restore_dialog import RestoreDialog

    db_file = database.path
    assert db_file is not None
    newer = backup_sqlite(db_file, backups_dir(db_file) / "desk-manual-20260307-040000.sqlite3")
    make_newer(newer.path)
    elsewhere = tmp_path / "usb.sqlite3"
    shutil.copy(newer.path, elsewhere)
    before = db_file.read_bytes()

    dialog = RestoreDialog(db_file)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.load()
    assert dialog.current() is not None
    assert not dialog.restore_button.isEnabled()
    assert "newer version of Partner Desk (schema 9999)" in dialog.details.text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(elsewhere), ""))
    )
    dialog.choose_file()
    (error,) = recorder.texts("error")
    assert "newer version of Partner Desk (schema 9999)" in error
    assert recorder.texts("confirm") == []
    assert dialog.chosen is None
    assert db_file.read_bytes() == before
    opened = Database.open(elsewhere)
    try:
        with pytest.raises(DatabaseTooNew):
            migrate.upgrade(opened)
    finally:
        opened.close()
