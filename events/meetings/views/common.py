"""What the meeting pages share: the event and the participant's profile behind a URL."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from events.models import MeetingProfile
from events.views.common import event_for
from talentbridge.parsing import parse_id

from .. import rules


def day_for(request, pk: int, predicate):
    """The matchmaking day if ``predicate(user, event)`` holds; 404 otherwise."""
    return event_for(request, pk, predicate)


def own_profile(request, event) -> MeetingProfile:
    """The user's profile at the day; 404 for anyone who has not opted in."""
    profile = rules.profile_of(request.user, event)
    if profile is None:
        raise Http404
    return profile


def row_of(queryset, value):
    pk = parse_id(value)
    if pk is None:
        raise Http404
    return get_object_or_404(queryset, pk=pk)
