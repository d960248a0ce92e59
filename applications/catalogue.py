"""Tables 三 and 四 of the annual report (national format of 2021, 国办公开办函〔2021〕30号), defined
once: the applicant types (the columns of 三), the outcomes (its rows), the kinds and results of
行政复议 / 行政诉讼 (the fifteen numbers of 四), each with its key and its label verbatim from the
2024 report (seed 002).

The register keeps one applicant type, one outcome and its appeals per application by these keys;
``annual_reports.layout`` builds the report's rows and columns from the same definitions, so the
cell ``refused_4.natural`` of a typed report and the register's count of that cell are one thing.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- 三: columns --------------------------------------------------------------------------------

APPLICANT_TYPES: tuple[tuple[str, str], ...] = (
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("welfare", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other_org", "其他"),
)
"""自然人 and the five 法人或其他组织 columns, in national order."""
APPLICANT_LABELS = dict(APPLICANT_TYPES)
TOTAL_KEY, TOTAL_LABEL = "total", "总计"

# --- 三: rows -----------------------------------------------------------------------------------

NEW_KEY, NEW_LABEL = "new", "一、本年新收政府信息公开申请数量"
CARRIED_KEY, CARRIED_LABEL = "carried", "二、上年结转政府信息公开申请数量"
OUTCOMES_LABEL = "三、本年度办理结果"
GRANTED_KEY, GRANTED_LABEL = "granted", "（一）予以公开"
PARTLY_KEY, PARTLY_LABEL = "partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
ANSWERED_KEY, ANSWERED_LABEL = "answered", "（七）总计"
PENDING_KEY, PENDING_LABEL = "pending", "四、结转下年度继续办理"

REASON_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("refused", "（三）不予公开", (
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    )),
    ("unable", "（四）无法提供", (
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
    )),
    ("not_processed", "（五）不予处理", (
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    )),
    ("other", "（六）其他处理", (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    )),
)  # fmt: skip
"""The reasons of （三） to （六）: group key, group label, the reasons' labels (numbered as printed)."""
GROUP_LABELS = {key: label for key, label, _ in REASON_GROUPS}


@dataclass(frozen=True)
class Outcome:
    """One row of 三、本年度办理结果: what an answered application is counted as."""

    key: str
    """``granted``, ``partly`` or ``<group>_<number>`` (``refused_4``)."""
    label: str
    """The row's label as printed: ``（一）予以公开``, ``4.保护第三方合法权益``."""
    group: str = ""
    """For a reason, its group's key (``refused``); empty for 予以公开 and 部分公开."""

    @property
    def name(self) -> str:
        """Without numbering: ``予以公开``, ``部分公开``, ``保护第三方合法权益``."""
        if not self.group:
            return self.label[3:].split("（", 1)[0]
        return self.label.split(".", 1)[1]

    @property
    def group_label(self) -> str:
        return GROUP_LABELS.get(self.group, "")

    @property
    def short(self) -> str:
        """How the register names it: ``予以公开``, ``部分公开``, ``4.保护第三方合法权益``."""
        return self.label if self.group else self.name

    @property
    def full(self) -> str:
        """``不予公开：4.保护第三方合法权益`` (with its group), ``予以公开``."""
        return f"{self.group_label[3:]}：{self.label}" if self.group else self.name


OUTCOMES: tuple[Outcome, ...] = (
    Outcome(GRANTED_KEY, GRANTED_LABEL),
    Outcome(PARTLY_KEY, PARTLY_LABEL),
    *(
        Outcome(f"{group}_{number}", label, group)
        for group, _, labels in REASON_GROUPS
        for number, label in enumerate(labels, start=1)
    ),
)
"""The nineteen reasons and 予以公开, 部分公开: exactly one per answered application."""
OUTCOME_BY_KEY = {outcome.key: outcome for outcome in OUTCOMES}

# --- 四 -----------------------------------------------------------------------------------------

APPEAL_RESULTS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
REVIEW_LABEL = "行政复议"
LITIGATION_LABEL = "行政诉讼"
APPEAL_KINDS: tuple[tuple[str, str, str], ...] = (
    ("review", REVIEW_LABEL, ""),
    ("direct", f"{LITIGATION_LABEL}（未经复议直接起诉）", "未经复议直接起诉"),
    ("after", f"{LITIGATION_LABEL}（复议后起诉）", "复议后起诉"),
)
"""Key, the group's label in 四, the 行政诉讼 sub-header (empty for 行政复议)."""


def appeal_columns() -> list[tuple[str, str]]:
    """The fifteen numbers of 四 in national order: (cell key, name), each kind's four results then 总计."""
    return [
        (f"cases.{kind}_{result}", f"{group}“{label}”")
        for kind, group, _ in APPEAL_KINDS
        for result, label in (*APPEAL_RESULTS, (TOTAL_KEY, TOTAL_LABEL))
    ]
