"""Celery tasks of events: thin, idempotent, ids as keyword arguments."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from talentbridge.models import Notification

from .exports import purge_expired_exports, run_export_job
from .models import Registration
from .tickets import event_ics, qr_png


@shared_task(name="events.send_ticket")
def task_send_ticket(*, registration_id: int) -> int | None:
    """Send the confirmation e-mail with the QR code and the .ics file, once per registration.

    It also stores the in-app notification; ``talentbridge.notify`` sends text only, and the
    ticket needs attachments.
    """
    registration = (
        Registration.objects.select_related("user", "event", "category")
        .filter(pk=registration_id, status=Registration.Status.CONFIRMED, user__is_active=True)
        .first()
    )
    if registration is None:
        return None
    user, event = registration.user, registration.event
    url = f"/events/tickets/{registration.code}/"
    context = {
        "name": user.name,
        "event": event.title,
        "category": registration.category.name,
        "starts_at": event.starts_at,
        "venue": event.venue,
        "code": registration.display_code,
        "url": url,
    }
    with translation.override(user.language):
        title = render_to_string("notifications/event_ticket_subject.txt", context).strip()
        body = render_to_string("notifications/event_ticket.txt", context)
    with transaction.atomic():
        notification, _ = Notification.objects.select_for_update().get_or_create(
            user=user,
            key=f"event-ticket-{registration.pk}",
            defaults={"title": title, "body": body, "url": url},
        )
        if notification.emailed_at is None and user.email:
            message = EmailMessage(title, f"{body}\n\n{settings.SITE_URL}{url}\n", to=[user.email])
            message.attach(f"checkin-{registration.code}.png", qr_png(registration), "image/png")
            message.attach("event.ics", event_ics(event), "text/calendar; charset=utf-8")
            message.send()
            notification.emailed_at = timezone.now()
            notification.save(update_fields=["emailed_at"])
    return notification.pk


@shared_task(name="events.run_export")
def task_run_export(*, job_id: int) -> int | None:
    """Write a large export's file; running it twice changes nothing more."""
    job = run_export_job(job_id)
    return job.pk if job else None


@shared_task(name="events.purge_exports")
def task_purge_exports() -> int:
    """Delete the files of export jobs whose download link has expired."""
    return purge_expired_exports()
