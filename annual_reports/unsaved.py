"""What a report page holds that the stored report does not: every figure and text typed (posted
with a button) that differs from the report as it is now. A save refused as a whole (the report was
submitted, returned, finalised or saved by somebody else meanwhile) shows them beside the stored
values, so nothing typed is lost; a button that leaves the page (upload, 由登记簿生成) is refused
while there are any."""

from __future__ import annotations

from dataclasses import dataclass

from .checks import number_text, parse_cell
from .layout import TEXT_SECTIONS, cells

TEXT_NAMES = {"title": "标题", **dict(TEXT_SECTIONS)}
EMPTY = "未填"


@dataclass(frozen=True)
class Unsaved:
    """One field typed on the page that differs from the stored report."""

    name: str
    typed: str
    now: str
    text: bool = False
    """A text section (shown as paragraphs) rather than a figure."""


def _text(value: str | None) -> str:
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _figure_differs(key: str, raw: str, stored) -> bool:
    value, problem = parse_cell(key, raw)
    return problem is not None or value != stored


def unsaved_fields(
    raw: dict[str, str], texts: dict[str, str], values: dict, stored_texts: dict[str, str]
) -> list[Unsaved]:
    """The cells in ``raw`` (as typed) and the texts in ``texts`` (title included) that differ from
    the stored ``values`` and ``stored_texts``, in the order of the page: figures, then texts."""
    found = []
    for key, spec in cells().items():
        if key in raw and _figure_differs(key, raw[key], values.get(key)):
            stored = values.get(key)
            found.append(
                Unsaved(spec.name, raw[key].strip() or EMPTY, EMPTY if stored is None else number_text(stored))
            )
    for key, name in TEXT_NAMES.items():
        if key in texts and _text(texts[key]) != _text(stored_texts.get(key)):
            found.append(Unsaved(name, _text(texts[key]) or EMPTY, _text(stored_texts.get(key)) or EMPTY, text=True))
    return found
