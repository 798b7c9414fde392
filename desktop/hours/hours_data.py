"""What the hours screen shows for one period, read in one go on the worker thread.

Qt-free: plain values from the ``models`` functions, and the totals of the strip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from models.enums import ApprovalStatus, RequestStatus

if TYPE_CHECKING:
    from models.anomalies import Anomaly
    from models.correction_requests import RequestRow
    from models.hours import ActivityHours, EntryRow, VolunteerHours

ENTRY_LIMIT = 1000


@dataclass(frozen=True)
class Totals:
    attendances: int = 0  # 人次
    minutes: int = 0  # approved + pending
    approved_minutes: int = 0
    pending_minutes: int = 0
    matching_fen: int = 0


@dataclass(frozen=True)
class HoursData:
    start: date | None
    end: date | None
    totals: Totals
    activities: list[ActivityHours] = field(default_factory=list)
    volunteers: list[VolunteerHours] = field(default_factory=list)
    entries: list[EntryRow] = field(default_factory=list)
    entries_cut: bool = False  # more entries than ENTRY_LIMIT in the period
    pending_entries: int = 0  # in the period (at most ENTRY_LIMIT + 1)
    anomalies: list[Anomaly] = field(default_factory=list)
    requests: list[RequestRow] = field(default_factory=list)
    any_data: bool = False  # anything at all in the database (else the empty state)

    @property
    def open_requests(self) -> int:
        return sum(1 for r in self.requests if r.status is RequestStatus.OPEN)


def totals_of(rows: list[ActivityHours]) -> Totals:
    """The strip's figures: the sum over activities (hours without one included)."""
    return Totals(
        sum(r.attendances for r in rows),
        sum(r.minutes for r in rows),
        sum(r.approved_minutes for r in rows),
        sum(r.pending_minutes for r in rows),
        sum(r.matching_fen for r in rows),
    )


def load_hours(
    session: Session,
    start: date | None,
    end: date | None,
    status: ApprovalStatus | None,
) -> HoursData:
    """Everything the screen shows for the period ``start``–``end`` (local days)."""
    from models import anomalies, correction_requests, hours, overview

    activities = hours.hours_by_activity(session, start, end)
    limit = ENTRY_LIMIT + 1
    entries = hours.list_entries(session, status=status, start=start, end=end, limit=limit)
    pending = entries
    if status is not ApprovalStatus.PENDING:
        pending = hours.list_entries(
            session, status=ApprovalStatus.PENDING, start=start, end=end, limit=limit
        )
    summary = overview.hours_summary(session)
    requests = correction_requests.list_requests(session)
    any_data = bool(
        summary.attendances
        or summary.pending_entries
        or summary.approved_minutes
        or summary.open_sessions
        or requests
    )
    return HoursData(
        start,
        end,
        totals_of(activities),
        activities,
        hours.hours_by_volunteer(session, start, end),
        entries[:ENTRY_LIMIT],
        len(entries) > ENTRY_LIMIT,
        len(pending),
        anomalies.list_anomalies(session, start=start, end=end),
        requests,
        any_data,
    )
