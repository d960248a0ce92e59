"""本年收费金额（单位：万元） as real reports print it: to the fen, up to six decimals, kept exactly as
typed in the form, read exactly from Excel, printed as typed, and added up exactly for the district."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from annual_reports.layout import ACTIVE, complete, decode
from annual_reports.models import AnnualReport
from annual_reports.pdf import report_pdf
from annual_reports.selectors import compile_district, report_content
from annual_reports.services import report_finalise, report_save
from annual_reports.tables import table_data
from tests.factories import TownFactory, UnitFactory

from .helpers import fill_workbook
from .seed import seed_2024
from .test_pages import page, post_data


@pytest.fixture
def unit_client(client, renshe_user):
    client.force_login(renshe_user)
    return client


def test_the_form_keeps_six_decimals_as_typed(unit_client, year_2024, renshe):
    unit_client.post(page(year_2024, renshe), post_data(**{"cell:fees.amount": "0.012345"}))
    report = AnnualReport.objects.get(unit=renshe)
    assert report.figures["fees.amount"] == "0.012345"
    assert decode(report.figures)["fees.amount"] == Decimal("0.012345")
    response = unit_client.get(page(year_2024, renshe))
    assert 'value="0.012345"' in response.content.decode()


def test_the_form_refuses_a_seventh_decimal_and_keeps_what_was_typed(unit_client, year_2024, renshe):
    response = unit_client.post(page(year_2024, renshe), post_data(**{"cell:fees.amount": "0.0123456"}))
    content = response.content.decode()
    assert (
        "金额应为不小于0的数，最多六位小数：行政事业性收费“本年收费金额（单位：万元）”填写的是“0.0123456”。" in content
    )
    assert 'value="0.0123456"' in content
    assert not AnnualReport.objects.exists()


def test_excel_import_reads_six_decimals(year_2024, office_unit, tmp_path):
    template = tmp_path / "template.xlsx"
    call_command(
        "export_annual_report", "--year", "2024", "--unit", "区政府办公室", "--template",
        "--format", "xlsx", "--output", str(template), stdout=io.StringIO(),
    )  # fmt: skip
    values = complete(seed_2024())
    values["fees.amount"] = Decimal("3.512345")
    path = tmp_path / "filled.xlsx"
    path.write_bytes(fill_workbook(template.read_bytes(), values))
    call_command("import_annual_report", str(path), "--year", "2024", "--unit", "区政府办公室", stdout=io.StringIO())
    assert AnnualReport.objects.get().figures["fees.amount"] == "3.512345"


def finalised(year, unit, amount: str):
    typed = seed_2024()
    typed["fees.amount"] = Decimal(amount)
    outcome = report_save(report_year=year, unit=unit, acting_user=None, typed=typed, submit=True)
    assert outcome.submitted
    return outcome.report


def test_the_district_adds_up_exactly(year_2024, staff):
    for index, amount in enumerate(("0.012345", "3.5", "1.200000", "0.000001")):
        unit = UnitFactory(name=f"区单位{index}", sort_order=index)
        report_finalise(report=finalised(year_2024, unit, amount), acting_user=staff)
    TownFactory(name="朱台镇")
    total = compile_district(year_2024).values["fees.amount"]
    assert total == Decimal("4.712346")
    assert str(total) == "4.712346"


def test_printed_as_typed_in_the_pdf_and_the_tables(year_2024, renshe):
    report = finalised(year_2024, renshe, "0.012345")
    printed = table_data(ACTIVE, report_content(report).values).rows[-1]
    assert printed[1].text == "0.012345"
    pdf = report_pdf(report_content(report))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "").replace(" ", "")
    assert "行政事业性收费0.012345" in text
    report.figures["fees.amount"] = "3.50"
    assert table_data(ACTIVE, report_content(report).values).rows[-1][1].text == "3.50"


def test_the_page_reads_the_amount_as_typed(unit_client, year_2024, renshe):
    finalised(year_2024, renshe, "3.5")
    response = unit_client.get(reverse("annual_reports:report", args=[2024, renshe.pk]))
    assert 'data-cell="fees.amount">3.5<' in response.content.decode()


def test_an_amount_given_as_a_whole_number_is_stored_and_shown_as_one(unit_client, year_2024, renshe):
    """The demo's reports (amounts given as 0) showed 行政事业性收费 as “0.000000”."""
    typed = seed_2024() | {"fees.amount": 0}
    report = report_save(report_year=year_2024, unit=renshe, acting_user=None, typed=typed).report

    response = unit_client.get(reverse("annual_reports:report", args=[2024, renshe.pk]))

    assert report.figures["fees.amount"] == "0"
    assert 'name="cell:fees.amount" value="0"' in response.content.decode()


def test_printed_as_typed_in_the_excel(year_2024, renshe):
    from openpyxl import load_workbook

    from annual_reports.xlsx import report_workbook

    report = finalised(year_2024, renshe, "1.20")
    sheet = load_workbook(io.BytesIO(report_workbook(report_content(report))))[ACTIVE.title]
    amount = next(row[1] for row in sheet.iter_rows() if row[0].value and "行政事业性收费" in str(row[0].value))

    assert (amount.value, amount.number_format) == (1.2, "0.00")
