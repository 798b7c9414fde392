"""Every user-visible string has a Chinese translation, and the compiled file is current."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop import i18n, i18n_tools
from models.db import classify_db_error
from models.errors import DatabaseBusy
from tests.qt_helpers import has_cjk, language


def test_translations_are_complete_and_compiled() -> None:
    assert i18n_tools.check() == []


def test_chinese_is_the_default_and_english_on_request(qapp: QApplication) -> None:
    assert i18n.normalise_language(None) == "zh_CN"
    with language(qapp, "zh_CN"):
        assert QCoreApplication.translate("navigation", "Intake") == "捐赠登记"
        # Qt's own strings (standard buttons) are Chinese too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    with language(qapp, "en"):
        assert QCoreApplication.translate("navigation", "Intake") == "Intake"


def test_messages_from_models_are_translated(qapp: QApplication) -> None:
    error = classify_db_error(Exception("database is locked"))
    assert isinstance(error, DatabaseBusy)
    with language(qapp, "zh_CN"):
        text = i18n.user_message(error)
    assert has_cjk(text)
    assert "busy" not in text


def test_item_states_read_as_states_and_events_as_events(qapp: QApplication) -> None:
    from desktop.labels import event_label, item_status_label
    from models.enums import ItemEventKind, ItemStatus

    with language(qapp, "zh_CN"):
        states = {status: item_status_label(status) for status in ItemStatus}
        received_event = event_label(ItemEventKind.RECEIVED)
    # "Received" as a state, not the "received time" column header it shares words with.
    assert states[ItemStatus.RECEIVED] == "已接收"
    assert all(label.startswith("已") for label in states.values()), states
    assert received_event == "接收"


def test_qts_own_file_dialog_is_all_chinese(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    with language(qapp, "zh_CN"):
        dialog = QFileDialog(None, "导出文件夹")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        dialog.deleteLater()
    assert labels and all(has_cjk(text) for text in labels), labels
