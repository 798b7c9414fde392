"""1,000 item labels to PDF (budget ≤ 2 s) for each template, beside the floor of the
obvious way measured in the same run: a ``qrcode`` PNG per label with automatic mask
choice, placed with reportlab's ``drawImage`` (no text).  The ratio shows the gain
of fixed version + mask and vector drawing.  Also the QR matrix alone, per code,
against the library's automatic mask choice.

Run: ``make bench`` (all benchmarks) or ``python -m tests.bench.bench_labels``.
"""

from __future__ import annotations

import io
import os
import statistics
import time
from collections.abc import Callable
from functools import partial

import qrcode
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from models import qr
from models.codes import item_payload
from models.labels import A4_SHEET, LabelData, LabelTemplate, render_labels
from tests.bench.common import BenchResult, format_table

RUNS = int(os.environ.get("PARTNER_DESK_BENCH_LABEL_RUNS", "5"))
LABELS = 1000
BUDGET_SECONDS = 2.0

CATEGORIES = (
    "服装 › 外套",
    "图书音像 › 儿童图书",
    "母婴用品 › 童车座椅",
    "家居用品 › 厨具餐具",
    "电器数码 › 小家电",
    "鞋包配饰 › 首饰配饰",
)
GRADES = ("A", "B", "C", "不可售")
STORES = ("S01 静安旗舰店", "S02 徐汇店", "S03 浦东新区陆家嘴社区爱心商店")


def sample_labels(count: int = LABELS) -> list[LabelData]:
    labels = []
    for n in range(count):
        store = STORES[n % len(STORES)]
        code = f"{store[:3]}-26-{100_000 + n * 7:06d}"
        labels.append(
            LabelData(
                code=code,
                payload=item_payload("GREEN", code),
                category=CATEGORIES[n % len(CATEGORIES)],
                grade=GRADES[n % len(GRADES)],
                store=store,
                organisation="绿芽公益服务中心",
            )
        )
    return labels


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def render(labels: list[LabelData], template: LabelTemplate) -> None:
    render_labels(labels, template, io.BytesIO())


def png_floor(payloads: list[str]) -> None:
    """The baseline: PNG per code (automatic mask), drawImage on 3 × 8 A4 sheets."""
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    for index, payload in enumerate(payloads):
        slot = index % A4_SHEET.per_page
        if index and slot == 0:
            canvas.showPage()
        # One pixel per module, scaled up by the PDF: the cheapest PNG, so the
        # floor is as low as this approach gets (ENVIRONMENT.md: ~3.2 s).
        image = qrcode.make(payload, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1)
        png = io.BytesIO()
        image.save(png)
        png.seek(0)
        x, y = A4_SHEET.origin(slot)
        canvas.drawImage(ImageReader(png), x + 1.5 * mm, y + 4.5 * mm, 28 * mm, 28 * mm)
    canvas.showPage()
    canvas.save()


def auto_mask_matrix(payload: str) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make()


def per_code_ms(make: Callable[[str], object], payloads: list[str]) -> float:
    start = time.perf_counter()
    for payload in payloads:
        make(payload)
    return (time.perf_counter() - start) * 1000 / len(payloads)


def run() -> list[BenchResult]:
    labels = sample_labels()
    payloads = [label.payload for label in labels]
    # Warm up: imports, font registration and parsing, qrcode's blank-matrix cache.
    for template in LabelTemplate:
        render(labels[:30], template)
    png_floor(payloads[:30])

    samples: dict[str, list[float]] = {"floor": [], "a4": [], "thermal": []}
    for _ in range(RUNS):  # interleaved, so drift hits all alike
        samples["floor"].append(seconds(lambda: png_floor(payloads)))
        for template in LabelTemplate:
            samples[template.value].append(seconds(partial(render, labels, template)))
    floor = statistics.median(samples["floor"])

    matrix_ms = statistics.median(per_code_ms(qr.qr_matrix, payloads) for _ in range(RUNS))
    auto_ms = statistics.median(per_code_ms(auto_mask_matrix, payloads[:200]) for _ in range(RUNS))

    return [
        BenchResult(
            "1,000 item labels to PDF, A4 3×8 sheets (floor: qrcode PNGs + drawImage)",
            "≤ 2 s",
            statistics.median(samples["a4"]),
            floor,
            "s",
            limit_absolute=BUDGET_SECONDS,
        ),
        BenchResult(
            "1,000 item labels to PDF, 40×30 mm thermal (floor: qrcode PNGs + drawImage)",
            "≤ 2 s",
            statistics.median(samples["thermal"]),
            floor,
            "s",
            limit_absolute=BUDGET_SECONDS,
        ),
        BenchResult(
            "QR matrix per code, fixed version + mask (floor: automatic mask)",
            "info",
            matrix_ms,
            auto_ms,
            "ms",
        ),
    ]


if __name__ == "__main__":
    print(format_table(run()))
