"""Plain-data forms of scores, for the JSON contracts of ``quarter_scores --json`` and ``annual_scores --json``."""

from core.formatting import points_to_json

from .engine import UnitQuarterScore
from .selectors import UnitYearScore


def quarter_score_dict(row: UnitQuarterScore) -> dict:
    return {
        "unit": row.name,
        "category": row.category,
        "months": row.publications,
        "complete": row.complete,
        "publication_score": points_to_json(row.publication_score),
        "bonus": points_to_json(row.bonus),
        "bonus_in_total": points_to_json(row.bonus_counted),
        "deduction": points_to_json(row.deduction),
        "total": points_to_json(row.total),
        "rank": row.rank,
        "deduction_items": [
            {"reason": item.reason, "points": points_to_json(item.points)} for item in row.deduction_items
        ],
        "articles": {
            "submitted": [f.submitted for f in row.figures],
            "non_compliant": [f.non_compliant for f in row.figures],
            "city_adopted": [f.city_adopted for f in row.figures],
            "province_adopted": [f.province_adopted for f in row.figures],
        },
    }


def year_score_dict(row: UnitYearScore) -> dict:
    return {
        "unit": row.name,
        "category": row.category,
        "quarter_totals": [None if t is None else points_to_json(t) for t in row.quarter_totals],
        "quarters_sum": points_to_json(row.quarters_sum),
        "adoption_bonus": points_to_json(row.adoption_bonus),
        "total": points_to_json(row.total),
        "rank": row.rank,
        "adjustments": [{"reason": item.reason, "points": points_to_json(item.points)} for item in row.adjustments],
        "adjustment": points_to_json(row.adjustment),
        "final_total": points_to_json(row.final_total),
    }
