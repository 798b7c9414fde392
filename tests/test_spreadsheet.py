"""Human-facing CSV/XLSX exports: formula escaping, encodings, formats, atomic writes."""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from models import spreadsheet
from models.errors import DiskFull, UserError
from models.spreadsheet import (
    MONEY_FORMAT,
    CellValue,
    Column,
    ColumnKind,
    escape_cell,
    fen_to_yuan,
    write_csv,
    write_table,
    write_xlsx,
)

HEADERS = ["名称", "数量", "金额", "日期"]
DANGEROUS = ["=1+1", "@SUM(A1)", "-2+3", "+86 138", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠x"]


def sample_rows() -> list[list[CellValue]]:
    return [
        ["=1+1", -5, fen_to_yuan(12_345), date(2026, 3, 1)],
        ["@SUM(A1)", 3, fen_to_yuan(-50), None],
        ["-2+3", 0, Decimal("0.00"), date(2026, 4, 1)],
        ['中文，带逗号 "引号"\n第二行', 1_234_567, fen_to_yuan(100_000_000), None],
    ]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- escape_cell ------------------------------------------------------------------


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_text_gets_an_apostrophe(text: str) -> None:
    assert escape_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "plain", "1-2", "a=b", "中文", " =1", "'=1", "#N/A"])
def test_harmless_text_is_unchanged(text: str) -> None:
    assert escape_cell(text) == text


@pytest.mark.parametrize(
    "value", [-5, 0, 7, Decimal("-1.50"), Decimal("2.00"), None, date(2026, 1, 1), True]
)
def test_non_text_is_unchanged(value: CellValue) -> None:
    assert escape_cell(value) is value


def test_fen_to_yuan_is_exact() -> None:
    assert fen_to_yuan(12_345) == Decimal("123.45")
    assert str(fen_to_yuan(100)) == "1.00"
    assert str(fen_to_yuan(-5)) == "-0.05"
    assert str(fen_to_yuan(123_456_789_012_345)) == "1234567890123.45"


# --- CSV --------------------------------------------------------------------------


def test_csv_has_bom_crlf_and_survives_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, HEADERS, sample_rows())

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 5  # header + 4 rows (the embedded newline stays \n)
    assert b"\n\xe7\xac\xac" in data  # "\n第二行" inside the quoted cell

    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == HEADERS
    assert read[1] == ["'=1+1", "-5", "123.45", "2026-03-01"]
    assert read[2] == ["'@SUM(A1)", "3", "-0.50", ""]
    assert read[3] == ["'-2+3", "0", "0.00", "2026-04-01"]
    assert read[4] == ['中文，带逗号 "引号"\n第二行', "1234567", "1000000.00", ""]
    assert leftovers(tmp_path) == []


def test_csv_escapes_headers_too(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["=cmd"], [])
    assert path.read_bytes() == b"\xef\xbb\xbf'=cmd\r\n"


