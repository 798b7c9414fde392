"""A volunteer's correction request (民政部令第67号): logged, answered once, linked
to the entry that corrected the record, every step audited."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import correction_requests as requests
from models import hours
from models.db import Database
from models.errors import UserError
from models.hours import SupplementalData
from models.schema import AuditEntry, CorrectionRequest, Volunteer
from models.schema.enums import RequestStatus

STAFF = "王老师"
NOW = datetime(2025, 6, 30, tzinfo=UTC)


@pytest.fixture
def people(org_database: Database) -> tuple[uuid.UUID, uuid.UUID]:
    with org_database.transaction() as s:
        zhang = Volunteer(id=uuid.uuid4(), code="V000001", name="张三")
        li = Volunteer(id=uuid.uuid4(), code="V000002", name="李四")
        s.add_all([zhang, li])
        return zhang.id, li.id


def test_request_is_logged_answered_and_linked(
    org_database: Database, people: tuple[uuid.UUID, uuid.UUID]
) -> None:
    zhang, _li = people
    with org_database.transaction() as s:
        logged = requests.log_request(
            s, volunteer_id=zhang, text="3月7日分拣活动漏记了签退", staff=STAFF, now=NOW
        )
        assert logged.status is RequestStatus.OPEN
        added = hours.add_supplemental(
            s,
            SupplementalData(
                zhang,
                datetime(2025, 3, 7, 1, tzinfo=UTC),
                datetime(2025, 3, 7, 4, tzinfo=UTC),
                "志愿者更正申请",
            ),
            staff=STAFF,
            now=NOW,
        )
        answered = requests.answer_request(
            s,
            logged.request_id,
            response="已核实签到表，补录3小时，待审核",
            staff=STAFF,
            resulting_entry_id=added.entry_id,
            now=NOW,
        )
        assert answered.resulting_entry_id == added.entry_id
        [row] = requests.list_requests(s)
        assert (row.status, row.volunteer_name, row.answered_by, row.answered_at) == (
            RequestStatus.ANSWERED,
            "张三",
            STAFF,
            NOW,
        )
        actions = list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == requests.ENTITY)
                .order_by(AuditEntry.at)
            )
        )
        assert actions == ["correction_request.log", "correction_request.answer"]
        assert requests.list_requests(s, status=RequestStatus.OPEN) == []


def test_bad_requests_and_answers_are_refused(
    org_database: Database, people: tuple[uuid.UUID, uuid.UUID]
) -> None:
    zhang, li = people
    with pytest.raises(UserError, match="what the volunteer asks"), org_database.transaction() as s:
        requests.log_request(s, volunteer_id=zhang, text="  ", staff=STAFF)
    with pytest.raises(UserError, match="future"), org_database.transaction() as s:
        requests.log_request(
            s,
            volunteer_id=zhang,
            text="时长不对",
            staff=STAFF,
            received_at=datetime(2030, 1, 1, tzinfo=UTC),
            now=NOW,
        )
    with org_database.transaction() as s:
        request_id = requests.log_request(
            s, volunteer_id=zhang, text="时长不对", staff=STAFF
        ).request_id
        other = hours.add_supplemental(
            s,
            SupplementalData(
                li,
                datetime(2025, 3, 7, 1, tzinfo=UTC),
                datetime(2025, 3, 7, 2, tzinfo=UTC),
                "补录",
            ),
            staff=STAFF,
            now=NOW,
        )
    with (
        pytest.raises(UserError, match="this volunteer's entries"),
        org_database.transaction() as s,
    ):
        requests.answer_request(
            s, request_id, response="已补录", staff=STAFF, resulting_entry_id=other.entry_id
        )
    with org_database.transaction() as s:
        requests.answer_request(s, request_id, response="核实无误，不予更正", staff=STAFF)
    with pytest.raises(UserError, match="already been answered"), org_database.transaction() as s:
        requests.answer_request(s, request_id, response="再答", staff=STAFF)
    with org_database.reading() as s:
        assert s.scalar(select(func.count()).select_from(CorrectionRequest)) == 1
