"""Sign-up lists and activity rosters from CSV/XLSX: header mapping, per-row checks,
matching against the registry, and imports that write everything or nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from models.db import Database
from models.errors import UserError
from models.scan_meaning import Meaning, explain
from models.schema import Activity, AuditEntry, Registration, Volunteer
from models.schema.enums import ActivityState
from models.volunteer_import import (
    ROSTER_FIELDS,
    RosterAction,
    RowError,
    SignupAction,
    SignupValidation,
    Table,
    import_roster,
    import_signups,
    read_table,
    suggest_mapping,
    unknown_columns,
    validate_roster,
    validate_signups,
)
from models.volunteers import VolunteerData, add_volunteer, deactivate, get_volunteer, search

STAFF = "王老师"
CONSENT = "报名表已勾选同意"

HEADERS = ("序号", "姓名", "手机号码", "所在企业", "工号", "志愿者编号", "特长", "备注", "身份证号")
ROWS = (
    ("1", "张三", "138 0013 8000", "星辰科技有限公司", "E1001", "P2026001", "搬运", "", "x"),
    ("2", "李四", "+86 139-0013-9000", "云栖数据", "", "p2026002", "摄影、英语", "周末", ""),
    ("3", "欧阳娜娜", "", "", "", "", "", "", ""),
)


def write_csv(
    path: Path, headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], enc: str
) -> Path:
    lines = [",".join(headers), *(",".join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(enc))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def table(rows: tuple[tuple[str, ...], ...], headers: tuple[str, ...] = HEADERS) -> Table:
    return Table("报名表.csv", headers, list(rows), list(range(2, len(rows) + 2)))


def totals(database: Database) -> tuple[int, int, int]:
    with database.reading() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Volunteer)) or 0),
            int(session.scalar(select(func.count()).select_from(Registration)) or 0),
            int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0),
        )


def check_signups(database: Database, data: Table) -> SignupValidation:
    with database.reading() as session:
        return validate_signups(session, data, suggest_mapping(data.headers))


def problems(errors: tuple[RowError, ...]) -> list[tuple[int, str | None, str]]:
    return [(error.row_number, error.column, error.render()) for error in errors]


def person(name: str, phone: str | None = None, programme_id: str | None = None) -> VolunteerData:
    return VolunteerData(
        name=name, phone=phone, programme_id=programme_id, consent=True, consent_note="纸质"
    )


# ----------------------------------------------------------------------------- mapping


def test_chinese_headers_are_recognised_and_the_rest_reported() -> None:
    mapping = suggest_mapping(HEADERS)
    assert mapping == {
        "name": "姓名",
        "phone": "手机号码",
        "employer": "所在企业",
        "employee_no": "工号",
        "programme_id": "志愿者编号",
        "skills": "特长",
        "notes": "备注",
    }
    assert unknown_columns(HEADERS, mapping) == ("序号", "身份证号")
    loose = (
        "志愿者姓名",
        "联系电话（必填）",
        "工作单位",
        "员工编号",
        "报名编号",
        "技能",
        "其他说明",
    )
    assert suggest_mapping(loose) == {
        "name": "志愿者姓名",
        "phone": "联系电话（必填）",
        "employer": "工作单位",
        "employee_no": "员工编号",
        "programme_id": "报名编号",
        "skills": "技能",
        "notes": "其他说明",
    }
    assert suggest_mapping(("电话", "公司", "项目编号", "姓名")) == {
        "name": "姓名",
        "phone": "电话",
        "employer": "公司",
        "programme_id": "项目编号",
    }


def test_english_headers_are_recognised() -> None:
    headers = ("Name", "Mobile", "Company", "Employee ID", "Volunteer ID", "Skills", "Remarks")
    assert suggest_mapping(headers) == {
        "name": "Name",
        "phone": "Mobile",
        "employer": "Company",
        "employee_no": "Employee ID",
        "programme_id": "Volunteer ID",
        "skills": "Skills",
        "notes": "Remarks",
    }
    assert suggest_mapping(("Full Name", "Tel", "Volunteer ID"), ROSTER_FIELDS) == {
        "name": "Full Name",
        "phone": "Tel",
        "programme_id": "Volunteer ID",
    }


def test_a_mapping_must_name_real_columns(org_database: Database) -> None:
    data = table(ROWS)
    with org_database.reading() as session:
        with pytest.raises(UserError, match="name"):
            validate_signups(session, data, {"phone": "手机号码"})
        with pytest.raises(UserError, match="no column"):
            validate_signups(session, data, {"name": "名字"})
        with pytest.raises(UserError, match="two different"):
            validate_signups(session, data, {"name": "姓名", "phone": "姓名"})
        with pytest.raises(ValueError, match="unknown field"):
            validate_signups(session, data, {"name": "姓名", "id_card": "身份证号"})


# ----------------------------------------------------------------------------- sign-ups


def test_read_check_and_import_a_gbk_csv(org_database: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "报名.csv", HEADERS, ROWS, "gbk")
    data = read_table(path)
    assert data.headers == HEADERS
    validation = check_signups(org_database, data)
    assert validation.ok and validation.error_count == 0
    assert validation.ignored_columns == ("序号", "身份证号")
    assert [row.action for row in validation.rows] == [SignupAction.NEW] * 3
    assert validation.new_count == 3
    assert validation.rows[1].entry.phone == "13900139000"
    assert validation.rows[1].entry.programme_id == "P2026002"

    with org_database.transaction() as session:
        counts = import_signups(session, validation, staff=STAFF, consent_note=CONSENT)
    assert (counts.new, counts.updated, counts.unchanged) == (3, 0, 0)
    assert counts.new_codes == ("V000001", "V000002", "V000003")
    with org_database.reading() as session:
        [zhang] = search(session, "zs")
        assert (zhang.code, zhang.phone, zhang.employer, zhang.employee_no) == (
            "V000001",
            "13800138000",
            "星辰科技有限公司",
            "E1001",
        )
        assert (zhang.programme_id, zhang.skills, zhang.notes) == ("P2026001", "搬运", None)
        assert zhang.consent_at is not None and zhang.consent_note == CONSENT
        [ouyang] = search(session, "oynn")
        assert ouyang.name == "欧阳娜娜" and ouyang.phone is None
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.at)).all()
        assert actions.count("volunteer.add") == 3
        summary = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "volunteer.import")
        ).one()
        assert summary.after == {"source": "报名.csv", "new": 3, "updated": 0, "unchanged": 0}


def test_an_xlsx_with_chinese_headers(org_database: Database, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "志愿者报名.xlsx",
        [
            ["姓名", "手机", "单位", "项目编号"],
            ["王小明", 13800138000, "复旦大学", "P1"],
            ["Anna Lee", "021-62345678", None, None],
        ],
    )
    data = read_table(path)
    validation = check_signups(org_database, data)
    assert validation.ok, problems(validation.errors)
    with org_database.transaction() as session:
        counts = import_signups(session, validation, staff=STAFF, consent_note=CONSENT)
    assert counts.new == 2
    with org_database.reading() as session:
        [wang] = search(session, "13800138000")
        assert (wang.name, wang.initials, wang.employer, wang.programme_id) == (
            "王小明",
            "WXM",
            "复旦大学",
            "P1",
        )
        [anna] = search(session, "al")
        assert anna.phone == "021-62345678"


def test_every_bad_row_is_reported_and_nothing_written(org_database: Database) -> None:
    rows = (
        ("1", "", "13800138000", "", "", "", "", "", ""),
        ("2", "李四", "1380013800", "", "", "", "", "", ""),
        ("3", "王五", "13900139000", "", "", "P1", "", "", ""),
        ("4", "赵六", "+86 139 0013 9000", "", "", "p1", "", "", ""),
        ("5", "孙七", "电话", "", "", "", "", "", ""),
        ("6", "周八", "13700137000", "", "", "", "", "", ""),
    )
    validation = check_signups(org_database, table(rows))
    assert not validation.ok
    assert problems(validation.errors) == [
        (2, "姓名", "The name is empty."),
        (
            3,
            "手机号码",
            "“1380013800” is not a mobile number: it should be 11 digits starting with 13–19.",
        ),
        (5, "手机号码", "The phone number 13900139000 is also on row 4."),
        (5, "志愿者编号", "The programme volunteer id P1 is also on row 4."),
        (
            6,
            "手机号码",
            "“电话” is not a phone number: enter an 11-digit mobile number or a landline "
            "such as 021-62345678.",
        ),
    ]
    assert validation.error_count == 5
    assert [row.row_number for row in validation.rows] == [4, 7]
    before = totals(org_database)
    with org_database.transaction() as session, pytest.raises(UserError, match="5 problems"):
        import_signups(session, validation, staff=STAFF, consent_note=CONSENT)
    assert totals(org_database) == before

    empty = check_signups(org_database, table(()))
    assert problems(empty.errors) == [(0, None, "The file has no rows of volunteers.")]
    with org_database.transaction() as session, pytest.raises(UserError):
        import_signups(session, empty, staff=STAFF, consent_note=CONSENT)


def test_rows_are_matched_with_the_registry(org_database: Database) -> None:
    with org_database.transaction() as session:
        zhang = add_volunteer(session, person("张三", "13800138000"), staff=STAFF)
        li = add_volunteer(session, person("李四", programme_id="P2026002"), staff=STAFF)
        add_volunteer(session, person("王五", "13600136000", "P9"), staff=STAFF)
        add_volunteer(session, person("钱多多", "13500135000"), staff=STAFF)
        add_volunteer(session, person("孙七", "13400134000"), staff=STAFF)
    rows = (
        # By phone: new employer, employee no, programme id and skills.
        ("1", "张三", "13800138000", "星辰科技", "E1", "P2026001", "搬运", "", ""),
        # By programme id: gets the phone number; same name with a space.
        ("2", "李 四", "13900139000", "", "", "P2026002", "", "", ""),
        # Nothing new for 王五.
        ("3", "王五", "13600136000", "", "", "", "", "", ""),
        # The phone belongs to someone else by name.
        ("4", "钱多", "13500135000", "", "", "", "", "", ""),
        # Phone of one record, programme id of another.
        ("5", "孙七", "13400134000", "", "", "P9", "", "", ""),
        ("6", "新人", "13300133000", "", "", "", "", "", ""),
    )
    validation = check_signups(org_database, table(rows))
    assert problems(validation.errors) == [
        (
            5,
            "姓名",
            "The phone number 13500135000 belongs to 钱多多 (V000004) in the registry, not to "
            "钱多: correct the row, or the registry first.",
        ),
        (
            6,
            "手机号码",
            "The phone number 13400134000 belongs to 孙七 (V000005) but the programme "
            "volunteer id P9 to 王五 (V000003): correct the row, or merge the two "
            "records first.",
        ),
    ]
    planned = {row.row_number: row for row in validation.rows}
    assert planned[2].action is SignupAction.UPDATE and planned[2].volunteer_id == zhang
    assert planned[2].matched_by == "phone"
    assert planned[2].changes == (
        ("employer", None, "星辰科技"),
        ("employee_no", None, "E1"),
        ("programme_id", None, "P2026001"),
        ("skills", None, "搬运"),
    )
    assert planned[3].action is SignupAction.UPDATE and planned[3].volunteer_id == li
    assert (planned[3].matched_by, planned[3].changes) == (
        "programme_id",
        (("phone", None, "13900139000"),),
    )
    assert planned[4].action is SignupAction.UNCHANGED
    assert planned[7].action is SignupAction.NEW

    good = check_signups(org_database, table(tuple(r for r in rows if r[0] not in "45")))
    assert good.ok
    assert (good.new_count, good.update_count, good.unchanged_count) == (1, 2, 1)
    with org_database.transaction() as session:
        counts = import_signups(session, good, staff=STAFF, consent_note=CONSENT)
    assert (counts.new, counts.updated, counts.unchanged) == (1, 2, 1)
    with org_database.reading() as session:
        updated = get_volunteer(session, zhang)
        assert (updated.employer, updated.programme_id, updated.skills) == (
            "星辰科技",
            "P2026001",
            "搬运",
        )
        assert get_volunteer(session, li).phone == "13900139000"
        entries = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "volunteer.update", AuditEntry.entity_id == str(li)
            )
        ).all()
        assert [(e.before, e.after, e.reason) for e in entries] == [
            ({"phone": None}, {"phone": "13900139000"}, "import: 报名表.csv")
        ]
    # The same file again: everything is there already.
    again = check_signups(org_database, table(tuple(r for r in rows if r[0] not in "45")))
    assert (again.new_count, again.update_count, again.unchanged_count) == (0, 0, 4)


def test_two_rows_for_one_volunteer_are_an_error(org_database: Database) -> None:
    with org_database.transaction() as session:
        add_volunteer(session, person("张三", "13800138000", "P1"), staff=STAFF)
    rows = (
        ("1", "张三", "13800138000", "", "", "", "", "", ""),
        ("2", "张三", "", "", "", "P1", "", "", ""),
    )
    validation = check_signups(org_database, table(rows))
    assert problems(validation.errors) == [
        (3, None, "Row 2 is for the same volunteer (张三 (V000001)).")
    ]


def test_the_registry_is_checked_again_on_import(org_database: Database) -> None:
    validation = check_signups(org_database, table(ROWS))
    assert validation.ok
    with org_database.transaction() as session:
        add_volunteer(session, person("张三", "13800138000"), staff=STAFF)
    before = totals(org_database)
    with org_database.transaction() as session, pytest.raises(UserError, match="changed since"):
        import_signups(session, validation, staff=STAFF, consent_note=CONSENT)
    assert totals(org_database) == before
    with org_database.transaction() as session, pytest.raises(UserError, match="consent"):
        import_signups(session, validation, staff=STAFF, consent_note="  ")
    with org_database.transaction() as session, pytest.raises(UserError, match="staff"):
        import_signups(session, validation, staff="", consent_note=CONSENT)
    assert totals(org_database) == before


# ----------------------------------------------------------------------------- rosters

ROSTER_HEADERS = ("姓名", "手机号", "志愿者编号", "所在企业")


def make_activity(
    database: Database, state: ActivityState = ActivityState.OPEN, capacity: int | None = None
) -> uuid.UUID:
    start = datetime(2026, 3, 7, 1, 0, tzinfo=UTC)
    with database.transaction() as session:
        activity = Activity(
            title="周六门店分拣",
            starts_at=start,
            ends_at=start + timedelta(hours=4),
            state=state,
            capacity=capacity,
        )
        session.add(activity)
        session.flush()
        return activity.id


def roster(rows: tuple[tuple[str, ...], ...]) -> Table:
    return table(rows, ROSTER_HEADERS)


@pytest.mark.parametrize(
    ("state", "fragment"),
    [(ActivityState.CLOSED, "is closed"), (ActivityState.EXPORTED, "exported")],
)
def test_a_roster_for_a_closed_activity_is_refused(
    org_database: Database, state: ActivityState, fragment: str
) -> None:
    activity_id = make_activity(org_database, state)
    data = roster((("张三", "13800138000", "P1", ""),))
    with org_database.reading() as session, pytest.raises(UserError) as caught:
        validate_roster(session, activity_id, data, suggest_mapping(data.headers, ROSTER_FIELDS))
    assert fragment in caught.value.template
    assert caught.value.params == {"activity": "周六门店分拣"}


def test_a_roster_registers_existing_and_new_volunteers(org_database: Database) -> None:
    activity_id = make_activity(org_database, capacity=4)
    with org_database.transaction() as session:
        zhang = add_volunteer(session, person("张三", "13800138000"), staff=STAFF)
        li = add_volunteer(session, person("李四", programme_id="P2026002"), staff=STAFF)
        wang = add_volunteer(session, person("王五", "13600136000"), staff=STAFF)
        session.add(Registration(activity_id=activity_id, volunteer_id=wang, source="manual"))
    data = roster(
        (
            ("张三", "13800138000", "P2026001", "星辰科技"),
            ("李四", "", "P2026002", ""),
            ("王五", "13600136000", "P2026003", ""),
            ("欧阳娜娜", "13300133000", "P2026004", "云栖数据"),
            ("Anna Lee", "", "P2026005", ""),
        )
    )
    mapping = suggest_mapping(data.headers, ROSTER_FIELDS)
    with org_database.reading() as session:
        validation = validate_roster(session, activity_id, data, mapping)
    assert validation.ok, problems(validation.errors)
    assert [row.action for row in validation.rows] == [
        RosterAction.REGISTER,
        RosterAction.REGISTER,
        RosterAction.ALREADY,
        RosterAction.CREATE,
        RosterAction.CREATE,
    ]
    assert validation.rows[0].fills == (("programme_id", "P2026001"), ("employer", "星辰科技"))
    assert (validation.to_register, validation.to_create, validation.already) == (4, 2, 1)
    assert validation.registered_before == 1
    assert validation.over_capacity == 1  # a warning, not a refusal

    with org_database.transaction() as session:
        result = import_roster(session, validation, staff=STAFF)
    assert (result.registered, result.already, result.created_volunteers) == (4, 1, 2)
    assert result.updated_volunteers == 2  # 张三 and 王五 got their programme ids
    with org_database.reading() as session:
        registered = dict(
            session.execute(
                select(Registration.volunteer_id, Registration.programme_id).where(
                    Registration.activity_id == activity_id
                )
            ).all()
        )
        assert registered[zhang] == "P2026001"
        assert registered[li] == "P2026002"
        assert registered[wang] == "P2026003"  # the manual registration got its id
        assert len(registered) == 5
        [ouyang] = search(session, "欧阳")
        assert (ouyang.code, ouyang.phone, ouyang.programme_id, ouyang.employer) == (
            "V000004",
            "13300133000",
            "P2026004",
            "云栖数据",
        )
        assert ouyang.consent_at is None  # staff record it when they meet
        assert get_volunteer(session, zhang).programme_id == "P2026001"
        # The kiosk accepts a registrant's programme id for this activity.
        scanned = explain(session, "p2026005", activity_id=activity_id)
        assert scanned.meaning is Meaning.ROSTER_ID
        assert scanned.volunteer_name == "Anna Lee"
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "activity.roster_import")
        ).one()
        assert entry.entity_id == str(activity_id)
        assert entry.after is not None
        assert entry.after["created_volunteers"] == ["V000004", "V000005"]

    # The same roster again: everyone is there already.
    with org_database.reading() as session:
        again = validate_roster(session, activity_id, data, mapping)
    assert [row.action for row in again.rows] == [RosterAction.ALREADY] * 5


def test_bad_roster_rows_are_reported_and_nothing_written(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        zhao = add_volunteer(session, person("赵六", "13700137000"), staff=STAFF)
        deactivate(session, zhao, staff=STAFF, reason="搬家")
    data = roster(
        (
            ("张三", "", "", "星辰科技"),
            ("赵六", "13700137000", "", ""),
            ("李四", "1380013800", "P1", ""),
            ("王五", "13600136000", "P2", ""),
            ("王五", "13600136000", "P3", ""),
        )
    )
    mapping = suggest_mapping(data.headers, ROSTER_FIELDS)
    with org_database.reading() as session:
        validation = validate_roster(session, activity_id, data, mapping)
    assert [(e.row_number, e.column) for e in validation.errors] == [
        (2, None),
        (3, None),
        (4, "手机号"),
        (6, "手机号"),
    ]
    assert "neither a phone number" in validation.errors[0].message
    assert validation.errors[1].params == {"volunteer": "赵六 (V000001)"}
    before = totals(org_database)
    with org_database.transaction() as session, pytest.raises(UserError, match="4 problems"):
        import_roster(session, validation, staff=STAFF)
    assert totals(org_database) == before

    with org_database.reading() as session, pytest.raises(UserError, match="phone number or"):
        validate_roster(session, activity_id, data, {"name": "姓名", "employer": "所在企业"})


def test_a_roster_is_refused_if_the_activity_closes_meanwhile(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    data = roster((("张三", "13800138000", "P1", ""),))
    with org_database.reading() as session:
        validation = validate_roster(
            session, activity_id, data, suggest_mapping(data.headers, ROSTER_FIELDS)
        )
    assert validation.ok
    with org_database.transaction() as session:
        session.get_one(Activity, activity_id).state = ActivityState.CLOSED
    before = totals(org_database)
    with org_database.transaction() as session, pytest.raises(UserError, match="is closed"):
        import_roster(session, validation, staff=STAFF)
    assert totals(org_database) == before


def test_a_programme_id_already_on_the_roster_for_someone_else(org_database: Database) -> None:
    activity_id = make_activity(org_database)
    with org_database.transaction() as session:
        zhang = add_volunteer(session, person("张三", "13800138000"), staff=STAFF)
        session.add(Registration(activity_id=activity_id, volunteer_id=zhang, programme_id="P1"))
    data = roster((("李四", "13900139000", "P1", ""),))
    with org_database.reading() as session:
        validation = validate_roster(
            session, activity_id, data, suggest_mapping(data.headers, ROSTER_FIELDS)
        )
    assert problems(validation.errors) == [
        (
            2,
            "志愿者编号",
            "The programme volunteer id P1 is already on this activity's roster, for "
            "张三 (V000001).",
        )
    ]
