"""The screens of the sidebar, in order: key, title, icon and how to build each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.screen import Screen


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    icon: str
    factory: Callable[[AppContext, QWidget | None], Screen]

    def title(self) -> str:
        return QCoreApplication.translate("navigation", TITLES[self.key])


# Marked for translation here; translated when shown.
TITLES: dict[str, str] = {
    "intake": str(QT_TRANSLATE_NOOP("navigation", "Intake")),
    "items": str(QT_TRANSLATE_NOOP("navigation", "Items")),
    "volunteers": str(QT_TRANSLATE_NOOP("navigation", "Volunteers")),
    "activities": str(QT_TRANSLATE_NOOP("navigation", "Activities")),
    "kiosk": str(QT_TRANSLATE_NOOP("navigation", "Check-in")),
    "hours": str(QT_TRANSLATE_NOOP("navigation", "Hours")),
    "sync": str(QT_TRANSLATE_NOOP("navigation", "Sync")),
    "settings": str(QT_TRANSLATE_NOOP("navigation", "Settings")),
}


def _intake(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.intake.intake_screen import IntakeScreen

    return IntakeScreen(context, parent)


def _items(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.items.items_screen import ItemsScreen

    return ItemsScreen(context, parent)


def _volunteers(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.volunteers.volunteers_screen import VolunteersScreen

    return VolunteersScreen(context, parent)


def _activities(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.activities.activities_screen import ActivitiesScreen

    return ActivitiesScreen(context, parent)


def _kiosk(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.kiosk.kiosk_screen import KioskScreen

    return KioskScreen(context, parent)


def _hours(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.hours.hours_screen import HoursScreen

    return HoursScreen(context, parent)


def _sync(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.sync.sync_screen import SyncScreen

    return SyncScreen(context, parent)


def _settings(context: AppContext, parent: QWidget | None) -> Screen:
    from desktop.settings.settings_screen import SettingsScreen

    return SettingsScreen(context, parent)


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("intake", "intake", _intake),
    ScreenEntry("items", "items", _items),
    ScreenEntry("volunteers", "volunteers", _volunteers),
    ScreenEntry("activities", "activities", _activities),
    ScreenEntry("kiosk", "kiosk", _kiosk),
    ScreenEntry("hours", "hours", _hours),
    ScreenEntry("sync", "sync", _sync),
    ScreenEntry("settings", "settings", _settings),
)
