"""A crawl and a register entry are data of their own kinds: they keep the quarter's computed
scores, and the kept month grid shows a crawl's proposed counts at once."""

import datetime
import re

import pytest
from django.urls import reverse

from applications.services import application_record
from monitoring.models import Column, CrawlRun
from monitoring.runs import crawl
from monitoring.services import column_update
from scoring.selectors import quarter_scores_current
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def column(site, fgj):
    return Column.objects.create(unit=fgj, name="政策文件", url=site.url("/fgj/zcwj/"), requirement="每季度")


def test_a_crawl_a_column_edit_and_an_application_keep_the_scores(
    cached, column, fgj, staff, django_assert_num_queries
):
    PublicationFactory(unit=fgj, year=2024, month=6, count=4)
    kept = quarter_scores_current(year=2024, quarter=2)

    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    column_update(column=column, requirement="每月", acting_user=staff)
    application_record(unit=fgj, received_on=D(2024, 6, 3), channel="in_person", applicant_type="natural", content="x")

    with django_assert_num_queries(0):
        assert quarter_scores_current(year=2024, quarter=2) is kept


def test_the_kept_month_grid_shows_the_proposed_count_after_a_crawl(cached, column, fgj, staff, client):
    PublicationFactory(unit=fgj, year=2024, month=6, count=4)
    client.force_login(staff)
    url = reverse("submissions:grid", args=[2024, 6])
    assert "data-proposal" not in client.get(url).content.decode()
    assert "data-proposal" not in client.get(url).content.decode()  # kept

    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)

    html = client.get(url).content.decode()
    assert re.search(r'<span class="proposal differs"[^>]*data-proposal="5">栏目监测5≠</span>', html)
