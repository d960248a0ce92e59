"""The three tables of a report read from Word tables as units fill in the national template (in
Word or WPS): rows are known by their labels, not their position, so the tables may be split or
joined, have paragraphs between them, merged header and label cells, labels split over lines, old or
slightly wrong label wordings and half- or full-width brackets; the 总计 cells may be given or not.

A row's label is its last text cell before the numbers; the numbers follow in the national column
order. 四 has no label: its numbers are the row of fifteen (or twelve, without the 总计 columns)
under the 行政复议/行政诉讼 header, or two rows when 行政复议 and 行政诉讼 are two tables. A cell left blank stays blank (未录入, see
:func:`forced_zeros`); ``/`` or ``—`` is written for none, read as 0 and reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from core.imports.word import WordCell, WordTable

from .fuzzy import similarity
from .layout import (
    ACTIVE,
    ANSWERED,
    APPEALS,
    APPLICANTS,
    APPLICANTS_HEADER,
    ARTICLE_20,
    CARRIED,
    CARRY_NOTE,
    CASE_GROUPS,
    CASES,
    CONTENT_HEADER,
    LITIGATION,
    NEW,
    ORGANISATIONS_HEADER,
    OUTCOME_GROUPS,
    OUTCOME_ROWS,
    OUTCOMES,
    PENDING,
    REQUESTS,
    RESULTS,
    REVIEW,
    TOTAL,
    Row,
    Value,
    cell_key,
    cells,
)
from .numbers import parse_amount, parse_count, plain_number

QUOTES = re.compile(r"[“”\"‘’'「」『』]")
ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\(\d{1,2}\)|\d{1,2}[、.]?)"
)
DASHES = {"/", "\\", "-", "—", "——", "–", "－", "─", "━", "无", "/件", "—件"}
NUMBER = re.compile(r"^\d+(\.\d+)?(件|万元)?$")
"""A figure, perhaps with its unit (a sum in 元 is not one in 万元: refused as not a number)."""
SYNONYMS = {"规范性文件": "normative", "部分公开": "partly", "本年新收政府信息公开申请": "new"}
OLD_ACTIVE_HEADERS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "其他对外管理服务事项")
OLD_OTHER = "其他处理"
FUZZY = 0.8
SHORT_FUZZY = 0.86
"""A short label may differ by one character at most (不予公开 is not 予以公开)."""
ROWS = {row.key: row for row in (*ACTIVE.rows, *REQUESTS.rows)}
ACTIVE_COLUMNS = tuple(column for _, columns, _ in ARTICLE_20 for column in columns)
TABLE_OF = {**{row.key: ACTIVE for row in ACTIVE.rows}, **{row.key: REQUESTS for row in REQUESTS.rows}}


def normalised(text: str) -> str:
    """Half-width brackets and digits, no spaces or quotes, no trailing colon: 「（一）予以公开」 → ``(一)予以公开``."""
    text = QUOTES.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")))
    return text.rstrip("：:。.")


def stripped(text: str) -> str:
    """The label without its numbering: ``3.危及“三安全一稳定”`` → ``危及三安全一稳定``."""
    text = normalised(text)
    match = ENUMERATION.match(text)
    return text[match.end() :] if match else text


CANONICAL = {stripped(row.labels[-1]): row.key for row in ROWS.values()} | SYNONYMS
NOT_ROWS = {
    stripped(text)
    for text in (
        OUTCOMES, *OUTCOME_GROUPS.values(), CONTENT_HEADER, APPLICANTS_HEADER, ORGANISATIONS_HEADER, CARRY_NOTE,
        *(c.label for c in (*ACTIVE_COLUMNS, *APPLICANTS[:-1])), REVIEW, LITIGATION,
    )
} - set(CANONICAL)  # fmt: skip
"""Group labels and column headers: never a row, however close their wording (其他 is also 3.其他)."""


@lru_cache(maxsize=4096)
def match_row(label: str) -> str | None:
    """The layout row a label names, tolerating extra words, a stray or wrong character (the same
    labels come back in every report: remembered)."""
    text = stripped(label)
    if not text or text in NOT_ROWS:
        return None
    if text in CANONICAL:
        return CANONICAL[text]
    contained = {key for name, key in CANONICAL.items() if len(name) >= 4 and (name in text or text in name)}
    if len(text) >= 4 and len(contained) == 1:
        return contained.pop()
    scores = sorted(((similarity(text, name), key) for name, key in CANONICAL.items()), reverse=True)
    best, second = scores[0], scores[1]
    threshold = FUZZY if len(text) >= 8 else SHORT_FUZZY
    if best[0] >= threshold and best[0] - second[0] >= 0.08 and len(text) >= 4:
        return best[1]
    return None


# --- one row --------------------------------------------------------------------------------------

BLANK, DASH, FIGURE, TEXT = "blank", "dash", "figure", "text"


def kind(cell: WordCell) -> str:
    text = plain_number(cell.text)
    if not text:
        return BLANK
    if text in DASHES or set(text) <= set("/\\-—–－─━"):
        return DASH
    if NUMBER.match(text) or NUMBER.match(text.lstrip("-")):
        return BLANK if cell.continued else FIGURE
    return TEXT


@dataclass
class TableReading:
    values: dict[str, Value | None] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    """Row key → the number of the Word table it was read from."""
    blanks: list[str] = field(default_factory=list)
    dashes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    report_tables: set[int] = field(default_factory=set)
    case_groups: dict[str, int] = field(default_factory=dict)
    """行政复议 / 未经复议直接起诉 / 复议后起诉 → the Word table their numbers were read from."""


def _split(row: list[WordCell]) -> tuple[str | None, list[WordCell]]:
    """The row's label and the cells after it: the last text cell before the first number that
    names a row of the national format (else the last text cell), so that a value written in
    words (一千) is a value, not the label."""
    kinds = [kind(c) for c in row]
    first_value = next((i for i, k in enumerate(kinds) if k in (FIGURE, DASH)), len(row))
    texts = [i for i, k in enumerate(kinds[:first_value]) if k == TEXT]
    if not texts:
        return None, row
    named = [i for i in texts if match_row(row[i].text)]
    label_at = named[-1] if named else texts[-1]
    return row[label_at].text, row[label_at + 1 :]


def _fit(row: Row, given: list[WordCell], width: int) -> list[WordCell] | None:
    """The cells holding the row's ``width`` values (None when they cannot be told apart)."""
    given = list(given)
    while len(given) > width and kind(given[-1]) == BLANK:
        given.pop()
    while len(given) > width and kind(given[0]) == BLANK:  # a label's span split into blank cells
        given.pop(0)
    if row.key in TABLE_OF and TABLE_OF[row.key] is REQUESTS and len(given) == width - 1:
        return [*given, WordCell("", -1)]  # no 总计 column
    if len(given) > width == 1:
        filled = [c for c in given if kind(c) != BLANK]
        if len({c.text.strip() for c in filled}) <= 1:
            return filled[:1] or given[:1]
    return given if len(given) == width else None


