"""Turning the bytes of a page into an lxml tree: the encoding (HTTP header, ``<meta charset>``,
else UTF-8 or GB18030), an XML declaration removed, ``<base href>`` honoured, and the list items
that 大汉 (Hanweb JCMS) sites keep in a ``<script type="text/xml">`` datastore put into the page."""

from __future__ import annotations

import codecs
import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
RECORD = re.compile(r"<record[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.IGNORECASE | re.DOTALL)
CHINESE = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030"}


class NotHtml(ValueError):
    """The bytes are not a page that can be read."""


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = CHINESE.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(content: bytes, header_charset: str | None = None) -> str:
    """The text of a page: the declared encoding if it decodes cleanly, else UTF-8, else GB18030."""
    declared = _codec(header_charset)
    if declared is None:
        match = META_CHARSET.search(content[:4096])
        declared = _codec(match.group(1).decode("ascii", "replace")) if match else None
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    for name in dict.fromkeys(n for n in (declared, "utf-8", "gb18030") if n):
        try:
            return content.decode(name)
        except UnicodeDecodeError:
            continue
    return content.decode(declared or "gb18030", "replace")


def _expand_datastores(root) -> None:
    """大汉 JCMS lists: ``<record><![CDATA[<li>…</li>]]></record>`` inside a script become elements."""
    for script in list(root.iter("script")):
        text = script.text or ""
        if "<record" not in text.lower():
            continue
        records = RECORD.findall(text)
        if not records:
            continue
        fragment = "".join(records)
        if fragment.lstrip().lower().startswith("<tr"):
            fragment = f"<table><tbody>{fragment}</tbody></table>"
        holder = lxml.html.Element("div", {"class": "datastore-records"})
        for part in lxml.html.fragments_fromstring(fragment):
            if isinstance(part, str):
                holder.text = (holder.text or "") + part
            else:
                holder.append(part)
        script.addprevious(holder)


def parse(text: str, url: str):
    """The document of a page and the URL its links are relative to."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise NotHtml("页面内容为空")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise NotHtml("页面无法解析") from exc
    base = root.find(".//base[@href]")
    base_url = urljoin(url, base.get("href").strip()) if base is not None else url
    _expand_datastores(root)
    return root, base_url
