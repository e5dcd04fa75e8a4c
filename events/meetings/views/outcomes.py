"""A follow-up that reports cooperation or a contract becomes a landing or a pairing; the two
sides of the meeting or the event's managers ask for it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import MeetingFollowUp
from events.services import EventError

from .. import rules
from ..services.outcomes import follow_up_outcome
from .common import day_for, row_of


def _on_the_day(user, event) -> bool:
    return rules.can_join_meetings(user, event) or rules.can_manage_meetings(user, event)


@require_POST
@login_required
def outcome(request, pk: int, follow_up_id: int):
    event = day_for(request, pk, _on_the_day)
    follow_up = row_of(
        MeetingFollowUp.objects.filter(meeting__request__event=event).select_related(
            "meeting__request__requester", "meeting__request__recipient"
        ),
        follow_up_id,
    )
    managing = rules.can_manage_meetings(request.user, event)
    if not (managing or rules.is_party(request.user, follow_up.meeting.request)):
        raise Http404
    try:
        result = follow_up_outcome(follow_up, actor=request.user)
    except EventError as exc:
        messages.error(request, str(exc))
    else:
        done = {
            ("landing", True): _("The landing is recorded."),
            ("landing", False): _("This meeting's landing is already recorded."),
            ("pairing", True): _("A pairing is proposed; the other side confirms it."),
            ("pairing", False): _("These two already have a pairing."),
        }[result.kind, result.created]
        messages.success(request, done)
    if managing and not rules.is_party(request.user, follow_up.meeting.request):
        return redirect("events:meetings:schedule", pk=event.pk)
    return redirect("events:meetings:follow_up", pk=event.pk, meeting_id=follow_up.meeting_id)
