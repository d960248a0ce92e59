"""Saving the month grid: every changed row of one month at once, each checked against what was
stored when the page was loaded (so nobody's save silently overwrites somebody else's)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.bounds import MAX_COUNT
from core.calendar import Month
from core.formatting import format_cn_datetime
from core.permissions import require_office
from core.versioning import Kind, data_changed
from units.models import Unit, User
from units.selectors import assessed_units_in, units_visible_to

from ..grid.selectors import FIELD_LABELS, GRID_FIELDS, GridValues
from ..models import Article, MonthlyArticleTally, MonthlyPublication
from ..selectors import TALLY_FIELDS, version_of

SAVED, UNCHANGED, INVALID, CONFLICT = "saved", "unchanged", "invalid", "conflict"


@dataclass(frozen=True)
class GridRowInput:
    """One submitted row of the month grid.

    ``loaded_publication`` / ``loaded_tally`` are the versions (:func:`version_of`) the row was
    loaded with ("" when nothing was stored), ``original`` the figures it showed then, ``values``
    what the user submitted (``None`` for an empty cell). ``posted`` names the figures the
    submitted form contained: a save that would change any other figure (e.g. a total created with
    市级采用 0 that the form did not show) is refused.
    """

    unit_id: int
    loaded_publication: str
    loaded_tally: str
    original: GridValues
    values: GridValues
    posted: frozenset[str]


@dataclass
class GridRowResult:
    unit_id: int
    status: str
    errors: dict[str, list[str]] = field(default_factory=dict)
    message: str = ""
    written: tuple[str, ...] = ()


def _complete_tally(values: GridValues) -> GridValues:
    """A total with only 投稿件数 filled means nothing non-compliant and nothing adopted."""
    if values.submitted is None:
        return values
    return replace(
        values,
        non_compliant=values.non_compliant or 0,
        city_adopted=values.city_adopted or 0,
        province_adopted=values.province_adopted or 0,
    )


def grid_value_errors(values: GridValues) -> dict[str, list[str]]:
    """Per cell: whole numbers from 0 to MAX_COUNT, 不合格 ≤ 投稿, a total needs its 投稿件数."""
    errors: dict[str, list[str]] = {}
    for name in GRID_FIELDS:
        value = getattr(values, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors.setdefault(name, []).append("应为整数")
        elif value < 0:
            errors.setdefault(name, []).append("不能为负数")
        elif value > MAX_COUNT:
            errors.setdefault(name, []).append(f"数值过大（不能超过{MAX_COUNT}）")
    if errors:
        return errors
    if values.submitted is None and any(v is not None for v in values.tally[1:]):
        errors["submitted"] = ["请填写投稿件数（没有投稿填0）"]
    elif values.submitted is not None and (values.non_compliant or 0) > values.submitted:
        errors["non_compliant"] = ["不合格件数不能大于投稿件数"]
    return errors


def _not_posted_errors(row: GridRowInput, values: GridValues, original: GridValues) -> dict[str, list[str]]:
    """A figure the submitted form did not contain must not change (not even from 未录入 to 0)."""
    untouched = [
        name for name in GRID_FIELDS if name not in row.posted and getattr(values, name) != getattr(original, name)
    ]
    if not untouched:
        return {}
    labels = "、".join(FIELD_LABELS[name] for name in untouched)
    return {"": [f"{labels}不在提交的表格中，保存会改动它们，本行未保存；请在月度填报表格中填写完整后保存"]}


def _who(user: User | None) -> str:
    return str(user) if user is not None else "他人"


def _describe(
    publication: MonthlyPublication | None, tally: MonthlyArticleTally | None, *, pub: bool, tal: bool
) -> str:
    parts = []
    if pub:
        parts.append(f"发布数{publication.count}" if publication else "发布数空白")
    if tal:
        parts.append(
            "投稿合计空白"
            if tally is None
            else f"投稿{tally.submitted}件、不合格{tally.non_compliant}件、"
            f"市级采用{tally.city_adopted}件、省级采用{tally.province_adopted}件"
        )
    return "，".join(parts)


def _last_change(model, record, *, unit_id: int, month: Month):
    """(when, who) of the stored record, or of its deletion when it is gone."""
    if record is not None:
        return record.updated_at, record.updated_by
    gone = (
        model.history.filter(unit_id=unit_id, year=month.year, month=month.month, history_type="-")
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )
    return (gone.history_date, gone.history_user) if gone else None


def _conflict_message(*, unit_id: int, month: Month, publication, tally, pub: bool, tal: bool) -> str:
    stamps = []
    if pub and (stamp := _last_change(MonthlyPublication, publication, unit_id=unit_id, month=month)):
        stamps.append(stamp)
    if tal and (stamp := _last_change(MonthlyArticleTally, tally, unit_id=unit_id, month=month)):
        stamps.append(stamp)
    value = _describe(publication, tally, pub=pub, tal=tal)
    if not stamps:
        return f"该行已被他人修改为{value}，请核对后重新保存"
    when, who = max(stamps, key=lambda stamp: stamp[0])
    return f"该行已被{_who(who)}于{format_cn_datetime(when)}修改为{value}，请核对后重新保存"


@dataclass
class _Stored:
    """What the month holds for the submitted rows, read (and locked) once."""

    units: dict[int, Unit]
    publications: dict[int, MonthlyPublication]
    tallies: dict[int, MonthlyArticleTally]
    registered: set[int]


def _load(month: Month, unit_ids: list[int], user: User) -> _Stored:
    # No select_related on the locked rows: on PostgreSQL a SELECT … FOR UPDATE that waited for
    # another save re-reads the locked row but not the joined one, so ``updated_by`` would name the
    # person before. The (rare) conflict message loads who saved on its own.
    visible = (assessed_units_in(month.start, month.start) & units_visible_to(user)).filter(pk__in=unit_ids)
    same_month = {"year": month.year, "month": month.month, "unit__in": unit_ids}
    return _Stored(
        units={u.pk: u for u in visible},
        publications={
            p.unit_id: p
            for p in MonthlyPublication.objects.select_for_update(of=("self",)).filter(**same_month).order_by()
        },
        tallies={
            t.unit_id: t
            for t in MonthlyArticleTally.objects.select_for_update(of=("self",)).filter(**same_month).order_by()
        },
        registered=set(
            Article.objects.filter(unit__in=unit_ids, received_on__gte=month.start, received_on__lt=month.end)
            .values_list("unit_id", flat=True)
            .distinct()
        ),
    )


def _check(row: GridRowInput, values: GridValues, edits: tuple[bool, bool], month: Month, stored: _Stored):
    """The result of a row that must not be written (invalid, conflicting or moot), else ``None``."""
    pub_edit, tally_edit = edits
    if month.start > timezone.localdate():
        return GridRowResult(row.unit_id, INVALID, errors={"": [f"{month.label}尚未开始，不能填报，未保存"]})
    if row.unit_id not in stored.units:
        return GridRowResult(row.unit_id, INVALID, errors={"": [f"该单位在{month.label}不在考核范围内，未保存"]})
    errors = grid_value_errors(values) or _not_posted_errors(row, values, _complete_tally(row.original))
    if tally_edit and row.unit_id in stored.registered:
        errors.setdefault("submitted", []).append("本月已有逐篇登记的稿件，投稿数以稿件登记为准，不能再填月度合计")
    if errors:
        return GridRowResult(row.unit_id, INVALID, errors=errors)
    publication, tally = stored.publications.get(row.unit_id), stored.tallies.get(row.unit_id)
    pub_changed = version_of(publication) != row.loaded_publication
    tally_changed = version_of(tally) != row.loaded_tally
    if not (pub_changed or tally_changed):
        return None
    now = GridValues.of(publication, tally)
    # Only a change by somebody else to what this save writes is a conflict: a new 发布数 saved
    # from the quarter page does not overwrite a total somebody changed meanwhile.
    if (pub_edit and pub_changed and values.publications != now.publications) or (
        tally_edit and tally_changed and values.tally != now.tally
    ):
        message = _conflict_message(
            unit_id=row.unit_id, month=month, publication=publication, tally=tally, pub=pub_changed, tal=tally_changed
        )
        return GridRowResult(row.unit_id, CONFLICT, message=message)
    if (pub_edit and values.publications != now.publications) or (tally_edit and values.tally != now.tally):
        return None  # what this save writes was not changed meanwhile
    return GridRowResult(row.unit_id, UNCHANGED)  # somebody saved exactly these figures already


@transaction.atomic
def month_grid_save(*, month: Month, rows: Sequence[GridRowInput], acting_user: User) -> list[GridRowResult]:
    """Save the submitted rows of one month's grid; one result per row, in the same order.

    A row the user did not change is not written (no history entry). A row somebody else saved
    since it was loaded is written only if the user's figures equal what is now stored (then
    nothing needs writing); otherwise it is a conflict and left as the other person saved it.
    Invalid rows are reported and skipped; every other row is saved.
    """
    require_office(acting_user, "填报月度数据")
    edited = [row.unit_id for row in rows if _complete_tally(row.values) != _complete_tally(row.original)]
    if edited:
        data_changed(Kind.FIGURES, units=edited)
    stored = _load(month, [row.unit_id for row in rows], acting_user)
    reason = f"月度填报 {month.label}"
    results = []
    for row in rows:
        values, original = _complete_tally(row.values), _complete_tally(row.original)
        edits = (values.publications != original.publications, values.tally != original.tally)
        if not any(edits):
            results.append(GridRowResult(row.unit_id, UNCHANGED))
            continue
        refused = _check(row, values, edits, month, stored)
        results.append(refused or _write_row(row.unit_id, values, edits, month, stored, acting_user, reason))
    return results


@transaction.atomic
def quarter_grid_save(
    *, months: Mapping[Month, Sequence[GridRowInput]], acting_user: User
) -> dict[Month, list[GridRowResult]]:
    """Save the figures of several months at once (the quarter page): each month as
    :func:`month_grid_save` saves it, in one transaction."""
    return {month: month_grid_save(month=month, rows=rows, acting_user=acting_user) for month, rows in months.items()}


def _write_row(unit_id, values, edits, month: Month, stored: _Stored, user: User, reason: str) -> GridRowResult:
    unit = stored.units[unit_id]
    written = []
    try:
        with transaction.atomic():
            if edits[0]:
                _write(
                    MonthlyPublication,
                    stored.publications.get(unit_id),
                    unit,
                    month,
                    user,
                    reason,
                    {"count": values.publications} if values.publications is not None else None,
                )
                written.append("publication")
            if edits[1]:
                _write(
                    MonthlyArticleTally,
                    stored.tallies.get(unit_id),
                    unit,
                    month,
                    user,
                    reason,
                    dict(zip(TALLY_FIELDS, values.tally, strict=True)) if values.submitted is not None else None,
                )
                written.append("tally")
    except IntegrityError:
        return GridRowResult(unit_id, CONFLICT, message="该行已被他人同时修改，请核对后重新保存")
    except ValidationError as exc:
        return GridRowResult(unit_id, INVALID, errors=exc.message_dict)
    return GridRowResult(unit_id, SAVED, written=tuple(written))


def _write(model, record, unit: Unit, month: Month, user: User, reason: str, fields: dict | None) -> None:
    """Store ``fields`` in the month's record of ``unit`` (creating it), or delete it when ``None``."""
    if fields is None:
        if record is not None:
            record.stamp(acting_user=user, reason=reason + " 清空")
            record.delete()
        return
    if record is None:
        record = model(unit=unit, year=month.year, month=month.month)
    for name, value in fields.items():
        setattr(record, name, value)
    record.stamp(acting_user=user, reason=reason)
    # Field validators and clean() run; the unit and user were read in this request, the unique
    # and check constraints are the database's (a concurrent insert surfaces as IntegrityError).
    record.full_clean(exclude={"unit", "updated_by"}, validate_unique=False, validate_constraints=False)
    record.save()
