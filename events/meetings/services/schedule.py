"""Scheduling a matchmaking day: run the scheduler, move and lock meetings, place late
requests into free slots, mark no-shows."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    Event,
    Meeting,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    Unavailability,
)
from events.services import EventError
from talentbridge.models import User
from talentbridge.services import log_action

from .. import scheduling


def _fixed(meeting: Meeting, now) -> bool:
    """Locked meetings, and those whose slot has begun, stay where they are."""
    return meeting.locked or meeting.slot.starts_at <= now


def build_problem(event: Event, *, now=None) -> tuple[scheduling.Problem, dict]:
    """The event's scheduling problem, and the accepted requests by id (as strings)."""
    now = now or timezone.now()
    requests = {
        str(r.pk): r
        for r in MeetingRequest.objects.filter(
            event=event, status=MeetingRequest.Status.ACCEPTED
        ).select_related("requester", "recipient")
    }
    meetings = list(
        Meeting.objects.filter(request__event=event, request__status="accepted").select_related(
            "slot"
        )
    )
    unavailable: dict[str, set[str]] = {}
    for profile_id, slot_id in event.meeting_profiles.values_list("pk", "unavailable__slot_id"):
        if slot_id is not None:
            unavailable.setdefault(str(profile_id), set()).add(str(slot_id))
    problem = scheduling.Problem(
        slots=[str(pk) for pk in event.meeting_slots.values_list("pk", flat=True)],
        tables=[str(pk) for pk in event.meeting_tables.values_list("pk", flat=True)],
        requests=[
            scheduling.Request(
                str(r.pk),
                str(r.requester_id),
                str(r.recipient_id),
                r.priority,
                order=order,
            )
            for order, r in enumerate(
                sorted(requests.values(), key=lambda r: (r.decided_at or r.created_at, r.pk))
            )
        ],
        unavailable=unavailable,
        caps={str(pk): cap for pk, cap in event.meeting_profiles.values_list("pk", "max_meetings")},
        locked={
            str(m.request_id): (str(m.slot_id), str(m.table_id)) for m in meetings if _fixed(m, now)
        },
        previous={str(m.request_id): (str(m.slot_id), str(m.table_id)) for m in meetings},
    )
    return problem, requests


@transaction.atomic
def schedule_meetings(event: Event, *, actor: User) -> scheduling.Schedule:
    """Place every accepted request anew, keeping locked and begun meetings where they are;
    left-out requests keep the reason why."""
    list(Event.objects.select_for_update().filter(pk=event.pk))
    problem, requests = build_problem(event)
    result = scheduling.solve_schedule(problem)
    Meeting.objects.filter(request__event=event).exclude(
        request_id__in=[int(pk) for pk in problem.locked]
    ).delete()
    Meeting.objects.bulk_create(
        [
            Meeting(request_id=int(request_id), slot_id=int(slot), table_id=int(table))
            for request_id, (slot, table) in result.placed.items()
            if request_id not in problem.locked
        ]
    )
    MeetingRequest.objects.filter(event=event).exclude(unplaced_reason="").update(
        unplaced_reason=""
    )
    by_reason: dict[str, list[int]] = {}
    for request_id, reason in result.unplaced.items():
        by_reason.setdefault(reason, []).append(int(request_id))
    for reason, ids in by_reason.items():
        MeetingRequest.objects.filter(pk__in=ids).update(unplaced_reason=reason)
    log_action(
        event,
        "events.meeting.schedule",
        actor=actor,
        changes={
            "accepted": len(requests),
            "placed": len(result.placed),
            "locked": len(problem.locked),
            "unplaced": {reason: len(ids) for reason, ids in by_reason.items()},
        },
    )
    return result


def _check_free(meeting: Meeting, slot: MeetingSlot, table: MeetingTable) -> None:
    request = meeting.request
    if slot.event_id != request.event_id or table.event_id != request.event_id:
        raise EventError(_("That slot or table belongs to another event."))
    others = Meeting.objects.filter(slot=slot).exclude(pk=meeting.pk)
    if others.filter(table=table).exists():
        raise EventError(_("Table %(table)s is taken in that slot.") % {"table": table.name})
    people = [request.requester_id, request.recipient_id]
    if (
        others.filter(request__requester_id__in=people).exists()
        or others.filter(request__recipient_id__in=people).exists()
    ):
        raise EventError(_("One of the two already has a meeting in that slot."))
    if Unavailability.objects.filter(profile_id__in=people, slot=slot).exists():
        raise EventError(_("One of the two cannot attend that slot."))


@transaction.atomic
def move_meeting(
    meeting: Meeting, *, slot: MeetingSlot, table: MeetingTable, actor: User
) -> Meeting:
    """Put a meeting at another table and/or slot; a moved meeting is locked there."""
    list(Event.objects.select_for_update().filter(pk=meeting.request.event_id))
    _check_free(meeting, slot, table)
    changes = {"slot": [str(meeting.slot), str(slot)], "table": [meeting.table.name, table.name]}
    meeting.slot, meeting.table, meeting.locked = slot, table, True
    meeting.save(update_fields=["slot", "table", "locked"])
    log_action(meeting, "events.meeting.move", actor=actor, changes=changes)
    return meeting


@transaction.atomic
def lock_meeting(meeting: Meeting, *, locked: bool, actor: User) -> Meeting:
    """Lock a meeting in place (a re-run keeps it) or release it."""
    if meeting.locked != locked:
        meeting.locked = locked
        meeting.save(update_fields=["locked"])
        verb = "lock" if locked else "unlock"
        log_action(meeting, f"events.meeting.{verb}", actor=actor)
    return meeting


@transaction.atomic
def place_late_requests(event: Event, *, actor: User) -> int:
    """On the day: put accepted requests without a meeting into free slots still to come,
    around every existing meeting; returns how many found a place."""
    list(Event.objects.select_for_update().filter(pk=event.pk))
    now = timezone.now()
    problem, requests = build_problem(event, now=now)
    problem.locked = dict(problem.previous)
    starts = dict(event.meeting_slots.values_list("pk", "starts_at"))
    first = next((i for i, pk in enumerate(problem.slots) if starts[int(pk)] > now), None)
    placed = 0
    if first is not None:
        for request in sorted(problem.requests, key=lambda r: r.order):
            if request.id in problem.locked:
                continue
            seat = scheduling.place_late(problem, request, from_slot=first)
            if seat is None:
                continue
            problem.locked[request.id] = seat
            Meeting.objects.create(
                request_id=int(request.id), slot_id=int(seat[0]), table_id=int(seat[1])
            )
            requests[request.id].unplaced_reason = ""
            requests[request.id].save(update_fields=["unplaced_reason"])
            placed += 1
    log_action(event, "events.meeting.place_late", actor=actor, changes={"placed": placed})
    return placed


@transaction.atomic
def mark_no_show(meeting: Meeting, *, who: str, actor: User) -> Meeting:
    """Record who did not come (or, with ``""``, that both came)."""
    if who not in Meeting.NoShow.values:
        raise EventError(_("Unknown choice."))
    if meeting.no_show != who:
        changes = {"no_show": [meeting.no_show, who]}
        meeting.no_show = who
        meeting.save(update_fields=["no_show"])
        log_action(meeting, "events.meeting.no_show", actor=actor, changes=changes)
    return meeting
