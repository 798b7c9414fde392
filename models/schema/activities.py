"""Activities, their rosters, scans, attendance sessions, hours and feedback."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.clock import utcnow
from models.schema.base import Base, IdMixin, SyncedMixin, str_enum
from models.schema.enums import (
    ActivityState,
    ApprovalStatus,
    HourKind,
    RequestStatus,
    ScanOutcome,
    ScanSource,
    SessionStatus,
)


class Activity(SyncedMixin, Base):
    __tablename__ = "activity"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="ends_after_start"),)

    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str | None] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime] = mapped_column()
    location: Mapped[str | None] = mapped_column(String(300))
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("store.id"))
    capacity: Mapped[int | None] = mapped_column(Integer)
    scheduled_minutes: Mapped[int] = mapped_column(Integer, default=0)
    programme_tag: Mapped[str | None] = mapped_column(String(60))
    state: Mapped[ActivityState] = mapped_column(
        str_enum(ActivityState), default=ActivityState.DRAFT, index=True
    )
    walk_ins_allowed: Mapped[bool] = mapped_column(Boolean, default=True)
    closed_at: Mapped[datetime | None] = mapped_column()


class Registration(SyncedMixin, Base):
    """A person on an activity's roster (imported from the programme or added)."""

    __tablename__ = "registration"
    __table_args__ = (UniqueConstraint("activity_id", "volunteer_id"),)

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    volunteer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("volunteer.id"), index=True)
    programme_id: Mapped[str | None] = mapped_column(String(60), index=True)
    source: Mapped[str] = mapped_column(String(20), default="import")


class ScanEvent(IdMixin, Base):
    """Append-only: one row per scan the kiosk answered, accepted or not."""

    __tablename__ = "scan_event"
    __table_args__ = (
        Index("ix_scan_event_activity_volunteer_at", "activity_id", "volunteer_id", "scanned_at"),
    )

    activity_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("activity.id"))
    volunteer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("volunteer.id"))
    device_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[ScanSource] = mapped_column(str_enum(ScanSource))
    outcome: Mapped[ScanOutcome] = mapped_column(str_enum(ScanOutcome))
    reason: Mapped[str | None] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(String(200))
    scanned_at: Mapped[datetime] = mapped_column()
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    outside_window: Mapped[bool] = mapped_column(Boolean, default=False)
    # Back-filled from a paper sign-in sheet with its real time.
    backfilled: Mapped[bool] = mapped_column(Boolean, default=False)


class AttendanceSession(SyncedMixin, Base):
    """A check-in paired with its check-out (possibly from another kiosk)."""

    __tablename__ = "attendance_session"
    __table_args__ = (Index("ix_attendance_session_activity_status", "activity_id", "status"),)

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"))
    volunteer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("volunteer.id"), index=True)
    check_in_event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("scan_event.id"))
    check_out_event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("scan_event.id"))
    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[SessionStatus] = mapped_column(
        str_enum(SessionStatus), default=SessionStatus.OPEN
    )
    # How an open session was closed by staff: scheduled_end / manual_time / discarded.
    resolution: Mapped[str | None] = mapped_column(String(20))
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    # Minutes counted under the rules in force when last calculated.
    counted_minutes: Mapped[int] = mapped_column(Integer, default=0)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)


class HourEntry(SyncedMixin, Base):
    """Minutes that count towards a volunteer's hours.

    A ``session`` entry comes from attendance; ``supplemental`` (补录) and
    ``correction`` entries need a reason and a staff name and start pending.
    Approved entries are locked: a later change is a new ``correction`` row
    pointing at the entry it corrects, carrying the difference in minutes.
    """

    __tablename__ = "hour_entry"
    __table_args__ = (Index("ix_hour_entry_volunteer_work_date", "volunteer_id", "work_date"),)

    volunteer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("volunteer.id"))
    activity_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("activity.id"), index=True)
    session_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("attendance_session.id"))
    kind: Mapped[HourKind] = mapped_column(str_enum(HourKind))
    work_date: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime | None] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    minutes: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[ApprovalStatus] = mapped_column(
        str_enum(ApprovalStatus), default=ApprovalStatus.PENDING, index=True
    )
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column()
    second_approver: Mapped[str | None] = mapped_column(String(100))
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("hour_entry.id"))
    # Set when an export carried this entry; its matching amount is then frozen.
    exported_in_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sync_log.id"))
    matching_fen: Mapped[int | None] = mapped_column(Integer)


class CorrectionRequest(SyncedMixin, Base):
    """A volunteer's own request to correct their record (民政部令第67号)."""

    __tablename__ = "correction_request"

    volunteer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("volunteer.id"), index=True)
    activity_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("activity.id"))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    request_text: Mapped[str] = mapped_column(Text)
    status: Mapped[RequestStatus] = mapped_column(
        str_enum(RequestStatus), default=RequestStatus.OPEN
    )
    response_text: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(100))
    answered_at: Mapped[datetime | None] = mapped_column()
    resulting_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("hour_entry.id"))


class ActivityFeedback(SyncedMixin, Base):
    """活动反馈: what an activity achieved, for the programme office."""

    __tablename__ = "activity_feedback"

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), unique=True)
    people_served: Mapped[int | None] = mapped_column(Integer)
    beneficiaries: Mapped[str | None] = mapped_column(Text)
    work_done: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    photo_count: Mapped[int] = mapped_column(Integer, default=0)
    # Volunteers' satisfaction, 1 (poor) to 5 (excellent).
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    waived: Mapped[bool] = mapped_column(Boolean, default=False)
    waive_reason: Mapped[str | None] = mapped_column(Text)
    submitted_by: Mapped[str | None] = mapped_column(String(100))
    submitted_on: Mapped[date | None] = mapped_column(Date)
