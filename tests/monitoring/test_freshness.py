"""Stale: the latest item is older than the period before the as-of date, in calendar months."""

import datetime

import pytest

from monitoring.freshness import is_stale, months_before, stale_before

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2024, 8, 15), 1, D(2024, 7, 15)),
        (D(2024, 3, 31), 1, D(2024, 2, 29)),  # clamped to the end of a shorter month (leap year)
        (D(2023, 3, 31), 1, D(2023, 2, 28)),
        (D(2024, 5, 31), 3, D(2024, 2, 29)),
        (D(2024, 1, 10), 3, D(2023, 10, 10)),
        (D(2025, 2, 28), 12, D(2024, 2, 28)),
        (D(2024, 2, 29), 12, D(2023, 2, 28)),
    ],
)
def test_calendar_months_before(day, months, expected):
    assert months_before(day, months) == expected


@pytest.mark.parametrize(
    ("requirement", "latest", "as_of", "stale"),
    [
        ("每月", D(2024, 6, 15), D(2024, 7, 15), False),  # exactly one month: not yet
        ("每月", D(2024, 6, 14), D(2024, 7, 15), True),
        ("每季度", D(2024, 5, 6), D(2024, 8, 6), False),
        ("每季度", D(2024, 5, 6), D(2024, 8, 7), True),  # 政策文件栏目最近更新为2024年5月6日，已超过一个季度未更新
        ("每季度", D(2024, 2, 29), D(2024, 5, 31), False),
        ("每季度", D(2024, 2, 28), D(2024, 5, 31), True),
        ("每年", D(2023, 7, 1), D(2024, 7, 1), False),
        ("每年", D(2023, 6, 30), D(2024, 7, 1), True),
        ("长期", D(2010, 1, 1), D(2024, 7, 1), False),
        ("每月", None, D(2024, 7, 1), False),  # nothing read: not judged
        ("每月", D(2024, 9, 1), D(2024, 7, 1), False),  # an item after the as-of date
    ],
)
def test_stale_edges(requirement, latest, as_of, stale):
    assert is_stale(requirement, latest, as_of) is stale


def test_long_term_columns_have_no_cutoff():
    assert stale_before("长期", D(2024, 7, 1)) is None
    assert stale_before("每年", D(2024, 7, 1)) == D(2023, 7, 1)
