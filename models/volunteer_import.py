"""Sign-up lists for the volunteer registry, and activity rosters, from CSV or XLSX.

The same four steps as ``models.donation_import`` (whose reader is shared):

1. ``read_table(path)``: the header row and the data rows as text (CSV in UTF-8,
   UTF-16 or GBK/GB18030; XLSX).
2. ``suggest_mapping(headers)``: which column holds which field, from Chinese or
   English header names (姓名, 手机号, 所在企业, 工号, 志愿者编号, 特长, 备注 …);
   ``unknown_columns`` lists the columns that will be left out.
3. ``validate_signups`` / ``validate_roster``: every row checked first and matched
   against the registry (by phone number, else by programme volunteer id); each
   problem is a ``RowError`` (row number, column, English template marked ``N_``
   with parameters).  Nothing is written.
4. ``import_signups`` / ``import_roster``: only when no row has a problem, and only
   if the registry still is as it was checked; everything in the caller's
   transaction, so nothing is ever half-written.

A row that matches a volunteer whose name is different is an error, never a silent
rename: one phone number is often shared in a family.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import audit, pinyin
from models.clock import utcnow
from models.donation_import import (
    RowError,
    Table,
    match_headers,
    read_table,
    unknown_columns,
)
from models.enums import ActivityState
from models.errors import N_, UserError
from models.intake import clean_text, normalise_phone
from models.schema import Activity, Registration, Volunteer
from models.volunteers import FIELDS as VOLUNTEER_FIELDS
from models.volunteers import (
    Cleaned,
    allocate_codes,
    apply_changes,
    clean_consent_note,
    clean_employee_no,
    clean_employer,
    clean_long_text,
    clean_name,
    clean_programme_id,
    clean_staff,
    new_volunteer,
    snapshot,
)

__all__ = [
    "FIELDS",
    "ROSTER_FIELDS",
    "ImportCounts",
    "RosterAction",
    "RosterResult",
    "RosterRow",
    "RosterValidation",
    "RowError",
    "SignupAction",
    "SignupRow",
    "SignupValidation",
    "Table",
    "import_roster",
    "import_signups",
    "read_table",
    "suggest_mapping",
    "unknown_columns",
    "validate_roster",
    "validate_signups",
]

MAX_REPORTED_ERRORS = 1000
_CHUNK = 500

FIELDS = ("name", "phone", "employer", "employee_no", "programme_id", "skills", "notes")
# What a roster usually has (for ``suggest_mapping``); any of FIELDS may be mapped,
# the others then go on the volunteers the roster adds to the registry.
ROSTER_FIELDS = ("name", "phone", "programme_id", "employer", "employee_no")
# Header names people write, normalised (NFKC, lower case, no spaces or brackets).
HEADER_NAMES: Mapping[str, tuple[str, ...]] = {
    "name": (
        "姓名",
        "名字",
        "志愿者姓名",
        "真实姓名",
        "报名人",
        "报名人姓名",
        "员工姓名",
        "name",
        "fullname",
        "volunteername",
        "realname",
    ),
    "phone": (
        "手机",
        "电话",
        "手机号",
        "手机号码",
        "电话号码",
        "联系电话",
        "联系方式",
        "移动电话",
        "联系手机",
        "phone",
        "mobile",
        "mobilephone",
        "cellphone",
        "tel",
        "telephone",
        "phonenumber",
        "mobilenumber",
    ),
    "employer": (
        "单位",
        "公司",
        "企业",
        "所在企业",
        "所在单位",
        "所在公司",
        "工作单位",
        "企业名称",
        "公司名称",
        "单位名称",
        "employer",
        "company",
        "organisation",
        "organization",
    ),
    "employee_no": (
        "工号",
        "员工号",
        "员工编号",
        "职工号",
        "职工编号",
        "employeeno",
        "employeeid",
        "employeenumber",
        "staffno",
        "staffid",
    ),
    "programme_id": (
        "志愿者编号",
        "志愿者号",
        "志愿者id",
        "志愿者账号",
        "项目编号",
        "项目志愿者编号",
        "报名编号",
        "报名号",
        "programmeid",
        "programid",
        "volunteerid",
        "volunteerno",
        "registrationid",
        "registrationno",
    ),
    "skills": ("技能", "特长", "专长", "技能特长", "擅长", "skills", "skill", "expertise"),
    "notes": ("备注", "附注", "说明", "notes", "note", "remark", "remarks", "comment", "comments"),
}

# The checker of each field's cell (raising UserError with a template).
_CLEANERS: Mapping[str, Callable[[str], str | None]] = {
    "phone": normalise_phone,
    "employer": clean_employer,
    "employee_no": clean_employee_no,
    "programme_id": clean_programme_id,
    "skills": clean_long_text,
    "notes": clean_long_text,
}


# --------------------------------------------------------------------------- mapping


def suggest_mapping(headers: Sequence[str], fields: Sequence[str] = FIELDS) -> dict[str, str]:
    """Field → header for every field recognised (exact names first, then contained)."""
    return match_headers(headers, fields, HEADER_NAMES)


def _columns(table: Table, mapping: Mapping[str, str], fields: Sequence[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    seen: set[str] = set()
    for field_name, header in mapping.items():
        if field_name not in fields:
            raise ValueError(f"unknown field {field_name!r}")
        if header not in table.headers:
            raise UserError(N_("The file has no column “{column}”."), column=header)
        if header in seen:
            raise UserError(
                N_("The column “{column}” is chosen for two different fields."), column=header
            )
        seen.add(header)
        columns[field_name] = table.headers.index(header)
    if "name" not in columns:
        raise UserError(N_("Choose the column that holds each volunteer's name."))
    return columns


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Entry:
    """One row's checked values (None: empty cell or no such column)."""

    row_number: int
    name: str
    phone: str | None = None
    employer: str | None = None
    employee_no: str | None = None
    programme_id: str | None = None
    skills: str | None = None
    notes: str | None = None

    def value(self, field_name: str) -> str | None:
        found: str | None = getattr(self, field_name)
        return found


