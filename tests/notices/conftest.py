import datetime
from decimal import Decimal

import pytest

from inspections.models import Finding
from inspections.services import findings_carry_over
from tests.factories import (
    ArticleFactory,
    DeductionFactory,
    FindingFactory,
    InspectionRoundFactory,
    PublicationFactory,
    TallyFactory,
    UserFactory,
)
from units.models import Unit, User


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", role=User.Role.OFFICE_STAFF, display_name="王五")


@pytest.fixture
def quarter_data(real_units):
    """2024 Q4 with publications for every unit, some articles, adoptions, deductions and findings."""
    units = {u.name: u for u in Unit.objects.all()}
    for index, unit in enumerate(units.values()):
        for month in (10, 11, 12):
            PublicationFactory(unit=unit, year=2024, month=month, count=(index + month) % 13)
            if unit.name not in ("区发改局", "雪宫街道"):
                TallyFactory(unit=unit, year=2024, month=month, submitted=1)
    ArticleFactory(
        unit=units["区退役军人事务局"],
        received_on=datetime.date(2024, 9, 20),
        province_adopted_on=datetime.date(2024, 11, 26),
    )
    ArticleFactory(
        unit=units["区人社局"], received_on=datetime.date(2024, 9, 10), city_adopted_on=datetime.date(2024, 12, 18)
    )
    ArticleFactory(
        unit=units["临淄医疗保障分局"],
        received_on=datetime.date(2024, 9, 3),
        city_adopted_on=datetime.date(2024, 11, 20),
    )
    ArticleFactory(
        unit=units["区教体局"],
        received_on=datetime.date(2024, 12, 5),
        is_compliant=False,
        non_compliance_reason="内容与政务公开无关",
    )
    DeductionFactory(unit=units["区财政局"], year=2024, quarter=4, reason="政府文件发文字号缺失", points=Decimal("0.5"))
    q3 = InspectionRoundFactory(name="2024年三季度检查", year=2024, quarter=3, inspected_on=datetime.date(2024, 10, 12))
    FindingFactory(
        inspection=q3,
        unit=units["闻韶街道"],
        category=Finding.Category.DOCUMENT_FORMAT,
        description="法定主动公开内容法规公文其他文件格式错误",
    )
    q4 = InspectionRoundFactory(name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6))
    findings_carry_over(previous=q3, current=q4, deadline=datetime.date(2025, 1, 15))
    FindingFactory(
        inspection=q4,
        unit=units["敬仲镇"],
        category=Finding.Category.COLUMN_NOT_UPDATED,
        description="法定主动公开内容政策文件一栏年内未更新内容",
        deadline=datetime.date(2025, 1, 15),
    )
    FindingFactory(
        inspection=q4,
        unit=units["区财政局"],
        category=Finding.Category.DOCUMENT_FORMAT,
        description="政府文件字体不规范，发文字号缺失",
        deadline=datetime.date(2025, 1, 15),
    )
    return units
