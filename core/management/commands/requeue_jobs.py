from django.core.management.base import BaseCommand

from core.tasks import jobs_requeue_stale


class Command(BaseCommand):
    help = "重新分派排队过久或执行中断的后台任务（Redis恢复后、worker被杀后）。"

    def handle(self, *args, **options):
        self.stdout.write(f"重新分派{jobs_requeue_stale()}个后台任务。")
