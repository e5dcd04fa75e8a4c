"""State transitions of accounts and notifications."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from ..models import SELF_SERVICE_ROLES, Notification, User
from ..tasks import task_send_notification
from .audit import log_action


@transaction.atomic
def register_user(*, email: str, name: str, password: str, roles: Iterable[str]) -> User:
    """Create an account holding the chosen self-service roles."""
    allowed = {role.value for role in SELF_SERVICE_ROLES}
    flags = {f"is_{role}": True for role in roles if role in allowed}
    user = User.objects.create_user(email=email, password=password, name=name, **flags)
    log_action(user, "accounts.signup", actor=user, changes={"roles": sorted(flags)})
    notify(user, key="welcome", template="welcome", context={"name": name}, url="/")
    return user


def set_user_language(user: User, language: str) -> None:
    """Remember a logged-in user's language so that e-mails reach them in it."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def notify(
    user: User,
    *,
    key: str,
    template: str,
    context: dict,
    url: str = "",
    source: tuple[str, int] | None = None,
) -> None:
    """Queue a notification for ``user``, rendered later in the user's own language.

    This is the one way the portal sends mail. ``template`` names
    ``templates/notifications/<template>_subject.txt`` and ``<template>.txt``; ``context``
    must be JSON-serialisable. ``source`` names a registered notification source and an
    object id (``("events.ticket", registration.pk)``) that adds context and attachments
    when the message is written (see :mod:`talentbridge.notifications`). The same ``key`` is
    delivered once.
    """
    task_send_notification.delay(
        user_id=user.pk,
        key=key,
        template=template,
        context=context,
        url=url,
        source=list(source) if source else None,
    )


def mark_notifications_read(user: User) -> int:
    """Mark all of a user's unread notifications as read; return how many changed."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
