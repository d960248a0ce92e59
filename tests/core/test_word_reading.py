"""Reading an uploaded Word document is bounded: a crafted .docx (a zip bomb, a member that lies
about its size, thousands of members, a DTD with entities, nesting too deep, too many paragraphs or
rows) or a file that is not a .docx at all is refused whole with one Chinese sentence, quickly;
pictures are never decompressed. Merged table cells are resolved as Word draws them."""

import io
import random
import struct
import time
import zipfile

import pytest
from docx import Document

from core.imports import ImportRejected
from core.imports.sniffing import file_kind
from core.imports.word import MAX_PARAGRAPHS, WordParagraph, WordTable, read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(build=None) -> bytes:
    doc = Document()
    doc.add_paragraph("临淄区人社局2024年政府信息公开工作年度报告")
    if build:
        build(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def replace_part(data: bytes, name: str, content: bytes, *, extra: dict | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item.filename))
        for extra_name, extra_content in (extra or {}).items():
            target.writestr(extra_name, extra_content)
    return out.getvalue()


def body(xml: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{xml}</w:body></w:document>'.encode()


def refused(data: bytes) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(ImportRejected) as error:
        read_document(data)
    return error.value.errors[0].reason, time.perf_counter() - started


def test_paragraphs_and_tables_in_document_order_with_merged_cells():
    def build(doc):
        table = doc.add_table(rows=3, cols=3)
        cells = [list(row.cells) for row in table.rows]
        cells[0][0].merge(cells[0][2]).text = "第二十条第（一）项"
        cells[1][0].merge(cells[2][0]).text = "三、本年度办理结果"
        cells[1][1].text = "5.要求行政机关确认或重新"
        cells[1][1].add_paragraph("出具已获取信息")
        cells[1][2].text = "0"
        doc.add_paragraph("（单位：件）")

    document = read_document(docx(build))
    kinds = [type(b).__name__ for b in document.blocks]
    assert kinds == ["WordParagraph", "WordTable", "WordParagraph"]
    table: WordTable = document.blocks[1]
    assert [(c.text, c.column, c.span, c.continued) for c in table.rows[0]] == [("第二十条第（一）项", 0, 3, False)]
    assert [(c.text, c.continued) for c in table.rows[1]] == [
        ("三、本年度办理结果", False),
        ("5.要求行政机关确认或重新\n出具已获取信息", False),
        ("0", False),
    ]
    first = table.rows[2][0]
    assert (first.text, first.continued) == ("三、本年度办理结果", True)
    assert document.blocks[2] == WordParagraph("（单位：件）")


def test_text_of_insertions_content_controls_and_hyperlinks_not_deleted_text_or_field_codes():
    xml = (
        "<w:p><w:r><w:t>收到申请</w:t></w:r><w:ins><w:r><w:t>12</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>13</w:delText></w:r></w:del><w:r><w:instrText>HYPERLINK x</w:instrText></w:r>"
        "<w:sdt><w:sdtContent><w:r><w:t>件</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document = read_document(replace_part(docx(), "word/document.xml", body(xml)))
    assert document.blocks == [WordParagraph("收到申请12件"), WordParagraph("控件中的段落")]


def test_a_zip_bomb_is_refused_quickly():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        source = zipfile.ZipFile(io.BytesIO(docx()))
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item.filename, source.read(item.filename))
        with target.open("word/document.xml", "w") as member:
            chunk = b" " * (1 << 20)
            for _ in range(64):
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 200_000
    reason, seconds = refused(data)
    assert reason == (
        "无法读取：文件内部的word/document.xml解压后有64MB，超过上限32MB，可能是恶意构造的“压缩炸弹”，已拒绝，未读取其内容。"
    )
    assert seconds < 2


def test_a_body_too_long_to_parse_quickly_is_refused():
    rng = random.Random(3)
    letters = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]
    text = "".join(f"<w:p><w:r><w:t>{''.join(rng.choices(letters, k=400))}</w:t></w:r></w:p>" for _ in range(5600))
    reason, seconds = refused(replace_part(docx(), "word/document.xml", body(text)))
    assert reason == "无法读取：文件中的“word/document.xml”解压后过大，可能是恶意构造的文件。"
    assert seconds < 2


def test_a_member_that_lies_about_its_size_is_refused():
    data = replace_part(docx(), "word/document.xml", body("<w:p/>" * 200_000))
    patched = bytearray(data)  # every uncompressed size the central directory declares: 100 bytes
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) >= 0:
        patched[position + 24 : position + 28] = struct.pack("<I", 100)
        position += 4
    reason, seconds = refused(bytes(patched))
    assert (
        reason
        == "无法读取：文件已损坏，不是完整的Word文档或Excel工作簿。请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。"
    )
    assert seconds < 2


