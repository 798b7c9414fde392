"""Properties of the check-in rules over random scan sequences.

Several volunteers scan at a few kiosks of one activity (sharing one database), with
a clock that never goes back, now and then a repeat inside the debounce window, a
junk code, an entry- or exit-only kiosk, a manual check-out or a staff resolution.
Whatever the order: every scan gets one answer and one event, no two accepted
events of a volunteer fall inside the debounce window, a volunteer's sessions never
overlap, the closed sessions' minutes add up to the answers' minutes, and pairing
the events again (in any order of devices) gives exactly the sessions recorded.

One database per test; each example works in a fresh activity and is rolled back.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note_event
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.activities import create_activity, open_activity
from models.checkin import KioskMode, KioskRules, ScanAnswer, manual_check_out, record_scan
from models.checkin_sessions import (
    DoubleEntryKind,
    open_sessions,
    pair_sessions,
    rebuild_sessions,
    resolve_open_session,
)
from models.db import Database
from models.schema import AttendanceSession, ScanEvent
from models.schema.enums import ScanOutcome, ScanSource, SessionStatus
from tests.test_checkin import DATA, NAMES, STAFF, Desk, at, make_desk

RULES = KioskRules(debounce_seconds=60, min_interval_minutes=5, window_grace_minutes=30)
DEVICES = ("kiosk-1", "kiosk-2", "kiosk-3")
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# How far the clock moves between two steps: often not at all or a few seconds
# (a repeat), sometimes past the debounce window or the minimum interval.
gaps = st.one_of(
    st.just(0),
    st.integers(0, 70),
    st.integers(55, 400),
    st.integers(250, 3 * 3600),
)
steps = st.lists(
    st.tuples(
        st.integers(0, len(NAMES) - 1),  # who
        gaps,
        st.sampled_from(DEVICES),
        st.sampled_from(("scan",) * 8 + ("entry", "exit", "junk", "manual_out", "resolve")),
        st.sampled_from(("scheduled_end", "manual_time", "discarded")),
    ),
    min_size=4,
    max_size=40,
)


@dataclass(frozen=True)
class Sess:
    volunteer_id: uuid.UUID
    check_in_event_id: uuid.UUID | None
    check_out_event_id: uuid.UUID | None
    started_at: datetime
    ended_at: datetime | None


def _fresh_activity(session: Session) -> uuid.UUID:
    activity_id = create_activity(session, DATA, staff=STAFF)
    open_activity(session, activity_id, staff=STAFF)
    return activity_id


def _resolve(
    session: Session, activity_id: uuid.UUID, who: uuid.UUID, how: str, now: datetime
) -> None:
    for still_in in open_sessions(session, activity_id):
        if still_in.volunteer_id != who:
            continue
        if how == "scheduled_end" and still_in.started_at > at(12, 0):
            how = "manual_time"
        note_event(f"resolved {how}")
        resolve_open_session(
            session,
            still_in.session_id,
            resolution=how,
            ended_at=now,
            staff=STAFF,
            reason="测试",
            now=now,
        )


def _run(desk: Desk, session: Session, activity_id: uuid.UUID, plan: list[Any]) -> list[ScanAnswer]:
    clock = at(8, 0)
    answers: list[ScanAnswer] = []
    people = [desk.people[name] for name in NAMES]
    for who, gap, device, action, how in plan:
        clock += timedelta(seconds=gap)
        person = people[who]
        common: dict[str, Any] = {"activity_id": activity_id, "device_id": device, "now": clock}
        if action == "resolve":
            _resolve(session, activity_id, person.id, how, clock)
            continue
        if action == "manual_out":
            answer = manual_check_out(
                session, volunteer_id=person.id, staff=STAFF, rules=RULES, **common
            )
        else:
            mode = {"entry": KioskMode.ENTRY_ONLY, "exit": KioskMode.EXIT_ONLY}.get(
                action, KioskMode.BOTH
            )
            payload = "PDV:GREEN:BROKEN" if action == "junk" else person.payload
            answer = record_scan(
                session,
                payload=payload,
                source=ScanSource.SCANNER,
                mode=mode,
                rules=RULES,
                **common,
            )
        answers.append(answer)
    return answers


def _sessions(session: Session, activity_id: uuid.UUID) -> list[AttendanceSession]:
    return list(
        session.scalars(
            select(AttendanceSession).where(AttendanceSession.activity_id == activity_id)
        )
    )


def _shape(rows: list[Any]) -> list[Sess]:
    return sorted(
        (
            Sess(
                r.volunteer_id, r.check_in_event_id, r.check_out_event_id, r.started_at, r.ended_at
            )
            for r in rows
        ),
        key=lambda s: (s.started_at, str(s.check_in_event_id)),
    )


@pytest.fixture
def desk(org_database: Database) -> Desk:
    """Volunteers with badges, made once per test and shared by its examples."""
    return make_desk(org_database)


@FAST
@given(plan=steps, seed=st.integers(0, 2**32 - 1))
def test_scan_sequences_keep_the_rules(desk: Desk, plan: list[Any], seed: int) -> None:
    with desk.db.sessions() as session:
        session.begin()
        try:
            activity_id = _fresh_activity(session)
            answers = _run(desk, session, activity_id, plan)
            _check(session, activity_id, answers, random.Random(seed))
        finally:
            session.rollback()


def _check(
    session: Session, activity_id: uuid.UUID, answers: list[ScanAnswer], rng: random.Random
) -> None:
    # Every scan answered once, with exactly one event.
    events = list(session.scalars(select(ScanEvent).where(ScanEvent.activity_id == activity_id)))
    assert len(events) == len(answers)
    assert {e.id for e in events} == {a.event_id for a in answers}
    by_id = {e.id: e for e in events}
    for answer in answers:
        note_event(f"{answer.outcome.value} {answer.reason or ''}".strip())
        assert by_id[answer.event_id].outcome is answer.outcome
        assert (answer.reason is None) == answer.accepted

    # No two accepted events of a volunteer inside the debounce window.
    accepted: dict[uuid.UUID, list[datetime]] = defaultdict(list)
    for event in events:
        if event.outcome in (ScanOutcome.CHECK_IN, ScanOutcome.CHECK_OUT):
            assert event.volunteer_id is not None
            accepted[event.volunteer_id].append(event.scanned_at)
    for times in accepted.values():
        times.sort()
        assert all(b - a >= RULES.debounce for a, b in itertools.pairwise(times))

    # A volunteer's sessions never overlap; at most one is open.
    rows = _sessions(session, activity_id)
    per_volunteer: dict[uuid.UUID, list[AttendanceSession]] = defaultdict(list)
    for row in rows:
        if row.status is not SessionStatus.DISCARDED:
            per_volunteer[row.volunteer_id].append(row)
    for own in per_volunteer.values():
        own.sort(key=lambda r: r.started_at)
        assert sum(r.status is SessionStatus.OPEN for r in own) <= 1
        for before, after in itertools.pairwise(own):
            assert before.ended_at is not None and before.ended_at <= after.started_at

    # The closed sessions' minutes are the minutes the check-outs announced.
    closed = sum(r.counted_minutes for r in rows if r.status is SessionStatus.CLOSED)
    assert closed == sum(a.minutes or 0 for a in answers if a.outcome is ScanOutcome.CHECK_OUT)
    assert all((a.minutes is not None) == (a.outcome is ScanOutcome.CHECK_OUT) for a in answers)

    # Pairing the events again, whatever order the desks' files came in, gives the
    # recorded sessions and no double entry.
    resolutions = {
        r.check_in_event_id: (r.ended_at if r.status is SessionStatus.RESOLVED else None)
        for r in rows
        if r.check_in_event_id is not None and r.resolution is not None
    }
    shuffled = list(events)
    rng.shuffle(shuffled)
    pairing = pair_sessions(shuffled, RULES, resolutions=resolutions)
    assert pairing.double_entries == ()
    assert _shape(list(pairing.sessions)) == _shape(rows)
    assert not rebuild_sessions(session, activity_id).changed


# ----------------------------------------------------------------------------- pure pairing

IN, OUT = ScanOutcome.CHECK_IN, ScanOutcome.CHECK_OUT


@dataclass(frozen=True)
class Ev:
    id: uuid.UUID
    volunteer_id: uuid.UUID | None
    device_id: str
    outcome: ScanOutcome
    scanned_at: datetime


people = [uuid.UUID(int=n + 1) for n in range(3)]
events = st.lists(
    st.tuples(
        st.sampled_from(people),
        st.sampled_from(DEVICES),
        st.sampled_from((IN, IN, OUT, OUT, ScanOutcome.DUPLICATE)),
        st.integers(0, 6 * 3600),
    ),
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(raw=events)
def test_pairing_any_merged_events_accounts_for_each_once(raw: list[Any]) -> None:
    """Whatever several desks recorded: sessions never overlap, and every check-in
    and check-out is in exactly one session or reported as a double entry."""
    start = at(8, 0)
    evs = [
        Ev(uuid.UUID(int=1000 + n), who, device, outcome, start + timedelta(seconds=second))
        for n, (who, device, outcome, second) in enumerate(raw)
    ]
    pairing = pair_sessions(evs, RULES)
    used: list[uuid.UUID] = []
    for paired in pairing.sessions:
        used.append(paired.check_in_event_id)
        if paired.check_out_event_id is not None:
            used.append(paired.check_out_event_id)
            assert paired.ended_at is not None and paired.ended_at >= paired.started_at
    used.extend(d.event_id for d in pairing.double_entries)
    wanted = [e.id for e in evs if e.outcome in (IN, OUT)]
    assert sorted(used) == sorted(wanted)
    for who in people:
        own = [s for s in pairing.sessions if s.volunteer_id == who]
        assert sum(s.ended_at is None for s in own) <= 1
        for before, after in itertools.pairwise(own):
            assert before.ended_at is not None and before.ended_at <= after.started_at
    for double in pairing.double_entries:
        if double.kind is DoubleEntryKind.DOUBLE_CHECK_IN:
            assert double.other_scanned_at is not None
            assert double.scanned_at - double.other_scanned_at < RULES.debounce
    assert pair_sessions(list(reversed(evs)), RULES) == pairing
