from core.imports.command import ImportCommand
from workplans.services import work_plan_import


class Command(ImportCommand):
    help = (
        "导入年度工作方案：附件1（列 序号、工作任务（一列或两列）、工作要求、责任单位、时限要求，可有合并单元格）"
        "或附件2（列 部门、牵头公开内容、要求）。同一年度重新导入即替换并列出修改。"
    )

    def run_import(self, **kwargs):
        return work_plan_import(**kwargs)
