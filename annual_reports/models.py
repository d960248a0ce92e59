"""The annual report (政府信息公开工作年度报告) of every unit and of the district, per year."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from core.calendar import FIRST_YEAR, LAST_YEAR
from core.models import AuditedModel, person_field
from units.models import Unit

YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


def default_unit_deadline(year: int) -> datetime.date:
    """By law each department publishes its report for the past year by 31 January."""
    return datetime.date(year + 1, 1, 31)


def default_district_deadline(year: int) -> datetime.date:
    """The district publishes the government's report by 31 March."""
    return datetime.date(year + 1, 3, 31)


class ReportYear(AuditedModel):
    """A year whose reports the office has opened, with the deadlines it set."""

    year = models.PositiveSmallIntegerField("年度", unique=True, validators=YEAR_VALIDATORS)
    unit_deadline = models.DateField("各单位报送截止日期")
    district_deadline = models.DateField("全区报告发布截止日期")
    opened_at = models.DateTimeField("开启时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度报告年度"
        verbose_name_plural = "年度报告年度"
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(district_deadline__gte=models.F("unit_deadline")), name="report_year_deadlines_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年度"


class AnnualReport(AuditedModel):
    """One version of a unit's (or the district's) report for a year.

    The tables are stored as the typed cells of :mod:`annual_reports.layout` (totals are computed);
    the district's are the sums of the units' reports until it is finalised, then frozen here.
    A finalised version is never changed: a correction is the next version.
    """

    class Scope(models.TextChoices):
        UNIT = "unit", "单位"
        DISTRICT = "district", "全区"

    class Source(models.TextChoices):
        TYPED = "typed", "手工填写"
        REGISTER = "register", "由登记簿生成"

    class Status(models.TextChoices):
        NOT_SUBMITTED = "not_submitted", "未填报"
        SUBMITTED = "submitted", "已提交"
        RETURNED = "returned", "退回"
        FINALISED = "finalised", "已定稿"

    report_year = models.ForeignKey(ReportYear, on_delete=models.PROTECT, related_name="reports", verbose_name="年度")
    scope = models.CharField("范围", max_length=10, choices=Scope.choices, default=Scope.UNIT)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="annual_reports", verbose_name="单位"
    )
    version = models.PositiveSmallIntegerField("版次", default=1)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.NOT_SUBMITTED)
    title = models.CharField("标题", max_length=200)
    figures = models.JSONField("表格数据", default=dict, blank=True)
    requests_source = models.CharField(
        "第三、四部分数据来源",
        max_length=10,
        choices=Source.choices,
        default=Source.TYPED,
        help_text="由登记簿生成：表三、表四按本单位依申请公开登记簿计算，不能手工修改。",
    )
    preface = models.TextField("报告说明", blank=True)
    overview = models.TextField("一、总体情况（开头）", blank=True)
    overview_active = models.TextField("（一）主动公开", blank=True)
    overview_requests = models.TextField("（二）依申请公开", blank=True)
    overview_management = models.TextField("（三）政府信息管理", blank=True)
    overview_platform = models.TextField("（四）政府信息公开平台建设", blank=True)
    overview_supervision = models.TextField("（五）监督保障", blank=True)
    active_notes = models.TextField("二、主动公开政府信息情况（表格以外的文字）", blank=True)
    requests_notes = models.TextField("三、收到和处理政府信息公开申请情况（表格以外的文字）", blank=True)
    appeals_notes = models.TextField("四、政府信息公开行政复议、行政诉讼情况（表格以外的文字）", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other = models.TextField("六、其他需要报告的事项", blank=True)
    correction_note = models.TextField("更正说明", blank=True)
    first_submitted_at = models.DateTimeField("首次提交时间", null=True, blank=True)
    finalised_at = models.DateTimeField("定稿时间", null=True, blank=True)
    compiled_units = models.JSONField("汇总的单位", default=list, blank=True)

    class Meta:
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = "政府信息公开工作年度报告"
        ordering = ["report_year", "scope", "unit", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_year", "unit", "version"],
                condition=Q(scope="unit"),
                name="annual_report_unit_version_unique",
            ),
            models.UniqueConstraint(
                fields=["report_year", "version"],
                condition=Q(scope="district"),
                name="annual_report_district_version_unique",
            ),
            models.CheckConstraint(
                condition=Q(scope="unit", unit__isnull=False) | Q(scope="district", unit__isnull=True),
                name="annual_report_scope_unit",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="annual_report_version_positive"),
        ]

    def __str__(self) -> str:
        suffix = "" if self.version == 1 else f"（第{self.version}版）"
        return f"{self.title}{suffix}"

    @property
    def is_district(self) -> bool:
        return self.scope == self.Scope.DISTRICT

    @property
    def year(self) -> int:
        return self.report_year.year

    @property
    def status_label(self) -> str:
        """The status as people read it: a report saved but not submitted is 已保存未提交 (未填报 is
        a report nobody has saved yet)."""
        if self.status == self.Status.NOT_SUBMITTED and self.pk is not None:
            return SAVED_NOT_SUBMITTED
        return self.get_status_display()

    @property
    def owner_name(self) -> str:
        return "全区" if self.is_district else self.unit.name


SAVED_NOT_SUBMITTED = "已保存未提交"
EDITABLE_STATUSES = (AnnualReport.Status.NOT_SUBMITTED, AnnualReport.Status.RETURNED)
"""A report can be changed only before it is submitted or after it was sent back."""


class ReportTransition(models.Model):
    """An audit row: who moved a report from one status to another, when, and why."""

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="transitions", verbose_name="年度报告"
    )
    from_status = models.CharField("原状态", max_length=20, choices=AnnualReport.Status.choices)
    to_status = models.CharField("新状态", max_length=20, choices=AnnualReport.Status.choices)
    note = models.TextField("说明", blank=True)
    acting_user = person_field("操作人")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度报告状态变更"
        verbose_name_plural = "年度报告状态变更"
        ordering = ["report", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.report}：{self.get_from_status_display()} → {self.get_to_status_display()}"
