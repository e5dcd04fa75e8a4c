"""Real failures, really caused: a worker process killed with SIGKILL mid-chunk, redis-server
stopped and started, PostgreSQL restarted with a fast shutdown, the mail server away.

Each test asserts the exact outcome: the same suggestion lists as a clean run, every
registration kept, every task sent, the job's final state. Workers started here (``workers``) use a
short visibility timeout, so a killed worker's task comes back in seconds instead of minutes.
"""

import os
import signal
import socketserver
import subprocess
import threading
import time
from contextlib import contextmanager
from http.client import HTTPConnection
from urllib.parse import urlsplit

import pytest
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from events.models import Ceremony, ExportJob, Registration
from projects.models import Challenge, MatchSuggestion
from projects.services.suggestions import start_full_recompute
from talentbridge.celery import app as celery_app
from talentbridge.models import Job, Notification, OutboxTask
from talentbridge.recovery import fail_stale_jobs
from talentbridge.services import notify
from talentbridge.tasks import task_sweep_outbox
from tests import services
from tests.conftest import wait_for
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    EventFactory,
    MentorFactory,
    OrganizationFactory,
    PairingFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.celery,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

WORDS = [
    "泵站",
    "故障",
    "诊断",
    "机器学习",
    "传感器",
    "海洋",
    "牧场",
    "监测",
    "铝合金",
    "制备",
    "数字",
    "孪生",
    "电网",
    "调度",
    "储能",
]


# --- Workers killed (the ``workers`` fixture is in conftest.py) ------------------------------


def sigkill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


# --- A matching world big enough to be split into many chunks ----------------------------------


def matching_world(challenges: int = 250, mentors: int = 40) -> None:
    for i in range(mentors):
        MentorFactory(
            name=f"专家{i}",
            research_fields=" ".join(WORDS[(i + k) % len(WORDS)] for k in range(4)),
        )
    owner = UserFactory(is_enterprise=True)
    organization = OrganizationFactory()
    Challenge.objects.bulk_create(
        ChallengeFactory.build(
            owner=owner,
            poster_organization=organization,
            title=f"{WORDS[i % len(WORDS)]}{WORDS[(i * 7) % len(WORDS)]} 需求 {i}",
            summary=" ".join(WORDS[(i * 3 + k) % len(WORDS)] for k in range(5)),
        )
        for i in range(challenges)
    )


def suggestion_lists() -> dict:
    lists: dict = {}
    for row in MatchSuggestion.objects.order_by("rank").values(
        "challenge_id", "project_id", "for_mentee_id", "mentor_id", "mentee_id", "rank", "score"
    ):
        target = (row["challenge_id"], row["project_id"], row["for_mentee_id"])
        lists.setdefault(target, []).append(
            (row["mentor_id"], row["mentee_id"], row["rank"], round(row["score"], 6))
        )
    return lists


def clean_run_lists() -> dict:
    """The lists a run with no failure writes (in-process), then an empty table again."""
    celery_app.conf.task_always_eager = True
    run = start_full_recompute(actor=None)
    assert Job.objects.get(pk=run.job_id).status == Job.Status.DONE
    lists = suggestion_lists()
    assert len(lists) > 100
    MatchSuggestion.objects.all().delete()
    celery_app.conf.task_always_eager = False
    return lists


def assert_never_half_replaced(lists: dict, clean: dict) -> None:
    """Every list present is a whole list of the clean run."""
    assert {target: rows for target, rows in lists.items()} == {
        target: clean[target] for target in lists
    }


def kill_mid_run(worker: subprocess.Popen, job_id: int) -> Job:
    """Kill the worker once the run has made progress; return the job as it was then."""
    job = wait_for(
        lambda: (j := Job.objects.get(pk=job_id)).done > 0 and j, timeout=60, interval=0.02
    )
    sigkill(worker)
    job = Job.objects.get(pk=job_id)
    assert 0 < job.done < job.total, "the run finished before the worker could be killed"
    return job


