"""The other pages with more than one form, in Chromium, each field checked after each button: a
button of one form asks before what is typed in another is lost (取消 keeps it); a page that is one
form (the finding's review, the crawl's proposal) brings everything typed back after a refusal."""

import datetime
import re
from decimal import Decimal

import pytest

from applications.services import application_record
from inspections.models import Finding
from inspections.services import finding_record, inspection_round_create, rectification_submit
from monitoring.models import FindingProposal
from scoring.models import AnnualAdjustment
from scoring.services import annual_adjustment_add
from tests.e2e.test_annual_typed_text_kept import Dialogs
from tests.e2e.test_typed_text_kept import form_fields
from tests.e2e.test_workflow import login
from tests.workplans.helpers import make_plan, make_task
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv
from workplans.models import TaskParty

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
D = datetime.date
OTHER_FORM = re.compile(r"^本页还有填写了但尚未保存的内容：(.+)。继续操作将丢失这些内容。")


def asked_about(dialogs) -> str:
    """The fields named by the last question before another form's content is lost."""
    kind, message = dialogs.last()
    assert kind == "confirm", dialogs.seen
    match = OTHER_FORM.match(message)
    assert match, message
    return match.group(1)


@pytest.fixture
def staff(db):
    return account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)


def test_the_finding_review_keeps_the_note_and_the_reason(page, staff):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    renshe = account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    inspection = inspection_round_create(name="2024年四季度检查", year=2024, quarter=4, inspected_on=D(2025, 1, 6))
    finding = finding_record(
        inspection=inspection, unit=unit, description="政策文件栏目未更新", category=Finding.Category.COLUMN_NOT_UPDATED
    )
    rectification_submit(finding=finding, acting_user=renshe, text="已更新")
    login(page, "staff", "staff-pass-2025")
    page.goto(f"/inspections/findings/{finding.pk}/")
    dialogs = Dialogs(page)
    form = "form.review-actions"

    page.get_by_label("验收意见").fill("材料齐全")
    page.get_by_label("退回原因").fill("截图不清晰")
    typed = {"note": "材料齐全", "reason": "截图不清晰"}
    assert form_fields(page, form) == typed
    # 验收通过 with a reason typed asks first; 取消 keeps both.
    dialogs.answers.append(False)
    page.get_by_role("button", name="验收通过").click()
    assert dialogs.last() == ("confirm", "已填写退回原因。验收通过后不再退回，填写的原因不会保存。确定验收通过吗？")
    assert form_fields(page, form) == typed
    # 退回整改 with only spaces as the reason: refused, both come back.
    page.get_by_label("退回原因").fill("  ")
    typed["reason"] = "  "
    page.get_by_role("button", name="退回整改").click()
    page.wait_for_selector("text=退回时必须填写退回原因。")
    assert form_fields(page, form) == typed
    page.get_by_label("退回原因").fill("截图不清晰")
    page.get_by_role("button", name="退回整改").click()
    page.wait_for_selector("text=已退回区人社局的整改情况。")
    finding.refresh_from_db()
    assert (finding.status, finding.transitions.last().note) == (Finding.Status.PENDING, "截图不清晰")


def test_the_crawl_proposal_keeps_both_decisions_typed(page, staff):
    unit = Unit.objects.create(name="区发改局", category=Unit.Category.DEPARTMENT)
    inspection = inspection_round_create(name="2024年二季度检查", year=2024, quarter=2, inspected_on=D(2024, 7, 1))
    proposal = FindingProposal.objects.create(
        unit=unit,
        column_name="部门职责任务清单",
        requirement="每年",
        latest=D(2023, 3, 2),
        description="部门职责任务清单栏目最近更新为2023年3月2日，已超过一年未更新",
        evidence_url="https://www.linzi.gov.cn/fgj/zrqd/",
    )
    login(page, "staff", "staff-pass-2025")
    page.goto(f"/monitoring/proposals/{proposal.pk}/")
    dialogs = Dialogs(page)
    form = "main form[method=post]"
    typed = form_fields(page, form)

    page.get_by_label("问题描述").fill("部门职责任务清单栏目超过一年未更新")
    page.get_by_label("或按工作日数").fill("5")
    page.get_by_label("忽略理由").fill("栏目已迁移")
    typed |= {"description": "部门职责任务清单栏目超过一年未更新", "working_days": "5", "reason": "栏目已迁移"}
    # 确认 without an inspection: refused, everything typed for both comes back.
    page.get_by_role("button", name="确认并记录问题").click()
    page.wait_for_selector("text=这个字段是必填项。")
    assert form_fields(page, form) == typed
    # 忽略 without a reason: refused, likewise.
    page.get_by_label("忽略理由").fill("")
    typed["reason"] = ""
    page.get_by_role("button", name="忽略此建议").click()
    page.wait_for_selector("text=请填写忽略的理由。")
    assert form_fields(page, form) == typed
    assert dialogs.seen == []
    page.get_by_label("检查批次").select_option(label="2024年二季度检查")
    page.get_by_role("button", name="确认并记录问题").click()
    page.wait_for_selector("text=已记为检查问题")
    assert Finding.objects.get(inspection=inspection).description.startswith("部门职责任务清单栏目超过一年未更新")


