"""Celery tasks of the base layer."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Notification, User


@shared_task(name="talentbridge.send_notification")
def task_send_notification(
    *, user_id: int, key: str, template: str, context: dict, url: str = ""
) -> int | None:
    """Store a notification for the user and e-mail it; a repeated call changes nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    with translation.override(user.language):
        title = render_to_string(f"notifications/{template}_subject.txt", context).strip()
        body = render_to_string(f"notifications/{template}.txt", {**context, "url": url})
    with transaction.atomic():
        notification, _ = Notification.objects.select_for_update().get_or_create(
            user=user, key=key, defaults={"title": title, "body": body, "url": url}
        )
        if notification.emailed_at is None and user.email:
            link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
            send_mail(title, f"{body}\n\n{link}\n", None, [user.email])
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
    return notification.pk
