"""The 依申请公开 register: every application for government information a unit receives, with
its statutory deadline, its outcome (one row of the annual report's table 三), the appeals against
the answer (table 四) and the reply letter (告知书)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from core.formatting import format_cn_date
from core.models import AuditedModel, person_field
from units.models import Unit

from .catalogue import APPEAL_KINDS, APPEAL_RESULTS, APPLICANT_TYPES, OUTCOME_BY_KEY, OUTCOMES
from .deadlines import MAX_CONSULTATION_DAYS, MAX_EXTENSION_DAYS

ApplicantType = models.TextChoices("ApplicantType", [(key, (key, label)) for key, label in APPLICANT_TYPES])
Outcome = models.TextChoices("Outcome", [(o.key, (o.key, o.full)) for o in OUTCOMES])
NEVER_CORRECTED = Q(correction_requested_on__isnull=False, corrected_on__isnull=True)
"""A correction was asked for and has not come: no answer period runs (条例第三十条 counts it from the
corrected application), so the answer of such an application (its closing as 逾期不补正) is never late."""
ANSWERED_LATE = Q(answered_on__gt=F("due_on")) & ~NEVER_CORRECTED
"""Answered after the due date, the period having run (every query of late answers uses it)."""


def application_date_errors(
    *,
    received_on,
    correction_requested_on=None,
    corrected_on=None,
    extension_notified_on=None,
    answered_on=None,
) -> dict[str, str]:
    """Each date that comes before the one it must follow, by field (imports and forms say the same)."""
    errors: dict[str, str] = {}

    def before(name: str, day, label: str, earlier, earlier_label: str) -> None:
        if day and earlier and day < earlier:
            errors.setdefault(
                name, f"{label}（{format_cn_date(day)}）早于{earlier_label}（{format_cn_date(earlier)}）。"
            )

    before("answered_on", answered_on, "答复日期", received_on, "收到申请日期")
    before("answered_on", answered_on, "答复日期", corrected_on, "收到补正日期")
    before("correction_requested_on", correction_requested_on, "告知补正日期", received_on, "收到申请日期")
    before("corrected_on", corrected_on, "收到补正日期", correction_requested_on, "告知补正日期")
    before("extension_notified_on", extension_notified_on, "告知申请人延期日期", received_on, "收到申请日期")
    if corrected_on and not correction_requested_on:
        errors.setdefault("corrected_on", "填写了收到补正日期，但没有告知补正日期。")
    return errors


class Application(AuditedModel):
    """One application for government information (政府信息公开申请) received by a unit."""

    class Channel(models.TextChoices):
        IN_PERSON = "in_person", "当面提交"
        POST = "post", "邮寄"
        ONLINE = "online", "网络"
        FAX = "fax", "传真"

    class Status(models.TextChoices):
        OPEN = "open", "办理中"
        AWAITING_CORRECTION = "awaiting_correction", "待补正"
        ANSWERED = "answered", "已答复"

    ApplicantType = ApplicantType
    Outcome = Outcome

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="applications", verbose_name="单位")
    number = models.CharField("登记编号", max_length=50, blank=True)
    received_on = models.DateField(
        "收到申请日期",
        help_text="条例第三十一条：当面提交的为提交之日；邮寄的为签收之日，平常信函等无需签收的为与申请人确认之日；"
        "网络、传真提交的为双方确认之日。",
    )
    channel = models.CharField(
        "提交方式", max_length=20, choices=Channel.choices, blank=True, help_text="导入的登记簿未填写的可为空。"
    )
    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=200, blank=True)
    applicant_contact = models.CharField("申请人联系方式", max_length=200, blank=True)
    content = models.TextField("申请内容")
    correction_requested_on = models.DateField("告知补正日期", null=True, blank=True)
    corrected_on = models.DateField("收到补正日期", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(
        "延长答复期限（工作日）",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_EXTENSION_DAYS)],
    )
    extension_approver = models.CharField("延期批准人", max_length=100, blank=True)
    extension_notified_on = models.DateField("告知申请人延期日期", null=True, blank=True)
    due_on = models.DateField("答复期限", help_text="按条例第三十条、第三十二条、第三十三条计算，不可直接修改。")
    due_provisional = models.BooleanField(
        "答复期限为暂定", default=False, help_text="期限跨入尚未公布节假日安排的年度，暂按周一至周五推算。"
    )
    status = models.CharField("状态", max_length=30, choices=Status.choices, default=Status.OPEN)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    outcome = models.CharField("处理结果", max_length=30, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["unit", "received_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True, outcome="") | Q(answered_on__isnull=False) & ~Q(outcome=""),
                name="application_answer_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("received_on")),
                name="application_answered_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(corrected_on__isnull=True)
                | Q(correction_requested_on__isnull=False, corrected_on__gte=F("correction_requested_on")),
                name="application_corrected_after_request",
            ),
            models.CheckConstraint(
                condition=Q(correction_requested_on__isnull=True) | Q(correction_requested_on__gte=F("received_on")),
                name="application_correction_after_receipt",
            ),
            models.CheckConstraint(
                condition=Q(extension_days__isnull=True) | Q(extension_days__gte=1, extension_days__lte=20),
                name="application_extension_at_most_20",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "received_on"], name="application_unit_received_idx"),
            models.Index(fields=["unit", "answered_on"], name="application_unit_answered_idx"),
            models.Index(fields=["status", "due_on"], name="application_status_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.received_on:%Y年%-m月%-d日}收到的申请：{self.content[:20]}"

    def clean(self) -> None:
        """The dates in their legal order, and an answer always with its outcome (and vice versa)."""
        errors = application_date_errors(
            received_on=self.received_on,
            correction_requested_on=self.correction_requested_on,
            corrected_on=self.corrected_on,
            extension_notified_on=self.extension_notified_on,
            answered_on=self.answered_on,
        )
        if self.answered_on and not self.outcome:
            errors.setdefault("outcome", "已填写答复日期，请选择处理结果。")
        if self.outcome and not self.answered_on:
            errors.setdefault("answered_on", "已选择处理结果，请填写答复日期。")
        if self.extension_days and not self.extension_notified_on and self.extension_approver:
            errors.setdefault("extension_notified_on", "请填写告知申请人延期的日期。")
        if errors:
            raise ValidationError(errors)

    @property
    def outcome_entry(self):
        return OUTCOME_BY_KEY.get(self.outcome)

    @property
    def is_answered(self) -> bool:
        return self.answered_on is not None

    @property
    def never_corrected(self) -> bool:
        """A correction was asked for and has not come (see :data:`NEVER_CORRECTED`)."""
        return bool(self.correction_requested_on and not self.corrected_on)

    @property
    def is_late(self) -> bool:
        """Answered after the due date (never when the correction asked for did not come)."""
        return self.answered_on is not None and self.answered_on > self.due_on and not self.never_corrected


class Consultation(AuditedModel):
    """A consultation of a third party (第三十二条) or another authority (第三十四条) whose time is
    not counted in the answer deadline."""

    class Party(models.TextChoices):
        THIRD_PARTY = "third_party", "第三方"
        AUTHORITY = "authority", "其他机关"
        UNSPECIFIED = "unspecified", "第三方或其他机关"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="consultations", verbose_name="申请"
    )
    party = models.CharField("征求意见对象", max_length=20, choices=Party.choices)
    sent_on = models.DateField("发出征求意见日期", null=True, blank=True)
    replied_on = models.DateField("收到意见日期", null=True, blank=True)
    days = models.PositiveSmallIntegerField(
        "不计入期限的工作日", validators=[MinValueValidator(1), MaxValueValidator(MAX_CONSULTATION_DAYS)]
    )

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ["application", "sent_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_on__isnull=True) | Q(replied_on__isnull=True) | Q(replied_on__gte=F("sent_on")),
                name="consultation_replied_after_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"征求{self.get_party_display()}意见（{self.days}个工作日）"


Kind = models.TextChoices("Kind", [(key, (key, short or label)) for key, label, short in APPEAL_KINDS])
Result = models.TextChoices("Result", [(key, (key, label)) for key, label in APPEAL_RESULTS])


class Appeal(AuditedModel):
    """行政复议 or 行政诉讼 against an answer, with its result (table 四)."""

    Kind = Kind
    Result = Result

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="appeals", verbose_name="申请")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    result = models.CharField("结果", max_length=20, choices=Result.choices, default=Result.pending)
    filed_on = models.DateField("申请复议或起诉日期", null=True, blank=True)
    decided_on = models.DateField("审结日期", null=True, blank=True)

    class Meta:
        verbose_name = "行政复议或行政诉讼"
        verbose_name_plural = "行政复议和行政诉讼"
        ordering = ["application", "filed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(filed_on__isnull=True) | Q(decided_on__isnull=True) | Q(decided_on__gte=F("filed_on")),
                name="appeal_decided_after_filed",
            ),
            models.CheckConstraint(
                condition=~Q(result="pending") | Q(decided_on__isnull=True), name="appeal_pending_not_decided"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.get_result_display()}"


class ReplyLetter(AuditedModel):
    """The reply to the applicant (政府信息公开申请答复告知书), drafted from the outcome, then edited."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="letter", verbose_name="申请"
    )
    title = models.CharField("标题", max_length=100)
    doc_number = models.CharField("文号", max_length=100, blank=True)
    addressee = models.CharField("主送（申请人）", max_length=200)
    body = models.TextField("正文")
    signature = models.CharField("落款", max_length=100)
    date = models.DateField("日期")
    drafted_for = models.CharField("起草时的处理结果", max_length=30, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = "政府信息公开申请答复告知书"
        verbose_name_plural = "政府信息公开申请答复告知书"
        ordering = ["application"]

    def __str__(self) -> str:
        return f"{self.title}（{self.application}）"


class ApplicationTransition(models.Model):
    """An audit row: who moved an application from one status to another, when, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="transitions", verbose_name="申请"
    )
    from_status = models.CharField("原状态", max_length=30, choices=Application.Status.choices)
    to_status = models.CharField("新状态", max_length=30, choices=Application.Status.choices)
    note = models.CharField("说明", max_length=300, blank=True)
    acting_user = person_field("操作人")
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "申请状态变更"
        verbose_name_plural = "申请状态变更"
        ordering = ["application", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.application}：{self.get_from_status_display()} → {self.get_to_status_display()}"
