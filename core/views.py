"""Error pages in Chinese (403, 404, CSRF failure) and the health check of the web process."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有权限访问此页面。"
    return render(request, "403.html", {"message": message}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """An error nobody foresaw (500), or a database that went away outside a view (a middleware
    loading the session, say): that one is the same 503 page as inside a view, never a 500.

    Django calls this while handling the exception, so it is still the current one."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        return render(request, "503.html", status=503)
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    message = "页面已过期或请求来源无法验证（CSRF校验失败），请刷新页面后重新提交。"
    return render(request, "403.html", {"message": message}, status=403)


@never_cache
def healthz(request):
    """For load balancers, docker and monitoring: 200 when the web process reaches its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
