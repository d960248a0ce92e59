"""Saves that race never cost a clerk's input: real threads, each with its own connection to the
test database (a file, as in production), do the same thing at the same moment.

Zero errors of the server, nothing lost, nothing doubled.
"""

import datetime
import re
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import Client
from django.urls import reverse

from inspections.models import Finding, RectificationResponse
from reports.models import IssuedNotice
from scoring.services import rule_sets_ensure_shipped
from submissions.models import MonthlyPublication
from tests.factories import (
    FindingFactory,
    InspectionRoundFactory,
    NoticeFactory,
    PublicationFactory,
    UnitFactory,
    UserFactory,
)
from units.models import User

N = 5


@pytest.fixture
def shipped(transactional_db):
    rule_sets_ensure_shipped()


def race(requests) -> list:
    """Run the callables at the same moment, each in its own thread; their results in order."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_concurrent_saves_of_one_grid_row(shipped):
    unit = UnitFactory(name="区商务局")
    PublicationFactory(unit=unit, year=2024, month=10, count=1)
    clerks = [UserFactory(username=f"clerk{i}", role=User.Role.OFFICE_STAFF) for i in range(N)]
    url = reverse("submissions:grid", args=[2024, 10])
    page = logged_in(clerks[0]).get(url).content.decode()
    state = page.split(f'name="u{unit.pk}-v" value="', 1)[1].split('"', 1)[0]
    clients = [logged_in(clerk) for clerk in clerks]

    def save(client, value):
        return lambda: client.post(url, {f"u{unit.pk}-v": state, f"u{unit.pk}-pub": str(value)})

    responses = race([save(client, 10 + i) for i, client in enumerate(clients)])

    assert not [r for r in responses if isinstance(r, Exception)]
    assert sorted(r.status_code for r in responses) == [200] * (N - 1) + [302]
    saved = MonthlyPublication.objects.get(unit=unit).count
    winner = next(i for i, r in enumerate(responses) if r.status_code == 302)
    assert saved == 10 + winner
    for i, response in enumerate(responses):
        if response.status_code == 200:
            html = response.content.decode()
            # the conflict message names who saved
            assert f"该行已被clerk{winner}于" in html, re.findall(r"(?:该行|保存|冲突)[^<]*", html)
            assert f'value="{10 + i}"' in html  # what this clerk typed is still on the page
    assert MonthlyPublication.history.filter(unit_id=unit.pk).count() == 2  # created + one change


def test_concurrent_answers_to_one_finding(shipped, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    unit = UnitFactory(name="区人社局")
    users = [UserFactory(username=f"renshe{i}", role=User.Role.UNIT_USER, unit=unit) for i in range(N)]
    inspection = InspectionRoundFactory(year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6))
    finding = FindingFactory(inspection=inspection, unit=unit, deadline=datetime.date(2025, 1, 15))
    url = reverse("inspections:finding_respond", args=[finding.pk])
    clients = [logged_in(user) for user in users]

    def answer(client, i):
        def post():
            upload = SimpleUploadedFile(f"整改{i}.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
            return client.post(url, {"text": f"已整改{i}", "file": upload})

        return post

    responses = race([answer(client, i) for i, client in enumerate(clients)])

    assert not [r for r in responses if isinstance(r, Exception)]
    assert all(r.status_code in (200, 302) for r in responses)
    assert RectificationResponse.objects.count() == 1
    finding.refresh_from_db()
    assert finding.status == Finding.Status.SUBMITTED
    stored = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert len(stored) == 1  # no orphan evidence files of the refused answers


def test_concurrent_issues_of_one_notice(shipped):
    clerks = [UserFactory(username=f"clerk{i}", role=User.Role.OFFICE_STAFF) for i in range(3)]
    notice = NoticeFactory(year=2024, quarter=4)
    url = reverse("reports:notice_issue", args=[notice.pk])
    clients = [logged_in(clerk) for clerk in clerks]

    responses = race([lambda c=client: c.post(url, {"confirm_incomplete": "on"}) for client in clients])

    assert not [r for r in responses if isinstance(r, Exception)]
    assert [r.status_code for r in responses] == [302] * 3
    assert IssuedNotice.objects.filter(notice=notice).count() == 1
