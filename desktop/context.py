"""What every screen needs: the open database and who is at the desk."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop import preferences
from models.db import Database


@dataclass
class AppContext:
    database: Database
    language: str = "zh_CN"
    time_zone: str = "Asia/Shanghai"
    organisation: str = ""
    staff_name: str = field(default_factory=lambda: preferences.get(preferences.STAFF_NAME))

    @property
    def staff(self) -> str:
        """Name written into events and the audit log."""
        return self.staff_name or "staff"
