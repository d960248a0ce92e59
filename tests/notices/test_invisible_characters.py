"""Characters nobody sees but every printout obeys never reach a notice: a direction override (‮)
printed 右到左 as 左到右 in the PDF, zero-width spaces and byte-order marks copied from web pages and
control characters were stored as typed. The notice's text, the findings printed in it and article
titles are stored without them."""

import datetime

import pytest

from reports.models import Notice
from reports.services import notice_draft_update
from submissions.services import article_register
from tests.factories import NoticeFactory, UnitFactory
from tests.inspections.helpers import finding

pytestmark = pytest.mark.django_db

TYPED = "测试\u202e右到左\u202c覆盖，零宽\u200b空格，\x07响铃\r\n\ufeff第二行"
SEEN = "测试右到左覆盖，零宽空格，响铃\n第二行"


def test_the_notice_text_is_stored_as_seen(staff):
    notice = NoticeFactory(attachments=[])

    notice_draft_update(notice=notice, acting_user=staff, overview=TYPED, title="关于\u200b通报")

    stored = Notice.objects.get()
    assert (stored.overview, stored.title) == (SEEN, "关于通报")


def test_a_finding_and_an_article_are_stored_as_seen(staff):
    from tests.factories import InspectionRoundFactory

    unit = UnitFactory(name="区人社局")
    round_ = InspectionRoundFactory(year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6))

    item = finding(round_, unit, TYPED, column="政策\u200e文件", deadline=datetime.date(2025, 1, 15), acting_user=staff)
    article = article_register(
        unit=unit, title="\ufeff稿件\u202e标题", received_on=datetime.date(2024, 11, 3), acting_user=staff
    )

    assert (item.description, item.column, article.title) == (SEEN, "政策文件", "稿件标题")
