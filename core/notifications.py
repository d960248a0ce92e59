"""Reminders to people: shown on their pages, and sent once by e-mail (Django's mail backend;
the console in the embedded default)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import Notification


def notify(*, users, kind: str, text: str, link: str = "", key: str) -> int:
    """Remind each of ``users`` once (``key`` names the thing reminded of); returns how many new
    reminders were created. Users with an e-mail address also get a mail, sent once the caller's
    transaction has committed (a write that is rolled back tells nobody)."""
    created = []
    for user in users:
        try:
            with transaction.atomic():
                Notification.objects.create(user=user, kind=kind, text=text, link=link, key=key)
        except IntegrityError:
            continue  # already reminded of this
        created.append(user)
    mailed = [user for user in created if user.email]
    if mailed:
        transaction.on_commit(lambda: _mail(mailed, text=text, link=link, key=key))
    return len(created)


def _mail(users, *, text: str, link: str, key: str) -> None:
    for user in users:
        sent = send_mail(
            subject=f"【政务公开考核系统】{text[:30]}",
            message=text + (f"\n\n{settings.SITE_URL}{link}" if link else ""),
            from_email=None,
            recipient_list=[user.email],
            fail_silently=True,
        )
        Notification.objects.filter(user=user, key=key).update(emailed=bool(sent))


def unread_for(user):
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user, read_at__isnull=True)


def notifications_mark_read(*, user, pks: list[int] | None = None) -> int:
    from django.utils import timezone

    unread = unread_for(user)
    if pks is not None:
        unread = unread.filter(pk__in=pks)
    return unread.update(read_at=timezone.now())
