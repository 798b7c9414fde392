"""Intake and the item list against DESIGN.md's budgets, each beside a floor of the same run.

* save one intake item (one batch, one item, one event, committed with
  ``synchronous=FULL``): median ≤ 10 ms, beside one raw sqlite3 INSERT + COMMIT;
* bulk import of 100,000 rows (``donation_import.import_rows``) ≤ 2× a raw sqlite3
  ``executemany`` of the same item and item-event rows into the same schema (whose
  search triggers fire for both);
* on a 3.5M-item database (built once, cached under ``tests/bench/common.DATA``):
  first page ≤ 200 ms, lookup by code ≤ 10 ms, text filter ≤ 300 ms, RSS ≤ 300 MB.

Run: ``make bench`` or ``python -m tests.bench.bench_intake``.
``PARTNER_DESK_BENCH_ITEMS`` changes the big database's size (default 3.5M).
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.bench.common import DATA, ROOT, BenchResult, format_table

BIG_ITEMS = int(os.environ.get("PARTNER_DESK_BENCH_ITEMS", "3500000"))
RUNS = int(os.environ.get("PARTNER_DESK_BENCH_RUNS", "7"))
IMPORT_ROWS = int(os.environ.get("PARTNER_DESK_BENCH_IMPORT_ROWS", "100000"))
SAVE_SAMPLES = 60
ZONE = ZoneInfo("Asia/Shanghai")

STORES = tuple((f"S{n:02d}", f"{n}号店") for n in range(1, 17))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华玉萍红建文辉宇浩欣怡婷雪琳晨阳佳思子涵轩博睿泽"
COMPANIES = tuple(
    f"{a}{b}有限公司"
    for a in ("星辰", "云栖", "恒远", "瑞丰", "启明", "蓝海", "新程", "华章", "绿野", "优品")
    for b in ("科技", "物流", "服饰", "家居", "文化传媒", "电子商务")
)
COLOURS = ("", "", "", "黑色", "灰色", "藏青色", "米白色", "红色", "卡其色", "浅蓝色", "粉色")
SIZES = ("", "S码", "M码", "L码", "XL码", "110cm", "130cm", "38码", "40码", "42码")
GOODS = {
    "上衣": ("羊毛开衫", "纯棉T恤", "格子衬衫", "针织毛衣", "卫衣", "雪纺衬衫", "polo衫"),
    "裤装": ("牛仔裤", "休闲裤", "运动裤", "西裤", "阔腿裤", "工装裤"),
    "裙装": ("连衣裙", "半身裙", "百褶裙", "针织裙"),
    "外套": ("羽绒服", "风衣", "呢子大衣", "牛仔外套", "冲锋衣", "西装外套", "棉服"),
    "童装": ("儿童卫衣", "婴儿连体衣", "儿童羽绒服", "校服外套", "儿童T恤"),
    "其他服装": ("睡衣套装", "运动服套装", "旗袍", "汉服"),
    "鞋": ("运动鞋", "皮鞋", "帆布鞋", "短靴", "凉鞋", "雪地靴"),
    "包": ("双肩包", "手提包", "帆布袋", "钱包", "拉杆行李箱"),
    "帽子围巾": ("羊绒围巾", "毛线帽", "遮阳帽", "棒球帽"),
    "首饰配饰": ("手链", "项链", "胸针", "发饰", "石英手表"),
    "儿童图书": ("儿童绘本", "少儿百科全书", "拼音故事书", "科普漫画"),
    "文学": ("长篇小说", "散文集", "诗歌选集", "名著精装"),
    "教材教辅": ("高中数学教辅", "英语词汇书", "考研资料", "小学语文练习册"),
    "其他图书": ("家常菜谱", "旅游指南", "摄影画册", "历史读物"),
    "音像制品": ("音乐CD", "电影DVD", "黑胶唱片", "英语听力光盘"),
    "厨具餐具": ("不锈钢炒锅", "陶瓷餐具套装", "玻璃杯", "保温杯", "电饭煲内胆"),
    "床品布艺": ("纯棉四件套", "羊毛毯", "抱枕", "窗帘", "桌布"),
    "装饰摆件": ("陶瓷花瓶", "相框", "木雕摆件", "台灯", "装饰挂画"),
    "收纳": ("收纳箱", "置物架", "衣架", "收纳篮"),
    "小家电": ("电水壶", "吹风机", "榨汁机", "电风扇", "电熨斗"),
    "手机电脑": ("旧款智能手机", "平板电脑", "笔记本电脑", "无线键盘鼠标"),
    "其他数码": ("蓝牙音箱", "数码相机", "头戴耳机", "移动电源"),
    "玩具": ("积木", "毛绒玩具", "拼图", "遥控车", "过家家玩具套装"),
    "文具": ("彩色铅笔", "笔记本", "书包", "文具套装"),
    "体育用品": ("羽毛球拍", "篮球", "瑜伽垫", "乒乓球拍"),
    "婴儿用品": ("奶瓶", "婴儿背带", "婴儿床铃", "辅食碗套装"),
    "童车座椅": ("婴儿推车", "儿童安全座椅", "儿童自行车", "学步车"),
    "其他": ("手工艺品", "口琴", "长柄雨伞", "杂项小物"),
}
BRANDS = ("", "", "", "优衣库", "海澜之家", "李宁", "安踏", "美的", "苏泊尔", "得力", "乐高")
NONE4 = (None, None, None, None)  # an event's to_store_id, price_fen, recipient, note
ITEM_COLUMNS = (
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
EVENT_COLUMNS = (
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


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def _ts(value: datetime) -> str:
    """A timestamp as SQLAlchemy stores it on SQLite (naive UTC, microseconds)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class _Ids:
    """Version-4 UUIDs as 32 hex digits whose leading bits count up (index-friendly)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counter = rng.getrandbits(40)

    def __call__(self) -> str:
        self.counter += 1
        value = (self.counter << 80) | self.rng.getrandbits(80)
        value = (value & ~(0xF << 76) & ~(0x3 << 62)) | (0x4 << 76) | (0x2 << 62)
        return f"{value:032x}"


def _fresh_database(path: Path, stores: tuple[tuple[str, str], ...]) -> None:
    from models import migrate, organisation
    from models.db import Database
    from models.organisation import SetupRequest, StoreSpec

    database = Database.open(path)
    try:
        migrate.upgrade(database)
        with database.transaction() as session:
            organisation.set_up(
                session,
                SetupRequest(
                    name="基准测试慈善商店",
                    code="BENCH",
                    stores=tuple(StoreSpec(code, name) for code, name in stores),
                    staff_name="王老师",
                ),
            )
    finally:
        database.close()


def cached_database(path: Path, what: str, build: Callable[[Path], None]) -> Path:
    """``path``, built once by ``build(partial_path)`` and kept in .bench-data.

    A cache made before a newer migration is upgraded; an interrupted build leaves
    only a ``.partial`` file, removed before the next try.
    """
    if path.exists():
        _upgrade(path)
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in DATA.glob(partial.name + "*"):
        leftover.unlink()
    print(f"building {what} (once)…", file=sys.stderr, flush=True)
    started = time.monotonic()
    build(partial)
    print(f"…built in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    partial.rename(path)
    return path


def big_items_db(items: int = BIG_ITEMS) -> Path:
    """A charity shop's ~10 years of intake (330k items a year, 16 stores), built once."""

    def build(partial: Path) -> None:
        _fresh_database(partial, STORES)
        _fill(partial, items)

    return cached_database(DATA / f"items-{items}.sqlite3", f"a {items:,}-item database", build)


