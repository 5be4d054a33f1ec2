from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: the audit trail cannot be added to, changed or deleted from the admin."""

    list_display = (
        "at",
        "username",
        "source",
        "action",
        "unit",
        "object_label",
        "field",
        "old_value",
        "new_value",
    )
    list_filter = ("action", "government")
    search_fields = ("username", "source", "object_label", "field", "reason")
    date_hierarchy = "at"
    list_select_related = ("unit",)
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
