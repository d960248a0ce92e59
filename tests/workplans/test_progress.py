"""Progress per task and period, evidence kept private, overdue tasks flagged and offered to the notice."""

import datetime
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import TownFactory, UnitFactory, UserFactory
from tests.jobs import content, job_result
from units.models import User
from workplans.models import ProgressReport, ProgressStatus
from workplans.panels import overdue_notice_problems
from workplans.selectors import progress_matrix, unit_task_states
from workplans.services import progress_report

from .helpers import day, make_plan, make_task, pdf

DONE, DOING, NOT_YET = ProgressStatus.DONE, ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED


@pytest.fixture
def units(db):
    return {
        "renshe": UnitFactory(name="区人社局"),
        "shangwu": UnitFactory(name="区商务局"),
        "town": TownFactory(name="凤凰镇"),
        "archive": UnitFactory(name="区档案馆", is_assessed=False),
    }


@pytest.fixture
def renshe_user(units):
    return UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=units["renshe"])


@pytest.fixture
def plan(units):
    plan = make_plan(2022)
    every = list(units.values())
    make_task(plan, 1, every, time_limit="按季度公开")
    make_task(plan, 2, every, time_limit="2022年8月底前")
    make_task(plan, 3, every, time_limit="信息形成或者变更之日起20个工作日内公开")
    make_task(plan, 4, [units["shangwu"]], time_limit="长期坚持")
    return plan


def report(plan, number, unit, user, period="Y", status=DONE, **kwargs):
    return progress_report(
        task=plan.tasks.get(number=number),
        unit=unit,
        period=period,
        status=status,
        note=kwargs.pop("note", "已按要求公开"),
        acting_user=user,
        today=kwargs.pop("today", day("2022-12-31")),
        **kwargs,
    )


def states(plan, unit, today):
    return {s.task.number: (s.state, s.summary) for s in unit_task_states(plan, unit, day(today))}


def test_a_report_per_period_updated_in_place_with_history(plan, units, renshe_user):
    first = report(plan, 1, units["renshe"], renshe_user, period="Q1", status=DOING, note="正在汇总")
    again = report(plan, 1, units["renshe"], renshe_user, period="Q1", status=DONE, note="已公开一季度进展")

    assert first.pk == again.pk
    assert (again.status, again.note, again.reported_by) == (DONE, "已公开一季度进展", renshe_user)
    assert list(again.history.order_by("history_id").values_list("status", flat=True)) == [DOING, DONE]


def test_what_a_report_must_say(plan, units, renshe_user, staff):
    with pytest.raises(ValidationError) as caught:
        report(plan, 1, units["renshe"], renshe_user, period="Y")
    assert caught.value.message_dict == {"period": ["第1项任务没有“Y”这个期间。"]}
    with pytest.raises(ValidationError) as caught:
        report(plan, 1, units["renshe"], renshe_user, period="Q4", today=day("2022-09-30"))
    assert caught.value.message_dict == {"period": ["四季度尚未开始，不能填报进度。"]}
    with pytest.raises(ValidationError) as caught:
        report(plan, 2, units["renshe"], renshe_user, note=" ")
    assert caught.value.message_dict == {"note": ["请填写进展情况。"]}
    with pytest.raises(PermissionDenied, match="区人社局不承担第4项任务。"):
        report(plan, 4, units["renshe"], renshe_user)
    with pytest.raises(PermissionDenied):
        report(plan, 2, units["shangwu"], renshe_user)  # another unit's progress
    with pytest.raises(PermissionDenied):
        report(plan, 2, units["renshe"], staff)


