"""Reads of inspections and findings, scoped to what the user may see.

Every list of findings starts from :func:`findings_visible_to` (like DefectDojo's
``get_authorized_findings``): office accounts see every unit's findings, a unit account only
its own unit's, anybody else nothing. Flags such as 逾期 are annotations computed for “today”,
never stored.
"""

from __future__ import annotations

import datetime

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from core.calendar import CN_QUARTER
from core.history import HistoryEntry, object_history
from units.models import Unit, User

from .models import OPEN_STATUSES, Deduction, Finding, FindingTransition, InspectionRound, RectificationResponse


def findings_visible_to(user: User) -> QuerySet[Finding]:
    """Every finding ``user`` may read: all for the office, the own unit's for a unit account."""
    if not user.is_authenticated:
        return Finding.objects.none()
    if user.is_office:
        return Finding.objects.all()
    if user.unit_id is None:
        return Finding.objects.none()
    return Finding.objects.filter(unit_id=user.unit_id)


def responses_visible_to(user: User) -> QuerySet[RectificationResponse]:
    """The answers (and their files) of the findings ``user`` may read."""
    return RectificationResponse.objects.filter(finding__in=findings_visible_to(user))


def rounds_visible_to(user: User) -> QuerySet[InspectionRound]:
    """Inspection rounds are the office's working lists: all for the office, none for units."""
    if user.is_authenticated and user.is_office:
        return InspectionRound.objects.all()
    return InspectionRound.objects.none()


