"""Engine and session factory.

SQLite by default (one file in the user data folder), any SQLAlchemy URL with
``--db``.  Every SQLite connection runs in WAL mode with ``synchronous=FULL`` (a scan
the kiosk confirmed must survive a power cut), foreign keys on and a busy timeout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models.errors import N_, DatabaseBusy, DatabaseDamaged, DatabaseReadOnly, DiskFull, UserError

APP_NAME = "PartnerDesk"
APP_AUTHOR = "PartnerDesk"
DEFAULT_DB_NAME = "partner-desk.sqlite3"
BUSY_TIMEOUT_MS = 5000


def data_dir() -> Path:
    """The per-user folder for the database, backups and photos."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def normalise_url(db: str | Path | None) -> URL:
    """Turn ``--db`` (a file path or a SQLAlchemy URL) into a URL."""
    if db is None or str(db) == "":
        return URL.create("sqlite", database=str(default_db_path()))
    text = str(db)
    if "://" in text:
        return make_url(text)
    # Built, not parsed: '%', '?' and '#' in a folder name stay part of the path.
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The database file behind a SQLite URL (None for other databases or memory)."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling gets in the way of SAVEPOINT and of
    # BEGIN IMMEDIATE; SQLAlchemy's documented recipe takes it over.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def enable_wal(engine: Engine) -> str:
    """Switch a SQLite file to WAL (persistent); returns the journal mode in effect.

    Called once the file is known to be a Partner Desk database (or empty), so a
    foreign file is never rewritten just by looking at it.
    """
    if engine.dialect.name != "sqlite":
        return ""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        mode = str(raw.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode != "wal":
            try:
                mode = str(raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
            except sqlite3.OperationalError:
                # A read-only folder cannot hold the -wal file; reads still work.
                pass
        return mode


READ_ONLY_OPTION = "partner_desk_read_only"


def _begin_sqlite(conn: Any) -> None:
    # A write transaction takes the write lock at its start: two desks writing
    # the same file then queue on the busy timeout instead of failing mid-way.
    # Reads begin deferred, so they never wait for a writer (WAL).
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(db: str | Path | URL | None = None, *, echo: bool = False) -> Engine:
    url = db if isinstance(db, URL) else normalise_url(db)
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@dataclass(frozen=True)
class Database:
    """An open database: its URL, engine and session factory."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def open(cls, db: str | Path | URL | None = None) -> Database:
        url = db if isinstance(db, URL) else normalise_url(db)
        engine = make_engine(url)
        return cls(url=url, engine=engine, sessions=make_session_factory(engine))

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def display_name(self) -> str:
        path = self.path
        return str(path) if path is not None else self.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One session and one transaction for one user action."""
        with translate_db_errors(), self.sessions() as session, session.begin():
            yield session

    def read_connection(self) -> Connection:
        """A connection for reads only (never waits behind another desk's write)."""
        return self.engine.connect().execution_options(**{READ_ONLY_OPTION: True})

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; never takes the write lock."""
        with translate_db_errors(), self.sessions() as session:
            session.connection(execution_options={READ_ONLY_OPTION: True})
            yield session
            session.rollback()

    def close(self) -> None:
        self.engine.dispose()


def classify_db_error(exc: BaseException) -> UserError | None:
    """Map what the environment did to the database onto a user-facing error."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseBusy(
            N_(
                "The database is busy: another program or desk is writing to it. "
                "Wait a moment and try again."
            )
        )
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return DatabaseReadOnly(
            N_(
                "The database cannot be written. Check that the file and its folder "
                "are not read-only and that the drive is connected."
            )
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(N_("The disk is full. Free some space and try again; nothing was saved."))
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DatabaseDamaged(
            N_("The database file is damaged. Restore a backup (File → Restore from a backup).")
        )
    return None


@contextmanager
def translate_db_errors() -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        mapped = classify_db_error(exc)
        if mapped is None:
            raise
        raise mapped from exc
