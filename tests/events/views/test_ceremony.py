"""Ceremony pages: the console drives the big screen; ETags keep unchanged screens cheap."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Ceremony, CeremonyStep, Event
from events.services.event import set_event_status

from .pages import client_as

pytestmark = pytest.mark.django_db


def test_screen_state_etag_gives_304_until_a_step(
    world, organizer, django_assert_num_queries, django_capture_on_commit_callbacks
):
    _, refs = world
    url = reverse("events:screen_state", kwargs={"pk": refs["event"]})
    client = Client()
    first = client.get(url)
    etag = first["ETag"]
    assert first["Cache-Control"] == "no-cache"
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        client_as(organizer).post(
            reverse("events:console", kwargs={"pk": refs["event"]}), {"action": "start"}
        )
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_screen_state_of_event_made_draft_is_404(
    world, organizer, django_capture_on_commit_callbacks
):
    _, refs = world
    url = reverse("events:screen_state", kwargs={"pk": refs["event"]})
    assert Client().get(url).status_code == 200
    Event.objects.filter(pk=refs["event"]).update(status=Event.Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        set_event_status(Event.objects.get(pk=refs["event"]), "draft", actor=organizer)
    assert Client().get(url).status_code == 404


def test_console_step_shows_on_screen(world, organizer):
    _, refs = world
    ceremony = Ceremony.objects.get(event_id=refs["event"])
    mentor = ceremony.pairs.get(group=1, position=1).pairing.mentor
    client_as(organizer).post(
        reverse("events:console", kwargs={"pk": refs["event"]}), {"action": "start"}
    )
    screen = Client().get(reverse("events:screen_state", kwargs={"pk": refs["event"]}))
    assert mentor.name in screen.content.decode()
    assert "第一组" in screen.content.decode()


def test_console_unknown_action_is_refused(world, organizer):
    _, refs = world
    response = client_as(organizer).post(
        reverse("events:console", kwargs={"pk": refs["event"]}),
        {"action": "explode"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert CeremonyStep.objects.count() == 0
