"""The organizer's pages: the day's slots and tables, the requests overview, and the
schedule with its unplaced requests, moves, locks, re-runs and late placement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from events.models import Meeting, MeetingRequest
from events.services import EventError
from talentbridge.http import paginate, query_string

from .. import queries, rules, scheduling
from ..forms import MoveForm, SlotsForm, TablesForm
from ..services.day import add_slots, add_tables, delete_slot, delete_table
from ..services.schedule import (
    lock_meeting,
    move_meeting,
    place_late_requests,
    schedule_meetings,
)
from .common import day_for, row_of

REASONS = {
    scheduling.NO_COMMON_SLOT: gettext_lazy("no slot in which both are available"),
    scheduling.CAP: gettext_lazy("one side has reached their meeting cap"),
    scheduling.BUSY: gettext_lazy("one side already has meetings in every common slot"),
    scheduling.TABLES_FULL: gettext_lazy("every table is taken in the slots both could attend"),
}


@login_required
def setup(request, pk: int):
    """Slots and tables of the day, with the forms that add them."""
    event = day_for(request, pk, rules.can_manage_meetings)
    slots_form = SlotsForm(
        request.POST if request.POST.get("form") == "slots" else None,
        initial={"starts_at": event.starts_at, "ends_at": event.ends_at},
    )
    tables_form = TablesForm(request.POST if request.POST.get("form") == "tables" else None)
    if request.method == "POST":
        try:
            if slots_form.is_bound and slots_form.is_valid():
                add_slots(event, actor=request.user, **slots_form.cleaned_data)
                messages.success(request, _("The slots were added."))
                return redirect("events:meetings:setup", pk=event.pk)
            if tables_form.is_bound and tables_form.is_valid():
                add_tables(event, actor=request.user, **tables_form.cleaned_data)
                messages.success(request, _("The tables were added."))
                return redirect("events:meetings:setup", pk=event.pk)
        except EventError as exc:
            (slots_form if slots_form.is_bound else tables_form).add_error(None, str(exc))
    context = {
        "event": event,
        "slots": event.meeting_slots.all(),
        "tables": event.meeting_tables.all(),
        "slots_form": slots_form,
        "tables_form": tables_form,
    }
    return render(request, "events/meetings/setup.html", context)


@require_POST
@login_required
def remove(request, pk: int, what: str, row_id: int):
    """Delete a slot or a table that holds no meeting."""
    event = day_for(request, pk, rules.can_manage_meetings)
    rows = {
        "slot": (event.meeting_slots, delete_slot),
        "table": (event.meeting_tables, delete_table),
    }
    queryset, service = rows.get(what, (None, None))
    if queryset is None:
        return redirect("events:meetings:setup", pk=event.pk)
    try:
        service(row_of(queryset.all(), row_id), actor=request.user)
    except EventError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Removed."))
    return redirect("events:meetings:setup", pk=event.pk)


@login_required
def requests_overview(request, pk: int):
    """Every request of the day by status, paginated."""
    event = day_for(request, pk, rules.can_manage_meetings)
    status = request.GET.get("status", "")
    rows = (
        MeetingRequest.objects.filter(event=event)
        .select_related("requester__user", "recipient__user")
        .order_by("-created_at", "-pk")
    )
    if status in MeetingRequest.Status.values:
        rows = rows.filter(status=status)
    context = {
        "event": event,
        "page": paginate(request, rows),
        "counts": queries.request_counts(event),
        "status": status,
        "query_string": query_string(request),
        "statuses": MeetingRequest.Status.choices,
    }
    return render(request, "events/meetings/requests.html", context)


@login_required
def schedule(request, pk: int):
    """The schedule by slot and table, and the accepted requests left out, with why."""
    event = day_for(request, pk, rules.can_manage_meetings)
    unplaced = list(queries.unplaced(event))
    for row in unplaced:
        row.reason_text = REASONS.get(row.unplaced_reason, _("not scheduled yet"))
    context = {
        "event": event,
        "page": paginate(request, queries.schedule_meetings(event)),
        "unplaced": unplaced,
        "counts": queries.request_counts(event),
        "move_form": MoveForm(event=event),
        "slots": event.meeting_slots.all(),
        "tables": event.meeting_tables.all(),
    }
    return render(request, "events/meetings/schedule.html", context)


@require_POST
@login_required
def schedule_run(request, pk: int):
    """Run the scheduler (again); locked meetings and those begun stay where they are."""
    event = day_for(request, pk, rules.can_manage_meetings)
    result = schedule_meetings(event, actor=request.user)
    messages.success(
        request,
        _("%(placed)s meetings placed, %(unplaced)s accepted requests left out.")
        % {"placed": len(result.placed), "unplaced": len(result.unplaced)},
    )
    return redirect("events:meetings:schedule", pk=event.pk)


@require_POST
@login_required
def schedule_late(request, pk: int):
    """On the day: accepted requests without a meeting go into free slots still to come."""
    event = day_for(request, pk, rules.can_manage_meetings)
    placed = place_late_requests(event, actor=request.user)
    messages.success(request, _("%(n)s late requests placed.") % {"n": placed})
    return redirect("events:meetings:schedule", pk=event.pk)


def _meeting(event, meeting_id):
    return row_of(
        Meeting.objects.filter(request__event=event).select_related("request", "slot", "table"),
        meeting_id,
    )


@require_POST
@login_required
def meeting_move(request, pk: int, meeting_id: int):
    event = day_for(request, pk, rules.can_manage_meetings)
    meeting = _meeting(event, meeting_id)
    form = MoveForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, _("Choose a slot and a table of this day."))
    else:
        try:
            move_meeting(meeting, actor=request.user, **form.cleaned_data)
        except EventError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The meeting was moved and locked there."))
    return redirect("events:meetings:schedule", pk=event.pk)


@require_POST
@login_required
def meeting_lock(request, pk: int, meeting_id: int):
    event = day_for(request, pk, rules.can_manage_meetings)
    meeting = _meeting(event, meeting_id)
    lock_meeting(meeting, locked=request.POST.get("locked") == "1", actor=request.user)
    return redirect("events:meetings:schedule", pk=event.pk)
