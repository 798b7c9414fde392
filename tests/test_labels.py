"""Item labels: every printed QR decodes to exactly the items asked for, the CJK font
is embedded, text stays inside its label, labelling is recorded, and a failed or
cancelled render leaves no file behind."""

from __future__ import annotations

import errno
import html
import io
import re
import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO

import pytest
import zxingcpp
from PIL import Image
from reportlab.lib.units import mm
from sqlalchemy import func, select

from models import qr
from models.codes import item_payload
from models.db import Database
from models.errors import Cancelled, DiskFull, UserError
from models.files import write_pdf_atomically
from models.labels import (
    A4_SHEET,
    LabelData,
    LabelTemplate,
    labels_for_items,
    mark_labelled,
    render_labels,
)
from models.pdf_fonts import CJK, ELLIPSIS, fit_text, register_fonts, text_width
from models.schema import DonationBatch, Item, ItemCategory, ItemEvent, Store
from models.schema.enums import Grade, ItemEventKind

ORG = "GREEN"
GRADES = (Grade.A, Grade.B, Grade.C, Grade.UNSELLABLE)
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
LABELLED_BEFORE = datetime(2026, 3, 6, 2, 0, tzinfo=UTC)


def add_items(
    database: Database, count: int, *, first: int = 1, labelled_every: int = 0
) -> list[str]:
    """Insert ``count`` items in batches of 50 across both stores; returns their codes.

    With ``labelled_every=k`` every k-th item already had its label printed.
    """
    codes: list[str] = []
    with database.transaction() as session:
        stores = session.scalars(select(Store).order_by(Store.code)).all()
        leaves = session.scalars(
            select(ItemCategory)
            .where(ItemCategory.parent_id.is_not(None))
            .order_by(ItemCategory.name)
        ).all()
        batch: DonationBatch | None = None
        for n in range(first, first + count):
            store = stores[n % len(stores)]
            if batch is None or n % 50 == 0:
                batch = DonationBatch(
                    receipt_no=f"T-{n:06d}", store_id=store.id, received_on=date(2026, 3, 5)
                )
                session.add(batch)
                session.flush()
            code = f"{store.code}-26-{n:06d}"
            session.add(
                Item(
                    code=code,
                    batch_id=batch.id,
                    category_id=leaves[n % len(leaves)].id,
                    grade=GRADES[n % len(GRADES)],
                    quantity=1,
                    unit_value_fen=100 * n,
                    store_id=store.id,
                    labelled_at=(
                        LABELLED_BEFORE if labelled_every and n % labelled_every == 0 else None
                    ),
                )
            )
            codes.append(code)
    return codes


# 300 dpi in grey. Raw PGM rather than PNG: same pixels, and PNG compression of
# an A4 page took ~2 s of the ~2.3 s per page.
PDFTOPPM = ("pdftoppm", "-r", "300", "-gray")


def pdf_pages_as_images(pdf: Path, folder: Path, pages: int) -> list[Path]:
    """Rasterise ``pdf`` on both cores (half the pages each); one image per page."""
    middle = (pages + 1) // 2
    jobs = []
    for first, last in ((1, middle), (middle + 1, pages)):
        if first > last:
            continue
        jobs.append(
            subprocess.Popen(
                [*PDFTOPPM, "-f", str(first), "-l", str(last), str(pdf), str(folder / "page")]
            )
        )
    for job in jobs:
        assert job.wait(timeout=120) == 0
    images = sorted(folder.glob("page-*.pgm"))
    assert len(images) == pages
    return images


def decode_qr(image_path: Path) -> list[str]:
    with Image.open(image_path) as image:
        found = zxingcpp.read_barcodes(image, formats=QR_ONLY)
    return [barcode.text for barcode in found]


def render_to(path: Path, labels: Sequence[LabelData], template: LabelTemplate) -> int:
    pages: list[int] = []

    def render(out: BinaryIO) -> None:
        pages.append(render_labels(labels, template, out))

    write_pdf_atomically(path, render)
    return pages[0]


