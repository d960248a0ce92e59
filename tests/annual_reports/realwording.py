"""Sentences lifted from published 政府信息公开工作年度报告 of several provinces (the 依申请公开 and
规范性文件 passages, as their websites print them), each with the figures of its own tables, so that
the text checks can be tried on wording nobody on this project wrote.

``tables(...)`` builds a report's typed cells from the figures a passage is about (every request in
the 自然人 column unless said otherwise; the rest 0); the 勾稽关系 hold by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annual_reports.layout import complete, typed_keys


def tables(
    *,
    new: int = 0,
    carried: int = 0,
    outcomes: dict[str, int] | None = None,
    review: dict[str, int] | None = None,
    litigation: dict[str, int] | None = None,
    normative: tuple[int, int, int] = (0, 0, 0),
    column: str = "natural",
) -> dict:
    """Every cell of a report (totals computed): ``outcomes`` by row key (``granted``, ``unable_1`` …);
    what is neither answered nor outcome is carried over to next year."""
    values = dict.fromkeys(typed_keys(), 0)
    outcomes = outcomes or {}
    answered = sum(outcomes.values())
    values.update({f"new.{column}": new, f"carried.{column}": carried, f"pending.{column}": new + carried - answered})
    for row, count in outcomes.items():
        values[f"{row}.{column}"] = count
    for key, count in (review or {}).items():
        values[f"cases.review_{key}"] = count
    for key, count in (litigation or {}).items():
        values[f"cases.direct_{key}"] = count
    values["normative.issued"], values["normative.repealed"], values["normative.in_force"] = normative
    return complete(values)


def last_year(new: int) -> dict:
    values = dict.fromkeys(typed_keys(), 0)
    values["new.natural"] = new
    values["granted.natural"] = new
    return complete(values)


@dataclass
class Passage:
    source: str
    """Who published it, where (province), which year's report."""
    year: int
    text: str
    values: dict
    stated: list[tuple[str, int]] = field(default_factory=list)
    """The figures the text states, as ``"key+key"`` and count, in order: what must be recognised."""
    previous: dict | None = None
    section: str = "overview_requests"
    slips: list[tuple[str, str, str]] = field(default_factory=list)
    """(words of the passage, the same words with a slip, the warning it must raise after “写”)."""


