"""Freezing hours in one streamed pass (``models.hour_export.FreezePlan``) gives every
entry exactly the amount ``models.hour_totals.approved_amounts`` gives it: with and
without per-period limits (month or year, a minimum, a maximum), the minutes already
frozen in a period counted first, corrections (negative minutes) included, ties in
time broken by id, and the rate of the activity's local day (an activity that starts
just before local midnight, a rate that changes within the period).  Only the
approved, unexported entries up to the day are frozen, each one version up."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import hours
from models import settings as stored_settings
from models.db import Database
from models.hour_recalc import load_rules
from models.hour_rules import HourRules
from models.hour_totals import approved_amounts, entry_rows
from models.schema import Activity, HourEntry, MatchingRate, SyncLog, Volunteer
from models.schema.enums import ActivityState, ApprovalStatus, HourKind, SyncDirection

STAFF = "王老师"
ZONE = ZoneInfo("Asia/Shanghai")
UP_TO = date(2025, 3, 20)
# Few creation times, so that entries of one day often tie and their ids decide.
CREATED = [datetime(2025, 4, 1, 8, tzinfo=UTC) + timedelta(minutes=n) for n in range(3)]


def _log(s: Session) -> uuid.UUID:
    export_id = uuid.uuid4()
    s.add(
        SyncLog(
            id=export_id,
            direction=SyncDirection.EXPORT,
            org_code="GREEN",
            export_id=export_id,
            period_end=datetime(2025, 4, 1, tzinfo=UTC),
            file_name="GREEN.pdsync",
            sha256="0" * 64,
            format_version="1.0",
        )
    )
    s.flush()
    return export_id


entries_drawn = st.lists(
    st.tuples(
        st.integers(0, 2),  # volunteer
        st.integers(-1, 3),  # activity (-1: none)
        st.integers(0, 80),  # day: from 1 February 2025
        st.sampled_from([15, 45, 60, 95, 180, 240, 480, 600]),  # minutes
        st.sampled_from(["approved", "approved", "approved", "pending", "rejected", "frozen"]),
        st.booleans(),  # a correction (negative minutes, of the volunteer's first entry)
        st.integers(0, 2),  # creation time
    ),
    min_size=1,
    max_size=30,
)
rules_drawn = st.builds(
    HourRules,
    matching_period=st.sampled_from(["month", "year"]),
    matching_min_hours=st.sampled_from([0, 0, 2, 5]),
    matching_max_hours=st.sampled_from([0, 0, 6, 12]),
).filter(lambda r: not r.matching_max_hours or r.matching_min_hours <= r.matching_max_hours)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=entries_drawn, rules=rules_drawn)
@example(
    drawn=[
        (0, 0, 40, 180, "frozen", False, 0),
        (0, 1, 45, 240, "approved", False, 1),
        (0, -1, 46, 95, "approved", True, 1),
        (0, 2, 47, 600, "approved", False, 1),
    ],
    rules=HourRules(matching_min_hours=5, matching_max_hours=6),
)
def test_streamed_amounts_are_those_of_approved_amounts(
    org_database: Database, drawn: list[tuple[int, int, int, int, str, bool, int]], rules: HourRules
) -> None:
    session = org_database.sessions()
    session.begin()
    try:
        _check(session, drawn, rules)
    finally:
        session.rollback()
        session.close()


def _check(
    s: Session, drawn: list[tuple[int, int, int, int, str, bool, int]], rules: HourRules
) -> None:
    stored_settings.save(s, rules, staff=STAFF)  # type: ignore[type-var]
    s.add(MatchingRate(effective_from=date(2025, 3, 1), fen_per_hour=137_00))
    people = [uuid.uuid4() for _ in range(3)]
    for n, person in enumerate(people):
        s.add(Volunteer(id=person, code=f"V{n + 1:06d}", name=f"志愿者{n + 1}"))
    # Local midnight is 16:00 UTC: the first activity's day is the day after its UTC date.
    starts = [
        datetime(2025, 2, 28, 16, 30, tzinfo=UTC),
        datetime(2025, 3, 3, 1, tzinfo=UTC),
        datetime(2025, 3, 31, 17, tzinfo=UTC),
        datetime(2025, 2, 10, 2, tzinfo=UTC),
    ]
    activities = [uuid.uuid4() for _ in starts]
    for key, start in zip(activities, starts, strict=True):
        s.add(
            Activity(
                id=key,
                title="分拣",
                starts_at=start,
                ends_at=start + timedelta(hours=3),
                state=ActivityState.CLOSED,
            )
        )
    s.flush()
    earlier = _log(s)
    first: dict[uuid.UUID, uuid.UUID] = {}
    for person, activity, day, minutes, status, correction, created in drawn:
        who = people[person]
        kind = HourKind.SESSION if activity >= 0 else HourKind.SUPPLEMENTAL
        corrects = first.get(who) if correction else None
        if corrects is not None:
            kind, minutes = HourKind.CORRECTION, -minutes // 3
        frozen = status == "frozen"
        entry = HourEntry(
            id=uuid.uuid4(),
            volunteer_id=who,
            activity_id=activities[activity] if activity >= 0 else None,
            kind=kind,
            work_date=date(2025, 2, 1) + timedelta(days=day),
            minutes=minutes,
            status=ApprovalStatus.APPROVED if frozen else ApprovalStatus(status),
            corrects_id=corrects,
            exported_in_id=earlier if frozen else None,
            matching_fen=minutes * 50 if frozen else None,
            created_at=CREATED[created],
        )
        s.add(entry)
        first.setdefault(who, entry.id)
    s.flush()

    unexported = (HourEntry.status == ApprovalStatus.APPROVED, HourEntry.exported_in_id.is_(None))
    candidates = entry_rows(s, None, UP_TO, *unexported)
    expected = approved_amounts(s, candidates, load_rules(s), strict=True)
    versions = {key: v for key, v in s.execute(select(HourEntry.id, HourEntry.version))}
    before = {key: fen for key, fen in s.execute(select(HourEntry.id, HourEntry.matching_fen))}

    export_id = _log(s)
    result = hours.freeze_for_export(s, export_id, UP_TO, staff=STAFF)

    wanted = {e.id for e in candidates}
    assert result.entries == len(wanted)
    assert result.minutes == sum(e.minutes for e in candidates)
    assert result.delta_lines == sum(e.kind is HourKind.CORRECTION for e in candidates)
    assert result.matching_fen == sum(expected[key] for key in wanted)
    rows = s.execute(
        select(HourEntry.id, HourEntry.exported_in_id, HourEntry.matching_fen, HourEntry.version)
    )
    for key, exported_in, fen, version in rows:
        if key in wanted:
            assert (exported_in, fen, version) == (export_id, expected[key], versions[key] + 1)
        else:
            assert exported_in in (None, earlier) and fen == before[key]
            assert version == versions[key]
