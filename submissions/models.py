from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.bounds import COUNT_VALIDATORS
from core.calendar import FIRST_YEAR
from core.formatting import format_cn_date
from core.models import AuditedModel
from units.models import Unit

MONTH_VALIDATORS = [MinValueValidator(1), MaxValueValidator(12)]
MIN_ARTICLE_CHARS = 400
"""An article must have at least 400 characters (关于政务公开工作征稿的通知, 2020)."""
SHORT_ARTICLE_REASON = f"字数不足{MIN_ARTICLE_CHARS}字"
"""The reason an article under :data:`MIN_ARTICLE_CHARS` is marked 不符合要求 with, unless another is given."""
YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]
DUPLICATE_ARTICLE = "这个单位同一天收到的同名稿件已经登记过，不能重复登记（可能是“保存”点了两次）；请在稿件列表中核对。"
"""A second registration of the same article (a double click on 保存 counted it twice)."""


def length_verdict(*, char_count: int | None, is_compliant: bool, reason: str) -> tuple[bool, str]:
    """Whether an article counts and why not, once its character count is known: under 400
    characters it is 不符合要求 (for :data:`SHORT_ARTICLE_REASON` unless another reason is given);
    at 400 or more the mark this rule set is lifted (a corrected count). Otherwise as entered."""
    reason = reason.strip()
    if char_count is None:
        return is_compliant, reason
    if char_count < MIN_ARTICLE_CHARS:
        return False, reason or SHORT_ARTICLE_REASON
    if not is_compliant and reason == SHORT_ARTICLE_REASON:
        return True, ""
    return is_compliant, reason


class MonthlyPublication(AuditedModel):
    """How many items a unit published on the government website in one month."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="publications", verbose_name="单位")
    year = models.PositiveSmallIntegerField("年度", validators=YEAR_VALIDATORS)
    month = models.PositiveSmallIntegerField("月份", validators=MONTH_VALIDATORS)
    count = models.PositiveIntegerField("发布数量", validators=COUNT_VALIDATORS)

    class Meta:
        verbose_name = "网站信息发布数"
        verbose_name_plural = "网站信息发布数"
        ordering = ["year", "month", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "month"], name="publication_unique_unit_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="publication_month_range"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年{self.month}月：{self.count}条"


class MonthlyArticleTally(AuditedModel):
    """Monthly article totals of a unit, for months recorded without a per-article register."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="article_tallies", verbose_name="单位")
    year = models.PositiveSmallIntegerField("年度", validators=YEAR_VALIDATORS)
    month = models.PositiveSmallIntegerField("月份", validators=MONTH_VALIDATORS)
    submitted = models.PositiveIntegerField("投稿件数", validators=COUNT_VALIDATORS)
    non_compliant = models.PositiveIntegerField("不合格件数", default=0, validators=COUNT_VALIDATORS)
    city_adopted = models.PositiveIntegerField("市级采用", default=0, validators=COUNT_VALIDATORS)
    province_adopted = models.PositiveIntegerField("省级采用", default=0, validators=COUNT_VALIDATORS)

    class Meta:
        verbose_name = "月度投稿合计"
        verbose_name_plural = "月度投稿合计"
        ordering = ["year", "month", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "month"], name="tally_unique_unit_month"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="tally_month_range"),
            models.CheckConstraint(
                condition=Q(non_compliant__lte=models.F("submitted")), name="tally_non_compliant_le_submitted"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年{self.month}月：投稿{self.submitted}件"

    def clean(self) -> None:
        if self.non_compliant is not None and self.submitted is not None and self.non_compliant > self.submitted:
            raise ValidationError({"non_compliant": "不合格件数不能大于投稿件数。"})

    @property
    def counted(self) -> int:
        return self.submitted - self.non_compliant


class Article(AuditedModel):
    """One article a unit sent to the 政务公开在行动 mailbox."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="articles", verbose_name="单位")
    title = models.CharField("标题", max_length=200)
    received_on = models.DateField("收稿日期", help_text="稿件计入收稿当月。")
    char_count = models.PositiveIntegerField("字数", null=True, blank=True, validators=[MaxValueValidator(1_000_000)])
    is_compliant = models.BooleanField("符合要求", default=True)
    non_compliance_reason = models.CharField("不符合原因", max_length=200, blank=True)
    city_adopted_on = models.DateField("市级采用日期", null=True, blank=True)
    province_adopted_on = models.DateField("省级采用日期", null=True, blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        ordering = ["-received_on", "unit__sort_order"]
        indexes = [models.Index(fields=["received_on"], name="article_received_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_compliant=True) | ~Q(non_compliance_reason=""),
                name="article_non_compliant_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if not self.is_compliant and not self.non_compliance_reason.strip():
            errors["non_compliance_reason"] = "不符合要求的稿件须填写原因。"
        if self.is_compliant and self.non_compliance_reason.strip():
            errors["non_compliance_reason"] = "符合要求的稿件不填写不符合原因。"
        if self.is_compliant and self.char_count is not None and self.char_count < MIN_ARTICLE_CHARS:
            # Never reached through the services, which mark such an article (length_verdict).
            errors["is_compliant"] = f"字数{self.char_count}字，不足{MIN_ARTICLE_CHARS}字，不能登记为“符合要求”。"
        errors.update(self._date_range_errors())
        for field in ("city_adopted_on", "province_adopted_on"):
            adopted = getattr(self, field)
            if adopted and self.received_on and adopted < self.received_on:
                errors.setdefault(field, "采用日期不能早于收稿日期。")
        if errors:
            raise ValidationError(errors)

    def _date_range_errors(self) -> dict[str, str]:
        """Dates after today or before the first year the system knows are typing errors: one
        such article would make its month the latest with data, the page every user opens first."""
        today = timezone.localdate()
        errors = {}
        for field in ("received_on", "city_adopted_on", "province_adopted_on"):
            day = getattr(self, field)
            label = self._meta.get_field(field).verbose_name
            if day is not None and day > today:
                errors[field] = f"{label}不能晚于今天（{format_cn_date(today)}），请核对年份。"
            elif day is not None and day.year < FIRST_YEAR:
                errors[field] = f"{label}不能早于{FIRST_YEAR}年，请核对年份。"
        return errors
