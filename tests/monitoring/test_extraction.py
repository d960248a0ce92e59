"""The items of a listing page are found without configuration on the markups government CMSs use,
and dates that are not an item's are left alone."""

import datetime

import pytest

from monitoring.crawler.dates import find_dates, parse_date
from monitoring.crawler.extract import SelectorError, extract_items, select_items
from monitoring.crawler.html import decode, parse

URL = "http://www.example.gov.cn/zwgk/zcwj/index.html"
D = datetime.date


def items_of(body: str, url: str = URL, selector: str = ""):
    root, base = parse(f"<html><head><title>t</title></head><body>{body}</body></html>", url)
    found = select_items(root, selector, base) if selector else extract_items(root, url, base)
    return [(i.title, i.url.removeprefix("http://www.example.gov.cn"), i.date.isoformat()) for i in found]


PAGE_CHROME = """
<div class="header"><span>今天是2024年7月1日 星期一</span><a href="/">首页</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件 2024-07-01</div>
<div class="left"><ul><li><a href="/zwgk/zcwj/">政策文件</a></li><li><a href="/zwgk/zcjd/">政策解读</a></li></ul></div>
{main}
<div class="side"><h3>热点信息</h3><ul>
<li><a href="/news/1.html">区政府召开常务会议</a><span>2024-06-30</span></li>
<li><a href="/news/2.html">全区安全生产工作会议召开</a><span>2024-06-29</span></li></ul>
<p>发布日期：2024-06-20</p><a href="/about.html">栏目说明</a></div>
<div class="footer"><a href="/map.html">网站地图</a> <a href="/lx.html">联系我们</a>
<p>网站更新时间：2024-07-01</p><p>版权所有 © 2024 临淄区人民政府 鲁ICP备05000000号-1</p></div>
"""


def test_ul_li_with_span_dates_and_full_titles_in_title_attributes():
    main = """<div class="list"><ul>
      <li><a href="./202406/t20240605_1.html" title="关于印发临淄区优化营商环境若干措施的通知">关于印发临淄区优化营商…</a><span>2024-06-05</span></li>
      <li><a href="./202405/t20240511_2.html" title="临淄区2024年政务公开工作要点">临淄区2024年政务公开工作要点</a><span>[2024-05-11]</span></li>
      <li><a href="./202403/t20240302_3.html">关于2024年3月1日起施行新标准的通知</a><span>2024/3/2</span></li>
    </ul></div>"""
    assert items_of(PAGE_CHROME.format(main=main)) == [
        ("关于印发临淄区优化营商环境若干措施的通知", "/zwgk/zcwj/202406/t20240605_1.html", "2024-06-05"),
        ("临淄区2024年政务公开工作要点", "/zwgk/zcwj/202405/t20240511_2.html", "2024-05-11"),
        ("关于2024年3月1日起施行新标准的通知", "/zwgk/zcwj/202403/t20240302_3.html", "2024-03-02"),
    ]


def test_one_item_wins_over_a_sidebar_date_and_a_footer_date():
    main = '<div class="list"><ul><li><a href="./202401/t1.html">临淄区政务公开保障机制</a><em>2024年01月05日</em></li></ul></div>'
    body = PAGE_CHROME.format(main=main).replace(
        '<li><a href="/news/2.html">全区安全生产工作会议召开</a><span>2024-06-29</span></li>', ""
    )
    assert items_of(body) == [("临淄区政务公开保障机制", "/zwgk/zcwj/202401/t1.html", "2024-01-05")]


