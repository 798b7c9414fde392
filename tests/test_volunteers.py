"""The volunteer registry: pinyin initials, search, adding and editing with audited
changes, refusals that write nothing, deactivation retiring the badge, and merging
two records of one person with every row of their history moved."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import pinyin
from models.badges import current_badge, issue_badge
from models.db import Database
from models.demo.data import GIVEN_CHARS, GIVEN_INITIALS, SURNAME_INITIALS, SURNAMES
from models.errors import UserError
from models.scan_meaning import Meaning, explain
from models.schema import (
    Activity,
    AttendanceSession,
    AuditEntry,
    Badge,
    CorrectionRequest,
    HourEntry,
    Registration,
    ScanEvent,
    Volunteer,
)
from models.schema.enums import (
    ActivityState,
    HourKind,
    ScanOutcome,
    ScanSource,
    SessionStatus,
)
from models.volunteers import (
    VolunteerData,
    VolunteerRow,
    add_volunteer,
    count_rows,
    deactivate,
    find_by_code,
    get_volunteer,
    merge,
    reactivate,
    search,
    update_volunteer,
)

STAFF = "王老师"

# ----------------------------------------------------------------------------- pinyin

# Real names (public figures, and common names) with their initials as read aloud.
REAL_NAMES = {
    "毛泽东": "MZD",
    "周恩来": "ZEL",
    "邓小平": "DXP",
    "鲁迅": "LX",
    "姚明": "YM",
    "刘翔": "LX",
    "李娜": "LN",
    "郎平": "LP",
    "成龙": "CL",
    "巩俐": "GL",
    "章子怡": "ZZY",
    "周杰伦": "ZJL",
    "王菲": "WF",
    "刘德华": "LDH",
    "张学友": "ZXY",
    "郭富城": "GFC",
    "黎明": "LM",
    "梁朝伟": "LCW",
    "张国荣": "ZGR",
    "邓丽君": "DLJ",
    "林志玲": "LZL",
    "范冰冰": "FBB",
    "赵薇": "ZW",
    "黄晓明": "HXM",
    "杨幂": "YM",
    "刘亦菲": "LYF",
    "胡歌": "HG",
    "孙俪": "SL",
    "邓超": "DC",
    "陈道明": "CDM",
    "葛优": "GY",
    "冯小刚": "FXG",
    "张艺谋": "ZYM",
    "陈凯歌": "CKG",
    "莫言": "MY",
    "钱学森": "QXS",
    "袁隆平": "YLP",
    "屠呦呦": "TYY",
    "杨振宁": "YZN",
    "李政道": "LZD",
    "钱钟书": "QZS",
    "杨绛": "YJ",
    "巴金": "BJ",
    "老舍": "LS",
    "冰心": "BX",
    "茅盾": "MD",
    "郭沫若": "GMR",
    "沈从文": "SCW",
    "曹雪芹": "CXQ",
    "李白": "LB",
    "杜甫": "DF",
    "白居易": "BJY",
    "苏轼": "SS",
    "李清照": "LQZ",
    "辛弃疾": "XQJ",
    "陆游": "LY",
    "王安石": "WAS",
    "欧阳修": "OYX",
    "司马光": "SMG",
    "诸葛亮": "ZGL",
    "曹操": "CC",
    "刘备": "LB",
    "孙权": "SQ",
    "关羽": "GY",
    "张飞": "ZF",
    "赵云": "ZY",
    "岳飞": "YF",
    "文天祥": "WTX",
    "郑成功": "ZCG",
    "林则徐": "LZX",
    "孙中山": "SZS",
    "蔡元培": "CYP",
    "梁启超": "LQC",
    "康有为": "KYW",
    "谭嗣同": "TST",
    "秋瑾": "QJ",
    "宋庆龄": "SQL",
    "马云": "MY",
    "马化腾": "MHT",
    "李彦宏": "LYH",
    "雷军": "LJ",
    "任正非": "RZF",
    "刘强东": "LQD",
    "丁磊": "DL",
    "张一鸣": "ZYM",
    "董明珠": "DMZ",
    "宗庆后": "ZQH",
    "柳传志": "LCZ",
    "俞敏洪": "YMH",
    "吴晓波": "WXB",
    "王俊凯": "WJK",
    "易烊千玺": "YYQX",
    "谷爱凌": "GAL",
    "苏炳添": "SBT",
    "全红婵": "QHC",
    "赵丽颖": "ZLY",
    "吴京": "WJ",
    "周冬雨": "ZDY",
    "徐峥": "XZ",
    "孙杨": "SY",
    "马龙": "ML",
    "朱婷": "ZT",
    "郭晶晶": "GJJ",
    "何炅": "HJ",
    "高晓松": "GXS",
    "林俊杰": "LJJ",
    "梁静茹": "LJR",
    "谢霆锋": "XTF",
    "唐嫣": "TY",
    "韩寒": "HH",
    "冯绍峰": "FSF",
    "邓紫棋": "DZQ",
    "彭丽媛": "PLY",
    "曾志伟": "ZZW",
    "萧敬腾": "XJT",
    "董卿": "DQ",
    "潘长江": "PCJ",
    "于谦": "YQ",
    "蒋雯丽": "JWL",
    "余华": "YH",
    "叶诗文": "YSW",
    "苏有朋": "SYP",
    "魏晨": "WC",
    "丁俊晖": "DJH",
    "任贤齐": "RXQ",
    "沈腾": "ST",
    "姜文": "JW",
    "崔健": "CJ",
    "钟南山": "ZNS",
    "汪峰": "WF",
    "廖凡": "LF",
    "贾玲": "JL",
    "方文山": "FWS",
    "白岩松": "BYS",
    "孟非": "MF",
    "秦海璐": "QHL",
    "薛之谦": "XZQ",
    "雷佳音": "LJY",
    "龙应台": "LYT",
    "朴树": "PS",
    "薄熙来": "BXL",
    "车晓": "CX",
    # Surnames read differently from the character's usual reading.
    "单田芳": "STF",
    "单霁翔": "SJX",
    "解缙": "XJ",
    "查良镛": "ZLY",
    "仇英": "QY",
    "区家麟": "OJL",
    "翟志刚": "ZZG",
    "翟天临": "ZTL",
    "曾国藩": "ZGF",
    "覃海洋": "QHY",
    "阚清子": "KQZ",
    "缪可馨": "MKX",
    "盖丽丽": "GLL",
    # Compound surnames.
    "欧阳娜娜": "OYNN",
    "司马迁": "SMQ",
    "上官婉儿": "SGWE",
    "诸葛瑾": "ZGJ",
    "东方朔": "DFS",
    "皇甫谧": "HFM",
    "令狐冲": "LHC",
    "慕容复": "MRF",
    "长孙无忌": "ZSWJ",
    "尉迟恭": "YCG",
    "澹台灭明": "TTMM",
    # Common names, level-2 GB 2312 and rarer characters in given names.
    "张伟": "ZW",
    "王芳": "WF",
    "刘洋": "LY",
    "陈静": "CJ",
    "杨秀英": "YXY",
    "黄勇": "HY",
    "李婷婷": "LTT",
    "王梓涵": "WZH",
    "张睿": "ZR",
    "刘昊然": "LHR",
    "陈奕迅": "CYX",
    "杨紫": "YZ",
    "赵琳": "ZL",
    "孙楠": "SN",
    "周笔畅": "ZBC",
    "吴琪": "WQ",
    "郑爽": "ZS",
    "王鑫": "WX",
    "李玥": "LY",
    "张珺": "ZJ",
    "刘堃": "LK",
    "陈喆": "CZ",
    "林燊": "LS",
    "黄赟": "HY",
    "王祎": "WY",
    "高旻": "GM",
    "徐彧": "XY",
    "朱熠": "ZY",
    "何晟": "HS",
    "罗璟": "LJ",
    "宋雯": "SW",
    "谢婧": "XJ",
    "许嫣": "XY",
    "冯璐": "FL",
    "曹瑾": "CJ",
    "彭皓": "PH",
    "蒋烨": "JY",
    "田曦": "TX",
    "袁沁": "YQ",
    "邓霏": "DF",
    "韩芮": "HR",
    "唐萱": "TX",
    "陆昕": "LX",
    "乔羿": "QY",
    "阿依古丽·买买提": "AYGLMMT",
}


def test_pinyin_initials_of_real_names() -> None:
    assert len(REAL_NAMES) >= 200
    wrong = {
        name: (pinyin.initials(name), expected)
        for name, expected in REAL_NAMES.items()
        if pinyin.initials(name) != expected
    }
    assert wrong == {}


def test_pinyin_initials_agree_with_the_demo_name_tables() -> None:
    for chars, letters in ((SURNAMES, SURNAME_INITIALS), (GIVEN_CHARS, GIVEN_INITIALS)):
        assert [pinyin.letter_of(ch) for ch in chars] == list(letters)


def test_the_table_agrees_with_the_gb2312_pinyin_order() -> None:
    """Level-1 GB 2312 characters are sorted by pinyin: a code range gives a letter."""
    starts = [
        (0xB0A1, "A"),
        (0xB0C5, "B"),
        (0xB2C1, "C"),
        (0xB4EE, "D"),
        (0xB6EA, "E"),
        (0xB7A2, "F"),
        (0xB8C1, "G"),
        (0xB9FE, "H"),
        (0xBBF7, "J"),
        (0xBFA6, "K"),
        (0xC0AC, "L"),
        (0xC2E8, "M"),
        (0xC4C3, "N"),
        (0xC5B6, "O"),
        (0xC5BE, "P"),
        (0xC6DA, "Q"),
        (0xC8BB, "R"),
        (0xC8F6, "S"),
        (0xCBFA, "T"),
        (0xCDDA, "W"),
        (0xCEF4, "X"),
        (0xD1B9, "Y"),
        (0xD4D1, "Z"),
    ]
    same = different = 0
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                ch = bytes([high, low]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            code = high * 256 + low
            expected = [letter for start, letter in starts if code >= start][-1]
            if pinyin.letter_of(ch) == expected:
                same += 1
            else:
                different += 1
    # All 3,755 level-1 characters; the few that differ have two readings (厦, 乾 …).
    assert same + different == 3755
    assert different <= 25


def test_latin_mixed_and_odd_names() -> None:
    assert pinyin.initials("Anna Lee") == "AL"
    assert pinyin.initials("  john   smith ") == "JS"
    assert pinyin.initials("Mary-Jane Watson") == "MJW"
    assert pinyin.initials("O'Neil") == "O"
    assert pinyin.initials("Ｊｏｓé Martínez") == "JM"
    assert pinyin.initials("李 Lily") == "LL"
    assert pinyin.initials("王 2 号") == "WH"
    for empty in (None, "", "   ", "123", "·"):
        assert pinyin.initials(empty) is None
    # A character with no known reading ends the initials (they stay a prefix).
    assert pinyin.initials("王𬌗明") == "W"
    assert pinyin.initials("张" * 60) == "Z" * pinyin.MAX_LENGTH


@given(st.text(max_size=80))
def test_initials_never_raise_and_are_capitals(text: str) -> None:
    found = pinyin.initials(text)
    assert found is None or (
        found.isascii() and found.isalpha() and found.isupper() and len(found) <= 40
    )


# ----------------------------------------------------------------------------- helpers


def data(name: str, phone: str | None = None, **more: Any) -> VolunteerData:
    given = VolunteerData(name=name, phone=phone, consent=True, consent_note="纸质同意书已存档")
    return replace(given, **more)


def totals(session: Session) -> tuple[int, int, int]:
    volunteers = session.scalar(select(func.count()).select_from(Volunteer))
    entries = session.scalar(select(func.count()).select_from(AuditEntry))
    badge_count = session.scalar(select(func.count()).select_from(Badge))
    return int(volunteers or 0), int(entries or 0), int(badge_count or 0)


@contextmanager
def writes_nothing(session: Session) -> Iterator[None]:
    """The block raises (checked by the caller) having changed nothing in the session."""
    before = totals(session)
    yield
    assert not session.new and not session.dirty and not session.deleted
    assert totals(session) == before


def audit_of(session: Session, action: str) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.at)
        )
    )


def names(rows: list[VolunteerRow]) -> list[str]:
    return [row.name for row in rows]


AT = datetime(2026, 3, 7, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


def activity(session: Session, title: str, *, day: int = 0) -> uuid.UUID:
    start = AT + timedelta(days=day)
    row = Activity(
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=4),
        state=ActivityState.OPEN,
        scheduled_minutes=240,
    )
    session.add(row)
    session.flush()
    return row.id


# ----------------------------------------------------------------------------- adding


@pytest.fixture
def registry(org_database: Database) -> dict[str, uuid.UUID]:
    """张三 (V000001), 李四 (V000002), 王小明 (V000003, programme id P2026001),
    Anna Lee (V000004), 赵六 (V000005, inactive)."""
    with org_database.transaction() as session:
        ids = {
            "张三": add_volunteer(session, data("张三", "138 0013 8000"), staff=STAFF),
            "李四": add_volunteer(
                session, data("李四", "+86 139-0013-9000", employer="星辰科技"), staff=STAFF
            ),
            "王小明": add_volunteer(
                session, data("王小明", "021-62345678", programme_id=" p2026001 "), staff=STAFF
            ),
            "Anna Lee": add_volunteer(session, data("Anna Lee"), staff=STAFF),
            "赵六": add_volunteer(session, data("赵六", "13700137000"), staff=STAFF),
        }
        deactivate(session, ids["赵六"], staff=STAFF, reason="搬家")
    return ids


def test_added_volunteers_get_codes_initials_and_consent(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    with org_database.reading() as session:
        rows = {name: get_volunteer(session, vid) for name, vid in registry.items()}
        entries = [(e.staff_name, e.entity_id, e.after) for e in audit_of(session, "volunteer.add")]
    assert [rows[n].code for n in ("张三", "李四", "王小明", "Anna Lee", "赵六")] == [
        f"V00000{n}" for n in range(1, 6)
    ]
    zhang = rows["张三"]
    assert (zhang.initials, zhang.phone, zhang.active, zhang.has_badge) == (
        "ZS",
        "13800138000",
        True,
        False,
    )
    assert zhang.consent_at is not None and zhang.consent_note == "纸质同意书已存档"
    assert rows["李四"].phone == "13900139000"
    assert rows["王小明"].programme_id == "P2026001"
    assert rows["王小明"].phone == "021-62345678"
    assert rows["Anna Lee"].initials == "AL" and rows["Anna Lee"].phone is None
    assert rows["赵六"].active is False
    assert zhang.data() == VolunteerData(
        name="张三",
        phone="13800138000",
        consent=True,
        consent_note="纸质同意书已存档",
    )
    assert len(entries) == 5
    staff_name, entity_id, after = entries[0]
    assert (staff_name, entity_id) == (STAFF, str(registry["张三"]))
    assert after is not None and after["code"] == "V000001"
    assert after["phone"] == "13800138000"


def test_codes_continue_after_the_highest(org_database: Database) -> None:
    with org_database.transaction() as session:
        session.add(Volunteer(code="V000123", name="旧记录"))
        session.add(Volunteer(code="VIP", name="特殊编号"))
        session.flush()
        new_id = add_volunteer(session, data("新人"), staff=STAFF)
        assert get_volunteer(session, new_id).code == "V000124"


def test_search_by_name_initials_phone_code_and_programme_id(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    with org_database.reading() as session:
        assert names(search(session, "")) == ["Anna Lee", "张三", "李四", "王小明"]
        assert names(search(session, "张")) == ["张三"]
        assert names(search(session, "小明")) == ["王小明"]
        assert names(search(session, "zs")) == ["张三"]
        assert names(search(session, "WXM")) == ["王小明"]
        assert names(search(session, "w")) == ["王小明"]
        assert names(search(session, "anna")) == ["Anna Lee"]
        assert names(search(session, "0013")) == ["张三", "李四"]
        assert names(search(session, "139 0013")) == ["李四"]
        assert names(search(session, "62345678")) == ["王小明"]
        assert names(search(session, "02162345678")) == ["王小明"]
        assert names(search(session, "V000002")) == ["李四"]
        assert names(search(session, "000002")) == ["李四"]  # V000002
        assert "李四" in names(search(session, "2"))
        assert names(search(session, "p2026")) == ["王小明"]
        assert search(session, "不存在") == []
        assert search(session, "50%_") == []
        # Inactive records only when asked for.
        assert search(session, "赵六") == []
        [zhao] = search(session, "zl", include_inactive=True)
        assert (zhao.name, zhao.active) == ("赵六", False)
        # Pages.
        first = search(session, "", limit=2)
        assert names(first) == ["Anna Lee", "张三"]
        assert names(search(session, "", limit=2, after=first[-1])) == ["李四", "王小明"]
        assert names(search(session, "", after=first[-1].sort_key)) == ["李四", "王小明"]
        assert find_by_code(session, " v000003 ") == get_volunteer(session, registry["王小明"])
        assert find_by_code(session, "V999999") is None


def test_search_shows_the_current_badge(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as session:
        issue_badge(session, registry["李四"], staff=STAFF)
    with org_database.reading() as session:
        [li] = search(session, "李四")
        assert (li.has_badge, li.badge_seq) == (True, 1)
        [zhang] = search(session, "张三")
        assert (zhang.has_badge, zhang.badge_seq) == (False, None)


def test_a_duplicate_phone_is_refused_naming_the_record(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as session, writes_nothing(session):
        with pytest.raises(UserError) as caught:
            add_volunteer(session, data("张叁", "+86 13800138000"), staff=STAFF)
        assert caught.value.params == {"phone": "13800138000", "volunteer": "张三 (V000001)"}
        assert "merge" in caught.value.template
        with pytest.raises(UserError) as caught:
            add_volunteer(session, data("赵陆", "137-0013-7000"), staff=STAFF)
        assert "inactive" in caught.value.template
        assert caught.value.params["volunteer"] == "赵六 (V000005)"
        with pytest.raises(UserError) as caught:
            add_volunteer(session, data("王晓明", programme_id="P2026001"), staff=STAFF)
        assert caught.value.params == {
            "programme_id": "P2026001",
            "volunteer": "王小明 (V000003)",
        }


@pytest.mark.parametrize(
    ("volunteer", "fragment"),
    [
        (VolunteerData(name="新人", phone="1380013800", consent=True), "11 digits"),
        (VolunteerData(name="新人", phone="电话", consent=True), "not a phone number"),
        (VolunteerData(name="新人", phone="+1 415 555 0100", consent=True), "mainland"),
        (VolunteerData(name="   ", phone="13800138001", consent=True), "name"),
        (VolunteerData(name="新" * 101, consent=True), "at most"),
        (VolunteerData(name="新人", phone="13800138001"), "consent"),
        (VolunteerData(name="新人", notes="x" * 2001, consent=True), "at most"),
    ],
)
def test_bad_input_is_refused_with_nothing_written(
    org_database: Database, volunteer: VolunteerData, fragment: str
) -> None:
    with org_database.transaction() as session, writes_nothing(session):
        with pytest.raises(UserError) as caught:
            add_volunteer(session, volunteer, staff=STAFF)
        assert fragment in caught.value.template
    with (
        org_database.transaction() as session,
        writes_nothing(session),
        pytest.raises(UserError, match="staff"),
    ):
        add_volunteer(session, data("新人"), staff="  ")


# ----------------------------------------------------------------------------- editing


def test_an_update_audits_the_changed_fields_only(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    vid = registry["张三"]
    with org_database.transaction() as session:
        before = get_volunteer(session, vid)
        change = update_volunteer(
            session,
            vid,
            data("张叁", "13800138000", employer="云栖数据", skills="搬运、摄影"),
            staff="陈老师",
        )
    assert change.changed == ("name", "employer", "skills")
    assert change.before == {"name": "张三", "employer": None, "skills": None}
    with org_database.reading() as session:
        after = get_volunteer(session, vid)
        [entry] = audit_of(session, "volunteer.update")
        assert (entry.staff_name, entry.entity_id) == ("陈老师", str(vid))
        assert entry.before == {"name": "张三", "employer": None, "skills": None}
        assert entry.after == {"name": "张叁", "employer": "云栖数据", "skills": "搬运、摄影"}
        version = session.get_one(Volunteer, vid).version
    assert (after.name, after.initials, after.employer) == ("张叁", "ZS", "云栖数据")
    assert after.consent_at == before.consent_at
    assert version == 2

    with org_database.transaction() as session:
        same = update_volunteer(session, vid, after.data(), staff=STAFF)
    assert same.changed == ()
    with org_database.reading() as session:
        assert len(audit_of(session, "volunteer.update")) == 1

    # Consent withdrawn, and given again later (a new time).
    with org_database.transaction() as session:
        withdrawn = update_volunteer(
            session, vid, data("张叁", "13800138000", consent=False), staff=STAFF
        )
    assert "consent_at" in withdrawn.changed
    with org_database.transaction() as session:
        assert get_volunteer(session, vid).consent_at is None
        update_volunteer(session, vid, data("张叁", "13800138000"), staff=STAFF)
        assert get_volunteer(session, vid).consent_at is not None


def test_an_update_is_checked_like_a_new_record(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    with org_database.transaction() as session, writes_nothing(session):
        with pytest.raises(UserError) as caught:
            update_volunteer(session, registry["张三"], data("张三", "13900139000"), staff=STAFF)
        assert caught.value.params["volunteer"] == "李四 (V000002)"
        with pytest.raises(UserError, match="not a mobile"):
            update_volunteer(session, registry["张三"], data("张三", "1234"), staff=STAFF)
        with pytest.raises(UserError, match="name"):
            update_volunteer(session, registry["张三"], data(""), staff=STAFF)
        with pytest.raises(UserError, match="no longer"):
            update_volunteer(session, uuid.uuid4(), data("张三"), staff=STAFF)


# ----------------------------------------------------------------------------- (de)activation


def test_deactivation_retires_the_badge(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    vid = registry["李四"]
    with org_database.transaction() as session:
        badge = issue_badge(session, vid, staff=STAFF)
    with org_database.reading() as session:
        assert explain(session, badge.payload).meaning is Meaning.BADGE
    with org_database.transaction() as session:
        assert deactivate(session, vid, staff="陈老师", reason="  离开  项目 ") == 1
    with org_database.reading() as session:
        assert explain(session, badge.payload).meaning is Meaning.RETIRED_BADGE
        assert current_badge(session, vid) is None
        assert search(session, "李四") == []
        entry = audit_of(session, "volunteer.deactivate")[-1]
        assert (entry.reason, entry.before, entry.after) == (
            "离开 项目",
            {"active": True},
            {"active": False},
        )
        [retired] = audit_of(session, "badge.retired")
        assert retired.reason == "离开 项目"

    with org_database.transaction() as session, writes_nothing(session):
        with pytest.raises(UserError, match="already inactive"):
            deactivate(session, vid, staff=STAFF, reason="再次")
        with pytest.raises(UserError, match="reason"):
            reactivate(session, vid, staff=STAFF, reason=" ")
        with pytest.raises(UserError, match="already active"):
            reactivate(session, registry["张三"], staff=STAFF, reason="误操作")
        with pytest.raises(UserError, match="reason"):
            deactivate(session, registry["张三"], staff=STAFF, reason="")

    with org_database.transaction() as session:
        reactivate(session, vid, staff=STAFF, reason="回来了")
        assert deactivate(session, registry["张三"], staff=STAFF, reason="不再参加") is None
    with org_database.reading() as session:
        assert names(search(session, "李四")) == ["李四"]
        # The old badge stays retired: a new one must be issued.
        assert explain(session, badge.payload).meaning is Meaning.RETIRED_BADGE
        assert len(audit_of(session, "volunteer.reactivate")) == 1


# ----------------------------------------------------------------------------- merging


def history(
    session: Session,
    volunteer_id: uuid.UUID,
    activities: dict[str, uuid.UUID],
    *,
    sessions: list[tuple[str, int, int]],
    device: str,
) -> dict[str, list[uuid.UUID]]:
    """Scans, sessions (activity, start hour offset, end), hours and a request."""
    made: dict[str, list[uuid.UUID]] = {"scans": [], "sessions": [], "hours": [], "requests": []}
    for title, start, end in sessions:
        activity_id = activities[title]
        starts = session.get_one(Activity, activity_id).starts_at
        scans = [
            ScanEvent(
                activity_id=activity_id,
                volunteer_id=volunteer_id,
                device_id=device,
                source=ScanSource.SCANNER,
                outcome=outcome,
                payload="X",
                scanned_at=starts + timedelta(hours=hour),
            )
            for outcome, hour in ((ScanOutcome.CHECK_IN, start), (ScanOutcome.CHECK_OUT, end))
        ]
        session.add_all(scans)
        session.flush()
        attendance = AttendanceSession(
            activity_id=activity_id,
            volunteer_id=volunteer_id,
            check_in_event_id=scans[0].id,
            check_out_event_id=scans[1].id,
            started_at=scans[0].scanned_at,
            ended_at=scans[1].scanned_at,
            status=SessionStatus.CLOSED,
            counted_minutes=(end - start) * 60,
        )
        session.add(attendance)
        session.flush()
        entry = HourEntry(
            volunteer_id=volunteer_id,
            activity_id=activity_id,
            session_id=attendance.id,
            kind=HourKind.SESSION,
            work_date=date(2026, 3, 7),
            minutes=(end - start) * 60,
        )
        session.add(entry)
        session.flush()
        made["scans"] += [scan.id for scan in scans]
        made["sessions"].append(attendance.id)
        made["hours"].append(entry.id)
    request = CorrectionRequest(volunteer_id=volunteer_id, request_text="3月7日少记了一小时")
    session.add(request)
    session.flush()
    made["requests"].append(request.id)
    return made


def test_merge_moves_every_row_and_keeps_history(org_database: Database) -> None:
    with org_database.transaction() as session:
        keep = add_volunteer(session, data("王小明", "13800138000"), staff=STAFF)
        other = add_volunteer(
            session,
            data("王小明", "13900139000", employer="星辰科技", programme_id="P7", skills="摄影"),
            staff=STAFF,
        )
        older = add_volunteer(session, data("王晓明"), staff=STAFF)
        activities = {
            "分拣": activity(session, "周六分拣"),
            "陈列": activity(session, "门店陈列", day=1),
            "义卖": activity(session, "社区义卖", day=2),
        }
        # Both on the 分拣 roster; only the other record on 陈列.
        kept_registration = Registration(
            activity_id=activities["分拣"], volunteer_id=keep, programme_id=None
        )
        session.add_all(
            [
                kept_registration,
                Registration(activity_id=activities["分拣"], volunteer_id=other, programme_id="P7"),
                Registration(activity_id=activities["陈列"], volunteer_id=other, programme_id="P7"),
            ]
        )
        session.flush()
        kept_rows = history(session, keep, activities, sessions=[("分拣", 0, 2)], device="A")
        other_rows = history(
            session,
            other,
            activities,
            sessions=[("分拣", 1, 3), ("陈列", 0, 4), ("义卖", 0, 1)],
            device="B",
        )
        keep_badge = issue_badge(session, keep, staff=STAFF)
        other_badge = issue_badge(session, other, staff=STAFF)
        # An earlier duplicate, already merged into the other record.
        older_row = session.get_one(Volunteer, older)
        older_row.active, older_row.merged_into_id = False, other
        session.flush()

    with org_database.transaction() as session:
        preview = count_rows(session, other)
        result = merge(session, keep, other, staff="陈老师", reason="同一人登记了两次")

    assert preview == {
        "registrations": 2,
        "scan_events": 6,
        "attendance_sessions": 3,
        "hour_entries": 3,
        "correction_requests": 1,
        "badges": 1,
    }
    assert (
        result.registrations,
        result.duplicate_registrations,
        result.scan_events,
        result.attendance_sessions,
        result.hour_entries,
        result.correction_requests,
        result.badges_retired,
        result.earlier_merges,
    ) == (1, 1, 6, 3, 3, 1, 1, 1)
    assert result.moved == 14
    assert result.filled == ("employer", "programme_id", "skills")
    [warning] = result.warnings
    assert warning.activity_id == activities["分拣"]
    assert warning.params["activity"] == "周六分拣"
    assert warning.params["first"] == "2026-03-07 09:00–11:00"
    assert warning.params["second"] == "2026-03-07 10:00–12:00"
    assert set(warning.session_ids) == {kept_rows["sessions"][0], other_rows["sessions"][0]}
    assert "周六分拣" in warning.render()

    with org_database.reading() as session:
        assert count_rows(session, other) == {
            "registrations": 0,
            "scan_events": 0,
            "attendance_sessions": 0,
            "hour_entries": 0,
            "correction_requests": 0,
            "badges": 1,  # badges stay with the code printed on them, retired
        }
        assert count_rows(session, keep)["scan_events"] == 8
        # Every row kept its id: history is moved, not copied.
        for kind, model in (
            ("scans", ScanEvent),
            ("sessions", AttendanceSession),
            ("hours", HourEntry),
            ("requests", CorrectionRequest),
        ):
            owners = {
                row.volunteer_id
                for row in session.scalars(
                    select(model).where(model.id.in_(other_rows[kind] + kept_rows[kind]))
                )
            }
            assert owners == {keep}, kind
        # Synced rows carry a new version, so the next export sends them.
        moved_session = session.get_one(AttendanceSession, other_rows["sessions"][1])
        assert moved_session.version == 2
        assert session.get_one(HourEntry, other_rows["hours"][1]).version == 2
        assert session.get_one(AttendanceSession, kept_rows["sessions"][0]).version == 1
        # One registration per activity; the kept one took the programme id.
        roster = session.execute(
            select(Registration.activity_id, Registration.id, Registration.programme_id).where(
                Registration.volunteer_id == keep
            )
        ).all()
        assert {(row[0], row[2]) for row in roster} == {
            (activities["分拣"], "P7"),
            (activities["陈列"], "P7"),
        }
        assert kept_registration.id in {row[1] for row in roster}

        kept = get_volunteer(session, keep)
        merged = get_volunteer(session, other)
        assert (kept.phone, kept.employer, kept.programme_id, kept.active) == (
            "13800138000",
            "星辰科技",
            "P7",
            True,
        )
        assert (merged.active, merged.merged_into_id, merged.phone) == (False, keep, "13900139000")
        assert get_volunteer(session, older).merged_into_id == keep
        assert explain(session, other_badge.payload).meaning is Meaning.RETIRED_BADGE
        assert explain(session, keep_badge.payload).meaning is Meaning.BADGE
        assert search(session, "王小明") == [kept]
        # The audit keeps both records in full, before and after, and what moved.
        [entry] = audit_of(session, "volunteer.merge")
        assert (entry.staff_name, entry.entity_id, entry.reason) == (
            "陈老师",
            str(keep),
            "同一人登记了两次",
        )
        assert entry.before is not None and entry.after is not None
        assert entry.before["merged"]["phone"] == "13900139000"
        assert entry.before["merged"]["active"] is True
        assert entry.before["kept"]["employer"] is None
        assert entry.after["kept"]["employer"] == "星辰科技"
        assert entry.after["merged"]["merged_into_id"] == str(keep)
        assert sorted(entry.after["moved"]["scan_events"]) == sorted(
            str(i) for i in other_rows["scans"]
        )
        assert entry.after["moved"]["duplicate_registrations"][0]["programme_id"] == "P7"
        [other_entry] = audit_of(session, "volunteer.merged")
        assert other_entry.entity_id == str(other)
        assert len(audit_of(session, "badge.retired")) == 1


def test_merges_that_make_no_sense_are_refused(
    org_database: Database, registry: dict[str, uuid.UUID]
) -> None:
    zhang, li, zhao = registry["张三"], registry["李四"], registry["赵六"]
    with org_database.transaction() as session, writes_nothing(session):
        with pytest.raises(UserError, match="two different"):
            merge(session, zhang, zhang, staff=STAFF, reason="重复")
        with pytest.raises(UserError, match="reason"):
            merge(session, zhang, li, staff=STAFF, reason="")
        with pytest.raises(UserError, match="inactive"):
            merge(session, zhao, zhang, staff=STAFF, reason="重复")
    with org_database.transaction() as session:
        # An inactive duplicate may be merged into an active record.
        merge(session, zhang, zhao, staff=STAFF, reason="重复")
    with org_database.transaction() as session, writes_nothing(session):
        with pytest.raises(UserError, match="already merged") as caught:
            merge(session, zhao, li, staff=STAFF, reason="重复")
        assert caught.value.params["other"] == "张三 (V000001)"
        with pytest.raises(UserError, match="already merged"):
            merge(session, li, zhao, staff=STAFF, reason="重复")
        with pytest.raises(UserError, match="merged into"):
            update_volunteer(session, zhao, data("赵六"), staff=STAFF)
        with pytest.raises(UserError, match="merged into"):
            reactivate(session, zhao, staff=STAFF, reason="回来")
    with org_database.transaction() as session:
        # The merged record's phone is free for the records that remain.
        assert get_volunteer(session, zhang).phone == "13800138000"
        update_volunteer(session, li, data("李四", "13700137000"), staff=STAFF)
