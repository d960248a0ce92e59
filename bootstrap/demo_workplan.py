"""A small 2024 work plan for the demo site: ten tasks in the office's table layout (merged cells
included), imported through the real import, with some ledgers and progress so that the pages,
the matrix and 回头看 are not empty."""

from __future__ import annotations

import datetime
import io

from django.utils import timezone
from openpyxl import Workbook

from units.models import Unit, User
from units.selectors import UnitResolver
from workplans.models import Ledger, LedgerTransition, ProgressStatus, Task, WorkPlan
from workplans.services import ledger_row_add, ledger_submit, progress_report, work_plan_import

YEAR = 2024
ALL = "各镇、街道，区政府各部门单位"
TASKS = [
    (
        "紧扣经济发展大局深化公开",
        "定期公开《政府工作报告》各项任务进展情况、取得成效和后续举措",
        "区政府办公室",
        "按季度公开",
    ),
    (
        None,
        "加强房地产市场监管信息公开，及时公开房地产行业违法违规查处情况",
        "区住建局",
        "信息形成或者变更之日起20个工作日内公开",
    ),
    (None, "持续做好各类规划（计划）实施措施和配套政策的主动公开工作", "区发改局牵头，有关职能部门落实", "长期坚持"),
    (
        "紧扣维护社会和谐稳定深化公开",
        "定期公开各类保险参保人数、待遇支付和基金收支情况",
        "区人社局、临淄医保分局",
        "按季度公开",
    ),
    (
        None,
        "做好就业创业政策、服务信息公开，重点做好就业困难人员补贴政策的发布",
        "区人社局、区退役军人局",
        "2024年9月底前",
    ),
    (
        "紧扣夯实基础深化公开",
        "适时更新完善权责清单和本级政府行政机关机构职能目录并按要求公开",
        ALL,
        "信息形成或者变更之日起20个工作日内公开",
    ),
    (None, "积极推动政府网站和政务新媒体适老化和无障碍改造", None, "2024年年底前基本完成改造"),
    (None, "加强档案馆、图书馆政府信息公开查阅中心建设", "区文旅局、区档案馆", "长期坚持"),
    ("紧扣任务落实强化保障措施", "对上一年度工作要点落实情况开展“回头看”，未完成的要及时整改", ALL, "6月底前"),
    (
        None,
        "将《中华人民共和国政府信息公开条例》纳入全区普法依法治理工作要点",
        "区司法局牵头，各镇、街道，区政府各部门单位落实",
        "长期坚持",
    ),
]
MERGED = ["B3:B5", "B6:B7", "B8:B10", "B11:B12", "D8:D9"]


def demo_workbook() -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "附件1"
    ws.append([f"{YEAR}年全区政务公开重点工作任务分解表"])
    ws.append(["序号", "工作任务", "工作要求", "责任单位", "时限要求"])
    for number, (area, requirement, units, limit) in enumerate(TASKS, start=1):
        ws.append([number, area, requirement, units, limit])
    for cells in MERGED:
        ws.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _report(task: Task, unit: Unit, user: User, period: str, status: str, note: str) -> None:
    progress_report(task=task, unit=unit, period=period, status=status, note=note, acting_user=user)


def load_demo_workplan(acting_user: User | None) -> str:
    """Import the demo plan (once) and fill in 区人社局's ledger and some progress."""
    if WorkPlan.objects.filter(year=YEAR).exists():
        return f"{YEAR}年演示工作方案已存在，跳过。"
    result = work_plan_import(source=io.BytesIO(demo_workbook()), year=YEAR, acting_user=acting_user, filename="演示")
    resolver = UnitResolver.from_db()
    tasks = {t.number: t for t in Task.objects.filter(plan__year=YEAR)}
    renshe = resolver.resolve("区人社局")
    user = User.objects.filter(unit=renshe).first() or User.objects.create(
        username="renshe-demo", role=User.Role.UNIT_USER, unit=renshe, is_active=False
    )
    measures = {
        4: ("每季度首月15日前在政府网站公开上季度参保人数、待遇支付和基金收支情况", "按季度"),
        5: ("梳理就业困难人员补贴政策，制作政策解读和办事指南并在政府网站发布", "2024年9月底前"),
        6: ("对照机构职能变化及时更新本单位权责清单", "信息形成或者变更之日起20个工作日内"),
        7: ("完成网站适老化改造并开通无障碍浏览", "2024年12月底前"),
        9: ("对2023年工作要点落实情况逐项开展回头看", "2024年6月底前"),
        10: ("组织全局干部学习《政府信息公开条例》", "长期坚持"),
    }
    for number, (measure, limit) in measures.items():
        ledger_row_add(
            task=tasks[number],
            unit=renshe,
            acting_user=user,
            measure=measure,
            time_limit=limit,
            leader="王副局长",
            office="办公室",
        )
    ledger = ledger_submit(plan=tasks[1].plan, unit=renshe, acting_user=user)
    # As if handed in before the deadline of 30 June 2024 (the demo is loaded much later).
    handed_in = timezone.make_aware(datetime.datetime(YEAR, 6, 28, 10, 30))
    Ledger.objects.filter(pk=ledger.pk).update(submitted_at=handed_in)
    LedgerTransition.objects.filter(ledger=ledger).update(at=handed_in)
    for period in ("Q1", "Q2"):
        _report(tasks[4], renshe, user, period, ProgressStatus.DONE, "已在政府网站公开参保和基金收支情况")
    _report(tasks[4], renshe, user, "Q3", ProgressStatus.IN_PROGRESS, "数据正在汇总")
    _report(tasks[5], renshe, user, "Y", ProgressStatus.DONE, "已发布政策解读和办事指南")
    _report(tasks[9], renshe, user, "Y", ProgressStatus.DONE, "已完成回头看，发现问题已整改")
    return f"已载入{YEAR}年演示工作方案：{result.summary().removeprefix('已导入：')}。"
