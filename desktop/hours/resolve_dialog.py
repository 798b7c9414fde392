"""Resolve an anomaly by setting an attendance's times by hand or discarding it.

Both need a reason (kept in the audit log); for overlapping sessions staff say
which of the two attendances to change.  ``models.anomalies.resolve`` does it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.i18n import model_text, user_message
from desktop.widgets import forms
from models.anomalies import Action, Anomaly
from models.clock import local, utcnow
from models.errors import UserError


def _qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def describe(item: Anomaly) -> str:
    """The item's explanation in the user's language."""
    return model_text(item.detail).format(**item.params)


class ResolveDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        item: Anomaly,
        action: Action,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.item = item
        self.action = action
        self.resolution: Any = None  # models.anomalies.Resolution once done
        setting = action is Action.SET_TIMES
        self.setWindowTitle(self.tr("Set the times") if setting else self.tr("Discard attendance"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        who = item.volunteer_name or ""
        intro = QLabel(f"{who} · {item.activity_title or ''}\n{describe(item)}")
        intro.setWordWrap(True)
        form.addRow(intro)
        self.target = QComboBox()
        if item.session_id is not None:
            self.target.addItem(item.activity_title or "", str(item.session_id))
        if item.other_session_id is not None:
            self.target.addItem(str(item.params.get("title", "")), str(item.other_session_id))
        if self.target.count() > 1:
            form.addRow(self.tr("Attendance at"), self.target)
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        if setting:
            form.addRow(self.tr("Checked in"), self.start)
            form.addRow(self.tr("Checked out"), self.end)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("e.g. leader confirmed the real time")
            if setting
            else self.tr("e.g. scanned by mistake, did not take part")
        )
        form.addRow(self.tr("Reason"), self.reason)
        self.error = forms.error_label()
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)
        self.target.currentIndexChanged.connect(self._load_times)
        self._load_times()

    def target_id(self) -> uuid.UUID | None:
        value = self.target.currentData()
        return uuid.UUID(str(value)) if value else None

    def _load_times(self) -> None:
        from models.schema import AttendanceSession

        target = self.target_id()
        if target is None:
            return
        with self.context.database.reading() as session:
            row = session.get(AttendanceSession, target)
            times = (row.started_at, row.ended_at) if row is not None else (None, None)
        zone = self.context.time_zone
        start = local(times[0], zone) if times[0] is not None else local(utcnow(), zone)
        end = local(times[1], zone) if times[1] is not None else start
        self.start.setDateTime(_qdatetime(start))
        self.end.setDateTime(_qdatetime(end))

    def set_times(self, start: datetime, end: datetime) -> None:
        """Type the times (aware datetimes; shown in the organisation's zone)."""
        zone = self.context.time_zone
        self.start.setDateTime(_qdatetime(local(start, zone)))
        self.end.setDateTime(_qdatetime(local(end, zone)))

    def _aware(self, edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime()
        day, at = value.date(), value.time()
        return datetime(
            day.year(),
            day.month(),
            day.day(),
            at.hour(),
            at.minute(),
            tzinfo=ZoneInfo(self.context.time_zone),
        )

    def accept(self) -> None:
        from models import anomalies

        setting = self.action is Action.SET_TIMES
        try:
            with self.context.database.transaction() as session:
                self.resolution = anomalies.resolve(
                    session,
                    self.item,
                    self.action,
                    staff=self.context.staff,
                    reason=self.reason.text(),
                    started_at=self._aware(self.start) if setting else None,
                    ended_at=self._aware(self.end) if setting else None,
                    target_session_id=self.target_id(),
                )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
