"""Reading the grid form back out of a page, as a browser would submit it."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

from django.urls import reverse


class _FormFields(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif tag == "input" and self.inside and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_fields(html: str, form_id: str = "grid-form") -> dict[str, str]:
    """Every named input of the form, with the value the page shows."""
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.fields


def grid_url(year: int = 2024, month: int = 10) -> str:
    return reverse("submissions:grid", args=[year, month])


def load_grid(client, year: int = 2024, month: int = 10) -> dict[str, str]:
    response = client.get(grid_url(year, month))
    assert response.status_code == 200
    return form_fields(response.content.decode())


def stamp(record, *, when: datetime.datetime, user=None) -> None:
    """Pretend ``record`` was last saved by ``user`` at ``when`` (auto_now would overwrite it)."""
    type(record).objects.filter(pk=record.pk).update(updated_at=when, updated_by=user)
    record.refresh_from_db()
