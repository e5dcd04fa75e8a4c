"""The demo's afternoon 对接会: 120 participants, 12 slots × 20 tables, requests in every
state, a schedule without double booking, no-shows and follow-ups; a second run changes
nothing."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from events.demo import meetings as demo
from events.demo import summit
from events.models import Event, Meeting, MeetingFollowUp, MeetingRequest
from talentbridge import demo as accounts_demo
from talentbridge.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _counts(event):
    return (
        event.meeting_profiles.count(),
        event.meeting_requests.count(),
        Meeting.objects.filter(request__event=event).count(),
        MeetingFollowUp.objects.filter(meeting__request__event=event).count(),
    )


def test_the_demo_matchmaking_day_is_complete_and_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    event = Event.objects.get(title=demo.TITLE)
    assert event.kind == Event.Kind.MATCHMAKING
    assert (event.meeting_slots.count(), event.meeting_tables.count()) == (12, 20)
    assert event.meeting_profiles.count() == 120
    statuses = set(event.meeting_requests.values_list("status", flat=True))
    assert statuses == set(MeetingRequest.Status.values)
    meetings = list(Meeting.objects.filter(request__event=event).select_related("request"))
    assert len(meetings) > 200
    seats = Counter()
    for m in meetings:
        seats[(m.request.requester_id, m.slot_id)] += 1
        seats[(m.request.recipient_id, m.slot_id)] += 1
    assert max(seats.values()) == 1
    assert any(m.no_show for m in meetings)
    assert MeetingFollowUp.objects.filter(meeting__request__event=event).exists()
    mentee = User.objects.get(email=accounts_demo.DEMO_ACCOUNTS["mentee"][0])
    assert event.meeting_profiles.filter(user=mentee).exists()

    before = _counts(event)
    accounts = {
        role: User.objects.get(email=email)
        for role, (email, _name, _flags) in accounts_demo.DEMO_ACCOUNTS.items()
    }
    demo.seed(accounts, Event.objects.get(title=summit.TITLE))
    assert _counts(event) == before
