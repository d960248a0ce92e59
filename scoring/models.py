from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from core.bounds import MAX_POINTS, POINTS_FIELD, RULE_POINTS_VALIDATORS
from core.calendar import FIRST_YEAR, LAST_YEAR
from core.models import AuditedModel
from units.models import Unit, is_first_of_month

POINTS = {**POINTS_FIELD, "validators": RULE_POINTS_VALIDATORS}


class RuleSet(models.Model):
    """Every number of the office's scoring rules, valid from a date until the next rule set.

    A quarter is scored with the rule set in force on its first day, so a past quarter always
    recomputes to what was published.
    """

    class RankMethod(models.TextChoices):
        COMPETITION = "competition", "并列占位（1、2、2、4）"
        DENSE = "dense", "并列不占位（1、2、2、3）"

    name = models.CharField("名称", max_length=100, unique=True)
    valid_from = models.DateField("起始日期", unique=True, validators=[is_first_of_month])
    basis = models.CharField("依据", max_length=300, blank=True)

    points_per_item = models.DecimalField("每条信息得分", default=Decimal("0.5"), **POINTS)
    monthly_item_cap = models.PositiveIntegerField("每月计分条数上限", default=10)
    quarterly_publication_cap = models.DecimalField("季度发布得分上限", default=Decimal("15"), **POINTS)

    submission_required_from = models.DateField(
        "投稿要求起始月",
        validators=[is_first_of_month],
        help_text="此月之前不考核投稿（2020年8月10日发出征稿通知，故2020年三季度只考核8、9月）。",
    )
    article_quota = models.PositiveIntegerField("每月投稿任务（篇）", default=1)
    demo_site_article_quota = models.PositiveIntegerField("示范点每月投稿任务（篇）", default=2)
    no_submission_points = models.DecimalField("当月未投稿减分", default=Decimal("1"), **POINTS)
    quota_shortfall_points = models.DecimalField(
        "当月投稿不足任务数减分",
        default=Decimal("0"),
        **POINTS,
        help_text="已投稿但少于任务篇数时每月减分；2020年规则为0。",
    )
    city_adoption_bonus = models.DecimalField("市级采用每篇加分", default=Decimal("1"), **POINTS)
    province_adoption_bonus = models.DecimalField("省级采用每篇加分", default=Decimal("1"), **POINTS)
    bonus_in_quarterly_total = models.BooleanField(
        "加分计入季度合计", default=False, help_text="否：加分只计入年终考核（2020年规则）。"
    )
    late_answers_in_notice = models.BooleanField(
        "依申请公开答复超期列入通报",
        default=False,
        help_text="是：本季度超过法定期限答复政府信息公开申请的单位，列入季度通报“二、主要问题”（依申请公开答复超期）。",
    )
    rank_method = models.CharField(
        "并列名次", max_length=20, choices=RankMethod.choices, default=RankMethod.COMPETITION
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "计分规则"
        verbose_name_plural = "计分规则"
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(monthly_item_cap__gte=0), name="ruleset_cap_nonnegative"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.demo_site_article_quota is not None
            and self.article_quota is not None
            and self.demo_site_article_quota < self.article_quota
        ):
            raise ValidationError({"demo_site_article_quota": "示范点投稿任务不能少于一般单位。"})


DUPLICATE_ADJUSTMENT = (
    "这个单位本年度已有同一原因的考核调整，不能重复录入（可能是“录入”点了两次）；如需改变分值，请先撤销原来的调整。"
)


class AnnualAdjustment(AuditedModel):
    """Points the office adds to or takes from a unit's annual assessment (年终考核), with the reason.

    Seed 001: units that refuse to rectify or are named by the city or province lose annual
    points. Negative points are a deduction. It lives here, beside the scores, so that the
    annual total (:func:`scoring.selectors.annual_scores`) includes it.
    """

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="annual_adjustments", verbose_name="单位")
    year = models.PositiveSmallIntegerField(
        "年度", validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    points = models.DecimalField(
        "调整分值",
        **POINTS_FIELD,
        validators=[MinValueValidator(-MAX_POINTS), MaxValueValidator(MAX_POINTS)],
        help_text="减分填负数，如 -2；加分填正数。",
    )
    reason = models.CharField("原因", max_length=300, error_messages={"blank": "请填写调整原因。"})

    class Meta:
        verbose_name = "年度考核调整"
        verbose_name_plural = "年度考核调整"
        ordering = ["year", "unit", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(points=0), name="annual_adjustment_points_nonzero"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年度考核调整 {self.points}"

    def clean(self) -> None:
        if self.points is not None and self.points == 0:
            raise ValidationError({"points": "调整分值不能为0。"})
