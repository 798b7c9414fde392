"""The hour rule engine on its own: rounding, minimums, caps, local days across
midnight in Asia/Shanghai, matching money in integer fen, rate changes on a date
boundary and the per-period matching limits. Unit tests plus hypothesis properties."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.errors import UserError
from models.hour_rules import (
    NOTE_BELOW_MINIMUM,
    NOTE_BELOW_SHARE,
    NOTE_CLIPPED,
    NOTE_DAY_CAP,
    NOTE_SESSION_CAP,
    ROUND_DOWN,
    ROUND_NEAREST,
    HourRules,
    RateTable,
    SessionInput,
    Window,
    count_sessions,
    limit_sequence,
    limited_minutes,
    matching_fen,
    period_end,
    period_start,
    round_minutes,
    rule_minutes,
    split_local_days,
    whole_minutes,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NO_RULES = HourRules(
    rounding_step_minutes=1,
    min_session_minutes=0,
    cap_session_minutes=0,
    cap_day_minutes=0,
    grace_minutes=0,
)
FAST = settings(max_examples=60, deadline=None)


def cst(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """A Shanghai wall-clock time in March 2026, as aware UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def one(
    start: datetime, end: datetime, rules: HourRules, window: Window | None = None
) -> tuple[int, tuple[str, ...]]:
    [count] = count_sessions([SessionInput("s", start, end, window)], rules, SHANGHAI)
    return count.minutes, count.notes


# ----------------------------------------------------------------------------- rules


def test_defaults_are_valid_and_documented() -> None:
    rules = HourRules()
    rules.validate()
    assert rules.KEY == "hour_rules"
    assert (rules.rounding_step_minutes, rules.rounding_mode) == (15, ROUND_DOWN)
    assert rules.min_session_minutes == 30
    assert (rules.cap_session_minutes, rules.cap_day_minutes) == (600, 720)
    assert rules.second_approval_over_day_minutes == 480
    assert "KEY" not in {f.name for f in dataclasses.fields(HourRules)}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"rounding_step_minutes": 0}, "rounding step"),
        ({"rounding_mode": "up"}, "Rounding"),
        ({"cap_day_minutes": 1441}, "cap per day"),
        ({"min_share_percent": 101}, "share"),
        ({"matching_period": "week"}, "period"),
        ({"matching_min_hours": 10, "matching_max_hours": 5}, "above the maximum"),
        ({"min_session_minutes": 60, "cap_session_minutes": 30}, "nothing would ever count"),
        ({"grace_minutes": -1}, "grace"),
    ],
)
def test_bad_rules_are_refused(change: dict[str, object], words: str) -> None:
    with pytest.raises(UserError, match=words):
        dataclasses.replace(HourRules(), **change).validate()  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- one session


def test_rounding_down_and_nearest() -> None:
    assert round_minutes(44, 15) == 30
    assert round_minutes(44, 15, ROUND_NEAREST) == 45
    assert round_minutes(37, 15, ROUND_NEAREST) == 30
    assert round_minutes(38, 15, ROUND_NEAREST) == 45  # 7.5 → half up (step // 2 = 7)
    assert round_minutes(44, 1) == 44


def test_minimum_share_and_cap() -> None:
    rules = HourRules(min_share_percent=50)
    assert rule_minutes(100, rules, full_minutes=240) == (0, (NOTE_BELOW_SHARE,))
    assert rule_minutes(120, rules, full_minutes=240)[0] == 120
    assert rule_minutes(29, HourRules()) == (0, (NOTE_BELOW_MINIMUM,))
    minutes, notes = rule_minutes(700, HourRules())
    assert minutes == 600 and NOTE_SESSION_CAP in notes


def test_session_is_clipped_to_the_window_and_grace() -> None:
    window = Window(cst(7, 9), cst(7, 12))
    rules = dataclasses.replace(NO_RULES, grace_minutes=30)
    minutes, notes = one(cst(7, 7), cst(7, 14), rules, window)
    assert minutes == 4 * 60  # 08:30 – 12:30
    assert NOTE_CLIPPED in notes
    assert one(cst(7, 13), cst(7, 14), rules, window) == (0, (NOTE_CLIPPED,))


def test_seconds_are_floored_to_whole_minutes() -> None:
    start = cst(7, 9)
    assert whole_minutes(start, start + timedelta(minutes=44, seconds=59)) == 44
    assert whole_minutes(start + timedelta(minutes=1), start) == 0


# ----------------------------------------------------------------------------- days


