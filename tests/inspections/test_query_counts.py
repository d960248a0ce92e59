"""Every list page runs the same number of queries for 3 units or 30, 3 findings or 30."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from inspections.models import Finding
from inspections.services import findings_carry_over
from tests.factories import UnitFactory, UserFactory
from units.models import User

from .helpers import finding, returned, submitted

D = datetime.date


def populate(n, q3, q4, staff):
    """``n`` units, each with a carried-over, an answered, a returned and a deducted finding."""
    for _ in range(n):
        unit = UnitFactory()
        user = UserFactory(role=User.Role.UNIT_USER, unit=unit)
        finding(q3, unit, "三季度问题", deadline=D(2024, 10, 31))
        submitted(finding(q4, unit, "已答复"), user)
        returned(finding(q4, unit, "被退回"), user, staff)
        finding(q4, unit, "有减分", deduction_points=Decimal("0.5"))
    findings_carry_over(previous=q3, current=q4, deadline=D(2025, 1, 15))


def populate_unit(n, q4, unit, user, staff):
    start = Finding.objects.count()  # one finding is recorded once in a round: each with its own words
    for i in range(start, start + n):
        submitted(finding(q4, unit, f"已答复{i}"), user)
        returned(finding(q4, unit, f"被退回{i}"), user, staff)
        finding(q4, unit, f"有减分{i}", deduction_points=Decimal("0.5"))


@pytest.mark.parametrize(
    ("name", "kwargs", "query", "queries"),
    [
        ("inspections:round_list", {}, "", 3),
        ("inspections:round_detail", {"pk": "q4"}, "", 7),
        ("inspections:review_list", {}, "", 7),
        ("inspections:review_list", {}, "?scope=all&page=2", 8),
    ],
)
def test_office_lists(client, staff, q3, q4, django_assert_max_num_queries, name, kwargs, query, queries):
    client.force_login(staff)
    kwargs = {key: q4.pk for key in kwargs}
    url = reverse(name, kwargs=kwargs) + query

    populate(3, q3, q4, staff)
    with django_assert_max_num_queries(queries):
        small = client.get(url)
    populate(30, q3, q4, staff)
    with django_assert_max_num_queries(queries):
        large = client.get(url)

    assert small.status_code == large.status_code == 200


def test_office_lists_grow_with_the_data(client, staff, q3, q4):
    client.force_login(staff)
    populate(30, q3, q4, staff)

    detail = client.get(reverse("inspections:round_detail", args=[q4.pk]))
    review = client.get(reverse("inspections:review_list") + "?scope=all")

    assert len(detail.context["findings"]) == 120
    assert review.context["page"].paginator.count == 150
    assert len(review.context["page"].object_list) == 50


def test_unit_list(client, q4, renshe, renshe_user, staff, django_assert_max_num_queries):
    client.force_login(renshe_user)
    url = reverse("inspections:my_findings")

    populate_unit(1, q4, renshe, renshe_user, staff)
    with django_assert_max_num_queries(5):
        client.get(url)
    populate_unit(10, q4, renshe, renshe_user, staff)
    with django_assert_max_num_queries(5):
        response = client.get(url)

    assert len(response.context["findings"]) == 33
