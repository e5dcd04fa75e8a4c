"""Template context that every page needs."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .rules import is_organizer, office_roles


def portal(request):
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "unread_notifications": unread,
        # Lazy, so pages that do not show the menu's office links pay nothing for them.
        "in_an_office": SimpleLazyObject(lambda: bool(user and office_roles(user))),
        "is_organizer": SimpleLazyObject(lambda: bool(user and is_organizer(user))),
    }
