"""Test data for the certificate and activity-report tests, made through models
functions: volunteers, opened activities, attendance sessions turned into hour
entries, approvals; and the PDF tools (pdftotext, pdftoppm, pdffonts)."""

from __future__ import annotations

import io
import subprocess
import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw
from sqlalchemy.orm import Session

from models import activities, hours, volunteers
from models.activities import ActivityData
from models.schema import AttendanceSession
from models.schema.enums import SessionStatus
from models.volunteers import VolunteerData

STAFF = "王老师"
ZONE = ZoneInfo("Asia/Shanghai")


def at(day: date, clock: time) -> datetime:
    """A local wall-clock time in Shanghai, as aware UTC."""
    return datetime.combine(day, clock, tzinfo=ZONE).astimezone(UTC)


def person(s: Session, name: str, phone: str | None = None) -> uuid.UUID:
    data = VolunteerData(name=name, phone=phone, consent=True)
    return volunteers.add_volunteer(s, data, staff=STAFF)


def activity(
    s: Session,
    title: str,
    day: date,
    start: time,
    end: time,
    *,
    location: str | None = None,
    kind: str = "志愿服务",
) -> uuid.UUID:
    data = ActivityData(
        title=title,
        kind=kind,
        description=None,
        day=day,
        start=start,
        end=end,
        location=location,
    )
    activity_id = activities.create_activity(s, data, staff=STAFF)
    activities.open_activity(s, activity_id, staff=STAFF)
    return activity_id


def attend(
    s: Session,
    activity_id: uuid.UUID,
    volunteer_id: uuid.UUID,
    day: date,
    start: time,
    end: time | None,
) -> uuid.UUID:
    row = AttendanceSession(
        id=uuid.uuid4(),
        activity_id=activity_id,
        volunteer_id=volunteer_id,
        started_at=at(day, start),
        ended_at=at(day, end) if end is not None else None,
        status=SessionStatus.CLOSED if end is not None else SessionStatus.OPEN,
        counted_minutes=0,
    )
    s.add(row)
    s.flush()
    return row.id


def count_hours(s: Session, activity_id: uuid.UUID, *, approve: bool) -> None:
    """Turn the activity's closed sessions into entries, and approve them if asked."""
    hours.refresh_session_entries(s, activity_id)
    if approve:
        hours.approve_activity(s, activity_id, staff=STAFF)


def seal_png(size: int = 400) -> bytes:
    """A red seal: a ring and a disc on a transparent background."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 20, 30, 255)
    draw.ellipse((4, 4, size - 4, size - 4), outline=red, width=size // 20)
    draw.ellipse((size * 0.3, size * 0.3, size * 0.7, size * 0.7), fill=red)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# ----------------------------------------------------------------------------- PDF tools


def pdf_pages(path: Path) -> list[str]:
    """pdftotext -layout: one string per page."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], check=True, capture_output=True
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return [page for page in pages if page.strip()]


def squashed(text: str) -> str:
    """Text without any white space (pdftotext spaces CJK text out)."""
    return "".join(text.split())


def page_image(path: Path, page: int = 1, dpi: int = 100) -> Image.Image:
    """One page rendered by pdftoppm, as an RGB image."""
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), str(path)],
        check=True,
        capture_output=True,
    )
    return Image.open(io.BytesIO(result.stdout)).convert("RGB")


def embedded_fonts(path: Path) -> list[tuple[str, str]]:
    """(name, emb) of every font pdffonts lists."""
    result = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    rows = result.stdout.splitlines()[2:]
    fonts = []
    for row in rows:
        parts = row.split()
        # name type [encoding...] emb sub uni object ID: emb is the 5th field from the end.
        fonts.append((parts[0], parts[-5]))
    return fonts
