"""The per-unit sentences of the notice's 减分情况 attachment."""

from collections.abc import Sequence
from decimal import Decimal

from core.formatting import ZERO, format_points

from .engine import DeductionItem


def deduction_sentence(unit_name: str, items: Sequence[DeductionItem]) -> str:
    """``齐都镇：公开事项标准目录未上传，减5分；8、9月份未投稿，减2分，共减7分。``

    One item reads ``皇城镇：公开事项标准目录未上传，共减5分。``; no item gives ``""``.
    """
    if not items:
        return ""
    total: Decimal = sum((item.points for item in items), ZERO)
    if len(items) == 1:
        return f"{unit_name}：{items[0].reason}，共减{format_points(total)}分。"
    parts = "；".join(f"{item.reason}，减{format_points(item.points)}分" for item in items)
    return f"{unit_name}：{parts}，共减{format_points(total)}分。"
