import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from bootstrap.annual_demo import load_annual_reports
from bootstrap.demo_applications import load_demo_applications
from inspections.models import Deduction, InspectionRound
from inspections.services import deduction_create, finding_record, findings_carry_over, inspection_round_create
from submissions.models import Article
from submissions.services import article_adoption_record, article_register, publication_count_set
from units.models import Unit, User
from units.selectors import UnitResolver
from units.services import account_create, units_sync_from_csv

from ...demo_monitoring import load_demo_columns
from ...demo_workplan import load_demo_workplan

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo_2024q4.json"

DEMO_ACCOUNTS = [
    ("admin", "linzi-admin-2025", User.Role.OFFICE_ADMIN, None, "办公室管理员"),
    ("staff", "linzi-staff-2025", User.Role.OFFICE_STAFF, None, "政务公开办 工作人员"),
    ("renshe", "linzi-unit-2025", User.Role.UNIT_USER, "区人社局", "区人社局 信息员"),
]


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


class Command(BaseCommand):
    help = "载入演示数据（2024年四季度，全部单位）和演示账号；已载入则跳过数据、重设演示账号密码。"

    def handle(self, *args, **options):
        units_sync_from_csv()
        data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        with transaction.atomic():
            if Article.objects.filter(received_on__year=data["year"]).exists():
                self.stdout.write(f"{data['year']}年演示数据已存在，跳过。")
            else:
                self._load(data)
            accounts = self._accounts()
            self.stdout.write(load_annual_reports(User.objects.get(username="staff")))
            self.stdout.write(load_demo_workplan(User.objects.filter(username="staff").first()))
            self.stdout.write(load_demo_applications(timezone.localdate()))
            self.stdout.write(load_demo_columns(User.objects.filter(username="staff").first()))
        call_command("install_schedule", stdout=self.stdout)  # the reminders and the nightly check
        self.stdout.write("")
        self.stdout.write("演示账号（用户名 / 密码 / 角色）：")
        for username, password, role, unit in accounts:
            self.stdout.write(f"  {username:<8} {password:<18} {role}{'（' + unit + '）' if unit else ''}")

    def _load(self, data) -> None:
        resolver = UnitResolver.from_db()
        year, quarter = data["year"], data["quarter"]
        months = range(3 * quarter - 2, 3 * quarter + 1)
        for entry in data["publications"]:
            unit = resolver.resolve(entry["unit"])
            for month, count in zip(months, entry["counts"], strict=True):
                publication_count_set(unit=unit, year=year, month=month, count=count, reason="演示数据")
        for entry in data["articles"]:
            article_register(
                unit=resolver.resolve(entry["unit"]),
                title=entry["title"],
                received_on=_date(entry["received_on"]),
                char_count=entry["char_count"],
                is_compliant=entry["is_compliant"],
                non_compliance_reason=entry["reason"],
            )
        for entry in data["adoptions"]:
            unit = resolver.resolve(entry["unit"])
            adopted_on = _date(entry["on"])
            article = (
                Article.objects.filter(unit=unit, is_compliant=True, received_on__lte=adopted_on)
                .order_by("received_on")
                .first()
            )
            article_adoption_record(article=article, level=entry["level"], adopted_on=adopted_on)
        previous = None
        for spec in data["inspections"]:
            inspection = inspection_round_create(
                name=spec["name"], year=spec["year"], quarter=spec["quarter"], inspected_on=_date(spec["inspected_on"])
            )
            deadline = _date(spec["deadline"])
            if previous is not None and spec.get("carry_over_unrectified"):
                findings_carry_over(previous=previous, current=inspection, deadline=deadline)
            for finding in spec["findings"]:
                finding_record(
                    inspection=inspection,
                    unit=resolver.resolve(finding["unit"]),
                    category=finding["category"],
                    column=finding["column"],
                    description=finding["description"],
                    deadline=deadline,
                )
            previous = inspection
        for entry in data["deductions"]:
            deduction_create(
                unit=resolver.resolve(entry["unit"]),
                year=year,
                quarter=quarter,
                reason=entry["reason"],
                points=Decimal(entry["points"]),
                source=Deduction.Source.MANUAL,
            )
        self.stdout.write(
            f"已载入{year}年第{quarter}季度演示数据：{Unit.objects.count()}个单位，"
            f"{Article.objects.filter(received_on__year=year).count()}篇稿件，"
            f"{InspectionRound.objects.count()}次检查。"
        )

    def _accounts(self):
        printed = []
        for username, password, role, unit_name, display in DEMO_ACCOUNTS:
            unit = Unit.objects.get(name=unit_name) if unit_name else None
            user = User.objects.filter(username=username).first()
            if user is None:
                account_create(username=username, password=password, role=role, unit=unit, display_name=display)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            printed.append((username, password, User.Role(role).label, unit_name))
        return printed
