"""Shared by the page benchmarks: Django on a throwaway PostgreSQL, and timing one page."""

import contextlib
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import services  # noqa: E402

RUNS = 30


@contextlib.contextmanager
def django_on_postgres() -> Iterator[None]:
    """Set Django up on a migrated throwaway PostgreSQL (no Redis) for the block's duration."""
    with services.postgres() as url:
        os.environ["DATABASE_URL"] = url
        os.environ["CONN_MAX_AGE"] = "600"
        os.environ.pop("REDIS_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        yield


def measure(client, path: str, runs: int = RUNS) -> tuple[float, float, int]:
    """Return the median and p95 render time (ms) of ``path`` and its number of SQL queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm the caches and the connection
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(path)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    return statistics.median(times), p95, len(ctx.captured_queries)
