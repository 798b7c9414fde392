"""Realistic Chinese sample data for a charity-shop and volunteering NGO.

``generate`` fills a migrated database (set up or still empty) with donors,
donation batches, items and their events, volunteers and badges, and activities
with rosters, scans, attendance sessions, hours and feedback.  The same seed
gives the same data.

It is built for millions of items.  Rows are made as plain tuples and dicts
(no ORM objects) and written with Core-compiled inserts.  Each chunk of
ITEM_CHUNK items is one transaction, written ITEM_BATCH items at a time so memory
stays flat; progress is reported after every batch, and a ``Cancelled`` raised
there rolls back the chunk in progress, so only whole chunks remain.

Three things keep SQLite fast at that size (3.5 million items in minutes):

* Ids are random version-4 UUIDs whose leading 48 bits count up within a run,
  so every index on an id grows at its right-hand edge instead of having pages
  all over it rewritten at each commit.
* On SQLite the values are pre-encoded exactly as SQLAlchemy stores them (UUIDs
  as 32 hex digits, timestamps as naive-UTC ``YYYY-MM-DD HH:MM:SS.ffffff``) and
  go in as multi-row ``INSERT ... VALUES`` compiled by Core, skipping per-value
  type processing.  Other databases get typed values through
  ``session.execute(insert(table), rows)``.
* The item search index (FTS5, migration 0003) is filled once per batch rather
  than by its per-row trigger (see ``_SearchIndex``).
"""

from __future__ import annotations

import random
import re
import sqlite3
import uuid
from bisect import bisect
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate, chain
from math import ceil
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, and_, column, func, insert, select, table, update
from sqlalchemy.orm import Session

from models import audit, categories, codes, organisation
from models.clock import utcnow
from models.db import Database
from models.errors import N_, UserError
from models.organisation import SetupRequest, StoreSpec
from models.scan_meaning import Meaning
from models.schema import (
    Activity,
    ActivityFeedback,
    AttendanceSession,
    Badge,
    CodeSequence,
    DonationBatch,
    Donor,
    HourEntry,
    Item,
    ItemEvent,
    Organisation,
    Registration,
    ScanEvent,
    Staff,
    Volunteer,
)
from models.schema.enums import (
    ActivityState,
    ApprovalStatus,
    DonorKind,
    HourKind,
    IntakeChannel,
    ItemEventKind,
    ItemStatus,
    ScanOutcome,
    ScanSource,
    SessionStatus,
)

Progress = Callable[[int, int], None]
Row = dict[str, object]


@dataclass(frozen=True)
class DemoSizes:
    items: int = 3000
    volunteers: int = 200
    activities: int = 24


@dataclass(frozen=True)
class DemoActivity:
    id: uuid.UUID
    title: str
    state: str  # an ActivityState value


@dataclass(frozen=True)
class DemoResult:
    counts: dict[str, int]  # rows created per table name
    activities: tuple[DemoActivity, ...]


# Rows per transaction: big enough to amortise a commit, small enough for flat memory.
ITEM_CHUNK = 50_000  # one transaction...
ITEM_BATCH = 5_000  # ...written in batches of this many items, so memory stays small
ROWS_PER_STATEMENT = 200
VOLUNTEER_CHUNK = 20_000
ACTIVITY_CHUNK_ROWS = 20_000
DEMO_STAFF = "demo"
# Column order of the item and item_event rows, which are made as tuples for speed.
ITEM_KEYS = (
    "id",
    "code",
    "batch_id",
    "category_id",
    "description",
    "grade",
    "quantity",
    "unit_value_fen",
    "status",
    "store_id",
    "sold_price_fen",
    "received_at",
    "labelled_at",
    "version",
    "created_at",
    "updated_at",
)
EVENT_KEYS = (
    "id",
    "item_id",
    "kind",
    "at",
    "staff_id",
    "store_id",
    "to_store_id",
    "price_fen",
    "recipient",
    "note",
)
MAX_ITEM_SEQ = 999_999
DAY = 86_400
HOUR = 3_600


# Hour rules for the demo's counted minutes: whole quarters of an hour, at most 8 h.
ROUND_STEP_MINUTES = 15
CAP_MINUTES = 8 * 60

COUNTED_TABLES = (
    "organisation",
    "store",
    "staff",
    "matching_rate",
    "item_category",
    "donor",
    "donation_batch",
    "item",
    "item_event",
    "code_sequence",
    "volunteer",
    "badge",
    "activity",
    "registration",
    "scan_event",
    "attendance_session",
    "hour_entry",
    "activity_feedback",
)

# --------------------------------------------------------------------------- data

DEMO_SETUP = SetupRequest(
    name="绿芽公益服务中心",
    code="GREEN",
    stores=(
        StoreSpec("S01", "静安旗舰店", "上海市静安区余姚路 128 号"),
        StoreSpec("S02", "徐汇店", "上海市徐汇区天钥桥路 56 号"),
        StoreSpec("S03", "浦东店", "上海市浦东新区崂山路 301 号"),
        StoreSpec("S04", "杨浦社区店", "上海市杨浦区国权路 77 号"),
    ),
    rate_fen_per_hour=100_00,
    time_zone="Asia/Shanghai",
    staff_name="王老师",
)
DEMO_STORE_STAFF = ("李静", "陈晓峰", "赵敏", "孙丽娟")

# Common surnames, most common first, and given-name characters, each with its
# pinyin initial at the same position (for name_initials: 张三 -> ZS).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙"
)
SURNAME_INITIALS = (
    "WLZLCYHZWZXSMZHGHGLLZLXSTXHFDCPZXTDYPYJCYDYCSWLDRSYLJCZTLWFJSLJXWFFBZMXQQJYXDLHL"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华玉萍红建文辉宇浩欣怡婷雪琳晨阳佳思子"
    "梓涵轩博睿泽瑞晓慧颖倩鹏飞俊凯志国海雨嘉一诗若安欢乐宁蕾薇璐楠琪昊天然可心悦彤帆"
)
GIVEN_INITIALS = "WFNMJLQLJYYYJJTMCXXPGHYPHJWHYHXYTXLCYJSZZHXBRZRXHYQPFJKZGHYJYSRAHLNLWLNQHTRKXYTF"
SURNAME_WEIGHTS = tuple(1.0 / (1 + i / 8) for i in range(len(SURNAMES)))
MOBILE_PREFIXES = tuple(
    str(n) for n in (*range(130, 140), *range(150, 160), 166, *range(170, 179), *range(180, 190))
)

CORPORATE_DONORS = (
    ("星辰科技有限公司", "上海市浦东新区张江路 88 号"),
    ("云栖数据科技有限公司", "上海市徐汇区漕河泾开发区"),
    ("恒远物流集团有限公司", "上海市宝山区蕰川路 1200 号"),
    ("瑞丰保险上海分公司", "上海市黄浦区南京东路 99 号"),
    ("启明软件技术有限公司", "上海市闵行区紫竹科学园区"),
    ("蓝海咨询有限公司", "上海市静安区南京西路 1266 号"),
    ("新程汽车零部件有限公司", "上海市嘉定区安亭镇"),
    ("华章文化传媒有限公司", "上海市长宁区愚园路 546 号"),
    ("绿野服饰有限公司", "上海市松江区九亭镇"),
    ("优品家居用品有限公司", "上海市普陀区真北路 3000 号"),
    ("童趣玩具有限公司", "上海市青浦区赵巷镇"),
    ("申城电子商务有限公司", "上海市杨浦区政立路 485 号"),
)
# Employers in the corporate volunteering programme.
PROGRAMME_EMPLOYERS = (
    "星辰科技有限公司",
    "云栖数据科技有限公司",
    "瑞丰保险上海分公司",
    "启明软件技术有限公司",
    "蓝海咨询有限公司",
    "恒远物流集团有限公司",
)
OTHER_EMPLOYERS = ("复旦大学", "同济大学", "社区居民", "自由职业", "退休")
SKILLS = ("搬运", "分拣", "收银", "陈列", "摄影", "讲故事", "英语", "手工", "财务", "电脑维修")
CONSENT_NOTES = ("纸质同意书已存档", "线上报名时勾选同意", "企业志愿项目统一签署")

CLOTHING_SIZES = ("S码", "M码", "L码", "XL码")
KIDS_SIZES = ("90cm", "110cm", "130cm", "150cm")
SHOE_SIZES = ("36码", "37码", "38码", "39码", "40码", "41码", "42码", "43码")
COLOURS = ("", "", "黑色", "灰色", "藏青色", "米白色", "红色", "卡其色", "浅蓝色")

