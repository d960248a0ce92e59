"""A very long report title (194 characters and more) exports fine, as PDF and Excel, in the
browser: the job's label and the file's name are shortened to what their fields and the disk take
(at most 255 bytes, the end kept unique), the document keeps the whole title."""

import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from annual_reports.services import report_save
from core.models import Job
from tests.jobs import content, job_result

from .seed import seed_2024

TITLE = ("临淄区人民政府办公室" + "关于政府信息公开工作年度报告的补充说明" * 10)[:190] + "（第一部分）"  # 196


@pytest.fixture
def long_report(year_2024, office_unit, staff):
    assert len(TITLE) >= 194
    return report_save(
        report_year=year_2024, unit=office_unit, acting_user=staff, typed=seed_2024(), texts={"title": TITLE}
    ).report


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_a_long_title_exports(client, staff, long_report, office_unit, fmt, django_capture_on_commit_callbacks):
    client.force_login(staff)

    url = f"/annual/2024/units/{office_unit.pk}/report.{fmt}"
    response = job_result(client, url, django_capture_on_commit_callbacks)

    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    assert len(job.label) <= 200 and job.label.endswith("…（PDF）" if fmt == "pdf" else "…（Excel）")
    assert len(job.result_name.encode()) <= 255 and job.result_name.endswith(f".{fmt}")
    assert job.result_name.startswith("临淄区人民政府办公室关于政府信息公开")
    name = unquote(response["Content-Disposition"].split("''", 1)[1])
    assert name == job.result_name
    data = content(response)
    if fmt == "pdf":
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace("\n", "")
        assert "（第一部分）" in text  # the whole title, in the document
    else:
        assert load_workbook(io.BytesIO(data)).worksheets[0]["A1"].value.startswith(TITLE)
