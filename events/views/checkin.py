"""The check-in desk: scan or type a code, find a person by name, watch the counters; and
the badge sheets of a category."""

import json
from datetime import datetime
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import wants_fragment

from .. import queries, rules
from ..forms import CheckInForm
from ..models import AttendeeCategory
from ..services import EventError
from ..services.checkin import AlreadyCheckedIn, check_in, record_scans
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


# One sync answers at most this many scans; a desk with more sends them in turns.
SYNC_BATCH = 100


def _parse_scans(request) -> list[tuple[UUID, str, datetime | None]] | None:
    try:
        scans = json.loads(request.body or b"{}").get("scans")
    except (ValueError, AttributeError):
        return None
    if not isinstance(scans, list) or len(scans) > SYNC_BATCH:
        return None
    parsed = []
    for scan in scans:
        if not isinstance(scan, dict) or not isinstance(scan.get("code"), str):
            return None
        try:
            scan_id = UUID(str(scan.get("id")))
        except ValueError:
            return None
        scanned_at = parse_datetime(str(scan.get("scanned_at") or ""))
        if scanned_at is not None and timezone.is_naive(scanned_at):
            scanned_at = None
        parsed.append((scan_id, scan["code"][:40], scanned_at))
    return parsed


@login_required
@require_POST
def checkin_sync(request, pk: int):
    """Apply the scans a desk queued while offline (JSON in, JSON out), each once by its id."""
    event = event_for(request, pk, rules.can_check_in)
    try:
        scans = _parse_scans(request)
    except ValueError:
        scans = None
    if scans is None:
        message = _("The scans could not be read; send at most %(count)s at a time.")
        return JsonResponse({"error": message % {"count": SYNC_BATCH}}, status=400)
    results = []
    for scan in record_scans(event, scans, actor=request.user):
        registration = scan.registration
        results.append(
            {
                "id": str(scan.scan_id),
                "outcome": scan.outcome,
                "name": registration.user.name if registration else "",
                "message": scan.message or _("Checked in"),
            }
        )
    return JsonResponse({"results": results})
