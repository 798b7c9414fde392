"""Human-facing tabular exports: CSV and XLSX files that staff open in Excel or WPS.

Every export that a person (not a program) reads goes through this module, so
that all of them share the same safety and formatting rules:

* Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return, or their full-width forms) gets a
  leading apostrophe, following the OWASP guidance on CSV injection. Numbers
  stay numbers: ``-5`` is a number, not a formula.
* CSV is UTF-8 *with* a BOM (Excel and WPS in China otherwise guess GBK and
  garble Chinese), RFC 4180 quoting and CRLF line ends.
* XLSX is streamed (openpyxl write-only: memory stays flat however many rows),
  with a bold, frozen header row, column widths that count CJK characters as
  two, and money shown as ``¥#,##0.00`` while staying a number.
* Money is integer fen in the database; it is written as yuan ``Decimal`` values
  (never floats).
* Files are written atomically: a temporary file beside the destination, flushed
  and synced to disk, then renamed into place. A failure leaves nothing behind
  and raises ``UserError`` (``DiskFull`` when the disk is full).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

from models.backup import fsync_dir
from models.errors import N_, DiskFull, UserError

CellValue = str | int | Decimal | date | datetime | None
"""What a cell may hold. ``bool`` is an ``int``; floats are deliberately absent."""

MONEY_FORMAT = '"¥"#,##0.00'
"""Excel/WPS number format for yuan amounts (the ¥ sign quoted, so every
spreadsheet program shows it literally; negatives show as -¥1.00)."""
INT_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"

# Excel's limits.
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELL_CHARS = 32_767
_SHEET_TITLE_MAX = 31

# Leading characters that make Excel, WPS or LibreOffice treat a cell as a
# formula (OWASP), plus the full-width forms a Chinese input method produces.
FORMULA_TRIGGERS = frozenset("=+-@\t\r" + "\uff1d\uff0b\uff0d\uff20")

# XML 1.0 cannot carry these control characters; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_ILLEGAL = re.compile(r"[\[\]:*?/\\]")

# Column widths are estimated from the header and this many leading rows.
_WIDTH_SAMPLE_ROWS = 200
_MIN_WIDTH = 6
_MAX_WIDTH = 60


def escape_cell(value: CellValue) -> CellValue:
    """``value`` made safe to show in a spreadsheet.

    Text starting with a formula trigger gets a leading ``'`` so Excel/WPS show
    it as text; numbers, dates and empty cells are returned unchanged.
    """
    if isinstance(value, str) and value and value[0] in FORMULA_TRIGGERS:
        return "'" + value
    return value


def fen_to_yuan(fen: int) -> Decimal:
    """12345 fen → Decimal('123.45'), exactly (no floats)."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


class ColumnKind(StrEnum):
    TEXT = "text"
    INT = "int"
    MONEY_FEN = "money_fen"  # values are int fen; written as yuan with MONEY_FORMAT
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """One column of a table written by ``write_table``."""

    header: str
    kind: ColumnKind = ColumnKind.TEXT

    @property
    def number_format(self) -> str | None:
        return {
            ColumnKind.INT: INT_FORMAT,
            ColumnKind.MONEY_FEN: MONEY_FORMAT,
            ColumnKind.DATE: DATE_FORMAT,
        }.get(self.kind)

    def convert(self, value: CellValue) -> CellValue:
        if (
            self.kind is ColumnKind.MONEY_FEN
            and isinstance(value, int)
            and not isinstance(value, bool)
        ):
            return fen_to_yuan(value)
        return value


# -- atomic files --------------------------------------------------------------


