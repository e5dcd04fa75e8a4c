"""The team page and the invitation link: who sees them, adding, inviting, refusing."""

import pytest
from django.urls import reverse

from events.models import EventMember, EventRole, TeamInvitation
from events.services.team import add_team_member, invite_team_member
from tests.factories import UserFactory

from .pages import client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def co_organizer(event, organizer):
    user = UserFactory()
    add_team_member(event, user, EventRole.CO_ORGANIZER, actor=organizer)
    return user


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 302), ("visitor", 404), ("other", 404), ("co", 404), ("manager", 200)],
)
def test_team_page_is_for_the_offices_managers(
    event, organizer, other_organizer, co_organizer, mentee_user, who, expected
):
    user = {
        "anonymous": None,
        "visitor": mentee_user,
        "other": other_organizer,
        "co": co_organizer,
        "manager": organizer,
    }[who]
    response = client_as(user).get(reverse("events:team", args=[event.pk]))
    assert response.status_code == expected


def test_adding_an_account_by_its_address(event, organizer):
    volunteer = UserFactory(email="volunteer@example.cn", name="志愿者 小林")
    response = client_as(organizer).post(
        reverse("events:team_add", args=[event.pk]),
        {"email": "Volunteer@example.cn", "role": "checkin"},
    )
    assert response.status_code == 302
    assert EventMember.objects.get(event=event).user == volunteer
    page = client_as(organizer).get(reverse("events:team", args=[event.pk]))
    assert "志愿者 小林" in page.content.decode()


def test_inviting_an_address_already_a_member_is_a_form_error(event, organizer):
    volunteer = UserFactory(email="volunteer@example.cn")
    add_team_member(event, volunteer, EventRole.CHECKIN, actor=organizer)
    response = client_as(organizer).post(
        reverse("events:team_add", args=[event.pk]),
        {"email": "volunteer@example.cn", "role": "checkin"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "已是本活动的签到人员" in response.content.decode()
    assert EventMember.objects.count() == 1


@pytest.mark.parametrize(
    "data", [{"email": "x", "role": "checkin"}, {"email": "a@b.cn", "role": "boss"}]
)
def test_bad_team_input_is_a_form_error(event, organizer, data):
    response = client_as(organizer).post(reverse("events:team_add", args=[event.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not EventMember.objects.exists() and not TeamInvitation.objects.exists()


def test_unknown_address_is_invited_and_the_link_creates_the_account(event, organizer, client):
    client_as(organizer).post(
        reverse("events:team_add", args=[event.pk]), {"email": "new@example.cn", "role": "ceremony"}
    )
    invitation = TeamInvitation.objects.get()
    assert invitation.role == "ceremony"
    token = invite_team_member(event, email="new@example.cn", role="ceremony", actor=organizer)
    url = reverse("events:team_accept", args=[token])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "操作员 小陈",
            "password1": "Qinglan-relay-2026",
            "password2": "Qinglan-relay-2026",
        },
    )
    assert response.status_code == 302
    member = EventMember.objects.get()
    assert (member.user.email, member.role) == ("new@example.cn", "ceremony")
    assert client.get(url).status_code == 410


def test_a_made_up_link_is_gone(client):
    assert client.get(reverse("events:team_accept", args=["x" * 43])).status_code == 410


def test_removing_a_member_takes_the_tool_away(event, organizer):
    volunteer = UserFactory()
    member = add_team_member(event, volunteer, EventRole.CHECKIN, actor=organizer)
    assert client_as(volunteer).get(reverse("events:checkin", args=[event.pk])).status_code == 200
    client_as(organizer).post(reverse("events:team_remove", args=[event.pk]), {"member": member.pk})
    assert client_as(volunteer).get(reverse("events:checkin", args=[event.pk])).status_code == 404


def test_another_offices_manager_cannot_change_the_team(event, other_organizer):
    response = client_as(other_organizer).post(
        reverse("events:team_add", args=[event.pk]), {"email": "x@example.cn", "role": "checkin"}
    )
    assert response.status_code == 404
    assert not TeamInvitation.objects.exists()
