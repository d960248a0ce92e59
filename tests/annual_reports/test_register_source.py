"""由登记簿生成: a unit that keeps the 依申请公开 register fills tables 三 and 四 from it — after a
difference view against what it typed; the cells are then locked and link to the applications
behind them, the 依申请公开 sentences come from the same figures, and what is submitted stays."""

import datetime
import re

import pytest
from django.urls import reverse

from annual_reports.grid import INPUT_PREFIX
from annual_reports.layout import decode, typed_keys
from annual_reports.models import AnnualReport
from annual_reports.selectors import current_report, report_values
from annual_reports.services import report_save
from applications.services import answer_record, application_record

from .seed import seed_2024

pytestmark = pytest.mark.django_db
D = datetime.date
GENERATED = (
    "2024年共收到政府信息公开申请11件。作出政府信息公开申请答复13件（含上年结转2件），"
    # 5/13 = 38.46%, 6/13 = 46.15%, the last category the rest: 100 − 38.46 − 46.15 = 15.39%.
    "其中予以公开5件，占38.46%，部分公开6件，占46.15%，不予公开0件，占0%，无法提供2件，占15.39%；"
    "结转下年度继续办理0件。未因政府信息公开被申请行政复议、提起行政诉讼。"
)


def log(unit, received, answered=None, outcome=None):
    application = application_record(
        unit=unit, received_on=received, channel="online", applicant_type="natural", content="某项目批复"
    )
    if answered:
        answer_record(application=application, answered_on=answered, outcome=outcome, acting_user=None)


@pytest.fixture
def register(renshe):
    """Seed 002's year but one application fewer: 11 received, 2 carried; 5 予以公开, 6 部分公开, 2 无法提供."""
    for day in (11, 20):
        log(renshe, D(2023, 12, day), D(2024, 1, 9), "granted")
    for index, outcome in enumerate(["granted"] * 3 + ["partly"] * 6 + ["unable_1"] * 2):
        log(renshe, D(2024, index + 1, 8), D(2024, index + 1, 20), outcome)
    return renshe


@pytest.fixture
def typed(year_2024, renshe):
    return report_save(report_year=year_2024, unit=renshe, acting_user=None, typed=seed_2024()).report


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


def source_url(unit):
    return reverse("annual_reports:register_source", args=[2024, unit.pk])


def test_the_difference_view_then_the_switch(unit_client, register, typed, year_2024):
    html = unit_client.get(source_url(register)).content.decode()
    rows = re.findall(r"<tr><td>(.+?)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td></tr>", html)
    assert rows == [
        ("一、本年新收政府信息公开申请数量“自然人”", "12", "11"),
        ("一、本年新收政府信息公开申请数量“总计”", "12", "11"),
        ("（四）无法提供：1.本机关不掌握相关政府信息“自然人”", "3", "2"),
        ("（四）无法提供：1.本机关不掌握相关政府信息“总计”", "3", "2"),
        ("（七）总计“自然人”", "14", "13"),
        ("（七）总计“总计”", "14", "13"),
    ]
    response = unit_client.post(source_url(register), {"source": "register"})
    assert response["Location"] == reverse("annual_reports:report", args=[2024, register.pk])
    report = current_report(year_2024, register)
    figures = decode(report.figures)
    assert (report.requests_source, figures["new.natural"], figures["unable_1.natural"]) == ("register", 11, 2)
    assert figures["normative.in_force"] == 9  # 二 stays as typed
    assert report.history.latest("history_id").history_change_reason == "表三、表四改为由登记簿生成"


