"""Merge separately rendered runs of a document and stamp the page numbers (parallel rendering).

In a one-piece rendering the page numbers come from the CSS margin boxes of ``official.css``.
When runs of parts are rendered side by side (see ``render.render_pdf``) none of them knows on
which page it starts, so they are rendered without page numbers, merged with pypdf, and every
page gets ``— N —`` drawn where the margin boxes would have put it: a small reference document
rendered with the very same CSS (right and left pages, portrait and landscape) gives the exact
positions, the font (the 宋体 face subset to ``— 0123456789``, with its ToUnicode map, so the
numbers extract as text) and the glyph codes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache

from .fonts import FontFace

FONT_KEY = "/LZPageNumber"
SAMPLE = "— 0123456789 —"
_PX = 0.75  # WeasyPrint draws in CSS px: 1 px = 0.75 pt


@dataclass(frozen=True)
class _Run:
    font: str
    size: float
    x: float
    y: float
    codes: list[str]


@dataclass(frozen=True)
class PageNumberStyle:
    pdf: bytes  # the reference document
    font_name: str  # its resource name of the 宋体 face
    size: float  # font size in px
    codes: dict[str, str]  # character -> 4-hex-digit glyph code
    widths: dict[str, float]  # character -> advance in 1/1000 em
    left_x: dict[bool, float]  # landscape -> x of the number on left (even) pages
    right_end: dict[bool, float]  # landscape -> x where the number ends on right (odd) pages
    y: dict[bool, float]  # landscape -> baseline y (px from the top)

    def width(self, text: str) -> float:
        return sum(self.widths[c] for c in text) * self.size / 1000


def _text_runs(content: bytes) -> list[_Run]:
    """Text runs of a WeasyPrint content stream (it writes ``Tm``, ``Tf`` and ``TJ`` per run)."""
    runs = []
    x = y = size = 0.0
    font = ""
    for line in content.split(b"\n"):
        if line.endswith(b" Tm"):
            parts = line.split()
            x, y = float(parts[4]), float(parts[5])
        elif line.endswith(b" Tf"):
            name, value, _ = line.split()
            font, size = name.decode(), float(value)
        elif line.endswith(b"TJ") or line.endswith(b"Tj"):
            codes = re.findall(rb"<([0-9a-fA-F]*)>", line)
            hexes = "".join(c.decode() for c in codes)
            runs.append(_Run(font, size, x, y, [hexes[i : i + 4] for i in range(0, len(hexes), 4)]))
    return runs


def _widths(descendant) -> dict[int, float]:
    widths: dict[int, float] = {}
    w = list(descendant.get("/W", []))
    i = 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], list):
            for j, value in enumerate(w[i + 1]):
                widths[first + j] = float(value)
            i += 2
        else:
            last, value = int(w[i + 1]), float(w[i + 2])
            for cid in range(first, last + 1):
                widths[cid] = value
            i += 3
    return widths


REFERENCE_HTML = (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>'
    "<div style=\"font-family: '{family}'; letter-spacing: 0; font-size: 14pt\">{sample}</div>"
    '<div style="break-before: page">.</div>'
    '<section class="attachment landscape"><div>.</div></section>'
    '<section class="attachment landscape"><div>.</div></section>'
    "</body></html>"
)


@lru_cache(maxsize=8)
def page_number_style(song: FontFace, css: str) -> PageNumberStyle:
    """Render the reference pages (1: portrait right, 2: portrait left, 3/4: landscape)."""
    from pypdf import PdfReader

    from .render import _layout

    markup = REFERENCE_HTML.format(family=song.css_family, sample=SAMPLE)
    pdf = _layout(markup, css).write_pdf()
    reader = PdfReader(io.BytesIO(pdf))
    base_font = "+" + song.css_family.replace(" ", "-")
    left_x: dict[bool, float] = {}
    right_end: dict[bool, float] = {}
    ys: dict[bool, float] = {}
    codes: dict[str, str] = {}
    widths: dict[str, float] = {}
    font_name = ""
    for number, page in enumerate(reader.pages, 1):
        fonts = page["/Resources"]["/Font"]
        names = [k for k, v in fonts.items() if str(v.get_object()["/BaseFont"]).endswith(base_font)]
        if len(names) != 1:
            raise RuntimeError(f"reference page {number}: no single font {base_font}")
        font_name = names[0]
        runs = sorted((r for r in _text_runs(page.get_contents().get_data()) if r.font == font_name), key=lambda r: r.y)
        if number == 1:
            sample = runs[0]
            if len(sample.codes) != len(SAMPLE):
                raise RuntimeError("reference sample: unexpected glyph runs")
            codes = dict(zip(SAMPLE, sample.codes, strict=True))
            descendant = fonts[font_name].get_object()["/DescendantFonts"][0].get_object()
            by_cid = _widths(descendant)
            default = float(descendant.get("/DW", 1000))
            widths = {c: by_cid.get(int(code, 16), default) for c, code in codes.items()}
        footer = runs[-1]
        text = f"— {number} —"
        if footer.codes != [codes[c] for c in text]:
            raise RuntimeError(f"reference page {number}: page number not found")
        landscape = float(page.mediabox.width) > float(page.mediabox.height)
        ys[landscape] = footer.y
        size = footer.size
        if number % 2:
            right_end[landscape] = footer.x + sum(widths[c] for c in text) * size / 1000
        else:
            left_x[landscape] = footer.x
    return PageNumberStyle(pdf, font_name, size, codes, widths, left_x, right_end, ys)


def _stream(writer, data: bytes):
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _unique_subset_tags(writer) -> None:
    """Give every embedded subset its own ``ABCDEF+`` tag.

    Each run embeds its own subsets of the same faces, and WeasyPrint derives the tag from the
    face, not from the glyphs, so the merged file would hold different fonts of the same name,
    which some viewers and printers conflate."""
    import hashlib

    from pypdf.generic import NameObject

    owner: dict[str, int] = {}
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", ""))
            ident = getattr(ref, "idnum", id(font))
            if owner.setdefault(name, ident) == ident or not re.match(r"/[A-Z]{6}\+", name):
                continue
            n = 0
            while True:
                digest = hashlib.md5(f"{name}{ident}{n}".encode(), usedforsecurity=False).digest()
                new = "/" + "".join(chr(65 + b % 26) for b in digest[:6]) + name[7:]
                if new not in owner:
                    break
                n += 1
            owner[new] = ident
            font[NameObject("/BaseFont")] = NameObject(new)
            for descendant in font.get("/DescendantFonts", []):
                descendant = descendant.get_object()
                descendant[NameObject("/BaseFont")] = NameObject(new)
                descriptor = descendant.get("/FontDescriptor")
                if descriptor is not None:
                    descriptor.get_object()[NameObject("/FontName")] = NameObject(new)


def merge_and_number(
    pieces: list[tuple[bytes, int, int | None]],
    faces: dict[str, FontFace],
    css: str,
    *,
    title: str = "",
    author: str = "",
) -> bytes:
    """Put together the pages ``first`` to ``end`` (exclusive, None: to the last) of each PDF of
    ``pieces``, in that order, and number them ``— 1 —``, ``— 2 —``, …"""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    style = page_number_style(faces["song"], css)
    writer = PdfWriter()
    readers: dict[int, PdfReader] = {}
    for pdf, first, end in pieces:
        reader = readers.get(id(pdf))
        if reader is None:
            reader = readers[id(pdf)] = PdfReader(io.BytesIO(pdf))
        writer.append(reader, pages=(first, len(reader.pages) if end is None else end))
    readers = list(readers.values())
    reference = PdfReader(io.BytesIO(style.pdf))
    font_ref = reference.pages[0]["/Resources"]["/Font"].raw_get(style.font_name).clone(writer)
    push, pop = _stream(writer, b"q\n"), _stream(writer, b"Q\n")
    for number, page in enumerate(writer.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        landscape = width > height
        text = f"— {number} —"
        # odd pages: ends one character in from the right; even pages: starts one character in
        x = style.right_end[landscape] - style.width(text) if number % 2 else style.left_x[landscape]
        hexes = "".join(style.codes[c] for c in text)
        stamp = (
            f"q\n1 0 0 -1 0 {height:f} cm\n{_PX} 0 0 {_PX} 0 0 cm\nBT\n0 0 0 rg\n"
            f"1 0 0 -1 {x:f} {style.y[landscape]:f} Tm\n{FONT_KEY} {style.size:f} Tf\n<{hexes}> Tj\nET\nQ\n"
        ).encode()
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        fonts = resources.get("/Font")
        if fonts is None:
            fonts = DictionaryObject()
            resources[NameObject("/Font")] = fonts
        fonts.get_object()[NameObject(FONT_KEY)] = font_ref
        page[NameObject("/Resources")] = resources if "/Resources" not in page else page.raw_get("/Resources")
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        if contents is None:
            old = []
        elif isinstance(contents.get_object(), ArrayObject):
            old = list(contents.get_object())
        else:
            old = [contents]
        page[NameObject("/Contents")] = ArrayObject([push, *old, pop, _stream(writer, stamp)])
    _unique_subset_tags(writer)
    metadata = dict(readers[0].metadata or {})
    if title:
        metadata["/Title"] = title
    if author:
        metadata["/Author"] = author
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