def test_thousands_of_members_are_refused_before_the_directory_is_read():
    data = docx()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        source = zipfile.ZipFile(io.BytesIO(data))
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        for index in range(2500):
            target.writestr(f"customXml/extra{index}.xml", b"<a/>")
    reason, seconds = refused(out.getvalue())
    assert reason == "无法读取：文件包含的部件过多（超过1000个），不是正常的Word文档或Excel工作簿。"
    assert seconds < 2


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml"])
def test_a_document_type_declaration_is_refused_so_no_entity_expands(part):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    reason, seconds = refused(replace_part(docx(), part, laughs))
    assert reason == (
        f"无法读取：文件内部的{part}含有文档类型定义（<!DOCTYPE>），Office和WPS保存的文件不会有这种内容，"
        "可能是恶意构造的文件，已拒绝。"
    )
    assert seconds < 2


def test_an_external_entity_in_utf16_is_refused_too():
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    reason, _ = refused(replace_part(docx(), "word/styles.xml", b"\xff\xfe" + xml.encode("utf-16-le")))
    assert reason.startswith("无法读取：文件内部的word/styles.xml含有文档类型定义（<!DOCTYPE>）")


def test_pictures_are_never_decompressed():
    data = docx()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        source = zipfile.ZipFile(io.BytesIO(data))
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        with target.open("word/media/image9.png", "w") as member:
            member.write(random.Random(9).randbytes(12 << 20))  # a photograph does not compress
    started = time.perf_counter()
    document = read_document(out.getvalue())
    assert document.blocks[0] == WordParagraph("临淄区人社局2024年政府信息公开工作年度报告")
    assert document.pictures == 1
    assert time.perf_counter() - started < 2


def test_nesting_too_deep_is_refused():
    xml = "<w:sdt><w:sdtContent>" * 400 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 400
    reason, seconds = refused(replace_part(docx(), "word/document.xml", body(xml)))
    assert (
        reason
        == "无法读取这个Word文件（可能已损坏或不是Word保存的格式）。请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。"
    )
    assert seconds < 2


def test_too_many_paragraphs_or_rows_are_refused():
    reason, seconds = refused(replace_part(docx(), "word/document.xml", body("<w:p/>" * (MAX_PARAGRAPHS + 1))))
    assert reason == f"文件过大：段落超过{MAX_PARAGRAPHS}个，不像是一份年度报告。"
    assert seconds < 2
    rows = "<w:tr><w:tc><w:p/></w:tc></w:tr>" * 501
    reason, _ = refused(replace_part(docx(), "word/document.xml", body(f"<w:tbl>{rows}</w:tbl>")))
    assert reason == "文件过大：第1个表格超过500行。"


def test_a_truncated_file_is_refused():
    data = docx()
    reason, _ = refused(data[: len(data) // 2])
    assert reason.startswith("无法读取：文件已损坏")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "无法读取：这是空文件。"),
        (
            b"%PDF-1.7\n...",
            "无法读取：这是PDF文件，读不出其中的表格：请上传Word原稿（.docx）；只有PDF的，请按Word模板重新填写。",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "WordDocument".encode("utf-16-le"),
            "无法读取：这是旧版Word文件（.doc）或WPS文字文件（.wps），不能直接导入：请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "EncryptedPackage".encode("utf-16-le"),
            "无法读取：这是设有打开密码的文件，请在Word或WPS中取消密码后另存为 .docx 再导入。",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "Workbook".encode("utf-16-le"),
            "无法读取：这是旧版Excel文件（.xls），请在Excel或WPS中另存为 .xlsx 再导入。",
        ),
        (
            "<html><body>年度报告</body></html>".encode(),
            "无法读取：这是网页（HTML）格式的文件（网站上下载的“.doc”常是这样），请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。",
        ),
        (b"{\\rtf1\\ansi", "无法读取：这是RTF格式的文件，请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。"),
        ("单位,7月\n".encode(), "无法读取：这是文本文件，不是Word文档或Excel工作簿。"),
    ],
)
def test_what_is_not_a_docx_is_named_with_what_to_do(content, reason):
    with pytest.raises(ImportRejected) as error:
        file_kind(content)
    assert error.value.errors[0].reason == reason


def test_a_macro_document_and_a_template_are_named():
    data = docx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    macro = replace_part(
        data,
        "[Content_Types].xml",
        types.replace(b"document.main+xml", b"document.macroEnabled.main+xml"),
    )
    with pytest.raises(ImportRejected) as error:
        file_kind(macro)
    assert error.value.errors[0].reason == (
        "无法读取：这是启用宏的Word文档（.docm），请在Word或WPS中打开后另存为 .docx（Word 文档）再导入。"
    )
    assert file_kind(data) == "docx"
