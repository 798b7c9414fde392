"""The partners registered at the programme office (``models.office_import.PartnerInfo``)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from desktop.hours.hours_table_model import RowsModel
from models.clock import local

Index = QModelIndex | QPersistentModelIndex


class PartnerColumn(IntEnum):
    CODE = 0
    NAME = 1
    FINGERPRINT = 2
    IMPORTS = 3
    LAST_IMPORT = 4
    REGISTERED = 5


class PartnerModel(RowsModel):
    def __init__(self, time_zone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = time_zone

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PartnerColumn)

    def header(self, column: int) -> str:
        return {
            PartnerColumn.CODE: self.tr("Code"),
            PartnerColumn.NAME: self.tr("Partner"),
            PartnerColumn.FINGERPRINT: self.tr("Key fingerprint"),
            PartnerColumn.IMPORTS: self.tr("Files imported"),
            PartnerColumn.LAST_IMPORT: self.tr("Last import"),
            PartnerColumn.REGISTERED: self.tr("Registered"),
        }[PartnerColumn(column)]

    def numeric(self, column: int) -> bool:
        return column == PartnerColumn.IMPORTS

    def row_id(self, row: Any) -> Any:
        return row.code

    def _day(self, value: Any) -> str:
        return f"{local(value, self._zone):%Y-%m-%d %H:%M}" if value is not None else ""

    def cell(self, row: Any, column: int) -> tuple[str, Any]:
        which = PartnerColumn(column)
        if which is PartnerColumn.CODE:
            return row.code, row.code
        if which is PartnerColumn.NAME:
            name = row.name if row.active else self.tr("{name} (inactive)").format(name=row.name)
            return name, row.name
        if which is PartnerColumn.FINGERPRINT:
            return row.fingerprint, row.fingerprint
        if which is PartnerColumn.IMPORTS:
            return f"{row.imports:,}", row.imports
        if which is PartnerColumn.LAST_IMPORT:
            text = self._day(row.last_import)
            return text, text
        text = self._day(row.registered_at)
        return text, text
