"""The draft notice as it will read on paper, for printing the draft page (``print.css``): the same
paragraphs, section headings and attachment list as the PDF, from the saved draft."""

from __future__ import annotations

from django import template

from core.formatting import format_cn_date

from ..models import Notice
from ..notice_data import attachment_title
from ..pdf import SECTIONS

register = template.Library()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@register.inclusion_tag("reports/_notice_print.html")
def notice_print(notice: Notice) -> dict:
    sections = [(heading, _lines(getattr(notice, name))) for name, heading in SECTIONS]
    titles = [attachment_title(kind, notice.quarter, notice.submissions_style) for kind in notice.attachments]
    return {
        "notice": notice,
        "basis": _lines(notice.basis),
        "sections": [(heading, lines) for heading, lines in sections if lines],
        "attachments": titles,
        "date": format_cn_date(notice.issue_date) if notice.issue_date else "",
    }
