"""A crawl: read the columns (no database access while reading), then record in one short
transaction what each column listed, whether it is stale, and the proposals that follow."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from core.versioning import Kind, data_changed
from units.models import User

from ..crawler.crawl import ColumnRead, Target, read_columns
from ..crawler.fetch import Politeness
from ..freshness import is_stale
from ..models import Column, ColumnReading, CrawlRun, PageSnapshot
from .proposals import proposals_from_run


def _politeness() -> Politeness:
    return Politeness(
        user_agent=settings.MONITORING_USER_AGENT,
        delay=settings.MONITORING_DELAY,
        timeout=settings.MONITORING_TIMEOUT,
        max_bytes=settings.MONITORING_MAX_BYTES,
    )


def columns_crawl(
    *,
    columns: QuerySet[Column],
    as_of: datetime.date,
    trigger: str,
    acting_user: User | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CrawlRun:
    """Read ``columns`` and record the run; returns it with its readings."""
    columns = list(columns.select_related("unit"))
    started = timezone.now()
    reads = read_columns(
        [Target(column.pk, column.url, column.selector) for column in columns],
        _politeness(),
        max_pages=settings.MONITORING_MAX_PAGES,
        progress=progress,
    )
    return _record(columns, reads, as_of=as_of, trigger=trigger, acting_user=acting_user, started=started)


def _reading(run: CrawlRun, column: Column, read: ColumnRead, as_of: datetime.date, now) -> ColumnReading:
    reading = ColumnReading(
        run=run,
        column=column,
        read_at=now,
        url=column.url,
        latest=read.latest,
        months=read.months,
        stale=is_stale(column.requirement, read.latest, as_of),
        error=read.error,
        pages=read.pages_read,
        truncated=read.truncated,
        item_count=len(read.items),
    )
    reading.full_clean(exclude={"run", "column"}, validate_unique=False, validate_constraints=False)
    return reading


def _snapshots(reading: ColumnReading, read: ColumnRead) -> list[PageSnapshot]:
    return [
        PageSnapshot(
            reading=reading,
            number=number,
            url=page.url[:500],
            status=page.status,
            error=page.error,
            items=[{"title": i.title, "url": i.url, "date": i.date.isoformat()} for i in page.items],
        )
        for number, page in enumerate(read.pages, start=1)
    ]


@transaction.atomic
def _record(columns, reads, *, as_of, trigger, acting_user, started) -> CrawlRun:
    data_changed(Kind.MONITORING)  # the month grid shows the proposed counts
    now = timezone.now()
    run = CrawlRun(trigger=trigger, as_of=as_of, started_at=started, finished_at=now, requested_by=acting_user)
    run.full_clean()
    run.save()
    still = set(Column.objects.filter(pk__in=[c.pk for c in columns]).values_list("pk", flat=True))
    by_pk = {column.pk: column for column in columns if column.pk in still}  # removed while being read: dropped
    pairs = [(by_pk[read.target.key], read) for read in reads if read.target.key in by_pk]
    readings = ColumnReading.objects.bulk_create([_reading(run, c, read, as_of, now) for c, read in pairs])
    PageSnapshot.objects.bulk_create(
        [snapshot for reading, (_, read) in zip(readings, pairs, strict=True) for snapshot in _snapshots(reading, read)]
    )
    run.column_count = len(readings)
    run.error_count = sum(1 for r in readings if r.failed)
    run.stale_count = sum(1 for r in readings if r.stale)
    run.save(update_fields=["column_count", "error_count", "stale_count"])
    proposals_from_run(run=run, read=list(zip(readings, [read for _, read in pairs], strict=True)), as_of=as_of)
    return run
