"""The text agrees with the tables: the 总体情况 sentences generated from the tables (as seed 002
writes them) and a warning when a number written in the text contradicts the tables.

Percentages are of the requests answered (（七）总计, 含上年结转), cut (not rounded) to two decimals,
the last category with any requests taking the rest so that they add up to 100%; the change on
last year is cut the same way. Seed 002: 收到申请12件（上年27件），同比下降55.55%；答复14件，予以公开5件，
占35.71%，部分公开6件，占42.85%，不予公开0件，占0%，无法提供3件，占21.44%.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from core.formatting import format_points

from .checks import WARNING, Problem
from .layout import OUTCOME_GROUPS, TEXT_SECTIONS, Value
from .text_figures import stated_figures

RULE_TEXT = "文字中的数字应与表格一致"
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Figure:
    """A number of the tables the text may repeat."""

    name: str
    """How the warning names it: ``三、（一）予以公开“总计”``."""
    cells: tuple[str, ...]


def _group(prefix: str) -> tuple[str, ...]:
    count = {"refused": 8, "unable": 3, "not_processed": 5, "other": 3}[prefix]
    return tuple(f"{prefix}_{n}.total" for n in range(1, count + 1))


FIGURES = {
    "new": Figure("一、本年新收政府信息公开申请数量“总计”", ("new.total",)),
    "carried": Figure("二、上年结转政府信息公开申请数量“总计”", ("carried.total",)),
    "answered": Figure("三、（七）总计“总计”", ("answered.total",)),
    "granted": Figure("（一）予以公开“总计”", ("granted.total",)),
    "partly": Figure("（二）部分公开“总计”", ("partly.total",)),
    **{
        prefix: Figure(f"{OUTCOME_GROUPS[prefix]}各项“总计”之和", _group(prefix))
        for prefix in ("refused", "unable", "not_processed", "other")
    },
    "pending": Figure("四、结转下年度继续办理“总计”", ("pending.total",)),
    "review": Figure("行政复议“总计”", ("cases.review_total",)),
    "litigation": Figure("行政诉讼“总计”之和", ("cases.direct_total", "cases.after_total")),
    "normative_in_force": Figure("行政规范性文件“现行有效件数”", ("normative.in_force",)),
    "normative_issued": Figure("行政规范性文件“本年制发件数”", ("normative.issued",)),
    "normative_repealed": Figure("行政规范性文件“本年废止件数”", ("normative.repealed",)),
    "refused_6": Figure("（三）不予公开：6.属于四类过程性信息“总计”", ("refused_6.total",)),
    "unable_1": Figure("（四）无法提供：1.本机关不掌握相关政府信息“总计”", ("unable_1.total",)),
    "not_processed_1": Figure("（五）不予处理：1.信访举报投诉类申请“总计”", ("not_processed_1.total",)),
    "not_processed_2": Figure("（五）不予处理：2.重复申请“总计”", ("not_processed_2.total",)),
}
SHORT = {"new": "本年新收申请", "review": "行政复议", "litigation": "行政诉讼", "pending": "结转下年度继续办理"}
"""How a 未…/无… sentence's warning names the figures it denies."""
CATEGORIES = (
    ("granted", "予以公开"),
    ("partly", "部分公开"),
    ("refused", "不予公开"),
    ("unable", "无法提供"),
    ("not_processed", "不予处理"),
    ("other", "其他处理"),
)
ALWAYS_LISTED = 4
"""予以公开, 部分公开, 不予公开 and 无法提供 are always named; 不予处理 and 其他处理 when there are any."""


def figure(values: dict, key: str) -> Value | None:
    numbers = [values.get(c) for c in FIGURES[key].cells]
    return None if any(n is None for n in numbers) else sum(numbers)


