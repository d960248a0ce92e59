"""The district's report sums the units' finalised reports cell by cell, shows who is missing,
and once finalised keeps the figures it was compiled from."""

from decimal import Decimal

from annual_reports.layout import decode
from annual_reports.models import AnnualReport
from annual_reports.selectors import compile_district, current_report, report_values
from annual_reports.services import report_correct, report_finalise, report_save
from tests.factories import TownFactory, UnitFactory

from .seed import seed_2024


def finalised(report_year, unit, staff, **changes):
    typed = seed_2024()
    typed.update(changes)
    outcome = report_save(report_year=report_year, unit=unit, acting_user=None, typed=typed, submit=True)
    assert outcome.submitted, [p.message for p in outcome.problems]
    return report_finalise(report=outcome.report, acting_user=staff)


def test_sums_of_finalised_reports_and_the_missing_units(year_2024, staff, django_assert_max_num_queries):
    a = UnitFactory(name="区人社局", sort_order=1)
    b = UnitFactory(name="区商务局", sort_order=2)
    town = TownFactory(name="朱台镇", sort_order=3)
    pending = UnitFactory(name="区财政局", sort_order=4)
    UnitFactory(name="区民政局", sort_order=5)
    finalised(year_2024, a, staff)
    finalised(year_2024, b, staff, **{"new.natural": 13, "granted.natural": 6, "fees.amount": Decimal("1.25")})
    finalised(year_2024, town, staff, **{"new.business": 2, "granted.business": 2, "cases.review_upheld": 1})
    report_save(report_year=year_2024, unit=pending, acting_user=None, typed=seed_2024(), submit=True)
    with django_assert_max_num_queries(3):
        compilation = compile_district(year_2024)
    values = compilation.values
    assert compilation.included == ["区人社局", "区商务局", "朱台镇"]
    assert [(u.name, r.get_status_display() if r else "未填报") for u, r in compilation.missing] == [
        ("区财政局", "已提交"),
        ("区民政局", "未填报"),
    ]
    assert (values["new.natural"], values["new.business"], values["new.total"]) == (37, 2, 39)
    assert (values["granted.natural"], values["granted.total"]) == (16, 18)
    assert values["answered.total"] == 14 * 3 + 1 + 2
    assert values["normative.in_force"] == 27
    assert values["fees.amount"] == Decimal("1.25")
    assert (values["cases.review_upheld"], values["cases.review_total"]) == (1, 1)


def test_the_finalised_district_report_keeps_its_figures(year_2024, staff):
    unit = UnitFactory(name="区人社局")
    first = finalised(year_2024, unit, staff)
    district = report_save(report_year=year_2024, unit=None, acting_user=staff, texts={"overview": "全区"}, submit=True)
    assert district.submitted
    district = report_finalise(report=district.report, acting_user=staff)
    assert district.compiled_units == ["区人社局"]
    assert decode(district.figures)["new.natural"] == 12
    correction = report_correct(report=first, note="更正", acting_user=staff)
    typed = seed_2024()
    typed.update({"new.natural": 20, "granted.natural": 13})
    report_save(report_year=year_2024, unit=unit, acting_user=None, typed=typed, submit=True)
    report_finalise(report=current_report(year_2024, unit), acting_user=staff)
    assert correction.version == 2
    assert report_values(AnnualReport.objects.get(scope="district"))["new.natural"] == 12
    assert compile_district(year_2024).values["new.natural"] == 20


def test_an_empty_district_has_empty_tables(year_2024):
    compilation = compile_district(year_2024)
    assert compilation.included == []
    assert compilation.values["new.total"] is None
