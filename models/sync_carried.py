"""Rows a bundle carries that its export changes afterwards, kept in temporary tables.

An export (``models.sync_export``) streams its bundle from one read snapshot and
changes rows only afterwards, in a short write transaction.  The rows it will change
— the activities it marks exported, the hour lines it freezes — are written into
the bundle as they will be, and their ids and versions (and whatever else the write
needs) go into a temporary table on the export's own connection as they stream.  The
write then touches exactly those rows, and only at the versions read: any change to
a synced row raises its version, so a row another desk changed in between is not
overwritten — the export is refused instead (``changed_meanwhile``), and nothing is
changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Uuid, insert
from sqlalchemy.schema import CreateTable, DropTable

from models.errors import N_, DatabaseBusy


class Carried:
    """Rows a bundle carries that its export changes afterwards, in a temporary table.

    The table lives on the export's connection only; the write that follows reads
    it to touch exactly the rows that were written, at the versions written.
    ``add`` takes a row's values in the table's column order, as stored.
    """

    BATCH = 2000

    def __init__(self, connection: Connection, table: Table) -> None:
        self.connection = connection
        self.table = table
        self.count = 0
        self._batch: list[tuple[Any, ...]] = []
        connection.execute(DropTable(table, if_exists=True))
        connection.execute(CreateTable(table))
        statement = insert(table).compile(dialect=connection.dialect)
        # Positional parameters (SQLite) go to the driver as they are: the values are
        # already as stored, and this is one row per hour line of a year's export.
        self._direct = str(statement) if statement.positional else None

    def add(self, *values: Any) -> None:
        self._batch.append(values)
        self.count += 1
        if len(self._batch) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        if self._direct is not None:
            self.connection.exec_driver_sql(self._direct, self._batch)
        else:
            names = self.table.columns.keys()
            rows = [dict(zip(names, row, strict=True)) for row in self._batch]
            self.connection.execute(insert(self.table), rows)
        self._batch = []

    def drop(self) -> None:
        self._batch = []
        self.connection.execute(DropTable(self.table, if_exists=True))


def changed_meanwhile() -> DatabaseBusy:
    """The error when rows an export carries changed between its snapshot and its
    write (another desk wrote them): the same as any busy database, try again."""
    return DatabaseBusy(
        N_(
            "The database is busy: another program or desk is writing to it. "
            "Wait a moment and try again."
        )
    )


def carried_table(name: str, *extra: Column[Any]) -> Table:
    """A temporary table of ids (as the database keeps them) and versions."""
    return Table(
        name,
        MetaData(),
        Column("id", Uuid(as_uuid=False), primary_key=True),
        Column("version", Integer, nullable=False),
        *extra,
        prefixes=["TEMPORARY"],
        sqlite_with_rowid=False,  # rows kept in id order: no second index to fill
    )