# --- A worker killed mid-job ------------------------------------------------------------------


def test_worker_killed_mid_recompute_is_failed_when_no_one_is_left_then_retried(
    workers, organizer, settings
):
    matching_world()
    clean = clean_run_lists()
    first = workers("first")
    run = start_full_recompute(actor=organizer)
    kill_mid_run(first, run.job_id)
    assert_never_half_replaced(suggestion_lists(), clean)
    # No worker is left. The stale sweep fails the job (here at once instead of after
    # JOB_STALE_MINUTES) and the organizer's page offers to run it again.
    settings.JOB_STALE_MINUTES = 0
    assert fail_stale_jobs() == 1
    assert Job.objects.get(pk=run.job_id).status == Job.Status.FAILED
    client = Client()
    client.force_login(organizer)
    page = client.get(f"{reverse('projects:recompute')}?run={run.pk}").content.decode()
    retry_url = reverse("projects:recompute_retry", args=[run.pk])
    assert retry_url in page
    # Another worker takes the killed one's chunk back from the broker, and the retry
    # queues the chunks not done; each is counted once.
    workers("second")
    assert client.post(retry_url).status_code == 302
    job = wait_for(
        lambda: (j := Job.objects.get(pk=run.job_id)).status == Job.Status.DONE and j, timeout=90
    )
    assert suggestion_lists() == clean
    assert (job.done, job.total, job.error) == (Challenge.objects.count(), job.total, "")
    assert not run.chunks.filter(done_at__isnull=True).exists()


def large_export(organizer, rows: int, monkeypatch):
    from tests.events.conftest import make_users
    from tests.events.stats_world import build_world

    world = build_world(organizer)
    category = world.event.categories.get(name="嘉宾")
    Registration.objects.bulk_create(
        Registration(event=world.event, category=category, user=user, status="confirmed")
        for user in make_users(rows, prefix="bulk")
    )
    monkeypatch.setattr("events.views.exports.ASYNC_THRESHOLD", 1_000)
    client = Client()
    client.force_login(organizer)
    url = reverse("events:export", args=[world.event.pk, "registrations", "csv"])
    assert client.get(url).status_code == 302
    return client, ExportJob.objects.get()


def downloaded_rows(client, export) -> int:
    response = client.get(reverse("events:export_download", args=[export.token]))
    return b"".join(response.streaming_content).count(b"\n")


def test_worker_killed_mid_export_another_worker_writes_the_whole_file(
    workers, organizer, settings, monkeypatch
):
    settings.MEDIA_ROOT = settings.BASE_DIR / "private"  # where the workers write
    first = workers("first")
    client, export = large_export(organizer, 6_000, monkeypatch)
    kill_mid_run(first, export.job_id)
    workers("second")
    job = wait_for(lambda: (j := Job.objects.get(pk=export.job_id)).is_finished and j, timeout=90)
    export.refresh_from_db()
    try:
        assert (job.status, job.done, job.total) == ("done", 6_008, 6_008)
        assert downloaded_rows(client, export) == 1 + 6_008
    finally:
        export.file.delete(save=False)


# --- The mail server away ---------------------------------------------------------------------


class SmtpSink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take messages; each one is appended to the server's ``messages``."""

    def handle(self):
        self.wfile.write(b"220 sink ready\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                body = b"".join(iter(self.rfile.readline, b".\r\n"))
                self.server.messages.append(body)
                self.wfile.write(b"250 kept\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@contextmanager
def smtp_sink(port: int):
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), SmtpSink)
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.messages
    finally:
        server.shutdown()
        server.server_close()


