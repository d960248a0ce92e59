"""Every form with more than one submit button, or whose buttons reload the page, keeps every field
typed in it: a Chromium walk through each such form, checking every field after each button.

The forms (found by looking for several submit buttons or several forms on one page in
``templates/``; the project has no htmx partial reloads):
- the ledger page (工作举措 per task: 添加 on any task, 删除, 修改, 报送台账, Enter);
- the notice page (draft with 保存草稿, 更正说明 with 印发);
- the article form (保存 / 保存并继续登记) and the finding form (保存 / 保存并继续记录): what was typed
  is saved, the next form starts from the same unit, date or inspection.
"""

import datetime

import pytest

from inspections.models import Finding
from inspections.services import inspection_round_create
from reports.models import IssuedNotice
from reports.services import notice_issue
from submissions.models import Article
from tests.e2e.test_workflow import login
from tests.factories import NoticeFactory
from tests.workplans.helpers import make_plan, make_task
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv
from workplans.models import Ledger, LedgerRow

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIELDS = ("measure", "time_limit", "leader", "office")


def ledger_values(page, tasks) -> dict[int, list[str]]:
    return {
        task.number: [page.locator(f'[name="t{task.pk}-{name}"]').input_value() for name in FIELDS] for task in tasks
    }


def test_the_ledger_page_keeps_every_task_typed_through_every_button(page):
    units_sync_from_csv()
    renshe = Unit.objects.get(name="区人社局")
    plan = make_plan(2024)
    tasks = [make_task(plan, n, [renshe]) for n in (1, 2, 3)]
    account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=renshe)
    login(page, "renshe", "unit-pass-2025")
    page.goto(f"/workplans/2024/ledgers/{renshe.pk}/")

    def fill(task, values):
        for name, value in zip(FIELDS, values, strict=True):
            page.locator(f'[name="t{task.pk}-{name}"]').fill(value)

    fill(tasks[0], ["公开双随机抽查结果", "每季度", "李副局长", "执法科"])
    fill(tasks[2], ["按月更新政策文件栏目", "", "", ""])
    fill(tasks[1], ["按季度公开就业数据", "按季度", "张副局长", "办公室"])
    page.locator(f"#task-{tasks[1].pk}").get_by_role("button", name="添加").click()
    page.wait_for_load_state()

    assert "已添加第2项任务的工作举措。" in page.locator(".messages").inner_text()
    typed = {
        1: ["公开双随机抽查结果", "每季度", "李副局长", "执法科"],
        2: ["", "", "张副局长", "办公室"],  # added; 分管领导 and 责任科室 as in that entry
        3: ["按月更新政策文件栏目", "", "", ""],
    }
    assert ledger_values(page, tasks) == typed
    assert LedgerRow.objects.get().measure == "按季度公开就业数据"

    # 删除 the measure just added: the typed blocks stay.
    page.locator(f"#task-{tasks[1].pk}").get_by_role("button", name="删除").click()
    page.wait_for_load_state()
    assert "已删除该条工作举措。" in page.locator(".messages").inner_text()
    typed[2] = ["", "", "", ""]  # the unit has no previous entry now
    assert ledger_values(page, tasks) == typed

    # 报送台账 with measures typed but not added is refused; nothing is lost.
    page.get_by_role("button", name="报送台账").click()
    page.wait_for_load_state()
    assert "第1项任务、第3项任务有填写了但尚未添加的工作举措" in page.locator(".messages").inner_text()
    assert ledger_values(page, tasks) == typed
    assert not Ledger.objects.filter(status=Ledger.Status.SUBMITTED).exists()

    # Enter in a field reloads the page with everything kept.
    page.locator(f'[name="t{tasks[2].pk}-time_limit"]').fill("每月")
    page.locator(f'[name="t{tasks[2].pk}-time_limit"]').press("Enter")
    page.wait_for_load_state()
    typed[3][1] = "每月"
    assert ledger_values(page, tasks) == typed
    assert LedgerRow.objects.count() == 0

    # 修改 opens the measure; coming back, the typed blocks are there.
    page.locator(f"#task-{tasks[0].pk}").get_by_role("button", name="添加").click()
    page.wait_for_load_state()
    typed[1] = ["", "", "李副局长", "执法科"]
    typed[2] = ["", "", "李副局长", "执法科"]
    assert ledger_values(page, tasks) == typed
    page.locator(f"#task-{tasks[0].pk}").get_by_role("button", name="修改").click()
    page.wait_for_url("**/ledger-rows/*/edit/")
    page.get_by_role("link", name="取消").click()
    page.wait_for_load_state()
    assert ledger_values(page, tasks) == typed


FIELDS_OF = """form => Array.from(form.elements)
    .filter(e => e.name && !["hidden", "submit", "button", "file"].includes(e.type))
    .map(e => [e.name + (e.type === "checkbox" || e.type === "radio" ? "=" + e.value : ""),
               e.type === "checkbox" || e.type === "radio" ? String(e.checked) : e.value])"""