def test_rows_of_an_old_nested_table_layout():
    main = """<table width="100%"><tr><td>
      <table class="lb" width="100%">
      <tr><td width="3%"><img src="/images/dot.gif"></td><td><a href="/zwgk/zcwj/202404/t20240412_9.html" target="_blank">临淄区人民政府关于公布行政规范性文件清理结果的通知</a></td><td width="15%" align="right">2024.04.12</td></tr>
      <tr><td colspan="3" height="1" background="/images/line.gif"></td></tr>
      <tr><td><img src="/images/dot.gif"></td><td><a href="/zwgk/zcwj/202403/t20240328_8.html" target="_blank">关于做好2024年春季植树造林工作的通知</a></td><td align="right">2024.03.28</td></tr>
      </table></td></tr></table>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-04-12", "2024-03-28"]


def test_policy_tables_take_the_publication_date_not_the_date_written():
    main = """<table class="zfxxgk"><tr><th>索引号</th><th>名称</th><th>文号</th><th>成文日期</th><th>发布日期</th></tr>
      <tr><td>113703050045/2024-00012</td><td><a href="/zwgk/zcwj/202405/t1.html">关于印发某办法的通知</a></td><td>临政办字〔2024〕12号</td><td>2024-04-28</td><td>2024-05-06</td></tr>
      <tr><td>113703050045/2024-00011</td><td><a href="/zwgk/zcwj/202404/t2.html">关于某事项的批复</a></td><td>临政字〔2024〕9号</td><td>2024-04-01</td><td>2024-04-02</td></tr></table>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-05-06", "2024-04-02"]


def test_a_header_row_of_plain_cells_labels_the_dates_and_a_validity_date_is_never_one():
    rows = '<tr><td>临政办发〔2024〕3号</td><td><a href="/zwgk/zcwj/t1.html">关于印发某办法的通知</a></td><td>2024-03-02</td><td>{}</td></tr>'
    head = '<tr class="title"><td>文号</td><td>标题</td><td>发布日期</td><td>实施日期</td></tr>'
    # Put into force a month after publication: the header row, though of <td>s, says which is which.
    assert [i[2] for i in items_of(f"<table>{head}{rows.format('2024-04-01')}</table>")] == ["2024-03-02"]
    # Without any header, a date after tomorrow (valid until 2099) is not when the item was published.
    assert [i[2] for i in items_of(f"<table>{rows.format('2099-03-01')}</table>")] == ["2024-03-02"]


def test_whole_items_as_links_with_the_date_inside():
    main = """<ul class="news-list">
      <li><a href="/zwgk/zcwj/1.html"><p class="tit">临淄区召开政务公开工作推进会</p><p class="time">2024-06-12 09:30:00</p></a></li>
      <li><a href="/zwgk/zcwj/2.html"><p class="tit">临淄区政务服务中心延时服务的公告</p><p class="time">2024-06-01 16:00:00</p></a></li></ul>"""
    assert items_of(PAGE_CHROME.format(main=main))[0] == (
        "临淄区召开政务公开工作推进会",
        "/zwgk/zcwj/1.html",
        "2024-06-12",
    )


def test_definition_lists_pair_each_date_with_the_link_before_it():
    main = """<dl class="list">
      <dt><a href="/zwgk/zcwj/1.html">关于开展政务公开培训的通知</a></dt><dd>2024-05-20</dd>
      <dt><a href="/zwgk/zcwj/2.html">关于报送政府信息公开年报的通知</a></dt><dd>2024-01-08</dd>
      <dt><a href="/zwgk/zcwj/3.html">关于进一步做好政务公开工作的意见</a></dt><dd>2023-12-28</dd></dl>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-05-20", "2024-01-08", "2023-12-28"]


def test_div_items_with_an_info_line_and_a_summary_holding_other_dates():
    main = """<div class="content">
      <div class="item"><h3><a href="/zwgk/zcwj/1.html">区发改局召开重点项目推进会</a></h3>
        <p class="info">发布时间：2024-06-25 来源：区发改局 浏览次数：123</p>
        <p class="summary">2024年6月20日上午，区发改局召开重点项目推进会议，会议要求到2024年12月31日前全部完工。</p></div>
      <div class="item"><h3><a href="/zwgk/zcwj/2.html">区发改局开展安全生产检查</a></h3>
        <p class="info">发布时间：2024-06-03 来源：区发改局</p><p class="summary">近日，区发改局……</p></div></div>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-06-25", "2024-06-03"]


def test_a_date_written_by_a_small_script_inside_the_item():
    main = """<ul class="list">
      <li><a href="/zwgk/zcwj/1.html">临淄区2024年预算公开</a><span><script>document.write("2024-02-01 08:00:00".substring(0,10));</script></span></li>
      <li><a href="/zwgk/zcwj/2.html">临淄区2023年决算公开</a><span><script>document.write("2023-09-01 08:00:00".substring(0,10));</script></span></li></ul>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-02-01", "2023-09-01"]


def test_full_width_digits_and_chinese_dates():
    main = """<ul class="list"><li><a href="/zwgk/zcwj/1.html">通知一</a><span>２０２４－０３－０２</span></li>
      <li><a href="/zwgk/zcwj/2.html">通知二</a><span>2024年3月9日</span></li></ul>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-03-02", "2024-03-09"]


