"""The text of a report read from a Word document: the title, the preface, and the prose of 一 to
六 found by their headings, as units really write them: spaces, half- or full-width brackets and
punctuation, old or slightly wrong wordings (四、因政府信息公开申请行政复议、提起行政诉讼的情况), a stray
character, automatic numbering (no 一、 in the text), a section left out and the rest renumbered;
the subheadings （一）主动公开 … （五）监督保障 of 一 inline (``（一）主动公开。2024年…``) or as
paragraphs of their own, with old wordings (主动公开情况, 政府信息公开平台建设情况, 监督保障方面).

Paragraphs between the tables of 二 to 四 are kept as the notes of their table; tables outside 二 to
四 are kept as lines of text; the signature and date at the end are left out (and said so).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .fuzzy import similarity

NUMERALS = "一二三四五六七八九十"
TOP_NAMES = {
    1: ("总体情况", "概述", "总体工作情况"),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况",),
    4: (
        "政府信息公开行政复议、行政诉讼情况",
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    ),
    5: ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进措施"),
    6: ("其他需要报告的事项",),
}
TOP_WORDS = {
    1: (("总体",), ("概述",)),
    2: (("主动公开",),),
    3: (("申请",),),
    4: (("复议",), ("诉讼",)),
    5: (("问题", "改进"), ("问题", "整改"), ("问题", "措施")),
    6: (("其他", "事项"), ("其他", "报告")),
}
SECTION_FIELDS = {1: "overview", 2: "active_notes", 3: "requests_notes", 4: "appeals_notes", 5: "problems", 6: "other"}
PART_WORDS = (
    ("overview_active", ("主动公开",)),
    ("overview_requests", ("申请",)),
    ("overview_management", ("管理",)),
    ("overview_platform", ("平台",)),
    ("overview_supervision", ("监督", "保障")),
)
TOP_PREFIX = re.compile(rf"^([{NUMERALS}]{{1,3}})[、.,，．]")
SUB_PREFIX = re.compile(rf"^[（(]([{NUMERALS}]{{1,2}})[)）]")
HEADING_END = re.compile(r"[。：:]")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
CN_YEAR = re.compile(r"([二〇○零一三四五六七八九]{4})年")
DATE_LINE = re.compile(
    r"^(?:\d{4}|[二〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$"
)
ORGAN_END = (
    "局",
    "办公室",
    "政府",
    "委员会",
    "镇",
    "街道办事处",
    "中心",
    "分局",
    "管委会",
    "委",
    "办",
    "院",
    "所",
    "队",
    "站",
)
MAX_TITLE_LINES = 3


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def top_heading(text: str) -> tuple[int, float, str] | None:
    """``(section, score, text after an inline heading)`` when ``text`` may be the heading of one of
    一 to 六; the score ranks the candidates of a section (the best in order wins)."""
    plain = _plain(text)
    match = TOP_PREFIX.match(plain)
    numeral = NUMERALS.index(match.group(1)) + 1 if match and len(match.group(1)) == 1 else 0
    rest = plain[match.end() :] if match else plain
    stop = HEADING_END.search(rest)
    name = (rest[: stop.start()] if stop else rest).strip("：:。.")
    inline = stop is not None and stop.end() < len(rest)
    if not name or len(name) > 32 or (inline and not match):
        return None
    after = ""
    if inline:
        cut = re.search(r"[。：:]", text)
        after = text[cut.end() :].strip() if cut else ""
    best = None
    for section in range(1, 7):
        ratio = max(similarity(name, candidate) for candidate in TOP_NAMES[section])
        words = any(all(w in name for w in group) for group in TOP_WORDS[section])
        numbered = match is not None and numeral == section
        renumbered = match is not None and words and section >= 4 and len(name) <= 20  # a section left out
        if (numbered and words) or ratio >= 0.85 or (match and ratio >= 0.7) or renumbered:
            score = ratio + (0.3 if numbered else 0) + (0.2 if words else 0)
            if best is None or score > best[1]:
                best = (section, score, after)
    return best


def sub_heading(text: str) -> tuple[str | None, str, str] | None:
    """``(field or None, the heading line, text after it)`` for （一）… of 一; ``None`` otherwise."""
    stripped = text.strip()
    plain = unicodedata.normalize("NFKC", stripped)
    match = SUB_PREFIX.match(plain)
    if match is None:
        return None
    stop = HEADING_END.search(plain, match.end())
    name = _plain(plain[match.end() : stop.start() if stop else len(plain)])
    if stop is None and len(name) > 24:
        return None
    after = stripped[stop.end() :].strip() if stop else ""
    line = stripped[: stop.start()] if stop else stripped
    if len(name) > 24:
        return None
    for key, words in PART_WORDS:
        if any(w in name for w in words):
            return key, line, after
    return None, line, after


def title_year(title: str) -> int | None:
    plain = _plain(title)
    match = YEAR.search(plain)
    if match:
        return int(match.group(1))
    match = CN_YEAR.search(plain)
    if match:
        return int(
            "".join(str("〇一二三四五六七八九".find(c.replace("○", "〇").replace("零", "〇"))) for c in match.group(1))
        )
    return None


@dataclass
class Prose:
    title: str = ""
    texts: dict[str, list[str]] = field(default_factory=dict)
    headings: dict[int, str] = field(default_factory=dict)
    """The sections whose headings were found, with the heading as written."""
    left_out: list[str] = field(default_factory=list)

    def add(self, key: str, line: str) -> None:
        line = line.strip()
        if line:
            self.texts.setdefault(key, []).append(line)

    def text(self, key: str) -> str:
        return "\n".join(self.texts.get(key, []))


def _title(lines: list[str]) -> tuple[str, int]:
    """The title (its lines joined) and how many leading lines it takes."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or re.match(r"^附件\d*$", _plain(lines[start]))):
        start += 1
    taken: list[str] = []
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if len(taken) == MAX_TITLE_LINES or top_heading(line) or len(line) > 60 or re.search(r"[，。；：,;]", line):
            break  # a sentence (根据《条例》…现公布…年度报告。) is not the title
        taken.append(line)
        if "报告" in line:
            return "".join(taken), index + 1
    return "", start


