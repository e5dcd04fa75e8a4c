"""Tasks sent after commit, and the one job-progress model and partial."""

import pytest
from celery import shared_task
from django.db import transaction
from django.test import RequestFactory

from talentbridge import services
from talentbridge.http import job_progress
from talentbridge.models import Job

sent = []


@shared_task(name="tests.record")
def task_record(*, value: int) -> None:
    sent.append(value)


@pytest.fixture(autouse=True)
def _clear():
    sent.clear()


@pytest.mark.django_db(transaction=True)
def test_a_task_sent_inside_a_transaction_waits_for_the_commit():
    with transaction.atomic():
        task_record.delay(value=1)
        assert sent == []
    assert sent == [1]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        task_record.delay(value=2)
        raise RuntimeError
    assert sent == []


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_a_task_is_sent_at_once():
    task_record.delay(value=3)
    assert sent == [3]


@pytest.mark.django_db
def test_job_progress_moves_and_never_passes_its_total(admin_user):
    job = services.start_job("export", actor=admin_user, total=10)
    assert (job.status, job.percent) == (Job.Status.QUEUED, 0)
    assert services.run_job(job.pk)
    services.advance_job(job.pk, 4)
    services.advance_job(job.pk, 40)
    job.refresh_from_db()
    assert (job.status, job.done, job.percent) == (Job.Status.RUNNING, 10, 100)
    services.finish_job(job.pk)
    assert not services.run_job(job.pk)  # a repeated delivery finds it finished
    services.fail_job(job.pk, "late failure")
    job.refresh_from_db()
    assert (job.status, job.error) == (Job.Status.DONE, "")


@pytest.mark.django_db
def test_failed_job_keeps_its_message(admin_user):
    job = services.start_job("recompute", actor=admin_user, total=3)
    services.fail_job(job.pk, "database went away")
    job.refresh_from_db()
    assert (job.status, job.error, job.is_finished) == (
        Job.Status.FAILED,
        "database went away",
        True,
    )


@pytest.mark.django_db
def test_progress_partial_polls_while_running_and_redirects_when_done(admin_user):
    job = services.start_job("export", actor=admin_user, total=4)
    request = RequestFactory().get("/p/")
    request.htmx = False
    html = job_progress(request, job, progress_url="/p/", done_url="/done/").content.decode()
    assert 'hx-get="/p/"' in html and 'hx-trigger="every 1s"' in html
    services.finish_job(job.pk)
    job.refresh_from_db()
    request.htmx = True
    response = job_progress(request, job, progress_url="/p/", done_url="/done/")
    assert response["HX-Redirect"] == "/done/"


@pytest.mark.django_db(transaction=True)
def test_embedded_mode_sends_tasks_without_broker_warnings(caplog):
    from talentbridge.settings import EMBEDDED_BROKER_URL

    app = task_record.app
    broker = app.conf.broker_url
    app.conf.broker_url = EMBEDDED_BROKER_URL
    _forget_connections(app)
    try:
        with caplog.at_level("WARNING"):
            task_record.delay(value=4)
            app.connection_for_write().as_uri()
    finally:
        app.conf.broker_url = broker
        _forget_connections(app)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("kombu")] == []


def _forget_connections(app) -> None:
    """Make the app connect again with its current broker URL."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_a_task_the_broker_cannot_take_is_kept_and_sent_later(settings):
    from talentbridge.models import OutboxTask
    from talentbridge.recovery import send_kept_tasks

    app = task_record.app
    eager, broker = app.conf.task_always_eager, app.conf.broker_url
    # A closed port: the broker does not answer, as when Redis restarts.
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:9/0"
    _forget_connections(app)
    try:
        with transaction.atomic():
            task_record.delay(value=5)
        kept = OutboxTask.objects.get()
        assert (kept.name, kept.kwargs, kept.sent_at) == ("tests.record", {"value": 5}, None)
        assert send_kept_tasks(app) == 0  # still down: kept, one more attempt counted
        assert OutboxTask.objects.get().attempts == 1
    finally:
        app.conf.task_always_eager, app.conf.broker_url = eager, broker
        _forget_connections(app)
    assert send_kept_tasks(app) == 1  # back: sent (in-process here)
    assert sent == [5]
    assert OutboxTask.objects.get().sent_at is not None
    assert send_kept_tasks(app) == 0


@pytest.mark.django_db
def test_a_job_whose_worker_stopped_is_failed_not_running_forever(admin_user, settings):
    from datetime import timedelta

    from django.utils import timezone

    from talentbridge.recovery import fail_stale_jobs

    settings.JOB_STALE_MINUTES = 20
    stuck = services.start_job("export", actor=admin_user, total=10)
    services.run_job(stuck.pk)
    services.advance_job(stuck.pk, 5)
    alive = services.start_job("export", actor=admin_user, total=10)
    Job.objects.filter(pk=stuck.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=21))
    assert fail_stale_jobs() == 1
    stuck.refresh_from_db()
    alive.refresh_from_db()
    assert (stuck.status, stuck.done) == (Job.Status.FAILED, 5)
    assert "stopped" in stuck.error
    assert alive.status == Job.Status.QUEUED
