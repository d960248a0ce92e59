from django import template

from linzi_gk.numbers import format_cn_date, format_points, quarter_label

register = template.Library()


@register.filter
def points(value):
    """10.50 → 10.5, 15.00 → 15."""
    return format_points(value)


@register.filter
def cndate(value):
    """2025-01-10 → 2025年1月10日."""
    return format_cn_date(value) if value else ""


@register.simple_tag
def quarter(year, number):
    """{% quarter 2024 4 %} → 2024年四季度, as in the office's documents."""
    return quarter_label(int(year), int(number))
