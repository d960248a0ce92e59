"""A large document is laid out in parallel runs and reads, looks and weighs as the one-piece
rendering: same pages, same text, the same page numbers in the same places, no larger file."""

import dataclasses
import datetime
import io
import subprocess

import pytest
from django.db import transaction
from pypdf import PdfReader

from annual_reports.content import DISTRICT_ORGAN, ReportContent, report_title
from annual_reports.pdf import document as report_document
from core.pdf import Attachment, Landscape, Paragraph, parallel, render_one_piece, render_pdf
from tests.pdf_sample import sample_notice

pytestmark = pytest.mark.usefixtures("pdf_fonts")


@pytest.fixture(scope="module")
def doc(pdf_fonts):
    return sample_notice(60)


@pytest.fixture(scope="module")
def renderings(doc):
    return render_one_piece(doc), parallel.render_parallel(doc, workers=2)


def lines(page) -> list[str]:
    return sorted(line.strip() for line in page.extract_text().splitlines() if line.strip())


def test_runs_are_consecutive_parts_of_even_cost():
    assert parallel.split_runs([53, 525, 147, 508, 68, 38], 2) == [range(0, 3), range(3, 6)]
    assert parallel.split_runs([10, 10, 10, 10], 2) == [range(0, 2), range(2, 4)]
    assert parallel.split_runs([5, 100, 5], 3) == [range(0, 1), range(1, 2), range(2, 3)]
    assert parallel.split_runs([7], 2) == [range(0, 1)]


def test_same_pages_text_and_page_numbers(renderings):
    one, par = (PdfReader(io.BytesIO(pdf)) for pdf in renderings)
    assert len(par.pages) == len(one.pages) > 10
    for number, (a, b) in enumerate(zip(one.pages, par.pages, strict=True), start=1):
        assert (a.mediabox.width, a.mediabox.height) == (b.mediabox.width, b.mediabox.height)
        assert lines(a) == lines(b)
        assert f"— {number} —" in lines(b)


def test_pages_look_the_same(renderings, tmp_path):
    images = []
    for name, pdf in zip(("one", "par"), renderings, strict=True):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-gray", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True
        )
        images.append(sorted(tmp_path.glob(f"{name}-*.pgm")))
    assert len(images[0]) == len(images[1])
    assert [a.read_bytes() for a in images[0]] == [b.read_bytes() for b in images[1]]


def test_the_file_is_no_larger(renderings):
    one, par = renderings
    pages = PdfReader(io.BytesIO(par)).pages
    fonts = {(str(f.get_object()["/BaseFont"]), f.idnum) for p in pages for f in p["/Resources"]["/Font"].values()}
    assert len(fonts) == len({name for name, _ in fonts}) == 5  # one embedded copy of each of the five fonts
    assert len(par) <= len(one) * 1.001


def test_small_documents_stay_in_one_piece():
    assert parallel.render_parallel(sample_notice(3), workers=2) is None


@pytest.mark.django_db
def test_never_in_parallel_inside_a_transaction(doc, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("laid out in parallel inside a transaction")

    monkeypatch.setattr(parallel, "render_parallel", refuse)
    with transaction.atomic():
        assert render_pdf(doc, workers=2).startswith(b"%PDF")


def test_a_failing_worker_falls_back_to_one_piece(doc, monkeypatch, caplog):
    class Broken:
        def submit(self, *args, **kwargs):
            raise RuntimeError("worker gone")

    monkeypatch.setattr(parallel, "_executor", lambda workers: Broken())
    pdf = render_pdf(doc, workers=2)

    assert len(PdfReader(io.BytesIO(pdf)).pages) > 10
    assert "parallel PDF layout failed, laying out in one piece: worker gone" in caplog.text


def annual_report(organ: str = "临淄区人民政府办公室"):
    """An annual report (its fifteen-column table on landscape pages), as exported."""
    texts = {"preface": "根据《中华人民共和国政府信息公开条例》要求，编制本报告。", "overview": "本年度工作情况。"}
    content = ReportContent(report_title(organ, 2024), organ, 2024, None, texts, datetime.date(2025, 1, 20))
    return report_document(content)


def large_with_landscape_pages():
    """A large notice with landscape blocks in its main text and in an attachment."""
    doc = sample_notice(60)
    wide = Landscape([Paragraph("一、宽表", "h1"), doc.attachments[0].blocks[-1]])
    attachments = [*doc.attachments, Attachment(6, "宽表", [Paragraph("说明。"), wide, Paragraph("后记。")])]
    return dataclasses.replace(doc, body=[*doc.body, wide, Paragraph("正文继续。")], attachments=attachments)


@pytest.mark.parametrize(
    ("make", "in_parallel"),
    [(annual_report, False), (lambda: annual_report(DISTRICT_ORGAN), False), (large_with_landscape_pages, True)],
    ids=["annual report", "district report", "large document with landscape pages"],
)
def test_the_parallel_path_never_falls_back(make, in_parallel, monkeypatch, caplog):
    """The annual and district reports (one part: nothing to lay out side by side) and a large
    document with landscape pages take the parallel path without an error sending them to the
    one-piece layout: a fallback fails the test."""
    laid_out = []
    render_parallel = parallel.render_parallel

    def spy(doc, *, workers):
        laid_out.append(render_parallel(doc, workers=workers))
        return laid_out[-1]

    monkeypatch.setattr(parallel, "render_parallel", spy)
    pdf = render_pdf(make(), workers=2)

    assert "parallel PDF layout failed" not in caplog.text
    assert (laid_out[0] is not None) == in_parallel
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
