"""Login lockouts (django-axes), as staff see and lift them."""

from __future__ import annotations

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import QuerySet


def lockouts() -> QuerySet[AccessAttempt]:
    """Username and address pairs locked out now (failures at the limit), newest first."""
    return AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT).order_by("-attempt_time")


def lockout_lift(*, attempt_id: int, acting_user) -> str:
    """Let the username try again from that address; returns what was lifted, for the message."""
    attempt = AccessAttempt.objects.get(pk=attempt_id)
    reset(ip=attempt.ip_address, username=attempt.username)
    return f"已解除“{attempt.username}”（{attempt.ip_address}）的登录锁定。"
