"""Parsing of what the month grid posts: one row per unit, its cells and the state it was loaded with."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from core.bounds import MAX_COUNT
from core.calendar import Month

from ..services.grid import GridRowInput
from .selectors import GRID_FIELDS, GridValues

# Short input names keep a 2,000-unit page small: u<unit id>-<column>.
GRID_COLUMNS = {
    "publications": "pub",
    "submitted": "sub",
    "non_compliant": "nc",
    "city_adopted": "city",
    "province_adopted": "prov",
}


def cell_name(unit_id: int, field_name: str, prefix: str = "") -> str:
    """The input of one figure; the quarter page puts its month in front (``m10-u5-pub``)."""
    return f"{prefix}u{unit_id}-{GRID_COLUMNS[field_name]}"


def version_name(unit_id: int, prefix: str = "") -> str:
    return f"{prefix}u{unit_id}-v"


def month_prefix(month: Month) -> str:
    """What the quarter page puts in front of the names of one month's inputs."""
    return f"m{month.month}-"


def encode_row_state(loaded_publication: str, loaded_tally: str, original: GridValues) -> str:
    """What a row was loaded with, carried in one hidden field: ``<pub ver>:<tally ver>:<5 figures>``."""
    figures = ",".join("" if v is None else str(v) for v in original.as_dict().values())
    return f"{loaded_publication}:{loaded_tally}:{figures}"


def decode_row_state(text: str) -> tuple[str, str, GridValues] | None:
    parts = text.split(":")
    if len(parts) != 3:
        return None
    pub, tally, figures = parts
    values = figures.split(",")
    if len(values) != len(GRID_FIELDS) or not all(re.fullmatch(r"\d*", v) for v in (pub, tally, *values)):
        return None
    return pub, tally, GridValues(**{n: (int(v) if v else None) for n, v in zip(GRID_FIELDS, values, strict=True)})


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")


def parse_cell(text: str) -> tuple[int | None, str | None]:
    """A cell's text as a whole number ≥ 0; empty is ``None``. Full-width digits and thousands
    separators (``1,234``, ``１，２３４``) are accepted, as Excel and WPS copy them."""
    clean = unicodedata.normalize("NFKC", text).strip()
    if _THOUSANDS.fullmatch(clean):
        clean = clean.replace(",", "")
    if clean == "":
        return None, None
    try:
        number = Decimal(clean)
    except InvalidOperation:
        return None, f"“{text.strip()}”不是数字"
    if not number.is_finite():
        return None, f"“{text.strip()}”不是数字"
    if number < 0:
        return None, "不能为负数"
    if number != number.to_integral_value():
        return None, "应为整数"
    if number > MAX_COUNT:
        return None, f"数值过大（不能超过{MAX_COUNT}）"
    return int(number), None


@dataclass
class ParsedRow:
    unit_id: int
    typed: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    state: tuple[str, str, GridValues] | None = None
    row_input: GridRowInput | None = None


def posted_unit_ids(data, prefix: str = "") -> list[int]:
    """Every unit the submitted page had a row for, in page order."""
    state_name = re.compile(rf"^{re.escape(prefix)}u(\d+)-v$")
    return [int(m.group(1)) for key in data if (m := state_name.match(key))]


def parse_grid_post(data, unit_ids: list[int], prefix: str = "") -> list[ParsedRow]:
    """The rows of a grid POST, one per unit whose state field was submitted.

    A cell absent from the POST (e.g. a total kept read-only because the month has a register, or
    every total on the quarter page) keeps the figure the row was loaded with, and the service is
    told it was not submitted: a save never writes it.
    """
    parsed = []
    for unit_id in unit_ids:
        state_text = data.get(version_name(unit_id, prefix))
        if state_text is None:
            continue
        row = ParsedRow(unit_id=unit_id, typed={})
        row.state = decode_row_state(state_text)
        if row.state is None:
            row.errors[""] = ["该行的版本信息无效，请重新打开本页后再填写"]
        original = row.state[2] if row.state else GridValues()
        values = {}
        for name in GRID_FIELDS:
            key = cell_name(unit_id, name, prefix)
            if key not in data:
                values[name] = getattr(original, name)
                continue
            text = data.get(key, "")
            row.typed[name] = text
            number, error = parse_cell(text)
            if error:
                row.errors.setdefault(name, []).append(error)
            values[name] = number
        if not row.errors and row.state:
            pub, tally, original = row.state
            row.row_input = GridRowInput(
                unit_id=unit_id,
                loaded_publication=pub,
                loaded_tally=tally,
                original=original,
                values=GridValues(**values),
                posted=frozenset(row.typed),
            )
        parsed.append(row)
    return parsed
