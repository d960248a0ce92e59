"""The icon browsers ask every site for is there: a 404 for /favicon.ico was a console error on
the first page each user opened, the admin's included."""

from django.test import Client


def test_the_site_icon_is_served_to_anybody(db):
    response = Client().get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
