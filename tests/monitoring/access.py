"""Who may open which monitoring page: the office everything, a unit its own columns only."""

import datetime

from monitoring.models import Column, ColumnReading, CrawlRun, FindingProposal
from tests.access import Access


def setup(world):
    run = CrawlRun.objects.create(trigger=CrawlRun.Trigger.COMMAND, as_of=datetime.date(2024, 7, 1))
    columns = {}
    for key, unit in (("own", world.own_unit), ("other", world.other_unit)):
        column = Column.objects.create(
            unit=unit, name="政策文件", url="http://127.0.0.1:9/zcwj/", requirement="每季度", position=1
        )
        ColumnReading.objects.create(
            run=run, column=column, url=column.url, latest=datetime.date(2024, 1, 5), months={"2024-01": 1}, stale=True
        )
        columns[key] = column
    proposal = FindingProposal.objects.create(
        unit=world.other_unit,
        column=columns["other"],
        column_name="政策文件",
        requirement="每季度",
        latest=datetime.date(2024, 1, 5),
        description="政策文件栏目最近更新为2024年1月5日，已超过一个季度未更新",
        evidence_url=columns["other"].url,
    )
    world.extra.update(own_column=columns["own"], other_column=columns["other"], proposal=proposal)


def _pk(key):
    return lambda w: {"pk": w.extra[key].pk}


POST_ONLY = Access(unit_user=403, office_staff=405, office_admin=405)

ACCESS = {
    "monitoring:index": Access(unit_user=302, office_staff=302, office_admin=302),
    "monitoring:columns": Access(),
    "monitoring:unit": [
        Access(kwargs=lambda w: {"unit_id": w.own_unit.pk}, unit_user=200),
        Access(kwargs=lambda w: {"unit_id": w.other_unit.pk}, unit_user=404),
    ],
    "monitoring:column_add": Access(kwargs=lambda w: {"unit_id": w.own_unit.pk}),
    "monitoring:column": [
        Access(kwargs=_pk("own_column"), unit_user=200),
        Access(kwargs=_pk("other_column"), unit_user=404),
    ],
    "monitoring:column_edit": Access(kwargs=_pk("own_column")),
    "monitoring:column_delete": Access(kwargs=_pk("own_column"), unit_user=403, office_staff=405, office_admin=405),
    "monitoring:crawl": POST_ONLY,
    "monitoring:crawls": Access(),
    "monitoring:proposals": Access(),
    "monitoring:proposal": Access(kwargs=_pk("proposal")),
    "monitoring:proposal_dismiss": Access(kwargs=_pk("proposal"), unit_user=403, office_staff=405, office_admin=405),
    "monitoring:counts_take": POST_ONLY,
}
