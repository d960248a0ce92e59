"""Where a unit stands on a task, from its progress reports, as of a day (never stored).

Each period of the task shows its reported status (已完成 / 推进中 / 未开展) or 未报告; a period past
its due date and not 已完成 is 逾期. The task as a whole is 逾期 if any period is, 已完成 when every
period is, else 推进中 (something reported under way or done), 未开展 or 未报告.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .models import ProgressStatus, Role, Task
from .periods import Period

OVERDUE, UNREPORTED = "overdue", "unreported"
STATE_LABELS = {
    ProgressStatus.DONE: "已完成",
    ProgressStatus.IN_PROGRESS: "推进中",
    ProgressStatus.NOT_STARTED: "未开展",
    OVERDUE: "逾期",
    UNREPORTED: "未报告",
}
STATE_ORDER = (OVERDUE, ProgressStatus.NOT_STARTED, UNREPORTED, ProgressStatus.IN_PROGRESS, ProgressStatus.DONE)


@dataclass(frozen=True)
class PeriodState:
    period: Period
    status: str | None
    """The reported :class:`ProgressStatus` value, ``None`` if not reported."""
    overdue: bool

    @property
    def state(self) -> str:
        return OVERDUE if self.overdue else (self.status or UNREPORTED)

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class TaskState:
    task: Task
    unit_id: int
    role: str
    periods: list[PeriodState]

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def overdue(self) -> list[PeriodState]:
        return [p for p in self.periods if p.overdue]

    @property
    def finished(self) -> bool:
        return all(p.status == ProgressStatus.DONE for p in self.periods)

    @property
    def state(self) -> str:
        statuses = {p.status for p in self.periods}
        if self.overdue:
            return OVERDUE
        if self.finished:
            return ProgressStatus.DONE
        if statuses & {ProgressStatus.DONE, ProgressStatus.IN_PROGRESS}:
            return ProgressStatus.IN_PROGRESS
        if ProgressStatus.NOT_STARTED in statuses:
            return ProgressStatus.NOT_STARTED
        return UNREPORTED

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def done_count(self) -> int:
        return sum(p.status == ProgressStatus.DONE for p in self.periods)

    @property
    def summary(self) -> str:
        """已完成 / 逾期（一季度） / 2/4期已完成 …"""
        if self.overdue:
            return "逾期（" + "、".join(p.period.label for p in self.overdue) + "）"
        if len(self.periods) > 1 and not self.finished:
            return f"{self.done_count}/{len(self.periods)}期已完成"
        return self.label


def task_state(task: Task, unit_id: int, role: str, reported: dict[str, str], today: datetime.date) -> TaskState:
    """The state of ``unit_id`` on ``task`` from its reported statuses by period key."""
    periods = []
    for period in task.periods:
        status = reported.get(period.key)
        periods.append(PeriodState(period, status, period.is_past_due(today) and status != ProgressStatus.DONE))
    return TaskState(task, unit_id, role, periods)
