from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.pdf import FontsNotInstalledError, MissingGlyphError
from reports.drafting import draft_notice
from reports.models import IssuedNotice, Notice
from reports.notice_data import build_notice_data
from reports.pdf import notice_pdf
from reports.xlsx import notice_xlsx


class Command(BaseCommand):
    help = "导出季度通报：当前草稿（每页印有“草稿”字样）或 --issued N 已印发的第N版，为 PDF 或 Excel。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4])
        parser.add_argument("--format", required=True, choices=["pdf", "xlsx"])
        parser.add_argument("--output", required=True, help="输出文件")
        parser.add_argument("--issued", type=int, help="已印发的版次（1为首次印发）")

    def handle(self, *args, **options):
        year, quarter, fmt = options["year"], options["quarter"], options["format"]
        notice = Notice.objects.filter(year=year, quarter=quarter).first()
        if options["issued"]:
            issued = IssuedNotice.objects.filter(notice=notice, number=options["issued"]).first() if notice else None
            if issued is None:
                raise CommandError(f"{year}年第{quarter}季度通报没有第{options['issued']}版印发记录。")
            content = bytes(issued.pdf if fmt == "pdf" else issued.xlsx)
        else:
            data = build_notice_data(notice or draft_notice(year=year, quarter=quarter))
            try:
                content = notice_pdf(data, draft=True) if fmt == "pdf" else notice_xlsx(data, draft=True)
            except (MissingGlyphError, FontsNotInstalledError) as exc:
                raise CommandError(str(exc)) from exc
        output = Path(options["output"])
        output.write_bytes(content)
        self.stdout.write(f"已导出：{output}（{len(content) // 1024} KB）")
