"""Volunteer service certificates: only approved hours in the period, the right totals
(read back with pdftotext), the seal drawn where it belongs (pdftoppm), a stable
certificate number, fonts embedded, and batches that leave nothing behind when
cancelled or failing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from models import certificates, hours
from models.certificates import (
    SEAL_BOX_MM,
    batch_certificates,
    certificate_data,
    certificate_file_name,
    render_certificate,
    write_certificate,
)
from models.db import Database
from models.errors import Cancelled, UserError
from models.schema import HourEntry, Organisation, Volunteer
from models.schema.enums import ApprovalStatus
from tests.document_data import (
    STAFF,
    activity,
    at,
    attend,
    count_hours,
    embedded_fonts,
    page_image,
    pdf_pages,
    person,
    seal_png,
    squashed,
)

MARCH = (date(2025, 3, 1), date(2025, 3, 31))
ISSUED = date(2025, 4, 2)
NOW = datetime(2025, 6, 30, tzinfo=UTC)


@pytest.fixture
def people(org_database: Database) -> dict[str, uuid.UUID]:
    """March 2025 at 绿芽: approved, pending and out-of-period hours.

    张三: 旧衣分拣 3 h + 社区义卖 2.5 h + an approved 补录 1.5 h = 7 h in March; 环保宣传
    2 h still pending; 冬衣打包 1 h in February.  李四: 2 h approved, a pending 补录.
    陈七: 1 h approved.  王五: pending only.  赵六: February only.
    """
    with org_database.transaction() as s:
        org = s.scalars(select(Organisation)).one()
        org.contact_person, org.contact_phone = "王老师", "021-62881234"
        ids = {
            name: person(s, name, phone)
            for name, phone in (
                ("张三", "13812345678"),
                ("李四", None),
                ("王五", None),
                ("赵六", None),
                ("陈七", None),
            )
        }
        sort = activity(s, "旧衣分拣", date(2025, 3, 7), time(9), time(12), location="静安仓库")
        attend(s, sort, ids["张三"], date(2025, 3, 7), time(9), time(12))
        attend(s, sort, ids["李四"], date(2025, 3, 7), time(9), time(11))
        count_hours(s, sort, approve=True)
        sale = activity(
            s, "社区义卖", date(2025, 3, 15), time(14), time(17), location="徐汇社区中心"
        )
        attend(s, sale, ids["张三"], date(2025, 3, 15), time(14), time(16, 30))
        attend(s, sale, ids["陈七"], date(2025, 3, 15), time(14), time(15))
        count_hours(s, sale, approve=True)
        talk = activity(s, "环保宣传", date(2025, 3, 28), time(10), time(12))
        attend(s, talk, ids["张三"], date(2025, 3, 28), time(10), time(12))
        attend(s, talk, ids["王五"], date(2025, 3, 28), time(10), time(12))
        count_hours(s, talk, approve=False)
        winter = activity(s, "冬衣打包", date(2025, 2, 20), time(9), time(12))
        attend(s, winter, ids["张三"], date(2025, 2, 20), time(9), time(10))
        attend(s, winter, ids["赵六"], date(2025, 2, 20), time(9), time(12))
        count_hours(s, winter, approve=True)
        day = date(2025, 3, 22)
        extra = hours.SupplementalData(
            ids["张三"], at(day, time(10)), at(day, time(11, 30)), "纸质签到表"
        )
        added = hours.add_supplemental(s, extra, staff=STAFF, now=NOW)
        hours.approve_entry(s, added.entry_id, staff=STAFF)
        waiting = hours.SupplementalData(ids["李四"], at(day, time(14)), at(day, time(17)), "补登")
        hours.add_supplemental(s, waiting, staff=STAFF, now=NOW)
        ids["talk"] = talk
        return ids


def write(db: Database, volunteer_id: uuid.UUID, path: Path) -> list[str]:
    with db.reading() as s:
        write_certificate(s, volunteer_id, *MARCH, path, issued_on=ISSUED)
    return pdf_pages(path)


def test_certificate_counts_approved_hours_in_the_period_only(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    path = tmp_path / "张三.pdf"
    with org_database.reading() as s:
        result = write_certificate(s, people["张三"], *MARCH, path, issued_on=ISSUED)
        record = hours.volunteer_service_record(s, people["张三"], *MARCH)
    assert result.total_minutes == record.total_minutes == 420
    assert result.pages == 1 and result.path == path
    [page] = pdf_pages(path)
    text = squashed(page)
    assert "志愿服务记录证明" in text
    assert "绿芽公益服务中心" in text
    assert "兹证明张三（志愿者编号：V000001）于2025年3月1日至2025年3月31日期间" in text
    assert "累计7.00小时" in text
    assert "合计7.00" in text
    for title, hours_text in (("旧衣分拣", "3.00"), ("社区义卖", "2.50")):
        assert f"{title}" in text
        assert hours_text in text
    assert "2025-03-07" in text and "2025-03-15" in text
    assert "其他志愿服务（补录）" in text and "1.50" in text
    assert "环保宣传" not in text  # pending
    assert "冬衣打包" not in text  # February
    assert "民政部令第67号" in text
    assert "特此证明" in text
    assert "2025年4月2日" in text  # issued
    assert result.number in text
    assert result.number.startswith("GREEN-V000001-20250301-20250331-")
    assert "王老师021-62881234" in text  # the organisation's contact
    assert "13812345678" not in text and "5678" not in text  # no volunteer phone
    assert "第1/1页" in text


def test_fonts_are_embedded(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    path = tmp_path / "c.pdf"
    write(org_database, people["李四"], path)
    fonts = embedded_fonts(path)
    assert fonts, "no fonts listed"
    assert all(emb == "yes" for _name, emb in fonts), fonts


def _seal_band(image: Image.Image) -> Image.Image:
    """The top of the seal box: above the organisation's name, empty paper without a seal."""
    x, y, width, height = SEAL_BOX_MM
    across, down = image.width / 210.0, image.height / 297.0  # pixels per millimetre
    left, right = (x + 0.1 * width) * across, (x + 0.9 * width) * across
    top, bottom = (297.0 - (y + height)) * down, (297.0 - (y + 0.75 * height)) * down
    return image.crop((round(left), round(top), round(right), round(bottom)))