def _store(reading: TableReading, key: str, cell: WordCell, where: str) -> None:
    spec = cells()[key]
    found = kind(cell)
    if found == BLANK:
        reading.values[key] = None
        if not spec.computed:
            reading.blanks.append(key)
        return
    if found == DASH:
        reading.values[key] = parse_amount("0")[0] if spec.column.amount else 0
        reading.dashes.append(key)
        return
    text = plain_number(cell.text).removesuffix("万元").removesuffix("件")
    value, reason = parse_amount(text) if spec.column.amount else parse_count(text)
    if reason:
        reading.errors.append(f"{where}表格中{spec.name}：{reason}")
    reading.values[key] = value


def _read_row(reading: TableReading, key: str, given: list[WordCell], number: int) -> None:
    row = ROWS[key]
    where = f"第{number}个"
    if key in reading.found:
        reading.errors.append(f"{where}表格中“{row.name}”一行与第{reading.found[key]}个表格中的重复。")
        return
    fitted = _fit(row, given, len(row.columns))
    if fitted is None:
        reading.errors.append(
            f"{where}表格中“{row.name}”一行应有{len(row.columns)}个数字，读到{len(given)}格，无法对应到各列。"
        )
        return
    reading.found[key] = number
    for column, cell in zip(row.columns, fitted, strict=True):
        _store(reading, cell_key(row, column), cell, where)


