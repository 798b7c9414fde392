"""Drawing the volunteer service certificate (志愿服务记录证明): see models.certificates.

A4, inside a thin double green frame: the organisation's name, the title, the
certificate number, a paragraph certifying the volunteer's service over the period,
a table of the activities (date, activity, place, hours) with the total, the
statement required by 民政部令第67号, and at the foot of the last page the lines for
the responsible person's and the handler's signatures, the organisation's name and
the issue date, with the seal image over them when one is set.  The seal is always
drawn at :data:`SEAL_BOX_MM` on the last page.  Long tables flow onto further pages
with their header repeated; each page's footer carries the certificate number and
"第 n / N 页".  The text is set in the bundled CJK font, embedded as a subset.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
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
)

from models.pdf_fonts import CJK, CJK_MONO, fit_text, register_fonts
from models.pdf_layout import (
    ACCENT,
    FOOTER_TEXT_Y,
    FRAME_PADDING,
    INK,
    MARGIN,
    MUTED,
    BoldLine,
    chinese_line_breaks,
    footer_rule,
    format_hours,
    grid_with_total_style,
    numbered_canvas,
    seal_image,
    style,
)
from models.receipt import chinese_date

# Page geometry (millimetres from the page's lower-left corner).
TOP_MARGIN_MM = 18.0
BOTTOM_MARGIN_MM = 22.0
BORDER_MM = (6.0, 7.5)  # the outer and inner frame lines, in from the paper's edge
SIGNATURE_TOP_MM = 90.0  # the signature block fills the last page from here down
SEAL_SIZE_MM = 40.0
SEAL_CENTRE_MM = (148.0, 63.0)
#: Where the seal image is drawn on the last page: x, y (lower left), width, height.
SEAL_BOX_MM = (
    SEAL_CENTRE_MM[0] - SEAL_SIZE_MM / 2,
    SEAL_CENTRE_MM[1] - SEAL_SIZE_MM / 2,
    SEAL_SIZE_MM,
    SEAL_SIZE_MM,
)
_ORG_LINE_Y_MM = 66.0
_DATE_LINE_Y_MM = 56.0
_SIGN_LINES_Y_MM = (76.0, 64.0, 52.0)


@dataclass(frozen=True)
class CertificateLine:
    day: date
    title: str | None  # None: supplemental hours without an activity
    location: str | None
    minutes: int


@dataclass(frozen=True)
class CertificateData:
    """Everything a certificate prints, as plain values."""

    number: str
    organisation_code: str
    organisation_name: str
    contact_person: str | None
    contact_phone: str | None
    volunteer_id: uuid.UUID
    volunteer_code: str
    volunteer_name: str
    start: date
    end: date
    issued_on: date
    lines: tuple[CertificateLine, ...]
    seal_png: bytes | None = None

    @property
    def total_minutes(self) -> int:
        return sum(line.minutes for line in self.lines)


# ----------------------------------------------------------------------------- words


@dataclass(frozen=True)
class _Texts:
    title: str
    number: str
    columns: tuple[str, str, str, str, str]
    other_service: str
    total: str
    intro: str  # {name} {code} {start} {end} {org} {count} {hours}
    count: Callable[[int], str]
    statement: str
    closing: str
    responsible: str
    handler: str
    contact: str
    seal: str  # "{org}（盖章）"
    issued: str  # {date}
    page: str  # {number} {page} {pages}
    date: Callable[[date], str]


_ZH = _Texts(
    title="志愿服务记录证明",
    number="证明编号：",
    columns=("序号", "服务日期", "服务项目", "服务地点", "服务时长（小时）"),
    other_service="其他志愿服务（补录）",
    total="合计",
    intro=(
        "兹证明 <u>{name}</u>（志愿者编号：{code}）于 {start} 至 {end} 期间，参加{org}"
        "组织开展的志愿服务 {count} 项，经本单位审核确认的志愿服务时长累计 "
        "<u>{hours}</u> 小时。具体记录如下："
    ),
    count=str,
    statement=(
        "以上信息依据本单位的志愿服务记录如实出具，仅统计经审核确认的服务时长，待审核的时长不计入。"
        "本单位依照《志愿服务记录与证明出具办法（试行）》（民政部令第67号），遵循真实、准确、"
        "完整、无偿、及时的原则记录志愿服务信息、出具本证明，并对证明内容的真实性负责。"
    ),
    closing="特此证明。",
    responsible="负责人（签字）：",
    handler="经办人（签字）：",
    contact="联系人：{contact}",
    seal="{org}（盖章）",
    issued="{date}",
    page="证明编号 {number}　第 {page} / {pages} 页",
    date=chinese_date,
)

_EN = _Texts(
    title="Volunteer Service Certificate",
    number="Certificate no. ",
    columns=("No.", "Date", "Activity", "Place", "Hours"),
    other_service="Other volunteer service (added later)",
    total="Total",
    intro=(
        "This is to certify that <u>{name}</u> (volunteer no. {code}) took part in {count} "
        "organised by {org} between {start} and {end}, with "
        "<u>{hours}</u> hours of service approved by us, as listed below:"
    ),
    count=lambda n: f"{n} volunteer service {'activity' if n == 1 else 'activities'}",
    statement=(
        "This certificate is issued from our volunteer service records and counts approved "
        "hours only; hours still waiting for approval are not included. We keep these "
        "records truthfully, accurately and completely under the Measures for Volunteer "
        "Service Records and Certificates (Ministry of Civil Affairs Order No. 67) and are "
        "responsible for the truth of this certificate."
    ),
    closing="",
    responsible="Responsible person (signature): ",
    handler="Issued by (signature): ",
    contact="Contact: {contact}",
    seal="{org} (seal)",
    issued="Issued on {date}",
    page="Certificate {number}   Page {page} of {pages}",
    date=date.isoformat,
)


def _texts(language: str) -> _Texts:
    return _EN if language.lower().startswith("en") else _ZH


# ----------------------------------------------------------------------------- drawing


class _SignatureBlock(Flowable):  # type: ignore[misc]
    """Signature lines, organisation, date and seal at a fixed place near the foot.

    It takes up the rest of the page from :data:`SIGNATURE_TOP_MM` down (moving to a
    new page when less is left), and draws at fixed page coordinates wherever the
    flow put it, so the seal is always at :data:`SEAL_BOX_MM`.
    """

    def __init__(self, data: CertificateData, texts: _Texts, seal: ImageReader | None) -> None:
        super().__init__()
        self.data = data
        self.texts = texts
        self.seal = seal

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, (SIGNATURE_TOP_MM - BOTTOM_MARGIN_MM) * mm - FRAME_PADDING

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        canvas.saveState()
        self._paint(canvas)
        canvas.restoreState()

    def _paint(self, canvas: Canvas) -> None:
        texts, data = self.texts, self.data
        left = MARGIN + 2 * mm
        line_end = left + 78 * mm
        canvas.setFillColor(INK)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        for label, y_mm in zip(
            (texts.responsible, texts.handler), _SIGN_LINES_Y_MM[:2], strict=True
        ):
            fitted = fit_text(label, CJK, 60 * mm, 10.5, min_size=7)
            canvas.setFont(CJK, fitted.size)
            canvas.drawString(left, y_mm * mm, fitted.text)
            canvas.line(
                left + fitted.width + 1 * mm, y_mm * mm - 1.2 * mm, line_end, y_mm * mm - 1.2 * mm
            )
        contact = " ".join(p for p in (data.contact_person, data.contact_phone) if p)
        if contact:
            fitted = fit_text(texts.contact.format(contact=contact), CJK, 78 * mm, 9.5, min_size=7)
            canvas.setFillColor(MUTED)
            canvas.setFont(CJK, fitted.size)
            canvas.drawString(left, _SIGN_LINES_Y_MM[2] * mm, fitted.text)
        centre = SEAL_CENTRE_MM[0] * mm
        org = fit_text(
            texts.seal.format(org=data.organisation_name), CJK, 84 * mm, 11.5, min_size=7
        )
        canvas.setFillColor(INK)
        canvas.setFont(CJK, org.size)
        canvas.drawCentredString(centre, _ORG_LINE_Y_MM * mm, org.text)
        canvas.setFont(CJK, 11)
        issued = texts.issued.format(date=texts.date(data.issued_on))
        canvas.drawCentredString(centre, _DATE_LINE_Y_MM * mm, issued)
        if self.seal is not None:
            x, y, width, height = (value * mm for value in SEAL_BOX_MM)
            canvas.drawImage(self.seal, x, y, width, height, mask="auto", preserveAspectRatio=True)


def _footer(data: CertificateData, texts: _Texts, pages: list[int]) -> Any:
    def draw(canvas: Canvas, number: int, total: int) -> None:
        pages[:] = [total]
        width, height = A4
        for inset, line_width in zip(BORDER_MM, (1.2, 0.4), strict=True):
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(line_width)
            canvas.rect(inset * mm, inset * mm, width - 2 * inset * mm, height - 2 * inset * mm)
        footer_rule(canvas)
        canvas.drawString(MARGIN, FOOTER_TEXT_Y + 2 * mm, data.organisation_name)
        canvas.drawRightString(
            width - MARGIN,
            FOOTER_TEXT_Y + 2 * mm,
            texts.page.format(number=data.number, page=number, pages=total),
        )

    return draw


_COLUMN_WIDTHS = (12 * mm, 30 * mm, 62 * mm, 44 * mm, 26 * mm)  # = CONTENT_WIDTH (174 mm)


def _table(data: CertificateData, texts: _Texts) -> Table:
    head = style("c_head", 9, leading=12, textColor=ACCENT)
    head_centre = style("c_head_c", 9, leading=12, textColor=ACCENT, alignment=TA_CENTER)
    head_right = style("c_head_r", 9, leading=12, textColor=ACCENT, alignment=TA_RIGHT)
    cell = style("c_cell", 9.5, leading=13)
    centre = style("c_centre", 9.5, leading=13, alignment=TA_CENTER)
    mono = style("c_mono", 9.5, leading=13, fontName=CJK_MONO, alignment=TA_CENTER)
    right = style("c_right", 9.5, leading=13, alignment=TA_RIGHT, fontName=CJK_MONO)
    total_key = style("c_total_k", 10, leading=14, alignment=TA_RIGHT, textColor=ACCENT)
    total_value = style(
        "c_total_v", 10.5, leading=14, alignment=TA_RIGHT, textColor=ACCENT, fontName=CJK_MONO
    )
    styles = (head_centre, head_centre, head, head, head_right)
    rows: list[list[Any]] = [
        [Paragraph(escape(title), s) for title, s in zip(texts.columns, styles, strict=True)]
    ]
    for number, line in enumerate(data.lines, start=1):
        rows.append(
            [
                Paragraph(str(number), centre),
                Paragraph(line.day.isoformat(), mono),
                Paragraph(escape(line.title or texts.other_service), cell),
                Paragraph(escape(line.location or "—"), cell),
                Paragraph(format_hours(line.minutes), right),
            ]
        )
    rows.append(
        [
            Paragraph(texts.total, total_key),
            "",
            "",
            "",
            Paragraph(format_hours(data.total_minutes), total_value),
        ]
    )
    table = Table(rows, colWidths=list(_COLUMN_WIDTHS), repeatRows=1)
    table.setStyle(grid_with_total_style(4))
    return table


def render_certificate_pdf(data: CertificateData, out: BinaryIO, *, language: str = "zh_CN") -> int:
    """Write the certificate for ``data`` as an A4 PDF to ``out``; returns the page count."""
    register_fonts()
    texts = _texts(language)
    seal = seal_image(data.seal_png) if data.seal_png else None
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=TOP_MARGIN_MM * mm - FRAME_PADDING,
        bottomMargin=BOTTOM_MARGIN_MM * mm - FRAME_PADDING,
        title=f"{texts.title} {data.number}",
        author=data.organisation_name,
        subject=f"{data.volunteer_code} {data.start.isoformat()}–{data.end.isoformat()}",
        creator="Partner Desk",
        initialFontName=CJK,
    )
    org_style = style("c_org", 13, leading=18, textColor=ACCENT, alignment=TA_CENTER)
    number_style = style("c_number", 9, leading=13, textColor=MUTED, alignment=TA_RIGHT)
    body = style("c_body", 11, leading=20, firstLineIndent=22)
    note = style("c_note", 9.5, leading=16, firstLineIndent=19, textColor=INK)
    closing = style("c_closing", 11, leading=20, firstLineIndent=22)
    when = texts.date
    intro = texts.intro.format(
        name=escape(data.volunteer_name),
        code=escape(data.volunteer_code),
        start=when(data.start),
        end=when(data.end),
        org=escape(data.organisation_name),
        count=texts.count(len(data.lines)),
        hours=format_hours(data.total_minutes),
    )
    ending: list[Any] = [Spacer(1, 5 * mm), Paragraph(texts.statement, note)]
    if texts.closing:
        ending += [Spacer(1, 2 * mm), Paragraph(texts.closing, closing)]
    ending.append(_SignatureBlock(data, texts, seal))
    story: list[Any] = [
        Paragraph(escape(data.organisation_name), org_style),
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=0),
        Spacer(1, 7 * mm),
        BoldLine(texts.title, 22, space_after=3 * mm),
        Paragraph(f"{texts.number}{escape(data.number)}", number_style),
        Spacer(1, 5 * mm),
        Paragraph(intro, body),
        Spacer(1, 4 * mm),
        _table(data, texts),
        KeepTogether(ending),
    ]
    pages: list[int] = [0]
    with chinese_line_breaks():
        document.build(story, canvasmaker=numbered_canvas(_footer(data, texts, pages)))
    return pages[0]
