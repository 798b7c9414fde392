"""Start-up of the GUI: font, language, one instance per database, migrations,
first-run set-up, then the main window."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import crash, fonts, i18n, icons, messages, preferences
from desktop.context import AppContext
from desktop.i18n import user_message
from desktop.instance_lock import InstanceLock
from desktop.jobs import Progress, run_job
from desktop.main_window import MainWindow
from models import __version__, migrate
from models.db import Database, data_dir, normalise_url, sqlite_path
from models.errors import UserError
from models.identity import read_identity

if TYPE_CHECKING:
    from desktop.auto_backup import AutomaticBackups

EXIT_OK = 0
EXIT_CANCELLED = 1
EXIT_REFUSED = 3
# For benchmarks and smoke tests: quit as soon as the main window is shown.
EXIT_AFTER_SHOW_ENV = "PARTNER_DESK_EXIT_AFTER_SHOW"


class StderrMessages:
    """Message service for unattended runs: print instead of opening dialogs."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        print(f"{title}: {text}", file=sys.stderr)

    warning = information
    error = information

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        print(f"{title}: {text}", file=sys.stderr)
        return False

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, secret: bool = False
    ) -> str | None:
        return None


def make_application(argv: list[str], language: str | None) -> tuple[QApplication, str]:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Partner Desk")
    app.setOrganizationName(preferences.ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icons.app_icon())
    family = fonts.register_cjk_font()
    if family:
        fonts.apply_app_font(app, family)
    chosen = i18n.install(app, language or preferences.get(preferences.LANGUAGE))
    return app, chosen