def pdftotext(path: Path, *args: str) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, str(path), "-"],
        check=True,
        capture_output=True,
    )
    return result.stdout.decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("template", "count", "per_page"),
    [(LabelTemplate.A4, 240, 24), (LabelTemplate.THERMAL, 40, 1)],
)
def test_every_printed_code_decodes_to_its_item_exactly_once(
    org_database: Database,
    tmp_path: Path,
    template: LabelTemplate,
    count: int,
    per_page: int,
) -> None:
    codes = add_items(org_database, count)
    with org_database.reading() as session:
        labels = labels_for_items(session, None)
    assert [label.code for label in labels] == sorted(codes)

    pdf = tmp_path / f"labels-{template}.pdf"
    pages = render_to(pdf, labels, template)
    assert pages == -(-count // per_page)

    decoded: list[str] = []
    images = pdf_pages_as_images(pdf, tmp_path, pages)
    for number, image in enumerate(images):
        on_page = decode_qr(image)
        expected = labels[number * per_page : (number + 1) * per_page]
        assert sorted(on_page) == sorted(label.payload for label in expected), f"page {number + 1}"
        decoded.extend(on_page)
    assert sorted(decoded) == sorted(item_payload(ORG, code) for code in codes)
    assert len(decoded) == len(set(decoded)) == count


def test_font_is_embedded_and_text_is_real_text(org_database: Database, tmp_path: Path) -> None:
    codes = add_items(org_database, 30)
    with org_database.reading() as session:
        labels = labels_for_items(session, codes)
    pdf = tmp_path / "sheet.pdf"
    assert render_to(pdf, labels, LabelTemplate.A4) == 2

    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    cjk_rows = [line for line in fonts.stdout.splitlines() if "WenQuanYi" in line]
    assert cjk_rows, fonts.stdout
    for row in cjk_rows:
        # name type encoding emb sub uni object ID
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row
    assert all("WenQuanYi" in line for line in fonts.stdout.splitlines()[2:]), fonts.stdout

    text = pdftotext(pdf)
    for code in codes:
        assert code in text
    category = labels[0].category.split(" › ")[-1]
    assert category in text
    assert "静安旗舰店" in text
    assert "绿芽公益服务中心" in text


def test_labels_for_unlabelled_items_then_marked(org_database: Database) -> None:
    codes = add_items(org_database, 60, labelled_every=3)
    fresh = sorted(code for code in codes if int(code[-6:]) % 3 != 0)
    with org_database.reading() as session:
        labels = labels_for_items(session, None)
        assert labels_for_items(session, None, limit=5) == labels[:5]
    assert [label.code for label in labels] == fresh
    first = labels[0]
    assert first.payload == f"PDI:GREEN:{first.code}"
    assert first.organisation == "绿芽公益服务中心"
    assert " › " in first.category
    assert first.store in {"S01 静安旗舰店", "S02 徐汇店"}
    assert {label.grade for label in labels} == {"A", "B", "C", "不可售"}

    with org_database.transaction() as session:
        versions_before = dict(session.execute(select(Item.code, Item.version)).all())
        assert mark_labelled(session, [label.code for label in labels]) == len(fresh)

    with org_database.reading() as session:
        rows = session.execute(select(Item.code, Item.labelled_at, Item.version, Item.store_id))
        by_code = {row.code: row for row in rows}
        for code in fresh:
            assert by_code[code].labelled_at is not None
            assert by_code[code].version == versions_before[code] + 1
        events = session.execute(
            select(Item.code, ItemEvent.store_id, ItemEvent.kind, ItemEvent.at)
            .join(Item, Item.id == ItemEvent.item_id)
            .where(ItemEvent.kind == ItemEventKind.LABEL_PRINTED)
        ).all()
        assert sorted(event.code for event in events) == fresh
        for event in events:
            assert event.store_id == by_code[event.code].store_id
            assert event.at == by_code[event.code].labelled_at
        assert labels_for_items(session, None) == []
        # Reprinting chosen labels still works after marking.
        assert [label.code for label in labels_for_items(session, fresh[:2])] == fresh[:2]


def test_codes_keep_their_order_and_are_normalised(org_database: Database) -> None:
    codes = add_items(org_database, 5)
    asked = [codes[3], f"  {codes[0].lower()} ", codes[3]]
    with org_database.reading() as session:
        labels = labels_for_items(session, asked)
    assert [label.code for label in labels] == [codes[3], codes[0], codes[3]]


def test_unknown_code_names_it_and_writes_nothing(org_database: Database, tmp_path: Path) -> None:
    codes = add_items(org_database, 5)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "labels.pdf"

    def print_labels(asked: list[str]) -> None:
        with org_database.reading() as session:
            labels = labels_for_items(session, asked)
        write_pdf_atomically(out, partial(render_labels, labels, LabelTemplate.A4))

    with pytest.raises(UserError) as raised:
        print_labels([codes[0], "S09-26-999999", "S09-26-888888"])
    assert "S09-26-999999" in str(raised.value)
    assert raised.value.params == {"code": "S09-26-999999"}
    assert list(folder.iterdir()) == []

    with org_database.transaction() as session, pytest.raises(UserError, match="S09-26-999999"):
        mark_labelled(session, [codes[1], "S09-26-999999"])
    with org_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(ItemEvent)) == 0
        assert session.scalar(select(func.count()).where(Item.labelled_at.is_not(None))) == 0


