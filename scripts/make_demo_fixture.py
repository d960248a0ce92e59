"""Writes fixtures/demo_2024q4.json: the demo quarter loaded by ``manage.py load_demo``.

Article counts are those of the office's 2024 Q4 notice (seed 000, 附件2); units absent from
that table and every publication count are drawn from a fixed seed, so the file is reproducible.
Run once by a developer; the JSON file is committed.
"""

import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
rng = random.Random(20241231)

# 单位: (10月, 11月, 12月) as "submitted(non_compliant)" from seed 000.
SEED_000 = """区发改局 0 0 0|区教体局 0 1 1(1)|区科技局 0 0 0|区工信局 0 0 0|区民政局 1 1 1|区司法局 0 0 0|
区财政局 1 1 1|区人社局 0 1 1|区自然资源局 0 0 0|区住建局 0 0 0|区交通运输局 0 0 1(1)|区水利局 1 1 1(1)|
区农业农村局 1 1 1(1)|区商务局 0 0 0|区文旅局 0 0 0|区卫健委 0 0 0|区退役军人事务局 1 1 1|区应急管理局 1 0 0|
区审计局 0 0 0|区行政审批服务局 1 0 1|区市场监管局 2 1 2(1)|区综合行政执法局 0 0 0|区统计局 0 0 0|区信访局 0 0 0|
区文物局 0 0 0|临淄生态环境分局 0 0 0|临淄医疗保障分局 3 2 2|临淄公安分局 2 0 0|齐都镇 1 1 1|金岭回族镇 2 2 2|
金山镇 0 0 3|敬仲镇 1 1 1|朱台镇 2 2 2|皇城镇 1 1 1|凤凰镇 1 1 1|辛店街道 0 2 0|闻韶街道 1 1 1|雪宫街道 0 0 0|
稷下街道 1 1 1(1)|齐陵街道 1 1 1"""

TOPICS = [
    "扎实推进{area}信息公开",
    "以公开促落实 {area}工作见实效",
    "“政务公开+{area}”让群众办事更便捷",
    "聚焦{area} 提升政务公开质效",
    "{area}领域基层政务公开标准化规范化建设走深走实",
    "开展政府开放日活动 邀请群众走进{area}",
    "政策解读进基层 {area}惠民政策家喻户晓",
]
AREAS = [
    "社会救助",
    "医疗保障",
    "就业创业",
    "市场监管",
    "财政预决算",
    "乡村振兴",
    "安全生产",
    "教育服务",
    "城乡建设",
    "生态环境",
    "退役军人服务",
    "政务服务",
    "养老服务",
    "农业农村",
]