class Controller:
    """Owns the open database, its lock and the main window."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.database: Database | None = None
        self.lock: InstanceLock | None = None
        self.window: MainWindow | None = None
        self.auto_backups: AutomaticBackups | None = None

    # --- opening -----------------------------------------------------------
    def open(self, db: str | None, parent: QWidget | None = None) -> bool:
        title = QCoreApplication.translate("app", "Open database")
        url = normalise_url(db)
        path = sqlite_path(url)
        lock = InstanceLock(path) if path is not None else None
        try:
            if lock is not None:
                lock.acquire()
            database = Database.open(url)
        except UserError as exc:
            messages.error(parent, title, user_message(exc))
            return False
        try:
            migrate.upgrade(database)
            ready = read_identity(database) is not None
        except UserError as exc:
            database.close()
            if lock is not None:
                lock.release()
            messages.error(parent, title, user_message(exc))
            return False
        if not ready:
            from desktop.setup_dialog import SetupDialog

            resume_garbage_collection()  # the set-up dialog may stay open a while

            dialog = SetupDialog(database, parent)
            if dialog.exec() != SetupDialog.DialogCode.Accepted:
                database.close()
                if lock is not None:
                    lock.release()
                return False
            staff = dialog.staff_name.text().strip()
            if staff:
                preferences.put(preferences.STAFF_NAME, staff)
        self._switch_to(database, lock)
        preferences.put(preferences.LAST_DATABASE, str(path) if path else "")
        return True

    def _switch_to(self, database: Database, lock: InstanceLock | None) -> None:
        old_window, old_db, old_lock = self.window, self.database, self.lock
        identity = read_identity(database)
        context = AppContext(database=database, language=self.language)
        if identity is not None:
            context.time_zone = identity.time_zone
            context.organisation = identity.label
        window = MainWindow(context)
        window.openDatabaseRequested.connect(self.choose_database)
        window.backupRequested.connect(self.backup_now)
        window.restoreRequested.connect(self.restore)
        window.aboutRequested.connect(self.about)
        self.window, self.database, self.lock = window, database, lock
        if self.auto_backups is not None:
            self.auto_backups.stop()
        self.auto_backups = None
        if database.path is not None:
            # Daily backups on the job worker, a few seconds after the window shows.
            from desktop.auto_backup import AutomaticBackups

            self.auto_backups = AutomaticBackups(window, database.path)
            self.auto_backups.start()
        if old_window is not None:
            window.show()
            old_window.close()
            old_window.deleteLater()
        if old_db is not None:
            old_db.close()
        if old_lock is not None and old_lock is not lock:
            old_lock.release()

    def shutdown(self) -> None:
        if self.auto_backups is not None:
            self.auto_backups.stop()
        if self.database is not None:
            self.database.close()
        if self.lock is not None:
            self.lock.release()

    # --- menu actions ---------------------------------------------------------
    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.database.path.parent) if self.database and self.database.path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("app", "Open another database"),
            start,
            QCoreApplication.translate(
                "app", "Partner Desk databases (*.sqlite3 *.sqlite *.db);;All files (*)"
            ),
        )
        if name:
            self.open(name, self.window)

    def backup_now(self) -> None:
        database = self.database
        if database is None or database.path is None:
            messages.information(
                self.window,
                QCoreApplication.translate("app", "Back up now"),
                QCoreApplication.translate(
                    "app", "This database is on a server; back it up with the server's own tools."
                ),
            )
            return
        from models.backup import backup_sqlite, backups_dir, timestamped_name, unused_path

        source = database.path
        destination = unused_path(backups_dir(source) / timestamped_name(source, "manual"))

        def work(progress: Progress) -> Path:
            return backup_sqlite(source, destination).path

        def done(path: object) -> None:
            messages.information(
                self.window,
                QCoreApplication.translate("app", "Back up now"),
                QCoreApplication.translate("app", "Backup written to {path}").format(path=path),
            )

        run_job(self.window, QCoreApplication.translate("app", "Backing up…"), work, done)

    def restore(self) -> None:
        from desktop.jobs import wait_for_all
        from desktop.restore_dialog import RestoreDialog
        from models.backup import restore_sqlite

        database = self.database
        if database is None or database.path is None or self.window is None:
            return
        db_file = database.path
        dialog = RestoreDialog(db_file, self.window, time_zone=self.window.context.time_zone)
        dialog.load()
        accepted = dialog.exec() == RestoreDialog.DialogCode.Accepted
        chosen = dialog.chosen
        dialog.deleteLater()
        if not accepted or chosen is None:
            return
        title = QCoreApplication.translate("app", "Restore from a backup")
        wait_for_all()  # no backup may be reading the file while it is replaced
        database.close()
        try:
            safety = restore_sqlite(chosen, db_file)
            migrate.upgrade(database)
        except UserError as exc:
            messages.error(self.window, title, user_message(exc))
            return
        # The same file stays locked by us throughout.
        self._switch_to(Database.open(database.url), self.lock)
        messages.information(
            self.window,
            title,
            QCoreApplication.translate(
                "app", "Restored. The data from before is kept in {path}"
            ).format(path=safety),
        )

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        database = self.database
        QMessageBox.about(
            self.window,
            QCoreApplication.translate("app", "About Partner Desk"),
            QCoreApplication.translate(
                "app",
                "<h3>Partner Desk {version}</h3>"
                "<p>Donation intake, volunteer check-in, service hours and sync for "
                "partner NGOs — offline.</p>"
                "<p>Database: {db}<br>Data folder: {data}</p>"
                "<p>Chinese font: WenQuanYi Micro Hei (Apache License 2.0).</p>",
            ).format(
                version=__version__,
                db=database.display_name() if database else "-",
                data=data_dir(),
            ),
        )


def resume_garbage_collection() -> None:
    """Turn the cyclic collector back on after start-up (desktop/__main__ pauses it).

    Everything made so far lives as long as the program; ``gc.freeze`` moves it out
    of the collector's sight, so later collections (during a kiosk scan, say) only
    walk what was made since.
    """
    gc.freeze()
    gc.enable()


def _report_shown_and_quit(app: QApplication) -> None:
    """Benchmarks read this system-wide monotonic time of the first shown frame."""
    collector = "on" if gc.isenabled() else "off"
    print(f"shown {time.monotonic():.6f} gc={collector}", flush=True)
    app.quit()


def run_gui(db: str | None, language: str | None) -> int:
    app, chosen = make_application(sys.argv, language)
    unattended = bool(os.environ.get(EXIT_AFTER_SHOW_ENV)) or bool(
        os.environ.get("PARTNER_DESK_NONINTERACTIVE")
    )
    if unattended:
        messages.service = StderrMessages()
    else:
        crash.install()
    controller = Controller(chosen)
    if not controller.open(db):
        return EXIT_REFUSED
    window = controller.window
    assert window is not None
    window.show()
    QTimer.singleShot(0, resume_garbage_collection)
    if os.environ.get(EXIT_AFTER_SHOW_ENV):
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    code = app.exec()
    controller.shutdown()
    return code
