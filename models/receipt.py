"""The donor's receipt and thank-you letter (捐赠收据 / 感谢信) for one donation batch.

A Chinese A4 document: the organisation, the receipt number and date, the donor
(or 匿名捐赠人), a thank-you paragraph, every item with its estimated value, the
total in figures and in capital Chinese numerals (as on any Chinese receipt), a note
that the values are estimates, and a signature and seal block.  Long lists flow
onto further pages with the table header repeated; every page is numbered.

``receipt_for_batch`` reads the database into plain values; ``render_receipt``
turns them into PDF without touching the database.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models.errors import N_, UserError
from models.money import format_fen
from models.pdf_fonts import CJK, CJK_MONO, register_fonts
from models.pdf_layout import (
    ACCENT,
    CONTENT_WIDTH,
    FOOTER_TEXT_Y,
    FRAME_PADDING,
    HEADER_BG,
    LINE,
    MARGIN,
    MUTED,
    ZEBRA,
    BoldLine,
    Footer,
    footer_rule,
    numbered_canvas,
    style,
)
from models.schema import DonationBatch, Donor, Item, ItemCategory, Organisation, Store
from models.schema.enums import DonorKind, Grade

ANONYMOUS = "匿名捐赠人"
TITLE = "捐赠收据 / 感谢信"
GRADE_TEXT = {Grade.A: "A", Grade.B: "B", Grade.C: "C", Grade.UNSELLABLE: "不可售"}


@dataclass(frozen=True)
class ReceiptLine:
    code: str
    category: str
    description: str
    grade: str  # "A" | "B" | "C" | "不可售"
    quantity: int
    unit_value_fen: int

    @property
    def total_fen(self) -> int:
        return self.quantity * self.unit_value_fen


@dataclass(frozen=True)
class ReceiptData:
    receipt_no: str
    received_on: date
    donor_name: str | None  # None: anonymous (printed as 匿名捐赠人)
    organisation_name: str
    organisation_address: str | None
    contact_person: str | None
    contact_phone: str | None
    store: str  # e.g. "S01 静安旗舰店"
    lines: tuple[ReceiptLine, ...]
    seal_png: bytes | None = None

    @property
    def total_fen(self) -> int:
        return sum(line.total_fen for line in self.lines)

    @property
    def total_quantity(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def donor_display(self) -> str:
        return self.donor_name or ANONYMOUS


# -- reading --------------------------------------------------------------------------


def receipt_for_batch(session: Session, batch_id: uuid.UUID) -> ReceiptData:
    """Everything the receipt prints for donation batch ``batch_id``."""
    batch = session.get(DonationBatch, batch_id)
    if batch is None:
        raise UserError(N_("Donation batch {id} was not found."), id=str(batch_id))
    org = session.scalars(select(Organisation).limit(1)).first()
    if org is None:
        raise UserError(N_("Set up the organisation first."))
    donor = session.get(Donor, batch.donor_id) if batch.donor_id is not None else None
    donor_name = None
    if donor is not None and donor.kind != DonorKind.ANONYMOUS and donor.name.strip():
        donor_name = donor.name.strip()
    store = session.get(Store, batch.store_id)
    parent = aliased(ItemCategory)
    rows = session.execute(
        select(
            Item.code,
            ItemCategory.name,
            parent.name,
            Item.description,
            Item.grade,
            Item.quantity,
            Item.unit_value_fen,
        )
        .join(ItemCategory, Item.category_id == ItemCategory.id)
        .outerjoin(parent, ItemCategory.parent_id == parent.id)
        .where(Item.batch_id == batch.id)
        .order_by(Item.code)
    )
    lines = tuple(
        ReceiptLine(
            code=code,
            category=f"{top} › {name}" if top else name,
            description=description or "",
            grade=GRADE_TEXT.get(Grade(grade), str(grade)),
            quantity=quantity,
            unit_value_fen=unit_value_fen,
        )
        for code, name, top, description, grade, quantity, unit_value_fen in rows
    )
    return ReceiptData(
        receipt_no=batch.receipt_no,
        received_on=batch.received_on,
        donor_name=donor_name,
        organisation_name=org.name,
        organisation_address=org.address,
        contact_person=org.contact_person,
        contact_phone=org.contact_phone,
        store=f"{store.code} {store.name}" if store is not None else "",
        lines=lines,
        seal_png=org.seal_png,
    )


# -- Chinese figures ------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SECTIONS = ("", "万", "亿", "万亿")


def _four_digits(group: int) -> str:
    out = ""
    zero = False
    for place, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
        digit = group // place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + unit
    return out


def _integer_upper(value: int) -> str:
    groups = []
    while value:
        value, group = divmod(value, 10_000)
        groups.append(group)
    out = ""
    gap = False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            gap = bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _four_digits(group) + _SECTIONS[index]
        gap = False
    return out


def chinese_amount(fen: int) -> str:
    """An amount in capital Chinese numerals: 1234550 → 壹万贰仟叁佰肆拾伍元伍角整."""
    if fen < 0:
        raise ValueError("negative amount")
    if fen >= 10**16 * 100:
        raise ValueError("amount too large")
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    out = _integer_upper(yuan) + "元" if yuan else ""
    if not jiao and not cents:
        return (out or "零元") + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    return out + (_DIGITS[cents] + "分" if cents else "整")


def chinese_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


# -- rendering ------------------------------------------------------------------------


def _footer(data: ReceiptData) -> Footer:
    """The foot of every page: the organisation, the receipt number, "第 n / N 页"."""

    def draw(canvas: Canvas, number: int, total: int) -> None:
        width, _height = A4
        footer_rule(canvas)
        canvas.drawString(MARGIN, FOOTER_TEXT_Y, data.organisation_name)
        canvas.drawRightString(
            width - MARGIN, FOOTER_TEXT_Y, f"收据编号 {data.receipt_no}　第 {number} / {total} 页"
        )

    return draw


def _header(data: ReceiptData) -> list[Any]:
    name = style("org", 15, leading=20, textColor=ACCENT)
    small = style("contact", 8.5, leading=12, textColor=MUTED)
    flow: list[Any] = [Paragraph(escape(data.organisation_name), name)]
    contact = []
    if data.organisation_address:
        contact.append(f"地址：{escape(data.organisation_address)}")
    person = " ".join(p for p in (data.contact_person, data.contact_phone) if p)
    if person:
        contact.append(f"联系人：{escape(person)}")
    if contact:
        flow.append(Paragraph("　　".join(contact), small))
    flow.append(Spacer(1, 3 * mm))
    rule = HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=0)
    flow += [rule, Spacer(1, 6 * mm), BoldLine(TITLE, 20, space_after=6 * mm)]
    return flow


def _facts(data: ReceiptData) -> Table:
    key = style("key", 9.5, textColor=MUTED)
    value = style("value", 10.5)
    mono = style("mono", 10.5, fontName=CJK_MONO)
    cells = [
        [
            Paragraph("捐赠人", key),
            Paragraph(escape(data.donor_display), value),
            Paragraph("收据编号", key),
            Paragraph(escape(data.receipt_no), mono),
        ],
        [
            Paragraph("接收门店", key),
            Paragraph(escape(data.store), value),
            Paragraph("接收日期", key),
            Paragraph(chinese_date(data.received_on), value),
        ],
    ]
    half = CONTENT_WIDTH / 2
    table = Table(cells, colWidths=[20 * mm, half - 20 * mm, 20 * mm, half - 20 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), CJK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _letter(data: ReceiptData) -> list[Any]:
    body = style("body", 10.5, leading=18, firstLineIndent=21)
    greeting = style("greeting", 10.5, leading=18)
    addressee = escape(data.donor_name) if data.donor_name else "爱心人士"
    org = escape(data.organisation_name)
    return [
        Spacer(1, 6 * mm),
        Paragraph(f"尊敬的{addressee}：", greeting),
        Paragraph(
            f"衷心感谢您向{org}捐赠闲置物品！您捐赠的每一件物品都将经过我们的整理与分拣，"
            "或在爱心商店义卖、所得善款全部用于公益项目，或直接转赠给有需要的家庭和个人。"
            "您的善意让闲置物品重获价值，也让温暖传递到更多人身边。",
            body,
        ),
        Paragraph(
            f"本次共接收物品 {data.total_quantity} 件，明细如下。谨此致以诚挚的谢意！",
            body,
        ),
        Spacer(1, 4 * mm),
    ]


_COLUMNS = (  # widths add up to CONTENT_WIDTH (174 mm)
    ("物品编号", 31 * mm),
    ("类别", 30 * mm),
    ("描述", 43 * mm),
    ("品相", 12 * mm),
    ("数量", 11 * mm),
    ("估值单价 (¥)", 23 * mm),
    ("小计 (¥)", 24 * mm),
)


def _items_table(data: ReceiptData) -> Table:
    head = style("head", 8.5, leading=11, textColor=ACCENT)
    head_right = style("head_right", 8.5, leading=11, textColor=ACCENT, alignment=TA_RIGHT)
    head_centre = style("head_centre", 8.5, leading=11, textColor=ACCENT, alignment=TA_CENTER)
    cell = style("cell", 8.5, leading=11)
    mono = style("cell_mono", 8.5, leading=11, fontName=CJK_MONO)
    right = style("cell_right", 8.5, leading=11, alignment=TA_RIGHT)
    centre = style("cell_centre", 8.5, leading=11, alignment=TA_CENTER)
    header_styles = (head, head, head, head_centre, head_right, head_right, head_right)
    rows: list[list[Any]] = [
        [
            Paragraph(title, style)
            for (title, _width), style in zip(_COLUMNS, header_styles, strict=True)
        ]
    ]
    for line in data.lines:
        rows.append(
            [
                Paragraph(escape(line.code), mono),
                Paragraph(escape(line.category), cell),
                Paragraph(escape(line.description) or "—", cell),
                Paragraph(escape(line.grade), centre),
                Paragraph(str(line.quantity), right),
                Paragraph(format_fen(line.unit_value_fen, symbol=False), right),
                Paragraph(format_fen(line.total_fen, symbol=False), right),
            ]
        )
    table = Table(rows, colWidths=[width for _title, width in _COLUMNS], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [Color(1, 1, 1), ZEBRA]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, LINE),
                ("FONTNAME", (0, 0), (-1, -1), CJK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _totals(data: ReceiptData) -> Table:
    key = style("total_key", 9.5, textColor=MUTED, alignment=TA_RIGHT)
    value = style("total_value", 10.5, alignment=TA_RIGHT)
    big = style("total_big", 13, leading=17, alignment=TA_RIGHT, textColor=ACCENT)
    rows = [
        [Paragraph("物品合计", key), Paragraph(f"{data.total_quantity} 件", value)],
        [Paragraph("估值总额", key), Paragraph(format_fen(data.total_fen), big)],
        [
            Paragraph("人民币（大写）", key),
            Paragraph(chinese_amount(data.total_fen), value),
        ],
    ]
    table = Table(rows, colWidths=[34 * mm, 70 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), CJK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _closing(data: ReceiptData) -> list[Any]:
    note = style("note", 8, leading=12, textColor=MUTED)
    sign = style("sign", 10.5, leading=20, alignment=TA_LEFT)
    signature_cells: list[list[Any]] = [
        [Paragraph(f"{escape(data.organisation_name)}（盖章）", sign)],
        [Paragraph("经办人签字：", sign)],
        [Paragraph(chinese_date(data.received_on), sign)],
    ]
    signature = Table(signature_cells, colWidths=[80 * mm], hAlign="RIGHT")
    signature.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), CJK), ("LINEBELOW", (0, 1), (0, 1), 0.5, LINE)])
    )
    flow: list[Any] = [
        Spacer(1, 5 * mm),
        Paragraph(
            "说明：本收据为本机构对所接收捐赠物品的确认及感谢函。物品估值由本机构按物品品相估算，"
            "仅供参考，不作为公益事业捐赠统一票据或税前扣除凭证；如需票据，请与我们联系。",
            note,
        ),
        Spacer(1, 10 * mm),
        signature,
    ]
    if data.seal_png:
        flow.append(_Seal(data.seal_png))
    return [KeepTogether(flow)]


class _Seal(Flowable):  # type: ignore[misc]
    """The organisation's seal image, drawn over the signature block above it."""

    SIZE = 36 * mm

    def __init__(self, png: bytes) -> None:
        super().__init__()
        self.image = ImageReader(io.BytesIO(png))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 0.0

    def draw(self) -> None:
        x = self.width - 80 * mm + 20 * mm
        self.canv.drawImage(
            self.image, x, -4 * mm, self.SIZE, self.SIZE, mask="auto", preserveAspectRatio=True
        )


def render_receipt(data: ReceiptData, out: BinaryIO) -> None:
    """Write the receipt for ``data`` as an A4 PDF to ``out``."""
    register_fonts()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=f"{TITLE} {data.receipt_no}",
        author=data.organisation_name,
        creator="Partner Desk",
        initialFontName=CJK,
    )
    story: list[Any] = [*_header(data), _facts(data), *_letter(data)]
    if data.lines:
        story.append(_items_table(data))
        story.append(Spacer(1, 4 * mm))
    story.append(_totals(data))
    story.extend(_closing(data))
    document.build(story, canvasmaker=numbered_canvas(_footer(data)))
