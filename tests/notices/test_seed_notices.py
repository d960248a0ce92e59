"""Acceptance: the 2024 Q4 and 2020 Q3 notices, keyed in from the office's published notices (seeds
000 and 001), come out with the same attachments in the same order and style, the same rows in the
same order, the same headers and note lines. Every page is also rendered to PNG
(``var/screenshots/notices/``) to look at the layout."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from core.pdf import render_document
from reports.notice_data import build_notice_data
from reports.pdf import official_document
from reports.services import notice_issue
from tests.notices.layout import cell_lines, pages_leaving_lines_empty
from tests.notices.seeds import world_2020q3, world_2024q4
from units.models import Unit
from units.selectors import UnitResolver

PNG_DIR = Path(settings.BASE_DIR) / "var" / "screenshots" / "notices"
ROW = re.compile(r"^(?!附件)([^—\s]\S*?[^\d\s)]) ?((?:\d+(?: \(\d+\))?|—)(?: (?:\d+(?: \(\d+\))?|—))*)$")


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def running_text(pages: list[str]) -> str:
    """The pages' text run together without white space and without the page numbers (— 1 —)."""
    return "".join(compact(re.sub(r"— \d+ —\s*$", "", text)) for text in pages)


def to_png(pdf: bytes, name: str) -> list[Path]:
    """Every page as a PNG (pdftoppm, 60 dpi), for a person to look at."""
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for old in PNG_DIR.glob(f"{name}-*.png"):
        old.unlink()
    source = PNG_DIR / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(source), str(PNG_DIR / name)], check=True)
    return sorted(PNG_DIR.glob(f"{name}-*.png"))


def attachment_pages(pages: list[str]) -> dict[int, list[str]]:
    """The pages of each attachment, by number (a page that starts ``附件N`` starts attachment N)."""
    found: dict[int, list[str]] = {}
    current = 0
    for text in pages:
        match = re.match(r"\s*附件\s*(\d+)\s", text)
        if match:
            current = int(match.group(1))
        if current:
            found.setdefault(current, []).append(text)
    return found


def stats_rows(pages: list[str]) -> dict[str, list[str]]:
    """序号 单位 counts… points: the rows of a statistics table, by unit."""
    found = {}
    for text in pages:
        for line in text.splitlines():
            match = re.match(
                r"^(\d+) (\S+?) ?((?:\d+(?:\.\d+)?|未录入|—)(?: (?:\d+(?:\.\d+)?|未录入|—))*)$", line.strip()
            )
            if match:
                found[match.group(2)] = [match.group(1), *match.group(3).split()]
    return found


def table_rows(pages: list[str]) -> list[tuple[str, list[str]]]:
    rows = []
    for text in pages:
        for line in text.splitlines():
            match = ROW.match(line.strip())
            if match:
                rows.append((match.group(1), re.findall(r"\d+(?: \(\d+\))?|—", match.group(2))))
    return rows


def assert_laid_out_well(notice) -> None:
    """No page (but the last of a part) ends with three empty lines; no unit name in a table leaves
    a character alone on a line."""
    document = render_document(official_document(build_notice_data(notice)), marks=True)
    assert pages_leaving_lines_empty(document) == []
    names = set(Unit.objects.values_list("name", flat=True))
    printed = cell_lines(document, names)
    assert printed
    assert [name for name, lines in printed.items() if any(len(line) == 1 for line in lines)] == []


@pytest.fixture
def notice_2024(real_units, staff):
    return world_2024q4(staff)


@pytest.fixture
def notice_2020(real_units, staff, xlsx_file):
    return world_2020q3(staff, xlsx_file)


def test_2024q4_notice_as_seed_000(notice_2024, staff):
    seed, notice = notice_2024
    issued = notice_issue(notice=notice, acting_user=staff)
    pages = page_texts(bytes(issued.pdf))
    assert len(to_png(bytes(issued.pdf), "2024q4")) == len(pages)
    resolver = UnitResolver.from_db()
    whole = running_text(pages)

    # The main text: the published paragraphs, the attachment list and the signature.
    for paragraph in seed.paragraphs:
        assert compact(paragraph) in whole, paragraph
    assert "附件：1.政务公开工作检查情况2.各单位政务公开工作投稿情况临淄区人民政府办公室2025年1月10日" in whole
    # 附件1 检查情况 then 附件2 投稿情况, as the office printed them.
    attachments = attachment_pages(pages)
    assert sorted(attachments) == [1, 2]
    assert [compact(attachments[n][0]).split("附件")[1][1:] for n in (1, 2)] != []
    for number, title in enumerate(seed.attachment_titles, start=1):
        assert compact(attachments[number][0]).startswith(f"附件{number}{title}")
    # 检查情况: the same units in the same order, with the same text.
    findings = compact("".join(attachments[1]))
    positions = [findings.index(resolver.resolve(unit).name) for unit, _ in seed.findings]
    assert positions == sorted(positions)
    for unit, text in seed.findings:
        assert compact(f"{resolver.resolve(unit).name}{text}") in findings, unit
    # 投稿情况: every unit in the official order, the same cells (``1 (1)``), header and note.
    rows = table_rows(attachments[2])
    assert rows == [(resolver.resolve(unit).name, cells) for unit, cells in seed.submissions]
    for page in attachments[2]:
        assert compact(page).startswith(
            ("附件2各单位政务公开工作投稿情况单位投稿件数10月11月12月", "单位投稿件数10月11月12月")
        )
    assert compact(seed.notes[0]) in compact(attachments[2][-1])
    # Issued: no 草稿 mark; the 版记 at the foot of the last page.
    assert "草稿" not in whole
    assert compact(pages[-1]).endswith(f"临淄区人民政府办公室2025年1月10日印发—{len(pages)}—")
    assert_laid_out_well(notice)


