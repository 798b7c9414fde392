"""The service-hours rule engine: pure functions, no database, integers only.

How attendance becomes counted minutes (in this order, per session):

1. **Clip** to the activity window widened by ``grace_minutes`` on both sides:
   time before ``start − grace`` or after ``end + grace`` never counts.
2. **Whole minutes**: the clipped length in seconds, floored to minutes.
3. **Minimum share** (off at 0 %): a session shorter than ``min_share_percent`` of
   the activity's scheduled minutes counts 0.
4. **Minimum session**: a session shorter than ``min_session_minutes`` counts 0.
5. **Rounding** to ``rounding_step_minutes``: ``down`` (the default: never credit
   time not served) or ``nearest`` (half a step rounds up).
6. **Cap per session** (off at 0): at most ``cap_session_minutes``.  Capping comes
   after rounding, so a cap is never exceeded.
7. **Split by local day**: the clipped interval is cut at the organisation's local
   midnights; the counted minutes are given to the days in time order (each day at
   most what was served that day; a rounding surplus goes to the last day).
8. **Cap per day** (off at 0): a volunteer's counted minutes on one local day,
   across all sessions and activities, stay within ``cap_day_minutes``; sessions are
   served in start order, minutes already locked (approved) are served first.

Money: matching fen for ``m`` minutes at ``r`` fen per hour is ``m × r / 60``
rounded half up on the absolute value, sign kept (so a correction of −m exactly
undoes +m).  With whole-quarter-hour minutes and a whole-yuan rate there is
nothing to round.  The rate is the one in force on the activity's local date.

Per volunteer and period (month or year) matching can need a minimum number of
hours and stop at a maximum: see :func:`limited_minutes`.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.clock import as_utc
from models.errors import N_, UserError

ROUND_DOWN = "down"
ROUND_NEAREST = "nearest"
ROUNDING_MODES = (ROUND_DOWN, ROUND_NEAREST)
PERIOD_MONTH = "month"
PERIOD_YEAR = "year"
PERIODS = (PERIOD_MONTH, PERIOD_YEAR)

MINUTES_PER_DAY = 24 * 60
MAX_PERIOD_HOURS = 366 * 24
MAX_STEP = 240
MAX_GRACE = 240
MAX_RATE_FEN_PER_HOUR = 100_000_00

# Why a session counted less than it lasted (shown next to the minutes).
NOTE_CLIPPED = "clipped"
NOTE_BELOW_SHARE = "below_share"
NOTE_BELOW_MINIMUM = "below_minimum"
NOTE_ROUNDED = "rounded"
NOTE_SESSION_CAP = "session_cap"
NOTE_DAY_CAP = "day_cap"


@dataclass(frozen=True)
class HourRules:
    """How attendance turns into counted minutes, and matching limits.

    Stored in ``app_setting`` under ``KEY`` by :mod:`models.settings`. Every
    duration is in whole minutes; 0 switches a cap or an optional rule off.
    """

    KEY = "hour_rules"

    rounding_step_minutes: int = 15
    rounding_mode: str = ROUND_DOWN
    min_session_minutes: int = 30
    cap_session_minutes: int = 600
    cap_day_minutes: int = 720
    grace_minutes: int = 30
    min_share_percent: int = 0
    second_approval_over_day_minutes: int = 480
    matching_period: str = PERIOD_MONTH
    matching_min_hours: int = 0
    matching_max_hours: int = 0

    def validate(self) -> None:
        _between(
            self.rounding_step_minutes,
            1,
            MAX_STEP,
            N_("The rounding step must be {low} to {high} minutes."),
        )
        if self.rounding_mode not in ROUNDING_MODES:
            raise UserError(N_("Rounding must be “down” or “nearest”."))
        _between(
            self.min_session_minutes,
            0,
            MINUTES_PER_DAY,
            N_("The minimum session must be {low} to {high} minutes."),
        )
        _between(
            self.cap_session_minutes,
            0,
            MINUTES_PER_DAY,
            N_("The cap per session must be {low} to {high} minutes (0: no cap)."),
        )
        _between(
            self.cap_day_minutes,
            0,
            MINUTES_PER_DAY,
            N_("The cap per day must be {low} to {high} minutes (0: no cap)."),
        )
        _between(
            self.grace_minutes,
            0,
            MAX_GRACE,
            N_("The grace period must be {low} to {high} minutes."),
        )
        if not 0 <= self.min_share_percent <= 100:
            raise UserError(N_("The minimum share of the activity must be 0 to 100 %."))
        _between(
            self.second_approval_over_day_minutes,
            0,
            MINUTES_PER_DAY,
            N_("The second-approval threshold must be {low} to {high} minutes (0: off)."),
        )
        if self.matching_period not in PERIODS:
            raise UserError(N_("The matching period must be a month or a year."))
        for value in (self.matching_min_hours, self.matching_max_hours):
            if not 0 <= value <= MAX_PERIOD_HOURS:
                raise UserError(
                    N_("Matching hours per period must be between 0 and {high}."),
                    high=MAX_PERIOD_HOURS,
                )
        if self.matching_max_hours and self.matching_min_hours > self.matching_max_hours:
            raise UserError(
                N_("The minimum matched hours ({low}) is above the maximum ({high})."),
                low=self.matching_min_hours,
                high=self.matching_max_hours,
            )
        if self.cap_session_minutes and self.min_session_minutes > self.cap_session_minutes:
            raise UserError(
                N_(
                    "The minimum session ({low} minutes) is longer than the cap per "
                    "session ({high} minutes): nothing would ever count."
                ),
                low=self.min_session_minutes,
                high=self.cap_session_minutes,
            )

    def needs_second_approval(self, day_minutes: int) -> bool:
        limit = self.second_approval_over_day_minutes
        return limit > 0 and day_minutes > limit


def _between(value: int, low: int, high: int, message: str) -> None:
    """Refuse a value out of range with ``message`` (a whole sentence, for translators)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UserError(message, low=low, high=high)


