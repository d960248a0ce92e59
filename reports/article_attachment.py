"""The submissions attachment (各单位政务公开工作投稿情况) in the office's two published styles, defined
once: its rows (kept in the notice's snapshot) and its table (printed by the PDF and the Excel).

- **2024** (seed 000): every assessed unit in the official order, the quarter's three months, the
  non-compliant articles in brackets (``1 (1)``), and the note ``注：表中数字为当月投稿件数，括号内数字为
  不符合条件件数。``
- **2020** (seed 001, 附件3): only the units that sent articles, only the months the requirement
  applied (August and September in 2020 Q3), ordered by adoption bonus and then by the number of
  articles, with the city and province adoptions, the bonus, and a note saying where the bonus counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import format_points, month_list_label, points_text
from core.tabular import Cell, TableData

from .models import Notice

STYLE_2024 = Notice.SubmissionsStyle.Y2024.value
STYLE_2020 = Notice.SubmissionsStyle.Y2020.value
NOTE_2024 = "注：表中数字为当月投稿件数，括号内数字为不符合条件件数。"
NOT_ASSESSED = "—"


@dataclass
class SubmissionRow:
    unit: str
    submitted: list[int | None]
    """Articles received per month; ``None`` where the unit was not assessed that month."""
    non_compliant: list[int | None]
    city_adopted: int
    province_adopted: int
    bonus: str


def submission_months(scores, style: str) -> list[int]:
    """The months the attachment shows: all three, or (2020) those whose requirement applied."""
    if style == STYLE_2020 and scores.required_months:
        return sorted(scores.required_months)
    return list(scores.months)


def submission_rows(scores, style: str) -> list[SubmissionRow]:
    months = submission_months(scores, style)
    index = [scores.months.index(m) for m in months]
    rows = []
    for score in scores.in_official_order():
        if score.submission_exempt:
            continue
        figures = [(score.figures[i], score.assessed[i]) for i in index]
        rows.append(
            SubmissionRow(
                unit=score.name,
                submitted=[f.submitted if ok else None for f, ok in figures],
                non_compliant=[f.non_compliant if ok else None for f, ok in figures],
                city_adopted=sum(f.city_adopted for f, ok in zip(score.figures, score.assessed, strict=True) if ok),
                province_adopted=sum(
                    f.province_adopted for f, ok in zip(score.figures, score.assessed, strict=True) if ok
                ),
                bonus=points_text(score.bonus),
            )
        )
    if style == STYLE_2020:
        rows = [r for r in rows if _sent(r) > 0]
        rows.sort(key=lambda r: (-Decimal(r.bonus), -_sent(r)))  # stable: ties stay in the official order
    return rows


def _sent(row: SubmissionRow) -> int:
    return sum(n or 0 for n in row.submitted)


def submissions_note(scores, style: str) -> str:
    if style != STYLE_2020:
        return NOTE_2024
    rules = scores.rules
    months = month_list_label(submission_months(scores, style))
    city, province = format_points(rules.city_adoption_bonus), format_points(rules.province_adoption_bonus)
    each = f"每篇加{city}分" if city == province else f"市级每篇加{city}分、省级每篇加{province}分"
    where = "计入季度合计" if rules.bonus_in_quarterly_total else "计入年终考核，不计入季度合计"
    return (
        f"注：表中只列{months}有投稿的单位，数字为当月投稿件数，括号内数字为不合格件数（不计入统计）；"
        f"稿件被市级、省级采用的{each}，{where}。"
    )


def count_text(submitted: int | None, non_compliant: int | None) -> int | str:
    """``1`` (a number, in the Excel too), or ``1 (1)`` with the non-compliant articles in brackets;
    ``—`` where the unit was not assessed that month."""
    if submitted is None:
        return NOT_ASSESSED
    return f"{submitted} ({non_compliant})" if non_compliant else submitted


def submissions_table(months: list[int], rows: list[SubmissionRow], *, style: str, note: str) -> TableData:
    """The table as printed, blanks included (no 0 for adoptions or bonus), for the PDF and the Excel."""
    month_cells = [Cell(f"{m}月") for m in months]
    if style == STYLE_2020:
        header = [
            [
                Cell("单位", rowspan=2),
                Cell("投稿件数", colspan=len(months)),
                Cell("市级采用", rowspan=2),
                Cell("省级采用", rowspan=2),
                Cell("加分", rowspan=2),
            ],
            month_cells,
        ]
        body = [
            [
                row.unit,
                *[count_text(s, n) for s, n in zip(row.submitted, row.non_compliant, strict=True)],
                row.city_adopted or None,
                row.province_adopted or None,
                None if row.bonus in ("", "0") else Decimal(row.bonus),
            ]
            for row in rows
        ]
    else:
        header = [[Cell("单位", rowspan=2), Cell("投稿件数", colspan=len(months))], month_cells]
        body = [
            [row.unit, *[count_text(s, n) for s, n in zip(row.submitted, row.non_compliant, strict=True)]]
            for row in rows
        ]
    return TableData(header_rows=header, rows=body, note=note, text_columns={0})


def table_widths(months: int, style: str, *, unit: float, month: float, other: float) -> list[float]:
    """Column widths for the table of :func:`submissions_table` (millimetres or characters)."""
    if style == STYLE_2020:
        return [unit, *([month] * months), other, other, other]
    return [unit, *([month] * months)]
