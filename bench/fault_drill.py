"""Fault drill: a bounded load on the production stack while a part of it fails.

gunicorn (4 workers, DEBUG off) on a throwaway PostgreSQL and Redis, with one Celery worker,
all started here. For each failure a load of 300 requests over 30 s runs — every third a
registration (each by a different logged-in user), the others page views (the event page,
the big screen's state, /healthz) — and 10 s in:

- worker: the Celery worker is killed with SIGKILL; a new one starts 5 s later (as a
  supervisor would restart it);
- redis: redis-server (with its append-only file, as in production) is stopped for 10 s,
  then started again;
- postgres: PostgreSQL restarts with a fast shutdown (every session cut).

Printed per failure: requests, 5xx and failed connections during the failure (from its start
to 2 s after its end) and after it, registrations saved, tickets not written (a saved
registration whose ticket notification was not written within 90 s of the load's end, after
the outbox sweep beat would run), and the
time to recover (from the failure to the last request that failed). Machine load is printed.

The worker uses ``CELERY_VISIBILITY_TIMEOUT=20`` so that a killed worker's task comes back
within the drill (production default: 600 s), and ``WORKER_WATCHDOG_SECONDS=15`` (default 120):
a worker left taking no tasks exits, and the drill starts it again as a supervisor would
(printed: restarts). Everything listens on 127.0.0.1 only.
Run: .venv/bin/python bench/fault_drill.py [worker] [redis] [postgres] (all three by default);
the worker's log goes to test-artifacts/fault-drill-worker.log.
"""

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import registration_rush as rush  # noqa: E402

from tests import services as test_services  # noqa: E402

REQUESTS = 300
SECONDS = 30
FAULT_AT = 10.0
REDIS_DOWN = 10.0
WORKER_BACK_AFTER = 5.0
SETTLE_TIMEOUT = 90  # seconds to wait for the tickets after a phase
VISIBILITY = 20
WATCHDOG = 15


def load(port: int, event_id: int, category_id: int, cookies: list[str]) -> list:
    """REQUESTS requests spread evenly over SECONDS; returns (offset, kind, status)."""
    csrf = "d" * 32
    pages = [f"/events/{event_id}/", f"/events/{event_id}/ceremony/screen/state", "/healthz"]
    cookies = list(cookies)
    results = []

    async def one(index: int, at: float, started: float):
        await asyncio.sleep(max(0.0, started + at - time.perf_counter()))
        if index % 3 == 0 and cookies:
            headers = {
                "Cookie": f"{cookies.pop()}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "Content-Type": "application/x-www-form-urlencoded",
            }
            kind, request = "register", ("POST", f"/events/{event_id}/register/", headers)
            body = f"category={category_id}"
        else:
            path = pages[index % len(pages)]
            kind = "health" if path == "/healthz" else "page"
            request, body = ("GET", path, {}), ""
        status, _, _ = await rush.fetch(port, *request, body)
        results.append((at, kind, status))

    async def run():
        started = time.perf_counter()
        step = SECONDS / REQUESTS
        await asyncio.gather(*(one(i, i * step, started) for i in range(REQUESTS)))

    asyncio.run(run())
    return results


def start_worker(env: dict, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "talentbridge", "worker", "-c", "2"]
        + ["--without-gossip", "--without-mingle", "-l", "info"],
        cwd=ROOT,
        env={
            **env,
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY),
            "WORKER_WATCHDOG_SECONDS": str(WATCHDOG),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )


class Stack:
    def __init__(self, env, database_url, redis_url, log):
        self.env, self.database_url, self.redis_url, self.log = env, database_url, redis_url, log
        self.worker = start_worker(env, log)
        self.restarts = 0
        from talentbridge.celery import app

        deadline = time.monotonic() + 120
        while not app.control.ping(timeout=1):  # the load starts on a running worker
            if time.monotonic() > deadline or self.worker.poll() is not None:
                raise RuntimeError("the Celery worker did not start")

    def fail(self, kind: str) -> float:
        """Cause the failure; return how long it lasted (until the part was back)."""
        started = time.monotonic()
        if kind == "worker":
            self.worker.send_signal(signal.SIGKILL)
            self.worker.wait()
            time.sleep(WORKER_BACK_AFTER)
            self.worker = start_worker(self.env, self.log)
        elif kind == "redis":
            test_services.stop_redis(self.redis_url)
            time.sleep(REDIS_DOWN)
            test_services.start_redis(self.redis_url)
        else:
            test_services.restart_postgres(self.database_url)
        return time.monotonic() - started

    def supervise(self) -> None:
        """Start the worker again if it exited by itself (its watchdog), as compose does."""
        if self.worker.poll() is not None:
            self.restarts += 1
            self.worker = start_worker(self.env, self.log)


