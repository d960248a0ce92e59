"""Who may do what: office accounts, office admins, unit accounts."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def office_required(view):
    """Office staff and admins only; a unit account gets 403, anonymous the login page."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_office:
            raise PermissionDenied("此页面仅限区政府办公室工作人员访问。")
        return view(request, *args, **kwargs)

    return wrapped


def office_admin_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_office_admin:
            raise PermissionDenied("此操作仅限办公室管理员。")
        return view(request, *args, **kwargs)

    return wrapped