def test_csv_streams_a_generator(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    write_csv(path, ["n"], ([i] for i in range(10_000)))
    lines = path.read_bytes().split(b"\r\n")
    assert lines[1] == b"0" and lines[-2] == b"9999" and lines[-1] == b""


def test_csv_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old")
    write_csv(path, ["a"], [["新"]])
    assert path.read_bytes().decode("utf-8-sig") == "a\r\n新\r\n"


# --- XLSX -------------------------------------------------------------------------


def test_xlsx_cells_are_escaped_typed_and_formatted(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "入库统计", HEADERS, sample_rows(), number_formats={2: MONEY_FORMAT})

    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet.title == "入库统计"
    assert sheet.freeze_panes == "A2"
    header = sheet[1]
    assert [c.value for c in header] == HEADERS
    assert all(c.font.b for c in header)

    texts = [sheet.cell(row=r, column=1) for r in (2, 3, 4)]
    assert [c.value for c in texts] == ["'=1+1", "'@SUM(A1)", "'-2+3"]
    assert {c.data_type for c in texts} == {"s"}

    minus_five = sheet["B2"]
    assert minus_five.value == -5 and minus_five.data_type == "n"

    money = [sheet.cell(row=r, column=3) for r in (2, 3, 4, 5)]
    assert all(c.data_type == "n" for c in money)
    assert all("¥" in c.number_format for c in money)
    assert [Decimal(str(c.value)).quantize(Decimal("0.01")) for c in money] == [
        Decimal("123.45"),
        Decimal("-0.50"),
        Decimal("0.00"),
        Decimal("1000000.00"),
    ]
    assert sheet["D2"].is_date and sheet["D2"].value.date() == date(2026, 3, 1)
    assert sheet["A5"].value == '中文，带逗号 "引号"\n第二行'
    assert leftovers(tmp_path) == []


def test_xlsx_never_writes_formulas_or_error_codes(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "s", ["=head"], [["#N/A"], ["=A1"], ["ok\x0bay\x00"]])
    sheet = openpyxl.load_workbook(path).active
    assert [(c.value, c.data_type) for (c,) in sheet.iter_rows()] == [
        ("'=head", "s"),
        ("#N/A", "s"),
        ("'=A1", "s"),
        ("okay", "s"),  # control characters XML cannot carry are dropped
    ]


def test_xlsx_mixed_column_keeps_each_values_type(tmp_path: Path) -> None:
    path = tmp_path / "mixed.xlsx"
    values: list[CellValue] = [
        date(2026, 1, 1),
        5,
        datetime(2026, 1, 1, 8, 30),
        "#N/A",
        None,
        "x",
        Decimal("1.50"),
    ]
    write_xlsx(path, "s", ["a", "b"], [[v, v] for v in values], number_formats={1: MONEY_FORMAT})
    sheet = openpyxl.load_workbook(path).active
    plain = [(c.value, c.data_type, c.number_format) for (c, _m) in sheet.iter_rows(min_row=2)]
    assert plain == [
        (datetime(2026, 1, 1), "d", "yyyy-mm-dd"),
        (5, "n", "General"),
        (datetime(2026, 1, 1, 8, 30), "d", "yyyy-mm-dd h:mm:ss"),
        ("#N/A", "s", "General"),
        (None, "n", "General"),
        ("x", "s", "General"),
        (1.5, "n", "General"),
    ]
    money = [c for (_p, c) in sheet.iter_rows(min_row=2)]
    assert money[1].number_format == MONEY_FORMAT and money[1].value == 5
    assert money[6].number_format == MONEY_FORMAT


def test_xlsx_streams_rows_past_the_width_sample(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    write_xlsx(path, "s", ["n", "text"], ([i, f"第{i}行"] for i in range(1, 1001)))
    workbook = openpyxl.load_workbook(path, read_only=True)
    rows = list(workbook.active.iter_rows(min_row=2, values_only=True))
    workbook.close()
    assert rows == [(i, f"第{i}行") for i in range(1, 1001)]


def test_xlsx_column_widths_count_cjk_double(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "s", ["abcdefghij", "一二三四五六七八九十", "x"], [["a", "b", "y" * 500]])
    dims = openpyxl.load_workbook(path).active.column_dimensions
    assert dims["B"].width > dims["A"].width >= 10
    assert dims["C"].width <= 60


def test_xlsx_sheet_title_is_made_valid(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "a/b:c*d?[e]" + "长" * 40, ["h"], [])
    title = openpyxl.load_workbook(path).active.title
    assert len(title) <= 31 and not set(title) & set("/:*?[]\\")


def test_xlsx_refuses_more_rows_than_excel_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.worksheet import _writer

    monkeypatch.setattr(spreadsheet, "XLSX_MAX_ROWS", 3)
    before = list(_writer.ALL_TEMP_FILES)
    with pytest.raises(UserError, match="Too many rows"):
        write_xlsx(tmp_path / "big.xlsx", "s", ["n"], ([i] for i in range(10)))
    assert list(tmp_path.iterdir()) == []
    # openpyxl's own streaming buffer is removed too.
    assert [p for p in _writer.ALL_TEMP_FILES if p not in before and Path(p).exists()] == []


# --- write_table ------------------------------------------------------------------


COLUMNS = [
    Column("名称"),
    Column("件数", ColumnKind.INT),
    Column("金额", ColumnKind.MONEY_FEN),
    Column("日期", ColumnKind.DATE),
]
TABLE_ROWS: list[list[CellValue]] = [["=x", -5, 12_345, date(2026, 3, 1)], ["b", 2, -1, None]]


def test_write_table_csv_writes_money_as_yuan(tmp_path: Path) -> None:
    path = tmp_path / "t.CSV"
    write_table(path, COLUMNS, TABLE_ROWS)
    text = path.read_bytes().decode("utf-8-sig")
    assert text == "名称,件数,金额,日期\r\n'=x,-5,123.45,2026-03-01\r\nb,2,-0.01,\r\n"


def test_write_table_xlsx_formats_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_table(path, COLUMNS, TABLE_ROWS, sheet_title="表")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "表"
    assert sheet["A2"].value == "'=x"
    assert (sheet["B2"].value, sheet["B2"].data_type) == (-5, "n")
    assert sheet["C2"].data_type == "n" and sheet["C2"].number_format == MONEY_FORMAT
    assert Decimal(str(sheet["C2"].value)) == Decimal("123.45")
    assert Decimal(str(sheet["C3"].value)) == Decimal("-0.01")
    assert sheet["D2"].number_format == "yyyy-mm-dd"


def test_write_table_rejects_other_suffixes(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.csv or \.xlsx"):
        write_table(tmp_path / "t.xls", COLUMNS, TABLE_ROWS)
    assert list(tmp_path.iterdir()) == []


# --- failures leave nothing behind ------------------------------------------------


WRITERS = {
    "csv": lambda path: write_csv(path, ["a"], [["b"]]),
    "xlsx": lambda path: write_xlsx(path, "s", ["a"], [["b"]]),
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_missing_folder_is_a_user_error(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "missing" / f"out.{kind}"
    with pytest.raises(UserError, match="does not exist"):
        WRITERS[kind](target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_folder_at_the_path_is_a_user_error(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"out.{kind}"
    target.mkdir()
    with pytest.raises(UserError, match="is a folder"):
        WRITERS[kind](target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_disk_full_raises_disk_full_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = tmp_path / f"out.{kind}"
    target.write_bytes(b"previous export")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(DiskFull) as caught:
        WRITERS[kind](target)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == []


def test_an_error_while_streaming_rows_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"previous export")

    def rows() -> Iterator[list[CellValue]]:
        yield ["first"]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_csv(target, ["a"], rows())
    assert target.read_bytes() == b"previous export"
    assert leftovers(tmp_path) == []


def test_permission_error_names_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "locked.csv"

    def locked(self: Path, other: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "replace", locked)
    with pytest.raises(UserError, match="Excel or WPS"):
        write_csv(target, ["a"], [["b"]])
    assert list(tmp_path.iterdir()) == []


def test_user_error_renders_with_the_path(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "x.csv"
    with pytest.raises(UserError) as caught:
        write_csv(target, ["a"], [])
    assert caught.value.render() == f"The folder for {target} does not exist."
    assert "{path}" in caught.value.template
