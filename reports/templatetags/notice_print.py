"""The draft notice as it will read on paper, for printing the draft page (``print.css``): the same
paragraphs, section headings and attachment list as the PDF, from the saved draft."""

from __future__ import annotations

from django import template

from core.formatting import format_cn_date

from ..models import IssuedNotice, Notice
from ..notice_data import attachment_title
from ..pdf import SECTIONS

register = template.Library()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def print_mark(notice: Notice, latest: IssuedNotice | None) -> str:
    """草稿 before the first issue; after it, nothing while the text is as issued, 更正稿 once edited."""
    if latest is None:
        return "草稿"
    return "更正稿（未印发）" if notice.updated_at > latest.issued_at else ""


@register.inclusion_tag("reports/_notice_print.html")
def notice_print(notice: Notice, latest: IssuedNotice | None = None) -> dict:
    sections = [(heading, _lines(getattr(notice, name))) for name, heading in SECTIONS]
    titles = [attachment_title(kind, notice.quarter, notice.submissions_style) for kind in notice.attachments]
    return {
        "notice": notice,
        "mark": print_mark(notice, latest),
        "basis": _lines(notice.basis),
        "sections": [(heading, lines) for heading, lines in sections if lines],
        "attachments": titles,
        "date": format_cn_date(notice.issue_date) if notice.issue_date else "",
    }
