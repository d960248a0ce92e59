"""The reply letter (告知书): drafted from the outcome with its standard wording and the articles of
the 条例, edited by the staff, exported as PDF (a background job, GB/T 9704 layout) and .docx."""

import datetime
import io
from urllib.parse import quote

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from applications.catalogue import OUTCOMES
from applications.letters import WORDING, legal_basis
from applications.models import ReplyLetter
from applications.services import correction_request, extension_grant, letter_draft, letter_save
from tests.jobs import content, job_result

from .helpers import logged

pytestmark = pytest.mark.django_db
D = datetime.date


def test_every_outcome_has_its_wording_and_articles():
    assert set(WORDING) == {o.key for o in OUTCOMES}
    assert legal_basis("refused_4") == "《条例》第十五条、第三十二条、第三十六条第（三）项"
    assert legal_basis("partly") == "《条例》第三十六条第（三）项、第三十七条"
    assert legal_basis("not_processed_2") == "《条例》第三十六条第（六）项"
    assert legal_basis("other_1") == "《条例》第三十条"


def test_the_draft_tells_the_facts_the_decision_and_the_remedies(renshe, renshe_user):
    application = logged(renshe, D(2024, 9, 13), content="某小区规划许可")
    application = correction_request(application=application, requested_on=D(2024, 9, 18), acting_user=None)
    from applications.services import answer_record, correction_receive

    application = correction_receive(application=application, corrected_on=D(2024, 9, 23), acting_user=None)
    application = extension_grant(
        application=application, days=20, approver="王主任", notified_on=D(2024, 10, 21), acting_user=None
    )
    application = answer_record(
        application=application, answered_on=D(2024, 11, 1), outcome="refused_4", acting_user=None
    )
    letter = letter_draft(application=application, acting_user=renshe_user, today=D(2024, 11, 1))
    assert (letter.title, letter.addressee, letter.signature, letter.date) == (
        "政府信息公开申请答复告知书",
        "张三",
        "临淄区人社局",
        D(2024, 11, 1),
    )
    assert letter.body.splitlines() == [
        "本机关于2024年9月13日收到您提出的政府信息公开申请，申请获取“某小区规划许可”。"
        "因申请内容不明确，本机关于2024年9月18日告知您补正，于2024年9月23日收到补正后的申请。"
        "经本机关政府信息公开工作机构负责人同意，本机关于2024年10月21日告知您延长答复期限20个工作日。"
        "现根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十五条、第三十二条、第三十六条第（三）项的规定，答复如下：",
        "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。"
        "本机关已书面征求第三方意见，第三方不同意公开，本机关决定不予公开。",
        "如对本答复不服，可以自收到本告知书之日起60日内向临淄区人民政府申请行政复议，"
        "或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。",
        "特此告知。",
    ]
    assert letter.drafted_for == "refused_4"


def test_the_law_is_named_in_full_where_first_cited_and_the_request_is_one_line(renshe):
    from applications.services import answer_record, consultation_add

    application = logged(renshe, D(2024, 9, 13), content="2024年养老保险待遇调整方案\r\n（附身份证复印件）")
    consultation_add(
        application=application,
        party="third_party",
        sent_on=D(2024, 9, 18),
        replied_on=D(2024, 9, 20),
        acting_user=None,
    )
    application = answer_record(application=application, answered_on=D(2024, 10, 8), outcome="partly", acting_user=None)
    letter = letter_draft(application=application, acting_user=None, today=D(2024, 10, 8))
    assert letter.body.splitlines()[0] == (
        "本机关于2024年9月13日收到您提出的政府信息公开申请，申请获取“2024年养老保险待遇调整方案（附身份证复印件）”。"
        "因需征求第三方或其他机关意见，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十三条第二款，"
        "征求意见所需时间不计算在答复期限内。"
        "现根据《条例》第三十六条第（三）项、第三十七条的规定，答复如下："
    )


