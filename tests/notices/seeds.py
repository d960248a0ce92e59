"""The office's two real quarterly notices as data, and the worlds that reproduce them.

- ``seed000_2024q4_notice.txt`` (seed 000): the notice of 10 Jan 2025 on 2024 Q4 — its text, 附件1
  (检查情况, one entry per unit) and 附件2 (投稿情况 of every unit in the official order, ``1 (1)`` for
  an article that failed the requirements).
- ``seed001_2020q3_notice.partial.txt`` (seed 001): the notice of 14 Oct 2020 on 2020 Q3 — its text,
  the list of its four attachments and the 54 sentences of 附件4 (the statistics tables and the
  submissions table of 附件1–3 are not in the seed).

:func:`world_2024q4` and :func:`world_2020q3` key the figures of each into the database as a clerk
would and return the notice drafted from them, its text replaced by the published text.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from inspections.models import Finding
from inspections.services import findings_carry_over
from reports.models import Notice
from reports.services import notice_draft_create, notice_draft_update
from tests.factories import FindingFactory, InspectionRoundFactory, PublicationFactory, TallyFactory
from tests.scoring.test_reproduce_2020q3 import PUBLISHED_COUNTS, published
from units.models import Unit
from units.selectors import UnitResolver

DATA = Path(__file__).resolve().parent.parent / "data"
SEED_2024 = DATA / "seed000_2024q4_notice.txt"
SEED_2020 = DATA / "seed001_2020q3_notice.partial.txt"
CARRIED = "（三季度存在的问题，尚未整改）"


@dataclass
class SeedNotice:
    addressee: str
    paragraphs: list[str]
    """The text between the addressee and the attachment list (headings included)."""
    attachment_titles: list[str]
    signature: str
    date: str
    findings: list[tuple[str, str]] = field(default_factory=list)
    """(unit as printed, text) of 检查情况, in the printed order."""
    submissions: list[tuple[str, list[str]]] = field(default_factory=list)
    """(unit as printed, month cells) of 投稿情况, in the printed order."""
    submissions_header: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    """The sentences of 减分情况, in the printed order."""


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_seed(path: Path) -> SeedNotice:
    lines = _lines(path)
    start = next(i for i, line in enumerate(lines) if line.endswith("有关企事业单位："))
    list_at = next(i for i, line in enumerate(lines) if line.startswith("附件："))
    signature_at = next(i for i in range(list_at, len(lines)) if lines[i] == "临淄区人民政府办公室")
    titles = [re.sub(r"^(附件：)?\s*\d+\.\s*", "", line) for line in lines[list_at:signature_at]]
    paragraphs: list[str] = []
    for line in lines[start + 1 : list_at]:
        if paragraphs and paragraphs[-1].endswith("、"):  # a paragraph the page broke (……统计局、 / 信访局……)
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    seed = SeedNotice(
        addressee=lines[start],
        paragraphs=paragraphs,
        attachment_titles=titles,
        signature=lines[signature_at],
        date=lines[signature_at + 1],
    )
    section = ""
    for line in lines[signature_at + 2 :]:
        if line in titles:
            section = line
        elif line.startswith(("附件", "[")):
            continue
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= set("-"):
                continue
            if cells[0] and re.fullmatch(r"\d+(\s\(\d+\))?", cells[1]):
                seed.submissions.append((cells[0], cells[1:]))
            elif any(cells):
                seed.submissions_header.append(" ".join(c for c in cells if c))
        elif line.startswith("注："):
            seed.notes.append(line)
        elif section.endswith("检查情况"):
            if " " in line:
                seed.findings.append(tuple(line.split(maxsplit=1)))
            else:
                seed.findings[-1] = (seed.findings[-1][0], seed.findings[-1][1] + line)  # a line the page broke
        elif section.endswith("减分情况"):
            seed.sentences.append(line)
    return seed


def _count(cell: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)(?:\s\((\d+)\))?", cell)
    return int(match.group(1)), int(match.group(2) or 0)


def _category(text: str) -> str:
    if "整改不及时" in text:
        return Finding.Category.LATE_RECTIFICATION
    if "格式" in text:
        return Finding.Category.DOCUMENT_FORMAT
    return Finding.Category.COLUMN_NOT_UPDATED


def world_2024q4(staff) -> tuple[SeedNotice, Notice]:
    """Seed 000's quarter: the 40 units of its 投稿情况 (the others no longer assessed), their
    articles, the adoptions its 总体情况 names and its findings (carried over from 三季度 where it
    says so); the draft's text replaced by the published text."""
    seed = read_seed(SEED_2024)
    resolver = UnitResolver.from_db()
    listed = {resolver.resolve(name).pk for name, _ in seed.submissions}
    Unit.objects.filter(is_assessed=True).exclude(pk__in=listed).exclude(submission_exempt=True).update(
        assessed_until=datetime.date(2024, 9, 1)
    )
    adopted = {"区退役军人事务局": (0, 1), "区人社局": (1, 0), "临淄医疗保障分局": (1, 0)}
    for name, cells in seed.submissions:
        unit = resolver.resolve(name)
        for month, cell in zip((10, 11, 12), cells, strict=True):
            sent, poor = _count(cell)
            city, province = adopted.get(unit.name, (0, 0)) if month == 12 else (0, 0)
            TallyFactory(
                unit=unit, year=2024, month=month, submitted=sent, non_compliant=poor, city_adopted=city,
                province_adopted=province,
            )  # fmt: skip
    for unit in Unit.objects.filter(is_assessed=True, assessed_until__isnull=True):
        for month in (10, 11, 12):
            PublicationFactory(unit=unit, year=2024, month=month, count=10)
    q3 = InspectionRoundFactory(name="2024年三季度检查", year=2024, quarter=3, inspected_on=datetime.date(2024, 10, 12))
    q4 = InspectionRoundFactory(name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6))
    late = []
    for name, text in seed.findings:
        unit = resolver.resolve(name)
        for sentence in filter(None, text.split("。")):
            if CARRIED in sentence:
                FindingFactory(
                    inspection=q3, unit=unit, category=_category(sentence), description=sentence.replace(CARRIED, "")
                )
            else:
                late.append((unit, sentence))
    findings_carry_over(previous=q3, current=q4, deadline=datetime.date(2025, 1, 15))
    for unit, sentence in late:
        FindingFactory(
            inspection=q4, unit=unit, category=_category(sentence), description=sentence,
            deadline=datetime.date(2025, 1, 15),
        )  # fmt: skip
    notice = notice_draft_create(year=2024, quarter=4, acting_user=staff, issue_date=datetime.date(2025, 1, 10))
    headings = {"一、总体情况", "二、主要问题", "三、工作要求"}
    sections, current = {"basis": [], "overview": [], "problems": [], "requirements": []}, "basis"
    for paragraph in seed.paragraphs:
        if paragraph in headings:
            current = {"一": "overview", "二": "problems", "三": "requirements"}[paragraph[0]]
        else:
            sections[current].append(paragraph)
    notice_draft_update(
        notice=notice,
        acting_user=staff,
        addressee=seed.addressee,
        **{name: "\n".join(texts) for name, texts in sections.items()},
    )
    notice.refresh_from_db()
    return seed, notice


