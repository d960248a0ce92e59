"""The office's view of a year: every unit's status, who is late, and which texts look copied."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from units.models import Unit

from .models import AnnualReport, ReportYear
from .selectors import expected_units, is_late, latest_per_unit, texts_of
from .similarity import COMPARED, Similar, pairwise_similar, shingled, similar_sections

Status = AnnualReport.Status


@dataclass
class OverviewRow:
    unit: Unit
    report: AnnualReport | None
    late: bool
    similar: list[Similar] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return self.report.status_label if self.report else Status.NOT_SUBMITTED.label

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.first_submitted_at is not None

    @property
    def awaiting_review(self) -> bool:
        """已提交, waiting for the office to finalise or return it."""
        return self.report is not None and self.report.status == Status.SUBMITTED

    @property
    def top_similarity(self) -> Similar | None:
        return max(self.similar, key=lambda s: s.score) if self.similar else None


def _own_label(year: int) -> str:
    return f"本单位{year}年报告"


def year_overview(report_year: ReportYear, *, today: datetime.date) -> list[OverviewRow]:
    """One row per unit expected to report, in the official order (three queries)."""
    year = report_year.year
    units = list(expected_units(year))
    current = latest_per_unit(
        AnnualReport.objects.filter(report_year=report_year, scope=AnnualReport.Scope.UNIT).select_related("unit")
    )
    last_year = latest_per_unit(
        AnnualReport.objects.filter(report_year__year=year - 1, scope=AnnualReport.Scope.UNIT, unit__in=units)
    )
    labelled = {uid: (f"{r.unit.name}{year}年报告", shingled(texts_of(r))) for uid, r in current.items()}
    among_units = pairwise_similar(labelled)
    rows = []
    for unit in units:
        report = current.get(unit.pk)
        row = OverviewRow(unit, report, is_late(report, report_year.unit_deadline, today))
        if unit.pk in labelled:
            own = []
            if unit.pk in last_year:
                own = similar_sections(
                    labelled[unit.pk][1], [(_own_label(year - 1), shingled(texts_of(last_year[unit.pk])))]
                )
            row.similar = sorted(own + among_units[unit.pk], key=lambda s: (COMPARED.index(s.section), -s.score))
        rows.append(row)
    return rows


def report_similarities(report: AnnualReport, previous: AnnualReport | None) -> list[Similar]:
    """Sections of ``report`` nearly identical to last year's own or another unit's this year."""
    if report.is_district:
        return []
    others = []
    if previous is not None:
        others.append((_own_label(previous.year), shingled(texts_of(previous))))
    siblings = latest_per_unit(
        AnnualReport.objects.filter(report_year_id=report.report_year_id, scope=AnnualReport.Scope.UNIT)
        .exclude(unit_id=report.unit_id)
        .select_related("unit")
    )
    others += [(f"{r.unit.name}{report.year}年报告", shingled(texts_of(r))) for r in siblings.values()]
    return similar_sections(shingled(texts_of(report)), others)