def test_an_organisation_is_addressed_as_such(renshe):
    application = logged(
        renshe, D(2024, 3, 4), applicant_type="business", answered_on=D(2024, 3, 20), outcome="granted"
    )
    letter = letter_draft(application=application, acting_user=None, today=D(2024, 3, 20))
    assert "收到贵单位提出的政府信息公开申请" in letter.body and "您" not in letter.body


@pytest.fixture
def letter(renshe):
    application = logged(renshe, D(2024, 3, 4), answered_on=D(2024, 3, 20), outcome="unable_1")
    drafted = letter_draft(application=application, acting_user=None, today=D(2024, 3, 20))
    return letter_save(
        letter=drafted,
        acting_user=None,
        date=D(2024, 3, 21),
        title=drafted.title,
        doc_number="临人社依申告〔2024〕3号",
        addressee="张三",
        body=drafted.body.replace("＿＿", "区住建局"),
        signature="临淄区人力资源和社会保障局",
    )


def test_the_staff_edit_the_letter_and_the_history_keeps_the_draft(letter):
    assert list(letter.history.order_by("history_id").values_list("history_change_reason", flat=True)) == [
        "按处理结果生成告知书",
        "修改告知书",
    ]
    assert "＿＿" in letter.history.earliest("history_id").body and "＿＿" not in letter.body


def test_the_letter_as_word(client, letter, renshe_user):
    client.force_login(renshe_user)
    response = client.get(reverse("applications:letter_docx", args=[letter.application_id]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    # Named as the PDF is (applications/jobs.py), but for the extension.
    assert quote("政府信息公开申请答复告知书（20240304收到的申请）.docx") in response["Content-Disposition"]
    document = Document(io.BytesIO(content(response)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:3] == ["临人社依申告〔2024〕3号", "政府信息公开申请答复告知书", "张三："]
    assert texts[-2:] == ["临淄区人力资源和社会保障局", "2024年3月21日"]
    assert "该政府信息由区住建局负责公开" in texts[4]
    section = document.sections[0]
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins] == [37, 28, 26, 35]  # GB/T 9704: text block 156 × 225 mm
    run = document.paragraphs[3].runs[0]
    assert run.font.size == Pt(16)
    assert run.font.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_the_letter_as_pdf_is_a_background_job(client, letter, renshe_user, django_capture_on_commit_callbacks):
    client.force_login(renshe_user)
    download = job_result(
        client, reverse("applications:letter_pdf", args=[letter.application_id]), django_capture_on_commit_callbacks
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content(download))).pages)
    for part in (
        "政府信息公开申请答复告知书",
        "临人社依申告〔2024〕3号",
        "张三：",
        "第三十六条第（四）项",
        "2024年3月21日",
    ):
        assert part in text.replace(" ", "").replace("\n", "")


def test_the_page_generates_and_saves_the_letter(client, renshe, renshe_user):
    application = logged(renshe, D(2024, 3, 4), answered_on=D(2024, 3, 20), outcome="granted")
    client.force_login(renshe_user)
    url = reverse("applications:letter", args=[application.pk])
    assert "按处理结果生成告知书" in client.get(url).content.decode()
    assert client.post(url, {"action": "draft"}).status_code == 302
    letter = ReplyLetter.objects.get(application=application)
    data = {
        "title": letter.title,
        "doc_number": "",
        "addressee": "张三",
        "body": "",
        "signature": letter.signature,
        "date": "2024-03-21",
    }
    response = client.post(url, data)
    assert "告知书正文不能为空。" in response.content.decode() or "这个字段是必填项" in response.content.decode()
    data["body"] = "本机关于2024年3月4日收到您的申请。现予以公开。"
    assert client.post(url, data).status_code == 302
    letter.refresh_from_db()
    assert (letter.body, letter.date) == ("本机关于2024年3月4日收到您的申请。现予以公开。", D(2024, 3, 21))
