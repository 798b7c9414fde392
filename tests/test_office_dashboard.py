"""The programme office's dashboard: per partner and week or month, activities,
attendances (one per volunteer and activity), approved hours with corrections,
matching amount, feedback received / waived / missing; the chart's totals; and
the consolidated table as XLSX with formula-looking cells escaped."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.engine import URL

from models import migrate
from models.db import Database
from models.errors import UserError
from models.office_dashboard import (
    DashboardRow,
    Granularity,
    dashboard,
    export_xlsx,
    period_of,
    period_totals,
)
from models.schema import (
    OfficeActivity,
    OfficeFeedback,
    OfficeHourLine,
    OfficeSession,
    Partner,
    SyncLog,
)
from models.schema.enums import SyncDirection
from tests.sync_data import local, office

pytest_plugins = ("tests.pg",)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office_db(
    request: pytest.FixtureRequest, tmp_path: Path, template_db: Path
) -> Iterator[Database]:
    if request.param == "sqlite":
        database = office(tmp_path / "office.sqlite3", template_db)
    else:
        url: URL = request.getfixturevalue("pg_url")
        database = Database.open(url)
        migrate.upgrade(database)
    yield database
    database.close()


class Office:
    """Rows as imports would have left them, written directly."""

    def __init__(self, database: Database) -> None:
        self.db = database
        self.partners: dict[str, uuid.UUID] = {}
        self.log = uuid.uuid4()
        with database.transaction() as s:
            s.add(
                SyncLog(
                    id=self.log,
                    direction=SyncDirection.IMPORT,
                    org_code="GREEN",
                    export_id=uuid.uuid4(),
                    period_end=local(date(2025, 4, 1), 0),
                    file_name="x.pdsync",
                    sha256="0" * 64,
                    format_version="1.0",
                )
            )

    def partner(self, code: str, name: str) -> uuid.UUID:
        key = uuid.uuid4()
        with self.db.transaction() as s:
            s.add(Partner(id=key, code=code, name=name, public_key=key.bytes * 2, fingerprint="F"))
        self.partners[code] = key
        return key

    def _common(self, code: str) -> dict[str, Any]:
        return {
            "id": uuid.uuid4(),
            "partner_id": self.partners[code],
            "version": 1,
            "updated_at": local(date(2025, 4, 1), 0),
            "import_id": self.log,
        }

    def activity(self, code: str, day: date, state: str = "exported", hour: int = 9) -> uuid.UUID:
        row = OfficeActivity(
            **self._common(code),
            title="活动",
            starts_at=local(day, hour),
            ends_at=local(day, hour + 1),
            state=state,
        )
        return self._add(row)

    def session(self, code: str, activity: uuid.UUID, person: str, status: str = "closed") -> None:
        start = datetime(2025, 3, 3, 1, tzinfo=local(date(2025, 3, 3), 0).tzinfo)
        self._add(
            OfficeSession(
                **self._common(code),
                activity_id=activity,
                volunteer_ref=person,
                started_at=start,
                status=status,
                counted_minutes=60,
            )
        )

    def hours(self, code: str, day: date, minutes: int, fen: int, kind: str = "session") -> None:
        self._add(
            OfficeHourLine(
                **self._common(code),
                volunteer_ref="p",
                kind=kind,
                work_date=day,
                minutes=minutes,
                matching_fen=fen,
            )
        )

    def feedback(self, code: str, activity: uuid.UUID, *, waived: bool = False) -> None:
        self._add(OfficeFeedback(**self._common(code), activity_id=activity, waived=waived))

    def _add(self, row: Any) -> uuid.UUID:
        with self.db.transaction() as s:
            s.add(row)
        key: uuid.UUID = row.id
        return key


@pytest.fixture
def programme(office_db: Database) -> Office:
    o = Office(office_db)
    o.partner("GREEN", "绿芽")
    o.partner("BLUE", '=HYPERLINK("http://x","蓝天")')
    march, later_march, april = date(2025, 3, 3), date(2025, 3, 12), date(2025, 4, 2)
    one = o.activity("GREEN", march)
    o.session("GREEN", one, "a")
    o.session("GREEN", one, "a")  # checked in twice: one attendance
    o.session("GREEN", one, "b")
    o.session("GREEN", one, "c", status="discarded")
    o.feedback("GREEN", one)
    two = o.activity("GREEN", later_march, state="closed")  # no feedback: missing
    o.session("GREEN", two, "a")
    o.activity("GREEN", later_march, state="draft")  # a plan, not counted
    o.activity("GREEN", april, state="open")  # still open: feedback not due
    o.hours("GREEN", march, 180, 300_00)
    o.hours("GREEN", march, -60, -100_00, kind="correction")
    o.hours("GREEN", later_march, 90, 150_00)
    waived = o.activity("BLUE", april)
    o.feedback("BLUE", waived, waived=True)
    o.session("BLUE", waived, "z")
    o.hours("BLUE", april, 60, 100_00)
    return o


def _row(rows: list[DashboardRow], code: str, period: str) -> DashboardRow:
    return next(r for r in rows if (r.partner_code, r.period) == (code, period))


def test_monthly_rows_per_partner(programme: Office) -> None:
    with programme.db.reading() as s:
        rows = dashboard(s, granularity="month")
    assert [(r.partner_code, r.period) for r in rows] == [
        ("BLUE", "2025-04"),
        ("GREEN", "2025-03"),
        ("GREEN", "2025-04"),
    ]
    march = _row(rows, "GREEN", "2025-03")
    assert (march.period_start, march.period_end) == (date(2025, 3, 1), date(2025, 3, 31))
    assert (march.activities, march.attendances, march.volunteers) == (2, 3, 2)
    assert (march.minutes, march.matching_fen) == (210, 350_00)  # the correction counts
    assert (march.feedback_received, march.feedback_waived, march.feedback_missing) == (1, 0, 1)
    april = _row(rows, "GREEN", "2025-04")
    assert (april.activities, april.feedback_missing, april.minutes) == (1, 0, 0)
    blue = _row(rows, "BLUE", "2025-04")
    assert (blue.feedback_waived, blue.attendances, blue.matching_fen) == (1, 1, 100_00)
    assert blue.partner_name.startswith("=HYPERLINK")


def test_weeks_filters_and_chart_totals(programme: Office) -> None:
    with programme.db.reading() as s:
        weeks = dashboard(s, granularity=Granularity.WEEK, partner_code="green")
        assert {r.partner_code for r in weeks} == {"GREEN"}
        first = _row(weeks, "GREEN", "2025-W10")
        assert (first.period_start, first.period_end) == (date(2025, 3, 3), date(2025, 3, 9))
        assert (first.activities, first.minutes) == (1, 120)
        assert _row(weeks, "GREEN", "2025-W11").feedback_missing == 1
        april = dashboard(s, start=date(2025, 4, 1), end=date(2025, 4, 30))
        assert [(r.partner_code, r.activities) for r in april] == [("BLUE", 1), ("GREEN", 1)]
        with pytest.raises(UserError, match="No partner is registered with the code NOPE"):
            dashboard(s, partner_code="nope")
        with pytest.raises(UserError, match="start date is after the end date"):
            dashboard(s, start=date(2025, 5, 1), end=date(2025, 4, 1))
        points = period_totals(dashboard(s))
    assert [(p.period, p.activities, p.minutes, p.matching_fen) for p in points] == [
        ("2025-03", 2, 210, 350_00),
        ("2025-04", 2, 60, 100_00),
    ]
    assert period_of(date(2024, 12, 30), Granularity.WEEK)[0] == "2025-W01"
    assert period_of(date(2024, 12, 30), Granularity.MONTH)[1:] == (
        date(2024, 12, 1),
        date(2024, 12, 31),
    )


def test_xlsx_export_escapes_formulas_and_is_atomic(programme: Office, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "programme.xlsx"
    with programme.db.reading() as s:
        written = export_xlsx(s, path, total_label="合计")
    assert written == 3
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left
    sheet = load_workbook(path).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Partner code", "Partner", "Period"]
    assert values[1][1] == '\'=HYPERLINK("http://x","蓝天")'  # shown as text, never run
    green = values[2]
    assert green[:6] == ["GREEN", "绿芽", "2025-03", 2, 3, 2]
    assert Decimal(str(green[6])) == Decimal("3.5") and Decimal(str(green[7])) == Decimal("350")
    assert values[-1][0] == "合计" and values[-1][3] == 4
    with programme.db.reading() as s, pytest.raises(ValueError, match="11 headers"):
        export_xlsx(s, path, headers=("a",))