def test_mail_server_down_notifications_wait_in_app_and_go_out_once(workers):
    port = services.free_port()
    workers("mailer", EMAIL_URL=f"smtp://127.0.0.1:{port}")
    users = [UserFactory(language="en") for _ in range(3)]
    for user in users:
        notify(user, key="faults.welcome", template="welcome", context={"name": user.name})
    # Visible in-app at once; the e-mails wait for the server.
    wait_for(lambda: Notification.objects.count() == 3, timeout=30)
    time.sleep(2)
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 3
    with smtp_sink(port) as messages:
        wait_for(lambda: not Notification.objects.filter(emailed_at=None).exists(), timeout=60)
        time.sleep(3)  # retries still queued must send nothing more
        assert len(messages) == 3
    assert OutboxTask.objects.count() == 0


# --- Redis and PostgreSQL restarted -------------------------------------------------------------


def public_ceremony():
    event = EventFactory(status="registration_open")
    ceremony = Ceremony.objects.create(event=event, title="对接仪式", group_count=5)
    ceremony.pairs.create(pairing=PairingFactory(), group=1, position=1, project_title="诊断")
    return event, AttendeeCategoryFactory(event=event, name="嘉宾", capacity=100)


def test_redis_restart_loses_no_registration_and_no_task(celery_worker):
    event, category = public_ceremony()
    people = [UserFactory() for _ in range(4)]
    client = Client()
    url = os.environ["REDIS_URL"]
    services.stop_redis(url)
    try:
        assert client.get(reverse("healthz")).status_code == 503
        for name in ("screen", "screen_state", "audience", "audience_state"):
            page = client.get(reverse(f"events:{name}", kwargs={"pk": event.pk}))
            assert page.status_code == 200, name
        for user in people:
            client.force_login(user)
            response = client.post(
                reverse("events:register", kwargs={"pk": event.pk}),
                {"category": category.pk, "organization_name": "四创科技"},
            )
            assert response.status_code == 302
        kept = OutboxTask.objects.filter(sent_at=None).count()
    finally:
        services.start_redis(url)
    assert Registration.objects.filter(event=event).count() == 4
    assert kept == 4  # the ticket e-mails, not lost
    assert Notification.objects.count() == 0
    wait_for(lambda: client.get(reverse("healthz")).status_code == 200, timeout=30)
    assert task_sweep_outbox.apply().get() == 4
    # The worker reconnected by itself and sends the tickets.
    wait_for(lambda: Notification.objects.filter(emailed_at__isnull=False).count() == 4, 60)
    assert not OutboxTask.objects.filter(sent_at=None).exists()


def served_status(live_server, path: str) -> int:
    address = urlsplit(live_server.url)
    connection = HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", path)
    status = connection.getresponse().status
    connection.close()
    return status


def test_postgres_restart_next_requests_succeed_and_the_export_finishes(
    celery_worker, live_server, organizer, settings, monkeypatch
):
    settings.MEDIA_ROOT = settings.BASE_DIR / "private"
    client, export = large_export(organizer, 6_000, monkeypatch)
    assert served_status(live_server, reverse("healthz")) == 200  # its connection is open
    wait_for(lambda: Job.objects.get(pk=export.job_id).done > 0, timeout=60, interval=0.02)
    services.restart_postgres(os.environ["DATABASE_URL"])
    # The very next request of the server succeeds: reused connections are health-checked
    # (the test's own too, as each request does).
    assert served_status(live_server, reverse("healthz")) == 200
    close_old_connections()
    assert client.get(reverse("events:export_job", args=[export.token])).status_code == 200
    # The export task lost its connection mid-way: it is retried on a fresh one and finishes.
    job = wait_for(lambda: (j := Job.objects.get(pk=export.job_id)).is_finished and j, timeout=90)
    export.refresh_from_db()
    try:
        assert (job.status, job.done, job.total) == ("done", 6_008, 6_008)
        assert downloaded_rows(client, export) == 1 + 6_008
    finally:
        export.file.delete(save=False)
    # The same worker, not restarted, takes new work.
    notify(organizer, key="faults.after", template="welcome", context={"name": "x"})
    wait_for(lambda: Notification.objects.filter(key="faults.after").exists(), timeout=30)
