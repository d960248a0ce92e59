"""The proposal page is one form: 确认并记录问题 and 忽略此建议 post everything typed for either
decision, and a refused one shows it all again (beside the page, if the proposal was decided
meanwhile)."""

import datetime
import re

import pytest
from django.urls import reverse

from monitoring.models import Column, CrawlRun, FindingProposal, ProposalStatus
from monitoring.runs import crawl
from monitoring.services import finding_proposal_dismiss

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def proposal(site, fgj):
    Column.objects.create(unit=fgj, name="部门职责任务清单", url=site.url("/fgj/zrqd/"), requirement="每年")
    crawl(as_of=D(2024, 7, 1), trigger=CrawlRun.Trigger.COMMAND)
    return FindingProposal.objects.get()


@pytest.fixture
def office(client, staff):
    client.force_login(staff)
    return client


def textarea(html: str, name: str) -> str:
    return re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', html, re.S).group(1)


def test_a_refused_confirmation_keeps_the_reason_typed_to_dismiss(office, proposal):
    data = {"inspection": "", "description": "改写的问题描述", "reason": "栏目已迁移"}

    html = office.post(reverse("monitoring:proposal", args=[proposal.pk]), data).content.decode()

    assert re.findall(r'class="errorlist[^>]*><li>(.*?)</li>', html) == ["这个字段是必填项。"]
    assert textarea(html, "description") == "改写的问题描述"
    assert 'name="reason" value="栏目已迁移"' in html


def test_a_refused_dismissal_keeps_everything_typed(office, proposal):
    data = {"description": "改写的问题描述", "working_days": "5", "reason": "   "}

    response = office.post(reverse("monitoring:proposal_dismiss", args=[proposal.pk]), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "请填写忽略的理由。" in html
    assert textarea(html, "description") == "改写的问题描述"
    assert 'name="working_days" value="5"' in html
    assert FindingProposal.objects.get().status == ProposalStatus.PENDING


def test_a_dismissal_refused_because_a_colleague_decided_shows_the_reason(office, proposal, staff):
    finding_proposal_dismiss(proposal=proposal, reason="重复", acting_user=staff)

    html = office.post(
        reverse("monitoring:proposal_dismiss", args=[proposal.pk]), {"reason": "栏目已迁移"}
    ).content.decode()

    assert re.findall(r"<p>(忽略理由)：<span data-typed>(.*?)</span></p>", html) == [("忽略理由", "栏目已迁移")]
