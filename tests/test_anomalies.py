"""The anomaly queue: each kind is found, offers its actions, and each resolution
changes what it should, refreshes the hours and writes an audit row."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import anomalies, hours
from models.anomalies import Action, AnomalyKind
from models.db import Database
from models.errors import UserError
from models.schema import Activity, AttendanceSession, AuditEntry, HourEntry, ScanEvent, Volunteer
from models.schema.enums import (
    ActivityState,
    ApprovalStatus,
    ScanOutcome,
    ScanSource,
    SessionStatus,
)

STAFF = "王老师"
ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 6, 30, tzinfo=UTC)


def cst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=ZONE).astimezone(UTC)


def add(s: Session, row: object) -> uuid.UUID:
    s.add(row)
    s.flush()
    identity = getattr(row, "id")  # noqa: B009 - every row here has an id
    assert isinstance(identity, uuid.UUID)
    return identity


def activity(s: Session, start: datetime, end: datetime, title: str) -> uuid.UUID:
    return add(
        s,
        Activity(
            id=uuid.uuid4(), title=title, starts_at=start, ends_at=end, state=ActivityState.OPEN
        ),
    )


def scan(
    s: Session,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    at: datetime,
    outcome: ScanOutcome,
    device: str = "K1",
) -> uuid.UUID:
    return add(
        s,
        ScanEvent(
            id=uuid.uuid4(),
            activity_id=activity_id,
            volunteer_id=volunteer_id,
            device_id=device,
            source=ScanSource.SCANNER,
            outcome=outcome,
            payload="PDV:GREEN:V000001:1:X",
            scanned_at=at,
        ),
    )


def attend(
    s: Session,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    start: datetime,
    end: datetime | None,
    *,
    device: str | None = None,
    needs_review: bool = False,
) -> uuid.UUID:
    # Each session on a kiosk of its own unless a test shares one on purpose.
    device = device or f"K-{uuid.uuid4().hex[:6]}"
    check_in = scan(s, activity_id, volunteer_id, start, ScanOutcome.CHECK_IN, device)
    check_out = None
    if end is not None:
        check_out = scan(s, activity_id, volunteer_id, end, ScanOutcome.CHECK_OUT, device)
    return add(
        s,
        AttendanceSession(
            id=uuid.uuid4(),
            activity_id=activity_id,
            volunteer_id=volunteer_id,
            check_in_event_id=check_in,
            check_out_event_id=check_out,
            started_at=start,
            ended_at=end,
            status=SessionStatus.OPEN if end is None else SessionStatus.CLOSED,
            needs_review=needs_review,
        ),
    )


@pytest.fixture
def world(org_database: Database) -> dict[str, uuid.UUID]:
    with org_database.transaction() as s:
        morning = activity(s, cst(7, 9), cst(7, 12), "旧衣分拣")
        other = activity(s, cst(7, 10), cst(7, 13), "社区义卖")
        zhang = add(s, Volunteer(id=uuid.uuid4(), code="V000001", name="张三"))
        li = add(s, Volunteer(id=uuid.uuid4(), code="V000002", name="李四"))
        return {"morning": morning, "other": other, "zhang": zhang, "li": li}


def kinds(s: Session, **kw: object) -> list[tuple[AnomalyKind, str | None]]:
    return [(a.kind, a.volunteer_name) for a in anomalies.list_anomalies(s, now=NOW, **kw)]  # type: ignore[arg-type]


def test_an_orderly_activity_has_no_anomalies(
    org_database: Database, world: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as s:
        attend(s, world["morning"], world["zhang"], cst(7, 9), cst(7, 12))
        assert kinds(s) == []


def test_open_session_after_the_end_is_closed_at_the_scheduled_end(
    org_database: Database, world: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as s:
        sid = attend(s, world["morning"], world["zhang"], cst(7, 9), None)
        # Still running: not an anomaly yet.
        assert anomalies.list_anomalies(s, now=cst(7, 11)) == []
        [item] = anomalies.list_anomalies(s, now=NOW)
        assert item.kind is AnomalyKind.OPEN_SESSION and item.session_id == sid
        assert item.actions == (Action.CLOSE_AT_END, Action.SET_TIMES, Action.DISCARD)
        assert item.activity_title == "旧衣分拣"
        result = anomalies.resolve(s, item, Action.CLOSE_AT_END, staff=STAFF, now=NOW)
        row = s.get(AttendanceSession, sid)
        assert row is not None
        assert (row.status, row.ended_at, row.resolution, row.resolved_by) == (
            SessionStatus.RESOLVED,
            cst(7, 12),
            "scheduled_end",
            STAFF,
        )
        assert result.entries is not None and len(result.entries.created) == 1
        [entry] = s.scalars(select(HourEntry))
        assert entry.minutes == 180 and entry.status is ApprovalStatus.PENDING
        [log] = s.scalars(select(AuditEntry).where(AuditEntry.action == anomalies.RESOLVE_ACTION))
        assert log.before["status"] == "open" and log.after["status"] == "resolved"
        assert kinds(s) == []


def test_set_times_needs_a_reason_and_a_sane_check_out(
    org_database: Database, world: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as s:
        attend(s, world["morning"], world["zhang"], cst(7, 9), None)
        [item] = anomalies.list_anomalies(s, now=NOW)
    for kwargs, match in [
        ({"ended_at": cst(7, 11)}, "reason"),
        ({"ended_at": cst(7, 8), "reason": "忘记签退"}, "after the check-in"),
        ({"ended_at": datetime(2026, 1, 1, tzinfo=UTC), "reason": "x"}, "future"),
    ]:
        with pytest.raises(UserError, match=match), org_database.transaction() as s:
            anomalies.resolve(s, item, Action.SET_TIMES, staff=STAFF, now=NOW, **kwargs)  # type: ignore[arg-type]
    with org_database.transaction() as s:
        anomalies.resolve(
            s, item, Action.SET_TIMES, staff=STAFF, ended_at=cst(7, 11), reason="忘记签退", now=NOW
        )
        [entry] = s.scalars(select(HourEntry))
        assert entry.minutes == 120


def test_long_overlapping_and_reviewed_sessions(
    org_database: Database, world: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as s:
        a = attend(s, world["morning"], world["zhang"], cst(7, 9), cst(7, 11))
        b = attend(s, world["other"], world["zhang"], cst(7, 10), cst(7, 13))
        review = attend(s, world["morning"], world["li"], cst(7, 9), cst(7, 12), needs_review=True)
        found = anomalies.list_anomalies(s, now=NOW)
        assert [(i.kind, i.session_id) for i in found] == [
            (AnomalyKind.NEEDS_REVIEW, review),
            (AnomalyKind.OVERLAP, min((a, b), key=str)),
        ]
        overlap = found[1]
        assert overlap.other_session_id == max((a, b), key=str)
        # Only activity "morning": the overlap with "other" is still listed.
        scoped = anomalies.list_anomalies(s, activity_id=world["morning"], now=NOW)
        assert [i.kind for i in scoped] == [AnomalyKind.NEEDS_REVIEW, AnomalyKind.OVERLAP]
        anomalies.resolve(
            s, overlap, Action.DISCARD, staff=STAFF, reason="重复签到", target_session_id=b
        )
        row = s.get(AttendanceSession, b)
        assert row is not None and row.status is SessionStatus.DISCARDED
        anomalies.resolve(s, found[0], Action.ACCEPT, staff=STAFF)
        row = s.get(AttendanceSession, review)
        assert row is not None and not row.needs_review
        assert kinds(s) == []
    with org_database.transaction() as s:
        long_one = attend(s, world["other"], world["li"], cst(7, 13), cst(8, 1))
        [item] = anomalies.list_anomalies(s, kinds=[AnomalyKind.LONG_SESSION], now=NOW)
        assert item.session_id == long_one and item.params["minutes"] == 720
        anomalies.resolve(s, item, Action.ACCEPT, staff=STAFF, reason="通宵值守")
        assert anomalies.list_anomalies(s, kinds=[AnomalyKind.LONG_SESSION], now=NOW) == []
        accepted = s.scalars(select(AuditEntry).where(AuditEntry.action == "anomaly.accept")).one()
        assert accepted.reason == "通宵值守" and accepted.after["kind"] == "long_session"


def test_scans_outside_the_window_and_clock_jumps(
    org_database: Database, world: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as s:
        # The device clock was set back an hour between two scans.
        attend(s, world["morning"], world["zhang"], cst(7, 10), cst(7, 13, 30), device="K2")
        scan(s, world["morning"], world["li"], cst(7, 9, 5), ScanOutcome.CHECK_IN, device="K2")
        found = anomalies.list_anomalies(s, now=NOW)
        assert [(i.kind, i.volunteer_name) for i in found] == [
            (AnomalyKind.CLOCK_JUMP, "李四"),
            (AnomalyKind.OUTSIDE_WINDOW, "张三"),
        ]
        jump, outside = found
        assert jump.params["device"] == "K2" and jump.actions == (Action.ACCEPT,)
        assert outside.actions == (Action.SET_TIMES, Action.DISCARD, Action.ACCEPT)
        anomalies.resolve(s, jump, Action.ACCEPT, staff=STAFF, reason="已核对")
        anomalies.resolve(
            s,
            outside,
            Action.SET_TIMES,
            staff=STAFF,
            ended_at=cst(7, 12),
            reason="按活动结束时间",
            now=NOW,
        )
        [entry] = s.scalars(select(HourEntry))
        assert entry.minutes == 120
        # The scan itself stays outside the window (scans are append-only) until accepted.
        [left] = anomalies.list_anomalies(s, now=NOW)
        assert left.kind is AnomalyKind.OUTSIDE_WINDOW
        anomalies.resolve(s, left, Action.ACCEPT, staff=STAFF)
        assert anomalies.list_anomalies(s, now=NOW) == []


def test_sessions_with_approved_hours_are_not_changed_here(
    org_database: Database, world: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as s:
        reviewed = attend(
            s, world["morning"], world["li"], cst(7, 9), cst(7, 12), needs_review=True
        )
        # 09:00–21:00 is longer than the 10-hour cap per session.
        sid = attend(s, world["morning"], world["zhang"], cst(7, 9), cst(7, 21))
        hours.refresh_session_entries(s, world["morning"])
        hours.approve_activity(s, world["morning"], staff=STAFF)  # skips the flagged one
        assert [i.kind for i in anomalies.list_anomalies(s, now=NOW)] == [
            AnomalyKind.LONG_SESSION,
            AnomalyKind.NEEDS_REVIEW,
            AnomalyKind.OUTSIDE_WINDOW,
        ]
        flagged = s.scalars(select(HourEntry).where(HourEntry.session_id == reviewed)).one()
        hours.approve_entry(s, flagged.id, staff=STAFF)  # one by one: that is the review
        [item] = anomalies.list_anomalies(s, kinds=[AnomalyKind.LONG_SESSION], now=NOW)
        assert item.session_id == sid
        assert [i.kind for i in anomalies.list_anomalies(s, now=NOW)] == [
            AnomalyKind.LONG_SESSION,
            AnomalyKind.OUTSIDE_WINDOW,
        ]
    with pytest.raises(UserError, match="correction"), org_database.transaction() as s:
        anomalies.resolve(s, item, Action.DISCARD, staff=STAFF, reason="重复")
    with pytest.raises(UserError, match="correction"), org_database.transaction() as s:
        anomalies.resolve(
            s, item, Action.SET_TIMES, staff=STAFF, ended_at=cst(7, 12), reason="x", now=NOW
        )
    with pytest.raises(UserError, match="does not apply"), org_database.transaction() as s:
        anomalies.resolve(s, item, Action.CLOSE_AT_END, staff=STAFF)
