"""The annual assessment (年终考核) as an official document (PDF, GB/T 9704 body layout); the
ranking itself and its Excel sheets are the scores' (:mod:`scoring.assessment`)."""

from __future__ import annotations

from django.utils import timezone

from core.pdf import OfficialDocument, Paragraph, Table
from scoring.assessment import (
    CATEGORIES,
    adjustment_sentences,
    assessment_table,
    assessment_title,
    quarters_text,
)
from scoring.selectors import YearScores

ISSUER = "临淄区人民政府办公室"


def widths_mm(quarters: list[int]) -> list[float]:
    return [10, 44, *[12] * len(quarters), 14, 13, 13, 14]


def assessment_document(result: YearScores) -> OfficialDocument:
    body = [
        Paragraph(
            f"根据临淄区政务公开工作考核办法，现将{result.year}年度各单位政务公开工作考核结果公布如下。"
            f"年度得分为{quarters_text(result.quarters)}合计之和，加计入年终考核的采用加分，再加年度考核调整。"
        )
    ]
    for number, (category, name) in enumerate(CATEGORIES, start=1):
        body.append(Paragraph(f"{'一二'[number - 1]}、{name}", "h1"))
        body.append(Table.of_data(assessment_table(result, result.by_category(category)), widths_mm(result.quarters)))
    body.append(Paragraph("三、年度考核调整", "h1"))
    body += [Paragraph(s) for s in adjustment_sentences(result)] or [Paragraph("本年度无考核调整。")]
    return OfficialDocument(
        issuer=ISSUER,
        title=assessment_title(result.year),
        addressee="",
        body=body,
        attachment_titles=[],
        signature=ISSUER,
        date=timezone.localdate(),
    )
