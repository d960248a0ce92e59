"""Questions a lower layer asks that only a higher layer can answer.

The layers import only downwards, yet the score pages (``scoring``) must know whether a quarter's
notice was issued and with which figures, which only ``reports`` knows. So ``core`` names the
question here, the app that knows registers the answer in its ``AppConfig.ready()``, and the lower
layer asks through the hook. Without an answer a hook returns its default. (Contributions of
many apps to one page — panels, notice problems — are in :mod:`core.panels`.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class Hook:
    def __init__(self, name: str, default: Callable[..., Any]) -> None:
        self.name = name
        self._default = default
        self._answer: Callable[..., Any] | None = None

    def register(self, answer: Callable[..., Any]) -> None:
        self._answer = answer

    def __call__(self, *args, **kwargs):
        return (self._answer or self._default)(*args, **kwargs)


@dataclass(frozen=True)
class IssuedFigures:
    """The figures a quarter's notice was last issued with."""

    label: str
    """e.g. ``第1版（2025年1月10日印发）``."""
    stats: dict[str, list[dict]] = field(default_factory=dict)
    """Per category (部门 / 镇街) the statistics rows as issued (plain dicts)."""


issued_figures = Hook("issued_figures", lambda year, quarter: None)
"""``issued_figures(year, quarter) -> IssuedFigures | None``: the latest issue of the quarter's notice."""

issued_quarters = Hook("issued_quarters", lambda: [])
"""``issued_quarters() -> list[tuple[int, int]]``: every (year, quarter) with an issued notice."""


@dataclass(frozen=True)
class MonthRules:
    """The numbers of a month's rule set the month grid needs to show a row's score as it is typed."""

    name: str
    points_per_item: Decimal
    monthly_item_cap: int


month_rules = Hook("month_rules", lambda month: None)
"""``month_rules(month) -> MonthRules | None``: the rules of the quarter ``month`` is in (``scoring``)."""

alias_choices = Hook("alias_choices", lambda: [])
"""``alias_choices() -> list[tuple[int, str]]``: the units (id, name) a name an import did not know
may be saved as an alias of (``units``), for the fix offered on the import preview."""


@dataclass(frozen=True)
class ProposedFigure:
    """A figure another app proposes for a unit's month (e.g. read from its website), for staff to take over."""

    count: int
    note: str = ""
    """Where it comes from, e.g. ``政策文件3条、工作动态9条``."""


@dataclass(frozen=True)
class ProposedFigures:
    """The proposed website publication counts of one month, by unit id, and where to take them over
    (a POST of ``month`` and ``unit``, or without ``unit`` for the whole month)."""

    source: str
    take_url: str
    by_unit: dict[int, ProposedFigure] = field(default_factory=dict)


publication_proposals = Hook("publication_proposals", lambda month, unit_ids: None)
"""``publication_proposals(month, unit_ids) -> ProposedFigures | None``: the month grid shows them
beside the entered figures (``monitoring``: the counts its crawls read)."""
