"""The GB/T 9704-2012 PDF engine: render a small notice and read it back with pypdf."""

import datetime
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.pdf import (
    Attachment,
    Cell,
    OfficialDocument,
    Paragraph,
    Table,
    build_html,
    format_date,
    format_number,
    render_pdf,
)
from core.pdf.render import CHAR_MM

pytestmark = pytest.mark.usefixtures("pdf_fonts")

A4 = (595.28, 841.89)  # pt
MM = 72 / 25.4  # pt per mm
CHAR_PT = CHAR_MM * MM  # pitch of a body character: 156 mm / 28
UNITS = [f"区测试{i:02d}号事务服务中心" for i in range(1, 61)]
TITLE_LINES = ("临淄区人民政府办公室关于2020年第三季度", "政务公开工作情况的通报")


def stats_table() -> Table:
    header = [
        [
            Cell("序号", rowspan=2),
            Cell("单位", rowspan=2),
            Cell("政府网站信息公开发布情况", colspan=4),
            Cell("加分", rowspan=2),
            Cell("减分", rowspan=2),
            Cell("合计", rowspan=2),
        ],
        [Cell("7月"), Cell("8月"), Cell("9月"), Cell("累计得分")],
    ]
    rows = [[i, Cell(name, align="left"), 12, 1, 11, 10.5, None, 7, 3.5] for i, name in enumerate(UNITS, 1)]
    return Table(
        header_rows=header,
        rows=rows,
        col_widths_mm=[12, 70, 20, 20, 20, 25, 18, 18, 22],
        note="注：表中数字为当月发布条数。",
    )


def notice() -> OfficialDocument:
    return OfficialDocument(
        issuer="临淄区人民政府办公室",
        title="\n".join(TITLE_LINES),
        addressee="各镇人民政府、街道办事处，各开发区管委会，区政府各部门，有关企事业单位：",
        body=[
            Paragraph("根据工作安排，现将各部门第三季度政务公开工作开展情况予以通报。<b>&amp;</b>"),
            Paragraph("一、总体情况", "h1"),
            Paragraph("（一）网站发布", "h2"),
            Paragraph("1.发布数量", "h3"),
            Paragraph("区商务局12条、1条、11条，累计得分10.5分。" * 4),
        ],
        attachment_titles=["各单位第三季度政务公开工作减分情况", "各部门第三季度政务公开工作情况统计"],
        signature="临淄区人民政府办公室",
        date=datetime.date(2020, 10, 4),
        attachments=[
            Attachment(
                1,
                "各单位第三季度政务公开工作减分情况",
                [
                    Paragraph("区商务局：公开事项标准目录未上传，减5分；8、9月份未投稿，减2分，共减7分。"),
                ],
            ),
            Attachment(2, "各部门第三季度政务公开工作情况统计", [stats_table()], landscape=True),
        ],
    )


@pytest.fixture(scope="module")
def pdf(pdf_fonts) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(notice())))


