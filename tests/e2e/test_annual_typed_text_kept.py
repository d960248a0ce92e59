"""The annual report page keeps everything typed, in Chromium: every button on it (上传并预览, 由登记簿生成,
用这段文字替换上框内容, 保存, 保存并提交, 定稿, 退回, 生成更正版本) and leaving it by a link, each followed by
a check of every field; a save refused because a colleague submitted, returned or saved the report
meanwhile shows what was typed beside the stored report."""

import datetime
import re

import pytest

from annual_reports.models import AnnualReport
from annual_reports.services import (
    report_correct,
    report_return,
    report_save,
    report_year_open,
)
from applications.services import application_record
from tests.annual_reports.seed import seed_2024
from tests.e2e.test_typed_text_kept import form_fields
from tests.e2e.test_workflow import login
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
Status = AnnualReport.Status
TITLE = "临淄区人社局2024年政府信息公开工作年度报告"
FORM = "#report-form"


class Dialogs:
    """Every dialog the page opens, answered as queued (a confirm: True to go on); an alert is
    acknowledged, leaving the page with unsaved edits is refused (the page stays)."""

    def __init__(self, page):
        self.seen: list[tuple[str, str]] = []
        self.answers: list[bool] = []
        page.on("dialog", self._answer)

    def _answer(self, dialog):
        self.seen.append((dialog.type, dialog.message))
        refused = dialog.type == "confirm" and not (self.answers.pop(0) if self.answers else True)
        if dialog.type == "beforeunload" or refused:
            dialog.dismiss()
        else:
            dialog.accept()

    def last(self) -> tuple[str, str]:
        return self.seen[-1]


def cell(key: str) -> str:
    return f"cell:{key}"


def card(page) -> list[tuple[str, str, str]]:
    """The rows of 您填写的内容（未保存）: item, typed, stored now."""
    rows = page.locator("tr[data-unsaved-field]")
    return [tuple(rows.nth(i).locator("th, td").all_inner_texts()) for i in range(rows.count())]


