"""Following background jobs in tests: the request redirects to the job's page; the job runs when
the request's transaction commits (the test's transaction never does, so the callbacks are run)."""

from django.http import FileResponse


def job_result(client, url: str, capture, *, method: str = "get", data=None) -> FileResponse:
    """GET (or POST) ``url``, run the job it starts, and return the download of its result."""
    with capture(execute=True):
        response = getattr(client, method)(url, data or {})
    assert response.status_code == 302 and response["Location"].startswith("/jobs/"), response
    download = client.get(response["Location"] + "download/")
    assert download.status_code == 200, client.get(response["Location"]).content.decode()[-600:]
    return download


def content(response: FileResponse) -> bytes:
    return b"".join(response.streaming_content)
