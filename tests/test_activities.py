"""Activities: local times to UTC, validation that writes nothing, every state
transition allowed and refused, closing with volunteers still checked in,
reopening with a reason, and the counts in the list and the detail."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import organisation
from models.activities import (
    ActivityData,
    activity_detail,
    allowed_transitions,
    close_activity,
    create_activity,
    delete_draft,
    list_activities,
    mark_exported,
    open_activity,
    reopen_activity,
    update_activity,
)
from models.db import Database
from models.errors import UserError
from models.feedback import FeedbackData, save_feedback, waive_feedback
from models.schema import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    AuditEntry,
    HourEntry,
    Registration,
    Volunteer,
)
from models.schema.enums import ActivityState, SessionStatus

STAFF = "王老师"

DATA = ActivityData(
    title="社区旧衣分拣日",
    kind="分拣",
    description="分拣捐赠衣物",
    day=date(2026, 3, 7),
    start=time(9, 0),
    end=time(12, 30),
    location="静安旗舰店后仓",
    capacity=30,
    programme_tag="SPRING26",
)


def _create(db: Database, data: ActivityData = DATA) -> uuid.UUID:
    with db.transaction() as session:
        return create_activity(session, data, staff=STAFF)


def _state(db: Database, activity_id: uuid.UUID) -> ActivityState:
    with db.reading() as session:
        activity = session.get(Activity, activity_id)
        assert activity is not None
        return activity.state


def _audit(db: Database, action: str | None = None) -> list[AuditEntry]:
    with db.reading() as session:
        query = select(AuditEntry).where(AuditEntry.entity == "activity").order_by(AuditEntry.at)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        entries = list(session.scalars(query))
        session.expunge_all()
        return entries


def _before(entry: AuditEntry) -> dict[str, Any]:
    assert isinstance(entry.before, dict)
    return entry.before


def _after(entry: AuditEntry) -> dict[str, Any]:
    assert isinstance(entry.after, dict)
    return entry.after


def _count(db: Database, model: Any) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _volunteer(session: Session, code: str, name: str, phone: str | None = None) -> uuid.UUID:
    volunteer = Volunteer(id=uuid.uuid4(), code=code, name=name, phone=phone)
    session.add(volunteer)
    session.flush()
    return volunteer.id


def _session(
    session: Session,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    status: SessionStatus,
    started_at: datetime = datetime(2026, 3, 7, 1, 5, tzinfo=UTC),
) -> None:
    session.add(
        AttendanceSession(
            activity_id=activity_id,
            volunteer_id=volunteer_id,
            started_at=started_at,
            ended_at=None if status is SessionStatus.OPEN else datetime(2026, 3, 7, 4, tzinfo=UTC),
            status=status,
        )
    )
    session.flush()


FEEDBACK = FeedbackData(people_served=25, work_done="分拣旧衣 40 箱", satisfaction=4)


def _give_feedback(session: Session, activity_id: uuid.UUID) -> None:
    """Closing needs the activity feedback (or a waiver)."""
    save_feedback(session, activity_id, FEEDBACK, staff=STAFF)


def _in_state(db: Database, state: ActivityState) -> uuid.UUID:
    activity_id = _create(db)
    with db.transaction() as session:
        if state is not ActivityState.DRAFT:
            open_activity(session, activity_id, staff=STAFF)
        if state in (ActivityState.CLOSED, ActivityState.EXPORTED):
            _give_feedback(session, activity_id)
            close_activity(session, activity_id, staff=STAFF)
        if state is ActivityState.EXPORTED:
            mark_exported(session, [activity_id], staff=STAFF)
    assert _state(db, activity_id) is state
    return activity_id


# ----------------------------------------------------------------------------- creating


def test_local_times_are_stored_in_utc(org_database: Database) -> None:
    activity_id = _create(org_database)
    with org_database.reading() as session:
        activity = session.get(Activity, activity_id)
        assert activity is not None
        assert activity.starts_at == datetime(2026, 3, 7, 1, 0, tzinfo=UTC)
        assert activity.ends_at == datetime(2026, 3, 7, 4, 30, tzinfo=UTC)
        assert activity.scheduled_minutes == 210
        assert activity.state is ActivityState.DRAFT
        assert activity.walk_ins_allowed is True
    (entry,) = _audit(org_database, "activity.create")
    assert entry.staff_name == STAFF
    assert entry.entity_id == str(activity_id)
    assert _after(entry)["starts_at"] == "2026-03-07T01:00:00+00:00"
    assert _after(entry)["state"] == "draft"


def test_early_morning_in_shanghai_is_the_previous_utc_day(org_database: Database) -> None:
    activity_id = _create(org_database, replace(DATA, start=time(7, 0), end=time(9, 0)))
    with org_database.reading() as session:
        activity = session.get(Activity, activity_id)
        assert activity is not None
        assert activity.starts_at == datetime(2026, 3, 6, 23, 0, tzinfo=UTC)


def test_other_time_zone_is_used(org_database: Database) -> None:
    with org_database.transaction() as session:
        organisation.update_profile(session, staff=STAFF, time_zone="Europe/London")
    activity_id = _create(org_database, replace(DATA, day=date(2026, 7, 1)))  # BST
    with org_database.reading() as session:
        activity = session.get(Activity, activity_id)
        assert activity is not None
        assert activity.starts_at == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)


def test_store_and_explicit_scheduled_minutes(org_database: Database) -> None:
    with org_database.reading() as session:
        store_id, code, name = organisation.stores(session)[0]
    activity_id = _create(org_database, replace(DATA, store_id=store_id, scheduled_minutes=180))
    with org_database.reading() as session:
        detail = activity_detail(session, activity_id)
    assert detail.store_id == store_id
    assert detail.store == f"{code} {name}"
    assert detail.scheduled_minutes == 180


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"title": "  "}, "title"),
        ({"end": time(9, 0)}, "end after it starts"),
        ({"end": time(8, 0)}, "end after it starts"),
        ({"capacity": 0}, "Capacity"),
        ({"capacity": 10_001}, "Capacity"),
        ({"scheduled_minutes": -1}, "negative"),
        ({"scheduled_minutes": 211}, "longer than the activity"),
        ({"store_id": uuid.uuid4()}, "store"),
        ({"title": "长" * 201}, "at most"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    org_database: Database, change: dict[str, Any], words: str
) -> None:
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        create_activity(session, replace(DATA, **change), staff=STAFF)
    assert words in str(caught.value)
    assert _count(org_database, Activity) == 0
    assert _audit(org_database) == []


def test_capacity_limits_are_inclusive(org_database: Database) -> None:
    _create(org_database, replace(DATA, capacity=1))
    _create(org_database, replace(DATA, capacity=10_000))
    _create(org_database, replace(DATA, capacity=None, scheduled_minutes=0))
    assert _count(org_database, Activity) == 3


def test_staff_name_is_required(org_database: Database) -> None:
    with pytest.raises(UserError), org_database.transaction() as session:
        create_activity(session, DATA, staff=" ")
    assert _count(org_database, Activity) == 0


# ----------------------------------------------------------------------------- editing


def test_update_audits_only_changed_fields(org_database: Database) -> None:
    activity_id = _create(org_database)
    with org_database.transaction() as session:
        change = update_activity(
            session, activity_id, replace(DATA, title="旧衣分拣", end=time(12, 0)), staff=STAFF
        )
    assert set(change.changed) == {"title", "ends_at", "scheduled_minutes"}
    (entry,) = _audit(org_database, "activity.update")
    assert entry.before == {
        "title": "社区旧衣分拣日",
        "ends_at": "2026-03-07T04:30:00+00:00",
        "scheduled_minutes": 210,
    }
    assert entry.after == {
        "title": "旧衣分拣",
        "ends_at": "2026-03-07T04:00:00+00:00",
        "scheduled_minutes": 180,
    }
    with org_database.transaction() as session:
        again = update_activity(
            session, activity_id, replace(DATA, title="旧衣分拣", end=time(12, 0)), staff=STAFF
        )
    assert again.changed == ()
    assert len(_audit(org_database, "activity.update")) == 1


def test_open_activity_can_be_edited(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.OPEN)
    with org_database.transaction() as session:
        change = update_activity(session, activity_id, replace(DATA, capacity=40), staff=STAFF)
    assert change.changed == ("capacity",)


@pytest.mark.parametrize(
    ("state", "words"),
    [(ActivityState.CLOSED, "closed"), (ActivityState.EXPORTED, "exported")],
)
def test_closed_and_exported_cannot_be_edited(
    org_database: Database, state: ActivityState, words: str
) -> None:
    activity_id = _in_state(org_database, state)
    before = len(_audit(org_database))
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        update_activity(session, activity_id, replace(DATA, title="改"), staff=STAFF)
    assert words in str(caught.value)
    assert len(_audit(org_database)) == before
    with org_database.reading() as session:
        assert activity_detail(session, activity_id).title == DATA.title


def test_invalid_edit_writes_nothing(org_database: Database) -> None:
    activity_id = _create(org_database)
    with pytest.raises(UserError), org_database.transaction() as session:
        update_activity(session, activity_id, replace(DATA, capacity=0), staff=STAFF)
    assert _audit(org_database, "activity.update") == []


# ----------------------------------------------------------------------------- states


def test_allowed_transitions() -> None:
    assert allowed_transitions(ActivityState.DRAFT) == ("open",)
    assert allowed_transitions(ActivityState.OPEN) == ("close",)
    assert allowed_transitions("closed") == ("reopen",)
    assert allowed_transitions(ActivityState.EXPORTED) == ()


def test_full_life_cycle_is_audited(org_database: Database) -> None:
    activity_id = _create(org_database)
    closed_at = datetime(2026, 3, 7, 5, 0, tzinfo=UTC)
    with org_database.transaction() as session:
        open_activity(session, activity_id, staff=STAFF)
        _give_feedback(session, activity_id)
        close_activity(session, activity_id, staff=STAFF, now=closed_at)
    with org_database.reading() as session:
        detail = activity_detail(session, activity_id)
        assert detail.state is ActivityState.CLOSED
        assert detail.closed_at == closed_at
        assert detail.allowed_transitions == ("reopen",)
    with org_database.transaction() as session:
        reopen_activity(session, activity_id, staff=STAFF, reason="漏登记两位志愿者")
    with org_database.reading() as session:
        assert activity_detail(session, activity_id).closed_at is None
    with org_database.transaction() as session:
        close_activity(session, activity_id, staff=STAFF)
        assert mark_exported(session, [activity_id], staff=STAFF) == 1
    assert _state(org_database, activity_id) is ActivityState.EXPORTED
    moves = [
        (e.action, _before(e)["state"], _after(e)["state"])
        for e in _audit(org_database)
        if e.action != "activity.create"
    ]
    assert moves == [
        ("activity.open", "draft", "open"),
        ("activity.close", "open", "closed"),
        ("activity.reopen", "closed", "open"),
        ("activity.close", "open", "closed"),
        ("activity.export", "closed", "exported"),
    ]


REFUSED = [
    ("open", ActivityState.OPEN, "open"),
    ("open", ActivityState.CLOSED, "closed"),
    ("open", ActivityState.EXPORTED, "exported"),
    ("close", ActivityState.DRAFT, "draft"),
    ("close", ActivityState.CLOSED, "closed"),
    ("close", ActivityState.EXPORTED, "exported"),
    ("reopen", ActivityState.DRAFT, "draft"),
    ("reopen", ActivityState.OPEN, "open"),
    ("reopen", ActivityState.EXPORTED, "exported"),
    ("export", ActivityState.DRAFT, "draft"),
    ("export", ActivityState.OPEN, "open"),
    ("export", ActivityState.EXPORTED, "exported"),
]


def _do(session: Session, transition: str, activity_id: uuid.UUID) -> None:
    if transition == "open":
        open_activity(session, activity_id, staff=STAFF)
    elif transition == "close":
        close_activity(session, activity_id, staff=STAFF)
    elif transition == "reopen":
        reopen_activity(session, activity_id, staff=STAFF, reason="补登记")
    else:
        mark_exported(session, [activity_id], staff=STAFF)


@pytest.mark.parametrize(("transition", "state", "word"), REFUSED)
def test_refused_transitions_name_the_state(
    org_database: Database, transition: str, state: ActivityState, word: str
) -> None:
    activity_id = _in_state(org_database, state)
    assert transition not in allowed_transitions(state)
    before = len(_audit(org_database))
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        _do(session, transition, activity_id)
    assert word in caught.value.template
    assert caught.value.params["state"] == state.value
    assert _state(org_database, activity_id) is state
    assert len(_audit(org_database)) == before


def test_opening_a_closed_activity_points_to_reopen(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.CLOSED)
    with pytest.raises(UserError, match="reopen"), org_database.transaction() as session:
        open_activity(session, activity_id, staff=STAFF)


def test_close_refused_while_volunteers_are_checked_in(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.OPEN)
    with org_database.transaction() as session:
        first = _volunteer(session, "V000001", "张三")
        second = _volunteer(session, "V000002", "李四")
        _session(session, activity_id, first, SessionStatus.OPEN)
        _session(session, activity_id, second, SessionStatus.OPEN)
        _give_feedback(session, activity_id)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        close_activity(session, activity_id, staff=STAFF)
    assert caught.value.params["count"] == 2
    assert "2 volunteer(s) are still checked in" in str(caught.value)
    assert _state(org_database, activity_id) is ActivityState.OPEN
    assert _audit(org_database, "activity.close") == []

    # The kiosk's close dialog resolves them; then closing works.
    with org_database.transaction() as session:
        for row in session.scalars(select(AttendanceSession)):
            row.status = SessionStatus.RESOLVED
        close_activity(session, activity_id, staff=STAFF)
    assert _state(org_database, activity_id) is ActivityState.CLOSED


def test_forced_close_keeps_open_sessions_listed(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.OPEN)
    with org_database.transaction() as session:
        _session(session, activity_id, _volunteer(session, "V000001", "张三"), SessionStatus.OPEN)
        _give_feedback(session, activity_id)
        close_activity(session, activity_id, staff=STAFF, force=True)
    (entry,) = _audit(org_database, "activity.close")
    assert _after(entry)["open_sessions"] == 1
    with org_database.reading() as session:
        detail = activity_detail(session, activity_id)
    assert detail.state is ActivityState.CLOSED
    assert [c.name for c in detail.checked_in] == ["张三"]


def test_close_refused_without_feedback_and_nothing_changes(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.OPEN)
    with org_database.transaction() as session:
        volunteer = _volunteer(session, "V000001", "张三")
        _session(session, activity_id, volunteer, SessionStatus.CLOSED)
    before = len(_audit(org_database))
    # The feedback comes first: even a forced close with nobody checked in is refused.
    for force in (False, True):
        with pytest.raises(UserError) as caught, org_database.transaction() as session:
            close_activity(session, activity_id, staff=STAFF, force=force)
        assert str(caught.value) == (
            "Give the activity feedback for “社区旧衣分拣日” (people served, what was done, "
            "satisfaction), or waive it with a reason, before closing it."
        )
    assert _state(org_database, activity_id) is ActivityState.OPEN
    assert len(_audit(org_database)) == before
    assert _count(org_database, HourEntry) == 0
    with org_database.reading() as session:
        detail = activity_detail(session, activity_id)
    assert detail.closed_at is None and not detail.has_feedback


def test_feedback_is_asked_for_before_the_checked_in_volunteers(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.OPEN)
    with org_database.transaction() as session:
        _session(session, activity_id, _volunteer(session, "V000001", "张三"), SessionStatus.OPEN)
    with pytest.raises(UserError, match="activity feedback"), org_database.transaction() as s:
        close_activity(s, activity_id, staff=STAFF)


def test_a_waiver_with_a_reason_lets_the_activity_close(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.OPEN)
    with pytest.raises(UserError, match="reason"), org_database.transaction() as session:
        waive_feedback(session, activity_id, reason="  ", staff=STAFF)
    with pytest.raises(UserError, match="activity feedback"), org_database.transaction() as s:
        close_activity(s, activity_id, staff=STAFF)
    with org_database.transaction() as session:
        waive_feedback(session, activity_id, reason="内部培训，无需反馈", staff=STAFF)
        close_activity(session, activity_id, staff=STAFF)
    assert _state(org_database, activity_id) is ActivityState.CLOSED
    (entry,) = _audit(org_database, "activity.close")
    assert entry.staff_name == STAFF
    with org_database.reading() as session:
        row = session.scalars(select(ActivityFeedback)).one()
        assert (row.waived, row.waive_reason) == (True, "内部培训，无需反馈")


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_reopen_needs_a_reason(org_database: Database, reason: str | None) -> None:
    activity_id = _in_state(org_database, ActivityState.CLOSED)
    with pytest.raises(UserError, match="reason"), org_database.transaction() as session:
        reopen_activity(session, activity_id, staff=STAFF, reason=reason)  # type: ignore[arg-type]
    assert _state(org_database, activity_id) is ActivityState.CLOSED
    assert _audit(org_database, "activity.reopen") == []


def test_reopen_is_audited_with_its_reason(org_database: Database) -> None:
    activity_id = _in_state(org_database, ActivityState.CLOSED)
    with org_database.transaction() as session:
        reopen_activity(session, activity_id, staff="李老师", reason="  漏扫了  三位志愿者 ")
    (entry,) = _audit(org_database, "activity.reopen")
    assert entry.staff_name == "李老师"
    assert entry.reason == "漏扫了 三位志愿者"
    assert entry.before == {"state": "closed"}
    assert _after(entry)["state"] == "open"
    assert _state(org_database, activity_id) is ActivityState.OPEN


def test_mark_exported_is_all_or_nothing(org_database: Database) -> None:
    closed = _in_state(org_database, ActivityState.CLOSED)
    still_open = _in_state(org_database, ActivityState.OPEN)
    with pytest.raises(UserError, match="open"), org_database.transaction() as session:
        mark_exported(session, [closed, still_open], staff=STAFF)
    assert _state(org_database, closed) is ActivityState.CLOSED
    assert _audit(org_database, "activity.export") == []
    with org_database.transaction() as session:
        assert mark_exported(session, [], staff=STAFF) == 0


def test_unknown_activity_is_a_user_error(org_database: Database) -> None:
    with pytest.raises(UserError, match="no longer exists"), org_database.reading() as session:
        activity_detail(session, uuid.uuid4())


# ----------------------------------------------------------------------------- deleting


def test_delete_a_bare_draft(org_database: Database) -> None:
    activity_id = _create(org_database)
    with org_database.transaction() as session:
        delete_draft(session, activity_id, staff=STAFF)
    assert _count(org_database, Activity) == 0
    (entry,) = _audit(org_database, "activity.delete")
    assert _before(entry)["title"] == DATA.title


def test_delete_refused_for_used_or_non_draft(org_database: Database) -> None:
    opened = _in_state(org_database, ActivityState.OPEN)
    with pytest.raises(UserError, match="open"), org_database.transaction() as session:
        delete_draft(session, opened, staff=STAFF)
    draft = _create(org_database)
    with org_database.transaction() as session:
        volunteer_id = _volunteer(session, "V000001", "张三")
        session.add(Registration(activity_id=draft, volunteer_id=volunteer_id))
    with pytest.raises(UserError, match="registrations"), org_database.transaction() as session:
        delete_draft(session, draft, staff=STAFF)
    assert _count(org_database, Activity) == 2
    assert _audit(org_database, "activity.delete") == []


# ----------------------------------------------------------------------------- reading


def test_list_and_detail_counts(org_database: Database) -> None:
    busy = _in_state(org_database, ActivityState.OPEN)
    quiet = _create(org_database, replace(DATA, title="周末义卖", day=date(2026, 3, 14)))
    with org_database.transaction() as session:
        zhang = _volunteer(session, "V000001", "张三", "13800000001")
        li = _volunteer(session, "V000002", "李四")
        wang = _volunteer(session, "V000003", "王五")
        session.add(Registration(activity_id=busy, volunteer_id=zhang, programme_id="P-1"))
        session.add(Registration(activity_id=busy, volunteer_id=li, source="manual"))
        _session(session, busy, zhang, SessionStatus.CLOSED)
        _session(session, busy, zhang, SessionStatus.OPEN, datetime(2026, 3, 7, 3, tzinfo=UTC))
        _session(session, busy, li, SessionStatus.DISCARDED)
        _session(session, busy, wang, SessionStatus.RESOLVED)
        session.add(ActivityFeedback(activity_id=busy, people_served=12))

    with org_database.reading() as session:
        rows = list_activities(session)
        detail = activity_detail(session, busy)
        quiet_detail = activity_detail(session, quiet)

    assert [r.id for r in rows] == [quiet, busy]  # newest first
    row = rows[1]
    assert (row.registered, row.attendances, row.checked_in_now) == (2, 3, 1)
    assert (rows[0].registered, rows[0].attendances, rows[0].checked_in_now) == (0, 0, 0)
    assert row.capacity == 30 and row.walk_ins_allowed and row.location == DATA.location

    assert (detail.registered, detail.attendances, detail.checked_in_now) == (2, 3, 1)
    assert detail.description == DATA.description
    assert detail.programme_tag == "SPRING26"
    assert detail.has_feedback and not quiet_detail.has_feedback
    roster = {entry.name: entry for entry in detail.roster}
    assert set(roster) == {"张三", "李四"}
    assert roster["张三"].attended and roster["张三"].programme_id == "P-1"
    assert roster["张三"].phone == "13800000001" and roster["张三"].code == "V000001"
    assert not roster["李四"].attended  # only a discarded session
    assert roster["李四"].source == "manual"
    assert detail.checked_in == (("张三", datetime(2026, 3, 7, 3, tzinfo=UTC)),)
    assert quiet_detail.roster == () and quiet_detail.checked_in == ()


def test_list_filters(org_database: Database) -> None:
    first = _in_state(org_database, ActivityState.OPEN)  # 2026-03-07 09:00 local
    early = _create(
        org_database,
        replace(DATA, title="晨跑宣传", kind="环保宣传", day=date(2026, 3, 8), start=time(7, 0)),
    )  # 2026-03-07 23:00 UTC, but 3-08 locally
    sale = _create(
        org_database,
        replace(DATA, title="周末义卖", kind="义卖", location="徐汇店", day=date(2026, 3, 14)),
    )
    with org_database.reading() as session:

        def ids(**filters: Any) -> list[uuid.UUID]:
            return [row.id for row in list_activities(session, **filters)]

        assert ids() == [sale, early, first]
        assert ids(states=[ActivityState.OPEN]) == [first]
        assert ids(states=("draft",)) == [sale, early]
        assert ids(date_from=date(2026, 3, 8)) == [sale, early]
        assert ids(date_to=date(2026, 3, 7)) == [first]
        assert ids(date_from=date(2026, 3, 8), date_to=date(2026, 3, 8)) == [early]
        assert ids(text="义卖") == [sale]
        assert ids(text="徐汇") == [sale]
        assert ids(text="spring26") == [sale, early, first]
        assert ids(text="环保") == [early]
        assert ids(text="100%") == []
        assert ids(limit=1) == [sale]
