import io

import pytest
from openpyxl import Workbook

from core import versioning
from tests.factories import UserFactory
from tests.workers import worker  # noqa: F401 (the fixture of the production-stack tests)
from units.models import User
from units.services import units_sync_from_csv


@pytest.fixture
def real_units(db):
    """The district's real units from fixtures/units.csv."""
    units_sync_from_csv()


def make_xlsx(rows: list[list]) -> bytes:
    """An .xlsx file whose first sheet holds ``rows`` (the first row being the header)."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def xlsx_file(tmp_path):
    """Write rows to an .xlsx file and return its path."""

    def write(rows: list[list], name: str = "data.xlsx"):
        path = tmp_path / name
        path.write_bytes(make_xlsx(rows))
        return path

    return write


@pytest.fixture(autouse=True, scope="session")
def empty_cache():
    """Each run starts without what earlier runs kept in the embedded file cache (var/cache)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fresh_data_version(settings):
    """Tests build data with factories, which (unlike the services) do not mark the data changed:
    they see scores computed afresh. ``tests/core/test_versioning.py`` tests the cache itself."""
    from core.versioning import _renew, forget_local

    settings.SCORE_CACHE = False
    forget_local()
    _renew()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder, never the real MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff(db):
    """An office clerk (areas with their own clerk override this fixture)."""
    return UserFactory(username="zhangsan", display_name="张三", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def other_staff(db):
    return UserFactory(username="lisi", display_name="李四", role=User.Role.OFFICE_STAFF)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def cached(settings):
    """Computed scores and pages kept by data version, as in production (the tests run without)."""
    settings.SCORE_CACHE = True
    versioning.forget_local()
    versioning._renew()
    yield
    versioning.forget_local()