def test_session_across_midnight_is_split_by_local_day() -> None:
    # 22:00 on the 7th to 02:30 on the 8th, Shanghai time (UTC 14:00 – 18:30).
    rules = dataclasses.replace(NO_RULES, cap_day_minutes=90)
    [count] = count_sessions([SessionInput("s", cst(7, 22), cst(8, 2, 30))], rules, SHANGHAI)
    assert [(p.day, p.served_minutes, p.minutes) for p in count.pieces] == [
        (date(2026, 3, 7), 120, 90),
        (date(2026, 3, 8), 150, 90),
    ]
    assert count.minutes == 180
    assert NOTE_DAY_CAP in count.notes


def test_utc_midnight_is_not_the_local_day_boundary() -> None:
    # 07:00–09:00 Shanghai is 23:00–01:00 UTC: one local day, not two.
    pieces = split_local_days(cst(7, 7), cst(7, 9), SHANGHAI)
    assert [(d, m) for d, _s, _e, m in pieces] == [(date(2026, 3, 7), 120)]


def test_day_cap_spans_sessions_and_counts_locked_minutes_first() -> None:
    rules = dataclasses.replace(NO_RULES, cap_day_minutes=480)
    sessions = [
        SessionInput("late", cst(7, 14), cst(7, 19)),
        SessionInput("early", cst(7, 8), cst(7, 12)),
    ]
    counts = {c.key: c.minutes for c in count_sessions(sessions, rules, SHANGHAI)}
    assert counts == {"early": 240, "late": 240}
    counts = {
        c.key: c.minutes for c in count_sessions(sessions, rules, SHANGHAI, {date(2026, 3, 7): 400})
    }
    assert counts == {"early": 80, "late": 0}


def test_rounding_surplus_goes_to_the_last_day() -> None:
    rules = dataclasses.replace(NO_RULES, rounding_step_minutes=30, rounding_mode=ROUND_NEAREST)
    [count] = count_sessions([SessionInput("s", cst(7, 23, 40), cst(8, 0, 30))], rules, SHANGHAI)
    assert [p.minutes for p in count.pieces] == [20, 40]
    assert count.minutes == 60


# ----------------------------------------------------------------------------- money


def test_matching_fen_is_exact_and_symmetric() -> None:
    assert matching_fen(60, 100_00) == 100_00
    assert matching_fen(15, 100_00) == 25_00
    assert matching_fen(1, 100_00) == 167  # 166.67 → half up
    assert matching_fen(-1, 100_00) == -167
    assert matching_fen(1, 30) == 1  # 0.5 fen → 1
    assert matching_fen(0, 100_00) == 0


def test_rate_change_exactly_on_a_date_boundary() -> None:
    table = RateTable.of([(date(2026, 4, 1), 120_00), (date(2000, 1, 1), 100_00)])
    assert table.rate_on(date(2026, 3, 31)) == 100_00
    assert table.rate_on(date(2026, 4, 1)) == 120_00
    assert table.rate_on(date(1999, 12, 31)) is None


def test_rate_table_gaps_and_bad_rows_are_refused() -> None:
    with pytest.raises(UserError, match="empty"):
        RateTable.of([]).validate()
    with pytest.raises(UserError, match="No matching rate is in force on 2026-01-05"):
        RateTable.of([(date(2026, 2, 1), 100_00)]).validate([date(2026, 1, 5)])
    with pytest.raises(UserError, match="Two matching rates"):
        RateTable.of([(date(2026, 2, 1), 1), (date(2026, 2, 1), 2)]).validate()
    with pytest.raises(UserError, match="between"):
        RateTable.of([(date(2026, 2, 1), -1)]).validate()
    RateTable.of([(date(2026, 2, 1), 100_00)]).validate([date(2026, 2, 1)])


def test_periods() -> None:
    assert period_start(date(2026, 2, 14), "month") == date(2026, 2, 1)
    assert period_end(date(2026, 2, 14), "month") == date(2026, 2, 28)
    assert period_end(date(2026, 12, 3), "month") == date(2026, 12, 31)
    assert (period_start(date(2026, 7, 1), "year"), period_end(date(2026, 7, 1), "year")) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
    )


def test_period_limits() -> None:
    rules = HourRules(matching_min_hours=2, matching_max_hours=4)
    # 1 h: below the minimum; the entry reaching 2 h carries the period so far.
    assert limit_sequence([60, 60, 90, 120], rules) == [0, 120, 90, 30]
    assert limited_minutes(300, 60, rules) == 0
    # A negative correction gives back matched minutes.
    assert limit_sequence([180, -60], rules) == [180, -60]


