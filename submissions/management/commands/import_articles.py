from linzi_gk.commands import ImportCommand
from submissions.services import import_article_tallies


class Command(ImportCommand):
    help = "导入月度投稿合计：列为 单位、月份、投稿件数，可选 不合格件数、市级采用、省级采用。"

    def run_import(self, **kwargs):
        return import_article_tallies(**kwargs)
