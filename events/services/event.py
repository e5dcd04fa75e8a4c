"""Events themselves: create, edit and move along their lifecycle."""

from django.db import transaction
from django.utils.translation import gettext as _

from talentbridge.models import User
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
def create_event(*, actor: User, **fields) -> Event:
    """Create a draft event whose organizer team starts with its creator."""
    co_hosts = fields.pop("co_hosts", ())
    event = Event.objects.create(status=Status.DRAFT, **fields)
    event.co_hosts.set(co_hosts)
    event.organizers.add(actor)
    log_action(event, "events.event.create", actor=actor, changes={"title": event.title})
    return event


@transaction.atomic
def edit_event(event: Event, *, actor: User, **fields) -> Event:
    """Save the organizers' edit of the event, recording the values that changed."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = snapshot(event, EDITABLE)
    old_co_hosts = sorted(str(org) for org in event.co_hosts.all())
    co_hosts = fields.pop("co_hosts", None)
    for name in EDITABLE:
        if name in fields:
            setattr(event, name, fields[name])
    changes = field_changes(before, event, EDITABLE)
    event.save()
    if co_hosts is not None:
        event.co_hosts.set(co_hosts)
        new_co_hosts = sorted(str(org) for org in co_hosts)
        if new_co_hosts != old_co_hosts:
            changes["co_hosts"] = [old_co_hosts, new_co_hosts]
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
