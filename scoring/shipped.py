"""The rule sets the project ships: 2020 (临政办字〔2019〕26号 and the call for articles of
10 Aug 2020) and 2024 with the same numbers. Used by the data migration and by
``ensure_shipped_rule_sets`` (tests that flush the database, fresh installs)."""

import datetime
from decimal import Decimal

COMMON = {
    "points_per_item": Decimal("0.5"),
    "monthly_item_cap": 10,
    "quarterly_publication_cap": Decimal("15"),
    "submission_required_from": datetime.date(2020, 8, 1),
    "article_quota": 1,
    "demo_site_article_quota": 2,
    "no_submission_points": Decimal("1"),
    "quota_shortfall_points": Decimal("0"),
    "city_adoption_bonus": Decimal("1"),
    "province_adoption_bonus": Decimal("1"),
    "bonus_in_quarterly_total": False,
    "rank_method": "competition",
}

RULE_SETS = [
    {
        "name": "2020年考核规则",
        "valid_from": datetime.date(2020, 1, 1),
        "basis": "临政办字〔2019〕26号；关于政务公开工作征稿的通知（2020年8月10日）",
    },
    {
        "name": "2024年考核规则",
        "valid_from": datetime.date(2024, 1, 1),
        "basis": "沿用2020年考核规则各项分值",
    },
]


def ship(rule_set_model) -> None:
    """Create the shipped rule sets that are missing; existing ones (maybe edited) are kept."""
    for spec in RULE_SETS:
        rule_set_model.objects.get_or_create(valid_from=spec["valid_from"], defaults={**COMMON, **spec})
