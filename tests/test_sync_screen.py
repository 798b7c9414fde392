"""The Sync screen on real SQLite files: a partner exports through the three-step
panel (preview totals, warnings, contacts only after confirmation, the folder,
writing with progress and Cancel, the history), then the programme office
registers the partner through the dialog, verifies and imports the file (again:
unchanged; a tampered copy: refused with the precise reason, nothing changed),
and sees the partner's month on the dashboard and in an XLSX file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop import documents
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.sync import choosers
from desktop.sync.dashboard_panel import DashboardPanel
from desktop.sync.export_panel import ExportPanel, Step
from desktop.sync.register_partner_dialog import RegisterPartnerDialog
from desktop.sync.sync_screen import SyncScreen, Tab
from models import organisation, signing, sync_export
from models.bundle import open_bundle
from models.db import Database
from models.errors import UserError
from models.office_import import list_partners, parse_public_key, registered_keys, verify_bundles
from models.schema import OfficeHourLine, SyncLog
from tests.conftest import MessageRecorder
from tests.sync_data import FIRST_DAY, STAFF, PartnerDesk, office, setup_request
from tests.test_bundle import members_of, write_members

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def desk(tmp_path: Path, template_db: Path) -> Iterator[PartnerDesk]:
    partner = PartnerDesk.create(tmp_path / "green.sqlite3", template_db, "GREEN")
    yield partner
    partner.db.close()


@pytest.fixture
def office_db(tmp_path: Path, template_db: Path) -> Iterator[Database]:
    """The programme office: a database set up as an organisation of its own."""
    database = office(tmp_path / "office.sqlite3", template_db)
    with database.transaction() as s:
        organisation.set_up(s, setup_request("PO", "项目办"))
    yield database
    database.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Folders the screen asked the file manager to open."""
    folders: list[Path] = []
    monkeypatch.setattr(documents, "folder_opener", folders.append)
    return folders


def with_history(desk: PartnerDesk) -> None:
    """3 March: 3 h + 2 h approved (feedback given); 10 March: 1 h pending (waived)."""
    desk.approve(desk.hold_activity(FIRST_DAY, {0: 180, 1: 120}))
    desk.hold_activity(FIRST_DAY + timedelta(days=7), {2: 60}, waive=True)
    desk.donate(0, 3)
    desk.donate(5, 2)


def open_screen(qtbot: QtBot, database: Database) -> SyncScreen:
    screen = SyncScreen(AppContext(database=database, staff_name=STAFF))
    qtbot.addWidget(screen)
    screen.show()
    reloaded(qtbot, screen, screen.refresh)
    return screen


def reloaded(qtbot: QtBot, screen: SyncScreen, action: Callable[[], object]) -> None:
    """Do ``action`` and wait until the screen has loaded again."""
    before = screen.loads
    action()
    qtbot.waitUntil(lambda: screen.loads > before, timeout=5000)


