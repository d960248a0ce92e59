"""The top bar links to 检查整改 for the office and to 整改事项 for a unit account."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.factories import UserFactory
from units.models import User


def nav(user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("nav/inspections.html", {"user": user}, request=request).strip()


def test_office_link(staff):
    assert nav(staff).endswith('<a href="/inspections/">检查整改</a>')


def test_admin_link(db):
    admin = UserFactory(username="admin", role=User.Role.OFFICE_ADMIN)
    assert nav(admin).endswith('<a href="/inspections/">检查整改</a>')


def test_unit_link(renshe_user):
    assert nav(renshe_user).endswith('<a href="/inspections/mine/">整改事项</a>')


def test_no_link_when_logged_out():
    from django.contrib.auth.models import AnonymousUser

    assert "<a" not in nav(AnonymousUser())


def test_link_is_in_the_top_bar(client, renshe_user):
    client.force_login(renshe_user)

    html = client.get("/inspections/mine/").content.decode()

    nav_html = html[html.index("<nav>") : html.index("</nav>")]
    assert '<a href="/inspections/mine/">整改事项</a>' in nav_html
    assert 'href="/static/css/inspections.css"' in html