def _read_cases(reading: TableReading, given: list[WordCell], number: int, groups: list[str]) -> None:
    """The numbers of 四 for ``groups`` (行政复议 and/or the two kinds of 行政诉讼, as the table's
    header shows: one table or two), five a group with 总计, four without."""
    given = list(given)
    while len(given) > 5 * len(groups) and kind(given[-1]) == BLANK:
        given.pop()
    width = len(given) // len(groups) if given and len(given) % len(groups) == 0 else 0
    if width not in (4, 5):
        names = "、".join(dict((p, g) for p, g, _ in CASE_GROUPS)[p] for p in groups)
        reading.errors.append(
            f"第{number}个表格（{APPEALS.title}）的数字行应有{5 * len(groups)}个数字（{names}各5个），读到{len(given)}格。"
        )
        return
    for prefix in groups:
        if prefix in reading.case_groups:
            reading.errors.append(
                f"第{number}个表格：{APPEALS.title}的数字与第{reading.case_groups[prefix]}个表格中的重复。"
            )
            return
    results = [key for key, _ in RESULTS] + (["total"] if width == 5 else [])
    for index, prefix in enumerate(groups):
        reading.case_groups[prefix] = number
        for key, _ in (*RESULTS, ("total", "")):
            reading.values.setdefault(f"cases.{prefix}_{key}", None)
        for result, cell in zip(results, given[index * width : (index + 1) * width], strict=True):
            _store(reading, f"cases.{prefix}_{result}", cell, f"第{number}个")
    if len(reading.case_groups) == len(CASE_GROUPS):
        reading.found[CASES.key] = number


def _appeal_groups(texts: set[str]) -> list[str]:
    """The groups of 四 a table's header names, in national order."""
    review = "行政复议" in texts
    litigation = any("行政诉讼" in t or "直接起诉" in t or "复议后起诉" in t for t in texts)
    return (["review"] if review else []) + (["direct", "after"] if litigation else [])


# --- the tables -----------------------------------------------------------------------------------


def _texts(row: list[WordCell]) -> set[str]:
    return {normalised(c.text) for c in row if c.text.strip()}


def _read_table(reading: TableReading, table: WordTable) -> None:
    groups: list[str] = []
    for row in table.rows:
        texts = _texts(row)
        if any(old in texts for old in OLD_ACTIVE_HEADERS):
            reading.errors.append(
                f"第{table.number}个表格（{ACTIVE.title}）是2019年的旧格式（有“本年新制作数量”“对外公开总数量”等栏目）。"
                "本系统按国家2021年格式（国办公开办函〔2021〕30号）导入，请改为“本年制发件数、本年废止件数、现行有效件数”的新格式后再导入。"
            )
            reading.report_tables.add(table.number)
            return
        found = _appeal_groups(texts)
        if len(found) > len(groups) and not any(kind(c) in (FIGURE, DASH) for c in row):
            groups = found
            reading.report_tables.add(table.number)
        appeals_header = bool(groups)
        label, given = _split(row)
        has_values = any(kind(c) in (FIGURE, DASH) for c in given)
        key = match_row(label) if label else None
        if label and stripped(label) == OLD_OTHER and has_values:
            reading.errors.append(
                f"第{table.number}个表格中“（六）其他处理”只有一行，是2019年的旧格式。本系统按国家2021年格式导入"
                "（其他处理分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三项），请按新格式填写后再导入。"
            )
            reading.report_tables.add(table.number)
        elif key is not None and (has_values or _blank_row(key, given) or _words_row(key, given, appeals_header)):
            reading.report_tables.add(table.number)
            _read_row(reading, key, given, table.number)
        elif appeals_header and has_values:
            _read_cases(reading, given, table.number, groups)
        elif has_values and table.number in reading.report_tables:
            shown = (label or "").replace("\n", "")[:40]
            reading.errors.append(
                f"第{table.number}个表格中有一行无法识别：“{shown}”。每行开头应是国家格式中的项目名称，如“1.属于国家秘密”。"
            )


