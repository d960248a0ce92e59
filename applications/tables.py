"""Sections 三 and 四 of the annual report computed from the register, for a year Y:

- 一、本年新收: applications received in Y;
- 二、上年结转: received before Y and not answered before Y began;
- 三、本年度办理结果: applications answered in Y, by outcome (exactly one row each);
- 四、结转下年度继续办理: received by the end of Y and not answered by then;
- table 四: the appeals of Y (filed in Y; without a filing date, those against an answer of Y),
  by kind and result, a result decided after 31 December counting as 尚未审结.

Every row is a filter of the register (:func:`row_filter`), so each number of the tables links to
the applications behind it and the 勾稽关系 hold by construction: an application of Y is either
answered in Y or carried into the next year. One grouped query per table.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from .catalogue import (
    ANSWERED_KEY,
    ANSWERED_LABEL,
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANT_TYPES,
    CARRIED_KEY,
    CARRIED_LABEL,
    NEW_KEY,
    NEW_LABEL,
    OUTCOMES,
    PENDING_KEY,
    PENDING_LABEL,
    TOTAL_KEY,
    appeal_columns,
)
from .models import Appeal, Application

ROWS: tuple[tuple[str, str], ...] = (
    (NEW_KEY, NEW_LABEL),
    (CARRIED_KEY, CARRIED_LABEL),
    *((o.key, o.label) for o in OUTCOMES),
    (ANSWERED_KEY, ANSWERED_LABEL),
    (PENDING_KEY, PENDING_LABEL),
)
"""The 25 rows of 三 in national order: (key, label exactly as printed)."""
TYPES = tuple(key for key, _ in APPLICANT_TYPES)
PENDING_RESULT = "pending"


def _bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def row_filter(year: int, row: str) -> Q:
    """The applications counted in ``row`` of ``year``'s table 三."""
    start, end = _bounds(year)
    answered_in_year = Q(answered_on__gte=start, answered_on__lte=end)
    if row == NEW_KEY:
        return Q(received_on__gte=start, received_on__lte=end)
    if row == CARRIED_KEY:
        return Q(received_on__lt=start) & (Q(answered_on__isnull=True) | Q(answered_on__gte=start))
    if row == PENDING_KEY:
        return Q(received_on__lte=end) & (Q(answered_on__isnull=True) | Q(answered_on__gt=end))
    if row == ANSWERED_KEY:
        return answered_in_year
    return answered_in_year & Q(outcome=row)


def appeal_year(year: int) -> Q:
    """The appeals of ``year`` (on an :class:`Appeal` annotated with :func:`with_year_basis`)."""
    start, end = _bounds(year)
    return Q(basis__gte=start, basis__lte=end)


def with_year_basis(appeals: QuerySet[Appeal]) -> QuerySet[Appeal]:
    return appeals.annotate(basis=Coalesce("filed_on", "application__answered_on", "application__received_on"))


def appeal_cell_filter(year: int, kind: str, result: str) -> Q:
    """The appeals of ``year`` counted in the cell ``kind`` × ``result`` of 四 (``total``: all of the kind)."""
    _, end = _bounds(year)
    found = appeal_year(year) & Q(kind=kind)
    decided_late = Q(decided_on__gt=end)
    if result == TOTAL_KEY:
        return found
    if result == PENDING_RESULT:
        return found & (Q(result=PENDING_RESULT) | decided_late)
    return found & Q(result=result) & ~decided_late


@dataclass
class RegisterTables:
    """The computed tables: every cell of 三 and 四 by its layout key (``refused_4.natural``,
    ``new.total``, ``cases.review_upheld``)."""

    year: int
    values: dict[str, int]

    def row(self, key: str) -> list[int]:
        return [self.values[f"{key}.{t}"] for t in (*TYPES, TOTAL_KEY)]

    def as_json(self) -> dict:
        """``{"三": {row label: [six types, 总计]}, "四": [the 15 numbers]}`` (national order)."""
        return {
            "三": {label: self.row(key) for key, label in ROWS},
            "四": [self.values[key] for key, _ in appeal_columns()],
        }


def _requests(applications: QuerySet[Application], year: int) -> dict[str, int]:
    start, end = _bounds(year)
    relevant = applications.filter(received_on__lte=end).filter(Q(answered_on__isnull=True) | Q(answered_on__gte=start))
    counts = (
        relevant.order_by()
        .values("applicant_type", "outcome")
        .annotate(
            new=Count("pk", filter=row_filter(year, NEW_KEY)),
            carried=Count("pk", filter=row_filter(year, CARRIED_KEY)),
            answered=Count("pk", filter=row_filter(year, ANSWERED_KEY)),
            pending=Count("pk", filter=row_filter(year, PENDING_KEY)),
        )
    )
    values = {f"{key}.{t}": 0 for key, _ in ROWS for t in (*TYPES, TOTAL_KEY)}
    for entry in counts:
        kind = entry["applicant_type"]
        for key in (NEW_KEY, CARRIED_KEY, PENDING_KEY):
            values[f"{key}.{kind}"] += entry[key]
        if entry["answered"]:
            values[f"{entry['outcome']}.{kind}"] += entry["answered"]
            values[f"{ANSWERED_KEY}.{kind}"] += entry["answered"]
    for key, _ in ROWS:
        values[f"{key}.{TOTAL_KEY}"] = sum(values[f"{key}.{t}"] for t in TYPES)
    return values


def _appeals(appeals: QuerySet[Appeal], year: int) -> dict[str, int]:
    _, end = _bounds(year)
    values = {key: 0 for key, _ in appeal_columns()}
    rows = with_year_basis(appeals).filter(appeal_year(year)).order_by().values_list("kind", "result", "decided_on")
    for kind, result, decided_on in rows:
        shown = PENDING_RESULT if decided_on and decided_on > end else result
        values[f"cases.{kind}_{shown}"] += 1
        values[f"cases.{kind}_{TOTAL_KEY}"] += 1
    return values


def register_tables(applications: QuerySet[Application], year: int) -> RegisterTables:
    """Tables 三 and 四 of ``year`` from ``applications`` (one unit's, or several units' summed)."""
    appeals = Appeal.objects.filter(application__in=applications.values("pk"))
    return RegisterTables(year, {**_requests(applications, year), **_appeals(appeals, year)})


def unit_tables(unit, year: int) -> RegisterTables:
    return register_tables(Application.objects.filter(unit=unit), year)


def kinds_and_results() -> list[tuple[str, str]]:
    """Every (kind, result) of 四, in national order, ``total`` last of each kind."""
    return [(kind, result) for kind, _, _ in APPEAL_KINDS for result in (*(r for r, _ in APPEAL_RESULTS), TOTAL_KEY)]
