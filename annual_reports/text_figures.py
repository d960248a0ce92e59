"""The figures a report's text states, found in the wordings real reports use (gathered from reports
of several provinces, not only seed 002):

- the number after or before the noun: 收到政府信息公开申请12件 · 共受理36件政府信息公开申请 ·
  现行有效行政规范性文件9件 · 规范性文件现行有效9件 · 现行有效件数14件;
- 共计/合计/累计/共 before the number: 受理政府信息公开申请共计12件;
- received as 收到/接收/受理/接到/新收, answered as 办结/答复/办理/作出…答复/完成…答复;
- categories alone or combined with 及/和/与/、 (予以公开及部分公开11件，占78.57% is 予以公开 + 部分公开),
  with or without their percentage (占35.71%, 占比35.71%, （占35.71%）);
- counts in Arabic, full-width or Chinese numerals (十二件, up to 九十九);
- none at all: 未收到政府信息公开申请 · 无下年度结转 · 未因政府信息公开被申请行政复议、提起行政诉讼;
- the change on last year after a count: 同比上升16.13% · 较上年减少3件 · 与上年持平 · （上年27件）.

A category preceded by a reason (属于国家秘密不予公开1件) is a part of its category, not the
category, and is not taken; nor is a count said of last year (上年收到申请27件). Only what is
found here is compared with the tables (:func:`annual_reports.prose.text_warnings`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMBER = r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[零〇一二两三四五六七八九])"
NUM = rf"(?P<n>\d+|{CN_NUMBER})"
QUANT = r"(?:共计|合计|累计|总计|总数为|数量为|共|计|达|为)?"
UNIT = r"(?:件|起|份|宗|个)"
NOUN = (
    r"(?:(?:政府信息|信息)?(?:公开)?(?:申请|请求)"
    r"|(?:政府信息)?依申请公开(?:政府信息|信息|申请|事项|请求)?|依申请(?:信息|事项))"
)
CATEGORY = r"(?:予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理)"
CATEGORY_KEYS = {
    "予以公开": "granted",
    "同意公开": "granted",
    "部分公开": "partly",
    "不予公开": "refused",
    "无法提供": "unable",
    "不予处理": "not_processed",
    "其他处理": "other",
}
SHARE = r"(?:[，,]?[（(]?(?:占|占比)(?:答复总数|办结总数|全部|总数|申请总数)?(?:的|比)?(?P<p>\d+(?:\.\d+)?)%)?"
NEXT_YEAR = r"(?:下一?年度?|下年|{next}年度?)"
LAST_YEAR = r"(?:上一?年度?|{last}年度?)"
CLAUSE_START = re.compile(r"[，。；：,;:（(、]")
OPENING = re.compile(
    r"(?:其中|另有|包括|含|共计|合计|累计|共|均|全部|依法|对|有|为|分别为|主要为|本年度|本年|全年|年内|\d{4}年度?)*"
)
EARLIER = re.compile(r"上年|去年|上一年|同期")
CHANNEL = re.compile(
    r"网上|网络|在线|线上|当面|现场|窗口|信函|邮寄|邮件|传真|电话|书面|口头|平台|渠道|自然人|法人|企业"
)
"""A count of one channel or kind of applicant (其中当面收到申请3件) is a part, not the whole."""
SENTENCE_END = re.compile(r"[。；;]")
CHANGE = re.compile(
    r"[^。；]{0,16}?(?:同比|较上年|比上年|较去年|比去年|较上一年度?|与上年相比|与去年相比|较\d{4}年度?|比\d{4}年度?)"
    r"(?:同期)?[，,]?(?:(?P<dir>增长|上升|增加|提高|下降|减少|降低)了?(?P<v>\d+(?:\.\d+)?)(?P<u>%|件|个百分点)|(?P<flat>持平))"
)
FLAT = re.compile(r"[^。；]{0,16}?(?:与上年|与去年|同比)(?:基本)?持平")
LAST_COUNT = re.compile(rf"[（(](?:上年|去年|上一年)(?:同期)?(?:为)?(?P<n>\d+){UNIT}[)）]")


def number(text: str) -> int:
    """``12``, ``十二``, ``二十``, ``九十九``, ``两`` as an int."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


@dataclass(frozen=True)
class Stated:
    """A figure the text states."""

    keys: tuple[str, ...]
    """The figures of :data:`annual_reports.prose.FIGURES` it adds up."""
    count: int
    phrase: str
    """The words stating the count (予以公开5件)."""
    whole: str = ""
    """With the percentage (予以公开5件，占35.71%)."""
    percent: Decimal | None = None
    percent_places: int = 0
    earlier: bool = False
    """Said of last year (上年收到申请27件)."""
    change: tuple[str, Decimal, str] | None = None
    """(direction, value, unit) of 同比…; ``("持平", 0, "")`` for 与上年持平."""
    change_words: str = ""
    start: int = 0


