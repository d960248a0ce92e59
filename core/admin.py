"""Admin helpers. A model whose writes a service guards is shown read-only in the admin, with a
pointer to the page that writes it, so the admin can never bypass the service's rules."""

from django.contrib import admin


class ReadOnlyAdminMixin:
    """View and search only: no adding, changing or deleting in the admin."""

    managed_at = ""
    """Where this data is written instead, shown on the admin page (e.g. “月度填报”)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if self.managed_at:
            extra_context = {
                **(extra_context or {}),
                "title": f"{self.model._meta.verbose_name}（只读，请在“{self.managed_at}”中修改）",
            }
        return super().changelist_view(request, extra_context=extra_context)


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass
