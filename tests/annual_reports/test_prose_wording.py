"""Text-versus-table warnings on real wording: passages lifted from published reports of several
provinces are read right (the figures they state are recognised), raise no warning against their
own tables, and raise exactly one warning naming the phrase and the cell when a figure slips; the
families of wording of issue 16 one by one."""

import re

import pytest

from annual_reports.layout import TEXT_SECTIONS
from annual_reports.prose import FULL_WIDTH, text_warnings
from annual_reports.text_figures import number, stated_figures

from .realwording import PASSAGES, REAL_SLIP, last_year, tables
from .seed import seed_2024

TITLES = dict(TEXT_SECTIONS)
PREFIX = "文字中的数字应与表格一致："


def recognised(passage) -> list[tuple[str, int]]:
    text = re.sub(r"\s+", "", passage.text.translate(FULL_WIDTH))
    return [("+".join(s.keys), s.count) for s in stated_figures(text, year=passage.year) if not s.earlier]


def warnings(passage, text=None, values=None):
    texts = {passage.section: passage.text if text is None else text}
    found = text_warnings(texts, passage.values if values is None else values, passage.previous, year=passage.year)
    return [w.message for w in found]


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.source)
def test_real_passages_are_read_and_agree_with_their_tables(passage):
    assert recognised(passage) == passage.stated
    assert warnings(passage) == []


@pytest.mark.parametrize(
    ("passage", "slip"),
    [(p, slip) for p in PASSAGES for slip in p.slips],
    ids=lambda x: x.source if hasattr(x, "source") else x[1],
)
def test_a_slip_in_real_wording_names_the_phrase_and_the_cell(passage, slip):
    old, new, said = slip
    assert old in passage.text
    text = passage.text.replace(old, new)
    assert warnings(passage, text) == [f"{PREFIX}“{TITLES[passage.section]}”写“{said}。"]


def test_the_real_slip_as_published_is_warned_about():
    assert warnings(REAL_SLIP) == [
        f"{PREFIX}“（二）依申请公开”写“受理政府信息公开申请2件”，表格中一、本年新收政府信息公开申请数量“总计”为3件。"
    ]


def test_seed_002_whole_text_has_no_false_warning(seed_values):
    from pathlib import Path

    text = (Path(__file__).parents[1] / "data" / "annual_report_2024_seed002.txt").read_text(encoding="utf-8")
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("\t"))
    found = text_warnings({"overview": prose}, seed_values, last_year(27), year=2024)
    assert found == []
    assert [s.count for s in stated_figures(re.sub(r"\s+", "", prose), year=2024)][:3] == [12, 14, 2]


# --- the families of wording, one by one ------------------------------------------------------------

SEED = {"values": None}


def seed_warnings(text: str, *, previous=27, year=2024, section="overview_requests", values=None):
    from annual_reports.layout import complete

    values = values or complete(seed_2024())
    found = text_warnings({section: text}, values, last_year(previous) if previous else None, year=year)
    return [w.message.removeprefix(PREFIX) for w in found]


REQ = "“（二）依申请公开”写"


@pytest.mark.parametrize(
    "text",
    [
        "现行有效行政规范性文件9件。",
        "现行有效的行政规范性文件共9件。",
        "区政府、区政府办公室规范性文件现行有效9件。",
        "制发行政规范性文件1件，废止行政规范性文件6件，现行有效件数9件。",
    ],
)
def test_documents_in_force_with_the_number_after_or_before(text):
    assert seed_warnings(text, section="overview_management") == []
    slipped = text.replace("9件", "8件")
    assert len(seed_warnings(slipped, section="overview_management")) == 1


def test_the_brief_slip_number_after_the_noun():
    assert seed_warnings("对规范性文件进行清理，现行有效行政规范性文件8件。", section="overview_management") == [
        "“（三）政府信息管理”写“现行有效行政规范性文件8件”，表格中行政规范性文件“现行有效件数”为9件。"
    ]


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("全年共计收到政府信息公开申请12件。", 12),
        ("受理政府信息公开申请合计12件。", 12),
        ("累计接收依申请公开12件。", 12),
        ("共受理12件政府信息公开申请。", 12),
        ("本年度新收政府信息公开申请12件。", 12),
        ("收到政府信息公开申请十二件。", 12),
        ("接到信息公开申请１２件。", 12),
    ],
)
def test_received_in_its_wordings(text, stated):
    assert [s.count for s in stated_figures(re.sub(r"\s+", "", text.translate(FULL_WIDTH)), year=2024)] == [stated]
    assert seed_warnings(text) == []
    assert len(seed_warnings(text.replace("12", "13").replace("１２", "１３").replace("十二", "十三"))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "作出政府信息公开申请答复14件。",
        "依申请公开方面，共办结14件。",
        "办结政府信息公开申请14件。",
        "办理依申请公开14件。",
        "答复申请十四件。",
    ],
)
def test_answered_in_its_wordings(text):
    assert seed_warnings(text) == []
    assert seed_warnings(text.replace("14", "15").replace("十四", "十五"))[0].endswith(
        "表格中三、（七）总计“总计”为14件。"
    )


