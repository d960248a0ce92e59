"""The article register as a sortable, paginated table."""

from __future__ import annotations

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from core.formatting import changed_line, format_cn_date


class CnDateColumn(tables.Column):
    def render(self, value):
        return format_cn_date(value)


class ArticleTable(tables.Table):
    received_on = CnDateColumn("收稿日期", attrs={"td": {"class": "nowrap"}})
    unit = tables.Column("单位", accessor="unit__name", order_by=("unit__category", "unit__sort_order", "unit__name"))
    title = tables.Column("标题")
    char_count = tables.Column("字数", attrs={"td": {"class": "num"}}, default="—")
    is_compliant = tables.Column("符合要求", order_by=("is_compliant",))
    city_adopted_on = CnDateColumn("市级采用", default="—", attrs={"td": {"class": "nowrap"}})
    province_adopted_on = CnDateColumn("省级采用", default="—", attrs={"td": {"class": "nowrap"}})
    updated_at = tables.Column("最后修改", attrs={"td": {"class": "who"}})

    class Meta:
        orderable = True
        attrs = {"class": "data-table"}
        empty_text = "没有符合条件的稿件。"
        order_by = ("-received_on",)

    def render_title(self, value, record):
        url = reverse("submissions:article_edit", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, value)

    def render_is_compliant(self, value, record):
        if value:
            return "是"
        return format_html(
            '<span class="error">否</span><br><span class="hint">{}</span>', record.non_compliance_reason
        )

    def render_updated_at(self, value, record):
        return changed_line(record.updated_by, value)
