"""Registration rush and big-screen polling against gunicorn on a throwaway PostgreSQL.

Production settings (DEBUG off, PostgreSQL, Redis as cache and broker): the confirmation
e-mails are queued in Redis for the Celery worker, which this benchmark does not run.

1. 1,000 registration attempts from 100 concurrent clients for one category of 300 seats:
   throughput, p50/p95 latency, the check that exactly 300 were confirmed with no 5xx, and
   the server's CPU (gunicorn + PostgreSQL + Redis) per registration.
2. 500 concurrent big-screen viewers polling the ceremony state partial once a second (with
   ETag revalidation, as browsers do) while the console advances: p50/p95 latency.

The clients are asyncio connections in a separate process, so they neither share the
interpreter lock with the benchmark nor cost more than a few percent of a core; the CPU
that the server, PostgreSQL, the clients and every other process on the machine used
during each phase is printed next to the figures, with the load average.

Nothing but the rush is timed: the users' sessions are created beforehand (no log-in, no
password hashing), gunicorn's workers have all booted, and each has served registrations
for a separate warm-up event (database and Redis connections open, code loaded), as on a
portal that has been running for a while.

Everything listens on 127.0.0.1 only; every loop is bounded in count and every request in
time. Run: .venv/bin/python bench/registration_rush.py
"""

import asyncio
import multiprocessing
import os
import secrets
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import services as test_services  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from cpu_meter import CpuMeter, cpu_lines, processes  # noqa: E402

WORKERS = 4
ATTEMPTS = 1_000
CLIENTS = 100
SEATS = 300
WARM_UP = 200  # registrations for a separate event before the timed phase
VIEWERS = 500
POLLS_PER_VIEWER = 10
CONSOLE_STEPS = 5
REQUEST_TIMEOUT = 30  # seconds, per request including the connection
PHASE_TIMEOUT = 600  # seconds, per load phase


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- Load generator (runs in a child process; no Django there) -------------------------------


class _Exchange(asyncio.Protocol):
    """Send one request and keep every byte of the answer until the server closes."""

    def __init__(self, raw: bytes):
        self.raw, self.chunks = raw, []
        self.answer = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        transport.write(self.raw)

    def data_received(self, data):
        self.chunks.append(data)

    def connection_lost(self, exc):
        if not self.answer.done():
            if exc is None:
                self.answer.set_result(b"".join(self.chunks))
            else:
                self.answer.set_exception(exc)


async def fetch(port: int, method: str, path: str, headers: dict, body: str = ""):
    """One request on a fresh connection, as gunicorn's sync workers close after each.

    A bare protocol rather than streams: the clients share the machine with the server, so
    each request should cost them as little CPU as possible.
    Returns (status, headers, seconds); status 0 when the connection failed or timed out.
    """
    payload = body.encode()
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if payload:
        lines.append(f"Content-Length: {len(payload)}")
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload
    started = time.perf_counter()
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(REQUEST_TIMEOUT):
            transport, exchange = await loop.create_connection(
                lambda: _Exchange(raw), "127.0.0.1", port
            )
            try:
                answer = await exchange.answer
            finally:
                transport.close()
        head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
    except (OSError, ValueError, IndexError, TimeoutError):
        return 0, {}, 0.0
    fields = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return status, fields, time.perf_counter() - started


def load_rush(port: int, path: str, body: str, cookies: list[str]) -> dict:
    """POST the register form once per cookie, CLIENTS requests in flight at a time."""
    csrf = secrets.token_hex(16)  # any 32-character secret works when cookie and header agree
    queue = list(cookies)
    results: list[tuple[int, float]] = []

    async def client():
        while queue:
            headers = {
                "Cookie": f"{queue.pop()}; csrftoken={csrf}",
                "X-CSRFToken": csrf,
                "Content-Type": "application/x-www-form-urlencoded",
            }
            status, _, elapsed = await fetch(port, "POST", path, headers, body)
            results.append((status, elapsed))

    async def run():
        await asyncio.gather(*(client() for _ in range(CLIENTS)))

    cpu = time.process_time()
    started = time.perf_counter()
    asyncio.run(run())
    return {
        "wall": time.perf_counter() - started,
        "results": results,
        "cpu": time.process_time() - cpu,
    }


def load_screen(port: int, path: str, start_at: float) -> dict:
    """VIEWERS screens, each polling once a second from ``start_at`` with its own ETag."""
    results: list[tuple[int, float]] = []

    async def viewer():
        etag = ""
        for _ in range(POLLS_PER_VIEWER):
            tick = time.perf_counter()
            status, headers, elapsed = await fetch(
                port, "GET", path, {"If-None-Match": etag} if etag else {}
            )
            etag = headers.get("ETag", etag)
            results.append((status, elapsed))
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - tick)))

    async def run():
        await asyncio.sleep(max(0.0, start_at - time.time()))
        await asyncio.gather(*(viewer() for _ in range(VIEWERS)))

    cpu = time.process_time()
    asyncio.run(run())
    return {
        "wall": time.time() - start_at,
        "results": results,
        "cpu": time.process_time() - cpu,
    }


def summary(results: list[tuple[int, float]]) -> dict:
    latencies = [elapsed for status, elapsed in results if status]
    return {
        "statuses": {s: sum(1 for r in results if r[0] == s) for s in {r[0] for r in results}},
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
    }


