"""The audited abstract base model. Core holds no domain model."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


def person_field(verbose_name: str, *, related_name: str = "+") -> models.ForeignKey:
    """The account that did something (recorded, submitted, changed); kept as empty if the account
    is deleted, so the record stays."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class AuditedModel(models.Model):
    """A record whose every change is kept (django-simple-history) with who made it and why.

    The one documented way to attribute a change: a service calls :meth:`stamp` with the acting
    user and a reason before ``save()`` or ``delete()``. The user goes to ``updated_by`` and to the
    history row (``_history_user``, simple-history's documented hook; in a request its middleware
    sets the same user), the reason to the history row's ``history_change_reason``.
    """

    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = person_field("修改人")
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def stamp(self, *, acting_user=None, reason: str = "") -> None:
        """Attribute the next save or delete to ``acting_user`` (``None``: the system) with ``reason``."""
        if acting_user is not None:
            self.updated_by = acting_user
        stamp_history(self, acting_user=acting_user, reason=reason)


def stamp_history(instance: models.Model, *, acting_user=None, reason: str = "") -> None:
    """Attribute the next history row of any tracked ``instance`` (audited or not)."""
    if acting_user is not None:
        instance._history_user = acting_user
    if reason:
        instance._change_reason = reason


class Job(models.Model):
    """One run of background work: an export the user waits for (with its progress and result
    file) or a scheduled job (reminders, the nightly check), recorded with its status."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "进行中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    kind = models.CharField("类型", max_length=50)
    label = models.CharField("名称", max_length=200)
    params = models.JSONField("参数", default=dict, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField("进度（%）", default=0)
    message = models.TextField("说明", blank=True)
    result = models.CharField("结果文件", max_length=300, blank=True)
    result_name = models.CharField("下载文件名", max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField("执行次数", default=0)
    requested_by = person_field("发起人", related_name="jobs")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    heartbeat_at = models.DateTimeField("最近进展", null=True, blank=True)

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="job_progress_at_most_100"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="job_status_created_idx")]

    def __str__(self) -> str:
        return self.label


class Notification(models.Model):
    """A reminder for one person, shown on their pages and sent by e-mail once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name="接收人"
    )
    kind = models.CharField("类型", max_length=50)
    text = models.TextField("内容")
    link = models.CharField("链接", max_length=300, blank=True)
    key = models.CharField("去重键", max_length=200, help_text="同一件事只提醒一次。")
    created_at = models.DateTimeField("提醒时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    emailed = models.BooleanField("已发邮件", default=False)

    class Meta:
        verbose_name = "提醒"
        verbose_name_plural = "提醒"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_user")]

    def __str__(self) -> str:
        return self.text[:50]
