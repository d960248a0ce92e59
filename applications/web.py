"""Small helpers the register's pages share: who may see which unit and application."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from units.models import Unit
from units.selectors import units_visible_to

from .models import Application
from .selectors import applications_visible_to, may_edit_unit, with_consultations


def visible_unit(user, unit_id: int) -> Unit:
    """The unit if ``user`` may see its register: 403 for another unit's, 404 for none."""
    unit = units_visible_to(user).filter(pk=unit_id).first()
    if unit is None:
        if user.is_office:
            raise Http404("没有这个单位。")
        raise PermissionDenied("只能查看本单位的依申请公开登记簿。")
    return unit


def editable_unit(user, unit_id: int) -> Unit:
    unit = visible_unit(user, unit_id)
    if not may_edit_unit(user, unit):
        raise PermissionDenied("只能登记和办理本单位收到的政府信息公开申请。")
    return unit


def visible_application(user, pk: int) -> Application:
    """The application if ``user`` may see it; another unit's is as if it did not exist (404)."""
    application = with_consultations(applications_visible_to(user)).filter(pk=pk).first()
    if application is None:
        raise Http404("没有这件申请。")
    return application


def editable_application(user, pk: int) -> Application:
    application = visible_application(user, pk)
    if not may_edit_unit(user, application.unit):
        raise PermissionDenied("只能办理本单位收到的政府信息公开申请。")
    return application
