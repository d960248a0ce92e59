"""Where the PDF engine breaks: the 署名 never goes to a page with the last title of the 附件说明
alone, no page ends with three empty lines because the next block moved whole, and a unit's name
in a narrow column never leaves one character alone on a line."""

import datetime

import pytest

from core.pdf import Cell, OfficialDocument, Paragraph, Table, render_document
from core.pdf.keeping import main_text_fit
from core.pdf.render import LINE_MM
from tests.notices.layout import cell_lines, pages_leaving_lines_empty

pytestmark = pytest.mark.usefixtures("pdf_fonts")

TITLES = [
    "各部门第三季度政务公开工作情况统计",
    "各镇、街道第三季度政务公开工作情况统计",
    "各单位政务公开工作第三季度投稿情况",
    "各单位第三季度政务公开工作减分情况",
]
LINE = "各单位要按照要求认真开展政务公开工作，及时更新栏目。"  # one line of 28 characters (with the indent)


def notice(extra_lines: int, titles: list[str], body: list | None = None) -> OfficialDocument:
    """A first paragraph of ten lines, ``extra_lines`` one-line paragraphs and a last one of three:
    as ``extra_lines`` grows, the 附件说明 and the 署名 meet the foot of the first page at every line."""
    return OfficialDocument(
        issuer="临淄区人民政府办公室",
        title="临淄区人民政府办公室关于2020年第三季度政务公开工作情况的通报",
        addressee="各单位：",
        body=body or [Paragraph("正文" * 140), *[Paragraph(LINE)] * extra_lines, Paragraph("工作要求" * 21)],
        attachment_titles=titles,
        signature="临淄区人民政府办公室",
        date=datetime.date(2020, 10, 14),
    )


@pytest.mark.parametrize("count", [1, 4])
def test_the_signature_keeps_company_and_no_page_ends_three_lines_short(count):
    for extra in range(0, 9):
        document = render_document(notice(extra, TITLES[:count]), marks=True)
        fit = main_text_fit(document, LINE_MM)
        assert fit.signature_with_text or fit.titles_with_signature >= 2, (count, extra, fit)
        assert pages_leaving_lines_empty(document) == [], (count, extra)


def test_a_unit_name_never_leaves_one_character_alone():
    names = ["区住房保障事务服务中心", "区地方金融事务协调服务中心", "区市政园林环卫事务服务中心", "区人社局"]
    # 48 mm is the width that printed 区住房保障事务服务中 / 心 before.
    table = Table(
        header_rows=[[Cell("单位"), Cell("10月"), Cell("11月"), Cell("12月")]],
        rows=[[Cell(name, align="left"), 1, 0, "1 (1)"] for name in names],
        col_widths_mm=[48, 36, 36, 36],
    )
    document = render_document(notice(0, TITLES[:1], body=[table]), marks=True)
    lines = cell_lines(document, set(names))

    assert set(lines) == set(names)
    for name, printed in lines.items():
        assert all(len(line) > 1 for line in printed), (name, printed)
    assert lines["区人社局"] == ["区人社局"]
    assert lines["区住房保障事务服务中心"] == ["区住房保障事务服务中心"]  # a step smaller, on one line
