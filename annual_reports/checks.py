"""The checks of an annual report (勾稽关系), defined once from the layout and run the same way in
Python (on save, submit and import) and in the browser (``static/js/annual_report.js`` evaluates
the equations of :func:`browser_spec` and builds the same messages).

Every check is an equation between sums of cells, named in plain Chinese; a failure is a
:class:`Problem` naming the rule and the cells with their values. Errors block submission,
warnings do not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from core.bounds import MAX_COUNT

from .layout import (
    AMOUNT_PLACES,
    ANSWERED,
    CARRIED,
    CASE_GROUPS,
    IN_FORCE,
    ISSUED,
    NEW,
    OUTCOME_ROWS,
    PARTIES,
    PENDING,
    REPEALED,
    REQUESTS,
    RESULTS,
    TOTAL,
    Value,
    cell_key,
    cells,
    sums,
    typed_keys,
)

ERROR, WARNING = "error", "warning"

RULE_BALANCE = "第一项加第二项之和等于第三项加第四项之和"
RULE_ANSWERED = "（七）总计等于（一）至（六）各项之和"
RULE_ROW_TOTAL = "总计等于自然人与法人或其他组织各列之和"
RULE_CASES_TOTAL = "总计等于结果维持、结果纠正、其他结果、尚未审结之和"
RULE_CARRIED = "本年上年结转等于上年结转下年度继续办理"
RULE_IN_FORCE = "现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数"
RULE_COUNT = "件数应为不小于0的整数"
RULE_AMOUNT = "金额应为不小于0的数，最多六位小数"
RULE_TOO_LARGE = f"数值不能超过{MAX_COUNT}"
RULE_FILLED = "每一格都应填写，没有的填0"


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str
    cells: tuple[str, ...] = ()
    level: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


@dataclass(frozen=True)
class Term:
    label: str
    cells: tuple[str, ...]
    sign: int = 1
    previous: bool = False
    """Read from last year's report."""


@dataclass(frozen=True)
class Equation:
    rule: str
    where: str
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    level: str = ERROR

    @property
    def cells(self) -> tuple[str, ...]:
        return tuple(c for t in (*self.left, *self.right) if not t.previous for c in t.cells)


def _t(label: str, *keys: str, sign: int = 1, previous: bool = False) -> Term:
    return Term(label, tuple(keys), sign, previous)


def equations(previous_year: int | None = None) -> list[Equation]:
    """Every check of one report; with ``previous_year`` also those against last year's report.

    The balance and the （七）总计 are checked in the six applicant columns: with the row totals
    checked too, the 总计 column then balances as well.
    """
    found: list[Equation] = []
    for c in PARTIES:
        found.append(
            Equation(
                RULE_BALANCE,
                f"“{c.label}”列",
                (_t("一、本年新收", cell_key(NEW, c)), _t("二、上年结转", cell_key(CARRIED, c))),
                (_t("三、（七）总计", cell_key(ANSWERED, c)), _t("四、结转下年度继续办理", cell_key(PENDING, c))),
            )
        )
    for c in PARTIES:
        outcomes = tuple(cell_key(row, c) for row in OUTCOME_ROWS)
        found.append(
            Equation(
                RULE_ANSWERED,
                f"“{c.label}”列",
                (_t("（七）总计", cell_key(ANSWERED, c)),),
                (_t("（一）至（六）各项之和", *outcomes),),
            )
        )
    for row in REQUESTS.rows:
        found.append(
            Equation(
                RULE_ROW_TOTAL,
                f"“{row.name}”行",
                (_t("总计", cell_key(row, TOTAL)),),
                tuple(_t(c.label, cell_key(row, c)) for c in PARTIES),
            )
        )
    for prefix, group, _ in CASE_GROUPS:
        found.append(
            Equation(
                RULE_CASES_TOTAL,
                group,
                (_t("总计", f"cases.{prefix}_total"),),
                tuple(_t(label, f"cases.{prefix}_{key}") for key, label in RESULTS),
            )
        )
    if previous_year is not None:
        found.extend(_cross_year(previous_year))
    return found


def _cross_year(previous_year: int) -> list[Equation]:
    found = [
        Equation(
            RULE_CARRIED,
            f"“{c.label}”列",
            (_t("本年二、上年结转", cell_key(CARRIED, c)),),
            (_t(f"{previous_year}年四、结转下年度继续办理", cell_key(PENDING, c), previous=True),),
        )
        for c in PARTIES
    ]
    for key, name in (("regulations", "规章"), ("normative", "行政规范性文件")):
        found.append(
            Equation(
                RULE_IN_FORCE,
                name,
                (_t("现行有效件数", f"{key}.{IN_FORCE.key}"),),
                (
                    _t(f"{previous_year}年现行有效件数", f"{key}.{IN_FORCE.key}", previous=True),
                    _t("本年制发件数", f"{key}.{ISSUED.key}"),
                    _t("本年废止件数", f"{key}.{REPEALED.key}", sign=-1),
                ),
                level=WARNING,
            )
        )
    return found


# --- evaluation --------------------------------------------------------------------------------


