from django.shortcuts import render

from .history import recent_changes, tracked_models
from .permissions import office_required


def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有权限访问此页面。"
    return render(request, "403.html", {"message": message}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@office_required
def history(request):
    models = tracked_models()
    choices = [(m._meta.label, str(m._meta.verbose_name)) for m in models]
    selected = request.GET.get("model") or None
    if selected not in {label for label, _ in choices}:
        selected = None
    return render(
        request,
        "history.html",
        {"entries": recent_changes(model_label=selected, limit=200), "choices": choices, "selected": selected},
    )


def csrf_failure(request, reason=""):
    message = "页面已过期或请求来源无法验证（CSRF校验失败），请刷新页面后重新提交。"
    return render(request, "403.html", {"message": message}, status=403)
