"""Nothing typed on the report page is lost: a save refused because the report was submitted,
returned, finalised or saved by somebody else since the page was drawn shows every typed figure and
text beside the stored report; 上传并预览 and 由登记簿生成 are refused while the page holds edits not
yet saved; a refused 定稿, 退回 or 更正 keeps the reason typed."""

import datetime
import html as htmllib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annual_reports.forms import TextsForm
from annual_reports.grid import INPUT_PREFIX
from annual_reports.layout import decode, typed_keys
from annual_reports.models import AnnualReport
from annual_reports.register import register_keys
from annual_reports.selectors import current_report, report_state
from annual_reports.services import (
    report_correct,
    report_finalise,
    report_requests_source,
    report_return,
    report_save,
)
from applications.services import answer_record, application_record
from core.imports import staging
from tests.factories import UserFactory
from units.models import User

from .seed import seed_2024

pytestmark = pytest.mark.django_db
Status = AnnualReport.Status

REFUSED_SUBMITTED = "报告已提交，不能修改。"
REFUSED_FINALISED = "报告已定稿，不能修改。"
TITLE = "临淄区人社局2024年政府信息公开工作年度报告"


@pytest.fixture
def saved(year_2024, renshe):
    return report_save(
        report_year=year_2024, unit=renshe, acting_user=None, typed=seed_2024(), texts={"title": TITLE}
    ).report


@pytest.fixture
def colleague(renshe):
    return UserFactory(username="renshe2", display_name="李四", role=User.Role.UNIT_USER, unit=renshe)


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


def page(unit):
    return reverse("annual_reports:report", args=[2024, unit.pk])


def typed_on_page(report, **changes) -> dict:
    """The page's form as drawn from ``report`` (its state in ``seen``), with ``changes`` typed."""
    figures = decode(report.figures)
    data = {f"{INPUT_PREFIX}{key}": "" if figures.get(key) is None else str(figures[key]) for key in typed_keys()}
    data.update({"title": report.title, "seen": report_state(report), "action": "save"})
    data.update({key: getattr(report, key) for key in TextsForm().fields if key != "title"})
    for key, value in changes.items():
        data[f"{INPUT_PREFIX}{key.replace('__', '.')}" if "__" in key else key] = value
    return data


CHANGES = {
    "new__natural": "15",
    "normative__in_force": "１０",  # full-width: read as 10
    "fees__amount": "abc",
    "overview": "本单位认真贯彻落实条例。\r\n全年主动公开信息300条。",
    "problems": "一是公开内容不够全面。",
}
LISTED = [
    ("行政规范性文件“现行有效件数”", "１０", "9"),
    ("行政事业性收费“本年收费金额（单位：万元）”", "abc", "0"),
    ("一、本年新收政府信息公开申请数量“自然人”", "15", "12"),
    ("一、总体情况（开头）", "本单位认真贯彻落实条例。\n全年主动公开信息300条。", "未填"),
    ("五、存在的主要问题及改进情况", "一是公开内容不够全面。", "未填"),
]


def listed(html: str) -> list[tuple[str, str, str]]:
    """The card of what was typed and not saved: (item, typed, stored now)."""
    rows = re.findall(
        r'<tr data-unsaved-field><th scope="row">(.*?)</th><td class="\w+" data-typed>(.*?)</td><td class="\w+">(.*?)</td>',
        html,
        re.S,
    )
    return [tuple(htmllib.unescape(cell) for cell in row) for row in rows]


def inputs(html: str) -> dict[str, str]:
    return {
        htmllib.unescape(name): htmllib.unescape(value)
        for name, value in re.findall(r'<input name="cell:([^"]+)" value="([^"]*)"', html)
    }


def textarea(html: str, name: str) -> str:
    match = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S)
    return htmllib.unescape(match.group(1)) if match else None