def test_a_page_whose_only_dates_are_in_header_breadcrumb_and_footer_has_no_items():
    body = PAGE_CHROME.format(main='<div class="list"><p>暂无信息</p></div>').split('<div class="side">')[0]
    assert items_of(body + '<div class="footer">网站更新时间：2024-07-01</div>') == []


def test_a_side_box_list_never_counts_and_a_list_in_a_side_named_half_only_alone():
    """An empty column with a 热点信息 box has no items (the box's news would make it look updated)."""
    assert items_of(PAGE_CHROME.format(main='<div class="list"><p>暂无信息</p></div>')) == []
    # The box's title bar says what it is whatever its classes are: 最新动态 in a plain "main-right".
    box = """<div class="main-right"><div class="box-title">最新动态<a href="/zxdt/">更多&gt;&gt;</a></div>
      <div class="box-list"><div class="box-item"><a href="/zxdt/1.html">“五一”假期接待游客38.6万人次</a><span>2024-05-05</span></div>
      <div class="box-item"><a href="/zxdt/2.html">齐文化节文旅惠民活动启动</a><span>2024-04-28</span></div></div></div>"""
    assert (
        items_of('<div class="main-left"><div class="col-name">政务公开保障机制</div><p>暂无信息</p></div>' + box) == []
    )
    main = '<div class="list"><div class="title">政务公开保障机制</div><ul><li><a href="./1.html">唯一的条目</a><span>2024-01-05</span></li></ul></div>'
    assert items_of(main + box) == [("唯一的条目", "/zwgk/zcwj/1.html", "2024-01-05")]
    # An item titled 最新… is an item, not a title bar.
    main = '<div class="list"><ul><li><a href="./1.html">最新通知</a><span>2024-01-05</span></li><li><a href="./2.html">公告</a><span>2024-01-04</span></li></ul></div>'
    assert [i[0] for i in items_of(main + box)] == ["最新通知", "公告"]
    # Templates calling the column's half of the page a side: its list counts when there is no other.
    main = '<div class="right-side"><h2>政策文件</h2><ul><li><a href="./2.html">条目</a><span>2024-02-05</span></li></ul></div>'
    assert items_of(PAGE_CHROME.format(main=main)) == [("条目", "/zwgk/zcwj/2.html", "2024-02-05")]


def test_the_list_under_the_pages_own_column_name_wins_over_a_longer_box():
    """大汉 pages link items under /art/, so the folder says nothing; the page names its column."""
    box = (
        '<div class="r-box"><div class="r-title">通知公告</div><ul>'
        + "".join(
            f'<li><a href="/art/2024/5/{n}/art_3620_{n}.html">关于开展第{n}批健康教育活动的通知</a><span>2024-05-0{n}</span></li>'
            for n in range(1, 6)
        )
        + "</ul></div>"
    )
    main = """<div class="l-box"><div class="l-title">部门职责任务清单</div><ul>
      <li><a href="/art/2023/5/5/art_3610_1.html">部门职责任务清单（2023年版）</a><span>2023-05-05</span></li>
      <li><a href="/art/2022/4/20/art_3610_2.html">部门职责任务清单（2022年版）</a><span>2022-04-20</span></li></ul></div>"""
    url = "http://www.example.gov.cn/col/col3610/index.html"
    for head in (
        '<meta name="ColumnName" content="部门职责任务清单"><title>临淄区卫生健康局</title>',
        "<title>部门职责任务清单_临淄区卫生健康局</title>",
    ):
        root, base = parse(f"<html><head>{head}</head><body>{main}{box}</body></html>", url)
        assert [i.date.isoformat() for i in extract_items(root, url, base)] == ["2023-05-05", "2022-04-20"]


