"""Tables as data, shared by the PDF engine and the XLSX writer: header cells that merge like
HTML's ``colspan``/``rowspan``, and body rows of printable values (text, whole numbers, Decimals,
``None`` for an empty cell)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Union

Align = Literal["left", "center", "right"]
ALIGNS: tuple[str, ...] = ("left", "center", "right")


@dataclass(frozen=True)
class Cell:
    """A table cell; ``colspan``/``rowspan`` merge cells as in HTML."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    align: Align = "center"

    def __post_init__(self) -> None:
        if self.colspan < 1 or self.rowspan < 1:
            raise ValueError("colspan and rowspan must be >= 1")
        if self.align not in ALIGNS:
            raise ValueError(f"unknown align {self.align!r} (expected one of {ALIGNS})")


CellValue = Union[Cell, str, int, float, Decimal, None]  # noqa: UP007 (runtime alias)


@dataclass
class TableData:
    """What a table says, before any layout: its header rows, body rows and note."""

    header_rows: list[list[Cell]]
    rows: list[list[CellValue]]
    note: str = ""
    text_columns: set[int] = field(default_factory=set)
    """0-based columns of text aligned left (unit names, sentences)."""
