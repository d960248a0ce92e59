from core.imports.command import ImportCommand
from submissions.services import article_tallies_import


class Command(ImportCommand):
    help = "导入月度投稿合计：列为 单位、月份、投稿件数，可选 不合格件数、市级采用、省级采用。"

    def run_import(self, **kwargs):
        return article_tallies_import(**kwargs)
