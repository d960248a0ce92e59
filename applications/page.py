"""What the application's page shows: the facts, the due date with the working days left and
every event that moved it, the forms of the next steps, the appeals, the reply letter, and the
history of the applicant's data (only here: the project's history feed leaves it out)."""

from __future__ import annotations

import datetime
from itertools import pairwise

from django import forms

from core.formatting import changed_line

from .forms import AnswerForm, AppealForm, AppealResultForm, ConsultationForm, DateForm, ExtensionForm, ReasonForm
from .masking import mask_contact, mask_name
from .models import Application, ReplyLetter
from .selectors import days_left, deadline_of, may_edit_unit

Status = Application.Status
STEP_TITLES = {
    "correction-request": "告知补正",
    "correction-receive": "收到补正",
    "consult": "征求意见（不计入答复期限）",
    "extend": "延长答复期限",
    "answer": "答复",
    "withdraw": "撤销答复",
    "appeal": "行政复议或行政诉讼",
}


def action_form(action: str, data=None) -> forms.Form:
    """The form of one step on the application's page (prefixed: several share a page)."""
    makers = {
        "correction-request": lambda **kw: DateForm(label="告知补正日期", **kw),
        "correction-receive": lambda **kw: DateForm(label="收到补正日期", **kw),
        "consult": ConsultationForm,
        "extend": ExtensionForm,
        "answer": AnswerForm,
        "withdraw": ReasonForm,
        "appeal": AppealForm,
    }
    return makers[action](data=data, prefix=action)


def next_steps(application: Application) -> list[str]:
    """The steps that make sense now, in the order a clerk takes them."""
    if application.status == Status.ANSWERED:
        return ["appeal", "withdraw"]
    steps = []
    if not application.correction_requested_on:
        steps.append("correction-request")
    elif application.status == Status.AWAITING_CORRECTION:
        steps.append("correction-receive")
    steps.append("consult")
    if not application.extension_days:
        steps.append("extend")
    return [*steps, "answer", "appeal"]


def applicant_history(application: Application) -> list[dict]:
    """Each version of the applicant's name and contact, oldest first, with who changed it."""
    rows = list(application.history.order_by("history_date", "history_id").select_related("history_user"))
    versions = [rows[0]] if rows else []
    for before, after in pairwise(rows):
        if (before.applicant_name, before.applicant_contact) != (after.applicant_name, after.applicant_contact):
            versions.append(after)
    return [
        {
            "name": v.applicant_name,
            "contact": v.applicant_contact,
            "when": changed_line(v.history_user, v.history_date),
        }
        for v in versions
    ]


def _appeal_form(appeal) -> AppealResultForm:
    return AppealResultForm(
        prefix=f"appeal-{appeal.pk}", initial={"result": appeal.result, "decided_on": appeal.decided_on}
    )


def detail_context(application: Application, user, *, today: datetime.date, bound: dict | None = None) -> dict:
    bound = bound or {}
    can_edit = may_edit_unit(user, application.unit)
    steps = next_steps(application) if can_edit else []
    letter = ReplyLetter.objects.filter(application=application).first()
    appeals = list(application.appeals.all())
    left = days_left(application, today)
    return {
        "application": application,
        "unit": application.unit,
        "deadline": deadline_of(application),
        "left": left,
        "overdue_by": -left if left is not None and left < 0 else 0,
        "can_edit": can_edit,
        "steps": [(step, STEP_TITLES[step], bound.get(step) or action_form(step)) for step in steps],
        "consultations": list(application.consultations.all()),
        "appeals": [(a, bound.get(f"appeal-{a.pk}") or _appeal_form(a)) for a in appeals],
        "letter": letter,
        "letter_outdated": letter is not None and letter.drafted_for != application.outcome,
        "transitions": list(application.transitions.select_related("acting_user")),
        "applicant_versions": applicant_history(application),
        "masked": {
            "name": mask_name(application.applicant_name),
            "contact": mask_contact(application.applicant_contact),
        },
    }
