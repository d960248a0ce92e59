"""What the month grid tells the clerk while typing: each row's month score by the quarter's rules,
``已填 x/N``, and a confirmation before a hardly plausible figure is saved."""

import datetime
import re

import pytest

from scoring.models import RuleSet
from submissions.models import MonthlyPublication
from tests.factories import PublicationFactory, UnitFactory
from tests.submissions.helpers import grid_url, load_grid

pytestmark = pytest.mark.django_db


@pytest.fixture
def renshe():
    unit = UnitFactory(name="区人社局", sort_order=1)
    for month, count in ((7, 12), (8, 9), (9, 13)):
        PublicationFactory(unit=unit, year=2024, month=month, count=count)
    return unit


def score_cell(html: str, unit) -> str:
    match = re.search(rf'<td class="num score" data-score aria-label="{unit.name} 本月得分">([^<]*)</td>', html)
    return match.group(1)


def test_each_row_shows_its_month_score_and_the_rules_it_follows(staff_client, renshe):
    other = UnitFactory(name="区商务局", sort_order=2)
    UnitFactory(name="区民政局", sort_order=3)
    PublicationFactory(unit=renshe, year=2024, month=10, count=12)
    PublicationFactory(unit=other, year=2024, month=10, count=7)

    html = staff_client.get(grid_url()).content.decode()

    assert score_cell(html, renshe) == "5"  # 12 items, 10 count: 10 × 0.5
    assert score_cell(html, other) == "3.5"
    assert 'data-points="0.5" data-cap="10"' in html
    assert "得分按2024年考核规则：每条0.5分，每月最多计10条。" in html
    assert '<span class="filled" data-filled data-total="3">已填 2/3</span>' in html
    assert f'<tr id="unit-{renshe.pk}" data-recent="12,9,13" data-names="人社局|区人社局">' in html


def test_the_numbers_come_from_the_quarters_rule_set(staff_client, renshe, staff):
    RuleSet.objects.create(
        name="2024年四季度试行规则",
        valid_from=datetime.date(2024, 10, 1),
        submission_required_from=datetime.date(2020, 8, 1),
        points_per_item=1,
        monthly_item_cap=5,
    )
    PublicationFactory(unit=renshe, year=2024, month=10, count=12)

    html = staff_client.get(grid_url()).content.decode()

    assert 'data-points="1" data-cap="5"' in html
    assert score_cell(html, renshe) == "5"  # 12 items, 5 count, 1 point each
    assert 'data-points="0.5"' in staff_client.get(grid_url(2024, 9)).content.decode()


def test_a_figure_far_above_the_units_recent_months_waits_for_a_confirmation(staff_client, renshe):
    data = load_grid(staff_client) | {f"u{renshe.pk}-pub": "99999"}

    response = staff_client.post(grid_url(), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert MonthlyPublication.objects.filter(month=10).count() == 0
    assert "以下数值与该单位近几个月相差很大或远超常见数值，尚未保存，请核对：" in html
    assert "<li>区人社局 发布数 99999（近3个月为12、9、13）</li>" in html
    assert f'name="u{renshe.pk}-pub" value="99999"' in html
    assert '<input type="checkbox" name="confirm_implausible" value="1"> 数值无误，确认保存' in html

    confirmed = staff_client.post(grid_url(), data | {"confirm_implausible": "1"})

    assert confirmed.status_code == 302
    assert MonthlyPublication.objects.get(month=10).count == 99999


@pytest.mark.parametrize(("typed", "doubtful"), [("43", False), ("44", True), ("30", False)])
def test_the_threshold_is_three_times_and_thirty_more_than_the_best_recent_month(staff_client, renshe, typed, doubtful):
    data = load_grid(staff_client) | {f"u{renshe.pk}-pub": typed}

    response = staff_client.post(grid_url(), data)

    assert (response.status_code == 200) is doubtful
    assert MonthlyPublication.objects.filter(month=10).exists() is not doubtful


def test_without_history_only_the_common_limits_apply(staff_client):
    unit = UnitFactory(name="区文物局")
    data = load_grid(staff_client) | {f"u{unit.pk}-pub": "35", f"u{unit.pk}-sub": "40"}

    html = staff_client.post(grid_url(), data).content.decode()

    assert "<li>区文物局 投稿件数 40（远超常见数值）</li>" in html
    assert "发布数 35" not in html


def test_a_figure_already_stored_is_not_asked_about_again(staff_client, renshe):
    PublicationFactory(unit=renshe, year=2024, month=10, count=99999)
    data = load_grid(staff_client) | {f"u{renshe.pk}-sub": "1"}

    response = staff_client.post(grid_url(), data)

    assert response.status_code == 302
