"""Word reports built as units really fill in the national template in Word or WPS: merged header
and label cells (gridSpan, vMerge) or blank cells that only look merged, labels split over lines,
总计 cells given or left out, zeros written as blanks or ``/``, half- or full-width brackets, the
tables of 二 as one table or four, paragraphs between the tables, headings in old wordings or
automatically numbered, （一） subheadings inline or on their own, a signature and a picture.

Every builder takes the report's values (typed cells, totals computed) and its texts, so a test can
compare what the import stored with what the document says, exactly.
"""

from __future__ import annotations

import base64
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from annual_reports.layout import ACTIVE, APPEALS, ARTICLE_20, CASES, REQUESTS, cell_key, complete
from annual_reports.tables import requests_layout

TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
SUBHEADINGS = {
    "overview_active": "（一）主动公开",
    "overview_requests": "（二）依申请公开",
    "overview_management": "（三）政府信息管理",
    "overview_platform": "（四）政府信息公开平台建设",
    "overview_supervision": "（五）监督保障",
}
SPLIT_LABELS = {"5.要求行政机关确认或重新出具已获取信息": "5.要求行政机关确认或重新\n出具已获取信息"}


@dataclass
class Style:
    title: tuple[str, ...] = ("临淄区人社局2024年政府信息公开工作年度报告",)
    headings: dict[int, str | None] = field(default_factory=lambda: dict(HEADINGS))
    """``None`` leaves a heading out; an automatically numbered heading is written without 一、."""
    subheadings: dict[str, str] = field(default_factory=lambda: dict(SUBHEADINGS))
    inline: bool = False
    """（一）主动公开。text in one paragraph (seed 002) rather than a paragraph of its own."""
    half_width: bool = False
    active_split: bool = False
    """二 as four tables, one per 第二十条 item."""
    merged_labels: bool = True
    """Label cells merged (vMerge/gridSpan); else blank cells that only look merged."""
    totals: bool = True
    blank_zeros: bool = False
    """Zeros of 三's applicant columns left blank (the 总计 column filled)."""
    dash_regulations: bool = False
    notes: dict[str, str] = field(default_factory=dict)
    """Paragraphs under a table's heading: table key → text."""
    signature: tuple[str, ...] = ()
    picture: bool = False
    amount_text: str | None = None
    appeals_split: bool = False
    """四 as two tables: 行政复议, then 行政诉讼."""
    framed: bool = False
    """The whole report inside a one-cell table (as some sites' copies are)."""


def _bracket(text: str, style: Style) -> str:
    return text.replace("（", "(").replace("）", ")") if style.half_width else text


def _number(value, style: Style, *, zero_blank: bool = False) -> str:
    if value is None:
        return ""
    if zero_blank and value == 0:
        return ""
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def _set(cell, text: str) -> None:
    lines = text.split("\n")
    cell.text = lines[0]
    run = cell.paragraphs[0].runs[0] if cell.paragraphs[0].runs else cell.paragraphs[0].add_run()
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)


def _table(doc, rows: int, cols: int):
    """A new table and its cells by grid position, taken once before any merge (python-docx looks a
    cell up by walking the whole table, which is slow for the 290 cells of 三)."""
    table = doc.add_table(rows, cols)
    table.style = "Table Grid"
    return table, [list(row.cells) for row in table.rows]


