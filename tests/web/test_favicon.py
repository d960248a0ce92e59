"""Browsers ask every site for /favicon.ico: it is there (a 404 would show on every page's console)."""


def test_the_site_icon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
