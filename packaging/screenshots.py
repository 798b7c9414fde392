"""Take screenshots of the main screens for the README (run under Xvfb).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py

Builds a demo database in a temporary folder, opens the real main window in
Chinese, visits each screen and saves what the X screen shows to
docs/screenshots/<screen>.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--screens", nargs="*", default=None)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="partner-desk-shots-"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(home / "config"))
    os.environ.setdefault("XDG_DATA_HOME", str(home / "data"))

    from models import demo, migrate
    from models.db import Database

    db_path = home / "demo.sqlite3"
    database = Database.open(db_path)
    migrate.upgrade(database)
    demo.generate(database, demo.DemoSizes(items=3000, volunteers=200, activities=24))
    database.close()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from desktop.app import Controller, make_application
    from desktop.summary_screen import SummaryScreen

    _app, language = make_application([sys.argv[0]], args.lang)
    controller = Controller(language)
    if not controller.open(str(db_path)):
        return 1
    window = controller.window
    assert window is not None
    window.resize(1200, 760)
    window.move(20, 20)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    keys = args.screens or window.keys()
    for key in keys:
        screen = window.navigate(key)
        for _ in range(100):
            if not isinstance(screen, SummaryScreen) or screen.loaded:
                break
            settle(50)
        settle(300)
        screen_shot = QGuiApplication.primaryScreen().grabWindow(0)
        frame = window.frameGeometry()
        image = screen_shot.copy(frame) if not frame.isEmpty() else window.grab()
        path = args.out / f"{key}.png"
        image.save(str(path))
        print(path)
        if key == "kiosk":
            shoot_running_kiosk(window, controller, args.out, settle)
    controller.shutdown()
    return 0


def shoot_running_kiosk(window: object, controller: object, out: Path, settle: object) -> None:
    """The kiosk running, just after a volunteer's badge was scanned."""
    from sqlalchemy import select

    from desktop.kiosk.kiosk_screen import KioskScreen
    from models import badges
    from models.enums import ScanSource
    from models.schema import Badge

    screen = window.screen_for("kiosk")  # type: ignore[attr-defined]
    if not isinstance(screen, KioskScreen) or screen.open_list.count() == 0:
        return
    view = screen.start_kiosk()
    if view is None:
        return
    database = view.context.database
    with database.reading() as session:
        volunteer_ids = session.scalars(
            select(Badge.volunteer_id).where(Badge.retired_at.is_(None)).limit(40)
        ).all()
        payloads = [badges.current_badge(session, vid) for vid in volunteer_ids]
    payloads = [p.payload for p in payloads if p is not None]
    for payload in payloads[:6]:
        view.submit_scan(payload, ScanSource.SCANNER)
        settle(120)  # type: ignore[operator]
    settle(600)  # type: ignore[operator]
    path = out / "kiosk-running.png"
    window.grab().save(str(path))  # type: ignore[attr-defined]
    print(path)
    view.shutdown()
    screen._stopped()


if __name__ == "__main__":
    sys.exit(main())