def _signature(lines: list[str]) -> int:
    """How many lines at the end are the signature and the date."""
    count = 0
    for line in reversed(lines[-3:]):
        plain = _plain(line).strip("（）()")
        if DATE_LINE.match(plain) or (
            len(plain) <= 25 and plain.endswith(ORGAN_END) and not re.search(r"[，。；]", plain)
        ):
            count += 1
        else:
            break
    return count


def _headings(candidates: list[tuple[int, int, float, str]]) -> dict[int, tuple[int, str]]:
    """Block index → (section, inline text) of the headings: for each section in turn its best
    candidate after the previous section's heading."""
    chosen: dict[int, tuple[int, str]] = {}
    last = -1
    for section in range(1, 7):
        mine = [c for c in candidates if c[1] == section and c[0] > last]
        if mine:
            index, _, _, after = max(mine, key=lambda c: (c[2], -c[0]))
            chosen[index] = (section, after)
            last = index
    return chosen


def read_prose(blocks: list[tuple[str, str | int]]) -> tuple[Prose, dict[int, int]]:
    """The text of a report from its blocks: a paragraph ``("p", text)``, a line of a table kept as
    text ``("t", text)`` or a table of figures ``("table", number)``; also the section (1 to 6, 0
    before 一) each table of figures stands in."""
    prose = Prose()
    paragraphs = [i for i, (kind, _) in enumerate(blocks) if kind == "p"]
    prose.title, title_lines = _title([str(blocks[i][1]) for i in paragraphs])
    body = [i for i in paragraphs[title_lines:] if str(blocks[i][1]).strip()]
    candidates = []
    for index in body:
        found = top_heading(str(blocks[index][1]))
        if found is not None:
            candidates.append((index, *found))
    headings = _headings(candidates)
    in_body = set(body)
    dropped = set(body[len(body) - _signature([str(blocks[i][1]) for i in body]) :]) if body else set()
    section, part, table_sections = 0, "preface", {}
    for index, (kind, value) in enumerate(blocks):
        if kind == "table":
            table_sections[int(value)] = section
            continue
        text = str(value)
        if kind == "t":
            prose.add(part, text)
            continue
        if index not in in_body:
            continue
        if index in headings:
            section, after = headings[index]
            prose.headings[section] = text.strip()
            part = SECTION_FIELDS[section]
            prose.add(part, after)
        elif index in dropped and section >= 5:
            prose.left_out.append(text.strip())
        elif section == 1:
            part = _overview_line(prose, text, part)
        else:
            prose.add(part, text)
    return prose, table_sections


def _overview_line(prose: Prose, text: str, part: str) -> str:
    found = sub_heading(text)
    if found is None:
        prose.add(part, text)
        return part
    key, line, after = found
    if key is None:  # a subheading of the unit's own: kept as a line where it stands
        prose.add(part, text)
        return part
    prose.add(key, after)
    return key
