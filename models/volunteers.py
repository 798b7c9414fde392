"""The volunteer registry: search, add, edit, deactivate, reactivate and merge.

Every function takes the caller's Session and writes inside the caller's transaction
(``Database.transaction()``, which on SQLite starts with BEGIN IMMEDIATE and so holds
the write lock: two desks never get the same volunteer code).  Refusals
(``UserError``) are raised before anything is written.  Every change is audited with
the staff member's name, entity ``volunteer``, actions ``volunteer.add``,
``volunteer.update``, ``volunteer.deactivate``, ``volunteer.reactivate``,
``volunteer.merge`` (on the record kept) and ``volunteer.merged`` (on the other).

A volunteer's phone number (normalised by ``models.intake.normalise_phone``) and
programme volunteer id (normalised like a scanned code, so the kiosk finds it) are
unique among records that were not merged into another one.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import audit, badges, codes, pinyin
from models.clock import utcnow
from models.errors import N_, UserError
from models.intake import clean_text, normalise_phone, org_zone
from models.schema import (
    Activity,
    AttendanceSession,
    Badge,
    CorrectionRequest,
    HourEntry,
    Registration,
    ScanEvent,
    Volunteer,
)
from models.schema.enums import SessionStatus

MAX_NAME = 100  # Volunteer.name
MAX_EMPLOYER = 200
MAX_EMPLOYEE_NO = 60
MAX_PROGRAMME_ID = 60
MAX_TEXT = 2000  # skills, notes
MAX_CONSENT_NOTE = 200
MAX_REASON = 200
MAX_STAFF = 100
MAX_SEARCH_LIMIT = 1000
CODE_PREFIX = "V"
CODE_DIGITS = 6  # V000123
_CODE = re.compile(r"V[0-9]{6,15}")
_CHUNK = 500  # ids per IN (...) query

# The editable fields, as audited (consent_at is set from VolunteerData.consent).
FIELDS = (
    "name",
    "phone",
    "employer",
    "employee_no",
    "programme_id",
    "skills",
    "notes",
    "consent_at",
    "consent_note",
)
# Everything a record holds, as the merge audit keeps it.
RECORD_FIELDS = ("code", *FIELDS, "name_initials", "active", "merged_into_id")
# Filled on the record kept from the merged one when empty there.
MERGE_FILLED = (
    "phone",
    "employer",
    "employee_no",
    "programme_id",
    "skills",
    "notes",
    "consent_at",
    "consent_note",
)


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class VolunteerData:
    """The editable fields of a volunteer, as typed (cleaned and checked on saving)."""

    name: str
    phone: str | None = None
    employer: str | None = None
    employee_no: str | None = None
    programme_id: str | None = None
    skills: str | None = None
    notes: str | None = None
    consent: bool = False  # the volunteer agreed that their data is kept
    consent_note: str | None = None  # how: 纸质同意书已存档, 线上报名时勾选同意 …


@dataclass(frozen=True)
class VolunteerRow:
    """One volunteer as the GUI lists it (plain values, no live ORM row)."""

    id: uuid.UUID
    code: str
    name: str
    initials: str | None
    phone: str | None
    employer: str | None
    employee_no: str | None
    programme_id: str | None
    skills: str | None
    active: bool
    consent_at: datetime | None
    has_badge: bool
    badge_seq: int | None  # the current badge's number
    merged_into_id: uuid.UUID | None
    notes: str | None = None
    consent_note: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def sort_key(self) -> tuple[str, str]:
        """What ``search(after=...)`` takes to continue after this row."""
        return (self.name, self.code)

    def data(self) -> VolunteerData:
        """The editable fields, to fill an edit form."""
        return VolunteerData(
            name=self.name,
            phone=self.phone,
            employer=self.employer,
            employee_no=self.employee_no,
            programme_id=self.programme_id,
            skills=self.skills,
            notes=self.notes,
            consent=self.consent_at is not None,
            consent_note=self.consent_note,
        )


@dataclass(frozen=True)
class Change:
    """What ``update_volunteer`` changed (``changed`` is empty when nothing did)."""

    volunteer_id: uuid.UUID
    changed: tuple[str, ...]
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)


VolunteerChange = Change


@dataclass(frozen=True)
class MergeWarning:
    """Something the merge found that staff should look at (nothing was dropped)."""

    message: str  # an English template marked with N_
    params: dict[str, Any]
    activity_id: uuid.UUID | None = None
    session_ids: tuple[uuid.UUID, ...] = ()

    def render(self, translate: Any = None) -> str:
        template = translate(self.message) if translate else self.message
        return template.format(**self.params) if self.params else template


@dataclass(frozen=True)
class MergeResult:
    """Counts of the rows moved from the merged record to the one kept."""

    keep_id: uuid.UUID
    merge_id: uuid.UUID
    registrations: int  # moved
    duplicate_registrations: int  # both were on the roster: the kept record's stays
    scan_events: int
    attendance_sessions: int
    hour_entries: int
    correction_requests: int
    badges_retired: int  # the merged record's current badge (0 or 1)
    earlier_merges: int  # records merged into the merged one before, now pointing here
    filled: tuple[str, ...]  # fields of the kept record filled from the merged one
    warnings: tuple[MergeWarning, ...] = ()

    @property
    def moved(self) -> int:
        return (
            self.registrations
            + self.scan_events
            + self.attendance_sessions
            + self.hour_entries
            + self.correction_requests
        )


@dataclass(frozen=True)
class Cleaned:
    """Checked values of ``VolunteerData`` (None for empty)."""

    name: str
    initials: str | None
    phone: str | None
    employer: str | None
    employee_no: str | None
    programme_id: str | None
    skills: str | None
    notes: str | None
    consent: bool
    consent_note: str | None


# --------------------------------------------------------------------------- checking


def clean_name(text: str | None) -> str:
    """A name with full-width letters folded and runs of spaces made one; required."""
    name = " ".join(clean_text(text).split())
    if not name:
        raise UserError(N_("Enter the volunteer's name."))
    if len(name) > MAX_NAME:
        raise UserError(N_("A name has at most {limit} characters."), limit=MAX_NAME)
    return name


def clean_programme_id(text: str | None) -> str | None:
    """A programme volunteer id as the kiosk reads it when scanned (trimmed, capitals)."""
    value = codes.normalise(clean_text(text))
    if not value:
        return None
    if len(value) > MAX_PROGRAMME_ID:
        raise UserError(
            N_("A programme volunteer id has at most {limit} characters."),
            limit=MAX_PROGRAMME_ID,
        )
    return value


def clean_employee_no(text: str | None) -> str | None:
    value = clean_text(text)
    if len(value) > MAX_EMPLOYEE_NO:
        raise UserError(
            N_("An employee number has at most {limit} characters."), limit=MAX_EMPLOYEE_NO
        )
    return value or None


def clean_employer(text: str | None) -> str | None:
    value = " ".join((text or "").split())
    if len(value) > MAX_EMPLOYER:
        raise UserError(N_("An employer has at most {limit} characters."), limit=MAX_EMPLOYER)
    return value or None


def clean_long_text(text: str | None) -> str | None:
    """Skills or notes: kept as written (Chinese punctuation too), trimmed."""
    value = (text or "").strip()
    if len(value) > MAX_TEXT:
        raise UserError(N_("Skills and notes have at most {limit} characters."), limit=MAX_TEXT)
    return value or None


def clean_consent_note(text: str | None) -> str | None:
    value = " ".join((text or "").split())
    if len(value) > MAX_CONSENT_NOTE:
        raise UserError(
            N_("The note on consent has at most {limit} characters."), limit=MAX_CONSENT_NOTE
        )
    return value or None


def clean_data(data: VolunteerData) -> Cleaned:
    """Every field checked; the first problem raises a ``UserError``."""
    name = clean_name(data.name)
    return Cleaned(
        name=name,
        initials=pinyin.initials(name),
        phone=normalise_phone(data.phone),
        employer=clean_employer(data.employer),
        employee_no=clean_employee_no(data.employee_no),
        programme_id=clean_programme_id(data.programme_id),
        skills=clean_long_text(data.skills),
        notes=clean_long_text(data.notes),
        consent=bool(data.consent),
        consent_note=clean_consent_note(data.consent_note),
    )


def clean_staff(staff: str | None) -> str:
    name = " ".join(clean_text(staff).split())
    if not name:
        raise UserError(N_("Enter the name of the staff member."))
    if len(name) > MAX_STAFF:
        raise UserError(N_("A staff name has at most 100 characters."))
    return name


def _clean_reason(reason: str | None, missing: str) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise UserError(missing)
    if len(text) > MAX_REASON:
        raise UserError(N_("The reason has at most {limit} characters."), limit=MAX_REASON)
    return text


@dataclass(frozen=True)
class Owner:
    """The record that holds a phone number or programme id."""

    id: uuid.UUID
    code: str
    name: str
    active: bool

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


def _owner(
    session: Session, column: Any, value: str, exclude: uuid.UUID | None = None
) -> Owner | None:
    query = select(Volunteer.id, Volunteer.code, Volunteer.name, Volunteer.active).where(
        column == value, Volunteer.merged_into_id.is_(None)
    )
    if exclude is not None:
        query = query.where(Volunteer.id != exclude)
    row = session.execute(query.order_by(Volunteer.code).limit(1)).first()
    return None if row is None else Owner(row[0], row[1], row[2], bool(row[3]))


def phone_owner(session: Session, phone: str, exclude: uuid.UUID | None = None) -> Owner | None:
    """The (not merged) volunteer with this normalised phone number, if any."""
    return _owner(session, Volunteer.phone, phone, exclude)


def programme_owner(
    session: Session, programme_id: str, exclude: uuid.UUID | None = None
) -> Owner | None:
    """The (not merged) volunteer with this normalised programme id, if any."""
    return _owner(session, Volunteer.programme_id, programme_id, exclude)


def duplicate_phone_error(phone: str, owner: Owner) -> UserError:
    if owner.active:
        return UserError(
            N_(
                "The phone number {phone} already belongs to {volunteer}. If this is the "
                "same person, use that record; if one person has two records, merge them."
            ),
            phone=phone,
            volunteer=owner.label,
        )
    return UserError(
        N_(
            "The phone number {phone} already belongs to {volunteer}, whose record is "
            "inactive. If this is the same person, reactivate that record; if one person "
            "has two records, merge them."
        ),
        phone=phone,
        volunteer=owner.label,
    )


def duplicate_programme_id_error(programme_id: str, owner: Owner) -> UserError:
    return UserError(
        N_(
            "The programme volunteer id {programme_id} already belongs to {volunteer}. If "
            "this is the same person, use that record; if one person has two records, "
            "merge them."
        ),
        programme_id=programme_id,
        volunteer=owner.label,
    )


def _refuse_duplicates(session: Session, cleaned: Cleaned, exclude: uuid.UUID | None) -> None:
    if cleaned.phone is not None:
        owner = phone_owner(session, cleaned.phone, exclude)
        if owner is not None:
            raise duplicate_phone_error(cleaned.phone, owner)
    if cleaned.programme_id is not None:
        owner = programme_owner(session, cleaned.programme_id, exclude)
        if owner is not None:
            raise duplicate_programme_id_error(cleaned.programme_id, owner)


def _label(volunteer: Volunteer) -> str:
    return f"{volunteer.name} ({volunteer.code})"


def _load(session: Session, volunteer_id: uuid.UUID) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(
            N_("This volunteer is no longer in the database. Refresh the list and try again.")
        )
    return volunteer


def _refuse_merged(session: Session, volunteer: Volunteer) -> None:
    if volunteer.merged_into_id is None:
        return
    survivor = session.get(Volunteer, volunteer.merged_into_id)
    raise UserError(
        N_("{volunteer} was merged into {other}: use that record instead."),
        volunteer=_label(volunteer),
        other=_label(survivor) if survivor is not None else "?",
    )


def snapshot(volunteer: Volunteer, names: Sequence[str] = RECORD_FIELDS) -> dict[str, Any]:
    """The record's values, as the audit log keeps them."""
    return {name: getattr(volunteer, name) for name in names}


