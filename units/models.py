import datetime

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .names import normalize_unit_name


def is_first_of_month(value: datetime.date) -> None:
    if value is not None and value.day != 1:
        raise ValidationError("请填写某月1日，表示从该月起。")


class Unit(models.Model):
    """A department (部门) or a town / street (镇街) whose transparency work is assessed, or a body
    that only takes work-plan tasks (``is_assessed`` false: 区档案馆, 区委编办 …)."""

    class Category(models.TextChoices):
        DEPARTMENT = "部门", "部门"
        TOWN = "镇街", "镇街"

    name = models.CharField("单位名称", max_length=100, unique=True)
    category = models.CharField("类别", max_length=4, choices=Category.choices)
    sort_order = models.PositiveIntegerField("排序", default=0)
    submission_exempt = models.BooleanField(
        "免于投稿考核", default=False, help_text="如区政府办公室为考核单位本身，不考核投稿。"
    )
    is_assessed = models.BooleanField(
        "参加考核",
        default=True,
        help_text="不参加考核的单位（如区档案馆）承担工作方案任务、报送台账，但不计分、不排名，"
        "不列入月度填报表格和季度通报。",
    )
    assessed_from = models.DateField(
        "纳入考核起始月",
        null=True,
        blank=True,
        validators=[is_first_of_month],
        help_text="为空表示2020年以前即已纳入考核。",
    )
    assessed_until = models.DateField(
        "考核截止月",
        null=True,
        blank=True,
        validators=[is_first_of_month],
        help_text="撤并或不再考核的单位，填写最后一个考核月的1日。",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["category", "sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(assessed_until__isnull=True)
                | Q(assessed_from__isnull=True)
                | Q(assessed_until__gte=models.F("assessed_from")),
                name="unit_assessed_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.name:
            key = normalize_unit_name(self.name)
            for alias_name, unit_name in UnitAlias.objects.exclude(unit_id=self.pk).values_list("name", "unit__name"):
                if normalize_unit_name(alias_name) == key:
                    raise ValidationError(
                        {"name": f"“{self.name}”已是{unit_name}的别名（“{alias_name}”），不能作为另一个单位的名称。"}
                    )

    def is_assessed_in(self, month: datetime.date) -> bool:
        """Whether the unit is scored in the month starting on ``month``."""
        if not self.is_assessed:
            return False
        if self.assessed_from and month < self.assessed_from:
            return False
        return not (self.assessed_until and month > self.assessed_until)


class UnitAlias(models.Model):
    """Another name a unit goes by in documents (区卫健委 for 区卫健局 …)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases", verbose_name="单位")
    name = models.CharField("别名", max_length=100, unique=True, error_messages={"unique": "已有这个别名。"})
    history = HistoricalRecords()

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """An alias must not read (once spaces and the district prefix are ignored) as another
        unit's name or alias: imports would send rows to whichever unit came first."""
        if not self.name:
            return
        key = normalize_unit_name(self.name)
        for unit_name in Unit.objects.exclude(pk=self.unit_id).values_list("name", flat=True):
            if normalize_unit_name(unit_name) == key:
                raise ValidationError({"name": f"“{self.name}”已是另一个单位（{unit_name}）的正式名称。"})
        others = UnitAlias.objects.exclude(unit_id=self.unit_id).values_list("name", "unit__name")
        for alias_name, unit_name in others:
            if normalize_unit_name(alias_name) == key:
                raise ValidationError(
                    {
                        "name": f"别名“{self.name}”与{unit_name}的别名“{alias_name}”是同一个名称（不计空格和“临淄区”前缀），不能保存。"
                    }
                )


class DemoSitePeriod(models.Model):
    """A period in which a unit is a 基层政务公开示范点 (a higher article quota applies)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="demo_site_periods", verbose_name="单位")
    start = models.DateField("起始月", validators=[is_first_of_month])
    end = models.DateField("截止月", null=True, blank=True, validators=[is_first_of_month])
    history = HistoricalRecords()

    class Meta:
        verbose_name = "示范点期间"
        verbose_name_plural = "示范点期间"
        ordering = ["unit", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="demo_site_period_ordered",
            )
        ]

    def __str__(self) -> str:
        end = f"{self.end:%Y年%-m月}" if self.end else "至今"
        return f"{self.unit}：{self.start:%Y年%-m月}—{end}"

    def covers(self, month: datetime.date) -> bool:
        return self.start <= month and (self.end is None or month <= self.end)


class User(AbstractUser):
    """An account of the district office or of one unit."""

    class Role(models.TextChoices):
        OFFICE_ADMIN = "office_admin", "办公室管理员"
        OFFICE_STAFF = "office_staff", "办公室工作人员"
        UNIT_USER = "unit_user", "单位用户"

    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.UNIT_USER)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name="所属单位"
    )
    display_name = models.CharField("姓名", max_length=50, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"
        constraints = [
            models.CheckConstraint(
                condition=Q(role="unit_user", unit__isnull=False) | ~Q(role="unit_user"),
                name="user_unit_user_has_unit",
            )
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    def clean(self) -> None:
        super().clean()
        if self.role == self.Role.UNIT_USER and self.unit_id is None:
            raise ValidationError({"unit": "单位用户必须选择所属单位。"})

    @property
    def is_office(self) -> bool:
        return self.is_superuser or self.role in {self.Role.OFFICE_ADMIN, self.Role.OFFICE_STAFF}

    @property
    def is_office_admin(self) -> bool:
        return self.is_superuser or self.role == self.Role.OFFICE_ADMIN
