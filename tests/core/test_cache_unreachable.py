"""Redis (the shared cache) unreachable: pages keep working and show every write, writes succeed,
nothing is kept that a change could leave stale, and a change made meanwhile is announced when the
cache answers again (core.versioning).

The cache here is Django's own Redis backend pointed at a closed port: the client gets the same
refused connection as from a stopped Redis. ``tests/deploy/test_redis_down.py`` stops the real one.
"""

import pytest
from django.core.cache import caches
from django.urls import reverse

from core import versioning
from submissions.models import Article
from submissions.services.articles import publication_count_set
from tests.core.test_versioning import URL, cell_counts, populate
from tests.factories import UserFactory
from units.models import User

pytestmark = pytest.mark.django_db

UNREACHABLE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
WORKING = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "linzi-cache-test"}}


@pytest.fixture
def cache_on(settings):
    settings.SCORE_CACHE = True
    versioning.forget_local()
    yield
    versioning.forget_local()


def test_pages_and_writes_work_and_show_every_change_while_the_cache_is_unreachable(cache_on, settings, client, staff):
    settings.CACHES = UNREACHABLE
    units = populate(3)
    unit_user = UserFactory(username="unit-user", role=User.Role.UNIT_USER, unit=units[0])
    client.force_login(staff)

    first = client.get(URL)
    assert first.status_code == 200
    assert cell_counts(first.content.decode()) == ["7", "7", "7"]
    assert versioning.cache_reachable() is False

    publication_count_set(unit=units[0], year=2020, month=7, count=1, acting_user=staff)
    response = client.post(
        reverse("submissions:article_add"),
        {
            "unit": units[0].pk,
            "title": "断缓存时的稿件",
            "received_on": "2020-10-08",
            "char_count": "800",
            "is_compliant": "1",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Article.objects.filter(title="断缓存时的稿件").count() == 1

    assert sorted(cell_counts(client.get(URL).content.decode())) == ["1", "7", "7"]
    assert client.get(reverse("submissions:grid", args=[2020, 7])).status_code == 200
    client.force_login(unit_user)
    assert client.get(reverse("scoring:unit_quarter", args=[2020, 3, units[0].pk])).status_code == 200
    assert len(versioning._LOCAL) == 0  # nothing kept: a later change could not have been seen


def test_a_change_made_while_the_cache_was_away_is_announced_when_it_answers(
    cache_on, settings, client, staff, monkeypatch
):
    monkeypatch.setattr(versioning, "RETRY_AFTER", 0.0)  # ask again at once
    settings.CACHES = WORKING
    caches["default"].clear()
    unit = populate(3)[0]
    client.force_login(staff)
    assert cell_counts(client.get(URL).content.decode()) == ["7", "7", "7"]  # kept under the version

    settings.CACHES = UNREACHABLE
    publication_count_set(unit=unit, year=2020, month=7, count=1, acting_user=staff)

    settings.CACHES = WORKING  # the same cache, still holding the old version and table
    assert sorted(cell_counts(client.get(URL).content.decode())) == ["1", "7", "7"]
    assert sorted(cell_counts(client.get(URL).content.decode())) == ["1", "7", "7"]  # and kept again
    assert len(versioning._LOCAL) > 0


def test_after_one_refusal_the_process_leaves_the_cache_alone_for_a_while(cache_on, settings, monkeypatch):
    settings.CACHES = UNREACHABLE
    assert versioning.data_version() is None
    asked = []
    monkeypatch.setattr(caches["default"], "get_many", lambda keys, **kwargs: asked.append(keys) or {})

    assert versioning.data_version() is None
    assert asked == []  # within RETRY_AFTER seconds: not asked again

    versioning._STATE["down_until"] = 0.0
    versioning.data_version([versioning.Kind.FIGURES])
    assert asked == [["linzi:data-version", "linzi:data-version:figures"]]
