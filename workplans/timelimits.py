"""时限要求 understood: a date, a recurrence, a rule counted from an event in working days, a
period, a standing task, or none.

The office writes time limits as prose (seed 003): ``2022年8月底前``, ``6月底前``, ``年底前``,
``按季度公开``, ``每月后10个工作日内公开…``, ``信息形成或者变更之日起20个工作日内公开``,
``文件公开后3个工作日内``, ``疫情防控期间``, ``长期坚持``. One text may hold several rules (a standing
duty with a dated step, two event rules); :func:`parse_time_limit` finds them all and names the kind
that decides the deadline, in the order date > recurrence > event rule > period > standing.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.db import models

from core.calendar import CalendarUnavailable, add_working_days
from core.formatting import format_cn_date


class TimeLimitKind(models.TextChoices):
    DATE = "date", "限期完成"
    RECURRING = "recurring", "定期"
    EVENT = "event", "事项发生后限时"
    PERIOD = "period", "特定期间"
    ONGOING = "ongoing", "长期坚持"
    OTHER = "other", "其他要求"
    NONE = "none", "未规定"


class Recurrence(models.TextChoices):
    MONTHLY = "monthly", "每月"
    QUARTERLY = "quarterly", "每季度"
    HALF_YEARLY = "half", "每半年"
    YEARLY = "yearly", "每年"


@dataclass(frozen=True)
class EventRule:
    """``信息形成或者变更之日起20个工作日内``: ``days`` (working) days after the event."""

    event: str
    days: int
    working: bool = True

    def deadline(self, event_date: datetime.date) -> datetime.date:
        """The last day allowed when the event happened on ``event_date`` (that day not counted).

        Raises :class:`~core.calendar.CalendarUnavailable` for a year whose holidays are not known.
        """
        if self.working:
            return add_working_days(event_date, self.days)
        return event_date + datetime.timedelta(days=self.days)

    @property
    def label(self) -> str:
        unit = "个工作日" if self.working else "日"
        return f"{self.event}后{self.days}{unit}内"


@dataclass(frozen=True)
class TimeLimit:
    text: str
    kind: str
    dates: tuple[datetime.date, ...] = ()
    recurrence: str = ""
    offset: int | None = None
    """Working days after each period of a recurrence (每月后10个工作日内 → 10)."""
    events: tuple[EventRule, ...] = ()
    period: str = ""
    ongoing: bool = False

    @property
    def due(self) -> datetime.date | None:
        """The deadline of a dated task (the earliest date named)."""
        return min(self.dates) if self.dates else None

    @property
    def kind_label(self) -> str:
        return TimeLimitKind(self.kind).label

    @property
    def summary(self) -> str:
        """What the system understood, in one line: 2022年8月31日前；长期坚持."""
        parts = [f"{format_cn_date(d)}前" for d in self.dates]
        if self.recurrence:
            every = Recurrence(self.recurrence).label
            parts.append(f"{every}（期末后{self.offset}个工作日内）" if self.offset else every)
        parts += [rule.label for rule in self.events]
        if self.period:
            parts.append(self.period)
        if self.ongoing:
            parts.append("长期坚持")
        return "；".join(parts) or ("未规定期限" if self.kind == TimeLimitKind.NONE else "按原文要求")


_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(底|末|上旬|中旬|下旬|(\d{1,2})日)(?:之?前|以前)")
_YEAR_END = re.compile(r"(?:(\d{4})年)?年(?:底|末)(?:之?前|以前)?")
_OFFSET = re.compile(r"(每月|每季度?|每半年|每年度?)(?:结束)?后(\d{1,3})个工作日内")
_RECURRENCES = (
    (Recurrence.MONTHLY, re.compile(r"每月|按月|逐月|每个月|月度")),
    (Recurrence.QUARTERLY, re.compile(r"每季|按季|逐季|季度")),
    (Recurrence.HALF_YEARLY, re.compile(r"每半年|半年度")),
    (Recurrence.YEARLY, re.compile(r"每年|按年度|每年度")),
)
_OFFSET_RECURRENCE = {"每月": Recurrence.MONTHLY, "每半年": Recurrence.HALF_YEARLY}
_EVENT = re.compile(r"(\d{1,3})个?(工作日|自然日|日|天)内")
_EVENT_TAIL = re.compile(r"(?:之日)?(?:起|后|以后)$")
_EVENT_SPLIT = re.compile(r".*(?:[，,；;。：:]|应当于|应于|应在|于|自|从)")
_PERIOD = re.compile(r"([^，,；;。]{2,20}期间)")
_ONGOING = re.compile(r"长期|持续|常态化|动态调整|定期公开|经常性")
_TENTHS = {"上旬": 10, "中旬": 20}
DAY_BOUND = 365


def normalize(text: str) -> str:
    """Full-width digits folded, white space (line breaks inside a Word cell) removed."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text or ""))


