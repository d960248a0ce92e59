"""The first draft of a quarter's notice, written from the data; staff edit it before issue."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone

from core.calendar import CN_QUARTER, CalendarUnavailable, Quarter, add_working_days
from core.panels import NoticeProblem, notice_problems
from inspections.models import Finding
from inspections.selectors import findings_for_quarter
from scoring.selectors import NoRuleSet, in_official_order, quarter_scores

from .article_attachment import STYLE_2020, STYLE_2024
from .models import Notice

ISSUER = "临淄区人民政府办公室"
ADDRESSEE = "各镇人民政府、街道办事处，各开发区管委会，区政府各部门，有关企事业单位："
ORDINALS = "一二三四五六七八九十"
Kind = Notice.AttachmentKind
ATTACHMENT_ORDER = {
    # Seed 000 (2024 Q4): 1. 政务公开工作检查情况 2. 各单位政务公开工作投稿情况.
    STYLE_2024: [Kind.FINDINGS, Kind.SUBMISSIONS, Kind.STATS_DEPARTMENTS, Kind.STATS_TOWNS, Kind.DEDUCTIONS],
    # Seed 001 (2020 Q3): 1–2. the statistics tables 3. the submissions 4. the deductions.
    STYLE_2020: [Kind.STATS_DEPARTMENTS, Kind.STATS_TOWNS, Kind.SUBMISSIONS, Kind.DEDUCTIONS, Kind.FINDINGS],
}
"""The office's order of attachments in each published style."""
STYLE_ATTACHMENTS = {
    STYLE_2024: [Kind.FINDINGS, Kind.SUBMISSIONS],
    STYLE_2020: [Kind.STATS_DEPARTMENTS, Kind.STATS_TOWNS, Kind.SUBMISSIONS, Kind.DEDUCTIONS, Kind.FINDINGS],
}
"""The attachments a draft of each style starts with (the findings only when there are some)."""


def default_style(year: int) -> str:
    """The submissions layout the office used: 2020's for 2020, the current one afterwards."""
    return STYLE_2020 if year <= 2020 else STYLE_2024


def ordered_attachments(kinds: Iterable[str], style: str) -> list[str]:
    """``kinds`` in the office's order of ``style``, whatever order they were ticked in."""
    chosen = set(kinds)
    return [str(kind) for kind in ATTACHMENT_ORDER.get(style, ATTACHMENT_ORDER[STYLE_2024]) if kind in chosen]


CATEGORY_SENTENCES = [
    (Finding.Category.COLUMN_NOT_UPDATED, "政府信息主动公开方面个别单位存在栏目更新不及时问题，如{units}等"),
    (
        Finding.Category.DOCUMENT_FORMAT,
        "政府文件公开方面个别单位存在字体不规范、发文字号和此件公开发布缺失等问题，如{units}等",
    ),
    (Finding.Category.SENSITIVE_WORDS, "部分单位网站信息存在错敏词，如{units}等"),
    (Finding.Category.CATALOGUE, "公开事项标准目录方面部分单位存在未上传或上传不规范问题，如{units}等"),
    (Finding.Category.OTHER, "其他方面，{units}等单位存在问题需要整改"),
]


def short_name(name: str) -> str:
    """How the notice names a unit in running text: 区财政局 → 财政局; towns as they are."""
    return name[1:] if name.startswith("区") and len(name) > 2 else name


def unit_list(names: Iterable[str]) -> str:
    seen: list[str] = []
    for name in names:
        short = short_name(name)
        if short not in seen:
            seen.append(short)
    return "、".join(seen)


def _by_count(pairs: list[tuple[str, int]], level: str) -> str:
    """“人社局、临淄医保分局稿件被市采用各1篇” or “A稿件被市采用2篇，B稿件被市采用1篇”."""
    counts = {n for _, n in pairs}
    if len(counts) == 1:
        n = counts.pop()
        each = "各" if len(pairs) > 1 else ""
        return f"{unit_list(u for u, _ in pairs)}稿件被{level}采用{each}{n}篇"
    return "，".join(f"{short_name(u)}稿件被{level}采用{n}篇" for u, n in pairs)


def overview_text(scores, *, late_units: bool = False) -> str:
    rows = in_official_order(scores.rows)
    province = [(r.name, sum(f.province_adopted for f in r.figures)) for r in rows]
    city = [(r.name, sum(f.city_adopted for f in r.figures)) for r in rows]
    province = [p for p in province if p[1]]
    city = [c for c in city if c[1]]
    adoption = "；".join(
        part for part in (_by_count(province, "省") if province else "", _by_count(city, "市") if city else "") if part
    )
    first = "从检查情况看，大部分单位政府信息主动公开方面工作开展普遍较好，重点领域政府信息能做到及时、准确公开"
    if not late_units:
        first += "；市通报、网站排查发现问题能够及时整改到位"
    if adoption:
        return f"{first}；“政务公开在行动”栏目{adoption}。"
    return f"{first}。本季度暂无单位稿件被市级、省级采用。"