# Leaf category -> (nouns, sizes, typical value in fen of a grade-A piece).
CATEGORY_GOODS: dict[str, tuple[tuple[str, ...], tuple[str, ...], int]] = {
    "上衣": (
        ("羊毛开衫", "纯棉T恤", "格子衬衫", "针织毛衣", "卫衣", "雪纺衬衫"),
        CLOTHING_SIZES,
        3500,
    ),
    "裤装": (("牛仔裤", "休闲裤", "运动裤", "西裤", "阔腿裤"), CLOTHING_SIZES, 3500),
    "裙装": (("连衣裙", "半身裙", "百褶裙", "针织裙"), CLOTHING_SIZES, 4500),
    "外套": (
        ("羽绒服", "风衣", "呢子大衣", "牛仔外套", "冲锋衣", "西装外套"),
        CLOTHING_SIZES,
        9000,
    ),
    "童装": (("儿童卫衣", "婴儿连体衣", "儿童羽绒服", "校服外套", "儿童T恤"), KIDS_SIZES, 2500),
    "其他服装": (("睡衣套装", "运动服套装", "旗袍", "汉服"), CLOTHING_SIZES, 4000),
    "鞋": (("运动鞋", "皮鞋", "帆布鞋", "短靴", "凉鞋"), SHOE_SIZES, 5000),
    "包": (("双肩包", "手提包", "帆布袋", "钱包", "拉杆行李箱"), (), 6000),
    "帽子围巾": (("羊绒围巾", "毛线帽", "遮阳帽", "棒球帽"), (), 2500),
    "首饰配饰": (("手链", "项链", "胸针", "发饰", "石英手表"), (), 3000),
    "儿童图书": (("儿童绘本 10本", "儿童绘本 5本", "少儿百科全书", "拼音故事书 3本"), (), 2000),
    "文学": (("长篇小说", "散文集", "诗歌选集", "名著 精装"), (), 1500),
    "教材教辅": (("高中数学教辅", "英语词汇书", "考研资料 一套", "小学语文练习册"), (), 800),
    "其他图书": (("家常菜谱", "旅游指南", "摄影画册", "历史读物"), (), 1500),
    "音像制品": (("音乐CD", "电影DVD", "黑胶唱片", "英语听力光盘"), (), 1200),
    "厨具餐具": (("不锈钢炒锅", "陶瓷餐具套装", "玻璃杯 6只", "保温杯"), (), 3500),
    "床品布艺": (("纯棉四件套", "羊毛毯", "抱枕 一对", "窗帘 一幅", "桌布"), (), 4500),
    "装饰摆件": (("陶瓷花瓶", "相框", "木雕摆件", "台灯", "装饰挂画"), (), 3500),
    "收纳": (("收纳箱", "置物架", "衣架 10个", "收纳篮"), (), 1800),
    "小家电": (("电水壶", "吹风机", "榨汁机", "电风扇", "电熨斗"), (), 9000),
    "手机电脑": (("旧款智能手机", "平板电脑", "笔记本电脑", "无线键盘鼠标"), (), 40000),
    "其他数码": (("蓝牙音箱", "数码相机", "头戴耳机", "移动电源"), (), 7000),
    "玩具": (("积木 一盒", "毛绒玩具", "拼图 500片", "遥控车", "过家家玩具套装"), (), 2500),
    "文具": (("彩色铅笔 36色", "笔记本 5本", "书包", "文具套装"), (), 1200),
    "体育用品": (("羽毛球拍 一对", "篮球", "瑜伽垫", "乒乓球拍"), (), 3500),
    "婴儿用品": (("奶瓶", "婴儿背带", "婴儿床铃", "辅食碗套装"), (), 3000),
    "童车座椅": (("婴儿推车", "儿童安全座椅", "儿童自行车", "学步车"), (), 18000),
    "其他": (("手工艺品", "口琴", "长柄雨伞", "杂项小物"), (), 1200),
}
# How often a personal donation holds something of a top-level category.
TOP_WEIGHTS = {
    "服装": 6.0,
    "鞋包配饰": 2.0,
    "图书音像": 3.0,
    "家居用品": 2.0,
    "电器数码": 0.8,
    "玩具文具": 1.5,
    "母婴用品": 1.0,
}
_SURNAME_CUM = tuple(accumulate(SURNAME_WEIGHTS))
# What companies tend to give in bulk.
CORPORATE_LEAVES = ("上衣", "童装", "儿童图书", "文具", "玩具", "外套", "其他图书", "厨具餐具")
GRADE_FACTOR = {"A": 1.0, "B": 0.65, "C": 0.35, "X": 0.05}
PERSONAL_GRADES = (("A", 0.2), ("B", 0.42), ("C", 0.25), ("X", 0.13))
CORPORATE_GRADES = (("A", 0.5), ("B", 0.33), ("C", 0.12), ("X", 0.05))
# Chance that a shelved item of a grade sells, and the mean days it takes.
SELL_CHANCE = {"A": 0.9, "B": 0.8, "C": 0.6}
SELL_MEAN_SECONDS = {"A": 12 * DAY, "B": 20 * DAY, "C": 30 * DAY}
PASSED_ON_TO = ("社区困难家庭", "山区小学", "敬老院", "外来务工人员子女学校", "流浪动物救助站")
RECYCLE_NOTES = ("纺织品回收", "纸类回收", "电子废弃物回收")
DISCARD_NOTES = ("严重破损", "霉变污渍", "缺件无法使用")


@dataclass(frozen=True)
class _Template:
    title: str
    kind: str
    at_store: bool
    minutes: int
    capacity: tuple[int, int]
    beneficiaries: str
    work_done: str
    outcome: str  # {n}: people served


ACTIVITY_TEMPLATES = (
    _Template(
        "社区旧衣分拣日",
        "分拣",
        True,
        240,
        (15, 30),
        "门店及受助家庭",
        "分拣捐赠衣物并按品类、等级装箱",
        "完成约 {n} 件衣物分拣，可售衣物已上架",
    ),
    _Template(
        "周末义卖",
        "义卖",
        True,
        300,
        (8, 16),
        "社区居民",
        "协助收银、陈列和顾客咨询",
        "义卖收入用于社区助学项目，接待顾客约 {n} 人次",
    ),
    _Template(
        "儿童阅读陪伴",
        "阅读陪伴",
        False,
        120,
        (10, 20),
        "社区儿童",
        "为孩子们讲绘本故事并带领手工活动",
        "陪伴 {n} 名儿童阅读，发放捐赠图书",
    ),
    _Template(
        "门店陈列整理",
        "门店服务",
        True,
        180,
        (6, 12),
        "门店顾客",
        "整理货架、更换季节陈列、清点库存",
        "整理货架并完成换季陈列，服务顾客约 {n} 人次",
    ),
    _Template(
        "旧衣回收环保宣传",
        "环保宣传",
        False,
        180,
        (10, 25),
        "社区居民",
        "在社区广场讲解旧衣回收和垃圾分类",
        "发放宣传资料，约 {n} 位居民参与互动",
    ),
    _Template(
        "企业志愿者分拣专场",
        "分拣",
        True,
        240,
        (20, 40),
        "门店及受助学校",
        "企业员工集中分拣企业捐赠物资",
        "分拣打包物资，预计惠及 {n} 名山区学生",
    ),
    _Template(
        "长者智能手机课堂",
        "社区服务",
        False,
        120,
        (8, 15),
        "社区老年人",
        "一对一教老人使用手机支付、挂号和视频通话",
        "{n} 位老人学会至少一项手机操作",
    ),
    _Template(
        "图书整理与上架",
        "分拣",
        True,
        180,
        (8, 15),
        "门店读者",
        "按类别整理捐赠图书、贴标签并上架",
        "整理上架图书，服务读者约 {n} 人次",
    ),
)
OFFSITE_LOCATIONS = (
    "曹家渡街道社区图书室",
    "长风公园西门广场",
    "静安寺街道养老服务中心",
    "国权路社区活动中心",
)
PROGRAMME_TAGS = ("2026春季公益月", "企业志愿者日", "社区伙伴计划")
START_TIMES = ((9, 0), (9, 30), (13, 30), (14, 0))
PROBLEMS = (
    "部分志愿者迟到，签到时段排队较长",
    "扫码设备一度无法识别手机屏幕上的二维码，改用扫码枪",
    "物资较多，分拣场地偏小",
    "",
    "",
)
WAIVE_REASONS = ("活动因天气原因缩短，与项目办确认无需反馈", "内部培训活动，无需提交反馈")
SUPPLEMENTAL_REASONS = (
    "手机没电无法出示二维码，现场负责人确认全程参与",
    "签到设备故障，以纸质签到表为准",
    "提前到场布置场地，未扫码签到",
    "忘记签到，有活动照片为证",
)
UNKNOWN_PAYLOADS = ("WIFI:T:WPA;S:GREEN-GUEST;;", "HTTPS://U.WECHAT.COM/ABC123", "6901234567892")

