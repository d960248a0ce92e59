from core.imports.command import ImportCommand
from submissions.services import publications_import


class Command(ImportCommand):
    help = "导入政府网站信息公开发布数：读取打开文件时显示的工作表，表头含“单位”列和“7月”“8月”等月份列。"

    def run_import(self, **kwargs):
        return publications_import(**kwargs)