def settle(user_ids: list[int], stack: Stack) -> tuple[int, int, float, int]:
    """Sweep the outbox as beat does and wait for the tickets; (saved, lost, seconds, kept)."""
    from django.db import close_old_connections

    from events.models import Registration
    from talentbridge.celery import app
    from talentbridge.models import Notification, OutboxTask
    from talentbridge.recovery import send_kept_tasks

    close_old_connections()
    kept = OutboxTask.objects.filter(sent_at=None).count()
    started = time.monotonic()
    deadline = started + SETTLE_TIMEOUT
    while True:
        stack.supervise()
        close_old_connections()
        try:
            send_kept_tasks(app)
            saved = Registration.objects.filter(user_id__in=user_ids).count()
            written = Notification.objects.filter(user_id__in=user_ids).count()
        except Exception:  # the database may still be coming back
            saved, written = -1, -1
        if (saved >= 0 and written >= saved) or time.monotonic() > deadline:
            return saved, saved - written, time.monotonic() - started, kept
        time.sleep(1)


def report(kind, results: list, lasted: float, saved: int, lost: int, waited: float, kept: int):
    # /healthz is meant to answer 503 while a part is away: counted apart.
    failed = [
        (at, status)
        for at, kind, status in results
        if kind != "health" and (status == 0 or status >= 500)
    ]
    health = [(at, status) for at, kind, status in results if kind == "health"]
    unhealthy = [at for at, status in health if status != 200]
    end = FAULT_AT + lasted + 2
    during = [r for r in failed if FAULT_AT <= r[0] <= end]
    after = [r for r in failed if r[0] > end]
    before = [r for r in failed if r[0] < FAULT_AT]
    recover = max((at for at, _ in failed if at >= FAULT_AT), default=FAULT_AT) - FAULT_AT
    registrations = sum(1 for _, k, _ in results if k == "register")
    ok = sum(1 for _, k, s in results if k == "register" and s in (200, 302))
    print(f"{kind}: {len(results)} requests ({registrations} registrations)")
    print(f"  fault lasted     {lasted:.1f} s (from {FAULT_AT:.0f} s into the load)")
    print(
        f"  5xx / failed connections  before {len(before)}, during {len(during)} "
        f"({sum(1 for _, s in during if s >= 500)} × 5xx), after {len(after)}"
    )
    print(f"  registrations answered 2xx/3xx {ok}, saved {saved}, tickets not written {lost}")
    print(f"  tasks kept in the outbox (Redis away), sent by the sweep: {kept}")
    if unhealthy:
        print(
            f"  /healthz         {len(unhealthy)} of {len(health)} not 200, "
            f"from {min(unhealthy):.1f} s to {max(unhealthy):.1f} s; 200 after"
        )
    else:
        print(f"  /healthz         200 for all {len(health)}")
    print(f"  time to recover  {recover:.1f} s after the fault began")
    print(f"  tickets written  {waited:.1f} s after the load ended")


FAILURES = ("worker", "redis", "postgres")


def main() -> int:
    wanted = sys.argv[1:] or FAILURES
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()}")
    with (
        test_services.postgres(max_connections=300) as database_url,
        test_services.redis(persistent=True) as redis_url,
        tempfile.TemporaryDirectory() as static_root,
        (ROOT / "test-artifacts" / "fault-drill-worker.log").open("w") as worker_log,
        ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as clients,
    ):
        env = rush.configure_django(database_url, redis_url, static_root)
        event, category, cookies, _, _ = rush.prepare()
        port = test_services.free_port()
        server = rush.start_gunicorn(env, port)
        stack = Stack(env, database_url, redis_url, worker_log)
        from talentbridge.models import User

        people = dict(User.objects.filter(email__endswith="@bench.cn").values_list("email", "pk"))
        try:
            for index, kind in enumerate(FAILURES):
                if kind not in wanted:
                    continue
                phase = range(index * 100, (index + 1) * 100)
                pending = clients.submit(
                    load, port, event.pk, category.pk, [cookies[i] for i in phase]
                )
                time.sleep(FAULT_AT)
                lasted = stack.fail(kind)
                results = pending.result(timeout=SECONDS * 4)
                users = [people[f"rush{i}@bench.cn"] for i in phase]
                restarts = stack.restarts
                report(kind, results, lasted, *settle(users, stack))
                restarts = stack.restarts - restarts
                print(f"  worker restarted after its watchdog stopped it: {restarts}")
        finally:
            server.terminate()
            server.wait(timeout=30)
            stack.worker.terminate()
            stack.worker.wait(timeout=30)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