# ----------------------------------------------------------------------------- pieces


@dataclass(frozen=True)
class Window:
    """An activity's scheduled window (UTC) and the minutes a full attendance is worth."""

    starts_at: datetime
    ends_at: datetime
    scheduled_minutes: int = 0

    @property
    def full_minutes(self) -> int:
        if self.scheduled_minutes > 0:
            return self.scheduled_minutes
        return whole_minutes(self.starts_at, self.ends_at)


@dataclass(frozen=True)
class SessionInput:
    """One attendance (or supplemental entry) of one volunteer."""

    key: Hashable
    started_at: datetime
    ended_at: datetime
    window: Window | None = None


@dataclass(frozen=True)
class DayPiece:
    """The part of a session on one local day: what was served and what counts."""

    day: date
    started_at: datetime
    ended_at: datetime
    served_minutes: int
    minutes: int


@dataclass(frozen=True)
class SessionCount:
    key: Hashable
    served_minutes: int  # after clipping, before any rule
    minutes: int  # counted, after every rule
    pieces: tuple[DayPiece, ...]
    notes: tuple[str, ...]


def whole_minutes(start: datetime, end: datetime) -> int:
    """Whole minutes from ``start`` to ``end`` (seconds floored; 0 if reversed)."""
    seconds = int((as_utc(end) - as_utc(start)).total_seconds())
    return max(0, seconds) // 60


def clip(
    started_at: datetime, ended_at: datetime, window: Window | None, grace_minutes: int
) -> tuple[datetime, datetime] | None:
    """The part of a session inside the window ± grace; None if nothing is left."""
    start, end = as_utc(started_at), as_utc(ended_at)
    if window is not None:
        grace = timedelta(minutes=grace_minutes)
        start = max(start, as_utc(window.starts_at) - grace)
        end = min(end, as_utc(window.ends_at) + grace)
    if end <= start:
        return None
    return start, end


