"""Error pages in Chinese (403, 404, CSRF failure)."""

from django.shortcuts import render


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有权限访问此页面。"
    return render(request, "403.html", {"message": message}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    message = "页面已过期或请求来源无法验证（CSRF校验失败），请刷新页面后重新提交。"
    return render(request, "403.html", {"message": message}, status=403)