def _pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.convert("RGB").tobytes()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 3)]


def _red_pixels(image: Image.Image) -> int:
    return sum(1 for r, g, b in _pixels(image) if r > 150 and g < 100 and b < 100)


def _non_white_pixels(image: Image.Image) -> int:
    return sum(1 for pixel in _pixels(image) if min(pixel) < 245)


def test_seal_is_drawn_over_the_signature_only_when_set(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    plain = tmp_path / "plain.pdf"
    write(org_database, people["张三"], plain)
    image = page_image(plain, dpi=100)
    assert image.width == 827 and abs(image.height - 1169) <= 1  # A4 at 100 dpi
    band = _seal_band(image)
    assert _non_white_pixels(band) == 0

    with org_database.transaction() as s:
        s.scalars(select(Organisation)).one().seal_png = seal_png()
    sealed = tmp_path / "sealed.pdf"
    write(org_database, people["张三"], sealed)
    band = _seal_band(page_image(sealed, dpi=100))
    assert _red_pixels(band) > 100
    assert pdf_pages(sealed) == pdf_pages(plain)  # the same text either way


def test_an_unreadable_seal_is_a_user_error(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    with org_database.transaction() as s:
        s.scalars(select(Organisation)).one().seal_png = b"\x89PNG not really"
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(UserError, match="seal image cannot be read"):
        write(org_database, people["张三"], folder / "bad.pdf")
    assert list(folder.iterdir()) == []


def test_number_is_stable_and_follows_the_record(
    org_database: Database, people: dict[str, uuid.UUID]
) -> None:
    with org_database.reading() as s:
        first = certificate_data(s, people["张三"], *MARCH)
        again = certificate_data(s, people["张三"], *MARCH, issued_on=date(2026, 1, 1))
        other = certificate_data(s, people["李四"], *MARCH)
        shorter = certificate_data(s, people["张三"], date(2025, 3, 1), date(2025, 3, 20))
    assert first.number == again.number
    assert len({first.number, other.number, shorter.number}) == 3
    assert shorter.total_minutes == 330
    with org_database.transaction() as s:
        hours.approve_activity(s, people["talk"], staff=STAFF)
    with org_database.reading() as s:
        later = certificate_data(s, people["张三"], *MARCH)
    assert later.total_minutes == 540
    assert later.number != first.number
    assert later.number.rsplit("-", 1)[0] == first.number.rsplit("-", 1)[0]


def test_english_certificate(org_database: Database, people: dict[str, uuid.UUID]) -> None:
    with org_database.reading() as s:
        pdf = render_certificate(s, people["陈七"], *MARCH, language="en", issued_on=ISSUED)
    assert pdf.startswith(b"%PDF")
    path = Path(org_database.path or ".").with_name("en.pdf")
    path.write_bytes(pdf)
    text = " ".join(" ".join(pdf_pages(path)).split())
    assert "Volunteer Service Certificate" in text
    assert "took part in 1 volunteer service activity " in text
    assert "1.00 hours of service approved" in text
    assert "Issued on 2025-04-02" in text


@pytest.mark.parametrize(
    ("who", "period", "match"),
    [
        ("王五", MARCH, "no approved hours"),  # pending only
        ("赵六", MARCH, "no approved hours"),  # February only
        ("张三", (date(2025, 3, 31), date(2025, 3, 1)), "ends .* before it starts"),
        (None, MARCH, "no longer exists"),
    ],
)
def test_refusals(
    org_database: Database,
    people: dict[str, uuid.UUID],
    who: str | None,
    period: tuple[date, date],
    match: str,
) -> None:
    volunteer_id = people[who] if who else uuid.uuid4()
    with org_database.reading() as s, pytest.raises(UserError, match=match):
        render_certificate(s, volunteer_id, *period)


def test_merged_volunteer_is_refused(org_database: Database, people: dict[str, uuid.UUID]) -> None:
    with org_database.transaction() as s:
        merged = s.get(Volunteer, people["李四"])
        assert merged is not None
        merged.merged_into_id = people["张三"]
    with org_database.reading() as s, pytest.raises(UserError, match="merged into V000001"):
        render_certificate(s, people["李四"], *MARCH)


def test_long_record_flows_onto_more_pages(org_database: Database, tmp_path: Path) -> None:
    with org_database.transaction() as s:
        s.scalars(select(Organisation)).one().seal_png = seal_png()
        volunteer_id = person(s, "欧阳娜娜")
        for n in range(40):
            day = date(2025, 3, 1 + n % 28)
            start = time(8 + 3 * (n // 28))
            end = time(10 + 3 * (n // 28))
            done = activity(s, f"社区服务第{n + 1:02d}场", day, start, end, location="社区中心")
            attend(s, done, volunteer_id, day, start, end)
            count_hours(s, done, approve=True)
    path = tmp_path / "long.pdf"
    pages = write(org_database, volunteer_id, path)
    assert len(pages) >= 2
    text = squashed("".join(pages))
    for n in range(40):
        assert f"社区服务第{n + 1:02d}场" in text
    assert "合计80.00" in text
    assert "累计80.00小时" in text
    for number, page in enumerate(pages, start=1):
        page_text = squashed(page)
        assert f"第{number}/{len(pages)}页" in page_text
        if "社区服务第" in page_text:
            assert "服务项目" in page_text, f"page {number} lacks the table header"
    assert "特此证明" in squashed(pages[-1])
    # The signature and the seal are on the last page only.
    assert _red_pixels(_seal_band(page_image(path, 1))) == 0  # table rows there, no seal
    assert _red_pixels(_seal_band(page_image(path, len(pages)))) > 100


def test_file_names_are_safe() -> None:
    name = certificate_file_name("V000001", '张 三/..\\:*?"<>|\t', *MARCH)
    assert name.startswith("V000001_张_三") and name.endswith("_20250301-20250331.pdf")
    assert not set('/\\:*?"<>|\t ') & set(name)
    assert certificate_file_name("V2", "...", *MARCH) == "V2___20250301-20250331.pdf"


# ----------------------------------------------------------------------------- batch


def test_batch_writes_one_certificate_per_volunteer_with_approved_hours(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    folder = tmp_path / "certificates"
    calls: list[tuple[int, int]] = []
    with org_database.reading() as s:
        result = batch_certificates(
            s,
            *MARCH,
            folder,
            progress=lambda done, total: calls.append((done, total)),
            issued_on=ISSUED,
        )
    expected = [
        "V000001_张三_20250301-20250331.pdf",
        "V000002_李四_20250301-20250331.pdf",
        "V000005_陈七_20250301-20250331.pdf",
    ]
    assert sorted(path.name for path in folder.iterdir()) == expected  # nothing hidden left
    assert [path.name for path in result.files] == expected
    assert result.volunteer_ids == (people["张三"], people["李四"], people["陈七"])
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert result.total_minutes == 420 + 120 + 60
    assert result.pages == 3
    for path, total in zip(result.files, ("7.00", "2.00", "1.00"), strict=True):
        assert f"合计{total}" in squashed("".join(pdf_pages(path)))


def _cancel_at(point: int) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        if done == point:
            raise Cancelled

    return progress


def test_cancelled_batch_leaves_the_folder_as_it_was(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    folder = tmp_path / "out" / "existing"
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("keep me")
    old = folder / "V000001_张三_20250301-20250331.pdf"
    old.write_bytes(b"an older certificate")
    with org_database.reading() as s, pytest.raises(Cancelled):
        batch_certificates(s, *MARCH, folder, progress=_cancel_at(2))
    assert sorted(path.name for path in folder.iterdir()) == [old.name, "notes.txt"]
    assert old.read_bytes() == b"an older certificate"

    new_folder = tmp_path / "out" / "new" / "certificates"
    with org_database.reading() as s, pytest.raises(Cancelled):
        batch_certificates(s, *MARCH, new_folder, progress=_cancel_at(1))
    assert list((tmp_path / "out").iterdir()) == [folder]  # the folders it made are gone too


def test_failing_batch_leaves_nothing(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    with org_database.transaction() as s:
        s.scalars(select(Organisation)).one().seal_png = b"not a picture"
    folder = tmp_path / "out"
    with org_database.reading() as s, pytest.raises(UserError, match="seal"):
        batch_certificates(s, *MARCH, folder)
    assert not folder.exists()


def test_batch_refuses_a_period_without_approved_hours(
    org_database: Database, people: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    with org_database.reading() as s, pytest.raises(UserError, match="Nobody has approved"):
        batch_certificates(s, date(2025, 4, 1), date(2025, 4, 30), tmp_path / "april")
    assert not (tmp_path / "april").exists()


def test_pending_hours_never_make_a_candidate(
    org_database: Database, people: dict[str, uuid.UUID]
) -> None:
    with org_database.reading() as s:
        names = [c.name for c in certificates.certificate_candidates(s, *MARCH)]
        pending = s.scalars(
            select(Volunteer.name)
            .join(HourEntry, HourEntry.volunteer_id == Volunteer.id)
            .where(HourEntry.status == ApprovalStatus.PENDING)
        ).all()
    assert names == ["张三", "李四", "陈七"]
    assert "王五" in pending and "王五" not in names