def test_the_locked_tables_link_to_the_register_and_the_text_agrees(unit_client, register, typed, year_2024):
    unit_client.post(source_url(register), {"source": "register"})
    response = unit_client.get(reverse("annual_reports:report", args=[2024, register.pk]))
    html = response.content.decode()
    assert f'name="{INPUT_PREFIX}new.natural"' not in html and f'name="{INPUT_PREFIX}cases.review_upheld"' not in html
    assert f'name="{INPUT_PREFIX}normative.issued"' in html
    register_url = reverse("applications:register", args=[register.pk])
    assert (
        f'<td class="num" data-cell="new.natural"><a href="{register_url}?year=2024&amp;cell=new.natural">11</a></td>'
        in html
    )
    assert response.context["generated"] == GENERATED
    assert not response.context["errors"]
    # A late entry in the register shows at once, and is stored with the next save.
    log(register, D(2024, 12, 30))
    response = unit_client.get(reverse("annual_reports:report", args=[2024, register.pk]))
    assert response.context["grids"] and 'cell=pending.natural">1</a>' in response.content.decode()
    data = {f"{INPUT_PREFIX}{key}": str(value) for key, value in seed_2024().items()}
    data.update({"title": typed.title, "action": "submit", f"{INPUT_PREFIX}new.natural": "99"})  # locked: ignored
    assert unit_client.post(reverse("annual_reports:report", args=[2024, register.pk]), data).status_code == 302
    report = current_report(year_2024, register)
    assert report.status == AnnualReport.Status.SUBMITTED
    assert (decode(report.figures)["new.natural"], decode(report.figures)["pending.natural"]) == (12, 1)
    # Submitted, the report keeps its figures whatever the register does next.
    log(register, D(2024, 12, 31))
    assert report_values(current_report(year_2024, register))["new.total"] == 12


def test_back_to_typing(unit_client, register, typed, year_2024):
    unit_client.post(source_url(register), {"source": "register"})
    unit_client.post(source_url(register), {"source": "typed"})
    report = current_report(year_2024, register)
    assert report.requests_source == "typed" and decode(report.figures)["new.natural"] == 11
    html = unit_client.get(reverse("annual_reports:report", args=[2024, register.pk])).content.decode()
    assert f'name="{INPUT_PREFIX}new.natural" value="11"' in html


def test_a_unit_without_a_register_keeps_typing(unit_client, renshe, typed, year_2024):
    assert "只能手工填写" in unit_client.get(source_url(renshe)).content.decode()
    response = unit_client.post(source_url(renshe), {"source": "register"}, follow=True)
    assert "本单位还没有在依申请公开登记簿中登记申请，不能由登记簿生成。" in response.content.decode()
    assert current_report(year_2024, renshe).requests_source == "typed"
    assert len(decode(current_report(year_2024, renshe).figures)) == len(typed_keys())


def test_a_word_report_imported_over_a_register_report_keeps_the_registers_tables(
    unit_client, register, typed, year_2024, tmp_path
):
    import io

    from django.core.management import call_command

    from .word_docs import Style, build_report

    unit_client.post(source_url(register), {"source": "register"})
    values = seed_2024()
    values["normative.in_force"] = 10
    path = tmp_path / "report.docx"
    path.write_bytes(build_report(values, {"other": "无。"}, Style()))
    out = io.StringIO()
    call_command("import_annual_report", str(path), "--year", "2024", "--unit", "区人社局", stdout=out)
    assert "提示：本报告的表三、表四由依申请公开登记簿生成，文件中这两个表的数字未导入。" in out.getvalue()
    figures = decode(current_report(year_2024, register).figures)
    assert (figures["new.natural"], figures["unable_1.natural"], figures["normative.in_force"]) == (11, 2, 10)
    assert current_report(year_2024, register).other == "无。"


def test_figures_typed_only_in_table_two_are_no_differences(unit_client, register, year_2024):
    """Figures typed in 二 alone listed all 190 cells of 三 and 四 as “未填” differences."""
    report_save(report_year=year_2024, unit=register, acting_user=None, typed={"normative.in_force": "9"})

    html = unit_client.get(source_url(register)).content.decode()

    assert "表三、表四还没有填写，将按登记簿填入。" in html
    assert "未填" not in html
