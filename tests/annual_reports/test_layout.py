"""The national format is defined once, with every label exactly as in the real 2024 report (seed 002)."""

from decimal import Decimal
from pathlib import Path

from annual_reports.layout import (
    ACTIVE,
    APPEALS,
    REQUESTS,
    TABLES,
    cells,
    complete,
    decode,
    encode,
    sums,
    typed_keys,
)
from annual_reports.tables import table_data

SEED = (Path(__file__).resolve().parents[1] / "data" / "annual_report_2024_seed002.txt").read_text(encoding="utf-8")
SEED_LINES = {line.strip() for line in SEED.replace("重新\n出具", "重新出具").splitlines()}


def test_every_row_label_is_verbatim_from_seed_002():
    labels = [label for table in TABLES for row in table.rows for label in row.labels]
    assert labels
    assert [label for label in labels if label not in SEED_LINES] == []


def test_rows_and_columns_of_the_national_format():
    assert [row.labels[-1] for row in ACTIVE.rows] == [
        "规章",
        "行政规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
    ]
    assert len(REQUESTS.rows) == 25
    assert [c.label for c in REQUESTS.rows[0].columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    groups = [row.labels[1] for row in REQUESTS.rows if len(row.labels) == 3]
    assert [groups.count(g) for g in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")] == [
        8,
        3,
        5,
        3,
    ]
    assert len(APPEALS.rows[0].columns) == 15
    assert len(cells()) == 200
    assert len(typed_keys()) == 166


def test_totals_are_sums_of_typed_cells():
    assert sums()["new.total"] == tuple(
        f"new.{c}" for c in ("natural", "business", "research", "welfare", "legal", "other_org")
    )
    assert len(sums()["answered.natural"]) == 21
    assert len(sums()["answered.total"]) == 21 * 6
    assert sums()["cases.direct_total"] == (
        "cases.direct_upheld",
        "cases.direct_corrected",
        "cases.direct_other",
        "cases.direct_pending",
    )


def test_totals_stay_empty_until_every_part_is_entered(seed_values):
    values = complete({"new.natural": 12})
    assert values["new.total"] is None
    assert seed_values["new.total"] == 12
    assert seed_values["answered.total"] == 14
    assert seed_values["answered.natural"] == 14


def test_stored_form_round_trips_amounts_exactly(seed_values):
    typed = {key: seed_values[key] for key in typed_keys()}
    typed["fees.amount"] = Decimal("12.50")
    stored = encode(typed)
    assert stored["fees.amount"] == "12.50"
    assert stored["new.natural"] == 12
    assert decode(stored) == typed


def test_printed_table_merges_labels_like_the_national_format(seed_values):
    data = table_data(REQUESTS, seed_values)
    assert len(data.header_rows) == 3
    first_outcome = data.rows[2]
    assert (first_outcome[0].text, first_outcome[0].rowspan) == ("三、本年度办理结果", 22)
    refused = data.rows[4]
    assert (refused[0].text, refused[0].rowspan, refused[1].text) == ("（三）不予公开", 8, "1.属于国家秘密")
    assert data.rows[0][0].colspan == 3
    assert data.rows[0][1:] == [12, 0, 0, 0, 0, 0, 12]
