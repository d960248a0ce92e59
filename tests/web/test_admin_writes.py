"""The admin never goes around a service. Every admin that may add or change records is edited here
through its pages, as a browser submits them, and each edit leaves its audit row (the record's
history with who and why, or for accounts and scheduled jobs the admin's change log), tells beat
about a schedule it changed, and renews the data version where scores depend on the data. Records
with a workflow (ledgers, findings) and work plans are read only in the admin."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django_celery_beat.models import PeriodicTasks

from core import versioning
from scoring.models import RuleSet
from tests.admin_pages import admin_form, permissions_of, registered_models
from tests.factories import UnitFactory
from units.models import DemoSitePeriod, Unit, UnitAlias, User
from units.services import account_delete

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root", password="x", role=User.Role.OFFICE_ADMIN, display_name="管理员")


@pytest.fixture
def admin_client(client, root):
    client.force_login(root)
    return client


@pytest.fixture
def schedule(db):
    call_command("install_schedule", stdout=io.StringIO())


def edit(client, url: str, **changes) -> dict[str, list[str]]:
    """The form of the admin page ``url`` with ``changes``, as the browser would post it."""
    response = client.get(url)
    assert response.status_code == 200
    data = admin_form(response.content.decode())
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return data


def saved(client, url: str, data) -> None:
    response = client.post(url, data)
    errors = response.context["adminform"].form.errors if response.status_code == 200 else None
    assert (response.status_code, errors) == (302, None)


def logged(user, obj, flag: int) -> list[str]:
    """The admin's change log for ``obj`` by ``user``: its messages (e.g. ``已修改姓名。``)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return [
        entry.get_change_message()
        for entry in LogEntry.objects.filter(user=user, content_type=content_type, object_id=str(obj.pk))
        if entry.action_flag == flag
    ]


def renews_the_data_version(write: Callable[[], None]) -> bool:
    before = versioning.data_version()
    write()
    return versioning.data_version() != before


def tells_beat(write: Callable[[], None]) -> bool:
    PeriodicTasks.objects.update_or_create(
        ident=1, defaults={"last_update": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)}
    )
    write()
    return PeriodicTasks.last_change() > datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


# --- One case for each admin that may add or change records -----------------------------------


def unit_changed_with_its_aliases_and_demonstration_period(client, root):
    unit = UnitFactory(name="区人社局", sort_order=3)
    url = f"/admin/units/unit/{unit.pk}/change/"
    data = edit(
        client,
        url,
        sort_order="7",
        is_assessed=[],
        **{
            "aliases-0-name": " 区人力资源和 社会保障局 ",
            "demo_site_periods-TOTAL_FORMS": "1",
            "demo_site_periods-0-unit": str(unit.pk),
            "demo_site_periods-0-id": "",
            "demo_site_periods-0-start": "2025-01-01",
            "demo_site_periods-0-end": "",
        },
    )

    assert renews_the_data_version(lambda: saved(client, url, data))

    unit.refresh_from_db()
    assert (unit.sort_order, unit.is_assessed) == (7, False)
    row = unit.history.first()
    assert (row.history_type, row.history_user, row.history_change_reason) == ("~", root, "在管理后台修改")
    alias = UnitAlias.history.get()
    assert (alias.name, alias.history_type, alias.history_user, alias.history_change_reason) == (
        "区人力资源和 社会保障局",
        "+",
        root,
        "在管理后台修改",
    )
    period = DemoSitePeriod.history.get()
    assert (period.start, period.history_type, period.history_user) == (datetime.date(2025, 1, 1), "+", root)
    assert logged(root, unit, CHANGE) != []


def unit_added(client, root):
    url = "/admin/units/unit/add/"
    data = edit(client, url, name="区新设局", category="部门", sort_order="80")

    assert renews_the_data_version(lambda: saved(client, url, data))

    unit = Unit.objects.get(name="区新设局")
    row = unit.history.get()
    assert (row.history_type, row.history_user, row.history_change_reason) == ("+", root, "在管理后台新增")


