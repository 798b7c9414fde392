"""The rows an export carries, table by table, streamed from the database.

``BundleTables`` answers for one export window (``since`` excluded, ``end``
included): the rows of each table of ``models.bundle_spec`` as tuples in the
spec's column order, read with ``yield_per`` (a server-side cursor on PostgreSQL)
so memory stays flat however large the period.  While the rows stream it counts
what it hands out (``Tally``) and collects the volunteers the rows refer to, so the
``volunteers`` table, written last, holds exactly those.

Which rows: activities, attendance sessions, volunteers' correction requests and
feedback changed in the window (``updated_at``); the hour lines an export froze
(``exported_in_id``); the donation summary lines whose figures changed since the
previous export (``models.sync_donations``); for a desk bundle, the scan events of every
activity not yet exported.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeAlias

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Enum,
    Select,
    String,
    and_,
    func,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session

from models.bundle_spec import TABLES_BY_NAME
from models.hour_recalc import chunks
from models.schema import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    CorrectionRequest,
    HourEntry,
    ScanEvent,
    Volunteer,
)
from models.schema.base import UTCDateTime
from models.schema.enums import ActivityState, SessionStatus

YIELD_PER = 2000

Query: TypeAlias = Select[*tuple[Any, ...]]

Row = tuple[Any, ...]
TableData = tuple[Sequence[str], Iterable[Row]]


@dataclass(frozen=True)
class Window:
    """Rows changed after ``since`` (None: from the beginning) up to ``end`` included."""

    since: datetime | None
    end: datetime

    def changed(self, column: Any) -> ColumnElement[bool]:
        upper = column <= self.end
        return upper if self.since is None else and_(column > self.since, upper)


@dataclass
class Tally:
    """What the streamed rows add up to (filled while the bundle is written)."""

    rows: dict[str, int] = field(default_factory=dict)
    attendances: int = 0
    hour_lines: int = 0
    delta_lines: int = 0
    minutes: int = 0
    matching_fen: int = 0
    feedback_received: int = 0
    feedback_waived: int = 0

    def count(self, table: str) -> None:
        self.rows[table] = self.rows.get(table, 0) + 1


# ----------------------------------------------------------------------------- queries


def _plain(column: Any) -> Any:
    """``column`` read as stored: a naive UTC datetime (the bundle writes it as UTC)
    or plain text for a closed set, without the type's conversion per value (it
    costs half the reading time of a large export)."""
    if isinstance(column.type, UTCDateTime):
        return type_coerce(column, DateTime()).label(column.key)
    if isinstance(column.type, Enum):
        return type_coerce(column, String()).label(column.key)
    return column


def _select(*columns: Any) -> Query:
    return select(*(_plain(column) for column in columns))


def activity_query(window: Window, also: Sequence[uuid.UUID] = ()) -> Query:
    changed = window.changed(Activity.updated_at)
    where = or_(changed, Activity.id.in_(also)) if also else changed
    return _select(
        Activity.id,
        Activity.version,
        Activity.updated_at,
        Activity.title,
        Activity.kind,
        Activity.description,
        Activity.starts_at,
        Activity.ends_at,
        Activity.location,
        Activity.programme_tag,
        Activity.state,
        Activity.scheduled_minutes,
        Activity.capacity,
        Activity.walk_ins_allowed,
        Activity.closed_at,
    ).where(where)


def session_query(window: Window) -> Query:
    return _select(
        AttendanceSession.id,
        AttendanceSession.version,
        AttendanceSession.updated_at,
        AttendanceSession.activity_id,
        AttendanceSession.volunteer_id,
        AttendanceSession.started_at,
        AttendanceSession.ended_at,
        AttendanceSession.status,
        AttendanceSession.resolution,
        AttendanceSession.counted_minutes,
        AttendanceSession.needs_review,
        AttendanceSession.check_in_event_id,
        AttendanceSession.check_out_event_id,
    ).where(window.changed(AttendanceSession.updated_at))


def hour_query(export_id: uuid.UUID) -> Query:
    return _select(
        HourEntry.id,
        HourEntry.version,
        HourEntry.updated_at,
        HourEntry.activity_id,
        HourEntry.volunteer_id,
        HourEntry.session_id,
        HourEntry.kind,
        HourEntry.work_date,
        HourEntry.started_at,
        HourEntry.ended_at,
        HourEntry.minutes,
        HourEntry.status,
        HourEntry.matching_fen,
        HourEntry.corrects_id,
        HourEntry.reason,
        HourEntry.requested_by,
        HourEntry.decided_by,
        HourEntry.decided_at,
    ).where(HourEntry.exported_in_id == export_id)


def correction_query(window: Window) -> Query:
    return _select(
        CorrectionRequest.id,
        CorrectionRequest.version,
        CorrectionRequest.updated_at,
        CorrectionRequest.volunteer_id,
        CorrectionRequest.activity_id,
        CorrectionRequest.received_at,
        CorrectionRequest.request_text,
        CorrectionRequest.status,
        CorrectionRequest.response_text,
        CorrectionRequest.answered_by,
        CorrectionRequest.answered_at,
        CorrectionRequest.resulting_entry_id,
    ).where(window.changed(CorrectionRequest.updated_at))


def feedback_query(window: Window) -> Query:
    return _select(
        ActivityFeedback.id,
        ActivityFeedback.version,
        ActivityFeedback.updated_at,
        ActivityFeedback.activity_id,
        ActivityFeedback.people_served,
        ActivityFeedback.beneficiaries,
        ActivityFeedback.work_done,
        ActivityFeedback.outcomes,
        ActivityFeedback.problems,
        ActivityFeedback.photo_count,
        ActivityFeedback.satisfaction,
        ActivityFeedback.waived,
        ActivityFeedback.waive_reason,
        ActivityFeedback.submitted_by,
        ActivityFeedback.submitted_on,
    ).where(window.changed(ActivityFeedback.updated_at))


def scan_event_query() -> Query:
    """Every scan event of an activity not yet exported (for another desk)."""
    live = select(Activity.id).where(Activity.state != ActivityState.EXPORTED)
    return _select(
        ScanEvent.id,
        ScanEvent.recorded_at,
        ScanEvent.activity_id,
        ScanEvent.volunteer_id,
        ScanEvent.device_id,
        ScanEvent.source,
        ScanEvent.outcome,
        ScanEvent.reason,
        ScanEvent.scanned_at,
        ScanEvent.recorded_at,
        ScanEvent.outside_window,
        ScanEvent.backfilled,
    ).where(ScanEvent.activity_id.in_(live))


def count_rows(session: Session, query: Query) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def volunteers_referred(session: Session, window: Window, hours: Query) -> int:
    """How many volunteers the sessions, requests and ``hours`` (a query of
    volunteer ids) of an export name."""
    ids = union(
        select(AttendanceSession.volunteer_id).where(window.changed(AttendanceSession.updated_at)),
        select(CorrectionRequest.volunteer_id).where(window.changed(CorrectionRequest.updated_at)),
        hours,
    )
    return int(session.scalar(select(func.count()).select_from(ids.subquery())) or 0)


# ----------------------------------------------------------------------------- the tables


class BundleTables:
    """The tables of one export as (columns, streamed rows), counting as they go."""

    def __init__(self, session: Session, window: Window, tally: Tally) -> None:
        self.session = session
        self.window = window
        self.tally = tally
        self.volunteer_ids: set[uuid.UUID] = set()

    def _stream(self, query: Query, *order: Any) -> Iterator[Row]:
        # Core on the session's connection: plain rows, no ORM loading per row.
        self.session.flush()
        statement = query.order_by(*order).execution_options(yield_per=YIELD_PER)
        for row in self.session.connection().execute(statement):
            yield tuple(row)

    @staticmethod
    def columns(table: str) -> Sequence[str]:
        return TABLES_BY_NAME[table].column_names

    def activities(self, also: Sequence[uuid.UUID] = ()) -> TableData:
        def rows() -> Iterator[Row]:
            query = activity_query(self.window, also)
            for row in self._stream(query, Activity.starts_at, Activity.id):
                self.tally.count("activities")
                yield row

        return self.columns("activities"), rows()

    def attendance_sessions(self) -> TableData:
        def rows() -> Iterator[Row]:
            query = session_query(self.window)
            for row in self._stream(query, AttendanceSession.updated_at, AttendanceSession.id):
                self.tally.count("attendance_sessions")
                self.volunteer_ids.add(row[4])
                if row[7] != SessionStatus.DISCARDED:
                    self.tally.attendances += 1
                yield row

        return self.columns("attendance_sessions"), rows()

    def hours(self, export_id: uuid.UUID) -> TableData:
        def rows() -> Iterator[Row]:
            order = (HourEntry.work_date, HourEntry.created_at, HourEntry.id)
            for row in self._stream(hour_query(export_id), *order):
                self.tally.count("hours")
                self.volunteer_ids.add(row[4])
                tally = self.tally
                tally.hour_lines += 1
                tally.delta_lines += row[13] is not None
                tally.minutes += row[10]
                tally.matching_fen += row[12] or 0
                yield (*row[:12], row[12] or 0, *row[13:])

        return self.columns("hours"), rows()

    def corrections(self) -> TableData:
        def rows() -> Iterator[Row]:
            query = correction_query(self.window)
            for row in self._stream(query, CorrectionRequest.updated_at, CorrectionRequest.id):
                self.tally.count("corrections")
                self.volunteer_ids.add(row[3])
                yield row

        return self.columns("corrections"), rows()

    def feedback(self) -> TableData:
        def rows() -> Iterator[Row]:
            query = feedback_query(self.window)
            for row in self._stream(query, ActivityFeedback.updated_at, ActivityFeedback.id):
                self.tally.count("feedback")
                if row[11]:
                    self.tally.feedback_waived += 1
                else:
                    self.tally.feedback_received += 1
                yield row

        return self.columns("feedback"), rows()

    def donation_summary(self, lines: Sequence[Row]) -> TableData:
        def rows() -> Iterator[Row]:
            for row in lines:
                self.tally.count("donation_summary")
                yield row

        return self.columns("donation_summary"), rows()

    def scan_events(self) -> TableData:
        def rows() -> Iterator[Row]:
            order = (ScanEvent.scanned_at, ScanEvent.id)
            for event_id, recorded, *rest in self._stream(scan_event_query(), *order):
                self.tally.count("scan_events")
                if rest[1] is not None:
                    self.volunteer_ids.add(rest[1])
                yield (event_id, 1, recorded, *rest)

        return self.columns("scan_events"), rows()

    def volunteers(self) -> TableData:
        def rows() -> Iterator[Row]:
            for part in chunks(sorted(self.volunteer_ids)):
                query = select(
                    Volunteer.id,
                    Volunteer.version,
                    Volunteer.updated_at,
                    Volunteer.code,
                    Volunteer.name,
                    Volunteer.programme_id,
                    Volunteer.employer,
                    Volunteer.phone,
                    Volunteer.merged_into_id,
                ).where(Volunteer.id.in_(part))
                for row in self.session.execute(query.order_by(Volunteer.id)):
                    self.tally.count("volunteers")
                    yield tuple(row)

        return self.columns("volunteers"), rows()
