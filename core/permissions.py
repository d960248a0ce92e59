"""Who may do what: office accounts, office admins, unit accounts.

Views check with the decorators below; every service that only the district office may call checks
again with :func:`require_office`, so that no other path (a form, an import, the admin, a task)
reaches it with another account.
"""

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


def require_office(user, action: str) -> None:
    """Refuse ``action`` (PermissionDenied, e.g. “只有区政府办公室工作人员可以印发通报。”) to every
    account but the district office's. ``None`` is the system itself (a command or a task run on the
    server), which may do anything."""
    if user is not None and not getattr(user, "is_office", False):
        raise PermissionDenied(f"只有区政府办公室工作人员可以{action}。")


def require_office_admin(user, action: str) -> None:
    """As :func:`require_office`, for what only an office admin may do (units, accounts)."""
    if user is not None and not getattr(user, "is_office_admin", False):
        raise PermissionDenied(f"只有办公室管理员可以{action}。")