def number_text(value: Value) -> str:
    """12, 0; an amount as typed (0.012345, 3.5, 1.20: the typed decimals, never rounded)."""
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def _side(terms: tuple[Term, ...], amounts: list[Value]) -> tuple[Value, str]:
    total = sum(t.sign * a for t, a in zip(terms, amounts, strict=True))
    if len(terms) == 1 and terms[0].sign == 1:
        return total, f"{terms[0].label}{number_text(amounts[0])}"
    text = ""
    for index, (term, amount) in enumerate(zip(terms, amounts, strict=True)):
        joint = "" if index == 0 else (" - " if term.sign < 0 else " + ")
        text += f"{joint}{term.label}{number_text(amount)}"
    return total, f"{text} = {number_text(total)}"


def _term_value(term: Term, values: dict, previous: dict | None) -> Value | None:
    source = previous if term.previous else values
    if source is None:
        return None
    numbers = [source.get(k) for k in term.cells]
    return None if any(n is None for n in numbers) else sum(numbers)


def evaluate(eq: Equation, values: dict, previous: dict | None = None) -> Problem | None:
    """The problem when ``eq`` fails; ``None`` when it holds or a cell is not filled in yet."""
    left = [_term_value(t, values, previous) for t in eq.left]
    right = [_term_value(t, values, previous) for t in eq.right]
    if any(v is None for v in (*left, *right)):
        return None
    left_total, left_text = _side(eq.left, left)
    right_total, right_text = _side(eq.right, right)
    if left_total == right_total:
        return None
    message = f"{eq.rule}：{eq.where} {left_text}，{right_text}，两者不等。"
    return Problem(eq.rule, message, eq.cells, eq.level)


def check_values(
    values: dict[str, Value | None],
    *,
    previous: dict[str, Value | None] | None = None,
    previous_year: int | None = None,
    require_all: bool = False,
) -> list[Problem]:
    """Every check on the values of a report (typed and totals); ``previous`` is last year's.

    ``require_all`` (on submit and import) adds one error listing the cells left empty.
    """
    problems = []
    if require_all:
        missing = [k for k in typed_keys() if values.get(k) is None]
        if missing:
            problems.append(
                Problem(
                    RULE_FILLED,
                    f"{RULE_FILLED}：还有{len(missing)}格未填写，如{cells()[missing[0]].name}。",
                    tuple(missing),
                )
            )
    year = previous_year if previous is not None else None
    for eq in equations(year):
        problem = evaluate(eq, values, previous)
        if problem is not None:
            problems.append(problem)
    return problems


# --- parsing what was typed --------------------------------------------------------------------

COUNT_TEXT = re.compile(r"^[0-9]+$")
AMOUNT_TEXT = re.compile(rf"^[0-9]+(\.[0-9]{{1,{AMOUNT_PLACES}}})?$")


def parse_cell(key: str, raw: str) -> tuple[Value | None, Problem | None]:
    """A typed cell's value (``None`` when empty) or the problem with what was typed."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        return None, None
    spec = cells()[key]
    pattern, rule = (AMOUNT_TEXT, RULE_AMOUNT) if spec.column.amount else (COUNT_TEXT, RULE_COUNT)
    if not pattern.match(text):
        return None, Problem(rule, f"{rule}：{spec.name}填写的是“{text[:20]}”。", (key,))
    value: Value = Decimal(text) if spec.column.amount else int(text)
    if value > MAX_COUNT:
        return None, Problem(RULE_TOO_LARGE, f"{RULE_TOO_LARGE}：{spec.name}填写的是“{text[:20]}”。", (key,))
    return value, None


def parse_typed(raw: dict[str, str]) -> tuple[dict[str, Value | None], list[Problem]]:
    """The typed cells of a posted grid, and a problem per cell that is not a valid number."""
    values: dict[str, Value | None] = {}
    problems = []
    for key in typed_keys():
        value, problem = parse_cell(key, raw.get(key, ""))
        values[key] = value
        if problem is not None:
            problems.append(problem)
    return values, problems


def browser_spec(previous: dict | None, previous_year: int | None, *, require_all: bool = False) -> dict:
    """What the page's script needs to compute totals and run the same checks while typing
    (``require_all`` after a refused submission: also that every cell is filled)."""
    year = previous_year if previous is not None else None

    def term(t: Term) -> dict:
        data = {"label": t.label, "cells": list(t.cells), "sign": t.sign}
        if t.previous:
            value = _term_value(t, {}, previous)
            data = {**data, "cells": [], "constant": None if value is None else number_text(value)}
        return data

    return {
        "rules": {
            "count": RULE_COUNT,
            "amount": RULE_AMOUNT,
            "large": RULE_TOO_LARGE,
            "filled": RULE_FILLED,
            "max": MAX_COUNT,
        },
        "require_all": require_all,
        "names": {key: spec.name for key, spec in cells().items()},
        "amounts": [key for key, spec in cells().items() if spec.column.amount],
        "sums": {key: list(parts) for key, parts in sums().items()},
        "equations": [
            {
                "rule": eq.rule,
                "where": eq.where,
                "level": eq.level,
                "cells": list(eq.cells),
                "left": [term(t) for t in eq.left],
                "right": [term(t) for t in eq.right],
            }
            for eq in equations(year)
        ],
    }
