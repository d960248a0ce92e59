"""A unit keeps its 依申请公开 register in Chromium: it logs an application, asks for a correction,
records the corrected application, extends the deadline, answers, drafts the reply letter and
downloads it, then switches its annual report's tables 三 and 四 to 由登记簿生成."""

import datetime

import pytest
from docx import Document

from annual_reports.models import AnnualReport
from annual_reports.services import report_year_open
from applications.models import Application, ReplyLetter
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
D = datetime.date


def step(page, key: str, fields: dict[str, str], button: str):
    form = page.locator(f"#step-{key}")
    for label, value in fields.items():
        form.get_by_label(label).fill(value)
    form.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_a_unit_handles_an_application_and_reports_it(page, shot, tmp_path):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    report_year_open(year=2024, acting_user=staff)
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("renshe")
    page.get_by_label("密码").fill("unit-pass-2025")
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="依申请公开").click()
    page.get_by_role("link", name="登记新申请").click()

    # Logged on Fri 13 Sep 2024 → due Thu 17 Oct 2024.
    page.get_by_label("收到申请日期").fill("2024-09-13")
    page.get_by_label("提交方式").select_option(label="邮寄")
    page.get_by_label("申请人类型").select_option(label="自然人")
    page.get_by_label("申请人姓名或名称").fill("张三")
    page.get_by_label("申请人联系方式").fill("13812345678")
    page.get_by_label("申请内容").fill("2023年度城乡居民养老保险基金收支情况")
    page.get_by_role("button", name="保存").click()
    page.wait_for_load_state()
    assert "已登记。答复期限为2024年10月17日。" in page.locator(".messages").inner_text()

    step(page, "correction-request", {"告知补正日期": "2024-09-18"}, "告知补正")
    assert "收到补正前答复期限暂停" in page.locator(".messages").inner_text()
    # Corrected Mon 23 Sep: due Thu 24 Oct (see tests/applications/test_workflow.py).
    step(page, "correction-receive", {"收到补正日期": "2024-09-23"}, "收到补正")
    assert "答复期限为2024年10月24日。" in page.locator(".messages").inner_text()
    # Extended by 20 working days: 25(21) … → Thu 21 Nov.
    step(
        page,
        "extend",
        {"批准人（政府信息公开工作机构负责人）": "王主任", "告知申请人日期": "2024-10-18"},
        "延长答复期限",
    )
    assert "答复期限为2024年11月21日。" in page.locator(".messages").inner_text()
    events = page.locator("ol.events").inner_text()
    for text in ("收到申请", "告知补正", "收到补正", "经王主任同意延长答复期限20个工作日"):
        assert text in events
    shot(page, "21-依申请公开-办理")

    form = page.locator("#step-answer")
    form.get_by_label("答复日期").fill("2024-11-15")
    form.get_by_label("处理结果").select_option(label="予以公开")
    form.get_by_role("button", name="答复").click()
    page.wait_for_load_state()
    application = Application.objects.get()
    assert (application.status, application.outcome, application.due_on) == ("answered", "granted", D(2024, 11, 21))

    page.get_by_role("link", name="告知书").first.click()
    page.get_by_role("button", name="按处理结果生成告知书").click()
    page.wait_for_load_state()
    body = page.get_by_label("正文")
    assert "第三十六条第（二）项" in body.input_value()
    body.fill(
        body.input_value().replace("（或：请于＿＿通过＿＿获取）", "").split("如该信息已经主动公开")[0]
        + "\n如对本答复不服，可以依法申请行政复议或者提起行政诉讼。\n特此告知。"
    )
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert "告知书已保存。" in page.locator(".messages").inner_text()
    with page.expect_download() as word:
        page.get_by_role("link", name="下载Word").click()
    path = tmp_path / "告知书.docx"
    word.value.save_as(path)
    assert "张三：" in [p.text for p in Document(path).paragraphs]
    with page.expect_download(timeout=90_000) as pdf:  # laid out in the background, then handed out
        page.get_by_role("link", name="下载PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    pdf.value.save_as(tmp_path / "告知书.pdf")
    assert (tmp_path / "告知书.pdf").read_bytes().startswith(b"%PDF")
    assert "特此告知。" in ReplyLetter.objects.get().body
    shot(page, "22-依申请公开-告知书")

    page.goto(f"/annual/2024/units/{unit.pk}/")
    page.get_by_role("button", name="由登记簿生成", exact=True).click()
    assert "表三、表四还没有填写，将按登记簿填入。" in page.locator("main").inner_text()
    page.get_by_role("button", name="改为由登记簿生成").click()
    page.wait_for_load_state()
    assert "表三、表四已改为由登记簿生成。" in page.locator(".messages").inner_text()
    cell = page.locator('td[data-cell="new.natural"] a')
    assert cell.inner_text() == "1"
    assert page.locator('output[data-cell="answered.total"]').inner_text() == "1"
    assert page.locator('input[name="cell:new.natural"]').count() == 0
    shot(page, "23-年度报告-由登记簿生成")
    assert script_errors == []  # the live check read the locked cells with a function since renamed
    report = AnnualReport.objects.get(unit=unit)
    assert report.requests_source == "register" and report.figures["granted.natural"] == 1
    cell.click()
    page.wait_for_load_state()
    assert "2024年表三 一、本年新收政府信息公开申请数量“自然人”：共1件。" in page.locator("main").inner_text()
