import datetime
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.bounds import POINTS_FIELD, POSITIVE_POINTS_VALIDATORS
from core.calendar import Quarter
from core.formatting import format_cn_date
from core.models import person_field
from units.models import Unit

QUARTER_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class InspectionRound(models.Model):
    """One inspection of every unit's disclosure columns, e.g. 2024年四季度检查."""

    name = models.CharField("名称", max_length=100, unique=True)
    year = models.PositiveSmallIntegerField("年度")
    quarter = models.PositiveSmallIntegerField("季度", validators=QUARTER_VALIDATORS)
    inspected_on = models.DateField("检查日期")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "检查批次"
        verbose_name_plural = "检查批次"
        ordering = ["-year", "-quarter", "-inspected_on"]
        constraints = [
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="round_quarter_range"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The day of an inspection lies between the start of its quarter and today: a year typed
        wrong (9999, 1900) would date every deadline counted from it."""
        if self.inspected_on is None or not self.year or not 1 <= (self.quarter or 0) <= 4:
            return
        today = timezone.localdate()
        period = Quarter(self.year, self.quarter)
        if self.inspected_on < period.start:
            raise ValidationError(
                {"inspected_on": f"检查日期不能早于{format_cn_date(period.start)}（{period.label}的第一天）。"}
            )
        if self.inspected_on > today:
            raise ValidationError({"inspected_on": f"检查日期不能晚于今天（{format_cn_date(today)}），请核对年份。"})


MAX_DEADLINE_DAYS = 366
"""A rectification deadline lies within a year of the inspection (the notices ask for days or weeks)."""


class Finding(models.Model):
    """A problem found in one unit's disclosure work during an inspection."""

    class Category(models.TextChoices):
        COLUMN_NOT_UPDATED = "栏目更新", "栏目未及时更新"
        DOCUMENT_FORMAT = "文件格式", "政府文件公开不规范"
        SENSITIVE_WORDS = "错敏词", "错敏词"
        CATALOGUE = "标准目录", "公开事项标准目录"
        SUBMISSION = "投稿", "投稿数量或质量"
        LATE_RECTIFICATION = "整改不及时", "整改不及时"
        OTHER = "其他", "其他"

    class Status(models.TextChoices):
        PENDING = "pending", "待整改"
        SUBMITTED = "submitted", "已提交整改"
        ACCEPTED = "accepted", "已验收"
        CARRIED_OVER = "carried_over", "已延续至下一批次"

    inspection = models.ForeignKey(
        InspectionRound, on_delete=models.PROTECT, related_name="findings", verbose_name="检查批次"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="findings", verbose_name="单位")
    category = models.CharField("问题类别", max_length=20, choices=Category.choices)
    column = models.CharField("栏目", max_length=100, blank=True)
    description = models.TextField("问题描述")
    deadline = models.DateField("整改期限", null=True, blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PENDING)
    carried_over_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_over_to",
        verbose_name="延续自",
    )
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    created_by = person_field("记录人")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "检查发现问题"
        verbose_name_plural = "检查发现问题"
        ordering = ["inspection", "unit__sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["carried_over_from"],
                name="finding_carried_over_once",
                violation_error_message="该问题已延续到其他检查批次。",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="finding_status_deadline_idx")]

    def __str__(self) -> str:
        return f"{self.unit}：{self.description[:30]}"

    def clean(self) -> None:
        if self.deadline and self.inspection_id and self.deadline < self.inspection.inspected_on:
            raise ValidationError({"deadline": "整改期限不能早于检查日期。"})
        latest = (
            self.inspection.inspected_on + datetime.timedelta(days=MAX_DEADLINE_DAYS) if self.inspection_id else None
        )
        if self.deadline and latest and self.deadline > latest:
            raise ValidationError(
                {"deadline": f"整改期限不能晚于{format_cn_date(latest)}（检查日期一年后），请核对年份。"}
            )


# The rectification workflow (整改): the only moves a finding's status may make.
# 待整改 → 已提交整改 (the unit answers) → 已验收 (office) or back to 待整改 (退回, with a reason);
# an open finding not rectified by the next inspection is carried over (已延续至下一批次).
OPEN_STATUSES = (Finding.Status.PENDING, Finding.Status.SUBMITTED)
FINDING_TRANSITIONS: dict[str, frozenset[str]] = {
    Finding.Status.PENDING: frozenset({Finding.Status.SUBMITTED, Finding.Status.CARRIED_OVER}),
    Finding.Status.SUBMITTED: frozenset({Finding.Status.ACCEPTED, Finding.Status.PENDING, Finding.Status.CARRIED_OVER}),
    Finding.Status.ACCEPTED: frozenset(),
    Finding.Status.CARRIED_OVER: frozenset(),
}

ALLOWED_UPLOAD_EXTENSIONS = ("pdf", "jpg", "png", "doc", "docx", "xls", "xlsx", "zip")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def validate_evidence_file(file) -> None:
    """Evidence of a rectification: an office document, image or archive of at most 20 MB."""
    extension = PurePath(file.name or "").suffix.lower().lstrip(".")
    if extension not in ALLOWED_UPLOAD_EXTENSIONS:
        raise ValidationError(f"只能上传{'、'.join(ALLOWED_UPLOAD_EXTENSIONS)}格式的文件。")
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError("文件不能超过20 MB。")


