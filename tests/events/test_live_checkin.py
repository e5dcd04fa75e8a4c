"""The check-in counters are pushed live: a committed check-in (or a synced batch of offline
scans) publishes the event's counters once per language, and the desk's stream answers the
current counters, caught up from the last event id, only to who may staff the desk."""

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from events import live_checkin
from events.services import EventError
from events.services.checkin import check_in
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(settings, monkeypatch):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    items = []
    monkeypatch.setattr(live_checkin, "publish", lambda new: items.extend(new) or True)
    return items


def current_tag(event) -> str:
    return live_checkin.counters_tag(live_checkin.event_counters(event))


def test_a_check_in_publishes_the_counters_once_per_language(
    published, event, guests, organizer, django_capture_on_commit_callbacks
):
    first, _second = RegistrationFactory.create_batch(2, event=event, category=guests)
    with django_capture_on_commit_callbacks(execute=True):
        check_in(event, first.code, actor=organizer)
    assert [channel for channel, _id, _content in published] == [
        f"checkin-{event.pk}-counters-zh-hans",
        f"checkin-{event.pk}-counters-en",
    ]
    assert {event_id for _channel, event_id, _content in published} == {current_tag(event)}
    content = published[0][2]
    assert content.startswith("retry: 2000\nid: ") and "event: state\n" in content
    assert f'data-category="{guests.pk}">1 / 2<' in content


def test_a_refused_check_in_publishes_nothing(
    published, event, organizer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(EventError):
        check_in(event, "ZZZZZZZZZZZZ", actor=organizer)
    assert published == []


def test_a_synced_batch_publishes_once(
    published, event, guests, organizer, client_for, django_capture_on_commit_callbacks
):
    guests.capacity = 5
    guests.save()
    codes = [r.code for r in RegistrationFactory.create_batch(3, event=event, category=guests)]
    scans = [{"id": str(uuid.uuid4()), "code": code} for code in [*codes, codes[0], "NOPE"]]
    url = reverse("events:checkin_sync", kwargs={"pk": event.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organizer).post(
            url, json.dumps({"scans": scans}), content_type="application/json"
        )
    assert response.status_code == 200
    assert len(published) == 2  # one batch, one publication per language
    assert f'data-category="{guests.pk}">3 / 3<' in published[1][2]
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(
            url, json.dumps({"scans": scans[:1]}), content_type="application/json"
        )
    assert published == []  # a replayed batch checked nobody in


def test_nothing_is_published_without_a_push_engine(monkeypatch, event):
    monkeypatch.setattr(live_checkin, "publish", lambda items: pytest.fail("published"))
    assert live_checkin.publish_counters(event) is False
    live_checkin.publish_counters_on_commit(event.pk)


def stream_url(event) -> str:
    return reverse("events:checkin_counters_stream", kwargs={"pk": event.pk})


def read(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_embedded_stream_sends_the_counters_and_catches_up(
    settings, event, guests, organizer, client_for
):
    settings.LIVE_STREAM_SECONDS = 0
    registration = RegistrationFactory(event=event, category=guests)
    desk = client_for(organizer)
    response = desk.get(stream_url(event))
    assert response["Content-Type"] == "text/event-stream"
    body = read(response)
    tag = current_tag(event)
    assert body.startswith("retry: 2000\n\n")
    assert f"id: {tag}\nevent: state\n" in body and "0 / 1" in body
    assert "event: state" not in read(desk.get(stream_url(event), HTTP_LAST_EVENT_ID=tag))
    check_in(event, registration.code, actor=organizer)
    caught_up = read(desk.get(f"{stream_url(event)}?lastEventId={tag}"))
    assert "event: state" in caught_up and "1 / 1" in caught_up


def test_through_pushpin_the_desk_is_held_on_its_language_channel(
    settings, event, guests, organizer, client_for
):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    desk = client_for(organizer)
    desk.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = desk.get(stream_url(event), HTTP_GRIP_SIG="token")
    assert response["Grip-Hold"] == "stream"
    assert response["Grip-Channel"] == f"checkin-{event.pk}-counters-en"
    assert "event: state" in response.content.decode()


def test_only_who_may_staff_the_desk_opens_its_stream(
    settings, event, organizer, other_organizer, client_for
):
    settings.LIVE_STREAM_SECONDS = 0
    assert Client().get(stream_url(event)).status_code == 302
    assert client_for(other_organizer).get(stream_url(event)).status_code == 404
    assert client_for(UserFactory()).get(stream_url(event)).status_code == 404
    assert client_for(organizer).get(stream_url(event)).status_code == 200


def test_the_desk_follows_the_stream_and_polls_as_fallback(event, organizer, client_for):
    html = client_for(organizer).get(reverse("events:checkin", kwargs={"pk": event.pk}))
    html = html.content.decode()
    assert f'data-live-stream="{stream_url(event)}"' in html
    counters = reverse("events:checkin_counters", kwargs={"pk": event.pk})
    assert f'data-live-poll="{counters}" data-live-every="5000"' in html
    assert "every 5s" not in html
    assert "events/live.js" in html
