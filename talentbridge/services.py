"""State transitions of accounts and notifications."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import SELF_SERVICE_ROLES, Notification, User
from .queue import enqueue_on_commit
from .tasks import task_send_notification


@transaction.atomic
def register_user(*, email: str, name: str, password: str, roles: Iterable[str]) -> User:
    """Create an account holding the chosen self-service roles."""
    allowed = {role.value for role in SELF_SERVICE_ROLES}
    flags = {f"is_{role}": True for role in roles if role in allowed}
    user = User.objects.create_user(email=email, password=password, name=name, **flags)
    notify(user, key="welcome", template="welcome", context={"name": name}, url="/")
    return user


def set_user_language(user: User, language: str) -> None:
    """Remember a logged-in user's language so that e-mails reach them in it."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def notify(user: User, *, key: str, template: str, context: dict, url: str = "") -> None:
    """Queue a notification for ``user``, rendered later in the user's own language.

    ``template`` names ``templates/notifications/<template>_subject.txt`` and ``<template>.txt``;
    ``context`` must be JSON-serialisable. The same ``key`` is delivered once.
    """
    enqueue_on_commit(
        task_send_notification,
        user_id=user.pk,
        key=key,
        template=template,
        context=context,
        url=url,
    )


def mark_notifications_read(user: User) -> int:
    """Mark all of a user's unread notifications as read; return how many changed."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