def _write_failed(exc: OSError, path: Path) -> UserError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(
            N_("The disk is full: {path} was not written. Free some space and try again."),
            path=str(path),
        )
    if isinstance(exc, PermissionError):
        return UserError(
            N_(
                "{path} could not be written: it may be open in Excel or WPS, or the "
                "folder is read-only. Close the file and try again."
            ),
            path=str(path),
        )
    if isinstance(exc, IsADirectoryError):
        return UserError(N_("{path} is a folder, not a file name."), path=str(path))
    if isinstance(exc, FileNotFoundError):
        return UserError(N_("The folder for {path} does not exist."), path=str(path))
    return UserError(
        N_("{path} could not be written: {reason}"),
        path=str(path),
        reason=exc.strerror or str(exc),
    )


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file handle whose content replaces ``path`` only if the block succeeds.

    The data goes to a temporary file in the same folder, is flushed and synced
    to disk, then renamed over ``path``. On any failure the temporary file is
    removed and ``path`` is left as it was; ``OSError`` becomes ``UserError``.
    """
    path = Path(path)
    if path.is_dir():
        raise UserError(N_("{path} is a folder, not a file name."), path=str(path))
    temp = path.with_name(f".{path.name[:60]}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with temp.open("xb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except OSError as exc:
        raise _write_failed(exc, path) from exc
    finally:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
    fsync_dir(path.parent)


# -- CSV -------------------------------------------------------------------------


def _csv_text(value: CellValue) -> str:
    value = escape_cell(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> None:
    """Write a CSV file for people: UTF-8 with BOM, RFC 4180, CRLF, escaped cells.

    ``rows`` may be a generator: they are streamed, never held in memory.
    """
    with atomic_output(path) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
        try:
            writer = csv.writer(text, dialect="excel", lineterminator="\r\n")
            writer.writerow([_csv_text(h) for h in headers])
            for row in rows:
                writer.writerow([_csv_text(v) for v in row])
            text.flush()
        finally:
            # Hand the binary handle back to atomic_output (which syncs and closes it).
            text.detach()


# -- XLSX ------------------------------------------------------------------------


def _display_width(text: str) -> int:
    """Columns ``text`` needs: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _shown_text(value: CellValue, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        if number_format == MONEY_FORMAT:
            return f"¥{value:,.2f}"
        if number_format == INT_FORMAT:
            return f"{value:,}"
    if isinstance(value, str):
        # The widest line of a multi-line cell.
        return max(value.splitlines() or [""], key=_display_width)
    return _csv_text(value)


def _column_widths(
    headers: Sequence[str],
    sample: Sequence[Sequence[CellValue]],
    number_formats: dict[int, str],
) -> list[int]:
    widths = [_display_width(h) for h in headers]
    for row in sample:
        for index, value in enumerate(row):
            if index >= len(widths):
                widths.append(0)
            shown = _shown_text(value, number_formats.get(index))
            widths[index] = max(widths[index], _display_width(shown))
    return [min(max(w + 2, _MIN_WIDTH), _MAX_WIDTH) for w in widths]


def _sheet_title(title: str) -> str:
    cleaned = _SHEET_TITLE_ILLEGAL.sub("_", title).strip().strip("'")[:_SHEET_TITLE_MAX]
    return cleaned or "Sheet1"


def _xlsx_text(value: str) -> str:
    return _XML_ILLEGAL.sub("", value)[:XLSX_MAX_CELL_CHARS]


class _RowCells:
    """Streams rows as cells, reusing one cell per column and value type.

    openpyxl writes each appended row at once, so a cell object can be
    refilled for the next row; building fresh styled cells for every value
    would double the time a large export takes.
    """

    def __init__(self, sheet: Any, number_formats: dict[int, str]) -> None:
        self._sheet = sheet
        self._formats = number_formats
        self._cells: dict[tuple[int, type | None], Any] = {}

    def _cell(self, index: int, value: CellValue) -> Any:
        from openpyxl.cell import WriteOnlyCell

        # Dates get a date format of their own; keep them apart from other values.
        kind = type(value) if isinstance(value, date) else None
        cell = self._cells.get((index, kind))
        if cell is None:
            cell = WriteOnlyCell(self._sheet)
            number_format = self._formats.get(index)
            if number_format is not None:
                cell.number_format = number_format
            self._cells[(index, kind)] = cell
        return cell

    def row(self, values: Sequence[CellValue]) -> list[Any]:
        cells = []
        for index, value in enumerate(values):
            value = escape_cell(value)
            if isinstance(value, str):
                value = _xlsx_text(value)
            cell = self._cell(index, value)
            cell.value = value
            if isinstance(value, str):
                # Plain text, never an error code such as "#N/A" (nor a formula:
                # escape_cell already took care of those).
                cell.data_type = "s"
            cells.append(cell)
        return cells


def _header_cells(sheet: Any, headers: Sequence[str]) -> list[Any]:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)
    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(str(escape_cell(header))))
        cell.data_type = "s"
        cell.font = bold
        cells.append(cell)
    return cells


