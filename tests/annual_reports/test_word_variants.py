"""The Word reader on the shapes units really give it: a WPS-filled report with old heading wordings,
subheadings of its own, 二 as four tables, zeros left blank under a filled 总计, ``/`` for none, blank
cells that only look merged, a note between the tables, a picture and a signature; automatically
numbered headings; no 总计 column; headings with spaces, half-width brackets or a stray character.
Every number is read exactly; every sentence lands in its section; what the reader decided is said."""

import pytest

from annual_reports.layout import PARTIES, REQUESTS, cell_key, complete, typed_keys
from annual_reports.word_prose import sub_heading, top_heading
from annual_reports.word_report import parse_word_report
from core.imports import ImportRejected
from core.imports.word import read_document

from .realwording import tables
from .word_docs import Style, build_report, edit_part, with_document

TEXTS = {
    "preface": "本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。如对报告内容有疑问，请与临淄区人社局联系。",
    "overview": "2023年，区人社局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。",
    "overview_active": "全年通过政府门户网站主动公开信息126条。\n其中政策文件3件，政策解读5篇。",
    "overview_requests": "2023年共收到政府信息公开申请九件，同比增长28.57%，其中予以公开及部分公开7件，占77.77%，无法提供2件，占22.22%。",
    "overview_management": "严格落实保密审查制度，规范性文件现行有效11件。",
    "overview_platform": "持续优化政务公开专栏。",
    "overview_supervision": "将政务公开纳入年度考核。",
    "problems": "（一）存在问题\n一是公开内容不够全面。\n（二）改进措施\n一是加强培训。",
    "other": "本年度未收取信息处理费。",
}
WPS = Style(
    title=("临淄区人社局2023年政府信息公开工作", "年度报告"),
    headings={
        1: "一、 总体情况",
        2: "二、主动公开政府信息情况",
        3: "三、收到和处理政府信息公开申请情况。",
        4: "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
        5: "五、存在的主要问题及改进措施",
        6: "六、其他需要报告事项",
    },
    subheadings={
        "overview_active": "（一）主动公开情况",
        "overview_requests": "（二）依申请公开情况",
        "overview_management": "（三）政府信息管理情况",
        "overview_platform": "（四）政府信息公开平台建设情况",
        "overview_supervision": "（五）监督保障情况",
    },
    half_width=True,
    active_split=True,
    merged_labels=False,
    blank_zeros=True,
    dash_regulations=True,
    notes={"requests": "（单位：件）"},
    signature=("临淄区人社局", "2024年1月20日"),
    picture=True,
)


def values_2023():
    values = tables(new=9, outcomes={"granted": 5, "partly": 2, "unable_1": 2}, normative=(2, 1, 11))
    values["licensing.decisions"] = 1326
    return {k: values[k] for k in typed_keys()}


def read(data: bytes, year: int = 2023):
    return parse_word_report(read_document(data), year)


def test_a_wps_filled_report_with_old_wordings_reads_exactly():
    report = read(build_report(values_2023(), TEXTS, WPS))
    expected = complete(values_2023())
    expected.update({"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0})
    assert {k: report.values[k] for k in typed_keys()} == {k: expected[k] for k in typed_keys()}
    assert report.title == "临淄区人社局2023年政府信息公开工作年度报告"
    for key, text in TEXTS.items():
        assert report.texts[key] == text, key
    assert report.texts["requests_notes"] == "（单位：件）"
    blank = sum(1 for row in REQUESTS.rows if not row.computed for c in PARTIES if expected[cell_key(row, c)] == 0)
    assert blank == 140  # every zero of 三's applicant columns was left blank, the 总计 column filled
    assert report.notices == [
        "表格中写“/”或“—”（表示没有）的3格按0导入：规章“本年制发件数”、规章“本年废止件数”、规章“现行有效件数”。",
        "表格中140个空格按0导入（所在行或列的总计表明它们为0）：一、本年新收政府信息公开申请数量“商业企业”、"
        "一、本年新收政府信息公开申请数量“科研机构”、一、本年新收政府信息公开申请数量“社会公益组织”、"
        "一、本年新收政府信息公开申请数量“法律服务机构”、一、本年新收政府信息公开申请数量“其他”等140格。",
        "文档中的1张图片不导入（报告中只保留文字和表格）。",
        "文末的落款和日期不作为正文导入：临淄区人社局　2024年1月20日。",
    ]
    assert report.blanks == []


def test_automatically_numbered_headings_inline_subheadings_and_no_total_column():
    style = Style(
        title=("临淄区人社局2023年政府信息公开工作年度报告",),
        headings={
            1: "总体情况",
            2: "主动公开政府信息情况",
            3: "收到和处理政府信息公开申请情况",
            4: "政府信息公开行政复议、行政诉讼情况",
            5: "存在的主要问题及改进情况",
            6: "其他需要报告的事项",
        },
        inline=True,
        totals=False,
    )
    report = read(build_report(values_2023(), TEXTS, style))
    assert complete({k: report.values[k] for k in typed_keys()}) == complete(values_2023())
    assert report.texts["overview_active"] == TEXTS["overview_active"]
    assert report.texts["other"] == TEXTS["other"]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("一、总体情况", 1),
        ("一、 总 体 情 况", 1),
        ("一．总体情况", 1),
        ("一、概述", 1),
        ("二、主动公开政府信息情况", 2),
        ("二、主动公开政府信息情况（表格）", 2),
        ("三、收到和处理政府信息公开申请情况", 3),
        ("三、收到和处理政府信息公开申请的情况", 3),
        ("四、政府信息公开行政复议、行政诉讼情况", 4),
        ("四、因政府信息公开申请行政复议、提起行政诉讼的情况", 4),
        ("四、政府信息公开行政复议和行政诉讼情况", 4),
        ("四、政府信息公开行政复议、行政诉讼情况况", 4),
        ("五、存在的主要问题及改进情况", 5),
        ("五、政府信息公开工作存在的主要问题及改进情况", 5),
        ("五、存在的主要问题和改进措施", 5),
        ("四、存在问题及改进情况", 5),
        ("六、其他需要报告的事项", 6),
        ("六、其他需要报告事项", 6),
        ("五、其他需要报告的事项", 6),
        ("其他需要报告的事项", 6),
    ],
)
def test_headings_as_they_are_written(text, section):
    assert top_heading(text)[0] == section


