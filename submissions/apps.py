from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "填报数据"

    def ready(self) -> None:
        from core.history import track
        from core.imports.registry import ImportKind, register

        from .import_templates import publications_template, tallies_template
        from .models import Article, MonthlyArticleTally, MonthlyPublication
        from .services import article_tallies_import, publications_import

        track(MonthlyPublication, describe=lambda r: f"{r.unit} {r.year}年{r.month}月网站发布数")
        track(MonthlyArticleTally, describe=lambda r: f"{r.unit} {r.year}年{r.month}月投稿合计")
        track(Article, describe=lambda r: f"{r.unit} 稿件《{r.title}》")
        register(
            ImportKind(
                key="publications",
                label="网站发布数",
                run=publications_import,
                order=1,
                columns="表头含“单位”列和“7月”“8月”等月份列，每个单位一行；空单元格不改动已有数据。",
                template=publications_template,
            )
        )
        register(
            ImportKind(
                key="tallies",
                label="投稿合计",
                run=article_tallies_import,
                order=2,
                columns="列“单位”“月份”（1–12）“投稿件数”，可选“不合格件数”“市级采用”“省级采用”。"
                "已逐篇登记稿件的单位和月份不能再导入合计；只有单位和月份、没有数字的行不导入。",
                template=tallies_template,
            )
        )