def cut(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def percent_text(value: Decimal) -> str:
    return f"{format_points(value)}%"


def shares(values: dict) -> list[tuple[str, int, Decimal | None]]:
    """(category, count, percent of the answered) as the text lists them."""
    answered = figure(values, "answered") or 0
    listed = [
        (label, figure(values, key) or 0)
        for index, (key, label) in enumerate(CATEGORIES)
        if index < ALWAYS_LISTED or figure(values, key)
    ]
    if not answered:
        return [(label, count, None) for label, count in listed]
    percents = [cut(Decimal(count) * HUNDRED / answered) for _, count in listed]
    last = max((i for i, (_, count) in enumerate(listed) if count), default=None)
    if last is not None and sum(count for _, count in listed) == answered:
        percents[last] = HUNDRED - sum(p for i, p in enumerate(percents) if i != last)
    return [(label, count, percent) for (label, count), percent in zip(listed, percents, strict=True)]


def change_on_last_year(new: int, previous_new: int | None) -> str:
    if not previous_new:
        return ""
    if new == previous_new:
        return "，与上年持平"
    change = cut(abs(Decimal(new - previous_new)) * HUNDRED / previous_new)
    return f"，同比{'上升' if new > previous_new else '下降'}{percent_text(change)}"


def request_sentences(values: dict, *, year: int, previous: dict | None = None) -> str:
    """The 依申请公开 paragraph of 一、总体情况, from the tables (empty while they are incomplete)."""
    keys = ("new", "carried", "answered", "pending", "review", "litigation")
    if any(figure(values, k) is None for k in keys):
        return ""
    new, carried, answered, pending, review, litigation = (figure(values, k) for k in keys)
    previous_new = figure(previous, "new") if previous else None
    text = f"{year}年共收到政府信息公开申请{new}件{change_on_last_year(new, previous_new)}"
    # 含上年结转 only when every carried request was answered (nothing carried on to next year):
    # otherwise the tables do not say how many of the answers were of carried requests.
    text += f"，另有上年结转申请{carried}件。" if carried and pending else "。"
    text += f"作出政府信息公开申请答复{answered}件"
    text += f"（含上年结转{carried}件）" if carried and not pending else ""
    listed = shares(values)
    if answered:
        text += "，其中" + "，".join(f"{label}{count}件，占{percent_text(p)}" for label, count, p in listed)
    text += f"；结转下年度继续办理{pending}件。"
    if review or litigation:
        text += f"因政府信息公开被申请行政复议{review}件，提起行政诉讼{litigation}件。"
    else:
        text += "未因政府信息公开被申请行政复议、提起行政诉讼。"
    return text


# --- numbers written in the text ----------------------------------------------------------------

FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
RISE = ("增长", "上升", "增加", "提高")


def _warning(section: str, quoted: str, expected: str, cells: tuple[str, ...]) -> Problem:
    message = f"{RULE_TEXT}：“{section}”写“{quoted}”，{expected}。"
    return Problem(RULE_TEXT, message, cells, WARNING)


def _cells(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for k in keys for c in FIGURES[k].cells)


def _tables_say(keys: tuple[str, ...], values: dict) -> str:
    if len(keys) == 1:
        return f"表格中{FIGURES[keys[0]].name}为{figure(values, keys[0])}件"
    parts = "与".join(f"{FIGURES[k].name}{figure(values, k)}件" for k in keys)
    return f"表格中{parts}之和为{sum(figure(values, k) for k in keys)}件"


def _tolerance(places: int) -> Decimal:
    """A percentage written with ``places`` decimals may be cut or rounded (or take the rest)."""
    return max(Decimal(1).scaleb(-places), TOLERANCE)


def _share(stated, values: dict) -> Problem | None:
    bases = [figure(values, "answered"), figure(values, "new")]
    if None not in bases[:2] and figure(values, "carried") is not None:
        bases.append(figure(values, "new") + figure(values, "carried"))
    bases = [b for b in bases if b]
    if not bases or stated.percent is None:
        return None
    tolerance = _tolerance(stated.percent_places)
    if any(abs(stated.percent - Decimal(stated.count) * HUNDRED / base) <= tolerance for base in bases):
        return None
    answered = bases[0]
    return Problem(
        RULE_TEXT,
        f"{stated.count}件占答复总数{answered}件的{percent_text(cut(Decimal(stated.count) * HUNDRED / answered))}",
        _cells((*stated.keys, "answered")),
        WARNING,
    )


def _change(stated, values: dict, previous: dict | None) -> str:
    """Why a 同比… after a count is wrong (``""`` when right or not checkable)."""
    key = stated.keys[0]
    before, now = (figure(previous, key) if previous else None), figure(values, key)
    if before is None or now is None or stated.change is None:
        return ""
    direction, written, unit = stated.change
    what = "收到申请" if key == "new" else "答复"
    if direction == "上年":
        return "" if written == before else f"上年报告中{what}{before}件"
    if direction == "持平" or unit == "件":
        actual, signed = Decimal(now - before), Decimal(0) if direction == "持平" else written
        tolerance = Decimal(0)
    elif unit == "%" and before:
        actual, signed = Decimal(now - before) * HUNDRED / before, written
        tolerance = _tolerance(-written.as_tuple().exponent)
    else:
        return ""
    if direction not in RISE and direction != "持平":
        signed = -signed
    if abs(signed - actual) <= tolerance:
        return ""
    text = change_on_last_year(now, before)[1:] or f"同比{'增加' if now > before else '减少'}{abs(now - before)}件"
    return f"上年{what}{before}件，本年{now}件，{text}"


def _warnings_of(title: str, text: str, values: dict, previous: dict | None, year: int | None) -> list[Problem]:
    found = []
    for stated in stated_figures(text, year=year):
        if stated.earlier:
            continue
        numbers = [figure(values, k) for k in stated.keys]
        if any(n is None for n in numbers):
            continue
        if stated.phrase and sum(numbers) != stated.count:
            if stated.count == 0 and stated.keys[0] in SHORT:
                detail = "表格中" + "、".join(f"{SHORT[k]}{figure(values, k)}件" for k in stated.keys)
            else:
                detail = _tables_say(stated.keys, values)
            found.append(_warning(title, stated.phrase, detail, _cells(stated.keys)))
        share = _share(stated, values)
        if share is not None:
            found.append(_warning(title, stated.whole, share.message, share.cells))
        change = _change(stated, values, previous) if stated.change else ""
        if change:
            found.append(_warning(title, stated.phrase + stated.change_words, change, _cells(stated.keys)))
    return found


def text_warnings(
    texts: dict[str, str], values: dict, previous: dict | None = None, *, year: int | None = None
) -> list[Problem]:
    """A warning for each figure in the text that the tables contradict, naming the phrase and the cells."""
    found = []
    for key, title in TEXT_SECTIONS:
        text = re.sub(r"\s+", "", (texts.get(key) or "").translate(FULL_WIDTH))
        if text:
            found.extend(_warnings_of(title, text, values, previous, year))
    return found