# --------------------------------------------------------------------------- codes


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        # Another desk (on a server database) took the same code at the same moment.
        raise UserError(
            N_("The registry was changed at another desk at the same moment. Please try again.")
        ) from exc


def _code_batches(session: Session, query: Any) -> Iterator[str]:
    offset = 0
    while True:
        found = session.scalars(query.offset(offset).limit(200)).all()
        yield from found
        if len(found) < 200:
            return
        offset += 200


def _next_code_number(session: Session) -> int:
    """1 + the highest number of a code ``V`` + digits (1 for an empty registry)."""
    # The usual codes V000001…V999999 sort as text: the code index finds the highest.
    usual = (
        select(Volunteer.code)
        .where(Volunteer.code.between("V000000", "V999999"))
        .order_by(Volunteer.code.desc())
    )
    highest = 0
    for code in _code_batches(session, usual):
        if len(code) == 1 + CODE_DIGITS and _CODE.fullmatch(code):
            highest = int(code[1:])
            break
    if highest < 10**CODE_DIGITS - 1:
        return highest + 1
    # Past a million: longer codes, found by length (rare; a full scan is fine).
    longer = (
        select(Volunteer.code)
        .where(Volunteer.code.like("V%"), func.length(Volunteer.code) > 1 + CODE_DIGITS)
        .order_by(func.length(Volunteer.code).desc(), Volunteer.code.desc())
    )
    for code in _code_batches(session, longer):
        if _CODE.fullmatch(code):
            return max(highest, int(code[1:])) + 1
    return highest + 1


