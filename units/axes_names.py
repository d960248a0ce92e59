"""django-axes (the login lockout) in Chinese on the admin pages: the app's name and how a record
reads in titles and breadcrumbs. Its field and model names are translated in
``locale/zh_Hans/LC_MESSAGES/django.po``; these two it does not offer for translation."""

from __future__ import annotations

from django.apps import apps

from core.formatting import format_cn_datetime

AXES_APP_NAME = "登录安全"


def _when(record) -> str:
    return format_cn_datetime(record.attempt_time) if record.attempt_time else "—"


def _attempt(record) -> str:
    return f"{record.username or '（未填用户名）'} 连续登录失败{record.failures_since_start}次（{_when(record)}，{record.ip_address or '地址不明'}）"


def _failure(record) -> str:
    locked = "，已锁定" if record.locked_out else ""
    return (
        f"{record.username or '（未填用户名）'} 登录失败（{_when(record)}，{record.ip_address or '地址不明'}{locked}）"
    )


def _log(record) -> str:
    return f"{record.username or '（未填用户名）'} 登录（{_when(record)}）"


def name_axes_in_chinese() -> None:
    """Called once from ``UnitsConfig.ready()``."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    apps.get_app_config("axes").verbose_name = AXES_APP_NAME
    AccessAttempt.__str__ = _attempt
    AccessFailureLog.__str__ = _failure
    AccessLog.__str__ = _log