def test_a_save_refused_because_a_colleague_submitted_lists_everything_typed_beside_the_report(
    unit_client, saved, colleague, year_2024, renshe
):
    data = typed_on_page(saved, **CHANGES)
    report_save(report_year=year_2024, unit=renshe, acting_user=colleague, typed=seed_2024(), submit=True)

    response = unit_client.post(page(renshe), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert REFUSED_SUBMITTED in html
    assert listed(html) == LISTED
    assert "报告现在不能修改，您填写的内容没有保存。" in html
    assert inputs(html) == {}  # read-only: the stored figures, the typed ones only in the list
    report = current_report(year_2024, renshe)
    assert (report.status, decode(report.figures)["new.natural"], report.overview) == (Status.SUBMITTED, 12, "")


def test_a_save_refused_because_the_office_finalised_lists_it_too(
    unit_client, saved, staff, colleague, year_2024, renshe
):
    data = typed_on_page(saved, **CHANGES)
    report = report_save(
        report_year=year_2024, unit=renshe, acting_user=colleague, typed=seed_2024(), submit=True
    ).report
    report_finalise(report=report, acting_user=staff)

    html = unit_client.post(page(renshe), data | {"action": "submit"}).content.decode()

    assert REFUSED_FINALISED in html
    assert listed(html) == LISTED


def test_a_save_refused_because_the_report_was_returned_meanwhile_keeps_it_in_the_form(
    unit_client, saved, staff, colleague, year_2024, renshe
):
    data = typed_on_page(saved, new__natural="15", overview="新写的总体情况。")
    report_save(report_year=year_2024, unit=renshe, acting_user=colleague, typed=seed_2024(), submit=True)
    report_return(report=current_report(year_2024, renshe), reason="请核对表三。", acting_user=staff)

    response = unit_client.post(page(renshe), data)

    html = response.content.decode()
    when = current_report(year_2024, renshe).updated_at
    assert re.search(
        r"您打开页面后，这份报告已由王五于\d+月\d+日\d\d:\d\d修改（现为“退回”），您这次填写的内容未保存。", html
    )
    assert current_report(year_2024, renshe).updated_at == when  # nothing saved
    assert listed(html) == [
        ("一、本年新收政府信息公开申请数量“自然人”", "15", "12"),
        ("一、总体情况（开头）", "新写的总体情况。", "未填"),
    ]
    assert inputs(html)["new.natural"] == "15"
    assert textarea(html, "overview") == "新写的总体情况。"
    assert 'id="report-form" class="report-form" novalidate data-unsaved>' in html
    # The page now carries the report's state: saving again saves what was typed.
    seen = re.search(r'name="seen" value="([^"]+)"', html).group(1)
    assert seen == report_state(current_report(year_2024, renshe))
    assert unit_client.post(page(renshe), data | {"seen": seen}).status_code == 302
    report = current_report(year_2024, renshe)
    assert (decode(report.figures)["new.natural"], report.overview) == (15, "新写的总体情况。")


def test_a_save_refused_because_a_colleague_saved_meanwhile(unit_client, saved, colleague, year_2024, renshe):
    data = typed_on_page(saved, problems="一是公开内容不够全面。")
    report_save(report_year=year_2024, unit=renshe, acting_user=colleague, typed=seed_2024(), texts={"other": "无。"})

    html = unit_client.post(page(renshe), data).content.decode()

    assert "这份报告已由李四于" in html and "（现为“已保存未提交”）" in html
    assert listed(html) == [
        ("五、存在的主要问题及改进情况", "一是公开内容不够全面。", "未填"),
        ("六、其他需要报告的事项", "未填", "无。"),  # what the colleague wrote, which this save would have blanked
    ]
    assert textarea(html, "problems") == "一是公开内容不够全面。"
    assert current_report(year_2024, renshe).problems == ""


def test_a_page_posted_without_its_state_saves_as_before(unit_client, saved, renshe, year_2024):
    data = typed_on_page(saved, new__natural="15")
    del data["seen"]
    assert unit_client.post(page(renshe), data).status_code == 302
    assert decode(current_report(year_2024, renshe).figures)["new.natural"] == 15


def test_the_district_page_keeps_the_text_refused_the_same_way(client, staff, year_2024):
    other = UserFactory(username="staff2", display_name="赵六", role=User.Role.OFFICE_STAFF)
    district = report_save(report_year=year_2024, unit=None, acting_user=staff, texts={"title": "临淄区2024年报告"})
    report_save(
        report_year=year_2024, unit=None, acting_user=other, texts={"title": "临淄区2024年报告", "other": "无。"}
    )
    client.force_login(staff)
    data = {key: "" for key in TextsForm().fields} | {"title": "临淄区2024年报告", "overview": "全区总体情况。"}
    data["preface"] = district.report.preface
    data["seen"] = report_state(district.report)

    html = client.post(reverse("annual_reports:district", args=[2024]), data).content.decode()

    assert "这份报告已由赵六于" in html
    assert listed(html) == [
        ("一、总体情况（开头）", "全区总体情况。", "未填"),
        ("六、其他需要报告的事项", "未填", "无。"),
    ]
    assert textarea(html, "overview") == "全区总体情况。"


# --- buttons that leave the page -----------------------------------------------------------------


def upload_file():
    return SimpleUploadedFile("报告.xlsx", b"PK\x03\x04", content_type="application/octet-stream")


def test_upload_with_unsaved_edits_is_refused_keeping_every_field(unit_client, saved, renshe):
    data = typed_on_page(saved, new__natural="15", overview="新写的总体情况。") | {"action": "upload"}

    response = unit_client.post(
        reverse("annual_reports:upload", args=[2024, renshe.pk]), data | {"file": upload_file()}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "本页有2处填写的内容尚未保存（列在页面上方），未能上传文件。请先点“保存”（或刷新本页放弃这些修改），再操作。"
        in html
    )
    assert (inputs(html)["new.natural"], textarea(html, "overview")) == ("15", "新写的总体情况。")
    assert listed(html) == [
        ("一、本年新收政府信息公开申请数量“自然人”", "15", "12"),
        ("一、总体情况（开头）", "新写的总体情况。", "未填"),
    ]
    # The page's form still posts to the page, not to the upload.
    assert f'<form method="post" action="{page(renshe)}" id="report-form"' in html
    assert unit_client.session.get(staging.SESSION_KEY, {}) == {}  # the file was not taken


def test_upload_with_nothing_unsaved_goes_to_the_preview(unit_client, saved, renshe):
    data = typed_on_page(saved) | {"action": "upload"}
    response = unit_client.post(
        reverse("annual_reports:upload", args=[2024, renshe.pk]), data | {"file": upload_file()}
    )
    assert response.status_code == 302
    token = next(iter(unit_client.session[staging.SESSION_KEY]))
    assert response["Location"] == reverse("annual_reports:upload_preview", args=[2024, renshe.pk, token])


def test_the_register_switch_with_unsaved_edits_is_refused(unit_client, saved, renshe):
    response = unit_client.post(page(renshe), typed_on_page(saved, problems="无。") | {"action": "register"})
    html = response.content.decode()
    assert "未能更改表三、表四的数据来源" in html
    assert textarea(html, "problems") == "无。"

    response = unit_client.post(page(renshe), typed_on_page(saved) | {"action": "register"})
    assert response["Location"] == reverse("annual_reports:register_source", args=[2024, renshe.pk])


# --- the office's review -------------------------------------------------------------------------


@pytest.fixture
def submitted(saved, year_2024, renshe, colleague):
    return report_save(report_year=year_2024, unit=renshe, acting_user=colleague, typed=seed_2024(), submit=True).report


def review_url(name, unit):
    return reverse(f"annual_reports:{name}", args=[2024, unit.pk])


def test_a_refused_finalise_keeps_the_return_reason_typed(client, staff, submitted, renshe):
    AnnualReport.objects.filter(pk=submitted.pk).update(figures={**submitted.figures, "new.natural": 99})
    client.force_login(staff)

    html = client.post(review_url("finalise", renshe), {"reason": "请核对表三"}).content.decode()

    assert "有1处错误，不能提交" in html
    assert 'name="reason" required maxlength="1000" value="请核对表三"' in html


def test_a_return_refused_because_a_colleague_finalised_shows_the_reason(client, staff, submitted, renshe):
    report_finalise(report=submitted, acting_user=staff)
    client.force_login(staff)

    html = client.post(review_url("return", renshe), {"reason": "请核对表三"}).content.decode()

    assert "报告当前状态为“已定稿”，不能退回。" in html
    assert "退回原因：<span data-typed>请核对表三</span>" in html


def test_a_refused_correction_keeps_the_note(client, staff, submitted, renshe):
    finalised = report_finalise(report=submitted, acting_user=staff)
    report_correct(report=finalised, note="更正表三", acting_user=staff)
    client.force_login(staff)

    html = client.post(review_url("correct", renshe), {"note": "表二数字有误"}).content.decode()

    assert "只能更正最新一版已定稿的报告。" in html
    assert "更正原因：<span data-typed>表二数字有误</span>" in html


def test_a_refused_save_of_a_report_from_the_register_keeps_the_register_cells(unit_client, saved, renshe, year_2024):
    application = application_record(
        unit=renshe, received_on=datetime.date(2024, 3, 8), channel="online", applicant_type="natural", content="批复"
    )
    answer_record(application=application, answered_on=datetime.date(2024, 3, 20), outcome="granted", acting_user=None)
    report = report_requests_source(report_year=year_2024, unit=renshe, source="register", acting_user=None)
    on_page = typed_on_page(report, normative__in_force="九").items()
    data = {k: v for k, v in on_page if k.removeprefix(INPUT_PREFIX) not in register_keys()}  # 三, 四 are locked

    html = unit_client.post(page(renshe), data).content.decode()

    assert "有填写错误，未保存。" in html
    assert inputs(html)["normative.in_force"] == "九"
    assert re.search(r'<td class="num" data-cell="new.natural"><a href="[^"]+">1</a></td>', html)


def test_refused_deadlines_come_back_as_typed(client, staff, year_2024):
    client.force_login(staff)
    url = reverse("annual_reports:year_deadlines", args=[2024])

    response = client.post(url, {"unit_deadline": "2025-02-10", "district_deadline": "2025-02-01"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "截止日期未修改：全区报告发布截止日期不能早于各单位报送截止日期。" in html
    assert re.findall(r'name="(\w+_deadline)" value="([\d-]+)"', html) == [
        ("unit_deadline", "2025-02-10"),
        ("district_deadline", "2025-02-01"),
    ]
    year_2024.refresh_from_db()
    assert year_2024.unit_deadline == datetime.date(2025, 1, 31)
    response = client.post(url, {"unit_deadline": "2025-02-10", "district_deadline": "2025-03-31"})
    assert response["Location"] == reverse("annual_reports:year", args=[2024])
