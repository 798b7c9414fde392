"""A made PDF opens in the system viewer, or the user is told where it was saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop import documents
from desktop.jobs import Progress
from tests.conftest import MessageRecorder


def make(qtbot: QtBot, tmp_path: Path) -> Path:
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "labels.pdf"

    def work(progress: Progress) -> Path:
        target.write_bytes(b"%PDF-1.4\n")
        return target

    finished: list[Path] = []
    documents.make_and_open(parent, "Printing labels…", work, finished.append)
    qtbot.waitUntil(lambda: finished == [target], timeout=5000)
    return target


def test_the_pdf_opens_in_the_viewer_and_nothing_is_said(
    qtbot: QtBot, tmp_path: Path, recorder: MessageRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(documents, "opener", lambda path: opened.append(path) or True)
    target = make(qtbot, tmp_path)
    assert opened == [target]
    assert recorder.texts("information") == []


def test_with_no_pdf_viewer_the_user_is_told_where_the_file_is(
    qtbot: QtBot, tmp_path: Path, recorder: MessageRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "opener", lambda path: False)
    target = make(qtbot, tmp_path)
    (said,) = recorder.texts("information")
    assert str(target) in said and "No program to open it" in said


def test_with_no_file_manager_the_folder_is_named(
    qtbot: QtBot, tmp_path: Path, recorder: MessageRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "folder_opener", lambda path: False)
    documents.open_folder(None, tmp_path)
    (said,) = recorder.texts("information")
    assert str(tmp_path) in said