@pytest.mark.parametrize(
    "text",
    [
        "二是积极推进主动公开。",
        "（一）主动公开",
        "2024年共收到政府信息公开申请12件。",
        "一、加强组织领导，强化责任落实，确保工作落到实处。",
    ],
)
def test_sentences_and_subheadings_are_not_headings(text):
    found = top_heading(text)
    assert found is None or found[1] < 1.0


@pytest.mark.parametrize(
    ("text", "key", "after"),
    [
        ("(一)主动公开。制定出台《工作方案》。", "overview_active", "制定出台《工作方案》。"),
        ("（二）依申请公开情况", "overview_requests", ""),
        ("（二）依公开申请。依法依规办理。", "overview_requests", "依法依规办理。"),
        ("（三）政府信息管理：严格审查。", "overview_management", "严格审查。"),
        ("（四）平台建设", "overview_platform", ""),
        ("(五)监督保障方面。充分发挥作用。", "overview_supervision", "充分发挥作用。"),
        ("（三）处理群众咨询和投诉工作情况。本年度共处理群众留言92条。", None, "本年度共处理群众留言92条。"),
    ],
)
def test_subheadings_inline_or_on_their_own(text, key, after):
    found = sub_heading(text)
    assert (found[0], found[2]) == (key, after)


def test_a_subheading_of_the_units_own_stays_where_it_stands():
    texts = {**TEXTS, "overview_requests": "共收到政府信息公开申请九件。"}
    data = build_report(values_2023(), texts, Style(title=("2023年政府信息公开工作年度报告",)))
    data = edit_part(data, "（二）依申请公开".encode(), "（二）依申请公开工作情况".encode())
    data = edit_part(data, "（三）政府信息管理".encode(), "（三）处理群众咨询和投诉工作情况".encode())
    report = read(data)
    assert (
        report.texts["overview_requests"]
        == "共收到政府信息公开申请九件。\n（三）处理群众咨询和投诉工作情况\n" + TEXTS["overview_management"]
    )
    assert report.texts["overview_management"] == ""


def test_a_row_left_blank_with_nothing_to_decide_it_is_imported_as_not_entered():
    data = build_report(values_2023(), TEXTS, Style(title=("2023年政府信息公开工作年度报告",)))
    data = edit_part(data, b"<w:t>1326</w:t>", b"<w:t></w:t>")
    report = read(data)
    assert report.values["licensing.decisions"] is None
    assert report.blanks == ["licensing.decisions"]
    assert report.notices[-1] == "表格中1格为空，按未录入导入，提交前须在网页上补填：行政许可“本年处理决定数量”。"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "本年制发件数".encode(),
            "本年新制作数量".encode(),
            "第1个表格（二、主动公开政府信息情况）是2019年的旧格式（有“本年新制作数量”“对外公开总数量”等栏目）。"
            "本系统按国家2021年格式（国办公开办函〔2021〕30号）导入，请改为“本年制发件数、本年废止件数、现行有效件数”的新格式后再导入。",
        ),
        (
            "6.属于四类过程性信息".encode(),
            "6.属于什么信息".encode(),
            "第2个表格中有一行无法识别：“6.属于什么信息”。每行开头应是国家格式中的项目名称，如“1.属于国家秘密”。",
        ),
        (b"<w:t>1326</w:t>", "<w:t>一千</w:t>".encode(), "第1个表格中行政许可“本年处理决定数量”：“一千”不是数字"),
        (b"<w:t>9</w:t>", b"<w:t>-9</w:t>", "第2个表格中一、本年新收政府信息公开申请数量“自然人”：不能为负数（-9）"),
    ],
)
def test_what_cannot_be_read_right_refuses_the_file(old, new, message):
    data = edit_part(build_report(values_2023(), TEXTS, Style(title=("2023年政府信息公开工作年度报告",))), old, new)
    with pytest.raises(ImportRejected) as refused:
        read(data)
    assert refused.value.errors[0].reason == message


