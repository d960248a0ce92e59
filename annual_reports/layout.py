"""The tables of the annual report in the national format of 2021 (国办公开办函〔2021〕30号),
defined once: the entry grid, the checks, the PDF, the Excel and the import all derive from here.

Every label is verbatim from a real report (seed 002); those of 三 and 四 are defined in
``applications.catalogue``, shared with the 依申请公开 register. A cell is one value of one row in one
column; its key is ``"<row>.<column>"`` (``"new.natural"``). Cells marked ``computed`` (the 总计
column, the （七）总计 row and the three 总计 of 四) are sums, never typed in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from applications.catalogue import (
    ANSWERED_KEY,
    ANSWERED_LABEL,
    APPEAL_KINDS,
    APPEAL_RESULTS,
    APPLICANT_TYPES,
    CARRIED_KEY,
    CARRIED_LABEL,
    GROUP_LABELS,
    LITIGATION_LABEL,
    NEW_KEY,
    NEW_LABEL,
    OUTCOMES_LABEL,
    PENDING_KEY,
    PENDING_LABEL,
    REVIEW_LABEL,
    TOTAL_KEY,
    TOTAL_LABEL,
)
from applications.catalogue import OUTCOMES as OUTCOME_CATALOGUE

AMOUNT_PLACES = 6
"""Real reports print 本年收费金额（单位：万元） to the fen: up to six decimals."""
CARRY_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    """The column's title in the national header."""
    group: str = ""
    """For 四: 行政复议 / 行政诉讼（未经复议直接起诉）/ 行政诉讼（复议后起诉）."""
    amount: bool = False
    """An amount in 万元 with up to :data:`AMOUNT_PLACES` decimals, kept exactly as typed (else a
    whole number of items)."""
    computed: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    labels: tuple[str, ...]
    """The leading label cells of the row, outermost first (merged like the national format)."""
    columns: tuple[Column, ...]
    computed: bool = False

    @property
    def name(self) -> str:
        """How a message names the row: its labels without the 三、本年度办理结果 level."""
        labels = [label for label in self.labels if label != OUTCOMES]
        return "：".join(labels)


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    """The section heading, also the sheet name of the workbook."""
    label_columns: int
    """How many leading cells hold labels before the values (seed 002: 1, 3 and 0)."""
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class CellSpec:
    key: str
    row: Row
    column: Column

    @property
    def computed(self) -> bool:
        return self.row.computed or self.column.computed

    @property
    def name(self) -> str:
        """``一、本年新收政府信息公开申请数量“自然人”``, ``行政复议“结果维持”``."""
        owner = self.row.name or self.column.group
        return f"{owner}“{self.column.label}”"


# --- 二、主动公开政府信息情况 ----------------------------------------------------------------------

ISSUED = Column("issued", "本年制发件数")
REPEALED = Column("repealed", "本年废止件数")
IN_FORCE = Column("in_force", "现行有效件数")
DECISIONS = Column("decisions", "本年处理决定数量")
FEES = Column("amount", "本年收费金额（单位：万元）", amount=True)

ARTICLE_20 = (
    ("第二十条第（一）项", (ISSUED, REPEALED, IN_FORCE), (("regulations", "规章"), ("normative", "行政规范性文件"))),
    ("第二十条第（五）项", (DECISIONS,), (("licensing", "行政许可"),)),
    ("第二十条第（六）项", (DECISIONS,), (("penalty", "行政处罚"), ("enforcement", "行政强制"))),
    ("第二十条第（八）项", (FEES,), (("fees", "行政事业性收费"),)),
)
CONTENT_HEADER = "信息内容"

ACTIVE = Table(
    "active",
    "二、主动公开政府信息情况",
    1,
    tuple(Row(key, (label,), columns) for _, columns, rows in ARTICLE_20 for key, label in rows),
)

