"""The day's frame: time slots within the event, and the tables of the meeting area."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from events.models import Event, MeetingSlot, MeetingTable
from events.services import EventError
from talentbridge.models import User
from talentbridge.services import log_action

MAX_SLOTS = 48
MAX_TABLES = 500


@transaction.atomic
def add_slots(
    event: Event, *, starts_at: datetime, ends_at: datetime, minutes: int, actor: User
) -> list[MeetingSlot]:
    """Cut ``starts_at``–``ends_at`` into slots of ``minutes``; the whole span must lie within
    the event and must not overlap the slots already there."""
    if minutes < 5 or minutes > 240:
        raise EventError(_("A slot lasts between 5 and 240 minutes."))
    if ends_at <= starts_at:
        raise EventError(_("The end must come after the start."))
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise EventError(_("The slots must lie within the event's day."))
    length = timedelta(minutes=minutes)
    bounds = []
    start = starts_at
    while start + length <= ends_at:
        bounds.append((start, start + length))
        start += length
    if not bounds:
        raise EventError(_("The span is shorter than one slot."))
    if len(bounds) + event.meeting_slots.count() > MAX_SLOTS:
        raise EventError(_("A day has at most %(n)s slots.") % {"n": MAX_SLOTS})
    if event.meeting_slots.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).exists():
        raise EventError(_("These slots overlap slots already defined."))
    slots = MeetingSlot.objects.bulk_create(
        [MeetingSlot(event=event, starts_at=s, ends_at=e) for s, e in bounds]
    )
    log_action(
        event,
        "events.meetingslot.add",
        actor=actor,
        changes={"slots": len(slots), "from": starts_at.isoformat(), "to": ends_at.isoformat()},
    )
    return slots


@transaction.atomic
def delete_slot(slot: MeetingSlot, *, actor: User) -> None:
    """Remove a slot that holds no meeting."""
    if slot.meetings.exists():
        raise EventError(_("Meetings are scheduled in this slot; move them first."))
    log_action(slot.event, "events.meetingslot.delete", actor=actor, changes={"slot": str(slot)})
    slot.delete()


@transaction.atomic
def add_tables(event: Event, *, count: int, prefix: str, actor: User) -> list[MeetingTable]:
    """Add ``count`` tables named ``prefix`` + number, after the existing ones."""
    existing = event.meeting_tables.count()
    if count < 1 or existing + count > MAX_TABLES:
        raise EventError(_("A day has between 1 and %(n)s tables.") % {"n": MAX_TABLES})
    names = set(event.meeting_tables.values_list("name", flat=True))
    tables, number = [], existing
    while len(tables) < count:
        number += 1
        name = f"{prefix}{number:02d}"
        if name not in names:
            tables.append(MeetingTable(event=event, name=name, order=number))
    MeetingTable.objects.bulk_create(tables)
    log_action(event, "events.meetingtable.add", actor=actor, changes={"tables": count})
    return tables


@transaction.atomic
def delete_table(table: MeetingTable, *, actor: User) -> None:
    """Remove a table that holds no meeting; one with meetings is refused with a message."""
    held = table.meetings.count()
    if held:
        raise EventError(
            _("Table %(name)s holds %(n)s meetings; move them or re-run the schedule first.")
            % {"name": table.name, "n": held}
        )
    log_action(
        table.event, "events.meetingtable.delete", actor=actor, changes={"table": table.name}
    )
    table.delete()
