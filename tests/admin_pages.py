"""The admin as a browser sees it: which models it shows, what a superuser may do with each, and
an admin form read back out of its page as the browser would submit it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory

# Latin letters the office writes too: IP地址, Excel导入, SHA-256, and the keys named in Django's
# multiple-choice hint (按住 Control 键，或者 Mac 上的 Command 键).
ALLOWED = {"IP", "Excel", "SHA", "Control", "Command", "Mac"}


def english_in(text: str, *, names: set[str]) -> set[str]:
    """English words and phrases in ``text``, except those allowed and the data's ``names``
    (user names, a browser's name …)."""
    words = set(re.findall(r"[A-Za-z][A-Za-z’']+(?: [A-Za-z][A-Za-z’']+)*", text))
    known = {word.lower() for word in ALLOWED | names}
    return {w for w in words if not {part.lower() for part in w.split()} <= known}


def registered_models() -> list:
    """Every model with admin pages (public API: the apps registry and ``is_registered``)."""
    return [model for model in apps.get_models() if admin.site.is_registered(model)]


def model_admin(model):
    return admin.site.get_model_admin(model)


def permissions_of(model, user) -> dict[str, bool]:
    """What ``user`` may do with ``model`` in the admin: add, change, delete, view."""
    request = RequestFactory().get("/admin/")
    request.user = user
    found = model_admin(model)
    return {
        "add": found.has_add_permission(request),
        "change": found.has_change_permission(request),
        "delete": found.has_delete_permission(request),
        "view": found.has_view_permission(request),
    }


class _AdminForm(HTMLParser):
    """The fields of the page's form with ``method="post"`` and ``enctype`` (the admin's change form)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.fields: dict[str, list[str]] = {}
        self.select: tuple[str, bool] | None = None
        self.textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and attrs.get("id", "").endswith("_form"):
            self.inside = True
        if not self.inside or (not attrs.get("name") and tag not in ("option",)):
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value") or "on")
                return
            self._add(name, attrs.get("value") or "")
        elif tag == "select":
            self.select = (name, "multiple" in attrs)
            self.fields.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self._add(self.select[0], attrs.get("value") or "")
        elif tag == "textarea":
            self.textarea = name
            self._add(name, "")

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            if self.textarea and self.fields[self.textarea][-1].startswith("\n"):
                self.fields[self.textarea][-1] = self.fields[self.textarea][-1][1:]  # as browsers read it
            self.textarea = None


def admin_form(html: str) -> dict[str, list[str]]:
    """The admin form's fields with the values the page shows, ready to post (``client.post(url, data)``)."""
    parser = _AdminForm()
    parser.feed(html)
    return parser.fields
