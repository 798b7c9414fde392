"""Bulk import of a corporate donation list: reading CSV/XLSX, mapping, checking, writing."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from models import donation_import, intake, items
from models.categories import leaf_categories
from models.db import Database
from models.donation_import import ImportDefaults, Table
from models.errors import Cancelled, UserError
from models.items import ItemQuery
from models.schema import (
    CodeSequence,
    DonationBatch,
    Item,
    ItemCategory,
    ItemEvent,
    Store,
)
from models.schema.enums import Grade, IntakeChannel, ItemEventKind, ItemStatus

HEADERS = ("序号", "物品名称", "类别", "成色", "数量（件）", "单价(元)", "备注")
ROWS = (
    ("1", "全新儿童羽绒服 130cm", "童装", "A", "20", "89", "仓库A"),
    ("2", "儿童绘本 10本装", "图书音像/儿童图书", "b", "5件", "￥25.50", ""),
    ("3", "保温杯", "厨具餐具", "不可售", "1", "0", ""),
)
WRITTEN = (DonationBatch, Item, ItemEvent, CodeSequence)


def today() -> date:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def write_csv(path: Path, rows: tuple[tuple[str, ...], ...], encoding: str, sep: str = ",") -> Path:
    lines = [sep.join(HEADERS), *(sep.join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def defaults(database: Database, **changes: object) -> ImportDefaults:
    with database.reading() as session:
        store = session.scalars(select(Store.id).where(Store.code == "S01")).one()
    values: dict[str, object] = {"store_id": store, "received_on": today()}
    values.update(changes)
    return ImportDefaults(**values)  # type: ignore[arg-type]


def counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in WRITTEN
        }


def check(database: Database, table: Table, **changes: object) -> donation_import.Validation:
    mapping = donation_import.suggest_mapping(table.headers)
    with database.reading() as session:
        return donation_import.validate(session, table, mapping, defaults(database, **changes))


# --- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_the_encodings_excel_writes(tmp_path: Path, encoding: str) -> None:
    sep = "\t" if encoding == "utf-16" else ","
    table = donation_import.read_table(write_csv(tmp_path / "清单.csv", ROWS, encoding, sep))
    assert table.headers == HEADERS
    assert table.rows == list(ROWS)
    assert table.row_numbers == [2, 3, 4]
    assert table.source == "清单.csv"


def test_csv_with_blank_lines_quotes_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('\n品名;数量\n\n"羊毛衫; 灰色";3\n;\n毛衣\n', encoding="utf-8")
    table = donation_import.read_table(path)
    assert table.headers == ("品名", "数量")
    assert table.rows == [("羊毛衫; 灰色", "3"), ("毛衣", "")]
    assert table.row_numbers == [4, 6]


def test_xlsx_cells_become_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "捐赠清单.xlsx",
        [
            ["品名", "类别", "数量", "单价", None],
            [None],
            ["毛衣", "上衣", 3, 12.5, None],
            ["围巾", "帽子围巾", 2.0, 0.1 + 0.2, None],
            [" 书包 ", "文具", None, 30, datetime(2026, 5, 1)],
        ],
    )
    table = donation_import.read_table(path)
    assert table.headers == ("品名", "类别", "数量", "单价")
    assert table.rows == [
        ("毛衣", "上衣", "3", "12.5"),
        ("围巾", "帽子围巾", "2", "0.3"),
        ("书包", "文具", "", "30"),
    ]
    assert table.row_numbers == [3, 4, 5]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "清单.xlsx",
            b"this is not a zip file",
            "“清单.xlsx” is not a readable Excel workbook (.xlsx): it may be damaged or in "
            "another format. Open it in Excel or WPS and save it again as .xlsx or CSV.",
        ),
        (
            "清单.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "“清单.xls” is an old Excel file (.xls). Open it in Excel or WPS and save it as "
            ".xlsx or CSV.",
        ),
        (
            "清单.csv",
            b"\xff\xfe\xfd" + bytes(range(256)) * 4,
            "“清单.csv” is not a text file in an encoding Partner Desk can read (UTF-8 or GBK). "
            "Save it from Excel or WPS as “CSV UTF-8” or as .xlsx.",
        ),
        ("清单.csv", b"\r\n  \r\n", "“清单.csv” is empty."),
    ],
)
def test_unreadable_files_say_what_to_do(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        donation_import.read_table(path)
    assert str(caught.value) == message


def test_a_truncated_workbook_is_damaged(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx", [["品名"], ["毛衣"]]).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UserError, match="is not a readable Excel workbook"):
        donation_import.read_table(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"“none\.csv” cannot be read"):
        donation_import.read_table(tmp_path / "none.csv")


# --- mapping ---------------------------------------------------------------------------


def test_chinese_headers_are_recognised() -> None:
    mapping = donation_import.suggest_mapping(HEADERS)
    assert mapping == {
        "description": "物品名称",
        "category": "类别",
        "grade": "成色",
        "quantity": "数量（件）",
        "unit_value": "单价(元)",
    }
    assert donation_import.unknown_columns(HEADERS, mapping) == ("序号", "备注")


def test_english_and_loose_headers_are_recognised() -> None:
    headers = ("No.", "Item Name", "CATEGORY", "Condition", "Qty", "Unit Price (CNY)", "Notes")
    assert donation_import.suggest_mapping(headers) == {
        "description": "Item Name",
        "category": "CATEGORY",
        "grade": "Condition",
        "quantity": "Qty",
        "unit_value": "Unit Price (CNY)",
    }
    assert donation_import.suggest_mapping(("捐赠物品名称", "物品类别*", "每件估值")) == {
        "description": "捐赠物品名称",
        "category": "物品类别*",
        "unit_value": "每件估值",
    }


# --- checking --------------------------------------------------------------------------


def test_good_rows_are_ready(org_database: Database) -> None:
    validation = check(org_database, Table("x.csv", HEADERS, list(ROWS), [2, 3, 4]))
    assert validation.ok and validation.errors == []
    assert [(r.description, r.grade, r.quantity, r.unit_value_fen) for r in validation.ok_rows] == [
        ("全新儿童羽绒服 130cm", Grade.A, 20, 89_00),
        ("儿童绘本 10本装", Grade.B, 5, 25_50),
        ("保温杯", Grade.UNSELLABLE, 1, 0),
    ]
    assert (validation.total_quantity, validation.total_value_fen) == (26, 20 * 89_00 + 5 * 25_50)
    assert validation.ignored_columns == ("序号", "备注")


def test_every_bad_row_is_reported_with_its_column(org_database: Database) -> None:
    with org_database.transaction() as session:
        # A second leaf called 玩具 makes the bare name ambiguous.
        parent = session.scalars(
            select(ItemCategory.id).where(
                ItemCategory.name == "其他", ItemCategory.parent_id.is_(None)
            )
        ).one()
        session.add(ItemCategory(name="玩具", parent_id=parent))
    rows = [
        ("1", "", "童装", "A", "1", "1"),
        ("2", "毛衣", "家具", "A", "1", "1"),
        ("3", "毛衣", "服装", "A", "1", "1"),
        ("4", "积木", "玩具", "A", "1", "1"),
        ("5", "毛衣", "上衣", "九成新", "1", "1"),
        ("6", "毛衣", "上衣", "A", "0", "1"),
        ("7", "毛衣", "上衣", "A", "2.5", "1"),
        ("8", "毛衣", "上衣", "A", "99999", "1"),
        ("9", "毛衣", "上衣", "A", "1", "-5"),
        ("10", "毛衣", "上衣", "A", "1", "两百"),
        ("11", "毛衣", "上衣", "A", "1", "2000000"),
        ("12", "毛衣", "", "", "1", "1"),
        ("13", "积木", "玩具文具 > 玩具", "C", "1", "1"),
        ("14", "长" * 301, "上衣", "A", "1", "1"),
    ]
    headers = ("序号", "品名", "类别", "成色", "数量", "单价")
    validation = check(org_database, Table("x.csv", headers, rows, list(range(2, 16))))
    assert not validation.ok
    got = [(e.row_number, e.column, e.render()) for e in validation.errors]
    assert got == [
        (2, "品名", "The description is empty."),
        (3, "类别", "Unknown category “家具”."),
        (4, "类别", "“服装” is a group of categories; choose one of its categories."),
        (
            5,
            "类别",
            "The category “玩具” exists in several groups; write it as “group › category”.",
        ),
        (6, "成色", "Unknown grade “九成新”: use A, B, C or X (不可售)."),
        (7, "数量", "The quantity must be at least 1, not 0."),
        (8, "数量", "The quantity “2.5” is not a whole number."),
        (9, "数量", "The quantity 99999 is more than 10,000: split the line or check it."),
        (10, "单价", "The value must not be negative (-5)."),
        (11, "单价", "The value “两百” is not an amount of money."),
        (12, "单价", "The value 2000000 is more than ¥1,000,000 for one item."),
        (13, "类别", "The category is empty."),
        (13, "成色", "The grade is empty: use A, B, C or X (不可售)."),
        (15, "品名", "The description is longer than 300 characters."),
    ]
    assert validation.error_count == len(got)
    assert [r.row_number for r in validation.ok_rows] == [14]
    assert validation.errors[1].params == {"value": "家具"}


def test_defaults_fill_missing_columns(org_database: Database) -> None:
    with org_database.reading() as session:
        kids = next(n.id for n in leaf_categories(session) if n.name == "童装")
    table = Table("x.csv", ("品名",), [("童装 T恤",), ("童装 短裤",)], [2, 3])
    validation = check(org_database, table, grade=Grade.A, category_id=kids)
    assert validation.ok
    assert {(r.category_id, r.grade, r.quantity, r.unit_value_fen) for r in validation.ok_rows} == {
        (kids, Grade.A, 1, 0)
    }


def test_problems_with_the_whole_import_raise(org_database: Database) -> None:
    table = Table("x.csv", ("品名", "类别"), [("毛衣", "上衣")], [2])
    with org_database.reading() as session:
        with pytest.raises(UserError, match="Choose the column that holds the description"):
            donation_import.validate(session, table, {"category": "类别"}, defaults(org_database))
        with pytest.raises(UserError, match="Choose the column that holds the category"):
            donation_import.validate(
                session, table, {"description": "品名"}, defaults(org_database)
            )
        with pytest.raises(UserError, match="is in the future"):
            donation_import.validate(
                session,
                table,
                {"description": "品名", "category": "类别"},
                defaults(org_database, received_on=today() + timedelta(days=2)),
            )
        with pytest.raises(UserError, match="Choose the store"):
            donation_import.validate(
                session,
                table,
                {"description": "品名", "category": "类别"},
                defaults(org_database, store_id=uuid.uuid4()),
            )


# --- writing ---------------------------------------------------------------------------


def big_table(count: int) -> Table:
    rows = [
        (
            str(n),
            f"全新{['儿童羽绒服', '保温杯', '绘本'][n % 3]} 第{n}件",
            ["童装", "厨具餐具", "儿童图书"][n % 3],
            "A",
            "2",
            "10.5",
            "",
        )
        for n in range(1, count + 1)
    ]
    return Table("企业捐赠清单.xlsx", HEADERS, rows, list(range(2, count + 2)))


def test_an_import_is_one_batch_of_items_with_their_events(org_database: Database) -> None:
    with org_database.transaction() as session:
        donor = intake.add_donor(session, name="星辰科技有限公司", staff="李静")
    validation = check(org_database, big_table(5_000), donor_id=donor)
    seen: list[tuple[int, int]] = []
    with org_database.transaction() as session:
        result = donation_import.import_rows(
            session,
            validation,
            defaults(org_database, donor_id=donor),
            staff="李静",
            progress=lambda done, total: seen.append((done, total)),
        )
    yy = today().year % 100
    assert (result.item_count, result.total_quantity, result.total_value_fen) == (
        5_000,
        10_000,
        10_000 * 10_50,
    )
    assert (result.first_code, result.last_code) == (f"S01-{yy:02d}-000001", f"S01-{yy:02d}-005000")
    assert result.receipt_no == f"R-S01-{today().year}-000001"
    assert seen[-1] == (5_000, 5_000) and len(seen) >= 1
    with org_database.reading() as session:
        batch = session.get(DonationBatch, result.batch_id)
        assert batch is not None
        assert (batch.donor_id, batch.channel, batch.import_source) == (
            donor,
            IntakeChannel.CORPORATE_DELIVERY,
            "企业捐赠清单.xlsx",
        )
        assert session.scalar(select(func.count()).select_from(Item)) == 5_000
        kinds = session.execute(select(ItemEvent.kind, func.count()).group_by(ItemEvent.kind)).all()
        assert [(k, n) for k, n in kinds] == [(ItemEventKind.RECEIVED, 5_000)]
        item = session.scalars(select(Item).where(Item.code == result.last_code)).one()
        assert (item.description, item.status, item.quantity, item.unit_value_fen) == (
            "全新绘本 第5000件",
            ItemStatus.RECEIVED,
            2,
            10_50,
        )
        detail = items.item_detail(session, result.first_code)
        assert detail is not None and detail.donor_name == "星辰科技有限公司"
        assert [h.kind for h in detail.history] == [ItemEventKind.RECEIVED]
        # Searchable at once, through the FTS index the triggers keep.
        assert items.count(session, ItemQuery(text="第4999件")) == 1
        assert items.count(session, ItemQuery(text="星辰科技 保温杯")) == 1_667
    # The next intake continues the codes.
    with org_database.transaction() as session:
        assert intake.allocate_item_codes(
            session, defaults(org_database).store_id, today().year, 1
        ) == [f"S01-{yy:02d}-005001"]


def test_rows_with_problems_block_the_whole_import(org_database: Database) -> None:
    rows = [*ROWS, ("4", "毛衣", "家具", "A", "1", "1", "")]
    validation = check(org_database, Table("x.csv", HEADERS, rows, [2, 3, 4, 5]))
    before = counts(org_database)
    with pytest.raises(UserError) as caught, org_database.transaction() as session:
        donation_import.import_rows(session, validation, defaults(org_database), staff="李静")
    assert str(caught.value) == "1 problems in the file: correct them and check the file again."
    assert counts(org_database) == before


def test_a_cancelled_import_leaves_nothing(org_database: Database) -> None:
    validation = check(org_database, big_table(12_000))
    before = counts(org_database)

    def cancel(done: int, total: int) -> None:
        if done >= 5_000:
            raise Cancelled

    with pytest.raises(Cancelled), org_database.transaction() as session:
        donation_import.import_rows(
            session, validation, defaults(org_database), staff="李静", progress=cancel
        )
    assert counts(org_database) == before
    with org_database.reading() as session:
        assert items.count(session, ItemQuery(text="保温杯")) == 0


def test_the_file_is_checked_again_when_categories_change(org_database: Database) -> None:
    validation = check(org_database, Table("x.csv", HEADERS, list(ROWS), [2, 3, 4]))
    with org_database.transaction() as session:
        kids = session.scalars(select(ItemCategory).where(ItemCategory.name == "童装")).one()
        kids.active = False
    with (
        pytest.raises(UserError, match="categories changed"),
        org_database.transaction() as session,
    ):
        donation_import.import_rows(session, validation, defaults(org_database), staff="李静")


def test_read_check_and_import_a_gbk_csv(org_database: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "捐赠.csv", ROWS, "gbk")
    table = donation_import.read_table(path)
    validation = check(org_database, table)
    with org_database.transaction() as session:
        result = donation_import.import_rows(
            session, validation, defaults(org_database), staff="李静"
        )
    assert result.item_count == 3
    with org_database.reading() as session:
        assert items.count(session, ItemQuery(text="羽绒服")) == 1
        assert items.count(session, ItemQuery(text="绘本", grades=(Grade.B,))) == 1