# ----------------------------------------------------------------------------- properties

minutes_st = st.integers(min_value=0, max_value=2000)
rules_st = st.builds(
    HourRules,
    rounding_step_minutes=st.sampled_from([1, 5, 10, 15, 30, 60]),
    rounding_mode=st.sampled_from([ROUND_DOWN, ROUND_NEAREST]),
    min_session_minutes=st.integers(0, 60),
    cap_session_minutes=st.sampled_from([0, 120, 480, 600]),
    cap_day_minutes=st.sampled_from([0, 240, 480, 720]),
    grace_minutes=st.integers(0, 60),
)


@FAST
@given(
    a=minutes_st, b=minutes_st, step=st.integers(1, 120), mode=st.sampled_from(["down", "nearest"])
)
def test_rounding_is_monotone_and_on_the_step(a: int, b: int, step: int, mode: str) -> None:
    low, high = sorted((a, b))
    assert round_minutes(low, step, mode) <= round_minutes(high, step, mode)
    assert round_minutes(a, step, mode) % step == 0
    assert isinstance(round_minutes(a, step, mode), int)
    if mode == ROUND_DOWN:
        assert a - step < round_minutes(a, step, mode) <= a


@FAST
@given(served=minutes_st, rules=rules_st)
def test_session_rules_respect_the_cap(served: int, rules: HourRules) -> None:
    minutes, _notes = rule_minutes(served, rules)
    assert isinstance(minutes, int) and minutes >= 0
    if rules.cap_session_minutes:
        assert minutes <= rules.cap_session_minutes


@FAST
@given(
    rules=rules_st,
    starts=st.lists(
        st.tuples(st.integers(0, 3 * 24 * 60), st.integers(1, 16 * 60)), min_size=1, max_size=6
    ),
)
def test_day_caps_hold_across_midnight(rules: HourRules, starts: list[tuple[int, int]]) -> None:
    base = cst(6, 0)
    sessions = [
        SessionInput(i, base + timedelta(minutes=s), base + timedelta(minutes=s + d))
        for i, (s, d) in enumerate(starts)
    ]
    counts = count_sessions(sessions, rules, SHANGHAI)
    per_day: dict[date, int] = {}
    for count in counts:
        assert count.minutes == sum(p.minutes for p in count.pieces)
        assert isinstance(count.minutes, int) and count.minutes >= 0
        if rules.cap_session_minutes:
            assert count.minutes <= rules.cap_session_minutes
        for piece in count.pieces:
            local = piece.started_at.astimezone(SHANGHAI)
            assert local.date() == piece.day  # pieces sit inside one local day
            assert piece.ended_at.astimezone(SHANGHAI) <= datetime.combine(
                piece.day + timedelta(days=1), datetime.min.time(), tzinfo=SHANGHAI
            )
            per_day[piece.day] = per_day.get(piece.day, 0) + piece.minutes
    if rules.cap_day_minutes:
        assert all(total <= rules.cap_day_minutes for total in per_day.values())


@FAST
@given(start=st.integers(0, 5 * 24 * 60 * 60), length=st.integers(0, 3 * 24 * 60 * 60))
def test_split_pieces_add_up(start: int, length: int) -> None:
    begin = cst(6, 0) + timedelta(seconds=start)
    end = begin + timedelta(seconds=length)
    pieces = split_local_days(begin, end, SHANGHAI)
    assert sum(m for *_x, m in pieces) == whole_minutes(begin, end)
    assert len({d for d, *_x in pieces}) == len(pieces)


@FAST
@given(minutes=st.integers(-5000, 5000), rate=st.integers(0, 100_000_00))
def test_matching_is_integer_symmetric_and_close(minutes: int, rate: int) -> None:
    fen = matching_fen(minutes, rate)
    assert isinstance(fen, int)
    assert matching_fen(-minutes, rate) == -fen
    assert abs(fen * 60 - minutes * rate) <= 30


@FAST
@given(
    entries=st.lists(st.integers(-120, 600), max_size=12),
    low=st.integers(0, 20),
    extra=st.integers(0, 40),
)
def test_period_limits_add_up_to_the_limited_total(
    entries: list[int], low: int, extra: int
) -> None:
    rules = HourRules(matching_min_hours=low, matching_max_hours=low + extra if extra else 0)
    matched = limit_sequence(entries, rules)
    total = max(0, sum(entries))
    expected = 0 if total < low * 60 else total
    if rules.matching_max_hours:
        expected = min(expected, rules.matching_max_hours * 60)
    assert sum(matched) == expected
