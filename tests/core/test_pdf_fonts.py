"""Font resolution, the pre-subset fonts and the glyph-coverage check of the PDF engine."""

import datetime
from pathlib import Path

import pytest

from core.pdf import (
    MissingGlyphError,
    OfficialDocument,
    Paragraph,
    check_coverage,
    fonts,
    render_pdf,
)
from core.pdf.subset import build_charset, gb2312_chars

pytestmark = pytest.mark.usefixtures("pdf_fonts")

UNITS_CSV = Path(__file__).resolve().parents[2] / "fixtures" / "units.csv"


def test_free_fonts_resolve_to_the_presubset_files(pdf_fonts):
    names = {role: face.name for role, face in pdf_fonts.items()}
    assert names == {
        "fang": "FandolFang",
        "kai": "FandolKai",
        "hei": "Noto Sans CJK SC",
        "xbs": "Noto Serif CJK SC Bold",
        "song": "Noto Serif CJK SC",
    }
    for face in pdf_fonts.values():
        assert face.origin == "subset"
        assert face.path.parent == fonts.font_dir()
        # Pre-subset: a few MB, not the 20-27 MB collections.
        assert face.path.stat().st_size < 8 * 1024 * 1024


@pytest.mark.parametrize("role", fonts.ROLES)
def test_subsets_cover_all_gb2312_hanzi_and_official_punctuation(pdf_fonts, role):
    cmap = fonts.covered(pdf_fonts[role])
    hanzi = [c for c in gb2312_chars() if "\u4e00" <= c <= "\u9fff"]
    assert len(hanzi) == 6763
    assert not [c for c in hanzi if ord(c) not in cmap]
    for char in "〔〕、—…《》“”（）：；，。！？0123456789ABCxyz%-.":
        assert ord(char) in cmap, char


def test_subsets_cover_every_unit_name(pdf_fonts):
    text = UNITS_CSV.read_text(encoding="utf-8")
    names = "".join(line.split(",")[0] + line.split(",")[2] for line in text.splitlines()[1:])
    for face in pdf_fonts.values():
        cmap = fonts.covered(face)
        assert not [c for c in names if ord(c) not in cmap and c != "|"], face.name


def test_subsets_leave_out_rare_characters(pdf_fonts):
    """Proof that the files really are subsets (and the reason for the coverage check)."""
    cmap = fonts.covered(pdf_fonts["fang"])
    assert 0x20BB7 not in cmap  # 𠮷, CJK extension B
    assert 7000 < len(cmap) < 8000
    assert len(build_charset([])) > 7400


def test_missing_glyph_message_names_font_and_characters():
    with pytest.raises(MissingGlyphError) as info:
        check_coverage({"fang": "吉祥的𠮷字"})
    assert str(info.value) == "以下字符在字体 FandolFang 中缺失：𠮷"
    assert info.value.missing == {"FandolFang": ["𠮷"]}


def test_missing_glyph_lists_every_character_once_in_order_per_font():
    with pytest.raises(MissingGlyphError) as info:
        check_coverage({"fang": "𠮷䶮正文𠮷", "hei": "一、标题䶮", "xbs": "标题"})
    assert str(info.value) == ("以下字符在字体 FandolFang 中缺失：𠮷、䶮；以下字符在字体 Noto Sans CJK SC 中缺失：䶮")


def test_spaces_and_covered_text_pass():
    check_coverage({"fang": "临淄区 人民政府\u3000办公室\n2025年1月10日〔2022〕16号", "song": "— 12 —"})


def test_unknown_role_is_an_error():
    with pytest.raises(KeyError):
        check_coverage({"bold": "字"})


def test_render_pdf_checks_coverage_before_rendering():
    doc = OfficialDocument(
        issuer="临淄区人民政府办公室",
        title="关于𠮷的通知",
        addressee="各单位：",
        body=[Paragraph("正文。"), Paragraph("（一）䶮", "h2")],
        attachment_titles=[],
        signature="临淄区人民政府办公室",
        date=datetime.date(2025, 1, 10),
    )
    with pytest.raises(MissingGlyphError) as info:
        render_pdf(doc)
    assert str(info.value) == ("以下字符在字体 Noto Serif CJK SC Bold 中缺失：𠮷；以下字符在字体 FandolKai 中缺失：䶮")


def test_font_face_css_uses_local_file_urls(pdf_fonts):
    css = fonts.font_face_css(pdf_fonts)
    assert css.count("@font-face") == 5
    for face in pdf_fonts.values():
        assert f'font-family: "{face.name} LZ"' in css
        assert face.path.resolve().as_uri() in css
    assert "file:///" in css


def test_font_dir_setting_and_missing_fonts_error(monkeypatch, tmp_path):
    monkeypatch.setenv("LINZI_FONT_DIR", str(tmp_path))
    fonts.clear_cache()
    try:
        assert fonts.font_dir() == tmp_path
        assert not fonts.fonts_available()
        with pytest.raises(fonts.FontsNotInstalledError, match="install_fonts.sh"):
            fonts.resolve_fonts()
    finally:
        monkeypatch.undo()
        fonts.clear_cache()


def test_role_override_by_path(monkeypatch, pdf_fonts):
    monkeypatch.setenv("LINZI_FONT_FANG", str(pdf_fonts["kai"].path))
    fonts.clear_cache()
    try:
        face = fonts.resolve_fonts()["fang"]
        assert (face.origin, face.path) == ("env", pdf_fonts["kai"].path)
        assert face.name == "FandolKai"
    finally:
        monkeypatch.undo()
        fonts.clear_cache()


def test_installed_commercial_fangsong_wins(monkeypatch, pdf_fonts):
    """A 仿宋_GB2312 found by fc-list replaces FandolFang (here faked with the Kai subset file)."""
    fake = (
        ("Noto Sans CJK SC", "/usr/share/fonts/x.ttc"),
        ("FangSong_GB2312", str(pdf_fonts["kai"].path)),
        ("仿宋_GB2312", str(pdf_fonts["kai"].path)),
    )
    monkeypatch.setenv("LINZI_FONT_SYSTEM", "1")
    monkeypatch.setattr(fonts, "_system_fonts", lambda: fake)
    with fonts._resolve_lock:
        fonts._resolved.clear()
    try:
        faces = fonts.resolve_fonts()
        assert (faces["fang"].name, faces["fang"].origin) == ("仿宋_GB2312", "system")
        assert faces["fang"].path == pdf_fonts["kai"].path
        assert faces["hei"].origin == "subset"  # Noto Sans CJK SC is not a commercial 黑体
        with pytest.raises(MissingGlyphError, match="字体 仿宋_GB2312 中缺失：𠮷"):
            check_coverage({"fang": "𠮷"}, faces)
    finally:
        monkeypatch.undo()
        fonts.clear_cache()


def test_weasyprint_subsets_fonts_with_harfbuzz():
    """libharfbuzz-subset0 (installed by scripts/install_fonts.sh): with fontTools instead,
    embedding the CJK subsets costs ~7 s more per document."""
    from core.pdf.render import harfbuzz_subsetting

    assert harfbuzz_subsetting(), "apt-get install libharfbuzz-subset0"
