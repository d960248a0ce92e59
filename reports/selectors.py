"""Reads of notices, scoped to the user: units see issued notices only."""

from __future__ import annotations

from django.db.models import Count, Max, QuerySet
from django.db.models.fields.json import KT
from django.utils import timezone

from core.formatting import format_cn_date
from core.hooks import IssuedFigures
from scoring.selectors import NoRuleSet, quarter_scores
from units.models import User

from .models import IssuedNotice, Notice


def notices_visible_to(user: User) -> QuerySet[Notice]:
    if not user.is_authenticated:
        return Notice.objects.none()
    notices = Notice.objects.annotate(issue_count=Count("issues"), last_issue=Max("issues__number"))
    if user.is_office:
        return notices
    return notices.filter(issue_count__gt=0)


def issued_visible_to(user: User) -> QuerySet[IssuedNotice]:
    """Issued notices without their (large) file columns."""
    if not user.is_authenticated:
        return IssuedNotice.objects.none()
    return (
        IssuedNotice.objects.defer("pdf", "xlsx", "snapshot")
        .annotate(issued_title=KT("snapshot__title"))
        .select_related("notice", "issued_by")
    )


def latest_issue(year: int, quarter: int) -> IssuedNotice | None:
    return (
        IssuedNotice.objects.filter(notice__year=year, notice__quarter=quarter)
        .defer("pdf", "xlsx")
        .order_by("-number")
        .first()
    )


STATS_CATEGORIES = {Notice.AttachmentKind.STATS_DEPARTMENTS: "部门", Notice.AttachmentKind.STATS_TOWNS: "镇街"}


def issued_figures(year: int, quarter: int) -> IssuedFigures | None:
    """The statistics rows the quarter's notice was last issued with (answer of ``core.hooks``)."""
    issued = latest_issue(year, quarter)
    if issued is None:
        return None
    local = timezone.localtime(issued.issued_at)
    label = f"第{issued.number}版（{format_cn_date(local.date())}印发）"
    stats = {
        STATS_CATEGORIES[att["kind"]]: att["stats"]
        for att in issued.snapshot.get("attachments", [])
        if att["kind"] in STATS_CATEGORIES
    }
    return IssuedFigures(label=label, stats=stats)


def issued_quarters() -> list[tuple[int, int]]:
    return sorted(set(IssuedNotice.objects.values_list("notice__year", "notice__quarter")))


def missing_figures(year: int, quarter: int) -> list[str]:
    """Units of the quarter with a publication figure not entered (未录入), in the official order."""
    try:
        scores = quarter_scores(year=year, quarter=quarter)
    except NoRuleSet:
        return []
    return [row.name for row in scores.in_official_order() if not row.complete]


def missing_sentence(names: list[str]) -> str:
    shown = "、".join(names[:10]) + ("等" if len(names) > 10 else "")
    return f"{len(names)}个单位的网站发布数尚未录入（{shown}），通报中将显示为“未录入”、按0分计。"
