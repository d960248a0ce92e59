"""What a crawl proposes, never writes: a finding for each stale column, and each unit's website
publication count for the months its columns were read in full. A proposal that a later crawl no
longer supports is withdrawn; one staff already decided is not proposed again."""

from __future__ import annotations

import datetime
from collections import defaultdict

from core.calendar import Month
from core.formatting import format_cn_date
from core.versioning import Kind, data_changed

from ..crawler.crawl import ColumnRead
from ..freshness import stale_sentence
from ..models import ColumnReading, CountProposal, CrawlRun, FindingProposal, ProposalStatus
from .transitions import proposal_move

PROPOSAL_MONTHS = 12
"""Counts are proposed for at most this many finished months before the as-of date."""


def _finding_proposals(readings: list[ColumnReading]) -> None:
    for reading in readings:
        column = reading.column
        pending = list(FindingProposal.objects.filter(column=column, status=ProposalStatus.PENDING))
        if reading.stale:
            for old in pending:
                if old.latest != reading.latest:
                    proposal_move(
                        old, ProposalStatus.WITHDRAWN, note=f"新一次读取：最近更新为{format_cn_date(reading.latest)}"
                    )
            if FindingProposal.objects.filter(column=column, latest=reading.latest).exists():
                continue  # proposed already (pending, confirmed or dismissed)
            proposal = FindingProposal(
                unit=column.unit,
                column=column,
                column_name=column.name,
                requirement=column.requirement,
                latest=reading.latest,
                description=stale_sentence(column.name, reading.latest, column.requirement),
                evidence_url=reading.url,
                reading=reading,
            )
            proposal.full_clean(validate_constraints=False)
            proposal.save()
        elif not reading.error:
            for old in pending:
                proposal_move(
                    old, ProposalStatus.WITHDRAWN, note=f"栏目已更新，最近更新为{format_cn_date(reading.latest)}"
                )


def _unit_months(members: list[tuple[ColumnReading, ColumnRead]], as_of: datetime.date) -> list[Month]:
    """Finished months (at most :data:`PROPOSAL_MONTHS`) that every column was read back past."""
    last = Month.of(as_of).previous()
    first = Month.from_index(last.index - PROPOSAL_MONTHS + 1)
    for _, read in members:
        if read.truncated and read.items:  # older pages were not read: the oldest month read is partial
            oldest = Month.of(min(item.date for item in read.items))
            first = max(first, oldest.next())
    return [Month.from_index(i) for i in range(first.index, last.index + 1)]


def _month_counts(members, months: list[Month]) -> dict[Month, tuple[int, str]]:
    """Per month: the items of all columns (an item listed in two columns once) and the detail."""
    wanted = set(months)
    keys: dict[Month, set] = defaultdict(set)
    per_column: dict[Month, list[str]] = defaultdict(list)
    for reading, read in members:
        counted: dict[Month, int] = defaultdict(int)
        for item in read.items:
            month = Month.of(item.date)
            if month in wanted:
                keys[month].add((item.url, item.title))
                counted[month] += 1
        for month, n in counted.items():
            per_column[month].append(f"{reading.column.name}{n}条")
    return {m: (len(keys[m]), "、".join(per_column[m]) or "各栏目均无条目") for m in months}


def _count_proposals(run: CrawlRun, read: list[tuple[ColumnReading, ColumnRead]], as_of: datetime.date) -> None:
    by_unit: dict[int, list[tuple[ColumnReading, ColumnRead]]] = defaultdict(list)
    for reading, column_read in read:
        if reading.column.counts_publications:
            by_unit[reading.column.unit_id].append((reading, column_read))
    for members in by_unit.values():
        if any(reading.error for reading, _ in members):
            continue  # a column not read in full: the unit's counts would be short
        unit = members[0][0].column.unit
        months = [m for m in _unit_months(members, as_of) if unit.is_assessed_in(m.start)]
        existing = defaultdict(list)
        for proposal in CountProposal.objects.filter(unit=unit, year__gte=months[0].year if months else 0).order_by(
            "pk"
        ):
            existing[(proposal.year, proposal.month)].append(proposal)
        for month, (count, detail) in _month_counts(members, months).items():
            _propose_count(run, unit, month, count, detail, existing[(month.year, month.month)])


def _propose_count(run, unit, month: Month, count: int, detail: str, earlier: list[CountProposal]) -> None:
    pending = [p for p in earlier if p.status == ProposalStatus.PENDING]
    for old in pending:
        if old.count == count:
            old.run, old.detail = run, detail[:500]
            old.save(update_fields=["run", "detail"])
            return
        proposal_move(old, ProposalStatus.WITHDRAWN, note=f"新一次读取为{count}条")
    decided = [p for p in earlier if p.status == ProposalStatus.ACCEPTED]
    if decided and decided[-1].count == count:
        return
    proposal = CountProposal(unit=unit, year=month.year, month=month.month, count=count, detail=detail[:500], run=run)
    proposal.full_clean(validate_constraints=False)
    proposal.save()


def proposals_from_run(*, run: CrawlRun, read: list[tuple[ColumnReading, ColumnRead]], as_of: datetime.date) -> None:
    """Propose what ``run`` found (inside the run's recording transaction)."""
    data_changed(Kind.MONITORING)
    _finding_proposals([reading for reading, _ in read])
    _count_proposals(run, read, as_of)
