"""Following background jobs in tests: a request for a file starts a job, which runs when the
request's transaction commits (the test's transaction never does, so the callbacks are run when the
capture ends); the request then shows the job's page, which offers the download.

(Outside a test's transaction a job finished within a moment hands out its file as the answer to
the same request: ``tests/core/test_job_pages.py``.)"""

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
