"""Register a partner at the programme office: code, name and public key (and,
optionally, the fingerprint the partner read out over the phone to check it).

Saving is one short transaction (``models.office_import.register_partner``); a
refusal shows the model's message and saves nothing.  A partner already
registered with another key gets its key replaced only after the user confirms
that the partner made a new one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop import messages
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.widgets import forms
from models.errors import UserError
from models.office_import import PartnerInfo


class RegisterPartnerDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        partner: PartnerInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.change: Any = None  # models.office_import.PartnerChange once saved
        self.setWindowTitle(self.tr("Register a partner"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "Ask the partner for the public key shown in their Settings (Keys and PIN) "
                "and copy it here. To be sure it is theirs, have them read out their key "
                "fingerprint over the phone and type it below."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("As in their QR codes, e.g. GREEN"))
        self.name = QLineEdit()
        self.key = QPlainTextEdit()
        self.key.setPlaceholderText(self.tr("44 characters, ending in “=”"))
        self.key.setFixedHeight(64)
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText(self.tr("Optional: read out by the partner"))
        self.error = forms.error_label()
        form.addRow(self.tr("Partner code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Public key"), self.key)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        form.addRow(self.error)
        self.buttons = forms.ok_cancel(self)
        form.addRow(self.buttons)
        if partner is not None:
            self.code.setText(partner.code)
            self.code.setReadOnly(True)
            self.name.setText(partner.name)
            self.key.setPlainText(partner.public_key)

    def _replacing(self, code: str, key: bytes) -> bool | None:
        """True to replace the partner's key, False when there is nothing to replace,
        None when the user would rather not."""
        from models import signing
        from models.office_import import list_partners, parse_public_key
        from models.organisation import normalise_code

        with self.context.database.reading() as session:
            found = {p.code: p for p in list_partners(session)}.get(normalise_code(code))
        if found is None or parse_public_key(found.public_key) == key:
            return False
        asked = messages.confirm(
            self,
            self.tr("Replace the partner's key"),
            self.tr(
                "{code} is registered with the key {old}. Replace it with the key {new}? "
                "Do this only if the partner made a new key: files signed with the old key "
                "will then be refused."
            ).format(code=found.code, old=found.fingerprint, new=signing.fingerprint(key)),
        )
        return True if asked else None

    def accept(self) -> None:
        from models.office_import import parse_public_key, register_partner

        self.error.clear()
        try:
            key = parse_public_key(self.key.toPlainText())
            replace = self._replacing(self.code.text(), key)
            if replace is None:
                return
            with self.context.database.transaction() as session:
                self.change = register_partner(
                    session,
                    code=self.code.text(),
                    name=self.name.text(),
                    public_key_text=self.key.toPlainText(),
                    staff=self.context.staff,
                    fingerprint=self.fingerprint.text().strip() or None,
                    replace_key=replace,
                )
        except UserError as exc:
            self.error.setText(user_message(exc))
            return
        super().accept()
