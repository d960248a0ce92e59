"""Numbers and dates as the office prints them: 10.5 not 10.50, 2025年1月10日, 未录入 for a
figure nobody entered."""

from __future__ import annotations

import datetime
import functools
import unicodedata
from decimal import Decimal

ZERO = Decimal("0")
NOT_ENTERED = "未录入"


def format_points(value: Decimal | int | None) -> str:
    """``Decimal('10.50')`` → ``'10.5'``; ``Decimal('15.00')`` → ``'15'``; ``None`` → ``''``."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == 0:
        return "0"
    return f"{value.normalize():f}"


def points_text(value: Decimal) -> str:
    """Exact decimal text for storing points in JSON snapshots (``'10.5'``, ``'0'``)."""
    return format_points(value) or "0"


def points_to_json(value: Decimal) -> int | float:
    """A JSON number without a trailing ``.0`` for whole points."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def format_cn_date(value: datetime.date) -> str:
    """``2025年1月10日``: Arabic numerals without leading zeros (GB/T 9704-2012 7.3.5)."""
    return f"{value.year}年{value.month}月{value.day}日"


def format_cn_datetime(value: datetime.datetime, *, zone=None) -> str:
    """``2025年1月10日 14:05`` in the office's time zone."""
    from django.utils import timezone  # here: the PDF engine's workers use this module without Django

    local = value.astimezone(zone or timezone.get_current_timezone())
    return f"{format_cn_date(local.date())} {local:%H:%M}"


def changed_line(user, when: datetime.datetime | None, *, zone=None) -> str:
    """``张三 2025年1月10日 14:05``: who last changed a record and when (``系统`` without a user)."""
    if when is None:
        return ""
    who = str(user) if user is not None else "系统"
    return f"{who} {format_cn_datetime(when, zone=zone)}"


def month_list_label(months: list[int]) -> str:
    """``[8, 9]`` → ``'8、9月份'`` as in the office's deduction sentences."""
    return _month_list_label(tuple(months))


@functools.cache
def _month_list_label(months: tuple[int, ...]) -> str:
    return "、".join(str(m) for m in months) + "月份"


def display_value(field, value, *, empty: str = "—") -> str:
    """A stored value as the office writes it: choice labels, 是/否, 0.5, 2025年1月10日."""
    if value is None or value == "" or value == []:
        return empty
    if isinstance(value, list):  # a JSON list of names: 区发改局、区教体局
        return "、".join(display_value(field, item, empty=empty) for item in value)
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_points(value)
    if isinstance(value, datetime.datetime):
        return format_cn_datetime(value)
    if isinstance(value, datetime.date):
        return format_cn_date(value)
    return str(value)


def _visible(ch: str) -> bool:
    kind = unicodedata.category(ch)
    return kind != "Cf" and (kind != "Cc" or ch in "\n\t")


def visible_text(text: str) -> str:
    """``text`` without the characters nobody sees but every printout obeys or chokes on: direction
    overrides (‮ turned 右到左 into 左到右 in a notice), zero-width spaces and byte-order marks
    copied from web pages, control characters; line breaks as ``\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.isprintable() else "".join(ch for ch in text if _visible(ch))


def clause(text: str) -> str:
    """``text`` without the full stop a user typed at its end, for a sentence that goes on after
    it (原因：链接打不开。 rather than 原因：链接打不开。。)."""
    return (text or "").strip().rstrip("。.；;，,")
