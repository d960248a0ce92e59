"""Scores and ranked tables are computed once per change of the data: pages of a large district do
not recompute them on every request, and every service that writes data a score depends on makes
the next page show the change (core.versioning). Large districts page the ranked tables."""

import ast
import importlib
import inspect
import pkgutil
import re

import pytest
from django.apps import apps
from django.urls import reverse

from submissions.services.articles import publication_count_set
from tests.factories import DeductionFactory, PublicationFactory, TallyFactory, UnitFactory
from units.models import Unit

pytestmark = pytest.mark.django_db

URL = reverse("scoring:quarter", args=[2020, 3])


def populate(n, category=Unit.Category.DEPARTMENT):
    units = []
    for i in range(n):
        unit = UnitFactory(category=category, name=f"单位{category}{i:02d}")
        DeductionFactory(unit=unit)
        for month in (7, 8, 9):
            PublicationFactory(unit=unit, month=month, count=month)
            TallyFactory(unit=unit, month=month, submitted=1)
        units.append(unit)
    return units


def cell_counts(html: str) -> list[str]:
    """The July figures of the department table, top to bottom."""
    return re.findall(r'<td class="num">(\d+|未录入)</td>\s*<td class="num">8</td>', html)


def test_the_table_is_rendered_once_per_data_version_and_follows_every_write(
    cached, client, staff, django_assert_max_num_queries, django_assert_num_queries
):
    unit = populate(3)[0]
    client.force_login(staff)
    first = client.get(URL).content.decode()
    assert cell_counts(first) == ["7", "7", "7"]

    with django_assert_max_num_queries(8):  # no scoring queries: the computed scores and table are kept
        again = client.get(URL).content.decode()
    assert cell_counts(again) == cell_counts(first)

    publication_count_set(unit=unit, year=2020, month=7, count=1, acting_user=staff)

    changed = client.get(URL).content.decode()
    assert sorted(cell_counts(changed)) == ["1", "7", "7"]


def test_another_clerk_gets_the_same_table_without_computing_it(cached, client, staff, other_staff):
    populate(2)
    client.force_login(staff)
    client.get(URL)
    client.force_login(other_staff)
    response = client.get(URL)
    assert "sections" not in response.context  # the table HTML came from the cache, not rendered again
    assert len(cell_counts(response.content.decode())) == 2


def test_large_districts_page_the_ranked_table_and_its_chart(client, staff, settings):
    settings.QUARTER_TABLE_PAGE_SIZE = 2
    populate(5)
    client.force_login(staff)

    first = client.get(URL).content.decode()
    second = client.get(URL + "?dept-page=2").content.decode()
    third = client.get(URL + "?dept-page=3").content.decode()

    assert [len(cell_counts(html)) for html in (first, second, third)] == [2, 2, 1]
    assert 'href="?dept-page=2"' in first
    # The chart shows the rows of the page (one bar label per unit of the page).
    dept_chart = second.split("区政府各部门得分排名", 1)[1].split("</svg>", 1)[0]
    assert sorted(set(re.findall(r"单位部门\d\d", dept_chart))) == ["单位部门02", "单位部门03"]


def service_modules() -> list[str]:
    """Every module of every app's ``services`` package (found, so that a new one is covered), and
    the import framework's writer."""
    names = ["core.imports.writing"]
    for config in apps.get_app_configs():
        try:
            package = importlib.import_module(f"{config.name}.services")
        except ModuleNotFoundError:
            continue
        names.append(package.__name__)
        names += [info.name for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}.")]
    return names


SERVICE_MODULES = service_modules()
# Functions of those modules that write nothing a page keeps (or that are checks and reads).
NOT_WRITES = {
    "grid_value_errors",
    "deadline_resolve",
    "check_transition",
    "issued_quarters_affected",
    "correction_required_message",
    "account_create",
    "unit_alias_add",
    "unit_alias_save",
    "unit_alias_delete",
    "account_save",
    "account_delete",
    "validate_instance",
    "bulk_write",  # only ever inside write_or_reject
    "report_problems",
    "group_units",
    "plan_import",
    "notice_issue_check",
    "report_save_check",
    "schedule_save",  # the reminders' schedule (Celery beat): nothing any page keeps
    "schedule_delete",
    "check_edit",
    "settled_status",
    "compute_due",
    # reads the annual report import shares with its Word import
    "target",
    "last_year",
    "cell_changes",
    "with_register_tables",
    "refuse_on_errors",
}


def test_the_services_of_every_app_are_checked():
    assert {"submissions.services.grid", "workplans.services.ledgers", "annual_reports.services.reports"} <= set(
        SERVICE_MODULES
    )


def service_calls(module_name: str) -> dict[str, set[str]]:
    """Each function of a service module with the names it calls."""
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    return {
        node.name: {n.func.id for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
    }


def marking_functions() -> set[str]:
    """``data_changed``, ``write_or_reject`` and every service function calling one of them, directly
    or through other service functions (of its module or another services module it imports)."""
    calls = {name: called for module in SERVICE_MODULES for name, called in service_calls(module).items()}
    marking = {"data_changed", "write_or_reject"}
    while more := {name for name, called in calls.items() if called & marking} - marking:
        marking |= more
    return marking


@pytest.mark.parametrize("module_name", SERVICE_MODULES)
def test_every_write_service_marks_the_data_changed(module_name):
    """Directly or through another service function; ``write_or_reject`` marks the data changed
    inside an import's one writing transaction."""
    marking = marking_functions()
    missing = [
        name
        for name in service_calls(module_name)
        if not name.startswith("_") and name not in NOT_WRITES and name not in marking
    ]
    assert missing == []


def test_the_month_grid_is_rendered_once_per_data_version_and_follows_every_write(
    cached, client, staff, django_assert_max_num_queries
):
    from tests.submissions.helpers import form_fields, grid_url

    unit = populate(2)[0]
    client.force_login(staff)
    url = grid_url(2020, 7)
    fields = form_fields(client.get(url).content.decode())
    assert fields[f"u{unit.pk}-pub"] == "7"

    with django_assert_max_num_queries(2):  # session and user: the rows are kept
        again = form_fields(client.get(url).content.decode())
    assert {k: v for k, v in again.items() if k != "csrfmiddlewaretoken"} == {
        k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"
    }

    fields[f"u{unit.pk}-pub"] = "9"
    assert client.post(url, fields).status_code == 302
    after_save = form_fields(client.get(url).content.decode())
    assert after_save[f"u{unit.pk}-pub"] == "9"
    assert after_save[f"u{unit.pk}-v"] != fields[f"u{unit.pk}-v"]  # the row's new version: no false conflict
    after_save[f"u{unit.pk}-pub"] = "10"
    assert client.post(url, after_save).status_code == 302

    publication_count_set(unit=unit, year=2020, month=7, count=1, acting_user=staff)  # another write path
    assert form_fields(client.get(url).content.decode())[f"u{unit.pk}-pub"] == "1"
