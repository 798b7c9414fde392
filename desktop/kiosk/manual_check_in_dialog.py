"""Staff check someone in by name (no badge with them), or add a walk-in.

The dialog only chooses; the kiosk writes the check-in on its own thread through
``request`` (a function of the session), so it is answered like any scan and
marked as manual in the event.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models.clock import utcnow
from models.errors import UserError

if TYPE_CHECKING:
    from desktop.kiosk.kiosk_view import KioskActivity

SEARCH_LIMIT = 30
SEARCH_DELAY_MS = 150


class ManualCheckInDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        activity: KioskActivity,
        parent: QWidget | None = None,
        *,
        walk_in: bool,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.activity = activity
        self.walk_in = walk_in
        self.request: Callable[[Any], Any] | None = None
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if walk_in:
            self.setWindowTitle(self.tr("Walk-in volunteer"))
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Someone who is not registered yet: enter their name and phone "
                        "number; they are added to the volunteer register and checked in."
                    )
                )
            )
            form = QFormLayout()
            self.name = QLineEdit()
            self.phone = QLineEdit()
            self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
            self.consent = QCheckBox(self.tr("They agree that their details are kept"))
            form.addRow(self.tr("Name:"), self.name)
            form.addRow(self.tr("Phone:"), self.phone)
            form.addRow("", self.consent)
            layout.addLayout(form)
        else:
            self.setWindowTitle(self.tr("Check in by name"))
            self.search = QLineEdit()
            self.search.setPlaceholderText(
                self.tr("Name, pinyin initials, phone or volunteer code")
            )
            self.search.setClearButtonEnabled(True)
            layout.addWidget(self.search)
            self.results = QListWidget()
            layout.addWidget(self.results, 1)
            self.hint = QLabel()
            layout.addWidget(self.hint)
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(SEARCH_DELAY_MS)
            self._timer.timeout.connect(self.run_search)
            self.search.textChanged.connect(lambda _text: self._timer.start())
            self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = forms.ok_cancel(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check in"))
        layout.addWidget(self.buttons)
        if not walk_in:
            self.run_search()

    def run_search(self) -> None:
        from models import volunteers
        from models.bundle_values import mask_phone

        try:
            with self.context.database.reading() as session:
                rows = volunteers.search(session, self.search.text(), limit=SEARCH_LIMIT)
        except UserError as error:
            self.hint.setText(user_message(error))
            return
        self.results.clear()
        for row in rows:
            text = f"{row.name}  ·  {row.code}"
            if row.phone:
                # Enough to tell two people apart; the kiosk screen faces the public.
                text += f"  ·  {mask_phone(row.phone)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
            self.hint.setText(
                self.tr("Showing the first {n} matches; type more to narrow down.").format(
                    n=len(rows)
                )
                if len(rows) == SEARCH_LIMIT
                else ""
            )
        else:
            self.hint.setText(self.tr("Nobody matches. Use “Walk-in…” to add a new volunteer."))

    def selected_volunteer(self) -> uuid.UUID | None:
        item = self.results.currentItem()
        if item is None:
            return None
        found: uuid.UUID = item.data(Qt.ItemDataRole.UserRole)
        return found

    def accept(self) -> None:
        from models import checkin
        from models.volunteers import VolunteerData

        activity_id = self.activity.id
        staff = self.context.staff
        device = self.parent_device()
        if self.walk_in:
            data = VolunteerData(
                name=self.name.text(),
                phone=self.phone.text() or None,
                consent=self.consent.isChecked(),
                consent_note=self.tr("Agreed in person when walking in"),
            )
            # Check the form here so a mistake is fixed in the dialog, not lost.
            try:
                from models.volunteers import clean_data

                clean_data(data)
            except UserError as error:
                messages.warning(self, self.windowTitle(), user_message(error))
                return
            if not data.consent:
                messages.warning(
                    self,
                    self.windowTitle(),
                    self.tr(
                        "Ask whether they agree that their details are kept, and tick the box."
                    ),
                )
                return

            def write_walk_in(session: Any) -> Any:
                return checkin.check_in_walk_in(
                    session,
                    activity_id=activity_id,
                    data=data,
                    device_id=device,
                    staff=staff,
                    now=utcnow(),
                )

            self.request = write_walk_in
        else:
            volunteer_id = self.selected_volunteer()
            if volunteer_id is None:
                messages.information(
                    self, self.windowTitle(), self.tr("Choose a volunteer from the list first.")
                )
                return

            def write_manual(session: Any) -> Any:
                return checkin.manual_check_in(
                    session,
                    activity_id=activity_id,
                    volunteer_id=volunteer_id,
                    device_id=device,
                    staff=staff,
                    now=utcnow(),
                )

            self.request = write_manual
        super().accept()

    def parent_device(self) -> str:
        from desktop import preferences

        return preferences.kiosk_device()
