"""A unit's whole report read from its Word document: the title, the prose of every section and the
three tables, with what the reader decided said in plain sentences (blanks, ``/`` read as 0,
pictures not imported, the signature left out). Anything it cannot read right refuses the whole
file (:class:`~core.imports.ImportRejected`): a title of another year, a table it cannot map, an old
national format.

Parsing only; the report's checks and the write are the import service's
(:mod:`annual_reports.services.word_import`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.imports import ImportRejected, file_error
from core.imports.word import WordDocument, WordParagraph, WordTable

from .fuzzy import comparisons
from .layout import MAX_TEXT, TEXT_FIELDS, TEXT_SECTIONS, Value, cells
from .word_prose import TOP_NAMES, read_prose, title_year
from .word_tables import forced_zeros, read_tables

PERIOD = re.compile(r"(?:自|从|为)\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
LISTED = 5


@dataclass
class WordReport:
    title: str
    texts: dict[str, str]
    values: dict[str, Value | None]
    """Typed cells and the totals the document gives (blanks are ``None``)."""
    notices: list[str] = field(default_factory=list)
    blanks: list[str] = field(default_factory=list)
    """Typed cells left blank that no total decides (imported as 未录入)."""


def _names(keys: list[str]) -> str:
    shown = "、".join(cells()[k].name for k in keys[:LISTED])
    return shown + (f"等{len(keys)}格" if len(keys) > LISTED else "")


def _table_lines(table: WordTable) -> list[str]:
    lines = []
    for row in table.rows:
        texts = [c.text.replace("\n", "").strip() for c in row if not c.continued]
        line = "　".join(t for t in texts if t)
        if line:
            lines.append(line)
    return lines


def _blocks(document: WordDocument, as_text: set[int]) -> list[tuple[str, str | int]]:
    blocks: list[tuple[str, str | int]] = []
    for block in document.blocks:
        if isinstance(block, WordParagraph):
            blocks.append(("p", block.text))
        elif block.number in as_text:
            blocks.extend(("t", line) for line in _table_lines(block))
        else:
            blocks.append(("table", block.number))
    return blocks


def _check_year(title: str, preface: str, year: int) -> None:
    written = title_year(title) if title else None
    where = f"标题“{title}”"
    if written is None:
        match = PERIOD.search(preface)
        written, where = (int(match.group(1)), "报告说明中的统计期限") if match else (None, "")
    if written is not None and written != year:
        raise ImportRejected(
            [
                file_error(
                    f"{where}是{written}年度的报告，与要导入的{year}年度不符，未导入。请选择{written}年度或换用{year}年度的报告。"
                )
            ]
        )


def _notices(document: WordDocument, prose, reading, zeros: list[str], blanks: list[str]) -> list[str]:
    notices = []
    if not prose.title:
        notices.append("没有找到报告标题（开头含“报告”二字的一行），沿用现有标题。")
    missing = [TOP_NAMES[s][0] for s in range(1, 7) if s not in prose.headings and s not in (2, 3, 4)]
    if missing:
        notices.append("没有找到以下部分的标题：" + "、".join(missing) + "。请在预览中核对文字是否放在了正确的部分。")
    if reading.dashes:
        notices.append(f"表格中写“/”或“—”（表示没有）的{len(reading.dashes)}格按0导入：{_names(reading.dashes)}。")
    typed_zeros = [k for k in zeros if not cells()[k].computed]
    if typed_zeros:
        notices.append(f"表格中{len(typed_zeros)}个空格按0导入（所在行或列的总计表明它们为0）：{_names(typed_zeros)}。")
    if blanks:
        notices.append(f"表格中{len(blanks)}格为空，按未录入导入，提交前须在网页上补填：{_names(blanks)}。")
    if document.pictures:
        notices.append(f"文档中的{document.pictures}张图片不导入（报告中只保留文字和表格）。")
    if prose.left_out:
        notices.append("文末的落款和日期不作为正文导入：" + "　".join(prose.left_out) + "。")
    return notices


def parse_word_report(document: WordDocument, year: int) -> WordReport:
    """The report in ``document`` for ``year`` (see the module's description)."""
    with comparisons():
        return _parse(document, year)


def _parse(document: WordDocument, year: int) -> WordReport:
    prose, sections = read_prose(_blocks(document, set()))
    tables = [b for b in document.blocks if isinstance(b, WordTable)]
    between = {2, 3, 4} & set(prose.headings)
    candidates = [t for t in tables if not between or sections.get(t.number) in (2, 3, 4)]
    _check_year(prose.title, prose.text("preface"), year)
    reading = read_tables(candidates)
    if reading.errors and len(candidates) < len(tables):
        everywhere = read_tables(tables)  # a table whose heading is inside it, not above it
        reading = everywhere if not everywhere.errors else reading
    if reading.errors:
        raise ImportRejected([file_error(e) for e in reading.errors])
    as_text = {t.number for t in tables} - reading.report_tables
    if as_text:
        prose, _ = read_prose(_blocks(document, as_text))
    zeros = forced_zeros(reading.values)
    blanks = [k for k in reading.blanks if reading.values.get(k) is None]
    texts = {key: prose.text(key) for key in TEXT_FIELDS}
    long = [label for key, label in TEXT_SECTIONS if len(texts[key]) > MAX_TEXT]
    if long:
        raise ImportRejected([file_error(f"“{label}”超过{MAX_TEXT}字，请删减后再导入。") for label in long])
    return WordReport(
        title=prose.title,
        texts=texts,
        values=reading.values,
        notices=_notices(document, prose, reading, zeros, blanks),
        blanks=blanks,
    )
