"""Every named URL of the project, with every role, gives the allowed answer.

A URL that no ``tests/<area>/access.py`` lists fails ``test_every_url_is_in_the_matrix``.
"""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.access import ROLES, Access, World
from tests.factories import UnitFactory, UserFactory
from units.models import Unit, User


def named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_urls(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def area_modules():
    for info in pkgutil.iter_modules(tests.__path__):
        if info.ispkg:
            try:
                yield importlib.import_module(f"tests.{info.name}.access")
            except ModuleNotFoundError:
                continue


def matrix() -> dict[str, list[Access]]:
    merged: dict[str, list[Access]] = {}
    for module in area_modules():
        for name, cases in module.ACCESS.items():
            merged.setdefault(name, []).extend(cases if isinstance(cases, list) else [cases])
    return merged


def test_every_url_is_in_the_matrix():
    missing = sorted(set(named_urls()) - set(matrix()))
    assert missing == [], f"URL不在权限矩阵中：{missing}"


def test_matrix_names_exist():
    stale = sorted(set(matrix()) - set(named_urls()))
    assert stale == []


@pytest.fixture
def world(db):
    return build_world()


def build_world() -> World:
    """The units, the four roles and every object the areas' URLs need (``setup`` of each area)."""
    own = UnitFactory(name="区人社局", category=Unit.Category.DEPARTMENT)
    other = UnitFactory(name="区商务局", category=Unit.Category.DEPARTMENT)
    world = World(
        own_unit=own,
        other_unit=other,
        unit_user=UserFactory(username="unit", role=User.Role.UNIT_USER, unit=own),
        other_unit_user=UserFactory(username="other", role=User.Role.UNIT_USER, unit=other),
        office_staff=UserFactory(username="staff", role=User.Role.OFFICE_STAFF),
        office_admin=UserFactory(username="admin", role=User.Role.OFFICE_ADMIN, is_staff=True, is_superuser=True),
    )
    for module in area_modules():
        if hasattr(module, "setup"):
            module.setup(world)
    return world


@pytest.mark.parametrize("role", ROLES)
def test_every_url_with_every_role(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    failures = []
    for name, cases in sorted(matrix().items()):
        for case in cases:
            url = reverse(name, kwargs=case.kwargs(world)) + case.query
            status = client.get(url).status_code
            if status != case.expected(role):
                failures.append(f"{role} GET {url} ({name}): {status}，应为{case.expected(role)}")
    assert failures == []


@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 302), ("unit_user", 302), ("office_staff", 302), ("office_admin", 200)]
)
def test_admin_site(client, world, role, expected):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    assert client.get("/admin/").status_code == expected
