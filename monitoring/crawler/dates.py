"""Dates in the text of listing pages: 2024-03-02, [2024-03-02], 2024年03月02日, 2024/3/2,
2024.03.02, each possibly with a time, a label (发布日期：) or brackets.

A date found in a piece of text is judged by what surrounds it: a piece that is only the date (with
its label, brackets and time) is the date of an item; a date inside a sentence (a title such as
关于2024年3月1日起施行…的通知, a summary) is not. Dates of the page rather than of an item (今天是…,
copyright and 备案 lines) are never taken.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

FIRST_YEAR, LAST_YEAR = 1990, 2100

DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*([-/.]|年)\s*(\d{1,2})\s*([-/.]|月)\s*(\d{1,2})(?:\s*日)?(?![\d])")
TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
LABEL = re.compile(
    r"(发布|公开|更新|成文|印发|发文|生成|实施|施行|生效|废止|失效|有效期|截止|撰写|录入|信息)?"
    r"(日期|时间|于)?|星期[一二三四五六日天]|周[一二三四五六日天]"
)
PUNCTUATION = re.compile(r"[\s\[\]()（）【】〔〕<>《》「」:：|,，、;；.。\-_/~·]+")
STANDALONE_REST = 2
"""Characters a piece may hold besides its date (after labels, brackets and times are removed)."""
SHORT_PIECE = 80
SEPARATOR = re.compile(r"[\s\[\]()（）【】〔〕<>:：|,，;；]")
PAGE_DATE_WORDS = ("今天是", "今天", "今日", "版权", "copyright", "©", "备案", "icp", "访问量", "访问次数")
NOT_PUBLICATION = ("成文", "印发", "发文日期", "实施", "施行", "生效", "废止", "失效", "有效期", "截止", "撰写")
PUBLICATION = ("发布", "公开", "更新")

STRONG, MEDIUM, WEAK = 3, 2, 1


@dataclass(frozen=True)
class FoundDate:
    date: datetime.date
    tier: int
    """:data:`STRONG` (the piece is the date), :data:`MEDIUM` (a short piece, e.g. 发布时间 … 来源 …)
    or :data:`WEAK` (inside longer text)."""
    label: str
    """The words just before the date (``发布日期``), without punctuation."""

    @property
    def is_publication(self) -> bool:
        return any(word in self.label for word in PUBLICATION)

    @property
    def is_other_kind(self) -> bool:
        """成文日期, 实施日期 and the like: a date of the document, not of its publication."""
        return any(word in self.label for word in NOT_PUBLICATION)


def normalize(text: str) -> str:
    """Full-width digits and signs as ASCII, non-breaking spaces as spaces."""
    return unicodedata.normalize("NFKC", text or "").replace("\u3000", " ")


def valid_date(year: str, month: str, day: str) -> datetime.date | None:
    try:
        found = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return found if FIRST_YEAR <= found.year <= LAST_YEAR else None


def _consistent(first: str, second: str) -> bool:
    """2024-03-02 and 2024年3月2日, not 2024年03-02 or 2024-03/02."""
    if first == "年":
        return second == "月"
    return first == second


def _delimited(text: str, start: int, end: int) -> bool:
    """Set apart by spaces, brackets or colons (an info line), not run into a sentence (关于2024年…起施行)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return bool(SEPARATOR.match(before)) and bool(SEPARATOR.match(after))


def is_page_date_text(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in PAGE_DATE_WORDS)


def find_dates(piece: str) -> list[FoundDate]:
    """The dates in one piece of text, each judged by the text around it."""
    text = normalize(piece).strip()
    if not text or not any(ch.isdigit() for ch in text) or is_page_date_text(text):
        return []
    matches = [m for m in DATE.finditer(text) if _consistent(m.group(2), m.group(4))]
    found = []
    for match in matches:
        date = valid_date(match.group(1), match.group(3), match.group(5))
        if date is None:
            continue
        before = text[: match.start()]
        label = PUNCTUATION.sub("", before[-8:])
        rest = text[: match.start()] + " " + text[match.end() :]
        rest = TIME.sub(" ", rest)
        rest = LABEL.sub("", PUNCTUATION.sub("", rest))
        if len(matches) == 1 and len(rest) <= STANDALONE_REST:
            tier = STRONG
        elif _delimited(text, match.start(), match.end()) and len(text) <= SHORT_PIECE:
            tier = MEDIUM
        else:
            tier = WEAK
        found.append(FoundDate(date, tier, label))
    return found


def parse_date(text: str) -> datetime.date | None:
    """The one date a short text holds (``2024-03-02``, ``2024年3月2日``), else ``None``."""
    dates = find_dates(text)
    return dates[0].date if len(dates) == 1 else None
