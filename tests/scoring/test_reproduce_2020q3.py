"""The office's published 2020 Q3 figures, imported through the three commands, come out again.

``tests/data/2020q3_deduction_sentences.txt`` holds the 54 sentences of 附件4 of the notice of
14 Oct 2020 verbatim (seed 001). From them we build the three import files exactly as a clerk
would key them in (inspection items as deductions; months without a submission as zero
articles), import them, and check that every sentence, every total and every published
publication example comes back.
"""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from scoring.engine import DeductionItem
from scoring.sentences import deduction_sentence
from units.models import Unit
from units.selectors import UnitResolver

SENTENCES = Path(__file__).resolve().parent.parent / "data" / "2020q3_deduction_sentences.txt"
PUBLISHED_COUNTS = {"区商务局": (12, 1, 11), "区供销社": (6, 4, 7), "皇城镇": (6, 35, 0), "凤凰镇": (12, 9, 13)}
PUBLISHED_TOTALS = {"区商务局": 3.5, "皇城镇": 3, "区供销社": 1.5, "凤凰镇": 12.5}


def parse_sentence(line: str) -> tuple[str, list[tuple[str, Decimal]], Decimal]:
    """Split one published sentence into unit, items and total, tolerating its typography."""
    text = re.sub(r"\s+", "", line).replace(",", "，")
    name, rest = text.split("：", 1)
    rest = rest.rstrip("。")
    body, total = re.fullmatch(r"(.*?)[，；]?共减([\d.]+)分", rest).groups()
    parts = [p for p in re.split(r"[；。]", body) if p]
    items = []
    for part in parts:
        match = re.fullmatch(r"(.*)，减([\d.]+)分", part)
        items.append((match.group(1), Decimal(match.group(2))) if match else (part, Decimal(total)))
    return name, items, Decimal(total)


def published() -> dict[str, tuple[list[tuple[str, Decimal]], Decimal, str]]:
    resolver = UnitResolver.from_db()
    result = {}
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        name, items, total = parse_sentence(line)
        result[resolver.resolve(name).name] = (items, total, re.sub(r"\s+", "", line))
    return result


@pytest.fixture
def imported_2020q3(real_units, xlsx_file):
    expected = published()
    assert len(expected) == 54
    deduction_rows = [["单位", "事项", "减分"]]
    missing_months: dict[str, set[int]] = {}
    for unit, (items, _, _) in expected.items():
        for reason, points in items:
            months = re.fullmatch(r"([\d、]+)月份未投稿", reason)
            if months:
                missing_months[unit] = {int(m) for m in months.group(1).split("、")}
            else:
                deduction_rows.append([unit, reason, float(points)])
    article_rows = [["单位", "月份", "投稿件数", "不合格件数", "市级采用", "省级采用"]]
    publication_rows = [["单位", "7月", "8月", "9月"]]
    for unit in Unit.objects.filter(is_assessed=True).exclude(name="区文物局").order_by("sort_order"):
        for month in (7, 8, 9):
            # Nobody had to submit in July (the call went out on 10 August 2020).
            sent = 0 if month == 7 or month in missing_months.get(unit.name, ()) else 1
            article_rows.append([unit.name, month, sent, 0, 0, 0])
        publication_rows.append([unit.name, *PUBLISHED_COUNTS.get(unit.name, (5, 5, 5))])
    call_command("import_publications", str(xlsx_file(publication_rows, "p.xlsx")), "--year", "2020")
    call_command("import_articles", str(xlsx_file(article_rows, "a.xlsx")), "--year", "2020")
    call_command("import_deductions", str(xlsx_file(deduction_rows, "d.xlsx")), "--year", "2020", "--quarter", "3")
    return expected


def scores(capsys) -> list[dict]:
    capsys.readouterr()
    call_command("quarter_scores", "--year", "2020", "--quarter", "3", "--json")
    return json.loads(capsys.readouterr().out)


def test_every_deduction_sentence_is_reproduced(imported_2020q3, capsys):
    rows = {row["unit"]: row for row in scores(capsys)}
    with_deductions = {name for name, row in rows.items() if row["deduction_items"]}

    assert with_deductions == set(imported_2020q3)
    for unit, (items, total, _) in imported_2020q3.items():
        row = rows[unit]
        assert [(i["reason"], Decimal(str(i["points"]))) for i in row["deduction_items"]] == items, unit
        assert Decimal(str(row["deduction"])) == total, unit


def test_sentences_read_as_published(imported_2020q3, capsys):
    rows = {row["unit"]: row for row in scores(capsys)}
    differ = []
    for unit, (_, _, original) in imported_2020q3.items():
        items = [DeductionItem(i["reason"], Decimal(str(i["points"]))) for i in rows[unit]["deduction_items"]]
        ours = deduction_sentence(original.split("：")[0], items)
        if ours != original.replace(",", "，"):
            differ.append(original.split("：")[0])
    # Every sentence in the office’s standard form comes out character for character; the two
    # that differ are typographic slips of the original: 区住建局 has “。” between items and
    # 区公路事业服务中心 “；” before 共减.
    assert differ == ["区住建局", "区公路事业服务中心"]


def test_published_totals_and_publication_scores(imported_2020q3, capsys):
    rows = {row["unit"]: row for row in scores(capsys)}

    for unit, total in PUBLISHED_TOTALS.items():
        assert rows[unit]["total"] == total, unit
    assert rows["区商务局"]["publication_score"] == 10.5
    assert rows["区商务局"]["deduction"] == 7
    assert rows["皇城镇"]["publication_score"] == 8
    assert rows["区政府办公室"]["deduction_items"] == []
    assert "区文物局" not in rows
    assert len(rows) == 67