def problems_text(scores, findings: list[Finding], extra: Iterable[NoticeProblem] = ()) -> str:
    """一是… 二是…: findings by category, submissions, late rectification, then the problems other
    apps offer (``extra``, e.g. overdue work-plan tasks)."""
    points: list[str] = []
    for category, template in CATEGORY_SENTENCES:
        units = [f.unit.name for f in findings if f.category == category]
        if units:
            points.append(template.format(units=unit_list(units)))
    rows = in_official_order(scores.rows)
    zero = [
        r.name for r in rows if not r.submission_exempt and any(r.assessed) and sum(f.submitted for f in r.figures) == 0
    ]
    poor = [r.name for r in rows if sum(f.non_compliant for f in r.figures) > 0]
    submission_finding_units = [f.unit.name for f in findings if f.category == Finding.Category.SUBMISSION]
    parts = []
    if zero:
        parts.append(f"部分单位不重视，稿件数量为零，如{unit_list(zero)}等")
    if poor or submission_finding_units:
        parts.append(f"部分稿件质量不高、内容与政务公开无关，如{unit_list([*poor, *submission_finding_units])}等")
    if parts:
        points.append("“政务公开在行动”栏目投稿方面" + "；".join(parts))
    late = late_units(findings)
    if late:
        points.append(f"问题整改方面存在整改不及时问题，如{unit_list(late)}等")
    points.extend(problem.template.format(units=unit_list(problem.units)) for problem in extra if problem.units)
    if not points:
        return "本季度检查未发现突出问题。"
    return "".join(f"{ORDINALS[i]}是{text}。" for i, text in enumerate(points))


def late_units(findings: list[Finding]) -> list[str]:
    """Units whose rectification is late: carried-over findings, 整改不及时 findings, late answers."""
    return [
        f.unit.name
        for f in findings
        if f.carried_over_from_id or f.category == Finding.Category.LATE_RECTIFICATION or getattr(f, "is_late", False)
    ]


def default_issue_date(year: int, quarter: int) -> datetime.date:
    """Today, or for a past quarter the tenth day after it ended (the office issues in its first weeks)."""
    return min(timezone.localdate(), Quarter(year, quarter).end + datetime.timedelta(days=9))


def requirements_text(deadline: datetime.date) -> str:
    return (
        "各单位要高度重视检查发现的问题，进一步强化问题导向，认真分析查找原因，并举一反三，"
        "通过“解剖一个问题”推动“解决一类问题”。"
        f"请于{deadline.month}月{deadline.day}日前将反馈问题全部整改到位，区政府办公室将对整改情况进行检查。"
    )


def default_deadline(issue_date: datetime.date, findings: list[Finding]) -> datetime.date:
    deadlines = [f.deadline for f in findings if f.deadline and f.deadline >= issue_date]
    if deadlines:
        return max(deadlines)
    try:
        return add_working_days(issue_date, 5)
    except CalendarUnavailable:
        return issue_date + datetime.timedelta(days=7)


def draft_notice(*, year: int, quarter: int, issue_date: datetime.date | None = None) -> Notice:
    """An unsaved :class:`Notice` with text generated from the quarter's data."""
    issue_date = issue_date or default_issue_date(year, quarter)
    cn = CN_QUARTER[quarter]
    try:
        scores = quarter_scores(year=year, quarter=quarter)
    except NoRuleSet:
        scores = None
    findings = list(findings_for_quarter(year, quarter, today=issue_date))
    deadline = default_deadline(issue_date, findings)
    style = default_style(year)
    attachments = [kind for kind in STYLE_ATTACHMENTS[style] if kind != Kind.FINDINGS or findings]
    if scores is None:
        attachments = [Kind.FINDINGS] if findings else []
    return Notice(
        year=year,
        quarter=quarter,
        title=f"{ISSUER}关于{year}年第{cn}季度全区政务公开工作情况的通报",
        addressee=ADDRESSEE,
        basis=(
            "根据《临淄区人民政府办公室关于印发临淄区政务公开工作考核办法的通知》（临政办字〔2019〕26号）等要求，"
            f"区政府办公室对各镇街道、区政府各部门{year}年第{cn}季度政务公开工作进行了检查，现将有关情况通报如下。"
        ),
        overview=overview_text(scores, late_units=bool(late_units(findings))) if scores else "",
        problems=problems_text(scores, findings, notice_problems(year=year, quarter=quarter, as_of=issue_date))
        if scores
        else "",
        requirements=requirements_text(deadline),
        attachments=ordered_attachments(attachments, style),
        submissions_style=style,
        signature=ISSUER,
        printing_office=ISSUER,
        issue_date=issue_date,
        rectification_deadline=deadline,
    )
