"""Reads of monthly figures and articles, scoped to what the user may see.

The month grid is read in a fixed number of queries (units, publications, article totals and
one aggregate over the article register) however many units there are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from linzi_gk.numbers import format_cn_date
from units.models import Unit, User
from units.selectors import assessed_units_in, units_visible_to

from .models import Article, MonthlyArticleTally, MonthlyPublication

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
TALLY_FIELDS = ("submitted", "non_compliant", "city_adopted", "province_adopted")
GRID_FIELDS = ("publications", *TALLY_FIELDS)
FIELD_LABELS = {
    "publications": "发布数",
    "submitted": "投稿件数",
    "non_compliant": "不合格件数",
    "city_adopted": "市级采用",
    "province_adopted": "省级采用",
}


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """First day of the month and first day of the next month."""
    start = datetime.date(year, month, 1)
    end = datetime.date(year + 1, 1, 1) if month == 12 else datetime.date(year, month + 1, 1)
    return start, end


def neighbour_months(year: int, month: int) -> tuple[tuple[int, int], tuple[int, int]]:
    prev = (year, month - 1) if month > 1 else (year - 1, 12)
    nxt = (year, month + 1) if month < 12 else (year + 1, 1)
    return prev, nxt


def version_of(record) -> str:
    """The version a stored figure was loaded with: its ``updated_at`` in whole microseconds."""
    if record is None:
        return ""
    return str((record.updated_at - EPOCH) // datetime.timedelta(microseconds=1))


def changed_line(user: User | None, when: datetime.datetime | None, *, zone=None) -> str:
    """``张三 2025年1月10日 14:05`` in the office's time zone (pass ``zone`` when formatting many)."""
    if when is None:
        return ""
    local = when.astimezone(zone or timezone.get_current_timezone())
    who = str(user) if user is not None else "系统"
    return f"{who} {format_cn_date(local.date())} {local:%H:%M}"


@dataclass(frozen=True)
class GridValues:
    """The five figures of one unit and month; ``None`` is an empty cell (nothing stored)."""

    publications: int | None = None
    submitted: int | None = None
    non_compliant: int | None = None
    city_adopted: int | None = None
    province_adopted: int | None = None

    @property
    def tally(self) -> tuple[int | None, int | None, int | None, int | None]:
        return (self.submitted, self.non_compliant, self.city_adopted, self.province_adopted)

    def as_dict(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in GRID_FIELDS}

    @classmethod
    def of(cls, publication: MonthlyPublication | None, tally: MonthlyArticleTally | None) -> GridValues:
        return cls(
            publications=publication.count if publication else None,
            **{name: (getattr(tally, name) if tally else None) for name in TALLY_FIELDS},
        )


@dataclass(frozen=True)
class RegisterCounts:
    """What the per-article register holds for one unit and month."""

    received: int = 0
    non_compliant: int = 0
    city_adopted: int = 0
    province_adopted: int = 0

    @property
    def has_articles(self) -> bool:
        """Articles received in the month: its totals then come from the register only."""
        return self.received > 0


@dataclass
class GridRow:
    unit_id: int
    name: str
    category: str
    publication: MonthlyPublication | None
    tally: MonthlyArticleTally | None
    register: RegisterCounts
    submission_exempt: bool = False
    # What the inputs show and what the row was loaded with; the view overlays typed values.
    shown: dict[str, str] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    row_errors: list[str] = field(default_factory=list)
    typed_fields: set[str] = field(default_factory=set)
    loaded_publication: str = ""
    loaded_tally: str = ""
    loaded_values: GridValues = field(default_factory=GridValues)

    @property
    def stored(self) -> GridValues:
        return GridValues.of(self.publication, self.tally)

    @property
    def uses_register(self) -> bool:
        return self.register.has_articles

    @property
    def totals_read_only(self) -> bool:
        """Totals come from the register, unless the user typed totals that must be shown back."""
        return self.uses_register and not (self.typed_fields & set(TALLY_FIELDS))

    def reset_to_stored(self) -> None:
        """Show the stored figures, as loaded now."""
        self.loaded_publication = version_of(self.publication)
        self.loaded_tally = version_of(self.tally)
        self.loaded_values = self.stored
        self.shown = {name: "" if value is None else str(value) for name, value in self.stored.as_dict().items()}


@dataclass
class MonthGrid:
    year: int
    month: int
    rows: list[GridRow]

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    def by_unit(self) -> dict[int, GridRow]:
        return {row.unit_id: row for row in self.rows}


def grid_units(*, year: int, month: int, user: User) -> QuerySet[Unit]:
    """Units assessed in the month that the user may see, 部门 first, then 镇街, by sort order."""
    start = datetime.date(year, month, 1)
    return (assessed_units_in(start, start) & units_visible_to(user)).order_by("category", "sort_order", "name")


def register_counts(*, year: int, month: int, units: QuerySet[Unit]) -> dict[int, RegisterCounts]:
    """Per unit: articles received in the month, the non-compliant ones, city and province
    adoptions published in the month (one aggregate query)."""
    start, end = month_bounds(year, month)
    received = Q(received_on__gte=start, received_on__lt=end)
    city = Q(city_adopted_on__gte=start, city_adopted_on__lt=end)
    province = Q(province_adopted_on__gte=start, province_adopted_on__lt=end)
    rows = (
        Article.objects.filter(received | city | province, unit__in=units)
        .values("unit_id")
        .annotate(
            received=Count("pk", filter=received),
            non_compliant=Count("pk", filter=received & Q(is_compliant=False)),
            city_adopted=Count("pk", filter=city),
            province_adopted=Count("pk", filter=province),
        )
        .order_by()
    )
    return {
        r["unit_id"]: RegisterCounts(r["received"], r["non_compliant"], r["city_adopted"], r["province_adopted"])
        for r in rows
    }


def month_grid(*, year: int, month: int, user: User) -> MonthGrid:
    """Every unit assessed in the month with its stored figures and register counts (4 queries)."""
    units = grid_units(year=year, month=month, user=user)
    unit_rows = list(units.values_list("pk", "name", "category", "submission_exempt"))
    unit_ids = units.values("pk")
    publications = {
        p.unit_id: p
        for p in MonthlyPublication.objects.filter(year=year, month=month, unit__in=unit_ids)
        .select_related("updated_by")
        .order_by()
    }
    tallies = {
        t.unit_id: t
        for t in MonthlyArticleTally.objects.filter(year=year, month=month, unit__in=unit_ids)
        .select_related("updated_by")
        .order_by()
    }
    registers = register_counts(year=year, month=month, units=unit_ids)
    empty = RegisterCounts()
    rows = []
    for pk, name, category, exempt in unit_rows:
        row = GridRow(
            unit_id=pk,
            name=name,
            category=category,
            submission_exempt=exempt,
            publication=publications.get(pk),
            tally=tallies.get(pk),
            register=registers.get(pk, empty),
        )
        row.reset_to_stored()
        rows.append(row)
    return MonthGrid(year=year, month=month, rows=rows)


def articles_visible_to(user: User) -> QuerySet[Article]:
    """The article register as the user may see it, with what the list shows in one query."""
    return Article.objects.filter(unit__in=units_visible_to(user).values("pk")).select_related("unit", "updated_by")


def tally_for_month(*, unit: Unit, year: int, month: int) -> MonthlyArticleTally | None:
    return MonthlyArticleTally.objects.filter(unit=unit, year=year, month=month).first()
