"""Reading a unit's existing register from a sheet: one application a row, the columns found by
their titles (收到日期, 提交方式, 申请人类型, 申请内容, 补正告知日期, 补正收到日期, 延期, 征求意见天数,
答复日期, 处理结果, 复议诉讼, 复议诉讼结果; optionally 编号, 申请人, 联系方式), dates and names as
clerks write them. Parsing only: every cell and every row's dates are checked here with
``第N行 列: 原因`` errors; the import service plans and writes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from core.imports import ImportRejected, RowError, RowParser, Sheet, cell_text, header_title, unread_columns
from core.imports.parsing import HEADER_SCAN_ROWS
from core.imports.totals import TOTAL_ROW

from .deadlines import MAX_CONSULTATION_DAYS
from .models import application_date_errors
from .names import NameProblem, parse_appeals, parse_applicant_type, parse_channel, parse_extension, parse_outcome

RECEIVED = "收到日期"
COLUMNS: dict[str, tuple[str, ...]] = {
    RECEIVED: ("收到日期", "收到申请日期", "申请收到日期"),
    "提交方式": ("提交方式", "申请方式"),
    "申请人类型": ("申请人类型", "申请人类别"),
    "申请内容": ("申请内容", "申请事项", "申请公开内容"),
    "补正告知日期": ("补正告知日期", "告知补正日期"),
    "补正收到日期": ("补正收到日期", "收到补正日期"),
    "延期": ("延期", "是否延期"),
    "征求意见天数": ("征求意见天数", "征求意见工作日", "征求意见工作日数"),
    "答复日期": ("答复日期", "办结日期"),
    "处理结果": ("处理结果", "办理结果", "答复结果"),
    "复议诉讼": ("复议诉讼", "行政复议行政诉讼"),
    "复议诉讼结果": ("复议诉讼结果",),
    "编号": ("编号", "登记编号", "申请编号"),
    "申请人": ("申请人", "申请人姓名", "申请人姓名或名称"),
    "联系方式": ("联系方式", "申请人联系方式", "联系电话"),
}
REQUIRED = ("收到日期", "提交方式", "申请人类型", "申请内容", "答复日期", "处理结果")
FIELD_TITLES = {
    "received_on": "收到日期",
    "correction_requested_on": "补正告知日期",
    "corrected_on": "补正收到日期",
    "extension_notified_on": "延期",
    "answered_on": "答复日期",
    "outcome": "处理结果",
}
MAX_CONTENT = 2000
EMPTY_MARKERS = frozenset(
    {"—", "——", "-", "–", "/", "／", "\\", "无", "暂无", "未答复", "尚未答复", "办理中", "未办结", "N/A", "NA"}
)
"""What clerks write in a cell that has nothing to say (答复日期 of an open application …): empty."""
OPTIONAL = (
    "提交方式",
    "补正告知日期",
    "补正收到日期",
    "延期",
    "征求意见天数",
    "答复日期",
    "处理结果",
    "复议诉讼",
    "复议诉讼结果",
)


@dataclass
class ParsedApplication:
    row: int
    received_on: datetime.date
    channel: str
    applicant_type: str
    content: str
    number: str = ""
    applicant_name: str = ""
    applicant_contact: str = ""
    correction_requested_on: datetime.date | None = None
    corrected_on: datetime.date | None = None
    extension_days: int | None = None
    consultation_days: int = 0
    answered_on: datetime.date | None = None
    outcome: str = ""
    appeals: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Header:
    index: int
    """Index into ``sheet.rows`` of the header row."""
    columns: dict[str, int]
    unread: list[RowError] = field(default_factory=list)
    """Errors of the other columns whose content would be lost (a blank or repeated title)."""


def find_header(sheet: Sheet) -> Header:
    aliases = {header_title(alias): name for name, names in COLUMNS.items() for alias in names}
    for index, (row_number, values) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        titles = [aliases.get(header_title(v)) for v in values]
        if RECEIVED not in titles:
            continue
        columns: dict[str, int] = {}
        for column, name in enumerate(titles):
            if name and name not in columns:
                columns[name] = column
        missing = [name for name in REQUIRED if name not in columns]
        if missing:
            raise ImportRejected(
                [RowError(row_number, "表头", f"缺少“{name}”列") for name in missing], sheet=sheet.name
            )
        unread, notices = unread_columns(
            sheet,
            header_rows=range(row_number, row_number + 1),
            used={column + 1 for column in columns.values()},
            titles=set(aliases),
        )
        sheet.notices += notices
        return Header(index, columns, unread)
    raise ImportRejected([RowError(1, "表头", f"前{HEADER_SCAN_ROWS}行中找不到“{RECEIVED}”列")], sheet=sheet.name)


def _name(parser: RowParser, value: Any, title: str, parse, *, required: bool = True):
    text = cell_text(value)
    if not text:
        if required:
            parser.error(title, "不能为空")
        return None
    try:
        return parse(text)
    except NameProblem as exc:
        parser.error(title, str(exc))
        return None


def _consultation(parser: RowParser, value: Any) -> int:
    text = cell_text(value).removesuffix("个工作日").removesuffix("工作日").removesuffix("天")
    days = parser.count(text, "征求意见天数", required=False)
    if days is not None and days > MAX_CONSULTATION_DAYS:
        parser.error("征求意见天数", f"不能超过{MAX_CONSULTATION_DAYS}个工作日")
        return 0
    return days or 0


def _row(parser: RowParser, get) -> ParsedApplication | None:
    received = parser.date(get("收到日期"), "收到日期", required=True)
    channel = _name(parser, get("提交方式"), "提交方式", parse_channel, required=False) or ""
    applicant_type = _name(parser, get("申请人类型"), "申请人类型", parse_applicant_type)
    content = parser.text(get("申请内容"), "申请内容", max_length=MAX_CONTENT)
    requested = parser.date(get("补正告知日期"), "补正告知日期")
    corrected = parser.date(get("补正收到日期"), "补正收到日期")
    extension = _name(parser, get("延期"), "延期", parse_extension, required=False)
    consultation = _consultation(parser, get("征求意见天数"))
    answered = parser.date(get("答复日期"), "答复日期")
    outcome = _name(parser, get("处理结果"), "处理结果", parse_outcome, required=False)
    try:
        appeals = parse_appeals(cell_text(get("复议诉讼")), cell_text(get("复议诉讼结果")))
    except NameProblem as exc:
        parser.error("复议诉讼", str(exc))
        appeals = []
    if received is not None:
        errors = application_date_errors(
            received_on=received, correction_requested_on=requested, corrected_on=corrected, answered_on=answered
        )
        for name, reason in errors.items():
            parser.error(FIELD_TITLES[name], reason.rstrip("。"))
    if answered and not outcome and not cell_text(get("处理结果")):
        parser.error("处理结果", "已填写答复日期，请填写处理结果")
    if outcome and not answered and not cell_text(get("答复日期")):
        parser.error("答复日期", "已填写处理结果，请填写答复日期（未答复的处理结果留空）")
    if not parser.ok:
        return None
    return ParsedApplication(
        row=parser.row,
        received_on=received,
        channel=channel,
        applicant_type=applicant_type,
        content=content,
        number=parser.text(get("编号"), "编号", required=False, max_length=50),
        applicant_name=parser.text(get("申请人"), "申请人", required=False, max_length=200),
        applicant_contact=parser.text(get("联系方式"), "联系方式", required=False, max_length=200),
        correction_requested_on=requested,
        corrected_on=corrected,
        extension_days=extension,
        consultation_days=consultation,
        answered_on=answered,
        outcome=outcome.key if outcome else "",
        appeals=appeals,
    )


def _total_word(values) -> str:
    """合计 (总计, 小计, 共计) when it is the row's first filled cell (the count a clerk adds at the
    foot of the register: that row is not an application), else ``""``."""
    for value in values:
        text = header_title(value).rstrip(":：")
        if text:
            return text if TOTAL_ROW.match(text) else ""
    return ""


def parse_register(sheet: Sheet) -> list[ParsedApplication]:
    """Every filled row of the sheet; :class:`ImportRejected` listing every problem (with the
    rows that parsed well, for the preview)."""
    header = find_header(sheet)
    errors: list[RowError] = list(header.unread)
    parsed: list[ParsedApplication] = []
    wanted = [header.columns[name] for name in COLUMNS if name in header.columns]
    for row_number, values in sheet.rows[header.index + 1 :]:
        if all(cell_text(values[c] if c < len(values) else None) == "" for c in wanted):
            continue
        word = _total_word(values)
        if word:
            sheet.notices.append(f"第{row_number}行 是“{word}”行，不是申请，未导入")
            continue
        parser = RowParser(row_number, errors)

        def get(name: str, values=values) -> Any:
            column = header.columns.get(name)
            value = values[column] if column is not None and column < len(values) else None
            return None if name in OPTIONAL and cell_text(value).strip() in EMPTY_MARKERS else value

        item = _row(parser, get)
        if item is not None:
            parsed.append(item)
    if errors:
        raise ImportRejected(errors, parsed, sheet=sheet.name)
    if not parsed:
        raise ImportRejected([RowError(0, "", "表中没有申请（表头下没有填写任何一行）。")], sheet=sheet.name)
    return parsed
