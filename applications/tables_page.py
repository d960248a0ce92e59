"""A unit's tables 三 and 四 as computed from its register, every number a link to the
applications behind it."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from units.models import Unit

from .catalogue import (
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANT_TYPES,
    GRANTED_KEY,
    GROUP_LABELS,
    OUTCOME_BY_KEY,
    OUTCOMES_LABEL,
    TOTAL_KEY,
    TOTAL_LABEL,
)
from .tables import ROWS, TYPES, unit_tables


def cell_url(unit: Unit, year: int, key: str) -> str:
    """The register page listing the applications behind the cell ``key`` of ``year``."""
    return reverse("applications:register", args=[unit.pk]) + "?" + urlencode({"year": year, "cell": key})


def cell_links(unit: Unit, year: int) -> dict[str, str]:
    """A link for every cell of 三 and 四 (the annual report's page uses them too)."""
    keys = [f"{row}.{t}" for row, _ in ROWS for t in (*TYPES, TOTAL_KEY)]
    keys += [f"cases.{kind}_{result}" for kind, _, _ in APPEAL_KINDS for result in (*dict(APPEAL_RESULTS), TOTAL_KEY)]
    return {key: cell_url(unit, year, key) for key in keys}


def headings(key: str) -> list[str]:
    """The national table's headings above the row ``key``: 三、本年度办理结果 before （一）予以公开, and
    each group's name (（三）不予公开 …) before its first reason, so that 1.、2.… read in their group."""
    if key == GRANTED_KEY:
        return [OUTCOMES_LABEL]
    outcome = OUTCOME_BY_KEY.get(key)
    if outcome is not None and outcome.group and key.endswith("_1"):
        return [GROUP_LABELS[outcome.group]]
    return []


def tables_context(unit: Unit, year: int) -> dict:
    tables = unit_tables(unit, year)
    links = cell_links(unit, year)
    requests = [
        (
            headings(key),
            label,
            bool(OUTCOME_BY_KEY.get(key) and OUTCOME_BY_KEY[key].group),
            [(tables.values[f"{key}.{t}"], links[f"{key}.{t}"]) for t in (*TYPES, TOTAL_KEY)],
        )
        for key, label in ROWS
    ]
    appeals = [
        (
            group,
            [
                (label, tables.values[f"cases.{kind}_{result}"], links[f"cases.{kind}_{result}"])
                for result, label in (*APPEAL_RESULTS, (TOTAL_KEY, TOTAL_LABEL))
            ],
        )
        for kind, group, _ in APPEAL_KINDS
    ]
    return {
        "unit": unit,
        "year": year,
        "columns": [label for _, label in APPLICANT_TYPES] + [TOTAL_LABEL],
        "requests": requests,
        "appeals": appeals,
    }
