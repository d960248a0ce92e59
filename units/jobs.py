"""Background work of the units app: the change history (修改记录) as Excel."""

from __future__ import annotations

from django.urls import reverse

from core.jobs import JobKind, Source, register

from .exports import history_job

HISTORY_FILE = JobKind(
    key="history_xlsx", run=history_job, source=lambda params: Source("返回修改记录", reverse("units:history"))
)


def register_jobs() -> None:
    register(HISTORY_FILE)
