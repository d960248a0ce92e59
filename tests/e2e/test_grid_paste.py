"""The month grid in a browser, as a clerk used to Excel uses it: a block copied from a spreadsheet
is pasted into the cells below and to the right, each row's score and ``已填 x/68`` follow, and a
hardly plausible figure is saved only once confirmed."""

import pytest

from submissions.models import MonthlyArticleTally, MonthlyPublication
from tests.e2e.test_workflow import login
from units.models import Unit, User
from units.services import account_create, units_sync_from_csv

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def paste(page, label: str, text: str) -> None:
    """Copy ``text`` to the clipboard and paste it (Ctrl+V) into the cell labelled ``label``."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Control+V")


def test_a_block_from_excel_fills_the_grid_and_a_doubtful_figure_asks_first(page, shot):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    login(page, "staff", "staff-pass-2025")
    page.goto("/data/grid/2024/10/")
    assert page.locator("[data-filled]").inner_text() == "已填 0/68"

    # Three rows of 发布数 and 投稿件数, as Excel and WPS copy them (tabs and line breaks).
    paste(page, "区发改局 发布数", "12\t1\r\n7\t0\r\n35\t2\r\n")

    assert page.get_by_label("区发改局 发布数", exact=True).input_value() == "12"
    assert page.get_by_label("区发改局 投稿件数", exact=True).input_value() == "1"
    assert page.get_by_label("区教体局 发布数", exact=True).input_value() == "7"
    assert page.get_by_label("区科技局 投稿件数", exact=True).input_value() == "2"
    assert page.get_by_label("区工信局 发布数", exact=True).input_value() == ""
    scores = [page.get_by_label(f"{name} 本月得分").inner_text() for name in ("区发改局", "区教体局", "区科技局")]
    assert scores == ["5", "3.5", "5"]  # 10 of 12 count; 7 × 0.5; 10 of 35 count
    assert page.locator("[data-filled]").inner_text() == "已填 3/68"
    assert (
        page.locator("[data-paste-status]").inner_text()
        == "已粘贴6个单元格（发布数、投稿件数，3个单位），尚未保存，核对后请点“保存”。"
    )

    # A whole column of 68 figures, from the first department to the last street, over the section rows.
    units = list(
        Unit.objects.filter(is_assessed=True).exclude(assessed_from__gt="2024-10-01").order_by("category", "sort_order")
    )
    assert len(units) == 68
    paste(page, "区发改局 发布数", "\n".join(str(i % 11) for i in range(68)) + "\n")
    assert page.locator("[data-filled]").inner_text() == "已填 68/68"
    assert page.get_by_label(f"{units[-1].name} 发布数", exact=True).input_value() == str(67 % 11)
    shot(page, "07-粘贴填报")

    # 99999 is far from anything a unit publishes: cancelling keeps the page, confirming saves.
    page.get_by_label("区人社局 发布数", exact=True).fill("99999")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="保存").click()
    assert "区人社局 发布数 99999（远超常见数值）" in messages[0]
    assert MonthlyPublication.objects.count() == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "区人社局 发布数"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/data/grid/2024/10/")
    assert "已保存68行。" in page.locator(".messages").inner_text()
    assert MonthlyPublication.objects.get(unit__name="区人社局", month=10).count == 99999
    assert MonthlyPublication.objects.get(unit__name="区发改局", month=10).count == 0
    assert MonthlyArticleTally.objects.get(unit__name="区科技局", month=10).submitted == 2


# --- pasting a block from the office's statistics table (months as columns) ----------------------

DEPARTMENTS = [
    "区发改局", "区教体局", "区科技局", "区工信局", "区民政局",
    "区司法局", "区财政局", "区人社局", "区自然资源局", "区住建局",
]  # fmt: skip
# 10 units × 10月/11月/12月, as the office's table has them: one blank, one 1,234, one full-width １２.
FIGURES = [
    ("12", "1", "11"), ("6", "4", "7"), ("6", "35", "0"), ("12", "9", "13"), ("3", "", "5"),
    ("1,234", "8", "2"), ("0", "0", "１２"), ("7", "7", "7"), ("15", "2", "9"), ("4", "10", "6"),
]  # fmt: skip
EXPECTED = [
    (12, 1, 11), (6, 4, 7), (6, 35, 0), (12, 9, 13), (3, None, 5),
    (1234, 8, 2), (0, 0, 12), (7, 7, 7), (15, 2, 9), (4, 10, 6),
]  # fmt: skip


def excel(rows) -> str:
    """Rows as Excel and WPS put them on the clipboard: tabs, CRLF line ends, a trailing newline."""
    return "".join("\t".join(row) + "\r\n" for row in rows)


def clipboard_paste(page, label: str, text: str) -> None:
    """Paste ``text`` into the cell labelled ``label`` through a real ClipboardEvent (text/plain)."""
    page.get_by_label(label, exact=True).focus()
    page.evaluate(
        """([label, text]) => {
            const input = document.querySelector(`input[aria-label="${label}"]`);
            const data = new DataTransfer();
            data.setData("text/plain", text);
            input.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [label, text],
    )


