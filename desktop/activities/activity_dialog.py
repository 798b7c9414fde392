"""Create or edit an activity: title, type, day and times, place, capacity."""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models.errors import UserError

KINDS = ("分拣", "义卖", "社区服务", "阅读陪伴", "环保宣传", "门店服务", "其他")


class ActivityDialog(QDialog):
    """On OK, creates the activity (or saves the changes) through ``models.activities``."""

    def __init__(
        self, context: AppContext, detail: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.activity_id: uuid.UUID | None = detail.id if detail is not None else None
        self.setWindowTitle(self.tr("Edit activity") if detail else self.tr("New activity"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(KINDS)
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        self.day = QDateEdit(context.today_qdate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(9, 0))
        self.end = QTimeEdit(QTime(12, 0))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.location = QLineEdit()
        self.store = QComboBox()
        self.store.addItem(self.tr("(not at a store)"), None)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 10_000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.programme_tag = QLineEdit()
        self.walk_ins = QCheckBox(self.tr("Walk-ins welcome (people not on the roster)"))
        self.walk_ins.setChecked(True)
        self.error = forms.error_label()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Place"), self.location)
        form.addRow(self.tr("Store"), self.store)
        form.addRow(self.tr("Capacity"), self.capacity)
        form.addRow(self.tr("Programme tag"), self.programme_tag)
        form.addRow(self.walk_ins)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)
        self._load_stores()
        if detail is not None:
            self._show(detail)

    def _load_stores(self) -> None:
        from models import organisation

        with self.context.database.reading() as session:
            for store_id, code, name in organisation.stores(session):
                self.store.addItem(f"{code} {name}", str(store_id))

    def _show(self, detail: Any) -> None:
        from models.clock import local

        start = local(detail.starts_at, self.context.time_zone)
        end = local(detail.ends_at, self.context.time_zone)
        self.title.setText(detail.title)
        self.kind.setEditText(detail.kind)
        self.description.setPlainText(detail.description or "")
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.start.setTime(QTime(start.hour, start.minute))
        self.end.setTime(QTime(end.hour, end.minute))
        self.location.setText(detail.location or "")
        if detail.store_id is not None:
            self.store.setCurrentIndex(max(0, self.store.findData(str(detail.store_id))))
        self.capacity.setValue(detail.capacity or 0)
        self.programme_tag.setText(detail.programme_tag or "")
        self.walk_ins.setChecked(detail.walk_ins_allowed)

    def data(self) -> Any:
        from models.activities import ActivityData

        qday, qs, qe = self.day.date(), self.start.time(), self.end.time()
        store = self.store.currentData()
        return ActivityData(
            title=self.title.text(),
            kind=self.kind.currentText().strip(),
            description=self.description.toPlainText().strip() or None,
            day=date(qday.year(), qday.month(), qday.day()),
            start=time(qs.hour(), qs.minute()),
            end=time(qe.hour(), qe.minute()),
            location=self.location.text().strip() or None,
            store_id=uuid.UUID(store) if store else None,
            capacity=self.capacity.value() or None,
            scheduled_minutes=None,
            programme_tag=self.programme_tag.text().strip() or None,
            walk_ins_allowed=self.walk_ins.isChecked(),
        )

    def accept(self) -> None:
        from models import activities

        try:
            data = self.data()
            with self.context.database.transaction() as session:
                if self.activity_id is None:
                    self.activity_id = activities.create_activity(
                        session, data, staff=self.context.staff
                    )
                else:
                    activities.update_activity(
                        session, self.activity_id, data, staff=self.context.staff
                    )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
