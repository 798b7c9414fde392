"""Volunteer badges: issuing, reissuing and retiring them, and choosing what to print.

A badge is the signed payload ``PDV:<ORG>:<VOLUNTEER>:<SEQ>:<MAC>`` (models.codes)
for a volunteer's code and a sequence number.  A volunteer has at most one current
(not retired) badge.  Reissuing retires it and issues the next number, so a lost
badge stops working at once (models.scan_meaning calls it retired).  A number is
never used twice for one volunteer: after a retirement the next badge takes the
highest number so far plus one.

Every function takes the caller's Session and writes inside the caller's transaction;
refusals (``UserError``) are raised before anything is written.  Every change is
audited with the staff member's name (entity ``volunteer``, actions ``badge.issued``,
``badge.reissued``, ``badge.retired``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import audit, codes
from models.badge_pdf import BadgeCard
from models.clock import utcnow
from models.errors import N_, UserError
from models.schema import Badge, Organisation, Volunteer

MAX_REASON = 200  # Badge.retired_reason
MAX_SEQ = 999_999  # models.codes.parse reads at most six digits
NAMES_IN_MESSAGE = 5
_CHUNK = 500  # ids per IN (...) query


@dataclass(frozen=True)
class BadgeInfo:
    """A volunteer's current badge, as plain values (no live ORM rows)."""

    volunteer_id: uuid.UUID
    volunteer_code: str
    name: str
    seq: int
    payload: str  # what the QR code holds
    issued_at: datetime
    employer: str | None = None


@dataclass(frozen=True)
class _Person:
    id: uuid.UUID
    code: str
    name: str
    employer: str | None
    active: bool
    merged_into_id: uuid.UUID | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class _Keys:
    org_code: str
    secret: bytes

    def payload(self, volunteer_code: str, seq: int) -> str:
        return codes.badge_payload(self.secret, self.org_code, volunteer_code, seq)


_PERSON_COLUMNS = (
    Volunteer.id,
    Volunteer.code,
    Volunteer.name,
    Volunteer.employer,
    Volunteer.active,
    Volunteer.merged_into_id,
)


def _person(row: Any) -> _Person:
    return _Person(row[0], row[1], row[2], row[3], bool(row[4]), row[5])


def _keys(session: Session) -> _Keys:
    row = session.execute(select(Organisation.code, Organisation.badge_secret).limit(1)).first()
    if row is None:
        raise UserError(N_("Set up the organisation first."))
    return _Keys(row[0], bytes(row[1]))


