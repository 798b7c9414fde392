"""Settings: the organisation profile, stores, matching rate, keys and PIN, language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop import messages, preferences, style
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.screen import Screen
from desktop.settings.hour_rules_panel import HourRulesPanel
from desktop.settings.rate_table_editor import RateTableEditor
from desktop.settings.seal_picker import SealPicker
from desktop.time_zones import COMMON_TIME_ZONES
from models import organisation
from models.errors import UserError
from models.money import format_fen, parse_yuan


class SettingsScreen(Screen):
    key = "settings"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Settings"))
        style.wear(heading, "screenHeading")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        self.audit_log_button = QPushButton(self.tr("Audit log…"))
        self.audit_log_button.clicked.connect(self.open_audit_log)
        top.addWidget(self.audit_log_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._organisation_tab(), self.tr("Organisation"))
        self.tabs.addTab(self._stores_tab(), self.tr("Stores"))
        self.tabs.addTab(self._rates_tab(), self.tr("Matching rate"))
        self.hour_rules = HourRulesPanel(self.context)
        self.hour_rules.changed.connect(self.statusMessage)
        rules_page = QScrollArea()
        rules_page.setWidgetResizable(True)
        rules_page.setWidget(self.hour_rules)
        self.tabs.addTab(rules_page, self.tr("Hour rules"))
        self.tabs.addTab(self._security_tab(), self.tr("Keys and PIN"))
        self.tabs.addTab(self._language_tab(), self.tr("Language"))

    # --- tabs -------------------------------------------------------------
    def _organisation_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.org_code = QLabel()
        self.org_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.org_name = QLineEdit()
        self.time_zone = QComboBox()
        self.time_zone.addItems(COMMON_TIME_ZONES)
        self.contact_person = QLineEdit()
        self.contact_phone = QLineEdit()
        self.address = QLineEdit()
        form.addRow(self.tr("Organisation code"), self.org_code)
        form.addRow(self.tr("Name"), self.org_name)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Contact person"), self.contact_person)
        form.addRow(self.tr("Contact phone"), self.contact_phone)
        form.addRow(self.tr("Address"), self.address)
        self.seal = SealPicker(self.context)
        self.seal.changed.connect(self.statusMessage)
        form.addRow(self.tr("Seal"), self.seal)
        self.save_profile_button = QPushButton(self.tr("Save"))
        self.save_profile_button.clicked.connect(self.save_profile)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_profile_button)
        form.addRow("", buttons)
        return page

    def _stores_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.stores_table = QTableWidget(0, 2)
        self.stores_table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name")])
        self.stores_table.horizontalHeader().setStretchLastSection(True)
        self.stores_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.stores_table)
        row = QHBoxLayout()
        self.new_store_code = QLineEdit()
        self.new_store_code.setPlaceholderText(self.tr("Code, e.g. S05"))
        self.new_store_code.setMaxLength(6)
        self.new_store_name = QLineEdit()
        self.new_store_name.setPlaceholderText(self.tr("Store name"))
        self.add_store_button = QPushButton(self.tr("Add store"))
        self.add_store_button.clicked.connect(self.add_store)
        row.addWidget(self.new_store_code)
        row.addWidget(self.new_store_name, 1)
        row.addWidget(self.add_store_button)
        layout.addLayout(row)
        return page

    def _rates_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        explain = QLabel(
            self.tr(
                "The sponsor's matching donation per approved volunteer hour. A new rate "
                "applies to activities on or after its date; earlier activities keep theirs."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.rates_table = QTableWidget(0, 2)
        self.rates_table.setHorizontalHeaderLabels([self.tr("From"), self.tr("Per hour")])
        self.rates_table.horizontalHeader().setStretchLastSection(True)
        self.rates_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.rates_table)
        row = QHBoxLayout()
        self.rate_from = QDateEdit(self.context.today_qdate())
        self.rate_from.setCalendarPopup(True)
        self.rate_from.setDisplayFormat("yyyy-MM-dd")
        self.rate_amount = QLineEdit()
        self.rate_amount.setPlaceholderText(self.tr("¥ per hour, e.g. 100"))
        self.add_rate_button = QPushButton(self.tr("Set rate"))
        self.add_rate_button.clicked.connect(self.add_rate)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.rate_from)
        row.addWidget(self.rate_amount, 1)
        row.addWidget(self.add_rate_button)
        layout.addLayout(row)
        table_box = QGroupBox(self.tr("Rate table"))
        self.rate_editor = RateTableEditor(self.context)
        self.rate_editor.saved.connect(self._rates_saved)
        QVBoxLayout(table_box).addWidget(self.rate_editor)
        layout.addWidget(table_box, 1)
        return page

    def _security_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        keys = QGroupBox(self.tr("Signing key (register it with the programme office)"))
        keys_form = QFormLayout(keys)
        self.fingerprint = QLabel()
        style.wear(self.fingerprint, "fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.public_key = QLineEdit()
        self.public_key.setReadOnly(True)
        copy = QPushButton(self.tr("Copy public key"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.public_key.text()))
        self.regenerate_button = QPushButton(self.tr("Generate new keys…"))
        self.regenerate_button.clicked.connect(self.regenerate_keys)
        keys_form.addRow(self.tr("Fingerprint"), self.fingerprint)
        keys_form.addRow(self.tr("Public key"), self.public_key)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addWidget(self.regenerate_button)
        buttons.addStretch(1)
        keys_form.addRow("", buttons)
        layout.addWidget(keys)
        pin = QGroupBox(self.tr("Staff PIN (locks the kiosk and approvals)"))
        pin_layout = QHBoxLayout(pin)
        self.pin_state = QLabel()
        self.set_pin_button = QPushButton(self.tr("Set PIN…"))
        self.set_pin_button.clicked.connect(self.set_pin)
        self.clear_pin_button = QPushButton(self.tr("Remove PIN"))
        self.clear_pin_button.clicked.connect(self.clear_pin)
        pin_layout.addWidget(self.pin_state, 1)
        pin_layout.addWidget(self.set_pin_button)
        pin_layout.addWidget(self.clear_pin_button)
        layout.addWidget(pin)
        layout.addStretch(1)
        return page

    def _language_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        current = preferences.get(preferences.LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self.change_language)
        form.addRow(self.tr("Language"), self.language)
        self.staff_name = QLineEdit(self.context.staff_name)
        self.staff_name.editingFinished.connect(self.change_staff_name)
        form.addRow(self.tr("Your name (written in the records)"), self.staff_name)
        return page

    # --- loading ------------------------------------------------------------
    def refresh(self) -> None:
        with self.context.database.reading() as session:
            profile = organisation.profile(session)
            stores = organisation.stores(session)
            rates = organisation.rates(session)
        if profile is None:
            return
        self.org_code.setText(profile.code)
        self.org_name.setText(profile.name)
        index = self.time_zone.findText(profile.time_zone)
        if index < 0:
            self.time_zone.addItem(profile.time_zone)
            index = self.time_zone.count() - 1
        self.time_zone.setCurrentIndex(index)
        self.contact_person.setText(profile.contact_person or "")
        self.contact_phone.setText(profile.contact_phone or "")
        self.address.setText(profile.address or "")
        self.fingerprint.setText(profile.fingerprint)
        self.public_key.setText(profile.public_key)
        self.pin_state.setText(
            self.tr("A PIN is set.") if profile.has_pin else self.tr("No PIN is set.")
        )
        self.clear_pin_button.setEnabled(profile.has_pin)
        self.stores_table.setRowCount(len(stores))
        for row, (_id, code, name) in enumerate(stores):
            self.stores_table.setItem(row, 0, QTableWidgetItem(code))
            self.stores_table.setItem(row, 1, QTableWidgetItem(name))
        self.rates_table.setRowCount(len(rates))
        for row, rate in enumerate(rates):
            self.rates_table.setItem(row, 0, QTableWidgetItem(rate.effective_from.isoformat()))
            self.rates_table.setItem(row, 1, QTableWidgetItem(format_fen(rate.fen_per_hour)))
        self.rate_editor.reload_if_unchanged()
        self.hour_rules.reload_if_unchanged()
        self.seal.reload()

    def _rates_saved(self) -> None:
        self.refresh()
        self.statusMessage.emit(self.tr("Saved."))

    def open_audit_log(self) -> None:
        from desktop.settings.audit_log_dialog import AuditLogDialog

        dialog = AuditLogDialog(self.context, self)
        dialog.open_log()
        self.audit_dialog = dialog
        dialog.open()

    # --- actions -----------------------------------------------------------
    def _apply(self, action: str, change: Callable[[Session], None]) -> bool:
        try:
            with self.context.database.transaction() as session:
                change(session)
        except UserError as exc:
            messages.error(self, action, user_message(exc))
            return False
        self.refresh()
        self.statusMessage.emit(self.tr("Saved."))
        return True

    def save_profile(self) -> None:
        def change(session: Session) -> None:
            organisation.update_profile(
                session,
                staff=self.context.staff,
                name=self.org_name.text(),
                time_zone=self.time_zone.currentText(),
                contact_person=self.contact_person.text(),
                contact_phone=self.contact_phone.text(),
                address=self.address.text(),
            )

        if self._apply(self.tr("Save organisation"), change):
            self.context.time_zone = self.time_zone.currentText()
            self.context.organisation = self.org_name.text().strip()

    def add_store(self) -> None:
        code, name = self.new_store_code.text(), self.new_store_name.text()

        def change(session: Session) -> None:
            organisation.add_store(
                session,
                staff=self.context.staff,
                code=code,
                name=name,
            )

        if self._apply(self.tr("Add store"), change):
            self.new_store_code.clear()
            self.new_store_name.clear()

    def add_rate(self) -> None:
        title = self.tr("Set matching rate")
        try:
            fen = parse_yuan(self.rate_amount.text())
        except UserError as exc:
            messages.error(self, title, user_message(exc))
            return
        qdate = self.rate_from.date()
        effective = date(qdate.year(), qdate.month(), qdate.day())

        def change(session: Session) -> None:
            organisation.set_rate(
                session,
                staff=self.context.staff,
                fen_per_hour=fen,
                effective_from=effective,
            )

        if self._apply(title, change):
            self.rate_amount.clear()

    def regenerate_keys(self) -> None:
        title = self.tr("Generate new keys")
        if not messages.confirm(
            self,
            title,
            self.tr(
                "New keys make every printed volunteer badge invalid, and the programme "
                "office must register the new fingerprint before it accepts your files. "
                "Continue?"
            ),
        ):
            return
        reason = messages.ask_text(self, title, self.tr("Reason (kept in the audit log):"))
        if reason is None:
            return

        def change(session: Session) -> None:
            organisation.regenerate_keys(
                session,
                staff=self.context.staff,
                reason=reason,
            )

        self._apply(title, change)

    def set_pin(self) -> None:
        title = self.tr("Set staff PIN")
        pin = messages.ask_text(self, title, self.tr("New PIN (4 to 8 digits):"), secret=True)
        if pin is None:
            return
        again = messages.ask_text(self, title, self.tr("Type the PIN again:"), secret=True)
        if again is None:
            return
        if again != pin:
            messages.error(self, title, self.tr("The two PINs differ; nothing was changed."))
            return

        def change(session: Session) -> None:
            organisation.set_staff_pin(
                session,
                staff=self.context.staff,
                pin=pin,
            )

        self._apply(title, change)

    def clear_pin(self) -> None:
        title = self.tr("Remove staff PIN")
        if not messages.confirm(self, title, self.tr("Remove the staff PIN?")):
            return

        def change(session: Session) -> None:
            organisation.set_staff_pin(
                session,
                staff=self.context.staff,
                pin=None,
            )

        self._apply(title, change)

    def change_language(self) -> None:
        preferences.put(preferences.LANGUAGE, str(self.language.currentData()))
        messages.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used the next time Partner Desk starts."),
        )

    def change_staff_name(self) -> None:
        name = self.staff_name.text().strip()
        self.context.staff_name = name
        preferences.put(preferences.STAFF_NAME, name)
