"""What a confirmed attendee receives: a QR code of the check-in code and a calendar file."""

import io
from datetime import UTC, datetime

import segno
from django.conf import settings
from django.utils import timezone

from talentbridge.notifications import Attachment, Extras

from .models import Event, Registration


def qr_svg(registration: Registration) -> str:
    """The check-in code as an inline SVG QR code (safe to insert into a page)."""
    return segno.make(registration.code, error="m").svg_inline(scale=6, border=2)


def qr_png(registration: Registration) -> bytes:
    """The check-in code as a PNG QR code, for the confirmation e-mail."""
    buffer = io.BytesIO()
    segno.make(registration.code, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def _ics_text(value: str) -> str:
    # RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values.
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _ics_time(value: datetime) -> str:
    return timezone.localtime(value, UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    parts, current = [], ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode()) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def event_ics(event: Event, *, uid_suffix: str = "") -> str:
    """An iCalendar file with the event as one VEVENT."""
    url = f"{settings.SITE_URL}/events/{event.pk}/"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//TalentBridge//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{event.pk}{uid_suffix}@talentbridge",
        f"DTSTAMP:{_ics_time(timezone.now())}",
        f"DTSTART:{_ics_time(event.starts_at)}",
        f"DTEND:{_ics_time(event.ends_at)}",
        f"SUMMARY:{_ics_text(event.title)}",
        f"LOCATION:{_ics_text(event.venue)}",
        f"DESCRIPTION:{_ics_text(event.description[:1000])}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def ticket_extras(registration_id: int) -> Extras | None:
    """The ticket e-mail's details and attachments (QR code, .ics), while still confirmed."""
    registration = (
        Registration.objects.select_related("event", "category")
        .filter(pk=registration_id, status=Registration.Status.CONFIRMED)
        .first()
    )
    if registration is None:
        return None
    event = registration.event
    context = {
        "event": event.title,
        "category": registration.category.name,
        "starts_at": timezone.localtime(event.starts_at),
        "venue": event.venue,
        "code": registration.display_code,
    }
    return Extras(
        context=context,
        attachments=[
            Attachment(f"checkin-{registration.code}.png", qr_png(registration), "image/png"),
            Attachment("event.ics", event_ics(event), "text/calendar; charset=utf-8"),
        ],
    )