# --- 三、收到和处理政府信息公开申请情况 --------------------------------------------------------------
# The labels and keys of 三 and 四 are those of the 依申请公开 register (``applications.catalogue``):
# one definition for the typed report and the register's computed tables.

NATURAL = Column(APPLICANT_TYPES[0][0], APPLICANT_TYPES[0][1])
ORGANISATIONS = tuple(Column(key, label) for key, label in APPLICANT_TYPES[1:])
TOTAL = Column(TOTAL_KEY, TOTAL_LABEL, computed=True)
APPLICANTS = (NATURAL, *ORGANISATIONS, TOTAL)
PARTIES = APPLICANTS[:-1]
"""自然人 and the five 法人或其他组织 columns: the typed columns of 三."""
ORGANISATIONS_HEADER = "法人或其他组织"
APPLICANTS_HEADER = "申请人情况"

OUTCOMES = OUTCOMES_LABEL
OUTCOME_ROWS = tuple(
    Row(
        outcome.key,
        (OUTCOMES, outcome.label) if not outcome.group else (OUTCOMES, outcome.group_label, outcome.label),
        APPLICANTS,
    )
    for outcome in OUTCOME_CATALOGUE
)
OUTCOME_GROUPS = GROUP_LABELS

NEW = Row(NEW_KEY, (NEW_LABEL,), APPLICANTS)
CARRIED = Row(CARRIED_KEY, (CARRIED_LABEL,), APPLICANTS)
ANSWERED = Row(ANSWERED_KEY, (OUTCOMES, ANSWERED_LABEL), APPLICANTS, computed=True)
PENDING = Row(PENDING_KEY, (PENDING_LABEL,), APPLICANTS)

REQUESTS = Table("requests", "三、收到和处理政府信息公开申请情况", 3, (NEW, CARRIED, *OUTCOME_ROWS, ANSWERED, PENDING))

# --- 四、政府信息公开行政复议、行政诉讼情况 -------------------------------------------------------

RESULTS = APPEAL_RESULTS
REVIEW = REVIEW_LABEL
LITIGATION = LITIGATION_LABEL
CASE_GROUPS = APPEAL_KINDS
CASE_COLUMNS = tuple(
    column
    for prefix, group, _ in CASE_GROUPS
    for column in (
        *(Column(f"{prefix}_{key}", label, group=group) for key, label in RESULTS),
        Column(f"{prefix}_{TOTAL_KEY}", TOTAL_LABEL, group=group, computed=True),
    )
)
CASES = Row("cases", (), CASE_COLUMNS)
APPEALS = Table("appeals", "四、政府信息公开行政复议、行政诉讼情况", 0, (CASES,))

TABLES = (ACTIVE, REQUESTS, APPEALS)

# --- the free text -----------------------------------------------------------------------------

