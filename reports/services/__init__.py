"""Writes of notices: drafting, editing, issuing and re-issuing."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.calendar import Quarter
from core.formatting import visible_text
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import User

from ..drafting import draft_notice, ordered_attachments
from ..models import IssuedNotice, Notice
from ..notice_data import build_notice_data, correction_line
from ..pdf import notice_pdf, pdf_page_count
from ..selectors import missing_figures, missing_sentence
from ..xlsx import notice_xlsx

EDITABLE_FIELDS = (
    "doc_number",
    "title",
    "addressee",
    "basis",
    "overview",
    "problems",
    "requirements",
    "attachments",
    "signature",
    "issue_date",
    "rectification_deadline",
    "submissions_style",
    "cc",
    "printing_office",
    "printing_date",
)


def _validate_attachments(kinds: list[str]) -> None:
    valid = set(Notice.AttachmentKind.values)
    unknown = [k for k in kinds if k not in valid]
    if unknown:
        raise ValidationError({"attachments": f"未知的附件种类：{'、'.join(unknown)}"})
    if len(set(kinds)) != len(kinds):
        raise ValidationError({"attachments": "附件不能重复。"})


def _deadline_phrase(day: datetime.date) -> str:
    return f"请于{day.month}月{day.day}日前"


@transaction.atomic
def notice_draft_create(
    *, year: int, quarter: int, acting_user: User, issue_date: datetime.date | None = None
) -> Notice:
    """Save the generated draft of a quarter; a quarter has one draft."""
    require_office(acting_user, "起草通报")
    data_changed(Kind.NOTICES)
    period = Quarter(year, quarter)
    if Notice.objects.filter(year=year, quarter=quarter).exists():
        raise ValidationError(f"{period.label}的通报已存在，请直接编辑。")
    if not period.has_begun(timezone.localdate()):
        raise ValidationError(f"{period.label}尚未开始，不能起草通报。")
    notice = draft_notice(year=year, quarter=quarter, issue_date=issue_date)
    notice.stamp(acting_user=acting_user)
    notice.full_clean()
    notice.save()
    return notice


@transaction.atomic
def notice_draft_update(*, notice: Notice, acting_user: User, **fields) -> Notice:
    """Change the wording, attachments or dates of the draft; issued versions are not touched."""
    require_office(acting_user, "修改通报")
    data_changed(Kind.NOTICES)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"不可修改的字段：{sorted(unknown)}")
    if "attachments" in fields:
        _validate_attachments(fields["attachments"])
    if "attachments" in fields or "submissions_style" in fields:
        # In the office's order of the chosen style, whatever order they were ticked in.
        style = fields.get("submissions_style", notice.submissions_style)
        fields["attachments"] = ordered_attachments(fields.get("attachments", notice.attachments), style)
    old, new = notice.rectification_deadline, fields.get("rectification_deadline", notice.rectification_deadline)
    if old and new and old != new and fields.get("requirements", notice.requirements) == notice.requirements:
        # The generated sentence “请于1月15日前…” follows the 整改期限 field unless the text was edited too.
        fields["requirements"] = notice.requirements.replace(_deadline_phrase(old), _deadline_phrase(new))
    for name, value in fields.items():
        setattr(notice, name, visible_text(value) if isinstance(value, str) else value)
    notice.stamp(acting_user=acting_user)
    notice.full_clean()
    notice.save()
    return notice


def _issue_checks(notice: Notice, last: int, correction_note: str) -> None:
    if last and not correction_note.strip():
        raise ValidationError({"correction_note": "重新印发（更正）须说明更正内容。"})
    if not notice.attachments and not notice.overview.strip():
        raise ValidationError("通报没有正文和附件，不能印发。")


def notice_issue_check(*, notice: Notice, correction_note: str = "", confirm_incomplete: bool = False) -> int:
    """Refuse an issue that cannot go ahead (before any file is rendered); returns the last number."""
    last = notice.issues.aggregate(n=Max("number"))["n"] or 0
    _issue_checks(notice, last, correction_note)
    missing = missing_figures(notice.year, notice.quarter)
    if missing and not confirm_incomplete:
        raise ValidationError({"confirm_incomplete": missing_sentence(missing) + "确认按现有数据印发，请勾选“确认”。"})
    return last


def notice_issue(
    *, notice: Notice, acting_user: User, correction_note: str = "", confirm_incomplete: bool = False
) -> IssuedNotice:
    """Freeze the notice as it reads now: text, figures and rendered PDF and Excel.

    The first issue is number 1; a later issue is a correction and needs a note saying what
    changed. Earlier issues stay as they were. While some unit's figures are not entered the issue
    needs ``confirm_incomplete``. The files are rendered before the short transaction that records
    the issue (no lock is held while pages are laid out); if the draft was changed or issued by
    somebody else meanwhile, nothing is recorded and the user is told.
    """
    require_office(acting_user, "印发通报")
    correction_note = visible_text(correction_note)
    notice = Notice.objects.get(pk=notice.pk)
    last = notice_issue_check(notice=notice, correction_note=correction_note, confirm_incomplete=confirm_incomplete)
    data = build_notice_data(notice)
    correction = correction_line(last + 1, correction_note)
    pdf = notice_pdf(data, correction=correction)
    issued = IssuedNotice(
        notice=notice,
        number=last + 1,
        issued_by=acting_user,
        correction_note=correction_note.strip(),
        snapshot=data.to_json(),
        pdf=pdf,
        pdf_pages=pdf_page_count(pdf),
        xlsx=notice_xlsx(data, correction=correction),
    )
    with transaction.atomic():
        data_changed(Kind.NOTICES)
        locked = Notice.objects.select_for_update().get(pk=notice.pk)
        if (locked.issues.aggregate(n=Max("number"))["n"] or 0) != last:
            raise ValidationError(f"该通报刚刚已由他人印发为第{last + 1}版，未重复印发；如需更正请刷新页面后重新印发。")
        if locked.updated_at != notice.updated_at:
            raise ValidationError("生成文件期间通报草稿被他人修改，未印发；请刷新页面核对后重新印发。")
        issued.full_clean(exclude=["pdf", "xlsx"])
        issued.save()
    return issued