def test_2020q3_notice_as_seed_001(notice_2020, staff):
    seed, notice = notice_2020
    issued = notice_issue(notice=notice, acting_user=staff)
    pages = page_texts(bytes(issued.pdf))
    assert len(to_png(bytes(issued.pdf), "2020q3")) == len(pages)
    resolver = UnitResolver.from_db()
    whole = running_text(pages)

    # Four paragraphs without section headings, as published.
    for paragraph in seed.paragraphs:
        assert compact(paragraph) in whole, paragraph
    assert "一、总体情况" not in whole
    listed = "".join(f"{n}.{t}" for n, t in enumerate(seed.attachment_titles, start=1))
    assert f"附件：{listed}临淄区人民政府办公室2020年10月14日" in whole
    attachments = attachment_pages(pages)
    assert sorted(attachments) == [1, 2, 3, 4]
    for number, title in enumerate(seed.attachment_titles, start=1):
        assert compact(attachments[number][0]).startswith(f"附件{number}{title}")

    # 附件1 and 2: the statistics tables, their 加分 column empty, with the note that says why.
    note = "注：稿件被市级、省级采用的加分（见附件3）计入年终考核，不计入季度合计，故本表“加分”栏为空。"
    for number in (1, 2):
        assert compact(attachments[number][0]).startswith(
            f"附件{number}{seed.attachment_titles[number - 1]}序号单位政府网站信息公开发布情况加分减分合计数量累计得分7月8月9月"
        )
        assert compact(note) in compact(attachments[number][-1])
    stats = stats_rows(attachments[1] + attachments[2])
    # Published: 区商务局 12 / 1 / 11 items → 10.5 − 7 = 3.5; 皇城镇 6 / 35 / 0 → 8 − 5 = 3 (no 加分).
    assert stats["区商务局"][1:] == ["12", "1", "11", "10.5", "7", "3.5"]
    assert stats["皇城镇"][1:] == ["6", "35", "0", "8", "5", "3"]

    # 附件3, the 2020 style: only units that sent articles, only August and September (the months
    # of the requirement), ordered by bonus then by articles (ties in the official order).
    missing: dict[str, set[int]] = {}
    for sentence in seed.sentences:
        name, rest = compact(sentence).split("：", 1)
        months = re.search(r"([\d、]+)月份未投稿", rest)
        if months:
            missing[resolver.resolve(name).name] = {int(m) for m in months.group(1).split("、")}
    units = Unit.objects.filter(is_assessed=True, submission_exempt=False).exclude(name="区文物局")
    sent = {u.name: 2 - len(missing.get(u.name, set())) for u in units.order_by("category", "sort_order")}
    expected = [name for name, n in sent.items() if n == 2] + [name for name, n in sent.items() if n == 1]
    rows = table_rows(attachments[3])
    assert [name for name, _ in rows] == expected
    assert all(len(cells) == 2 for _, cells in rows)
    assert compact(attachments[3][0]).startswith(
        "附件3各单位政务公开工作第三季度投稿情况单位投稿件数市级采用省级采用加分8月9月"
    )
    assert "注：表中只列8、9月份有投稿的单位" in compact(attachments[3][-1])

    # 附件4: the 54 sentences; the departments in the published order, the towns (first) all there.
    sentences = running_text(attachments[4]).removeprefix(f"附件4{seed.attachment_titles[3]}")
    ours = [resolver.resolve(s.split("：")[0]).name for s in re.findall(r"[^。：]+：[^：]*?共减[\d.]+分。", sentences)]
    published = [resolver.resolve(compact(s).split("：")[0]).name for s in seed.sentences]
    assert len(ours) == 54
    towns = {u.name for u in Unit.objects.filter(category="镇街")}
    assert [n for n in ours if n not in towns] == [n for n in published if n not in towns]
    assert set(ours) == set(published)
    assert ours[: len(towns & set(ours))] == [n for n in ours if n in towns]
    assert "草稿" not in whole
    assert_laid_out_well(notice)
