"""Throwaway PostgreSQL and Redis servers on free loopback ports, for tests and benchmarks.

Each context manager starts a private server with its data in a temporary directory and
removes both on exit. Nothing listens beyond 127.0.0.1.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path(os.environ.get("TB_CHROMIUM", "/usr/bin/chromium"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    """The bin directory of the newest installed PostgreSQL 15+, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def redis_bin() -> str | None:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )


def _as_postgres_user(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextlib.contextmanager
def postgres(max_connections: int = 300) -> Iterator[str]:
    """Run a throwaway PostgreSQL server; yield its URL (database ``postgres``)."""
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed")
    root = Path(tempfile.mkdtemp(prefix="tb-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    try:
        subprocess.run(
            _as_postgres_user(
                [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
                + ["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={data} "
            f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            f"-c max_connections={max_connections} "
            # Tests roll their rows back, so autovacuum would analyze the tables as empty and
            # the planner would then join the next test's thousands of uncommitted demo rows
            # as if each table held one (a seeded demo's query ran for minutes). Never-analyzed
            # tables are planned from their real size.
            f"-c autovacuum=off"
        )
        subprocess.run(
            _as_postgres_user(
                [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log")]
                + ["-w", "-t", "60", "-o", options, "start"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        url = f"postgres://postgres@127.0.0.1:{port}/postgres"
        _postgres_servers[url] = (bindir, data, options, env)
        yield url
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w"])
                + ["stop"],
                stdout=subprocess.DEVNULL,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def redis(persistent: bool = False) -> Iterator[str]:
    """Run a throwaway Redis server; yield its URL. Only a ``persistent`` one keeps its data
    (append-only file, as in production) across :func:`stop_redis` and :func:`start_redis`."""
    binary = redis_bin()
    if binary is None:
        raise RuntimeError("redis-server is not installed")
    root = Path(tempfile.mkdtemp(prefix="tb-redis-"))
    port = free_port()
    url = f"redis://127.0.0.1:{port}"
    command = [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
    command += ["--appendonly", "yes" if persistent else "no", "--dir", str(root)]
    command += ["--logfile", str(root / "redis.log")]
    _redis_servers[url] = (command, None)
    try:
        start_redis(url)
        yield url
    finally:
        stop_redis(url)
        del _redis_servers[url]
        shutil.rmtree(root, ignore_errors=True)


def pushpin_bin() -> str | None:
    return shutil.which("pushpin") or (
        "/usr/bin/pushpin" if Path("/usr/bin/pushpin").exists() else None
    )


def _free_port_block(width: int) -> int:
    """A port with ``width - 1`` free ports after it."""
    for _ in range(50):
        start = free_port()
        try:
            with contextlib.ExitStack() as stack:
                for port in range(start, start + width):
                    sock = stack.enter_context(socket.socket())
                    sock.bind(("127.0.0.1", port))
            return start
        except OSError:
            continue
    raise RuntimeError("no block of free ports")


def _pushpin_probe(port: int) -> int | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


class Pushpin:
    """A throwaway Pushpin (with its own zurl) in front of ``backend`` ("host:port"):
    ``address`` is where clients connect, ``publish_url`` where updates are published.
    ``stop()`` cuts every held connection; ``start()`` brings it back on the same ports."""

    def __init__(self, backend: str):
        self.binary = pushpin_bin()
        if self.binary is None:
            raise RuntimeError("pushpin is not installed")
        self.root = Path(tempfile.mkdtemp(prefix="tb-pushpin-"))
        self.http_port = free_port()
        # Pushpin's internal ports (5560-5563) and its publish port (5561) move by this offset.
        offset = _free_port_block(4) - 5560
        self.address = f"127.0.0.1:{self.http_port}"
        self.publish_url = f"http://127.0.0.1:{5561 + offset}"
        self.procs: list[subprocess.Popen] = []
        self._configure(backend, offset)

    def _configure(self, backend: str, offset: int) -> None:
        root = self.root
        settings = {
            "rundir": str(root),
            "ipc_prefix": f"tb-{self.http_port}-",
            "port_offset": str(offset),
            "http_port": str(self.http_port),
            "logdir": str(root),
        }
        # Pushpin reaches the backend through zurl, which Debian runs as a system service;
        # this one gets its own zurl on sockets in the temporary directory.
        zurl = {
            "in_spec": f"ipc://{root}/zurl-in",
            "in_stream_spec": f"ipc://{root}/zurl-in-stream",
            "out_spec": f"ipc://{root}/zurl-out",
            "in_req_spec": f"ipc://{root}/zurl-req",
        }
        lines = []
        for line in Path("/etc/pushpin/pushpin.conf").read_text().splitlines():
            name = line.split("=", 1)[0]
            lines.append(f"{name}={settings[name]}" if name in settings else line)
            if line == "[proxy]":
                lines += [
                    f"zurl_out_specs={zurl['in_spec']}",
                    f"zurl_out_stream_specs={zurl['in_stream_spec']}",
                    f"zurl_in_specs={zurl['out_spec']}",
                ]
        (root / "pushpin.conf").write_text("\n".join(lines) + "\n")
        (root / "routes").write_text(f"* {backend}\n")
        zurl_lines = ["[General]", *(f"{k}={v}" for k, v in zurl.items()), "defpolicy=allow"]
        # Room for a thousand streams opening at once (the audience benchmark).
        zurl_lines += ["max_open_requests=5000", "in_hwm=5000", "out_hwm=5000"]
        (root / "zurl.conf").write_text("\n".join(zurl_lines) + "\n")

    def start(self) -> None:
        root = self.root
        self.procs = [
            subprocess.Popen(
                ["zurl", f"--config={root / 'zurl.conf'}", f"--logfile={root / 'zurl.log'}"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
            subprocess.Popen(
                [self.binary, "--config", str(root / "pushpin.conf")]
                + ["--logfile", str(root / "pushpin.log")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        deadline = time.monotonic() + 20
        # Ready when a request makes the round trip (Pushpin answers 500 until its parts talk).
        while _pushpin_probe(self.http_port) in (None, 500):
            if time.monotonic() > deadline or self.procs[1].poll() is not None:
                self.stop()
                raise RuntimeError(f"pushpin did not start on port {self.http_port}")
            time.sleep(0.2)

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs = []


@contextlib.contextmanager
def pushpin(backend: str) -> Iterator[Pushpin]:
    """Run a throwaway Pushpin in front of ``backend``; remove it and its files on exit."""
    server = Pushpin(backend)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


# --- Outages on purpose: the fault tests stop and start the servers above ----------------------

_postgres_servers: dict[str, tuple] = {}
_redis_servers: dict[str, tuple[list[str], subprocess.Popen | None]] = {}


def _redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(url: str) -> None:
    """Start (again) the throwaway Redis server of ``url`` on its port; wait until it answers."""
    command, _ = _redis_servers[url]
    port = int(url.rsplit(":", 1)[1])
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _redis_servers[url] = (command, proc)
    deadline = time.monotonic() + 10
    while not _redis_answers(port):
        if time.monotonic() > deadline or proc.poll() is not None:
            raise RuntimeError(f"redis-server did not start on port {port}")
        time.sleep(0.05)


def stop_redis(url: str) -> None:
    """Stop the throwaway Redis server of ``url`` (its data, kept in memory only, is lost)."""
    command, proc = _redis_servers[url]
    if proc is None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    _redis_servers[url] = (command, None)


def restart_postgres(url: str) -> float:
    """Restart the throwaway PostgreSQL of ``url`` with a fast shutdown (every session is
    cut); return how many seconds it was away."""
    bindir, data, options, env = _postgres_servers[url]
    started = time.monotonic()
    subprocess.run(
        _as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w"])
        + ["-o", options, "restart"],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    return time.monotonic() - started
