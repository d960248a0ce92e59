from linzi_gk.commands import ImportCommand
from submissions.services import import_publications


class Command(ImportCommand):
    help = "导入政府网站信息公开发布数：第一个工作表，表头含“单位”列和“7月”“8月”等月份列。"

    def run_import(self, **kwargs):
        return import_publications(**kwargs)