def test_titles_with_dates_and_no_other_dates_fall_back_to_the_titles():
    main = """<ul class="list"><li><a href="/zwgk/zcwj/1.html">2024-05-06 区政府第12次常务会议</a></li>
      <li><a href="/zwgk/zcwj/2.html">2024-04-20 区政府第11次常务会议</a></li></ul>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-05-06", "2024-04-20"]


def test_a_css_selector_overrides_the_generic_reading():
    main = """<div class="list"><div class="row"><a href="/zwgk/zcwj/1.html">甲</a><i>2024-06-01</i></div>
      <div class="row"><a href="/zwgk/zcwj/2.html">乙</a><i>2024-05-01</i></div></div>"""
    assert items_of(PAGE_CHROME.format(main=main), selector="div.row") == [
        ("甲", "/zwgk/zcwj/1.html", "2024-06-01"),
        ("乙", "/zwgk/zcwj/2.html", "2024-05-01"),
    ]
    assert items_of(PAGE_CHROME.format(main=main), selector=".side li") == [
        ("区政府召开常务会议", "/news/1.html", "2024-06-30"),
        ("全区安全生产工作会议召开", "/news/2.html", "2024-06-29"),
    ]
    with pytest.raises(SelectorError, match="CSS选择器“div\\[”无法识别"):
        items_of(main, selector="div[")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-02", D(2024, 3, 2)),
        ("[2024-03-02]", D(2024, 3, 2)),
        ("2024年03月02日", D(2024, 3, 2)),
        ("2024/3/2", D(2024, 3, 2)),
        ("2024.03.02", D(2024, 3, 2)),
        ("（2024-03-02）", D(2024, 3, 2)),
        ("发布日期：2024-03-02 10:20:30", D(2024, 3, 2)),
        ("2024-02-30", None),
        ("2024-03/02", None),
        ("2024年3-2", None),
        ("20240302", None),
        ("版权所有 2024-03-02", None),
        ("今天是2024年3月2日 星期六", None),
    ],
)
def test_date_forms(text, expected):
    assert parse_date(text) == expected


def test_a_date_inside_a_sentence_is_not_an_items_date():
    (found,) = find_dates("关于2024年3月1日起施行《临淄区物业管理办法》并做好相关衔接工作的通知")
    assert found.tier == 1


def test_encodings_from_the_header_the_meta_tag_or_by_trying():
    text = "<html><head><meta charset='gb2312'></head><body>政策文件</body></html>"
    assert "政策文件" in decode(text.encode("gb18030"))
    assert "政策文件" in decode(text.replace("gb2312", "utf-8").encode("gb18030"))  # declared wrongly
    assert "政策文件" in decode("<p>政策文件</p>".encode("gbk"), "GBK")
    assert "政策文件" in decode("<p>政策文件</p>".encode())


def test_a_date_drawn_in_two_boxes():
    main = """<ul class="news">
      <li><div class="date"><span>02</span><p>2024-03</p></div><a href="/zwgk/zcwj/1.html">通知一</a></li>
      <li><div class="date"><b>2024年02月</b><i>28</i></div><a href="/zwgk/zcwj/2.html">通知二</a></li></ul>"""
    assert [i[2] for i in items_of(PAGE_CHROME.format(main=main))] == ["2024-03-02", "2024-02-28"]


def test_links_and_dates_separated_by_line_breaks():
    main = """<div class="list"><img src="/dot.gif"><a href="/zwgk/zcwj/1.html">通知一</a> 2024-03-02<br>
      <img src="/dot.gif"><a href="/zwgk/zcwj/2.html">通知二</a> 2024-02-27<br>
      <img src="/dot.gif"><a href="/zwgk/zcwj/3.html">通知三</a> 2024-01-05<br>
      <img src="/dot.gif"><a href="/zwgk/zcwj/4.html">通知四</a> 2023-12-30<br>
      <img src="/dot.gif"><a href="/zwgk/zcwj/5.html">通知五</a> 2023-12-01<br></div>"""
    assert items_of(PAGE_CHROME.format(main=main))[:2] == [
        ("通知一", "/zwgk/zcwj/1.html", "2024-03-02"),
        ("通知二", "/zwgk/zcwj/2.html", "2024-02-27"),
    ]
    assert len(items_of(PAGE_CHROME.format(main=main))) == 5
    two = main.split("<img", 3)
    assert [i[2] for i in items_of(PAGE_CHROME.format(main="<img".join(two[:3]) + "</div>"))] == [
        "2024-03-02",
        "2024-02-27",
    ]