def test_a_report_in_the_old_format_of_2017_is_refused_whole():
    import io

    from docx import Document

    doc = Document()
    for line in (
        "临淄区人民政府2017年度政府",
        "信息公开工作年度报告",
        "一、概述",
        "2017年，紧紧围绕区委区政府重大决策部署。",
    ):
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=3)
    for i, text in enumerate(("统计指标", "单位", "统计数")):
        table.rows[0].cells[i].text = text
    for i, text in enumerate(("（一）收到申请数", "件", "249")):
        table.rows[1].cells[i].text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    with pytest.raises(ImportRejected) as refused:
        read(buffer.getvalue(), year=2017)
    assert [e.reason for e in refused.value.errors] == [
        "文件中没有找到国家格式的表格（二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
        "四、政府信息公开行政复议、行政诉讼情况）。本系统按国家2021年格式（国办公开办函〔2021〕30号）导入年度报告，"
        "更早格式的报告请按新格式填写后再导入。"
    ]


def test_four_as_two_tables_and_the_report_inside_a_frame():
    style = Style(title=("临淄区人社局2023年政府信息公开工作年度报告",), appeals_split=True, framed=True)
    values = values_2023()
    values.update({"cases.review_upheld": 1, "cases.after_pending": 2})
    report = read(build_report(values, TEXTS, style))
    assert complete({k: report.values[k] for k in typed_keys()}) == complete(values)
    assert report.texts["overview_requests"] == TEXTS["overview_requests"]
    assert report.texts["other"] == TEXTS["other"]


def test_a_sentence_naming_the_report_is_not_its_title():
    style = Style(title=("根据《中华人民共和国政府信息公开条例》规定，现公布区人社局2023年政府信息公开工作年度报告。",))
    report = read(build_report(values_2023(), TEXTS, style))
    assert report.title == ""
    assert report.notices[0] == "没有找到报告标题（开头含“报告”二字的一行），沿用现有标题。"
    assert report.texts["preface"].startswith("根据《中华人民共和国政府信息公开条例》规定，现公布")


def test_a_date_in_brackets_at_the_end_is_the_signature():
    style = Style(title=("2023年政府信息公开工作年度报告",), signature=("临淄区人社局", "（2024年1月20日）"))
    report = read(build_report(values_2023(), TEXTS, style))
    assert report.texts["other"] == TEXTS["other"]
    assert report.notices[-1] == "文末的落款和日期不作为正文导入：临淄区人社局　（2024年1月20日）。"


def test_a_table_with_its_heading_inside_it_is_still_found():
    data = build_report(values_2023(), TEXTS, Style(title=("2023年政府信息公开工作年度报告",)))
    # the heading of 二 moved from the paragraph above the table into the table's first row
    data = edit_part(data, "<w:t>二、主动公开政府信息情况</w:t>".encode(), b"<w:t></w:t>")
    data = edit_part(data, "第二十条第（一）项".encode(), "二、主动公开政府信息情况 第二十条第（一）项".encode())
    report = read(data)
    assert complete({k: report.values[k] for k in typed_keys()}) == complete(values_2023())


@pytest.mark.parametrize("what", ["labels", "headings"])
def test_a_file_full_of_near_labels_or_near_headings_is_refused_quickly(what):
    import random
    import time

    rng = random.Random(2)
    if what == "labels":
        letters = list("本年新收政府信息公开申请数量结转下年度继续办理予以公开部分属于国家秘密")
        cells = "".join(
            "<w:tr>"
            + "".join(
                f"<w:tc><w:p><w:r><w:t>{''.join(rng.choices(letters, k=12))}</w:t></w:r></w:p></w:tc>" for _ in range(8)
            )
            + "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
            for _ in range(450)
        )
        xml = f"<w:tbl>{cells}</w:tbl>" * 3
    else:
        letters = list("总体情况主动公开政府信息存在的主要问题及改进其他需要报告事项")
        xml = "".join(
            f"<w:p><w:r><w:t>一、{''.join(rng.choices(letters, k=10))}</w:t></w:r></w:p>" for _ in range(15000)
        )
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{xml}</w:body></w:document>"
    ).encode()
    data = with_document(build_report(values_2023(), TEXTS), document)
    started = time.perf_counter()
    with pytest.raises(ImportRejected) as refused:
        read(data)
    assert refused.value.errors[0].reason == "无法读取：文件中像标题或表格项目的文字过多，不像是一份年度报告。"
    assert time.perf_counter() - started < 2
