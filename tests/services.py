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
            f"-c max_connections={max_connections}"
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
