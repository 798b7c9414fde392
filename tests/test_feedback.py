"""Activity feedback (活动反馈): validation that writes nothing, submitting, correcting,
waiving with a reason, the audit trail, the status before closing, and the states in
which feedback may not change."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from sqlalchemy import func, select

from models.activities import (
    ActivityData,
    close_activity,
    create_activity,
    mark_exported,
    open_activity,
)
from models.db import Database
from models.errors import UserError
from models.feedback import (
    FeedbackData,
    FeedbackState,
    feedback_status,
    get_feedback,
    require_feedback,
    save_feedback,
    waive_feedback,
)
from models.schema import ActivityFeedback, AuditEntry

STAFF = "王老师"
NOW = datetime(2026, 3, 7, 16, 30, tzinfo=UTC)  # 00:30 on 8 March in Shanghai

FORM = FeedbackData(
    people_served=40,
    work_done="整理社区图书角，上架图书 300 册",
    satisfaction=5,
    beneficiaries="社区老人和儿童",
    outcomes="图书角重新开放",
    problems="书架不够",
    photo_count=12,
)


def make_activity(db: Database, *, state: str = "open") -> uuid.UUID:
    data = ActivityData(
        title="社区图书角整理",
        kind="环保",
        description=None,
        day=date(2026, 3, 7),
        start=time(9, 0),
        end=time(12, 0),
    )
    with db.transaction() as session:
        activity_id = create_activity(session, data, staff=STAFF)
        if state != "draft":
            open_activity(session, activity_id, staff=STAFF)
    return activity_id


def audit_rows(db: Database) -> list[AuditEntry]:
    with db.reading() as session:
        rows = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "activity_feedback")
                .order_by(AuditEntry.at)
            )
        )
        session.expunge_all()
        return rows


def feedback_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ActivityFeedback)) or 0)


def test_submit_then_read_back(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        assert feedback_status(session, activity_id).state is FeedbackState.MISSING
        change = save_feedback(session, activity_id, FORM, staff=f" {STAFF} ", now=NOW)
    assert change.created
    assert change.changed[:3] == ("people_served", "beneficiaries", "work_done")
    with org_database.reading() as session:
        stored = get_feedback(session, activity_id)
        status = feedback_status(session, activity_id)
    assert stored is not None
    assert (stored.people_served, stored.satisfaction, stored.photo_count) == (40, 5, 12)
    assert stored.work_done == FORM.work_done
    assert stored.submitted_by == STAFF
    assert stored.submitted_on == date(2026, 3, 8)  # the organisation's local day
    assert stored.version == 1
    assert not stored.waived
    assert status.state is FeedbackState.SUBMITTED
    assert status.complete
    (entry,) = audit_rows(org_database)
    assert entry.action == "feedback.submit"
    assert entry.staff_name == STAFF
    assert entry.after is not None
    assert entry.after["activity_id"] == str(activity_id)
    assert entry.after["satisfaction"] == 5


def test_correcting_feedback_audits_only_what_changed(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        save_feedback(session, activity_id, FORM, staff=STAFF)
    with org_database.transaction() as session:
        same = save_feedback(session, activity_id, FORM, staff=STAFF)
        assert same.changed == ()
        change = save_feedback(
            session, activity_id, replace(FORM, people_served=42, problems=" "), staff="李老师"
        )
    assert not change.created
    assert change.changed == ("people_served", "problems")
    assert change.before == {"people_served": 40, "problems": "书架不够"}
    assert change.after == {"people_served": 42, "problems": None}
    with org_database.reading() as session:
        stored = get_feedback(session, activity_id)
    assert stored is not None
    assert stored.version == 2
    assert stored.submitted_by == "李老师"
    entries = audit_rows(org_database)
    assert [e.action for e in entries] == ["feedback.submit", "feedback.update"]
    assert entries[1].before == {"people_served": 40, "problems": "书架不够"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"people_served": None}, "Enter how many people the activity served (0 if none)."),
        ({"people_served": -1}, "The number of people served cannot be negative."),
        ({"people_served": 2_000_000}, "A count in the feedback can be at most 1,000,000."),
        ({"photo_count": -3}, "The number of photos cannot be negative."),
        ({"work_done": "  "}, "Describe what was done at the activity."),
        ({"satisfaction": None}, "Choose the volunteers' satisfaction, from 1 to 5."),
        (
            {"satisfaction": 0},
            "Satisfaction is a score from 1 (poor) to 5 (excellent), not 0.",
        ),
        (
            {"satisfaction": 6},
            "Satisfaction is a score from 1 (poor) to 5 (excellent), not 6.",
        ),
        ({"outcomes": "很" * 5001}, "A text in the feedback has at most 5,000 characters."),
    ],
)
def test_invalid_feedback_is_refused_and_writes_nothing(
    org_database: Database, changes: dict[str, Any], message: str
) -> None:
    activity_id = make_activity(org_database)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        save_feedback(session, activity_id, replace(FORM, **changes), staff=STAFF)
    assert str(caught.value) == message
    assert feedback_count(org_database) == 0
    assert audit_rows(org_database) == []


def test_zero_people_served_is_a_valid_answer(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        save_feedback(session, activity_id, replace(FORM, people_served=0), staff=STAFF)
        assert feedback_status(session, activity_id).complete


def test_a_bool_is_not_a_count() -> None:
    from models.feedback import clean_feedback

    with pytest.raises(TypeError):
        clean_feedback(replace(FORM, satisfaction=True))


def test_waiver_needs_a_reason(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        waive_feedback(session, activity_id, reason="   ", staff=STAFF)
    assert str(caught.value) == "Give a reason for waiving the activity's feedback."
    with pytest.raises(UserError, match="at most 500"), org_database.transaction() as session:
        waive_feedback(session, activity_id, reason="x" * 501, staff=STAFF)
    assert feedback_count(org_database) == 0


def test_waive_then_give_feedback_after_all(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        change = waive_feedback(session, activity_id, reason="  暴雨，活动 临时取消 ", staff=STAFF)
        status = feedback_status(session, activity_id)
    assert change.created
    assert status.state is FeedbackState.WAIVED
    assert status.waive_reason == "暴雨，活动 临时取消"
    assert status.complete
    with org_database.transaction() as session:
        save_feedback(session, activity_id, FORM, staff=STAFF)
        stored = get_feedback(session, activity_id)
    assert stored is not None
    assert not stored.waived
    assert stored.waive_reason is None
    entries = audit_rows(org_database)
    assert [e.action for e in entries] == ["feedback.waive", "feedback.update"]
    assert entries[0].reason == "暴雨，活动 临时取消"
    assert entries[1].before == {"waived": True, "waive_reason": "暴雨，活动 临时取消"} | {
        name: None for name in ("people_served", "beneficiaries", "work_done")
    } | {"outcomes": None, "problems": None, "photo_count": 0, "satisfaction": None}


def test_no_waiver_once_feedback_is_given(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        save_feedback(session, activity_id, FORM, staff=STAFF)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        waive_feedback(session, activity_id, reason="不需要", staff=STAFF)
    assert str(caught.value) == (
        "“社区图书角整理” already has feedback; a waiver is only for an activity without one."
    )


def test_draft_and_exported_activities_take_no_feedback(org_database: Database) -> None:
    draft = make_activity(org_database, state="draft")
    with pytest.raises(UserError, match="still a draft"), org_database.transaction() as session:
        save_feedback(session, draft, FORM, staff=STAFF)
    exported = make_activity(org_database)
    with org_database.transaction() as session:
        save_feedback(session, exported, FORM, staff=STAFF)
        close_activity(session, exported, staff=STAFF)
        # Corrections after closing are fine...
        save_feedback(session, exported, replace(FORM, photo_count=13), staff=STAFF)
        mark_exported(session, [exported], staff=STAFF)
    # ...but an exported activity's feedback is final.
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        save_feedback(session, exported, replace(FORM, photo_count=14), staff=STAFF)
    assert (
        str(caught.value) == "“社区图书角整理” is exported; its feedback can no longer be changed."
    )
    with pytest.raises(UserError, match="exported"), org_database.transaction() as session:
        waive_feedback(session, exported, reason="x", staff=STAFF)


def test_require_feedback_before_closing(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with pytest.raises(UserError) as caught, org_database.reading() as session:
        require_feedback(session, activity_id)
    assert str(caught.value) == (
        "Give the activity feedback for “社区图书角整理” (people served, what was done, "
        "satisfaction), or waive it with a reason, before closing it."
    )
    with org_database.transaction() as session:
        waive_feedback(session, activity_id, reason="线上活动，无现场", staff=STAFF)
        require_feedback(session, activity_id)


def test_unknown_activity(org_database: Database) -> None:
    with pytest.raises(UserError, match="no longer exists"), org_database.reading() as session:
        feedback_status(session, uuid.uuid4())
    with pytest.raises(UserError, match="no longer exists"), org_database.transaction() as session:
        save_feedback(session, uuid.uuid4(), FORM, staff=STAFF)
    with org_database.reading() as session:
        assert get_feedback(session, uuid.uuid4()) is None


def test_staff_name_is_required(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with pytest.raises(UserError, match="staff"), org_database.transaction() as session:
        save_feedback(session, activity_id, FORM, staff=" ")
