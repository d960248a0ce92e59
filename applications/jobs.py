"""Background work of the register: the reply letter as PDF (the request never lays it out)."""

from __future__ import annotations

from django.urls import reverse

from core.jobs import JobKind, Result, Source, register

from .letter_files import letter_pdf
from .models import ReplyLetter
from .selectors import may_view_unit


def _letter_pdf(params: dict, progress) -> Result:
    letter = ReplyLetter.objects.select_related("application__unit").get(pk=params["letter"])
    progress(30, "正在排版")
    return Result(f"{letter.title}（{letter.application.received_on:%Y%m%d}收到的申请）.pdf", letter_pdf(letter))


def _may_view(user, params: dict) -> bool:
    letter = ReplyLetter.objects.filter(pk=params.get("letter")).select_related("application__unit").first()
    return letter is not None and may_view_unit(user, letter.application.unit)


def _source(params: dict) -> Source | None:
    letter = ReplyLetter.objects.filter(pk=params.get("letter")).first()
    if letter is None:
        return None
    return Source("返回告知书", reverse("applications:letter", args=[letter.application_id]))


LETTER_PDF = JobKind(key="application_letter_pdf", run=_letter_pdf, may_view=_may_view, source=_source)


def register_jobs() -> None:
    register(LETTER_PDF)
