"""Activities: plan them, open them for check-in, close and reopen them; rosters."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, style
from desktop.activities.activity_table_model import ID_ROLE, SORT_ROLE, ActivityTableModel, Column
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.jobs import Progress, run_job
from desktop.labels import activity_state_label
from desktop.screen import Screen
from desktop.widgets.tables import list_rows
from models.clock import local
from models.enums import ActivityState
from models.errors import UserError


class ActivitiesScreen(Screen):
    key = "activities"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.loaded = False
        self.detail: Any = None
        self.feedback: Any = None  # models.feedback.FeedbackStatus of the detail shown
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Activities"))
        style.wear(heading, "screenHeading")
        top.addWidget(heading)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New activity…"))
        style.wear(self.new_button, "primaryButton")
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.empty_hint = QLabel(
            self.tr(
                "No activities yet. Create one with “New activity…”: it starts as a draft; "
                "import its roster, open it on the day for check-in, and close it afterwards."
            )
        )
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.empty_hint)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = ActivityTableModel(context.time_zone, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        list_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.TITLE, QHeaderView.ResizeMode.Stretch
        )
        splitter.addWidget(self.table)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.detail_title = QLabel()
        style.wear(self.detail_title, "panelTitle")
        self.detail_title.setWordWrap(True)
        detail_layout.addWidget(self.detail_title)
        self.feedback_line = QLabel()
        self.feedback_line.setWordWrap(True)
        detail_layout.addWidget(self.feedback_line)
        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.open_button = QPushButton(self.tr("Open for check-in"))
        self.feedback_button = QPushButton(self.tr("Feedback…"))
        self.feedback_button.setToolTip(
            self.tr(
                "The activity feedback for the programme office: people served, what was "
                "done, outcomes, satisfaction. Needed (or waived) before closing."
            )
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.reopen_button = QPushButton(self.tr("Reopen…"))
        self.delete_button = QPushButton(self.tr("Delete draft"))
        self.roster_button = QPushButton(self.tr("Import roster…"))
        self.report_button = QPushButton(self.tr("Activity report…"))
        self.report_button.setToolTip(
            self.tr("A PDF of who came, their hours, the matching amount and the feedback")
        )
        for button in (
            self.edit_button,
            self.open_button,
            self.feedback_button,
            self.close_button,
            self.reopen_button,
            self.delete_button,
            self.roster_button,
            self.report_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        detail_layout.addLayout(actions)
        lists = QHBoxLayout()
        roster_box = QVBoxLayout()
        self.roster_label = QLabel(self.tr("Roster"))
        self.roster = QListWidget()
        roster_box.addWidget(self.roster_label)
        roster_box.addWidget(self.roster)
        here_box = QVBoxLayout()
        self.here_label = QLabel(self.tr("Checked in now"))
        self.here = QListWidget()
        here_box.addWidget(self.here_label)
        here_box.addWidget(self.here)
        lists.addLayout(roster_box, 2)
        lists.addLayout(here_box, 1)
        detail_layout.addLayout(lists)
        splitter.addWidget(detail)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.open_button.clicked.connect(lambda: self.transition("open"))
        self.close_button.clicked.connect(lambda: self.transition("close"))
        self.reopen_button.clicked.connect(lambda: self.transition("reopen"))
        self.feedback_button.clicked.connect(self.edit_feedback)
        self.delete_button.clicked.connect(self.delete_draft)
        self.roster_button.clicked.connect(self.import_roster)
        self.report_button.clicked.connect(self.activity_report)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self._show_detail(None)

    # --- loading ----------------------------------------------------------------
    def refresh(self) -> None:
        database = self.context.database

        def work(progress: Progress) -> Any:
            from models import activities

            with database.reading() as session:
                return activities.list_activities(session)

        run_job(self, self.tr("Activities"), work, self._loaded, show_progress=False)

    def _loaded(self, rows: Any) -> None:
        selected = self.selected_id()
        self.model.set_rows(list(rows))
        self.empty_hint.setVisible(not rows)
        self.loaded = True
        if selected is not None:
            self.select(selected)
        else:
            self._show_detail(None)

    def selected_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, ID_ROLE)
        return uuid.UUID(value) if value else None

    def select(self, activity_id: uuid.UUID) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == str(activity_id):
                self.table.setCurrentIndex(index)
                self.show_selected()
                return

    def show_selected(self) -> None:
        from models import activities, feedback

        activity_id = self.selected_id()
        if activity_id is None:
            self._show_detail(None)
            return
        with self.context.database.reading() as session:
            detail = activities.activity_detail(session, activity_id)
            status = feedback.feedback_status(session, activity_id)
        self._show_detail(detail, status)

    def _show_detail(self, detail: Any, feedback_status: Any = None) -> None:
        from desktop.activities.feedback_dialog import feedback_status_text
        from models.activities import allowed_transitions

        self.detail = detail
        self.feedback = feedback_status
        buttons = {
            "open": self.open_button,
            "close": self.close_button,
            "reopen": self.reopen_button,
        }
        others = (
            self.edit_button,
            self.delete_button,
            self.roster_button,
            self.feedback_button,
            self.report_button,
        )
        for button in (*buttons.values(), *others):
            button.setEnabled(False)
        self.roster.clear()
        self.here.clear()
        self.feedback_line.clear()
        self.feedback_line.setVisible(False)
        if detail is None:
            self.detail_title.setText(self.tr("Choose an activity to see its roster."))
            return
        state = ActivityState(detail.state)
        start = local(detail.starts_at, self.context.time_zone)
        end = local(detail.ends_at, self.context.time_zone)
        self.detail_title.setText(
            f"{detail.title} · {start:%Y-%m-%d %H:%M}–{end:%H:%M} · {activity_state_label(state)}"
        )
        for name in allowed_transitions(state):
            if name in buttons:
                buttons[name].setEnabled(True)
        editable = state in (ActivityState.DRAFT, ActivityState.OPEN)
        self.edit_button.setEnabled(editable)
        self.roster_button.setEnabled(editable)
        self.delete_button.setEnabled(state == ActivityState.DRAFT)
        # Feedback is given once the activity has taken place (not for a draft).
        self.feedback_button.setEnabled(state != ActivityState.DRAFT)
        self.report_button.setEnabled(state != ActivityState.DRAFT)
        if feedback_status is not None and state != ActivityState.DRAFT:
            self.feedback_line.setText(feedback_status_text(feedback_status))
        self.feedback_line.setVisible(bool(self.feedback_line.text()))
        for entry in detail.roster:
            mark = "✓ " if entry.attended else ""
            extra = f" · {entry.programme_id}" if entry.programme_id else ""
            self.roster.addItem(f"{mark}{entry.name} ({entry.code}){extra}")
        self.roster_label.setText(self.tr("Roster ({n})").format(n=len(detail.roster)))
        for name, started_at in detail.checked_in:
            self.here.addItem(f"{name} · {local(started_at, self.context.time_zone):%H:%M}")
        self.here_label.setText(self.tr("Checked in now ({n})").format(n=len(detail.checked_in)))

    # --- actions -------------------------------------------------------------------
    def new_activity(self) -> None:
        from desktop.activities.activity_dialog import ActivityDialog

        dialog = ActivityDialog(self.context, None, self)
        dialog.accepted.connect(lambda: self._after_edit(dialog.activity_id))
        dialog.open()
        self.dialog = dialog

    def edit_activity(self) -> None:
        from desktop.activities.activity_dialog import ActivityDialog

        if self.detail is None:
            return
        dialog = ActivityDialog(self.context, self.detail, self)
        dialog.accepted.connect(lambda: self._after_edit(dialog.activity_id))
        dialog.open()
        self.dialog = dialog

    def edit_feedback(self) -> None:
        from desktop.activities.feedback_dialog import FeedbackDialog

        if self.detail is None:
            return
        activity_id = self.detail.id
        dialog = FeedbackDialog(
            self.context,
            activity_id,
            self.detail.title,
            self,
            editable=ActivityState(self.detail.state) != ActivityState.EXPORTED,
        )
        dialog.accepted.connect(lambda: self.refresh_then_select(activity_id))
        dialog.open()
        self.dialog = dialog

    def _after_edit(self, activity_id: uuid.UUID | None) -> None:
        self.refresh_then_select(activity_id)

    def refresh_then_select(self, activity_id: uuid.UUID | None) -> None:
        from models import activities

        with self.context.database.reading() as session:
            rows = activities.list_activities(session)
        self.model.set_rows(list(rows))
        self.empty_hint.setVisible(not rows)
        if activity_id is not None:
            self.select(activity_id)

    def transition(self, name: str) -> bool:
        from models import activities

        if self.detail is None:
            return False
        activity_id = self.detail.id
        title = {
            "open": self.tr("Open for check-in"),
            "close": self.tr("Close"),
            "reopen": self.tr("Reopen"),
        }[name]
        if name == "close" and self.detail.checked_in_now:
            return self.close_with_open_sessions()
        if name == "close" and not self._feedback_ready():
            return False
        reason = None
        if name == "reopen":
            reason = messages.ask_text(
                self, title, self.tr("Why reopen this activity? (kept in the audit log)")
            )
            if reason is None:
                return False
        try:
            with self.context.database.transaction() as session:
                if name == "open":
                    activities.open_activity(session, activity_id, staff=self.context.staff)
                elif name == "close":
                    activities.close_activity(session, activity_id, staff=self.context.staff)
                else:
                    activities.reopen_activity(
                        session, activity_id, staff=self.context.staff, reason=reason or ""
                    )
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return False
        self.refresh_then_select(activity_id)
        return True

    def _feedback_ready(self) -> bool:
        """Feedback given or waived, or staff fill it in now (else nothing closes)."""
        from desktop.activities.feedback_dialog import ensure_feedback

        assert self.detail is not None
        if self.feedback is not None and self.feedback.complete:
            return True
        activity_id = self.detail.id
        ready = ensure_feedback(self, self.context, activity_id, self.detail.title)
        self.refresh_then_select(activity_id)  # the status line, whatever was decided
        return ready

    def close_with_open_sessions(self) -> bool:
        """Someone is still checked in: staff resolve each of them, then it closes."""
        from desktop.kiosk.close_activity_dialog import CloseActivityDialog

        assert self.detail is not None
        activity_id = self.detail.id
        dialog = CloseActivityDialog(self.context, activity_id, self.detail.title, self)
        closed = bool(dialog.exec()) and dialog.closed
        self.refresh_then_select(activity_id)  # feedback may have been given even if not closed
        return closed

    def activity_report(self) -> None:
        """The activity report PDF, made on the worker and opened to print or send."""
        from desktop.documents import make_and_open, prints_dir
        from models import activity_report

        if self.detail is None:
            return
        activity_id = self.detail.id
        database = self.context.database

        def work(progress: Progress) -> Path:
            with database.reading() as session:
                data = activity_report.activity_report_data(session, activity_id)
                path = prints_dir() / activity_report.activity_report_file_name(data)
                activity_report.write_activity_report(session, activity_id, path)
            return path

        make_and_open(self, self.tr("Activity report"), work)

    def delete_draft(self) -> None:
        from models import activities

        if self.detail is None:
            return
        title = self.tr("Delete draft")
        if not messages.confirm(
            self, title, self.tr("Delete the draft “{title}”?").format(title=self.detail.title)
        ):
            return
        try:
            with self.context.database.transaction() as session:
                activities.delete_draft(session, self.detail.id, staff=self.context.staff)
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return
        self.refresh_then_select(None)

    def import_roster(self) -> None:
        from desktop.activities.roster_import_dialog import RosterImportDialog

        if self.detail is None:
            return
        activity_id = self.detail.id
        dialog = RosterImportDialog(self.context, activity_id, self.detail.title, self)
        dialog.finished.connect(lambda _code: self.refresh_then_select(activity_id))
        dialog.open()
        self.dialog = dialog