def _fill(path: Path, total: int) -> None:
    rng = random.Random(2026)
    new_id = _Ids(rng)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("PRAGMA cache_size = -400000")
    raw.execute("PRAGMA foreign_keys = OFF")
    stores = raw.execute("SELECT id, code FROM store ORDER BY code").fetchall()
    leaves = raw.execute(
        "SELECT c.id, c.name FROM item_category c WHERE c.parent_id IS NOT NULL"
    ).fetchall()
    staff_id = raw.execute("SELECT id FROM staff").fetchone()[0]
    # Insert first, index the text afterwards in one go ('rebuild' = the same entries).
    trigger_sql = raw.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'item_search_item_ai'"
    ).fetchone()[0]
    raw.execute("DROP TRIGGER item_search_item_ai")

    descriptions = {
        leaf_id: [
            f"{brand}{colour}{noun} {size}".strip()
            for noun in GOODS.get(name, (name,))
            for colour in COLOURS
            for size in SIZES
            for brand in BRANDS[:4]
        ]
        for leaf_id, name in leaves
    }
    leaf_ids = [leaf_id for leaf_id, _name in leaves]
    store_weights = [1 / (1 + i / 4) for i in range(len(stores))]
    companies = []
    donor_rows: list[tuple[object, ...]] = []
    created = _ts(datetime(2015, 1, 1, tzinfo=UTC))
    for company in COMPANIES:
        donor = new_id()
        companies.append(donor)
        phone = f"021-{rng.randrange(50_000_000, 70_000_000)}"
        donor_rows.append((donor, "corporate", company, phone, 1, created, created))
    recent_donors: list[str] = []

    today = datetime.now(ZONE).date()
    days = max(30, round(total / 330_000 * 365))
    first = today - timedelta(days=days)
    per_day = total / days
    seq: dict[tuple[str, int], int] = {}
    receipts: dict[tuple[str, int], int] = {}
    batch_rows: list[tuple[object, ...]] = []
    item_rows: list[tuple[object, ...]] = []
    event_rows: list[tuple[object, ...]] = []
    made = 0
    bound = datetime.combine(today, datetime.min.time(), tzinfo=ZONE)
    batch_sql = _insert_sql(
        "donation_batch",
        (
            "id",
            "receipt_no",
            "donor_id",
            "store_id",
            "received_on",
            "channel",
            "staff_id",
            "version",
            "created_at",
            "updated_at",
        ),
    )
    donor_sql = _insert_sql(
        "donor", ("id", "kind", "name", "phone", "version", "created_at", "updated_at")
    )
    item_sql = _insert_sql("item", ITEM_COLUMNS)
    event_sql = _insert_sql("item_event", EVENT_COLUMNS)

    def flush() -> None:
        raw.execute("BEGIN")
        raw.executemany(donor_sql, donor_rows)
        raw.executemany(batch_sql, batch_rows)
        raw.executemany(item_sql, item_rows)
        raw.executemany(event_sql, event_rows)
        raw.execute("COMMIT")
        donor_rows.clear()
        batch_rows.clear()
        item_rows.clear()
        event_rows.clear()

    day_no = 0
    while made < total:
        day = first + timedelta(days=min(day_no, days - 1))
        day_no += 1
        target = total if day_no >= days else min(total, round(per_day * day_no))
        while made < target:
            store_id, store_code = rng.choices(stores, weights=store_weights)[0]
            corporate = rng.random() < 0.2
            if corporate:
                size = rng.randint(40, 300)
                donor: str | None = rng.choice(companies)
                channel = "corporate_delivery"
            else:
                size = min(int(rng.expovariate(1 / 3.5)) + 1, 25)
                channel = "walk_in"
                if recent_donors and rng.random() < 0.3:
                    donor = rng.choice(recent_donors[-5000:])
                elif rng.random() < 0.1:
                    donor = None
                else:
                    donor = new_id()
                    name = rng.choice(SURNAMES) + "".join(
                        rng.choice(GIVEN) for _ in range(rng.randint(1, 2))
                    )
                    phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
                    stamp = _ts(datetime.combine(day, datetime.min.time(), tzinfo=ZONE))
                    donor_rows.append((donor, "individual", name, phone, 1, stamp, stamp))
                    recent_donors.append(donor)
            size = min(size, total - made)
            start = datetime.combine(day, datetime.min.time(), tzinfo=ZONE) + timedelta(
                hours=10, seconds=rng.randrange(8 * 3600)
            )
            year = day.year
            receipt = receipts.get((store_code, year), 0) + 1
            receipts[(store_code, year)] = receipt
            batch_id = new_id()
            stamp = _ts(start)
            batch_rows.append(
                (
                    batch_id,
                    f"R-{store_code}-{year}-{receipt:06d}",
                    donor,
                    store_id,
                    day.isoformat(),
                    channel,
                    staff_id,
                    1,
                    stamp,
                    stamp,
                )
            )
            next_seq = seq.get((store_id, year), 1)
            seq[(store_id, year)] = next_seq + size
            themes = rng.sample(leaf_ids, 2)
            at = start
            for n in range(size):
                at += timedelta(seconds=rng.randint(5, 60))
                leaf = (
                    (themes[n % 2] if rng.random() < 0.8 else rng.choice(leaf_ids))
                    if (corporate)
                    else rng.choice(leaf_ids)
                )
                grade = rng.choice("AAABBBBCCX")
                value = rng.randrange(1, 200) * 100
                item_id = new_id()
                received = _ts(at)
                status, sold, last = "received", None, received
                event_rows.append(
                    (new_id(), item_id, "received", received, staff_id, store_id, *NONE4)
                )
                age = (bound - at).days
                if age > 20:
                    roll = rng.random()
                    shelved = _ts(at + timedelta(days=rng.randint(1, 5)))
                    if grade == "X" or roll < 0.1:
                        status = "recycled" if roll < 0.5 else "discarded"
                        last = shelved
                        event_rows.append(
                            (new_id(), item_id, status, last, staff_id, store_id, *NONE4)
                        )
                    else:
                        status, last = "on_shelf", shelved
                        event_rows.append(
                            (new_id(), item_id, "shelved", last, staff_id, store_id, *NONE4)
                        )
                        if roll < 0.75:
                            status, sold = "sold", value * 8 // 10
                            last = _ts(at + timedelta(days=rng.randint(6, 19)))
                            sale = (None, sold, None, None)  # to_store, price, recipient, note
                            event_rows.append(
                                (new_id(), item_id, "sold", last, staff_id, store_id, *sale)
                            )
                item_rows.append(
                    (
                        item_id,
                        f"{store_code}-{year % 100:02d}-{next_seq + n:06d}",
                        batch_id,
                        leaf,
                        rng.choice(descriptions[leaf]),
                        grade,
                        rng.randint(2, 20) if corporate and rng.random() < 0.2 else 1,
                        value,
                        status,
                        store_id,
                        sold,
                        received,
                        received,
                        1,
                        received,
                        last,
                    )
                )
            made += size
        if len(item_rows) >= 100_000:
            flush()
            print(f"  {made:,} items", file=sys.stderr, flush=True)
    flush()
    raw.execute("BEGIN")
    raw.executemany(
        "INSERT INTO code_sequence (store_id, year, next_value) VALUES (?, ?, ?)",
        [(store, year, value) for (store, year), value in seq.items()],
    )
    raw.execute(trigger_sql)
    raw.execute("COMMIT")
    print("  indexing the text…", file=sys.stderr, flush=True)
    raw.execute("INSERT INTO item_search(item_search) VALUES ('rebuild')")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()


