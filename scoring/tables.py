import django_tables2 as tables
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django_tables2 import RequestConfig

from core.charts import ranking_bars
from core.formatting import format_points

from .statistics import month_cell


def best_first(accessor: str, *, higher_is_better: bool = True) -> tuple[str, ...]:
    """The ``order_by`` of a score column whose first click puts the best on top (the most points,
    or the fewest deducted); ties stay in the office's order of units. The second click reverses."""
    return (f"-{accessor}" if higher_is_better else accessor, "sort_order")


class PointsColumn(tables.Column):
    def render(self, value):
        return format_points(value)


class MonthColumn(tables.Column):
    """A month's count: the number, 未录入, or — (not assessed); sorted by the number."""

    def __init__(self, index: int, **kwargs):
        self.index = index
        super().__init__(
            "", attrs={"td": {"class": "num"}}, empty_values=(), order_by=best_first(f"m{index + 1}"), **kwargs
        )

    def render(self, value, record):
        return month_cell(record["row"], self.index)


class QuarterTable(tables.Table):
    """One category's ranked statistics table, as the office publishes it."""

    rank = tables.Column("名次", attrs={"td": {"class": "num"}})
    name = tables.Column("单位", order_by=("sort_order",))
    m1 = MonthColumn(0)
    m2 = MonthColumn(1)
    m3 = MonthColumn(2)
    publication_score = PointsColumn(
        "累计得分", attrs={"td": {"class": "num"}}, order_by=best_first("publication_score")
    )
    bonus_counted = PointsColumn("加分", attrs={"td": {"class": "num"}}, order_by=best_first("bonus_counted"))
    deduction = PointsColumn(
        "减分", attrs={"td": {"class": "num"}}, order_by=best_first("deduction", higher_is_better=False)
    )
    total = PointsColumn("合计", attrs={"td": {"class": "num strong"}}, order_by=best_first("total"))

    class Meta:
        orderable = True
        attrs = {"class": "data-table"}
        empty_text = "本季度没有考核单位。"
        template_name = "scoring/_quarter_table.html"

    def __init__(self, data, *, year, quarter, months, provisional: bool = False, **kwargs):
        self.year, self.quarter = year, quarter
        super().__init__(data, **kwargs)
        if provisional:
            self.columns["rank"].column.verbose_name = "名次（暂定）"
        for key, month in zip(("m1", "m2", "m3"), months, strict=True):
            self.columns[key].column.verbose_name = f"{month}月"

    def render_name(self, value, record):
        url = reverse("scoring:unit_quarter", args=[self.year, self.quarter, record["unit_id"]])
        return format_html('<a href="{}">{}</a>', url, value)

    def body_html(self) -> SafeString:
        """The rows of the page, as the columns above render them (``—`` for an empty value)."""
        base = reverse("scoring:unit_quarter", args=[self.year, self.quarter, 0])[: -len("0/")]
        rows = []
        for index, row in enumerate(self.paginated_rows):
            r = row.record
            points = [format_points(r[key]) if r[key] is not None else "—" for key in POINTS]
            cells = [
                f'<td class="num">{r["rank"]}</td>',
                f'<td ><a href="{base}{r["unit_id"]}/">{escape(r["name"])}</a></td>',
                *(f'<td class="num">{escape(month_cell(r["row"], i))}</td>' for i in range(3)),
                *(f'<td class="num">{text}</td>' for text in points[:-1]),
                f'<td class="num strong">{points[-1]}</td>',
            ]
            rows.append(f'<tr class="{"odd" if index % 2 else "even"}">{"".join(cells)}</tr>')
        if not rows and self.empty_text:
            rows.append(f'<tr><td colspan="{len(self.columns)}">{escape(self.empty_text)}</td></tr>')
        return mark_safe("".join(rows))  # every value escaped above; points are formatted numbers


POINTS = ("publication_score", "bonus_counted", "deduction", "total")


def quarter_table_rows(rows) -> list[dict]:
    return [
        {
            "unit_id": r.unit_id,
            "rank": r.rank,
            "name": r.name,
            "sort_order": r.sort_order,
            "m1": r.publications[0],
            "m2": r.publications[1],
            "m3": r.publications[2],
            "row": r,
            "publication_score": r.publication_score,
            "bonus_counted": r.bonus_counted if r.bonus_counted else None,
            "deduction": r.deduction if r.deduction else None,
            "total": r.total,
        }
        for r in rows
    ]


CATEGORIES = (("部门", "区政府各部门", "dept-"), ("镇街", "各镇、街道", "town-"))


def quarter_sections(request, result, *, name: str, deducted: bool, provisional: bool = False) -> list[tuple]:
    """Per category: its title, its ranked table (filtered by ``name`` and ``deducted``) and chart."""
    sections = []
    for category, title, prefix in CATEGORIES:
        rows = result.by_category(category)
        shown = [r for r in rows if name in r.name and (r.deduction or not deducted)]
        table = QuarterTable(
            quarter_table_rows(shown),
            year=result.year,
            quarter=result.quarter,
            months=result.months,
            prefix=prefix,
            provisional=provisional,
            empty_text="没有符合筛选条件的单位。" if rows else "本季度没有考核单位。",
        )
        # A district of 70 units sees its whole table; a large one pages (each table its own page).
        RequestConfig(request, paginate={"per_page": settings.QUARTER_TABLE_PAGE_SIZE}).configure(table)
        by_id = {r.unit_id: r for r in shown}
        on_page = [by_id[row.record["unit_id"]] for row in table.page.object_list]
        labels = [r.name if r.complete else f"{r.name}（未录入）" for r in on_page]
        chart = ranking_bars(labels, [r.total for r in on_page], title=f"{title}得分排名")
        sections.append((title, table, chart))
    return sections
