"""Shared fixtures: isolated user folders, a migrated template database copied per
test (like Anki), an organisation set up, and a message recorder so no modal
dialog ever opens."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or platformdirs: no screen, and a private home for
# QSettings, the data folder and crash logs, so tests never touch real user data.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="partner-desk-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")

import pytest  # noqa: E402

from models import migrate, organisation  # noqa: E402
from models.db import Database  # noqa: E402
from models.organisation import SetupRequest, StoreSpec  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = Database.open(path)
    migrate.upgrade(database)
    database.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    """A fresh, migrated, empty database file for this test."""
    path = tmp_path / "desk.sqlite3"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = Database.open(db_path)
    yield db
    db.close()


SAMPLE_SETUP = SetupRequest(
    name="绿芽公益服务中心",
    code="GREEN",
    stores=(StoreSpec("S01", "静安旗舰店"), StoreSpec("S02", "徐汇店")),
    rate_fen_per_hour=100_00,
    staff_name="王老师",
)


@pytest.fixture
def org_database(database: Database) -> Database:
    """A database whose organisation is set up (two stores, default categories)."""
    with database.transaction() as session:
        organisation.set_up(session, SAMPLE_SETUP)
    return database


class MessageRecorder:
    """Stands in for the dialog service: records messages, answers from a script."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answers: list[bool] = []
        self.text_answers: list[str | None] = []

    def information(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("information", title, text))

    def warning(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def error(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def confirm(self, parent: object, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def ask_text(
        self, parent: object, title: str, label: str, *, secret: bool = False
    ) -> str | None:
        self.shown.append(("ask_text", title, label))
        return self.text_answers.pop(0) if self.text_answers else None

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]


@pytest.fixture(autouse=True)
def recorder(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """Every test: messages are recorded, never shown in a real (blocking) dialog."""
    from desktop import messages

    rec = MessageRecorder()
    monkeypatch.setattr(messages, "service", rec)
    return rec


@pytest.fixture(autouse=True)
def _fresh_preferences() -> Iterator[None]:
    """Each test starts with no remembered preferences (folders, kiosk mode, screens)."""
    yield
    from desktop import preferences

    store = preferences.store()
    store.clear()
    store.sync()
