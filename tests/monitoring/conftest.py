import pytest

from tests.factories import UnitFactory, UserFactory
from units.models import Unit, User

from .fixture_site import FixtureSite


@pytest.fixture(scope="session")
def site():
    """The fixture site on the loopback; its slow pages answer after 2 s, past the tests' timeout."""
    with FixtureSite(slow_seconds=2.0) as running:
        yield running


@pytest.fixture(autouse=True)
def crawl_settings(settings):
    """No pause between requests and a short timeout: the tests stay fast."""
    settings.MONITORING_DELAY = 0
    settings.MONITORING_TIMEOUT = 0.5
    settings.MONITORING_MAX_PAGES = 10


@pytest.fixture
def fgj(db):
    return UnitFactory(name="区发改局", category=Unit.Category.DEPARTMENT, sort_order=1)


@pytest.fixture
def zhutai(db):
    return UnitFactory(name="朱台镇", category=Unit.Category.TOWN, sort_order=50)


@pytest.fixture
def fgj_user(fgj):
    return UserFactory(username="fgj", role=User.Role.UNIT_USER, unit=fgj)