def unit_order_changed_in_the_list(client, root):
    unit = UnitFactory(name="区人社局", sort_order=3)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(unit.pk),
        "form-0-sort_order": "9",
        "_save": "保存",
    }

    assert renews_the_data_version(lambda: client.post("/admin/units/unit/", data))

    row = unit.history.first()
    assert (row.sort_order, row.history_user, row.history_change_reason) == (9, root, "在管理后台修改")


def unit_deleted(client, root):
    unit = UnitFactory(name="区误建局")

    assert renews_the_data_version(lambda: client.post(f"/admin/units/unit/{unit.pk}/delete/", {"post": "yes"}))

    assert not Unit.objects.filter(pk=unit.pk).exists()
    row = Unit.history.filter(id=unit.pk).first()
    assert (row.history_type, row.history_user, row.history_change_reason) == ("-", root, "删除单位")


def rule_set_changed(client, root):
    rules = RuleSet.objects.get(valid_from=datetime.date(2024, 1, 1))
    url = f"/admin/scoring/ruleset/{rules.pk}/change/"
    data = edit(client, url, points_per_item="0.6")

    assert renews_the_data_version(lambda: saved(client, url, data))

    rules.refresh_from_db()
    assert rules.points_per_item == Decimal("0.6")
    row = rules.history.first()
    assert (row.history_type, row.history_user) == ("~", root)


