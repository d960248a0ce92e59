"""An annual report as plain data, ready for the PDF and Excel builders (no model, no query)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from units.names import organ_name

from .layout import TEXT_FIELDS

__all__ = ["DISTRICT_ORGAN", "ReportContent", "organ_name", "report_title"]


@dataclass
class ReportContent:
    title: str
    organ: str
    """The publishing organ (发布机关), printed under the text."""
    year: int
    values: dict | None
    """Every cell with its totals; ``None`` for the empty template."""
    texts: dict[str, str] = field(default_factory=lambda: dict.fromkeys(TEXT_FIELDS, ""))
    date: datetime.date | None = None
    missing: int = 0
    """A district compilation not yet finalised: how many units have no finalised report (the
    document is then a draft: 草稿, 尚缺N个单位未定稿)."""

    @property
    def draft_note(self) -> str:
        return f"尚缺{self.missing}个单位未定稿" if self.missing else ""


DISTRICT_ORGAN = "临淄区人民政府"


def report_title(organ: str, year: int) -> str:
    return f"{organ}{year}年政府信息公开工作年度报告"
