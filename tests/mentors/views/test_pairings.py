"""Pairing forms: where they lead back to, never off the site, and HTMX redirects."""

import pytest
from django.urls import reverse

from mentors.models import Pairing
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE_NEXT = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "http://testserver.evil.example/",
    "0",
    "mentors:my_pairings",
]
MY_PAIRINGS = reverse("mentors:my_pairings")


@pytest.fixture
def parties(make_mentor, make_mentee):
    mentor = make_mentor(user=UserFactory(is_mentor=True))
    mentee = make_mentee(user=UserFactory(is_mentee=True))
    return mentor, mentee


@pytest.mark.parametrize("target", HOSTILE_NEXT)
@pytest.mark.parametrize("valid", [True, False], ids=["proposed", "invalid-form"])
def test_propose_pairing_never_redirects_off_the_site(client, parties, target, valid):
    mentor, mentee = parties
    client.force_login(mentee.user)
    data = {"mentor": mentor.pk, "mentee": mentee.pk if valid else "x", "next": target}

    response = client.post(reverse("mentors:pairing_propose"), data)

    assert response.status_code == 302
    assert response.url == MY_PAIRINGS
    assert Pairing.objects.count() == (1 if valid else 0)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
@pytest.mark.parametrize("action", ["pairing_accept", "pairing_decline", "pairing_end"])
def test_pairing_actions_never_redirect_off_the_site(client, parties, target, action):
    mentor, mentee = parties
    pairing = Pairing.objects.create(mentor=mentor, mentee=mentee, proposed_by=mentee.user)
    client.force_login(mentor.user)

    response = client.post(reverse(f"mentors:{action}", args=[pairing.pk]), {"next": target})

    assert response.status_code == 302
    assert response.url == MY_PAIRINGS


def test_pairing_forms_return_to_a_page_of_the_site(client, parties):
    mentor, mentee = parties
    client.force_login(mentee.user)
    page = reverse("mentors:mentor_detail", args=[mentor.pk]) + "?from=search"
    data = {"mentor": mentor.pk, "mentee": mentee.pk, "next": page}

    response = client.post(reverse("mentors:pairing_propose"), data)

    assert response.url == page


def test_htmx_pairing_action_redirects_the_whole_page(client, parties):
    mentor, mentee = parties
    pairing = Pairing.objects.create(mentor=mentor, mentee=mentee, proposed_by=mentee.user)
    client.force_login(mentor.user)

    response = client.post(
        reverse("mentors:pairing_accept", args=[pairing.pk]),
        {"next": "https://evil.example/"},
        headers={"HX-Request": "true"},
    )

    assert response["HX-Redirect"] == MY_PAIRINGS
    assert Pairing.objects.get().status == Pairing.Status.ACCEPTED


@pytest.mark.parametrize("pk", ["99999999999999999999", "0"])
def test_pairing_action_on_an_impossible_id_is_not_found(client, parties, pk):
    client.force_login(parties[0].user)
    url = reverse("mentors:pairing_accept", args=[1]).replace("/1/", f"/{pk}/")
    assert client.post(url).status_code == 404
