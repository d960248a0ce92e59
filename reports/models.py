import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from core.calendar import Quarter
from core.formatting import format_cn_date
from core.models import AuditedModel


class Notice(AuditedModel):
    """The editable draft of a quarter's notice (季度通报); issuing freezes a copy of it."""

    class AttachmentKind(models.TextChoices):
        STATS_DEPARTMENTS = "stats_dept", "各部门政务公开工作情况统计"
        STATS_TOWNS = "stats_town", "各镇、街道政务公开工作情况统计"
        SUBMISSIONS = "submissions", "各单位政务公开工作投稿情况"
        DEDUCTIONS = "deductions", "各单位政务公开工作减分情况"
        FINDINGS = "findings", "政务公开工作检查情况"

    class SubmissionsStyle(models.TextChoices):
        """The two layouts of the submissions attachment the office has published."""

        Y2024 = "2024", "2024年样式：全部单位按规定顺序，括号内为不符合条件件数"
        Y2020 = "2020", "2020年样式：只列有投稿的单位和考核月份，按加分、投稿数排序"

    year = models.PositiveSmallIntegerField("年度", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    quarter = models.PositiveSmallIntegerField("季度", validators=[MinValueValidator(1), MaxValueValidator(4)])
    doc_number = models.CharField("发文字号", max_length=50, blank=True, help_text="如 临政办字〔2025〕3号，可不填")
    title = models.CharField("标题", max_length=200)
    addressee = models.CharField("主送机关", max_length=300)
    basis = models.TextField("开头（通报依据）")
    overview = models.TextField(
        "一、总体情况", blank=True, help_text="留空则不印这一节及其标题（2020年的通报不分节）。"
    )
    problems = models.TextField("二、主要问题", blank=True, help_text="留空则不印这一节及其标题。")
    requirements = models.TextField("三、工作要求", blank=True, help_text="留空则不印这一节及其标题。")
    attachments = models.JSONField("附件", default=list, blank=True, help_text="附件种类及顺序")
    signature = models.CharField("发文机关署名", max_length=100)
    issue_date = models.DateField("成文日期")
    rectification_deadline = models.DateField("整改期限", null=True, blank=True)
    submissions_style = models.CharField(
        "投稿情况附件样式", max_length=4, choices=SubmissionsStyle.choices, default=SubmissionsStyle.Y2024
    )
    cc = models.CharField("抄送机关", max_length=300, blank=True, help_text="版记中的抄送机关，可不填。")
    printing_office = models.CharField(
        "印发机关",
        max_length=100,
        blank=True,
        default="临淄区人民政府办公室",
        help_text="版记中的印发机关；不填则不印版记。",
    )
    printing_date = models.DateField(
        "印发日期", null=True, blank=True, help_text="版记中的印发日期；不填则同成文日期。"
    )

    class Meta:
        verbose_name = "季度通报"
        verbose_name_plural = "季度通报"
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="notice_unique_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="notice_quarter_range"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """Dates that can only be typing errors (9999, 1900, a year off), refused before they are
        printed: 成文日期 from the quarter's start to a year after its end, 整改期限 and 印发日期 from
        成文日期 to a year after it."""
        if not self.issue_date or not 2000 <= (self.year or 0) <= 2100 or not 1 <= (self.quarter or 0) <= 4:
            return
        period = Quarter(self.year, self.quarter)
        first, last = period.start, period.end + datetime.timedelta(days=YEAR_DAYS - 1)  # end is exclusive
        if not first <= self.issue_date <= last:
            raise ValidationError(
                {"issue_date": f"成文日期应在{format_cn_date(first)}至{format_cn_date(last)}之间，请核对年份。"}
            )
        latest = self.issue_date + datetime.timedelta(days=YEAR_DAYS)
        errors = {}
        for name in ("rectification_deadline", "printing_date"):
            day, label = getattr(self, name), self._meta.get_field(name).verbose_name
            if day and not self.issue_date <= day <= latest:
                errors[name] = (
                    f"{label}应在成文日期（{format_cn_date(self.issue_date)}）至{format_cn_date(latest)}之间，请核对年份。"
                )
        if errors:
            raise ValidationError(errors)


YEAR_DAYS = 366


class IssuedNotice(models.Model):
    """A notice as issued: its text, figures and rendered files, never changed afterwards.

    A correction is a new issue with the next number; earlier issues are kept.
    """

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="issues", verbose_name="通报")
    number = models.PositiveSmallIntegerField("版次")
    issued_at = models.DateTimeField("印发时间", auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="印发人"
    )
    correction_note = models.TextField("更正说明", blank=True)
    snapshot = models.JSONField("内容与数据快照")
    pdf = models.BinaryField("PDF文件")
    pdf_pages = models.PositiveIntegerField("PDF页数")
    xlsx = models.BinaryField("Excel文件")

    class Meta:
        verbose_name = "已印发通报"
        verbose_name_plural = "已印发通报"
        ordering = ["notice", "number"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "number"], name="issued_notice_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="issued_notice_number_positive"),
        ]

    def __str__(self) -> str:
        suffix = "" if self.number == 1 else f"（第{self.number}版，更正）"
        return f"{self.notice.title}{suffix}"
