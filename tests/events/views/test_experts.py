"""The invited experts page, the reply link and the reply from "my events"."""

import pytest
from django.core import mail
from django.urls import reverse

from events.models import ExpertInvitation
from events.services.experts import invite_experts
from mentors.models import Holding
from mentors.services import hold_person
from tests.factories import MentorFactory

from .pages import client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(event, host_office, organizer):
    """Two experts the host office holds, one it does not."""
    experts = [MentorFactory(name="左明健"), MentorFactory(name="陈思恩")]
    for expert in experts:
        hold_person(host_office, expert, source=Holding.Source.IMPORTED, actor=organizer)
    return experts + [MentorFactory(name="外单位专家")]


def test_managers_invite_the_offices_experts(event, held, organizer, client_for):
    url = reverse("events:experts", args=[event.pk])
    page = client_for(organizer).get(url)
    assert [m.name for m in page.context["form"].fields["experts"].queryset] == ["左明健", "陈思恩"]
    with_ids = {"experts": [held[0].pk, held[1].pk]}
    response = client_for(organizer).post(url, with_ids)
    assert response.status_code == 302
    assert ExpertInvitation.objects.filter(event=event).count() == 2
    assert client_for(organizer).get(url).context["counts"] == {
        "invited": 2,
        "accepted": 0,
        "declined": 0,
    }


@pytest.mark.parametrize("value", ["outsider", "99999999999999999999", "abc", ""])
def test_inviting_someone_not_offered_is_a_form_error(event, held, organizer, client_for, value):
    data = {"experts": held[2].pk if value == "outsider" else value}
    response = client_for(organizer).post(reverse("events:experts", args=[event.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ExpertInvitation.objects.exists()


def test_the_page_is_for_the_events_managers(event, other_organizer, mentee_user):
    url = reverse("events:experts", args=[event.pk])
    assert client_as(other_organizer).get(url).status_code == 404
    assert client_as(mentee_user).get(url).status_code == 404


def test_the_reply_link_records_the_answer(
    event, held, organizer, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite_experts(event, [held[0]], actor=organizer)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/events/invitations/" in line)
    path = link[link.index("/events/") :]
    assert client.get(path).status_code == 200
    assert client.post(path, {"answer": "declined"}).status_code == 302
    assert ExpertInvitation.objects.get().status == "declined"
    assert client.post(path, {"answer": "forged"}).status_code == 302
    assert ExpertInvitation.objects.get().status == "declined"
    assert client.get("/events/invitations/not-a-token/").status_code == 410


def test_experts_reply_from_my_events_and_nobody_else_can(event, held, organizer, client_for):
    invite_experts(event, [held[0]], actor=organizer)
    invitation = ExpertInvitation.objects.get()
    mine = client_for(held[0].user).get(reverse("events:mine"))
    assert list(mine.context["invitations"]) == [invitation]
    url = reverse("events:expert_reply", args=[invitation.pk])
    assert client_for(held[1].user).post(url, {"answer": "declined"}).status_code == 404
    assert client_for(held[0].user).post(url, {"answer": "accepted"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
