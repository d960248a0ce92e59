"""The role × URL matrix shared by every app's ``tests/<area>/access.py``.

Each area module defines ``ACCESS: dict[str, Access | list[Access]]`` keyed by URL name
(``namespace:name``; a list to check the same URL with several arguments, e.g. the user's own
unit and another unit),
and optionally ``setup(world)`` to create the objects its URLs need (stored in ``world.extra``).
``tests/web/test_url_matrix.py`` walks every named URL of the project with every role; a URL
missing from all matrices fails that test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from units.models import Unit, User

ROLES = ("anonymous", "unit_user", "office_staff", "office_admin")


@dataclass
class World:
    own_unit: Unit
    other_unit: Unit
    unit_user: User
    other_unit_user: User
    office_staff: User
    office_admin: User
    year: int = 2024
    quarter: int = 4
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Access:
    """Expected status of a GET for each role; ``kwargs`` builds the URL arguments."""

    kwargs: Callable[[World], dict] = lambda world: {}
    anonymous: int = 302
    unit_user: int = 403
    office_staff: int = 200
    office_admin: int = 200
    query: str = ""

    def expected(self, role: str) -> int:
        return getattr(self, role)


OFFICE_ONLY = Access()
EVERY_USER = Access(unit_user=200)
ADMIN_ONLY = Access(office_staff=403)
