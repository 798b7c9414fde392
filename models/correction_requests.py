"""A volunteer's own request to correct their service record (民政部令第67号).

The organiser logs the request as the volunteer made it, then answers it: with
the answer text, the staff member's name and, when hours were changed, the hour
entry that resulted (a supplemental or correction entry of the same volunteer).
Both steps are audited; an answered request stays as it was answered.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import audit
from models.clock import as_utc, utcnow
from models.errors import N_, UserError
from models.schema import Activity, CorrectionRequest, HourEntry, Volunteer
from models.schema.enums import RequestStatus
from models.volunteers import clean_staff

ENTITY = "correction_request"
MAX_TEXT = 5000


@dataclass(frozen=True)
class RequestRow:
    id: uuid.UUID
    volunteer_id: uuid.UUID
    volunteer_code: str
    volunteer_name: str
    activity_id: uuid.UUID | None
    activity_title: str | None
    received_at: datetime
    request_text: str
    status: RequestStatus
    response_text: str | None
    answered_by: str | None
    answered_at: datetime | None
    resulting_entry_id: uuid.UUID | None


@dataclass(frozen=True)
class RequestChange:
    request_id: uuid.UUID
    status: RequestStatus
    resulting_entry_id: uuid.UUID | None = None


def _text(value: str | None, missing: str) -> str:
    text = (value or "").strip()
    if not text:
        raise UserError(missing)
    if len(text) > MAX_TEXT:
        raise UserError(N_("The text has at most {limit} characters."), limit=MAX_TEXT)
    return text


def log_request(
    session: Session,
    *,
    volunteer_id: uuid.UUID,
    text: str,
    staff: str,
    activity_id: uuid.UUID | None = None,
    received_at: datetime | None = None,
    now: datetime | None = None,
) -> RequestChange:
    """Record a volunteer's correction request as received (open until answered)."""
    staff = clean_staff(staff)
    body = _text(text, N_("Write down what the volunteer asks to have corrected."))
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(N_("Choose the volunteer again; this record no longer exists."))
    if activity_id is not None and session.get(Activity, activity_id) is None:
        raise UserError(N_("This activity no longer exists; it may have been deleted."))
    moment = as_utc(now or utcnow())
    received = as_utc(received_at or moment)
    if received > moment:
        raise UserError(N_("A request cannot be received in the future."))
    request = CorrectionRequest(
        id=uuid.uuid4(),
        volunteer_id=volunteer.id,
        activity_id=activity_id,
        received_at=received,
        request_text=body,
        status=RequestStatus.OPEN,
    )
    session.add(request)
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.log",
        entity=ENTITY,
        entity_id=request.id,
        after={
            "volunteer_id": volunteer.id,
            "activity_id": activity_id,
            "received_at": received,
            "request_text": body,
        },
    )
    return RequestChange(request.id, RequestStatus.OPEN)


def answer_request(
    session: Session,
    request_id: uuid.UUID,
    *,
    response: str,
    staff: str,
    resulting_entry_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> RequestChange:
    """Answer an open request, optionally naming the hour entry it led to."""
    staff = clean_staff(staff)
    body = _text(response, N_("Write the answer given to the volunteer."))
    request = session.get(CorrectionRequest, request_id)
    if request is None:
        raise UserError(N_("This correction request no longer exists."))
    if request.status is RequestStatus.ANSWERED:
        raise UserError(N_("This request has already been answered; log a new one if needed."))
    if resulting_entry_id is not None:
        entry = session.get(HourEntry, resulting_entry_id)
        if entry is None or entry.volunteer_id != request.volunteer_id:
            raise UserError(N_("The linked hour entry must be one of this volunteer's entries."))
    before = {"status": request.status}
    request.status = RequestStatus.ANSWERED
    request.response_text = body
    request.answered_by = staff
    request.answered_at = as_utc(now or utcnow())
    request.resulting_entry_id = resulting_entry_id
    session.flush()
    audit.record(
        session,
        staff=staff,
        action=f"{ENTITY}.answer",
        entity=ENTITY,
        entity_id=request.id,
        before=before,
        after={
            "status": request.status,
            "response_text": body,
            "answered_at": request.answered_at,
            "resulting_entry_id": resulting_entry_id,
        },
    )
    return RequestChange(request.id, RequestStatus.ANSWERED, resulting_entry_id)


def list_requests(
    session: Session,
    *,
    status: RequestStatus | None = None,
    volunteer_id: uuid.UUID | None = None,
    limit: int = 1000,
) -> list[RequestRow]:
    """Requests, open ones first, each group oldest first."""
    query = (
        select(CorrectionRequest, Volunteer.code, Volunteer.name, Activity.title)
        .join(Volunteer, Volunteer.id == CorrectionRequest.volunteer_id)
        .outerjoin(Activity, Activity.id == CorrectionRequest.activity_id)
    )
    if status is not None:
        query = query.where(CorrectionRequest.status == status)
    if volunteer_id is not None:
        query = query.where(CorrectionRequest.volunteer_id == volunteer_id)
    query = query.order_by(
        CorrectionRequest.status != RequestStatus.OPEN,
        CorrectionRequest.received_at,
        CorrectionRequest.id,
    ).limit(limit)
    return [
        RequestRow(
            r.id,
            r.volunteer_id,
            code,
            name,
            r.activity_id,
            title,
            r.received_at,
            r.request_text,
            r.status,
            r.response_text,
            r.answered_by,
            r.answered_at,
            r.resulting_entry_id,
        )
        for r, code, name, title in session.execute(query)
    ]
