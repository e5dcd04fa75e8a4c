"""Integration: a console step published through a real Pushpin reaches a real stream
client within a second, rendered in the client's language."""

import time
import urllib.request

import pytest
from django.conf import settings as django_settings

from events.queries import screen_tag, screen_version
from events.services.ceremony import advance_ceremony
from tests import services

pytestmark = [pytest.mark.pushpin, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pushpin(live_server, settings):
    backend = live_server.url.removeprefix("http://")
    with services.pushpin(backend) as server:
        settings.PUSHPIN_PUBLISH_URLS = [server.publish_url]
        yield server.address


def read_event(stream) -> dict[str, str]:
    """The next event of an SSE stream, as its fields (data lines joined)."""
    fields: dict[str, str] = {}
    while True:
        line = stream.readline().decode().rstrip("\n")
        if not line:
            if "event" in fields:
                return fields
            continue
        name, _, value = line.partition(": ")
        if name == "data":
            fields["data"] = fields.get("data", "") + value + "\n"
        elif name and not line.startswith(":"):
            fields[name] = value


def open_stream(address: str, path: str, language: str, last_id: str = ""):
    request = urllib.request.Request(f"http://{address}{path}")
    request.add_header("Cookie", f"{django_settings.LANGUAGE_COOKIE_NAME}={language}")
    if last_id:
        request.add_header("Last-Event-ID", last_id)
    return urllib.request.urlopen(request, timeout=10)  # noqa: S310 (a test's own address)


def test_a_step_reaches_stream_clients_through_pushpin(pushpin, ceremony, organizer):
    path = f"/events/{ceremony.event_id}/ceremony/stream"
    tag = screen_tag(screen_version(ceremony.event_id))
    chinese = open_stream(pushpin, path, "zh-hans")
    english = open_stream(pushpin, f"{path}?view=screen", "en", last_id=tag)
    assert chinese.headers["Content-Type"] == "text/event-stream"
    assert "Grip-Hold" not in chinese.headers
    assert read_event(chinese)["id"] == tag
    time.sleep(0.3)  # Pushpin subscribes the held connections to their channels

    started = time.monotonic()
    advance_ceremony(ceremony, "start", actor=organizer)
    first = ceremony.pairs.get(group=1, position=1).pairing
    pushed = read_event(chinese)
    assert time.monotonic() - started < 1
    assert pushed["event"] == "state"
    assert pushed["id"] == screen_tag(screen_version(ceremony.event_id)) != tag
    assert first.mentor.name in pushed["data"] and "第一组" in pushed["data"]
    on_screen = read_event(english)  # it named the old tag, so the first event is the step
    assert "Group 1" in on_screen["data"] and 'id="screen-mentor"' in on_screen["data"]
    assert time.monotonic() - started < 1
