"""A follow-up reporting cooperation or a contract becomes a landing of a linked project or
a pairing of an expert and a mentee: once, by the two sides or the managers, audited."""

from decimal import Decimal

import pytest
from django.urls import reverse

from events.meetings.services.followups import record_follow_up
from events.meetings.services.outcomes import follow_up_outcome
from events.meetings.services.requests import accept_request, request_meeting
from events.meetings.services.schedule import schedule_meetings
from events.models import Meeting
from events.services import EventError
from mentors.models import Pairing
from projects.models import Landing, Status
from talentbridge.models import AuditEntry
from tests.factories import MenteeFactory, MentorFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(day, alice, bob, organizer):
    request = request_meeting(day, alice, bob, message="想聊聊合作")
    accept_request(request, actor=bob)
    schedule_meetings(day, actor=organizer)
    return Meeting.objects.get(request=request)


def _answer(meeting, user, outcome="contract", amount=Decimal("120")):
    profile = user.meeting_profiles.get()
    return record_follow_up(
        meeting, profile, stage="day", outcome=outcome, amount=amount, actor=user
    )


def test_a_contract_lands_a_linked_project_once(meeting, alice, bob):
    project = ProjectFactory(owner=bob)
    bob.meeting_profiles.get().projects.add(project)
    follow_up = _answer(meeting, alice)
    first = follow_up_outcome(follow_up, actor=alice)
    assert (first.kind, first.created) == ("landing", True)
    landing = Landing.objects.get(project=project)
    assert landing.signed_investment == 1_200_000
    assert landing.province == project.province
    project.refresh_from_db()
    assert project.status == Status.LANDED
    again = follow_up_outcome(_answer(meeting, bob), actor=bob)
    assert (again.kind, again.created, again.row) == ("landing", False, landing)
    assert Landing.objects.count() == 1
    assert again.url == project.get_absolute_url()
    assert AuditEntry.objects.filter(action="events.meeting.landing").count() == 1


def test_an_expert_and_a_mentee_get_one_proposed_pairing(meeting, alice, bob):
    mentor = MentorFactory(user=alice)
    mentee = MenteeFactory(user=bob)
    follow_up = _answer(meeting, bob, outcome="cooperation", amount=None)
    first = follow_up_outcome(follow_up, actor=bob)
    assert (first.kind, first.created) == ("pairing", True)
    pairing = Pairing.objects.get(mentor=mentor, mentee=mentee)
    assert pairing.status == Pairing.Status.PROPOSED
    again = follow_up_outcome(follow_up, actor=alice)
    assert (again.created, again.row) == (False, pairing)
    assert Pairing.objects.count() == 1
    assert AuditEntry.objects.filter(action="events.meeting.pairing").count() == 1


def test_neither_possible_is_said_plainly(meeting, alice):
    with pytest.raises(EventError, match="Neither a landing nor a pairing"):
        follow_up_outcome(_answer(meeting, alice), actor=alice)


def test_only_cooperation_or_contract_leads_on(meeting, alice, bob):
    bob.meeting_profiles.get().projects.add(ProjectFactory(owner=bob))
    with pytest.raises(EventError, match="cooperation or a signed contract"):
        follow_up_outcome(_answer(meeting, alice, outcome="contact", amount=None), actor=alice)
    assert not Landing.objects.exists()


def _outcome_url(meeting, follow_up):
    return reverse(
        "events:meetings:follow_up_outcome", args=[meeting.request.event_id, follow_up.pk]
    )


def test_the_page_offers_the_action_then_links_the_result(client, meeting, alice, bob):
    project = ProjectFactory(owner=bob, title="海洋传感器中试")
    bob.meeting_profiles.get().projects.add(project)
    follow_up = _answer(meeting, alice)
    page = reverse("events:meetings:follow_up", args=[meeting.request.event_id, meeting.pk])
    client.force_login(alice)
    assert _outcome_url(meeting, follow_up) in client.get(page).content.decode()
    response = client.post(_outcome_url(meeting, follow_up), follow=True)
    body = response.content.decode()
    assert "落地已登记" in body
    assert project.get_absolute_url() in body
    assert _outcome_url(meeting, follow_up) not in body
    response = client.post(_outcome_url(meeting, follow_up), follow=True)
    assert "此次对接的落地已登记过" in response.content.decode()
    assert Landing.objects.count() == 1


def test_the_page_says_when_neither_is_possible(client, meeting, alice):
    follow_up = _answer(meeting, alice)
    client.force_login(alice)
    response = client.post(_outcome_url(meeting, follow_up), follow=True)
    assert "无法登记落地或结对" in response.content.decode()


def test_outsiders_get_404_and_organizers_may(client, meeting, alice, bob, carol, organizer):
    bob.meeting_profiles.get().projects.add(ProjectFactory(owner=bob))
    follow_up = _answer(meeting, alice)
    for outsider in (carol, UserFactory()):
        client.force_login(outsider)
        assert client.post(_outcome_url(meeting, follow_up)).status_code == 404
    client.force_login(alice)
    assert client.get(_outcome_url(meeting, follow_up)).status_code == 405
    client.force_login(organizer)
    assert client.post(_outcome_url(meeting, follow_up)).status_code == 302
    assert Landing.objects.count() == 1