def test_the_assessment_page_asks_before_the_new_adjustment_typed_is_lost(page, staff):
    units_sync_from_csv()
    renshe, shangwu = Unit.objects.get(name="区人社局"), Unit.objects.get(name="区商务局")
    annual_adjustment_add(unit=renshe, year=2024, points=Decimal("-1"), reason="拒不整改", acting_user=staff)
    login(page, "staff", "staff-pass-2025")
    page.goto("/annual/2024/assessment/")
    dialogs = Dialogs(page)
    form = "form.form-row"

    page.get_by_label("单位").select_option(label="区商务局")
    page.get_by_label("调整分值").fill("-2")
    page.get_by_label("原因").fill("被市政府办公室通报")
    typed = form_fields(page, form)
    assert (typed["unit"], typed["points"], typed["reason"]) == (str(shangwu.pk), "-2", "被市政府办公室通报")
    dialogs.answers.append(False)
    page.get_by_role("button", name="撤销").click()
    assert asked_about(dialogs) == "“单位”、“调整分值”、“原因”"
    assert form_fields(page, form) == typed
    assert AnnualAdjustment.objects.count() == 1
    # 记入 with points too large: refused, the page comes back as typed.
    page.get_by_label("调整分值").fill("-20000")
    typed["points"] = "-20000"
    page.get_by_role("button", name="记入").click()
    page.wait_for_load_state()
    assert page.locator(f"{form} .errorlist").inner_text() == "确认小数点前不超过 4 位。"
    assert form_fields(page, form) == typed
    assert AnnualAdjustment.objects.count() == 1


def test_the_task_page_asks_before_the_units_ticked_for_another_party_are_lost(page, staff):
    units_sync_from_csv()
    plan = make_plan(2024)
    make_task(plan, 1, [], party="有关职能部门")
    task = plan.tasks.get()
    TaskParty.objects.create(task=task, name="行政规范性文件起草部门", role=TaskParty.objects.get().role)
    first, second = TaskParty.objects.order_by("pk")
    login(page, "staff", "staff-pass-2025")
    page.goto(f"/workplans/tasks/{task.pk}/")
    dialogs = Dialogs(page)
    blocks = page.locator("form.task-block")

    blocks.nth(0).get_by_label("区人社局").check()
    blocks.nth(1).get_by_label("区商务局").check()
    typed = [form_fields(page, f"form.task-block >> nth={i}") for i in (0, 1)]
    dialogs.answers.append(False)
    blocks.nth(1).get_by_role("button", name="保存指定").click()
    assert asked_about(dialogs) == "“区人社局”"
    assert [form_fields(page, f"form.task-block >> nth={i}") for i in (0, 1)] == typed
    assert not first.assigned.exists() and not second.assigned.exists()


def test_the_application_page_asks_before_another_steps_typing_is_lost(page, staff):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    application = application_record(
        unit=unit, received_on=D(2024, 10, 8), channel="online", applicant_type="natural", content="某项目批复"
    )
    login(page, "renshe", "unit-pass-2025")
    page.goto(f"/applications/{application.pk}/")
    dialogs = Dialogs(page)

    answer = page.locator("#step-answer")
    answer.get_by_label("答复日期").fill("2024-10-20")
    answer.get_by_label("处理结果").select_option(label="予以公开")
    typed = form_fields(page, "#step-answer")
    extend = page.locator("#step-extend")
    dialogs.answers.append(False)
    extend.get_by_role("button").click()
    assert asked_about(dialogs).startswith("“答复日期”、“处理结果”")
    assert form_fields(page, "#step-answer") == typed
    answer.get_by_role("button", name="答复").click()
    page.wait_for_load_state()
    application.refresh_from_db()
    assert (application.answered_on, application.outcome) == (D(2024, 10, 20), "granted")

    # The reply letter: 重新生成 asks before the text being edited is lost.
    page.goto(f"/applications/{application.pk}/letter/")
    page.get_by_role("button", name="按处理结果生成告知书").click()
    page.wait_for_load_state()
    body = page.get_by_label("正文")
    body.fill(body.input_value() + "\n特此告知。")
    typed = form_fields(page, "main form:has(textarea)")
    dialogs.answers.append(False)
    page.get_by_role("button", name="按处理结果重新生成").click()
    assert asked_about(dialogs) == "“正文”"
    assert form_fields(page, "main form:has(textarea)") == typed
