"""The notice in the browser: draft, edit, issue, download; units see issued notices only."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from reports.models import IssuedNotice, Notice
from reports.services import notice_draft_update, notice_issue
from tests.factories import NoticeFactory, UserFactory
from units.models import Unit, User


@pytest.fixture
def unit_user(real_units):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=Unit.objects.get(name="区人社局"))


def test_staff_drafts_edits_and_issues(client, quarter_data, staff, django_capture_on_commit_callbacks):
    client.force_login(staff)

    response = client.post("/reports/notices/new/", {"year": 2024, "quarter": 4})
    notice = Notice.objects.get()
    assert response["Location"] == f"/reports/notices/{notice.pk}/"

    form = client.get(response["Location"]).context["form"]
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        overview="全区政务公开工作总体平稳。",
        attachments=["findings", "stats_town"],
        issue_date="2025-01-10",
        rectification_deadline="2025-01-15",
    )
    saved = client.post(f"/reports/notices/{notice.pk}/", data)
    assert saved.status_code == 302
    notice.refresh_from_db()
    assert notice.overview == "全区政务公开工作总体平稳。"
    assert notice.attachments == ["findings", "stats_town"]  # the 2024 style's order: findings first

    with django_capture_on_commit_callbacks(execute=True):  # as after a real request's commit
        job = client.get(f"/reports/notices/{notice.pk}/draft.xlsx")
    job_page = client.get(job["Location"])
    assert "已完成" in job_page.content.decode()  # rendered by a job (at once without Redis)
    xlsx = client.get(f"/jobs/{job_page.context['job'].pk}/download/")
    assert load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).sheetnames == ["附件1", "附件2"]

    with django_capture_on_commit_callbacks(execute=True):
        issued = client.post(f"/reports/notices/{notice.pk}/issue/", {"confirm_incomplete": "on"})
    assert issued.status_code == 302
    assert "通报已印发，各单位可以查看。" in client.get(issued["Location"]).content.decode()
    assert IssuedNotice.objects.get().number == 1
    page = client.get(f"/reports/notices/{notice.pk}/").content.decode()
    assert "重新印发（更正）" in page


def test_unit_sees_issued_notices_only(client, quarter_data, staff, unit_user, django_assert_max_num_queries):
    client.force_login(staff)
    client.post("/reports/notices/new/", {"year": 2024, "quarter": 4})
    notice = Notice.objects.get()
    client.force_login(unit_user)

    assert client.get("/reports/notices/").context["rows"] == []
    assert client.get(f"/reports/notices/{notice.pk}/").status_code == 403
    assert client.get(f"/reports/notices/{notice.pk}/draft.pdf").status_code == 403

    notice_draft_update(notice=notice, acting_user=staff, attachments=["stats_town"])
    notice_issue(notice=notice, acting_user=staff)
    with django_assert_max_num_queries(8):
        rows = client.get("/reports/notices/").context["rows"]
    assert [(n.pk, [i.number for i in issues]) for n, _, issues in rows] == [(notice.pk, [1])]
    download = client.get(f"/reports/notices/{notice.pk}/issued/1.pdf")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_notice_list_query_count_is_constant(client, staff, django_assert_max_num_queries, db):
    client.force_login(staff)
    for year in (2021, 2022):
        NoticeFactory(year=year, quarter=1)
    with django_assert_max_num_queries(8) as small:
        client.get("/reports/notices/")
    for year in range(2010, 2020):
        NoticeFactory(year=year, quarter=2)
    with django_assert_max_num_queries(8) as large:
        client.get("/reports/notices/")
    assert len(small.captured_queries) == len(large.captured_queries)


def test_export_notice_command(quarter_data, staff, tmp_path):
    xlsx = tmp_path / "draft.xlsx"
    call_command("export_notice", "--year", "2024", "--quarter", "4", "--format", "xlsx", "--output", str(xlsx))
    assert load_workbook(xlsx).sheetnames == ["附件1", "附件2"]  # 2024: findings and submissions

    notice = NoticeFactory(attachments=["stats_dept"])
    issued = notice_issue(notice=notice, acting_user=staff)
    pdf = tmp_path / "issued.pdf"
    call_command(
        "export_notice", "--year", "2024", "--quarter", "4", "--format", "pdf", "--output", str(pdf), "--issued", "1"
    )
    assert pdf.read_bytes() == bytes(issued.pdf)


def test_a_notice_without_attachments_can_be_saved(client, staff):
    notice = NoticeFactory(attachments=["findings"])
    client.force_login(staff)
    data = {
        "title": "通报",
        "addressee": "各单位：",
        "basis": "依据",
        "overview": "总体",
        "problems": "问题",
        "requirements": "要求",
        "signature": "临淄区人民政府办公室",
        "issue_date": "2025-01-10",
        "submissions_style": "2024",
    }

    response = client.post(f"/reports/notices/{notice.pk}/", data)

    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.attachments == []
