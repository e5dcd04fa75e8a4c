"""1,000 audience phones on the ceremony: pushed through Pushpin, then polled for comparison.

Production settings (DEBUG off, PostgreSQL, Redis) with gunicorn behind a throwaway Pushpin:

1. 1,000 concurrent Server-Sent Events connections to ``/events/<id>/ceremony/stream`` held
   for 60 s while the console makes 5 steps: for every step, the delay until each client
   received it (p50, p95, max), clients that missed a step, errors; the CPU the server used
   while the ceremony was idle (no step for 8 s) and over the whole minute.
2. The same audience polling the state partial every 2 s with ETags (the old page), 30 s and
   3 steps, straight to gunicorn: the delay until each client saw each step, and the CPU.

The clients are asyncio connections in a separate process. Everything listens on 127.0.0.1.
Run: .venv/bin/python bench/audience_stream.py
"""

import asyncio
import multiprocessing
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cpu_meter import CpuMeter, cpu_lines  # noqa: E402
from registration_rush import (  # noqa: E402
    configure_django,
    fetch,
    percentile,
    prepare,
    start_gunicorn,
)

from tests import services as test_services  # noqa: E402

CLIENTS = 1_000
OPENING_AT_ONCE = 100  # connections opened in parallel while the audience arrives
HOLD_SECONDS = 60
STEPS = ["start", "ribbon", "next_pair", "ribbon", "next_pair"]
POLL_EVERY = 2.0
POLL_SECONDS = 30
POLL_STEPS = ["ribbon", "next_group", "ribbon"]
IDLE_WINDOW = 8.0
TAG = re.compile(r"c\d+-v\d+-s\d+")  # a state's version tag, as in events.queries.screen_tag


# --- Load generator (a child process; no Django there) ---------------------------------------


