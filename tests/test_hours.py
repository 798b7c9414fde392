"""Service hours in the database: session entries, approvals (PIN, second approval,
review flags), supplemental and correction entries with their refusals, explicit
recalculation, totals and matching money, the rate table, and freezing for export.
Approved totals change only on approval; every decision writes an audit row."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import hours, organisation, settings
from models.db import Database
from models.errors import UserError
from models.hour_rules import HourRules
from models.hours import RecalcScope, SupplementalData
from models.schema import (
    Activity,
    AttendanceSession,
    AuditEntry,
    HourEntry,
    MatchingRate,
    SyncLog,
    Volunteer,
)
from models.schema.enums import (
    ActivityState,
    ApprovalStatus,
    HourKind,
    SessionStatus,
    SyncDirection,
)

STAFF = "王老师"
OTHER = "李老师"
ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 6, 30, tzinfo=UTC)


def cst(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=ZONE).astimezone(UTC)


def volunteer(s: Session, code: str = "V000001", name: str = "张三") -> uuid.UUID:
    row = Volunteer(id=uuid.uuid4(), code=code, name=name, name_initials="ZS")
    s.add(row)
    s.flush()
    return row.id


def activity(
    s: Session, start: datetime, end: datetime, title: str = "旧衣分拣", scheduled: int = 0
) -> uuid.UUID:
    row = Activity(
        id=uuid.uuid4(),
        title=title,
        starts_at=start,
        ends_at=end,
        scheduled_minutes=scheduled,
        state=ActivityState.CLOSED,
    )
    s.add(row)
    s.flush()
    return row.id


def attend(
    s: Session,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    start: datetime,
    end: datetime | None,
    *,
    status: SessionStatus = SessionStatus.CLOSED,
    needs_review: bool = False,
) -> uuid.UUID:
    row = AttendanceSession(
        id=uuid.uuid4(),
        activity_id=activity_id,
        volunteer_id=volunteer_id,
        started_at=start,
        ended_at=end,
        status=status if end is not None else SessionStatus.OPEN,
        counted_minutes=0,
        needs_review=needs_review,
    )
    s.add(row)
    s.flush()
    return row.id


def entries(s: Session, **where: Any) -> list[HourEntry]:
    query = select(HourEntry).filter_by(**where).order_by(HourEntry.work_date, HourEntry.kind)
    return list(s.scalars(query))


def audit_actions(s: Session, prefix: str = "hour_entry.") -> list[str]:
    rows = s.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.action.startswith(prefix))
        .order_by(AuditEntry.at)
    )
    return list(rows)


def count(s: Session, model: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def refused(db: Database, call: Callable[[Session], object], match: str) -> None:
    """``call`` raises a UserError matching ``match`` and leaves nothing behind."""
    with db.reading() as s:
        before = (count(s, HourEntry), count(s, AuditEntry), count(s, MatchingRate))
    with pytest.raises(UserError, match=match), db.transaction() as s:
        call(s)
    with db.reading() as s:
        assert (count(s, HourEntry), count(s, AuditEntry), count(s, MatchingRate)) == before


@pytest.fixture
def db(org_database: Database) -> Database:
    return org_database


@pytest.fixture
def base(db: Database) -> dict[str, uuid.UUID]:
    """A morning activity (09:00–12:00 on 7 March 2025) and two volunteers."""
    with db.transaction() as s:
        return {
            "activity": activity(s, cst(7, 9), cst(7, 12)),
            "zhang": volunteer(s),
            "li": volunteer(s, "V000002", "李四"),
        }


# ----------------------------------------------------------------------------- sessions


def test_closed_sessions_become_pending_entries_under_the_rules(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        first = attend(s, base["activity"], base["zhang"], cst(7, 9, 2), cst(7, 11, 54))
        attend(s, base["activity"], base["li"], cst(7, 8, 50), None)  # still open
        result = hours.refresh_session_entries(s, base["activity"])
        assert len(result.created) == 1
        [entry] = entries(s)
        assert (entry.kind, entry.status, entry.minutes) == (
            HourKind.SESSION,
            ApprovalStatus.PENDING,
            165,  # 172 minutes rounded down to the quarter hour
        )
        assert entry.work_date == date(2025, 3, 7)
        row = s.get(AttendanceSession, first)
        assert row is not None and row.counted_minutes == 165
        assert hours.refresh_session_entries(s, base["activity"]).created == ()
        [totals] = hours.hours_by_activity(s)
        assert (totals.approved_minutes, totals.pending_minutes, totals.matching_fen) == (0, 165, 0)
        assert totals.attendances == 2  # the open session is an attendance too
        hours.approve_entry(s, entry.id, staff=STAFF)
        [totals] = hours.hours_by_activity(s)
        assert (totals.approved_minutes, totals.pending_minutes) == (165, 0)
        assert totals.matching_fen == 275_00  # 2.75 h × ¥100
        assert audit_actions(s) == ["hour_entry.approve"]


def test_a_night_session_gives_one_entry_per_local_day(db: Database) -> None:
    with db.transaction() as s:
        night = activity(s, cst(7, 22), cst(8, 2), title="夜间热线")
        who = volunteer(s)
        attend(s, night, who, cst(7, 22), cst(8, 2))
        hours.refresh_session_entries(s, night)
        found = [(e.work_date, e.minutes) for e in entries(s)]
        assert found == [(date(2025, 3, 7), 120), (date(2025, 3, 8), 120)]


def test_entries_follow_their_session_until_approved(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        sid = attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 10))
        hours.refresh_session_entries(s, base["activity"])
        row = s.get(AttendanceSession, sid)
        assert row is not None
        row.ended_at = cst(7, 11)
        result = hours.refresh_session_entries(s, base["activity"], staff=STAFF)
        [entry] = entries(s)
        assert result.updated == (entry.id,) and entry.minutes == 120
        assert audit_actions(s) == ["hour_entry.refresh"]
        hours.approve_entry(s, entry.id, staff=STAFF)
        row.ended_at = cst(7, 12)
        result = hours.refresh_session_entries(s, base["activity"])
        assert (result.updated, result.locked) == ((), 1)
        assert entries(s)[0].minutes == 120  # approved history is never rewritten


def test_discarded_session_rejects_its_pending_entries(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        sid = attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 10))
        hours.refresh_session_entries(s, base["activity"])
        row = s.get(AttendanceSession, sid)
        assert row is not None
        row.status = SessionStatus.DISCARDED
        result = hours.refresh_session_entries(s, base["activity"], staff=STAFF)
        [entry] = entries(s)
        assert result.rejected == (entry.id,) and entry.status is ApprovalStatus.REJECTED


# ----------------------------------------------------------------------------- approvals


def test_bulk_approval_skips_sessions_flagged_for_review(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        attend(s, base["activity"], base["li"], cst(7, 9), cst(7, 12), needs_review=True)
        hours.refresh_session_entries(s, base["activity"])
        result = hours.approve_activity(s, base["activity"], staff=STAFF)
        assert len(result.approved) == 1 and len(result.skipped) == 1
        [flagged] = [r for r in hours.list_entries(s) if r.needs_review]
        assert flagged.status is ApprovalStatus.PENDING
        assert hours.approve_entry(s, flagged.id, staff=STAFF).approved == (flagged.id,)
        assert audit_actions(s) == ["hour_entry.approve", "hour_entry.approve"]


def test_approval_needs_the_pin_when_one_is_set(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        organisation.set_staff_pin(s, staff=STAFF, pin="2468")
        [entry] = entries(s)
        entry_id = entry.id
    refused(db, lambda s: hours.approve_entry(s, entry_id, staff=STAFF, pin="1111"), "PIN")
    refused(db, lambda s: hours.approve_entry(s, entry_id, staff=STAFF), "PIN")
    with db.transaction() as s:
        assert hours.approve_entry(s, entry_id, staff=STAFF, pin="２４６８").approved == (entry_id,)


def test_a_long_day_needs_a_second_approver(db: Database) -> None:
    with db.transaction() as s:
        day = activity(s, cst(7, 8), cst(7, 18), title="仓库盘点")
        who = volunteer(s)
        attend(s, day, who, cst(7, 8), cst(7, 17, 30))  # 9.5 h > 8 h
        hours.refresh_session_entries(s, day)
        [entry] = entries(s)
        first = hours.approve_entry(s, entry.id, staff=STAFF)
        assert first.awaiting_second == (entry.id,) and entry.status is ApprovalStatus.PENDING
        [row] = hours.list_entries(s)
        assert row.awaiting_second
        assert hours.hours_by_volunteer(s)[0].approved_minutes == 0
        entry_id = entry.id
    refused(db, lambda s: hours.approve_entry(s, entry_id, staff=STAFF), "second approval")
    with db.transaction() as s:
        assert hours.approve_entry(s, entry_id, staff=OTHER).approved == (entry_id,)
        entry = s.get(HourEntry, entry_id)
        assert entry is not None
        assert (entry.decided_by, entry.second_approver) == (STAFF, OTHER)
        assert audit_actions(s) == ["hour_entry.first_approval", "hour_entry.approve"]
        assert hours.hours_by_volunteer(s)[0].approved_minutes == 570


def test_rejection_needs_a_reason_and_is_final(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        entry_id = entries(s)[0].id
    refused(db, lambda s: hours.reject_entry(s, entry_id, staff=STAFF, reason=" "), "reason")
    with db.transaction() as s:
        hours.reject_entry(s, entry_id, staff=STAFF, reason="代签")
        [row] = s.scalars(select(AuditEntry).where(AuditEntry.action == "hour_entry.reject"))
        assert row.reason == "代签" and row.before["status"] == "pending"
        assert row.after["status"] == "rejected"
    refused(db, lambda s: hours.approve_entry(s, entry_id, staff=STAFF), "already rejected")


# ----------------------------------------------------------------------------- supplemental


def supplemental(
    who: uuid.UUID, start: datetime, end: datetime, activity_id: uuid.UUID | None = None
) -> SupplementalData:
    return SupplementalData(who, start, end, "纸质签到表", activity_id)


def test_supplemental_entry_is_pending_counted_and_audited(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        data = supplemental(base["zhang"], cst(7, 9, 10), cst(7, 11, 30), base["activity"])
        added = hours.add_supplemental(s, data, staff=STAFF, now=NOW)
        assert (added.minutes, added.served_minutes) == (135, 140)
        [entry] = entries(s)
        assert (entry.kind, entry.status, entry.reason, entry.requested_by) == (
            HourKind.SUPPLEMENTAL,
            ApprovalStatus.PENDING,
            "纸质签到表",
            STAFF,
        )
        assert audit_actions(s) == ["hour_entry.supplemental"]
        assert hours.hours_by_volunteer(s)[0].approved_minutes == 0


@pytest.mark.parametrize(
    ("start", "end", "match"),
    [
        (cst(7, 11), cst(7, 9), "must be after the start"),
        (datetime(2025, 7, 1, 1, tzinfo=UTC), datetime(2025, 7, 1, 3, tzinfo=UTC), "not come yet"),
        (cst(7, 22), cst(8, 2), "one day"),
        (cst(7, 10), cst(7, 11), "overlap"),  # overlaps the first supplemental entry
        (cst(7, 13, 30), cst(7, 14, 30), "overlap"),  # overlaps an attendance session
        (cst(7, 11), cst(7, 11, 20), "Less than 30 minutes"),
    ],
)
def test_bad_supplemental_entries_are_refused(
    db: Database, base: dict[str, uuid.UUID], start: datetime, end: datetime, match: str
) -> None:
    with db.transaction() as s:
        hours.add_supplemental(
            s, supplemental(base["zhang"], cst(7, 9), cst(7, 10, 30)), staff=STAFF, now=NOW
        )
        afternoon = activity(s, cst(7, 13), cst(7, 17), title="下午场")
        attend(s, afternoon, base["zhang"], cst(7, 13), cst(7, 17))
    refused(
        db,
        lambda s: hours.add_supplemental(
            s, supplemental(base["zhang"], start, end), staff=STAFF, now=NOW
        ),
        match,
    )


def test_supplemental_on_a_full_day_is_refused(db: Database) -> None:
    with db.transaction() as s:
        long_day = activity(s, cst(7, 7), cst(7, 20), title="全天")
        who = volunteer(s)
        attend(s, long_day, who, cst(7, 7), cst(7, 19))  # capped at 10 h, day cap 12 h
        hours.refresh_session_entries(s, long_day)
        data = supplemental(who, cst(7, 20), cst(7, 23))
        assert hours.add_supplemental(s, data, staff=STAFF, now=NOW).minutes == 120
    data = supplemental(who, cst(7, 23), cst(7, 23, 59))
    refused(db, lambda s: hours.add_supplemental(s, data, staff=STAFF, now=NOW), "720 minutes")


def test_supplemental_needs_a_reason_and_staff(db: Database, base: dict[str, uuid.UUID]) -> None:
    data = dataclasses.replace(supplemental(base["zhang"], cst(7, 9), cst(7, 10)), reason=" ")
    refused(db, lambda s: hours.add_supplemental(s, data, staff=STAFF, now=NOW), "reason")
    data = supplemental(base["zhang"], cst(7, 9), cst(7, 10))
    refused(db, lambda s: hours.add_supplemental(s, data, staff="", now=NOW), "staff")


# ----------------------------------------------------------------------------- corrections


def test_corrections_are_new_rows_counted_only_once_approved(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        entry_id = entries(s)[0].id
    refused(
        db,
        lambda s: hours.add_correction(s, entry_id, 120, reason="早退", staff=STAFF),
        "approve or reject them instead",
    )
    with db.transaction() as s:
        hours.approve_entry(s, entry_id, staff=STAFF)
        added = hours.add_correction(s, entry_id, 150, reason="早退半小时", staff=STAFF)
        assert (added.minutes, added.delta_line) == (-30, False)
        correction = s.get(HourEntry, added.entry_id)
        assert correction is not None
        assert (correction.kind, correction.corrects_id, correction.status) == (
            HourKind.CORRECTION,
            entry_id,
            ApprovalStatus.PENDING,
        )
        original = s.get(HourEntry, entry_id)
        assert original is not None and original.minutes == 180  # locked, untouched
        assert hours.hours_by_volunteer(s)[0].approved_minutes == 180
        correction_id = added.entry_id
    refused(
        db,
        lambda s: hours.add_correction(s, entry_id, 100, reason="再改", staff=STAFF),
        "already waiting",
    )
    with db.transaction() as s:
        hours.approve_entry(s, correction_id, staff=OTHER)
        assert hours.corrected_minutes(s, entry_id) == 150
        [totals] = hours.hours_by_volunteer(s)
        assert (totals.approved_minutes, totals.matching_fen) == (150, 250_00)
        assert audit_actions(s) == [
            "hour_entry.approve",
            "hour_entry.correction",
            "hour_entry.approve",
        ]
    refused(
        db,
        lambda s: hours.add_correction(s, correction_id, 150, reason="同上", staff=STAFF),
        "same as now",
    )


# ----------------------------------------------------------------------------- recalculation


def test_recalculation_is_previewed_then_applied_and_audited(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9, 2), cst(7, 11, 54))
        attend(s, base["activity"], base["li"], cst(7, 9, 1), cst(7, 11, 53))
        hours.refresh_session_entries(s, base["activity"])
        locked = next(e for e in entries(s) if e.volunteer_id == base["li"])
        hours.approve_entry(s, locked.id, staff=STAFF)
    exact = dataclasses.replace(HourRules(), rounding_step_minutes=1)
    with db.transaction() as s:
        audits = count(s, AuditEntry)
        preview = hours.recalculate_preview(s, exact, RecalcScope(activity_id=base["activity"]))
        assert [(c.op, c.old_minutes, c.new_minutes) for c in preview.changes] == [
            ("update", 165, 172)
        ]
        assert [(d.locked_minutes, d.rule_minutes) for d in preview.locked] == [(165, 172)]
        assert (preview.pending_minutes_before, preview.pending_minutes_after) == (165, 172)
        assert count(s, AuditEntry) == audits  # a preview writes nothing
        assert settings.load(s, HourRules) == HourRules()  # type: ignore[type-var]
    with db.transaction() as s:
        result = hours.apply_recalculation(s, exact, staff=STAFF, reason="按分钟计")
        assert len(result.updated) == 1 and result.locked == 1 and result.rules_changed
        minutes = {e.volunteer_id: e.minutes for e in entries(s)}
        assert minutes == {base["zhang"]: 172, base["li"]: 165}
        assert hours.load_rules(s) == exact
        actions = audit_actions(s, "")
        assert actions[-3:] == ["setting.change", "hour_entry.recalculate", "hours.recalculate"]


def test_recalculation_scope_by_local_dates(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.transaction() as s:
        later = activity(s, cst(9, 9), cst(9, 12), title="九日")
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 10, 50))
        attend(s, later, base["zhang"], cst(9, 9), cst(9, 10, 50))
        for activity_id in (base["activity"], later):
            hours.refresh_session_entries(s, activity_id)
        exact = dataclasses.replace(HourRules(), rounding_step_minutes=1)
        scope = RecalcScope(start=date(2025, 3, 9), end=date(2025, 3, 9))
        preview = hours.recalculate_preview(s, exact, scope)
        assert [(c.work_date, c.new_minutes) for c in preview.changes] == [(date(2025, 3, 9), 110)]
        hours.apply_recalculation(s, exact, scope, staff=STAFF)
        assert [e.minutes for e in entries(s)] == [105, 110]


# ----------------------------------------------------------------------------- money


def test_rate_change_on_the_activity_date_in_the_local_zone(db: Database) -> None:
    with db.transaction() as s:
        organisation.set_rate(s, staff=STAFF, fen_per_hour=120_00, effective_from=date(2025, 4, 1))
        # 00:30–02:30 on 1 April in Shanghai is still 31 March in UTC.
        april = activity(s, cst(1, 0, 30, month=4), cst(1, 2, 30, month=4), title="四月")
        march = activity(s, cst(31, 21), cst(31, 23), title="三月")
        who = volunteer(s)
        attend(s, april, who, cst(1, 0, 30, month=4), cst(1, 2, 30, month=4))
        attend(s, march, who, cst(31, 21), cst(31, 23))
        for activity_id in (april, march):
            hours.refresh_session_entries(s, activity_id)
            hours.approve_activity(s, activity_id, staff=STAFF)
        fen = {row.title: row.matching_fen for row in hours.hours_by_activity(s)}
        assert fen == {"四月": 240_00, "三月": 200_00}


def test_matching_is_limited_per_volunteer_and_month(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        settings.save(s, HourRules(matching_max_hours=4), staff=STAFF)  # type: ignore[type-var]
        for day in (7, 14):
            a = activity(s, cst(day, 9), cst(day, 12), title=f"{day}日")
            attend(s, a, base["zhang"], cst(day, 9), cst(day, 12))
            hours.refresh_session_entries(s, a)
            hours.approve_activity(s, a, staff=STAFF)
        [row] = hours.hours_by_volunteer(s, date(2025, 3, 1), date(2025, 3, 31))
        assert (row.approved_minutes, row.matching_fen) == (360, 400_00)
        [second_week] = hours.hours_by_volunteer(s, date(2025, 3, 10), date(2025, 3, 16))
        assert second_week.matching_fen == 100_00  # the month's cap was mostly used already


def test_rate_table_with_a_gap_is_refused(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.reading() as s:
        assert hours.check_rate_table(s) is None
    refused(
        db,
        lambda s: hours.save_rate_table(s, [(date(2025, 4, 1), 100_00, None)], staff=STAFF),
        "No matching rate is in force on 2025-03-07",
    )
    with db.transaction() as s:
        change = hours.save_rate_table(
            s,
            [(date(2025, 1, 1), 100_00, None), (date(2025, 6, 1), 150_00, "新协议")],
            staff=STAFF,
        )
        assert change.added == (date(2025, 1, 1), date(2025, 6, 1))
        assert change.removed == (date(2000, 1, 1),)
        assert [r.fen_per_hour for r in organisation.rates(s)] == [100_00, 150_00]
        assert audit_actions(s, "matching_rate.")[-1] == "matching_rate.table"
        s.execute(MatchingRate.__table__.delete())
        error = hours.check_rate_table(s)
        assert error is not None and "empty" in str(error)


def export_log(s: Session) -> uuid.UUID:
    export_id = uuid.uuid4()
    s.add(
        SyncLog(
            id=export_id,
            direction=SyncDirection.EXPORT,
            org_code="GREEN",
            export_id=export_id,
            period_end=NOW,
            file_name="GREEN.pdsync",
            sha256="0" * 64,
            format_version="1",
        )
    )
    s.flush()
    return export_id


def test_exported_amounts_are_frozen_and_corrections_travel_as_deltas(
    db: Database, base: dict[str, uuid.UUID]
) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        hours.approve_activity(s, base["activity"], staff=STAFF)
        first = export_log(s)
        frozen = hours.freeze_for_export(s, first, date(2025, 3, 31), staff=STAFF)
        assert (frozen.entries, frozen.minutes, frozen.matching_fen) == (1, 180, 300_00)
        [line] = hours.export_lines(s, first)
        assert (line.minutes, line.matching_fen, line.is_delta) == (180, 300_00, False)
        # A later rate change does not touch the exported amount.
        organisation.set_rate(s, staff=STAFF, fen_per_hour=200_00, effective_from=date(2025, 1, 1))
        assert hours.hours_by_activity(s)[0].matching_fen == 300_00
        added = hours.add_correction(s, line.id, 120, reason="实际两小时", staff=STAFF)
        assert added.delta_line
        hours.approve_entry(s, added.entry_id, staff=STAFF)
        second = export_log(s)
        frozen = hours.freeze_for_export(s, second, date(2025, 3, 31), staff=STAFF)
        assert (frozen.entries, frozen.delta_lines) == (1, 1)
        [delta] = hours.export_lines(s, second)
        assert (delta.minutes, delta.matching_fen, delta.corrects_id) == (-60, -200_00, line.id)
        assert hours.hours_by_activity(s)[0].matching_fen == 100_00
        again = export_log(s)
        assert hours.freeze_for_export(s, again, date(2025, 3, 31), staff=STAFF).entries == 0


def test_freezing_is_refused_without_a_rate(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        hours.approve_activity(s, base["activity"], staff=STAFF)
        s.execute(MatchingRate.__table__.delete())
        export_id = export_log(s)
    refused(
        db,
        lambda s: hours.freeze_for_export(s, export_id, date(2025, 3, 31), staff=STAFF),
        "nothing was exported",
    )


def test_service_record_lists_approved_activities(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        hours.approve_activity(s, base["activity"], staff=STAFF)
        hours.add_supplemental(
            s, supplemental(base["zhang"], cst(9, 14), cst(9, 16)), staff=STAFF, now=NOW
        )
        record = hours.volunteer_service_record(s, base["zhang"])
        assert [(line.title, line.day, line.approved_minutes) for line in record.lines] == [
            ("旧衣分拣", date(2025, 3, 7), 180)
        ]
        assert record.total_minutes == 180  # the pending supplemental does not count yet
        [row] = hours.hours_by_volunteer(s, search="张")
        assert (row.attendances, row.pending_minutes) == (2, 120)
        assert hours.hours_by_volunteer(s, search="nobody") == []


def test_hours_by_volunteer_filters_the_period(db: Database, base: dict[str, uuid.UUID]) -> None:
    with db.transaction() as s:
        attend(s, base["activity"], base["zhang"], cst(7, 9), cst(7, 12))
        hours.refresh_session_entries(s, base["activity"])
        assert hours.hours_by_volunteer(s, date(2025, 3, 8), None) == []
        [row] = hours.hours_by_volunteer(s, None, date(2025, 3, 7))
        assert row.pending_minutes == 180
        assert hours.list_entries(s, start=date(2025, 3, 8)) == []
        assert len(hours.list_entries(s, status=ApprovalStatus.PENDING)) == 1
        assert cst(7, 9) - timedelta(hours=1) < cst(7, 9)
