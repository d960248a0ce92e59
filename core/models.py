"""The audited abstract base model. Core holds no domain model."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


def person_field(verbose_name: str, *, related_name: str = "+") -> models.ForeignKey:
    """The account that did something (recorded, submitted, changed); kept as empty if the account
    is deleted, so the record stays."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class AuditedModel(models.Model):
    """A record whose every change is kept (django-simple-history) with who made it and why.

    The one documented way to attribute a change: a service calls :meth:`stamp` with the acting
    user and a reason before ``save()`` or ``delete()``. The user goes to ``updated_by`` and to the
    history row (``_history_user``, simple-history's documented hook; in a request its middleware
    sets the same user), the reason to the history row's ``history_change_reason``.
    """

    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = person_field("修改人")
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def stamp(self, *, acting_user=None, reason: str = "") -> None:
        """Attribute the next save or delete to ``acting_user`` (``None``: the system) with ``reason``."""
        if acting_user is not None:
            self.updated_by = acting_user
        stamp_history(self, acting_user=acting_user, reason=reason)


def stamp_history(instance: models.Model, *, acting_user=None, reason: str = "") -> None:
    """Attribute the next history row of any tracked ``instance`` (audited or not)."""
    if acting_user is not None:
        instance._history_user = acting_user
    if reason:
        instance._change_reason = reason
