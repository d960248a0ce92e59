"""A draft says 草稿 on every page of its PDF and at the head of every page of its Excel; an issued
notice never does."""

import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.services import notice_draft_create, notice_draft_update, notice_issue
from tests.jobs import content, job_result

ALL = ["stats_dept", "stats_town", "submissions", "deductions", "findings"]


@pytest.fixture
def notice(quarter_data, staff):
    notice = notice_draft_create(year=2024, quarter=4, acting_user=staff, issue_date=datetime.date(2025, 1, 10))
    return notice_draft_update(notice=notice, acting_user=staff, attachments=ALL, cc="区委办公室，区人大常委会办公室")


def page_texts(content: bytes) -> list[str]:
    return [page.extract_text().replace(" ", "").replace("\n", "") for page in PdfReader(io.BytesIO(content)).pages]


def headers(content: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(content))
    return [sheet.oddHeader.center.text or "" for sheet in workbook.worksheets]


def test_draft_pdf_and_excel_are_marked_on_every_page(client, staff, notice, django_capture_on_commit_callbacks):
    client.force_login(staff)

    # Drafts are made by a background job (the page offers the file when it is done).
    pdf = content(job_result(client, f"/reports/notices/{notice.pk}/draft.pdf", django_capture_on_commit_callbacks))
    xlsx = content(job_result(client, f"/reports/notices/{notice.pk}/draft.xlsx", django_capture_on_commit_callbacks))

    texts = page_texts(pdf)
    assert len(texts) >= 6
    assert [("草稿" in text) for text in texts] == [True] * len(texts)
    assert headers(xlsx) == ["草稿"] * 5
    sheet = load_workbook(io.BytesIO(xlsx))["附件1"]
    assert (sheet.oddHeader.center.size, sheet.oddHeader.center.color) == (28, "C00000")


def test_an_issued_notice_is_never_marked(staff, notice):
    issued = notice_issue(notice=notice, acting_user=staff)

    texts = page_texts(bytes(issued.pdf))
    assert not any("草稿" in text for text in texts)
    assert headers(bytes(issued.xlsx)) == [""] * 5
    # The 版记 at the foot of the last page only: 抄送, then 印发机关 and 印发日期.
    assert texts[-1].endswith(
        f"抄送：区委办公室，区人大常委会办公室。临淄区人民政府办公室2025年1月10日印发—{len(texts)}—"
    )
    assert not any("印发—" in text for text in texts[:-1])


def test_export_command_marks_the_draft_only(staff, notice, tmp_path):
    draft = tmp_path / "draft.pdf"
    call_command("export_notice", "--year", "2024", "--quarter", "4", "--format", "pdf", "--output", str(draft))
    assert all("草稿" in text for text in page_texts(draft.read_bytes()))

    notice_issue(notice=notice, acting_user=staff)
    issued = tmp_path / "issued.xlsx"
    call_command(
        "export_notice",
        "--year",
        "2024",
        "--quarter",
        "4",
        "--format",
        "xlsx",
        "--output",
        str(issued),
        "--issued",
        "1",
    )
    assert headers(issued.read_bytes()) == [""] * 5
