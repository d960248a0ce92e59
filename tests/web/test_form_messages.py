"""Django's own form messages read as the project writes them (locale/zh_Hans): not Django's
“确保该变量包含不超过 100 字符”, “不允许是用空字符串” or “输入一个有效的 URL”."""

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


class Sample(forms.Form):
    name = forms.CharField(max_length=5, min_length=2)
    link = forms.URLField(required=False, assume_scheme="https")
    points = forms.DecimalField(required=False, max_digits=4, decimal_places=2, max_value=10)


def messages(data) -> dict[str, list[str]]:
    with translation.override("zh-hans"):
        form = Sample(data)
        form.is_valid()
        return {name: list(errors) for name, errors in form.errors.items()}


def test_length_null_characters_urls_and_decimals():
    assert messages({"name": "检查批次名称很长", "link": "ht tp://x", "points": "1.234"}) == {
        "name": ["不能超过5个字（现有8个字）。"],
        "link": ["请填写有效的网址，如www.linzi.gov.cn/col/col123/index.html。"],
        "points": ["最多2位小数。"],
    }
    assert messages({"name": "检\x00", "points": "11"}) == {
        "name": ["含有不可见的空字符（NUL），请删除后重新填写。"],
        "points": ["不能大于10。"],
    }
    assert messages({"name": "检"}) == {"name": ["不能少于2个字（现有1个字）。"]}


def test_a_page_shows_them(staff_client):
    data = {"name": "检" * 150, "year": "2024", "quarter": "4", "inspected_on": "2025-01-06"}

    response = staff_client.post(reverse("inspections:round_create"), data)

    assert list(response.context["form"].errors["name"]) == ["不能超过100个字（现有150个字）。"]