_EPOCH_DAY = date(1970, 1, 1)
_UUID_CLEAR = ((1 << 128) - 1) & ~((0xF << 76) | (0x3 << 62))
_UUID_V4 = (0x4 << 76) | (0x2 << 62)
_CLOCK_MINUTES = tuple(f" {h:02d}:{m:02d}" for h in range(24) for m in range(60))
_CLOCK_SECONDS = tuple(f":{s:02d}.000000" for s in range(60))
# The per-item trigger of the search index, as migration 0003 makes it.
_SEARCH_TRIGGER = re.compile(
    r"CREATE TRIGGER \"?(?P<name>\w+)\"? AFTER INSERT ON \"?item\"? BEGIN "
    r"(?P<body>INSERT INTO \w+ ?\([\w, ]+\) SELECT [\w, ]+ FROM \w+ WHERE item_rowid)"
    r" = new\.rowid; ?END",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- helpers


class _Ids:
    """Deterministic version-4 UUIDs (as ints) whose top 48 bits count up.

    Fully random ids made a million-item demo 2.5 times slower (192 s against 76 s):
    each chunk then rewrites pages all over the id and foreign-key indexes.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._next = rng.getrandbits(47)

    def __call__(self) -> int:
        self._next += 1
        return (((self._next << 80) | self._rng.getrandbits(80)) & _UUID_CLEAR) | _UUID_V4


class _Codec:
    """Turns generated values (ints, epoch seconds) into what the database takes.

    ``fast`` (SQLite): the text SQLAlchemy itself would store, ready for the
    driver.  Otherwise: Python objects for the typed Core insert.
    """

    def __init__(self, fast: bool) -> None:
        self.fast = fast
        self._days: dict[int, str] = {}

    def uid(self, value: int) -> object:
        return f"{value:032x}" if self.fast else uuid.UUID(int=value)

    def ts(self, seconds: int) -> object:
        if not self.fast:
            return datetime.fromtimestamp(seconds, UTC)
        day_no, rest = divmod(seconds, DAY)
        day = self._days.get(day_no)
        if day is None:
            day = self._days[day_no] = (_EPOCH_DAY + timedelta(days=day_no)).isoformat()
        minutes, second = divmod(rest, 60)
        return day + _CLOCK_MINUTES[minutes] + _CLOCK_SECONDS[second]

    def day(self, value: date) -> object:
        return value.isoformat() if self.fast else value

    def flag(self, value: bool) -> object:
        return int(value) if self.fast else value


class _Writer:
    """Inserts rows into one table at a time and keeps the counts.

    On SQLite: multi-row ``INSERT ... VALUES (...), (...)`` of pre-encoded values
    (a quarter cheaper than ``executemany``); elsewhere the typed Core insert.
    """

    def __init__(self, fast: bool) -> None:
        self.fast = fast
        self.counts: dict[str, int] = dict.fromkeys(COUNTED_TABLES, 0)
        self._statements: dict[tuple[str, tuple[str, ...], int], str] = {}
        self._max_params = 0

    def insert(self, session: Session, mapped: Any, rows: Sequence[Mapping[str, object]]) -> None:
        """Rows as dicts that all have the same keys."""
        if rows:
            keys = tuple(rows[0])
            self.insert_tuples(session, mapped, keys, list(map(itemgetter(*keys), rows)))

    def insert_tuples(
        self,
        session: Session,
        mapped: Any,
        keys: tuple[str, ...],
        rows: Sequence[tuple[object, ...]],
    ) -> None:
        """Rows as tuples of the values of ``keys``, in that order."""
        if not rows:
            return
        real: Table = mapped.__table__
        if self.fast:
            connection = session.connection()
            if not self._max_params:
                raw = connection.connection.driver_connection
                limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # type: ignore[union-attr]
                self._max_params = int(limit)
            per_statement = max(1, min(ROWS_PER_STATEMENT, self._max_params // len(keys)))
            for start in range(0, len(rows), per_statement):
                part = rows[start : start + per_statement]
                sql = self._statement(session, real, keys, len(part))
                connection.exec_driver_sql(sql, tuple(chain.from_iterable(part)))
        else:
            session.execute(insert(real), [dict(zip(keys, row, strict=True)) for row in rows])
        self.counts[real.name] = self.counts.get(real.name, 0) + len(rows)

    def _statement(self, session: Session, real: Table, keys: tuple[str, ...], rows: int) -> str:
        """Core's positional INSERT of exactly ``keys``, in that order, for ``rows`` rows."""
        sql = self._statements.get((real.name, keys, rows))
        if sql is None:
            unknown = set(keys) - set(real.columns.keys())
            missing = {c.name for c in real.columns if not c.nullable} - set(keys)
            if unknown or missing:
                raise ValueError(f"demo rows for {real.name}: unknown {unknown}, missing {missing}")
            compiled = insert(table(real.name, *(column(k) for k in keys))).compile(
                dialect=session.get_bind().dialect
            )
            if tuple(compiled.positiontup or ()) != keys:
                raise ValueError(f"unexpected parameter order for {real.name}")
            head, values = str(compiled).split(" VALUES ")
            sql = self._statements[(real.name, keys, rows)] = (
                f"{head} VALUES {', '.join([values] * rows)}"
            )
        return sql


class _SearchIndex:
    """Keeps the item search index (migration 0003, SQLite) in step, batch by batch.

    Its AFTER INSERT trigger indexes one item at a time, which makes an item insert
    about five times dearer.  Inside a chunk's transaction the trigger is dropped,
    each batch of new items is indexed with the trigger's own statement run once
    for all of them, and the trigger is recreated, unchanged, before the commit: a
    rollback restores it with everything else.  A trigger of any other shape is
    left alone (slower, never wrong).
    """

    def __init__(self, session: Session, name: str, create_sql: str, statement: str) -> None:
        self.session = session
        self.name = name
        self.create_sql = create_sql
        self.statement = statement
        self.last_rowid = self._max_rowid()
        session.connection().exec_driver_sql(f'DROP TRIGGER "{name}"')

    @classmethod
    def pause(cls, session: Session) -> _SearchIndex | None:
        rows = session.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'item'"
        )
        for name, create_sql in rows.all():
            found = _SEARCH_TRIGGER.fullmatch(" ".join(str(create_sql).split()))
            if found and found["name"] == name:
                return cls(session, name, create_sql, found["body"] + " > ?")
        return None

    def _max_rowid(self) -> int:
        found = self.session.connection().exec_driver_sql("SELECT max(rowid) FROM item").scalar()
        return int(found or 0)

    def index_new_items(self) -> None:
        self.session.connection().exec_driver_sql(self.statement, (self.last_rowid,))
        self.last_rowid = self._max_rowid()

    def resume(self) -> None:
        self.session.connection().exec_driver_sql(self.create_sql)


@dataclass
class _Context:
    """What the generator learned about the organisation it fills."""

    zone: ZoneInfo
    org_code: str
    badge_secret: bytes
    stores: list[tuple[int, str, str]]  # id, code, name
    leaves: list[tuple[int, str, str]]  # id, leaf name, top-level name
    staff: list[tuple[int, str, int | None]]  # id, name, store id
    today: date
    now: int  # epoch seconds
    bound: int  # start of today (local): items and past activities end before it

    def local_epoch(self, day: date, hour: int = 0, minute: int = 0) -> int:
        return int(datetime.combine(day, time(hour, minute), tzinfo=self.zone).timestamp())

    def local_date(self, seconds: int) -> date:
        return datetime.fromtimestamp(seconds, self.zone).date()


@dataclass
class _VolunteerPool:
    ids: list[int] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    programme_ids: list[str | None] = field(default_factory=list)
    badge_seq: list[int] = field(default_factory=list)
    reissued: list[int] = field(default_factory=list)  # indexes whose badge 1 is retired


def _weighted(rng: random.Random, choices: Sequence[tuple[str, float]]) -> str:
    pick = rng.random()
    for value, weight in choices:
        pick -= weight
        if pick < 0:
            return value
    return choices[-1][0]


