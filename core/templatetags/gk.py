import datetime

from django import template

from core.calendar import Quarter
from core.formatting import NOT_ENTERED, format_cn_date, format_points

register = template.Library()


@register.filter
def points(value):
    """10.50 → 10.5, 15.00 → 15."""
    return format_points(value)


@register.filter
def cndate(value):
    """2025-01-10 → 2025年1月10日; also an ISO date kept as text (in JSON)."""
    if isinstance(value, str) and value:
        value = datetime.date.fromisoformat(value)
    return format_cn_date(value) if value else ""


@register.filter
def entered(value):
    """A figure, or 未录入 when nobody has entered it (``None``); 0 stays 0."""
    return NOT_ENTERED if value is None else value


@register.filter
def label_text(bound_field) -> str:
    """A form field's label with its form's suffix (``：``), for templates that lay a label out
    themselves instead of ``{{ field.label_tag }}``."""
    return f"{bound_field.label}{bound_field.form.label_suffix or ''}"


@register.simple_tag
def quarter(year, number):
    """{% quarter 2024 4 %} → 2024年四季度, as in the office's documents."""
    return Quarter(int(year), int(number)).label
