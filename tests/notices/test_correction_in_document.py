"""A corrected issue (第2版) says so inside the document, not only in its file name: 第2版 and the
更正说明, in the PDF and under every sheet of the Excel; the first issue says nothing of it."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.services import notice_draft_create, notice_draft_update, notice_issue

LINE = "（本通报为第2版。更正说明：更正总体情况中区商务局的采用篇数。）"


@pytest.fixture
def first(quarter_data, staff):
    notice = notice_draft_create(year=2024, quarter=4, acting_user=staff, issue_date=datetime.date(2025, 1, 10))
    notice_draft_update(notice=notice, acting_user=staff, attachments=["stats_dept", "findings"])
    return notice_issue(notice=notice, acting_user=staff)


def pdf_text(content: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).replace("\n", "").replace(" ", "")


def notes(content: bytes) -> list[str]:
    """The last filled cell of column A of every sheet (the note under the table)."""
    found = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        values = [c.value for c in sheet["A"] if c.value is not None]
        found.append(str(values[-1]))
    return found


def test_the_second_version_says_so_in_the_pdf_and_the_excel(first, staff):
    second = notice_issue(notice=first.notice, acting_user=staff, correction_note="更正总体情况中区商务局的采用篇数")

    text = pdf_text(bytes(second.pdf))
    assert LINE in text
    assert text.index(LINE) < text.index("一、总体情况")  # at the head of the text, under the title
    assert [note.endswith(LINE) for note in notes(bytes(second.xlsx))] == [True, True]


def test_the_first_issue_says_nothing_of_versions(first):
    assert "本通报为第" not in pdf_text(bytes(first.pdf))
    assert not any("更正说明" in note for note in notes(bytes(first.xlsx)))
