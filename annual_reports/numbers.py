"""The numbers of a report's tables as text is typed or printed: counts (whole numbers) and the
amount in 万元, kept exactly as written (``0.012345``, ``3.5``, ``1.20``), never rounded, never a
float. One place for the page, the Excel import and the Word import."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from core.bounds import MAX_COUNT

from .layout import AMOUNT_PLACES

QUANTUM = Decimal(1).scaleb(-AMOUNT_PLACES)
THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def plain_number(text: str) -> str:
    """Full-width digits folded, spaces dropped, a thousands separator (1,234) removed."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).replace("。", ".")
    return text.replace(",", "") if THOUSANDS.match(text) else text


def parse_amount(text: str) -> tuple[Decimal | None, str]:
    """The amount written in ``text`` as typed, or ``None`` and why not (``""`` when empty)."""
    shown = (text or "").strip()[:30]
    plain = plain_number(text)
    if not plain:
        return None, ""
    try:
        number = Decimal(plain)
    except InvalidOperation:
        return None, f"“{shown}”不是数字"
    if not number.is_finite():
        return None, f"“{shown}”不是数字"
    if number < 0:
        return None, f"不能为负数（{shown}）"
    if number != number.quantize(QUANTUM):
        return None, f"最多{_places()}位小数（{shown}）"
    if number > MAX_COUNT:
        return None, f"数值过大（{shown}），不能超过{MAX_COUNT}"
    if number.as_tuple().exponent < -AMOUNT_PLACES:  # 0.10000000: trailing zeros beyond six places
        number = number.quantize(QUANTUM)
    return number, ""


def parse_count(text: str) -> tuple[int | None, str]:
    """The whole number written in ``text``, or ``None`` and why not (``""`` when empty)."""
    shown = (text or "").strip()[:30]
    plain = plain_number(text)
    if not plain:
        return None, ""
    try:
        number = Decimal(plain)
    except InvalidOperation:
        return None, f"“{shown}”不是数字"
    if not number.is_finite():
        return None, f"“{shown}”不是数字"
    if number < 0:
        return None, f"不能为负数（{shown}）"
    if number != number.to_integral_value():
        return None, f"应为整数（{shown}）"
    if number > MAX_COUNT:
        return None, f"数值过大（{shown}），不能超过{MAX_COUNT}"
    return int(number), ""


def _places() -> str:
    return "零一二三四五六七八九"[AMOUNT_PLACES]