def round_minutes(minutes: int, step: int, mode: str = ROUND_DOWN) -> int:
    """``minutes`` to a multiple of ``step``: floored, or to the nearest (half up)."""
    if step <= 1:
        return minutes
    if mode == ROUND_NEAREST:
        return (minutes + step // 2) // step * step
    return minutes // step * step


def rule_minutes(
    served: int, rules: HourRules, full_minutes: int | None = None
) -> tuple[int, tuple[str, ...]]:
    """Counted minutes for one session of ``served`` minutes, before the day cap."""
    if (
        rules.min_share_percent
        and full_minutes
        and served * 100 < rules.min_share_percent * full_minutes
    ):
        return 0, (NOTE_BELOW_SHARE,)
    if served < rules.min_session_minutes or served == 0:
        return 0, (NOTE_BELOW_MINIMUM,)
    notes: list[str] = []
    minutes = round_minutes(served, rules.rounding_step_minutes, rules.rounding_mode)
    if minutes != served:
        notes.append(NOTE_ROUNDED)
    if rules.cap_session_minutes and minutes > rules.cap_session_minutes:
        minutes = rules.cap_session_minutes
        notes.append(NOTE_SESSION_CAP)
    return minutes, tuple(notes)


def local_midnight_utc(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def local_day(at: datetime, zone: ZoneInfo) -> date:
    return as_utc(at).astimezone(zone).date()


def split_local_days(
    start: datetime, end: datetime, zone: ZoneInfo
) -> list[tuple[date, datetime, datetime, int]]:
    """Cut [start, end) at local midnights: (day, from, to, whole minutes) per day.

    The minutes add up to ``whole_minutes(start, end)`` exactly (each piece gets
    the difference of floored minutes since ``start``).
    """
    start, end = as_utc(start), as_utc(end)
    pieces: list[tuple[date, datetime, datetime, int]] = []
    day = local_day(start, zone)
    piece_start = start
    done = 0
    while piece_start < end:
        piece_end = min(end, local_midnight_utc(day + timedelta(days=1), zone))
        upto = whole_minutes(start, piece_end)
        pieces.append((day, piece_start, piece_end, upto - done))
        done = upto
        piece_start = piece_end
        day += timedelta(days=1)
    return pieces


def count_sessions(
    sessions: Iterable[SessionInput],
    rules: HourRules,
    zone: ZoneInfo,
    used: Mapping[date, int] | None = None,
) -> list[SessionCount]:
    """Counted minutes of one volunteer's sessions, in the order given back.

    ``used`` holds minutes per local day that are already fixed (approved entries,
    other activities' locked hours): they use up the day cap first.
    """
    day_used: dict[date, int] = dict(used or {})
    ordered = sorted(sessions, key=lambda s: (as_utc(s.started_at), as_utc(s.ended_at)))
    results: list[SessionCount] = []
    for item in ordered:
        clipped = clip(item.started_at, item.ended_at, item.window, rules.grace_minutes)
        if clipped is None:
            day = local_day(item.started_at, zone)
            at = as_utc(item.started_at)
            piece = DayPiece(day, at, at, 0, 0)
            results.append(SessionCount(item.key, 0, 0, (piece,), (NOTE_CLIPPED,)))
            continue
        start, end = clipped
        served = whole_minutes(start, end)
        full = item.window.full_minutes if item.window is not None else None
        minutes, rule_notes = rule_minutes(served, rules, full)
        notes = list(rule_notes)
        if (start, end) != (as_utc(item.started_at), as_utc(item.ended_at)):
            notes.insert(0, NOTE_CLIPPED)
        raw_pieces = split_local_days(start, end, zone)
        remaining = minutes
        shares: list[int] = []
        for _day, _s, _e, piece_minutes in raw_pieces:
            share = min(piece_minutes, remaining)
            shares.append(share)
            remaining -= share
        shares[-1] += remaining  # a rounding-up surplus goes to the last day
        pieces: list[DayPiece] = []
        for (day, s, e, piece_minutes), share in zip(raw_pieces, shares, strict=True):
            granted = share
            if rules.cap_day_minutes:
                room = max(0, rules.cap_day_minutes - day_used.get(day, 0))
                granted = min(share, room)
                if granted < share and NOTE_DAY_CAP not in notes:
                    notes.append(NOTE_DAY_CAP)
            day_used[day] = day_used.get(day, 0) + granted
            pieces.append(DayPiece(day, s, e, piece_minutes, granted))
        total = sum(p.minutes for p in pieces)
        results.append(SessionCount(item.key, served, total, tuple(pieces), tuple(notes)))
    return results


# ----------------------------------------------------------------------------- money


def matching_fen(minutes: int, fen_per_hour: int) -> int:
    """``minutes × fen_per_hour / 60`` in whole fen, half up on the absolute value."""
    sign = -1 if minutes < 0 else 1
    return sign * ((abs(minutes) * fen_per_hour + 30) // 60)


@dataclass(frozen=True)
class RateTable:
    """The matching rate in force from each date on (sorted, dates unique)."""

    rows: tuple[tuple[date, int], ...]

    @classmethod
    def of(cls, rows: Iterable[tuple[date, int]]) -> RateTable:
        return cls(tuple(sorted(rows)))

    def rate_on(self, day: date) -> int | None:
        """The rate in force on ``day``; None before the first rate (a gap)."""
        index = bisect.bisect_right([d for d, _ in self.rows], day)
        return None if index == 0 else self.rows[index - 1][1]

    def validate(self, needed: Iterable[date] = ()) -> None:
        """Refuse an empty table, duplicate dates, bad amounts, or an uncovered date."""
        if not self.rows:
            raise UserError(N_("The matching rate table is empty; add at least one rate."))
        seen: set[date] = set()
        for day, fen in self.rows:
            if day in seen:
                raise UserError(
                    N_("Two matching rates start on {date}; keep one."), date=day.isoformat()
                )
            seen.add(day)
            if isinstance(fen, bool) or not 0 <= fen <= MAX_RATE_FEN_PER_HOUR:
                raise UserError(N_("The matching rate must be between ¥0 and ¥100,000 per hour."))
        first = self.rows[0][0]
        early = [d for d in needed if d < first]
        if early:
            raise UserError(
                N_(
                    "No matching rate is in force on {date}, but there are hours on that "
                    "day. Add a rate effective from {date} or earlier."
                ),
                date=min(early).isoformat(),
            )


# ----------------------------------------------------------------------------- periods


def period_start(day: date, period: str) -> date:
    """First day of the matching period (month or year) that holds ``day``."""
    if period == PERIOD_YEAR:
        return date(day.year, 1, 1)
    return date(day.year, day.month, 1)


def period_end(day: date, period: str) -> date:
    """Last day of the matching period that holds ``day``."""
    if period == PERIOD_YEAR:
        return date(day.year, 12, 31)
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _matched_total(cumulative: int, rules: HourRules) -> int:
    """Matched minutes for a period total of ``cumulative`` approved minutes."""
    total = max(0, cumulative)
    if total < rules.matching_min_hours * 60:
        return 0
    if rules.matching_max_hours:
        return min(total, rules.matching_max_hours * 60)
    return total


def limited_minutes(before: int, minutes: int, rules: HourRules) -> int:
    """Matched minutes of an entry, given ``before`` approved minutes earlier in its period.

    Defined so that a period's entries add up to exactly the period's matched
    total: nothing until the minimum is reached (the entry that reaches it carries
    the period so far), then minute for minute up to the maximum.
    """
    return _matched_total(before + minutes, rules) - _matched_total(before, rules)


def limit_sequence(minutes: Sequence[int], rules: HourRules, before: int = 0) -> list[int]:
    """:func:`limited_minutes` over one volunteer's period, entries in order."""
    out: list[int] = []
    running = before
    for value in minutes:
        out.append(limited_minutes(running, value, rules))
        running += value
    return out
