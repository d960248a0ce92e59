"""PostgreSQL stopping and starting again while clerks keep saving: every save the user was told
succeeded is in the database, nothing is stored twice, and while the database is away the user gets
the Chinese 503 page (nothing saved, try again), never a 500; afterwards saving works again without
restarting the application.

Runs only on the production stack (``.ci/run``: PostgreSQL from ``scripts/services.sh``, which this
test stops and starts, and ``LINZI_WORKER_TESTS=1``).
"""

import http.client
import os
import secrets
import threading
import time
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client

from submissions.models import Article
from tests.factories import UnitFactory, UserFactory
from tests.workers import services
from units.models import User

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("LINZI_WORKER_TESTS"),
        reason="只在生产组件上运行（.ci/run：PostgreSQL、Redis 和 LINZI_WORKER_TESTS=1）",
    ),
]

CSRF = secrets.token_hex(16)  # 32 characters: Django accepts the unmasked secret in the form


def test_saves_survive_a_database_restart(live_server):
    assert connection.vendor == "postgresql", "需要 PostgreSQL（DATABASE_URL）"
    unit = UnitFactory(name="区商务局")
    clerk = UserFactory(username="clerk", role=User.Role.OFFICE_STAFF)
    client = Client()
    client.force_login(clerk)
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={CSRF}"
    address = urlsplit(live_server.url)
    outcomes: list[tuple[str, int, str]] = []
    stop = threading.Event()

    def save(i: int) -> None:
        title = f"断库测试稿件{i:04d}"
        body = urlencode(
            {
                "csrfmiddlewaretoken": CSRF,
                "unit": unit.pk,
                "title": title,
                "received_on": "2024-10-08",
                "char_count": "800",
                "is_compliant": "1",
            }
        )
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            conn.request(
                "POST",
                "/data/articles/add/",
                body=body.encode(),
                headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
            )
            response = conn.getresponse()
            outcomes.append((title, response.status, response.read().decode(errors="replace")))
        except OSError as exc:  # the server itself must never drop a request
            outcomes.append((title, 0, repr(exc)))
        finally:
            conn.close()

    def clerk_at_work() -> None:
        i = 0
        while not stop.is_set():
            save(i)
            i += 1
            time.sleep(0.02)

    def saved_since(count: int) -> int:
        return sum(1 for _, status, _ in outcomes[count:] if status == 302)

    worker = threading.Thread(target=clerk_at_work)
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while saved_since(0) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        services("stop-pg")
        time.sleep(2)  # requests keep coming while the database is away
        before_start = len(outcomes)
        services("start-pg")
        deadline = time.monotonic() + 60
        while saved_since(before_start) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(timeout=60)
        connection.close()  # this test's own connection died with the server: reconnect

    print(
        f"{len(outcomes)} saves: {sum(s == 302 for _, s, _ in outcomes)} saved, {sum(s == 503 for _, s, _ in outcomes)} refused (503)"
    )
    statuses = {status for _, status, _ in outcomes}
    refused = [(title, body) for title, status, body in outcomes if status == 503]
    told_saved = {title for title, status, _ in outcomes if status == 302}
    stored = list(Article.objects.filter(unit=unit).values_list("title", flat=True))
    assert statuses <= {302, 503}, [(t, s, b[:200]) for t, s, b in outcomes if s not in (302, 503)]
    assert refused, "停库期间应有请求得到503页面"
    assert all("没有完成，也没有保存任何内容" in body for _, body in refused)
    assert told_saved <= set(stored)  # no committed entry lost
    assert len(stored) == len(set(stored))  # nothing stored twice
    assert set(stored) <= {title for title, _, _ in outcomes}
    assert saved_since(before_start) >= 10  # saving works again without restarting the application