async def listen(port: int, path: str, state: dict, seen: list, errors: list, opened):
    """One phone: hold the stream until the watcher closes it, noting when each event id
    arrived."""
    writer = None
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port), timeout=30
        )
        state["writers"].append(writer)
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        writer.write(request.encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=30)
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            errors.append(head.split(b"\r\n", 1)[0].decode())
            return
        opened()
        while True:
            line = await reader.readline()
            if not line:
                if not state["stopping"]:
                    errors.append("closed by the server")
                return
            if line.startswith(b"id: "):
                seen.append((line[4:].strip().decode(), time.time()))
    except (OSError, TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as error:
        if not state["stopping"]:
            errors.append(type(error).__name__)
    finally:
        if writer is not None:
            writer.close()


def stream_clients(port: int, path: str, stop, ready) -> dict:
    """CLIENTS streams, opened OPENING_AT_ONCE at a time, held until ``stop`` is set."""
    seen = [[] for _ in range(CLIENTS)]
    errors: list[str] = []
    count = [0]
    settled = [0]  # clients that opened their stream or failed to
    state = {"stopping": False, "writers": []}

    def opened():
        count[0] += 1

    async def run():
        gate = asyncio.Semaphore(OPENING_AT_ONCE)

        async def one(index):
            await gate.acquire()
            released = []

            def free():
                if not released:
                    released.append(True)
                    gate.release()
                    settled[0] += 1
                    if settled[0] == CLIENTS:
                        ready.set()

            def on_open():
                free()
                opened()

            try:
                await listen(port, path, state, seen[index], errors, on_open)
            finally:
                free()

        async def watcher():
            # One check of the stop flag for all the phones; closing them ends their reads.
            while not stop.is_set():
                await asyncio.sleep(0.5)
            state["stopping"] = True
            for writer in state["writers"]:
                writer.close()

        await asyncio.gather(watcher(), *(one(i) for i in range(CLIENTS)))

    cpu = time.process_time()
    asyncio.run(run())
    ready.set()
    return {"seen": seen, "errors": errors, "opened": count[0], "cpu": time.process_time() - cpu}


def polling_clients(port: int, path: str, stop, ready) -> dict:
    """CLIENTS pages polling every POLL_EVERY s with If-None-Match; (time, ETag) of each 200."""
    seen = [[] for _ in range(CLIENTS)]
    errors: list[str] = []

    async def page(index):
        etag = ""
        await asyncio.sleep(POLL_EVERY * index / CLIENTS)  # pages opened at different moments
        while not stop.is_set():
            tick = time.time()
            status, headers, _ = await fetch(
                port, "GET", path, {"If-None-Match": etag} if etag else {}
            )
            if status == 200:
                etag = headers.get("ETag", etag)
                seen[index].append((etag, time.time()))
            elif status != 304:
                errors.append(str(status))
            await asyncio.sleep(max(0.0, POLL_EVERY - (time.time() - tick)))

    async def run():
        ready.set()
        await asyncio.gather(*(page(i) for i in range(CLIENTS)))

    cpu = time.process_time()
    asyncio.run(run())
    return {"seen": seen, "errors": errors, "cpu": time.process_time() - cpu}


def child(target, args, ready, results):
    results.put(target(*args, ready))


# --- The benchmark ---------------------------------------------------------------------------


def delays(steps: list[tuple[str, float]], seen: list[list[tuple[str, float]]]):
    """For each step (tag, time made), each client's delay until it had that tag or a later
    one; a client that never got there counts as missing."""
    values, missing = [], 0
    for index, (_tag, made) in enumerate(steps):
        later_tags = {tag for tag, _ in steps[index:]}
        for client in seen:
            arrived = [at for tag, at in client if tag in later_tags and at >= made - 0.001]
            if arrived:
                values.append(min(arrived) - made)
            else:
                missing += 1
    return values, missing


def measure(kind: str, port: int, path: str, seconds: float, actions, ceremony, organizer, meter):
    from events.queries import screen_tag, screen_version
    from events.services.ceremony import advance_ceremony

    context = multiprocessing.get_context("spawn")
    ready, stop, results = context.Event(), context.Event(), context.Queue()
    target = stream_clients if kind == "stream" else polling_clients
    opened_by = time.time()
    process = context.Process(target=child, args=(target, (port, path, stop), ready, results))
    process.start()
    ready.wait(timeout=300)
    opened_in = time.time() - opened_by
    start = time.time()
    meter.start()
    time.sleep(IDLE_WINDOW)
    idle = meter.stop(0.0)
    spacing = (seconds - IDLE_WINDOW - 5) / len(actions)
    steps = []
    for number, action in enumerate(actions):
        time.sleep(max(0.0, start + IDLE_WINDOW + number * spacing - time.time()))
        made = time.time()
        advance_ceremony(ceremony, action, actor=organizer)
        steps.append((screen_tag(screen_version(ceremony.event_id)), made))
    time.sleep(max(0.0, start + seconds - time.time()))
    whole = meter.stop(0.0)
    stop.set()
    result = results.get(timeout=120)
    process.join(timeout=30)
    if kind == "poll":
        # A page has a step once its ETag names that step's tag (the tag, then the language).
        result["seen"] = [
            [
                (TAG.match(etag.strip('"')).group(0), at)
                for etag, at in client
                if TAG.match(etag.strip('"'))
            ]
            for client in result["seen"]
        ]
    values, missing = delays(steps, result["seen"])
    return {
        "values": values,
        "missing": missing,
        "errors": result["errors"],
        "opened": result.get("opened", CLIENTS),
        "opened_in": opened_in,
        "idle": idle,
        "whole": whole,
        "client_cpu": result["cpu"],
        "seconds": seconds,
        "steps": len(actions),
    }


def report(title: str, figures: dict) -> bool:
    values = figures["values"]
    print(title, flush=True)
    print(f"  clients connected  {figures['opened']} of {CLIENTS} in {figures['opened_in']:.1f} s")
    if values:
        print(
            f"  delay to each client  p50 {percentile(values, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(values, 0.95) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms "
            f"({len(values)} deliveries of {figures['steps']} steps)"
        )
    print(f"  missed deliveries  {figures['missing']}, errors {len(figures['errors'])}")
    if figures["errors"]:
        print(f"  first errors       {figures['errors'][:5]}")
    server_idle = figures["idle"]["used"]["server"] / IDLE_WINDOW * 100
    print(f"  server CPU idle    {server_idle:.1f} % of one core (no step for {IDLE_WINDOW:.0f} s)")
    print(f"  load generator CPU {figures['client_cpu']:.1f} s (its own process)")
    print("  whole phase:")
    print("\n".join(cpu_lines(figures["whole"])), flush=True)
    return (
        figures["opened"] == CLIENTS
        and figures["missing"] == 0
        and not figures["errors"]
        and bool(values)
        and max(values) <= 1.0
    )


def main() -> int:
    with (
        test_services.postgres(max_connections=300) as database_url,
        test_services.redis() as redis_url,
        tempfile.TemporaryDirectory() as static_root,
    ):
        port = test_services.free_port()
        with test_services.pushpin(f"127.0.0.1:{port}") as pushpin:
            os.environ["PUSHPIN_PUBLISH_URLS"] = pushpin.publish_url
            env = configure_django(database_url, redis_url, static_root)
            event, _category, _cookies, organizer, ceremony = prepare()
            server = start_gunicorn(env, port)
            meter = CpuMeter(server.pid, urlsplit(database_url).port, urlsplit(redis_url).port)
            push_port = int(pushpin.address.rsplit(":", 1)[1])
            meter.groups["Pushpin"] = {proc.pid for proc in pushpin.procs}
            try:
                stream = measure(
                    "stream",
                    push_port,
                    f"/events/{event.pk}/ceremony/stream",
                    HOLD_SECONDS,
                    STEPS,
                    ceremony,
                    organizer,
                    meter,
                )
                ok = report(
                    f"audience stream: {CLIENTS} SSE connections through Pushpin for "
                    f"{HOLD_SECONDS} s, {len(STEPS)} console steps (gunicorn 4 workers, "
                    "PostgreSQL, Redis)",
                    stream,
                )
                poll = measure(
                    "poll",
                    port,
                    f"/events/{event.pk}/ceremony/live/state",
                    POLL_SECONDS,
                    POLL_STEPS,
                    ceremony,
                    organizer,
                    meter,
                )
                report(
                    f"audience polling (comparison): {CLIENTS} pages polling every "
                    f"{POLL_EVERY:.0f} s with ETags for {POLL_SECONDS} s, "
                    f"{len(POLL_STEPS)} console steps, straight to gunicorn",
                    poll,
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
