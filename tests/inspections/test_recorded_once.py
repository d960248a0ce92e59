"""The finding form posted twice (a double click on 保存) records the finding and its deduction
once; the same words for another unit, another column or in another round are still recorded."""

from decimal import Decimal

from django.urls import reverse

from inspections.models import Deduction, Finding

from .helpers import finding

DUPLICATE = "本批次已记录过该单位的同一问题，不能重复记录（可能是“保存”点了两次）；如需修改，请打开已记录的问题。"


def test_the_same_finding_posted_twice_is_recorded_once(staff_client, q4, renshe, shangwu):
    url = reverse("inspections:finding_create", args=[q4.pk])
    data = {
        "unit": renshe.pk,
        "category": Finding.Category.COLUMN_NOT_UPDATED,
        "column": "政策文件",
        "description": "政策文件一栏年内未更新",
        "deadline": "2025-01-15",
        "deduction_points": "1",
    }

    first = staff_client.post(url, data)
    second = staff_client.post(url, data)
    other_unit = staff_client.post(url, data | {"unit": shangwu.pk})

    assert (first.status_code, second.status_code, other_unit.status_code) == (302, 200, 302)
    assert list(second.context["form"].errors["description"]) == [DUPLICATE]
    assert sorted(Deduction.objects.values_list("unit__name", "points")) == [
        ("区人社局", Decimal("1.00")),
        ("区商务局", Decimal("1.00")),
    ]
    assert b"data-progress" in staff_client.get(url).content


def test_the_same_words_in_another_column_are_another_finding(q4, renshe, staff):
    finding(q4, renshe, acting_user=staff)
    finding(q4, renshe, column="政策解读", acting_user=staff)

    assert Finding.objects.count() == 2
