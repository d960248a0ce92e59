from decimal import Decimal

from django.utils import timezone

from annual_reports.services import report_save, report_year_open
from scoring.services import annual_adjustment_add
from tests.access import Access

from .seed import seed_2024


def setup(world):
    report_year = report_year_open(year=2024, acting_user=world.office_staff)
    due = timezone.localdate().year - 1
    if due != 2024:  # the year now due is open too: 年度报告 sends a unit to its report
        report_year_open(year=due, acting_user=world.office_staff)
    for unit in (world.own_unit, world.other_unit):
        report_save(report_year=report_year, unit=unit, acting_user=None, typed=seed_2024())
    world.extra["adjustment"] = annual_adjustment_add(
        unit=world.other_unit, year=2024, points=Decimal("-1"), reason="拒不整改", acting_user=world.office_staff
    )


def _year(world):
    return {"year": 2024}


def _own(world, **extra):
    return {"year": 2024, "unit_id": world.own_unit.pk, **extra}


def _other(world, **extra):
    return {"year": 2024, "unit_id": world.other_unit.pk, **extra}


OFFICE_POST = Access(kwargs=_year, unit_user=403, office_staff=405, office_admin=405)

ACCESS = {
    # A unit is sent to its own report; the office sees the years.
    "annual_reports:index": Access(unit_user=302),
    "annual_reports:year_open": Access(unit_user=403, office_staff=405, office_admin=405),
    "annual_reports:year": Access(kwargs=_year),
    "annual_reports:year_deadlines": OFFICE_POST,
    "annual_reports:template": Access(kwargs=_year, unit_user=200),
    "annual_reports:report": [
        Access(kwargs=_own, unit_user=200),
        # Another unit's report, its id guessed: refused.
        Access(kwargs=_other, unit_user=403),
    ],
    # Files are made by a background job: the request goes to the job's page.
    "annual_reports:report_file": [
        Access(kwargs=lambda w: _own(w, fmt="xlsx"), unit_user=302, office_staff=302, office_admin=302),
        Access(kwargs=lambda w: _other(w, fmt="xlsx"), unit_user=403, office_staff=302, office_admin=302),
    ],
    "annual_reports:upload": [
        Access(kwargs=_own, unit_user=405, office_staff=405, office_admin=405),
        Access(kwargs=_other, unit_user=405, office_staff=405, office_admin=405),
    ],
    "annual_reports:upload_preview": [
        # No such staged upload: back to the report page.
        Access(kwargs=lambda w: _own(w, token="none"), unit_user=302, office_staff=302, office_admin=302),
        Access(kwargs=lambda w: _other(w, token="none"), unit_user=403, office_staff=302, office_admin=302),
    ],
    # Only the unit chooses where its tables 三 and 四 come from (the office for the office's own unit).
    "annual_reports:register_source": [
        Access(kwargs=_own, unit_user=200, office_staff=403, office_admin=403),
        Access(kwargs=_other, unit_user=403, office_staff=403, office_admin=403),
    ],
    "annual_reports:finalise": Access(kwargs=_own, unit_user=403, office_staff=405, office_admin=405),
    "annual_reports:return": Access(kwargs=_own, unit_user=403, office_staff=405, office_admin=405),
    "annual_reports:correct": Access(kwargs=_own, unit_user=403, office_staff=405, office_admin=405),
    "annual_reports:district": Access(kwargs=_year),
    "annual_reports:district_file": Access(
        kwargs=lambda w: {"year": 2024, "fmt": "xlsx"}, office_staff=302, office_admin=302
    ),
    "annual_reports:district_finalise": OFFICE_POST,
    "annual_reports:district_return": OFFICE_POST,
    "annual_reports:district_correct": OFFICE_POST,
    "annual_reports:assessment_latest": Access(unit_user=403, office_staff=302, office_admin=302),
    "annual_reports:assessment": Access(kwargs=_year),
    # A background job: in the test's transaction it is not started yet, so its page is shown.
    "annual_reports:assessment_file": Access(
        kwargs=lambda w: {"year": 2024, "fmt": "xlsx"}, office_staff=302, office_admin=302
    ),
    "annual_reports:adjustment_add": OFFICE_POST,
    "annual_reports:adjustment_remove": Access(
        kwargs=lambda w: {"year": 2024, "pk": w.extra["adjustment"].pk},
        unit_user=403,
        office_staff=405,
        office_admin=405,
    ),
}
