from core.imports.command import ImportCommand
from inspections.services import deductions_import


class Command(ImportCommand):
    help = "导入季度减分事项：列为 单位、事项、减分（正数），每项一行。"
    needs_quarter = True

    def run_import(self, **kwargs):
        return deductions_import(**kwargs)