def _active(doc, values: dict, style: Style) -> None:
    groups = [[item] for item in ARTICLE_20] if style.active_split else [list(ARTICLE_20)]
    rows = {row.key: row for row in ACTIVE.rows}
    for group in groups:
        count = sum(2 + len(members) for _, _, members in group)
        _, cell = _table(doc, count, 4)
        r = 0
        for heading, columns, members in group:
            _set(cell[r][0].merge(cell[r][3]), _bracket(heading, style))
            cell[r + 1][0].text = "信息内容"
            if len(columns) == 1:
                _set(cell[r + 1][1].merge(cell[r + 1][3]), _bracket(columns[0].label, style))
            else:
                for i, column in enumerate(columns):
                    cell[r + 1][1 + i].text = column.label
            for offset, (key, label) in enumerate(members):
                row_index = r + 2 + offset
                cell[row_index][0].text = label
                row = rows[key]
                texts = [_number(values[cell_key(row, c)], style) for c in row.columns]
                if key == "fees" and style.amount_text is not None:
                    texts = [style.amount_text]
                if key == "regulations" and style.dash_regulations:
                    texts = ["/"] * 3
                if len(texts) == 1:
                    target = cell[row_index][1]
                    target = target.merge(cell[row_index][3]) if style.merged_labels else target
                    target.text = texts[0]
                else:
                    for i, text in enumerate(texts):
                        cell[row_index][1 + i].text = text
            r += 2 + len(members)


def _requests(doc, values: dict, style: Style) -> None:
    header, _ = requests_layout()
    width = 10
    _, cell = _table(doc, 3 + len(REQUESTS.rows), width)
    _set(cell[0][0].merge(cell[2][2]), "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）")
    _set(cell[0][3].merge(cell[0][9]), "申请人情况")
    _set(cell[1][3].merge(cell[2][3]), "自然人")
    _set(cell[1][4].merge(cell[1][8]), "法人或其他组织")
    _set(cell[1][9].merge(cell[2][9]), "总计")
    for i, title in enumerate(header[2]):
        cell[2][4 + i].text = title.text
    spans: dict[tuple[int, str], list[int]] = {}
    for index, row in enumerate(REQUESTS.rows):
        r = 3 + index
        labels = [_bracket(SPLIT_LABELS.get(label, label), style) for label in row.labels]
        if len(labels) == 1:
            _set(cell[r][0].merge(cell[r][2]), labels[0])
        elif len(labels) == 2:
            spans.setdefault((0, labels[0]), []).append(r)
            _set(cell[r][1].merge(cell[r][2]), labels[1])
        else:
            spans.setdefault((0, labels[0]), []).append(r)
            spans.setdefault((1, labels[1]), []).append(r)
            _set(cell[r][2], labels[2])
        for i, column in enumerate(row.columns):
            value = values[cell_key(row, column)]
            if column.computed and not style.totals:
                value = None
            zero_blank = style.blank_zeros and not column.computed
            cell[r][3 + i].text = _number(value, style, zero_blank=zero_blank)
    for (column, label), rows in spans.items():
        top = cell[rows[0]][column]
        if style.merged_labels:
            top = top.merge(cell[rows[-1]][column])
        _set(top, label)


def _appeals(doc, values: dict, style: Style) -> None:
    results = ("结果\n维持", "结果纠正", "其他结果", "尚未\n审结", "总\n计")
    numbers = [
        "" if column.computed and not style.totals else _number(values[cell_key(CASES, column)], style)
        for column in CASES.columns
    ]
    if style.appeals_split:
        _, cell = _table(doc, 3, 5)
        _set(cell[0][0].merge(cell[0][4]), "行政复议")
        for i, label in enumerate(results):
            _set(cell[1][i], label)
            cell[2][i].text = numbers[i]
        doc.add_paragraph("")
        _, cell = _table(doc, 4, 10)
        _set(cell[0][0].merge(cell[0][9]), "行政诉讼")
        _set(cell[1][0].merge(cell[1][4]), "未经复议直接起诉")
        _set(cell[1][5].merge(cell[1][9]), "复议后起诉")
        for i in range(10):
            _set(cell[2][i], results[i % 5])
            cell[3][i].text = numbers[5 + i]
        return
    _, cell = _table(doc, 4, 15)
    _set(cell[0][0].merge(cell[0][4]), "行政复议")
    _set(cell[0][5].merge(cell[0][14]), "行政诉讼")
    for i, label in enumerate(results):
        _set(cell[1][i].merge(cell[2][i]), label)
    _set(cell[1][5].merge(cell[1][9]), "未经复议直接起诉")
    _set(cell[1][10].merge(cell[1][14]), "复议后起诉")
    for i, label in enumerate(("结果维持", "结果纠正", "其他\n结果", "尚未\n审结", "总计") * 2):
        _set(cell[2][5 + i], label)
    for i, text in enumerate(numbers):
        cell[3][i].text = text


