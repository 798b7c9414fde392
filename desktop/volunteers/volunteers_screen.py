"""Volunteers: the register, their badges, merging duplicates, deactivating."""

from __future__ import annotations

import uuid
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, style
from desktop.context import AppContext
from desktop.documents import make_and_open, prints_dir
from desktop.i18n import user_message
from desktop.jobs import Progress
from desktop.screen import Screen
from models.errors import UserError

HEADERS_COUNT = 7
EMPLOYER_COLUMN = 3


class VolunteersScreen(Screen):
    key = "volunteers"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.rows: list[Any] = []
        self.dialog: QDialog | None = None
        self.loaded = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Volunteers"))
        style.wear(heading, "screenHeading")
        top.addWidget(heading)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New volunteer…"))
        style.wear(self.new_button, "primaryButton")
        self.import_button = QPushButton(self.tr("Import a sign-up list…"))
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin initials (e.g. ZS), phone, code or programme id")
        )
        self.search.setClearButtonEnabled(True)
        self.include_inactive = QCheckBox(self.tr("Show inactive"))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.include_inactive)
        layout.addLayout(filters)
        self.table = QTableWidget(0, HEADERS_COUNT)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Phone"),
                self.tr("Employer"),
                self.tr("Programme id"),
                self.tr("Badge"),
                self.tr("Status"),
            ]
        )
        # The employer (often a long company name) takes the room left over.
        self.table.horizontalHeader().setSectionResizeMode(
            EMPLOYER_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.deactivate_button = QPushButton(self.tr("Deactivate…"))
        self.merge_button = QPushButton(self.tr("Merge the two selected…"))
        self.issue_button = QPushButton(self.tr("Issue badge"))
        self.reissue_button = QPushButton(self.tr("Reissue badge…"))
        self.retire_button = QPushButton(self.tr("Retire badge…"))
        self.print_button = QPushButton(self.tr("Print badges"))
        for button in (
            self.edit_button,
            self.deactivate_button,
            self.merge_button,
            self.issue_button,
            self.reissue_button,
            self.retire_button,
            self.print_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.include_inactive.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _item: self.edit())
        self.new_button.clicked.connect(self.new)
        self.import_button.clicked.connect(self.import_signups)
        self.edit_button.clicked.connect(self.edit)
        self.deactivate_button.clicked.connect(self.toggle_active)
        self.merge_button.clicked.connect(self.merge_selected)
        self.issue_button.clicked.connect(self.issue)
        self.reissue_button.clicked.connect(lambda: self.replace_badge(retire_only=False))
        self.retire_button.clicked.connect(lambda: self.replace_badge(retire_only=True))
        self.print_button.clicked.connect(self.print_badges)
        self._selection_changed()

    # --- loading --------------------------------------------------------------------
    def refresh(self) -> None:
        from models import volunteers

        with self.context.database.reading() as session:
            self.rows = volunteers.search(
                session, self.search.text(), include_inactive=self.include_inactive.isChecked()
            )
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            badge = self.tr("No. {n}").format(n=row.badge_seq) if row.has_badge else "—"
            status = self.tr("Active") if row.active else self.tr("Inactive")
            cells = [
                row.code,
                row.name,
                row.phone or "",
                row.employer or "",
                row.programme_id or "",
                badge,
                status,
            ]
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(value))
        for column in range(HEADERS_COUNT):
            if column != EMPLOYER_COLUMN:
                self.table.resizeColumnToContents(column)
        if not self.rows and not self.search.text():
            self.hint.setText(
                self.tr(
                    "No volunteers yet. Add them with “New volunteer…”, or import an "
                    "activity's roster on the Activities screen."
                )
            )
        else:
            self.hint.setText(self.tr("{n} volunteers shown").format(n=len(self.rows)))
        self.loaded = True
        self._selection_changed()

    def selected(self) -> list[Any]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def select_ids(self, ids: list[uuid.UUID]) -> None:
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.clearSelection()
        for r, row in enumerate(self.rows):
            if row.id in ids:
                selection.select(self.table.model().index(r, 0), flags)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        one = chosen[0] if len(chosen) == 1 else None
        self.edit_button.setEnabled(one is not None)
        self.deactivate_button.setEnabled(one is not None)
        if one is not None:
            self.deactivate_button.setText(
                self.tr("Deactivate…") if one.active else self.tr("Reactivate…")
            )
        self.merge_button.setEnabled(len(chosen) == 2)
        self.issue_button.setEnabled(one is not None and one.active and not one.has_badge)
        self.reissue_button.setEnabled(one is not None and one.has_badge)
        self.retire_button.setEnabled(one is not None and one.has_badge)
        self.print_button.setEnabled(bool(chosen))

    # --- actions ------------------------------------------------------------------------
    def _change(self, title: str, change: Any) -> bool:
        try:
            with self.context.database.transaction() as session:
                change(session)
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return False
        ids = [row.id for row in self.selected()]
        self.refresh()
        self.select_ids(ids)
        return True

    def new(self) -> None:
        from desktop.volunteers.volunteer_dialog import VolunteerDialog

        dialog = VolunteerDialog(self.context, None, self)
        dialog.accepted.connect(self._after_dialog)
        dialog.open()
        self.dialog = dialog

    def import_signups(self) -> None:
        from desktop.volunteers.signup_import_dialog import SignupImportDialog

        dialog = SignupImportDialog(self.context, self)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.open()
        self.dialog = dialog

    def edit(self) -> None:
        from desktop.volunteers.volunteer_dialog import VolunteerDialog

        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = VolunteerDialog(self.context, chosen[0], self)
        dialog.accepted.connect(self._after_dialog)
        dialog.open()
        self.dialog = dialog

    def _after_dialog(self) -> None:
        dialog = self.dialog
        self.refresh()
        volunteer_id = getattr(dialog, "volunteer_id", None)
        if volunteer_id is not None:
            self.select_ids([volunteer_id])

    def toggle_active(self) -> None:
        from models import volunteers

        chosen = self.selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        title = self.tr("Deactivate") if row.active else self.tr("Reactivate")
        reason = messages.ask_text(
            self, title, self.tr("Reason for {name} (kept in the audit log):").format(name=row.name)
        )
        if reason is None:
            return
        fn = volunteers.deactivate if row.active else volunteers.reactivate
        self._change(title, lambda s: fn(s, row.id, staff=self.context.staff, reason=reason))

    def merge_selected(self) -> None:
        from models import volunteers

        chosen = self.selected()
        if len(chosen) != 2:
            return
        keep, other = sorted(chosen, key=lambda r: r.code)
        title = self.tr("Merge volunteers")
        reason = messages.ask_text(
            self,
            title,
            self.tr(
                "Merge {other_name} ({other}) into {keep_name} ({keep})? All of {other}'s "
                "history moves to {keep}. Reason (kept in the audit log):"
            ).format(other_name=other.name, other=other.code, keep_name=keep.name, keep=keep.code),
        )
        if reason is None:
            return
        results: list[Any] = []

        def change(session: Any) -> None:
            results.append(
                volunteers.merge(
                    session, keep.id, other.id, staff=self.context.staff, reason=reason
                )
            )

        if self._change(title, change) and results:
            result = results[0]
            text = self.tr(
                "Merged. Moved: {reg} registrations, {scans} scans, {sessions} attendances, "
                "{hours} hour entries."
            ).format(
                reg=result.registrations,
                scans=result.scan_events,
                sessions=result.attendance_sessions,
                hours=result.hour_entries,
            )
            from desktop.i18n import model_text

            for warning in result.warnings:
                template = model_text(warning.message)
                text += "\n" + (template.format(**warning.params) if warning.params else template)
            messages.information(self, title, text)
            self.select_ids([keep.id])

    def issue(self) -> None:
        from models import badges

        chosen = self.selected()
        if len(chosen) == 1:
            self._change(
                self.tr("Issue badge"),
                lambda s: badges.issue_badge(s, chosen[0].id, staff=self.context.staff),
            )

    def replace_badge(self, *, retire_only: bool) -> None:
        from models import badges

        chosen = self.selected()
        if len(chosen) != 1:
            return
        row = chosen[0]
        title = self.tr("Retire badge") if retire_only else self.tr("Reissue badge")
        reason = messages.ask_text(
            self,
            title,
            self.tr(
                "Why? e.g. lost, damaged (kept in the audit log). The old badge stops working."
            ),
        )
        if reason is None:
            return
        fn = badges.retire_badge if retire_only else badges.reissue_badge
        self._change(title, lambda s: fn(s, row.id, staff=self.context.staff, reason=reason))

    def print_badges(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        ids = [row.id for row in chosen]
        database, staff = self.context.database, self.context.staff
        target = prints_dir() / f"badges-{chosen[0].code}-{len(ids)}.pdf"

        def work(progress: Progress) -> Path:
            from models import badge_pdf, badges
            from models.files import write_pdf_atomically

            with database.transaction() as session:
                infos = badges.badges_for(session, ids, issue_missing=True, staff=staff)
                cards = badges.badge_cards(session, infos)
                template = (
                    badge_pdf.BadgeTemplate.CARD if len(cards) < 4 else badge_pdf.BadgeTemplate.A4
                )
                write_pdf_atomically(
                    target,
                    partial(badge_pdf.render_badges, cards, template, progress=progress.report),
                )
            return target

        make_and_open(self, self.tr("Printing badges…"), work, lambda _p: self.refresh())
