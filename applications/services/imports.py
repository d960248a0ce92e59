"""Importing a unit's existing register (an Excel sheet, one application a row): all or nothing.

The file is read and every row checked outside any transaction (cells, names, the order of the
dates, the model's own validation, the due date); the applications are then written in one short
transaction (created in bulk with their history, consultations and appeals), or nothing at all. A
row is the same application as one already in the register when its 编号 is the same, else when its
收到日期 and 申请内容 are (the n-th such row of the file is the n-th such application), so importing
the same file again changes nothing. Columns the sheet does not have (申请人, 联系方式, 编号) never
clear what the register holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.formatting import format_cn_date
from core.imports import Change, ImportRejected, ImportResult, RowError, RowParser, parse_or_plan, read_sheet
from core.imports.writing import validate_instance, write_or_reject
from core.versioning import Kind
from units.models import Unit, User

from ..catalogue import OUTCOME_BY_KEY
from ..deadlines import correction_request_due, due_date, is_provisional
from ..importers import FIELD_TITLES, ParsedApplication, parse_register
from ..models import Appeal, Application, ApplicationTransition, Consultation
from ..names import fold
from .register import check_edit, settled_status

COMPARED = (
    "received_on",
    "channel",
    "applicant_type",
    "content",
    "correction_requested_on",
    "corrected_on",
    "extension_days",
    "answered_on",
    "outcome",
)
KEPT_UNLESS_GIVEN = ("number", "applicant_name", "applicant_contact")
TITLES = {
    **FIELD_TITLES,
    "channel": "提交方式",
    "applicant_type": "申请人类型",
    "content": "申请内容",
    "extension_days": "延期",
    "number": "编号",
    "applicant_name": "申请人",
    "applicant_contact": "联系方式",
    "consultations": "征求意见天数",
    "appeals": "复议诉讼",
}


def _key(number: str, received_on, content: str) -> tuple:
    return ("编号", number) if number else (received_on, fold(content))


@dataclass
class Planned:
    item: ParsedApplication
    application: Application
    existing: bool
    consultations_changed: bool = False
    appeals_changed: bool = False
    changed: bool = False
    """An existing application to save again (a field, its due date or its status changes)."""
    old_status: str = ""


@dataclass
class Plan:
    result: ImportResult
    rows: list[Planned] = field(default_factory=list)


def _shown(name: str, value) -> str:
    if value in (None, ""):
        return "—"
    if name == "outcome":
        return OUTCOME_BY_KEY[value].short
    if name == "channel":
        return Application.Channel(value).label
    if name == "applicant_type":
        return Application.ApplicantType(value).label
    if hasattr(value, "year"):
        return format_cn_date(value)
    return str(value)


def _apply(application: Application, item: ParsedApplication) -> list[str]:
    """Copy the row onto ``application``; the names of the fields that changed."""
    changed = []
    for name in COMPARED:
        if getattr(application, name) != getattr(item, name):
            changed.append(name)
            setattr(application, name, getattr(item, name))
    for name in KEPT_UNLESS_GIVEN:
        value = getattr(item, name)
        if value and getattr(application, name) != value:
            changed.append(name)
            setattr(application, name, value)
    if application.extension_days is None:
        application.extension_approver, application.extension_notified_on = "", None
    return changed


def _plan(unit: Unit, items: list[ParsedApplication], errors: list[RowError]) -> Plan:
    existing = Application.objects.filter(unit=unit).prefetch_related("consultations", "appeals").order_by("pk")
    pool: dict[tuple, list[Application]] = defaultdict(list)
    for application in existing:
        pool[_key(application.number, application.received_on, application.content)].append(application)
    result = ImportResult()
    plan = Plan(result)
    for item in items:
        matches = pool.get(_key(item.number, item.received_on, item.content))
        application = matches.pop(0) if matches else Application(unit=unit)
        before = {name: getattr(application, name) for name in (*COMPARED, *KEPT_UNLESS_GIVEN)}
        old_due, old_status = application.due_on, application.status
        changed = _apply(application, item)
        old_days = sum(c.days for c in application.consultations.all()) if application.pk else 0
        old_appeals = sorted((a.kind, a.result) for a in application.appeals.all()) if application.pk else []
        planned = Planned(
            item,
            application,
            existing=application.pk is not None,
            consultations_changed=old_days != item.consultation_days,
            appeals_changed=old_appeals != sorted(item.appeals),
        )
        parser = RowParser(item.row, errors)
        application.due_on = due_date(
            received_on=item.received_on,
            corrected_on=item.corrected_on,
            extension_days=item.extension_days,
            consultation_days=item.consultation_days,
        )
        application.due_provisional = is_provisional(item.received_on, application.due_on)
        application.status = settled_status(application)
        validate_instance(parser, application, TITLES)
        plan.rows.append(planned)
        _describe(result, planned, changed, before, old_days, old_appeals)
        planned.old_status = old_status
        planned.changed = planned.existing and (
            bool(changed)
            or planned.consultations_changed
            or old_due != application.due_on
            or old_status != application.status
        )
    result.notices[:0] = _not_in_file(pool, items)
    return plan


LISTED_LEFT = 10


def _not_in_file(pool: dict[tuple, list[Application]], items: list[ParsedApplication]) -> list[str]:
    """A notice naming the register's applications the file does not have although received within
    its dates: a row whose 申请内容 or 收到日期 the clerk corrected is a new application to the import,
    and the old one stays (an import never deletes)."""
    if not items:
        return []
    first, last = min(i.received_on for i in items), max(i.received_on for i in items)
    left = sorted(
        (a for found in pool.values() for a in found if first <= a.received_on <= last),
        key=lambda a: (a.received_on, a.pk),
    )
    if not left:
        return []
    names = "、".join(f"{format_cn_date(a.received_on)}收到的“{a.content[:20]}”" for a in left[:LISTED_LEFT])
    more = f"等{len(left)}件" if len(left) > LISTED_LEFT else ""
    return [
        f"登记簿中有{len(left)}件申请不在本文件中（收到日期在本文件的日期范围内）：{names}{more}。"
        "导入不会改动或删除它们；如果是本文件改了其中某件的申请内容或收到日期，导入后它会登记为新的一件，请删除原来的一件。"
    ]


def _describe(result: ImportResult, planned: Planned, changed, before, old_days: int, old_appeals) -> None:
    item, application = planned.item, planned.application
    what = f"{format_cn_date(item.received_on)}收到的申请“{item.content[:20]}”"
    unit = application.unit.name
    if not planned.existing:
        outcome = OUTCOME_BY_KEY[item.outcome].short if item.outcome else "未答复"
        new = f"答复期限{format_cn_date(application.due_on)}；{outcome}"
        result.changes.append(Change(item.row, unit, what, "", new, "新增"))
    else:
        old = [f"{TITLES[n]}：{_shown(n, before[n])}" for n in changed]
        new = [f"{TITLES[n]}：{_shown(n, getattr(application, n))}" for n in changed]
        if planned.consultations_changed:
            old.append(f"征求意见{old_days}个工作日")
            new.append(f"征求意见{item.consultation_days}个工作日")
        if planned.appeals_changed:
            old.append(f"复议诉讼{len(old_appeals)}件")
            new.append(f"复议诉讼{len(item.appeals)}件")
        action = "修改" if old else "不变"
        result.changes.append(Change(item.row, unit, what, "；".join(old), "；".join(new), action))
    if item.correction_requested_on and item.correction_requested_on > correction_request_due(item.received_on):
        due = format_cn_date(correction_request_due(item.received_on))
        result.notices.append(f"第{item.row}行 补正告知日期晚于收到申请之日起7个工作日（应不晚于{due}，条例第三十条）")
    if application.is_late:
        result.notices.append(
            f"第{item.row}行 答复日期{format_cn_date(application.answered_on)}超过答复期限{format_cn_date(application.due_on)}"
        )


def _children(planned: Planned, now) -> tuple[list[Consultation], list[Appeal]]:
    item, application = planned.item, planned.application
    consultations, appeals = [], []
    if planned.consultations_changed and item.consultation_days:
        party = Consultation.Party.UNSPECIFIED
        consultations.append(Consultation(application=application, party=party, days=item.consultation_days))
    if planned.appeals_changed:
        appeals = [Appeal(application=application, kind=kind, result=result) for kind, result in item.appeals]
    for record in (*consultations, *appeals):
        record.updated_at = now
    return consultations, appeals


def _write(plan: Plan, *, acting_user: User | None, reason: str) -> None:
    now = timezone.now()
    created = [p.application for p in plan.rows if not p.existing]
    for application in created:
        application.updated_by, application.updated_at = acting_user, now
    if created:
        bulk_create_with_history(created, Application, default_user=acting_user, default_change_reason=reason)
    consultations, appeals = [], []
    for planned in plan.rows:
        application = planned.application
        if planned.existing:
            if planned.consultations_changed:
                Consultation.objects.filter(application=application).delete()
            if planned.appeals_changed:
                Appeal.objects.filter(application=application).delete()
            if planned.changed:
                if planned.old_status != application.status:
                    ApplicationTransition.objects.create(
                        application=application,
                        from_status=planned.old_status,
                        to_status=application.status,
                        note=reason,
                        acting_user=acting_user,
                    )
                application.stamp(acting_user=acting_user, reason=reason)
                application.save()
        more_consultations, more_appeals = _children(planned, now)
        consultations += more_consultations
        appeals += more_appeals
    for model, records in ((Consultation, consultations), (Appeal, appeals)):
        if records:
            bulk_create_with_history(records, model, default_user=acting_user, default_change_reason=reason)


def applications_import(
    *,
    source: str | IO[bytes],
    unit: Unit,
    dry_run: bool = False,
    acting_user: User | None = None,
    filename: str = "",
) -> ImportResult:
    """Import ``unit``'s register from a sheet; all or nothing (``dry_run``: check and list only)."""
    check_edit(unit, acting_user)
    sheet = read_sheet(source)

    def plan_of(items: list[ParsedApplication]) -> Plan:
        errors: list[RowError] = []
        plan = _plan(unit, items, errors)
        if errors:
            raise ImportRejected(errors, sheet=sheet.name)
        return plan

    items = parse_or_plan(lambda: parse_register(sheet), lambda valid: plan_of(valid).result)
    if dry_run:
        result = plan_of(items).result
    else:

        def write() -> ImportResult:
            plan = plan_of(items)
            _write(plan, acting_user=acting_user, reason=f"导入 {filename}".strip())
            return plan.result

        result = write_or_reject(write, kinds=(Kind.APPLICATIONS,))
    result.notices[:0] = sheet.notices
    result.dry_run = dry_run
    result.sheet = sheet.name
    return result
