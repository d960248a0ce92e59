"""Documents in the browser (Celery eager, the embedded default: a job runs beside the request):
a notice is issued and its files download without a second click; a returned annual report tells
the unit, on its home page and in 提醒; a job's page follows the job and stops refreshing when done,
the browser downloading the file by itself."""

import datetime

import pytest

from annual_reports.services import report_save, report_year_open
from core.jobs import job_execute
from core.models import Job, Notification
from reports.models import IssuedNotice, Notice
from tests.annual_reports.seed import seed_2024
from units.exports import filter_params
from units.jobs import HISTORY_FILE
from units.models import Unit, User
from units.services import account_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state()


def notice() -> Notice:
    return Notice.objects.create(
        year=2024,
        quarter=4,
        title="临淄区人民政府办公室关于2024年第四季度全区政务公开工作情况的通报",
        addressee="各单位：",
        basis="依据。",
        overview="总体情况。",
        problems="一是问题。",
        requirements="请于1月15日前整改。",
        attachments=[],
        signature="临淄区人民政府办公室",
        issue_date=datetime.date(2025, 1, 10),
    )


def test_issue_a_notice_and_download_without_a_second_click(page, shot, tmp_path):
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    draft = notice()
    log_in(page, "staff", "staff-pass-2025")
    page.goto(f"/reports/notices/{draft.pk}/")

    # The draft's PDF: one click, and the browser downloads it (at once, or from the job's page).
    with page.expect_download(timeout=60_000) as preview:
        page.get_by_role("link", name="预览PDF").click()
    assert preview.value.suggested_filename == "2024年四季度政务公开工作情况通报（草稿）.pdf"

    page.goto(f"/reports/notices/{draft.pk}/")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="印发", exact=True).click()
    page.wait_for_selector("text=通报已印发，各单位可以查看。", timeout=60_000)
    if "/jobs/" in page.url:  # issuing took longer than a moment: the job's page, then back
        page.get_by_role("link", name="返回通报").click()
    assert IssuedNotice.objects.get().number == 1
    assert page.locator("h2.notice-state").inner_text() == "已印发（第1版）"

    with page.expect_download() as issued:
        page.locator("table.data-table").get_by_role("link", name="PDF").click()
    path = tmp_path / "issued.pdf"
    issued.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert issued.value.suggested_filename == "2024年四季度政务公开工作情况通报.pdf"
    shot(page, "20-通报已印发")


def test_a_returned_report_tells_the_unit(page, shot):
    unit = Unit.objects.create(name="区人社局", category=Unit.Category.DEPARTMENT)
    renshe = account_create(username="renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    year = report_year_open(year=2024, acting_user=staff)
    assert report_save(report_year=year, unit=unit, acting_user=renshe, typed=seed_2024(), submit=True).submitted

    log_in(page, "staff", "staff-pass-2025")
    page.goto(f"/annual/2024/units/{unit.pk}/")
    page.get_by_label("退回原因").fill("五、六部分未填写")
    page.get_by_role("button", name="退回").click()
    page.wait_for_selector("text=已退回")

    log_in(page, "renshe", "unit-pass-2025")
    page.goto("/")
    top = page.locator("section.panel-annual_report_returned")
    assert "本单位2024年政府信息公开工作年度报告已被区政府办公室退回，原因：五、六部分未填写。" in top.inner_text()
    shot(page, "21-单位首页-报告被退回")
    page.get_by_role("link", name="提醒").first.click()
    assert "原因：五、六部分未填写。请修改后重新提交。" in page.locator("ul.notifications").inner_text()
    assert Notification.objects.filter(user=renshe, kind="annual_report_returned").count() == 1


def test_the_job_page_stops_refreshing_when_done(page, tmp_path):
    staff = account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF)
    job = Job.objects.create(
        kind=HISTORY_FILE.key,
        label="修改记录（Excel）",
        params=filter_params_all(),
        requested_by=staff,
    )  # queued, as a worker has not taken it yet
    polls: list[str] = []
    page.on("request", lambda request: "/status/" in request.url and polls.append(request.url))
    log_in(page, "staff", "staff-pass-2025")
    page.goto(f"/jobs/{job.pk}/")
    page.wait_for_timeout(1800)
    assert polls  # following the job
    assert page.locator("[data-job-label]").inner_text() == "排队中"

    with page.expect_download(timeout=30_000) as download:
        job_execute(job.pk)  # the worker does the job: the page sees it and the browser downloads
    assert download.value.suggested_filename == "修改记录.xlsx"
    page.locator("a[data-job-source]").wait_for()
    seen = len(polls)
    page.wait_for_timeout(3000)
    assert len(polls) == seen  # done: no more polling
    assert page.locator("[data-job-status]").count() == 0
    assert page.locator("section.job a.button").inner_text() == "下载 修改记录.xlsx"


def filter_params_all() -> dict:
    from core.history import HistoryFilter

    return filter_params(HistoryFilter())
