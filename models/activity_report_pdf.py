"""Drawing the activity report (志愿服务活动报告): see models.activity_report.

A4 portrait in Chinese: the organisation and title, the activity's facts, a
summary of people, hours and matching money, one table row per attendance session
or supplemental entry with the totals (its header repeated on every page), and the
feedback.  Sections start on a new page when too little room is left under their
heading; every page is numbered "第 n / N 页".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from models.feedback import Feedback
from models.money import format_fen
from models.pdf_fonts import CJK, CJK_MONO, register_fonts
from models.pdf_layout import (
    ACCENT,
    CONTENT_WIDTH,
    FOOTER_TEXT_Y,
    FRAME_PADDING,
    LINE,
    MARGIN,
    MUTED,
    BoldLine,
    chinese_line_breaks,
    footer_rule,
    format_hours,
    grid_with_total_style,
    numbered_canvas,
    style,
)
from models.receipt import chinese_date
from models.schema.enums import ActivityState

TITLE = "志愿服务活动报告"
STATE_TEXT = {
    ActivityState.DRAFT: "草稿",
    ActivityState.OPEN: "进行中",
    ActivityState.CLOSED: "已结束",
    ActivityState.EXPORTED: "已上报",
}
SATISFACTION_TEXT = {1: "很不满意", 2: "不满意", 3: "一般", 4: "满意", 5: "非常满意"}
WEEKDAYS = "一二三四五六日"


class RowState(StrEnum):
    APPROVED = "approved"
    PARTLY_APPROVED = "partly_approved"
    PENDING = "pending"
    NEEDS_REVIEW = "needs_review"
    REJECTED = "rejected"
    CHECKED_IN = "checked_in"  # no check-out yet
    NOT_COUNTED = "not_counted"  # no hours (yet): too short, or not counted so far


ROW_STATE_TEXT = {
    RowState.APPROVED: "已审核",
    RowState.PARTLY_APPROVED: "部分已审核",
    RowState.PENDING: "待审核",
    RowState.NEEDS_REVIEW: "待复核",
    RowState.REJECTED: "已驳回",
    RowState.CHECKED_IN: "未签退",
    RowState.NOT_COUNTED: "未计时",
}


@dataclass(frozen=True)
class ReportRow:
    """One attendance session or supplemental entry, with what it earned."""

    volunteer_id: uuid.UUID
    code: str
    name: str
    supplemental: bool
    started_at: datetime | None  # local time of the organisation
    ended_at: datetime | None
    counted_minutes: int  # what the hour rules count (before approval)
    approved_minutes: int  # approved, corrections included
    pending_minutes: int
    matching_fen: int
    state: RowState


@dataclass(frozen=True)
class ActivityReport:
    organisation_name: str
    activity_id: uuid.UUID
    title: str
    kind: str
    state: ActivityState
    starts_at: datetime  # local time of the organisation
    ends_at: datetime
    location: str | None
    store: str | None  # "S01 静安旗舰店"
    scheduled_minutes: int
    programme_tag: str | None
    registered: int  # on the roster
    present: int  # came (人次: a session or an accepted supplemental entry)
    walk_ins: int  # came without being on the roster
    no_shows: int  # on the roster, did not come
    sessions: int  # attendance sessions (check-ins), discarded ones left out
    rows: tuple[ReportRow, ...]
    rate_fen_per_hour: int | None  # in force on the activity's date
    feedback: Feedback | None
    generated_on: date

    @property
    def counted_minutes(self) -> int:
        return sum(row.counted_minutes for row in self.rows)

    @property
    def approved_minutes(self) -> int:
        return sum(row.approved_minutes for row in self.rows)

    @property
    def pending_minutes(self) -> int:
        return sum(row.pending_minutes for row in self.rows)

    @property
    def matching_fen(self) -> int:
        return sum(row.matching_fen for row in self.rows)


# ----------------------------------------------------------------------------- drawing


def _when(data: ActivityReport) -> str:
    start, end = data.starts_at, data.ends_at
    day = f"{chinese_date(start.date())}（周{WEEKDAYS[start.weekday()]}）"
    if end.date() == start.date():
        return f"{day} {start:%H:%M}–{end:%H:%M}"
    return f"{day} {start:%H:%M} – {end.month}月{end.day}日 {end:%H:%M}"


def _clock(value: datetime | None, day: date) -> str:
    if value is None:
        return "—"
    if value.date() == day:
        return f"{value:%H:%M}"
    return f"{value.month}/{value.day} {value:%H:%M}"


def _text(value: str | None) -> str:
    if not value or not value.strip():
        return "—"
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def _key_values(pairs: list[tuple[str, str]], widths: tuple[float, float]) -> Table:
    """Two columns of label and value pairs, side by side."""
    key = style("r_key", 9, leading=13, textColor=MUTED)
    value = style("r_value", 10, leading=14)
    rows: list[list[Any]] = []
    for index in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, text in pairs[index : index + 2]:
            row += [Paragraph(escape(label), key), Paragraph(text, value)]
        while len(row) < 4:
            row.append("")
        rows.append(row)
    half = CONTENT_WIDTH / 2
    table = Table(rows, colWidths=[widths[0], half - widths[0], widths[1], half - widths[1]])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), CJK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _heading(text: str) -> list[Any]:
    """A section heading, on a new page when too little room is left under it."""
    return [
        CondPageBreak(40 * mm),
        Paragraph(
            escape(text),
            style(
                "r_heading", 12, leading=16, textColor=ACCENT, spaceBefore=5 * mm, spaceAfter=1 * mm
            ),
        ),
    ]


def _facts(data: ActivityReport) -> Table:
    pairs = [
        ("活动时间", escape(_when(data))),
        ("状态", STATE_TEXT.get(data.state, str(data.state))),
        ("地点", _text(data.location)),
        ("门店", _text(data.store)),
        ("活动类型", _text(data.kind)),
        ("计划时长", f"{format_hours(data.scheduled_minutes)} 小时"),
    ]
    if data.programme_tag:
        pairs.append(("项目标签", escape(data.programme_tag)))
    return _key_values(pairs, (20 * mm, 20 * mm))


def _summary(data: ActivityReport) -> Table:
    rate = (
        f"{format_fen(data.rate_fen_per_hour)} / 小时"
        if data.rate_fen_per_hour is not None
        else "未设置"
    )
    pairs = [
        ("报名人数", f"{data.registered} 人"),
        ("到场人数", f"{data.present} 人"),
        ("未报名到场", f"{data.walk_ins} 人"),
        ("报名未到", f"{data.no_shows} 人"),
        ("签到记录", f"{data.sessions} 条"),
        ("计入时长", f"{format_hours(data.counted_minutes)} 小时"),
        ("已审核时长", f"{format_hours(data.approved_minutes)} 小时"),
        ("待审核时长", f"{format_hours(data.pending_minutes)} 小时"),
        ("配捐标准", rate),
        ("配捐金额", f'<font color="#296b45">{format_fen(data.matching_fen)}</font>'),
    ]
    return _key_values(pairs, (24 * mm, 24 * mm))


_COLUMNS = (  # widths add up to CONTENT_WIDTH (174 mm)
    ("序号", 10 * mm, TA_CENTER),
    ("志愿者", 30 * mm, None),
    ("编号", 20 * mm, None),
    ("签到", 17 * mm, TA_CENTER),
    ("签退", 17 * mm, TA_CENTER),
    ("计入(小时)", 18 * mm, TA_RIGHT),
    ("已审核(小时)", 20 * mm, TA_RIGHT),
    ("配捐(¥)", 20 * mm, TA_RIGHT),
    ("状态", 22 * mm, TA_CENTER),
)


def _rows_table(data: ActivityReport) -> Table:
    def cell_style(name: str, align: int | None, **extra: Any) -> Any:
        options: dict[str, Any] = {"leading": 11, **extra}
        if align is not None:
            options["alignment"] = align
        return style(name, 8.5, **options)

    heads = [cell_style(f"r_h{i}", a, textColor=ACCENT) for i, (_t, _w, a) in enumerate(_COLUMNS)]
    cells = [cell_style(f"r_c{i}", a) for i, (_t, _w, a) in enumerate(_COLUMNS)]
    mono = cell_style("r_mono", None, fontName=CJK_MONO)
    numbers = cell_style("r_num", TA_RIGHT, fontName=CJK_MONO)
    muted = cell_style("r_muted", TA_CENTER, textColor=MUTED)
    total_style = cell_style("r_total", TA_RIGHT, textColor=ACCENT, fontName=CJK_MONO)
    total_key = cell_style("r_total_k", TA_RIGHT, textColor=ACCENT)
    rows: list[list[Any]] = [
        [Paragraph(title, heads[i]) for i, (title, _w, _a) in enumerate(_COLUMNS)]
    ]
    day = data.starts_at.date()
    for number, row in enumerate(data.rows, start=1):
        state = ROW_STATE_TEXT[row.state]
        if row.supplemental:
            state = f"补录·{state}"
        fen = format_fen(row.matching_fen, symbol=False) if row.approved_minutes else "—"
        rows.append(
            [
                Paragraph(str(number), cells[0]),
                Paragraph(escape(row.name), cells[1]),
                Paragraph(escape(row.code), mono),
                Paragraph(_clock(row.started_at, day), cells[3]),
                Paragraph(_clock(row.ended_at, day), cells[4]),
                Paragraph(format_hours(row.counted_minutes), numbers),
                Paragraph(format_hours(row.approved_minutes), numbers),
                Paragraph(fen, numbers),
                Paragraph(state, cells[8] if row.approved_minutes else muted),
            ]
        )
    rows.append(
        [
            Paragraph("合计", total_key),
            "",
            "",
            "",
            "",
            Paragraph(format_hours(data.counted_minutes), total_style),
            Paragraph(format_hours(data.approved_minutes), total_style),
            Paragraph(format_fen(data.matching_fen, symbol=False), total_style),
            "",
        ]
    )
    table = Table(rows, colWidths=[w for _t, w, _a in _COLUMNS], repeatRows=1)
    table.setStyle(grid_with_total_style(5))
    return table


def _feedback(data: ActivityReport) -> list[Any]:
    note = style("r_fb_note", 10, leading=16)
    feedback = data.feedback
    if feedback is None:
        return [Paragraph("尚未填写活动反馈。", note)]
    signed = "、".join(
        part
        for part in (
            escape(feedback.submitted_by or ""),
            chinese_date(feedback.submitted_on) if feedback.submitted_on else "",
        )
        if part
    )
    if feedback.waived:
        flow: list[Any] = [
            Paragraph(f"本活动已免于填写反馈。原因：{_text(feedback.waive_reason)}", note)
        ]
        if signed:
            flow.append(Paragraph(f"登记：{signed}", style("r_fb_by", 9, textColor=MUTED)))
        return flow
    satisfaction = "—"
    if feedback.satisfaction is not None:
        word = SATISFACTION_TEXT.get(feedback.satisfaction, "")
        satisfaction = (
            f"{feedback.satisfaction} / 5（{word}）" if word else str(feedback.satisfaction)
        )
    people = f"{feedback.people_served} 人" if feedback.people_served is not None else "—"
    pairs = [
        ("服务人数", people),
        ("服务对象", _text(feedback.beneficiaries)),
        ("工作内容", _text(feedback.work_done)),
        ("活动成效", _text(feedback.outcomes)),
        ("问题与建议", _text(feedback.problems)),
        ("活动照片", f"{feedback.photo_count} 张"),
        ("志愿者满意度", satisfaction),
        ("填写", signed or "—"),
    ]
    key = style("r_fb_key", 9, leading=13, textColor=MUTED)
    value = style("r_fb_value", 10, leading=15)
    table = Table(
        [[Paragraph(label, key), Paragraph(text, value)] for label, text in pairs],
        colWidths=[26 * mm, CONTENT_WIDTH - 26 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), CJK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [table]


def _footer(data: ActivityReport, pages: list[int]) -> Any:
    def draw(canvas: Any, number: int, total: int) -> None:
        pages[:] = [total]
        footer_rule(canvas)
        width, _height = A4
        canvas.drawString(MARGIN, FOOTER_TEXT_Y, f"{data.organisation_name}　{TITLE}")
        canvas.drawRightString(
            width - MARGIN,
            FOOTER_TEXT_Y,
            f"生成于 {chinese_date(data.generated_on)}　第 {number} / {total} 页",
        )

    return draw


def render_activity_report_pdf(data: ActivityReport, out: BinaryIO) -> int:
    """Write the report for ``data`` as an A4 PDF to ``out``; returns the page count."""
    register_fonts()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=14 * mm,
        bottomMargin=17 * mm,
        title=f"{TITLE} {data.title}",
        author=data.organisation_name,
        creator="Partner Desk",
        initialFontName=CJK,
    )
    org_style = style("r_org", 13, leading=18, textColor=ACCENT)
    subtitle = style("r_title", 14, leading=20, alignment=TA_CENTER)
    note = style("r_note", 8, leading=12, textColor=MUTED)
    story: list[Any] = [
        Paragraph(escape(data.organisation_name), org_style),
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=0),
        Spacer(1, 4 * mm),
        BoldLine(TITLE, 20, space_after=1 * mm),
        Paragraph(escape(data.title), subtitle),
        Spacer(1, 4 * mm),
        _facts(data),
        *_heading("一、参与与时长"),
        _summary(data),
        Spacer(1, 1.5 * mm),
        Paragraph(
            "到场人数按人计（同一人多次签到算一人）。配捐金额只按已审核的时长计算，"
            "按活动当日的配捐标准及每人每期的时长上下限折算；待审核时长审核通过后计入。",
            note,
        ),
        *_heading("二、志愿者服务明细"),
    ]
    if data.rows:
        story.append(_rows_table(data))
    else:
        story.append(Paragraph("本活动没有签到记录。", style("r_empty", 10, leading=16)))
    story += [*_heading("三、活动反馈"), *_feedback(data)]
    pages: list[int] = [0]
    with chinese_line_breaks():
        document.build(story, canvasmaker=numbered_canvas(_footer(data, pages)))
    return pages[0]
