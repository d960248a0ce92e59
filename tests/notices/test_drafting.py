"""The notice drafts itself from the quarter's data."""

import datetime

from reports.drafting import draft_notice, short_name, unit_list
from reports.models import Notice


def test_short_names_as_the_office_writes_them():
    assert short_name("区财政局") == "财政局"
    assert short_name("金岭回族镇") == "金岭回族镇"
    assert short_name("临淄生态环境分局") == "临淄生态环境分局"
    assert unit_list(["区财政局", "区财政局", "闻韶街道"]) == "财政局、闻韶街道"


def test_draft_text_from_the_data(quarter_data):
    notice = draft_notice(year=2024, quarter=4, issue_date=datetime.date(2025, 1, 10))

    assert notice.title == "临淄区人民政府办公室关于2024年第四季度全区政务公开工作情况的通报"
    assert notice.addressee == "各镇人民政府、街道办事处，各开发区管委会，区政府各部门，有关企事业单位："
    assert notice.overview.endswith(
        "；“政务公开在行动”栏目退役军人事务局稿件被省采用1篇；人社局、临淄医疗保障分局稿件被市采用各1篇。"
    )
    assert notice.problems == (
        "一是政府信息主动公开方面个别单位存在栏目更新不及时问题，如敬仲镇等。"
        "二是政府文件公开方面个别单位存在字体不规范、发文字号和此件公开发布缺失等问题，如财政局、闻韶街道等。"
        "三是“政务公开在行动”栏目投稿方面部分单位不重视，稿件数量为零，如发改局、雪宫街道等；"
        "部分稿件质量不高、内容与政务公开无关，如教体局等。"
        "四是问题整改方面存在整改不及时问题，如闻韶街道等。"
    )
    assert notice.requirements.endswith("请于1月15日前将反馈问题全部整改到位，区政府办公室将对整改情况进行检查。")
    assert notice.rectification_deadline == datetime.date(2025, 1, 15)
    # The office's 2024 notice (seed 000): 1. 政务公开工作检查情况 2. 各单位政务公开工作投稿情况.
    assert notice.submissions_style == Notice.SubmissionsStyle.Y2024
    assert notice.attachments == [Notice.AttachmentKind.FINDINGS, Notice.AttachmentKind.SUBMISSIONS]
    assert notice.printing_office == "临淄区人民政府办公室"


def test_no_findings_no_findings_attachment_and_deadline_in_working_days(real_units):
    notice = draft_notice(year=2024, quarter=3, issue_date=datetime.date(2024, 9, 27))

    assert Notice.AttachmentKind.FINDINGS not in notice.attachments
    # Five working days after Friday 27 Sep 2024: 29 Sep (a make-up Sunday), 30 Sep, then 8–10 Oct.
    assert notice.rectification_deadline == datetime.date(2024, 10, 10)
    assert notice.problems.startswith("一是“政务公开在行动”栏目投稿方面部分单位不重视，稿件数量为零，如")


def test_default_issue_date_of_a_past_quarter_is_ten_days_after_it(db):
    from reports.drafting import default_issue_date

    assert default_issue_date(2024, 4) == datetime.date(2025, 1, 10)
    assert default_issue_date(2020, 3) == datetime.date(2020, 10, 10)


def test_overview_does_not_praise_timely_rectification_when_some_is_late(quarter_data):
    notice = draft_notice(year=2024, quarter=4, issue_date=datetime.date(2025, 1, 10))

    assert "能够及时整改到位" not in notice.overview