@pytest.fixture
def world(db):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    renshe = account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    colleague = account_create(username="renshe2", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    colleague.display_name = "李四"
    colleague.save()
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    other_staff = account_create(username="staff2", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    report_year = report_year_open(year=2024, acting_user=staff)
    report_save(report_year=report_year, unit=unit, acting_user=None, typed=seed_2024(), texts={"title": TITLE})
    application_record(  # the unit keeps the 依申请公开 register: 由登记簿生成 is offered
        unit=unit, received_on=datetime.date(2024, 3, 8), channel="online", applicant_type="natural", content="批复"
    )
    return {
        "unit": unit,
        "year": report_year,
        "renshe": renshe,
        "colleague": colleague,
        "staff": staff,
        "other_staff": other_staff,
    }


def test_the_unit_page_keeps_every_field_through_every_button(page, world, tmp_path, shot):
    unit, report_year, colleague = world["unit"], world["year"], world["colleague"]
    login(page, "renshe", "unit-pass-2025")
    url = f"/annual/2024/units/{unit.pk}/"
    page.goto(url)
    dialogs = Dialogs(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    stored = form_fields(page, FORM)
    assert (stored[cell("new.natural")], stored["title"], stored["overview"]) == ("12", TITLE, "")

    changes = {
        cell("new.natural"): "15",
        cell("normative.in_force"): "10",
        "overview": "本单位认真贯彻落实《条例》。\n全年主动公开政府信息300条。",
        "overview_requests": "全年收到申请15件。",
        "problems": "一是公开内容不够全面。",
    }
    for name, value in changes.items():
        page.locator(f'[name="{name}"]').fill(value)
    typed = stored | changes
    assert form_fields(page, FORM) == typed

    # 上传并预览 while the page holds unsaved edits: not sent, everything stays.
    upload = tmp_path / "报告.xlsx"
    upload.write_bytes(b"PK\x03\x04 not really a workbook")
    page.locator('input[name="file"]').set_input_files(upload)
    page.get_by_role("button", name="上传并预览").click()
    assert dialogs.last() == ("alert", "本页有填写的内容尚未保存。请先点“保存”，再上传文件。")
    assert page.url.endswith(url)
    assert form_fields(page, FORM) == typed

    # 由登记簿生成 likewise.
    page.get_by_role("button", name="由登记簿生成", exact=True).click()
    assert dialogs.last() == ("alert", "本页有填写的内容尚未保存。请先点“保存”，再更改表三、表四的数据来源。")
    assert form_fields(page, FORM) == typed

    # 用这段文字替换上框内容 over text typed in the box: asked first; 取消 keeps it, 确定 replaces only that box.
    fill = page.get_by_role("button", name="用这段文字替换上框内容")
    dialogs.answers.append(False)
    fill.click()
    assert dialogs.last()[0] == "confirm" and "框中已填写的文字将被生成的文字代替" in dialogs.last()[1]
    assert form_fields(page, FORM) == typed
    fill.click()
    generated = page.locator("[data-generated]").inner_text().strip()
    assert generated.startswith("2024年共收到政府信息公开申请12件")  # (from the figures saved)
    typed["overview_requests"] = generated
    assert form_fields(page, FORM) == typed

    # Leaving by a link: the browser asks; staying keeps everything.
    page.get_by_role("link", name="下载PDF").click()
    assert dialogs.last()[0] == "beforeunload"
    assert form_fields(page, FORM) == typed

    # 保存 with a figure that is not a number: refused by the server, the page comes back as typed.
    page.locator(f'[name="{cell("fees.amount")}"]').fill("abc")
    typed[cell("fees.amount")] = "abc"
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_selector("text=有填写错误，未保存。")
    assert form_fields(page, FORM) == typed
    # The page knows what it shows is not saved: leaving still asks.
    page.get_by_role("link", name="下载PDF").click()
    assert dialogs.last()[0] == "beforeunload"
    assert form_fields(page, FORM) == typed

    # A colleague submits meanwhile: 保存 is refused, everything typed is listed beside the report.
    report_save(report_year=report_year, unit=unit, acting_user=colleague, typed=seed_2024(), submit=True)
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_selector("text=报告已提交，不能修改。")
    assert card(page) == [
        ("行政规范性文件“现行有效件数”", "10", "9"),
        ("行政事业性收费“本年收费金额（单位：万元）”", "abc", "0"),
        ("一、本年新收政府信息公开申请数量“自然人”", "15", "12"),
        ("一、总体情况（开头）", changes["overview"], "未填"),
        ("（二）依申请公开", generated, "未填"),
        ("五、存在的主要问题及改进情况", changes["problems"], "未填"),
    ]
    assert page.locator(f"{FORM} input[data-cell]").count() == 0  # read-only now
    shot(page, "24-年度报告-保存被拒绝时填写的内容")

    # The office returns it; the clerk types again while a colleague saves: 保存并提交 is refused,
    # what was typed stays in the form and the colleague's text is listed beside it.
    report_return(report=AnnualReport.objects.get(unit=unit), reason="请核对。", acting_user=world["staff"])
    page.goto(url)
    stored = form_fields(page, FORM)
    changes = {cell("carried.natural"): "3", "other": "", "problems": "一是公开内容不够全面。"}
    for name, value in changes.items():
        page.locator(f'[name="{name}"]').fill(value)
    typed = stored | changes
    report_save(report_year=report_year, unit=unit, acting_user=colleague, typed=seed_2024(), texts={"other": "无。"})
    page.get_by_role("button", name="保存并提交").click()
    page.wait_for_selector("text=您这次填写的内容未保存。")
    shot(page, "25-年度报告-他人已修改")
    assert re.search(r"这份报告已由李四于\d+月\d+日\d\d:\d\d修改（现为“退回”）", page.locator(".messages").inner_text())
    assert form_fields(page, FORM) == typed
    assert card(page) == [
        ("二、上年结转政府信息公开申请数量“自然人”", "3", "2"),
        ("五、存在的主要问题及改进情况", "一是公开内容不够全面。", "未填"),
        ("六、其他需要报告的事项", "未填", "无。"),
    ]
    page.locator('[name="other"]').fill("无。")
    typed["other"] = "无。"
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_selector("text=已保存。")
    assert form_fields(page, FORM) == typed
    report = AnnualReport.objects.get(unit=unit)
    assert (report.figures["carried.natural"], report.problems, report.other) == (3, "一是公开内容不够全面。", "无。")

    # Nothing unsaved: 上传并预览 goes to the preview, 放弃此文件 comes back to the page as saved.
    page.locator('input[name="file"]').set_input_files(upload)
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_url("**/upload/*/")
    page.get_by_role("button", name="放弃此文件").click()
    page.wait_for_url(f"**{url}")
    assert form_fields(page, FORM) == typed
    # 由登记簿生成 opens the difference view; 返回报告 comes back to the page as saved.
    page.get_by_role("button", name="由登记簿生成", exact=True).click()
    page.wait_for_url("**/register/")
    page.get_by_role("link", name="返回报告").click()
    page.wait_for_url(f"**{url}")
    assert form_fields(page, FORM) == typed
    assert errors == []  # (the grid's scripts ran without fault all the way)


def review_fields(page) -> dict[str, str]:
    return {
        name: page.locator(f'input[name="{name}"]').input_value()
        for name in ("reason", "note")
        if page.locator(f'input[name="{name}"]').count()
    }


def test_the_office_review_keeps_the_reason_through_every_button(page, world):
    unit, report_year = world["unit"], world["year"]
    report = report_save(
        report_year=report_year, unit=unit, acting_user=world["colleague"], typed=seed_2024(), submit=True
    ).report
    login(page, "staff", "staff-pass-2025")
    url = f"/annual/2024/units/{unit.pk}/"
    page.goto(url)
    dialogs = Dialogs(page)

    # 定稿 with a return reason typed asks first; 取消 keeps the reason.
    page.get_by_label("退回原因").fill("请核对表三。")
    dialogs.answers.append(False)
    page.get_by_role("button", name="定稿").click()
    assert dialogs.last() == ("confirm", "已填写退回原因。定稿后报告冻结，不再退回，填写的原因不会保存。确定定稿吗？")
    assert review_fields(page) == {"reason": "请核对表三。"}
    assert AnnualReport.objects.get(pk=report.pk).status == Status.SUBMITTED

    # Another staff member returns it meanwhile: 退回 is refused, the reason typed is shown.
    report_return(report=report, reason="表三有误。", acting_user=world["other_staff"])
    page.get_by_role("button", name="退回").click()
    page.wait_for_selector("text=报告当前状态为“退回”，不能退回。")
    assert page.locator(".unsaved [data-typed]").inner_text() == "请核对表三。"

    # Submitted again: a refused 定稿 (the figures no longer agree) keeps the reason in its box.
    report = report_save(
        report_year=report_year, unit=unit, acting_user=world["colleague"], typed=seed_2024(), submit=True
    ).report
    page.goto(url)
    page.get_by_label("退回原因").fill("请核对表三。")
    AnnualReport.objects.filter(pk=report.pk).update(figures={**report.figures, "new.natural": 99})
    page.get_by_role("button", name="定稿").click()  # asked, and confirmed
    page.wait_for_selector("text=不能提交")
    assert review_fields(page) == {"reason": "请核对表三。"}
    AnnualReport.objects.filter(pk=report.pk).update(figures=report.figures)
    page.get_by_label("退回原因").fill("")
    page.get_by_role("button", name="定稿").click()
    page.wait_for_selector("text=已定稿")
    assert review_fields(page) == {"note": ""}

    # A colleague starts the correction meanwhile: 生成更正版本 is refused, the note typed is shown.
    page.get_by_label("更正原因").fill("表二数字有误。")
    report_correct(report=AnnualReport.objects.get(pk=report.pk), note="更正表三。", acting_user=world["other_staff"])
    page.get_by_role("button", name=re.compile("生成更正版本")).click()
    page.wait_for_selector("text=只能更正最新一版已定稿的报告。")
    assert page.locator(".unsaved [data-typed]").inner_text() == "表二数字有误。"
    assert AnnualReport.objects.filter(unit=unit).count() == 2