def test_evidence_is_stored_privately_and_downloaded_only_by_who_may_see_it(
    client, plan, units, renshe_user, staff, media_root
):
    saved = report(plan, 2, units["renshe"], renshe_user, file=pdf("公开截图.pdf", b"%PDF-1.4 proof"))

    assert re.fullmatch(rf"workplans/{units['renshe'].pk}/[0-9a-f]{{32}}\.pdf", saved.file.name)
    assert (media_root / saved.file.name).read_bytes() == b"%PDF-1.4 proof"
    url = reverse("workplans:evidence_file", args=[saved.pk])
    client.force_login(renshe_user)
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 proof"
    client.force_login(UserFactory(username="shangwu", role=User.Role.UNIT_USER, unit=units["shangwu"]))
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_refused_formats_store_nothing(plan, units, renshe_user, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as caught:
        report(plan, 2, units["renshe"], renshe_user, file=SimpleUploadedFile("a.exe", b"MZ"))

    assert caught.value.message_dict == {"file": ["只能上传pdf、jpg、png、doc、docx、xls、xlsx、zip格式的文件。"]}
    assert not ProgressReport.objects.exists()
    assert not (media_root / "workplans").exists()


def test_overdue_flags(plan, units, renshe_user):
    renshe = units["renshe"]
    assert states(plan, renshe, "2022-08-31")[2] == ("unreported", "未报告")
    assert states(plan, renshe, "2022-09-01")[2] == ("overdue", "逾期（全年）")
    assert states(plan, renshe, "2022-04-01")[1] == ("overdue", "逾期（一季度）")
    assert states(plan, renshe, "2022-03-31")[1] == ("unreported", "0/4期已完成")

    report(plan, 1, renshe, renshe_user, period="Q1")
    report(plan, 2, renshe, renshe_user, status=DOING)

    late = states(plan, renshe, "2022-10-01")
    assert late[1] == ("overdue", "逾期（二季度、三季度）")
    assert late[2] == ("overdue", "逾期（全年）")  # 推进中 is not done
    assert late[3] == ("unreported", "未报告")  # counted from an event: never overdue by itself
    report(plan, 2, renshe, renshe_user)
    assert states(plan, renshe, "2022-10-01")[2] == ("done", "已完成")


def test_overdue_tasks_offered_to_the_quarters_notice_for_assessed_units_only(plan, units, renshe_user):
    report(plan, 2, units["renshe"], renshe_user)

    problems = overdue_notice_problems(year=2022, quarter=3, as_of=day("2022-10-10"))

    # Task 2 (due 31 August) and task 1 (一、二、三季度) are late, as of the quarter's end.
    assert [(p.template, p.units) for p in problems] == [
        ("工作方案任务落实方面部分单位存在任务逾期未完成问题，如{units}等", ["区人社局", "区商务局", "凤凰镇"])
    ]
    assert overdue_notice_problems(year=2022, quarter=1, as_of=day("2022-03-20")) == []
    assert overdue_notice_problems(year=2023, quarter=1, as_of=day("2023-04-10")) == []


def test_the_unit_dashboard_flags_overdue_tasks(client, units, renshe_user):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    plan = make_plan(today.year)
    make_task(plan, 1, [units["renshe"]], time_limit=f"{yesterday.year}年{yesterday.month}月{yesterday.day}日前")
    make_task(plan, 2, [units["renshe"]], time_limit="长期坚持")
    client.force_login(renshe_user)

    page = client.get(reverse("scoring:unit_quarter", args=[2024, 4, units["renshe"].pk])).content.decode()

    assert "<h2>工作方案任务</h2>" in page
    assert f"本单位承担{today.year}年工作方案中的2项任务" in page
    assert page.count('<tr class="overdue"><td class="num">1</td>') == 1
    assert "已逾期" in page


def test_matrix_of_units_and_tasks(client, plan, units, renshe_user, staff, django_assert_max_num_queries):
    report(plan, 2, units["renshe"], renshe_user)
    matrix = progress_matrix(plan, day("2022-10-01"))

    assert [row.unit.name for row in matrix.rows] == ["区人社局", "区商务局", "区档案馆", "凤凰镇"]
    assert [c.state if c else None for c in matrix.rows[0].cells] == ["overdue", "done", "unreported", None]
    assert [c.state if c else None for c in matrix.rows[1].cells] == ["overdue", "overdue", "unreported", "unreported"]
    client.force_login(staff)
    with django_assert_max_num_queries(10):
        html = client.get(reverse("workplans:matrix", args=[2022])).content.decode()
    assert html.count('class="cell state-') == 13
    for unit in (UnitFactory(name=f"区测试局{i}") for i in range(20)):
        make_task(plan, 10 + unit.pk, [unit])
    with django_assert_max_num_queries(10):
        client.get(reverse("workplans:matrix", args=[2022]))


def test_matrix_export(client, plan, units, renshe_user, staff, django_capture_on_commit_callbacks):
    report(plan, 2, units["renshe"], renshe_user)
    client.force_login(staff)

    url = reverse("workplans:matrix_export", args=[2022])
    workbook = load_workbook(io.BytesIO(content(job_result(client, url, django_capture_on_commit_callbacks))))

    sheet = workbook["进度"]
    names = [f"{n}\n第{n}项工作要求" for n in (1, 2, 3, 4)]  # the label and the task's short name
    assert [c.value for c in sheet[2]] == ["单位", *names, "逾期", "已完成"]
    renshe = [c.value for c in sheet[3]]
    assert renshe[0] == "区人社局" and renshe[2] == "已完成" and renshe[4] is None
    assert [c.value for c in workbook["任务"][3]][:2] == ["1", "紧扣夯实基础深化公开 / 规范开展政府信息公开"]


def test_a_unit_reports_progress_in_the_browser(client, plan, units, renshe_user):
    client.force_login(renshe_user)
    task = plan.tasks.get(number=1)
    url = reverse("workplans:progress_report", args=[task.pk, "Q2"])

    assert "填报进度：第1项任务 · 二季度" in client.get(url).content.decode()
    response = client.post(url, {"status": "done", "note": "已公开二季度进展", "link": "www.linzi.gov.cn/a.html"})

    assert response.status_code == 302
    saved = ProgressReport.objects.get()
    assert (saved.period, saved.status, saved.link) == ("Q2", "done", "https://www.linzi.gov.cn/a.html")
    detail = client.get(reverse("workplans:task", args=[task.pk])).content.decode()
    assert "已公开二季度进展" in detail
    assert client.get(reverse("workplans:progress_report", args=[task.pk, "Q9"])).status_code == 404


def test_the_matrix_pages_through_many_units(client, plan, staff, monkeypatch):
    monkeypatch.setattr("workplans.progress_views.MATRIX_PAGE_SIZE", 3)
    client.force_login(staff)

    first = client.get(reverse("workplans:matrix", args=[2022])).content.decode()
    second = client.get(reverse("workplans:matrix", args=[2022]) + "?page=2").content.decode()

    assert "第1页，共2页（4个单位）" in first
    assert [name in first for name in ("区人社局", "区商务局", "区档案馆", "凤凰镇")] == [True, True, True, False]
    assert '<td class="unit">凤凰镇</td>' in second and '<td class="unit">区人社局</td>' not in second
