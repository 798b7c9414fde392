"""The rows an export carries, table by table, streamed from the database.

``BundleTables`` answers for one export window (``since`` excluded, ``end``
included): the rows of each table of ``models.bundle_spec`` as tuples in the
spec's column order, read with Core (no ORM objects) and ``yield_per`` (a
server-side cursor on PostgreSQL) so memory stays flat however large the period.
Values come as stored (ids as SQLite's 32 hex digits, times as naive UTC, closed
sets as text): ``models.bundle_values`` writes those forms without converting each
value.  While the rows stream it counts what it hands out (``Tally``).

Which rows: activities, attendance sessions, volunteers' correction requests and
feedback changed in the window (``updated_at``); the approved hour lines not
exported yet, as the export freezes them (``models.hour_export.FreezePlan``); the
donation summary lines whose figures changed since the previous export
(``models.sync_donations``); for a desk bundle, the scan events of every activity not
yet exported; and the volunteers all those rows refer to.

An export reads in one snapshot and changes rows only afterwards, in a short write
transaction: the activities it marks exported are written as they will be, and
their ids and versions are kept in a temporary table (``models.sync_carried``) so
that the write touches exactly the rows the bundle carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Enum,
    Select,
    String,
    Uuid,
    and_,
    exists,
    func,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session

from models.bundle_spec import TABLES_BY_NAME
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
from models.schema.enums import ActivityState, ApprovalStatus, SessionStatus
from models.sync_carried import Carried, carried_table

if TYPE_CHECKING:
    from models.hour_export import FreezePlan

YIELD_PER = 2000

Query: TypeAlias = Select[*tuple[Any, ...]]
IdsQuery: TypeAlias = Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]]

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


def stored(column: Any) -> Any:
    """``column`` read as stored, without the type's conversion per value (it costs
    more than half the reading time of a large export): plain text for a closed set,
    an id and a UTC time as the database keeps them (on SQLite 32 hex digits and
    ``YYYY-MM-DD HH:MM:SS.ffffff`` text, on PostgreSQL a UUID and a naive datetime),
    all of which ``models.bundle_values`` writes as they are meant."""
    if isinstance(column.type, UTCDateTime | Enum | Uuid):
        return type_coerce(column, String()).label(column.key)
    return column


def _select(*columns: Any) -> Query:
    return select(*(stored(column) for column in columns))


def markable() -> ColumnElement[bool]:
    """Closed activities whose hours are all decided and nobody is checked in (an
    export to the programme office marks them exported)."""
    pending = exists().where(
        HourEntry.activity_id == Activity.id, HourEntry.status == ApprovalStatus.PENDING
    )
    still_in = exists().where(
        AttendanceSession.activity_id == Activity.id,
        AttendanceSession.status == SessionStatus.OPEN,
    )
    return and_(Activity.state == ActivityState.CLOSED, ~pending, ~still_in)


def activity_query(window: Window, marking: bool = False) -> Query:
    """Activities changed in ``window``; ``marking``: also those an export marks."""
    changed = window.changed(Activity.updated_at)
    where = or_(changed, markable()) if marking else changed
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


def unexported(up_to: date) -> tuple[ColumnElement[bool], ...]:
    """The hour entries an export freezes: approved, not exported, worked up to ``up_to``."""
    return (
        HourEntry.status == ApprovalStatus.APPROVED,
        HourEntry.exported_in_id.is_(None),
        HourEntry.work_date <= up_to,
    )


# The order of the hour lines in a bundle, and the order the matching limits count in.
HOUR_ORDER = (HourEntry.work_date, HourEntry.created_at, HourEntry.id)


def hour_query(up_to: date) -> Query:
    """The hour lines an export freezes, without ``updated_at`` and ``matching_fen``
    (the freeze sets both: ``BundleTables.hours``)."""
    return _select(
        HourEntry.id,
        HourEntry.version,
        HourEntry.activity_id,
        HourEntry.volunteer_id,
        HourEntry.session_id,
        HourEntry.kind,
        HourEntry.work_date,
        HourEntry.started_at,
        HourEntry.ended_at,
        HourEntry.minutes,
        HourEntry.status,
        HourEntry.corrects_id,
        HourEntry.reason,
        HourEntry.requested_by,
        HourEntry.decided_by,
        HourEntry.decided_at,
    ).where(*unexported(up_to))


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


def referred(window: Window, hours: Query) -> IdsQuery:
    """The volunteers the sessions, requests and ``hours`` (a query of volunteer
    ids) of an export name."""
    return union(
        select(AttendanceSession.volunteer_id).where(window.changed(AttendanceSession.updated_at)),
        select(CorrectionRequest.volunteer_id).where(window.changed(CorrectionRequest.updated_at)),
        hours,
    )


def scanned() -> Query:
    """The volunteers the scan events of a desk bundle name."""
    live = select(Activity.id).where(Activity.state != ActivityState.EXPORTED)
    return select(ScanEvent.volunteer_id).where(
        ScanEvent.activity_id.in_(live), ScanEvent.volunteer_id.is_not(None)
    )


def volunteers_referred(session: Session, window: Window, hours: Query) -> int:
    """How many volunteers the sessions, requests and ``hours`` of an export name."""
    ids = referred(window, hours)
    return int(session.scalar(select(func.count()).select_from(ids.subquery())) or 0)


# The activities an export marks exported (``BundleTables.activities``, then
# ``models.sync_export``): ids and versions as read.
MARKED_ACTIVITIES = carried_table("pd_export_marked_activities")


# ----------------------------------------------------------------------------- the tables


class BundleTables:
    """The tables of one export as (columns, streamed rows), counting as they go."""

    def __init__(self, session: Session, window: Window, tally: Tally) -> None:
        self.session = session
        self.window = window
        self.tally = tally

    def _stream(self, query: Query, *order: Any) -> Iterator[Any]:
        # Core on the session's connection: plain rows, no ORM loading per row.
        statement = query.order_by(*order).execution_options(yield_per=YIELD_PER)
        yield from self.session.connection().execute(statement)

    @staticmethod
    def columns(table: str) -> Sequence[str]:
        return TABLES_BY_NAME[table].column_names

    def activities(self, marked: Carried | None = None, stamp: datetime | None = None) -> TableData:
        """Activities changed in the window; with ``marked``, also those the export
        marks exported (``markable``), written as they will be after the
        export (state exported, one version up, changed at ``stamp``) and kept in
        ``marked``."""

        def rows() -> Iterator[Row]:
            count = 0
            exported = ActivityState.EXPORTED.value
            ready: set[Any] = set()
            if marked is not None:
                ready = set(self.session.scalars(select(stored(Activity.id)).where(markable())))
            query = activity_query(self.window, marked is not None)
            for row in self._stream(query, Activity.starts_at, Activity.id):
                count += 1
                if marked is not None and row[0] in ready:
                    marked.add(row[0], row[1])
                    yield (row[0], row[1] + 1, stamp, *row[3:10], exported, *row[11:])
                else:
                    yield row
            if marked is not None:
                marked.flush()
            self.tally.rows["activities"] = count

        return self.columns("activities"), rows()

    def attendance_sessions(self) -> TableData:
        def rows() -> Iterator[Row]:
            count = attendances = 0
            discarded = SessionStatus.DISCARDED.value
            query = session_query(self.window)
            for row in self._stream(query, AttendanceSession.updated_at, AttendanceSession.id):
                count += 1
                if row[7] != discarded:
                    attendances += 1
                yield row
            self.tally.rows["attendance_sessions"] = count
            self.tally.attendances += attendances

        return self.columns("attendance_sessions"), rows()

    def hours(self, plan: FreezePlan, stamp: datetime) -> TableData:
        """The hour lines ``plan`` freezes, as they will be once frozen: matching
        amount fixed, one version up, changed at ``stamp``."""

        def rows() -> Iterator[Row]:
            line = plan.line
            for row in self._stream(hour_query(plan.up_to), *HOUR_ORDER):
                entry_id, version, activity = row[0], row[1], row[2]
                fen = line(entry_id, version, row[3], activity, row[6], row[9], row[11])
                yield (entry_id, version + 1, stamp, *row[2:11], fen, *row[11:])
            plan.flush()
            tally = self.tally
            tally.rows["hours"] = plan.entries
            tally.hour_lines += plan.entries
            tally.delta_lines += plan.delta_lines
            tally.minutes += plan.minutes
            tally.matching_fen += plan.matching_fen

        return self.columns("hours"), rows()

    def corrections(self) -> TableData:
        def rows() -> Iterator[Row]:
            count = 0
            query = correction_query(self.window)
            for row in self._stream(query, CorrectionRequest.updated_at, CorrectionRequest.id):
                count += 1
                yield row
            self.tally.rows["corrections"] = count

        return self.columns("corrections"), rows()

    def feedback(self) -> TableData:
        def rows() -> Iterator[Row]:
            count = waived = 0
            query = feedback_query(self.window)
            for row in self._stream(query, ActivityFeedback.updated_at, ActivityFeedback.id):
                count += 1
                waived += bool(row[11])
                yield row
            tally = self.tally
            tally.rows["feedback"] = count
            tally.feedback_waived += waived
            tally.feedback_received += count - waived

        return self.columns("feedback"), rows()

    def donation_summary(self, lines: Sequence[Row]) -> TableData:
        def rows() -> Iterator[Row]:
            yield from lines
            self.tally.rows["donation_summary"] = len(lines)

        return self.columns("donation_summary"), rows()

    def scan_events(self) -> TableData:
        def rows() -> Iterator[Row]:
            count = 0
            order = (ScanEvent.scanned_at, ScanEvent.id)
            for event_id, recorded, *rest in self._stream(scan_event_query(), *order):
                count += 1
                yield (event_id, 1, recorded, *rest)
            self.tally.rows["scan_events"] = count

        return self.columns("scan_events"), rows()

    def volunteers(self, people: IdsQuery) -> TableData:
        """The volunteers ``people`` (a query of their ids) names, by id: those the
        other tables refer to, read in the same snapshot (``referred``, ``scanned``)."""

        def rows() -> Iterator[Row]:
            count = 0
            query = _select(
                Volunteer.id,
                Volunteer.version,
                Volunteer.updated_at,
                Volunteer.code,
                Volunteer.name,
                Volunteer.programme_id,
                Volunteer.employer,
                Volunteer.phone,
                Volunteer.merged_into_id,
            ).where(Volunteer.id.in_(people))
            for row in self._stream(query, Volunteer.id):
                count += 1
                yield row
            self.tally.rows["volunteers"] = count

        return self.columns("volunteers"), rows()
