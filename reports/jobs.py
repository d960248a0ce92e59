"""Background work of the notices: issuing (files rendered by a worker) and draft files."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse

from core.calendar import Quarter
from core.jobs import JobKind, Result, Source, register

from .models import Notice
from .notice_data import build_notice_data
from .pdf import notice_pdf
from .services import notice_issue
from .xlsx import notice_xlsx


def _draft_file(params: dict, progress) -> Result:
    notice = Notice.objects.get(pk=params["notice"])
    progress(10, "正在汇总数据")
    data = build_notice_data(notice)
    progress(40, "正在排版")
    name = f"{Quarter(notice.year, notice.quarter).label}政务公开工作情况通报（草稿）"
    if params["fmt"] == "xlsx":
        return Result(f"{name}.xlsx", notice_xlsx(data, draft=True))
    return Result(f"{name}.pdf", notice_pdf(data, draft=True))


def _issue(params: dict, progress) -> str:
    notice = Notice.objects.get(pk=params["notice"])
    progress(10, "正在生成PDF和Excel")
    issued = notice_issue(
        notice=notice,
        acting_user=get_user_model().objects.get(pk=params["user"]),
        correction_note=params.get("correction_note", ""),
        confirm_incomplete=params.get("confirm_incomplete", False),
    )
    word = "印发" if issued.number == 1 else f"重新印发（第{issued.number}版）"
    return f"通报已{word}，各单位可以查看。"


def _notice(params: dict) -> Source:
    return Source("返回通报", reverse("reports:notice_edit", args=[params["notice"]]))


NOTICE_DRAFT_FILE = JobKind(key="notice_draft_file", run=_draft_file, source=_notice)
NOTICE_ISSUE = JobKind(key="notice_issue", run=_issue, source=_notice)


def register_jobs() -> None:
    register(NOTICE_DRAFT_FILE)
    register(NOTICE_ISSUE)