def write_xlsx(
    path: Path,
    sheet_title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[CellValue]],
    *,
    number_formats: dict[int, str] | None = None,
) -> None:
    """Write a one-sheet XLSX workbook, streamed row by row.

    ``number_formats`` maps a 0-based column index to an Excel number format
    (``MONEY_FORMAT`` for yuan ``Decimal`` values, ``INT_FORMAT``, ``DATE_FORMAT``).
    Datetimes must be naive local times (Excel has no time zones).
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    formats = dict(number_formats or {})
    iterator = iter(rows)
    # Widths must be set before the first row is streamed: estimate them from
    # the first rows, then write those and the rest.
    sample = list(islice(iterator, _WIDTH_SAMPLE_ROWS))
    widths = _column_widths(headers, sample, formats)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(sheet_title))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"

    cells = _RowCells(sheet, formats)
    try:
        sheet.append(_header_cells(sheet, headers))
        written = 1
        for row in chain(sample, iterator):
            written += 1
            if written > XLSX_MAX_ROWS:
                raise UserError(
                    N_(
                        "Too many rows for one Excel sheet (at most {limit}). "
                        "Export to CSV instead, or choose a shorter period."
                    ),
                    limit=f"{XLSX_MAX_ROWS:,}",
                )
            sheet.append(cells.row(row))
        with atomic_output(path) as handle:
            workbook.save(handle)
    except OSError as exc:
        # The sheet streams through a temporary file of openpyxl's own.
        raise _write_failed(exc, path) from exc
    finally:
        _discard_sheet_buffer(sheet)


def _discard_sheet_buffer(sheet: Any) -> None:
    """Remove openpyxl's temporary sheet file if saving did not already do it."""
    writer = getattr(sheet, "_writer", None)
    out = getattr(writer, "out", None)
    if writer is None or not isinstance(out, str) or not Path(out).exists():
        return
    # Best effort (the stream may be half-written): end the row stream and the
    # file's XML stream so the file is closed, then delete it. openpyxl also
    # deletes its temporary files when Python exits.
    for stream in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
        if stream is not None:
            with suppress(Exception):
                stream.close()
    with suppress(OSError, ValueError):
        writer.cleanup()


# -- by suffix -------------------------------------------------------------------


def export_format(path: Path) -> str:
    """'csv' or 'xlsx' from the file name; ``UserError`` for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".xlsx"):
        return suffix[1:]
    raise UserError(N_("Choose a file name ending in .csv or .xlsx: {path}"), path=str(path))


def write_table(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[CellValue]],
    *,
    sheet_title: str = "Sheet1",
) -> None:
    """Write ``rows`` as CSV or XLSX (chosen by the suffix of ``path``).

    Values of ``MONEY_FEN`` columns are int fen and are written as yuan.
    """
    kind = export_format(path)
    headers = [c.header for c in columns]
    converted = (tuple(c.convert(v) for c, v in zip(columns, row, strict=True)) for row in rows)
    if kind == "csv":
        write_csv(path, headers, converted)
        return
    formats = {i: c.number_format for i, c in enumerate(columns) if c.number_format is not None}
    write_xlsx(path, sheet_title, headers, converted, number_formats=formats)
