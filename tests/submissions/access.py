"""Who may open the data-entry pages of ``submissions``."""

import datetime

from tests.access import OFFICE_ONLY, Access
from tests.factories import ArticleFactory


def setup(world):
    world.extra["article"] = ArticleFactory(unit=world.own_unit, received_on=datetime.date(2024, 10, 15))


ACCESS = {
    # Redirects to the month page (previous calendar month).
    "submissions:grid_index": Access(office_staff=302, office_admin=302),
    "submissions:grid": Access(kwargs=lambda w: {"year": w.year, "month": 10}),
    "submissions:grid_quarter": Access(kwargs=lambda w: {"year": w.year, "quarter": w.quarter}),
    "submissions:articles": OFFICE_ONLY,
    "submissions:article_add": OFFICE_ONLY,
    "submissions:article_edit": Access(kwargs=lambda w: {"pk": w.extra["article"].pk}),
}
