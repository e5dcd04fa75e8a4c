"""Workers and beat after the broker fails: nothing waits for an operator.

A worker whose consumer stopped taking tasks (probe_app's ``stall_consumer``: the state the
broker reconnection bugs leave a worker in) exits by itself within ``WORKER_WATCHDOG_SECONDS``
and the worker started after it does every task; a worker paused on purpose is left alone.
A real ``celery beat`` keeps scheduling after redis-server restarts. Settings are short here,
so each test takes seconds.
"""

import os
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from celery.platforms import EX_UNAVAILABLE
from django.utils import timezone

from talentbridge.celery import app as celery_app
from talentbridge.models import Job, Notification, OutboxTask
from talentbridge.services import notify
from talentbridge.watchdog import StallClock, Watchdog
from tests import services
from tests.conftest import ARTIFACTS, _test_database_url, wait_for
from tests.factories import UserFactory
from tests.talentbridge.conftest import PROBE_APP

BOUND = 2


def on_real_services(test):
    """Run ``test`` with the real worker processes, Redis and PostgreSQL."""
    for mark in (pytest.mark.postgres, pytest.mark.redis, pytest.mark.celery, pytest.mark.slow):
        test = mark(test)
    return pytest.mark.django_db(transaction=True)(test)


# --- The stall clock --------------------------------------------------------------------------


def test_stall_clock_runs_only_while_tasks_wait_for_an_idle_worker():
    clock = StallClock()
    look = {"waiting": 3, "free_slots": 1, "received": False}
    assert clock.observe(**look, now=10.0) == 0.0
    assert clock.observe(**look, now=12.5) == 2.5
    # Anything received, no free slot or nothing waiting starts it again.
    for change in ({"received": True}, {"free_slots": 0}, {"waiting": 0}):
        assert clock.observe(**{**look, **change}, now=13.0) == 0.0
        assert clock.observe(**look, now=14.0) == 0.0
        assert clock.observe(**look, now=15.0) == 1.0
        clock.reset()


def test_watchdog_is_a_worker_step_and_off_at_zero(settings):
    assert Watchdog in celery_app.steps["worker"]
    settings.WORKER_WATCHDOG_SECONDS = 0
    assert not Watchdog(None).include_if(None)
    settings.WORKER_WATCHDOG_SECONDS = 120
    assert Watchdog(None).include_if(None)


# --- A worker whose consumer is stuck ---------------------------------------------------------


def send_welcomes(count: int, key: str) -> None:
    for user in UserFactory.create_batch(count, language="en"):
        notify(user, key=key, template="welcome", context={"name": user.name})


@on_real_services
def test_stuck_worker_exits_by_itself_and_the_next_one_does_its_tasks(workers):
    worker = workers("stuck", WORKER_WATCHDOG_SECONDS=str(BOUND))
    destination = ["stuck@localhost"]
    # Paused on purpose (its queue deselected): left alone however long tasks wait.
    celery_app.control.cancel_consumer("celery", destination=destination, reply=True)
    send_welcomes(3, "watchdog.paused")
    time.sleep(BOUND * 3)
    assert worker.poll() is None
    assert Notification.objects.count() == 0
    celery_app.control.add_consumer("celery", destination=destination, reply=True)
    wait_for(lambda: Notification.objects.count() == 3, timeout=30)
    # Stuck: it still means to consume the queue, but its consumer takes nothing.
    reply = celery_app.control.broadcast(
        "stall_consumer", arguments={"queue": "celery"}, destination=destination, reply=True
    )
    assert reply == [{"stuck@localhost": {"ok": "stalled celery"}}]
    send_welcomes(3, "watchdog.stuck")
    started = time.monotonic()
    assert worker.wait(timeout=BOUND * 10) == EX_UNAVAILABLE
    # Within the bound, plus one look and the warm shutdown.
    assert time.monotonic() - started < BOUND + 6
    log = (ARTIFACTS / "celery-stuck.log").read_text()
    assert "has received no task for 2 s while 3 wait in celery and 1 of its 1 slots" in log
    assert "did not stop" not in log  # the warm shutdown was enough
    assert Notification.objects.filter(key="watchdog.stuck").count() == 0
    # What its supervisor does: start a worker again. Nothing was lost.
    workers("restarted")
    wait_for(lambda: Notification.objects.filter(key="watchdog.stuck").count() == 3, timeout=30)


@on_real_services
def test_stuck_worker_whose_warm_shutdown_hangs_exits_at_once(workers):
    worker = workers("hung", "-P", "threads", "-c", "2", WORKER_WATCHDOG_SECONDS=str(BOUND))
    destination = ["hung@localhost"]
    # One slot busy with a task longer than the watchdog's patience; the other is free.
    celery_app.send_task("tests.probe.hold", kwargs={"seconds": BOUND * 5})
    inspect = celery_app.control.inspect(destination, timeout=0.5)
    wait_for(lambda: (inspect.active() or {}).get(destination[0]))
    celery_app.control.broadcast(
        "stall_consumer", arguments={"queue": "celery"}, destination=destination, reply=True
    )
    send_welcomes(2, "watchdog.hung")
    # The warm shutdown waits for the long task; the watchdog does not wait beyond its bound.
    started = time.monotonic()
    assert worker.wait(timeout=BOUND * 8) == EX_UNAVAILABLE
    assert time.monotonic() - started < BOUND * 2 + 6
    log = (ARTIFACTS / "celery-hung.log").read_text()
    assert "while 2 wait in celery and 1 of its 2 slots are free" in log
    assert "the worker did not stop within 2 s; exiting now" in log
    workers("after-hung")
    wait_for(lambda: Notification.objects.filter(key="watchdog.hung").count() == 2, timeout=30)


# --- Beat across a Redis restart --------------------------------------------------------------


@pytest.fixture
def beat(tmp_path):
    """A real ``celery beat`` sending ``talentbridge.fail_stale_jobs`` twice a second."""
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "celery-beat.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", PROBE_APP, "beat", "-l", "info"]
            + ["--schedule", str(tmp_path / "beat-schedule")],
            env={
                **os.environ,
                "DATABASE_URL": _test_database_url(),
                "TB_BEAT_PROBE_SECONDS": "0.5",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        yield proc
        proc.terminate()
        proc.wait(timeout=20)


def stale_job() -> Job:
    """A job whose worker vanished an hour ago: the next ``fail_stale_jobs`` fails it."""
    an_hour_ago = timezone.now() - timedelta(hours=1)
    return Job.objects.create(kind="probe", status=Job.Status.RUNNING, heartbeat_at=an_hour_ago)


def failed(job: Job) -> bool:
    return Job.objects.get(pk=job.pk).status == Job.Status.FAILED


@on_real_services
def test_beat_keeps_scheduling_after_redis_restarts(celery_worker, beat):
    before = stale_job()
    wait_for(lambda: failed(before), timeout=60)
    url = os.environ["REDIS_URL"]
    services.stop_redis(url)
    try:
        # What beat sends meanwhile is kept in the database, not lost.
        wait_for(
            lambda: OutboxTask.objects.filter(name="talentbridge.fail_stale_jobs").exists(),
            timeout=30,
        )
        time.sleep(1.5)  # several beats while Redis is away
    finally:
        services.start_redis(url)
    after = stale_job()
    wait_for(lambda: failed(after), timeout=60)
    assert beat.poll() is None
