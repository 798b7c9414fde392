"""Activities over the past months, one open today and a draft to come, with their
rosters, attendance (scans, sessions, hours), 补录 and feedback.

Past activities are made in date order and a chunk ends only between days, so each
kiosk's scans are stored in the order they were scanned (see ``ActivityRows``):
the anomaly queue's clock-jump check then finds nothing to report.  Every past
activity has its feedback, or a waiver with a reason, given before it closed.
Their hours are approved, except on the latest ones: those get pending entries
from the hour rules themselves, as closing an activity makes them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from models import codes, hours
from models.demo.activity_rows import ActivityRows, counted_minutes
from models.demo.data import (
    ACTIVITY_TEMPLATES,
    DAY,
    DEMO_STAFF,
    HOUR,
    PROBLEMS,
    START_TIMES,
    SUPPLEMENTAL_REASONS,
    UNKNOWN_PAYLOADS,
    WAIVE_REASONS,
    Template,
)
from models.demo.generator import Row
from models.scan_meaning import Meaning
from models.schema.enums import ActivityState, HourKind, ScanOutcome, ScanSource, SessionStatus


class ActivityMaker(ActivityRows):
    """Decides what happened at each activity and records it as rows."""

    def run(self) -> None:
        """Past activities over the last months, one open today, one draft to come."""
        context, rng = self.context, self.rng
        total = self.g.sizes.activities
        past = max(0, total - 2)
        span = min(180, max(14, past * 7))
        days: list[date] = []
        for i in range(past):
            day = context.today - timedelta(
                days=1 + (span - 1) * (past - 1 - i) // max(1, past - 1)
            )
            if day.weekday() < 5 and rng.random() < 0.5:  # many happen at the weekend
                day += timedelta(days=5 - day.weekday())
                if day >= context.today:
                    day -= timedelta(days=7)
            days.append(day)
        # In date order, and a chunk ends only where the day changes: each kiosk's
        # scans are then stored in time order (a chunk sorts its own scans).
        days.sort()
        # One or two of every twenty-odd activities had their feedback waived.
        waived = set(rng.sample(range(past), max(1, round(past * 0.06)))) if past >= 4 else set()
        for i, day in enumerate(days):
            self._past(day, latest=i >= past - 2, waived=i in waived)
            self._next(may_flush=i + 1 == past or days[i + 1] != day)
        if total >= 1:
            self._today()
            self._next()
        if total >= 2:
            self._draft()
            self._next()
        self._flush()
        self._refresh_hours()

    def _refresh_hours(self) -> None:
        """Closed activities get their session entries from the hour rules, as closing
        makes them: pending on the latest ones (the others' approved entries stay)."""
        when = datetime.fromtimestamp(self.context.now, UTC)
        closed = [a.id for a in self.g.activities if a.state == ActivityState.CLOSED.value]
        if not closed:
            return
        with self.g.database.transaction() as session:
            for activity_id in closed:
                result = hours.refresh_session_entries(
                    session, activity_id, staff=DEMO_STAFF, now=when
                )
                self.g.writer.counts["hour_entry"] += len(result.created)

    def _past(self, day: date, *, latest: bool, waived: bool) -> None:
        """A finished activity: every session closed or resolved, feedback given (or
        ``waived``), hours approved.

        Someone who was there but never scanned gets a 补录 entry now and then; on
        the ``latest`` activities always, still waiting for approval, like their
        session hours (left to ``_refresh_hours``).
        """
        rng, context = self.rng, self.context
        template = rng.choice(ACTIVITY_TEMPLATES)
        hour, minute = rng.choice(START_TIMES)
        if template.minutes > 240:
            hour, minute = 9, 0
        starts = context.local_epoch(day, hour, minute)
        ends = starts + template.minutes * 60
        if rng.random() < 0.7:  # closed the same afternoon, or the next morning
            closed_at = ends + rng.randint(1800, 3 * HOUR)
        else:
            closed_at = context.local_epoch(day + timedelta(days=1), 9) + rng.randint(0, 8 * HOUR)
        closed_at = max(ends + 1800, min(closed_at, context.bound - 60))
        exported = context.bound - ends > 30 * DAY
        state = ActivityState.EXPORTED if exported else ActivityState.CLOSED
        capacity = rng.randint(*template.capacity)
        created = starts - rng.randint(7, 30) * DAY
        activity_id = self._activity(
            template, starts, state, capacity=capacity, closed_at=closed_at, created=created
        )
        attendees: list[int] = []
        if self.pool.ids:
            roster = self._roster(round(capacity * (0.7 + 0.3 * rng.random())))
            for index in roster:
                self._register(activity_id, index, created + rng.randint(HOUR, 5 * DAY), "import")
            attendees = [index for index in roster if rng.random() < 0.85]
            present = set(roster)
            for _ in range(rng.randint(0, 3)):
                walk_in = rng.randrange(len(self.pool.ids))
                if walk_in not in present:
                    present.add(walk_in)
                    attendees.append(walk_in)
                    self._register(activity_id, walk_in, starts, "walk_in")
            paper = rng.random() < 0.06  # the kiosk was down: a paper sheet, typed in later
            devices = ("kiosk-1", "kiosk-2") if len(attendees) > 15 else ("kiosk-1",)
            for index in attendees:
                self._attend(
                    activity_id, index, (starts, ends, closed_at), devices, paper, not latest
                )
            if rng.random() < 0.3:
                self._rejected(activity_id, starts, devices[0])
            absent = sorted(set(roster) - set(attendees))
            if absent and (latest or rng.random() < 0.35):
                index = rng.choice(absent)
                self._supplemental(activity_id, index, (starts, ends), closed_at, pending=latest)
        self._feedback(activity_id, template, len(attendees), (ends, closed_at), waived)

    def _attend(
        self,
        activity_id: int,
        index: int,
        times: tuple[int, int, int],
        devices: tuple[str, ...],
        paper: bool,
        approved: bool,
    ) -> None:
        """Check-in, maybe a duplicate, check-out (or not), the session and its hours
        (approved ones; pending ones are left to ``_refresh_hours``)."""
        rng = self.rng
        starts, ends, closed_at = times
        volunteer = self.pool.ids[index]
        if paper:
            source, device, payload = ScanSource.PAPER, "paper", self.pool.codes[index]
        else:
            roll = rng.random()
            source = ScanSource.CAMERA if roll < 0.55 else ScanSource.SCANNER
            if roll >= 0.95:
                source = ScanSource.MANUAL  # found by search at the desk
            device = rng.choice(devices)
            programme_id = self.pool.programme_ids[index]
            if source is ScanSource.MANUAL:
                payload = self.pool.codes[index]
            elif programme_id and rng.random() < 0.1:
                payload = programme_id  # the id on the programme's roster, typed or scanned
            else:
                payload = self._payload(index)
        at_in = starts + rng.randint(-15 * 60, 20 * 60)
        check_in = self._scan(
            activity_id, volunteer, at_in, ScanOutcome.CHECK_IN, source, device, payload
        )
        if not paper and rng.random() < 0.06:  # scanned twice in a row: answered, not counted
            at = at_in + rng.randint(3, 90)
            self._scan(activity_id, volunteer, at, ScanOutcome.DUPLICATE, source, device, payload)
        roll = rng.random()
        if roll < 0.05 and not paper:
            # Forgot to check out: staff closed it at the scheduled end, or dropped a mis-scan.
            if rng.random() < 0.8:
                session_id, counted = self._session(
                    activity_id,
                    index,
                    check_in,
                    None,
                    SessionStatus.RESOLVED,
                    ended=ends,
                    updated=closed_at,
                    resolution="scheduled_end",
                )
                if counted and approved:
                    self._hours(
                        activity_id,
                        index,
                        HourKind.SESSION,
                        (at_in, ends),
                        counted,
                        session_id=session_id,
                        created=closed_at,
                        approved_at=closed_at,
                    )
            else:
                self._session(
                    activity_id,
                    index,
                    check_in,
                    None,
                    SessionStatus.DISCARDED,
                    ended=None,
                    updated=closed_at,
                    resolution="discarded",
                )
            return
        if roll < 0.12:  # left early
            at_out = at_in + rng.randint(60, max(61, (ends - at_in) // 60 - 20)) * 60
        else:
            at_out = ends + rng.randint(-25 * 60, 25 * 60)
        at_out = max(at_out, at_in + 1800)
        if not paper:
            device = rng.choice(devices)
        check_out = self._scan(
            activity_id, volunteer, at_out, ScanOutcome.CHECK_OUT, source, device, payload
        )
        session_id, counted = self._session(
            activity_id,
            index,
            check_in,
            check_out,
            SessionStatus.CLOSED,
            ended=at_out,
            updated=at_out,
        )
        if counted and approved:
            self._hours(
                activity_id,
                index,
                HourKind.SESSION,
                (at_in, at_out),
                counted,
                session_id=session_id,
                created=at_out,
                approved_at=closed_at,
            )

    def _rejected(self, activity_id: int, starts: int, device: str) -> None:
        """A scan the kiosk refused, kept with its reason for the statistics."""
        rng, context = self.rng, self.context
        at = starts + rng.randint(-10 * 60, 30 * 60)
        roll = rng.random()
        if roll < 0.4 and self.pool.reissued:
            index = rng.choice(self.pool.reissued)
            volunteer, payload = self.pool.ids[index], self._payload(index, 1)
            reason, source = Meaning.RETIRED_BADGE, ScanSource.CAMERA
        elif roll < 0.75:
            volunteer, payload = None, rng.choice(UNKNOWN_PAYLOADS)
            reason, source = Meaning.OTHER, ScanSource.SCANNER
        else:
            store_code = rng.choice(context.stores)[1]
            item_code = f"{store_code}-{context.today.year % 100:02d}-{rng.randint(1, 999):06d}"
            volunteer, payload = None, codes.item_payload(context.org_code, item_code)
            reason, source = Meaning.ITEM, ScanSource.CAMERA
        self._scan(
            activity_id, volunteer, at, ScanOutcome.REJECTED, source, device, payload, reason.value
        )

    def _supplemental(
        self,
        activity_id: int,
        index: int,
        span: tuple[int, int],
        closed_at: int,
        *,
        pending: bool,
    ) -> None:
        """补录 for someone on the roster who was there but never scanned."""
        rng = self.rng
        approved: int | None = closed_at + rng.randint(HOUR, 3 * DAY)
        if pending or approved is None or approved >= self.context.bound:
            approved = None  # still waiting for a second look
        self._hours(
            activity_id,
            index,
            HourKind.SUPPLEMENTAL,
            span,
            counted_minutes(span[1] - span[0]),
            session_id=None,
            created=closed_at,
            approved_at=approved,
            reason=rng.choice(SUPPLEMENTAL_REASONS),
        )

    def _feedback(
        self,
        activity_id: int,
        template: Template,
        attendees: int,
        times: tuple[int, int],
        waived: bool,
    ) -> None:
        """活动反馈, given (or ``waived`` with a reason) after the activity and before
        it closed, as closing requires."""
        rng, codec = self.rng, self.codec
        ends, closed_at = times
        submitted = rng.randint(ends + 300, max(ends + 300, closed_at - 60))
        row: Row = {
            **self._synced(self.new_id(), submitted),
            "activity_id": codec.uid(activity_id),
            "submitted_by": rng.choice(self.staff_names),
            "submitted_on": codec.day(self.context.local_date(submitted)),
        }
        if waived:
            row.update(
                people_served=None,
                beneficiaries=None,
                work_done=None,
                outcomes=None,
                problems=None,
                photo_count=0,
                satisfaction=None,
                waived=codec.flag(True),
                waive_reason=rng.choice(WAIVE_REASONS),
            )
        else:
            served = rng.randint(10, 200)
            row.update(
                people_served=served,
                beneficiaries=template.beneficiaries,
                work_done=f"{attendees} 名志愿者参与，{template.work_done}。",
                outcomes=template.outcome.format(n=served),
                problems=rng.choice(PROBLEMS) or None,
                photo_count=rng.randint(0, 12),
                satisfaction=rng.choice((3, 4, 4, 5, 5, 5)),
                waived=codec.flag(False),
                waive_reason=None,
            )
        self.rows["activity_feedback"].append(row)

    def _today(self) -> None:
        """Today's open activity: some came and went, one or two are still checked in."""
        rng, context = self.rng, self.context
        template = ACTIVITY_TEMPLATES[0]
        now_local = datetime.fromtimestamp(context.now, context.zone)
        if now_local.hour * 60 + now_local.minute >= 10 * 60 + 30:
            starts = context.local_epoch(context.today, 9)
        else:  # early in the day: it started an hour ago
            starts = max(context.bound, context.now - context.now % 1800 - HOUR)
        ends = starts + template.minutes * 60
        created = starts - 10 * DAY
        activity_id = self._activity(
            template, starts, ActivityState.OPEN, capacity=12, closed_at=None, created=created
        )
        latest = context.now - 60
        still_here = 0
        for index in self._roster(10):
            self._register(activity_id, index, created + HOUR, "import")
            at_in = starts + rng.randint(-10 * 60, 20 * 60)
            if at_in > latest:
                continue
            at_out = at_in + rng.randint(60, 150) * 60
            can_leave = at_out <= min(ends, latest)
            if not can_leave and still_here >= 2:
                continue  # not here yet
            volunteer, payload = self.pool.ids[index], self._payload(index)
            check_in = self._scan(
                activity_id,
                volunteer,
                at_in,
                ScanOutcome.CHECK_IN,
                ScanSource.CAMERA,
                "kiosk-1",
                payload,
            )
            if can_leave and still_here:
                check_out = self._scan(
                    activity_id,
                    volunteer,
                    at_out,
                    ScanOutcome.CHECK_OUT,
                    ScanSource.CAMERA,
                    "kiosk-1",
                    payload,
                )
                self._session(
                    activity_id,
                    index,
                    check_in,
                    check_out,
                    SessionStatus.CLOSED,
                    ended=at_out,
                    updated=at_out,
                )
            else:
                still_here += 1
                self._session(
                    activity_id,
                    index,
                    check_in,
                    None,
                    SessionStatus.OPEN,
                    ended=None,
                    updated=at_in,
                )

    def _draft(self) -> None:
        """Next week or the one after: a draft with its roster already imported."""
        context = self.context
        template = ACTIVITY_TEMPLATES[2]
        day = context.today + timedelta(days=self.rng.randint(7, 14))
        created = context.bound - DAY
        activity_id = self._activity(
            template,
            context.local_epoch(day, 9, 30),
            ActivityState.DRAFT,
            capacity=20,
            closed_at=None,
            created=created,
        )
        for index in self._roster(8):
            self._register(activity_id, index, created + 600, "import")