OVERVIEW_PARTS = (
    ("overview_active", "（一）主动公开"),
    ("overview_requests", "（二）依申请公开"),
    ("overview_management", "（三）政府信息管理"),
    ("overview_platform", "（四）政府信息公开平台建设"),
    ("overview_supervision", "（五）监督保障"),
)
TABLE_NOTES = (
    ("active_notes", "二、主动公开政府信息情况（表格以外的文字）"),
    ("requests_notes", "三、收到和处理政府信息公开申请情况（表格以外的文字）"),
    ("appeals_notes", "四、政府信息公开行政复议、行政诉讼情况（表格以外的文字）"),
)
"""Text a unit wrote under the heading of a table (a Word report's paragraphs between the tables)."""
NOTE_OF_TABLE = {"active": "active_notes", "requests": "requests_notes", "appeals": "appeals_notes"}
TEXT_SECTIONS = (
    ("preface", "报告说明（标题下的第一段）"),
    ("overview", "一、总体情况（开头）"),
    *OVERVIEW_PARTS,
    *TABLE_NOTES,
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
)
TEXT_FIELDS = tuple(key for key, _ in TEXT_SECTIONS)
MAX_TEXT = 20000
"""Characters of one section, typed or imported."""
SECTION_TITLES = {
    "overview": "一、总体情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}


def default_preface(year: int, organ: str) -> str:
    return (
        f"本年度报告中所列数据的统计期限自{year}年1月1日起，至{year}年12月31日止。如对报告内容有疑问，请与{organ}联系。"
    )


# --- cells -------------------------------------------------------------------------------------


def cell_key(row: Row, column: Column) -> str:
    return f"{row.key}.{column.key}"


@cache
def cells() -> dict[str, CellSpec]:
    """Every cell of the three tables, in national order."""
    return {
        cell_key(row, column): CellSpec(cell_key(row, column), row, column)
        for table in TABLES
        for row in table.rows
        for column in row.columns
    }


@cache
def typed_keys() -> tuple[str, ...]:
    """The cells a person fills in (everything but the totals)."""
    return tuple(key for key, spec in cells().items() if not spec.computed)


@cache
def sums() -> dict[str, tuple[str, ...]]:
    """Each computed cell and the typed cells it adds up (the （七）总计 × 总计 corner adds every
    outcome of every applicant)."""
    result: dict[str, tuple[str, ...]] = {}
    for column in PARTIES:
        result[cell_key(ANSWERED, column)] = tuple(cell_key(row, column) for row in OUTCOME_ROWS)
    result[cell_key(ANSWERED, TOTAL)] = tuple(cell_key(row, c) for row in OUTCOME_ROWS for c in PARTIES)
    for row in REQUESTS.rows:
        if not row.computed:
            result[cell_key(row, TOTAL)] = tuple(cell_key(row, c) for c in PARTIES)
    for prefix, _, _ in CASE_GROUPS:
        result[f"cases.{prefix}_total"] = tuple(f"cases.{prefix}_{key}" for key, _ in RESULTS)
    return result


Value = int | Decimal


def complete(typed: dict[str, Value | None]) -> dict[str, Value | None]:
    """Typed values plus every computed cell: the sum of its parts when all of them are known."""
    values = {key: typed.get(key) for key in cells()}
    for key, parts in sums().items():
        numbers = [values[p] for p in parts]
        values[key] = None if any(n is None for n in numbers) else sum(numbers)
    return values


def with_given_totals(values: dict[str, Value | None]) -> dict[str, Value | None]:
    """Typed values and totals as given (an import); a total left empty is computed."""
    computed = complete({k: values.get(k) for k in typed_keys()})
    return {key: values[key] if values.get(key) is not None else computed[key] for key in cells()}


# --- stored form -------------------------------------------------------------------------------


def encode(values: dict[str, Value | None]) -> dict[str, int | str]:
    """The typed cells as stored in JSON: whole numbers as numbers, amounts as exact text."""
    stored: dict[str, int | str] = {}
    for key in typed_keys():
        value = values.get(key)
        if value is None:
            continue
        # Decimal(str(…)): an amount given as a whole number (0) is "0", not the float format "0.000000"
        stored[key] = f"{Decimal(str(value)):f}" if cells()[key].column.amount else int(value)
    return stored


def decode(stored: dict) -> dict[str, Value | None]:
    """Typed values from their stored JSON (unknown keys ignored)."""
    values: dict[str, Value | None] = {}
    for key in typed_keys():
        raw = (stored or {}).get(key)
        if raw is None:
            values[key] = None
        elif cells()[key].column.amount:
            values[key] = Decimal(str(raw))
        else:
            values[key] = int(raw)
    return values


def add_up(reports: list[dict[str, Value | None]]) -> dict[str, Value | None]:
    """The cell-by-cell sums of several reports' typed values (a cell nobody entered stays empty)."""
    totals: dict[str, Value | None] = {}
    for key in typed_keys():
        numbers = [r[key] for r in reports if r.get(key) is not None]
        totals[key] = sum(numbers) if numbers else None
    return totals
