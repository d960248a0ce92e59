"""Reads of the month grid: every unit assessed in a month with its stored figures, the
version each row was loaded with, what the article register holds, each unit's recent publication
counts, the units' aliases, the rules of the month and the counts other apps propose (eight queries)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from core import hooks
from core.calendar import Month
from units.models import Unit, UnitAlias, User
from units.selectors import assessed_units_in, units_visible_to

from ..models import MonthlyArticleTally, MonthlyPublication
from ..selectors import TALLY_FIELDS, RegisterCounts, register_by_month, version_of

GRID_FIELDS = ("publications", *TALLY_FIELDS)
FIELD_LABELS = {
    "publications": "发布数",
    "submitted": "投稿件数",
    "non_compliant": "不合格件数",
    "city_adopted": "市级采用",
    "province_adopted": "省级采用",
}


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
    recent: list[int] = field(default_factory=list)
    """The unit's publication counts of the months before, oldest first (to spot a doubtful figure)."""
    aliases: list[str] = field(default_factory=list)
    """The unit's other names: a block pasted with a column of unit names lands by name."""

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
    month: Month
    rows: list[GridRow]
    total: int = 0
    """Units of the whole month (``rows`` may be one page of them)."""
    page: int = 1
    pages: int = 1
    per_page: int | None = None
    rules: hooks.MonthRules | None = None
    """The rule set's points per item and monthly cap (``None``: no rule set for the month)."""
    proposals: hooks.ProposedFigures | None = None
    """Publication counts another app proposes for the rows' units (:data:`core.hooks.publication_proposals`)."""

    def by_unit(self) -> dict[int, GridRow]:
        return {row.unit_id: row for row in self.rows}


def unit_aliases(unit_ids) -> dict[int, list[str]]:
    """Each unit's aliases (one query; ``unit_ids`` a list or a queryset of ids)."""
    found: dict[int, list[str]] = defaultdict(list)
    for unit_id, name in UnitAlias.objects.filter(unit__in=unit_ids).values_list("unit_id", "name").order_by("name"):
        found[unit_id].append(name)
    return found


def grid_units(*, month: Month, user: User) -> QuerySet[Unit]:
    """Units assessed in the month that the user may see, 部门 first, then 镇街, by sort order."""
    return (assessed_units_in(month.start, month.start) & units_visible_to(user)).order_by(
        "category", "sort_order", "name"
    )


def month_grid(*, month: Month, user: User, page: int = 1, per_page: int | None = None) -> MonthGrid:
    """Every unit assessed in the month with its stored figures and register counts; for a large
    district one page of ``per_page`` units (a page past the last is the last)."""
    units = grid_units(month=month, user=user)
    every = list(units.values_list("pk", "name", "category", "submission_exempt"))
    pages = max(1, -(-len(every) // per_page)) if per_page else 1
    page = min(max(page, 1), pages)
    unit_rows = every[(page - 1) * per_page : page * per_page] if per_page else every
    # A page: its ids; the whole grid: a subquery (no limit on the number of parameters).
    unit_ids = [row[0] for row in unit_rows] if per_page and unit_rows else units.values("pk")
    stored = {"year": month.year, "month": month.month, "unit__in": unit_ids}
    publications = {
        p.unit_id: p for p in MonthlyPublication.objects.filter(**stored).select_related("updated_by").order_by()
    }
    tallies = {
        t.unit_id: t for t in MonthlyArticleTally.objects.filter(**stored).select_related("updated_by").order_by()
    }
    registers = register_by_month(units=unit_ids, first=month, last=month)
    recent = recent_publications(unit_ids=unit_ids, month=month)
    aliases = unit_aliases(unit_ids)
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
            register=registers.get((pk, month), empty),
            recent=recent.get(pk, []),
            aliases=aliases.get(pk, []),
        )
        row.reset_to_stored()
        rows.append(row)
    return MonthGrid(
        month=month,
        rows=rows,
        total=len(every),
        page=page,
        pages=pages,
        per_page=per_page,
        rules=hooks.month_rules(month),
        proposals=hooks.publication_proposals(month, [row[0] for row in unit_rows]),
    )


RECENT_MONTHS = 6
"""How many months before the grid's month a unit's own publication counts are compared with."""


def recent_publications(*, unit_ids, month: Month) -> dict[int, list[int]]:
    """Each unit's publication counts of the ``RECENT_MONTHS`` months before ``month``, oldest first
    (one query; ``unit_ids`` a list or a queryset of ids)."""
    first = Month.from_index(month.index - RECENT_MONTHS)
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    rows = (
        MonthlyPublication.objects.filter(unit__in=unit_ids, year__gte=first.year, year__lte=month.year)
        .values_list("unit_id", "year", "month", "count")
        .order_by()
    )
    for unit_id, year, number, count in rows:
        index = year * 12 + number - 1
        if first.index <= index < month.index:
            found[unit_id].append((index, count))
    return {unit_id: [count for _, count in sorted(values)] for unit_id, values in found.items()}
