"""Seed 002: 临淄区人民政府办公室2024年政府信息公开工作年度报告, its figures and its 依申请公开 text."""

from decimal import Decimal

from annual_reports.layout import APPLICANTS, REQUESTS, cell_key, typed_keys

OVERVIEW_REQUESTS_2024 = (
    "2024年共收到政府信息公开申请12件，同比下降55.55%。作出政府信息公开申请答复14件（含上年结转2件），"
    "其中予以公开5件，占35.71%，部分公开6件，占42.85%，不予公开0件，占0%，无法提供3件，占21.44%；"
    "结转下年度继续办理0件。未因政府信息公开被申请行政复议、提起行政诉讼。"
)


def seed_2024() -> dict:
    """Every typed cell of seed 002 (totals are computed from them)."""
    values = dict.fromkeys(typed_keys(), 0)
    values.update(
        {
            "normative.issued": 1,
            "normative.repealed": 6,
            "normative.in_force": 9,
            "fees.amount": Decimal("0"),
            "new.natural": 12,
            "carried.natural": 2,
            "granted.natural": 5,
            "partly.natural": 6,
            "unable_1.natural": 3,
        }
    )
    return values


def seed_rows_2024() -> list[tuple[str, list]]:
    """The rows of seed 002's 三 as (last label, seven values with the 总计)."""
    values = seed_2024()
    rows = []
    for row in REQUESTS.rows:
        numbers = [values.get(cell_key(row, c)) for c in APPLICANTS[:-1]]
        if row.computed:
            numbers = [14, 0, 0, 0, 0, 0]
        rows.append((row.labels[-1], [*numbers, sum(numbers)]))
    return rows
