"""The participant's pages: the matchmaking profile and availability, suggested people, a
person's profile with the request form, the requests in and out, the agenda (page, print,
.ics) and the follow-up of a meeting."""

from datetime import UTC

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Meeting, MeetingProfile, MeetingRequest
from events.services import EventError
from projects.suggestions.reasons import explain_all
from talentbridge.http import paginate

from .. import queries, rules
from ..forms import AvailabilityForm, FollowUpForm, ProfileForm, RequestForm
from ..services.followups import record_follow_up
from ..services.outcomes import LEADS_ON, found_outcome
from ..services.profiles import opt_in, set_unavailable
from ..services.requests import (
    accept_request,
    cancel_request,
    decline_request,
    request_meeting,
)
from .common import day_for, own_profile, row_of


def _participant(user, event) -> bool:
    return rules.can_join_meetings(user, event)


@login_required
def home(request, pk: int):
    """The participant's start: profile, requests received and sent, links to the rest."""
    event = day_for(request, pk, _participant)
    profile = rules.profile_of(request.user, event)
    if profile is None:
        return redirect("events:meetings:profile", pk=event.pk)
    context = {
        "event": event,
        "profile": profile,
        "incoming": queries.incoming(profile),
        "outgoing": queries.outgoing(profile),
        "agenda": queries.agenda(profile),
    }
    return render(request, "events/meetings/home.html", context)


@login_required
def profile_edit(request, pk: int):
    """Opt in, or edit the profile; the availability form sits beside it."""
    event = day_for(request, pk, _participant)
    profile = rules.profile_of(request.user, event)
    form = ProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            opt_in(
                event,
                request.user,
                offers=data["offers"],
                seeks=data["seeks"],
                max_meetings=data["max_meetings"],
                projects=data["projects"],
                challenges=data["challenges"],
                actor=request.user,
            )
        except EventError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your matchmaking profile is saved."))
            return redirect("events:meetings:home", pk=event.pk)
    availability = None
    if profile is not None:
        availability = AvailabilityForm(
            initial={"unavailable": profile.unavailable.values_list("slot_id", flat=True)},
            event=event,
        )
    context = {"event": event, "form": form, "profile": profile, "availability": availability}
    return render(request, "events/meetings/profile_form.html", context)


@require_POST
@login_required
def availability(request, pk: int):
    event = day_for(request, pk, _participant)
    profile = own_profile(request, event)
    form = AvailabilityForm(request.POST, event=event)
    if form.is_valid():
        set_unavailable(profile, form.cleaned_data["unavailable"], actor=request.user)
        messages.success(request, _("Your availability is saved."))
    else:
        messages.error(request, _("Choose slots of this day."))
    return redirect("events:meetings:profile", pk=event.pk)


@login_required
def people(request, pk: int):
    """Suggested people to meet, best match first, with the engine's reasons."""
    event = day_for(request, pk, _participant)
    profile = own_profile(request, event)
    suggested = queries.suggested_people(profile)
    explain_all(suggested)
    page = paginate(request, suggested)
    return render(
        request, "events/meetings/people.html", {"event": event, "profile": profile, "page": page}
    )


def _can_see_contacts(user, event, other: MeetingProfile) -> bool:
    """Contacts of a participant: only after an accepted request between the two."""
    return (
        MeetingRequest.objects.filter(event=event, status=MeetingRequest.Status.ACCEPTED)
        .filter(requester__user=user, recipient=other)
        .exists()
        or MeetingRequest.objects.filter(
            event=event,
            status=MeetingRequest.Status.ACCEPTED,
            recipient__user=user,
            requester=other,
        ).exists()
    )


@login_required
def person(request, pk: int, profile_id: int):
    """Another participant's profile, the request form, and contacts once accepted."""
    event = day_for(request, pk, _participant)
    mine = own_profile(request, event)
    other = row_of(MeetingProfile.objects.filter(event=event).select_related("user"), profile_id)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_meeting(event, request.user, other.user, **form.cleaned_data)
        except EventError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your request is sent."))
            return redirect("events:meetings:home", pk=event.pk)
    context = {
        "event": event,
        "mine": mine,
        "other": other,
        "form": form,
        "is_self": other.pk == mine.pk,
        "contacts": _can_see_contacts(request.user, event, other),
        "registration": other.user.event_registrations.filter(event=event).first(),
    }
    return render(request, "events/meetings/person.html", context)


@require_POST
@login_required
def answer(request, pk: int, request_id: int, action: str):
    """Accept or decline a request received, or withdraw one sent."""
    event = day_for(request, pk, _participant)
    own_profile(request, event)
    meeting_request = row_of(
        MeetingRequest.objects.filter(event=event).select_related("requester", "recipient"),
        request_id,
    )
    steps = {
        "accept": (rules.can_answer_request, accept_request, _("Accepted: contacts are shared.")),
        "decline": (rules.can_answer_request, decline_request, _("Declined.")),
        "cancel": (rules.can_cancel_request, cancel_request, _("Your request is withdrawn.")),
    }
    if action not in steps or not steps[action][0](request.user, meeting_request):
        raise Http404
    _allowed, service, done = steps[action]
    try:
        service(meeting_request, actor=request.user)
    except EventError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("events:meetings:home", pk=event.pk)


@login_required
def agenda(request, pk: int):
    """The participant's agenda; ``?print=1`` gives the printable sheet."""
    event = day_for(request, pk, _participant)
    profile = own_profile(request, event)
    template = "events/meetings/agenda_print.html" if request.GET.get("print") else None
    context = {"event": event, "profile": profile, "rows": queries.agenda(profile)}
    return render(request, template or "events/meetings/agenda.html", context)


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


@login_required
def agenda_ics(request, pk: int):
    """The agenda as an iCalendar file, one event per meeting."""
    event = day_for(request, pk, _participant)
    profile = own_profile(request, event)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//TalentBridge//Meetings//EN"]
    for row in queries.agenda(profile):
        slot = row.meeting.slot
        summary = _("Meeting with %(name)s") % {"name": row.other.user.name}
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{row.meeting.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{slot.starts_at.astimezone(UTC):%Y%m%dT%H%M%SZ}",
            f"DTEND:{slot.ends_at.astimezone(UTC):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{_ics_text(summary)}",
            f"LOCATION:{_ics_text(f'{event.venue} · {row.meeting.table.name}')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="meetings-{event.pk}.ics"'
    return response


@login_required
def follow_up(request, pk: int, meeting_id: int):
    """One side's follow-up of a meeting, for the stage chosen."""
    event = day_for(request, pk, _participant)
    profile = own_profile(request, event)
    meeting = row_of(
        Meeting.objects.filter(request__event=event).select_related(
            "request__requester__user", "request__recipient__user", "slot", "table"
        ),
        meeting_id,
    )
    if profile.pk not in (meeting.request.requester_id, meeting.request.recipient_id):
        raise Http404
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_follow_up(meeting, profile, actor=request.user, **form.cleaned_data)
        except EventError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Thank you: your follow-up is recorded."))
            return redirect("events:meetings:agenda", pk=event.pk)
    answers = meeting.follow_ups.filter(profile=profile)
    context = {
        "event": event,
        "meeting": meeting,
        "form": form,
        "answers": answers,
        "leads_on": LEADS_ON,
        "outcome": found_outcome(meeting),
    }
    return render(request, "events/meetings/follow_up.html", context)
