"""Start the services the suite needs before Django reads its settings.

Loaded with ``-p tests.plugin`` (see pyproject.toml). With PostgreSQL, Redis and Chromium
installed the run uses throwaway instances of them; a missing one makes its tests skip with a
reason that says how to install it, or fails the run when TB_REQUIRE_SERVICES=1.
``TB_TEST_DB=sqlite`` runs on SQLite with no services (the fast unit pass of ``make test``).
"""

import contextlib
import os

import pytest

from tests import services

INSTALL_HINTS = {
    "postgres": "PostgreSQL 15 is not installed: apt-get install postgresql-15",
    "redis": "Redis is not installed: apt-get install redis-server",
    "celery": "a Celery worker needs Redis, which is not installed: apt-get install redis-server",
    "browser": f"Chromium is not at {services.CHROMIUM}: apt-get install chromium",
    "pushpin": "Pushpin is not installed: apt-get install pushpin",
}
SQLITE_PASS = "this pass runs on SQLite without services"
available: dict[str, bool] = {}


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # Tests must never reach a real deployment's database or broker.
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API + ORM
    stack = contextlib.ExitStack()
    early_config.add_cleanup(stack.close)
    sqlite_pass = os.environ.get("TB_TEST_DB") == "sqlite"
    available["postgres"] = not sqlite_pass and services.postgres_bin() is not None
    available["redis"] = not sqlite_pass and services.redis_bin() is not None
    available["celery"] = available["redis"]
    available["browser"] = services.CHROMIUM.exists()
    available["pushpin"] = not sqlite_pass and services.pushpin_bin() is not None
    missing = [name for name, ok in available.items() if not ok]
    if missing and not sqlite_pass and os.environ.get("TB_REQUIRE_SERVICES") == "1":
        raise pytest.UsageError(
            "TB_REQUIRE_SERVICES=1 but: " + "; ".join(INSTALL_HINTS[name] for name in missing)
        )
    if available["postgres"]:
        os.environ["DATABASE_URL"] = stack.enter_context(services.postgres())
    if available["redis"]:
        os.environ["REDIS_URL"] = stack.enter_context(services.redis())
    return (yield)


def pytest_report_header(config):
    used = ", ".join(name for name, ok in available.items() if ok) or "none"
    return [f"talentbridge services: {used}"]


def pytest_collection_modifyitems(config, items):
    sqlite_pass = os.environ.get("TB_TEST_DB") == "sqlite"
    for item in items:
        for name, ok in available.items():
            if not ok and item.get_closest_marker(name):
                reason = SQLITE_PASS if sqlite_pass and name != "browser" else INSTALL_HINTS[name]
                item.add_marker(pytest.mark.skip(reason=reason))
