"""Fixtures shared by the whole suite: users per role, a real Celery worker, a browser."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from celery._state import _set_task_join_will_block
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from talentbridge.celery import app as celery_app
from talentbridge.regions import load_regions
from tests import services
from tests.factories import UserFactory

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Run tasks in-process unless a test asks for the real worker (``celery_worker``).

    Celery marks "inside a task" in one process-wide flag that each in-process task sets and
    restores; two live-server threads sending tasks at once can restore it in the wrong order
    and leave it set, after which every ``result.get()`` in the session refuses to run.
    """
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    _set_task_join_will_block(False)
    yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and cached pages never leak from one test into the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def region_tree(db):
    """The division tree. Migrations load it, but a transactional test (every browser test)
    runs after others that emptied each table, so such a test asks for it again."""
    load_regions()


@pytest.fixture
def organizer(db):
    return UserFactory(name="组织者 王敏", is_organizer=True)


@pytest.fixture
def mentor_user(db):
    return UserFactory(name="专家 陈思恩", is_mentor=True)


@pytest.fixture
def mentee_user(db):
    return UserFactory(name="徒弟 林晓", is_mentee=True)


@pytest.fixture
def enterprise_user(db):
    return UserFactory(name="企业 四创科技", is_enterprise=True)


@pytest.fixture
def admin_user(db):
    return UserFactory(name="管理员", is_admin=True, is_staff=True, is_superuser=True)


@pytest.fixture
def client_for():
    """Return a logged-in test client for a user."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def _test_database_url() -> str:
    db = settings.DATABASES["default"]
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit((parts.scheme, parts.netloc, f"/{db['NAME']}", "", ""))


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real ``celery worker`` process on the test database, reached through Redis."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the worker test needs PostgreSQL so that two processes share the database")
    ARTIFACTS.mkdir(exist_ok=True)
    log = (ARTIFACTS / "celery-worker.log").open("w")
    env = {**os.environ, "DATABASE_URL": _test_database_url()}
    celery_app.control.purge()
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "talentbridge", "worker", "-P", "solo"]
        + ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not celery_app.control.ping(timeout=0.5):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"celery worker did not start; see {log.name}")
    yield proc
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


@pytest.fixture
def celery_worker(celery_worker_process):
    """Send tasks through Redis to the real worker for the duration of a test."""
    celery_app.conf.task_always_eager = False
    yield celery_worker_process
    celery_app.conf.task_always_eager = True


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.1):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    pytest.fail(f"condition not met within {timeout} s")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(services.CHROMIUM),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def login_page(page, live_server):
    """Return a function that logs ``page`` in as a user without going through the form."""

    def login(user):
        client = Client()
        client.force_login(user)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        return page

    return login
