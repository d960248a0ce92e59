"""Every form label ends with the Chinese colon ``：`` — on every page of every role and in the
admin (Django's ``label_suffix`` is ``：`` through locale/zh_Hans; templates that write a label
themselves add it). A label after a check box or a radio button names a choice and has none."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.access import ROLES
from tests.admin_pages import registered_models
from tests.web.test_url_matrix import matrix, world  # noqa: F401 (the fixture)

CONTROLS = {"input", "select", "textarea"}


class Labels(HTMLParser):
    """The text of each ``<label>`` up to its first form control, and of each ``<legend>`` of a
    group of choices (radio buttons, check boxes); not a label holding or naming (``for``) a check
    box or radio button, nor the legend of a group of ordinary fields (a heading)."""

    def __init__(self):
        super().__init__()
        self.labels: list[tuple[str, str]] = []  # (text, for)
        self.legends: list[str] = []
        self.choice_ids: set[str] = set()
        self.label: dict | None = None
        self.fieldsets: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "fieldset":
            self.fieldsets.append({"legend": "", "in_legend": False, "choices": False, "fields": False})
        elif tag == "legend" and self.fieldsets:
            self.fieldsets[-1]["in_legend"] = True
        elif tag == "label":
            self.label = {"text": "", "done": False, "choice": False, "for": attrs.get("for", "")}
        elif tag in CONTROLS:
            choice = attrs.get("type") in ("checkbox", "radio")
            if choice and attrs.get("id"):
                self.choice_ids.add(attrs["id"])
            if self.label is not None and not self.label["done"]:
                self.label["choice"] = choice
                self.label["done"] = True
            if self.fieldsets and attrs.get("type") != "hidden":
                self.fieldsets[-1]["choices" if choice else "fields"] = True

    def handle_data(self, data):
        if self.label is not None and not self.label["done"]:
            self.label["text"] += data
        elif self.fieldsets and self.fieldsets[-1]["in_legend"]:
            self.fieldsets[-1]["legend"] += data

    def handle_endtag(self, tag):
        if tag == "label" and self.label is not None:
            if not self.label["choice"]:
                self.labels.append((self.label["text"], self.label["for"]))
            self.label = None
        elif tag == "legend" and self.fieldsets:
            self.fieldsets[-1]["in_legend"] = False
        elif tag == "fieldset" and self.fieldsets:
            fieldset = self.fieldsets.pop()
            if fieldset["choices"] and not fieldset["fields"]:
                self.legends.append(fieldset["legend"])

    def texts(self) -> list[str]:
        found = [text for text, target in self.labels if target not in self.choice_ids] + self.legends
        return [t for t in (" ".join(text.split()).rstrip("* ").strip() for text in found) if t]


def labels_without_colon(html: str) -> list[str]:
    parser = Labels()
    parser.feed(html)
    return [text for text in parser.texts() if not text.endswith("：")]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_every_label_of_every_page_ends_with_the_chinese_colon(client, world, role):  # noqa: F811
    client.force_login(getattr(world, role))
    failures = []
    pages = 0
    for name, cases in sorted(matrix().items()):
        for case in cases:
            response = client.get(reverse(name, kwargs=case.kwargs(world)) + case.query)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            pages += 1
            failures += [f"{name}：“{text}”" for text in labels_without_colon(response.content.decode())]
    assert failures == []
    assert pages >= 10


def test_the_login_page(client, db):
    assert labels_without_colon(client.get("/accounts/login/").content.decode()) == []


def test_every_admin_form(client, world):  # noqa: F811
    client.force_login(world.office_admin)
    failures = []
    for model in registered_models():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls = [reverse(f"{info}_changelist"), reverse(f"{info}_add")]
        obj = model._default_manager.first()
        if obj is not None:
            urls.append(reverse(f"{info}_change", args=[obj.pk]))
        for url in urls:
            response = client.get(url)
            if response.status_code == 200:
                failures += [f"{url}：“{text}”" for text in labels_without_colon(response.content.decode())]
    assert failures == []
