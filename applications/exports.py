"""The register of a unit and year as data for export: a JSON object per application (for other
tools) and an Excel sheet in the import's own columns (so a clerk can fill it in and import it
again). The applicant's name and contact are never exported unmasked."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from core.formatting import format_cn_date
from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook
from units.models import Unit

from .catalogue import OUTCOME_BY_KEY
from .deadlines import MAX_EXTENSION_DAYS
from .masking import mask_name
from .models import Application
from .selectors import year_rows

COLUMNS = (
    "编号",
    "收到日期",
    "提交方式",
    "申请人类型",
    "申请人（已隐去部分信息）",
    "申请内容",
    "补正告知日期",
    "补正收到日期",
    "延期",
    "征求意见天数",
    "答复期限",
    "答复日期",
    "处理结果",
    "是否超期",
    "复议诉讼",
    "复议诉讼结果",
    "上年结转",
)
WIDTHS = [8, 14, 8, 12, 14, 40, 14, 14, 6, 8, 14, 14, 24, 8, 12, 12, 8]
CHANNEL_SHORT = {"in_person": "当面", "post": "邮寄", "online": "网络", "fax": "传真"}


def register_of(unit: Unit, year: int) -> QuerySet[Application]:
    """The applications of ``unit``'s register for ``year`` (received in it or carried into it)."""
    rows = year_rows(Application.objects.filter(unit=unit), year)
    return rows.prefetch_related("consultations", "appeals").order_by("received_on", "pk")


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def outcome_name(key: str) -> str | None:
    """予以公开, 部分公开, or the reason as table 三 prints it (4.保护第三方合法权益)."""
    return OUTCOME_BY_KEY[key].short if key else None


def as_json(unit: Unit, year: int) -> list[dict]:
    """``content``, ``received``, ``due`` (the final due date), ``answered`` (or null), ``late``
    (answered after ``due``), ``outcome`` and ``carried_over`` (received before ``year``)."""
    start = datetime.date(year, 1, 1)
    return [
        {
            "content": a.content,
            "received": _iso(a.received_on),
            "due": _iso(a.due_on),
            "answered": _iso(a.answered_on),
            "late": a.is_late,
            "outcome": outcome_name(a.outcome),
            "carried_over": a.received_on < start,
        }
        for a in register_of(unit, year)
    ]


def _extension(days: int | None) -> str:
    if not days:
        return ""
    return "是" if days == MAX_EXTENSION_DAYS else f"{days}个工作日"


def _date(day: datetime.date | None) -> str:
    return format_cn_date(day) if day else ""


def sheet_rows(unit: Unit, year: int) -> list[list]:
    start = datetime.date(year, 1, 1)
    rows = []
    for a in register_of(unit, year):
        appeals = list(a.appeals.all())
        rows.append(
            [
                a.number,
                _date(a.received_on),
                CHANNEL_SHORT.get(a.channel, ""),
                a.get_applicant_type_display(),
                mask_name(a.applicant_name),
                a.content,
                _date(a.correction_requested_on),
                _date(a.corrected_on),
                _extension(a.extension_days),
                sum(c.days for c in a.consultations.all()) or None,
                _date(a.due_on),
                _date(a.answered_on),
                outcome_name(a.outcome) or "",
                "是" if a.is_late else "",
                "、".join(p.get_kind_display() for p in appeals),
                "、".join(p.get_result_display() for p in appeals),
                "是" if a.received_on < start else "",
            ]
        )
    return rows


def register_workbook(unit: Unit, year: int) -> bytes:
    title = f"{unit.name}{year}年政府信息公开申请登记簿"
    spec = SheetSpec(
        f"{year}年登记簿",
        title,
        [[Cell(c) for c in COLUMNS]],
        sheet_rows(unit, year) or [[None] * len(COLUMNS)],
        WIDTHS,
        landscape=True,
        text_columns={5, 12},
    )
    return build_workbook([spec])