def _dates(text: str, year: int) -> list[datetime.date]:
    found: list[tuple[int, datetime.date]] = []
    for match in _DATE.finditer(text):
        y, m = int(match.group(1) or year), int(match.group(2))
        if not 1 <= m <= 12:
            continue
        last = calendar.monthrange(y, m)[1]
        word = match.group(3)
        day = int(match.group(4)) if match.group(4) else _TENTHS.get(word, last)
        try:
            found.append((match.start(), datetime.date(y, m, day)))
        except ValueError:
            continue
    for match in _YEAR_END.finditer(text):
        found.append((match.start(), datetime.date(int(match.group(1) or year), 12, 31)))
    return [d for _, d in sorted(found)]


def _recurrence(text: str) -> tuple[str, int | None]:
    offset = _OFFSET.search(text)
    if offset:
        word = offset.group(1)
        every = _OFFSET_RECURRENCE.get(word) or (Recurrence.YEARLY if word.startswith("每年") else Recurrence.QUARTERLY)
        return every, int(offset.group(2))
    for every, pattern in _RECURRENCES:
        if pattern.search(text):
            return every, None
    return "", None


def _events(text: str) -> list[EventRule]:
    rules = []
    for match in _EVENT.finditer(text):
        before = text[: match.start()]
        if not _EVENT_TAIL.search(before):
            continue  # “不少于30日”, “每月10日内” …: not counted from an event
        clause = _EVENT_TAIL.sub("", _EVENT_SPLIT.sub("", before))
        if clause in {"每月", "每季", "每季度", "每半年", "每年", "每年度"} or clause.endswith("结束"):
            continue  # a recurrence's offset (每月后10个工作日内)
        days = int(match.group(1))
        if 1 <= days <= DAY_BOUND:
            rules.append(EventRule(event=clause or "事项发生", days=days, working=match.group(2) == "工作日"))
    return rules


def parse_time_limit(text: str, year: int) -> TimeLimit:
    """Understand a 时限要求 of the plan of ``year`` (``6月底前`` is 30 June of that year)."""
    flat = normalize(text)
    if not flat:
        return TimeLimit(text=text or "", kind=TimeLimitKind.NONE)
    dates = tuple(_dates(flat, year))
    recurrence, offset = _recurrence(flat)
    events = tuple(_events(flat))
    period_match = _PERIOD.search(flat)
    period = period_match.group(1) if period_match else ""
    ongoing = bool(_ONGOING.search(flat))
    if dates:
        kind = TimeLimitKind.DATE
    elif recurrence:
        kind = TimeLimitKind.RECURRING
    elif events:
        kind = TimeLimitKind.EVENT
    elif period:
        kind = TimeLimitKind.PERIOD
    elif ongoing:
        kind = TimeLimitKind.ONGOING
    else:
        kind = TimeLimitKind.OTHER
    return TimeLimit(
        text=text,
        kind=kind,
        dates=dates,
        recurrence=recurrence,
        offset=offset,
        events=events,
        period=period,
        ongoing=ongoing,
    )


def add_working_days_or_weekdays(start: datetime.date, days: int) -> datetime.date:
    """:func:`~core.calendar.add_working_days`, or Monday–Friday for a year whose holidays are not known yet."""
    try:
        return add_working_days(start, days)
    except CalendarUnavailable:
        day, counted = start, 0
        while counted < days:
            day += datetime.timedelta(days=1)
            counted += day.weekday() < 5
        return day
