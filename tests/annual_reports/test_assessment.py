"""The annual assessment (年终考核): the four quarterly totals + the adoption bonus kept out of them
+ the office's annual adjustments with their reasons; ranked per category."""

import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from scoring.assessment import adjustment_sentences, counted_quarters
from scoring.models import AnnualAdjustment
from scoring.selectors import annual_scores
from scoring.services import annual_adjustment_add, annual_adjustment_remove
from tests.factories import DeductionFactory, PublicationFactory, TallyFactory, TownFactory, UnitFactory
from tests.jobs import content, job_result

MONTHS = range(1, 13)


def active_unit(name, *, adopted=(), **kwargs):
    unit = kwargs.pop("factory", UnitFactory)(name=name, **kwargs)
    for month in MONTHS:
        PublicationFactory(unit=unit, year=2020, month=month, count=10)
        if month >= 8:
            TallyFactory(unit=unit, year=2020, month=month, submitted=1, city_adopted=1 if month in adopted else 0)
    return unit


@pytest.fixture
def district(db, staff):
    shangwu = active_unit("区商务局", adopted=(9, 11), sort_order=1)
    renshe = active_unit("区人社局", sort_order=2)
    caizheng = active_unit("区财政局", adopted=(10, 12), sort_order=3)
    town = active_unit("朱台镇", factory=TownFactory, sort_order=4)
    DeductionFactory(unit=shangwu, year=2020, quarter=3, reason="公开事项标准目录未上传", points=Decimal("5"))
    DeductionFactory(unit=caizheng, year=2020, quarter=3, reason="公开事项标准目录未上传", points=Decimal("5"))
    annual_adjustment_add(unit=shangwu, year=2020, points=Decimal("-2"), reason="对通报问题拒不整改", acting_user=staff)
    annual_adjustment_add(
        unit=shangwu, year=2020, points=Decimal("0.5"), reason="经验做法被省政府办公厅推广", acting_user=staff
    )
    annual_adjustment_add(unit=town, year=2020, points=Decimal("-1"), reason="被市政府办公室通报", acting_user=staff)
    return {"shangwu": shangwu, "renshe": renshe, "caizheng": caizheng, "town": town}


def test_annual_total_is_quarters_plus_bonus_plus_adjustments(district):
    result = annual_scores(year=2020)
    rows = {row.name: row for row in result.rows}
    shangwu = rows["区商务局"]
    assert shangwu.quarter_totals == [Decimal("15"), Decimal("15"), Decimal("10"), Decimal("15")]
    assert (shangwu.quarters_sum, shangwu.adoption_bonus, shangwu.total) == (Decimal("55"), Decimal("2"), Decimal("57"))
    assert [(a.reason, a.points) for a in shangwu.adjustments] == [
        ("对通报问题拒不整改", Decimal("-2")),
        ("经验做法被省政府办公厅推广", Decimal("0.5")),
    ]
    assert (shangwu.adjustment, shangwu.final_total) == (Decimal("-1.5"), Decimal("55.5"))
    for row in result.rows:
        quarters = sum(t for t in row.quarter_totals if t is not None)
        assert row.final_total == quarters + row.adoption_bonus + sum(a.points for a in row.adjustments)


def test_ranked_by_the_final_total_per_category(district):
    result = annual_scores(year=2020)
    assert [(r.name, r.final_total, r.rank) for r in result.rows] == [
        ("区人社局", Decimal("60"), 1),
        ("区财政局", Decimal("57"), 2),
        ("区商务局", Decimal("55.5"), 3),
        ("朱台镇", Decimal("59"), 1),
    ]