# --- Set-up -----------------------------------------------------------------------------------


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

    from events.models import AttendeeCategory, Ceremony, Event, EventMember, EventRole
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
    EventMember.objects.create(event=event, user=organizer, role=EventRole.CO_ORGANIZER)
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
    while asyncio.run(fetch(port, "GET", "/healthz", {}))[0] != 200:
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("gunicorn did not start")
        time.sleep(0.2)
    wait_for_workers(proc.pid)
    return proc


def wait_for_workers(server_pid: int, timeout: float = 60) -> None:
    """Return once all workers run and none is still booting (their CPU time stands still),
    so that no measured phase counts a worker's start-up."""
    deadline = time.monotonic() + timeout
    before = None
    while time.monotonic() < deadline:
        table = processes()
        workers = [row[1] for row in table.values() if row[0] == server_pid]
        now = (len(workers), sum(workers))
        if len(workers) >= WORKERS and now == before:
            return
        before = now
        time.sleep(0.5)
    raise RuntimeError("gunicorn's workers did not settle")


def warm_up(clients: ProcessPoolExecutor, port: int, event, cookies: list[str]) -> None:
    """Registrations for a separate event, so that every worker has served the rush's path
    (database and broker connections, code, translations) before it is timed."""
    from events.models import AttendeeCategory, Event

    warm = Event.objects.create(
        title="预热活动",
        status=event.status,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        venue=event.venue,
    )
    category = AttendeeCategory.objects.create(event=warm, name="预热", capacity=WARM_UP)
    load = clients.submit(
        load_rush, port, f"/events/{warm.pk}/register/", f"category={category.pk}", cookies
    ).result(timeout=PHASE_TIMEOUT)
    statuses = summary(load["results"])["statuses"]
    if statuses != {302: len(cookies)}:
        raise RuntimeError(f"warm-up failed: {statuses}")


def rush(clients: ProcessPoolExecutor, meter: CpuMeter, port: int, event, category, cookies):
    """1,000 POSTs to the register form from 100 concurrent clients."""
    meter.start()
    load = clients.submit(
        load_rush, port, f"/events/{event.pk}/register/", f"category={category.pk}", cookies
    ).result(timeout=PHASE_TIMEOUT)
    return {**summary(load["results"]), "wall": load["wall"], "cpu": meter.stop(load["cpu"])}


def viewers(clients: ProcessPoolExecutor, meter: CpuMeter, port: int, event, ceremony, organizer):
    """500 screens polling once a second with If-None-Match; the console steps meanwhile."""
    from events.services.ceremony import advance_ceremony

    meter.start()
    start_at = time.time() + 2  # time for the client process to be ready
    pending = clients.submit(
        load_screen, port, f"/events/{event.pk}/ceremony/screen/state", start_at
    )
    actions = ["start", "ribbon", "next_pair", "ribbon", "next_group"][:CONSOLE_STEPS]
    for step, action in enumerate(actions, start=1):
        time.sleep(max(0.0, start_at + step * POLLS_PER_VIEWER / (CONSOLE_STEPS + 1) - time.time()))
        advance_ceremony(ceremony, action, actor=organizer)
    load = pending.result(timeout=PHASE_TIMEOUT)
    return {
        **summary(load["results"]),
        "wall": load["wall"],
        "requests": len(load["results"]),
        "cpu": meter.stop(load["cpu"]),
    }


def main() -> int:
    with (
        test_services.postgres(max_connections=300) as database_url,
        test_services.redis() as redis_url,
        tempfile.TemporaryDirectory() as static_root,
        # A separate process: the clients must not share this interpreter's lock.
        ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as clients,
    ):
        env = configure_django(database_url, redis_url, static_root)
        from django.db.models import Count

        from events.models import Registration

        event, category, cookies, organizer, ceremony = prepare()
        port = test_services.free_port()
        server = start_gunicorn(env, port)
        meter = CpuMeter(server.pid, urlsplit(database_url).port, urlsplit(redis_url).port)
        try:
            warm_up(clients, port, event, cookies[:WARM_UP])
            result = rush(clients, meter, port, event, category, cookies)
            by_status = dict(
                Registration.objects.filter(category=category)
                .values_list("status")
                .annotate(n=Count("id"))
            )
            screen = viewers(clients, meter, port, event, ceremony, organizer)
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
    gunicorn_ms, database_ms = (
        result["cpu"]["used"][name] / ATTEMPTS * 1000 for name in ("server", "PostgreSQL")
    )
    redis_ms = result["cpu"]["used"]["Redis"] / ATTEMPTS * 1000
    print(
        f"  server CPU a registration  {gunicorn_ms + database_ms + redis_ms:.1f} ms: gunicorn "
        f"{gunicorn_ms:.1f}, PostgreSQL {database_ms:.1f}, Redis {redis_ms:.1f}"
    )
    print("\n".join(cpu_lines(result["cpu"])))
    print(f"big screen: {VIEWERS} viewers polling every 1 s, {CONSOLE_STEPS} console steps")
    print(f"  requests           {screen['requests']} in {screen['wall']:.1f} s")
    print(f"  HTTP statuses      {dict(sorted(screen['statuses'].items()))}")
    print(f"  latency p50 / p95  {screen['p50'] * 1000:.0f} ms / {screen['p95'] * 1000:.0f} ms")
    print("\n".join(cpu_lines(screen["cpu"])))
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
