"""An article's dates lie between 2000 and today: a mistyped year (9999, 1900, next year) is refused
with a sentence, and a figure recorded for a quarter to come never becomes the quarter every home
page opens."""

import datetime

import pytest
from django.utils import timezone

from core.calendar import Quarter
from core.formatting import format_cn_date
from scoring.selectors import latest_quarter_with_data
from submissions.models import Article
from tests.factories import PublicationFactory, UnitFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/data/articles/add/"


@pytest.fixture
def unit(db):
    return UnitFactory(name="区人社局")


def post(client, unit, **changes):
    data = {
        "unit": unit.pk,
        "title": "区人社局：政务公开助力稳就业",
        "received_on": "2024-10-08",
        "char_count": "860",
        "is_compliant": "1",
        "non_compliance_reason": "",
        "city_adopted_on": "",
        "province_adopted_on": "",
    }
    return client.post(ADD_URL, data | changes)


def field_errors(response) -> dict[str, list[str]]:
    return {name: list(errs) for name, errs in response.context["form"].errors.items()}


def test_a_received_date_after_today_is_refused(staff_client, unit):
    today = format_cn_date(timezone.localdate())

    response = post(staff_client, unit, received_on="9999-12-31")

    assert response.status_code == 200
    assert field_errors(response) == {"received_on": [f"收稿日期不能晚于今天（{today}），请核对年份。"]}
    assert Article.objects.count() == 0


def test_adoption_dates_after_today_or_before_2000_are_refused(staff_client, unit):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = post(staff_client, unit, city_adopted_on=tomorrow.isoformat(), province_adopted_on="2024-10-09")
    old = post(staff_client, unit, received_on="1900-01-01")

    today = format_cn_date(timezone.localdate())
    assert field_errors(response) == {"city_adopted_on": [f"市级采用日期不能晚于今天（{today}），请核对年份。"]}
    assert field_errors(old) == {"received_on": ["收稿日期不能早于2000年，请核对年份。"]}
    assert Article.objects.count() == 0


def test_the_latest_quarter_is_never_after_the_current_one(unit):
    PublicationFactory(unit=unit, year=2024, month=11, count=3)
    PublicationFactory(unit=unit, year=2030, month=5, count=3)

    assert latest_quarter_with_data(datetime.date(2025, 1, 10)) == Quarter(2025, 1)
    assert latest_quarter_with_data(datetime.date(2031, 1, 10)) == Quarter(2030, 2)


def test_the_home_page_stays_in_the_present_with_a_figure_for_a_future_month(staff_client, unit):
    PublicationFactory(unit=unit, year=2024, month=11, count=3)
    PublicationFactory(unit=unit, year=9999, month=12, count=3)
    current = Quarter.of(timezone.localdate())

    response = staff_client.get("/")

    assert response["Location"] == f"/scores/{current.year}/q{current.number}/"