def statistics_block(*, header: bool = True, names: bool = True) -> str:
    rows = [(name.removeprefix("区") if i % 3 == 0 else name, *FIGURES[i]) for i, name in enumerate(DEPARTMENTS)]
    if not names:
        rows = [row[1:] for row in rows]
    return excel(([("单位", "10月", "11月", "12月")] if header else []) + rows)


def stored() -> dict[tuple[str, int], int]:
    return {
        (name, month): count
        for name, month, count in MonthlyPublication.objects.values_list("unit__name", "month", "count")
    }


@pytest.fixture
def clerk(page):
    units_sync_from_csv()
    account_create(username="staff", password="staff-pass-2025", role=User.Role.OFFICE_STAFF, display_name="王五")
    login(page, "staff", "staff-pass-2025")
    return page


def test_a_months_as_columns_block_lands_month_by_month_in_the_quarter_view(clerk, shot):
    page = clerk
    page.goto("/data/grid/2024/10/")
    page.get_by_role("link", name="2024年四季度季度表").click()
    page.wait_for_url("**/data/grid/2024/q4/")

    clipboard_paste(page, "区发改局 10月发布数", statistics_block())

    # Shown in the cells, marked, not saved.
    for name, figures in zip(DEPARTMENTS, EXPECTED, strict=True):
        for month, figure in zip((10, 11, 12), figures, strict=True):
            cell = page.get_by_label(f"{name} {month}月发布数", exact=True)
            assert cell.input_value() == ("" if figure is None else str(figure))
            assert ("pasted" in (cell.get_attribute("class") or "")) == (figure is not None)
    assert page.locator("[data-paste-status]").inner_text() == (
        "已粘贴29个单元格（10月发布数、11月发布数、12月发布数，10个单位），尚未保存，核对后请点“保存”；"
        "1个空白格未填入（仍为未录入）。"
    )
    notes = page.locator("[data-paste-notes]").inner_text()
    assert "区司法局 10月发布数：“1,234”读作1234" in notes
    assert "区财政局 12月发布数：“１２”读作12" in notes
    assert page.get_by_label("区发改局 累计得分").inner_text() == "10.5"  # 5 + 0.5 + 5, as the notice prints it
    assert MonthlyPublication.objects.count() == 0
    shot(page, "16-季度表粘贴预览")

    page.once("dialog", lambda dialog: dialog.accept())  # 1234 is far above what a unit publishes
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/data/grid/2024/q4/")
    assert "已保存29个单元格。" in page.locator(".messages").inner_text()
    expected = {
        (name, month): figure
        for name, figures in zip(DEPARTMENTS, EXPECTED, strict=True)
        for month, figure in zip((10, 11, 12), figures, strict=True)
        if figure is not None
    }
    assert stored() == expected
    assert MonthlyArticleTally.objects.count() == 0


@pytest.mark.parametrize(
    ("header", "names", "sentence"),
    [
        (True, True, "看起来是三个月的发布数（10月、11月、12月），请在季度表中粘贴"),
        (False, True, "看起来是三个月的发布数，请在季度表中粘贴"),
        (False, False, "看起来是三个月的发布数，请在季度表中粘贴"),
    ],
)
def test_the_same_block_in_a_one_month_page_is_refused_whole(clerk, header, names, sentence):
    page = clerk
    unit = Unit.objects.get(name="区科技局")
    MonthlyPublication.objects.create(unit=unit, year=2024, month=10, count=3)
    page.goto("/data/grid/2024/10/")

    clipboard_paste(page, "区发改局 发布数", statistics_block(header=header, names=names))

    status = page.locator("[data-paste-status]")
    assert sentence in status.inner_text()
    assert status.inner_text().endswith("整块未粘贴，表格没有任何改动。")
    assert page.locator("input.pasted").count() == 0
    values = page.locator("input[data-col]").evaluate_all("inputs => inputs.map(i => i.value)")
    assert sorted(set(values)) == ["", "3"] and values.count("3") == 1
    # Saving now writes nothing; the link goes where the block fits.
    page.get_by_role("button", name="保存").click()
    assert "没有修改，未写入任何数据。" in page.locator(".messages").inner_text()
    assert stored() == {("区科技局", 10): 3}
    assert MonthlyArticleTally.objects.count() == 0
    clipboard_paste(page, "区发改局 发布数", statistics_block(header=header, names=names))
    page.locator("[data-paste-notes]").get_by_role("link", name="打开2024年四季度季度表 ›").click()
    page.wait_for_url("**/data/grid/2024/q4/")


