"""Activity feedback (活动反馈): what an activity achieved, for the programme office.

One feedback per activity: people served, who they were, what was done, outcomes,
problems, the number of photos and the volunteers' satisfaction (1–5).  It is given
while the activity is open or after it closed, and is needed — or explicitly waived
with a reason — before the activity can close (``require_feedback``).  An exported
activity's feedback is final.

Saving is submitting: people served, what was done and satisfaction are required;
the other fields are optional.  Every save and waiver is audited with the fields
before and after.  Giving feedback for a waived activity lifts the waiver; a waiver
is refused once feedback has been given.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.errors import N_, UserError
from models.intake import local_today
from models.schema import Activity, ActivityFeedback
from models.schema.enums import ActivityState
from models.volunteers import clean_staff

ENTITY = "activity_feedback"

MAX_PEOPLE_SERVED = 1_000_000
MAX_PHOTOS = 10_000
MAX_TEXT = 5000
MAX_WAIVE_REASON = 500
SATISFACTION_RANGE = (1, 5)

#: The form's fields, in the order the audit log lists them.
FIELDS: tuple[str, ...] = (
    "people_served",
    "beneficiaries",
    "work_done",
    "outcomes",
    "problems",
    "photo_count",
    "satisfaction",
)
_TEXT_FIELDS = ("beneficiaries", "work_done", "outcomes", "problems")
_AUDITED = (*FIELDS, "waived", "waive_reason")


class FeedbackState(StrEnum):
    MISSING = "missing"
    SUBMITTED = "submitted"
    WAIVED = "waived"


@dataclass(frozen=True)
class FeedbackData:
    """What the feedback form edits."""

    people_served: int | None
    work_done: str | None
    satisfaction: int | None
    beneficiaries: str | None = None
    outcomes: str | None = None
    problems: str | None = None
    photo_count: int = 0


@dataclass(frozen=True)
class Feedback:
    """An activity's feedback as stored (a plain value, not a live ORM row)."""

    id: uuid.UUID
    activity_id: uuid.UUID
    people_served: int | None
    beneficiaries: str | None
    work_done: str | None
    outcomes: str | None
    problems: str | None
    photo_count: int
    satisfaction: int | None
    waived: bool
    waive_reason: str | None
    submitted_by: str | None
    submitted_on: date | None
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class FeedbackStatus:
    activity_id: uuid.UUID
    state: FeedbackState
    feedback_id: uuid.UUID | None = None
    waive_reason: str | None = None
    submitted_by: str | None = None
    submitted_on: date | None = None

    @property
    def complete(self) -> bool:
        """Given or waived: the activity may close."""
        return self.state is not FeedbackState.MISSING


@dataclass(frozen=True)
class FeedbackChange:
    """What a save or waiver did (``changed`` is empty when nothing did)."""

    activity_id: uuid.UUID
    feedback_id: uuid.UUID
    created: bool
    changed: tuple[str, ...]
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- checks


def _count(value: int | None, *, required: str | None, limit: int, negative: str) -> int | None:
    if value is None:
        if required is not None:
            raise UserError(required)
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a count must be an int, not {value!r}")
    if value < 0:
        raise UserError(negative)
    if value > limit:
        raise UserError(N_("A count in the feedback can be at most {limit}."), limit=f"{limit:,}")
    return value


def _text(value: str | None) -> str | None:
    text = (value or "").strip()
    if len(text) > MAX_TEXT:
        raise UserError(
            N_("A text in the feedback has at most {limit} characters."), limit=f"{MAX_TEXT:,}"
        )
    return text or None


def clean_feedback(data: FeedbackData) -> dict[str, Any]:
    """The form's values checked and tidied; ``UserError`` names the first problem."""
    people = _count(
        data.people_served,
        required=N_("Enter how many people the activity served (0 if none)."),
        limit=MAX_PEOPLE_SERVED,
        negative=N_("The number of people served cannot be negative."),
    )
    photos = _count(
        data.photo_count,
        required=None,
        limit=MAX_PHOTOS,
        negative=N_("The number of photos cannot be negative."),
    )
    texts = {name: _text(getattr(data, name)) for name in _TEXT_FIELDS}
    if texts["work_done"] is None:
        raise UserError(N_("Describe what was done at the activity."))
    satisfaction = data.satisfaction
    low, high = SATISFACTION_RANGE
    if satisfaction is None:
        raise UserError(
            N_("Choose the volunteers' satisfaction, from {low} to {high}."), low=low, high=high
        )
    if isinstance(satisfaction, bool) or not isinstance(satisfaction, int):
        raise TypeError(f"satisfaction must be an int, not {satisfaction!r}")
    if not low <= satisfaction <= high:
        raise UserError(
            N_("Satisfaction is a score from {low} (poor) to {high} (excellent), not {value}."),
            low=low,
            high=high,
            value=satisfaction,
        )
    return {
        "people_served": people,
        **texts,
        "photo_count": photos or 0,
        "satisfaction": satisfaction,
    }


def _clean_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise UserError(N_("Give a reason for waiving the activity's feedback."))
    if len(text) > MAX_WAIVE_REASON:
        raise UserError(N_("The reason has at most {limit} characters."), limit=MAX_WAIVE_REASON)
    return text


