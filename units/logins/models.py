"""django-axes's records as the office reads them: proxy models (no tables of their own) with
Chinese names, so that titles, breadcrumbs, history and delete pages of the admin say
「renshe 登录（2025年1月10日 9:30）」 instead of the library's English ``__str__``."""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from core.formatting import format_cn_datetime


def _who(record) -> str:
    return record.username or "（未填用户名）"


def _when(record) -> str:
    return format_cn_datetime(record.attempt_time) if record.attempt_time else "—"


class LoginAttempt(AccessAttempt):
    """A user name and address with its failed logins in a row (at the limit, they are locked out)."""

    class Meta:
        proxy = True
        verbose_name = "登录失败计数"
        verbose_name_plural = "登录失败计数"

    def __str__(self) -> str:
        where = self.ip_address or "地址不明"
        return f"{_who(self)} 连续登录失败{self.failures_since_start}次（{_when(self)}，{where}）"


class LoginFailure(AccessFailureLog):
    """One failed login."""

    class Meta:
        proxy = True
        verbose_name = "登录失败记录"
        verbose_name_plural = "登录失败记录"

    def __str__(self) -> str:
        locked = "，已锁定" if self.locked_out else ""
        return f"{_who(self)} 登录失败（{_when(self)}，{self.ip_address or '地址不明'}{locked}）"


class Login(AccessLog):
    """One successful login (and its logout)."""

    class Meta:
        proxy = True
        verbose_name = "登录记录"
        verbose_name_plural = "登录记录"

    def __str__(self) -> str:
        return f"{_who(self)} 登录（{_when(self)}）"
