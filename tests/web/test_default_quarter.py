"""Every form that asks for a quarter opens on the same one: the quarter just ended
(core.forms.quarter_just_ended, i.e. Quarter.last_finished)."""

import datetime
import re

import pytest

pytestmark = pytest.mark.django_db

FORMS = {
    "Excel导入": "/data/import/",
    "起草新通报": "/reports/notices/",
    "新建检查批次": "/inspections/rounds/new/",
}


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    real = timezone.localdate
    fixed = {"day": datetime.date(2025, 1, 8)}

    def localdate(value=None, timezone=None):
        return fixed["day"] if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    return fixed


def year_and_quarter(html: str) -> tuple[str, str]:
    year = re.search(r'<input type="number" name="year" value="(\d+)"', html).group(1)
    select = re.search(r'<select name="quarter"[^>]*>(.*?)</select>', html, re.S).group(1)
    quarter = re.search(r'<option value="(\d)" selected>', select).group(1)
    return year, quarter


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2025, 1, 8), ("2024", "4")),  # January: the fourth quarter of last year
        (datetime.date(2025, 3, 31), ("2024", "4")),
        (datetime.date(2025, 4, 1), ("2025", "1")),
        (datetime.date(2025, 12, 31), ("2025", "3")),
    ],
)
def test_every_quarter_form_opens_on_the_quarter_just_ended(staff_client, today, day, expected):
    today["day"] = day

    found = {name: year_and_quarter(staff_client.get(url).content.decode()) for name, url in FORMS.items()}

    assert found == dict.fromkeys(FORMS, expected)


def test_the_same_quarter_labels_everywhere(staff_client, today):
    options = {
        name: re.findall(
            r"<option[^>]*>([^<]*)</option>",
            re.search(
                r'<select name="quarter"[^>]*>(.*?)</select>', staff_client.get(url).content.decode(), re.S
            ).group(1),
        )
        for name, url in FORMS.items()
    }

    assert options == {
        "Excel导入": ["—", "一季度", "二季度", "三季度", "四季度"],  # optional there: only 减分事项 needs it
        "起草新通报": ["一季度", "二季度", "三季度", "四季度"],
        "新建检查批次": ["一季度", "二季度", "三季度", "四季度"],
    }
    assert (
        '<input type="text" name="name" value="2024年四季度检查"'
        in staff_client.get(FORMS["新建检查批次"]).content.decode()
    )
