"""The report page's upload takes the unit's Word report: the preview shows the title, the text of
every section and the tables as read, with the notices and the text-versus-table warnings, and writes
nothing until confirmed; an old .doc is refused by the form with what to do."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annual_reports.layout import complete, decode
from annual_reports.models import AnnualReport

from .seed import seed_2024
from .word_docs import Style, build_report

TEXTS = {
    "preface": "本年度报告中所列数据的统计期限自2024年1月1日起，至2024年12月31日止。",
    "overview": "2024年，区人社局扎实推进政务公开。",
    "overview_requests": "2024年共收到政府信息公开申请12件，其中予以公开及部分公开11件，占78.57%，无法提供3件，占21.42%。",
    "overview_management": "现行有效行政规范性文件8件。",
    "problems": "一是公开内容不够全面。",
    "other": "本年度未收取信息处理费。",
}


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


def upload(client, unit, data: bytes, name: str = "区人社局2024年年度报告.docx"):
    url = reverse("annual_reports:upload", args=[2024, unit.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_a_word_report_is_previewed_as_read_then_imported(
    unit_client, year_2024, renshe, django_assert_max_num_queries
):
    data = build_report(seed_2024(), TEXTS, Style(signature=("临淄区人社局", "2025年1月20日")))
    response = upload(unit_client, renshe, data)
    with django_assert_max_num_queries(12):
        html = unit_client.get(response.url).content.decode()
    assert "文件中读到的报告" in html
    assert '<p class="read-title">临淄区人社局2024年政府信息公开工作年度报告</p>' in html
    assert "<h3>（二）依申请公开</h3>" in html and f"<p>{TEXTS['overview_requests']}</p>" in html
    assert '<td class="num" data-cell="granted.natural">5</td>' in html
    assert '<output data-cell="answered.total" aria-label="（七）总计“总计”">14</output>' in html
    assert "文末的落款和日期不作为正文导入：临淄区人社局　2025年1月20日。" in html
    assert (
        "文字中的数字应与表格一致：“（三）政府信息管理”写“现行有效行政规范性文件8件”，"
        "表格中行政规范性文件“现行有效件数”为9件。"
    ) in html
    assert "予以公开及部分公开11件”" not in html  # 5 + 6: no false warning
    assert not AnnualReport.objects.exists()
    sha = html.split('name="sha256" value="')[1].split('"')[0]
    response = unit_client.post(response.url, {"action": "confirm", "sha256": sha}, follow=True)
    assert "已导入：新增" in response.content.decode()
    report = AnnualReport.objects.get()
    assert complete(decode(report.figures)) == complete(seed_2024())
    assert report.overview_requests == TEXTS["overview_requests"]


def test_a_word_report_with_a_broken_balance_shows_the_rule(unit_client, year_2024, renshe):
    values = seed_2024()
    values["carried.natural"] = 3
    html = unit_client.get(upload(unit_client, renshe, build_report(values, TEXTS)).url).content.decode()
    assert "文件未通过检查，不能导入" in html
    assert "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收12 + 二、上年结转3 = 15" in html
    assert "确认导入" not in html


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("年度报告.doc", "“年度报告.doc”不是.docx文件：请在Word或WPS中打开后另存为 .docx（Word 文档）再上传"),
        ("年度报告.pdf", "“年度报告.pdf”不是Word文档（.docx）或Excel工作簿（.xlsx），请另存为 .docx 或 .xlsx 后上传"),
    ],
)
def test_an_old_doc_or_a_pdf_is_refused_by_the_form(unit_client, year_2024, renshe, name, message):
    response = upload(unit_client, renshe, b"\xd0\xcf\x11\xe0 whatever", name)
    assert response.status_code == 302
    page = unit_client.get(response.url).content.decode()
    assert message in page


def test_a_doc_renamed_docx_is_named_in_the_preview(unit_client, year_2024, renshe):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "WordDocument".encode("utf-16-le")
    html = unit_client.get(upload(unit_client, renshe, data).url).content.decode()
    assert "这是旧版Word文件（.doc）或WPS文字文件（.wps），不能直接导入" in html
    assert not AnnualReport.objects.exists()
