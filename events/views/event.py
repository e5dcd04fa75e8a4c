"""The event: the public list and page, its calendar file, and the organizers' pages to
create, edit, publish and manage it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate, query_string

from .. import queries, rules
from ..forms import EventCreateForm, EventForm, StatusForm
from ..models import Ceremony, Event, EventRole
from ..services import EventError
from ..services.event import EVENT_TRANSITIONS, create_event, edit_event, set_event_status
from ..tickets import event_ics
from .common import event_for, page_or_fragment


def event_list(request):
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "page": paginate(request, queries.public_events(query)),
        "q": query,
        "query_string": query_string(request),
    }
    return render(
        request, page_or_fragment(request, "events/list.html", "events/_event_rows.html"), context
    )


def event_detail(request, pk: int):
    event = event_for(request, pk, rules.can_view_event)
    registration = None
    if request.user.is_authenticated:
        registration = queries.active_registration(event, request.user)
    ceremony = Ceremony.objects.filter(event=event).first()
    context = {
        "event": event,
        "co_hosts": event.co_hosts.all(),
        "co_host_offices": event.co_host_offices.all(),
        "sessions": event.sessions.all(),
        "categories": queries.categories_with_counts(event),
        "registration": registration,
        "can_manage": rules.can_manage_event(request.user, event),
        "can_check_in": rules.can_check_in(request.user, event),
        "can_run_ceremony": rules.can_run_ceremony(request.user, event),
        "can_staff_tables": rules.has_event_role(request.user, event, EventRole.MEETINGS),
        "can_register": rules.can_register_for_event(request.user, event),
        "ceremony": ceremony,
        "ceremony_pairs": ceremony.pairs.count() if ceremony else 0,
        "boards": queries.event_boards(event),
    }
    return render(request, "events/detail.html", context)


def calendar(request, pk: int):
    event = event_for(request, pk, rules.can_view_event)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@login_required
def event_create(request):
    if not rules.can_create_event(request.user):
        raise Http404
    form = EventCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = create_event(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The event was created as a draft."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/form.html", {"form": form})


@login_required
def event_edit(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        edit_event(event, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The event was saved."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/form.html", {"form": form, "event": event})


@login_required
@require_POST
def event_status(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            set_event_status(event, form.cleaned_data["status"], actor=request.user)
            messages.success(request, _("The event's status was changed."))
        except EventError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Unknown status."))
    return redirect("events:manage", pk=event.pk)


@login_required
def event_manage(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    transitions = EVENT_TRANSITIONS[Event.Status(event.status)]
    next_statuses = [(status, Event.Status(status).label) for status in transitions]
    context = {
        "event": event,
        "categories": queries.categories_with_counts(event),
        "questions": event.questions.select_related("category"),
        "sessions": event.sessions.all(),
        "next_statuses": next_statuses,
        "ceremony": Ceremony.objects.filter(event=event).first(),
        "onsite_ids": queries.onsite_board_ids(event),
        "can_manage_team": rules.can_manage_team(request.user, event),
    }
    return render(request, "events/manage.html", context)


def event_board(request, pk: int, kind: str):
    """Every project (or demand) the event's call collected, those posted on site first."""
    event = event_for(request, pk, rules.can_view_event)
    if kind not in queries.BOARD_KINDS:
        raise Http404
    context = {
        "event": event,
        "kind": kind,
        "page": paginate(request, queries.event_board_postings(event, kind)),
        "query_string": query_string(request),
    }
    return render(request, "events/board.html", context)
