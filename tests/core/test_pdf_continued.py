"""A table cut at a page break: each piece keeps the rows' cells in their columns, the labels merged
over rows cut to the rows of the piece, and the labels continuing from the page before printed
again over the rows they still cover."""

from core.pdf import Cell, Table
from core.pdf.continued import pieces
from core.pdf.grid import positions

GROUP = Cell("三、本年度办理结果", rowspan=5)
SUB = Cell("（三）不予公开", rowspan=3)


def table() -> Table:
    rows = [
        [Cell("一、本年新收", colspan=3), 1],
        [GROUP, Cell("（一）予以公开", colspan=2), 2],
        [SUB, "1.属于国家秘密", 3],
        ["2.其他法律行政法规禁止公开", 4],
        ["3.危及“三安全一稳定”", 5],
        [Cell("（七）总计", colspan=2), 6],
        [Cell("四、结转", colspan=3), 7],
    ]
    return Table(header_rows=[[Cell("项目", colspan=3), Cell("数")]], rows=rows, label_columns=3, note="注。")


def test_cells_start_after_the_columns_covered_from_above():
    assert [[column for column, _ in row] for row in positions(table().rows)] == [
        [0, 3],
        [0, 1, 3],
        [1, 2, 3],
        [2, 3],
        [2, 3],
        [1, 3],
        [0, 3],
    ]


def test_a_table_cut_in_the_middle_of_two_groups():
    (first, start1), (second, start2) = pieces(table(), (4,))

    assert (start1, start2) == (0, 4)
    assert (first.continued, second.continued) == (False, True)
    assert (first.note, second.note) == ("", "注。")
    assert first.rows[1][0] == Cell("三、本年度办理结果", rowspan=3)
    assert first.rows[2][0] == Cell("（三）不予公开", rowspan=2)
    assert second.rows[0] == [Cell("三、本年度办理结果", rowspan=2), Cell("（三）不予公开"), "3.危及“三安全一稳定”", 5]
    assert second.rows[1:] == [[Cell("（七）总计", colspan=2), 6], [Cell("四、结转", colspan=3), 7]]
    assert second.header_rows == first.header_rows
