"""Evidence files: only some formats, at most 20 MB, stored under MEDIA_ROOT, served only to who may see."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inspections.models import MAX_UPLOAD_BYTES, Finding, RectificationResponse, validate_evidence_file
from inspections.services import rectification_submit

from .helpers import finding, pdf

FORMATS_MESSAGE = "只能上传pdf、jpg、png、doc、docx、xls、xlsx、zip格式的文件。"


def test_file_is_stored_under_media_root_with_an_unguessable_name(q4, renshe, renshe_user, private_media):
    response = rectification_submit(
        finding=finding(q4, renshe),
        acting_user=renshe_user,
        text="已整改",
        file=pdf("整改报告.pdf", b"%PDF-1.4 report"),
    )

    assert re.fullmatch(rf"rectifications/{renshe.pk}/[0-9a-f]{{32}}\.pdf", response.file.name)
    assert response.original_filename == "整改报告.pdf"
    assert (private_media / response.file.name).read_bytes() == b"%PDF-1.4 report"


@pytest.mark.parametrize("name", ["a.pdf", "b.JPG", "c.png", "d.doc", "e.docx", "f.xls", "g.xlsx", "h.zip"])
def test_allowed_formats(name):
    validate_evidence_file(SimpleUploadedFile(name, b"x"))


@pytest.mark.parametrize("name", ["a.exe", "b.html", "c.svg", "d.jpeg", "e", "f.pdf.exe"])
def test_other_formats_are_refused_and_nothing_is_stored(q4, renshe, renshe_user, private_media, name):
    item = finding(q4, renshe)

    with pytest.raises(ValidationError) as caught:
        rectification_submit(finding=item, acting_user=renshe_user, text="已整改", file=SimpleUploadedFile(name, b"x"))

    assert caught.value.message_dict == {"file": [FORMATS_MESSAGE]}
    item.refresh_from_db()
    assert (item.status, RectificationResponse.objects.count()) == (Finding.Status.PENDING, 0)
    assert not (private_media / "rectifications").exists()


def test_files_over_20_mb_are_refused(q4, renshe, renshe_user):
    big = pdf()
    big.size = MAX_UPLOAD_BYTES + 1

    with pytest.raises(ValidationError) as caught:
        rectification_submit(finding=finding(q4, renshe), acting_user=renshe_user, text="已整改", file=big)

    assert caught.value.message_dict == {"file": ["文件不能超过20 MB。"]}


def test_exactly_20_mb_is_accepted():
    file = pdf()
    file.size = MAX_UPLOAD_BYTES
    validate_evidence_file(file)


def test_answer_form_uploads_the_file(client, q4, renshe, renshe_user, private_media):
    item = finding(q4, renshe)
    client.force_login(renshe_user)

    response = client.post(
        reverse("inspections:finding_respond", args=[item.pk]),
        {"text": "已按要求整改", "link": "www.linzi.gov.cn/a.html", "file": pdf("说明.pdf")},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("inspections:finding_detail", args=[item.pk])
    answer = RectificationResponse.objects.get()
    assert (answer.text, answer.link, answer.original_filename) == (
        "已按要求整改",
        "https://www.linzi.gov.cn/a.html",
        "说明.pdf",
    )
    assert (private_media / answer.file.name).exists()


def test_answer_form_shows_the_format_error(client, q4, renshe, renshe_user):
    item = finding(q4, renshe)
    client.force_login(renshe_user)

    response = client.post(
        reverse("inspections:finding_respond", args=[item.pk]),
        {"text": "已整改", "file": SimpleUploadedFile("脚本.html", b"<script>")},
    )

    assert response.status_code == 200
    assert FORMATS_MESSAGE in response.content.decode()
    assert RectificationResponse.objects.count() == 0


@pytest.fixture
def answer(q4, renshe, renshe_user):
    return rectification_submit(
        finding=finding(q4, renshe),
        acting_user=renshe_user,
        text="已整改",
        file=pdf("整改报告.pdf", b"%PDF-1.4 report"),
    )


@pytest.mark.parametrize("who", ["renshe_user", "staff"])
def test_download_to_the_unit_and_the_office(client, answer, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("inspections:response_file", args=[answer.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf"


def test_download_is_hidden_from_another_unit(client, answer, shangwu_user):
    client.force_login(shangwu_user)

    assert client.get(reverse("inspections:response_file", args=[answer.pk])).status_code == 404


def test_download_needs_login(client, answer):
    response = client.get(reverse("inspections:response_file", args=[answer.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_pages_link_the_checked_download_never_the_media_url(client, answer, staff):
    client.force_login(staff)

    html = client.get(reverse("inspections:finding_detail", args=[answer.finding.pk])).content.decode()

    assert f'href="/inspections/responses/{answer.pk}/file/"' in html
    assert "/media/" not in html
    assert answer.file.name not in html


def test_a_very_long_name_is_shortened_keeping_its_suffix(q4, renshe, renshe_user, private_media):
    response = rectification_submit(
        finding=finding(q4, renshe), acting_user=renshe_user, text="已整改", file=pdf("长" * 300 + ".pdf", b"%PDF-1.4")
    )

    name = response.original_filename
    assert name.endswith(".pdf") and name.startswith("长" * 80)
    assert len(name.encode()) <= 255
