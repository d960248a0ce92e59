"""Login lockout behind nginx: the client's address comes from X-Forwarded-For only when the request
comes from a configured proxy, so one person behind the proxy cannot lock everybody out, nobody can
forge the header to lock out someone else, the lockout is per user and address, and staff can lift
it in the app."""

import pytest
from django.test import Client

from tests.factories import UserFactory
from units.models import User

PROXY = "127.0.0.1"


@pytest.fixture
def accounts(db, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    UserFactory(username="wang", role=User.Role.OFFICE_STAFF, password="wang-pass-2025")
    UserFactory(username="li", role=User.Role.OFFICE_STAFF, password="li-pass-2025")
    return UserFactory(username="office", display_name="张三", role=User.Role.OFFICE_STAFF, password="x-pass-2025")


def login(username: str, password: str, *, remote: str = PROXY, forwarded: str | None = None) -> int:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post("/accounts/login/", {"username": username, "password": password}, **extra).status_code


def lock_out(username: str, **where) -> None:
    statuses = [login(username, "wrong", **where) for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_behind_the_proxy_only_the_guessing_address_is_locked(accounts):
    lock_out("wang", forwarded="10.1.1.66")

    assert login("wang", "wang-pass-2025", forwarded="10.1.1.66") == 429
    assert login("wang", "wang-pass-2025", forwarded="10.1.1.5") == 302  # the owner, same proxy
    assert login("li", "li-pass-2025", forwarded="10.1.1.66") == 302  # per user and address


def test_the_address_is_the_last_one_nginx_added(accounts):
    """A client sending its own X-Forwarded-For through a proxy that appends cannot pick its address."""
    lock_out("wang", forwarded="10.1.1.5, 10.1.1.66")

    assert login("wang", "wang-pass-2025", forwarded="10.1.1.5") == 302
    assert login("wang", "wang-pass-2025", forwarded="10.1.1.99, 10.1.1.66") == 429


def test_a_forged_header_from_elsewhere_is_ignored(accounts):
    lock_out("wang", remote="10.1.1.66", forwarded="10.1.1.5")

    assert login("wang", "wang-pass-2025", remote="10.1.1.5") == 302  # the victim's address is not locked
    assert login("wang", "wang-pass-2025", remote="10.1.1.66", forwarded="10.1.1.7") == 429


def test_without_a_configured_proxy_the_header_is_never_believed(accounts, settings):
    settings.TRUSTED_PROXIES = []
    lock_out("wang", forwarded="10.1.1.66")

    # Everything comes from the proxy's address: that pair is locked, whatever the header says.
    assert login("wang", "wang-pass-2025", forwarded="10.1.1.5") == 429
    assert login("li", "li-pass-2025", forwarded="10.1.1.66") == 302


def test_staff_lift_a_lockout_in_the_app(accounts, client):
    lock_out("wang", forwarded="10.1.1.66")
    client.force_login(accounts)

    page = client.get("/units/lockouts/").content.decode()
    assert "<td>wang</td><td>10.1.1.66</td>" in page
    attempt = page.split('name="attempt" value="', 1)[1].split('"', 1)[0]
    response = client.post("/units/lockouts/", {"attempt": attempt}, follow=True)

    assert "已解除“wang”（10.1.1.66）的登录锁定。" in response.content.decode()
    assert "目前没有被锁定的账号。" in response.content.decode()
    assert login("wang", "wang-pass-2025", forwarded="10.1.1.66") == 302
