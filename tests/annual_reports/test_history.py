"""Changes of reports, years and assessment adjustments appear on the 修改记录 page."""

from decimal import Decimal

from django.urls import reverse

from annual_reports.services import report_save
from scoring.services import annual_adjustment_add

from .seed import seed_2024


def test_history_page_lists_report_changes(
    client, staff, year_2024, renshe, renshe_user, django_assert_max_num_queries
):
    report_save(
        report_year=year_2024,
        unit=renshe,
        acting_user=renshe_user,
        typed=seed_2024(),
        texts={"other": "无"},
        submit=True,
    )
    annual_adjustment_add(unit=renshe, year=2024, points=Decimal("-2"), reason="拒不整改", acting_user=staff)
    client.force_login(staff)
    with django_assert_max_num_queries(20):
        html = client.get(reverse("units:history")).content.decode()
    assert "区人社局 2024年政府信息公开工作年度报告（第1版）" in html
    assert "2024年度报告（截止日期）" in html
    assert "区人社局 2024年度考核调整" in html
    assert "拒不整改" in html
