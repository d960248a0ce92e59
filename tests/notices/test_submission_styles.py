"""The submissions attachment in the office's two published styles: 2024 (every unit in the
official order, ``1 (1)`` for an article that failed) and 2020 (only units that sent articles, only
the months of the requirement, ordered by bonus then articles), the PDF and the Excel alike."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from reports.article_attachment import submissions_table
from reports.notice_data import build_notice_data
from reports.xlsx import notice_xlsx
from tests.factories import NoticeFactory, PublicationFactory, TallyFactory, TownFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter():
    """2020 Q3 (articles required from August): five units, the office itself exempt."""
    fagai = UnitFactory(name="区发改局", sort_order=1)
    jiaoti = UnitFactory(name="区教体局", sort_order=2)
    keji = UnitFactory(name="区科技局", sort_order=3)
    gongxin = UnitFactory(name="区工信局", sort_order=4)
    office = UnitFactory(name="区政府办公室", sort_order=5, submission_exempt=True)
    qidu = TownFactory(name="齐都镇", sort_order=1)
    sent = {
        fagai: {8: (1, 0, 0), 9: (1, 0, 0)},
        jiaoti: {7: (3, 0, 0), 8: (1, 0, 0)},
        keji: {7: (2, 0, 0)},
        gongxin: {9: (2, 1, 1)},
        office: {8: (1, 0, 0)},
        qidu: {8: (1, 0, 0), 9: (1, 0, 0)},
    }
    for unit, months in sent.items():
        for month in (7, 8, 9):
            PublicationFactory(unit=unit, year=2020, month=month, count=5)
        for month, (submitted, poor, city) in months.items():
            TallyFactory(unit=unit, year=2020, month=month, submitted=submitted, non_compliant=poor, city_adopted=city)


def attachment(style: str):
    notice = NoticeFactory(year=2020, quarter=3, attachments=["submissions"], submissions_style=style)
    data = build_notice_data(notice)
    return data, data.attachments[0]


def body(att) -> list[list]:
    return submissions_table(att.months, att.submissions, style=att.style, note=att.note).rows


def test_the_2024_style_lists_every_unit_in_the_official_order(quarter):
    _, att = attachment("2024")

    assert att.title == "各单位政务公开工作投稿情况"
    assert att.months == [7, 8, 9]
    assert body(att) == [
        ["区发改局", 0, 1, 1],
        ["区教体局", 3, 1, 0],
        ["区科技局", 2, 0, 0],
        ["区工信局", 0, 0, "2 (1)"],
        ["齐都镇", 0, 1, 1],
    ]
    assert att.note == "注：表中数字为当月投稿件数，括号内数字为不符合条件件数。"


def test_the_2020_style_lists_who_sent_in_the_required_months_by_bonus_then_articles(quarter):
    _, att = attachment("2020")

    assert att.title == "各单位政务公开工作第三季度投稿情况"
    assert att.months == [8, 9]  # July was not required (the call went out on 10 August 2020)
    assert body(att) == [
        ["区工信局", 0, "2 (1)", 1, None, 1],
        ["区发改局", 1, 1, None, None, None],
        ["齐都镇", 1, 1, None, None, None],
        ["区教体局", 1, 0, None, None, None],
    ]
    assert att.note == (
        "注：表中只列8、9月份有投稿的单位，数字为当月投稿件数，括号内数字为不合格件数（不计入统计）；"
        "稿件被市级、省级采用的每篇加1分，计入年终考核，不计入季度合计。"
    )


def test_the_excel_prints_the_same_table_as_the_pdf(quarter):
    data, att = attachment("2020")

    sheet = load_workbook(io.BytesIO(notice_xlsx(data)))["附件1"]

    assert sheet["A1"].value == "各单位政务公开工作第三季度投稿情况"
    assert [c.value for c in sheet[2]] == ["单位", "投稿件数", None, "市级采用", "省级采用", "加分"]
    assert [c.value for c in sheet[3]][1:3] == ["8月", "9月"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=7)]
    assert rows == body(att)  # numbers stay numbers; blanks stay blank
    assert sheet["A9"].value == att.note
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_a_unit_not_assessed_in_a_month_shows_a_dash(quarter):
    UnitFactory(name="区文物局", sort_order=6, assessed_from=datetime.date(2020, 9, 1))

    _, att = attachment("2024")

    assert ["区文物局", "—", "—", 0] in body(att)
