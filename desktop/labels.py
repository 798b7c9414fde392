"""Translated names of stored enum values (statuses, states, kinds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.schema.enums import ActivityState, ItemStatus


def item_status_label(status: ItemStatus) -> str:
    names = {
        ItemStatus.RECEIVED: QCoreApplication.translate("labels", "Received"),
        ItemStatus.SORTED: QCoreApplication.translate("labels", "Sorted"),
        ItemStatus.ON_SHELF: QCoreApplication.translate("labels", "On shelf"),
        ItemStatus.SOLD: QCoreApplication.translate("labels", "Sold"),
        ItemStatus.PASSED_ON: QCoreApplication.translate("labels", "Passed on"),
        ItemStatus.RECYCLED: QCoreApplication.translate("labels", "Recycled"),
        ItemStatus.DISCARDED: QCoreApplication.translate("labels", "Discarded"),
    }
    return names[status]


def activity_state_label(state: ActivityState) -> str:
    names = {
        ActivityState.DRAFT: QCoreApplication.translate("labels", "Draft"),
        ActivityState.OPEN: QCoreApplication.translate("labels", "Open"),
        ActivityState.CLOSED: QCoreApplication.translate("labels", "Closed"),
        ActivityState.EXPORTED: QCoreApplication.translate("labels", "Exported"),
    }
    return names[state]
