"""A background job's progress is pushed live: each state change and (at most four times a
second) each progress report publishes the job's progress once per language, and the job's
stream answers it only to who may see the job."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from events.models import ExportJob, ExportLog
from projects.models import RecomputeRun
from talentbridge import live_jobs, services
from talentbridge.http import job_progress
from talentbridge.models import Job
from talentbridge.recovery import fail_stale_jobs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(settings, monkeypatch):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    items = []
    monkeypatch.setattr(live_jobs, "publish", lambda new: items.extend(new) or True)
    monkeypatch.setattr(live_jobs, "_last_published", {})
    return items


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(live_jobs.time, "monotonic", lambda: now[0])
    return now


def test_progress_is_published_per_language_and_throttled(
    published, clock, admin_user, django_capture_on_commit_callbacks
):
    job = services.start_job("export", actor=admin_user, total=4)
    with django_capture_on_commit_callbacks(execute=True):
        services.run_job(job.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_job_progress(job.pk, done=1)
    assert [channel for channel, _id, _content in published[:2]] == [
        f"job-{job.pk}-zh-hans",
        f"job-{job.pk}-en",
    ]
    assert [event_id for _c, event_id, _content in published] == ["running-0-4"] * 2 + [
        "running-1-4"
    ] * 2  # started, then the first report
    assert published[3][1] == "running-1-4"
    assert '<progress max="100" value="25">' in published[3][2]
    assert "1 of 4 done (25%)" in published[3][2] and "已完成 1 / 4" in published[2][2]
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        clock[0] += 0.1
        services.advance_job(job.pk, 1)  # too soon after the last publication
        clock[0] += 0.2
        services.advance_job(job.pk, 1)
    assert [event_id for _channel, event_id, _content in published] == ["running-3-4"] * 2
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.finish_job(job.pk)  # an end is never held back
    assert [event_id for _channel, event_id, _content in published] == ["done-4-4"] * 2
    assert "data-live-finished" in published[0][2]


def test_a_failure_a_retry_and_a_stale_job_are_published(
    published, settings, admin_user, django_capture_on_commit_callbacks
):
    job = services.start_job("recompute", actor=admin_user, total=2)
    with django_capture_on_commit_callbacks(execute=True):
        services.fail_job(job.pk, "database went away")
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_job(job.pk)
    assert [event_id for _c, event_id, _content in published] == ["failed-0-2"] * 2 + [
        "queued-0-2"
    ] * 2
    assert "database went away" in published[1][2]
    published.clear()
    settings.JOB_STALE_MINUTES = -1
    with django_capture_on_commit_callbacks(execute=True):
        assert fail_stale_jobs() == 1
    assert [event_id for _c, event_id, _content in published] == ["failed-0-2"] * 2


def test_nothing_is_published_without_a_push_engine(monkeypatch, admin_user):
    monkeypatch.setattr(live_jobs, "publish", lambda items: pytest.fail("published"))
    job = services.start_job("export", actor=admin_user, total=2)
    services.set_job_progress(job.pk, done=1)
    services.finish_job(job.pk)
    assert live_jobs.publish_job(job.pk) is False


def test_the_page_follows_the_stream_and_polls_the_state_as_fallback(admin_user):
    job = services.start_job("export", actor=admin_user, total=4)
    request = RequestFactory().get("/p/")
    request.htmx = False
    context = {"stream_url": "/s/", "title": "名单.xlsx"}
    html = job_progress(request, job, progress_url="/p/", done_url="/d/", context=context)
    html = html.content.decode()
    assert 'data-live-stream="/s/" data-live-poll="/p/?part=state"' in html
    assert 'data-live-done="/d/" data-live-id="queued-0-4"' in html
    assert "hx-trigger" not in html and "名单.xlsx" in html
    request = RequestFactory().get("/p/", {"part": "state"})
    request.htmx = False
    part = job_progress(request, job, progress_url="/p/", done_url="/d/").content.decode()
    assert '<progress max="100" value="0">' in part and "job-progress" not in part


def read(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_the_export_stream_is_its_authors_only(settings, organizer, admin_user, client_for):
    settings.LIVE_STREAM_SECONDS = 0
    log = ExportLog.objects.create(user=organizer, dataset="mentors", format="csv")
    job = Job.objects.create(
        kind="events.export", started_by=organizer, total=200, done=50, status=Job.Status.RUNNING
    )
    export = ExportJob.objects.create(job=job, log=log, language="zh-hans")
    url = reverse("events:export_job_stream", args=[export.token])
    assert Client().get(url).status_code == 302
    assert client_for(admin_user).get(url).status_code == 404
    author = client_for(organizer)
    body = read(author.get(url))
    assert "id: running-50-200\nevent: state\n" in body and 'value="25"' in body
    assert "event: state" not in read(author.get(url, HTTP_LAST_EVENT_ID="running-50-200"))
    page = author.get(reverse("events:export_job", args=[export.token])).content.decode()
    assert f'data-live-stream="{url}"' in page


def test_the_recompute_stream_is_for_who_may_recompute(settings, organizer, client_for):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    run = RecomputeRun.objects.create(job=services.start_job("recompute", actor=organizer))
    url = reverse("projects:recompute_stream", args=[run.pk])
    assert client_for(UserFactory()).get(url).status_code == 403
    client = client_for(organizer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url, HTTP_GRIP_SIG="token")
    assert response["Grip-Hold"] == "stream"
    assert response["Grip-Channel"] == f"job-{run.job_id}-en"
    assert "Queued" in response.content.decode()
