"""What a unit's register page shows: the applications of a year (received in it or carried into
it), filtered by status or by a cell of tables 三 and 四 (the links of the computed tables and of
the annual report), each with its due date and working days left."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils import timezone

from units.models import Unit

from .catalogue import APPEAL_KINDS, APPEAL_RESULTS, APPLICANT_LABELS, OUTCOME_BY_KEY, TOTAL_KEY, TOTAL_LABEL
from .forms import RegisterFilterForm, UploadForm
from .models import ANSWERED_LATE, Appeal, Application
from .selectors import days_left, keeps_register, may_edit_unit, year_rows
from .tables import ROWS, TYPES, appeal_cell_filter, row_filter, with_year_basis

PAGE_SIZE = 100
ROW_LABELS = {
    key: f"{OUTCOME_BY_KEY[key].group_label} {label}" if key in OUTCOME_BY_KEY and OUTCOME_BY_KEY[key].group else label
    for key, label in ROWS
}
"""Each row of 三 as the cell's list names it: a reason with its group (（六）其他处理 3.其他)."""
KIND_LABELS = {key: label for key, label, _ in APPEAL_KINDS}
RESULT_LABELS = {**dict(APPEAL_RESULTS), TOTAL_KEY: TOTAL_LABEL}


def cell_rows(unit: Unit, year: int, cell: str):
    """The applications behind a cell of the computed tables (``refused_4.natural``,
    ``cases.review_upheld``) and how the page names it; ``None`` for a cell that does not exist."""
    row, _, column = cell.partition(".")
    rows = Application.objects.filter(unit=unit)
    if row == "cases":
        kind, _, result = column.partition("_")
        if kind not in KIND_LABELS or result not in RESULT_LABELS:
            return None
        appeals = with_year_basis(Appeal.objects.filter(application__unit=unit)).filter(
            appeal_cell_filter(year, kind, result)
        )
        return rows.filter(
            pk__in=appeals.values("application_id")
        ), f"表四 {KIND_LABELS[kind]}“{RESULT_LABELS[result]}”"
    if row not in ROW_LABELS or (column not in TYPES and column != TOTAL_KEY):
        return None
    found = rows.filter(row_filter(year, row))
    if column != TOTAL_KEY:
        found = found.filter(applicant_type=column)
    name = APPLICANT_LABELS.get(column, TOTAL_LABEL)
    return found, f"表三 {ROW_LABELS[row]}“{name}”"


def _status(rows, status: str):
    if status == "open":
        return rows.filter(answered_on__isnull=True)
    if status == "answered":
        return rows.filter(answered_on__isnull=False)
    if status == "late":
        return rows.filter(ANSWERED_LATE)
    return rows


def register_context(unit: Unit, user, query) -> dict:
    today = timezone.localdate()
    form = RegisterFilterForm(query or None, initial={"year": today.year})
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or today.year
    cell = query.get("cell", "")
    found = cell_rows(unit, year, cell) if cell else None
    rows = found[0] if found else year_rows(Application.objects.filter(unit=unit), year)
    rows = _status(rows, data.get("status", "")).select_related("unit").order_by("received_on", "pk")
    page = Paginator(rows, PAGE_SIZE).get_page(query.get("page"))
    page.object_list = [
        {
            "application": a,
            "left": days_left(a, today),
            "carried": a.received_on.year < year,
            "outcome": OUTCOME_BY_KEY.get(a.outcome),
        }
        for a in page.object_list
    ]
    params = query.copy() if hasattr(query, "copy") else {}
    params.pop("page", None)
    return {
        "unit": unit,
        "year": year,
        "form": form,
        "page": page,
        "cell_name": found[1] if found else "",
        "can_edit": may_edit_unit(user, unit),
        "keeps_register": keeps_register(unit),
        "upload_form": UploadForm(),
        "query": params.urlencode() if params else "",
        "filtered": bool(cell or data.get("status")),
        "unknown_cell": bool(cell) and found is None,
    }
