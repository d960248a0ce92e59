"""Importing an existing register from a clerk's sheet: dates and names as clerks write them, the
due date computed per the rules, all or nothing with the row and the reason, and the same file
imported twice registers nothing twice."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from applications.models import Appeal, Application, Consultation

from .helpers import HEADER, sheet_row

pytestmark = pytest.mark.django_db
D = datetime.date


def clerk_sheet():
    """A sheet as a clerk keeps it: a title above the header, spaces in the titles, dates as
    Excel dates, as the number Excel stores and as text in several styles."""
    return [
        ["区人社局2024年政府信息公开申请登记簿"],
        [
            " 收到日期",
            "提交方式 ",
            "申请人类型",
            "申请内容",
            "补正告知日期",
            "补正收到日期",
            "延期",
            "征求意见天数",
            "答复日期",
            "处理结果",
            "复议诉讼",
            "复议诉讼结果",
        ],
        # Fri 2 Feb 2024 as an Excel date → due Wed 6 Mar (春节, see test_deadlines).
        sheet_row(datetime.datetime(2024, 2, 2), channel="当面", answered="2024年3月6日", outcome=" 予以公开 "),
        # Fri 13 Sep 2024 as the number Excel stores (45548), extended → due Thu 14 Nov.
        sheet_row(
            45548,
            channel="邮寄",
            applicant=" 商业企业",
            extended="是",
            answered="2024.11.15",
            outcome="4.保护第三方合法权益",
        ),
        # Mon 22 Apr 2024, corrected Mon 6 May → due Fri 31 May; answered without the reason's number.
        sheet_row(
            "2024-4-22",
            correction_requested="2024/4/25",
            corrected="2024年5月6日",
            answered="2024-05-31",
            outcome="本机关不掌握相关政府信息",
        ),
        # Fri 19 Sep 2025 with 5 days' consultation → Thu 30 Oct; not answered yet.
        sheet_row("2025年9月19日", channel="传真", applicant="法律服务机构", consultation=5),
        # 其他 is （六）3.其他; an appeal with its result.
        sheet_row(
            " 2024 年 6 月 7 日 ",
            channel="网络",
            answered="2024-7-1",
            outcome="其他",
            appeal="行政复议",
            appeal_result="结果纠正",
        ),
        [None] * 12,
    ]


def test_a_clerks_sheet_is_imported_with_exact_due_dates(renshe, xlsx_file):
    call_command("import_applications", str(xlsx_file(clerk_sheet())), "--unit", "人社局")
    rows = list(
        Application.objects.order_by("received_on").values_list(
            "received_on", "due_on", "answered_on", "outcome", "status"
        )
    )
    assert rows == [
        (D(2024, 2, 2), D(2024, 3, 6), D(2024, 3, 6), "granted", "answered"),
        (D(2024, 4, 22), D(2024, 5, 31), D(2024, 5, 31), "unable_1", "answered"),
        # Fri 7 Jun 2024 → Mon 8 Jul (端午 10 Jun).
        (D(2024, 6, 7), D(2024, 7, 8), D(2024, 7, 1), "other_3", "answered"),
        (D(2024, 9, 13), D(2024, 11, 14), D(2024, 11, 15), "refused_4", "answered"),
        # 23 Oct 2025 + 5: 24(21) | 27(22) 28(23) 29(24) 30(25) → Thu 30 Oct.
        (D(2025, 9, 19), D(2025, 10, 30), None, "", "open"),
    ]
    assert Application.objects.get(received_on=D(2024, 9, 13)).is_late
    assert list(Appeal.objects.values_list("kind", "result")) == [("review", "corrected")]
    assert list(Consultation.objects.values_list("days", flat=True)) == [5]
    assert set(Application.objects.values_list("channel", flat=True)) == {"in_person", "post", "online", "fax"}


BAD = [
    HEADER,
    sheet_row("2024-03-04", answered="2024-03-20", outcome="予以公开"),
    sheet_row("2024年2月30日"),
    sheet_row("2024-03-05", answered="2024-03-01", outcome="予以公开"),
    sheet_row("2024-03-06", answered="2024-03-20", outcome="部分不公开"),
    sheet_row("2024-03-07", extended="两次"),
    sheet_row("2024-03-08", extended="40"),
]
BAD_LINES = [
    "第3行 收到日期: 日期不存在：“2024年2月30日”（2024年2月没有30日）",
    "第4行 答复日期: 答复日期（2024年3月1日）早于收到申请日期（2024年3月5日）",
    "第5行 处理结果: 未知的处理结果“部分不公开”，应为予以公开、部分公开，或表三中的理由，如“4.保护第三方合法权益”“本机关不掌握相关政府信息”",
    "第6行 延期: “两次”：答复期限只能延长一次（条例第三十三条），不能第二次延期",
    "第7行 延期: “40”：延长的期限最长不得超过20个工作日（条例第三十三条）",
]


def test_bad_rows_are_refused_with_row_and_reason_and_nothing_is_written(renshe, xlsx_file, capsys):
    with pytest.raises(CommandError, match="共5处错误，未导入任何数据。"):
        call_command("import_applications", str(xlsx_file(BAD)), "--unit", "区人社局")
    assert capsys.readouterr().err.splitlines() == BAD_LINES
    assert Application.objects.count() == 0


def test_the_dry_run_runs_every_check_and_writes_nothing(renshe, xlsx_file, capsys):
    with pytest.raises(CommandError):
        call_command("import_applications", str(xlsx_file(BAD)), "--unit", "区人社局", "--dry-run")
    assert capsys.readouterr().err.splitlines() == BAD_LINES
    call_command("import_applications", str(xlsx_file(clerk_sheet())), "--unit", "区人社局", "--dry-run")
    assert "试运行（未写入任何数据）：新增5条，修改0条，删除0条，未变0条" in capsys.readouterr().out
    assert Application.objects.count() == 0


def test_the_same_file_twice_registers_nothing_twice_and_a_change_is_a_change(renshe, xlsx_file, capsys):
    rows = [HEADER, sheet_row("2024-03-04"), sheet_row("2024-03-04"), sheet_row("2024-03-05", content="另一件")]
    call_command("import_applications", str(xlsx_file(rows)), "--unit", "区人社局")
    assert Application.objects.count() == 3  # two identical applications on one day are two
    capsys.readouterr()
    call_command("import_applications", str(xlsx_file(rows)), "--unit", "区人社局")
    assert "已导入：新增0条，修改0条，删除0条，未变3条" in capsys.readouterr().out
    rows[3] = sheet_row("2024-03-05", content="另一件", answered="2024-03-20", outcome="2.重复申请")
    call_command("import_applications", str(xlsx_file(rows)), "--unit", "区人社局")
    assert "已导入：新增0条，修改1条，删除0条，未变2条" in capsys.readouterr().out
    changed = Application.objects.get(content="另一件")
    assert (changed.outcome, changed.status) == ("not_processed_2", "answered")
    assert list(changed.transitions.values_list("from_status", "to_status")) == [("open", "answered")]
    assert changed.history.count() == 2


@pytest.mark.parametrize(
    ("outcome", "key"),
    [
        ("予以公开", "granted"),
        ("（一）予以公开", "granted"),
        ("部分公开", "partly"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly"),
        ("保护第三方合法权益", "refused_4"),
        ("4.保护第三方合法权益", "refused_4"),
        ("4、保护第三方合法权益", "refused_4"),
        ("４．保护第三方合法权益", "refused_4"),
        ("不予公开-保护第三方合法权益", "refused_4"),
        ("（三）不予公开 4.保护第三方合法权益", "refused_4"),
        ("危及“三安全一稳定”", "refused_3"),
        ("3.危及三安全一稳定", "refused_3"),
        ("2.没有现成信息需要另行制作", "unable_2"),
        ("要求行政机关确认或重新出具已获取信息", "not_processed_5"),
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_1"),
        ("其他", "other_3"),
        ("3.其他", "other_3"),
    ],
)
def test_every_way_a_clerk_names_an_outcome(renshe, xlsx_file, outcome, key):
    path = xlsx_file([HEADER, sheet_row("2024-03-04", answered="2024-03-20", outcome=outcome)])
    call_command("import_applications", str(path), "--unit", "区人社局")
    assert Application.objects.get().outcome == key


def test_a_unit_that_does_not_exist_is_named(db, xlsx_file):
    with pytest.raises(CommandError, match="找不到单位“区不存在局”"):
        call_command("import_applications", str(xlsx_file([HEADER])), "--unit", "区不存在局")


def test_a_sheet_without_the_required_columns_is_refused(renshe, xlsx_file, capsys):
    with pytest.raises(CommandError):
        call_command(
            "import_applications", str(xlsx_file([["收到日期", "申请内容"], ["2024-3-4", "x"]])), "--unit", "区人社局"
        )
    assert capsys.readouterr().err.splitlines() == [
        "第1行 表头: 缺少“提交方式”列",
        "第1行 表头: 缺少“申请人类型”列",
        "第1行 表头: 缺少“答复日期”列",
        "第1行 表头: 缺少“处理结果”列",
    ]


def test_what_clerks_write_for_nothing_is_nothing(renshe, xlsx_file):
    rows = [
        HEADER,
        sheet_row(
            "2024.3.4.", channel="", extended="否", consultation="—", answered="未答复", outcome="—", appeal="无"
        ),
        sheet_row(
            45356.4375, channel="/", extended="/", answered="2024-3-20", outcome="予以公开"
        ),  # a date with a time
    ]
    call_command("import_applications", str(xlsx_file(rows)), "--unit", "区人社局")
    assert list(
        Application.objects.order_by("pk").values_list("received_on", "channel", "extension_days", "status")
    ) == [
        (D(2024, 3, 4), "", None, "open"),
        (D(2024, 3, 5), "", None, "answered"),
    ]


def test_a_changed_field_is_shown_with_its_name_apart_from_its_value(renshe, xlsx_file):
    from applications.services import applications_import

    rows = [HEADER, sheet_row("2024-03-05", content="另一件")]
    call_command("import_applications", str(xlsx_file(rows)), "--unit", "区人社局")
    rows[1] = sheet_row("2024-03-05", content="另一件", answered="2024-03-20", outcome="2.重复申请")
    with open(xlsx_file(rows), "rb") as source:
        result = applications_import(source=source, unit=renshe, dry_run=True)
    assert [(c.action, c.old, c.new) for c in result.changes] == [
        ("修改", "答复日期：—；处理结果：—", "答复日期：2024年3月20日；处理结果：2.重复申请")
    ]
