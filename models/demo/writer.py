"""The fast insert machinery: ids, value encoding, multi-row inserts, and the item
search index kept in step batch by batch (see the package docstring)."""

from __future__ import annotations

import random
import re
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, column, insert, table
from sqlalchemy.orm import Session

from models.demo.data import DAY

ROWS_PER_STATEMENT = 200
COUNTED_TABLES = (
    "organisation",
    "store",
    "staff",
    "matching_rate",
    "item_category",
    "donor",
    "donation_batch",
    "item",
    "item_event",
    "code_sequence",
    "volunteer",
    "badge",
    "activity",
    "registration",
    "scan_event",
    "attendance_session",
    "hour_entry",
    "activity_feedback",
)

_EPOCH_DAY = date(1970, 1, 1)
_UUID_CLEAR = ((1 << 128) - 1) & ~((0xF << 76) | (0x3 << 62))
_UUID_V4 = (0x4 << 76) | (0x2 << 62)
_CLOCK_MINUTES = tuple(f" {h:02d}:{m:02d}" for h in range(24) for m in range(60))
_CLOCK_SECONDS = tuple(f":{s:02d}.000000" for s in range(60))
# The per-item trigger of the search index, as migration 0003 makes it.
_SEARCH_TRIGGER = re.compile(
    r"CREATE TRIGGER \"?(?P<name>\w+)\"? AFTER INSERT ON \"?item\"? BEGIN "
    r"(?P<body>INSERT INTO \w+ ?\([\w, ]+\) SELECT [\w, ]+ FROM \w+ WHERE item_rowid)"
    r" = new\.rowid; ?END",
    re.IGNORECASE,
)


class Ids:
    """Deterministic version-4 UUIDs (as ints) whose top 48 bits count up.

    Fully random ids made a million-item demo 2.5 times slower (192 s against 76 s):
    each chunk then rewrites pages all over the id and foreign-key indexes.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._next = rng.getrandbits(47)

    def __call__(self) -> int:
        self._next += 1
        return (((self._next << 80) | self._rng.getrandbits(80)) & _UUID_CLEAR) | _UUID_V4


class Codec:
    """Turns generated values (ints, epoch seconds) into what the database takes.

    ``fast`` (SQLite): the text SQLAlchemy itself would store, ready for the
    driver.  Otherwise: Python objects for the typed Core insert.
    """

    def __init__(self, fast: bool) -> None:
        self.fast = fast
        self._days: dict[int, str] = {}

    def uid(self, value: int) -> object:
        return f"{value:032x}" if self.fast else uuid.UUID(int=value)

    def ts(self, seconds: int) -> object:
        if not self.fast:
            return datetime.fromtimestamp(seconds, UTC)
        day_no, rest = divmod(seconds, DAY)
        day = self._days.get(day_no)
        if day is None:
            day = self._days[day_no] = (_EPOCH_DAY + timedelta(days=day_no)).isoformat()
        minutes, second = divmod(rest, 60)
        return day + _CLOCK_MINUTES[minutes] + _CLOCK_SECONDS[second]

    def day(self, value: date) -> object:
        return value.isoformat() if self.fast else value

    def flag(self, value: bool) -> object:
        return int(value) if self.fast else value


class Writer:
    """Inserts rows into one table at a time and keeps the counts.

    On SQLite: multi-row ``INSERT ... VALUES (...), (...)`` of pre-encoded values
    (a quarter cheaper than ``executemany``); elsewhere the typed Core insert.
    """

    def __init__(self, fast: bool) -> None:
        self.fast = fast
        self.counts: dict[str, int] = dict.fromkeys(COUNTED_TABLES, 0)
        self._statements: dict[tuple[str, tuple[str, ...], int], str] = {}
        self._max_params = 0

    def insert(self, session: Session, mapped: Any, rows: Sequence[Mapping[str, object]]) -> None:
        """Rows as dicts that all have the same keys."""
        if rows:
            keys = tuple(rows[0])
            self.insert_tuples(session, mapped, keys, list(map(itemgetter(*keys), rows)))

    def insert_tuples(
        self,
        session: Session,
        mapped: Any,
        keys: tuple[str, ...],
        rows: Sequence[tuple[object, ...]],
    ) -> None:
        """Rows as tuples of the values of ``keys``, in that order."""
        if not rows:
            return
        real: Table = mapped.__table__
        if self.fast:
            connection = session.connection()
            if not self._max_params:
                raw = connection.connection.driver_connection
                limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # type: ignore[union-attr]
                self._max_params = int(limit)
            per_statement = max(1, min(ROWS_PER_STATEMENT, self._max_params // len(keys)))
            for start in range(0, len(rows), per_statement):
                part = rows[start : start + per_statement]
                sql = self._statement(session, real, keys, len(part))
                connection.exec_driver_sql(sql, tuple(chain.from_iterable(part)))
        else:
            session.execute(insert(real), [dict(zip(keys, row, strict=True)) for row in rows])
        self.counts[real.name] = self.counts.get(real.name, 0) + len(rows)

    def _statement(self, session: Session, real: Table, keys: tuple[str, ...], rows: int) -> str:
        """Core's positional INSERT of exactly ``keys``, in that order, for ``rows`` rows."""
        sql = self._statements.get((real.name, keys, rows))
        if sql is None:
            unknown = set(keys) - set(real.columns.keys())
            missing = {c.name for c in real.columns if not c.nullable} - set(keys)
            if unknown or missing:
                raise ValueError(f"demo rows for {real.name}: unknown {unknown}, missing {missing}")
            compiled = insert(table(real.name, *(column(k) for k in keys))).compile(
                dialect=session.get_bind().dialect
            )
            if tuple(compiled.positiontup or ()) != keys:
                raise ValueError(f"unexpected parameter order for {real.name}")
            head, values = str(compiled).split(" VALUES ")
            sql = self._statements[(real.name, keys, rows)] = (
                f"{head} VALUES {', '.join([values] * rows)}"
            )
        return sql


class SearchIndex:
    """Keeps the item search index (migration 0003, SQLite) in step, batch by batch.

    Its AFTER INSERT trigger indexes one item at a time, which makes an item insert
    about five times dearer.  Inside a chunk's transaction the trigger is dropped,
    each batch of new items is indexed with the trigger's own statement run once
    for all of them, and the trigger is recreated, unchanged, before the commit: a
    rollback restores it with everything else.  A trigger of any other shape is
    left alone (slower, never wrong).
    """

    def __init__(self, session: Session, name: str, create_sql: str, statement: str) -> None:
        self.session = session
        self.name = name
        self.create_sql = create_sql
        self.statement = statement
        self.last_rowid = self._max_rowid()
        session.connection().exec_driver_sql(f'DROP TRIGGER "{name}"')

    @classmethod
    def pause(cls, session: Session) -> SearchIndex | None:
        rows = session.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'item'"
        )
        for name, create_sql in rows.all():
            found = _SEARCH_TRIGGER.fullmatch(" ".join(str(create_sql).split()))
            if found and found["name"] == name:
                return cls(session, name, create_sql, found["body"] + " > ?")
        return None

    def _max_rowid(self) -> int:
        found = self.session.connection().exec_driver_sql("SELECT max(rowid) FROM item").scalar()
        return int(found or 0)

    def index_new_items(self) -> None:
        self.session.connection().exec_driver_sql(self.statement, (self.last_rowid,))
        self.last_rowid = self._max_rowid()

    def resume(self) -> None:
        self.session.connection().exec_driver_sql(self.create_sql)