def test_no_labels_is_a_clear_error() -> None:
    with pytest.raises(UserError, match="no items"):
        render_labels([], LabelTemplate.A4, io.BytesIO())


LONG = LabelData(
    code="ABCDEF-26-12345678",
    payload="PDI:GREENSPROUTS:ABCDEF-26-12345678",
    category="家居用品 › 非常非常长的一个类别名称用来测试是否会溢出标签边界的情况",
    grade="不可售（破损严重，仅供回收再利用）",
    store="S01 静安旗舰店（南京西路1266号恒隆广场地下一层靠近地铁二号线出口）",
    organisation="上海市静安区绿芽公益服务中心暨社区爱心商店联合会秘书处",
)


def word_boxes(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) of every word, from pdftotext -bbox."""
    page = pdftotext(pdf, "-bbox")
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
        page,
    )
    return [
        (html.unescape(text), float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, text in found
    ]


@pytest.mark.parametrize(
    ("template", "width_mm", "height_mm"),
    [(LabelTemplate.A4, 70.0, 37.0), (LabelTemplate.THERMAL, 40.0, 30.0)],
)
def test_long_texts_stay_inside_the_label(
    tmp_path: Path, template: LabelTemplate, width_mm: float, height_mm: float
) -> None:
    pdf = tmp_path / "long.pdf"
    render_to(pdf, [LONG], template)
    boxes = word_boxes(pdf)
    assert boxes
    top = A4_SHEET.top * mm if template is LabelTemplate.A4 else 0.0
    for text, x0, y0, x1, y1 in boxes:
        assert x0 >= 0 and x1 <= width_mm * mm - 1 * mm, (text, x1)
        assert top <= y0 and y1 <= top + height_mm * mm, (text, y0, y1)
    text = " ".join(box[0] for box in boxes)
    assert ELLIPSIS in text  # the long names were cut, not overflowed
    assert "ABCDEF-26-12345678" in text  # the code is shrunk, never cut
    qr_payloads = decode_qr(pdf_pages_as_images(pdf, tmp_path, 1)[0])
    assert qr_payloads == [LONG.payload]


def test_fit_text_shrinks_then_cuts() -> None:
    register_fonts()
    short = fit_text("服装 › 外套", CJK, 100, 9.5, min_size=6.5)
    assert (short.text, short.size, short.truncated) == ("服装 › 外套", 9.5, False)
    shrunk = fit_text("母婴用品 › 童车座椅", CJK, 70, 9.5, min_size=6.5)
    assert shrunk.text == "母婴用品 › 童车座椅" and 6.5 <= shrunk.size < 9.5
    assert shrunk.width <= 70
    cut = fit_text(LONG.category, CJK, 80, 9.5, min_size=6.5)
    assert cut.truncated and cut.size == 6.5
    assert cut.width <= 80 and text_width(cut.text, CJK, cut.size) <= 80
    assert LONG.category.startswith(cut.text[:-1])
    assert fit_text("服装", CJK, 1, 9.5).text == ""


def test_progress_is_reported_per_page_and_cancel_leaves_no_file(tmp_path: Path) -> None:
    labels = [
        LabelData(f"S01-26-{n:06d}", f"PDI:GREEN:S01-26-{n:06d}", "其他 › 其他", "A", "S01", "绿芽")
        for n in range(50)
    ]
    seen: list[tuple[int, int]] = []
    assert (
        render_labels(labels, LabelTemplate.A4, io.BytesIO(), progress=lambda *a: seen.append(a))
        == 3
    )
    assert seen == [(24, 50), (48, 50), (50, 50)]

    out = tmp_path / "labels.pdf"
    out.write_bytes(b"the previous sheet")

    def cancel_on_second_page(done: int, total: int) -> None:
        if done > 24:
            raise Cancelled

    with pytest.raises(Cancelled):
        write_pdf_atomically(
            out,
            partial(render_labels, labels, LabelTemplate.A4, progress=cancel_on_second_page),
        )
    assert out.read_bytes() == b"the previous sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["labels.pdf"]


def test_failure_mid_render_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    out.write_bytes(b"old")

    def broken(stream: BinaryIO) -> None:
        stream.write(b"%PDF-1.4 half a file")
        raise RuntimeError("renderer bug")

    with pytest.raises(RuntimeError, match="renderer bug"):
        write_pdf_atomically(out, broken)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["labels.pdf"]

    new = tmp_path / "new.pdf"
    with pytest.raises(RuntimeError):
        write_pdf_atomically(new, broken)
    assert not new.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["labels.pdf"]


def test_full_disk_and_other_write_errors_are_user_errors(tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"

    def disk_full(stream: BinaryIO) -> None:
        stream.write(b"%PDF")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DiskFull) as raised:
        write_pdf_atomically(out, disk_full)
    assert raised.value.params == {"path": str(out)}
    assert list(tmp_path.iterdir()) == []

    missing = tmp_path / "no-such-folder" / "labels.pdf"
    with pytest.raises(UserError) as other:
        write_pdf_atomically(missing, lambda stream: stream.write(b"x"))
    assert not isinstance(other.value, DiskFull)
    assert str(missing) in str(other.value)

    write_pdf_atomically(out, lambda stream: stream.write(b"%PDF-ok"))
    assert out.read_bytes() == b"%PDF-ok"
    assert [p.name for p in tmp_path.iterdir()] == ["labels.pdf"]


def test_qr_matrix_is_fixed_version_and_mask() -> None:
    matrix = qr.qr_matrix("PDI:GREEN:S01-26-000123")
    assert len(matrix) == 25  # version 2 at level M
    assert all(len(row) == 25 for row in matrix)
    assert qr.qr_matrix("PDI:GREEN:S01-26-000123") == matrix  # deterministic
    # Finder pattern in the top-left corner.
    assert matrix[0][:7] == (True,) * 7
    assert matrix[1][:7] == (True, False, False, False, False, False, True)
    runs = qr.dark_runs(((True, True, False, True), (False, False, False, False)))
    assert runs == [(0, 0, 2), (0, 3, 1)]
    assert len(qr.qr_matrix("hello")) == 21  # byte mode still encodes
