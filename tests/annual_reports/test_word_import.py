"""A unit's whole report from its Word document (acceptance: seed 002 as its Word file imports with
every number exact and its prose in the PDF; the same checks as the Excel import; a title of another
year, an old .doc or a broken balance is refused with nothing written)."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from annual_reports.layout import TEXT_FIELDS, complete, decode
from annual_reports.models import AnnualReport
from annual_reports.pdf import report_pdf
from annual_reports.selectors import report_content

from .seed import seed_2024
from .word_docs import Style, build_report, edit_part, seed_002_report, seed_002_texts

SEED_TITLE = "临淄区人民政府办公室2024年政府信息公开工作年度报告"


def run(path, *extra, year="2024", unit="区政府办公室"):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_annual_report", str(path), "--year", year, "--unit", unit, *extra, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), ""


@pytest.fixture
def seed_docx(tmp_path):
    path = tmp_path / "临淄区人民政府办公室2024年政府信息公开工作年度报告.docx"
    path.write_bytes(seed_002_report(seed_2024()))
    return path


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_seed_002_as_its_word_file_imports_whole_and_exact(year_2024, office_unit, seed_docx):
    out, err, refused = run(seed_docx)
    assert (err, refused) == ("", "")
    report = AnnualReport.objects.get(unit=office_unit)
    assert complete(decode(report.figures)) == complete(seed_2024())
    assert report.title == SEED_TITLE
    texts = seed_002_texts()
    for key in TEXT_FIELDS:
        assert getattr(report, key) == texts.get(key, ""), key
    assert report.status == AnnualReport.Status.NOT_SUBMITTED
    assert out.splitlines()[-1] == "已导入：新增174条，修改2条，删除0条，未变3条"
    assert "提示：报告已导入，尚未提交：请在网页上核对后提交。" in out.splitlines()
    assert report.history.first().history_change_reason == f"导入 {seed_docx.name}"


def test_its_prose_and_numbers_reach_the_pdf(year_2024, office_unit, seed_docx):
    run(seed_docx)
    report = AnnualReport.objects.get(unit=office_unit)
    pdf = report_pdf(report_content(report))
    text = squeeze("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert SEED_TITLE in text
    for key, value in seed_002_texts().items():
        for line in value.splitlines():
            assert squeeze(line) in text, (key, line)
    assert "一、本年新收政府信息公开申请数量120000012" in text
    assert "（七）总计140000014" in text


def test_the_dry_run_writes_nothing_and_says_what_it_read(year_2024, office_unit, seed_docx):
    out, _, refused = run(seed_docx, "--dry-run")
    assert refused == ""
    assert not AnnualReport.objects.exists()
    lines = out.splitlines()
    assert lines[-1] == "试运行（未写入任何数据）：新增174条，修改2条，删除0条，未变3条"
    assert f"新增 区政府办公室 （五）监督保障：— → {seed_002_texts()['overview_supervision'][:30]}…（共" in out
    assert "新增 区政府办公室 （一）予以公开“自然人”：— → 5" in lines


def test_a_title_of_another_year_is_refused(year_2024, office_unit, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(
        build_report(seed_2024(), seed_002_texts(), Style(title=("临淄区人社局2023年政府信息公开工作年度报告",)))
    )
    _, err, refused = run(path)
    assert err.splitlines() == [
        "标题“临淄区人社局2023年政府信息公开工作年度报告”是2023年度的报告，与要导入的2024年度不符，未导入。"
        "请选择2023年度或换用2024年度的报告。"
    ]
    assert refused == "共1处错误，未导入任何数据。"
    assert not AnnualReport.objects.exists()


def test_an_old_doc_is_refused_with_what_to_do(year_2024, office_unit, tmp_path):
    path = tmp_path / "年度报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "WordDocument".encode("utf-16-le"))
    _, err, refused = run(path)
    assert err.splitlines() == [
        "无法读取：这是旧版Word文件（.doc）或WPS文字文件（.wps），不能直接导入：请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。"
    ]
    assert refused


def test_the_same_checks_as_the_excel_import(year_2024, office_unit, tmp_path):
    values = seed_2024()
    values["pending.natural"] = 1  # 12 + 2 ≠ 14 + 1
    path = tmp_path / "broken.docx"
    path.write_bytes(seed_002_report(values))
    _, err, refused = run(path)
    assert err.splitlines() == [
        "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收12 + 二、上年结转2 = 14，"
        "三、（七）总计14 + 四、结转下年度继续办理1 = 15，两者不等。"
    ]
    assert refused == "共1处错误，未导入任何数据。"
    assert not AnnualReport.objects.exists()


def test_a_total_in_the_document_that_does_not_add_up_is_refused(year_2024, office_unit, tmp_path):
    data = edit_part(seed_002_report(seed_2024()), b"<w:t>14</w:t>", b"<w:t>15</w:t>")
    path = tmp_path / "total.docx"
    path.write_bytes(data)
    _, err, _ = run(path)
    assert err.splitlines() == [
        "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收12 + 二、上年结转2 = 14，"
        "三、（七）总计15 + 四、结转下年度继续办理0 = 15，两者不等。",
        "（七）总计等于（一）至（六）各项之和：“自然人”列 （七）总计15，（一）至（六）各项之和14，两者不等。",
        "总计等于自然人与法人或其他组织各列之和：“（七）总计”行 总计14，"
        "自然人15 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 15，两者不等。",
    ]
    assert not AnnualReport.objects.exists()


def test_a_submitted_report_is_not_imported_over(year_2024, office_unit, seed_docx, staff):
    from annual_reports.services import report_save

    report_save(report_year=year_2024, unit=office_unit, acting_user=staff, typed=seed_2024(), submit=True)
    _, err, _ = run(seed_docx)
    assert err.splitlines() == ["区政府办公室2024年度报告已提交，不能再导入；如需修改请联系区政府办公室。"]


def test_importing_again_changes_only_what_changed(year_2024, office_unit, seed_docx, tmp_path):
    run(seed_docx)
    values = seed_2024()
    values["licensing.decisions"] = 4
    second = tmp_path / "second.docx"
    second.write_bytes(seed_002_report(values))
    out, _, _ = run(second)
    assert out.splitlines()[-1] == "已导入：新增0条，修改1条，删除0条，未变178条"


def test_the_same_report_again_writes_nothing(year_2024, office_unit, seed_docx):
    run(seed_docx)
    history = AnnualReport.history.count()
    out, _, _ = run(seed_docx)
    assert out.splitlines()[-2:] == [
        "提示：文件中的报告与系统中的完全相同，未写入任何数据。",
        "已导入：新增0条，修改0条，删除0条，未变179条",
    ]
    assert AnnualReport.history.count() == history
