"""Sorting a score column of the quarter table starts with the best: the most publications or points
first, the fewest points deducted first; ties keep the office's order; a second click reverses."""

import re
from decimal import Decimal

import pytest

from tests.factories import DeductionFactory, PublicationFactory, TallyFactory, UnitFactory

pytestmark = pytest.mark.django_db

URL = "/scores/2020/q3/"


@pytest.fixture
def departments(db):
    # (name, official order, publications Jul–Sep, deduction)
    for name, order, counts, deduction in [
        ("区甲局", 1, (4, 10, 10), None),
        ("区乙局", 2, (10, 10, 4), "2"),
        ("区丙局", 3, (10, 10, 10), "0.5"),
        ("区丁局", 4, (1, 12, 1), "1"),
    ]:
        unit = UnitFactory(name=name, sort_order=order)
        for month, count in zip((7, 8, 9), counts, strict=True):
            PublicationFactory(unit=unit, year=2020, month=month, count=count)
            TallyFactory(unit=unit, year=2020, month=month, submitted=1)
        if deduction:
            DeductionFactory(unit=unit, year=2020, quarter=3, reason="网站存在错别字", points=Decimal(deduction))


def names(client, query: str) -> list[str]:
    html = client.get(URL + query).content.decode()
    table = html[html.index("<h2>区政府各部门</h2>") :]
    table = table[: table.index("</table>")]
    return re.findall(r'<a href="/scores/2020/q3/units/\d+/">(.*?)</a>', table)


def header_link(client, column: str) -> str:
    html = client.get(URL).content.decode()
    return re.search(rf'<th class="orderable">\s*<a href="(\?dept-sort=-?{column})">', html).group(1)


@pytest.mark.parametrize(
    ("column", "best_first"),
    [
        ("total", ["区丙局", "区甲局", "区乙局", "区丁局"]),  # 14.5, 12, 10, 5 (ties in the official order)
        ("publication_score", ["区丙局", "区甲局", "区乙局", "区丁局"]),  # 15, 12, 12, 6
        ("m1", ["区乙局", "区丙局", "区甲局", "区丁局"]),  # 10, 10, 4, 1
        ("m2", ["区丁局", "区甲局", "区乙局", "区丙局"]),  # 12, then 10 × 3 in the official order
        ("deduction", ["区甲局", "区丙局", "区丁局", "区乙局"]),  # none, 0.5, 1, 2
    ],
)
def test_the_first_click_puts_the_best_on_top(staff_client, departments, column, best_first):
    assert header_link(staff_client, column) == f"?dept-sort={column}"
    assert names(staff_client, f"?dept-sort={column}") == best_first
    # The second click (the link the sorted header now offers) reverses it.
    html = staff_client.get(URL + f"?dept-sort={column}").content.decode()
    assert re.search(rf'<th class="asc orderable">\s*<a href="\?dept-sort=-{column}">', html)


def test_the_second_click_puts_the_worst_on_top(staff_client, departments):
    assert names(staff_client, "?dept-sort=-total") == ["区丁局", "区乙局", "区甲局", "区丙局"]
    assert names(staff_client, "?dept-sort=-deduction") == ["区乙局", "区丁局", "区丙局", "区甲局"]


def test_rank_sorts_from_the_first_place(staff_client, departments):
    assert names(staff_client, "?dept-sort=rank") == ["区丙局", "区甲局", "区乙局", "区丁局"]
