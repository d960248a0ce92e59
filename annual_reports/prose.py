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
    "normative": Figure("行政规范性文件“现行有效件数”", ("normative.in_force",)),
}
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
    text = f"{year}年共收到政府信息公开申请{new}件{change_on_last_year(new, previous_new)}。"
    text += f"作出政府信息公开申请答复{answered}件"
    text += f"（含上年结转{carried}件）" if carried else ""
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

COUNT_PATTERNS = (
    ("new", re.compile(r"收到(?:政府信息公开)?申请(\d+)件")),
    ("answered", re.compile(r"(?:申请答复|答复申请)(\d+)件")),
    ("carried", re.compile(r"上年结转(\d+)件")),
    ("granted", re.compile(r"予以公开(\d+)件")),
    ("partly", re.compile(r"部分公开(\d+)件")),
    ("refused", re.compile(r"不予公开(\d+)件")),
    ("unable", re.compile(r"无法提供(\d+)件")),
    ("not_processed", re.compile(r"不予处理(\d+)件")),
    ("other", re.compile(r"其他处理(\d+)件")),
    ("pending", re.compile(r"结转下年度(?:继续办理)?(\d+)件")),
    ("review", re.compile(r"申请行政复议(\d+)件")),
    ("litigation", re.compile(r"提起行政诉讼(\d+)件")),
    ("normative", re.compile(r"规范性文件[^。；，,;]{0,6}现行有效(\d+)件")),
)
SHARE = re.compile(r"(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(\d+)件[，,]占(\d+(?:\.\d+)?)%")
CHANGE = re.compile(r"申请(\d+)件[，,]同比(上升|增长|增加|下降|减少)(\d+(?:\.\d+)?)%")
NO_CASES = "未因政府信息公开被申请行政复议、提起行政诉讼"
LABELS = dict(CATEGORIES)
FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")


def _warning(section: str, quoted: str, expected: str, cells: tuple[str, ...]) -> Problem:
    message = f"{RULE_TEXT}：“{section}”写“{quoted}”，{expected}。"
    return Problem(RULE_TEXT, message, cells, WARNING)


def _count_warnings(title: str, text: str, values: dict) -> list[Problem]:
    found = []
    for key, pattern in COUNT_PATTERNS:
        expected = figure(values, key)
        for match in pattern.finditer(text):
            if expected is not None and int(match.group(1)) != expected:
                detail = f"表格中{FIGURES[key].name}为{expected}件"
                found.append(_warning(title, match.group(0), detail, FIGURES[key].cells))
    if NO_CASES in text and (figure(values, "review") or figure(values, "litigation")):
        detail = f"表格中行政复议{figure(values, 'review')}件、行政诉讼{figure(values, 'litigation')}件"
        found.append(_warning(title, NO_CASES, detail, FIGURES["review"].cells + FIGURES["litigation"].cells))
    return found


def _share_warnings(title: str, text: str, values: dict, previous: dict | None) -> list[Problem]:
    found = []
    answered = figure(values, "answered")
    for match in SHARE.finditer(text):
        label, count, written = match.group(1), int(match.group(2)), Decimal(match.group(3))
        if not answered:
            continue
        exact = Decimal(count) * HUNDRED / answered
        if abs(written - exact) > TOLERANCE:
            detail = f"{count}件占答复总数{answered}件的{percent_text(cut(exact))}"
            key = next(k for k, v in LABELS.items() if v == label)
            found.append(_warning(title, match.group(0), detail, FIGURES[key].cells + FIGURES["answered"].cells))
    previous_new = figure(previous, "new") if previous else None
    for match in CHANGE.finditer(text):
        new, word, written = int(match.group(1)), match.group(2), Decimal(match.group(3))
        if not previous_new:
            continue
        actual = Decimal(new - previous_new) * HUNDRED / previous_new
        signed = written if word in ("上升", "增长", "增加") else -written
        if abs(signed - actual) > TOLERANCE:
            detail = f"上年收到申请{previous_new}件，本年{new}件，{change_on_last_year(new, previous_new)[1:]}"
            found.append(_warning(title, match.group(0), detail, FIGURES["new"].cells))
    return found


def text_warnings(
    texts: dict[str, str], values: dict, previous: dict | None = None, *, year: int | None = None
) -> list[Problem]:
    """A warning for each number in the text that the tables contradict."""
    found = []
    for key, title in TEXT_SECTIONS:
        text = re.sub(r"\s+", "", (texts.get(key) or "").translate(FULL_WIDTH))
        if text:
            found.extend(_count_warnings(title, text, values))
            found.extend(_share_warnings(title, text, values, previous))
    return found
