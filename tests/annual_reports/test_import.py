"""Offline filling: the exported template filled in and imported back, with every check of the page,
all or nothing (acceptance: seed 002's 2024 figures pass; one broken 勾稽关系 is refused)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from annual_reports.layout import complete, decode
from annual_reports.models import AnnualReport
from annual_reports.services import report_save

from .helpers import fill_workbook
from .seed import seed_2024


@pytest.fixture
def template(office_unit, tmp_path):
    path = tmp_path / "template.xlsx"
    call_command(
        "export_annual_report",
        "--year",
        "2024",
        "--unit",
        "区政府办公室",
        "--template",
        "--format",
        "xlsx",
        "--output",
        str(path),
    )
    return path.read_bytes()


@pytest.fixture
def filled(template, tmp_path):
    def write(values=None, *, totals=True, name="filled.xlsx"):
        path = tmp_path / name
        path.write_bytes(fill_workbook(template, values or complete(seed_2024()), totals=totals))
        return path

    return write


def run(path, *extra):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_annual_report", str(path), "--year", "2024", "--unit", "区政府办公室", *extra, stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


def test_seed_002_from_the_template_passes_every_check(year_2024, filled, office_unit):
    out, _ = run(filled())
    report = AnnualReport.objects.get(unit=office_unit)
    assert complete(decode(report.figures)) == complete(seed_2024())
    assert report.status == AnnualReport.Status.NOT_SUBMITTED
    assert out.splitlines()[-1] == "已导入：新增166条，修改0条，删除0条，未变0条"
    assert report.history.first().history_change_reason == "导入 filled.xlsx"


def test_template_has_every_row_label_in_its_leading_cells(template):
    workbook = load_workbook(io.BytesIO(template))
    assert workbook.sheetnames == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    leading = [c.value for row in workbook["三、收到和处理政府信息公开申请情况"].iter_rows(max_col=3) for c in row]
    for label in (
        "一、本年新收政府信息公开申请数量",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "1.属于国家秘密",
    ):
        assert label in leading


def test_dry_run_writes_nothing(year_2024, filled):
    out, _ = run(filled(), "--dry-run")
    assert out.splitlines()[-1] == "试运行（未写入任何数据）：新增166条，修改0条，删除0条，未变0条"
    assert not AnnualReport.objects.exists()


def test_totals_may_be_left_empty(year_2024, filled, office_unit):
    run(filled(totals=False))
    assert complete(decode(AnnualReport.objects.get().figures))["answered.total"] == 14


def test_a_broken_balance_is_refused_naming_the_rule_and_the_cells(year_2024, filled):
    values = complete(seed_2024())
    values["granted.natural"] = 6
    values["granted.total"] = 6
    values["answered.natural"] = 15
    values["answered.total"] = 15
    with pytest.raises(CommandError) as error:
        run(filled(values))
    assert str(error.value) == "共1处错误，未导入任何数据。"
    assert not AnnualReport.objects.exists()


def test_the_refusal_prints_the_rule_and_the_cells(year_2024, filled, capsys):
    values = complete(seed_2024())
    values["pending.natural"] = 1
    values["pending.total"] = 1
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_annual_report", str(filled(values)), "--year", "2024", "--unit", "区政府办公室", stderr=err
        )
    assert err.getvalue().splitlines() == [
        "第一项加第二项之和等于第三项加第四项之和：“自然人”列 一、本年新收12 + 二、上年结转2 = 14，"
        "三、（七）总计14 + 四、结转下年度继续办理1 = 15，两者不等。"
    ]


def test_a_wrong_total_in_the_file_is_refused(year_2024, filled):
    values = complete(seed_2024())
    values["new.total"] = 11
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_annual_report", str(filled(values)), "--year", "2024", "--unit", "区政府办公室", stderr=err
        )
    assert err.getvalue().splitlines() == [
        "总计等于自然人与法人或其他组织各列之和：“一、本年新收政府信息公开申请数量”行 总计11，"
        "自然人12 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 12，两者不等。"
    ]


def test_cell_errors_name_the_row_and_the_column(year_2024, filled):
    values = complete(seed_2024())
    values["new.business"] = -1
    values["fees.amount"] = "1.2345678"
    values["cases.after_other"] = None
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_annual_report", str(filled(values)), "--year", "2024", "--unit", "区政府办公室", stderr=err
        )
    assert err.getvalue().splitlines() == [
        "第15行 本年收费金额（单位：万元）: 最多六位小数（1.2345678）",
        "第5行 商业企业: 不能为负数（-1）",
        "第5行 行政诉讼（复议后起诉）“其他结果”: 不能为空",
    ]


def test_rows_missing_unknown_or_twice(year_2024, filled, tmp_path):
    path = filled()
    workbook = load_workbook(path)
    sheet = workbook["三、收到和处理政府信息公开申请情况"]
    assert sheet["C9"].value == "1.属于国家秘密"
    sheet["C10"] = "9.属于什么"  # was 2.其他法律行政法规禁止公开
    sheet["C11"] = "1.属于国家秘密"  # was 3.危及“三安全一稳定”
    workbook.save(path)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_annual_report", str(path), "--year", "2024", "--unit", "区政府办公室", stderr=err)
    assert err.getvalue().splitlines() == [
        "第10行 项目: 无法识别这一行：开头应是国家格式中的项目名称，如“1.属于国家秘密”",
        "第11行 （三）不予公开：1.属于国家秘密: 与第9行重复",
        "缺少“（三）不予公开：2.其他法律行政法规禁止公开”一行（三、收到和处理政府信息公开申请情况）。",
        "缺少“（三）不予公开：3.危及“三安全一稳定””一行（三、收到和处理政府信息公开申请情况）。",
    ]


def test_a_submitted_report_cannot_be_imported_over(year_2024, filled, office_unit, staff):
    report_save(report_year=year_2024, unit=office_unit, acting_user=staff, typed=seed_2024(), submit=True)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_annual_report", str(filled()), "--year", "2024", "--unit", "区政府办公室", stderr=err)
    assert err.getvalue().splitlines() == ["区政府办公室2024年度报告已提交，不能再导入；如需修改请联系区政府办公室。"]


def test_a_year_not_opened_and_an_unknown_unit(office_unit, filled):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_annual_report", str(filled()), "--year", "2024", "--unit", "区政府办公室", stderr=err)
    assert err.getvalue().splitlines() == ["2024年度的年度报告尚未开启填报，请区政府办公室先开启该年度。"]
    with pytest.raises(CommandError) as error:
        call_command("import_annual_report", str(filled()), "--year", "2024", "--unit", "区不存在局")
    assert str(error.value) == "找不到单位“区不存在局”，请检查名称，或把它保存为对应单位的别名"


def test_importing_again_changes_only_what_changed(year_2024, filled):
    run(filled())
    values = complete(seed_2024())
    values.update({"licensing.decisions": 4})
    out, _ = run(filled(values, name="second.xlsx"))
    assert out.splitlines()[-1] == "已导入：新增0条，修改1条，删除0条，未变165条"


def test_importing_the_same_file_again_writes_nothing(year_2024, filled, office_unit):
    path = filled()
    run(path)
    report = AnnualReport.objects.get(unit=office_unit)
    history = report.history.count()

    out, _ = run(path)

    assert out.splitlines()[-2:] == [
        "提示：表格中的数字与系统中的报告完全相同，未写入任何数据。",
        "已导入：新增0条，修改0条，删除0条，未变166条",
    ]
    assert report.history.count() == history
    report_before = report.updated_at
    report.refresh_from_db()
    assert report.updated_at == report_before
