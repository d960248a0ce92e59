from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="记录人",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "检查发现问题"
        verbose_name_plural = "检查发现问题"
        ordering = ["inspection", "unit__sort_order", "pk"]

    def __str__(self) -> str:
        return f"{self.unit}：{self.description[:30]}"


class Deduction(models.Model):
    """An itemized deduction (减分) of a unit in a quarter, with its reason."""

    class Source(models.TextChoices):
        MANUAL = "manual", "手工录入"
        IMPORT = "import", "Excel导入"

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="deductions", verbose_name="单位")
    year = models.PositiveSmallIntegerField("年度")
    quarter = models.PositiveSmallIntegerField("季度", validators=QUARTER_VALIDATORS)
    reason = models.CharField("事项", max_length=300)
    points = models.DecimalField(
        "减分", max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="录入人",
    )
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
