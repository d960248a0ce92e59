"""Demo 依申请公开 registers: 区政府办公室's of 2024 as its annual report (seed 002) tells it (12
received, 2 carried from 2023; 5 予以公开, 6 部分公开, 3 无法提供), and 区人社局's (the demo unit
account) of last year and this year up to today, with 补正, consultations, an extension, a late
answer, an appeal, carry-over into this year and open applications near and past their deadline,
so the register, the deadlines, the reminders and the tables have something real to show."""

from __future__ import annotations

import datetime
import random

from applications.models import Application
from applications.services import (
    answer_record,
    appeal_record,
    application_record,
    consultation_add,
    correction_receive,
    correction_request,
    extension_grant,
)
from core.calendar import add_working_days
from units.selectors import resolve_unit

PEOPLE = ("王建国", "李秀英", "刘伟", "陈静", "杨帆", "赵磊", "孙丽", "周强", "吴敏", "郑浩")
COMPANIES = ("淄博某某商贸有限公司", "山东某某化工有限公司", "临淄某某建筑工程有限公司")
LAW_FIRMS = ("山东某某律师事务所",)
OFFICE_TOPICS = (
    "区政府常务会议关于城区老旧小区改造的议定事项",
    "某村集体土地征收补偿安置方案",
    "2023年区级财政预算调整方案",
    "某道路拓宽工程的立项批复和规划许可",
    "区政府关于某片区棚户区改造的批复文件",
    "2024年区政府重点工作任务分解",
)
RENSHE_TOPICS = (
    "2024年事业单位公开招聘笔试成绩计算办法",
    "某公司职工工伤认定决定书",
    "城乡居民基本养老保险基金年度收支情况",
    "劳动保障监察案件的处理结果",
    "人才引进住房补贴的发放名单和标准",
    "失业保险稳岗返还资金的发放情况",
    "某企业欠薪案件的调查处理材料",
    "职业技能提升补贴的申领条件",
)


def _working_after(day: datetime.date, n: int) -> datetime.date:
    return add_working_days(day, n)


def _log(unit, rng: random.Random, received: datetime.date, topics, kind: str = "natural") -> Application:
    names = {"natural": PEOPLE, "business": COMPANIES, "legal": LAW_FIRMS}[kind]
    return application_record(
        unit=unit,
        received_on=received,
        channel=rng.choice(["online", "online", "post", "in_person"]),
        applicant_type=kind,
        content=rng.choice(topics),
        applicant_name=rng.choice(names),
        applicant_contact=f"13{rng.randint(100000000, 999999999)}",
    )


def _office_2024(unit, rng: random.Random) -> None:
    for received in (datetime.date(2023, 12, 11), datetime.date(2023, 12, 20)):
        answered = _working_after(received, 15)
        answer_record(
            application=_log(unit, rng, received, OFFICE_TOPICS),
            answered_on=answered,
            outcome="granted",
            acting_user=None,
        )
    outcomes = ["granted"] * 3 + ["partly"] * 6 + ["unable_1"] * 3
    for index, outcome in enumerate(outcomes):
        received = datetime.date(2024, 1 + index, 8 + index % 5)
        application = _log(unit, rng, received, OFFICE_TOPICS)
        answer_record(
            application=application,
            answered_on=_working_after(received, 12 + index % 6),
            outcome=outcome,
            acting_user=None,
        )


def _renshe(unit, rng: random.Random, today: datetime.date) -> None:
    year = today.year
    plan = [
        # (received, applicant, outcome or "", working days to answer)
        *(
            (datetime.date(year - 1, m, 6 + m), "natural", o, 14)
            for m, o in zip(
                range(1, 12),
                [
                    "granted",
                    "partly",
                    "refused_4",
                    "granted",
                    "unable_1",
                    "granted",
                    "not_processed_1",
                    "granted",
                    "partly",
                    "granted",
                    "refused_6",
                ],
                strict=True,
            )
        ),
        (datetime.date(year - 1, 12, 18), "business", "granted", 25),
        (datetime.date(year - 1, 12, 24), "natural", "unable_1", 10),
    ]
    for received, kind, outcome, days in plan:
        application = _log(unit, rng, received, RENSHE_TOPICS, kind)
        if outcome == "refused_4":
            consultation_add(
                application=application,
                party="third_party",
                sent_on=_working_after(received, 3),
                replied_on=_working_after(received, 14),
                acting_user=None,
            )
            days = 28
        answered = _working_after(received, days)
        if answered <= today:
            answer_record(application=application, answered_on=answered, outcome=outcome, acting_user=None)
    corrected = _log(unit, rng, datetime.date(year - 1, 12, 2), RENSHE_TOPICS)
    correction_request(application=corrected, requested_on=_working_after(corrected.received_on, 3), acting_user=None)
    correction_receive(application=corrected, corrected_on=_working_after(corrected.received_on, 9), acting_user=None)
    late = _log(unit, rng, datetime.date(year - 1, 6, 3), RENSHE_TOPICS, "legal")
    appealed = answer_record(
        application=late, answered_on=_working_after(late.received_on, 24), outcome="refused_6", acting_user=None
    )
    appeal_record(
        application=appealed, kind="review", filed_on=_working_after(appealed.answered_on, 10), acting_user=None
    )
    received = datetime.date(year, 1, 15)
    if _working_after(received, 30) <= today:
        extended = _log(unit, rng, received, RENSHE_TOPICS, "business")
        notified = _working_after(received, 18)
        extension_grant(application=extended, days=15, approver="局办公室主任", notified_on=notified, acting_user=None)
        answer_record(
            application=extended, answered_on=_working_after(received, 30), outcome="partly", acting_user=None
        )
    for back in (32, 26, 4):  # this year's open applications: one overdue, one near its deadline, one new
        received = today - datetime.timedelta(days=back)
        if received.year == year:
            _log(unit, rng, received, RENSHE_TOPICS)


def load_demo_applications(today: datetime.date) -> str:
    office, renshe = resolve_unit("区政府办公室"), resolve_unit("区人社局")
    if Application.objects.filter(unit__in=[office, renshe]).exists():
        return "依申请公开登记簿演示数据已存在，跳过。"
    rng = random.Random(2024)
    _office_2024(office, rng)
    _renshe(renshe, rng, today)
    counts = {unit.name: Application.objects.filter(unit=unit).count() for unit in (office, renshe)}
    return "已载入依申请公开登记簿演示数据：" + "，".join(f"{name}{n}件" for name, n in counts.items()) + "。"
