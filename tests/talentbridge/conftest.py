"""Fixtures of the fault tests: worker processes a test starts, stops and kills."""

import os
import subprocess
import sys

import pytest

from talentbridge.celery import app as celery_app
from tests.conftest import ARTIFACTS, _test_database_url, wait_for

VISIBILITY_SECONDS = 2
PROBE_APP = "tests.talentbridge.probe_app"


@pytest.fixture
def workers():
    """Start named worker processes on the default queue; the session's worker pauses meanwhile.

    Returns ``start(name, *pool, **env)`` (``pool``: the pool's options, ``-P solo`` unless
    given); every worker still alive at the end is stopped. They run the portal's app with the
    probes of ``probe_app`` and a short visibility timeout, so a killed worker's task comes
    back in seconds.
    """
    celery_app.conf.task_always_eager = False
    paused = celery_app.control.cancel_consumer("celery", reply=True, timeout=1)
    started: list[subprocess.Popen] = []

    def start(name: str, *pool: str, **env) -> subprocess.Popen:
        if not started:
            # The profile refreshes the test's world queued are not what it is about.
            celery_app.control.purge()
        ARTIFACTS.mkdir(exist_ok=True)
        log = (ARTIFACTS / f"celery-{name}.log").open("w")
        environ = {
            **os.environ,
            "DATABASE_URL": _test_database_url(),
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_SECONDS),
            **env,
        }
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", PROBE_APP, "worker", *(pool or ["-P", "solo"])]
            + ["-n", f"{name}@localhost", "--without-gossip", "--without-mingle"]
            + ["--without-heartbeat", "-l", "info"],
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(proc)
        wait_for(
            lambda: (
                proc.poll() is None
                and celery_app.control.ping(destination=[f"{name}@localhost"], timeout=0.5)
            ),
            timeout=60,
        )
        return proc

    yield start
    for proc in started:
        proc.terminate()  # a warm shutdown hands back what the worker holds
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for reply in paused:
        celery_app.control.add_consumer("celery", destination=list(reply), reply=True)
    celery_app.conf.task_always_eager = True
