"""The unit page (单位首页) keeps what it shows per change of the data (core.versioning): asked again,
even after other units' writes, it reads only the session, the account, the account's unit and
notifications, and the other apps' panels; a write about the unit itself shows at once."""

import datetime

import pytest
from django.urls import reverse

from inspections.services import finding_record
from scoring.selectors import quarter_scores
from submissions.services.articles import article_register, publication_count_set
from tests.factories import InspectionRoundFactory, PublicationFactory, UnitFactory, UserFactory
from units.models import Unit, User

pytestmark = pytest.mark.django_db

PER_REQUEST = 6
"""Session, account, the account's unit (the page header), notifications, the work-plan panel's
plan and a savepoint-free margin of one."""


def populate(n: int) -> list[Unit]:
    """``n`` departments with the same figures (articles registered one by one: no monthly tallies)."""
    units = [UnitFactory(category=Unit.Category.DEPARTMENT, name=f"单位{i:02d}", sort_order=i) for i in range(n)]
    for unit in units:
        for month in (7, 8, 9):
            PublicationFactory(unit=unit, month=month, count=month)
    return units


def test_asked_again_after_other_units_writes_the_page_reads_nothing_kept(
    cached, client, staff, django_assert_max_num_queries
):
    units = populate(3)
    user = UserFactory(username="unit-user", role=User.Role.UNIT_USER, unit=units[0])
    client.force_login(user)
    url = reverse("scoring:unit_quarter", args=[2020, 3, units[0].pk])
    client.get(url)

    publication_count_set(unit=units[1], year=2020, month=7, count=1, acting_user=staff)
    article_register(unit=units[2], title="别的单位的稿件", received_on=datetime.date(2020, 8, 3), acting_user=staff)
    # Once: the two other units' rows (seven queries), the issued notice, the months with figures (three).
    with django_assert_max_num_queries(PER_REQUEST + 11):
        client.get(url)
    with django_assert_max_num_queries(PER_REQUEST):
        response = client.get(url)

    assert response.context["score"].rank == 2  # behind 单位02, whose August article spares it a deduction
    assert response.context["score"] == quarter_scores(year=2020, quarter=3).for_unit(units[0].pk)
    assert "别的单位的稿件" not in response.content.decode()


def test_a_write_about_the_unit_shows_at_once(cached, client, staff):
    units = populate(2)
    user = UserFactory(username="unit-user", role=User.Role.UNIT_USER, unit=units[0])
    client.force_login(user)
    url = reverse("scoring:unit_quarter", args=[2020, 3, units[0].pk])
    client.get(url)

    article_register(unit=units[0], title="本单位的新稿件", received_on=datetime.date(2020, 8, 3), acting_user=staff)
    inspection = InspectionRoundFactory(year=2020, quarter=3)
    finding_record(
        inspection=inspection, unit=units[0], category="栏目更新", description="栏目未更新", acting_user=staff
    )
    publication_count_set(unit=units[0], year=2020, month=7, count=1, acting_user=staff)
    response = client.get(url)

    html = response.content.decode()
    assert "本单位的新稿件" in html
    assert [f.description for f in response.context["open_findings"]] == ["栏目未更新"]
    assert response.context["score"].figures[0].publications == 1
    assert response.context["score"].rank == 2
