"""The annual report's table 三 as printed, checked on the rendered pages: the first item of a group
（1.属于国家秘密）reads on one line (it used to be wrapped to the width of the group's column); where
the table runs on to the next page, the labels of the groups it continues (三、本年度办理结果,
（六）其他处理) are printed again there and the rule of the label column runs down the page (it used
to stop, leaving the rows without their group); the label columns are as wide as their text needs."""

import subprocess
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from annual_reports.content import ReportContent
from annual_reports.layout import TEXT_FIELDS, complete
from annual_reports.pdf import report_pdf

from .seed import seed_2024

DPI = 100
MM = DPI / 25.4


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    texts = dict.fromkeys(TEXT_FIELDS, "")
    # Three paragraphs of overview: table 三 starts on page 2 and runs on to page 3.
    texts["overview"] = "\n".join(["本年度，区政府办公室认真贯彻落实《中华人民共和国政府信息公开条例》。"] * 3)
    content = ReportContent(
        title="临淄区人民政府办公室2024年政府信息公开工作年度报告",
        organ="临淄区人民政府办公室",
        year=2024,
        values=complete(seed_2024()),
        texts=texts,
    )
    path = tmp_path_factory.mktemp("annual_pdf") / "report.pdf"
    path.write_bytes(report_pdf(content))
    return path


def page_lines(path) -> list[list[str]]:
    return [[line.replace(" ", "") for line in p.extract_text().split("\n")] for p in PdfReader(path).pages]


def table_pages(path) -> tuple[int, int]:
    """The page where table 三 starts and the page it runs on to (0-based)."""
    pages = ["".join(lines) for lines in page_lines(path)]
    start = next(i for i, text in enumerate(pages) if "一、本年新收政府信息公开申请数量" in text)
    return start, next(i for i, text in enumerate(pages) if "（七）总计" in text)


@dataclass
class Gray:
    width: int
    height: int
    data: bytes

    def dark(self, x: int, y: int) -> bool:
        return self.data[y * self.width + x] < 128


def page_image(path, index: int, tmp_path) -> Gray:
    """Page ``index`` rendered by pdftoppm as a gray image (PGM)."""
    out = tmp_path / "page"
    number = str(index + 1)
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", number, "-l", number, path, out], check=True)
    raw = next(tmp_path.glob("page*.pgm")).read_bytes()
    magic, width, height, _maximum, data = raw.split(maxsplit=4)
    assert magic == b"P5"
    return Gray(int(width), int(height), data)


def vertical_rules(image: Gray, min_mm: float) -> list[tuple[int, int]]:
    """``(x, length in px)`` of every vertical rule at least ``min_mm`` long, left to right (a rule
    a pixel or two wide counts once)."""
    rules = []
    for x in range(image.width):
        longest = run = 0
        for y in range(image.height):
            run = run + 1 if image.dark(x, y) else 0
            longest = max(longest, run)
        if longest >= min_mm * MM and not (rules and x - rules[-1][0] <= 2):
            rules.append((x, longest))
    return rules


def test_the_first_item_of_a_group_reads_on_one_line(pdf):
    start, _ = table_pages(pdf)
    lines = page_lines(pdf)[start]

    for item in ("1.属于国家秘密", "1.信访举报投诉类申请"):
        assert any(item in line for line in lines), item
    assert "1.属" not in lines  # as the old layout broke it: 1.属 / 于国家 / 秘密


def test_the_groups_continued_on_the_next_page_keep_their_labels(pdf):
    start, continued = table_pages(pdf)
    assert continued == start + 1

    text = "".join(page_lines(pdf)[continued])
    assert "三、本年度办理结果" in text  # the outermost group's label, printed again
    assert "（六）其他处理" in text
    assert text.count("申请人情况") == 1  # the header rows, once at the top


def test_the_label_columns_rules_run_down_the_continued_page(pdf, tmp_path):
    _, continued = table_pages(pdf)

    rules = vertical_rules(page_image(pdf, continued, tmp_path), min_mm=15)

    # The table's left edge, then the rule closing 三、本年度办理结果 (12 mm on), then the rule
    # closing the group labels (20 mm further): without the repeated label there was no rule there.
    (left, _), (first, length), (second, _) = rules[:3]
    assert abs((first - left) / MM - 12) < 1
    assert abs((second - first) / MM - 20) < 1
    assert length / MM > 30  # down the rows of （六） and （七）
