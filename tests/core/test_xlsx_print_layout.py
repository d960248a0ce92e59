"""The Excel as printed: rows as tall as their wrapped text (no overlapping lines on paper), page
numbers ``第 1 页 共 3 页`` in every sheet's footer, an optional mark (草稿) at the head of every page."""

import io

from openpyxl import load_workbook

from core.tabular import Cell
from core.xlsx import SheetSpec, build_workbook, text_lines

LONG = "法定主动公开内容部分栏目常年未更新，比如部门职责任务清单、部门职责边界清单、福利政策等（三季度存在的问题，尚未整改）。"


def height(lines: int) -> float:
    """Points for ``lines`` lines of 11 pt text (1.35 line spacing, 4 pt padding)."""
    return round(lines * 11 * 1.35 + 4, 1)


def workbook(**kwargs):
    spec = SheetSpec(
        "附件1",
        "政务公开工作检查情况",
        [[Cell("序号"), Cell("单位"), Cell("检查发现问题")]],
        [[1, "区卫健局", LONG], [2, "区住房保障事务服务中心", "栏目未更新。"]],
        [6, 12, 30],
        note="注：" + LONG,
        text_columns={1, 2},
    )
    return load_workbook(io.BytesIO(build_workbook([spec], **kwargs)))["附件1"]


def test_wrapped_text_makes_its_row_taller():
    sheet = workbook()

    one_line = sheet.row_dimensions[2].height  # the header row
    assert one_line == height(1)
    assert text_lines(LONG, 30) == 5  # 60 characters, 14.5 to a line of a 30-wide column
    assert sheet.row_dimensions[3].height == height(5)
    assert sheet.row_dimensions[4].height == height(2)  # 区住房保障事务服务中心 in 12 wraps once
    assert sheet.row_dimensions[6].height == height(text_lines("注：" + LONG, 48)) == height(3)
    assert sheet.row_dimensions[1].height == 32


def test_every_page_is_numbered_and_a_draft_is_marked():
    draft, issued = workbook(watermark="草稿"), workbook()

    for sheet in (draft, issued):
        assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert not sheet.evenFooter.center.text and not sheet.firstFooter.center.text  # odd serves every page
    assert draft.oddHeader.center.text == "草稿"
    assert issued.oddHeader.center.text is None