@pytest.fixture(scope="module")
def page_texts(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def positions(page) -> list[tuple[str, float, float, str]]:
    """(text, x, y, font) of every text run of a page, x/y in pt from the top left."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((text.strip(), x, float(page.mediabox.height) - y, font.get("/BaseFont", "")))

    page.extract_text(visitor_text=visit)
    return found


def landscape_pages(pdf) -> list[int]:
    return [i for i, p in enumerate(pdf.pages) if float(p.mediabox.width) > float(p.mediabox.height)]


def test_pages_are_a4_and_the_table_attachment_is_landscape(pdf, page_texts):
    assert len(pdf.pages) >= 5
    wide = landscape_pages(pdf)
    assert len(wide) >= 3, "the 60-row table should run over several landscape pages"
    assert "附件2" in page_texts[wide[0]]
    assert wide == list(range(wide[0], len(pdf.pages)))
    for i, page in enumerate(pdf.pages):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        expected = A4[::-1] if i in wide else A4
        assert size == pytest.approx(expected, abs=0.1), i
        assert page.get("/Rotate", 0) == 0


def test_text_of_the_notice(page_texts):
    first = page_texts[0]
    for line in TITLE_LINES:
        assert line in first
    assert "各镇人民政府、街道办事处" in first
    assert "一、总体情况" in first and "（一）网站发布" in first and "1.发布数量" in first
    assert "<b>&amp;</b>" in first  # escaped, printed literally
    assert "附件：1.各单位第三季度政务公开工作减分情况" in first
    assert "2.各部门第三季度政务公开工作情况统计" in first
    assert "临淄区人民政府办公室\n2020年10月4日" in first  # no leading zeros
    assert page_texts[1].startswith("附件1\n各单位第三季度政务公开工作减分情况")
    assert "区商务局：公开事项标准目录未上传" in page_texts[1]
    everything = "\n".join(page_texts)
    for name in UNITS:
        assert everything.count(name) == 1, name  # every row printed once, never split


def test_page_numbers(page_texts):
    for number, text in enumerate(page_texts, 1):
        assert f"— {number} —" in text
    assert "— 1 —" in page_texts[0] and "— 2 —" in page_texts[1]


def test_page_numbers_alternate_right_and_left_one_character_in(pdf):
    for number, page in enumerate(pdf.pages, 1):
        ((text, x, y, font),) = [p for p in positions(page) if re.fullmatch(r"— \d+ —", p[0])]
        width = float(page.mediabox.width)
        landscape = width > float(page.mediabox.height)
        left, right = (35 * MM, width - 37 * MM) if landscape else (28 * MM, width - 26 * MM)
        bottom = float(page.mediabox.height) - (26 if landscape else 35) * MM
        assert "Noto-Serif-CJK-SC" in font and "Bold" not in font
        assert y > bottom + 5 * MM  # below the text block
        if number % 2:  # odd page: right, one 4号 character in
            assert left + 0.6 * (right - left) < x < right - 14
        else:  # even page: left, one character in
            assert x == pytest.approx(left + 14, abs=0.5)


def test_header_rows_repeat_on_every_page_of_the_table(pdf, page_texts):
    for i in landscape_pages(pdf):
        assert "政府网站信息公开发布情况" in page_texts[i]
        assert "累计得分" in page_texts[i]
    assert "注：表中数字为当月发布条数。" in page_texts[-1]


def test_signature_and_date_block(pdf):
    runs = positions(pdf.pages[0])
    sig = [r for r in runs if r[0] == "临淄区人民政府办公室"][-1]
    date = next(r for r in runs if r[0] == "2020年10月4日")
    right_edge = A4[0] - 26 * MM
    # 署名 2 characters from the right edge of the text block, date 2 characters right of its start
    assert sig[1] + 10 * CHAR_PT == pytest.approx(right_edge - 2 * CHAR_PT, abs=1)
    assert date[1] - sig[1] == pytest.approx(2 * CHAR_PT, abs=1)
    assert date[2] > sig[2]


def test_fonts_are_embedded_with_the_expected_families(pdf):
    embedded = {}
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
            name = str(font["/BaseFont"])
            assert re.match(r"/[A-Z]{6}\+", name), f"{name} is not a subset"
            embedded[name.split("+", 1)[1]] = descriptor
    assert set(embedded) == {
        "FandolFang-LZ",
        "FandolKai-LZ",
        "Noto-Sans-CJK-SC-LZ",
        "Noto-Serif-CJK-SC-Bold-LZ",
        "Noto-Serif-CJK-SC-LZ",
    }


def test_fonts_by_role(pdf):
    runs = positions(pdf.pages[0])
    font_of = {text: font for text, _, _, font in runs}
    assert "Noto-Serif-CJK-SC-Bold" in font_of[TITLE_LINES[0]]  # 小标宋 substitute
    assert "FandolFang" in font_of["各镇人民政府、街道办事处，各开发区管委会，区政府各部门，"]
    assert "Noto-Sans-CJK-SC" in font_of["一、总体情况"]  # 黑体
    assert "FandolKai" in font_of["（一）网站发布"]  # 楷体
    assert "FandolFang" in font_of["1.发布数量"]
    label = positions(pdf.pages[1])[0]
    assert label[0] == "附件1" and "Noto-Sans-CJK-SC" in label[3]
    assert label[1] == pytest.approx(28 * MM, abs=0.5)  # top left of the text block


def _lines(page) -> list[str]:
    """The text of each line of the text block of a PDF page, top to bottom (read with pypdf)."""
    by_y: dict[float, list[tuple[float, str]]] = {}
    for text, x, y, _ in positions(page):
        if y < 262 * MM:  # inside the text block, above the page number
            by_y.setdefault(round(y, 1), []).append((x, text))
    return ["".join(t for _, t in sorted(parts)) for _, parts in sorted(by_y.items())]


def test_body_grid_is_22_lines_of_28_characters():
    doc = OfficialDocument(
        issuer="临淄区人民政府办公室",
        title="标题",
        addressee="各单位：",
        body=[Paragraph("国" * 54) for _ in range(40)],
        attachment_titles=[],
        signature="临淄区人民政府办公室",
        date=datetime.date(2025, 1, 10),
    )
    lines = _lines(PdfReader(io.BytesIO(render_pdf(doc))).pages[1])
    assert len(lines) == 22
    assert [len(line) for line in lines] == [26, 28] * 11  # indent of 2 characters, then 28


def test_html_escapes_all_text():
    doc = OfficialDocument(
        issuer="<i>",
        title="A&B<script>",
        addressee='"x"',
        body=[Paragraph("<p>1 < 2</p>")],
        attachment_titles=["<b>附件</b>"],
        signature="<s>",
        date=datetime.date(2025, 1, 10),
        doc_number="临政办字〔2022〕16号",
        attachments=[Attachment(1, "<u>", [Table([[Cell("<x-th>")]], [["<x-td>", 1.50]])])],
    )
    markup, _, text_by_role = build_html(doc)
    for raw in ("<i>", "<script>", "<p>1", "<b>附件", "<s>", "<u>", "<x-th>", "<x-td>"):
        assert raw not in markup
    assert "A&amp;B&lt;script&gt;" in markup and "&lt;p&gt;1 &lt; 2&lt;/p&gt;" in markup
    assert ">1.5<" in markup
    assert "A&B<script>" in text_by_role["xbs"] and "<x-th>" in text_by_role["hei"]


def test_masthead_with_doc_number(pdf_fonts):
    doc = notice()
    doc = OfficialDocument(
        **{**doc.__dict__, "doc_number": "临政办字〔2022〕16号", "attachments": [], "attachment_titles": []}
    )
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    runs = positions(reader.pages[0])
    texts = [r[0] for r in runs]
    assert texts[:2] == ["临淄区人民政府办公室", "临政办字〔2022〕16号"]
    assert texts.index("临政办字〔2022〕16号") < texts.index(TITLE_LINES[0])


def test_single_attachment_is_not_numbered(pdf_fonts):
    doc = notice()
    doc = OfficialDocument(**{**doc.__dict__, "attachment_titles": [], "attachments": doc.attachments[:1]})
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(doc))).pages]
    assert "附件：各单位第三季度政务公开工作减分情况" in texts[0]
    assert texts[1].startswith("附件\n")


def test_formatting_helpers():
    assert format_date(datetime.date(2025, 1, 10)) == "2025年1月10日"
    assert format_date(datetime.date(2020, 10, 4)) == "2020年10月4日"
    assert [format_number(v) for v in (10.5, 8.0, 3, -0.5, 0.1 + 0.2, 14.50)] == [
        "10.5",
        "8",
        "3",
        "-0.5",
        "0.3",
        "14.5",
    ]


def test_invalid_blocks_are_rejected():
    with pytest.raises(ValueError):
        Paragraph("x", "h4")
    with pytest.raises(ValueError):
        Cell("x", colspan=0)


def test_a_process_that_made_a_pdf_leaves_no_font_copies_behind(tmp_path):
    """WeasyPrint copies the fonts (~22 MB) into a temporary folder for each process; the folder
    goes when the process ends (it used to stay, one per Django process that made a PDF)."""
    script = (
        "import datetime, django\n"
        "django.setup()\n"
        "from core.pdf import OfficialDocument, Paragraph, render_pdf\n"
        "doc = OfficialDocument(issuer='临淄区人民政府办公室', title='通知', addressee='各单位：',"
        " body=[Paragraph('正文。')], attachment_titles=[], signature='临淄区人民政府办公室',"
        " date=datetime.date(2025, 1, 10))\n"
        "assert render_pdf(doc).startswith(b'%PDF')\n"
    )
    env = {
        **os.environ,
        "TMPDIR": str(tmp_path),
        "LINZI_PDF_WORKERS": "1",
        "LINZI_FONT_SYSTEM": "0",
        "DJANGO_SETTINGS_MODULE": "linzi_gk.settings",
    }
    subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2], env=env, check=True)

    assert list(tmp_path.iterdir()) == []