def test_a_block_naming_a_unit_not_on_the_page_is_refused_naming_it(clerk):
    page = clerk
    page.goto("/data/grid/2024/q4/")

    clipboard_paste(page, "区发改局 10月发布数", excel([("区发改局", "1", "2", "3"), ("区农业局", "4", "5", "6")]))

    assert page.locator("[data-paste-status]").inner_text() == (
        "第2行“区农业局”不是本页的单位（也不是其别名）；请核对单位名称，或只复制数字部分后点起始单元格粘贴。"
        "整块未粘贴，表格没有任何改动。"
    )
    assert page.get_by_label("区发改局 10月发布数", exact=True).input_value() == ""


def test_a_one_column_paste_fills_one_month_downwards(clerk):
    page = clerk
    page.goto("/data/grid/2024/q4/")

    clipboard_paste(page, "区科技局 11月发布数", excel([("5",), ("6",), ("7",)]))

    assert page.locator("[data-paste-status]").inner_text() == (
        "已粘贴3个单元格（11月发布数，3个单位），尚未保存，核对后请点“保存”。"
    )
    assert [
        page.get_by_label(f"{n} 11月发布数", exact=True).input_value() for n in ("区科技局", "区工信局", "区民政局")
    ] == [
        "5",
        "6",
        "7",
    ]
    assert page.get_by_label("区科技局 10月发布数", exact=True).input_value() == ""
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/data/grid/2024/q4/")
    assert stored() == {("区科技局", 11): 5, ("区工信局", 11): 6, ("区民政局", 11): 7}


def test_blanks_and_odd_digits_are_previewed_normalised_and_can_be_undone(clerk):
    page = clerk
    keep = Unit.objects.get(name="区教体局")
    MonthlyPublication.objects.create(unit=keep, year=2024, month=10, count=7)
    page.goto("/data/grid/2024/10/")
    block = excel([("１２", "1"), ("", "０"), ("1,234", ""), (" 9 ", "2")])

    clipboard_paste(page, "区发改局 发布数", block)

    cells = {
        name: [page.get_by_label(f"{name} {label}", exact=True).input_value() for label in ("发布数", "投稿件数")]
        for name in ("区发改局", "区教体局", "区科技局", "区工信局")
    }
    assert cells == {"区发改局": ["12", "1"], "区教体局": ["7", "0"], "区科技局": ["1234", ""], "区工信局": ["9", "2"]}
    assert page.locator("[data-paste-status]").inner_text() == (
        "已粘贴6个单元格（发布数、投稿件数，4个单位），尚未保存，核对后请点“保存”；2个空白格未填入（仍为未录入）。"
    )
    notes = page.locator("[data-paste-notes]").inner_text()
    assert "区发改局 发布数：“１２”读作12" in notes
    assert "区教体局 投稿件数：“０”读作0" in notes
    assert "区科技局 发布数：“1,234”读作1234" in notes
    assert "normalised" in page.get_by_label("区科技局 发布数", exact=True).get_attribute("class")

    page.get_by_role("button", name="撤销粘贴").click()
    assert page.get_by_label("区发改局 发布数", exact=True).input_value() == ""
    assert page.get_by_label("区教体局 发布数", exact=True).input_value() == "7"
    assert page.locator("input.pasted").count() == 0
    assert page.locator("[data-paste-status]").inner_text() == "已撤销粘贴，恢复了6个单元格。"

    clipboard_paste(page, "区发改局 发布数", block)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/data/grid/2024/10/")
    assert stored() == {("区发改局", 10): 12, ("区教体局", 10): 7, ("区科技局", 10): 1234, ("区工信局", 10): 9}
    tallies = {
        t.unit.name: (t.submitted, t.non_compliant, t.city_adopted, t.province_adopted)
        for t in MonthlyArticleTally.objects.select_related("unit")
    }
    assert tallies == {"区发改局": (1, 0, 0, 0), "区教体局": (0, 0, 0, 0), "区工信局": (2, 0, 0, 0)}
