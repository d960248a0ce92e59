"""The reminders page (提醒): a person's reminders, and for the office what is scheduled and when it
last ran."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .notifications import notifications_mark_read
from .scheduled import schedule_overview


@login_required
def notification_list(request):
    items = request.user.notifications.all()[:100]
    schedule = schedule_overview() if request.user.is_office else []
    # Without Redis there is no beat process: the schedule is kept but nothing runs it.
    context = {"items": items, "schedule": schedule, "scheduler": bool(settings.REDIS_URL)}
    return render(request, "core/notifications.html", context)


@login_required
@require_POST
def notifications_read(request):
    notifications_mark_read(user=request.user)
    messages.info(request, "提醒已全部标为已读。")
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/") and not target.startswith("//") else "home")
