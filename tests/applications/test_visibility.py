"""The applicant's name and contact: on the application's page and its unit's register for that
unit and the office, kept in its history; masked (or left out) everywhere else — the office's
overview, the history feed and its export, the Excel and JSON exports, reminders."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from applications.masking import mask_contact, mask_name
from applications.reminders import applications_remind
from applications.services import application_update
from core.models import Notification
from tests.factories import UserFactory
from tests.jobs import content
from units.models import User

from .helpers import logged

pytestmark = pytest.mark.django_db
NAME, PHONE = "张三", "13812345678"


@pytest.fixture
def application(renshe):
    return logged(renshe, datetime.date(2024, 3, 4))


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", role=User.Role.OFFICE_STAFF)


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("who", ["renshe_user", "staff"])
def test_the_unit_and_the_office_see_the_applicant(client, request, application, who):
    user = request.getfixturevalue(who)
    status, html = page(client, user, reverse("applications:detail", args=[application.pk]))
    assert status == 200 and NAME in html and PHONE in html
    status, html = page(client, user, reverse("applications:register", args=[application.unit_id]) + "?year=2024")
    assert status == 200 and NAME in html


def test_another_unit_sees_nothing(client, application, shangwu_user):
    assert page(client, shangwu_user, reverse("applications:detail", args=[application.pk]))[0] == 404
    assert page(client, shangwu_user, reverse("applications:register", args=[application.unit_id]))[0] == 403
    assert page(client, shangwu_user, reverse("applications:letter_docx", args=[application.pk]))[0] == 404


def test_the_overview_names_no_applicant(client, application, staff):
    status, html = page(client, staff, reverse("applications:overview") + "?year=2024")
    assert status == 200 and "区人社局" in html and NAME not in html and PHONE not in html


def test_exports_mask_the_applicant(application, tmp_path, client, renshe_user):
    out = tmp_path / "register.xlsx"
    call_command(
        "export_applications", "--year", "2024", "--unit", "区人社局", "--format", "xlsx", "--output", str(out)
    )
    cells = [str(c.value) for row in load_workbook(out).active.iter_rows() for c in row if c.value]
    assert "张*" in cells and NAME not in cells and PHONE not in cells
    call_command(
        "export_applications", "--year", "2024", "--unit", "区人社局", "--format", "json", "--output", str(out)
    )
    assert NAME not in out.read_text(encoding="utf-8") and "applicant" not in json.loads(out.read_text())[0]
    client.force_login(renshe_user)
    response = client.get(reverse("applications:export", args=[application.unit_id]) + "?year=2024")
    cells = [str(c.value) for row in load_workbook(io.BytesIO(content(response))).active.iter_rows() for c in row]
    assert "张*" in cells and NAME not in cells


def test_the_history_feed_leaves_the_applicant_out_but_the_page_keeps_every_version(
    client, application, renshe_user, staff
):
    application_update(
        application=application, acting_user=renshe_user, applicant_name="张小三", applicant_contact="0533-7212036"
    )
    status, html = page(client, staff, reverse("units:history"))
    assert status == 200 and "政府信息公开申请" in html
    assert NAME not in html and "张小三" not in html and PHONE not in html
    status, html = page(client, renshe_user, reverse("applications:detail", args=[application.pk]))
    versions = html.split("<h3>申请人信息</h3>", 1)[1]
    assert versions.index(NAME) < versions.index("张小三") and PHONE in versions and "0533-7212036" in versions


def test_reminders_do_not_name_the_applicant(application, renshe_user):
    applications_remind(today=datetime.date(2024, 4, 10))
    texts = list(Notification.objects.values_list("text", flat=True))
    assert texts and all(NAME not in t and PHONE not in t for t in texts)


@pytest.mark.parametrize(
    ("value", "masked"),
    [("张三", "张*"), ("欧阳小明", "欧***"), ("淄博某某商贸有限公司", "淄博****有限公司"), ("王", "*"), ("", "")],
)
def test_names_are_masked(value, masked):
    assert mask_name(value) == masked


def test_contacts_are_masked():
    assert mask_contact("13812345678") == "138****5678"
    assert mask_contact("0533-7212036") == "053****2036"
    assert mask_contact("zhangsan@example.com") == "******"
