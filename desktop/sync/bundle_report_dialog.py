"""What verifying or importing sync files did: the totals, one line per file, and
the full reason for every file refused (which file, what is wrong)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.sync.bundle_report_model import BundleLine, BundleReportModel, ReportColumn


class BundleReportDialog(QDialog):
    def __init__(
        self,
        title: str,
        summary: str,
        lines: Sequence[BundleLine],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary)
        style.wear(self.summary, "panelTitle")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = BundleReportModel(self)
        self.model.set_rows(lines)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            ReportColumn.RESULT, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.table, 1)
        refused = [line for line in lines if not line.ok]
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlainText("\n\n".join(line.result for line in refused))
        self.details.setVisible(bool(refused))
        if refused:
            heading = QLabel(self.tr("Files refused, and why:"))
            layout.addWidget(heading)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def lines(self) -> list[BundleLine]:
        return list(self.model.rows())