def _paragraphs(doc, text: str) -> None:
    for line in (text or "").split("\n"):
        if line.strip():
            doc.add_paragraph(line)


def build_report(values: dict, texts: dict[str, str], style: Style | None = None) -> bytes:
    """The report as a .docx: ``values`` every typed cell (totals are computed), ``texts`` by field."""
    style = style or Style()
    values = complete(values)
    document = Document()
    doc = document.add_table(1, 1).rows[0].cells[0] if style.framed else document
    for line in style.title:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraphs(doc, texts.get("preface", ""))

    def heading(section: int) -> None:
        if style.headings.get(section):
            doc.add_paragraph(_bracket(style.headings[section], style))

    heading(1)
    _paragraphs(doc, texts.get("overview", ""))
    for key, sub in style.subheadings.items():
        text = texts.get(key, "")
        if not text:
            continue
        sub = _bracket(sub, style)
        if style.inline:
            first, *rest = text.split("\n")
            doc.add_paragraph(f"{sub}。{first}")
            _paragraphs(doc, "\n".join(rest))
        else:
            doc.add_paragraph(sub)
            _paragraphs(doc, text)
    if style.picture:
        document.add_picture(io.BytesIO(TINY_PNG))
    for section, table, build in ((2, ACTIVE, _active), (3, REQUESTS, _requests), (4, APPEALS, _appeals)):
        heading(section)
        _paragraphs(doc, style.notes.get(table.key, ""))
        build(doc, values, style)
    heading(5)
    _paragraphs(doc, texts.get("problems", ""))
    heading(6)
    _paragraphs(doc, texts.get("other", ""))
    for line in style.signature:
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SEED_002 = Path(__file__).parents[1] / "data" / "annual_report_2024_seed002.txt"


def seed_002_texts() -> dict[str, str]:
    """Seed 002's text by section, as the published report words it (lines 8–12 are the inline
    subheadings ``(一)主动公开。…``, whose words after the heading are the section's text)."""
    lines = SEED_002.read_text(encoding="utf-8").splitlines()

    def after(number: int) -> str:
        return lines[number - 1].split("。", 1)[1]

    def between(first: int, last: int) -> str:
        return "\n".join(line for line in lines[first - 1 : last] if line.strip() and not line.startswith("\t"))

    return {
        "preface": lines[3],
        "overview": lines[6],
        "overview_active": after(8),
        "overview_requests": after(9),
        "overview_management": after(10),
        "overview_platform": after(11),
        "overview_supervision": after(12),
        "problems": between(409, 415),
        "other": between(418, 436),
    }


def seed_002_report(values: dict) -> bytes:
    """Seed 002 as its Word file: title over two lines, inline half-width subheadings (with its own
    (五)监督保障方面), the national tables merged as the template has them."""
    style = Style(
        title=("临淄区人民政府办公室2024年政府信息公开工作", "年度报告"),
        subheadings={
            "overview_active": "(一)主动公开",
            "overview_requests": "(二)依申请公开",
            "overview_management": "(三)政府信息管理",
            "overview_platform": "(四)政府信息公开平台建设",
            "overview_supervision": "(五)监督保障方面",
        },
        inline=True,
    )
    return build_report(values, seed_002_texts(), style)


def edit_part(data: bytes, old: bytes, new: bytes, *, part: str = "word/document.xml", count: int = 1) -> bytes:
    """The .docx with ``old`` replaced by ``new`` in one of its parts (as a hand edit or a crafted file)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                assert old in content, old
                content = content.replace(old, new, count)
            target.writestr(item, content)
    return out.getvalue()


def with_document(data: bytes, document: bytes) -> bytes:
    """The .docx with its whole body part replaced (a crafted file)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = document if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item.filename, content)
    return out.getvalue()