def _families(year: int | None) -> list[tuple[tuple[str, ...] | None, re.Pattern, str]]:
    """(figure keys or None for the categories' own, pattern, kind) in the order they are tried."""
    last = str(year - 1) if year else "上年"
    upcoming = str(year + 1) if year else "下年"
    next_year, last_year = NEXT_YEAR.format(next=upcoming), LAST_YEAR.format(last=last)
    new_verb, answer_verb = r"(?:收到|接收|受理|接到|新收)", r"(?:办结|答复|办理|处理)"
    patterns = [
        (("review", "litigation"), r"(?:未|没有|无)(?:发生|产生|出现|收到)?(?:因|涉及)?(?:政府信息公开)?[^。；，,]{0,12}?行政复议(?:和|及|与|、|或)(?:提起|引起)?(?:的)?行政诉讼", "none"),
        (("review",), r"(?:未|没有|无)(?:发生|产生|出现|收到)?(?:因|涉及)?(?:政府信息公开)?[^。；，,]{0,12}?行政复议(?![纠败])", "none"),
        (("litigation",), r"(?:未|没有|无)(?:发生|产生|出现|收到)?(?:因|涉及)?(?:政府信息公开)?[^。；，,]{0,12}?行政诉讼(?![纠败])", "none"),
        (("new",), r"(?:未|没有|无)(?:收到|接到|受理|接收|发生)?(?:任何)?(?:依申请公开(?:事项|申请|工作)?|(?:政府信息公开|信息公开)申请)(?=[。；，,]|$|情况|事项)", "none"),
        (("pending",), rf"(?:无|没有)(?:结转(?:至|到)?{next_year}|{next_year}结转)", "none"),
        (("answered",), rf"(?:作出|完成)了?{NOUN}(?:的)?答复{QUANT}{NUM}{UNIT}", "count"),
        (("new",), rf"{new_verb}了?(?:并(?:办理|答复|办结))?{NOUN}(?:数量|件数|数)?{QUANT}{NUM}(?:{UNIT}|条)", "count"),
        (("new",), rf"{new_verb}了?{QUANT}{NUM}{UNIT}(?:的)?{NOUN}", "count"),
        (None, rf"(?P<core>(?P<cats>{CATEGORY}(?:(?:及|和|与|以及|、|或){CATEGORY})*)(?:答复|决定|的)?{QUANT}{NUM}(?:件|(?=[，,]占))){SHARE}", "category"),
        (("answered",), rf"{answer_verb}了?{NOUN}{QUANT}{NUM}{UNIT}", "count"),
        (("answered",), rf"(?:办结|答复){QUANT}{NUM}件", "count"),
        (("carried",), rf"{last_year}(?:结转|转结)(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:数量)?{QUANT}{NUM}{UNIT}", "count"),
        (("pending",), rf"结转(?:至|到)?{next_year}(?:继续办理|办理)?(?:的)?(?:申请)?{QUANT}{NUM}{UNIT}", "count"),
        (("pending",), rf"{NUM}{UNIT}(?:申请)?结转(?:至|到)?{next_year}", "count"),
        (("refused_6",), rf"(?:属于)?四类过程性信息{QUANT}{NUM}件", "count"),
        (("unable_1",), rf"不掌握(?:相关)?(?:的)?(?:政府)?信息{QUANT}{NUM}件", "count"),
        (("not_processed_1",), rf"信访举报投诉类?(?:申请)?{QUANT}{NUM}件", "count"),
        (("not_processed_2",), rf"重复申请{QUANT}{NUM}件", "count"),
        (("review",), rf"(?:被申请|申请|发生|产生|涉及|收到)?(?:政府信息公开)?类?行政复议(?:案件)?{QUANT}{NUM}{UNIT}", "count"),
        (("litigation",), rf"(?:被提起|提起|发生|产生|涉及)?(?:政府信息公开)?类?行政诉讼(?:案件)?{QUANT}{NUM}{UNIT}", "count"),
        (("normative_in_force",), rf"现行有效(?:的)?(?:行政)?规范性文件(?:数量|件数)?{QUANT}{NUM}件", "count"),
        (("normative_issued",), rf"(?:制发|制定|出台)了?(?:行政)?规范性文件{QUANT}{NUM}件", "count"),
        (("normative_repealed",), rf"(?:废止|宣布失效)了?(?:行政)?规范性文件{QUANT}{NUM}件", "count"),
        (("normative_in_force",), rf"规范性文件[^。；，,规]{{0,6}}?现行有效(?:的)?(?:件数|数量|文件)?{QUANT}{NUM}件", "count"),
        (("normative_in_force",), rf"规范性文件(?:(?!规章)[^。；]){{0,40}}?(?P<at>现行有效(?:的)?(?:件数|数量|文件)?{QUANT}{NUM}件)", "count"),
    ]  # fmt: skip
    return [(keys, re.compile(pattern), kind) for keys, pattern, kind in patterns]


