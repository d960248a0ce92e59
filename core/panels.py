"""Contributions of upper apps to pages of lower or sibling apps, without imports that run
against the layers.

Two kinds, each registered by the contributing app in its ``AppConfig.ready()``:

- **Unit panels**: a card on a unit's own page (``scoring``'s unit dashboard). The page calls
  :func:`unit_panels` and shows each panel's title and HTML; it never knows which app drew them.
- **Notice problems**: points offered to a quarterly notice's 二、主要问题 (``reports``' draft). The
  draft calls :func:`notice_problems` and words each problem with its own unit list.

A contribution that fails raises: a broken panel is a bug to see, not to hide.

Example (in ``workplans/apps.py``)::

    from core.panels import UnitPanel, register_unit_panel
    register_unit_panel(UnitPanel(key="workplans", title="工作方案任务", render=render_panel, order=10))
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.safestring import SafeString


@dataclass(frozen=True)
class UnitPanel:
    key: str
    title: str
    render: Callable[..., SafeString | None]
    """``render(*, user, unit, today) -> SafeString | None``: the panel's HTML, ``None`` to show nothing."""
    order: int = 0
    top: bool = False
    """Shown at the top of the page, above the scores (something the unit must act on)."""


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    title: str
    html: SafeString
    top: bool = False


@dataclass(frozen=True)
class NoticeProblem:
    """One point of 主要问题: ``template`` holds ``{units}``, filled with the notice's unit list."""

    template: str
    units: list[str] = field(default_factory=list)
    """Unit names (official), in the order the notice should list them."""


@dataclass(frozen=True)
class NoticeProblemSource:
    key: str
    problems: Callable[..., list[NoticeProblem]]
    """``problems(*, year, quarter, as_of) -> list[NoticeProblem]`` for the notice of that quarter."""
    order: int = 0


_PANELS: dict[str, UnitPanel] = {}
_PROBLEMS: dict[str, NoticeProblemSource] = {}


def register_unit_panel(panel: UnitPanel) -> None:
    _PANELS[panel.key] = panel


def register_notice_problems(source: NoticeProblemSource) -> None:
    _PROBLEMS[source.key] = source


def unit_panels(*, user, unit, today: datetime.date) -> list[RenderedPanel]:
    """The panels every registered app shows on ``unit``'s page for ``user``, in their order."""
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        html = panel.render(user=user, unit=unit, today=today)
        if html:
            rendered.append(RenderedPanel(panel.key, panel.title, html, panel.top))
    return rendered


def notice_problems(*, year: int, quarter: int, as_of: datetime.date) -> list[NoticeProblem]:
    """The problems every registered app offers to the notice of ``year``/``quarter``."""
    found: list[NoticeProblem] = []
    for source in sorted(_PROBLEMS.values(), key=lambda s: (s.order, s.key)):
        found.extend(p for p in source.problems(year=year, quarter=quarter, as_of=as_of) if p.units)
    return found