class _Problems:
    """Collects RowErrors up to MAX_REPORTED_ERRORS, counting all."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self.mapping = mapping
        self.errors: list[RowError] = []
        self.count = 0
        self.rows: set[int] = set()

    def add(self, number: int, field_name: str | None, message: str, /, **params: Any) -> None:
        self.count += 1
        self.rows.add(number)
        if len(self.errors) < MAX_REPORTED_ERRORS:
            column = self.mapping.get(field_name) if field_name else None
            self.errors.append(RowError(number, column, message, dict(params)))

    def sorted(self) -> tuple[RowError, ...]:
        """The problems in the order of the rows (each row's in the order found)."""
        return tuple(sorted(self.errors, key=lambda error: error.row_number))


def _entries(
    table: Table, mapping: Mapping[str, str], columns: Mapping[str, int], problems: _Problems
) -> list[Entry]:
    """Every row's cells checked; rows with a problem are reported and left out."""
    entries: list[Entry] = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        values: dict[str, str | None] = {}
        failed = False
        try:
            values["name"] = clean_name(row[columns["name"]])
        except UserError as exc:
            failed = True
            if clean_text(row[columns["name"]]):
                problems.add(number, "name", exc.template, **exc.params)
            else:
                problems.add(number, "name", N_("The name is empty."))
        for field_name, index in columns.items():
            if field_name == "name":
                continue
            try:
                values[field_name] = _CLEANERS[field_name](row[index])
            except UserError as exc:
                failed = True
                problems.add(number, field_name, exc.template, **exc.params)
        if not failed:
            name = values.pop("name")
            assert name is not None
            entries.append(Entry(number, name, **values))
    if not table.rows:
        problems.add(0, None, N_("The file has no rows of volunteers."))
    return entries


def _file_duplicates(entries: Sequence[Entry], problems: _Problems) -> list[Entry]:
    """Rows repeating an earlier row's phone number or programme id are errors."""
    first_phone: dict[str, int] = {}
    first_programme: dict[str, int] = {}
    kept: list[Entry] = []
    for entry in entries:
        failed = False
        if entry.phone is not None:
            earlier = first_phone.setdefault(entry.phone, entry.row_number)
            if earlier != entry.row_number:
                failed = True
                problems.add(
                    entry.row_number,
                    "phone",
                    N_("The phone number {phone} is also on row {row}."),
                    phone=entry.phone,
                    row=earlier,
                )
        if entry.programme_id is not None:
            earlier = first_programme.setdefault(entry.programme_id, entry.row_number)
            if earlier != entry.row_number:
                failed = True
                problems.add(
                    entry.row_number,
                    "programme_id",
                    N_("The programme volunteer id {programme_id} is also on row {row}."),
                    programme_id=entry.programme_id,
                    row=earlier,
                )
        if not failed:
            kept.append(entry)
    return kept


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Known:
    """A registry record as matching needs it."""

    id: uuid.UUID
    code: str
    name: str
    active: bool
    phone: str | None
    employer: str | None
    employee_no: str | None
    programme_id: str | None
    skills: str | None
    notes: str | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"

    def value(self, field_name: str) -> str | None:
        found: str | None = getattr(self, field_name)
        return found


_KNOWN_COLUMNS = (
    Volunteer.id,
    Volunteer.code,
    Volunteer.name,
    Volunteer.active,
    Volunteer.phone,
    Volunteer.employer,
    Volunteer.employee_no,
    Volunteer.programme_id,
    Volunteer.skills,
    Volunteer.notes,
)


def _chunked(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class _Registry:
    """The (not merged) records holding the file's phone numbers and programme ids."""

    def __init__(self, session: Session, entries: Sequence[Entry]) -> None:
        self.by_phone: dict[str, list[_Known]] = {}
        self.by_programme: dict[str, list[_Known]] = {}
        phones = sorted({e.phone for e in entries if e.phone is not None})
        programme_ids = sorted({e.programme_id for e in entries if e.programme_id is not None})
        for column, values, target in (
            (Volunteer.phone, phones, self.by_phone),
            (Volunteer.programme_id, programme_ids, self.by_programme),
        ):
            for chunk in _chunked(values):
                rows = session.execute(
                    select(*_KNOWN_COLUMNS)
                    .where(column.in_(chunk), Volunteer.merged_into_id.is_(None))
                    .order_by(Volunteer.code)
                )
                for row in rows:
                    known = _Known(
                        row[0],
                        row[1],
                        row[2],
                        bool(row[3]),
                        row[4],
                        row[5],
                        row[6],
                        row[7],
                        row[8],
                        row[9],
                    )
                    key = known.phone if target is self.by_phone else known.programme_id
                    assert key is not None
                    target.setdefault(key, []).append(known)


def _same_name(first: str, second: str) -> bool:
    return (
        "".join(clean_text(first).split()).casefold()
        == "".join(clean_text(second).split()).casefold()
    )


def _match(
    entry: Entry, registry: _Registry, problems: _Problems
) -> tuple[bool, _Known | None, str | None]:
    """(ok, the record the row is for, matched by "phone" / "programme_id")."""
    phone_owners = registry.by_phone.get(entry.phone, []) if entry.phone else []
    programme_owners = (
        registry.by_programme.get(entry.programme_id, []) if entry.programme_id else []
    )
    if len(phone_owners) > 1:
        problems.add(
            entry.row_number,
            "phone",
            N_(
                "Several records in the registry have the phone number {phone} "
                "({volunteers}): merge them first."
            ),
            phone=entry.phone,
            volunteers="、".join(known.label for known in phone_owners),
        )
        return False, None, None
    if len(programme_owners) > 1:
        problems.add(
            entry.row_number,
            "programme_id",
            N_(
                "Several records in the registry have the programme volunteer id "
                "{programme_id} ({volunteers}): merge them first."
            ),
            programme_id=entry.programme_id,
            volunteers="、".join(known.label for known in programme_owners),
        )
        return False, None, None
    by_phone = phone_owners[0] if phone_owners else None
    by_programme = programme_owners[0] if programme_owners else None
    if by_phone is not None and by_programme is not None and by_phone.id != by_programme.id:
        problems.add(
            entry.row_number,
            "phone",
            N_(
                "The phone number {phone} belongs to {first} but the programme volunteer "
                "id {programme_id} to {second}: correct the row, or merge the two records "
                "first."
            ),
            phone=entry.phone,
            programme_id=entry.programme_id,
            first=by_phone.label,
            second=by_programme.label,
        )
        return False, None, None
    known = by_phone or by_programme
    if known is None:
        return True, None, None
    matched_by = "phone" if by_phone is not None else "programme_id"
    if not _same_name(known.name, entry.name):
        if matched_by == "phone":
            problems.add(
                entry.row_number,
                "name",
                N_(
                    "The phone number {phone} belongs to {volunteer} in the registry, not "
                    "to {name}: correct the row, or the registry first."
                ),
                phone=entry.phone,
                volunteer=known.label,
                name=entry.name,
            )
        else:
            problems.add(
                entry.row_number,
                "name",
                N_(
                    "The programme volunteer id {programme_id} belongs to {volunteer} in "
                    "the registry, not to {name}: correct the row, or the registry first."
                ),
                programme_id=entry.programme_id,
                volunteer=known.label,
                name=entry.name,
            )
        return False, None, None
    return True, known, matched_by


class _SameVolunteer:
    """Two rows for one registry record: the later one is an error."""

    def __init__(self) -> None:
        self.rows: dict[uuid.UUID, int] = {}

    def check(self, entry: Entry, known: _Known, problems: _Problems) -> bool:
        earlier = self.rows.setdefault(known.id, entry.row_number)
        if earlier == entry.row_number:
            return True
        problems.add(
            entry.row_number,
            None,
            N_("Row {row} is for the same volunteer ({volunteer})."),
            row=earlier,
            volunteer=known.label,
        )
        return False


# --------------------------------------------------------------------------- sign-ups


class SignupAction(StrEnum):
    NEW = "new"
    UPDATE = "update"  # an existing volunteer whose record changes
    UNCHANGED = "unchanged"  # an existing volunteer, nothing new in the row


@dataclass(frozen=True)
class SignupRow:
    """What importing one row will do (for the preview)."""

    row_number: int
    action: SignupAction
    entry: Entry
    volunteer_id: uuid.UUID | None = None  # the existing record
    volunteer_code: str | None = None
    volunteer_name: str | None = None
    volunteer_active: bool = True
    matched_by: str | None = None  # "phone" or "programme_id"
    # (field, value now, value after) for an update.
    changes: tuple[tuple[str, str | None, str | None], ...] = ()


@dataclass(frozen=True)
class SignupValidation:
    source: str
    rows: tuple[SignupRow, ...]  # the rows without problems
    errors: tuple[RowError, ...]  # the first MAX_REPORTED_ERRORS problems
    error_count: int
    ignored_columns: tuple[str, ...]  # columns of the file that no field uses
    mapping: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and bool(self.rows)

    def count(self, action: SignupAction) -> int:
        return sum(1 for row in self.rows if row.action is action)

    @property
    def new_count(self) -> int:
        return self.count(SignupAction.NEW)

    @property
    def update_count(self) -> int:
        return self.count(SignupAction.UPDATE)

    @property
    def unchanged_count(self) -> int:
        return self.count(SignupAction.UNCHANGED)


@dataclass(frozen=True)
class ImportCounts:
    new: int
    updated: int
    unchanged: int
    new_codes: tuple[str, ...] = ()


_UPDATABLE = ("phone", "employer", "employee_no", "programme_id", "skills", "notes")


def _plan_signups(
    session: Session, entries: Sequence[Entry], problems: _Problems
) -> list[SignupRow]:
    registry = _Registry(session, entries)
    same = _SameVolunteer()
    planned: list[SignupRow] = []
    for entry in entries:
        ok, known, matched_by = _match(entry, registry, problems)
        if not ok:
            continue
        if known is None:
            planned.append(SignupRow(entry.row_number, SignupAction.NEW, entry))
            continue
        if not same.check(entry, known, problems):
            continue
        changes = tuple(
            (name, known.value(name), entry.value(name))
            for name in _UPDATABLE
            if entry.value(name) is not None and entry.value(name) != known.value(name)
        )
        planned.append(
            SignupRow(
                entry.row_number,
                SignupAction.UPDATE if changes else SignupAction.UNCHANGED,
                entry,
                volunteer_id=known.id,
                volunteer_code=known.code,
                volunteer_name=known.name,
                volunteer_active=known.active,
                matched_by=matched_by,
                changes=changes,
            )
        )
    return planned


def _check(
    session: Session, table: Table, mapping: Mapping[str, str], fields: Sequence[str]
) -> tuple[_Problems, list[Entry]]:
    columns = _columns(table, mapping, fields)
    problems = _Problems(mapping)
    entries = _file_duplicates(_entries(table, mapping, columns, problems), problems)
    return problems, entries


def validate_signups(
    session: Session, table: Table, mapping: Mapping[str, str]
) -> SignupValidation:
    """Check every row of a sign-up list and match it with the registry (writes nothing).

    A row is for an existing volunteer when its phone number, else its programme
    volunteer id, is on a record (not merged); that record is updated with the
    row's non-empty cells (empty cells never clear anything).  Otherwise it is new.
    """
    problems, entries = _check(session, table, mapping, FIELDS)
    planned = _plan_signups(session, entries, problems)
    # Rows with a problem found while matching are not planned either.
    planned = [row for row in planned if row.row_number not in problems.rows]
    return SignupValidation(
        source=table.source,
        rows=tuple(planned),
        errors=problems.sorted(),
        error_count=problems.count,
        ignored_columns=unknown_columns(table.headers, mapping),
        mapping=dict(mapping),
    )


def _refuse_problems(error_count: int, has_rows: bool) -> None:
    if error_count:
        raise UserError(
            N_("{count} problems in the file: correct them and check the file again."),
            count=error_count,
        )
    if not has_rows:
        raise UserError(N_("The file has no rows of volunteers."))


def _changed_since() -> UserError:
    return UserError(N_("The registry changed since the file was checked: check the file again."))


def _cleaned(entry: Entry, *, consent: bool) -> Cleaned:
    return Cleaned(
        name=entry.name,
        initials=pinyin.initials(entry.name),
        phone=entry.phone,
        employer=entry.employer,
        employee_no=entry.employee_no,
        programme_id=entry.programme_id,
        skills=entry.skills,
        notes=entry.notes,
        consent=consent,
        consent_note=None,
    )


def _load_volunteers(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Volunteer]:
    found: dict[uuid.UUID, Volunteer] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.update(
            {v.id: v for v in session.scalars(select(Volunteer).where(Volunteer.id.in_(chunk)))}
        )
    return found


def _add_new(
    session: Session,
    entries: Sequence[Entry],
    *,
    consent_note: str | None,
    staff: str,
    reason: str,
) -> list[Volunteer]:
    if not entries:
        return []
    now = utcnow()
    codes = allocate_codes(session, len(entries))
    made = [
        new_volunteer(
            _cleaned(entry, consent=consent_note is not None),
            code,
            now,
            consent_note=consent_note,
        )
        for entry, code in zip(entries, codes, strict=True)
    ]
    session.add_all(made)
    session.flush()
    for volunteer in made:
        audit.record(
            session,
            staff=staff,
            action="volunteer.add",
            entity="volunteer",
            entity_id=volunteer.id,
            after=snapshot(volunteer, ("code", *VOLUNTEER_FIELDS)),
            reason=reason,
        )
    return made


def _apply_updates(
    session: Session,
    updates: Sequence[tuple[uuid.UUID, Mapping[str, str | None]]],
    *,
    staff: str,
    reason: str,
) -> None:
    records = _load_volunteers(session, [volunteer_id for volunteer_id, _ in updates])
    for volunteer_id, wanted in updates:
        change = apply_changes(records[volunteer_id], wanted)
        if change.changed:
            audit.record(
                session,
                staff=staff,
                action="volunteer.update",
                entity="volunteer",
                entity_id=volunteer_id,
                before=dict(change.before),
                after=dict(change.after),
                reason=reason,
            )
    session.flush()


def import_signups(
    session: Session, validation: SignupValidation, *, staff: str, consent_note: str
) -> ImportCounts:
    """Add the new volunteers and update the existing ones: all rows, or nothing.

    Refused while any row has a problem, or when the registry changed since the
    file was checked.  ``consent_note`` says how the volunteers on the list gave
    their consent (recorded, with the time, on every new record).
    """
    _refuse_problems(validation.error_count, bool(validation.rows))
    staff = clean_staff(staff)
    note = clean_consent_note(consent_note)
    if note is None:
        raise UserError(
            N_(
                "Say how the volunteers on the list gave their consent to keeping their "
                "data (for example: ticked on the sign-up form)."
            )
        )
    problems = _Problems(validation.mapping)
    planned = _plan_signups(session, [row.entry for row in validation.rows], problems)
    if problems.count or tuple(planned) != validation.rows:
        raise _changed_since()
    reason = f"import: {validation.source}"[:200]
    new = [row.entry for row in planned if row.action is SignupAction.NEW]
    made = _add_new(session, new, consent_note=note, staff=staff, reason=reason)
    updates = [
        (row.volunteer_id, {name: after for name, _before, after in row.changes})
        for row in planned
        if row.action is SignupAction.UPDATE and row.volunteer_id is not None
    ]
    _apply_updates(session, updates, staff=staff, reason=reason)
    counts = ImportCounts(
        new=len(made),
        updated=len(updates),
        unchanged=sum(1 for row in planned if row.action is SignupAction.UNCHANGED),
        new_codes=tuple(volunteer.code for volunteer in made),
    )
    audit.record(
        session,
        staff=staff,
        action="volunteer.import",
        entity="volunteer",
        after={
            "source": validation.source,
            "new": counts.new,
            "updated": counts.updated,
            "unchanged": counts.unchanged,
        },
        reason=reason,
    )
    return counts


# --------------------------------------------------------------------------- rosters


class RosterAction(StrEnum):
    REGISTER = "register"  # a volunteer in the registry, registered now
    CREATE = "create"  # a new volunteer, added to the registry and registered
    ALREADY = "already"  # already on this activity's roster


@dataclass(frozen=True)
class RosterRow:
    row_number: int
    action: RosterAction
    entry: Entry
    volunteer_id: uuid.UUID | None = None
    volunteer_code: str | None = None
    volunteer_name: str | None = None
    matched_by: str | None = None
    # Fields empty on the registry record that the row fills: (field, value).
    fills: tuple[tuple[str, str], ...] = ()
    programme_id: str | None = None  # what the registration will carry


@dataclass(frozen=True)
class RosterValidation:
    activity_id: uuid.UUID
    activity_title: str
    source: str
    rows: tuple[RosterRow, ...]
    errors: tuple[RowError, ...]
    error_count: int
    ignored_columns: tuple[str, ...]
    mapping: Mapping[str, str] = field(default_factory=dict)
    capacity: int | None = None
    registered_before: int = 0

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and bool(self.rows)

    def count(self, action: RosterAction) -> int:
        return sum(1 for row in self.rows if row.action is action)

    @property
    def to_register(self) -> int:
        """Rows that add a registration (existing or new volunteers)."""
        return self.count(RosterAction.REGISTER) + self.count(RosterAction.CREATE)

    @property
    def to_create(self) -> int:
        return self.count(RosterAction.CREATE)

    @property
    def already(self) -> int:
        return self.count(RosterAction.ALREADY)

    @property
    def over_capacity(self) -> int:
        """How many registrations the roster would have beyond the capacity (a warning)."""
        if self.capacity is None:
            return 0
        return max(0, self.registered_before + self.to_register - self.capacity)


@dataclass(frozen=True)
class RosterResult:
    registered: int  # new registrations
    already: int  # rows already on the roster
    created_volunteers: int  # new registry records
    updated_volunteers: int = 0  # existing records whose empty fields were filled


def _roster_activity(session: Session, activity_id: uuid.UUID) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(
            N_("This activity is no longer in the database. Refresh the list and try again.")
        )
    if activity.state == ActivityState.CLOSED:
        raise UserError(
            N_(
                "“{activity}” is closed, so its roster cannot change. If it really must, "
                "reopen the activity first."
            ),
            activity=activity.title,
        )
    if activity.state == ActivityState.EXPORTED:
        raise UserError(
            N_(
                "“{activity}” has been exported to the programme office, so its roster "
                "cannot change."
            ),
            activity=activity.title,
        )
    return activity


_ROSTER_FILLS = ("phone", "programme_id", "employer", "employee_no")


def _plan_roster(
    session: Session, activity_id: uuid.UUID, entries: Sequence[Entry], problems: _Problems
) -> list[RosterRow]:
    registrations = session.execute(
        select(Registration.volunteer_id, Registration.programme_id).where(
            Registration.activity_id == activity_id
        )
    ).all()
    registered = {row[0] for row in registrations}
    roster_ids = {row[1]: row[0] for row in registrations if row[1] is not None}
    labels: dict[uuid.UUID, str] = {}
    if roster_ids:
        holders = list(set(roster_ids.values()))
        for start in range(0, len(holders), _CHUNK):
            labels.update(
                {
                    row[0]: f"{row[1]} ({row[2]})"
                    for row in session.execute(
                        select(Volunteer.id, Volunteer.name, Volunteer.code).where(
                            Volunteer.id.in_(holders[start : start + _CHUNK])
                        )
                    )
                }
            )
    registry = _Registry(session, entries)
    same = _SameVolunteer()
    planned: list[RosterRow] = []
    for entry in entries:
        if entry.phone is None and entry.programme_id is None:
            problems.add(
                entry.row_number,
                None,
                N_(
                    "The row has neither a phone number nor a programme volunteer id, so "
                    "the volunteer cannot be matched with the registry."
                ),
            )
            continue
        ok, known, matched_by = _match(entry, registry, problems)
        if not ok:
            continue
        if known is not None:
            if not same.check(entry, known, problems):
                continue
            if not known.active:
                problems.add(
                    entry.row_number,
                    None,
                    N_(
                        "{volunteer} is inactive in the registry: reactivate the record, "
                        "or take the row out of the file."
                    ),
                    volunteer=known.label,
                )
                continue
        holder = roster_ids.get(entry.programme_id) if entry.programme_id else None
        if holder is not None and (known is None or holder != known.id):
            problems.add(
                entry.row_number,
                "programme_id",
                N_(
                    "The programme volunteer id {programme_id} is already on this "
                    "activity's roster, for {volunteer}."
                ),
                programme_id=entry.programme_id,
                volunteer=labels.get(holder, "?"),
            )
            continue
        if known is None:
            planned.append(
                RosterRow(
                    entry.row_number,
                    RosterAction.CREATE,
                    entry,
                    programme_id=entry.programme_id,
                )
            )
            continue
        fills = tuple(
            (name, value)
            for name in _ROSTER_FILLS
            if known.value(name) is None and (value := entry.value(name)) is not None
        )
        planned.append(
            RosterRow(
                entry.row_number,
                RosterAction.ALREADY if known.id in registered else RosterAction.REGISTER,
                entry,
                volunteer_id=known.id,
                volunteer_code=known.code,
                volunteer_name=known.name,
                matched_by=matched_by,
                fills=fills,
                programme_id=entry.programme_id or known.programme_id,
            )
        )
    return planned


def validate_roster(
    session: Session, activity_id: uuid.UUID, table: Table, mapping: Mapping[str, str]
) -> RosterValidation:
    """Check an activity's registration list from the programme (writes nothing).

    Refused at once for a closed or exported activity.  Each row needs a name and a
    phone number or programme volunteer id; it matches a registry record by phone,
    else by programme id (an inactive record is an error), or makes a new one.
    """
    activity = _roster_activity(session, activity_id)
    if "phone" not in mapping and "programme_id" not in mapping:
        _columns(table, mapping, FIELDS)  # the name and unknown columns first
        raise UserError(
            N_("Choose the column that holds the phone number or the programme volunteer id.")
        )
    problems, entries = _check(session, table, mapping, FIELDS)
    planned = _plan_roster(session, activity.id, entries, problems)
    planned = [row for row in planned if row.row_number not in problems.rows]
    registered_before = int(
        session.scalar(
            select(func.count())
            .select_from(Registration)
            .where(Registration.activity_id == activity.id)
        )
        or 0
    )
    return RosterValidation(
        activity_id=activity.id,
        activity_title=activity.title,
        source=table.source,
        rows=tuple(planned),
        errors=problems.sorted(),
        error_count=problems.count,
        ignored_columns=unknown_columns(table.headers, mapping),
        mapping=dict(mapping),
        capacity=activity.capacity,
        registered_before=registered_before,
    )


def import_roster(session: Session, validation: RosterValidation, *, staff: str) -> RosterResult:
    """Register every row on the activity's roster, adding new volunteers: all or nothing.

    Refused while any row has a problem, when the activity was closed or exported
    meanwhile, or when the registry or the roster changed since the file was checked.
    New volunteers have no consent recorded (the programme collected the data):
    staff record it when they first meet them.
    """
    _refuse_problems(validation.error_count, bool(validation.rows))
    staff = clean_staff(staff)
    activity = _roster_activity(session, validation.activity_id)
    problems = _Problems(validation.mapping)
    planned = _plan_roster(session, activity.id, [row.entry for row in validation.rows], problems)
    if problems.count or tuple(planned) != validation.rows:
        raise _changed_since()
    reason = f"roster: {validation.source}"[:200]
    created = _add_new(
        session,
        [row.entry for row in planned if row.action is RosterAction.CREATE],
        consent_note=None,
        staff=staff,
        reason=reason,
    )
    created_ids = iter(volunteer.id for volunteer in created)
    updates = [
        (row.volunteer_id, dict(row.fills))
        for row in planned
        if row.fills and row.volunteer_id is not None
    ]
    _apply_updates(session, updates, staff=staff, reason=reason)
    now = utcnow()
    new_registrations: list[Registration] = []
    filled_registrations = 0
    for row in planned:
        if row.action is RosterAction.ALREADY:
            if row.entry.programme_id is None or row.volunteer_id is None:
                continue
            existing = session.scalars(
                select(Registration).where(
                    Registration.activity_id == activity.id,
                    Registration.volunteer_id == row.volunteer_id,
                )
            ).one()
            if existing.programme_id is None:
                existing.programme_id = row.entry.programme_id
                filled_registrations += 1
            continue
        volunteer_id = next(created_ids) if row.action is RosterAction.CREATE else row.volunteer_id
        assert volunteer_id is not None
        new_registrations.append(
            Registration(
                activity_id=activity.id,
                volunteer_id=volunteer_id,
                programme_id=row.programme_id,
                source="import",
                created_at=now,
                updated_at=now,
            )
        )
    session.add_all(new_registrations)
    session.flush()
    result = RosterResult(
        registered=len(new_registrations),
        already=sum(1 for row in planned if row.action is RosterAction.ALREADY),
        created_volunteers=len(created),
        updated_volunteers=len(updates),
    )
    audit.record(
        session,
        staff=staff,
        action="activity.roster_import",
        entity="activity",
        entity_id=activity.id,
        after={
            "source": validation.source,
            "registered": result.registered,
            "already": result.already,
            "created_volunteers": [volunteer.code for volunteer in created],
            "updated_volunteers": result.updated_volunteers,
            "registrations_given_programme_id": filled_registrations,
        },
        reason=reason,
    )
    return result
