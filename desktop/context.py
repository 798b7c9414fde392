"""What every screen needs: the open database and who is at the desk."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QDate

from desktop import preferences
from models.clock import local, utcnow
from models.db import Database


@dataclass
class AppContext:
    database: Database
    language: str = "zh_CN"
    time_zone: str = "Asia/Shanghai"
    organisation: str = ""
    staff_name: str = field(default_factory=lambda: preferences.get(preferences.STAFF_NAME))

    def today(self) -> date:
        """Today where the organisation is (its time zone, not this computer's)."""
        return local(utcnow(), self.time_zone).date()

    def today_qdate(self) -> QDate:
        """:meth:`today` for date pickers."""
        day = self.today()
        return QDate(day.year, day.month, day.day)

    @property
    def staff(self) -> str:
        """Name written into events and the audit log."""
        return self.staff_name or "staff"
