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
from scoring.statistics import StatsRow, stats_rows

from .models import Notice

TOWNS_FIRST = {"镇街": 0, "部门": 1}


def attachment_title(kind: str, quarter: int) -> str:
    cn = CN_QUARTER[quarter]
    return {
        Notice.AttachmentKind.STATS_DEPARTMENTS: f"各部门第{cn}季度政务公开工作情况统计",
        Notice.AttachmentKind.STATS_TOWNS: f"各镇、街道第{cn}季度政务公开工作情况统计",
        Notice.AttachmentKind.SUBMISSIONS: f"各单位政务公开工作第{cn}季度投稿情况",
        Notice.AttachmentKind.DEDUCTIONS: f"各单位第{cn}季度政务公开工作减分情况",
        Notice.AttachmentKind.FINDINGS: "政务公开工作检查情况",
    }[kind]


@dataclass
class SubmissionRow:
    unit: str
    submitted: list[int]
    non_compliant: list[int]
    city_adopted: int
    province_adopted: int
    bonus: str


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

    @property
    def date(self) -> datetime.date:
        return datetime.date.fromisoformat(self.issue_date)

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
    attachments = []
    for number, kind in enumerate(notice.attachments, start=1):
        data = AttachmentData(kind=kind, number=number, title=attachment_title(kind, quarter))
        if kind in (Notice.AttachmentKind.STATS_DEPARTMENTS, Notice.AttachmentKind.STATS_TOWNS):
            category = "部门" if kind == Notice.AttachmentKind.STATS_DEPARTMENTS else "镇街"
            data.months = list(scores.months)
            data.stats = stats_rows(scores.by_category(category))
        elif kind == Notice.AttachmentKind.SUBMISSIONS:
            data.months = list(scores.months)
            rows = sorted(
                (r for r in scores.rows if not r.submission_exempt), key=lambda r: (r.category != "部门", r.sort_order)
            )
            data.submissions = [
                SubmissionRow(
                    unit=row.name,
                    submitted=[f.submitted for f in row.figures],
                    non_compliant=[f.non_compliant for f in row.figures],
                    city_adopted=sum(f.city_adopted for f in row.figures),
                    province_adopted=sum(f.province_adopted for f in row.figures),
                    bonus=points_text(row.bonus),
                )
                for row in rows
            ]
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
