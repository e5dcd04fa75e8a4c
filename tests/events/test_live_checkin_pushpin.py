"""Integration: a check-in at one desk, and a job's progress, reach real stream clients
through a real Pushpin within a second, rendered in each client's language."""

import time
import urllib.request

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from events.live_checkin import counters_tag, event_counters
from events.services.checkin import check_in
from projects.models import RecomputeRun
from talentbridge import services as jobs
from tests.events.test_live_pushpin import pushpin, read_event  # noqa: F401
from tests.factories import RegistrationFactory

pytestmark = [pytest.mark.pushpin, pytest.mark.django_db(transaction=True)]


def open_stream_as(user, address: str, path: str, language: str):
    """A stream opened through Pushpin with ``user``'s session."""
    client = Client()
    client.force_login(user)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    request = urllib.request.Request(f"http://{address}{path}")
    request.add_header(
        "Cookie",
        f"{django_settings.SESSION_COOKIE_NAME}={session}; "
        f"{django_settings.LANGUAGE_COOKIE_NAME}={language}",
    )
    return urllib.request.urlopen(request, timeout=10)  # noqa: S310 (a test's own address)


def test_a_check_in_and_a_jobs_progress_reach_stream_clients_through_pushpin(
    pushpin,  # noqa: F811
    event,
    guests,
    organizer,
):
    first, _second = RegistrationFactory.create_batch(2, event=event, category=guests)
    job = jobs.start_job("events.export", actor=organizer, total=8)
    desk_path = reverse("events:checkin_counters_stream", kwargs={"pk": event.pk})
    desk = open_stream_as(organizer, pushpin, desk_path, "en")
    assert desk.headers["Content-Type"] == "text/event-stream"
    assert "Grip-Hold" not in desk.headers
    opened = read_event(desk)
    assert opened["id"] == counters_tag(event_counters(event)) and "0 / 2" in opened["data"]
    # The recompute page's stream: an organizer may follow any run.
    run = RecomputeRun.objects.create(job=job)
    progress = open_stream_as(
        organizer, pushpin, reverse("projects:recompute_stream", args=[run.pk]), "zh-hans"
    )
    assert read_event(progress)["id"] == "queued-0-8"
    time.sleep(0.3)  # Pushpin subscribes the held connections to their channels

    started = time.monotonic()
    check_in(event, first.code, actor=organizer)
    pushed = read_event(desk)
    assert time.monotonic() - started < 1
    assert pushed["event"] == "state" and pushed["id"] == counters_tag(event_counters(event))
    assert f'data-category="{guests.pk}">1 / 2<' in pushed["data"]

    started = time.monotonic()
    jobs.run_job(job.pk)
    assert read_event(progress)["id"] == "running-0-8"
    jobs.set_job_progress(job.pk, done=2)
    moved = read_event(progress)
    assert moved["id"] == "running-2-8" and "已完成 2 / 8（25%）" in moved["data"]
    jobs.finish_job(job.pk)
    done = read_event(progress)
    assert done["id"] == "done-8-8" and "data-live-finished" in done["data"]
    assert time.monotonic() - started < 1
