"""A crawl proposes, staff decide: a stale column becomes a proposed finding (confirmed through the
inspections services, or dismissed with a reason); items per month become proposed publication
counts shown in the month grid and taken over one unit or the whole month at a time."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.calendar import Month
from inspections.models import Finding
from monitoring.models import Column, CountProposal, CrawlRun, FindingProposal, ProposalStatus
from monitoring.runs import crawl
from monitoring.services import (
    column_update,
    count_proposal_accept,
    count_proposals_accept_month,
    finding_proposal_confirm,
    finding_proposal_dismiss,
)
from submissions.models import MonthlyPublication
from tests.factories import InspectionRoundFactory, PublicationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def columns(site, fgj):
    made = {}
    for name, path, requirement in [
        ("政策文件", "/fgj/zcwj/", "每季度"),
        ("工作动态", "/fgj/gzdt/", "每月"),
        ("部门职责任务清单", "/fgj/zrqd/", "每年"),
    ]:
        made[name] = Column.objects.create(unit=fgj, name=name, url=site.url(path), requirement=requirement)
    return made


def test_a_stale_column_is_proposed_once_with_its_page_as_evidence(columns, staff):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    (proposal,) = FindingProposal.objects.all()
    assert proposal.description == "部门职责任务清单栏目最近更新为2023年3月2日，已超过一年未更新"
    assert proposal.evidence_url == columns["部门职责任务清单"].url
    assert proposal.status == ProposalStatus.PENDING
    assert Finding.objects.count() == 0  # nothing written by itself

    crawl(as_of=D(2024, 7, 2), trigger=CrawlRun.Trigger.COMMAND)
    assert FindingProposal.objects.count() == 1  # the same update is not proposed again


def test_confirming_records_a_finding_with_the_usual_workflow(columns, staff):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    proposal = FindingProposal.objects.get()
    inspection = InspectionRoundFactory(name="2024年二季度检查", year=2024, quarter=2, inspected_on=D(2024, 7, 1))

    finding = finding_proposal_confirm(
        proposal=proposal, inspection=inspection, description=proposal.description, working_days=5, acting_user=staff
    )

    assert finding.category == Finding.Category.COLUMN_NOT_UPDATED
    assert finding.column == "部门职责任务清单"
    assert finding.status == Finding.Status.PENDING
    assert finding.deadline == D(2024, 7, 8)
    assert finding.description.startswith(
        "部门职责任务清单栏目最近更新为2023年3月2日，已超过一年未更新（栏目页面：http://"
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.finding) == (ProposalStatus.ACCEPTED, finding)
    (move,) = proposal.transitions.all()
    assert (move.from_status, move.to_status, move.by, move.note) == (
        "pending",
        "accepted",
        staff,
        "已记为2024年二季度检查的检查问题",
    )
    with pytest.raises(ValidationError, match="该建议已采用，不能再已忽略"):
        finding_proposal_dismiss(proposal=proposal, reason="重复", acting_user=staff)


def test_dismissing_needs_a_reason(columns, staff):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    proposal = FindingProposal.objects.get()
    with pytest.raises(ValidationError, match="请填写忽略的理由"):
        finding_proposal_dismiss(proposal=proposal, reason=" ", acting_user=staff)
    finding_proposal_dismiss(proposal=proposal, reason="该清单按规定长期有效", acting_user=staff)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DISMISSED
    assert proposal.transitions.get().note == "该清单按规定长期有效"


def test_a_pending_proposal_is_withdrawn_once_the_column_reads_fresh(columns, site, staff):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    column_update(column=columns["部门职责任务清单"], url=site.url("/fgj/zcwj/"), acting_user=staff)
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    proposal = FindingProposal.objects.get()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.transitions.get().note == "栏目已更新，最近更新为2024年6月28日"


def test_counts_for_the_finished_months_read_in_full(columns, fgj):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    counts = {(p.year, p.month): (p.count, p.detail) for p in CountProposal.objects.filter(unit=fgj)}
    # Every page was read: the twelve finished months before July 2024, empty months as 0.
    assert sorted(counts) == [(2023, m) for m in range(7, 13)] + [(2024, m) for m in range(1, 7)]
    assert counts[(2024, 6)] == (7, "政策文件5条、工作动态2条")
    assert counts[(2024, 3)] == (6, "政策文件5条、工作动态1条")
    assert counts[(2023, 12)] == (0, "各栏目均无条目")


def test_counts_only_for_months_every_column_was_read_back_past(columns, site, fgj, settings):
    settings.MONITORING_MAX_PAGES = 2  # 政策文件 and 工作动态 have three pages each
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    months = sorted((p.year, p.month) for p in CountProposal.objects.filter(unit=fgj))
    # The oldest items read: 政策文件 2024-03-06, 工作动态 2024-04-22; April may have more on page 3.
    assert months == [(2024, 5), (2024, 6)]


def test_the_grid_shows_the_proposed_count_beside_the_entered_one_and_takes_it_over(columns, fgj, staff, client):
    PublicationFactory(unit=fgj, year=2024, month=6, count=4)
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    client.force_login(staff)
    html = client.get(reverse("submissions:grid", args=[2024, 6])).content.decode()
    assert re.search(r'<span class="proposal differs"[^>]*data-proposal="7">栏目监测7≠</span>', html)
    assert 'form="proposals-form" name="unit"' in html and 'id="proposals-form"' in html

    response = client.post(reverse("monitoring:counts_take"), {"month": "2024-06", "unit": fgj.pk})
    assert response.url == reverse("submissions:grid", args=[2024, 6])
    record = MonthlyPublication.objects.get(unit=fgj, year=2024, month=6)
    assert record.count == 7
    assert record.history.first().history_change_reason == "采用栏目监测数（政策文件5条、工作动态2条）"
    assert CountProposal.objects.get(unit=fgj, year=2024, month=6).transitions.get().note == "发布数：4条 → 7条"
    html = client.get(reverse("submissions:grid", args=[2024, 6])).content.decode()
    assert "data-proposal" not in html


def test_the_whole_month_at_once_and_nothing_twice(columns, fgj, staff):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    assert count_proposals_accept_month(month=Month(2024, 5), acting_user=staff) == (1, 1)
    assert MonthlyPublication.objects.get(unit=fgj, year=2024, month=5).count == 7
    assert count_proposals_accept_month(month=Month(2024, 5), acting_user=staff) == (0, 0)
    proposal = CountProposal.objects.get(unit=fgj, year=2024, month=4)
    count_proposal_accept(proposal=proposal, acting_user=staff)
    with pytest.raises(ValidationError):
        count_proposal_accept(proposal=proposal, acting_user=staff)
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    assert not CountProposal.objects.filter(unit=fgj, year=2024, month=4, status=ProposalStatus.PENDING).exists()


def test_a_later_crawl_shows_what_the_pages_list_now(columns, site, staff, client):
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    column = columns["部门职责任务清单"]
    column_update(column=column, url=site.url("/zt/zcwj/"), acting_user=staff)
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    client.force_login(staff)
    changes = client.get(reverse("monitoring:column", args=[column.pk])).context["changes"]
    assert [i["title"] for i in changes.added] == [
        "关于印发朱台镇2024年政务公开工作要点的通知",
        "关于调整朱台镇安全生产委员会组成人员的通知",
    ]
    assert [(i["title"], i["date"]) for i in changes.gone] == [
        ("临淄区发展和改革局部门职责任务清单", "2023-03-02"),
        ("临淄区发展和改革局部门职责边界清单", "2022-12-09"),
    ]