def evidence_upload_to(instance: "RectificationResponse", filename: str) -> str:
    """A name nobody can guess, under MEDIA_ROOT; the original name is kept in the row."""
    extension = PurePath(filename).suffix.lower()
    return f"rectifications/{instance.finding.unit_id}/{uuid.uuid4().hex}{extension}"


class RectificationResponse(models.Model):
    """One answer of a unit to a finding (整改情况): what it did, with a link or a file as evidence."""

    finding = models.ForeignKey(
        Finding, on_delete=models.PROTECT, related_name="responses", verbose_name="检查发现问题"
    )
    text = models.TextField("整改情况")
    link = models.URLField("链接", max_length=500, blank=True)
    file = models.FileField(
        "附件", upload_to=evidence_upload_to, max_length=200, blank=True, validators=[validate_evidence_file]
    )
    original_filename = models.CharField("原文件名", max_length=255, blank=True)
    submitted_by = person_field("提交人", related_name="rectification_responses")
    submitted_at = models.DateTimeField("提交时间", default=timezone.now)

    class Meta:
        verbose_name = "整改答复"
        verbose_name_plural = "整改答复"
        ordering = ["finding", "submitted_at", "pk"]
        indexes = [models.Index(fields=["finding", "submitted_at"], name="response_finding_time_idx")]

    def __str__(self) -> str:
        return f"{self.finding.unit}：{self.text[:30]}"


class FindingTransition(models.Model):
    """Audit row of one status change of a finding: from, to, by whom, when, with a note."""

    finding = models.ForeignKey(
        Finding, on_delete=models.PROTECT, related_name="transitions", verbose_name="检查发现问题"
    )
    from_status = models.CharField("原状态", max_length=20, choices=Finding.Status.choices)
    to_status = models.CharField("新状态", max_length=20, choices=Finding.Status.choices)
    by = person_field("操作人", related_name="finding_transitions")
    at = models.DateTimeField("时间", default=timezone.now)
    note = models.TextField("说明", blank=True)
    response = models.ForeignKey(
        RectificationResponse,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transitions",
        verbose_name="对应整改答复",
    )

    class Meta:
        verbose_name = "整改状态变更"
        verbose_name_plural = "整改状态变更"
        ordering = ["finding", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_status=models.F("to_status")), name="finding_transition_changes_status"
            ),
        ]
        indexes = [models.Index(fields=["finding", "at"], name="transition_finding_time_idx")]

    def __str__(self) -> str:
        return f"{self.finding}：{self.get_from_status_display()} → {self.get_to_status_display()}"

    @property
    def action(self) -> str:
        """What the move means to a clerk: 提交整改, 验收, 退回, 延续."""
        return ACTION_LABELS.get((self.from_status, self.to_status), self.get_to_status_display())


ACTION_LABELS = {
    (Finding.Status.PENDING, Finding.Status.SUBMITTED): "提交整改",
    (Finding.Status.SUBMITTED, Finding.Status.ACCEPTED): "验收通过",
    (Finding.Status.SUBMITTED, Finding.Status.PENDING): "退回",
    (Finding.Status.PENDING, Finding.Status.CARRIED_OVER): "延续至下一批次",
    (Finding.Status.SUBMITTED, Finding.Status.CARRIED_OVER): "延续至下一批次",
}


class Deduction(models.Model):
    """An itemized deduction (减分) of a unit in a quarter, with its reason."""

    class Source(models.TextChoices):
        MANUAL = "manual", "手工录入"
        IMPORT = "import", "Excel导入"

    class Kind(models.TextChoices):
        NO_SUBMISSION = "no_submission", "未投稿"
        """Entered by the office (“8、9月份未投稿”): replaces the 未投稿 deduction computed from the articles."""
        OTHER = "other", "其他"

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="deductions", verbose_name="单位")
    year = models.PositiveSmallIntegerField("年度")
    quarter = models.PositiveSmallIntegerField("季度", validators=QUARTER_VALIDATORS)
    reason = models.CharField("事项", max_length=300)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    points = models.DecimalField("减分", **POINTS_FIELD, validators=POSITIVE_POINTS_VALIDATORS)
    finding = models.ForeignKey(
        Finding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deductions",
        verbose_name="对应检查问题",
    )
    source = models.CharField("来源", max_length=10, choices=Source.choices, default=Source.MANUAL)
    position = models.PositiveSmallIntegerField("顺序", default=0)
    created_at = models.DateTimeField("录入时间", auto_now_add=True)
    created_by = person_field("录入人")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "减分"
        verbose_name_plural = "减分"
        ordering = ["year", "quarter", "unit__sort_order", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(points__gt=0), name="deduction_points_positive"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="deduction_quarter_range"),
        ]
        indexes = [models.Index(fields=["year", "quarter"], name="deduction_quarter_idx")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年第{self.quarter}季度：{self.reason}，减{self.points}分"

    def clean(self) -> None:
        if self.finding_id and self.unit_id and self.finding.unit_id != self.unit_id:
            raise ValidationError({"finding": "对应的检查问题属于另一个单位。"})
