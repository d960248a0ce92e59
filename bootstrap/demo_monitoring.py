"""Demo columns for column freshness: a few columns of demo units. Their addresses are examples
(to be replaced with each unit's real column pages); nothing is crawled at load time (no network
is needed): a crawl is started on the 栏目监测 page or by the scheduled job."""

from __future__ import annotations

from monitoring.models import Column
from monitoring.services import column_create
from units.models import Unit, User

BASE = "http://www.linzi.gov.cn/gongkai"
DEMO_COLUMNS = [
    ("区人社局", "政策文件", f"{BASE}/rsj/zcwj/index.html", "每季度"),
    ("区人社局", "部门职责任务清单", f"{BASE}/rsj/zrqd/index.html", "每年"),
    ("区人社局", "工作动态", f"{BASE}/rsj/gzdt/index.html", "每月"),
    ("区商务局", "政策文件", f"{BASE}/swj/zcwj/index.html", "每季度"),
    ("朱台镇", "政务公开保障机制", f"{BASE}/ztz/bzjz/index.html", "每年"),
]


def load_demo_columns(user: User | None) -> str:
    if Column.objects.exists():
        return "监测栏目已存在，跳过。"
    created = 0
    for unit_name, name, url, requirement in DEMO_COLUMNS:
        unit = Unit.objects.filter(name=unit_name).first()
        if unit is None:
            continue
        column_create(unit=unit, name=name, url=url, requirement=requirement, acting_user=user)
        created += 1
    return f"演示监测栏目：{created}个（未读取，可在“栏目监测”页面读取）。"
