"""Bodies of seed 003 that take tasks but are not assessed (区档案馆, 区市民投诉中心, 区委编办): they keep
ledgers and report progress, and are never scored, ranked, shown in the month grid or listed in notices."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from core.calendar import Month
from reports.drafting import draft_notice
from scoring.selectors import quarter_scores, unit_trend
from submissions.grid.selectors import month_grid
from tests.factories import PublicationFactory, TallyFactory
from units.models import Unit
from units.selectors import assessed_units_in
from workplans.models import ProgressStatus
from workplans.services import ledger_row_add, ledger_submit, progress_report

from .conftest import unit
from .helpers import make_plan, make_task

NOT_ASSESSED = {"区档案馆", "区市民投诉中心", "区委编办"}


def test_they_are_in_the_unit_list_but_never_assessed(real_units):
    assert set(Unit.objects.filter(is_assessed=False).values_list("name", flat=True)) == NOT_ASSESSED
    archive = unit("区档案馆")
    assert not archive.is_assessed_in(datetime.date(2022, 6, 1))
    names = set(assessed_units_in(datetime.date(2022, 1, 1), datetime.date(2022, 12, 1)).values_list("name", flat=True))
    assert names.isdisjoint(NOT_ASSESSED)
    assert len(names) == 67


def test_never_scored_or_ranked(real_units):
    for u in Unit.objects.all():  # even with figures recorded for them
        PublicationFactory(unit=u, year=2022, month=7, count=3)
        TallyFactory(unit=u, year=2022, month=7, submitted=1)

    scores = quarter_scores(year=2022, quarter=3)

    assert {row.name for row in scores.rows}.isdisjoint(NOT_ASSESSED)
    assert len(scores.rows) == 67
    trend = unit_trend(unit=unit("区档案馆"), year=2022, quarter=3)
    assert {total for _, total in trend} == {None}


def test_not_in_the_month_grid(real_units, staff):
    grid = month_grid(month=Month(2022, 7), user=staff)

    assert {row.name for row in grid.rows}.isdisjoint(NOT_ASSESSED)
    assert len(grid.rows) == 67


def test_their_figures_cannot_be_imported(real_units, xlsx_file, capsys):
    path = xlsx_file([["单位", "7月"], ["区档案馆", 3]])

    with pytest.raises(CommandError, match="共1处错误，未导入任何数据。"):
        call_command("import_publications", str(path), "--year", "2022")

    assert "第2行 7月: 区档案馆在2022年7月不在考核范围内" in capsys.readouterr().err


def test_they_keep_ledgers_and_report_progress_but_are_not_listed_in_notices(real_units, archive_user):
    archive = unit("区档案馆")
    plan = make_plan(2022)
    late = make_task(plan, 1, [archive, unit("区文旅局")], time_limit="6月底前")
    ledger_row_add(task=late, unit=archive, acting_user=archive_user, measure="建设查阅中心", time_limit="6月底前")
    ledger_submit(plan=plan, unit=archive, acting_user=archive_user)
    progress_report(
        task=late,
        unit=archive,
        period="Y",
        status=ProgressStatus.IN_PROGRESS,
        note="场地改造中",
        acting_user=archive_user,
        today=datetime.date(2022, 7, 1),
    )

    notice = draft_notice(year=2022, quarter=3, issue_date=datetime.date(2022, 10, 10))

    # Both are late with the task; only the assessed one is named.
    assert "工作方案任务落实方面部分单位存在任务逾期未完成问题，如文旅局等。" in notice.problems
    assert "档案馆" not in notice.problems


def test_their_own_page_says_they_are_not_assessed(client, real_units, archive_user):
    client.force_login(archive_user)

    page = client.get(reverse("scoring:unit_quarter", args=[2022, 3, archive_user.unit_id]))

    assert "本单位不参加政务公开考核，不计分、不排名。" in page.content.decode()
