"""Events themselves: create, edit and move along their lifecycle."""

from django.db import transaction
from django.utils.translation import gettext as _

from talentbridge.models import Office, User
from talentbridge.services import field_changes, log_action, snapshot

from ..models import Event
from . import EventError
from .ceremony import refresh_screens_on_commit

Status = Event.Status

# Allowed status changes: forward along the lifecycle, plus reopening a closed registration.
EVENT_TRANSITIONS = {
    Status.DRAFT: {Status.PUBLISHED},
    Status.PUBLISHED: {Status.REGISTRATION_OPEN, Status.DRAFT},
    Status.REGISTRATION_OPEN: {Status.CLOSED},
    Status.CLOSED: {Status.REGISTRATION_OPEN, Status.HELD},
    Status.HELD: {Status.ARCHIVED},
    Status.ARCHIVED: set(),
}
# What the organizers edit on the event's form.
EDITABLE = (
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "venue",
    "city",
    "host",
    "description",
    "call_text",
    "call_opens_at",
    "call_closes_at",
)


@transaction.atomic
def create_event(*, actor: User, office: Office, **fields) -> Event:
    """Create a draft event of ``office``, which its managers then run."""
    co_hosts = fields.pop("co_hosts", ())
    co_host_offices = fields.pop("co_host_offices", ())
    event = Event.objects.create(status=Status.DRAFT, office=office, **fields)
    event.co_hosts.set(co_hosts)
    event.co_host_offices.set(co_host_offices)
    log_action(
        event,
        "events.event.create",
        actor=actor,
        changes={"title": event.title, "office": office.name},
    )
    return event


def _names(rows) -> list[str]:
    return sorted(str(row) for row in rows)


@transaction.atomic
def edit_event(event: Event, *, actor: User, **fields) -> Event:
    """Save the organizers' edit of the event, recording the values that changed."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = snapshot(event, EDITABLE)
    for name in EDITABLE:
        if name in fields:
            setattr(event, name, fields[name])
    changes = field_changes(before, event, EDITABLE)
    event.save()
    for name in ("co_hosts", "co_host_offices"):
        rows = fields.get(name)
        if rows is None:
            continue
        related = getattr(event, name)
        old, new = _names(related.all()), _names(rows)
        related.set(rows)
        if new != old:
            changes[name] = [old, new]
    if changes:
        log_action(event, "events.event.edit", actor=actor, changes=changes)
    return event


@transaction.atomic
def set_event_status(event: Event, status: str, *, actor: User) -> Event:
    """Move the event one step along its lifecycle, or refuse with a reason."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if status not in EVENT_TRANSITIONS[event.status]:
        raise EventError(
            _("An event that is “%(current)s” cannot become “%(new)s”.")
            % {"current": event.get_status_display(), "new": Status(status).label}
        )
    old = event.status
    event.status = status
    event.save(update_fields=["status", "updated_at"])
    log_action(event, "events.event.status", actor=actor, changes={"status": [old, status]})
    refresh_screens_on_commit(event.pk)
    return event
