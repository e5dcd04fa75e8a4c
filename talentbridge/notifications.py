"""Writing and delivering notifications: the in-app message and its e-mail, once per key.

Higher apps add context and attachments to a notification through a *source*, registered in
their ``AppConfig.ready()``: ``register_notification_source("events.ticket", build)``, where
``build(object_id)`` returns :class:`Extras` or None when the message no longer applies (a
cancelled registration gets no ticket). The source runs when the message is written, in the
worker, so that requests stay light and this app imports none of theirs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from .models import Notification, User


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class Extras:
    context: dict = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)


Source = Callable[[int], Extras | None]
_sources: dict[str, Source] = {}


def register_notification_source(name: str, build: Source) -> None:
    """Make ``name`` usable as a notification's ``source``."""
    _sources[name] = build


def render_text(template_name: str, context: dict) -> str:
    """Render a plain-text template without HTML escaping (names with & or < stay as typed)."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def deliver_notification(
    *,
    user_id: int,
    key: str,
    template: str,
    context: dict,
    url: str = "",
    source: list | None = None,
) -> int | None:
    """Store the notification for the user and e-mail it; a repeated call changes nothing.

    Returns the notification's id, or None when the user is gone or the source declines.
    """
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    extras = Extras()
    if source:
        name, object_id = source
        extras = _sources[name](int(object_id))
        if extras is None:
            return None
    context = {**context, **extras.context, "url": url}
    with translation.override(user.language):
        title = render_text(f"notifications/{template}_subject.txt", context).strip()
        body = render_text(f"notifications/{template}.txt", context)
    # Stored first, in its own transaction: the message shows in-app even while the mail
    # server is down, and the task's retries only have the e-mail left to send.
    notification, _ = Notification.objects.get_or_create(
        user=user, key=key, defaults={"title": title[:200], "body": body, "url": url}
    )
    if notification.emailed_at is None and user.email:
        with transaction.atomic():
            # Locked and checked again: two deliveries of the same task send one e-mail.
            notification = Notification.objects.select_for_update().get(pk=notification.pk)
            if notification.emailed_at is None:
                link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
                message = EmailMessage(title, f"{body}\n\n{link}\n", to=[user.email])
                for attachment in extras.attachments:
                    message.attach(attachment.filename, attachment.content, attachment.mimetype)
                message.send()
                notification.emailed_at = timezone.now()
                notification.save(update_fields=["emailed_at"])
    return notification.pk


def send_to_address(
    *, email: str, template: str, context: dict, url: str = "", language: str = ""
) -> None:
    """E-mail a message to an address that has no account yet, rendered in ``language``."""
    context = {**context, "url": url}
    with translation.override(language or settings.LANGUAGE_CODE):
        title = render_text(f"notifications/{template}_subject.txt", context).strip()
        body = render_text(f"notifications/{template}.txt", context)
    link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
    EmailMessage(title, f"{body}\n\n{link}\n", to=[email]).send()
