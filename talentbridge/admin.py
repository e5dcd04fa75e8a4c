from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Notification, OutboxTask, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_organizer", "is_mentor", "is_mentee", "is_enterprise"]
    list_filter = ["is_organizer", "is_mentor", "is_mentee", "is_enterprise", "is_admin"]
    search_fields = ["email", "name", "phone"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["name", "phone", "language"]}),
        (
            _("Roles"),
            {"fields": ["is_organizer", "is_mentor", "is_mentee", "is_enterprise", "is_admin"]},
        ),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "name", "password1", "password2"]})]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "created_at", "read_at"]
    search_fields = ["title", "user__email"]
    raw_id_fields = ["user"]


@admin.register(OutboxTask)
class OutboxTaskAdmin(admin.ModelAdmin):
    """Tasks kept while the broker was down; the beat sweep sends them (docs/operations.md)."""

    list_display = ["name", "created_at", "attempts", "sent_at", "last_error"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["name", "args", "kwargs", "created_at", "attempts", "last_error", "sent_at"]