def _person_name(rng: random.Random) -> tuple[str, str]:
    """A Chinese name and its pinyin initials."""
    surname = rng.choices(range(len(SURNAMES)), cum_weights=_SURNAME_CUM)[0]
    given = [rng.randrange(len(GIVEN_CHARS)) for _ in range(1 if rng.random() < 0.35 else 2)]
    name = SURNAMES[surname] + "".join(GIVEN_CHARS[g] for g in given)
    initials = SURNAME_INITIALS[surname] + "".join(GIVEN_INITIALS[g] for g in given)
    return name, initials


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def _counted_minutes(seconds: int) -> int:
    minutes = max(0, seconds) // 60
    return min(minutes // ROUND_STEP_MINUTES * ROUND_STEP_MINUTES, CAP_MINUTES)


# --------------------------------------------------------------------------- entry point


def generate(
    database: Database,
    sizes: DemoSizes = DemoSizes(),
    *,
    seed: int = 2026,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoResult:
    """Fill ``database`` with sample data, setting the organisation up first if needed.

    ``progress(done, total)`` counts items, volunteers and activities; it may raise
    ``Cancelled``, which propagates: chunks already committed stay, the chunk in
    progress is rolled back (each chunk is one transaction, whole or absent).
    ``today`` pins the calendar for reproducible runs ("now" is then 14:00 local
    that day); by default it is the organisation's local date.
    """
    return _run(
        database, sizes, seed, progress, today, fast=database.engine.dialect.name == "sqlite"
    )


def _run(
    database: Database,
    sizes: DemoSizes,
    seed: int,
    progress: Progress | None,
    today: date | None,
    *,
    fast: bool,
) -> DemoResult:
    for name in ("items", "volunteers", "activities"):
        if getattr(sizes, name) < 0:
            raise UserError(N_("--{name} cannot be negative."), name=name)
    generator = _Generator(database, sizes, seed, progress, fast=fast)
    generator.tick()
    context = generator.prepare(today)
    pool = generator.volunteers(context)
    if sizes.items:
        _ItemMaker(generator, context).run()
    if sizes.activities:
        _ActivityMaker(generator, context, pool).run()
    counts = dict(generator.writer.counts)
    with database.transaction() as session:
        audit.record(
            session,
            staff=DEMO_STAFF,
            action="demo.generated",
            entity="database",
            after={
                "seed": seed,
                "today": context.today,
                "sizes": {
                    "items": sizes.items,
                    "volunteers": sizes.volunteers,
                    "activities": sizes.activities,
                },
                "counts": counts,
            },
        )
    generator.tick()
    return DemoResult(counts, tuple(generator.activities))


class _Generator:
    """Shared state of one run: the database, the writer, progress and results."""

    def __init__(
        self,
        database: Database,
        sizes: DemoSizes,
        seed: int,
        progress: Progress | None,
        *,
        fast: bool,
    ) -> None:
        self.database = database
        self.sizes = sizes
        self.seed = seed
        self.progress = progress
        self.codec = _Codec(fast)
        self.writer = _Writer(fast)
        self.total = sizes.items + sizes.volunteers + sizes.activities
        self.done = 0
        self.activities: list[DemoActivity] = []

    def rng(self, phase: str) -> random.Random:
        """An independent stream per phase: more volunteers leave the items unchanged."""
        return random.Random(f"partner-desk-demo:{self.seed}:{phase}")

    def tick(self, units: int = 0) -> None:
        self.done += units
        if self.progress is not None:
            self.progress(self.done, self.total)

    def write(self, tables: Sequence[tuple[Any, Sequence[Row]]]) -> None:
        """One chunk, one transaction."""
        with self.database.transaction() as session:
            for mapped, rows in tables:
                self.writer.insert(session, mapped, rows)

    # ----------------------------------------------------------------- set-up

    def prepare(self, today: date | None) -> _Context:
        counts = self.writer.counts
        with self.database.transaction() as session:
            if not organisation.is_set_up(session):
                result = organisation.set_up(session, DEMO_SETUP)
                counts["organisation"] += 1
                counts["matching_rate"] += 1
                counts["store"] += len(result.store_ids)
                counts["item_category"] += result.categories_created
                counts["staff"] += 1
                for store_id, name in zip(result.store_ids, DEMO_STORE_STAFF, strict=False):
                    session.add(Staff(name=name, role="店长", store_id=store_id))
                    counts["staff"] += 1
            elif not categories.leaf_categories(session):
                counts["item_category"] += categories.seed_defaults(session)
            session.flush()
            org = session.execute(
                select(Organisation.code, Organisation.time_zone, Organisation.badge_secret)
            ).one()
            stores = [(sid.int, code, name) for sid, code, name in organisation.stores(session)]
            leaves = sorted(
                (
                    (node.id.int, node.name, node.path.split(" › ")[0])
                    for node in categories.leaf_categories(session)
                ),
                key=lambda leaf: (leaf[2], leaf[1], leaf[0]),
            )
            staff = sorted(
                (
                    (row.id.int, row.name, None if row.store_id is None else row.store_id.int)
                    for row in session.execute(
                        select(Staff.id, Staff.name, Staff.store_id).where(Staff.active.is_(True))
                    )
                ),
                key=lambda s: (s[1], s[0]),
            )
        if not stores:
            raise UserError(N_("Add at least one store or site."))
        if not leaves and self.sizes.items:
            raise UserError(N_("There is no active item category to file demo items under."))
        zone = ZoneInfo(org.time_zone)
        if today is None:
            now = utcnow()
            today = now.astimezone(zone).date()
        else:
            now = datetime.combine(today, time(14, 0), tzinfo=zone)
        return _Context(
            zone=zone,
            org_code=org.code,
            badge_secret=bytes(org.badge_secret),
            stores=stores,
            leaves=leaves,
            staff=staff,
            today=today,
            now=int(now.timestamp()),
            bound=int(datetime.combine(today, time(0, 0), tzinfo=zone).timestamp()),
        )

    # ----------------------------------------------------------------- volunteers

    def volunteers(self, context: _Context) -> _VolunteerPool:
        if self.sizes.volunteers == 0:
            return self._existing_volunteers()
        rng = self.rng("volunteers")
        new_id = _Ids(rng)
        codec = self.codec
        uid, ts = codec.uid, codec.ts
        pool = _VolunteerPool()
        with self.database.reading() as session:
            last_code = session.scalar(
                select(func.max(Volunteer.code)).where(
                    and_(Volunteer.code >= "V000000", Volunteer.code <= "V999999")
                )
            )
            phones = set(
                session.scalars(select(Volunteer.phone).where(Volunteer.phone.is_not(None)))
            )
        number = int(last_code[1:]) + 1 if last_code and last_code[1:].isdigit() else 1
        programme_no = 1
        oldest, newest = context.bound - 900 * DAY, context.bound - 190 * DAY
        remaining = self.sizes.volunteers
        while remaining:
            size = min(VOLUNTEER_CHUNK, remaining)
            volunteers: list[Row] = []
            badges: list[Row] = []
            for _ in range(size):
                vid = new_id()
                code = f"V{number:06d}"
                number += 1
                name, initials = _person_name(rng)
                phone = _mobile(rng)
                while phone in phones:
                    phone = _mobile(rng)
                phones.add(phone)
                employer: str | None = None
                employee_no = programme_id = None
                if rng.random() < 0.6:
                    employer = rng.choice(PROGRAMME_EMPLOYERS)
                    employee_no = f"E{rng.randrange(10_000, 100_000)}"
                    if rng.random() < 0.85:
                        programme_id = f"P2026{programme_no:05d}"
                        programme_no += 1
                elif rng.random() < 0.7:
                    employer = rng.choice(OTHER_EMPLOYERS)
                created = rng.randrange(oldest, newest)
                volunteers.append(
                    {
                        "id": uid(vid),
                        "code": code,
                        "name": name,
                        "name_initials": initials,
                        "phone": phone,
                        "employer": employer,
                        "employee_no": employee_no,
                        "programme_id": programme_id,
                        "skills": "、".join(rng.sample(SKILLS, rng.randint(1, 3))),
                        "notes": None,
                        "consent_at": ts(created),
                        "consent_note": rng.choice(CONSENT_NOTES),
                        "active": codec.flag(rng.random() > 0.03),
                        "merged_into_id": None,
                        "version": 1,
                        "created_at": ts(created),
                        "updated_at": ts(created),
                    }
                )
                # A few lost their badge and got a new one: seq 1 retired, seq 2 current.
                retired = (
                    created + rng.randrange(30 * DAY, 150 * DAY) if rng.random() < 0.02 else None
                )
                badges.append(
                    {
                        "id": uid(new_id()),
                        "volunteer_id": uid(vid),
                        "seq": 1,
                        "issued_at": ts(created),
                        "retired_at": None if retired is None else ts(retired),
                        "retired_reason": None if retired is None else "遗失补办",
                    }
                )
                if retired is not None:
                    badges.append(
                        {
                            "id": uid(new_id()),
                            "volunteer_id": uid(vid),
                            "seq": 2,
                            "issued_at": ts(retired),
                            "retired_at": None,
                            "retired_reason": None,
                        }
                    )
                    pool.reissued.append(len(pool.ids))
                pool.ids.append(vid)
                pool.codes.append(code)
                pool.programme_ids.append(programme_id)
                pool.badge_seq.append(1 if retired is None else 2)
            self.write(((Volunteer, volunteers), (Badge, badges)))
            remaining -= size
            self.tick(size)
        return pool

    def _existing_volunteers(self) -> _VolunteerPool:
        pool = _VolunteerPool()
        with self.database.reading() as session:
            seqs = (
                select(Badge.volunteer_id, func.max(Badge.seq).label("seq"))
                .group_by(Badge.volunteer_id)
                .subquery()
            )
            rows = session.execute(
                select(Volunteer.id, Volunteer.code, Volunteer.programme_id, seqs.c.seq)
                .outerjoin(seqs, seqs.c.volunteer_id == Volunteer.id)
                .where(Volunteer.active.is_(True), Volunteer.merged_into_id.is_(None))
                .order_by(Volunteer.code)
            )
            for row in rows:
                pool.ids.append(row.id.int)
                pool.codes.append(row.code)
                pool.programme_ids.append(row.programme_id)
                pool.badge_seq.append(row.seq or 1)
        return pool


class _ItemMaker:
    """Donors, batches, items with their events, and code sequences, chunk by chunk."""

    def __init__(self, generator: _Generator, context: _Context) -> None:
        self.g = generator
        self.context = context
        self.codec = generator.codec
        self.rng = generator.rng("items")
        self.new_id = _Ids(self.rng)
        everyone = [s[0] for s in context.staff]
        self.staff_by_store = {
            store_id: [s[0] for s in context.staff if s[2] == store_id] or everyone
            for store_id, _code, _name in context.stores
        }
        self.other_stores = {
            store_id: [s[0] for s in context.stores if s[0] != store_id]
            for store_id, _code, _name in context.stores
        }
        # The flagship (first store) takes in most, the last one least.
        self.store_cum = tuple(accumulate(1 / (1 + i / 2) for i in range(len(context.stores))))
        # A year of intake; more for millions of items, so that the busiest store's
        # codes of one year stay within six digits (S01-26-999999).
        busiest = self.store_cum[0] / self.store_cum[-1]
        self.years = max(1, ceil(generator.sizes.items * busiest * 1.25 / MAX_ITEM_SEQ))
        self.leaf_ids = [leaf[0] for leaf in context.leaves]
        self.leaf_cum = tuple(
            accumulate(TOP_WEIGHTS.get(top, 0.5) for _i, _n, top in context.leaves)
        )
        self.goods = {leaf_id: self._goods(name) for leaf_id, name, _top in context.leaves}
        by_name = {name: leaf_id for leaf_id, name, _top in context.leaves}
        self.corporate_leaves = [by_name[n] for n in CORPORATE_LEAVES if n in by_name]
        self.corporate_leaves = self.corporate_leaves or self.leaf_ids
        self.seq: dict[tuple[int, int], int] = {}  # (store, year) -> next sequence
        self.seq_rows: set[tuple[int, int]] = set()  # keys with a code_sequence row
        self.receipts: dict[tuple[str, int], int] = {}  # (store code, year) -> last number
        self.recent_donors: deque[int] = deque(maxlen=5000)
        self.corporate_donors: list[int] = []
        self.anonymous_donors: dict[int, int] = {}
        self._reset()

    def _reset(self) -> None:
        self.donors: list[Row] = []
        self.batches: list[Row] = []
        self.items: list[tuple[object, ...]] = []  # ITEM_KEYS
        self.events: list[tuple[object, ...]] = []  # EVENT_KEYS
        self.buffered = 0

    @staticmethod
    def _goods(leaf_name: str) -> tuple[list[str], int]:
        """Descriptions for a leaf category and the value of a grade-A piece."""
        nouns, sizes, value = CATEGORY_GOODS.get(leaf_name, ((leaf_name,), (), 2000))
        colours = COLOURS if sizes else ("",)
        described = [
            f"{colour}{noun} {size}".strip()
            for noun in nouns
            for colour in colours
            for size in sizes or ("",)
        ]
        return described, value

    # ------------------------------------------------------------- set-up

    def _load_numbering(self) -> None:
        """Continue after any codes and receipt numbers the database already holds."""
        first = self.context.today - timedelta(days=365 * self.years)
        years = range(first.year, self.context.today.year + 1)
        with self.g.database.reading() as session:
            for row in session.execute(select(CodeSequence)).scalars():
                key = (row.store_id.int, row.year)
                self.seq[key] = row.next_value
                self.seq_rows.add(key)
            for store_id, code, _name in self.context.stores:
                for year in years:
                    prefix = f"{code}-{year % 100:02d}-"
                    last = session.scalar(
                        select(func.max(Item.code)).where(
                            and_(Item.code >= prefix, Item.code < prefix + "~")
                        )
                    )
                    if last and last[len(prefix) :].isdigit():
                        key = (store_id, year)
                        self.seq[key] = max(self.seq.get(key, 1), int(last[len(prefix) :]) + 1)
                    prefix = f"R-{code}-{year}-"
                    last = session.scalar(
                        select(func.max(DonationBatch.receipt_no)).where(
                            and_(
                                DonationBatch.receipt_no >= prefix,
                                DonationBatch.receipt_no < prefix + "~",
                            )
                        )
                    )
                    if last and last[len(prefix) :].isdigit():
                        self.receipts[(code, year)] = int(last[len(prefix) :])

    def _fixed_donors(self) -> None:
        """The corporate donors, and one anonymous donation box per store."""
        rng = self.rng
        created = self.context.bound - 400 * DAY
        for name, address in CORPORATE_DONORS:
            donor = self.new_id()
            self.corporate_donors.append(donor)
            phone = f"021-{rng.randrange(50_000_000, 70_000_000)}"
            self.donors.append(
                self._donor_row(
                    donor, DonorKind.CORPORATE, name, phone, address, "企业批量捐赠", created
                )
            )
        for store_id, _code, store_name in self.context.stores:
            donor = self.new_id()
            self.anonymous_donors[store_id] = donor
            note = f"{store_name}门口捐赠箱"
            self.donors.append(
                self._donor_row(donor, DonorKind.ANONYMOUS, "匿名捐赠者", None, None, note, created)
            )

    def _donor_row(
        self,
        donor: int,
        kind: DonorKind,
        name: str,
        phone: str | None,
        address: str | None,
        notes: str | None,
        created: int,
    ) -> Row:
        codec = self.codec
        return {
            "id": codec.uid(donor),
            "kind": kind.value,
            "name": name,
            "phone": phone,
            "email": None,
            "address": address,
            "notes": notes,
            "version": 1,
            "created_at": codec.ts(created),
            "updated_at": codec.ts(created),
        }

    # ------------------------------------------------------------- main loop

    def run(self) -> None:
        """Chunks of ITEM_CHUNK items, each one transaction written in ITEM_BATCH steps."""
        self._load_numbering()
        self._fixed_donors()
        donations = self._donations()
        more = True
        while more:
            more = False
            touched: set[tuple[int, int]] = set()
            with self.g.database.transaction() as session:
                search = _SearchIndex.pause(session) if self.codec.fast else None
                in_chunk = 0
                for size, key in donations:
                    touched.add(key)
                    in_chunk += size
                    if self.buffered >= ITEM_BATCH:
                        self._write(session, search)
                    if in_chunk >= ITEM_CHUNK:
                        more = True
                        break
                self._write(session, search)
                self._advance_sequences(session, touched)
                if search is not None:
                    search.resume()

    def _donations(self) -> Iterator[tuple[int, tuple[int, int]]]:
        """Intake up to yesterday, busier at weekends and in spring.

        Yields each donation's item count and its (store, year) code sequence.
        """
        total = self.g.sizes.items
        days = 365 * self.years
        first = self.context.today - timedelta(days=days)
        weights = []
        for k in range(days):
            day = first + timedelta(days=k)
            weight = 1.7 if day.weekday() >= 5 else 1.0
            if day.month in (3, 4, 9):  # spring cleaning, change of season
                weight *= 1.3
            weights.append(weight)
        scale = total / sum(weights)
        made = 0
        cumulative = 0.0
        for k, weight in enumerate(weights):
            cumulative += weight * scale
            target = total if k == days - 1 else min(total, round(cumulative))
            while made < target:
                size, key = self._batch(first + timedelta(days=k), total - made)
                made += size
                yield size, key

    def _batch(self, day: date, room: int) -> tuple[int, tuple[int, int]]:
        """One donation (one receipt) and its items: their count and code sequence."""
        rng, context, codec = self.rng, self.context, self.codec
        store_id, store_code, _name = rng.choices(context.stores, cum_weights=self.store_cum)[0]
        start = context.local_epoch(day, 10) + rng.randrange(0, 8 * HOUR + 1800)
        corporate = rng.random() < 0.06
        import_source = None
        donor: int | None
        if corporate:
            size = rng.randint(40, 300)
            donor = rng.choice(self.corporate_donors)
            channel = IntakeChannel.CORPORATE_DELIVERY
            if rng.random() < 0.4:
                channel = IntakeChannel.IMPORT
                import_source = f"捐赠清单_{day:%Y%m%d}.xlsx"
            pace = (5, 40)  # seconds between items at the desk
        else:
            size = min(int(rng.expovariate(1 / 3.5)) + 1, 25)
            roll = rng.random()
            channel = (
                IntakeChannel.WALK_IN
                if roll < 0.7
                else (IntakeChannel.COURIER if roll < 0.9 else IntakeChannel.PICKUP)
            )
            donor = self._personal_donor(store_id, start)
            pace = (30, 120)
        size = min(size, room)
        year = day.year
        receipt = self.receipts.get((store_code, year), 0) + 1
        self.receipts[(store_code, year)] = receipt
        staff = self.staff_by_store[store_id]
        staff_id = rng.choice(staff) if staff else None
        batch_id = self.new_id()
        self.batches.append(
            {
                "id": codec.uid(batch_id),
                "receipt_no": f"R-{store_code}-{year}-{receipt:06d}",
                "donor_id": None if donor is None else codec.uid(donor),
                "store_id": codec.uid(store_id),
                "received_on": codec.day(day),
                "channel": channel.value,
                "notes": None,
                "staff_id": None if staff_id is None else codec.uid(staff_id),
                "import_source": import_source,
                "version": 1,
                "created_at": codec.ts(start),
                "updated_at": codec.ts(start),
            }
        )
        key = (store_id, year)
        seq = self.seq.get(key, 1)
        if seq + size - 1 > MAX_ITEM_SEQ:
            raise UserError(
                N_("Too many items for store {store} in {year}; ask for fewer demo items."),
                store=store_code,
                year=year,
            )
        self.seq[key] = seq + size
        prefix = f"{store_code}-{year % 100:02d}-"
        themes = rng.sample(self.corporate_leaves, min(2, len(self.corporate_leaves)))
        at = start
        rand, leaf_ids, leaf_cum = rng.random, self.leaf_ids, self.leaf_cum
        for n in range(size):
            at += pace[0] + int(rand() * (pace[1] - pace[0]))
            if corporate:
                leaf = themes[-1] if rand() < 0.3 else themes[0]
            else:
                leaf = leaf_ids[bisect(leaf_cum, rand() * leaf_cum[-1])]
            self._item(leaf, f"{prefix}{seq + n:06d}", batch_id, store_id, at, corporate, staff_id)
        self.buffered += size
        return size, key

    def _personal_donor(self, store_id: int, at: int) -> int | None:
        """A new or returning individual, the store's donation box, or nobody named."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return self.anonymous_donors[store_id]
        if roll < 0.1:
            return None
        if roll < 0.3 and self.recent_donors:
            return rng.choice(self.recent_donors)
        donor = self.new_id()
        name, _initials = _person_name(rng)
        phone = _mobile(rng) if rng.random() < 0.85 else None
        self.donors.append(
            self._donor_row(donor, DonorKind.INDIVIDUAL, name, phone, None, None, at)
        )
        self.recent_donors.append(donor)
        return donor

    def _item(
        self,
        leaf: int,
        code: str,
        batch_id: int,
        store_id: int,
        received: int,
        corporate: bool,
        staff_id: int | None,
    ) -> None:
        """One item and the events that led to its status, all before today."""
        rng, bound, new_id = self.rng, self.context.bound, self.new_id
        rand = rng.random  # randint() is slow and this runs millions of times
        uid, ts = self.codec.uid, self.codec.ts
        item_uid = uid(new_id())
        grade = _weighted(rng, CORPORATE_GRADES if corporate else PERSONAL_GRADES)
        descriptions, base_value = self.goods[leaf]
        description = descriptions[int(rand() * len(descriptions))]
        quantity = 1
        if corporate and rand() < 0.25:
            quantity = 5 + int(rand() * 26)
            description = f"全新{description}"
            grade = "A"
        elif rand() < 0.04:
            quantity = 2 + int(rand() * 2)
        unit_value = int(base_value * GRADE_FACTOR[grade] * (0.6 + rand()) / 100) * 100
        staff = None if staff_id is None else uid(staff_id)
        store_uid = uid(store_id)
        events = self.events

        def event(
            kind: ItemEventKind,
            at: int,
            to_store: object = None,
            price: int | None = None,
            recipient: str | None = None,
            note: str | None = None,
        ) -> None:
            events.append(
                (
                    uid(new_id()),
                    item_uid,
                    kind.value,
                    ts(at),
                    staff,
                    store_uid,
                    to_store,
                    price,
                    recipient,
                    note,
                )
            )

        status = ItemStatus.RECEIVED
        sold_price: int | None = None
        event(ItemEventKind.RECEIVED, received)
        last = received
        labelled: int | None = None
        if rand() < 0.9:  # the rest never had a label printed
            labelled = received + (
                600 + int(rand() * 4 * HOUR) if corporate else 5 + int(rand() * 300)
            )
            if labelled >= bound:
                labelled = None
        t = received + HOUR + int(rand() * (20 if corporate else 3) * DAY)
        if labelled is not None:
            t = max(t, labelled + 60)
        if t < bound:
            status = ItemStatus.SORTED
            event(ItemEventKind.SORTED, t, note=f"等级 {grade}")
            last = t
            roll = rand()
            if grade == "X":
                t += HOUR + int(rand() * 14 * DAY)
                if t < bound:
                    last = t
                    if roll < 0.5:
                        status = ItemStatus.RECYCLED
                        event(ItemEventKind.RECYCLED, t, note=rng.choice(RECYCLE_NOTES))
                    elif roll < 0.85:
                        status = ItemStatus.DISCARDED
                        event(ItemEventKind.DISCARDED, t, note=rng.choice(DISCARD_NOTES))
                    else:
                        status = ItemStatus.PASSED_ON
                        event(ItemEventKind.PASSED_ON, t, recipient=rng.choice(PASSED_ON_TO))
            elif roll < (0.35 if grade == "C" else 0.05):
                t += DAY + int(rand() * 19 * DAY)
                if t < bound:
                    last = t
                    status = ItemStatus.PASSED_ON
                    event(ItemEventKind.PASSED_ON, t, recipient=rng.choice(PASSED_ON_TO))
            else:
                others = self.other_stores[store_id]
                if others and rand() < 0.04:
                    t += 2 * HOUR + int(rand() * 3 * DAY)
                    if t < bound:
                        last, store_id = t, rng.choice(others)
                        event(ItemEventKind.TRANSFERRED, t, to_store=uid(store_id))
                        store_uid = uid(store_id)
                t += HOUR + int(rand() * 5 * DAY)
                if t < bound:
                    last = shelved = t
                    status = ItemStatus.ON_SHELF
                    event(ItemEventKind.SHELVED, t)
                    if rand() < SELL_CHANCE[grade]:
                        t += int(rng.expovariate(1 / SELL_MEAN_SECONDS[grade])) + 600
                        if t < bound:
                            last = t
                            status = ItemStatus.SOLD
                            share = 0.7 + 0.3 * rand()
                            sold_price = max(100, int(unit_value * quantity * share / 100) * 100)
                            event(ItemEventKind.SOLD, t, price=sold_price)
                    elif rand() < 0.5:
                        t = shelved + 100 * DAY + int(rand() * 40 * DAY)
                        if t < bound:
                            last = t
                            status = ItemStatus.PASSED_ON
                            recipient = rng.choice(PASSED_ON_TO)
                            event(
                                ItemEventKind.PASSED_ON,
                                t,
                                None,
                                None,
                                recipient,
                                "久未售出，下架转赠",
                            )
        received_at = ts(received)
        self.items.append(
            (
                item_uid,
                code,
                uid(batch_id),
                uid(leaf),
                description,
                grade,
                quantity,
                unit_value,
                status.value,
                store_uid,
                sold_price,
                received_at,
                None if labelled is None else ts(labelled),
                1,  # version
                received_at,  # created_at
                ts(max(last, labelled or last)),  # updated_at: the last event
            )
        )

    def _write(self, session: Session, search: _SearchIndex | None) -> None:
        """Write what is buffered (inside the chunk's transaction) and report progress."""
        writer = self.g.writer
        writer.insert(session, Donor, self.donors)
        writer.insert(session, DonationBatch, self.batches)
        writer.insert_tuples(session, Item, ITEM_KEYS, self.items)
        if search is not None:
            search.index_new_items()
        writer.insert_tuples(session, ItemEvent, EVENT_KEYS, self.events)
        units = self.buffered
        self._reset()
        self.g.tick(units)

    def _advance_sequences(self, session: Session, touched: set[tuple[int, int]]) -> None:
        """Move the code sequences past the codes used, in the same transaction."""
        for key in sorted(touched):
            store_id, year = uuid.UUID(int=key[0]), key[1]
            if key in self.seq_rows:
                session.execute(
                    update(CodeSequence)
                    .where(CodeSequence.store_id == store_id, CodeSequence.year == year)
                    .values(next_value=self.seq[key])
                )
            else:
                session.execute(
                    insert(CodeSequence).values(
                        store_id=store_id, year=year, next_value=self.seq[key]
                    )
                )
                self.seq_rows.add(key)
                self.g.writer.counts["code_sequence"] += 1


class _ActivityMaker:
    """Activities with rosters, scans, attendance sessions, hours and feedback."""

    TABLES = (Activity, Registration, ScanEvent, AttendanceSession, HourEntry, ActivityFeedback)

    def __init__(self, generator: _Generator, context: _Context, pool: _VolunteerPool) -> None:
        self.g = generator
        self.context = context
        self.pool = pool
        self.codec = generator.codec
        self.rng = generator.rng("activities")
        self.new_id = _Ids(self.rng)
        self.staff_names = [s[1] for s in context.staff] or [DEMO_STAFF]
        self.staff_ids = [s[0] for s in context.staff]
        order = list(range(len(pool.ids)))
        self.rng.shuffle(order)
        self.regulars = order[: max(1, len(order) * 3 // 10)]  # come more often
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, list[Row]] = {mapped.__tablename__: [] for mapped in self.TABLES}
        self.chunk_activities = 0

    def run(self) -> None:
        """Past activities over the last months, one open today, one draft to come."""
        context, rng = self.context, self.rng
        total = self.g.sizes.activities
        past = max(0, total - 2)
        span = min(180, max(14, past * 7))
        for i in range(past):
            day = context.today - timedelta(
                days=1 + (span - 1) * (past - 1 - i) // max(1, past - 1)
            )
            if day.weekday() < 5 and rng.random() < 0.5:  # many happen at the weekend
                day += timedelta(days=5 - day.weekday())
                if day >= context.today:
                    day -= timedelta(days=7)
            self._past(day, latest=i >= past - 2)
            self._next()
        if total >= 1:
            self._today()
            self._next()
        if total >= 2:
            self._draft()
            self._next()
        self._flush()

    def _next(self) -> None:
        self.chunk_activities += 1
        if sum(len(rows) for rows in self.rows.values()) >= ACTIVITY_CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self.chunk_activities:
            return
        self.g.write([(mapped, self.rows[mapped.__tablename__]) for mapped in self.TABLES])
        units = self.chunk_activities
        self._reset()
        self.g.tick(units)

    # ------------------------------------------------------------- rows

    def _synced(self, row_id: int, created: int, updated: int | None = None) -> Row:
        codec = self.codec
        return {
            "id": codec.uid(row_id),
            "version": 1,
            "created_at": codec.ts(created),
            "updated_at": codec.ts(created if updated is None else updated),
        }

    def _activity(
        self,
        template: _Template,
        starts: int,
        state: ActivityState,
        *,
        capacity: int,
        closed_at: int | None,
        created: int,
    ) -> int:
        rng, codec = self.rng, self.codec
        title = template.title
        store_id: int | None = None
        if template.at_store:
            store_id, _code, location = rng.choice(self.context.stores)
            title = f"{title}（{location}）"
        else:
            location = rng.choice(OFFSITE_LOCATIONS)
        activity_id = self.new_id()
        self.rows["activity"].append(
            {
                **self._synced(activity_id, created, closed_at),
                "title": title,
                "kind": template.kind,
                "description": f"{template.work_done}。服务对象：{template.beneficiaries}。",
                "starts_at": codec.ts(starts),
                "ends_at": codec.ts(starts + template.minutes * 60),
                "location": location,
                "store_id": None if store_id is None else codec.uid(store_id),
                "capacity": capacity,
                "scheduled_minutes": template.minutes,
                "programme_tag": rng.choice(PROGRAMME_TAGS) if rng.random() < 0.4 else None,
                "state": state.value,
                "walk_ins_allowed": codec.flag(rng.random() < 0.85),
                "closed_at": None if closed_at is None else codec.ts(closed_at),
            }
        )
        self.g.activities.append(DemoActivity(uuid.UUID(int=activity_id), title, state.value))
        return activity_id

    def _roster(self, size: int) -> list[int]:
        """Distinct volunteers (pool indexes); regulars come more often."""
        size = min(size, len(self.pool.ids))
        chosen: set[int] = set()
        picked: list[int] = []
        while len(picked) < size:
            if self.rng.random() < 0.6:
                index = self.rng.choice(self.regulars)
            else:
                index = self.rng.randrange(len(self.pool.ids))
            if index not in chosen:
                chosen.add(index)
                picked.append(index)
        return picked

    def _register(self, activity_id: int, index: int, created: int, source: str) -> None:
        programme_id = self.pool.programme_ids[index]
        if source == "import" and programme_id is None:
            source = "manual"
        self.rows["registration"].append(
            {
                **self._synced(self.new_id(), created),
                "activity_id": self.codec.uid(activity_id),
                "volunteer_id": self.codec.uid(self.pool.ids[index]),
                "programme_id": programme_id,
                "source": source,
            }
        )

    def _scan(
        self,
        activity_id: int,
        volunteer: int | None,
        at: int,
        outcome: ScanOutcome,
        source: ScanSource,
        device: str,
        payload: str,
        reason: str | None = None,
    ) -> tuple[int, int]:
        """One scan the kiosk answered; returns (scan id, time)."""
        codec = self.codec
        scan_id = self.new_id()
        by_staff = source in (ScanSource.MANUAL, ScanSource.PAPER) and self.staff_ids
        self.rows["scan_event"].append(
            {
                "id": codec.uid(scan_id),
                "activity_id": codec.uid(activity_id),
                "volunteer_id": None if volunteer is None else codec.uid(volunteer),
                "device_id": device,
                "source": source.value,
                "outcome": outcome.value,
                "reason": reason,
                "payload": payload,
                "scanned_at": codec.ts(at),
                # A paper sign-in sheet is typed in after the activity.
                "recorded_at": codec.ts(at + (2 * HOUR if source is ScanSource.PAPER else 0)),
                "staff_id": codec.uid(self.rng.choice(self.staff_ids)) if by_staff else None,
                "outside_window": codec.flag(False),
                "backfilled": codec.flag(source is ScanSource.PAPER),
            }
        )
        return scan_id, at

    def _payload(self, index: int, seq: int | None = None) -> str:
        seq = self.pool.badge_seq[index] if seq is None else seq
        context = self.context
        return codes.badge_payload(
            context.badge_secret, context.org_code, self.pool.codes[index], seq
        )

    def _session(
        self,
        activity_id: int,
        index: int,
        check_in: tuple[int, int],
        check_out: tuple[int, int] | None,
        status: SessionStatus,
        *,
        ended: int | None,
        updated: int,
        resolution: str | None = None,
    ) -> tuple[int, int]:
        """An attendance session; returns (session id, counted minutes)."""
        codec = self.codec
        session_id = self.new_id()
        counted = 0
        if ended is not None and status is not SessionStatus.DISCARDED:
            counted = _counted_minutes(ended - check_in[1])
        self.rows["attendance_session"].append(
            {
                **self._synced(session_id, check_in[1], updated),
                "activity_id": codec.uid(activity_id),
                "volunteer_id": codec.uid(self.pool.ids[index]),
                "check_in_event_id": codec.uid(check_in[0]),
                "check_out_event_id": None if check_out is None else codec.uid(check_out[0]),
                "started_at": codec.ts(check_in[1]),
                "ended_at": None if ended is None else codec.ts(ended),
                "status": status.value,
                "resolution": resolution,
                "resolved_by": self.rng.choice(self.staff_names) if resolution else None,
                "counted_minutes": counted,
                "needs_review": codec.flag(False),
            }
        )
        return session_id, counted

    def _hours(
        self,
        activity_id: int,
        index: int,
        kind: HourKind,
        span: tuple[int, int],
        minutes: int,
        *,
        session_id: int | None,
        created: int,
        approved_at: int | None,
        reason: str | None = None,
    ) -> None:
        codec = self.codec
        status = ApprovalStatus.PENDING if approved_at is None else ApprovalStatus.APPROVED
        self.rows["hour_entry"].append(
            {
                **self._synced(self.new_id(), created, approved_at),
                "volunteer_id": codec.uid(self.pool.ids[index]),
                "activity_id": codec.uid(activity_id),
                "session_id": None if session_id is None else codec.uid(session_id),
                "kind": kind.value,
                "work_date": codec.day(self.context.local_date(span[0])),
                "started_at": codec.ts(span[0]),
                "ended_at": codec.ts(span[1]),
                "minutes": minutes,
                "reason": reason,
                "requested_by": self.rng.choice(self.staff_names) if reason else None,
                "status": status.value,
                "decided_by": self.rng.choice(self.staff_names) if approved_at else None,
                "decided_at": None if approved_at is None else codec.ts(approved_at),
                "second_approver": None,
                "corrects_id": None,
                "exported_in_id": None,
                "matching_fen": None,
            }
        )

    # ------------------------------------------------------------- activities

    def _past(self, day: date, *, latest: bool) -> None:
        """A finished activity: every session closed or resolved, hours approved.

        Someone who was there but never scanned gets a 补录 entry now and then; on
        the ``latest`` activities always, still waiting for approval.
        """
        rng, context = self.rng, self.context
        template = rng.choice(ACTIVITY_TEMPLATES)
        hour, minute = rng.choice(START_TIMES)
        if template.minutes > 240:
            hour, minute = 9, 0
        starts = context.local_epoch(day, hour, minute)
        ends = starts + template.minutes * 60
        if rng.random() < 0.7:  # closed the same afternoon, or the next morning
            closed_at = ends + rng.randint(1800, 3 * HOUR)
        else:
            closed_at = context.local_epoch(day + timedelta(days=1), 9) + rng.randint(0, 8 * HOUR)
        closed_at = max(ends + 1800, min(closed_at, context.bound - 60))
        exported = context.bound - ends > 30 * DAY
        state = ActivityState.EXPORTED if exported else ActivityState.CLOSED
        capacity = rng.randint(*template.capacity)
        created = starts - rng.randint(7, 30) * DAY
        activity_id = self._activity(
            template, starts, state, capacity=capacity, closed_at=closed_at, created=created
        )
        attendees: list[int] = []
        if self.pool.ids:
            roster = self._roster(round(capacity * (0.7 + 0.3 * rng.random())))
            for index in roster:
                self._register(activity_id, index, created + rng.randint(HOUR, 5 * DAY), "import")
            attendees = [index for index in roster if rng.random() < 0.85]
            present = set(roster)
            for _ in range(rng.randint(0, 3)):
                walk_in = rng.randrange(len(self.pool.ids))
                if walk_in not in present:
                    present.add(walk_in)
                    attendees.append(walk_in)
                    self._register(activity_id, walk_in, starts, "walk_in")
            paper = rng.random() < 0.06  # the kiosk was down: a paper sheet, typed in later
            devices = ("kiosk-1", "kiosk-2") if len(attendees) > 15 else ("kiosk-1",)
            for index in attendees:
                self._attend(activity_id, index, (starts, ends, closed_at), devices, paper)
            if rng.random() < 0.3:
                self._rejected(activity_id, starts, devices[0])
            absent = sorted(set(roster) - set(attendees))
            if absent and (latest or rng.random() < 0.35):
                index = rng.choice(absent)
                self._supplemental(activity_id, index, (starts, ends), closed_at, pending=latest)
        self._feedback(activity_id, template, len(attendees), closed_at)

    def _attend(
        self,
        activity_id: int,
        index: int,
        times: tuple[int, int, int],
        devices: tuple[str, ...],
        paper: bool,
    ) -> None:
        """Check-in, maybe a duplicate, check-out (or not), the session and its hours."""
        rng = self.rng
        starts, ends, closed_at = times
        volunteer = self.pool.ids[index]
        if paper:
            source, device, payload = ScanSource.PAPER, "paper", self.pool.codes[index]
        else:
            roll = rng.random()
            source = ScanSource.CAMERA if roll < 0.55 else ScanSource.SCANNER
            if roll >= 0.95:
                source = ScanSource.MANUAL  # found by search at the desk
            device = rng.choice(devices)
            programme_id = self.pool.programme_ids[index]
            if source is ScanSource.MANUAL:
                payload = self.pool.codes[index]
            elif programme_id and rng.random() < 0.1:
                payload = programme_id  # the id on the programme's roster, typed or scanned
            else:
                payload = self._payload(index)
        at_in = starts + rng.randint(-15 * 60, 20 * 60)
        check_in = self._scan(
            activity_id, volunteer, at_in, ScanOutcome.CHECK_IN, source, device, payload
        )
        if not paper and rng.random() < 0.06:  # scanned twice in a row: answered, not counted
            at = at_in + rng.randint(3, 90)
            self._scan(activity_id, volunteer, at, ScanOutcome.DUPLICATE, source, device, payload)
        roll = rng.random()
        if roll < 0.05 and not paper:
            # Forgot to check out: staff closed it at the scheduled end, or dropped a mis-scan.
            if rng.random() < 0.8:
                session_id, counted = self._session(
                    activity_id,
                    index,
                    check_in,
                    None,
                    SessionStatus.RESOLVED,
                    ended=ends,
                    updated=closed_at,
                    resolution="scheduled_end",
                )
                if counted:
                    self._hours(
                        activity_id,
                        index,
                        HourKind.SESSION,
                        (at_in, ends),
                        counted,
                        session_id=session_id,
                        created=closed_at,
                        approved_at=closed_at,
                    )
            else:
                self._session(
                    activity_id,
                    index,
                    check_in,
                    None,
                    SessionStatus.DISCARDED,
                    ended=None,
                    updated=closed_at,
                    resolution="discarded",
                )
            return
        if roll < 0.12:  # left early
            at_out = at_in + rng.randint(60, max(61, (ends - at_in) // 60 - 20)) * 60
        else:
            at_out = ends + rng.randint(-25 * 60, 25 * 60)
        at_out = max(at_out, at_in + 1800)
        if not paper:
            device = rng.choice(devices)
        check_out = self._scan(
            activity_id, volunteer, at_out, ScanOutcome.CHECK_OUT, source, device, payload
        )
        session_id, counted = self._session(
            activity_id,
            index,
            check_in,
            check_out,
            SessionStatus.CLOSED,
            ended=at_out,
            updated=at_out,
        )
        if counted:
            self._hours(
                activity_id,
                index,
                HourKind.SESSION,
                (at_in, at_out),
                counted,
                session_id=session_id,
                created=at_out,
                approved_at=closed_at,
            )

    def _rejected(self, activity_id: int, starts: int, device: str) -> None:
        """A scan the kiosk refused, kept with its reason for the statistics."""
        rng, context = self.rng, self.context
        at = starts + rng.randint(-10 * 60, 30 * 60)
        roll = rng.random()
        if roll < 0.4 and self.pool.reissued:
            index = rng.choice(self.pool.reissued)
            volunteer, payload = self.pool.ids[index], self._payload(index, 1)
            reason, source = Meaning.RETIRED_BADGE, ScanSource.CAMERA
        elif roll < 0.75:
            volunteer, payload = None, rng.choice(UNKNOWN_PAYLOADS)
            reason, source = Meaning.OTHER, ScanSource.SCANNER
        else:
            store_code = rng.choice(context.stores)[1]
            item_code = f"{store_code}-{context.today.year % 100:02d}-{rng.randint(1, 999):06d}"
            volunteer, payload = None, codes.item_payload(context.org_code, item_code)
            reason, source = Meaning.ITEM, ScanSource.CAMERA
        self._scan(
            activity_id, volunteer, at, ScanOutcome.REJECTED, source, device, payload, reason.value
        )

    def _supplemental(
        self,
        activity_id: int,
        index: int,
        span: tuple[int, int],
        closed_at: int,
        *,
        pending: bool,
    ) -> None:
        """补录 for someone on the roster who was there but never scanned."""
        rng = self.rng
        approved: int | None = closed_at + rng.randint(HOUR, 3 * DAY)
        if pending or approved is None or approved >= self.context.bound:
            approved = None  # still waiting for a second look
        self._hours(
            activity_id,
            index,
            HourKind.SUPPLEMENTAL,
            span,
            _counted_minutes(span[1] - span[0]),
            session_id=None,
            created=closed_at,
            approved_at=approved,
            reason=rng.choice(SUPPLEMENTAL_REASONS),
        )

    def _feedback(
        self, activity_id: int, template: _Template, attendees: int, closed_at: int
    ) -> None:
        """活动反馈 for most activities; a few waived, a few still to chase."""
        rng, codec = self.rng, self.codec
        roll = rng.random()
        if roll >= 0.9:
            return
        submitted = max(
            closed_at, min(closed_at + rng.randint(600, 3 * DAY), self.context.bound - 60)
        )
        row: Row = {
            **self._synced(self.new_id(), submitted),
            "activity_id": codec.uid(activity_id),
            "submitted_by": rng.choice(self.staff_names),
            "submitted_on": codec.day(self.context.local_date(submitted)),
        }
        if roll < 0.05:
            row.update(
                people_served=None,
                beneficiaries=None,
                work_done=None,
                outcomes=None,
                problems=None,
                photo_count=0,
                satisfaction=None,
                waived=codec.flag(True),
                waive_reason=rng.choice(WAIVE_REASONS),
            )
        else:
            served = rng.randint(10, 200)
            row.update(
                people_served=served,
                beneficiaries=template.beneficiaries,
                work_done=f"{attendees} 名志愿者参与，{template.work_done}。",
                outcomes=template.outcome.format(n=served),
                problems=rng.choice(PROBLEMS) or None,
                photo_count=rng.randint(0, 12),
                satisfaction=rng.choice((3, 4, 4, 5, 5, 5)),
                waived=codec.flag(False),
                waive_reason=None,
            )
        self.rows["activity_feedback"].append(row)

    def _today(self) -> None:
        """Today's open activity: some came and went, one or two are still checked in."""
        rng, context = self.rng, self.context
        template = ACTIVITY_TEMPLATES[0]
        now_local = datetime.fromtimestamp(context.now, context.zone)
        if now_local.hour * 60 + now_local.minute >= 10 * 60 + 30:
            starts = context.local_epoch(context.today, 9)
        else:  # early in the day: it started an hour ago
            starts = max(context.bound, context.now - context.now % 1800 - HOUR)
        ends = starts + template.minutes * 60
        created = starts - 10 * DAY
        activity_id = self._activity(
            template, starts, ActivityState.OPEN, capacity=12, closed_at=None, created=created
        )
        latest = context.now - 60
        still_here = 0
        for index in self._roster(10):
            self._register(activity_id, index, created + HOUR, "import")
            at_in = starts + rng.randint(-10 * 60, 20 * 60)
            if at_in > latest:
                continue
            at_out = at_in + rng.randint(60, 150) * 60
            can_leave = at_out <= min(ends, latest)
            if not can_leave and still_here >= 2:
                continue  # not here yet
            volunteer, payload = self.pool.ids[index], self._payload(index)
            check_in = self._scan(
                activity_id,
                volunteer,
                at_in,
                ScanOutcome.CHECK_IN,
                ScanSource.CAMERA,
                "kiosk-1",
                payload,
            )
            if can_leave and still_here:
                check_out = self._scan(
                    activity_id,
                    volunteer,
                    at_out,
                    ScanOutcome.CHECK_OUT,
                    ScanSource.CAMERA,
                    "kiosk-1",
                    payload,
                )
                self._session(
                    activity_id,
                    index,
                    check_in,
                    check_out,
                    SessionStatus.CLOSED,
                    ended=at_out,
                    updated=at_out,
                )
            else:
                still_here += 1
                self._session(
                    activity_id,
                    index,
                    check_in,
                    None,
                    SessionStatus.OPEN,
                    ended=None,
                    updated=at_in,
                )

    def _draft(self) -> None:
        """Next week or the one after: a draft with its roster already imported."""
        context = self.context
        template = ACTIVITY_TEMPLATES[2]
        day = context.today + timedelta(days=self.rng.randint(7, 14))
        created = context.bound - DAY
        activity_id = self._activity(
            template,
            context.local_epoch(day, 9, 30),
            ActivityState.DRAFT,
            capacity=20,
            closed_at=None,
            created=created,
        )
        for index in self._roster(8):
            self._register(activity_id, index, created + 600, "import")