def account_changed(client, root):
    unit = UnitFactory(name="区人社局")
    user = User.objects.create_user("renshe", password="old-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    url = f"/admin/units/user/{user.pk}/change/"
    saved(client, url, edit(client, url, display_name="王五"))

    user.refresh_from_db()
    assert user.display_name == "王五"
    assert logged(root, user, CHANGE) == ["已修改姓名。"]


def account_added(client, root):
    unit = UnitFactory(name="区人社局")
    url = "/admin/units/user/add/"
    data = edit(
        client,
        url,
        username="renshe",
        password1="a-long-pass-2025",
        password2="a-long-pass-2025",
        usable_password="true",
        role="unit_user",
        unit=str(unit.pk),
        display_name="王五",
    )
    saved(client, url, data)

    user = User.objects.get(username="renshe")
    assert (user.unit, user.display_name, user.check_password("a-long-pass-2025")) == (unit, "王五", True)
    assert logged(root, user, ADDITION) == ["已添加。"]


def password_changed(client, root):
    user = User.objects.create_user("renshe", password="old-pass-2025", role=User.Role.OFFICE_STAFF)
    url = f"/admin/units/user/{user.pk}/password/"
    response = client.post(
        url, {"password1": "new-pass-2025!", "password2": "new-pass-2025!", "usable_password": "true"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new-pass-2025!")
    assert logged(root, user, CHANGE) == ["已修改密码。"]


def account_deleted(client, root):
    user = User.objects.create_user("renshe", password="old-pass-2025", role=User.Role.OFFICE_STAFF)

    response = client.post(f"/admin/units/user/{user.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not User.objects.filter(username="renshe").exists()
    assert logged(root, user, DELETION) == [""]
    with pytest.raises(PermissionDenied) as caught:
        account_delete(user=root, acting_user=root)
    assert str(caught.value) == "不能删除自己正在使用的账号。"


def group_added(client, root):
    url = "/admin/auth/group/add/"
    saved(client, url, edit(client, url, name="统计员"))

    assert logged(root, Group.objects.get(name="统计员"), ADDITION) == ["已添加。"]


def scheduled_task_changed(client, root):
    from bootstrap.schedule.models import ScheduledTask

    task = ScheduledTask.objects.get(name="提醒：本月尚无合格稿件")
    url = f"/admin/schedule/scheduledtask/{task.pk}/change/"
    data = edit(client, url, kwargs='{"day_of_month": 25}')

    assert tells_beat(lambda: saved(client, url, data))

    task.refresh_from_db()
    assert task.kwargs == '{"day_of_month": 25}'
    assert logged(root, task, CHANGE) == ["已修改参数。"]


def crontab_changed(client, root):
    from bootstrap.schedule.models import Crontab

    crontab = Crontab.objects.get(minute="0", hour="9")
    url = f"/admin/schedule/crontab/{crontab.pk}/change/"
    data = edit(client, url, hour="10")

    assert tells_beat(lambda: saved(client, url, data))

    crontab.refresh_from_db()
    assert str(crontab) == "0 10 * * *（在 10:00（北京时间））"
    assert logged(root, crontab, CHANGE) == ["已修改时。"]


def interval_changed(client, root):
    from bootstrap.schedule.models import Interval

    interval = Interval.objects.get()
    url = f"/admin/schedule/interval/{interval.pk}/change/"
    data = edit(client, url, every="10")

    assert tells_beat(lambda: saved(client, url, data))

    interval.refresh_from_db()
    assert str(interval) == "每10分钟"
    assert logged(root, interval, CHANGE) == ["已修改间隔数量。"]


CASES = {
    "units.Unit": [
        unit_changed_with_its_aliases_and_demonstration_period,
        unit_added,
        unit_order_changed_in_the_list,
        unit_deleted,
    ],
    "scoring.RuleSet": [rule_set_changed],
    "units.User": [account_changed, account_added, password_changed, account_deleted],
    "auth.Group": [group_added],
    "schedule.ScheduledTask": [scheduled_task_changed],
    "schedule.Crontab": [crontab_changed],
    "schedule.Interval": [interval_changed],
}


def test_every_admin_that_writes_is_edited_here(root):
    writable = {
        model._meta.label
        for model in registered_models()
        if (allowed := permissions_of(model, root))["add"] or allowed["change"]
    }

    assert writable == set(CASES)


@pytest.mark.parametrize("case", [case for cases in CASES.values() for case in cases], ids=lambda case: case.__name__)
def test_an_edit_in_the_admin_goes_through_the_service_and_is_audited(admin_client, root, schedule, settings, case):
    settings.SCORE_CACHE = True
    case(admin_client, root)


@pytest.mark.parametrize("model", ["workplans/workplan", "workplans/task", "workplans/ledger", "inspections/finding"])
def test_work_plans_and_records_with_a_workflow_are_read_only(admin_client, model):
    assert admin_client.get(f"/admin/{model}/add/").status_code == 403
    assert admin_client.get(f"/admin/{model}/").status_code == 200


def test_a_ledger_cannot_be_changed_in_the_admin(admin_client):
    from tests.workplans.helpers import make_plan
    from workplans.models import Ledger

    ledger = Ledger.objects.create(plan=make_plan(2022), unit=UnitFactory(name="区人社局"))
    url = f"/admin/workplans/ledger/{ledger.pk}/change/"

    page = admin_client.get(url).content.decode()
    response = admin_client.post(url, {"status": "submitted"})

    assert 'name="status"' not in page
    assert response.status_code == 403
    ledger.refresh_from_db()
    assert ledger.status == "draft"
    assert ledger.transitions.count() == 0


def test_lifting_a_lockout_in_the_admin_goes_through_the_lockouts_service(admin_client, root):
    from axes.models import AccessAttempt

    from units.logins.models import LoginAttempt

    common = {
        "user_agent": "Mozilla/5.0",
        "http_accept": "*/*",
        "path_info": "/accounts/login/",
        "get_data": "",
        "post_data": "",
    }
    attempt = AccessAttempt.objects.create(username="renshe", ip_address="10.0.0.8", failures_since_start=5, **common)
    AccessAttempt.objects.create(
        username="renshe", ip_address="10.0.0.8", failures_since_start=5, **{**common, "user_agent": "curl"}
    )

    response = admin_client.post(f"/admin/logins/loginattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert AccessAttempt.objects.count() == 0  # both of that name and address, as the lockouts page lifts them
    assert logged(root, LoginAttempt(pk=attempt.pk), DELETION) == [""]
