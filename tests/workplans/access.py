"""Who may open which work-plan page: office, the unit responsible, another unit, anonymous."""

import contextlib
import weakref
from pathlib import Path

from tests.access import Access
from workplans.models import ProgressStatus
from workplans.services import ledger_row_add, ledger_submit, progress_report

from .helpers import make_plan, make_task, pdf


def _remove_files(paths: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in paths:
        path = Path(default_storage.path(name))
        path.unlink(missing_ok=True)
        for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
            with contextlib.suppress(OSError):
                folder.rmdir()


def setup(world):
    plan = make_plan(world.year)
    own_task = make_task(plan, 1, [world.own_unit], time_limit="按季度公开")
    other_task = make_task(plan, 2, [world.other_unit], party="有关职能部门")

    def evidence(task, user, unit):
        return progress_report(
            task=task,
            unit=unit,
            period="Q1" if task == own_task else "Y",
            status=ProgressStatus.DONE,
            note="已按要求公开",
            file=pdf(),
            acting_user=user,
        )

    own_report = evidence(own_task, world.unit_user, world.own_unit)
    other_report = evidence(other_task, world.other_unit_user, world.other_unit)
    own_row = ledger_row_add(
        task=own_task, unit=world.own_unit, acting_user=world.unit_user, measure="按季度公开进展", time_limit="每季度末"
    )
    other_row = ledger_row_add(
        task=other_task, unit=world.other_unit, acting_user=world.other_unit_user, measure="及时公开", time_limit="长期"
    )
    other_ledger = ledger_submit(plan=plan, unit=world.other_unit, acting_user=world.other_unit_user)
    world.extra.update(
        plan=plan,
        own_task=own_task,
        other_task=other_task,
        own_report=own_report,
        other_report=other_report,
        own_row=own_row,
        other_row=other_row,
        other_ledger=other_ledger,
        party=other_task.parties.get(),
    )
    weakref.finalize(world, _remove_files, [own_report.file.name, other_report.file.name])


def _pk(key):
    return lambda w: {"pk": w.extra[key].pk}


def _year(w):
    return {"year": w.year}


POST_ONLY = Access(unit_user=403, office_staff=405, office_admin=405)
UNIT_POST = Access(unit_user=405, office_staff=405, office_admin=405)

ACCESS = {
    "workplans:index": Access(unit_user=302, office_staff=302, office_admin=302),
    "workplans:plan": [
        Access(kwargs=_year, unit_user=200),
        # A year without a plan.
        Access(kwargs=lambda w: {"year": 2001}, unit_user=404, office_staff=404, office_admin=404),
    ],
    "workplans:task": [
        Access(kwargs=_pk("own_task"), unit_user=200),
        # Another unit's task, its id guessed: as if it did not exist.
        Access(kwargs=_pk("other_task"), unit_user=404),
    ],
    "workplans:party_assign": Access(kwargs=_pk("party"), unit_user=403, office_staff=405, office_admin=405),
    "workplans:ledger_status": Access(kwargs=_year),
    "workplans:ledger_deadline": Access(kwargs=_year, unit_user=403, office_staff=405, office_admin=405),
    "workplans:ledger_export": Access(kwargs=_year, office_staff=302, office_admin=302),  # a background job
    "workplans:ledger_submit": Access(kwargs=_year, unit_user=405, office_staff=405, office_admin=405),
    "workplans:ledger": [
        Access(kwargs=lambda w: {"year": w.year, "unit_id": w.own_unit.pk}, unit_user=200),
        Access(kwargs=lambda w: {"year": w.year, "unit_id": w.other_unit.pk}, unit_user=404),
    ],
    "workplans:ledger_return": Access(kwargs=_pk("other_ledger"), unit_user=403, office_staff=405, office_admin=405),
    "workplans:ledger_row_add": [
        Access(kwargs=_pk("own_task"), unit_user=405, office_staff=405, office_admin=405),
        Access(kwargs=_pk("other_task"), unit_user=405, office_staff=405, office_admin=405),
    ],
    "workplans:ledger_row_edit": [
        Access(kwargs=_pk("own_row"), unit_user=200, office_staff=403, office_admin=403),
        Access(kwargs=_pk("other_row"), unit_user=404, office_staff=403, office_admin=403),
    ],
    "workplans:ledger_row_delete": [
        Access(kwargs=_pk("own_row"), unit_user=405, office_staff=405, office_admin=405),
        Access(kwargs=_pk("other_row"), unit_user=405, office_staff=405, office_admin=405),
    ],
    "workplans:progress_report": [
        Access(
            kwargs=lambda w: {"pk": w.extra["own_task"].pk, "period": "Q2"},
            unit_user=200,
            office_staff=403,
            office_admin=403,
        ),
        Access(
            kwargs=lambda w: {"pk": w.extra["other_task"].pk, "period": "Y"},
            unit_user=404,
            office_staff=403,
            office_admin=403,
        ),
    ],
    "workplans:evidence_file": [
        Access(kwargs=_pk("own_report"), unit_user=200),
        Access(kwargs=_pk("other_report"), unit_user=404),
    ],
    "workplans:matrix": Access(kwargs=_year),
    "workplans:matrix_export": Access(kwargs=_year, office_staff=302, office_admin=302),  # a background job
    "workplans:review_latest": Access(office_staff=302, office_admin=302),
    "workplans:review": Access(kwargs=_year),
    "workplans:review_carry": Access(kwargs=_year, unit_user=403, office_staff=405, office_admin=405),
}
