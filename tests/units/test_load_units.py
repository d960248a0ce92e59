"""The real units of 临淄区 load from fixtures/units.csv, idempotently."""

import datetime

from units.models import Unit
from units.services import units_sync_from_csv


def test_all_real_units_load(db):
    result = units_sync_from_csv()

    assert (result.created, result.updated) == (71, 0)
    assert Unit.objects.filter(category="部门").count() == 59
    assert Unit.objects.filter(category="镇街").count() == 12
    # Bodies of the 2022 work plan that take tasks but are not assessed (seed 003).
    assert sorted(Unit.objects.filter(is_assessed=False).values_list("name", flat=True)) == [
        "区委编办",
        "区市民投诉中心",
        "区档案馆",
    ]
    assert list(Unit.objects.filter(submission_exempt=True).values_list("name", flat=True)) == ["区政府办公室"]
    assert Unit.objects.get(name="区文物局").assessed_from == datetime.date(2024, 10, 1)
    demo = sorted(
        Unit.objects.filter(demo_site_periods__start=datetime.date(2020, 8, 1)).values_list("name", flat=True)
    )
    assert demo == ["区人社局", "区市场监管局", "朱台镇", "金山镇"]
    assert sorted(Unit.objects.get(name="区卫健局").aliases.values_list("name", flat=True)) == [
        "区卫健委",
        "区卫生健康局",
        "卫健委",
        "卫健局",
    ]


def test_loading_twice_changes_nothing(db):
    units_sync_from_csv()

    result = units_sync_from_csv()

    assert (result.created, result.updated) == (0, 0)
    assert Unit.objects.count() == 71