def world_2020q3(staff, xlsx_file) -> tuple[SeedNotice, Notice]:
    """Seed 001's quarter keyed in through the three imports (as ``test_reproduce_2020q3`` does): the
    published publication examples, an article in every month the sentences do not deduct, and the
    inspection items of the sentences as deductions; the notice's text replaced by the published text
    (four paragraphs without headings)."""
    from django.core.management import call_command

    seed = read_seed(SEED_2020)
    expected = published()
    deduction_rows = [["单位", "事项", "减分"]]
    missing_months: dict[str, set[int]] = {}
    for unit, (items, _, _) in expected.items():
        for reason, points in items:
            months = re.fullmatch(r"([\d、]+)月份未投稿", reason)
            if months:
                missing_months[unit] = {int(m) for m in months.group(1).split("、")}
            else:
                deduction_rows.append([unit, reason, float(points)])
    article_rows = [["单位", "月份", "投稿件数", "不合格件数", "市级采用", "省级采用"]]
    publication_rows = [["单位", "7月", "8月", "9月"]]
    for unit in Unit.objects.filter(is_assessed=True).exclude(name="区文物局").order_by("sort_order"):
        for month in (7, 8, 9):
            sent = 0 if month == 7 or month in missing_months.get(unit.name, ()) else 1
            article_rows.append([unit.name, month, sent, 0, 0, 0])
        publication_rows.append([unit.name, *PUBLISHED_COUNTS.get(unit.name, (5, 5, 5))])
    call_command("import_publications", str(xlsx_file(publication_rows, "p.xlsx")), "--year", "2020")
    call_command("import_articles", str(xlsx_file(article_rows, "a.xlsx")), "--year", "2020")
    call_command("import_deductions", str(xlsx_file(deduction_rows, "d.xlsx")), "--year", "2020", "--quarter", "3")
    notice = notice_draft_create(year=2020, quarter=3, acting_user=staff, issue_date=datetime.date(2020, 10, 14))
    notice_draft_update(
        notice=notice,
        acting_user=staff,
        addressee=seed.addressee,
        basis="\n".join(seed.paragraphs),
        overview="",
        problems="",
        requirements="",
    )
    notice.refresh_from_db()
    return seed, notice
