"""The donor receipt: the right batch, donor and total, multi-page with the table header
repeated, anonymous donors named as such, and capital Chinese amounts that are right."""

from __future__ import annotations

import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.db import Database
from models.errors import UserError
from models.files import write_pdf_atomically
from models.money import format_fen
from models.receipt import (
    ANONYMOUS,
    ReceiptData,
    chinese_amount,
    receipt_for_batch,
    render_receipt,
)
from models.schema import DonationBatch, Donor, Item, ItemCategory, Organisation, Store
from models.schema.enums import DonorKind, Grade

GRADES = (Grade.A, Grade.B, Grade.C, Grade.UNSELLABLE)
DESCRIPTIONS = (
    "藏青色羊毛大衣，九成新",
    "",
    "不锈钢炒锅，有轻微划痕，可正常使用，附锅盖和木铲，适合家庭日常烹饪",
    "儿童绘本 <一套> & 贴纸",
)


def add_batch(
    database: Database,
    receipt_no: str,
    lines: int,
    donor: tuple[DonorKind, str] | None,
    *,
    first: int = 1,
) -> uuid.UUID:
    with database.transaction() as session:
        store = session.scalars(select(Store).where(Store.code == "S01")).one()
        leaves = session.scalars(
            select(ItemCategory)
            .where(ItemCategory.parent_id.is_not(None))
            .order_by(ItemCategory.name)
        ).all()
        donor_row = None
        if donor is not None:
            donor_row = Donor(kind=donor[0], name=donor[1])
            session.add(donor_row)
            session.flush()
        batch = DonationBatch(
            receipt_no=receipt_no,
            store_id=store.id,
            received_on=date(2026, 3, 5),
            donor_id=donor_row.id if donor_row else None,
        )
        session.add(batch)
        session.flush()
        for n in range(first, first + lines):
            session.add(
                Item(
                    code=f"S01-26-{n:06d}",
                    batch_id=batch.id,
                    category_id=leaves[n % len(leaves)].id,
                    description=DESCRIPTIONS[n % len(DESCRIPTIONS)],
                    grade=GRADES[n % len(GRADES)],
                    quantity=1 + n % 3,
                    unit_value_fen=(n * 1737) % 50_000 + 5,
                    store_id=store.id,
                )
            )
        return batch.id


def render_to_text(data: ReceiptData, path: Path) -> list[str]:
    """Render, then pdftotext: one string per page."""
    write_pdf_atomically(path, lambda out: render_receipt(data, out))
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], check=True, capture_output=True
    )
    pages = result.stdout.decode("utf-8").split("\f")
    return [page for page in pages if page.strip()]


def test_long_receipt_flows_onto_pages_with_the_header_repeated(
    org_database: Database, tmp_path: Path
) -> None:
    batch_id = add_batch(org_database, "R-S01-2026-000042", 60, (DonorKind.INDIVIDUAL, "李华"))
    add_batch(org_database, "R-S01-2026-000043", 3, None, first=500)  # not on this receipt
    with org_database.reading() as session:
        data = receipt_for_batch(session, batch_id)
        total = session.scalar(
            select(func.sum(Item.quantity * Item.unit_value_fen)).where(Item.batch_id == batch_id)
        )
        quantity = session.scalar(select(func.sum(Item.quantity)).where(Item.batch_id == batch_id))
    assert total is not None and quantity is not None
    assert len(data.lines) == 60
    assert data.total_fen == total
    assert data.total_quantity == quantity

    pages = render_to_text(data, tmp_path / "receipt.pdf")
    assert len(pages) > 1
    text = "\n".join(pages)
    assert "捐赠收据 / 感谢信" in text
    assert "R-S01-2026-000042" in text
    assert "李华" in text
    assert ANONYMOUS not in text
    assert "绿芽公益服务中心" in text
    assert "S01 静安旗舰店" in text
    assert "2026年3月5日" in text
    assert format_fen(total) in text  # e.g. ¥12,345.67
    assert chinese_amount(total) in text.replace(" ", "")
    assert f"{quantity} 件" in text
    assert "儿童绘本 <一套> & 贴纸" in text  # markup characters printed as typed
    for n in range(1, 61):
        assert f"S01-26-{n:06d}" in text
    assert "S01-26-000500" not in text
    for number, page in enumerate(pages, start=1):
        assert f"第{number}/{len(pages)}页" in page.replace(" ", "")
        if "S01-26-0000" in page:
            assert "物品编号" in page and "小计 (¥)" in page, f"page {number} lacks the header"
    assert sum("物品编号" in page for page in pages) >= 2


@pytest.mark.parametrize(
    "donor", [None, (DonorKind.ANONYMOUS, "不愿留名的先生")], ids=["no donor", "anonymous"]
)
def test_anonymous_donor(
    org_database: Database, tmp_path: Path, donor: tuple[DonorKind, str] | None
) -> None:
    batch_id = add_batch(org_database, "R-S01-2026-000007", 2, donor)
    with org_database.reading() as session:
        data = receipt_for_batch(session, batch_id)
    assert data.donor_name is None
    pages = render_to_text(data, tmp_path / "anonymous.pdf")
    assert len(pages) == 1
    assert ANONYMOUS in pages[0]
    assert "尊敬的爱心人士" in pages[0]
    assert "不愿留名" not in pages[0]


def test_contact_details_are_printed_when_set(org_database: Database, tmp_path: Path) -> None:
    batch_id = add_batch(org_database, "R-S01-2026-000008", 1, (DonorKind.CORPORATE, "某某科技"))
    with org_database.transaction() as session:
        org = session.scalars(select(Organisation)).one()
        org.address = "上海市静安区南京西路1266号"
        org.contact_phone = "021-62881234"
    with org_database.reading() as session:
        data = receipt_for_batch(session, batch_id)
    text = render_to_text(data, tmp_path / "r.pdf")[0]
    assert "上海市静安区南京西路1266号" in text
    assert "021-62881234" in text
    assert "某某科技" in text


def test_unknown_batch_is_a_user_error(org_database: Database) -> None:
    with org_database.reading() as session, pytest.raises(UserError):
        receipt_for_batch(session, uuid.uuid4())


@pytest.mark.parametrize(
    ("fen", "expected"),
    [
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角整"),
        (100, "壹元整"),
        (1000, "壹拾元整"),
        (10_05, "壹拾元零伍分"),
        (100_50, "壹佰元伍角整"),
        (100_05, "壹佰元零伍分"),
        (1005_00, "壹仟零伍元整"),
        (1010_00, "壹仟零壹拾元整"),
        (12345_67, "壹万贰仟叁佰肆拾伍元陆角柒分"),
        (100000_00, "壹拾万元整"),
        (1000010_00, "壹佰万零壹拾元整"),
        (10010000_00, "壹仟零壹万元整"),
        (100010000_00, "壹亿零壹万元整"),
        (100000001_00, "壹亿零壹元整"),
        (1000000000_00, "壹拾亿元整"),
    ],
)
def test_chinese_amount(fen: int, expected: str) -> None:
    assert chinese_amount(fen) == expected
