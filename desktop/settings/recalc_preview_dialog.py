"""What new hour rules would change: pending entries before → after, and locked ones.

Shown by the hour rules panel before anything is written.  "Apply" is handled by
the panel (it asks for a reason and runs ``apply_recalculation``); this dialog
only shows the plan.  Approved (locked) entries that the new rules would count
differently are listed separately and are never changed by a recalculation.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import hour_rules
from models.hour_recalc import CREATE, REJECT, RecalcPreview, chunks, recalculate_preview
from models.hour_rules import HourRules
from models.money import format_minutes_as_hours
from models.schema import Activity, Volunteer

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PreviewData:
    """A preview with the names needed to show it (plain values, no ORM rows)."""

    rules: HourRules
    preview: RecalcPreview
    volunteers: dict[uuid.UUID, str]
    activities: dict[uuid.UUID, str]


def _names(
    session: Session, model: Any, label: Any, ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    wanted = sorted({i for i in ids if i is not None})
    found: dict[uuid.UUID, str] = {}
    for part in chunks(wanted):
        for row in session.execute(select(model.id, label).where(model.id.in_(part))):
            found[row[0]] = row[1]
    return found


def load_preview(session: Session, rules: HourRules) -> PreviewData:
    """Run on a worker: the preview for ``rules`` and the names it mentions."""
    preview = recalculate_preview(session, rules)
    volunteer_ids = [c.volunteer_id for c in preview.changes] + [
        d.volunteer_id for d in preview.locked
    ]
    activity_ids = [c.activity_id for c in preview.changes] + [
        d.activity_id for d in preview.locked
    ]
    return PreviewData(
        rules,
        preview,
        _names(session, Volunteer, Volunteer.name + " (" + Volunteer.code + ")", volunteer_ids),
        _names(session, Activity, Activity.title, activity_ids),
    )


def note_label(note: str) -> str:
    """Why a session counted less than it lasted, in plain words."""
    labels = {
        hour_rules.NOTE_CLIPPED: QCoreApplication.translate(
            "recalc", "outside the activity time (with grace)"
        ),
        hour_rules.NOTE_BELOW_SHARE: QCoreApplication.translate(
            "recalc", "too small a share of the activity"
        ),
        hour_rules.NOTE_BELOW_MINIMUM: QCoreApplication.translate(
            "recalc", "shorter than the minimum session"
        ),
        hour_rules.NOTE_ROUNDED: QCoreApplication.translate("recalc", "rounded"),
        hour_rules.NOTE_SESSION_CAP: QCoreApplication.translate("recalc", "cap per session"),
        hour_rules.NOTE_DAY_CAP: QCoreApplication.translate("recalc", "cap per day"),
    }
    return labels.get(note, note)


def minutes_text(minutes: int | None) -> str:
    if minutes is None:
        return "—"
    return QCoreApplication.translate("recalc", "{minutes} min ({hours} h)").format(
        minutes=minutes, hours=format_minutes_as_hours(minutes)
    )


class RowsModel(QAbstractTableModel):
    """A read-only table of already formatted rows (formatted when painted)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Any], cells: Any) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows = rows
        self._cells = cells  # row -> tuple of strings

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        return self._cells(self._rows[index.row()])[index.column()]


class RecalcPreviewDialog(QDialog):
    """The plan for new rules; ``applyRequested`` when staff press "Apply…"."""

    applyRequested = Signal()

    def __init__(self, data: PreviewData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        preview = data.preview
        self.setWindowTitle(self.tr("Recalculation preview"))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.summary_text())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.changes_model = RowsModel(
            [
                self.tr("Volunteer"),
                self.tr("Activity"),
                self.tr("Date"),
                self.tr("What happens"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Why"),
            ],
            preview.changes,
            self._change_cells,
        )
        self.changes_view = self._view(self.changes_model)
        self.tabs.addTab(
            self.changes_view,
            self.tr("Pending hours that change ({n})").format(n=len(preview.changes)),
        )
        locked_page = QWidget()
        locked_layout = QVBoxLayout(locked_page)
        locked_note = QLabel(
            self.tr(
                "These hours are approved, so they are locked and will NOT change. If one "
                "is wrong, add a correction for it on the Hours screen."
            )
        )
        locked_note.setWordWrap(True)
        locked_layout.addWidget(locked_note)
        self.locked_model = RowsModel(
            [
                self.tr("Volunteer"),
                self.tr("Activity"),
                self.tr("Approved"),
                self.tr("Under the new rules"),
            ],
            preview.locked,
            self._locked_cells,
        )
        self.locked_view = self._view(self.locked_model)
        locked_layout.addWidget(self.locked_view)
        self.tabs.addTab(
            locked_page,
            self.tr("Approved hours left unchanged ({n})").format(n=len(preview.locked)),
        )
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            self.tr("Save rules and apply…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.apply_button.clicked.connect(self.applyRequested.emit)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def _view(self, model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def summary_text(self) -> str:
        preview = self.data.preview
        before, after = preview.pending_minutes_before, preview.pending_minutes_after
        text = self.tr(
            "With these rules, {changed} pending entries would change and {unchanged} stay "
            "as they are. Pending hours in total: {before} h → {after} h."
        ).format(
            changed=len(preview.changes),
            unchanged=preview.unchanged,
            before=format_minutes_as_hours(before),
            after=format_minutes_as_hours(after),
        )
        if preview.locked:
            text += " " + self.tr(
                "{n} approved entries would count differently but stay locked."
            ).format(n=len(preview.locked))
        if not preview.changes:
            text += " " + self.tr("Applying would only save the rules.")
        return text

    def _change_cells(self, line: Any) -> tuple[str, ...]:
        if line.op == CREATE:
            what = self.tr("new entry")
        elif line.op == REJECT:
            what = self.tr("no longer counts (rejected)")
        else:
            what = self.tr("minutes change")
        return (
            self.data.volunteers.get(line.volunteer_id, "?"),
            self.data.activities.get(line.activity_id, "") if line.activity_id else "",
            line.work_date.isoformat(),
            what,
            minutes_text(line.old_minutes),
            minutes_text(line.new_minutes),
            "; ".join(note_label(n) for n in line.notes),
        )

    def _locked_cells(self, item: Any) -> tuple[str, ...]:
        return (
            self.data.volunteers.get(item.volunteer_id, "?"),
            self.data.activities.get(item.activity_id, "") if item.activity_id else "",
            minutes_text(item.locked_minutes),
            minutes_text(item.rule_minutes),
        )
