"""Numbers, dates and quarters print as the office prints them."""

import datetime
from decimal import Decimal

from django.template import Context, Template


def render(text: str, **context) -> str:
    return Template("{% load gk %}" + text).render(Context(context))


def test_points_dates_and_quarters():
    assert render("{{ v|points }}", v=Decimal("10.50")) == "10.5"
    assert render("{{ v|points }}", v=Decimal("15.00")) == "15"
    assert render("{{ d|cndate }}", d=datetime.date(2025, 1, 10)) == "2025年1月10日"
    assert render("{% quarter 2024 4 %}") == "2024年四季度"