# --------------------------------------------------------------------------- intake


def _upgrade(path: Path) -> None:
    from models import migrate
    from models.db import Database

    database = Database.open(path)
    try:
        migrate.upgrade(database, backup=False)
    finally:
        database.close()


def _template(name: str) -> Path:
    """A migrated, set-up database with two stores (copied for each measurement)."""
    from models import migrate

    path = DATA / f"intake-{name}-{migrate.HEAD_REVISION}.sqlite3"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        _fresh_database(partial, STORES[:2])
        partial.rename(path)
    return path


def _copy(template: Path, name: str) -> Path:
    target = Path(tempfile.mkdtemp(prefix="bench-intake-")) / name
    shutil.copy(template, target)
    return target


def _ids(raw: sqlite3.Connection) -> tuple[str, str]:
    store = raw.execute("SELECT id FROM store ORDER BY code LIMIT 1").fetchone()[0]
    leaf = raw.execute(
        "SELECT id FROM item_category WHERE parent_id IS NOT NULL ORDER BY name LIMIT 1"
    ).fetchone()[0]
    return store, leaf


def bench_save_one_item() -> list[BenchResult]:
    """One donation of one item, saved and committed, many times; and its raw floor."""
    from sqlalchemy import select

    from models import intake
    from models.db import Database
    from models.schema import Store
    from models.schema.enums import Grade, IntakeChannel

    path = _copy(_template("small"), "save.sqlite3")
    database = Database.open(path)
    with database.reading() as session:
        store_id = session.scalars(select(Store.id).where(Store.code == "S01")).one()
        leaf_id = intake.category_table(session)
        category = next(c.id for c in leaf_id.values() if c.is_leaf)
    request = intake.BatchRequest(
        None,
        store_id,
        datetime.now(ZONE).date(),
        IntakeChannel.WALK_IN,
        None,
        (intake.ItemLine(category, "黑色羽绒服 L码", Grade.A, 1, 80_00),),
    )
    samples = []
    for _ in range(SAVE_SAMPLES + 5):
        started = time.perf_counter()
        with database.transaction() as session:
            intake.save_batch(session, request, staff="王老师")
        samples.append(time.perf_counter() - started)
    database.close()
    saved = statistics.median(samples[5:]) * 1000

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    store, leaf = _ids(raw)
    batch = raw.execute("SELECT id FROM donation_batch LIMIT 1").fetchone()[0]
    floors = []
    for n in range(SAVE_SAMPLES + 5):
        stamp = _ts(datetime.now(UTC))
        row = (uuid.uuid4().hex, f"S01-99-{n:06d}", batch, leaf, "黑色羽绒服 L码", "A", 1)
        row += (8000, "received", store, None, stamp, None, 1, stamp, stamp)
        started = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(_insert_sql("item", ITEM_COLUMNS), row)
        raw.execute("COMMIT")
        floors.append(time.perf_counter() - started)
    raw.close()
    shutil.rmtree(path.parent, ignore_errors=True)
    return [
        BenchResult(
            "save one intake item (batch + item + event, committed)",
            "≤ 10 ms",
            saved,
            statistics.median(floors[5:]) * 1000,
            "ms",
            limit_absolute=10.0,
        )
    ]