def test_annual_scores_json_keeps_its_keys_and_adds_the_adjustments(district, capsys):
    call_command("annual_scores", "--year", "2020", "--json")
    rows = {row["unit"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["区商务局"] == {
        "unit": "区商务局",
        "category": "部门",
        "quarter_totals": [15, 15, 10, 15],
        "quarters_sum": 55,
        "adoption_bonus": 2,
        "total": 57,
        "rank": 3,
        "adjustments": [
            {"reason": "对通报问题拒不整改", "points": -2},
            {"reason": "经验做法被省政府办公厅推广", "points": 0.5},
        ],
        "adjustment": -1.5,
        "final_total": 55.5,
    }


def test_adjustments_need_points_and_a_reason_and_keep_their_history(db, staff):
    unit = UnitFactory(name="区商务局")
    with pytest.raises(ValidationError) as error:
        annual_adjustment_add(unit=unit, year=2020, points=Decimal("0"), reason=" ", acting_user=staff)
    assert error.value.message_dict == {"reason": ["请填写调整原因。"], "points": ["调整分值不能为0。"]}
    adjustment = annual_adjustment_add(unit=unit, year=2020, points=Decimal("-2"), reason="拒不整改", acting_user=staff)
    annual_adjustment_remove(adjustment=adjustment, acting_user=staff, reason="误录")
    assert not AnnualAdjustment.objects.exists()
    history = list(
        AnnualAdjustment.history.order_by("history_date").values_list(
            "history_type", "history_user__username", "history_change_reason"
        )
    )
    assert history == [("+", "staff", "拒不整改"), ("-", "staff", "误录")]


def test_deduction_sentences(district):
    assert adjustment_sentences(annual_scores(year=2020)) == [
        "区商务局：对通报问题拒不整改，减2分；经验做法被省政府办公厅推广，加0.5分。",
        "朱台镇：被市政府办公室通报，减1分。",
    ]


def test_page_chart_and_adding_an_adjustment(client, staff, district, django_assert_max_num_queries):
    client.force_login(staff)
    url = reverse("annual_reports:assessment", args=[2020])
    with django_assert_max_num_queries(40):
        html = client.get(url).content.decode()
    assert "<svg" in html and "年度得分排名图" in html
    assert '<option value="" selected>请选择单位</option>' in html and "---------" not in html
    assert "55.5" in html and "对通报问题拒不整改" in html
    response = client.post(
        reverse("annual_reports:adjustment_add", args=[2020]),
        {"unit": district["renshe"].pk, "points": "-3", "reason": "被省政府办公厅通报"},
        follow=True,
    )
    assert "已记入区人社局的年度考核调整。" in response.content.decode()
    assert {r.name: r.final_total for r in annual_scores(year=2020).rows}["区人社局"] == Decimal("57")
    response = client.post(
        reverse("annual_reports:adjustment_add", args=[2020]), {"unit": district["renshe"].pk, "points": "x"}
    )
    assert response.status_code == 400
    assert "请填写数字，如 -2 或 0.5" in response.content.decode()


def test_removing_an_adjustment(client, staff, district):
    client.force_login(staff)
    adjustment = AnnualAdjustment.objects.get(unit=district["town"])
    response = client.post(reverse("annual_reports:adjustment_remove", args=[2020, adjustment.pk]), follow=True)
    assert "已撤销朱台镇的一项年度考核调整" in response.content.decode()
    assert {r.name: r.final_total for r in annual_scores(year=2020).rows}["朱台镇"] == Decimal("60")


def test_excel_and_pdf_in_the_style_of_the_quarterly_tables(
    client, staff, district, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    xlsx = job_result(
        client, reverse("annual_reports:assessment_file", args=[2020, "xlsx"]), django_capture_on_commit_callbacks
    )
    workbook = load_workbook(io.BytesIO(content(xlsx)))
    assert workbook.sheetnames == ["各部门", "各镇、街道", "年度考核调整"]
    sheet = workbook["各部门"]
    assert sheet["A1"].value == "各部门2020年度政务公开工作考核结果"
    assert [c.value for c in sheet[3]][2:6] == ["一季度", "二季度", "三季度", "四季度"]
    assert [c.value for c in sheet[6]] == [3, "区商务局", 15, 15, 10, 15, 55, 2, -1.5, 55.5]
    response = job_result(
        client, reverse("annual_reports:assessment_file", args=[2020, "pdf"]), django_capture_on_commit_callbacks
    )
    assert response["Content-Type"] == "application/pdf"  # made by a background job, as every PDF
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content(response))).pages).replace("\n", "")
    assert "临淄区2020年度政务公开工作考核结果" in text
    assert "区商务局：对通报问题拒不整改，减2分；经验做法被省政府办公厅推广，加0.5分。" in text.replace(" ", "")


def test_quarters_before_the_system_was_used_are_not_counted(client, staff, django_capture_on_commit_callbacks):
    unit = UnitFactory(name="区人社局")
    for month in (10, 11, 12):
        PublicationFactory(unit=unit, year=2024, month=month, count=10)
        TallyFactory(unit=unit, year=2024, month=month, submitted=1)
    assert counted_quarters(2024) == [4]
    client.force_login(staff)
    html = client.get(reverse("annual_reports:assessment", args=[2024])).content.decode()
    assert "本年度计入四季度：其余季度全区没有任何填报数据（系统尚未使用），不计入。" in html
    url = reverse("annual_reports:assessment_file", args=[2024, "xlsx"])
    workbook = load_workbook(io.BytesIO(content(job_result(client, url, django_capture_on_commit_callbacks))))
    assert [c.value for c in workbook["各部门"][4]] == [1, "区人社局", 15, 15, None, None, 15]
