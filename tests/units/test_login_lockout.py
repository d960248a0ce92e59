"""Repeated wrong passwords lock the account out (django-axes); CSRF is enforced on login."""

from django.test import Client

from tests.factories import UserFactory
from units.models import User


def test_five_failures_lock_the_user_out(client, db):
    UserFactory(username="staff", role=User.Role.OFFICE_STAFF, password="right-pass-2025")
    for _ in range(4):
        response = client.post("/accounts/login/", {"username": "staff", "password": "wrong"})
        assert response.status_code == 200
        assert "用户名或密码不正确" in response.content.decode()

    locked = client.post("/accounts/login/", {"username": "staff", "password": "wrong"})
    assert locked.status_code == 429
    assert "登录已暂时锁定" in locked.content.decode()

    again = client.post("/accounts/login/", {"username": "staff", "password": "right-pass-2025"})
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_requires_csrf_token(db):
    UserFactory(username="staff", role=User.Role.OFFICE_STAFF, password="right-pass-2025")
    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/accounts/login/", {"username": "staff", "password": "right-pass-2025"})

    assert response.status_code == 403
    assert "CSRF校验失败" in response.content.decode()


def test_post_only_address_opened_directly_gets_a_chinese_page(client, db):
    client.force_login(UserFactory(username="staff", role=User.Role.OFFICE_STAFF))

    response = client.get("/reports/notices/new/")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "这个地址只能通过页面上的按钮提交" in response.content.decode()
