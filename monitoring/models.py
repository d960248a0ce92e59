"""Column freshness: the columns of each unit's disclosure pages, what each crawl read on them, and
what it proposes (a finding for a column not updated in its period, a month's publication count).
Proposals are decided by staff; nothing here writes a finding or a count by itself."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.models import AuditedModel, person_field
from inspections.models import Finding
from units.models import Unit


class Requirement(models.TextChoices):
    """更新要求: how often a column must get a new item."""

    MONTHLY = "每月", "每月"
    QUARTERLY = "每季度", "每季度"
    YEARLY = "每年", "每年"
    LONG_TERM = "长期", "长期"


class Column(AuditedModel):
    """One column (栏目) of a unit's site: a listing page of items, each a link and a date."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="monitored_columns", verbose_name="单位")
    name = models.CharField("栏目名称", max_length=100)
    url = models.URLField("网址", max_length=500)
    requirement = models.CharField("更新要求", max_length=10, choices=Requirement.choices)
    selector = models.CharField(
        "CSS选择器",
        max_length=200,
        blank=True,
        help_text="一般不填：系统自动识别列表中的条目。自动识别不准时填写选中每个条目的选择器，如 ul.list li。",
    )
    counts_publications = models.BooleanField(
        "计入网站发布数", default=True, help_text="该栏目的条目计入单位每月网站信息发布数的监测建议数。"
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "监测栏目"
        verbose_name_plural = "监测栏目"
        ordering = ["unit__category", "unit__sort_order", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"], name="column_unique_unit_name", violation_error_message="该单位已有同名栏目。"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.name}"


class CrawlRun(models.Model):
    """One crawl of some or all columns."""

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", "定时任务"
        COMMAND = "command", "命令行"
        PAGE = "page", "页面发起"

    trigger = models.CharField("发起方式", max_length=10, choices=Trigger.choices)
    as_of = models.DateField("判断日期")
    started_at = models.DateTimeField("开始时间", default=timezone.now)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    requested_by = person_field("发起人")
    column_count = models.PositiveIntegerField("栏目数", default=0)
    error_count = models.PositiveIntegerField("读取出错栏目数", default=0)
    stale_count = models.PositiveIntegerField("未按期更新栏目数", default=0)

    class Meta:
        verbose_name = "栏目读取"
        verbose_name_plural = "栏目读取"
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"栏目读取 {timezone.localtime(self.started_at):%Y-%m-%d %H:%M}"


class ColumnReading(models.Model):
    """What one crawl read of one column: its latest item, items per month, staleness or the error."""

    run = models.ForeignKey(CrawlRun, on_delete=models.CASCADE, related_name="readings", verbose_name="栏目读取")
    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="readings", verbose_name="栏目")
    read_at = models.DateTimeField("读取时间", default=timezone.now)
    url = models.URLField("网址", max_length=500)
    latest = models.DateField("最近更新", null=True, blank=True)
    months = models.JSONField("每月条数", default=dict, blank=True)
    stale = models.BooleanField("未按期更新", default=False)
    error = models.TextField("读取错误", blank=True)
    pages = models.PositiveSmallIntegerField("读取页数", default=0)
    truncated = models.BooleanField("未读完全部页", default=False)
    item_count = models.PositiveIntegerField("条目数", default=0)

    class Meta:
        verbose_name = "栏目读取结果"
        verbose_name_plural = "栏目读取结果"
        ordering = ["column", "-read_at", "-pk"]
        indexes = [models.Index(fields=["column", "-read_at"], name="reading_column_time_idx")]

    def __str__(self) -> str:
        return f"{self.column} {timezone.localtime(self.read_at):%Y-%m-%d %H:%M}"

    @property
    def failed(self) -> bool:
        """读取出错: no item read, whether the page could not be opened or no item was recognised on
        it; an error on a later page after items were read leaves the column judged."""
        return bool(self.error) and self.latest is None


class PageSnapshot(models.Model):
    """What one page of a column listed when it was read, so a later crawl shows what changed."""

    reading = models.ForeignKey(
        ColumnReading, on_delete=models.CASCADE, related_name="snapshots", verbose_name="栏目读取结果"
    )
    number = models.PositiveSmallIntegerField("页序")
    url = models.URLField("网址", max_length=500)
    status = models.PositiveSmallIntegerField("HTTP状态", null=True, blank=True)
    error = models.TextField("读取错误", blank=True)
    items = models.JSONField("条目", default=list, blank=True, help_text="[{title, url, date}]")

    class Meta:
        verbose_name = "栏目页面快照"
        verbose_name_plural = "栏目页面快照"
        ordering = ["reading", "number"]
        constraints = [models.UniqueConstraint(fields=["reading", "number"], name="snapshot_unique_page")]

    def __str__(self) -> str:
        return f"{self.reading} 第{self.number}页"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "待处理"
    ACCEPTED = "accepted", "已采用"
    DISMISSED = "dismissed", "已忽略"
    WITHDRAWN = "withdrawn", "已撤回"


# The only moves a proposal's status may make: staff take it over or dismiss it; a later crawl
# withdraws one that no longer holds (the column was updated, the month reads differently).
PROPOSAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ProposalStatus.PENDING: frozenset({ProposalStatus.ACCEPTED, ProposalStatus.DISMISSED, ProposalStatus.WITHDRAWN}),
    ProposalStatus.ACCEPTED: frozenset(),
    ProposalStatus.DISMISSED: frozenset(),
    ProposalStatus.WITHDRAWN: frozenset(),
}