def _import_table(rows: int) -> object:
    from models.donation_import import Table

    goods = [(d, leaf) for leaf, names in GOODS.items() for d in names]
    body = [
        (
            str(n),
            f"全新{goods[n % len(goods)][0]} 第{n}件",
            goods[n % len(goods)][1],
            "ABC"[n % 3],
            str(1 + n % 20),
            f"{10 + n % 90}.50",
        )
        for n in range(1, rows + 1)
    ]
    headers = ("序号", "物品名称", "类别", "成色", "数量", "单价（元）")
    return Table("企业捐赠清单.xlsx", headers, body, list(range(2, rows + 2)))


def _raw_insert_seconds(path: Path, items: list[tuple[object, ...]], with_search: bool) -> float:
    """sqlite3 executemany of the same item and event rows, one transaction, FULL sync."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA foreign_keys = ON")
    if not with_search:
        raw.execute("DROP TRIGGER item_search_item_ai")
    events = [
        (uuid.uuid4().hex, item[0], "received", item[11], None, item[9], None, None, None, None)
        for item in items
    ]
    started = time.perf_counter()
    raw.execute("BEGIN IMMEDIATE")
    raw.executemany(_insert_sql("item", ITEM_COLUMNS), items)
    raw.executemany(_insert_sql("item_event", EVENT_COLUMNS), events)
    raw.execute("COMMIT")
    elapsed = time.perf_counter() - started
    raw.close()
    return elapsed


def bench_bulk_import(rows: int = IMPORT_ROWS) -> list[BenchResult]:
    from sqlalchemy import select

    from models import donation_import
    from models.db import Database
    from models.donation_import import ImportDefaults
    from models.schema import Store

    table: Any = _import_table(rows)
    mapping = donation_import.suggest_mapping(table.headers)
    ours, checks, floors, floors_fts = [], [], [], []
    for _ in range(max(1, RUNS // 2)):
        path = _copy(_template("small"), "import.sqlite3")
        database = Database.open(path)
        with database.reading() as session:
            store_id = session.scalars(select(Store.id).where(Store.code == "S01")).one()
        defaults = ImportDefaults(store_id, datetime.now(ZONE).date())
        started = time.perf_counter()
        with database.reading() as session:
            validation = donation_import.validate(session, table, mapping, defaults)
        checks.append(time.perf_counter() - started)
        assert validation.ok, validation.errors[:3]
        started = time.perf_counter()
        with database.transaction() as session:
            donation_import.import_rows(session, validation, defaults, staff="王老师")
        ours.append(time.perf_counter() - started)
        database.close()
        # The floors write the very rows the import wrote, into fresh copies.
        raw = sqlite3.connect(path)
        written = raw.execute(f"SELECT {', '.join(ITEM_COLUMNS)} FROM item").fetchall()
        raw.close()
        shutil.rmtree(path.parent, ignore_errors=True)
        for with_search, into in ((False, floors), (True, floors_fts)):
            copy = _copy(_template("small"), "floor.sqlite3")
            raw = sqlite3.connect(copy, isolation_level=None)
            batch = uuid.uuid4().hex
            raw.execute(
                "INSERT INTO donation_batch (id, receipt_no, store_id, received_on, channel, "
                "version, created_at, updated_at) VALUES (?, 'R-X', ?, '2026-01-01', 'import', "
                "1, '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')",
                (batch, written[0][9]),
            )
            raw.close()
            same = [(uuid.uuid4().hex, r[1], batch, *r[3:]) for r in written]
            into.append(_raw_insert_seconds(copy, same, with_search))
            shutil.rmtree(copy.parent, ignore_errors=True)
    label = f"{rows / 1000:.0f}k"
    return [
        BenchResult(
            f"bulk import {label} rows (items + events + search index)",
            "≤ 2× raw executemany (no search index)",
            statistics.median(ours),
            statistics.median(floors),
            "s",
            limit_ratio=2.0,
        ),
        BenchResult(
            f"bulk import {label} rows, same schema floor",
            "≤ 2× raw executemany (search triggers firing)",
            statistics.median(ours),
            statistics.median(floors_fts),
            "s",
            limit_ratio=2.0,
        ),
        BenchResult(
            f"check {label} import rows (validate)",
            "info (no budget)",
            statistics.median(checks),
            None,
            "s",
        ),
    ]


# --------------------------------------------------------------------------- item list

TEXTS = (
    "羊毛开衫",
    "羊毛",
    "有限公司",
    "鞋",
    "张",
    "服装",
    "上衣 羊毛",
    "优衣库 羊毛",
    "S03-19-0012",
    "不存在的东西",
)


def _peak_rss_mb() -> float:
    """This process's peak resident memory.

    Linux's VmHWM starts again at exec; ru_maxrss would include the memory of the
    parent that forked this worker.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _list_worker(path: str, runs: int, texts: list[str]) -> dict[str, Any]:
    """Runs in a fresh process: opening, paging, lookups and searches, and the RSS."""
    from models import items
    from models.db import Database
    from models.items import ItemQuery

    # Imports are start-up time (their own budget); this is opening the list.
    started = time.perf_counter()
    database = Database.open(path)
    with database.reading() as session:
        first = items.page(session, ItemQuery())
    out: dict[str, Any] = {"open": time.perf_counter() - started}
    codes = [row.code for row in first.rows]
    pages: list[float] = []
    lookups: list[float] = []
    found: dict[str, list[float]] = {text: [] for text in texts}

    def timed(samples: list[float], work: Any) -> None:
        begun = time.perf_counter()
        work()
        samples.append(time.perf_counter() - begun)

    for n in range(runs):
        with database.reading() as session:
            timed(pages, lambda: items.page(session, ItemQuery()))
            for code in codes[n * 7 % 150 : n * 7 % 150 + 20]:
                timed(lookups, lambda code=code: items.lookup_code(session, code))
            for text in texts:
                timed(found[text], lambda text=text: items.page(session, ItemQuery(text=text)))
    with database.reading() as session:
        out["plans"] = {text: items.explain(session, ItemQuery(text=text)) for text in texts}
    database.close()
    raw = sqlite3.connect(path)
    floor_pages: list[float] = []
    floor_lookups: list[float] = []
    newest = "SELECT * FROM item ORDER BY received_at DESC, id DESC LIMIT 200"
    for _ in range(runs):
        timed(floor_pages, lambda: raw.execute(newest).fetchall())
        for code in codes[:20]:
            timed(
                floor_lookups,
                lambda code=code: raw.execute(
                    "SELECT * FROM item WHERE code = ?", (code,)
                ).fetchall(),
            )
    raw.close()
    out.update(
        first_page=pages,
        lookup=lookups,
        text=found,
        floor={"first_page": floor_pages, "lookup": floor_lookups},
        rss_mb=_peak_rss_mb(),
    )
    return out


