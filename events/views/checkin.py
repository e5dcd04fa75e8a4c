"""The check-in desk: scan or type a code, find a person by name, watch the counters; and
the badge sheets of a category."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from talentbridge.http import wants_fragment

from .. import queries, rules
from ..forms import CheckInForm
from ..models import AttendeeCategory
from ..services import EventError
from ..services.checkin import AlreadyCheckedIn, check_in
from .common import event_for, page_or_fragment


@login_required
def checkin(request, pk: int):
    event = event_for(request, pk, rules.can_check_in)
    form = CheckInForm(request.POST or None)
    result = {}
    if request.method == "POST" and form.is_valid():
        try:
            registration = check_in(event, form.cleaned_data["code"], actor=request.user)
            result = {"ok": True, "registration": registration}
        except AlreadyCheckedIn as error:
            result = {"warning": str(error), "registration": error.registration}
        except EventError as error:
            result = {"error": str(error)}
        form = CheckInForm()
    context = {
        "event": event,
        "form": form,
        "result": result,
        "categories": queries.categories_with_counts(event),
    }
    response = render(
        request,
        page_or_fragment(request, "events/checkin.html", "events/_checkin_panel.html"),
        context,
    )
    if request.method == "POST" and request.htmx:
        response["HX-Trigger"] = "checked-in"
    return response


def checkin_search(request, pk: int):
    """Find the event's attendees by part of a name, organisation or phone tail; each row's
    button posts its code to the desk, so a found person is checked in like a scanned one."""
    event = event_for(request, pk, rules.can_check_in)
    query = request.GET.get("q", "").strip()[:100]
    found = []
    if query:
        found = list(queries.checkin_search(event, query)[: queries.CHECKIN_SEARCH_LIMIT + 1])
    context = {
        "event": event,
        "q": query,
        "found": found[: queries.CHECKIN_SEARCH_LIMIT],
        "more": len(found) > queries.CHECKIN_SEARCH_LIMIT,
        "limit": queries.CHECKIN_SEARCH_LIMIT,
    }
    if wants_fragment(request):
        return render(request, "events/_checkin_search.html", context)
    context |= {
        "form": CheckInForm(),
        "result": {},
        "categories": queries.categories_with_counts(event),
    }
    return render(request, "events/checkin.html", context)


@login_required
def checkin_counters(request, pk: int):
    event = event_for(request, pk, rules.can_check_in)
    context = {"event": event, "categories": queries.categories_with_counts(event)}
    return render(request, "events/_checkin_counters.html", context)


@login_required
def badges(request, pk: int, category_id: int):
    event = event_for(request, pk, rules.can_manage_event)
    category = get_object_or_404(AttendeeCategory, pk=category_id, event=event)
    context = {
        "event": event,
        "category": category,
        "registrations": queries.badges_for_category(category),
    }
    return render(request, "events/badges.html", context)
