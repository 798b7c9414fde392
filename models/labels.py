"""Item labels as PDF: A4 sheets of 3 × 8 adhesive labels, or one page per thermal label.

Each label carries the item's QR code (``PDI:<ORG>:<ITEMCODE>``, see models.codes)
and, for people, the code in large monospaced type, the category, the grade, the
store and the organisation.  Text never leaves its label: it shrinks to a minimum
size and is then cut with an ellipsis.

The QR codes are vector paths (models.qr), the Chinese text uses the bundled font,
embedded as a subset (models.pdf_fonts), so the file prints the same anywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, aliased

from models import codes as item_codes
from models import qr
from models.clock import utcnow
from models.errors import N_, UserError
from models.pdf_fonts import CJK, CJK_MONO, FittedText, fit_text, register_fonts, text_width
from models.schema import Item, ItemCategory, ItemEvent, Organisation, Store, new_id
from models.schema.enums import Grade, ItemEventKind

Progress = Callable[[int, int], None]

GRADE_TEXT = {Grade.A: "A", Grade.B: "B", Grade.C: "C", Grade.UNSELLABLE: "不可售"}
CATEGORY_SEPARATOR = " › "
GRADE_CAPTION = "品相"
_CHUNK = 500  # codes per IN (...) query

INK = Color(0, 0, 0)
GREY = Color(0.35, 0.35, 0.35)
RULE = Color(0.7, 0.7, 0.7)
WHITE = Color(1, 1, 1)


@dataclass(frozen=True)
class LabelData:
    code: str  # item code printed in text, e.g. "S01-26-000123"
    payload: str  # what the QR holds, e.g. "PDI:GREEN:S01-26-000123"
    category: str  # e.g. "服装 › 外套"
    grade: str  # "A" | "B" | "C" | "不可售"
    store: str  # e.g. "S01 静安旗舰店"
    organisation: str  # e.g. "绿芽公益服务中心"


class LabelTemplate(StrEnum):
    A4 = "a4"
    THERMAL = "thermal"


@dataclass(frozen=True)
class SheetLayout:
    """Where labels sit on a page (millimetres, origin at the page's top left)."""

    page_width: float
    page_height: float
    label_width: float
    label_height: float
    columns: int
    rows: int
    left: float
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def origin(self, slot: int) -> tuple[float, float]:
        """Lower-left corner, in points, of label ``slot`` (row by row from the top)."""
        row, column = divmod(slot, self.columns)
        x = self.left + column * (self.label_width + self.gap_x)
        top = self.top + row * (self.label_height + self.gap_y)
        return x * mm, (self.page_height - top - self.label_height) * mm


# 70 × 37 mm, 3 × 8 on A4 without gaps (e.g. Avery Zweckform 3474): the labels
# fill the width and leave 0.5 mm at the top and bottom.  (The 70 × 36 mm sheet
# with 4.5 mm margins is a different product.)  Content keeps ≥ 4 mm from the
# sheet's edges, inside what office printers reach.
A4_SHEET = SheetLayout(
    page_width=210.0,
    page_height=297.0,
    label_width=70.0,
    label_height=37.0,
    columns=3,
    rows=8,
    left=0.0,
    top=0.5,
)
THERMAL_LABEL = SheetLayout(
    page_width=40.0,
    page_height=30.0,
    label_width=40.0,
    label_height=30.0,
    columns=1,
    rows=1,
    left=0.0,
    top=0.0,
)
LAYOUTS = {LabelTemplate.A4: A4_SHEET, LabelTemplate.THERMAL: THERMAL_LABEL}


# -- drawing -------------------------------------------------------------------------


def _text(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


def _bold_text(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """The font has no bold face: fill and stroke the glyphs with a thin outline."""
    canvas.setFont(font, size)
    canvas.setLineWidth(size * 0.045)
    canvas.drawString(x, y, text, mode=2)


def _grade_badge(
    canvas: Any, x: float, y: float, grade: str, height: float, max_width: float
) -> float:
    """A black rounded box with the grade in white; returns its width."""
    fitted = fit_text(grade, CJK, max_width - height * 0.6, height * 0.72, min_size=height * 0.5)
    size, grade = fitted.size, fitted.text
    width = max(height * 1.15, fitted.width + height * 0.6)
    canvas.setFillColor(INK)
    canvas.roundRect(x, y, width, height, height * 0.18, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setLineWidth(size * 0.04)
    canvas.setStrokeColor(WHITE)
    canvas.setFont(CJK, size)
    canvas.drawCentredString(x + width / 2, y + height * 0.22, grade, mode=2)
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    return float(width)


class _Forms:
    """Drawings repeated on many labels (the grade badges), each stored once in the
    PDF as a form and placed by reference: smaller files, faster rendering."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.names: dict[tuple[str, str], str] = {}

    def place(self, kind: str, grade: str, x: float, y: float) -> None:
        key = (kind, grade)
        name = self.names.get(key)
        if name is None:
            name = f"badge{len(self.names)}"
            self.canvas.beginForm(name)
            if kind == "captioned":
                self.canvas.setFillColor(GREY)
                _text(self.canvas, 0, 1.0 * mm, GRADE_CAPTION, CJK, 7.5)
                self.canvas.setFillColor(INK)
                offset = text_width(GRADE_CAPTION, CJK, 7.5) + 1.2 * mm
                _grade_badge(self.canvas, offset, 0, grade, 4.6 * mm, 24 * mm)
            else:
                _grade_badge(self.canvas, 0, 0, grade, 4.6 * mm, 15 * mm)
            self.canvas.endForm()
            self.names[key] = name
        self.canvas.saveState()
        self.canvas.translate(x, y)
        self.canvas.doForm(name)
        self.canvas.restoreState()


def _draw_a4_label(canvas: Any, forms: _Forms, label: LabelData, x: float, y: float) -> None:
    """One 70 × 37 mm label with its lower-left corner at (x, y) points."""
    qr_size = 28 * mm
    qr_x, qr_y = x + 1.5 * mm, y + 4.5 * mm
    qr.draw_qr(canvas, qr.qr_matrix(label.payload), qr_x, qr_y, qr_size)

    left = qr_x + qr_size + 0.8 * mm
    width = x + 66.5 * mm - left  # 3.5 mm right margin

    org = fit_text(label.organisation, CJK, width, 6.5, min_size=5.0)
    canvas.setFillColor(GREY)
    _text(canvas, left, y + 30.8 * mm, org.text, CJK, org.size)
    canvas.setFillColor(INK)

    code = fit_text(label.code, CJK_MONO, width, 13.5, min_size=8.0, step=0.25)
    _bold_text(canvas, left, y + 23.6 * mm, code.text, CJK_MONO, code.size)

    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(left, y + 21.2 * mm, left + width, y + 21.2 * mm)
    canvas.setStrokeColor(INK)

    category = fit_text(label.category, CJK, width, 9.5, min_size=6.5)
    _text(canvas, left, y + 15.8 * mm, category.text, CJK, category.size)

    forms.place("captioned", label.grade, left, y + 9.3 * mm)

    store = fit_text(label.store, CJK, width, 8.0, min_size=6.0)
    _text(canvas, left, y + 5.0 * mm, store.text, CJK, store.size)


def _draw_thermal_label(canvas: Any, forms: _Forms, label: LabelData, x: float, y: float) -> None:
    """One 40 × 30 mm label: QR top left, code underneath, details to the right."""
    qr_size = 21.5 * mm
    qr_x, qr_y = x + 1.0 * mm, y + 7.4 * mm
    qr.draw_qr(canvas, qr.qr_matrix(label.payload), qr_x, qr_y, qr_size)

    code_width = 36 * mm
    code = fit_text(label.code, CJK_MONO, code_width, 10.5, min_size=6.0, step=0.25)
    _bold_text(canvas, x + (40 * mm - code.width) / 2, y + 3.0 * mm, code.text, CJK_MONO, code.size)

    left = qr_x + qr_size + 0.3 * mm
    width = x + 38.5 * mm - left  # 1.5 mm right margin

    forms.place("plain", label.grade, left, y + 22.6 * mm)

    lines = _category_lines(label.category, width, 7.5, 5.5)
    baseline = y + 18.6 * mm
    for line in lines:
        _text(canvas, left, baseline, line.text, CJK, line.size)
        baseline -= 3.4 * mm

    store = fit_text(label.store, CJK, width, 6.5, min_size=5.0)
    canvas.setFillColor(GREY)
    _text(canvas, left, y + 9.0 * mm, store.text, CJK, store.size)
    canvas.setFillColor(INK)


def _category_lines(text: str, width: float, size: float, min_size: float) -> list[FittedText]:
    """One line if it fits, else the two levels on two lines (each fitted)."""
    whole = fit_text(text, CJK, width, size)
    if not whole.truncated:
        return [whole]
    if CATEGORY_SEPARATOR in text:
        top, leaf = text.split(CATEGORY_SEPARATOR, 1)
        return [
            fit_text(top, CJK, width, size, min_size=min_size),
            fit_text("› " + leaf, CJK, width, size, min_size=min_size),
        ]
    return [fit_text(text, CJK, width, size, min_size=min_size)]


_DRAW = {LabelTemplate.A4: _draw_a4_label, LabelTemplate.THERMAL: _draw_thermal_label}


def render_labels(
    labels: Sequence[LabelData],
    template: LabelTemplate,
    out: BinaryIO,
    *,
    progress: Progress | None = None,
) -> int:
    """Write a PDF of ``labels`` to ``out``; returns the number of pages.

    ``progress(done, total)`` is called after each page and may raise
    ``Cancelled`` to stop (nothing more is written; the caller drops the file).
    """
    if not labels:
        raise UserError(N_("There are no items to print labels for."))
    template = LabelTemplate(template)
    register_fonts()
    layout = LAYOUTS[template]
    draw = _DRAW[template]
    canvas = Canvas(
        out,
        pagesize=(layout.page_width * mm, layout.page_height * mm),
        pageCompression=1,
        initialFontName=CJK,
    )
    canvas.setTitle("物品标签")
    canvas.setCreator("Partner Desk")
    forms = _Forms(canvas)
    total = len(labels)
    pages = 0
    for start in range(0, total, layout.per_page):
        page = labels[start : start + layout.per_page]
        for slot, label in enumerate(page):
            x, y = layout.origin(slot)
            draw(canvas, forms, label, x, y)
        canvas.showPage()
        pages += 1
        if progress is not None:
            progress(start + len(page), total)
    canvas.save()
    return pages


# -- from the database ---------------------------------------------------------------


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _organisation(session: Session) -> Organisation:
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("Set up the organisation first."))
    return org


def _label_query() -> Any:
    parent = aliased(ItemCategory)
    return (
        select(
            Item.code,
            Item.grade,
            ItemCategory.name,
            parent.name,
            Store.code,
            Store.name,
        )
        .join(ItemCategory, Item.category_id == ItemCategory.id)
        .outerjoin(parent, ItemCategory.parent_id == parent.id)
        .join(Store, Item.store_id == Store.id)
    )


def _label(row: Any, org: Organisation) -> LabelData:
    code, grade, category, parent, store_code, store_name = row
    return LabelData(
        code=code,
        payload=item_codes.item_payload(org.code, code),
        category=f"{parent}{CATEGORY_SEPARATOR}{category}" if parent else category,
        grade=GRADE_TEXT.get(Grade(grade), str(grade)),
        store=f"{store_code} {store_name}",
        organisation=org.name,
    )


def _normalised(codes: Sequence[str]) -> list[str]:
    return [item_codes.normalise(code) for code in codes]


def labels_for_items(
    session: Session, codes: Sequence[str] | None, *, limit: int | None = None
) -> list[LabelData]:
    """Labels for the given item codes (in that order, repeats kept), or with
    ``None`` for every item that never had a label printed (by code; at most
    ``limit`` of them if given: a large backlog is better printed in parts).

    Codes are normalised like scanned text (trimmed, upper case).  An unknown code
    raises ``UserError`` naming the first one, before anything is rendered.
    """
    org = _organisation(session)
    query = _label_query()
    if codes is None:
        unlabelled = query.where(Item.labelled_at.is_(None)).order_by(Item.code).limit(limit)
        return [_label(row, org) for row in session.execute(unlabelled)]
    wanted = _normalised(codes)
    found: dict[str, LabelData] = {}
    for chunk in _chunks(sorted(set(wanted))):
        for row in session.execute(query.where(Item.code.in_(chunk))):
            found[row[0]] = _label(row, org)
    for original, code in zip(codes, wanted, strict=True):
        if code not in found:
            raise UserError(N_("There is no item with the code {code}."), code=original.strip())
    return [found[code] for code in wanted]


def mark_labelled(
    session: Session,
    codes: Sequence[str],
    *,
    at: datetime | None = None,
    staff_id: uuid.UUID | None = None,
) -> int:
    """Record that labels were printed: set ``labelled_at`` and append a
    LABEL_PRINTED event per item (each code once).  Returns the number of items.

    Unknown codes raise ``UserError`` and nothing is changed.
    """
    when = at or utcnow()
    wanted = sorted(set(_normalised(codes)))
    rows: list[Any] = []
    for chunk in _chunks(wanted):
        rows.extend(
            session.execute(select(Item.id, Item.code, Item.store_id).where(Item.code.in_(chunk)))
        )
    known = {row.code for row in rows}
    for code in wanted:
        if code not in known:
            raise UserError(N_("There is no item with the code {code}."), code=code)
    ids = [row.id for row in rows]
    for start in range(0, len(ids), _CHUNK):
        # A real change of a synced row: bump its version like an ORM update would.
        session.execute(
            update(Item)
            .where(Item.id.in_(ids[start : start + _CHUNK]))
            .values(labelled_at=when, updated_at=when, version=Item.version + 1)
        )
    if rows:
        session.execute(
            insert(ItemEvent),
            [
                {
                    "id": new_id(),
                    "item_id": row.id,
                    "kind": ItemEventKind.LABEL_PRINTED,
                    "at": when,
                    "store_id": row.store_id,
                    "staff_id": staff_id,
                }
                for row in rows
            ],
        )
    return len(rows)
