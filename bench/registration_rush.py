"""Registration rush and big-screen polling against gunicorn on a throwaway PostgreSQL.

Production settings (DEBUG off, PostgreSQL, Redis as cache and broker): the confirmation
e-mails are queued in Redis for the Celery worker, which this benchmark does not run.

1. 1,000 registration attempts from 100 concurrent clients for one category of 300 seats:
   throughput, p50/p95 latency, and the check that exactly 300 were confirmed with no 5xx.
2. 500 concurrent big-screen viewers polling the ceremony state partial once a second (with
   ETag revalidation, as browsers do) while the console advances: p50/p95 latency.

Everything listens on 127.0.0.1 only; every loop is bounded. Run: .venv/bin/python
bench/registration_rush.py
"""

import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import services as test_services  # noqa: E402

WORKERS = 4
ATTEMPTS = 1_000
CLIENTS = 100
SEATS = 300
VIEWERS = 500
POLLS_PER_VIEWER = 10
CONSOLE_STEPS = 5


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def request(port: int, method: str, path: str, headers: dict, body: str = ""):
    """One request on a fresh connection (gunicorn's sync workers close after each)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        started = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders()), time.perf_counter() - started
    except OSError:
        return 0, {}, 0.0
    finally:
        connection.close()


def configure_django(database_url: str, redis_url: str, static_root: str) -> dict:
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "EMAIL_URL": "dummymail://",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "talentbridge.settings"
    import django

    django.setup()
    return {**os.environ, **env}


def prepare():
    """Schema, one open event with a 300-seat category, 1,000 logged-in users, a ceremony."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import timezone

    from events.models import AttendeeCategory, Ceremony, Event
    from mentors.models import Mentee, Mentor, Pairing
    from talentbridge.models import User

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    organizer = User.objects.create(email="org@bench.cn", name="组织者", is_organizer=True)
    start = timezone.now() + timedelta(days=20)
    event = Event.objects.create(
        title="青蓝接力主题会（压测）",
        status=Event.Status.REGISTRATION_OPEN,
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        venue="福州海峡会展中心",
    )
    event.organizers.add(organizer)
    category = AttendeeCategory.objects.create(event=event, name="嘉宾", capacity=SEATS)
    unusable = "!"  # no password: the benchmark logs users in by creating their sessions
    users = User.objects.bulk_create(
        User(email=f"rush{i}@bench.cn", name=f"参会者{i}", password=unusable)
        for i in range(ATTEMPTS)
    )
    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    ceremony = Ceremony.objects.create(event=event, title="“青蓝接力”对接仪式")
    for index in range(15):
        pairing = Pairing.objects.create(
            mentor=Mentor.objects.create(name=f"师傅{index}"),
            mentee=Mentee.objects.create(name=f"徒弟{index}", kind=Mentee.Kind.FOUNDER),
            status=Pairing.Status.ACCEPTED,
        )
        ceremony.pairs.create(pairing=pairing, group=index // 3 + 1, position=index % 3 + 1)
    return event, category, cookies, organizer, ceremony


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [str(gunicorn), "talentbridge.wsgi", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
        + ["--backlog", "2048", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while request(port, "GET", "/healthz", {})[0] != 200:
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("gunicorn did not start")
        time.sleep(0.2)
    return proc


def rush(port: int, event, category, cookies: list[str]) -> dict:
    """1,000 POSTs to the register form from 100 concurrent clients."""
    csrf = secrets.token_hex(16)  # any 32-character secret works when cookie and header agree
    body = f"category={category.pk}"
    path = f"/events/{event.pk}/register/"
    queue = list(enumerate(cookies))
    lock = threading.Lock()
    results: list[tuple[int, float]] = []

    def client():
        while True:
            with lock:
                if not queue:
                    return
                _, cookie = queue.pop()
            headers = {
                "Cookie": f"{cookie}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "Content-Type": "application/x-www-form-urlencoded",
            }
            status, _, elapsed = request(port, "POST", path, headers, body)
            with lock:
                results.append((status, elapsed))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies = [elapsed for status, elapsed in results if status]
    return {
        "wall": wall,
        "statuses": {s: sum(1 for r in results if r[0] == s) for s in {r[0] for r in results}},
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
    }


def viewers(port: int, event, ceremony, organizer) -> dict:
    """500 screens polling once a second with If-None-Match; the console steps meanwhile."""
    from events import services

    path = f"/events/{event.pk}/ceremony/screen/state"
    lock = threading.Lock()
    results: list[tuple[int, float]] = []
    barrier = threading.Barrier(VIEWERS + 1)

    def viewer():
        etag = ""
        barrier.wait()
        for _ in range(POLLS_PER_VIEWER):
            tick = time.perf_counter()
            status, headers, elapsed = request(
                port, "GET", path, {"If-None-Match": etag} if etag else {}
            )
            etag = headers.get("ETag", etag)
            with lock:
                results.append((status, elapsed))
            time.sleep(max(0.0, 1.0 - (time.perf_counter() - tick)))

    threads = [threading.Thread(target=viewer) for _ in range(VIEWERS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    actions = ["start", "ribbon", "next_pair", "ribbon", "next_group"][:CONSOLE_STEPS]
    for action in actions:
        time.sleep(POLLS_PER_VIEWER / (CONSOLE_STEPS + 1))
        services.advance_ceremony(ceremony, action, actor=organizer)
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies = [elapsed for status, elapsed in results if status]
    return {
        "wall": wall,
        "requests": len(results),
        "statuses": {s: sum(1 for r in results if r[0] == s) for s in {r[0] for r in results}},
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
    }


def main() -> int:
    with (
        test_services.postgres(max_connections=300) as database_url,
        test_services.redis() as redis_url,
        tempfile.TemporaryDirectory() as static_root,
    ):
        env = configure_django(database_url, redis_url, static_root)
        from django.db.models import Count

        from events.models import Registration

        event, category, cookies, organizer, ceremony = prepare()
        port = test_services.free_port()
        server = start_gunicorn(env, port)
        try:
            result = rush(port, event, category, cookies)
            by_status = dict(
                Registration.objects.filter(category=category)
                .values_list("status")
                .annotate(n=Count("id"))
            )
            screen = viewers(port, event, ceremony, organizer)
        finally:
            server.terminate()
            server.wait(timeout=30)
    server_errors = sum(n for status, n in result["statuses"].items() if status >= 500)
    failed = result["statuses"].get(0, 0)
    print(f"registration rush: gunicorn {WORKERS} workers, PostgreSQL, {CLIENTS} clients")
    print(f"  attempts           {ATTEMPTS}")
    print(f"  wall time          {result['wall']:.2f} s")
    print(f"  throughput         {ATTEMPTS / result['wall']:.0f} registrations/s")
    print(f"  latency p50 / p95  {result['p50'] * 1000:.0f} ms / {result['p95'] * 1000:.0f} ms")
    print(f"  HTTP statuses      {dict(sorted(result['statuses'].items()))}")
    print(f"  confirmed          {by_status.get('confirmed', 0)} (seats: {SEATS})")
    print(f"  waitlisted         {by_status.get('waitlisted', 0)}")
    print(f"  server errors      {server_errors}, connection failures {failed}")
    print(f"big screen: {VIEWERS} viewers polling every 1 s, {CONSOLE_STEPS} console steps")
    print(f"  requests           {screen['requests']} in {screen['wall']:.1f} s")
    print(f"  HTTP statuses      {dict(sorted(screen['statuses'].items()))}")
    print(f"  latency p50 / p95  {screen['p50'] * 1000:.0f} ms / {screen['p95'] * 1000:.0f} ms")
    ok = (
        by_status.get("confirmed", 0) == SEATS
        and by_status.get("waitlisted", 0) == ATTEMPTS - SEATS
        and server_errors == 0
        and failed == 0
        and screen["statuses"].get(0, 0) == 0
        and not any(status >= 500 for status in screen["statuses"])
    )
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