class FindingProposal(models.Model):
    """A column not updated within its period, proposed as an inspection finding."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="finding_proposals", verbose_name="单位")
    column = models.ForeignKey(
        Column, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals", verbose_name="栏目"
    )
    column_name = models.CharField("栏目名称", max_length=100)
    requirement = models.CharField("更新要求", max_length=10, choices=Requirement.choices)
    latest = models.DateField("最近更新")
    description = models.TextField("问题描述")
    evidence_url = models.URLField("栏目网址", max_length=500)
    reading = models.ForeignKey(
        ColumnReading, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="依据"
    )
    status = models.CharField("状态", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    finding = models.ForeignKey(
        Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="检查发现问题"
    )
    created_at = models.DateTimeField("提出时间", default=timezone.now)

    class Meta:
        verbose_name = "建议问题"
        verbose_name_plural = "建议问题"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["column", "latest"], name="finding_proposal_once_per_update"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}：{self.description}"


class CountProposal(models.Model):
    """A month's website publication count of a unit as its columns list it."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="count_proposals", verbose_name="单位")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份")
    count = models.PositiveIntegerField("监测条数")
    detail = models.CharField("各栏目条数", max_length=500, blank=True)
    run = models.ForeignKey(
        CrawlRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="栏目读取"
    )
    status = models.CharField("状态", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    created_at = models.DateTimeField("提出时间", default=timezone.now)

    class Meta:
        verbose_name = "建议发布数"
        verbose_name_plural = "建议发布数"
        ordering = ["year", "month", "unit__sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "month"],
                condition=Q(status="pending"),
                name="count_proposal_one_pending_per_month",
            ),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="count_proposal_month_range"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年{self.month}月：{self.count}条"


class ProposalTransition(models.Model):
    """Audit row of one status change of a proposal: from, to, by whom, when, why."""

    finding_proposal = models.ForeignKey(
        FindingProposal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transitions",
        verbose_name="建议问题",
    )
    count_proposal = models.ForeignKey(
        CountProposal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transitions",
        verbose_name="建议发布数",
    )
    from_status = models.CharField("原状态", max_length=10, choices=ProposalStatus.choices)
    to_status = models.CharField("新状态", max_length=10, choices=ProposalStatus.choices)
    by = person_field("操作人")
    at = models.DateTimeField("时间", default=timezone.now)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "建议处理记录"
        verbose_name_plural = "建议处理记录"
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(finding_proposal__isnull=False, count_proposal__isnull=True)
                | Q(finding_proposal__isnull=True, count_proposal__isnull=False),
                name="proposal_transition_one_proposal",
            ),
            models.CheckConstraint(
                condition=~Q(from_status=models.F("to_status")), name="proposal_transition_changes_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
