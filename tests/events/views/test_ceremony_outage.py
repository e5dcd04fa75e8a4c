"""The ceremony's screens keep answering from the database while the cache server is away."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Ceremony
from tests.talentbridge.broken_cache import SETTINGS as UNREACHABLE

from .pages import client_as

pytestmark = pytest.mark.django_db

PAGES = ["screen", "screen_state", "audience", "audience_state"]


@pytest.mark.parametrize("name", PAGES)
def test_ceremony_page_answers_without_the_cache(world, settings, name):
    _, refs = world
    settings.CACHES = UNREACHABLE
    response = Client().get(reverse(f"events:{name}", kwargs={"pk": refs["event"]}))
    assert response.status_code == 200


def test_console_step_reaches_the_screen_without_the_cache(
    world, organizer, settings, django_capture_on_commit_callbacks
):
    _, refs = world
    ceremony = Ceremony.objects.get(event_id=refs["event"])
    mentor = ceremony.pairs.get(group=1, position=1).pairing.mentor
    settings.CACHES = UNREACHABLE
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(organizer).post(
            reverse("events:console", kwargs={"pk": refs["event"]}), {"action": "start"}
        )
    assert response.status_code in (200, 302)
    state = Client().get(reverse("events:screen_state", kwargs={"pk": refs["event"]}))
    assert state.status_code == 200
    assert mentor.name in state.content.decode()