def _editable_activity(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    if activity.state is ActivityState.DRAFT:
        raise UserError(
            N_("“{title}” is still a draft; feedback is given once the activity has taken place."),
            title=activity.title,
        )
    if activity.state is ActivityState.EXPORTED:
        raise UserError(
            N_("“{title}” is exported; its feedback can no longer be changed."),
            title=activity.title,
        )
    return activity


def _row(session: Session, activity_id: uuid.UUID) -> ActivityFeedback | None:
    return session.scalar(
        select(ActivityFeedback).where(ActivityFeedback.activity_id == activity_id)
    )


def _snapshot(row: ActivityFeedback | None) -> dict[str, Any]:
    if row is None:
        return {}
    return {name: getattr(row, name) for name in _AUDITED}


# ----------------------------------------------------------------------------- saving


def _apply(
    session: Session,
    activity_id: uuid.UUID,
    values: dict[str, Any],
    *,
    staff: str,
    action: str,
    reason: str | None,
    now: datetime | None,
) -> FeedbackChange:
    today = local_today(session, now)  # a query: before the new row is added (autoflush)
    row = _row(session, activity_id)
    created = row is None
    before = _snapshot(row)
    if row is None:
        row = ActivityFeedback(id=uuid.uuid4(), activity_id=activity_id, photo_count=0)
        session.add(row)
    changed = tuple(
        name for name in _AUDITED if name in values and (created or before[name] != values[name])
    )
    if not changed:
        return FeedbackChange(activity_id, row.id, False, ())
    for name in changed:
        setattr(row, name, values[name])
    row.submitted_by = staff
    row.submitted_on = today
    session.flush()
    old = {name: before[name] for name in changed if name in before}
    new = {name: values[name] for name in changed}
    audit.record(
        session,
        staff=staff,
        action=action,
        entity=ENTITY,
        entity_id=row.id,
        before=old or None,
        after={"activity_id": activity_id, **new},
        reason=reason,
    )
    return FeedbackChange(activity_id, row.id, created, changed, old, new)


def save_feedback(
    session: Session,
    activity_id: uuid.UUID,
    data: FeedbackData,
    *,
    staff: str,
    now: datetime | None = None,
) -> FeedbackChange:
    """Submit or correct an activity's feedback (lifts a waiver); audited."""
    staff = clean_staff(staff)
    _editable_activity(session, activity_id)
    values = {**clean_feedback(data), "waived": False, "waive_reason": None}
    action = "feedback.submit" if _row(session, activity_id) is None else "feedback.update"
    return _apply(session, activity_id, values, staff=staff, action=action, reason=None, now=now)


def waive_feedback(
    session: Session,
    activity_id: uuid.UUID,
    *,
    reason: str,
    staff: str,
    now: datetime | None = None,
) -> FeedbackChange:
    """Record that no feedback will be given for this activity, and why; audited."""
    staff = clean_staff(staff)
    activity = _editable_activity(session, activity_id)
    text = _clean_reason(reason)
    row = _row(session, activity_id)
    if row is not None and not row.waived:
        raise UserError(
            N_("“{title}” already has feedback; a waiver is only for an activity without one."),
            title=activity.title,
        )
    values = {"waived": True, "waive_reason": text}
    return _apply(
        session, activity_id, values, staff=staff, action="feedback.waive", reason=text, now=now
    )


# ----------------------------------------------------------------------------- reading


def get_feedback(session: Session, activity_id: uuid.UUID) -> Feedback | None:
    """The activity's feedback (or waiver), or None when there is none yet."""
    row = _row(session, activity_id)
    if row is None:
        return None
    return Feedback(
        id=row.id,
        activity_id=row.activity_id,
        people_served=row.people_served,
        beneficiaries=row.beneficiaries,
        work_done=row.work_done,
        outcomes=row.outcomes,
        problems=row.problems,
        photo_count=row.photo_count,
        satisfaction=row.satisfaction,
        waived=row.waived,
        waive_reason=row.waive_reason,
        submitted_by=row.submitted_by,
        submitted_on=row.submitted_on,
        version=row.version,
        updated_at=row.updated_at,
    )


def feedback_status(session: Session, activity_id: uuid.UUID) -> FeedbackStatus:
    """Missing, submitted or waived (``complete`` when the activity may close)."""
    if session.get(Activity, activity_id) is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    row = _row(session, activity_id)
    if row is None:
        return FeedbackStatus(activity_id, FeedbackState.MISSING)
    return FeedbackStatus(
        activity_id,
        FeedbackState.WAIVED if row.waived else FeedbackState.SUBMITTED,
        feedback_id=row.id,
        waive_reason=row.waive_reason,
        submitted_by=row.submitted_by,
        submitted_on=row.submitted_on,
    )


def require_feedback(session: Session, activity_id: uuid.UUID) -> None:
    """``UserError`` unless the activity's feedback is given or waived (before closing)."""
    if feedback_status(session, activity_id).complete:
        return
    activity = session.get(Activity, activity_id)
    raise UserError(
        N_(
            "Give the activity feedback for “{title}” (people served, what was done, "
            "satisfaction), or waive it with a reason, before closing it."
        ),
        title=activity.title if activity is not None else "",
    )
