"""The ceremony's live stream: the current state as Server-Sent Events, caught up from the
last event id, held by Pushpin when it is in front, rendered once per language on publish."""

import pytest
from django.test import Client
from django.urls import reverse

from events import live
from events.models import Event
from events.queries import screen_tag, screen_version
from events.services.ceremony import advance_ceremony

pytestmark = pytest.mark.django_db


@pytest.fixture
def stream_url(ceremony):
    return reverse("events:ceremony_stream", kwargs={"pk": ceremony.event_id})


def read(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_embedded_stream_sends_the_current_state(settings, stream_url, ceremony, organizer):
    settings.LIVE_STREAM_SECONDS = 0
    advance_ceremony(ceremony, "start", actor=organizer)
    response = Client().get(stream_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache"
    body = read(response)
    assert body.startswith("retry: 1000\n\n")
    assert f"id: {screen_tag(screen_version(ceremony.event_id))}\nevent: state\n" in body
    first = ceremony.pairs.get(group=1, position=1).pairing
    assert first.mentor.name in body
    assert "data: " in body


def test_stream_catches_up_only_from_an_older_event_id(settings, stream_url, ceremony, organizer):
    settings.LIVE_STREAM_SECONDS = 0
    tag = screen_tag(screen_version(ceremony.event_id))
    assert "event: state" not in read(Client().get(stream_url, HTTP_LAST_EVENT_ID=tag))
    assert "event: state" not in read(Client().get(f"{stream_url}?lastEventId={tag}"))
    advance_ceremony(ceremony, "start", actor=organizer)
    assert "event: state" in read(Client().get(stream_url, HTTP_LAST_EVENT_ID=tag))


def test_embedded_stream_pushes_a_step_made_while_it_is_open(settings, stream_url, ceremony):
    settings.LIVE_STREAM_SECONDS = 0.6
    response = Client().get(stream_url)
    chunks = iter(response.streaming_content)
    assert next(chunks) == b"retry: 1000\n\n"
    assert b"event: state" in next(chunks)
    ceremony.steps.create(action="start", pair=ceremony.pairs.first())
    assert any(b"event: state" in chunk for chunk in chunks)


def test_through_pushpin_the_connection_is_held_on_the_language_channel(
    settings, stream_url, ceremony
):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(f"{stream_url}?view=screen", HTTP_GRIP_SIG="token")
    assert response["Grip-Hold"] == "stream"
    assert response["Grip-Channel"] == f"ceremony-{ceremony.event_id}-screen-en"
    assert "event: state" in response.content.decode()
    assert "Grip-Keep-Alive" in response


def test_pushpin_configured_but_bypassed_answers_once(settings, stream_url):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    response = Client().get(f"{stream_url}?view=nonsense")
    assert "Grip-Hold" not in response
    assert "event: state" in read(response)


def test_stream_of_a_draft_event_is_404(stream_url, ceremony):
    Event.objects.filter(pk=ceremony.event_id).update(status=Event.Status.DRAFT)
    assert Client().get(stream_url).status_code == 404


def test_a_step_is_rendered_once_per_language_and_view(
    settings, monkeypatch, ceremony, organizer, django_capture_on_commit_callbacks
):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    published = []
    monkeypatch.setattr(live, "publish", lambda items: published.extend(items) or True)
    with django_capture_on_commit_callbacks(execute=True):
        advance_ceremony(ceremony, "start", actor=organizer)
    event_id = ceremony.event_id
    assert [channel for channel, _id, _content in published] == [
        f"ceremony-{event_id}-screen-zh-hans",
        f"ceremony-{event_id}-audience-zh-hans",
        f"ceremony-{event_id}-screen-en",
        f"ceremony-{event_id}-audience-en",
    ]
    tag = screen_tag(screen_version(event_id))
    assert {event_id_ for _channel, event_id_, _content in published} == {tag}
    assert "第一组" in published[0][2]
    assert "Group 1" in published[2][2]


def test_nothing_is_rendered_without_a_push_engine(monkeypatch, ceremony, organizer):
    monkeypatch.setattr(live, "publish", lambda items: pytest.fail("published"))
    assert live.publish_ceremony(ceremony, None) is False