def allocate_codes(session: Session, count: int) -> list[str]:
    """``count`` new consecutive volunteer codes (V000001 …), in the write transaction."""
    if count < 1:
        return []
    first = _next_code_number(session)
    return [f"{CODE_PREFIX}{number:0{CODE_DIGITS}d}" for number in range(first, first + count)]


# --------------------------------------------------------------------------- reading


_ROW_COLUMNS = (
    Volunteer.id,
    Volunteer.code,
    Volunteer.name,
    Volunteer.name_initials,
    Volunteer.phone,
    Volunteer.employer,
    Volunteer.employee_no,
    Volunteer.programme_id,
    Volunteer.skills,
    Volunteer.active,
    Volunteer.consent_at,
    Volunteer.merged_into_id,
    Volunteer.notes,
    Volunteer.consent_note,
)


def _chunks(values: Sequence[uuid.UUID]) -> Iterator[Sequence[uuid.UUID]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def current_badge_seqs(
    session: Session, volunteer_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Each volunteer's current (not retired) badge number, if they have one."""
    found: dict[uuid.UUID, int] = {}
    for chunk in _chunks(volunteer_ids):
        rows = session.execute(
            select(Badge.volunteer_id, func.max(Badge.seq))
            .where(Badge.volunteer_id.in_(chunk), Badge.retired_at.is_(None))
            .group_by(Badge.volunteer_id)
        )
        found.update({row[0]: int(row[1]) for row in rows})
    return found


def _rows(session: Session, rows: Sequence[Any]) -> list[VolunteerRow]:
    seqs = current_badge_seqs(session, [row[0] for row in rows])
    return [
        VolunteerRow(
            id=row[0],
            code=row[1],
            name=row[2],
            initials=row[3],
            phone=row[4],
            employer=row[5],
            employee_no=row[6],
            programme_id=row[7],
            skills=row[8],
            active=bool(row[9]),
            consent_at=row[10],
            has_badge=row[0] in seqs,
            badge_seq=seqs.get(row[0]),
            merged_into_id=row[11],
            notes=row[12],
            consent_note=row[13],
        )
        for row in rows
    ]


def _like(text: str, *, prefix: bool = False) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


def _search_conditions(needle: str, dialect: str) -> list[Any]:
    conditions: list[Any] = []
    compact = re.sub(r"[\s\-()（）+]", "", needle)
    if compact.isascii() and compact.isdigit():
        # Phone digits anywhere (landlines are stored with their dashes), and the
        # number of a code: 123 finds V000123.  (A name is never only digits.)
        pattern = _like(compact)
        conditions.append(
            or_(
                Volunteer.phone.like(pattern, escape="\\"),
                and_(
                    Volunteer.phone.like("%-%"),
                    func.replace(Volunteer.phone, "-", "").like(pattern, escape="\\"),
                ),
            )
        )
        if len(compact) <= CODE_DIGITS:
            conditions.append(Volunteer.code == f"{CODE_PREFIX}{int(compact):0{CODE_DIGITS}d}")
    elif dialect == "sqlite":
        # SQLite's LIKE already ignores the case of ASCII letters (and is faster).
        conditions.append(Volunteer.name.like(_like(needle), escape="\\"))
    else:
        conditions.append(Volunteer.name.ilike(_like(needle), escape="\\"))
    letters = needle.replace(" ", "")
    if letters.isascii() and letters.isalpha():
        conditions.append(
            Volunteer.name_initials.like(_like(letters.upper(), prefix=True), escape="\\")
        )
    upper = codes.normalise(needle)
    if codes.VOLUNTEER_CODE.match(upper):
        conditions.append(Volunteer.code.like(_like(upper, prefix=True), escape="\\"))
    if upper.isascii():
        conditions.append(Volunteer.programme_id.like(_like(upper, prefix=True), escape="\\"))
    return conditions


def search(
    session: Session,
    text: str,
    *,
    include_inactive: bool = False,
    limit: int = 200,
    after: VolunteerRow | tuple[str, str] | None = None,
) -> list[VolunteerRow]:
    """Volunteers matching ``text``, ordered by name (then code); empty text lists all.

    Matches: the name contains it; the phone contains its digits; the pinyin
    initials start with it (``zs`` finds 张三); the code or the programme volunteer
    id starts with it; a number of up to six digits also finds that code (123 →
    V000123).  Inactive and merged records only with ``include_inactive``.  Pages:
    pass the last row of the previous page (or its ``sort_key``) as ``after``.
    """
    needle = " ".join(clean_text(text).split())
    limit = max(1, min(int(limit), MAX_SEARCH_LIMIT))
    query = select(*_ROW_COLUMNS)
    if not include_inactive:
        query = query.where(Volunteer.active.is_(True), Volunteer.merged_into_id.is_(None))
    if needle:
        dialect = session.get_bind().dialect.name
        query = query.where(or_(*_search_conditions(needle, dialect)))
    if after is not None:
        name, code = after.sort_key if isinstance(after, VolunteerRow) else after
        query = query.where(
            or_(Volunteer.name > name, and_(Volunteer.name == name, Volunteer.code > code))
        )
    # With a search text, scanning the table beats walking the name index (which
    # reads each row at random to test the other columns): order by an expression.
    by_name = func.coalesce(Volunteer.name, "") if needle else Volunteer.name
    rows = session.execute(query.order_by(by_name, Volunteer.code).limit(limit)).all()
    return _rows(session, rows)


def get_volunteer(session: Session, volunteer_id: uuid.UUID) -> VolunteerRow:
    """One volunteer (also inactive or merged); a ``UserError`` if no longer there."""
    row = session.execute(select(*_ROW_COLUMNS).where(Volunteer.id == volunteer_id)).first()
    if row is None:
        raise UserError(
            N_("This volunteer is no longer in the database. Refresh the list and try again.")
        )
    return _rows(session, [row])[0]


def find_by_code(session: Session, code: str) -> VolunteerRow | None:
    """The volunteer with this code (as printed on the badge), if any."""
    found = session.scalar(select(Volunteer.id).where(Volunteer.code == codes.normalise(code)))
    return None if found is None else get_volunteer(session, found)


# --------------------------------------------------------------------------- writing


def new_volunteer(
    cleaned: Cleaned, code: str, now: datetime, *, consent_note: str | None = None
) -> Volunteer:
    """An unsaved record (consent recorded now when given)."""
    return Volunteer(
        code=code,
        name=cleaned.name,
        name_initials=cleaned.initials,
        phone=cleaned.phone,
        employer=cleaned.employer,
        employee_no=cleaned.employee_no,
        programme_id=cleaned.programme_id,
        skills=cleaned.skills,
        notes=cleaned.notes,
        consent_at=now if cleaned.consent else None,
        consent_note=consent_note if consent_note is not None else cleaned.consent_note,
        active=True,
        merged_into_id=None,
        created_at=now,
        updated_at=now,
    )


def add_volunteer(session: Session, data: VolunteerData, *, staff: str) -> uuid.UUID:
    """Add a volunteer with the next code (V000001 …); returns the new id.

    Refused: no name, a malformed phone number, a phone number or programme id that
    another record holds (the message names it and suggests a merge), and no
    recorded consent (``data.consent``) to keep the volunteer's data.
    """
    staff = clean_staff(staff)
    cleaned = clean_data(data)
    if not cleaned.consent:
        raise UserError(
            N_(
                "Record the volunteer's consent to keeping their data (and how it was "
                "given) before saving."
            )
        )
    _refuse_duplicates(session, cleaned, None)
    [code] = allocate_codes(session, 1)
    volunteer = new_volunteer(cleaned, code, utcnow())
    session.add(volunteer)
    _flush(session)
    audit.record(
        session,
        staff=staff,
        action="volunteer.add",
        entity="volunteer",
        entity_id=volunteer.id,
        after=snapshot(volunteer, ("code", *FIELDS)),
    )
    return volunteer.id


def apply_changes(volunteer: Volunteer, wanted: Mapping[str, Any]) -> Change:
    """Set the fields that differ; before and after hold those fields only."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name, value in wanted.items():
        if getattr(volunteer, name) != value:
            before[name] = getattr(volunteer, name)
            after[name] = value
            setattr(volunteer, name, value)
    if "name" in after:
        volunteer.name_initials = pinyin.initials(volunteer.name)
    return Change(volunteer.id, tuple(after), before, after)


def update_volunteer(
    session: Session, volunteer_id: uuid.UUID, data: VolunteerData, *, staff: str
) -> Change:
    """Save the editable fields; audited with the changed fields before and after.

    The same checks as ``add_volunteer``.  Consent: given now when it was not
    recorded, withdrawn (cleared) when ``data.consent`` is false.  A merged record
    cannot be edited (edit the record it was merged into).
    """
    staff = clean_staff(staff)
    volunteer = _load(session, volunteer_id)
    _refuse_merged(session, volunteer)
    cleaned = clean_data(data)
    _refuse_duplicates(session, cleaned, volunteer.id)
    consent_at = volunteer.consent_at
    if cleaned.consent and consent_at is None:
        consent_at = utcnow()
    elif not cleaned.consent:
        consent_at = None
    wanted = {
        "name": cleaned.name,
        "phone": cleaned.phone,
        "employer": cleaned.employer,
        "employee_no": cleaned.employee_no,
        "programme_id": cleaned.programme_id,
        "skills": cleaned.skills,
        "notes": cleaned.notes,
        "consent_at": consent_at,
        "consent_note": cleaned.consent_note,
    }
    change = apply_changes(volunteer, wanted)
    if change.changed:
        _flush(session)
        audit.record(
            session,
            staff=staff,
            action="volunteer.update",
            entity="volunteer",
            entity_id=volunteer.id,
            before=dict(change.before),
            after=dict(change.after),
        )
    return change


def _current_seq(session: Session, volunteer_id: uuid.UUID) -> int | None:
    return current_badge_seqs(session, [volunteer_id]).get(volunteer_id)


def deactivate(session: Session, volunteer_id: uuid.UUID, *, staff: str, reason: str) -> int | None:
    """Make a record inactive and retire its current badge; audited.

    Returns the number of the badge retired (the kiosk now calls it retired), or None.
    """
    staff = clean_staff(staff)
    reason = _clean_reason(reason, N_("Give a reason for deactivating the record."))
    volunteer = _load(session, volunteer_id)
    _refuse_merged(session, volunteer)
    if not volunteer.active:
        raise UserError(N_("{volunteer} is already inactive."), volunteer=_label(volunteer))
    volunteer.active = False
    _flush(session)
    audit.record(
        session,
        staff=staff,
        action="volunteer.deactivate",
        entity="volunteer",
        entity_id=volunteer.id,
        before={"active": True},
        after={"active": False},
        reason=reason,
    )
    seq = _current_seq(session, volunteer.id)
    if seq is not None:
        badges.retire_badge(session, volunteer.id, staff=staff, reason=reason)
    return seq


def reactivate(session: Session, volunteer_id: uuid.UUID, *, staff: str, reason: str) -> None:
    """Make an inactive record active again; audited.  Issue a new badge separately."""
    staff = clean_staff(staff)
    reason = _clean_reason(reason, N_("Give a reason for reactivating the record."))
    volunteer = _load(session, volunteer_id)
    _refuse_merged(session, volunteer)
    if volunteer.active:
        raise UserError(N_("{volunteer} is already active."), volunteer=_label(volunteer))
    volunteer.active = True
    _flush(session)
    audit.record(
        session,
        staff=staff,
        action="volunteer.reactivate",
        entity="volunteer",
        entity_id=volunteer.id,
        before={"active": False},
        after={"active": True},
        reason=reason,
    )


# --------------------------------------------------------------------------- merging


@dataclass(frozen=True)
class _Attendance:
    id: uuid.UUID
    activity_id: uuid.UUID
    volunteer_id: uuid.UUID
    started_at: datetime
    ended_at: datetime | None


def _overlaps(first: _Attendance, second: _Attendance) -> bool:
    """Whether two sessions share time (an open session runs on for ever)."""
    first_end = first.ended_at
    second_end = second.ended_at
    return (second_end is None or first.started_at < second_end) and (
        first_end is None or second.started_at < first_end
    )


def _overlap_warnings(
    session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID
) -> list[MergeWarning]:
    rows = session.execute(
        select(
            AttendanceSession.id,
            AttendanceSession.activity_id,
            AttendanceSession.volunteer_id,
            AttendanceSession.started_at,
            AttendanceSession.ended_at,
        )
        .where(
            AttendanceSession.volunteer_id.in_([keep_id, merge_id]),
            AttendanceSession.status != SessionStatus.DISCARDED,
        )
        .order_by(AttendanceSession.started_at)
    ).all()
    sessions = [_Attendance(*row) for row in rows]
    kept = [s for s in sessions if s.volunteer_id == keep_id]
    merged = [s for s in sessions if s.volunteer_id == merge_id]
    pairs = [
        (a, b) for a in kept for b in merged if a.activity_id == b.activity_id and _overlaps(a, b)
    ]
    if not pairs:
        return []
    zone = org_zone(session)
    titles = dict(
        session.execute(
            select(Activity.id, Activity.title).where(
                Activity.id.in_({a.activity_id for a, _ in pairs})
            )
        ).all()
    )

    def shown(attendance: _Attendance) -> str:
        start = attendance.started_at.astimezone(zone)
        if attendance.ended_at is None:
            return f"{start:%Y-%m-%d %H:%M}–"
        return f"{start:%Y-%m-%d %H:%M}–{attendance.ended_at.astimezone(zone):%H:%M}"

    return [
        MergeWarning(
            N_(
                "At “{activity}” both records have attendance at the same time ({first} "
                "and {second}); both sessions were kept. One may be a double entry: "
                "check the hours."
            ),
            {"activity": titles.get(a.activity_id, "?"), "first": shown(a), "second": shown(b)},
            activity_id=a.activity_id,
            session_ids=(a.id, b.id),
        )
        for a, b in pairs
    ]


def _repoint(
    session: Session, model: Any, merge_id: uuid.UUID, keep_id: uuid.UUID, now: datetime
) -> list[uuid.UUID]:
    """Point every row of ``model`` at ``keep_id``; synced rows get a new version."""
    ids = list(session.scalars(select(model.id).where(model.volunteer_id == merge_id)))
    if not ids:
        return []
    values: dict[str, Any] = {"volunteer_id": keep_id}
    if "version" in model.__table__.c:
        values.update(version=model.version + 1, updated_at=now)
    for chunk in _chunks(ids):
        session.execute(
            update(model)
            .where(model.id.in_(chunk))
            .values(**values)
            .execution_options(synchronize_session="fetch")
        )
    return ids


def merge(
    session: Session,
    keep_id: uuid.UUID,
    merge_id: uuid.UUID,
    *,
    staff: str,
    reason: str,
) -> MergeResult:
    """Merge two records of the same person into ``keep_id``; audited in full.

    Everything that points at ``merge_id`` — roster registrations, scan events,
    attendance sessions, hour entries and correction requests — then points at
    ``keep_id`` (when both were on one activity's roster, the kept record's
    registration stays and takes the other's programme id if it had none).  Fields
    empty on the kept record are filled from the other.  The merged record stays,
    inactive, with ``merged_into_id`` set and its current badge retired, so its
    history can be traced.  Sessions of both records at one activity that overlap
    in time are kept and reported in ``warnings``.
    """
    staff = clean_staff(staff)
    reason = _clean_reason(reason, N_("Give a reason for merging the two records."))
    if keep_id == merge_id:
        raise UserError(N_("Choose two different records to merge."))
    keep = _load(session, keep_id)
    other = _load(session, merge_id)
    if keep.merged_into_id is not None:
        survivor = session.get(Volunteer, keep.merged_into_id)
        raise UserError(
            N_("{volunteer} was already merged into {other}: merge into that record instead."),
            volunteer=_label(keep),
            other=_label(survivor) if survivor is not None else "?",
        )
    if other.merged_into_id is not None:
        survivor = session.get(Volunteer, other.merged_into_id)
        raise UserError(
            N_("{volunteer} was already merged into {other}."),
            volunteer=_label(other),
            other=_label(survivor) if survivor is not None else "?",
        )
    if not keep.active:
        raise UserError(
            N_("{volunteer} is inactive: reactivate the record you keep before merging into it."),
            volunteer=_label(keep),
        )

    warnings = _overlap_warnings(session, keep.id, other.id)
    keep_before = snapshot(keep)
    other_before = snapshot(other)
    now = utcnow()

    # Roster: one registration per activity.
    kept_registrations = {
        registration.activity_id: registration
        for registration in session.scalars(
            select(Registration).where(Registration.volunteer_id == keep.id)
        )
    }
    moved_registrations: list[uuid.UUID] = []
    dropped_registrations: list[dict[str, Any]] = []
    for registration in session.scalars(
        select(Registration).where(Registration.volunteer_id == other.id)
    ).all():
        existing = kept_registrations.get(registration.activity_id)
        if existing is None:
            registration.volunteer_id = keep.id
            moved_registrations.append(registration.id)
            continue
        if existing.programme_id is None and registration.programme_id is not None:
            existing.programme_id = registration.programme_id
        dropped_registrations.append(
            {
                "id": registration.id,
                "activity_id": registration.activity_id,
                "programme_id": registration.programme_id,
                "source": registration.source,
                "kept": existing.id,
            }
        )
        session.delete(registration)
    _flush(session)

    scans = _repoint(session, ScanEvent, other.id, keep.id, now)
    attendance = _repoint(session, AttendanceSession, other.id, keep.id, now)
    hours = _repoint(session, HourEntry, other.id, keep.id, now)
    requests = _repoint(session, CorrectionRequest, other.id, keep.id, now)
    earlier = list(
        session.scalars(select(Volunteer.id).where(Volunteer.merged_into_id == other.id))
    )
    if earlier:
        session.execute(
            update(Volunteer)
            .where(Volunteer.id.in_(earlier))
            .values(merged_into_id=keep.id, version=Volunteer.version + 1, updated_at=now)
            .execution_options(synchronize_session="fetch")
        )

    filled: list[str] = []
    for name in MERGE_FILLED:
        if getattr(keep, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(keep, name, getattr(other, name))
            filled.append(name)
    other.active = False
    other.merged_into_id = keep.id
    _flush(session)

    seq = _current_seq(session, other.id)
    if seq is not None:
        badges.retire_badge(session, other.id, staff=staff, reason=reason)

    moved = {
        "registrations": moved_registrations,
        "duplicate_registrations": dropped_registrations,
        "scan_events": scans,
        "attendance_sessions": attendance,
        "hour_entries": hours,
        "correction_requests": requests,
        "earlier_merges": earlier,
        "badge_retired": seq,
    }
    audit.record(
        session,
        staff=staff,
        action="volunteer.merge",
        entity="volunteer",
        entity_id=keep.id,
        before={"kept": keep_before, "merged": other_before},
        after={"kept": snapshot(keep), "merged": snapshot(other), "moved": moved},
        reason=reason,
    )
    audit.record(
        session,
        staff=staff,
        action="volunteer.merged",
        entity="volunteer",
        entity_id=other.id,
        before=other_before,
        after={**snapshot(other), "kept_record": keep.code},
        reason=reason,
    )
    return MergeResult(
        keep_id=keep.id,
        merge_id=other.id,
        registrations=len(moved_registrations),
        duplicate_registrations=len(dropped_registrations),
        scan_events=len(scans),
        attendance_sessions=len(attendance),
        hour_entries=len(hours),
        correction_requests=len(requests),
        badges_retired=0 if seq is None else 1,
        earlier_merges=len(earlier),
        filled=tuple(filled),
        warnings=tuple(warnings),
    )


def count_rows(session: Session, volunteer_id: uuid.UUID) -> dict[str, int]:
    """How many rows of each kind point at a volunteer (for a merge preview)."""
    found: dict[str, int] = {}
    for name, model in (
        ("registrations", Registration),
        ("scan_events", ScanEvent),
        ("attendance_sessions", AttendanceSession),
        ("hour_entries", HourEntry),
        ("correction_requests", CorrectionRequest),
        ("badges", Badge),
    ):
        query = select(func.count()).select_from(model).where(model.volunteer_id == volunteer_id)
        found[name] = int(session.scalar(query) or 0)
    return found
