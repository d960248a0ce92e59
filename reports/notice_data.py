"""The data of a quarterly notice: its text and the rows of its attachments.

``build_notice_data`` reads the live data (scores, submissions, findings) for a notice; the PDF
and XLSX builders turn the result into bytes. The result converts to and from JSON so that an
issued notice keeps exactly the figures it was issued with.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field

from core.calendar import CN_QUARTER
from core.formatting import points_text
from inspections.selectors import carried_over_note, findings_for_quarter
from scoring.selectors import quarter_scores
from scoring.sentences import deduction_sentence
from scoring.statistics import StatsRow, bonus_note, stats_rows

from .article_attachment import (
    STYLE_2020,
    STYLE_2024,
    SubmissionRow,
    submission_months,
    submission_rows,
    submissions_note,
)
from .models import Notice

TOWNS_FIRST = {"镇街": 0, "部门": 1}


def correction_line(number: int, note: str) -> str:
    """What a corrected issue (第2版 …) says inside itself: its number and the 更正说明."""
    return f"（本通报为第{number}版。更正说明：{note.strip().rstrip('。')}。）" if number > 1 else ""


DRAFT_MARK = "草稿"
"""Printed across every page of a draft's PDF and at the head of every page of its Excel."""


def attachment_title(kind: str, quarter: int, style: str = STYLE_2020) -> str:
    """The titles the office printed: 2020 names the quarter in the submissions title, 2024 does not."""
    cn = CN_QUARTER[quarter]
    submissions = "各单位政务公开工作投稿情况" if style == STYLE_2024 else f"各单位政务公开工作第{cn}季度投稿情况"
    return {
        Notice.AttachmentKind.STATS_DEPARTMENTS: f"各部门第{cn}季度政务公开工作情况统计",
        Notice.AttachmentKind.STATS_TOWNS: f"各镇、街道第{cn}季度政务公开工作情况统计",
        Notice.AttachmentKind.SUBMISSIONS: submissions,
        Notice.AttachmentKind.DEDUCTIONS: f"各单位第{cn}季度政务公开工作减分情况",
        Notice.AttachmentKind.FINDINGS: "政务公开工作检查情况",
    }[kind]


@dataclass
class FindingEntry:
    unit: str
    texts: list[str]


@dataclass
class AttachmentData:
    kind: str
    number: int
    title: str
    months: list[int] = field(default_factory=list)
    stats: list[StatsRow] = field(default_factory=list)
    submissions: list[SubmissionRow] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    deduction_totals: list[str] = field(default_factory=list)
    findings: list[FindingEntry] = field(default_factory=list)
    note: str = ""
    """The note printed under the table (注：…)."""
    style: str = ""
    """The submissions attachment's style (``2024`` / ``2020``)."""


@dataclass
class NoticeData:
    year: int
    quarter: int
    doc_number: str
    title: str
    addressee: str
    basis: str
    overview: str
    problems: str
    requirements: str
    signature: str
    issue_date: str
    attachments: list[AttachmentData]
    submissions_style: str = STYLE_2024
    cc: str = ""
    """抄送机关 of the 版记 (empty: none)."""
    printing_office: str = ""
    """印发机关 of the 版记 (empty: no 版记)."""
    printing_date: str = ""

    @property
    def date(self) -> datetime.date:
        return datetime.date.fromisoformat(self.issue_date)

    @property
    def printed_on(self) -> datetime.date:
        return datetime.date.fromisoformat(self.printing_date or self.issue_date)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> NoticeData:
        attachments = []
        for item in data["attachments"]:
            attachments.append(
                AttachmentData(
                    **{
                        **item,
                        "stats": [StatsRow(**row) for row in item["stats"]],
                        "submissions": [SubmissionRow(**row) for row in item["submissions"]],
                        "findings": [FindingEntry(**row) for row in item["findings"]],
                    }
                )
            )
        return cls(**{**data, "attachments": attachments})


def blank_zero(value: str) -> str:
    """The office leaves 加分/减分 cells empty rather than printing 0."""
    return "" if value in ("", "0") else value


def build_notice_data(notice: Notice) -> NoticeData:
    """Text of ``notice`` and the attachment rows from the current data (constant queries)."""
    year, quarter = notice.year, notice.quarter
    needs_scores = any(k != Notice.AttachmentKind.FINDINGS for k in notice.attachments)
    scores = quarter_scores(year=year, quarter=quarter) if needs_scores else None
    style = notice.submissions_style
    kinds = list(notice.attachments)
    see = (
        f"附件{kinds.index(Notice.AttachmentKind.SUBMISSIONS) + 1}"
        if Notice.AttachmentKind.SUBMISSIONS in kinds and style == STYLE_2020
        else ""
    )
    attachments = []
    for number, kind in enumerate(kinds, start=1):
        data = AttachmentData(kind=kind, number=number, title=attachment_title(kind, quarter, style))
        if kind in (Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.STATS_TOWNS):
            category = "部门" if kind == Notice.AttachmentKind.STATS_DEPARTMENTS else "镇街"
            data.months = list(scores.months)
            data.stats = stats_rows(scores.by_category(category))
            data.note = bonus_note(scores.rules, see=see)
        elif kind == Notice.AttachmentKind.SUBMISSIONS:
            data.style = style
            data.months = submission_months(scores, style)
            data.submissions = submission_rows(scores, style)
            data.note = submissions_note(scores, style)
        elif kind == Notice.AttachmentKind.DEDUCTIONS:
            rows = sorted(
                (r for r in scores.rows if r.deduction_items), key=lambda r: (TOWNS_FIRST[r.category], r.sort_order)
            )
            data.sentences = [deduction_sentence(row.name, row.deduction_items) for row in rows]
            data.deduction_totals = [points_text(row.deduction) for row in rows]
        elif kind == Notice.AttachmentKind.FINDINGS:
            data.findings = findings_entries(year, quarter)
        attachments.append(data)
    return NoticeData(
        year=year,
        quarter=quarter,
        doc_number=notice.doc_number,
        title=notice.title,
        addressee=notice.addressee,
        basis=notice.basis,
        overview=notice.overview,
        problems=notice.problems,
        requirements=notice.requirements,
        signature=notice.signature,
        issue_date=notice.issue_date.isoformat(),
        attachments=attachments,
        submissions_style=style,
        cc=notice.cc,
        printing_office=notice.printing_office,
        printing_date=(notice.printing_date or notice.issue_date).isoformat(),
    )


def findings_entries(year: int, quarter: int) -> list[FindingEntry]:
    """One entry per unit (towns first, as in the office's notice), its findings in order."""
    per_unit: dict[str, FindingEntry] = {}
    order: dict[str, tuple] = {}
    for finding in findings_for_quarter(year, quarter):
        text = finding.description.rstrip("。") + carried_over_note(finding) + "。"
        entry = per_unit.setdefault(finding.unit.name, FindingEntry(unit=finding.unit.name, texts=[]))
        entry.texts.append(text)
        order[finding.unit.name] = (TOWNS_FIRST[finding.unit.category], finding.unit.sort_order)
    return sorted(per_unit.values(), key=lambda e: order[e.unit])
