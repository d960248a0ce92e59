"""The register's pages: logging an application and taking its next steps in the browser's forms,
the list with its filters and the links of the tables, the overview, the unit's home page, importing
a sheet with a preview; every list and report page in a constant number of queries."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.models import Application
from applications.services import appeal_record
from tests.conftest import make_xlsx
from tests.factories import UserFactory
from units.models import User

from .helpers import HEADER, logged, sheet_row

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", role=User.Role.OFFICE_STAFF)


def test_logging_an_application(unit_client, renshe):
    url = reverse("applications:create", args=[renshe.pk])
    response = unit_client.post(
        url, {"received_on": "2024-02-30", "channel": "online", "applicant_type": "natural", "content": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "请填写有效日期，如2024-10-05" in html and "请填写申请内容" in html
    data = {"received_on": "2024-09-13", "channel": "post", "applicant_type": "business", "content": "某项目环评批复",
            "applicant_name": "淄博某某商贸有限公司", "applicant_contact": "0533-1234567", "number": "依申2024-7"}  # fmt: skip
    response = unit_client.post(url, data)
    application = Application.objects.get()
    assert response["Location"] == reverse("applications:detail", args=[application.pk])
    assert application.due_on == D(2024, 10, 17)
    assert unit_client.get(response["Location"]).status_code == 200


def test_the_steps_on_the_page(unit_client, renshe):
    application = logged(renshe, D(2024, 9, 13))

    def act(action, data):
        return unit_client.post(reverse("applications:act", args=[application.pk, action]), data)

    response = act("extend", {"extend-days": "25", "extend-approver": "王主任", "extend-notified_on": "2024-10-10"})
    assert response.status_code == 200 and "不能大于20。" in response.content.decode()
    response = act("extend", {"extend-days": "20", "extend-approver": "王主任", "extend-notified_on": "2024-10-18"})
    assert "延期应在答复期限（2024年10月17日）届满前告知申请人。" in response.content.decode()
    assert (
        act(
            "extend", {"extend-days": "20", "extend-approver": "王主任", "extend-notified_on": "2024-10-10"}
        ).status_code
        == 302
    )
    assert (
        act(
            "consult",
            {"consult-party": "third_party", "consult-sent_on": "2024-10-14", "consult-replied_on": "2024-10-16"},
        ).status_code
        == 302
    )
    response = act("answer", {"answer-answered_on": "2024-11-18", "answer-outcome": "refused_4"})
    assert response.status_code == 302
    application.refresh_from_db()
    # 14 Nov + 2 (15 and 16 Oct not counted): 15(41) 18(42) → Mon 18 Nov: answered in time.
    assert (application.due_on, application.outcome, application.is_late) == (D(2024, 11, 18), "refused_4", False)
    page = unit_client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    for text in ("延长答复期限", "征求第三方意见", "2024年11月18日", "在答复期限内"):
        assert text in page
    assert unit_client.post(reverse("applications:act", args=[application.pk, "nothing"])).status_code == 404


def test_the_register_lists_a_cell_of_the_tables(unit_client, renshe):
    logged(renshe, D(2023, 12, 20), answered_on=D(2024, 1, 8), outcome="granted", content="结转的申请")
    logged(renshe, D(2024, 3, 4), answered_on=D(2024, 3, 20), outcome="refused_4", content="第三方的申请")
    logged(
        renshe,
        D(2024, 3, 5),
        applicant_type="business",
        answered_on=D(2024, 3, 21),
        outcome="refused_4",
        content="企业的申请",
    )
    url = reverse("applications:register", args=[renshe.pk])
    html = unit_client.get(url, {"year": 2024, "cell": "refused_4.natural"}).content.decode()
    assert "2024年表三 （三）不予公开 4.保护第三方合法权益“自然人”：共1件。" in html
    assert "第三方的申请" in html and "企业的申请" not in html and "结转的申请" not in html
    html = unit_client.get(url, {"year": 2024, "cell": "carried.total"}).content.decode()
    assert "结转的申请" in html and "第三方的申请" not in html and "上年结转" in html
    tables = unit_client.get(reverse("applications:tables", args=[renshe.pk]), {"year": 2024}).content.decode()
    assert f"{url}?year=2024&amp;cell=refused_4.natural" in tables


def test_the_tables_page_reads_like_the_national_table(unit_client, renshe):
    """The reasons 1., 2. … under their group's name, as in the national table: without it, a clerk
    cannot tell 3.其他 of （六）其他处理 from 3.要求提供公开出版物 of （五）不予处理."""
    html = unit_client.get(reverse("applications:tables", args=[renshe.pk]), {"year": 2024}).content.decode()
    labels = re.findall(r'<th class="label[^"]*"[^>]*>([^<]+)</th>', html)
    assert labels[:7] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开",
        "1.属于国家秘密",
    ]
    assert [label for label in labels if label[0] == "（"] == [
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
        "（七）总计",
    ]
    assert labels.index("（六）其他处理") == labels.index("3.其他") - 3
    assert labels[labels.index("（七）总计") + 1] == "四、结转下年度继续办理"


def test_the_register_and_the_overview_in_constant_queries(
    client, renshe, shangwu, staff, renshe_user, django_assert_max_num_queries
):
    def fill(n):
        for i in range(n):
            application = logged(renshe if i % 2 else shangwu, D(2024, 1 + i % 12, 3), content=f"申请{i}")
            if i % 3 == 0:
                appeal_record(application=application, kind="review", filed_on=D(2024, 12, 1), acting_user=None)

    pages = [
        (renshe_user, reverse("applications:register", args=[renshe.pk]) + "?year=2024", 8),
        (staff, reverse("applications:overview") + "?year=2024", 6),
        (staff, reverse("applications:tables", args=[renshe.pk]) + "?year=2024", 6),
    ]
    for count in (4, 30):
        fill(count)
        for user, url, queries in pages:
            client.force_login(user)
            with django_assert_max_num_queries(queries):
                assert client.get(url).status_code == 200


def test_the_detail_page_in_bounded_queries(client, renshe, renshe_user, django_assert_max_num_queries):
    application = logged(renshe, D(2024, 3, 4), answered_on=D(2024, 3, 20), outcome="granted")
    appeal_record(application=application, kind="review", filed_on=D(2024, 4, 1), acting_user=None)
    client.force_login(renshe_user)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("applications:detail", args=[application.pk])).status_code == 200


def test_the_unit_home_page_shows_deadlines(unit_client, renshe, renshe_user, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: D(2024, 10, 21))
    logged(renshe, D(2024, 9, 13), content="已超期的申请")  # due 17 Oct: 18 and 21 passed
    logged(renshe, D(2024, 9, 23), content="临近期限的申请")  # due 24 Oct: 22 23 24 left
    logged(renshe, D(2024, 10, 18), content="刚收到的申请")
    html = unit_client.get(reverse("scoring:unit_quarter", args=[2024, 3, renshe.pk])).content.decode()
    panel = html.split("依申请公开</h2>", 1)[1].split("</section>", 1)[0]
    assert '尚未答复的政府信息公开申请3件，其中<strong class="error">已超期1件</strong>，1件答复期限临近' in panel
    assert panel.index("已超期的申请") < panel.index("临近期限的申请") < panel.index("刚收到的申请")
    assert "已超期2个工作日" in panel


def test_importing_a_register_with_a_preview(unit_client, renshe):
    data = make_xlsx([HEADER, sheet_row("2024-3-4", answered="2024-3-20", outcome="予以公开"), sheet_row("2024-3-5")])
    response = unit_client.post(
        reverse("applications:upload", args=[renshe.pk]), {"file": SimpleUploadedFile("登记簿.xlsx", data)}
    )
    preview = unit_client.get(response["Location"])
    html = preview.content.decode()
    assert "新增" in html and "2024年3月4日收到的申请" in html and Application.objects.count() == 0
    sha = preview.context["upload"].meta["sha256"]
    done = unit_client.post(response["Location"], {"action": "confirm", "sha256": sha})
    assert done.status_code == 302 and Application.objects.count() == 2
    bad = make_xlsx([HEADER, sheet_row("2024-3-4", answered="2024-3-1", outcome="予以公开")])
    response = unit_client.post(
        reverse("applications:upload", args=[renshe.pk]), {"file": SimpleUploadedFile("b.xlsx", bad)}
    )
    html = unit_client.get(response["Location"]).content.decode()
    assert "第2行 答复日期: 答复日期（2024年3月1日）早于收到申请日期（2024年3月4日）" in html
