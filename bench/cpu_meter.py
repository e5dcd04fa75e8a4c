"""CPU seconds used during a benchmark phase, per process group, read from Linux /proc.

The benchmarks share a 2-core machine with other work, so each phase reports what the server,
PostgreSQL, Redis, the load generator, the benchmark itself and every other process used.
"""

import os
import time


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    with open("/proc/stat") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:]]
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]
    return (sum(ticks) - idle) / hz, sum(ticks) / hz


def processes() -> dict[int, tuple[int, float, str]]:
    """pid -> (parent pid, CPU seconds used so far, command line) for every process."""
    hz = os.sysconf("SC_CLK_TCK")
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # the process ended meanwhile
        table[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / hz, command)
    return table


def tree(table: dict, roots: set[int]) -> set[int]:
    """The given processes and all their descendants."""
    found, frontier = set(), set(roots)
    while frontier:
        found |= frontier
        frontier = {pid for pid, row in table.items() if row[0] in frontier} - found
    return found


class CpuMeter:
    """CPU seconds used during a phase by the server, PostgreSQL, Redis, the load generator,
    this script, and every other process on the machine (other people's work included).

    A process that ends during the phase is counted under "other processes".
    """

    def __init__(self, server_pid: int, database_port: int, redis_port: int):
        table = processes()
        self.groups = {
            "server": tree(table, {server_pid}),
            "PostgreSQL": tree(
                table,
                {pid for pid, row in table.items() if f" -p {database_port} " in row[2]},
            ),
            "Redis": {pid for pid, row in table.items() if f"127.0.0.1:{redis_port}" in row[2]},
        }

    def start(self) -> None:
        self.before = processes(), machine_cpu(), os.getloadavg()[0], time.process_time()

    def stop(self, load_generator_cpu: float) -> dict:
        table, (busy, total), load = processes(), machine_cpu(), os.getloadavg()[0]
        before, (busy0, total0), load0, script0 = self.before
        used = {}
        for name, pids in self.groups.items():
            pids = tree(table, pids)  # PostgreSQL backends started during the phase count too
            used[name] = sum(table[p][1] - before.get(p, (0, 0.0))[1] for p in pids if p in table)
        used["load generator"] = load_generator_cpu
        used["this script"] = time.process_time() - script0
        used["other processes"] = max(0.0, (busy - busy0) - sum(used.values()))
        return {"used": used, "capacity": total - total0, "load": (load0, load)}


def cpu_lines(cpu: dict) -> list[str]:
    parts = ", ".join(f"{name} {seconds:.1f}" for name, seconds in cpu["used"].items())
    return [
        f"  CPU seconds        {parts} (of {cpu['capacity']:.0f} on {os.cpu_count()} cores)",
        f"  load average (1 min) before / after  {cpu['load'][0]:.2f} / {cpu['load'][1]:.2f}",
    ]
