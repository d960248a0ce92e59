"""Issuing freezes the notice; a correction is a new numbered issue that keeps the old one."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.models import IssuedNotice
from reports.services import notice_draft_create, notice_draft_update, notice_issue
from scoring.selectors import quarter_scores
from submissions.models import MonthlyPublication
from units.models import Unit

ALL_ATTACHMENTS = ["stats_dept", "stats_town", "submissions", "deductions", "findings"]


@pytest.fixture
def issued(quarter_data, staff):
    """The 2024 Q4 notice with every attachment, in the order of the 2020 style (statistics first)."""
    notice = notice_draft_create(year=2024, quarter=4, acting_user=staff, issue_date=datetime.date(2025, 1, 10))
    notice_draft_update(notice=notice, acting_user=staff, submissions_style="2020", attachments=ALL_ATTACHMENTS)
    return notice_issue(notice=notice, acting_user=staff)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_issued_pdf_reads_back(issued):
    reader = PdfReader(io.BytesIO(bytes(issued.pdf)))
    text = pdf_text(bytes(issued.pdf))

    assert issued.number == 1
    assert issued.pdf_pages == len(reader.pages) >= 5
    for page in reader.pages[:3]:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)
    assert "临淄区人民政府办公室关于2024年第四季度全区政务公开工作情况的通报" in text.replace("\n", "")
    assert "2025年1月10日" in text
    assert "— 1 —" in text and "— 2 —" in text
    assert "附件1" in text and "附件5" in text
    compact = text.replace(" ", "").replace("\n", "")
    for unit in Unit.objects.filter(is_assessed=True).exclude(name="区政府办公室"):
        assert unit.name in compact, unit.name
    for unit in Unit.objects.filter(is_assessed=False):  # they take work-plan tasks, never listed in notices
        assert unit.name not in compact, unit.name
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font["/FontDescriptor"]
            )
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert any("Fang" in name for name in fonts), fonts


def test_issued_excel_equals_the_scoring_service(issued):
    workbook = load_workbook(io.BytesIO(bytes(issued.xlsx)))
    scores = quarter_scores(year=2024, quarter=4)

    assert workbook.sheetnames == ["附件1", "附件2", "附件3", "附件4", "附件5"]
    sheet = workbook["附件1"]
    assert sheet["A1"].value == "各部门第四季度政务公开工作情况统计"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, values_only=False)]
    # Under a blank row, the note of the 2020-style rules: the bonus counts towards the year only.
    assert rows[-1][0] == "注：稿件被市级、省级采用的加分（见附件3）计入年终考核，不计入季度合计，故本表“加分”栏为空。"
    rows = rows[:-2]
    expected = [
        [
            r.rank,
            r.name,
            *r.publications,
            float(r.publication_score) if r.publication_score % 1 else int(r.publication_score),
        ]
        for r in scores.by_category("部门")
    ]
    assert [row[:6] for row in rows] == expected
    assert [row[8] for row in rows] == [
        float(r.total) if r.total % 1 else int(r.total) for r in scores.by_category("部门")
    ]
    findings = workbook["附件5"]
    assert [c.value for c in findings[3]][1:] == ["敬仲镇", "法定主动公开内容政策文件一栏年内未更新内容。"]
    assert [c.value for c in findings[4]][1:] == [
        "闻韶街道",
        "法定主动公开内容法规公文其他文件格式错误（三季度存在的问题，尚未整改）。",
    ]


def test_later_data_edits_never_change_an_issued_notice(issued, staff):
    pdf, xlsx, snapshot = bytes(issued.pdf), bytes(issued.xlsx), issued.snapshot
    MonthlyPublication.objects.filter(year=2024).update(count=0)
    notice_draft_update(notice=issued.notice, acting_user=staff, overview="改写后的总体情况。")

    stored = IssuedNotice.objects.get(pk=issued.pk)
    assert (bytes(stored.pdf), bytes(stored.xlsx), stored.snapshot) == (pdf, xlsx, snapshot)


def test_reissue_is_numbered_and_keeps_the_old_one(issued, staff):
    notice_draft_update(notice=issued.notice, acting_user=staff, overview="更正后的总体情况。")

    with pytest.raises(ValidationError) as error:
        notice_issue(notice=issued.notice, acting_user=staff)
    assert error.value.message_dict == {"correction_note": ["重新印发（更正）须说明更正内容。"]}

    second = notice_issue(notice=issued.notice, acting_user=staff, correction_note="更正总体情况表述")

    assert second.number == 2
    assert list(IssuedNotice.objects.values_list("number", flat=True)) == [1, 2]
    assert "更正后的总体情况。" in pdf_text(bytes(second.pdf))
    assert "更正后的总体情况。" not in pdf_text(bytes(IssuedNotice.objects.get(number=1).pdf))
    assert second.snapshot["overview"] == "更正后的总体情况。"


def test_deadline_in_the_text_follows_the_deadline_field(quarter_data, staff):
    notice = notice_draft_create(year=2024, quarter=4, acting_user=staff, issue_date=datetime.date(2025, 1, 10))
    assert "请于1月15日前" in notice.requirements

    notice_draft_update(notice=notice, acting_user=staff, rectification_deadline=datetime.date(2025, 1, 20))

    assert "请于1月20日前将反馈问题全部整改到位" in notice.requirements


def test_a_quarter_that_has_not_started_cannot_be_drafted(db, staff):
    with pytest.raises(ValidationError) as error:
        notice_draft_create(year=2099, quarter=1, acting_user=staff)

    assert error.value.messages == ["2099年一季度尚未开始，不能起草通报。"]
