"""A notice's dates that can only be typing errors are refused before they are printed: 成文日期
outside the quarter's start and a year after its end, 整改期限 or 印发日期 outside 成文日期 and a
year after it (9999-12-31 and 1900-01-01 were saved as the draft's dates)."""

import datetime

import pytest

from reports.models import Notice
from tests.factories import NoticeFactory
from tests.notices.test_typed_text_kept import draft_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(db):
    return NoticeFactory(year=2024, quarter=4, issue_date=datetime.date(2025, 1, 10), attachments=[])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("issue_date", "9999-12-31", "成文日期应在2024年10月1日至2026年1月1日之间，请核对年份。"),
        ("issue_date", "1900-01-01", "成文日期应在2024年10月1日至2026年1月1日之间，请核对年份。"),
        (
            "rectification_deadline",
            "9999-12-31",
            "整改期限应在成文日期（2025年1月10日）至2026年1月11日之间，请核对年份。",
        ),
        (
            "rectification_deadline",
            "2025-01-09",
            "整改期限应在成文日期（2025年1月10日）至2026年1月11日之间，请核对年份。",
        ),
        ("printing_date", "1900-01-01", "印发日期应在成文日期（2025年1月10日）至2026年1月11日之间，请核对年份。"),
    ],
)
def test_a_typed_year_out_of_place_is_refused_and_nothing_saved(client, staff, notice, field, value, message):
    client.force_login(staff)
    data = draft_data(client, notice) | {field: value}

    response = client.post(f"/reports/notices/{notice.pk}/", data)

    assert response.status_code == 200
    assert list(response.context["form"].errors[field]) == [message]
    stored = Notice.objects.get()
    assert (stored.issue_date, stored.printing_date) == (datetime.date(2025, 1, 10), None)