PASSAGES = [
    Passage(
        "武汉市汉阳区人民政府办公室（湖北）2022年度报告，三、收到和处理政府信息公开申请情况",
        2022,
        "2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。其中，予以公开2件，部分公开2件，"
        "属于四类过程性性信息1件，本办不掌握相关政府信息2件，其他1件（申请人自主撤销）。无下年度结转。",
        tables(new=8, outcomes={"granted": 2, "partly": 2, "refused_6": 1, "unable_1": 2, "other_3": 1}),
        stated=[("new", 8), ("granted", 2), ("partly", 2), ("unable_1", 2), ("pending", 0)],
        section="requests_notes",
        slips=[
            (
                "本办不掌握相关政府信息2件",
                "本办不掌握相关政府信息3件",
                "不掌握相关政府信息3件”，表格中（四）无法提供：1.本机关不掌握相关政府信息“总计”为2件",
            ),
            ("共收到8份", "共收到9份", "收到9份政府信息公开申请”，表格中一、本年新收政府信息公开申请数量“总计”为8件"),
        ],
    ),
    Passage(
        "兴仁市人民政府（贵州）2022年度报告",
        2022,
        "兴仁市严格执行依申请公开办理程序，依申请公开答复水平进一步提升。2022年，共收到10件依申请公开请求，"
        "2021年结转政府信息公开申请2件，共办结10件，结转2023年度继续办理2件；全市发生政府信息公开行政复议案件1起。",
        tables(new=10, carried=2, outcomes={"granted": 6, "unable_1": 4}, review={"upheld": 1}),
        stated=[("new", 10), ("carried", 2), ("answered", 10), ("pending", 2), ("review", 1)],
        slips=[
            (
                "继续办理2件",
                "继续办理3件",
                "结转2023年度继续办理3件”，表格中四、结转下年度继续办理“总计”为2件",
            ),
            ("案件1起", "案件2起", "发生政府信息公开行政复议案件2起”，表格中行政复议“总计”为1件"),
        ],
    ),
    Passage(
        "遂宁市船山区人民政府办公室（四川）2023年度报告",
        2023,
        "2023年，区政府办公室共受理36件政府信息公开申请（均为自然人提交），同比上升16.13%，其中按期办结36件，"
        "按期办结率达100%，无结转2024年继续办理件。全年收到因政府信息公开申请引起的行政复议1件（已办结），"
        "未收到因政府信息公开申请引起的行政诉讼。",
        tables(new=36, outcomes={"granted": 20, "partly": 6, "unable_1": 10}, review={"upheld": 1}),
        stated=[("new", 36), ("answered", 36), ("pending", 0), ("review", 1), ("litigation", 0)],
        previous=last_year(31),
        slips=[
            (
                "同比上升16.13%",
                "同比上升26.13%",
                "受理36件政府信息公开申请（均为自然人提交），同比上升26.13%”，上年收到申请31件，本年36件，同比上升16.12%",
            ),
            ("按期办结36件", "按期办结35件", "办结35件”，表格中三、（七）总计“总计”为36件"),
        ],
    ),
    Passage(
        "遂宁市船山区人民政府办公室（四川）2023年度报告，（三）政府信息管理",
        2023,
        "常态化开展信息动态调整，根据立、改、废情况，及时清理失效、废止的政府信息。2023年，对主动公开规范性文件"
        "进行全面清理，制发行政规范性文件2件，废止行政规范性文件10件，现行有效件数14件。",
        tables(new=36, outcomes={"granted": 36}, normative=(2, 10, 14)),
        stated=[("normative_issued", 2), ("normative_repealed", 10), ("normative_in_force", 14)],
        section="overview_management",
        slips=[
            ("现行有效件数14件", "现行有效件数15件", "现行有效件数15件”，表格中行政规范性文件“现行有效件数”为14件"),
            (
                "制发行政规范性文件2件",
                "制发行政规范性文件3件",
                "制发行政规范性文件3件”，表格中行政规范性文件“本年制发件数”为2件",
            ),
        ],
    ),
    Passage(
        "重庆市大足区人民政府办公室（重庆）2023年度报告",
        2023,
        "2023年区政府（含区政府办公室）收到政府信息公开申请30件，所有公开申请均依法依规按照程序办理，现已办结30件，"
        "办结率100%，全年因政府信息公开产生行政复议案件6件和行政诉讼案件3件，其中行政复议结果维持5件，尚未审结1件，"
        "行政诉讼结果维持3件。",
        tables(
            new=30,
            outcomes={"granted": 18, "partly": 4, "unable_1": 8},
            review={"upheld": 5, "pending": 1},
            litigation={"upheld": 3},
        ),
        stated=[("new", 30), ("answered", 30), ("review", 6), ("litigation", 3)],
        slips=[("行政诉讼案件3件", "行政诉讼案件4件", "行政诉讼案件4件”，表格中行政诉讼“总计”之和为3件")],
    ),
    Passage(
        "重庆市綦江区人民政府（重庆）2023年度报告",
        2023,
        "2023年全区共收到依申请公开85件，除2件结转下年办理外，均依法依规答复，答复率100%。",
        tables(new=85, outcomes={"granted": 50, "partly": 13, "unable_1": 20}),
        stated=[("new", 85), ("pending", 2)],
        slips=[("除2件", "除3件", "3件结转下年”，表格中四、结转下年度继续办理“总计”为2件")],
    ),
    Passage(
        "武汉市硚口区人民政府办公室（湖北）2023年度报告",
        2023,
        "指导区政务服务和大数据管理局完善依申请信息登记、审核、归档等工作。2023年，共收到并办理依申请公开政府信息24件。",
        tables(new=24, outcomes={"granted": 24}),
        stated=[("new", 24)],
    ),
    Passage(
        "佳木斯市向阳区人民政府办公室（黑龙江）2023年度报告",
        2023,
        "2023年，区政府办共受理政府信息公开申请0件。2023年未产生因政府信息公开申请提请的行政复议和行政诉讼案件。",
        tables(),
        stated=[("new", 0), ("review+litigation", 0)],
    ),
    Passage(
        "杨凌示范区审计局（陕西）2022年度报告",
        2022,
        "2022年，未收到依申请公开事项.",
        tables(),
        stated=[("new", 0)],
    ),
    Passage(
        "湛江市人民政府地方志办公室（广东）2023年度报告，一、总体情况",
        2023,
        "2023年，我办全年未收到行政许可申请；全年未接到信息公开申请；各栏目共刊发文稿、通知、公告、公示等44篇。",
        tables(),
        stated=[("new", 0)],
        section="overview",
    ),
    Passage(
        "子长市人民政府（陕西）2023年度报告",
        2023,
        "2023年度，子长市累计办理公民、法人或其他组织通过市政府门户网站、邮寄等途径依申请公开信息合计12件，"
        "已全部按期限答复办结，办结率100%。在依申请公开政府信息工作中没有出现应公开而不予公开的办件，"
        "未发生因政府信息公开申请行政复议、提起行政诉讼情况。",
        tables(new=12, outcomes={"granted": 12}),
        stated=[("review+litigation", 0)],
    ),
    Passage(
        "上海市人民政府（上海）2022年度报告，（一）主动公开方面",
        2022,
        "2022年，在上海市人民政府网站、《上海市人民政府公报》主动公开市政府规章13件（含新制定5件，修改4件，废止4件），"
        "主动公开市政府和市政府办公厅行政规范性文件42件，人事任免文件106件，其他文件113件。",
        tables(normative=(42, 17, 325)),
        section="overview_active",
    ),
    Passage(
        "某区（全区汇总）2022年度报告，收到申请和答复情况",
        2022,
        "2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。其中，通过网络申请1303件，占86.92%；通过信函申请172件，"
        "占11.47%；通过当面申请24件，占1.60%。2022年，全区各职能部门、镇街共完成政府信息依申请公开答复1453件，"
        "包括上年结转信息公开申请30件。其中，予以公开答复966件，占66.48%；部分公开67，占4.61%；不予公开81件，占5.57%；"
        "无法提供的182件，占12.53%；不予处理的61件，占4.20%；其他处理96件，占6.61%。",
        tables(
            new=1499,
            carried=30,
            outcomes={
                "granted": 966,
                "partly": 67,
                "refused_4": 81,
                "unable_1": 182,
                "not_processed_2": 61,
                "other_3": 96,
            },
        ),
        stated=[
            ("new", 1499),
            ("answered", 1453),
            ("carried", 30),
            ("granted", 966),
            ("partly", 67),
            ("refused", 81),
            ("unable", 182),
            ("not_processed", 61),
            ("other", 96),
        ],
        slips=[("部分公开67，占4.61%", "部分公开67，占5.61%", "部分公开67，占5.61%”，67件占答复总数1453件的4.61%")],
    ),
]

REAL_SLIP = Passage(
    "长春市某局（吉林）2023年度报告：文字写受理2件，所附表格本年新收3件",
    2023,
    "我局高度重视依申请公开事项的答复，严格依法依规做好政府信息依申请公开答复。本年度，共受理政府信息公开申请2件，"
    "都在法定期限内予以答复。",
    tables(new=3, outcomes={"granted": 3}),
    stated=[("new", 2)],
)
"""A slip as published: the text and the report's own table disagree."""
