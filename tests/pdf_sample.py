"""A synthetic quarterly notice (季度通报) for benchmarks, tests and layout previews.

``sample_notice(70)`` looks like the office's real notices (seeds 000/001): body of about one
page, statistics tables of 部门 and 镇街 with merged headers, the article-submission table, the
减分情况 sentences and the 检查情况 findings.  Figures are pseudo-random but reproducible.

    python -m tests.pdf_sample 70 /tmp/notice.pdf
"""

from __future__ import annotations

import datetime
import random
import sys

from core.pdf.document import Attachment, Cell, OfficialDocument, Paragraph, Table

# Real unit names (shared/units.csv); longer lists are padded with made-up service centres.
DEPARTMENTS = [
    "区发改局",
    "区教体局",
    "区科技局",
    "区工信局",
    "区民政局",
    "区司法局",
    "区财政局",
    "区人社局",
    "区自然资源局",
    "区住建局",
    "区交通运输局",
    "区水利局",
    "区农业农村局",
    "区商务局",
    "区文旅局",
    "区卫健局",
    "区退役军人事务局",
    "区应急管理局",
    "区审计局",
    "区行政审批服务局",
    "区市场监管局",
    "区综合行政执法局",
    "区统计局",
    "区信访局",
    "区文物局",
    "临淄生态环境分局",
    "临淄医疗保障分局",
    "临淄公安分局",
    "区气象局",
    "区残联",
    "区供销社",
    "齐鲁化工区管委会",
    "齐城农业高新区",
    "齐文化博物院",
    "区融媒体中心",
    "区住房保障事务服务中心",
    "区经济发展研究中心",
    "区地方金融事务协调服务中心",
    "区林业服务中心",
    "区粮食事务服务中心",
    "区农业农村事业发展中心",
    "区畜牧农机服务中心",
    "区体育事业发展中心",
    "临淄公路事业服务中心",
    "区城乡建设事务服务中心",
    "区中小企业发展中心",
    "区检验检测中心",
    "区重点项目服务中心",
    "区能源事业发展中心",
    "区市政园林环卫事务服务中心",
    "区水资源服务中心",
    "区应急救援指挥中心",
    "区国有资产监管局",
    "区投资促进中心",
    "区机关事务服务中心",
    "区政府办公室",
]
TOWNS = [
    "齐都镇",
    "金岭回族镇",
    "金山镇",
    "敬仲镇",
    "朱台镇",
    "皇城镇",
    "凤凰镇",
    "辛店街道",
    "闻韶街道",
    "雪宫街道",
    "稷下街道",
    "齐陵街道",
]
_FIELDS = [
    "档案",
    "供水",
    "供热",
    "物业",
    "人才",
    "就业",
    "社区",
    "养老",
    "科普",
    "计量",
    "林草",
    "渔业",
    "城管",
    "环卫",
    "公证",
    "仲裁",
    "救助",
    "招商",
    "会展",
    "旅游",
    "文化",
    "图书",
    "水文",
    "地震",
]
_KINDS = ["服务中心", "事务中心", "发展中心", "管理站", "保障中心"]
_TOWN_PARTS = ["东", "西", "南", "北", "新", "安", "和", "兴", "华", "康", "泰", "宁", "丰", "平", "乐", "裕"]

FINDINGS = [
    "法定主动公开内容政策文件一栏年内未更新内容。",
    "法定主动公开内容部分栏目常年未更新，比如部门职责任务清单、部门职责边界清单（三季度存在的问题，尚未整改）。",
    "政府文件公开存在字体不规范、发文字号和“此件公开发布”缺失等问题。",
    "公开事项标准目录上传位置错误，应在政务公开标准目录子栏目“部门单位”中上传。",
    "政策解读栏目与政策文件未关联发布，解读材料形式单一。",
    "“政务公开在行动”栏目投稿数量为零。",
]


