"""Step 1 of the export: what the next export carries, before anything is written.

The period (everything since the previous export, or up to an earlier day), the
totals (items received by category included), what is not carried yet (pending
hours, people still checked in), anything that blocks the export, and the
“Include contact phone numbers” choice, which needs an explicit confirmation.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import messages, style
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.jobs import Progress, run_job
from desktop.sync.export_totals_model import ExportTotalsModel, TotalsColumn, carries_nothing
from models.clock import local, utcnow
from models.errors import UserError
from models.money import format_fen, format_minutes_as_hours
from models.sync_export import ExportPreview, ExportTotals


def totals_view(model: ExportTotalsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)  # compact: the figures fit at a glance
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(
        TotalsColumn.FIGURE, QHeaderView.ResizeMode.Stretch
    )
    return view


class ExportPreviewPage(QWidget):
    nextRequested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview: ExportPreview | None = None
        self.previews = 0  # previews shown (tests wait on them)
        layout = QVBoxLayout(self)
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        layout.addWidget(self.period_label)
        until_row = QHBoxLayout()
        self.use_until = QCheckBox(self.tr("End the period earlier, on"))
        self.until_date = QDateEdit(context.today_qdate())
        self.until_date.setCalendarPopup(True)
        self.until_date.setDisplayFormat("yyyy-MM-dd")
        self.until_date.setMaximumDate(context.today_qdate())
        self.until_date.setEnabled(False)
        until_row.addWidget(self.use_until)
        until_row.addWidget(self.until_date)
        until_row.addStretch(1)
        layout.addLayout(until_row)
        self.headline = QLabel()
        style.wear(self.headline, "figureValue")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.totals_model = ExportTotalsModel(self)
        self.totals_view = totals_view(self.totals_model)
        layout.addWidget(self.totals_view, 1)
        self.warnings = QLabel()
        self.warnings.setObjectName("warningText")
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)
        self.contacts = QCheckBox(self.tr("Include contact phone numbers"))
        self.contacts_hint = QLabel()
        self.contacts_hint.setWordWrap(True)
        layout.addWidget(self.contacts)
        layout.addWidget(self.contacts_hint)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.next_button = QPushButton(self.tr("Next: choose the folder…"))
        self.next_button.setDefault(True)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self.use_until.toggled.connect(self.until_date.setEnabled)
        self.use_until.toggled.connect(lambda _on: self.refresh_preview())
        self.until_date.dateChanged.connect(
            lambda _day: self.refresh_preview() if self.use_until.isChecked() else None
        )
        self.contacts.toggled.connect(self._contacts_toggled)
        self.refresh_button.clicked.connect(self.refresh_preview)
        self.next_button.clicked.connect(self.nextRequested)
        self._contacts_hint()

    def until(self) -> datetime | None:
        """The end of the period chosen (None: now)."""
        if not self.use_until.isChecked():
            return None
        chosen = self.until_date.date()
        day = date(chosen.year(), chosen.month(), chosen.day()) + timedelta(days=1)
        end = datetime.combine(day, time(0), tzinfo=ZoneInfo(self.context.time_zone))
        end = end.astimezone(UTC)
        return None if end >= utcnow() else end  # up to today is up to now

    def screen_loaded(self, preview: ExportPreview | None, error: UserError | None) -> None:
        """The screen read the preview for the default period."""
        if self.use_until.isChecked():
            self.refresh_preview()
        else:
            self.set_preview(preview, error)

    def refresh_preview(self) -> None:
        from desktop.sync.sync_data import load_preview

        database, until = self.context.database, self.until()

        def work(progress: Progress) -> ExportPreview:
            with database.reading() as session:
                return load_preview(session, until=until)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                sys.excepthook(type(exc), exc, exc.__traceback__)
                return
            self.set_preview(None, exc)

        run_job(
            self,
            self.tr("Export preview"),
            work,
            lambda preview: self.set_preview(preview, None),
            on_failure=failed,
            show_progress=False,
        )

    def set_preview(self, preview: ExportPreview | None, error: UserError | None) -> None:
        self.preview = preview
        self.totals_model.set_totals(preview.totals if preview is not None else None)
        if preview is None:
            reason = user_message(error) if error is not None else ""
            self.period_label.setText(
                self.tr("The export cannot be prepared: {reason}").format(reason=reason)
            )
            self.headline.clear()
            self.warnings.clear()
            self.next_button.setEnabled(False)
        else:
            self.period_label.setText(self.describe_period(preview))
            self.headline.setText(self.headline_of(preview.totals))
            self.warnings.setText("\n".join(f"• {line}" for line in self.notes(preview)))
            self.next_button.setEnabled(preview.problem is None)
        self.previews += 1

    def _moment(self, value: datetime) -> str:
        return f"{local(value, self.context.time_zone):%Y-%m-%d %H:%M}"

    def describe_period(self, preview: ExportPreview) -> str:
        end = self._moment(preview.period_end)
        if preview.period_start is None:
            return self.tr("Everything up to {end}: this is your first export.").format(end=end)
        return self.tr(
            "Everything that changed from {start} (the end of the previous export) up to {end}."
        ).format(start=self._moment(preview.period_start), end=end)

    def headline_of(self, totals: ExportTotals) -> str:
        return self.tr(
            "{activities} activities · {attendances} attendances · {hours} approved hours "
            "· {money} matching amount"
        ).format(
            activities=f"{totals.activities:,}",
            attendances=f"{totals.attendances:,}",
            hours=format_minutes_as_hours(totals.minutes),
            money=format_fen(totals.matching_fen),
        )

    def notes(self, preview: ExportPreview) -> list[str]:
        """What the coordinator should know before exporting, most serious first."""
        notes = []
        if preview.problem is not None:
            notes.append(
                self.tr("This export cannot be written yet: {reason}").format(
                    reason=user_message(preview.problem)
                )
            )
        if preview.pending_entries:
            notes.append(
                self.tr(
                    "Hour entries still pending: {n}. They are not in this export until "
                    "they are approved (on the Hours screen); a later export carries them."
                ).format(n=preview.pending_entries)
            )
        if preview.open_sessions:
            notes.append(
                self.tr(
                    "Volunteers still checked in: {n}. Their hours are not carried until "
                    "they check out or staff resolve it."
                ).format(n=preview.open_sessions)
            )
        if preview.to_mark_exported:
            notes.append(
                self.tr("Finished activities this export marks as exported: {n}.").format(
                    n=preview.to_mark_exported
                )
            )
        if preview.follows is not None and carries_nothing(preview.totals):
            notes.append(
                self.tr(
                    "Nothing new since the previous export. You can still export: the file "
                    "tells the programme office that nothing changed."
                )
            )
        return notes

    def _contacts_hint(self) -> None:
        self.contacts_hint.setText(
            self.tr("This export includes the volunteers' full phone numbers.")
            if self.contacts.isChecked()
            else self.tr("Phone numbers are masked in the file (e.g. 138****0000).")
        )

    def _contacts_toggled(self, checked: bool) -> None:
        if checked and not messages.confirm(
            self,
            self.tr("Include contact phone numbers"),
            self.tr(
                "Phone numbers are personal data. Without this option they are masked "
                "(e.g. 138****0000). Include the volunteers' full phone numbers in this "
                "export only if the programme office needs them and the volunteers agreed. "
                "Include them?"
            ),
        ):
            self.contacts.blockSignals(True)
            self.contacts.setChecked(False)
            self.contacts.blockSignals(False)
        self._contacts_hint()
