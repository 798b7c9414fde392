"""The activity report: who came, hours counted and approved, matching money (the same
totals as the hours screen), the feedback or its waiver, read back with pdftotext."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from models import feedback, hours
from models.activity_report import (
    RowState,
    activity_report_data,
    activity_report_file_name,
    render_activity_report,
    write_activity_report,
)
from models.db import Database
from models.errors import UserError
from models.feedback import FeedbackData
from models.schema import Registration
from tests.document_data import (
    STAFF,
    activity,
    at,
    attend,
    count_hours,
    embedded_fonts,
    pdf_pages,
    person,
    squashed,
)

DAY = date(2025, 3, 7)
NOW = datetime(2025, 6, 30, tzinfo=UTC)
GENERATED = date(2025, 3, 8)


@pytest.fixture
def sorting(org_database: Database) -> uuid.UUID:
    """旧衣分拣, 7 March 2025 09:00–12:00, roster of five.

    Approved: 张三 2.75 h, 李四 3 h, 王五 1 h, 陈一 (walk-in) 2.5 h = 9.25 h → ¥925.00.
    Pending: 王五's second session 0.75 h and 赵六's 补录 1.5 h.  Emily (walk-in) is
    still checked in; 欧阳娜娜's 补录 was rejected, so she did not come.
    """
    with org_database.transaction() as s:
        names = ["张三", "李四", "王五", "赵六", "欧阳娜娜", "陈一", "Emily Chen"]
        ids = {name: person(s, name, f"1390000{n:04d}") for n, name in enumerate(names)}
        event = activity(s, "旧衣分拣", DAY, time(9), time(12), location="静安仓库")
        for name in names[:5]:
            s.add(Registration(activity_id=event, volunteer_id=ids[name], source="import"))
        attend(s, event, ids["张三"], DAY, time(9, 2), time(11, 54))
        attend(s, event, ids["李四"], DAY, time(9), time(12))
        attend(s, event, ids["王五"], DAY, time(10), time(11))
        attend(s, event, ids["陈一"], DAY, time(9, 30), time(12))
        attend(s, event, ids["Emily Chen"], DAY, time(9, 30), None)
        count_hours(s, event, approve=True)
        attend(s, event, ids["王五"], DAY, time(11, 10), time(12))
        count_hours(s, event, approve=False)
        late = hours.SupplementalData(
            ids["赵六"], at(DAY, time(9)), at(DAY, time(10, 30)), "纸质签到表", event
        )
        hours.add_supplemental(s, late, staff=STAFF, now=NOW)
        wrong = hours.SupplementalData(
            ids["欧阳娜娜"], at(DAY, time(9)), at(DAY, time(10)), "误登", event
        )
        added = hours.add_supplemental(s, wrong, staff=STAFF, now=NOW)
        hours.reject_entry(s, added.entry_id, staff=STAFF, reason="当天未到场")
        return event


def report_text(db: Database, activity_id: uuid.UUID, path: Path) -> list[str]:
    with db.reading() as s:
        written = write_activity_report(s, activity_id, path, generated_on=GENERATED)
    pages = pdf_pages(path)
    assert written.pages == len(pages)
    return pages


def test_report_totals_agree_with_the_hours_screen(
    org_database: Database, sorting: uuid.UUID
) -> None:
    with org_database.reading() as s:
        data = activity_report_data(s, sorting)
        [screen] = hours.hours_by_activity(s)
    assert (data.approved_minutes, data.pending_minutes, data.matching_fen) == (
        screen.approved_minutes,
        screen.pending_minutes,
        screen.matching_fen,
    )
    assert (data.approved_minutes, data.pending_minutes, data.matching_fen) == (555, 135, 925_00)
    assert data.present == screen.attendances == 6
    assert (data.registered, data.walk_ins, data.no_shows, data.sessions) == (5, 2, 1, 6)
    assert data.rate_fen_per_hour == 100_00
    states = {
        (row.name, row.started_at.strftime("%H:%M") if row.started_at else ""): row.state
        for row in data.rows
    }
    assert states == {
        ("Emily Chen", "09:30"): RowState.CHECKED_IN,
        ("张三", "09:02"): RowState.APPROVED,
        ("李四", "09:00"): RowState.APPROVED,
        ("王五", "10:00"): RowState.APPROVED,
        ("王五", "11:10"): RowState.PENDING,
        ("赵六", "09:00"): RowState.PENDING,
        ("欧阳娜娜", "09:00"): RowState.REJECTED,
        ("陈一", "09:30"): RowState.APPROVED,
    }


def test_report_prints_people_hours_and_money(
    org_database: Database, sorting: uuid.UUID, tmp_path: Path
) -> None:
    [page] = report_text(org_database, sorting, tmp_path / "report.pdf")
    text = squashed(page)
    assert "志愿服务活动报告" in text and "绿芽公益服务中心" in text
    assert "旧衣分拣" in text and "静安仓库" in text
    assert "2025年3月7日（周五）09:00–12:00" in text
    assert "报名人数5人" in text and "到场人数6人" in text
    assert "未报名到场2人" in text and "报名未到1人" in text
    assert "已审核时长9.25小时" in text and "待审核时长2.25小时" in text
    assert "配捐金额¥925.00" in text and "¥100.00/小时" in text
    assert "合计" in text and "925.00" in text
    for name, code in (("张三", "V000001"), ("陈一", "V000006"), ("EmilyChen", "V000007")):
        assert name in text and code in text
    for line in page.splitlines():
        if "张三" in line:
            assert squashed(line).endswith("09:0211:542.752.75275.00已审核")
        if "赵六" in line:
            assert "补录·待审核" in squashed(line)
    assert "未签退" in text and "已驳回" in text
    assert "尚未填写活动反馈" in text
    assert "1390000" not in text  # no phone numbers
    assert "生成于2025年3月8日" in text and "第1/1页" in text


def test_feedback_is_printed(org_database: Database, sorting: uuid.UUID, tmp_path: Path) -> None:
    data = FeedbackData(
        people_served=120,
        work_done="分拣旧衣 600 件\n整理上架 200 件",
        satisfaction=4,
        beneficiaries="社区困难家庭",
        outcomes="为 35 户家庭备好冬衣",
        problems="场地偏小 <建议> 分两批 & 错峰",
        photo_count=12,
    )
    with org_database.transaction() as s:
        feedback.save_feedback(s, sorting, data, staff=STAFF)
    text = squashed("".join(report_text(org_database, sorting, tmp_path / "r.pdf")))
    assert "服务人数120人" in text
    assert "服务对象社区困难家庭" in text
    assert "分拣旧衣600件整理上架200件" in text
    assert "为35户家庭备好冬衣" in text
    assert "场地偏小<建议>分两批&错峰" in text  # markup characters printed as typed
    assert "活动照片12张" in text
    assert "志愿者满意度4/5（满意）" in text
    assert "尚未填写" not in text


def test_waived_feedback_gives_the_reason(
    org_database: Database, sorting: uuid.UUID, tmp_path: Path
) -> None:
    with org_database.transaction() as s:
        feedback.waive_feedback(s, sorting, reason="内部培训，无服务对象", staff=STAFF)
    text = squashed("".join(report_text(org_database, sorting, tmp_path / "r.pdf")))
    assert "本活动已免于填写反馈。原因：内部培训，无服务对象" in text
    assert "服务人数" not in text


def test_fonts_are_embedded_and_bytes_are_a_pdf(
    org_database: Database, sorting: uuid.UUID, tmp_path: Path
) -> None:
    with org_database.reading() as s:
        pdf = render_activity_report(s, sorting, generated_on=GENERATED)
        name = activity_report_file_name(activity_report_data(s, sorting))
    assert name == "活动报告_20250307_旧衣分拣.pdf"
    path = tmp_path / name
    path.write_bytes(pdf)
    fonts = embedded_fonts(path)
    assert fonts and all(emb == "yes" for _name, emb in fonts), fonts


def test_a_long_roster_flows_onto_pages_with_the_header_repeated(
    org_database: Database, tmp_path: Path
) -> None:
    with org_database.transaction() as s:
        event = activity(s, "社区大扫除", DAY, time(8), time(12))
        for n in range(70):
            who = person(s, f"志愿者{n:02d}")
            attend(s, event, who, DAY, time(8), time(10))
        count_hours(s, event, approve=True)
    pages = report_text(org_database, event, tmp_path / "long.pdf")
    assert len(pages) >= 2
    text = squashed("".join(pages))
    for n in range(70):
        assert f"志愿者{n:02d}" in text
    assert "已审核时长140.00小时" in text and "¥14,000.00" in text
    for number, page in enumerate(pages, start=1):
        flat = squashed(page)
        assert f"第{number}/{len(pages)}页" in flat
        if "志愿者0" in flat or "志愿者6" in flat:
            assert "已审核(小时)" in flat, f"page {number} lacks the table header"


def test_an_activity_without_anyone(org_database: Database, tmp_path: Path) -> None:
    with org_database.transaction() as s:
        event = activity(s, "雨天取消", DAY, time(14), time(16))
    text = squashed("".join(report_text(org_database, event, tmp_path / "empty.pdf")))
    assert "本活动没有签到记录" in text and "配捐金额¥0.00" in text


def test_unknown_activity_is_a_user_error(org_database: Database) -> None:
    with org_database.reading() as s, pytest.raises(UserError, match="no longer exists"):
        render_activity_report(s, uuid.uuid4())