def with_flags(findings: QuerySet[Finding], *, today: datetime.date | None = None) -> QuerySet[Finding]:
    """Annotate findings with their rectification flags, as of ``today`` (default: today in 北京时间).

    - ``is_overdue`` (bool): the deadline has passed and the finding is still open (待整改 or 已提交整改).
    - ``rectified_on`` (date | None): the day the unit submitted the answer that was accepted.
    - ``is_late`` (bool): 整改不及时 — the accepted answer came after the deadline, or the deadline
      passed without an accepted answer (also when the finding was carried over).
    - ``last_return_note`` (str | None): the reason of the latest 退回, if it was ever returned.
    """
    today = today or timezone.localdate()
    accepted_answer = FindingTransition.objects.filter(
        finding=OuterRef("pk"), to_status=Finding.Status.ACCEPTED
    ).order_by("-at", "-pk")
    last_return = FindingTransition.objects.filter(
        finding=OuterRef("pk"), from_status=Finding.Status.SUBMITTED, to_status=Finding.Status.PENDING
    ).order_by("-at", "-pk")
    return findings.annotate(
        is_overdue=Case(
            When(deadline__lt=today, status__in=OPEN_STATUSES, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        rectified_on=TruncDate(
            Subquery(accepted_answer.values("response__submitted_at")[:1], output_field=DateTimeField())
        ),
        last_return_note=Subquery(last_return.values("note")[:1]),
    ).annotate(
        is_late=Case(
            When(deadline__isnull=True, then=Value(False)),
            When(status=Finding.Status.ACCEPTED, rectified_on__gt=F("deadline"), then=Value(True)),
            When(~Q(status=Finding.Status.ACCEPTED) & Q(deadline__lt=today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _open_first(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    return findings.annotate(
        open_rank=Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("open_rank", F("deadline").asc(nulls_last=True), "-inspection__year", "-inspection__quarter", "pk")


def _for_lists(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    return findings.select_related("unit", "inspection", "carried_over_from__inspection").prefetch_related(
        "carried_over_to__inspection"
    )


def open_findings_for_unit(unit: Unit, *, today: datetime.date | None = None) -> QuerySet[Finding]:
    """The findings ``unit`` still has to rectify (待整改 and 已提交整改), nearest deadline first.

    Each Finding has ``inspection`` and ``carried_over_from.inspection`` loaded and the
    annotations of :func:`with_flags` (``is_overdue``, ``is_late``, ``rectified_on``,
    ``last_return_note``). Findings without a deadline come last.
    """
    findings = with_flags(Finding.objects.filter(unit=unit, status__in=OPEN_STATUSES), today=today)
    return _for_lists(findings).order_by(F("deadline").asc(nulls_last=True), "pk")


def unit_findings(user: User, *, today: datetime.date | None = None) -> QuerySet[Finding]:
    """The unit's list 整改事项: all its findings, open ones first, then by deadline, flagged."""
    return _open_first(_for_lists(with_flags(findings_visible_to(user), today=today)))


def review_findings(user: User, *, today: datetime.date | None = None) -> QuerySet[Finding]:
    """The office's list of findings (to be filtered): flagged, 已提交整改 first, then overdue, by deadline."""
    findings = with_flags(findings_visible_to(user), today=today).annotate(
        review_rank=Case(
            When(status=Finding.Status.SUBMITTED, then=Value(0)),
            When(is_overdue=True, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    )
    return _for_lists(findings).order_by(
        "review_rank", F("deadline").asc(nulls_last=True), "unit__category", "unit__sort_order", "pk"
    )


def awaiting_action(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    """Of flagged findings, those the office has to follow up: answers to review, overdue ones and
    open ones without a deadline (they can never become overdue)."""
    return findings.filter(
        Q(status=Finding.Status.SUBMITTED) | Q(is_overdue=True) | Q(status__in=OPEN_STATUSES, deadline__isnull=True)
    )


def rounds_with_counts(user: User, *, today: datetime.date | None = None) -> QuerySet[InspectionRound]:
    """Rounds, newest first, each with ``finding_count``, ``open_count``, ``submitted_count``,
    ``overdue_count`` and ``carried_in_count`` (findings carried over into the round)."""
    today = today or timezone.localdate()
    return (
        rounds_visible_to(user)
        .annotate(
            finding_count=Count("findings"),
            open_count=Count("findings", filter=Q(findings__status__in=OPEN_STATUSES)),
            submitted_count=Count("findings", filter=Q(findings__status=Finding.Status.SUBMITTED)),
            overdue_count=Count("findings", filter=Q(findings__status__in=OPEN_STATUSES, findings__deadline__lt=today)),
            carried_in_count=Count("findings", filter=Q(findings__carried_over_from__isnull=False)),
        )
        .order_by("-year", "-quarter", "-inspected_on", "-pk")
    )


def round_findings(inspection: InspectionRound, user: User, *, today: datetime.date | None = None) -> QuerySet[Finding]:
    """The findings of one round in the order of the notice (部门 then 镇街, by unit), flagged,
    with their deductions prefetched; ready for ``{% regroup findings by unit %}``."""
    findings = with_flags(findings_visible_to(user).filter(inspection=inspection), today=today)
    return (
        _for_lists(findings)
        .prefetch_related("deductions")
        .order_by("unit__category", "unit__sort_order", "unit__name", "pk")
    )


def previous_round(inspection: InspectionRound) -> InspectionRound | None:
    """The round just before ``inspection`` (by year, quarter and inspection date)."""
    year, quarter = inspection.year, inspection.quarter
    return (
        InspectionRound.objects.exclude(pk=inspection.pk)
        .filter(
            Q(year__lt=year)
            | Q(year=year, quarter__lt=quarter)
            | Q(year=year, quarter=quarter, inspected_on__lte=inspection.inspected_on)
        )
        .order_by("-year", "-quarter", "-inspected_on", "-pk")
        .first()
    )


def findings_for_quarter(year: int, quarter: int, *, today: datetime.date | None = None) -> QuerySet[Finding]:
    """The findings of the inspection round(s) of ``year``/``quarter``, for the quarterly notice.

    Returns a QuerySet of Finding ordered 部门 before 镇街, by unit order, then by id. Each has:

    - ``unit`` (Unit, loaded), ``inspection`` (InspectionRound, loaded), ``category`` (code; the
      label by ``get_category_display()``), ``column``, ``description``, ``deadline`` (date | None),
      ``status`` (``Finding.Status``; ``get_status_display()`` → 待整改 …);
    - ``carried_over_from`` (Finding | None, with its ``inspection`` loaded) and the annotations
      ``origin_year`` / ``origin_quarter`` (int | None) — the round the problem was first found in;
      :func:`carried_over_note` turns them into “（三季度存在的问题，尚未整改）”;
    - ``is_late`` (bool, 整改不及时), ``is_overdue`` (bool), ``rectified_on`` (date | None) and
      ``last_return_note`` (str | None), as in :func:`with_flags`.
    """
    findings = Finding.objects.filter(inspection__year=year, inspection__quarter=quarter)
    return (
        with_flags(findings, today=today)
        .annotate(
            origin_year=F("carried_over_from__inspection__year"),
            origin_quarter=F("carried_over_from__inspection__quarter"),
        )
        .select_related("unit", "inspection", "carried_over_from__inspection")
        .order_by("unit__category", "unit__sort_order", "unit__name", "pk")
    )


def carried_over_note(finding: Finding) -> str:
    """“（三季度存在的问题，尚未整改）” for a carried-over finding (with the year if it differs), else ""."""
    origin = finding.carried_over_from
    if origin is None:
        return ""
    source = origin.inspection
    when = f"{CN_QUARTER[source.quarter]}季度"
    if source.year != finding.inspection.year:
        when = f"{source.year}年{when}"
    return f"（{when}存在的问题，尚未整改）"


# --- History of a finding and its deductions, for office staff ---------------------------------


def finding_history(finding: Finding) -> list[HistoryEntry]:
    """Every saved version of the finding and of its deductions, oldest first."""
    entries = object_history("inspections.Finding", Finding.history.filter(id=finding.pk)) + object_history(
        "inspections.Deduction", Deduction.history.filter(finding_id=finding.pk)
    )
    return sorted(entries, key=lambda e: e.when)
