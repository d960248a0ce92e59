"""Plain description of an official document (公文), independent of any Django model.

Build an :class:`OfficialDocument` from whatever data you have and pass it to
:func:`core.pdf.render_pdf`.  All classes are frozen dataclasses; lists given to them
are kept as given (do not mutate them afterwards).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Union

from core.tabular import Align, Cell, CellValue, TableData

ParagraphKind = Literal["body", "h1", "h2", "h3"]
PARAGRAPH_KINDS: tuple[str, ...] = ("body", "h1", "h2", "h3")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text.

    kind: ``"body"`` 正文 (3号仿宋, first line indented 2 characters), ``"h1"`` 一、 heading (黑体),
    ``"h2"`` （一） heading (楷体), ``"h3"`` 1. heading (仿宋).  A ``"\\n"`` in ``text`` is a
    forced line break.
    """

    text: str
    kind: ParagraphKind = "body"

    def __post_init__(self) -> None:
        if self.kind not in PARAGRAPH_KINDS:
            raise ValueError(f"unknown paragraph kind {self.kind!r} (expected one of {PARAGRAPH_KINDS})")


@dataclass(frozen=True)
class Table:
    """A ruled table.

    ``header_rows`` are repeated at the top of every page the table runs over; body rows are never
    split across pages.  Plain values in ``rows`` become centred cells (numbers are printed without
    trailing zeros: 10.5, 8, 3.5).  ``col_widths_mm`` (optional) gives each column's width; the
    table always spans the text block.  ``col_align`` (optional) sets the alignment of plain values
    per column.  ``note`` is printed under the table (e.g. ``注：表中数字为当月投稿件数…``).
    ``label_columns``: the leading columns whose cells label groups of rows (merged over them, as
    ``三、本年度办理结果``); when the table runs on to another page, each group label that continues
    there is printed again at the top of that page, with its rules (``core.pdf.continued``).
    ``continued``: this table continues the one before it and starts on a new page (set by the
    layout, not by callers).
    """

    header_rows: list[list[Cell]]
    rows: list[list[CellValue]]
    col_widths_mm: list[float] | None = None
    note: str = ""
    col_align: list[Align] | None = None
    label_columns: int = 0
    continued: bool = False

    @classmethod
    def of_data(cls, data: TableData, col_widths_mm: list[float], *, label_columns: int = 0) -> Table:
        """A ruled table showing ``data``; its text columns aligned left."""
        align: list[Align] = ["left" if i in data.text_columns else "center" for i in range(len(col_widths_mm))]
        return cls(
            data.header_rows,
            data.rows,
            col_widths_mm=col_widths_mm,
            note=data.note,
            col_align=align,
            label_columns=label_columns,
        )


@dataclass(frozen=True)
class Landscape:
    """Blocks on pages of their own turned to landscape (a wide table with its heading); the text
    after them continues on a new portrait page."""

    blocks: list[Paragraph | Table]


Block = Union[Paragraph, Table, Landscape]  # noqa: UP007 (runtime alias)


@dataclass(frozen=True)
class Attachment:
    """An attachment (附件): starts on a new page with ``附件N`` and its centred title."""

    number: int
    title: str
    blocks: list[Block]
    landscape: bool = False


@dataclass(frozen=True)
class Imprint:
    """版记 (GB/T 9704-2012 7.4): 抄送机关 (optional), 印发机关 and 印发日期, each on its own line
    between rules (the first and the last thick, those between thin), at the foot of the last page."""

    printer: str
    printed_on: datetime.date
    cc: str = ""


@dataclass(frozen=True)
class OfficialDocument:
    """A document laid out per GB/T 9704-2012.

    issuer: 发文机关 (PDF author; printed as 发文机关标志 in red above the title when ``doc_number``
    is set).  title: 标题 (``"\\n"`` forces a break).  addressee: 主送机关, printed as given
    (end it with ``：``).  attachment_titles: the 附件说明 after the body; when empty, the titles of
    ``attachments`` are used.  signature: 发文机关署名.  date: 成文日期 (printed ``2025年1月10日``).
    doc_number: 发文字号 such as ``临政办字〔2022〕16号`` (optional).  imprint: the 版记 at the foot of the
    last page (optional).  watermark: a mark across every page, e.g. ``草稿`` for a draft (never on an
    issued document).
    """

    issuer: str
    title: str
    addressee: str
    body: list[Block]
    attachment_titles: list[str]
    signature: str
    date: datetime.date
    doc_number: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    imprint: Imprint | None = None
    watermark: str = ""


def format_number(value: int | float | Decimal) -> str:
    """Numbers as printed in the office's tables: ``10.5``, ``8``, ``-0.5`` (no trailing zeros)."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    dec = Decimal(str(round(value, 4))) if isinstance(value, float) else Decimal(value)
    if dec == dec.to_integral_value():
        return str(int(dec))
    text = format(dec.normalize(), "f")
    return "0" if text in ("-0", "0") else text
