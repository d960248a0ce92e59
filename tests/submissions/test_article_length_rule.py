"""An article under 400 characters is marked 不符合要求 for 字数不足400字 by the one service the
form uses (not refused): a reason the clerk gave stands; a count corrected to 400 or more lifts the
mark the rule set."""

import datetime

import pytest

from submissions.models import Article, length_verdict
from submissions.services import article_register, article_update
from tests.factories import ArticleFactory, UnitFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/data/articles/add/"
D = datetime.date


@pytest.fixture
def unit(db):
    return UnitFactory(name="区人社局")


def form(unit, **changes):
    data = {
        "unit": unit.pk,
        "title": "就业服务进社区",
        "received_on": "2024-10-08",
        "char_count": "399",
        "is_compliant": "1",
        "non_compliance_reason": "",
        "city_adopted_on": "",
        "province_adopted_on": "",
    }
    return data | changes


def stored() -> tuple:
    article = Article.objects.get()
    return article.char_count, article.is_compliant, article.non_compliance_reason


@pytest.mark.parametrize(
    ("count", "compliant", "reason", "expected"),
    [
        (399, True, "", (False, "字数不足400字")),
        (0, True, "", (False, "字数不足400字")),
        (399, False, "", (False, "字数不足400字")),
        (300, False, "内容与政务公开无关", (False, "内容与政务公开无关")),
        (300, True, " 内容与政务公开无关 ", (False, "内容与政务公开无关")),
        (400, True, "", (True, "")),
        (400, False, "字数不足400字", (True, "")),
        (860, False, "内容与政务公开无关", (False, "内容与政务公开无关")),
        (None, True, "", (True, "")),
        (None, False, "字数不足400字", (False, "字数不足400字")),
    ],
)
def test_the_verdict(count, compliant, reason, expected):
    assert length_verdict(char_count=count, is_compliant=compliant, reason=reason) == expected


def test_the_service_marks_a_short_article_itself(unit, staff):
    article = article_register(unit=unit, title="短稿", received_on=D(2024, 10, 8), char_count=300, acting_user=staff)

    assert (article.char_count, article.is_compliant, article.non_compliance_reason) == (300, False, "字数不足400字")
    assert article.history.get().history_change_reason == "登记稿件"


def test_the_form_registers_399_characters_as_not_compliant(staff_client, unit):
    response = staff_client.post(ADD_URL, form(unit), follow=True)

    assert response.redirect_chain == [(f"/data/articles/?unit={unit.pk}&month=2024-10", 302)]
    assert "已登记稿件“就业服务进社区”。" in response.content.decode()
    assert stored() == (399, False, "字数不足400字")
    html = response.content.decode()
    assert '<span class="error">否</span><br><span class="hint">字数不足400字</span>' in html


def test_the_form_keeps_another_reason_and_asks_for_none_when_short(staff_client, unit):
    staff_client.post(ADD_URL, form(unit, is_compliant="0", non_compliance_reason="转载他人稿件"))
    assert stored() == (399, False, "转载他人稿件")

    Article.objects.all().delete()
    staff_client.post(ADD_URL, form(unit, is_compliant="0"))  # 不符合要求 without a reason: the rule's reason
    assert stored() == (399, False, "字数不足400字")


def test_exactly_400_characters_count(staff_client, unit):
    staff_client.post(ADD_URL, form(unit, char_count="400"))

    assert stored() == (400, True, "")


def test_editing_the_count_below_400_marks_it_and_back_above_lifts_the_mark(staff_client, staff, unit):
    article = ArticleFactory(unit=unit, title="就业服务进社区", received_on=D(2024, 10, 8), char_count=860)
    url = f"/data/articles/{article.pk}/edit/"

    version = staff_client.get(url).context["form"].initial["version"]
    staff_client.post(url, form(unit, char_count="350", version=version))
    assert stored() == (350, False, "字数不足400字")

    # The form now shows 不符合要求 / 字数不足400字; the clerk corrects only the count.
    initial = staff_client.get(url).context["form"].initial
    assert (initial["is_compliant"], initial["non_compliance_reason"]) == ("0", "字数不足400字")
    staff_client.post(
        url,
        form(
            unit,
            char_count="1200",
            is_compliant="0",
            non_compliance_reason="字数不足400字",
            version=initial["version"],
        ),
    )
    assert stored() == (1200, True, "")
    reasons = [h.history_change_reason for h in Article.objects.get().history.order_by("history_date")]
    assert reasons == [None, "修改稿件", "修改稿件"]


def test_the_update_service_applies_the_same_rule(unit, staff):
    article = ArticleFactory(unit=unit, received_on=D(2024, 10, 8), char_count=860)

    article_update(
        article=article,
        unit=unit,
        title=article.title,
        received_on=article.received_on,
        char_count=120,
        acting_user=staff,
    )

    assert stored() == (120, False, "字数不足400字")


def test_the_form_says_so_and_the_page_loads_its_script(staff_client, unit):
    html = staff_client.get(ADD_URL).content.decode()

    assert (
        '<span class="hint">要求至少400字；不足的，自动登记为“不符合要求”，原因“字数不足400字”（另填原因的以所填为准）。</span>'
        in html
    )
    assert 'data-min-chars="400" data-short-reason="字数不足400字"' in html
    assert '<script src="/static/js/article_form.js" defer></script>' in html
