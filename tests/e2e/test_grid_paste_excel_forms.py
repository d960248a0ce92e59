"""What Excel and WPS really put on the clipboard besides plain rows: a unit name wrapped over two
lines in its cell (quoted, as Excel writes such a cell), a name carrying invisible characters from a
web page (zero-width space, byte-order mark), a selection one column or some rows wider than the
figures (trailing tabs, empty lines), the table's 合计 row. The block lands as the clerk
meant it; the 合计 row is named and left out."""

import pytest

from tests.e2e.test_grid_paste import clerk, clipboard_paste  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

UNITS = ("区发改局", "区教体局", "区科技局")


def pasted(page) -> dict[str, list[str]]:
    return {
        name: [page.get_by_label(f"{name} {m}月发布数", exact=True).input_value() for m in (10, 11, 12)]
        for name in UNITS
    }


def test_a_wrapped_name_a_wider_selection_and_a_total_row(clerk):  # noqa: F811
    page = clerk
    page.goto("/data/grid/2024/q4/")
    block = (
        "序号\t单位\t10月\t11月\t12月\t\r\n"
        '1\t"区发改\n局"\t12\t1\t11\t\r\n'
        "2\t\ufeff教体局\u200b\t6\t4\t7\t\r\n"
        "合计\t\t18\t5\t18\t\r\n"
        "\t\t\t\t\t\r\n"
    )

    clipboard_paste(page, "区发改局 10月发布数", block)

    assert page.locator("[data-paste-status]").inner_text() == (
        "已粘贴6个单元格（10月发布数、11月发布数、12月发布数，2个单位），尚未保存，核对后请点“保存”。"
    )
    assert page.locator("[data-paste-notes]").inner_text().splitlines() == [
        "按表头的月份对齐",
        "第4行“合计”是合计行，未填入",
    ]
    assert pasted(page) == {"区发改局": ["12", "1", "11"], "区教体局": ["6", "4", "7"], "区科技局": ["", "", ""]}


def test_a_quote_never_closed_is_read_as_typed(clerk):  # noqa: F811
    page = clerk
    page.goto("/data/grid/2024/q4/")

    clipboard_paste(page, "区发改局 10月发布数", '"区发改局\t12\t1\t11\r\n')

    assert page.locator("[data-paste-status]").inner_text() == (
        '第1行“"区发改局”不是本页的单位（也不是其别名）；请核对单位名称，或只复制数字部分后点起始单元格粘贴。'
        "整块未粘贴，表格没有任何改动。"
    )
