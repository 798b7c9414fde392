"""One item line typed from the keyboard: category, description, grade, qty, value."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.i18n import user_message
from desktop.intake.lines_model import PendingLine
from desktop.labels import grade_label
from models.enums import Grade
from models.errors import N_, UserError
from models.money import parse_yuan

if TYPE_CHECKING:
    from models.categories import CategoryNode

MAX_QUANTITY = 10_000


class LineEntry(QWidget):
    """Emits ``lineReady(PendingLine)`` when Enter is pressed on a complete line."""

    lineReady = Signal(object)
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.setMinimumWidth(200)
        category_edit = self.category.lineEdit()
        assert category_edit is not None
        category_edit.setPlaceholderText(self.tr("Category (type to search)"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("e.g. wool cardigan, size M"))
        self.grade = QComboBox()
        for grade in Grade:
            text = grade.value if grade != Grade.UNSELLABLE else f"X · {grade_label(grade)}"
            self.grade.addItem(text, grade.value)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_QUANTITY)
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("¥ each"))
        self.value.setMaximumWidth(110)
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.setToolTip(self.tr("Enter in any field adds the line"))
        labels = [
            self.tr("Category"),
            self.tr("Description"),
            self.tr("Condition"),
            self.tr("Quantity"),
            self.tr("Estimated value"),
        ]
        fields: list[QWidget] = [
            self.category,
            self.description,
            self.grade,
            self.quantity,
            self.value,
        ]
        for column, (label, field) in enumerate(zip(labels, fields, strict=True)):
            grid.addWidget(QLabel(label), 0, column)
            grid.addWidget(field, 1, column)
        grid.addWidget(self.add_button, 1, len(fields))
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(0, 1)
        self.add_button.clicked.connect(self.submit)
        self.description.returnPressed.connect(self.submit)
        self.value.returnPressed.connect(self.submit)
        category_edit.returnPressed.connect(self.description.setFocus)
        self.quantity.lineEdit().returnPressed.connect(self.submit)
        self._nodes: list[CategoryNode] = []

    def set_categories(self, nodes: list[CategoryNode]) -> None:
        self._nodes = list(nodes)
        self.category.clear()
        for node in nodes:
            self.category.addItem(node.path, str(node.id))
        completer = QCompleter([node.path for node in nodes], self.category)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.category.setCompleter(completer)
        self.category.setCurrentIndex(-1)
        self.category.setEditText("")

    def _category(self) -> tuple[uuid.UUID, str]:
        text = self.category.currentText().strip()
        for node in self._nodes:
            if text in (node.path, node.name):
                return node.id, node.path
        matches = [node for node in self._nodes if text and text in node.path]
        if len(matches) == 1:
            return matches[0].id, matches[0].path
        if not text:
            raise UserError(N_("Choose a category for the item."))
        raise UserError(N_("“{text}” is not one of the categories."), text=text)

    def line(self) -> PendingLine:
        category_id, path = self._category()
        description = self.description.text().strip()
        value_text = self.value.text().strip() or "0"
        fen = parse_yuan(value_text)
        if fen < 0:
            raise UserError(N_("The estimated value cannot be negative."))
        if fen > 1_000_000_00:
            raise UserError(N_("The estimated value is more than ¥1,000,000; check the amount."))
        return PendingLine(
            category_id=category_id,
            category_path=path,
            description=description,
            grade=Grade(self.grade.currentData()),
            quantity=self.quantity.value(),
            unit_value_fen=fen,
        )

    def submit(self) -> None:
        try:
            line = self.line()
        except UserError as exc:
            self.problem.emit(user_message(exc))
            return
        self.lineReady.emit(line)
        # Keep category and grade (items often come in runs); clear the rest.
        self.description.clear()
        self.quantity.setValue(1)
        self.value.clear()
        self.description.setFocus()