def texts(model: QAbstractItemModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def figures(model: QAbstractItemModel) -> dict[str, str]:
    """The preview's table as the user reads it: figure → value."""
    return {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}


def export_through_gui(qtbot: QtBot, screen: SyncScreen, folder: Path) -> Path:
    panel = screen.export
    before = set(folder.glob("*.pdsync"))
    if panel.step() is Step.PREVIEW:
        qtbot.mouseClick(panel.preview_page.next_button, LEFT)
    assert panel.step() is Step.FOLDER
    assert panel.folder_edit.text() == str(folder)
    reloaded(qtbot, screen, lambda: qtbot.mouseClick(panel.export_button, LEFT))
    assert panel.step() is Step.WRITE and panel.result is not None
    [written] = set(folder.glob("*.pdsync")) - before
    return written


# ----------------------------------------------------------------------------- partner


def test_export_in_three_steps_then_again_with_nothing_new(
    qtbot: QtBot,
    desk: PartnerDesk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
) -> None:
    with_history(desk)
    out = tmp_path / "usb"
    out.mkdir()
    asked: list[Path] = []

    def choose(parent: object, title: str, start: Path) -> Path:
        asked.append(start)
        return out

    monkeypatch.setattr(choosers, "choose_folder", choose)
    screen = open_screen(qtbot, desk.db)
    assert not screen.is_empty()
    page = screen.export.preview_page
    assert page.period_label.text().endswith("this is your first export.")
    assert page.headline.text() == (
        "2 activities · 3 attendances · 5.0 approved hours · ¥500.00 matching amount"
    )
    shown = figures(page.totals_view.model())
    assert shown["Activities"] == "2" and shown["Attendances"] == "3"
    assert (shown["Approved hours"], shown["Matching amount"]) == ("5.0", "¥500.00")
    assert shown["Activity feedback received"] == "1"
    assert shown["Activity feedback waived"] == "1"
    assert (shown["Items received"], shown["  服装"], shown["  电器数码"]) == ("5", "3", "2")
    warnings = page.warnings.text()
    assert "Hour entries still pending: 1." in warnings
    assert "Finished activities this export marks as exported: 1." in warnings
    assert "masked" in page.contacts_hint.text()

    # Step 2: the folder is chosen (the chooser is asked, then remembered).
    panel = screen.export
    qtbot.mouseClick(page.next_button, LEFT)
    assert panel.step() is Step.FOLDER
    qtbot.mouseClick(panel.choose_button, LEFT)
    assert asked and panel.folder_edit.text() == str(out)

    # Step 3: written, with its path and totals, and the folder can be opened.
    first = export_through_gui(qtbot, screen, out)
    assert first.name.startswith("GREEN-") and first.suffix == ".pdsync"
    assert panel.write_status.text() == f"Saved {first}"
    assert panel.result_headline.text() == page.headline_of(panel.result.totals)  # type: ignore[union-attr]
    assert figures(panel.result_view.model())["Matching amount"] == "¥500.00"
    qtbot.mouseClick(panel.open_folder_button, LEFT)
    assert opened == [out]
    history = screen.history_model
    assert history.rowCount() == 1
    row = texts(history, 0)
    assert (row[1], row[2], row[5], row[6]) == ("Export", "GREEN", first.name, STAFF)
    assert row[4] == "2 activities · 5.0 h · ¥500.00"

    # Again right away: nothing new, and it still works (the chooser is not asked).
    qtbot.mouseClick(panel.done_button, LEFT)
    assert panel.step() is Step.PREVIEW
    assert "(the end of the previous export)" in page.period_label.text()
    assert "Nothing new since the previous export." in page.warnings.text()
    asked.clear()
    second = export_through_gui(qtbot, screen, out)
    assert not asked and second != first
    assert panel.result_headline.text().startswith("Nothing new since the previous export")
    assert history.rowCount() == 2 and texts(history, 0)[5] == second.name


def test_contact_numbers_only_after_confirmation(
    qtbot: QtBot,
    desk: PartnerDesk,
    tmp_path: Path,
    recorder: MessageRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk.approve(desk.hold_activity(FIRST_DAY, {0: 60}))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(choosers, "choose_folder", lambda parent, title, start: out)
    screen = open_screen(qtbot, desk.db)
    page = screen.export.preview_page
    recorder.confirm_answers = [False]
    page.contacts.click()
    assert not page.contacts.isChecked() and "masked" in page.contacts_hint.text()
    assert recorder.shown[-1][0] == "confirm" and "personal data" in recorder.shown[-1][2]
    recorder.confirm_answers = [True]
    page.contacts.click()
    assert page.contacts.isChecked() and "full phone numbers" in page.contacts_hint.text()

    qtbot.mouseClick(page.next_button, LEFT)
    qtbot.mouseClick(screen.export.choose_button, LEFT)
    assert "Full phone numbers are included." in screen.export.folder_note.text()
    written = export_through_gui(qtbot, screen, out)
    key = parse_public_key(desk.public_key)
    with open_bundle(written, public_key=key) as bundle:
        assert bundle.manifest.include_contacts
        assert [r["phone"] for r in bundle.rows("volunteers")] == ["13800130000"]
    assert texts(screen.history_model, 0)[1] == "Export (with phone numbers)"
    assert not page.contacts.isChecked()  # the next export asks again


def test_the_period_can_end_earlier(qtbot: QtBot, desk: PartnerDesk) -> None:
    with_history(desk)
    screen = open_screen(qtbot, desk.db)
    page = screen.export.preview_page
    before = page.previews
    page.until_date.setDate(QDate(2025, 3, 6))
    assert page.previews == before  # not used yet
    page.use_until.setChecked(True)
    qtbot.waitUntil(lambda: page.previews > before, timeout=5000)
    assert page.period_label.text() == (
        "Everything up to 2025-03-07 00:00: this is your first export."
    )
    assert "Finished activities this export marks" not in page.warnings.text()


def test_a_cancelled_export_writes_and_records_nothing(
    qtbot: QtBot, desk: PartnerDesk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_history(desk)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(choosers, "choose_folder", lambda parent, title, start: out)
    started, release = threading.Event(), threading.Event()
    real = sync_export.export_bundle

    def held(*args: Any, progress: Any, **options: Any) -> Any:
        def report(done: int, total: int) -> None:
            started.set()
            release.wait(5)
            progress(done, total)

        return real(*args, progress=report, **options)

    monkeypatch.setattr(sync_export, "export_bundle", held)
    screen = open_screen(qtbot, desk.db)
    panel: ExportPanel = screen.export
    qtbot.mouseClick(panel.preview_page.next_button, LEFT)
    qtbot.mouseClick(panel.choose_button, LEFT)
    qtbot.mouseClick(panel.export_button, LEFT)
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert panel.step() is Step.WRITE and panel.cancel_button.isVisible()
    qtbot.mouseClick(panel.cancel_button, LEFT)
    release.set()
    qtbot.waitUntil(lambda: panel.step() is Step.FOLDER, timeout=5000)
    assert "cancelled: nothing was written" in panel.folder_note.text()
    assert list(out.iterdir()) == []
    with desk.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncLog)) == 0


def test_the_key_to_give_the_office_can_be_copied(qtbot: QtBot, desk: PartnerDesk) -> None:
    screen = open_screen(qtbot, desk.db)
    with desk.db.reading() as s:
        profile = organisation.profile(s)
    assert profile is not None
    assert profile.fingerprint in screen.fingerprint.text()
    qtbot.mouseClick(screen.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == profile.public_key


def test_a_new_desk_shows_what_sync_is_for(qtbot: QtBot, org_database: Database) -> None:
    screen = open_screen(qtbot, org_database)
    assert screen.is_empty() and "programme office" in screen.empty.text()
    screen.empty.actionTriggered.emit()
    assert not screen.is_empty()


# ----------------------------------------------------------------------------- office


def register_through_dialog(
    qtbot: QtBot, screen: SyncScreen, code: str, name: str, key: str, fingerprint: str = ""
) -> RegisterPartnerDialog:
    qtbot.mouseClick(screen.office.register_button, LEFT)
    dialog = screen.office.dialog
    assert isinstance(dialog, RegisterPartnerDialog)
    qtbot.addWidget(dialog)
    dialog.code.setText(code)
    dialog.name.setText(name)
    dialog.key.setPlainText(key)
    dialog.fingerprint.setText(fingerprint)
    return dialog


def import_through_gui(
    qtbot: QtBot, screen: SyncScreen, monkeypatch: pytest.MonkeyPatch, *paths: Path
) -> Any:
    monkeypatch.setattr(choosers, "choose_bundles", lambda parent, title, start: list(paths))
    panel = screen.office
    before = panel.reports
    reloaded(qtbot, screen, lambda: qtbot.mouseClick(panel.import_button, LEFT))
    qtbot.waitUntil(lambda: panel.reports > before, timeout=5000)
    return panel.report_dialog


def tampered(good: Path, target: Path) -> Path:
    members = members_of(good)
    data = bytearray(members["hours.csv"])
    data[len(data) // 2] ^= 0x01  # one bit of one byte
    members["hours.csv"] = bytes(data)
    return write_members(target, members)


def office_rows(database: Database) -> tuple[int, int]:
    with database.reading() as s:
        lines = s.scalar(select(func.count()).select_from(OfficeHourLine))
        fen = s.scalar(select(func.sum(OfficeHourLine.matching_fen)))
    return int(lines or 0), int(fen or 0)


def test_office_registers_verifies_imports_and_shows_the_dashboard(
    qtbot: QtBot,
    desk: PartnerDesk,
    office_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_history(desk)
    bundle = desk.export(tmp_path / "mail").path
    screen = open_screen(qtbot, office_db)
    assert screen.is_empty()
    screen.show_tab(Tab.OFFICE)
    assert "No partner registered yet" in screen.office.hint.text()

    # A bad key: the model's message, nothing saved.
    dialog = register_through_dialog(qtbot, screen, "GREEN", "绿芽公益", "not a key")
    dialog.accept()
    with pytest.raises(UserError) as refused:
        parse_public_key("not a key")
    assert dialog.error.text() == user_message(refused.value)
    with office_db.reading() as s:
        assert list_partners(s) == []

    # The right key, checked against the fingerprint read out over the phone.
    with desk.db.reading() as s:
        profile = organisation.profile(s)
    assert profile is not None
    dialog.key.setPlainText(desk.public_key)
    dialog.fingerprint.setText(profile.fingerprint.lower())
    reloaded(qtbot, screen, dialog.accept)
    assert dialog.result() == RegisterPartnerDialog.DialogCode.Accepted
    assert texts(screen.office.model, 0)[:3] == ["GREEN", "绿芽公益", profile.fingerprint]

    # Verify, then import: new records.
    changed = tampered(bundle, tmp_path / "tampered.pdsync")
    with office_db.reading() as s:
        [bad] = verify_bundles([changed], keys=registered_keys(s))
    assert bad.error is not None
    precise = user_message(bad.error)
    assert precise.startswith("tampered.pdsync: hours.csv does not match")
    monkeypatch.setattr(choosers, "choose_bundles", lambda parent, title, start: [bundle, changed])
    qtbot.mouseClick(screen.office.verify_button, LEFT)
    qtbot.waitUntil(lambda: screen.office.reports == 1, timeout=5000)
    report = screen.office.report_dialog
    assert report is not None
    good, refused_line = report.lines()
    assert good.ok and good.org_code == "GREEN" and good.partner == "绿芽公益"
    assert good.result.startswith("Intact and signed with the registered key")
    assert refused_line.result == f"Refused: {precise}"
    assert office_rows(office_db) == (0, 0)  # verifying imports nothing

    report = import_through_gui(qtbot, screen, monkeypatch, bundle)
    [line] = report.lines()
    assert line.ok and line.result == "Imported" and line.export_id == bundle.stem[-8:]
    assert line.new is not None and line.new > 0 and (line.updated, line.unchanged) == (0, 0)
    assert report.summary.text().startswith(f"1 files: {line.new} new, 0 updated")
    assert office_rows(office_db) == (2, 500_00)
    assert texts(screen.office.model, 0)[3] == "1"  # files imported from GREEN

    # The same file again: unchanged.  The tampered copy: refused, nothing changed.
    report = import_through_gui(qtbot, screen, monkeypatch, bundle)
    [again] = report.lines()
    assert (again.new, again.updated, again.unchanged) == (0, 0, line.new)
    report = import_through_gui(qtbot, screen, monkeypatch, changed)
    [no] = report.lines()
    assert not no.ok and no.result == f"Refused: {precise}"
    assert precise in report.details.toPlainText()
    assert "1 files refused" in report.summary.text()
    assert office_rows(office_db) == (2, 500_00)
    kinds = [texts(screen.history_model, r)[1] for r in range(screen.history_model.rowCount())]
    assert kinds == ["Import", "Import"]  # the refused file is not logged

    # The dashboard, built when first shown: the partner's March with hours and ¥.
    screen.tabs.setCurrentIndex(Tab.DASHBOARD)
    dashboard = screen.dashboard
    assert isinstance(dashboard, DashboardPanel)
    qtbot.waitUntil(lambda: dashboard.loads > 0, timeout=5000)
    assert dashboard.model.rowCount() == 1
    assert texts(dashboard.model, 0) == [
        "GREEN", "绿芽公益", "2025-03", "2", "3", "3", "5.0", "¥500.00", "1", "1", "0"
    ]  # fmt: skip
    assert (dashboard.chart.periods, dashboard.chart.values) == (["2025-03"], [5.0])
    dashboard.measure.setCurrentIndex(1)
    assert dashboard.chart.values == [500.0]

    # The consolidated table as XLSX, with the headers the user sees.
    target = tmp_path / "programme.xlsx"
    monkeypatch.setattr(choosers, "choose_save_file", lambda parent, title, suggested: target)
    qtbot.mouseClick(dashboard.export_button, LEFT)
    qtbot.waitUntil(target.exists, timeout=5000)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == dashboard.model.headers()
    assert rows[1][:3] == ["GREEN", "绿芽公益", "2025-03"] and rows[-1][0] == "Total"


def test_a_new_key_replaces_the_old_only_after_confirmation(
    qtbot: QtBot,
    desk: PartnerDesk,
    office_db: Database,
    recorder: MessageRecorder,
) -> None:
    screen = open_screen(qtbot, office_db)
    screen.show_tab(Tab.OFFICE)
    dialog = register_through_dialog(qtbot, screen, "green", "绿芽", desk.public_key)
    reloaded(qtbot, screen, dialog.accept)
    new_key = signing.public_key_text(signing.new_signing_pair().public_raw)
    new_print = signing.fingerprint(parse_public_key(new_key))
    dialog = register_through_dialog(qtbot, screen, "GREEN", "绿芽", new_key)
    recorder.confirm_answers = [False]
    dialog.accept()
    assert dialog.isVisible() and new_print in recorder.shown[-1][2]
    with office_db.reading() as s:
        [kept] = list_partners(s)
    assert kept.public_key == desk.public_key
    recorder.confirm_answers = [True]
    reloaded(qtbot, screen, dialog.accept)
    assert texts(screen.office.model, 0)[2] == new_print


def test_a_sync_file_opens_as_spreadsheets_with_chinese_intact(
    qtbot: QtBot,
    desk: PartnerDesk,
    office_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    recorder: MessageRecorder,
) -> None:
    with_history(desk)
    out = tmp_path / "out"
    out.mkdir()
    partner_screen = open_screen(qtbot, desk.db)
    monkeypatch.setattr(choosers, "choose_folder", lambda parent, title, start: out)
    monkeypatch.setattr(documents, "prints_dir", lambda: tmp_path / "prints")
    partner_screen.export.folder_edit.setText(str(out))
    bundle = export_through_gui(qtbot, partner_screen, out)

    screen = open_screen(qtbot, office_db)
    monkeypatch.setattr(choosers, "choose_bundles", lambda parent, title, start: [bundle])
    shown = len(recorder.texts())
    screen.office.open_as_spreadsheets()
    qtbot.waitUntil(lambda: len(recorder.texts()) > shown, timeout=10000)
    assert opened, recorder.texts()
    folder = opened[-1]
    activities = (folder / "activities.csv").read_bytes()
    assert activities.startswith(b"\xef\xbb\xbf")  # the BOM Excel/WPS need for UTF-8
    assert "社区旧衣分拣" in activities.decode("utf-8-sig")
    assert "tables saved" in recorder.texts("information")[-1]
