"""The login records in the admin: to read, never to edit. Deleting a lockout (登录失败计数) lifts
it through the same function as the lockouts page (``units.lockouts.lockout_lift``); the login
and failure logs are kept."""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin

from ..lockouts import lockout_lift
from .models import Login, LoginAttempt, LoginFailure

for model in (AccessAttempt, AccessFailureLog, AccessLog):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class ViewOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LoginAttempt)
class LoginAttemptAdmin(ViewOnly, AccessAttemptAdmin):
    def delete_model(self, request, obj):
        lockout_lift(attempt_id=obj.pk, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for attempt_id in list(queryset.values_list("pk", flat=True)):
            if AccessAttempt.objects.filter(pk=attempt_id).exists():  # not lifted with an earlier one
                lockout_lift(attempt_id=attempt_id, acting_user=request.user)


@admin.register(LoginFailure)
class LoginFailureAdmin(ViewOnly, AccessFailureLogAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Login)
class LoginAdmin(ViewOnly, AccessLogAdmin):
    def has_delete_permission(self, request, obj=None):
        return False