def unit_names(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """(departments, towns) with ``n`` names in all, about one in six a town or street."""
    rng = random.Random(seed)
    n_towns = max(1, round(n * 12 / 70))
    n_departments = n - n_towns
    departments = DEPARTMENTS[:n_departments]
    i = 0
    while len(departments) < n_departments:
        name = f"区{_FIELDS[i % len(_FIELDS)]}{_KINDS[(i // len(_FIELDS)) % len(_KINDS)]}"
        if i >= len(_FIELDS) * len(_KINDS):
            name = f"区第{i // (len(_FIELDS) * len(_KINDS)) + 1}{name[1:]}"
        departments.append(name)
        i += 1
    towns = TOWNS[:n_towns]
    while len(towns) < n_towns:
        a, b = rng.choice(_TOWN_PARTS), rng.choice(_TOWN_PARTS)
        name = f"{a}{b}{rng.choice(['镇', '街道'])}"
        if a != b and name not in towns:
            towns.append(name)
    return departments, towns


def score_header(months: list[str]) -> list[list[Cell]]:
    """The two header rows of the office's statistics table (merged cells)."""
    return [
        [
            Cell("序号", rowspan=2),
            Cell("单位", rowspan=2),
            Cell("政府网站信息公开发布情况", colspan=4),
            Cell("加分", rowspan=2),
            Cell("减分", rowspan=2),
            Cell("合计", rowspan=2),
        ],
        [*(Cell(m) for m in months), Cell("累计得分")],
    ]


def score_table(names: list[str], months: list[str], rng: random.Random) -> Table:
    rows = []
    for i, name in enumerate(names, 1):
        counts = [rng.choice([0, 3, 6, 9, 10, 11, 12, 15, 35]) for _ in months]
        points = sum(min(c, 10) * 0.5 for c in counts)
        minus = rng.choice([0, 0, 0, 1, 2, 5, 7])
        rows.append([i, Cell(name, align="left"), *counts, points, None, minus or None, points - minus])
    return Table(header_rows=score_header(months), rows=rows, col_widths_mm=[10, 44, 13, 13, 13, 17, 13, 13, 17])


def submissions_table(names: list[str], months: list[str], rng: random.Random) -> Table:
    header = [
        [
            Cell("序号", rowspan=2),
            Cell("单位", rowspan=2),
            Cell("投稿件数", colspan=len(months)),
            Cell("被上级采用篇数", colspan=2),
            Cell("加分", rowspan=2),
            Cell("备注", rowspan=2),
        ],
        [*(Cell(m) for m in months), Cell("市级"), Cell("省级")],
    ]
    rows = []
    for i, name in enumerate(names, 1):
        cells = []
        for _ in months:
            sent = rng.choice([0, 0, 1, 1, 1, 2, 3])
            bad = rng.choice([0, 0, 0, 1]) if sent else 0
            cells.append(f"{sent} ({bad})" if bad else str(sent))
        city, province = rng.choice([0, 0, 0, 1]), rng.choice([0, 0, 0, 0, 1])
        remark = "示范点" if name in ("区人社局", "区市场监管局", "朱台镇", "金山镇") else ""
        rows.append(
            [i, Cell(name, align="left"), *cells, city or None, province or None, (city + province) or None, remark]
        )
    return Table(
        header_rows=header,
        rows=rows,
        col_widths_mm=[12, 62, 20, 20, 20, 20, 20, 18, 33],
        note="注：表中数字为当月投稿件数，括号内数字为不符合条件件数。",
    )


def sample_notice(n_units: int = 70, seed: int = 2024) -> OfficialDocument:
    rng = random.Random(seed)
    departments, towns = unit_names(n_units, seed)
    everyone = departments + towns
    months = ["10月", "11月", "12月"]
    zero = "、".join(rng.sample(everyone, min(12, len(everyone))))
    late = "、".join(rng.sample(everyone, min(8, len(everyone))))
    body = [
        Paragraph(
            "根据《临淄区人民政府办公室关于印发临淄区政务公开工作考核办法的通知》（临政办字〔2019〕26号）"
            "和《关于政务公开工作征稿的通知》相关要求，区政府办公室对各镇街道、区政府各部门2024年第四季度"
            "政务公开工作开展情况进行了检查，现将有关情况通报如下。"
        ),
        Paragraph("一、总体情况", "h1"),
        Paragraph(
            "从检查情况看，大部分单位政府信息主动公开方面工作开展普遍较好，生态环境、统计信息、社会救助、"
            "社会保险、医疗卫生、应急管理、市场监管等领域政府信息能做到及时、准确公开；市通报、网站排查"
            "发现问题能够及时整改到位；“政务公开在行动”栏目退役军人事务局稿件被省采用1篇，人社局、临淄医保"
            "分局稿件被市采用各1篇。"
        ),
        Paragraph("二、主要问题", "h1"),
        Paragraph("（一）政府信息主动公开方面", "h2"),
        Paragraph(
            "个别领域存在栏目公开不及时问题，如财政信息、社会福利、教体信息等。政府文件公开方面个别单位存在"
            "字体不规范、发文字号和此件公开发布缺失等问题。"
        ),
        Paragraph("（二）“政务公开在行动”投稿方面", "h2"),
        Paragraph(f"部分单位不重视，稿件数量为零，如{zero}等；部分稿件质量不高、内容与政务公开无关。"),
        Paragraph("（三）问题整改方面", "h2"),
        Paragraph(f"存在整改不及时问题，如{late}等。"),
        Paragraph("三、工作要求", "h1"),
        Paragraph(
            "各单位要高度重视检查发现的问题，进一步强化问题导向，认真分析查找原因，并举一反三，通过“解剖一个"
            "问题”推动“解决一类问题”。请于1月15日前将反馈问题全部整改到位，区政府办公室将对整改情况进行检查。"
        ),
    ]
    deductions = []
    for name in everyone:
        kind = rng.random()
        if kind < 0.3:
            deductions.append(Paragraph(f"{name}：公开事项标准目录未上传，减5分；11、12月份未投稿，减2分，共减7分。"))
        elif kind < 0.7:
            deductions.append(Paragraph(f"{name}：12月份未投稿，共减1分。"))
        else:
            deductions.append(Paragraph(f"{name}：11、12月份未投稿，共减2分。"))
    inspected = rng.sample(everyone, max(1, len(everyone) // 3))
    findings = [Paragraph(f"{name}　{rng.choice(FINDINGS)}") for name in everyone if name in inspected]
    attachments = [
        Attachment(1, "各部门第四季度政务公开工作情况统计", [score_table(departments, months, rng)]),
        Attachment(2, "各镇、街道第四季度政务公开工作情况统计", [score_table(towns, months, rng)]),
        Attachment(3, "各单位第四季度政务公开工作投稿情况", [submissions_table(everyone, months, rng)], landscape=True),
        Attachment(4, "各单位第四季度政务公开工作减分情况", deductions),
        Attachment(5, "政务公开工作检查情况", findings),
    ]
    return OfficialDocument(
        issuer="临淄区人民政府办公室",
        title="临淄区人民政府办公室关于2024年第四季度\n政务公开工作情况的通报",
        addressee="各镇人民政府、街道办事处，各开发区管委会，区政府各部门，有关企事业单位：",
        body=body,
        attachment_titles=[a.title for a in attachments],
        signature="临淄区人民政府办公室",
        date=datetime.date(2025, 1, 10),
        attachments=attachments,
    )


if __name__ == "__main__":  # pragma: no cover
    from core.pdf import render_pdf

    units = int(sys.argv[1]) if len(sys.argv) > 1 else 70
    target = sys.argv[2] if len(sys.argv) > 2 else f"notice-{units}.pdf"
    with open(target, "wb") as fh:
        fh.write(render_pdf(sample_notice(units)))
    print(target)
