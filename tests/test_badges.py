"""Volunteer badges: issued payloads verify at the kiosk, reissuing retires the old
one, every change is audited, refusals are specific and write nothing, and the
badges to print come in the asked order."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import codes
from models.badges import (
    BadgeInfo,
    badge_cards,
    badges_for,
    current_badge,
    issue_badge,
    reissue_badge,
    retire_badge,
)
from models.db import Database
from models.errors import UserError
from models.scan_meaning import Meaning, explain
from models.schema import AuditEntry, Badge, Organisation, Volunteer

STAFF = "王老师"


def add_volunteer(
    session: Session,
    code: str,
    name: str,
    *,
    employer: str | None = None,
    active: bool = True,
    merged_into: uuid.UUID | None = None,
) -> uuid.UUID:
    volunteer = Volunteer(
        code=code, name=name, employer=employer, active=active, merged_into_id=merged_into
    )
    session.add(volunteer)
    session.flush()
    return volunteer.id


def badge_rows(session: Session, volunteer_id: uuid.UUID) -> list[tuple[int, bool, str | None]]:
    """(seq, retired?, reason) of every badge of the volunteer."""
    rows = session.execute(
        select(Badge.seq, Badge.retired_at, Badge.retired_reason)
        .where(Badge.volunteer_id == volunteer_id)
        .order_by(Badge.seq)
    )
    return [(row.seq, row.retired_at is not None, row.retired_reason) for row in rows]


def audit_rows(session: Session) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("badge.%")).order_by(AuditEntry.at)
        )
    )


def counts(session: Session) -> tuple[int, int]:
    badges = session.scalar(select(func.count()).select_from(Badge))
    entries = session.scalar(select(func.count()).select_from(AuditEntry))
    return int(badges or 0), int(entries or 0)


@contextmanager
def writes_nothing(session: Session) -> Iterator[None]:
    """The block raises (checked by the caller) having changed nothing in the session."""
    before = counts(session)
    yield
    assert not session.new and not session.dirty and not session.deleted
    assert counts(session) == before


def test_issued_badge_verifies_at_the_kiosk(org_database: Database) -> None:
    with org_database.transaction() as session:
        vid = add_volunteer(session, "V000123", "张晓明", employer="汇丰银行")
        assert current_badge(session, vid) is None
        info = issue_badge(session, vid, staff=f"  {STAFF} ")

    assert isinstance(info, BadgeInfo)
    assert (info.volunteer_id, info.volunteer_code, info.name, info.seq) == (
        vid,
        "V000123",
        "张晓明",
        1,
    )
    assert info.employer == "汇丰银行"
    assert info.issued_at.tzinfo is not None
    assert info.payload.startswith("PDV:GREEN:V000123:1:")
    assert codes.is_qr_alphanumeric(info.payload)
    with org_database.reading() as session:
        secret = session.scalar(select(Organisation.badge_secret))
        assert secret is not None
        assert info.payload == codes.badge_payload(secret, "GREEN", "V000123", 1)
        result = explain(session, info.payload)
        assert result.meaning is Meaning.BADGE
        assert (result.volunteer_id, result.volunteer_name, result.badge_seq) == (vid, "张晓明", 1)
        assert current_badge(session, vid) == info
        [entry] = audit_rows(session)
        assert (entry.action, entry.entity, entry.staff_name) == (
            "badge.issued",
            "volunteer",
            STAFF,
        )
        assert entry.entity_id == str(vid)
        assert entry.after == {"code": "V000123", "seq": 1}


def test_reissue_retires_the_old_badge(org_database: Database) -> None:
    with org_database.transaction() as session:
        vid = add_volunteer(session, "V000001", "李娜")
        old = issue_badge(session, vid, staff=STAFF)
    with org_database.transaction() as session:
        new = reissue_badge(session, vid, staff="陈老师", reason="  遗失  补办 ")

    assert new.seq == 2 and old.seq == 1
    assert new.payload != old.payload
    with org_database.reading() as session:
        retired = explain(session, old.payload)
        assert retired.meaning is Meaning.RETIRED_BADGE
        assert (retired.volunteer_id, retired.badge_seq) == (vid, 1)
        assert "李娜" in retired.render()
        assert explain(session, new.payload).meaning is Meaning.BADGE
        assert current_badge(session, vid) == new
        assert badge_rows(session, vid) == [(1, True, "遗失 补办"), (2, False, None)]
        issued, reissued = audit_rows(session)
        assert issued.action == "badge.issued"
        assert (reissued.action, reissued.staff_name, reissued.reason) == (
            "badge.reissued",
            "陈老师",
            "遗失 补办",
        )
        assert reissued.entity_id == str(vid)
        assert reissued.before == {"code": "V000001", "seq": 1}
        assert reissued.after == {"code": "V000001", "seq": 2}

    with org_database.transaction() as session:
        third = reissue_badge(session, vid, staff=STAFF, reason="损坏")
    assert third.seq == 3
    with org_database.reading() as session:
        assert explain(session, new.payload).meaning is Meaning.RETIRED_BADGE
        assert explain(session, third.payload).meaning is Meaning.BADGE


def test_retire_then_issue_never_reuses_a_number(org_database: Database) -> None:
    with org_database.transaction() as session:
        vid = add_volunteer(session, "V000002", "王小二")
        first = issue_badge(session, vid, staff=STAFF)
        retire_badge(session, vid, staff="陈老师", reason="离开项目")
        assert current_badge(session, vid) is None
    with org_database.reading() as session:
        assert explain(session, first.payload).meaning is Meaning.RETIRED_BADGE
        assert badge_rows(session, vid) == [(1, True, "离开项目")]
        entry = audit_rows(session)[-1]
        assert (entry.action, entry.staff_name, entry.reason) == (
            "badge.retired",
            "陈老师",
            "离开项目",
        )
        assert entry.before == {"code": "V000002", "seq": 1}
        assert entry.after == {"code": "V000002", "seq": None}
    with org_database.transaction() as session:
        again = issue_badge(session, vid, staff=STAFF)
    assert again.seq == 2
    with org_database.reading() as session:
        assert explain(session, first.payload).meaning is Meaning.RETIRED_BADGE
        assert explain(session, again.payload).meaning is Meaning.BADGE


def test_retiring_works_for_an_inactive_volunteer(org_database: Database) -> None:
    with org_database.transaction() as session:
        vid = add_volunteer(session, "V000003", "赵六")
        badge = issue_badge(session, vid, staff=STAFF)
        session.get_one(Volunteer, vid).active = False
    with org_database.transaction() as session:
        retire_badge(session, vid, staff=STAFF, reason="已退出")
    with org_database.reading() as session:
        assert explain(session, badge.payload).meaning is Meaning.RETIRED_BADGE


@pytest.fixture
def people(org_database: Database) -> dict[str, uuid.UUID]:
    """With a badge: V1 张三, V2 李四 (inactive), V3 王五 (merged into V1).
    Without: V4 赵六, V5 孙七 (inactive)."""
    with org_database.transaction() as session:
        ids = {
            "V1": add_volunteer(session, "V000001", "张三"),
            "V2": add_volunteer(session, "V000002", "李四"),
            "V4": add_volunteer(session, "V000004", "赵六"),
        }
        ids["V3"] = add_volunteer(session, "V000003", "王五")
        ids["V5"] = add_volunteer(session, "V000005", "孙七", active=False)
        for key in ("V1", "V2", "V3"):
            issue_badge(session, ids[key], staff=STAFF)
        session.get_one(Volunteer, ids["V2"]).active = False
        session.get_one(Volunteer, ids["V3"]).merged_into_id = ids["V1"]
    return ids


@pytest.mark.parametrize(
    ("who", "call", "message"),
    [
        ("V1", "issue", "张三 (V000001) already has a badge (number 1)"),
        ("V4", "reissue", "赵六 (V000004) has no badge to replace: issue a new one instead."),
        ("V4", "retire", "赵六 (V000004) has no badge in use to retire."),
        ("V5", "issue", "孙七 (V000005) is inactive: reactivate the record"),
        ("V2", "reissue", "李四 (V000002) is inactive: reactivate the record"),
        ("V3", "issue", "王五 (V000003) was merged into 张三 (V000001)"),
        ("V3", "reissue", "王五 (V000003) was merged into 张三 (V000001)"),
        ("V1", "reissue-no-reason", "Give a reason for replacing or retiring the badge."),
        ("V1", "retire-no-reason", "Give a reason for replacing or retiring the badge."),
        ("V1", "reissue-long-reason", "The reason has at most 200 characters."),
        ("V4", "issue-no-staff", "Enter the name of the staff member."),
        ("V1", "retire-no-staff", "Enter the name of the staff member."),
    ],
)
def test_refusals_are_specific_and_write_nothing(
    org_database: Database, people: dict[str, uuid.UUID], who: str, call: str, message: str
) -> None:
    vid = people[who]
    actions: dict[str, Callable[[Session], object]] = {
        "issue": lambda s: issue_badge(s, vid, staff=STAFF),
        "reissue": lambda s: reissue_badge(s, vid, staff=STAFF, reason="遗失"),
        "retire": lambda s: retire_badge(s, vid, staff=STAFF, reason="遗失"),
        "reissue-no-reason": lambda s: reissue_badge(s, vid, staff=STAFF, reason=" \t "),
        "retire-no-reason": lambda s: retire_badge(s, vid, staff=STAFF, reason=""),
        "reissue-long-reason": lambda s: reissue_badge(s, vid, staff=STAFF, reason="丢" * 201),
        "issue-no-staff": lambda s: issue_badge(s, vid, staff="  "),
        "retire-no-staff": lambda s: retire_badge(s, vid, staff="", reason="遗失"),
    }
    with org_database.transaction() as session:
        before = badge_rows(session, vid)
        with writes_nothing(session), pytest.raises(UserError) as raised:
            actions[call](session)
        assert badge_rows(session, vid) == before
    assert str(raised.value).startswith(message)


def test_unknown_volunteer(org_database: Database) -> None:
    stranger = uuid.uuid4()
    with org_database.transaction() as session:
        assert current_badge(session, stranger) is None
        with writes_nothing(session), pytest.raises(UserError, match="no longer in the database"):
            issue_badge(session, stranger, staff=STAFF)
        with writes_nothing(session), pytest.raises(UserError, match="no longer in the database"):
            badges_for(session, [stranger])


def test_a_code_that_cannot_be_printed_is_refused(org_database: Database) -> None:
    with org_database.transaction() as session:
        vid = add_volunteer(session, "v-12", "钱八")
        with writes_nothing(session), pytest.raises(UserError) as raised:
            issue_badge(session, vid, staff=STAFF)
    assert raised.value.params == {"code": "v-12"}


def test_badges_for_everyone_by_code(org_database: Database, people: dict[str, uuid.UUID]) -> None:
    with org_database.transaction() as session:
        late = add_volunteer(session, "A000009", "周九", employer="德勤")
        issue_badge(session, late, staff=STAFF)
    with org_database.reading() as session:
        found = badges_for(session, None)
        # Only active, not merged, with a current badge; ordered by code.
        assert [(b.volunteer_code, b.name, b.seq) for b in found] == [
            ("A000009", "周九", 1),
            ("V000001", "张三", 1),
        ]
        assert found[0].employer == "德勤"
        assert found[1] == current_badge(session, people["V1"])
        cards = badge_cards(session, found)
    assert [(c.name, c.organisation, c.volunteer_code, c.employer) for c in cards] == [
        ("周九", "绿芽公益服务中心", "A000009", "德勤"),
        ("张三", "绿芽公益服务中心", "V000001", None),
    ]
    assert [c.payload for c in cards] == [b.payload for b in found]


def test_badges_for_chosen_volunteers_keeps_their_order(org_database: Database) -> None:
    with org_database.transaction() as session:
        ids = [add_volunteer(session, f"V{n:06d}", f"志愿者{n}") for n in range(1, 6)]
        for vid in ids:
            issue_badge(session, vid, staff=STAFF)
        reissue_badge(session, ids[2], staff=STAFF, reason="损坏")
    asked = [ids[4], ids[0], ids[2], ids[0]]
    with org_database.reading() as session:
        found = badges_for(session, asked)
        assert [b.volunteer_id for b in found] == asked
        assert [b.seq for b in found] == [1, 1, 2, 1]
        for badge in found:
            assert explain(session, badge.payload).meaning is Meaning.BADGE


def test_missing_badges_are_named_unless_issued(org_database: Database) -> None:
    with org_database.transaction() as session:
        has = add_volunteer(session, "V000001", "张三")
        issue_badge(session, has, staff=STAFF)
        lacking = [add_volunteer(session, f"V{n:06d}", f"新人{n}") for n in range(2, 9)]
        retired = add_volunteer(session, "V000009", "老周")
        issue_badge(session, retired, staff=STAFF)
        retire_badge(session, retired, staff=STAFF, reason="遗失")

    asked = [lacking[0], has, retired, *lacking[1:]]
    with org_database.transaction() as session:
        with writes_nothing(session), pytest.raises(UserError) as raised:
            badges_for(session, asked)
        with writes_nothing(session), pytest.raises(UserError, match="staff member"):
            badges_for(session, asked, issue_missing=True)
    assert raised.value.params["count"] == 8
    names = raised.value.params["names"]
    assert names.startswith("新人2 (V000002)、老周 (V000009)、新人3 (V000003)")
    assert names.endswith("…")
    assert str(raised.value).startswith("8 of the chosen volunteers have no badge yet: 新人2")

    with org_database.transaction() as session:
        found = badges_for(session, asked, issue_missing=True, staff=STAFF)
    assert [b.volunteer_id for b in found] == asked
    assert [b.seq for b in found] == [1, 1, 2, 1, 1, 1, 1, 1, 1]
    with org_database.reading() as session:
        for badge in found:
            assert explain(session, badge.payload).meaning is Meaning.BADGE
        issued = [e for e in audit_rows(session) if e.action == "badge.issued"]
        assert {e.entity_id for e in issued[-8:]} == {str(v) for v in [*lacking, retired]}
        assert all(e.staff_name == STAFF for e in issued)
        # Nothing left to issue: the same call now only reads.
        before = counts(session)
        assert badges_for(session, asked, issue_missing=True, staff=STAFF) == found
        assert counts(session) == before


def test_issue_missing_for_everyone(org_database: Database, people: dict[str, uuid.UUID]) -> None:
    with org_database.transaction() as session:
        found = badges_for(session, None, issue_missing=True, staff=STAFF)
    # Active, not merged: 张三 (had one) and 赵六 (issued now); not 李四, 王五, 孙七.
    assert [(b.volunteer_code, b.seq) for b in found] == [("V000001", 1), ("V000004", 1)]
    with org_database.reading() as session:
        assert current_badge(session, people["V4"]) == found[1]
        assert current_badge(session, people["V5"]) is None


@pytest.mark.parametrize(("who", "message"), [("V2", "is inactive"), ("V3", "was merged into")])
def test_badges_for_refuses_inactive_and_merged(
    org_database: Database, people: dict[str, uuid.UUID], who: str, message: str
) -> None:
    asked = [people["V1"], people[who], people["V4"]]
    with (
        org_database.transaction() as session,
        writes_nothing(session),
        pytest.raises(UserError, match=message),
    ):
        badges_for(session, asked, issue_missing=True, staff=STAFF)


def test_nothing_works_before_the_organisation_is_set_up(database: Database) -> None:
    with database.transaction() as session:
        vid = add_volunteer(session, "V000001", "张三")
        with pytest.raises(UserError, match="Set up the organisation first"):
            issue_badge(session, vid, staff=STAFF)
        with pytest.raises(UserError, match="Set up the organisation first"):
            badges_for(session, None)
