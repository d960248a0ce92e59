"""One unit's reports imported year after year as Word files, each shaped differently (as units
change their template and their clerk): every one imports, every number is exact (the fee to the
fen), the prose reaches the PDF, the checks against last year's report hold, the one real slip in
the text is warned about and nothing else is."""

import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from annual_reports.layout import complete, decode, typed_keys
from annual_reports.models import AnnualReport
from annual_reports.pdf import report_pdf
from annual_reports.selectors import report_content
from annual_reports.services import report_year_open

from .realwording import tables
from .word_docs import HEADINGS, Style, build_report


def typed(values: dict, fee: str) -> dict:
    result = {k: values[k] for k in typed_keys()}
    result["fees.amount"] = Decimal(fee)
    return result


YEARS = {
    2022: (
        typed(tables(new=5, outcomes={"granted": 3, "unable_1": 1}, normative=(1, 0, 10)), "1.5"),
        {
            "overview": "2022年，区人社局按照区政府办公室的部署，扎实推进政务公开。",
            "overview_requests": "2022年共收到政府信息公开申请5件，予以公开3件，无法提供1件，结转下年度继续办理1件。",
            "problems": "一是公开内容不够全面。",
            "other": "本年度未收取信息处理费。",
        },
        Style(
            title=("临淄区人社局2022年政府信息公开工作", "年度报告"),
            headings={
                **HEADINGS,
                4: "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
                5: "五、存在的主要问题及改进措施",
            },
            half_width=True,
            active_split=True,
            merged_labels=False,
            blank_zeros=True,
            signature=("临淄区人力资源和社会保障局", "2023年1月18日"),
        ),
    ),
    2023: (
        typed(
            tables(new=8, carried=1, outcomes={"granted": 5, "partly": 2, "not_processed_2": 2}, normative=(2, 1, 11)),
            "0.012345",
        ),
        {
            "overview": "2023年，区人社局持续深化政务公开。",
            "overview_requests": "2023年共受理政府信息公开申请8件，同比增长60%，上年结转1件，共办结9件，"
            "其中予以公开及部分公开7件，占77.77%，不予处理2件，占22.22%。未因政府信息公开被申请行政复议、提起行政诉讼。",
            "overview_management": "本年制发行政规范性文件2件，废止1件，现行有效行政规范性文件11件。",
            "problems": "（一）存在问题\n政策解读形式单一。\n（二）改进措施\n丰富解读形式。",
            "other": "无。",
        },
        Style(
            title=("临淄区人社局2023年政府信息公开工作年度报告",),
            subheadings={
                "overview_active": "(一)主动公开",
                "overview_requests": "(二)依申请公开",
                "overview_management": "(三)政府信息管理",
                "overview_platform": "(四)政府信息公开平台建设",
                "overview_supervision": "(五)监督保障",
            },
            inline=True,
            picture=True,
        ),
    ),
    2024: (
        typed(tables(new=12, outcomes={"granted": 5, "partly": 6, "unable_1": 1}, normative=(1, 6, 6)), "3.500000"),
        {
            "overview": "2024年，区人社局认真落实政务公开各项要求。",
            "overview_requests": "2024年共收到政府信息公开申请十二件，较上年增加4件，作出政府信息公开申请答复12件，"
            "其中予以公开5件，占41.66%，部分公开6件，占50%，无法提供1件，占8.34%；无下年度结转。",
            "overview_management": "对行政规范性文件进行清理，现行有效行政规范性文件7件。",
            "problems": "一是依申请公开答复规范性有待提高。",
            "other": "本年度未收取信息处理费。",
        },
        Style(
            title=("临淄区人社局2024年政府信息公开工作年度报告",),
            headings={k: v.split("、", 1)[1] for k, v in HEADINGS.items()},  # automatic numbering
            totals=False,
            notes={"requests": "注：本表数据统计期限为2024年1月1日至12月31日。"},
        ),
    ),
}
SLIP = (
    "提示：文字中的数字应与表格一致：“（三）政府信息管理”写“现行有效行政规范性文件7件”，"
    "表格中行政规范性文件“现行有效件数”为6件。"
)


def pdf_text(report) -> str:
    pdf = report_pdf(report_content(report))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.django_db
def test_year_after_year_as_word_files(renshe, staff, tmp_path):
    for year, (values, texts, style) in YEARS.items():
        report_year_open(year=year, acting_user=staff)
        path = tmp_path / f"{year}.docx"
        path.write_bytes(build_report(values, texts, style))
        out = io.StringIO()
        call_command("import_annual_report", str(path), "--year", str(year), "--unit", "区人社局", stdout=out)
        report = AnnualReport.objects.get(unit=renshe, report_year__year=year)
        assert complete(decode(report.figures)) == complete(values), year
        assert report.figures["fees.amount"] == f"{values['fees.amount']:f}"
        for key, text in texts.items():
            assert getattr(report, key) == text, (year, key)
        printed = pdf_text(report)
        for text in texts.values():
            for line in text.splitlines():
                assert re.sub(r"\s+", "", line) in printed, (year, line)
        assert f"行政事业性收费{values['fees.amount']:f}" in printed
        for note in style.notes.values():
            assert report.requests_notes == note
            assert re.sub(r"\s+", "", note) in printed
        warnings = [line for line in out.getvalue().splitlines() if "应与表格一致" in line or "等于上年" in line]
        assert warnings == ([SLIP] if year == 2024 else []), year