def form_fields(page, selector: str) -> dict[str, str]:
    """Every field of a form (those joined to it by form= too) as the page shows it now."""
    return dict(page.locator(selector).evaluate(FIELDS_OF))


def wait_for_job(page, text: str) -> None:
    """A background job: done within a moment, back on its page with ``text``; otherwise its job page
    shows the progress, then ``text`` and the way back."""
    page.wait_for_selector(f"text={text}", timeout=120_000)
    if "/jobs/" in page.url:
        page.locator("[data-job-source]").click()
        page.wait_for_load_state()


def test_the_notice_page_keeps_every_field_through_save_refused_issues_and_the_reissue(page):
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    notice = NoticeFactory(attachments=[])
    staff = User.objects.get(username="staff")
    notice_issue(notice=notice, acting_user=staff, confirm_incomplete=True)
    login(page, "staff", "staff-pass-2025")
    page.goto(f"/reports/notices/{notice.pk}/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    typed = form_fields(page, "#notice-form")
    assert typed["correction_note"] == "" and typed["overview"] == "总体"

    # 保存草稿: the draft is saved, the 更正说明 typed below it comes back.
    page.locator("#id_overview").fill("更正后的总体情况。")
    page.get_by_label("更正说明").fill("更正了总体情况。")
    typed |= {"overview": "更正后的总体情况。", "correction_note": "更正了总体情况。"}
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_selector("text=草稿已保存。")
    assert form_fields(page, "#notice-form") == typed

    # An unsaved draft edit blocks 印发 (in the browser) and nothing typed is touched.
    page.locator("#id_requirements").fill("请于1月20日前整改。")
    typed["requirements"] = "请于1月20日前整改。"
    page.get_by_role("button", name="重新印发（更正）").click()
    assert dialogs == ["草稿有未保存的修改。请先点“保存草稿”，再印发。"]
    assert form_fields(page, "#notice-form") == typed
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_selector("text=草稿已保存。")
    assert form_fields(page, "#notice-form") == typed

    # 重新印发 without a 更正说明 is refused by the server: the page comes back as it was.
    page.get_by_label("更正说明").fill("")
    typed["correction_note"] = ""
    page.get_by_role("button", name="重新印发（更正）").click()
    page.wait_for_selector("text=重新印发（更正）须说明更正内容。")
    assert dialogs[-1].startswith("印发后，通报的文字和数字即成为正式记录")
    assert form_fields(page, "#notice-form") == typed
    # 保存草稿 on that page saves the draft (it does not issue).
    page.get_by_label("更正说明").fill("更正了总体情况和整改期限。")
    typed["correction_note"] = "更正了总体情况和整改期限。"
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_selector("text=草稿已保存。")
    assert page.url.endswith(f"/reports/notices/{notice.pk}/")
    assert form_fields(page, "#notice-form") == typed
    assert IssuedNotice.objects.count() == 1

    # 重新印发（更正）: the second issue carries the note; the page then shows the draft as issued.
    page.get_by_role("button", name="重新印发（更正）").click()
    wait_for_job(page, "通报已重新印发（第2版），各单位可以查看。")
    assert page.url.endswith(f"/reports/notices/{notice.pk}/")
    assert form_fields(page, "#notice-form") == typed | {"correction_note": ""}
    second = IssuedNotice.objects.get(number=2)
    assert (second.correction_note, second.snapshot["overview"], second.snapshot["requirements"]) == (
        "更正了总体情况和整改期限。",
        "更正后的总体情况。",
        "请于1月20日前整改。",
    )
    assert "已印发（第2版）" in page.locator(".notice-state").inner_text()


def test_save_and_continue_saves_every_field_and_starts_the_next_from_the_same_unit(page):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    inspection = inspection_round_create(
        name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6)
    )
    login(page, "staff", "staff-pass-2025")

    page.goto("/data/articles/add/")
    page.get_by_label("单位").select_option(label="区人社局")
    page.get_by_label("标题").fill("就业服务进社区")
    page.get_by_label("收稿日期").fill("2024-10-08")
    page.get_by_label("字数").fill("520")
    page.get_by_role("button", name="保存并继续登记").click()
    page.wait_for_url("**/data/articles/add/?*")
    article = Article.objects.get()
    assert (article.unit.name, article.title, article.received_on, article.char_count) == (
        "区人社局",
        "就业服务进社区",
        datetime.date(2024, 10, 8),
        520,
    )
    assert page.get_by_label("收稿日期").input_value() == "2024-10-08"
    assert page.get_by_label("单位").evaluate("s => s.options[s.selectedIndex].text") == "区人社局"

    page.goto(f"/inspections/rounds/{inspection.pk}/findings/new/")
    page.get_by_label("单位").select_option(label="区人社局")
    page.locator("#id_description").fill("政策文件栏目本年度未更新")
    page.get_by_role("button", name="保存并继续记录").click()
    page.wait_for_load_state()
    assert Finding.objects.get().description == "政策文件栏目本年度未更新"