class _Bounds:
    """Where the clauses and sentences of a text begin and end (found once; looked up by bisection)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clauses = [m.end() for m in CLAUSE_START.finditer(text)]
        self.sentence_starts = [m.end() for m in SENTENCE_END.finditer(text)]
        self.sentence_ends = [m.start() for m in SENTENCE_END.finditer(text)]

    def opening(self, start: int) -> str:
        """The words of the clause before ``start``."""
        index = bisect_right(self.clauses, start) - 1
        return self.text[self.clauses[index] if index >= 0 else 0 : start]

    def sentence(self, start: int, end: int) -> str:
        index = bisect_right(self.sentence_starts, start) - 1
        begin = self.sentence_starts[index] if index >= 0 else 0
        after = bisect_left(self.sentence_ends, end)
        stop = self.sentence_ends[after] if after < len(self.sentence_ends) else len(self.text)
        return self.text[begin:stop]


def _in_context(keys: tuple[str, ...], opening: str, sentence: str) -> bool:
    """Whether a count is the report's figure: not one channel's (当面收到…), and a count of
    复议/诉讼 or a bare 办结N件 only in a sentence about 政府信息公开 (not the office's other cases)."""
    if keys in (("new",), ("answered",)) and CHANNEL.search(opening):
        return False
    if keys in (("review",), ("litigation",)):
        return "公开" in sentence
    if keys == ("answered",):
        return "申请" in sentence or "公开" in sentence
    return True


def _change(text: str, end: int) -> tuple[tuple[str, Decimal, str], str] | None:
    """The change on last year written right after a count, and its words."""
    match = CHANGE.match(text, end)
    if match and match.group("flat"):
        return ("持平", Decimal(0), ""), match.group(0)
    if match:
        return (match.group("dir"), Decimal(match.group("v")), match.group("u")), match.group(0)
    match = FLAT.match(text, end)
    if match:
        return ("持平", Decimal(0), ""), match.group(0)
    match = LAST_COUNT.match(text, end)
    return (("上年", Decimal(match.group("n")), "件"), match.group(0)) if match else None


def stated_figures(text: str, *, year: int | None = None) -> list[Stated]:
    """Every figure ``text`` states (spaces removed, full-width digits folded), in order."""
    found: list[Stated] = []
    starts: list[int] = []
    ends: list[int] = []
    """The spans already taken: disjoint, sorted (a later family never takes a part of them)."""
    bounds = _Bounds(text)
    for keys, pattern, kind in _families(year):
        for match in pattern.finditer(text):
            start, end = match.span("at") if match.groupdict().get("at") else match.span()
            before = bisect_left(starts, end) - 1
            if before >= 0 and ends[before] > start:
                continue
            opening = bounds.opening(start)
            if kind == "count" and not _in_context(keys, opening, bounds.sentence(start, end)):
                continue
            earlier = bool(EARLIER.search(opening)) or any(
                y != str(year) for y in re.findall(r"(\d{4})年", opening) if year
            )
            if kind == "category":
                if OPENING.fullmatch(opening) is None:
                    continue  # 属于国家秘密不予公开1件: a reason within the category
                names = re.findall(CATEGORY, match.group("cats"))
                keys = tuple(dict.fromkeys(CATEGORY_KEYS[n] for n in names))
            at = bisect_left(starts, start)
            starts.insert(at, start)
            ends.insert(at, end)
            percent = match.groupdict().get("p")
            change = _change(text, end) if kind == "count" and keys in (("new",), ("answered",)) else None
            found.append(
                Stated(
                    keys=keys,
                    count=0 if kind == "none" else number(match.group("n")),
                    phrase=match.groupdict().get("core") or match.groupdict().get("at") or match.group(0),
                    whole=match.group(0),
                    percent=Decimal(percent) if percent else None,
                    percent_places=len(percent.partition(".")[2]) if percent else 0,
                    earlier=earlier and kind != "none",
                    change=change[0] if change else None,
                    change_words=change[1] if change else "",
                    start=start,
                )
            )
    return sorted(found, key=lambda s: s.start)
