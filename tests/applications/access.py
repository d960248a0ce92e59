"""Who may open which page of the 依申请公开 register: the unit that received the application and the
office see it (with the applicant's data); another unit does not even learn that it exists; only the
unit itself (the office for the office's own unit) keeps it."""

import datetime

from applications.services import (
    answer_record,
    appeal_record,
    application_record,
    consultation_add,
    letter_draft,
)
from tests.access import Access


def _application(unit, user):
    application = application_record(
        unit=unit,
        received_on=datetime.date(2024, 3, 4),
        channel="online",
        applicant_type="natural",
        content="2023年度城乡居民养老保险基金收支情况",
        applicant_name="张三",
        applicant_contact="13812345678",
        acting_user=user,
    )
    consultation = consultation_add(application=application, party="third_party", days=5, acting_user=user)
    answered = answer_record(
        application=application, answered_on=datetime.date(2024, 4, 8), outcome="refused_4", acting_user=user
    )
    appeal = appeal_record(application=answered, kind="review", filed_on=datetime.date(2024, 5, 6), acting_user=user)
    letter_draft(application=answered, acting_user=user, today=datetime.date(2024, 4, 8))
    return answered, consultation, appeal


def setup(world):
    for side, unit, user in (
        ("own", world.own_unit, world.unit_user),
        ("other", world.other_unit, world.other_unit_user),
    ):
        application, consultation, appeal = _application(unit, user)
        world.extra.update(
            {f"{side}_application": application, f"{side}_consultation": consultation, f"{side}_appeal": appeal}
        )


def _unit(side):
    return lambda w: {"unit_id": getattr(w, f"{side}_unit").pk}


def _pk(side, **extra):
    return lambda w: {
        "pk": w.extra[f"{side}_application"].pk,
        **{k: v(w) if callable(v) else v for k, v in extra.items()},
    }


POST_ONLY = Access(unit_user=405, office_staff=405, office_admin=405)


def _post(kwargs):
    return Access(kwargs=kwargs, unit_user=405, office_staff=405, office_admin=405)


ACCESS = {
    # A unit goes to its own register, the office to the overview of every unit.
    "applications:index": Access(unit_user=302, office_staff=302, office_admin=302),
    "applications:overview": Access(),
    "applications:register": [
        Access(kwargs=_unit("own"), unit_user=200),
        # Another unit's register: refused.
        Access(kwargs=_unit("other"), unit_user=403),
    ],
    # Logging an application: the unit itself (the office only for the office's own unit).
    "applications:create": [
        Access(kwargs=_unit("own"), unit_user=200, office_staff=403, office_admin=403),
        Access(kwargs=_unit("other"), unit_user=403, office_staff=403, office_admin=403),
    ],
    "applications:tables": [Access(kwargs=_unit("own"), unit_user=200), Access(kwargs=_unit("other"), unit_user=403)],
    "applications:export": [Access(kwargs=_unit("own"), unit_user=200), Access(kwargs=_unit("other"), unit_user=403)],
    "applications:upload": [_post(_unit("own")), _post(_unit("other"))],
    "applications:upload_preview": [
        # No such staged upload: back to the register; the office does not import a unit's register.
        Access(
            kwargs=lambda w: {"unit_id": w.own_unit.pk, "token": "none"},
            unit_user=302,
            office_staff=403,
            office_admin=403,
        ),
        Access(
            kwargs=lambda w: {"unit_id": w.other_unit.pk, "token": "none"},
            unit_user=403,
            office_staff=403,
            office_admin=403,
        ),
    ],
    "applications:detail": [
        Access(kwargs=_pk("own"), unit_user=200),
        # Another unit's application, its id guessed: as if it did not exist.
        Access(kwargs=_pk("other"), unit_user=404),
    ],
    "applications:edit": [
        Access(kwargs=_pk("own"), unit_user=200, office_staff=403, office_admin=403),
        Access(kwargs=_pk("other"), unit_user=404, office_staff=403, office_admin=403),
    ],
    "applications:delete": [_post(_pk("own")), _post(_pk("other"))],
    "applications:act": [_post(_pk("own", action="answer")), _post(_pk("other", action="extend"))],
    "applications:consultation_delete": [
        _post(_pk("own", consultation_id=lambda w: w.extra["own_consultation"].pk)),
        _post(_pk("other", consultation_id=lambda w: w.extra["other_consultation"].pk)),
    ],
    "applications:appeal_result": [
        _post(_pk("own", appeal_id=lambda w: w.extra["own_appeal"].pk)),
        _post(_pk("other", appeal_id=lambda w: w.extra["other_appeal"].pk)),
    ],
    "applications:letter": [Access(kwargs=_pk("own"), unit_user=200), Access(kwargs=_pk("other"), unit_user=404)],
    # The PDF is laid out by a background job: the request goes to the job's page.
    "applications:letter_pdf": [
        Access(kwargs=_pk("own"), unit_user=302, office_staff=302, office_admin=302),
        Access(kwargs=_pk("other"), unit_user=404, office_staff=302, office_admin=302),
    ],
    "applications:letter_docx": [Access(kwargs=_pk("own"), unit_user=200), Access(kwargs=_pk("other"), unit_user=404)],
}