# Seed 000, 附件1: findings of the 2024 Q4 inspection; "carried" ones were found in Q3 already.
Q3_CARRIED = [
    ("闻韶街道", "文件格式", "法规公文", "法定主动公开内容法规公文其他文件格式错误"),
    ("雪宫街道", "栏目更新", "政策文件、政务公开保障机制", "法定主动公开内容政策文件、政务公开保障机制专栏长期未更新"),
    (
        "区发改局",
        "栏目更新",
        "政策解读、基层政务公开标准化目录",
        "法定主动公开内容部分栏目常年未更新，比如政策解读、基层政务公开标准化目录",
    ),
    (
        "区教体局",
        "栏目更新",
        "部门职责任务清单、公开工作推进",
        "法定主动公开内容部分栏目常年未更新，比如部门职责任务清单、公开工作推进等",
    ),
    ("区司法局", "栏目更新", "部门职责任务清单", "法定主动公开内容部分栏目常年未更新，比如部门职责任务清单"),
    (
        "区住建局",
        "栏目更新",
        "部门职责任务清单、部门职责边界清单",
        "部分栏目常年未更新，比如部门职责任务清单、部门职责边界清单",
    ),
    (
        "区商务局",
        "栏目更新",
        "部门职责任务清单、部门职责边界清单",
        "法定主动公开内容部分栏目常年未更新，比如部门职责任务清单、部门职责边界清单",
    ),
    (
        "区卫健局",
        "栏目更新",
        "部门职责任务清单、部门职责边界清单、福利政策",
        "法定主动公开内容部分栏目常年未更新，比如部门职责任务清单、部门职责边界清单、福利政策等",
    ),
    ("临淄生态环境分局", "栏目更新", "部门职责边界清单", "法定主动公开内容部门职责边界清单未更新"),
]
Q4_NEW = [
    ("敬仲镇", "栏目更新", "政策文件", "法定主动公开内容政策文件一栏年内未更新内容"),
    ("皇城镇", "栏目更新", "政策文件", "法定主动公开内容政策文件一栏年内未更新内容"),
    ("区发改局", "整改不及时", "", "错敏词、季度检查等问题整改不及时"),
    ("区财政局", "文件格式", "政府文件", "政府文件字体不规范，发文字号和此件公开发布缺失"),
    ("金岭回族镇", "文件格式", "政府文件", "政府文件字体不规范，此件公开发布缺失"),
]
INSPECTIONS = [
    {
        "name": "2024年三季度检查",
        "year": 2024,
        "quarter": 3,
        "inspected_on": "2024-10-12",
        "deadline": "2024-10-31",
        "findings": [{"unit": u, "category": c, "column": col, "description": d} for u, c, col, d in Q3_CARRIED],
    },
    {
        "name": "2024年四季度检查",
        "year": 2024,
        "quarter": 4,
        "inspected_on": "2025-01-06",
        "deadline": "2025-01-15",
        "carry_over_unrectified": True,
        "findings": [{"unit": u, "category": c, "column": col, "description": d} for u, c, col, d in Q4_NEW],
    },
]
DEDUCTIONS = [
    {"unit": "敬仲镇", "reason": "法定主动公开内容政策文件一栏年内未更新内容", "points": "0.5"},
    {"unit": "皇城镇", "reason": "法定主动公开内容政策文件一栏年内未更新内容", "points": "0.5"},
    {"unit": "区发改局", "reason": "错敏词、季度检查等问题整改不及时", "points": "1"},
    {"unit": "区财政局", "reason": "政府文件发文字号和此件公开发布缺失", "points": "0.5"},
    {"unit": "闻韶街道", "reason": "三季度检查发现的问题尚未整改", "points": "1"},
    {"unit": "雪宫街道", "reason": "三季度检查发现的问题尚未整改", "points": "1"},
]


def parse(cell: str) -> tuple[int, int]:
    if "(" in cell:
        submitted, bad = cell.rstrip(")").split("(")
        return int(submitted), int(bad)
    return int(cell), 0


def main() -> None:
    counts = {}
    for part in SEED_000.replace("\n", "").split("|"):
        name, *cells = part.split()
        counts[name] = [parse(c) for c in cells]
    units = list(csv.DictReader((ROOT / "fixtures" / "units.csv").open(encoding="utf-8")))
    aliases = {}
    for row in units:
        aliases[row["name"]] = row["name"]
        for alias in filter(None, row["aliases"].split("|")):
            aliases[alias] = row["name"]
    by_official = {aliases.get(k, k): v for k, v in counts.items()}
    articles, publications = [], []
    for row in units:
        name = row["name"]
        if (row.get("assessed") or "").strip().lower() == "no":
            continue  # takes work-plan tasks only, never scored
        publications.append(
            {"unit": name, "counts": [rng.choice([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15]) for _ in range(3)]}
        )
        if row["submission_exempt"]:
            continue
        months = by_official.get(name) or [(rng.choice([0, 1, 1, 1, 2]), 0) for _ in range(3)]
        for month, (submitted, bad) in zip((10, 11, 12), months, strict=True):
            for index in range(submitted):
                area = rng.choice(AREAS)
                title = rng.choice(TOPICS).format(area=area)
                is_bad = index < bad
                articles.append(
                    {
                        "unit": name,
                        "title": f"{name.removeprefix('区')}：{title}",
                        "received_on": f"2024-{month:02d}-{rng.randint(3, 27):02d}",
                        "char_count": rng.randint(180, 380) if is_bad else rng.randint(520, 1600),
                        "is_compliant": not is_bad,
                        "reason": rng.choice(["字数不足400字", "内容与政务公开无关"]) if is_bad else "",
                    }
                )
    adoptions = [
        {"unit": "区退役军人事务局", "level": "province", "on": "2024-11-26"},
        {"unit": "区人社局", "level": "city", "on": "2024-12-18"},
        {"unit": "临淄医疗保障分局", "level": "city", "on": "2024-11-20"},
    ]
    data = {
        "year": 2024,
        "quarter": 4,
        "publications": publications,
        "articles": articles,
        "adoptions": adoptions,
        "inspections": INSPECTIONS,
        "deductions": DEDUCTIONS,
    }
    path = ROOT / "fixtures" / "demo_2024q4.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}: {len(publications)} units, {len(articles)} articles")


if __name__ == "__main__":
    main()