def _chunks(values: Sequence[uuid.UUID]) -> Iterator[Sequence[uuid.UUID]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _load_person(session: Session, volunteer_id: uuid.UUID) -> _Person:
    row = session.execute(select(*_PERSON_COLUMNS).where(Volunteer.id == volunteer_id)).first()
    if row is None:
        raise UserError(
            N_("This volunteer is no longer in the database. Refresh the list and try again.")
        )
    return _person(row)


def _clean_staff(staff: str | None) -> str:
    name = (staff or "").strip()
    if not name:
        raise UserError(N_("Enter the name of the staff member."))
    return name


def _clean_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise UserError(N_("Give a reason for replacing or retiring the badge."))
    if len(text) > MAX_REASON:
        raise UserError(N_("The reason has at most {limit} characters."), limit=MAX_REASON)
    return text


def _check_may_have_badge(session: Session, person: _Person) -> None:
    """Refuse a new or printed badge for a merged or inactive record."""
    if person.merged_into_id is not None:
        survivor = session.execute(
            select(Volunteer.name, Volunteer.code).where(Volunteer.id == person.merged_into_id)
        ).first()
        other = f"{survivor[0]} ({survivor[1]})" if survivor else "?"
        raise UserError(
            N_(
                "{volunteer} was merged into {other}: issue and print badges for "
                "that record instead."
            ),
            volunteer=person.label,
            other=other,
        )
    if not person.active:
        raise UserError(
            N_(
                "{volunteer} is inactive: reactivate the record before issuing or printing a badge."
            ),
            volunteer=person.label,
        )
    if not codes.VOLUNTEER_CODE.match(person.code):
        raise UserError(
            N_(
                "The volunteer code {code} cannot go on a badge: it may only hold "
                "capital letters and digits, at most 16."
            ),
            code=person.code,
        )


def _next_seqs(session: Session, people: Sequence[_Person]) -> dict[uuid.UUID, int]:
    """The next badge number of each person: one more than the highest ever issued."""
    highest = _highest_seqs(session, [person.id for person in people])
    seqs: dict[uuid.UUID, int] = {}
    for person in people:
        seq = highest.get(person.id, 0) + 1
        if seq > MAX_SEQ:
            raise UserError(
                N_("{volunteer} has had too many badges; give the record a new code."),
                volunteer=person.label,
            )
        seqs[person.id] = seq
    return seqs


def _current_row(session: Session, volunteer_id: uuid.UUID) -> Badge | None:
    return session.scalars(
        select(Badge)
        .where(Badge.volunteer_id == volunteer_id, Badge.retired_at.is_(None))
        .order_by(Badge.seq.desc())
        .limit(1)
    ).first()


def _highest_seqs(session: Session, volunteer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """The highest badge number ever issued to each volunteer (retired ones too)."""
    found: dict[uuid.UUID, int] = {}
    for chunk in _chunks(volunteer_ids):
        rows = session.execute(
            select(Badge.volunteer_id, func.max(Badge.seq))
            .where(Badge.volunteer_id.in_(chunk))
            .group_by(Badge.volunteer_id)
        )
        found.update({row[0]: int(row[1]) for row in rows})
    return found


def _info(person: _Person, badge: Badge, keys: _Keys) -> BadgeInfo:
    return BadgeInfo(
        volunteer_id=person.id,
        volunteer_code=person.code,
        name=person.name,
        seq=badge.seq,
        payload=keys.payload(person.code, badge.seq),
        issued_at=badge.issued_at,
        employer=person.employer,
    )


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        # Another desk issued a badge for the same volunteer at the same moment.
        raise UserError(
            N_("The badge was changed at another desk at the same moment. Please try again.")
        ) from exc


def _new_badges(
    session: Session, people: Sequence[_Person], seqs: dict[uuid.UUID, int]
) -> list[tuple[_Person, Badge]]:
    """Add the given badge numbers (not audited here)."""
    now = utcnow()
    made = [
        (person, Badge(volunteer_id=person.id, seq=seqs[person.id], issued_at=now))
        for person in people
    ]
    session.add_all(badge for _, badge in made)
    _flush(session)
    return made


def _audit_issued(session: Session, staff: str, person: _Person, seq: int) -> None:
    audit.record(
        session,
        staff=staff,
        action="badge.issued",
        entity="volunteer",
        entity_id=person.id,
        after={"code": person.code, "seq": seq},
    )


# -- one volunteer -------------------------------------------------------------------


def current_badge(session: Session, volunteer_id: uuid.UUID) -> BadgeInfo | None:
    """The volunteer's badge that works now, or None (no badge, or unknown id)."""
    row = session.execute(select(*_PERSON_COLUMNS).where(Volunteer.id == volunteer_id)).first()
    if row is None:
        return None
    badge = _current_row(session, volunteer_id)
    if badge is None:
        return None
    return _info(_person(row), badge, _keys(session))


def issue_badge(session: Session, volunteer_id: uuid.UUID, *, staff: str) -> BadgeInfo:
    """Issue the volunteer's first badge (or the next number after a retired one).

    Refused if the volunteer already has a current badge (reissue it instead), is
    inactive, or was merged into another record.
    """
    staff = _clean_staff(staff)
    keys = _keys(session)
    person = _load_person(session, volunteer_id)
    _check_may_have_badge(session, person)
    current = _current_row(session, person.id)
    if current is not None:
        raise UserError(
            N_(
                "{volunteer} already has a badge (number {seq}). To give them a new one, "
                "reissue it: the old badge then stops working."
            ),
            volunteer=person.label,
            seq=current.seq,
        )
    [(_, badge)] = _new_badges(session, [person], _next_seqs(session, [person]))
    _audit_issued(session, staff, person, badge.seq)
    return _info(person, badge, keys)


def reissue_badge(
    session: Session, volunteer_id: uuid.UUID, *, staff: str, reason: str
) -> BadgeInfo:
    """Retire the volunteer's current badge and issue the next number; audited.

    The old badge stops working at once (scanning it says it was replaced).
    """
    staff = _clean_staff(staff)
    reason = _clean_reason(reason)
    keys = _keys(session)
    person = _load_person(session, volunteer_id)
    _check_may_have_badge(session, person)
    current = _current_row(session, person.id)
    if current is None:
        raise UserError(
            N_("{volunteer} has no badge to replace: issue a new one instead."),
            volunteer=person.label,
        )
    seqs = _next_seqs(session, [person])
    old_seq = current.seq
    current.retired_at = utcnow()
    current.retired_reason = reason
    [(_, badge)] = _new_badges(session, [person], seqs)
    audit.record(
        session,
        staff=staff,
        action="badge.reissued",
        entity="volunteer",
        entity_id=person.id,
        before={"code": person.code, "seq": old_seq},
        after={"code": person.code, "seq": badge.seq},
        reason=reason,
    )
    return _info(person, badge, keys)


def retire_badge(session: Session, volunteer_id: uuid.UUID, *, staff: str, reason: str) -> None:
    """Retire the volunteer's current badge without a replacement; audited.

    Allowed for inactive and merged records too (taking a badge out of use is
    always safe).  A later ``issue_badge`` gives the next number.
    """
    staff = _clean_staff(staff)
    reason = _clean_reason(reason)
    person = _load_person(session, volunteer_id)
    current = _current_row(session, person.id)
    if current is None:
        raise UserError(
            N_("{volunteer} has no badge in use to retire."),
            volunteer=person.label,
        )
    current.retired_at = utcnow()
    current.retired_reason = reason
    session.flush()
    audit.record(
        session,
        staff=staff,
        action="badge.retired",
        entity="volunteer",
        entity_id=person.id,
        before={"code": person.code, "seq": current.seq},
        after={"code": person.code, "seq": None},
        reason=reason,
    )


# -- many volunteers (printing) ------------------------------------------------------


def _current_badges(
    session: Session, volunteer_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[int, datetime]]:
    """Each volunteer's current badge (seq, issued_at), if any."""
    found: dict[uuid.UUID, tuple[int, datetime]] = {}
    for chunk in _chunks(volunteer_ids):
        rows = session.execute(
            select(Badge.volunteer_id, Badge.seq, Badge.issued_at)
            .where(Badge.volunteer_id.in_(chunk), Badge.retired_at.is_(None))
            .order_by(Badge.seq)
        )
        # Ordered by seq: the highest current number wins if there were ever two.
        found.update({row[0]: (row[1], row[2]) for row in rows})
    return found


def _names(people: Sequence[_Person]) -> str:
    shown = "、".join(person.label for person in people[:NAMES_IN_MESSAGE])
    return shown + ("…" if len(people) > NAMES_IN_MESSAGE else "")


def badges_for(
    session: Session,
    volunteer_ids: Sequence[uuid.UUID] | None,
    *,
    issue_missing: bool = False,
    staff: str | None = None,
) -> list[BadgeInfo]:
    """The current badges to print for ``volunteer_ids``, in that order (repeats kept).

    With ``None``: every active, not merged volunteer who has a current badge, by
    code (with ``issue_missing``: every active, not merged volunteer).

    A volunteer without a current badge is refused with a ``UserError`` naming them,
    unless ``issue_missing`` is set: then their badge is issued here (the next
    number, audited as ``badge.issued`` under ``staff``, which is then required).
    An unknown id, or a merged or inactive volunteer, is refused.  Nothing is
    written when anything is refused.
    """
    if issue_missing:
        staff = _clean_staff(staff)
    keys = _keys(session)
    if volunteer_ids is None:
        rows = session.execute(
            select(*_PERSON_COLUMNS)
            .where(Volunteer.active.is_(True), Volunteer.merged_into_id.is_(None))
            .order_by(Volunteer.code)
        )
        people = [_person(row) for row in rows]
        current = _current_badges(session, [person.id for person in people])
        if not issue_missing:
            people = [person for person in people if person.id in current]
        order = [person.id for person in people]
    else:
        order = list(volunteer_ids)
        wanted = list(dict.fromkeys(order))
        found: dict[uuid.UUID, _Person] = {}
        for chunk in _chunks(wanted):
            for row in session.execute(select(*_PERSON_COLUMNS).where(Volunteer.id.in_(chunk))):
                found[row[0]] = _person(row)
        if len(found) < len(wanted):
            raise UserError(
                N_(
                    "Some of the chosen volunteers are no longer in the database. "
                    "Refresh the list and try again."
                )
            )
        people = [found[volunteer_id] for volunteer_id in wanted]
        current = _current_badges(session, wanted)
    for person in people:
        _check_may_have_badge(session, person)

    missing = [person for person in people if person.id not in current]
    if missing and not issue_missing:
        raise UserError(
            N_(
                "{count} of the chosen volunteers have no badge yet: {names}. "
                "Issue their badges first."
            ),
            count=len(missing),
            names=_names(missing),
        )
    infos: dict[uuid.UUID, BadgeInfo] = {}
    for person in people:
        held = current.get(person.id)
        if held is not None:
            seq, issued_at = held
            infos[person.id] = BadgeInfo(
                volunteer_id=person.id,
                volunteer_code=person.code,
                name=person.name,
                seq=seq,
                payload=keys.payload(person.code, seq),
                issued_at=issued_at,
                employer=person.employer,
            )
    if missing:
        assert staff is not None
        for person, badge in _new_badges(session, missing, _next_seqs(session, missing)):
            _audit_issued(session, staff, person, badge.seq)
            infos[person.id] = _info(person, badge, keys)
    return [infos[volunteer_id] for volunteer_id in order]


def badge_cards(session: Session, badges: Sequence[BadgeInfo]) -> list[BadgeCard]:
    """What ``models.badge_pdf.render_badges`` prints for ``badges`` (same order)."""
    org_name = session.scalar(select(Organisation.name).limit(1))
    if org_name is None:
        raise UserError(N_("Set up the organisation first."))
    return [
        BadgeCard(
            name=badge.name,
            organisation=org_name,
            volunteer_code=badge.volunteer_code,
            payload=badge.payload,
            employer=badge.employer,
        )
        for badge in badges
    ]
