"""Reads of notices, scoped to the user: units see issued notices only."""

from django.db.models import Count, Max, QuerySet

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
    return IssuedNotice.objects.defer("pdf", "xlsx", "snapshot").select_related("notice", "issued_by")