def bench_item_list() -> list[BenchResult]:
    path = big_items_db()
    opens, results = [], []
    for _ in range(max(3, RUNS // 2)):
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.bench_intake", "--list-worker", str(path)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        result = json.loads(done.stdout)
        opens.append(result["open"])
        results.append(result)
    last = results[-1]
    ms = 1000.0
    first_pages = [x for r in results for x in r["first_page"]]
    lookups = [x for r in results for x in r["lookup"]]
    floor_pages = [x for r in results for x in r["floor"]["first_page"]]
    floor_lookups = [x for r in results for x in r["floor"]["lookup"]]
    size = f"{BIG_ITEMS / 1e6:.1f}M"
    lines = [
        BenchResult(
            f"item list, {size} items: open (new connection, cold caches, first page)",
            "≤ 200 ms",
            statistics.median(opens) * ms,
            None,
            "ms",
            limit_absolute=200.0,
        ),
        BenchResult(
            f"item list, {size} items: first page (200 rows)",
            "≤ 200 ms",
            statistics.median(first_pages) * ms,
            statistics.median(floor_pages) * ms,
            "ms",
            limit_absolute=200.0,
        ),
        BenchResult(
            f"item list, {size} items: lookup by code",
            "≤ 10 ms",
            statistics.median(lookups) * ms,
            statistics.median(floor_lookups) * ms,
            "ms",
            limit_absolute=10.0,
        ),
    ]
    for text in TEXTS:
        samples = [x for r in results for x in r["text"][text]]
        lines.append(
            BenchResult(
                f"item list, {size} items: text “{text}” first page ({last['plans'][text]})",
                "≤ 300 ms",
                statistics.median(samples) * ms,
                None,
                "ms",
                limit_absolute=300.0,
            )
        )
    lines.append(
        BenchResult(
            f"item list, {size} items: process RSS after all of the above",
            "≤ 300 MB",
            max(r["rss_mb"] for r in results),
            None,
            "MB",
            limit_absolute=300.0,
        )
    )
    return lines


def run() -> list[BenchResult]:
    return bench_save_one_item() + bench_bulk_import() + bench_item_list()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--list-worker"]:
        print(json.dumps(_list_worker(sys.argv[2], RUNS, list(TEXTS))))
    else:
        print(format_table(run()))
