"""Money is integer fen everywhere; these turn it into ¥ text and back."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from models.errors import N_, UserError

_AMOUNT = re.compile(r"-?[0-9]+(\.[0-9]+)?|-?\.[0-9]+")


def format_fen(fen: int, *, symbol: bool = True) -> str:
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    text = f"{sign}{yuan:,}.{cents:02d}"
    return f"¥{text}" if symbol else text


def parse_yuan(text: str) -> int:
    """'¥1,234.5' → 123450 fen. Rejects more than two decimals and non-numbers."""
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "")
    if not _AMOUNT.fullmatch(cleaned):
        raise UserError(N_("“{text}” is not an amount of money."), text=text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise UserError(N_("“{text}” is not an amount of money."), text=text) from exc
    if not value.is_finite():
        raise UserError(N_("“{text}” is not an amount of money."), text=text)
    fen = value * 100
    if fen != fen.to_integral_value():
        raise UserError(N_("Amounts have at most two decimal places (fen)."))
    return int(fen)


def format_minutes_as_hours(minutes: int) -> str:
    """312 → '5.2' hours, rounded half up to one decimal, without floats."""
    tenths = (abs(minutes) * 10 + 30) // 60
    sign = "-" if minutes < 0 and tenths else ""
    return f"{sign}{tenths // 10}.{tenths % 10}"
