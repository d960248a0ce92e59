import logging

from django.db import InterfaceError, OperationalError
from django.shortcuts import render

from .versioning import read_once

logger = logging.getLogger(__name__)


def friendly_method_not_allowed(get_response):
    """A page in Chinese instead of Django's empty 405 answer (e.g. opening a POST-only address)."""

    def middleware(request):
        response = get_response(request)
        if response.status_code == 405 and not response.content:
            friendly = render(request, "405.html", status=405)
            friendly["Allow"] = response.get("Allow", "")
            return friendly
        return response

    return middleware


def database_unavailable(get_response):
    """A database that stays busy or is restarting gets a page in Chinese (503), never a 500: the
    user is told nothing was saved and to try again. (The month grid keeps typed rows itself.)"""

    def middleware(request):
        return get_response(request)

    def process_exception(request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("database unavailable: %s", exception)
            return render(request, "503.html", status=503)
        return None

    middleware.process_exception = process_exception
    return middleware


def no_store_when_logged_in(get_response):
    """Pages of a logged-in person are never kept by browsers or proxies (``Cache-Control: no-store``)."""

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response

    return middleware


def data_versions_read_once(get_response):
    """The data versions (core.versioning) are read from the cache once per request."""

    def middleware(request):
        with read_once():
            return get_response(request)

    return middleware