def test_categories_combined_with_their_percentage():
    assert seed_warnings("其中予以公开及部分公开11件，占78.57%。") == []
    assert seed_warnings("其中予以公开和部分公开共11件，占78.56%；无法提供3件，占21.43%。") == []
    assert seed_warnings("予以公开、部分公开11件。") == []
    assert seed_warnings("其中予以公开及部分公开12件，占85.71%。") == [
        REQ + "“予以公开及部分公开12件”，表格中（一）予以公开“总计”5件与（二）部分公开“总计”6件之和为11件。"
    ]
    assert seed_warnings("其中予以公开及部分公开11件，占68.57%。") == [
        REQ + "“予以公开及部分公开11件，占68.57%”，11件占答复总数14件的78.57%。"
    ]
    assert seed_warnings("不予公开、无法提供3件。") == []


def test_a_reason_within_a_category_is_not_the_category():
    values = tables(new=3, outcomes={"refused_1": 1, "refused_4": 2})
    text = "其中属于国家秘密不予公开1件，保护第三方合法权益不予公开2件。"
    assert seed_warnings(text, values=values, previous=None) == []
    assert seed_warnings("其中不予公开3件。", values=values, previous=None) == []
    assert seed_warnings("其中不予公开2件。", values=values, previous=None) == [
        REQ + "“不予公开2件”，表格中（三）不予公开各项“总计”之和为3件。"
    ]


def test_percentages_written_cut_rounded_or_whole():
    for share in ("35.71", "35.72", "35.7", "36"):
        assert seed_warnings(f"予以公开5件，占{share}%。") == [], share
    assert seed_warnings("予以公开5件，占比35.71%；部分公开6件（占42.86%）。") == []


def test_chinese_numerals_up_to_ninety_nine():
    assert [number(n) for n in ("零", "两", "九", "十", "十二", "二十", "二十一", "九十九")] == [
        0,
        2,
        9,
        10,
        12,
        20,
        21,
        99,
    ]
    values = tables(new=99, outcomes={"granted": 99})
    assert seed_warnings("收到政府信息公开申请九十九件，予以公开九十九件。", values=values, previous=None) == []
    assert seed_warnings("收到政府信息公开申请九十八件。", values=values, previous=None) == [
        REQ + "“收到政府信息公开申请九十八件”，表格中一、本年新收政府信息公开申请数量“总计”为99件。"
    ]


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("收到政府信息公开申请12件，同比下降55.55%。", True),
        ("收到政府信息公开申请12件，较上年减少15件。", True),
        ("收到政府信息公开申请12件（上年27件）。", True),
        ("收到政府信息公开申请12件，同比增长20%。", False),
        ("收到政府信息公开申请12件，比上年增加3件。", False),
        ("收到政府信息公开申请12件，与上年持平。", False),
        ("收到政府信息公开申请12件（上年20件）。", False),
    ],
)
def test_change_on_last_year(text, right):
    found = seed_warnings(text)
    assert (found == []) is right, found
    if not right:
        assert found[0].endswith("上年收到申请27件，本年12件，同比下降55.55%。") or found[0].endswith(
            "上年报告中收到申请27件。"
        )


def test_no_change_checked_without_last_years_report():
    assert seed_warnings("收到政府信息公开申请12件，同比增长20%。", previous=None) == []


def test_last_years_figure_is_not_this_years():
    assert seed_warnings("2023年收到政府信息公开申请27件，本年收到政府信息公开申请12件。") == []
    assert seed_warnings("上年收到政府信息公开申请27件。") == []


def test_none_at_all_sentences():
    assert seed_warnings("未因政府信息公开被申请行政复议、提起行政诉讼。") == []
    assert seed_warnings("全年未收到政府信息公开申请。") == [REQ + "“未收到政府信息公开申请”，表格中本年新收申请12件。"]
    values = tables(new=12, carried=2, outcomes={"granted": 13})
    assert seed_warnings("无下年度结转。", values=values, previous=None) == [
        REQ + "“无下年度结转”，表格中结转下年度继续办理1件。"
    ]
    assert seed_warnings("未收到行政许可申请。") == []


def test_a_channel_or_the_offices_other_cases_are_not_the_reports_figures():
    assert seed_warnings("其中当面收到申请3件，网上收到申请9件；书面答复12件，电子邮件答复2件。") == []
    assert seed_warnings("区政府作为复议机关，全年受理行政复议案件30件，行政诉讼案件12件。") == []
    assert seed_warnings("办理12345热线工单，共办结47件。") == []
    assert seed_warnings("因政府信息公开被申请行政复议1件。") == [
        REQ + "“被申请行政复议1件”，表格中行政复议“总计”为0件。"
    ]