def _words_row(key: str, given: list[WordCell], appeals_header: bool) -> bool:
    """A row of the national format with a value written in words (一千): as many cells as values."""
    if appeals_header:
        return False
    fitted = _fit(ROWS[key], given, len(ROWS[key].columns))
    return fitted is not None and any(kind(c) == TEXT for c in fitted)


def _blank_row(key: str, given: list[WordCell]) -> bool:
    """A row of the national format left blank: as many empty cells as it has columns."""
    width = len(ROWS[key].columns)
    return len(given) >= max(width - 1, 1) and all(kind(c) == BLANK for c in given)


def read_tables(tables: list[WordTable]) -> TableReading:
    """The values of the national format's rows found in ``tables``; every problem in ``errors``."""
    reading = TableReading()
    for table in tables:
        _read_table(reading, table)
    if not reading.report_tables:
        reading.errors.append(
            "文件中没有找到国家格式的表格（二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
            "四、政府信息公开行政复议、行政诉讼情况）。本系统按国家2021年格式（国办公开办函〔2021〕30号）导入年度报告，"
            "更早格式的报告请按新格式填写后再导入。"
        )
        return reading
    for table in (ACTIVE, REQUESTS):
        for row in table.rows:
            if row.key not in reading.found:
                reading.errors.append(f"缺少“{row.name}”一行（{table.title}）。")
    if CASES.key not in reading.found:
        reading.errors.append(f"没有找到{APPEALS.title}表格的数字行（在“行政复议”“行政诉讼”表头之下）。")
    return reading


# --- blanks the totals decide ---------------------------------------------------------------------


def _relations() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Sums that hold in every report (all terms ≥ 0): left side = right side."""
    found = []
    parties = APPLICANTS[:-1]
    for row in REQUESTS.rows:
        found.append(((cell_key(row, TOTAL),), tuple(cell_key(row, c) for c in parties)))
    for column in APPLICANTS:
        found.append(((cell_key(ANSWERED, column),), tuple(cell_key(r, column) for r in OUTCOME_ROWS)))
        found.append(
            (
                (cell_key(NEW, column), cell_key(CARRIED, column)),
                (cell_key(ANSWERED, column), cell_key(PENDING, column)),
            )
        )
    for prefix, _, _ in CASE_GROUPS:
        found.append(((f"cases.{prefix}_total",), tuple(f"cases.{prefix}_{key}" for key, _ in RESULTS)))
    return found


def forced_zeros(values: dict[str, Value | None]) -> list[str]:
    """Set to 0 the blank cells that a known sum forces to 0 (the other parts already make up the
    whole, and no count is negative), as often as new zeros force more; the keys set, in order."""
    filled: list[str] = []
    changed = True
    while changed:
        changed = False
        for left, right in _relations():
            for known, other in ((left, right), (right, left)):
                if any(values.get(k) is None for k in known):
                    continue
                rest = [k for k in other if values.get(k) is None]
                if rest and sum(values[k] for k in known) == sum(values[k] for k in other if values.get(k) is not None):
                    for key in rest:
                        values[key] = 0
                        filled.append(key)
                    changed = True
    return filled
