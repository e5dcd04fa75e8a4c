"""Meeting scheduler at Slush size: 8,800 participants, 20,000 accepted requests, 12 slots ×
400 tables. Prints the time, the share placed, priority requests placed and people with at
least one meeting, for the global scheduler and the first-come-first-served greedy placement
on the same data, and asserts 0 double bookings and ≤ 60 s.

Run from the project root: .venv/bin/python bench/meeting_schedule.py
"""

import os
import random
import sys
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from events.meetings.scheduling import (
    Problem,
    Request,
    double_bookings,
    greedy_schedule,
    solve_schedule,
)

PEOPLE = int(os.environ.get("BENCH_PEOPLE", "8800"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20000"))
SLOTS, TABLES = 12, int(os.environ.get("BENCH_TABLES", "400"))
LIMIT = 60.0


def make_problem(seed: int = 2026) -> Problem:
    """People with skewed popularity (a few are asked by hundreds), 10 % priority requests,
    a quarter of the people away for 1–4 slots, caps of 4–12 meetings."""
    rng = random.Random(seed)
    people = [f"p{i}" for i in range(PEOPLE)]
    popularity = [1 / (i + 10) ** 0.8 for i in range(PEOPLE)]
    pairs: set[tuple[str, str]] = set()
    requests = []
    while len(requests) < REQUESTS:
        a = rng.choice(people)
        b = rng.choices(people, weights=popularity)[0] if rng.random() < 0.7 else rng.choice(people)
        if a == b or (a, b) in pairs or (b, a) in pairs:
            continue
        pairs.add((a, b))
        requests.append(Request(f"r{len(requests)}", a, b, rng.random() < 0.1, order=len(requests)))
    slots = [f"s{i}" for i in range(SLOTS)]
    unavailable = {
        p: set(rng.sample(slots, rng.randint(1, 4))) for p in people if rng.random() < 0.25
    }
    caps = {p: rng.choice((4, 6, 8, 8, 10, 12)) for p in people}
    tables = [f"t{i}" for i in range(TABLES)]
    return Problem(slots, tables, requests, unavailable=unavailable, caps=caps)


def figures(problem: Problem, schedule) -> dict:
    by_id = {r.id: r for r in problem.requests}
    priority = [r for r in problem.requests if r.priority]
    met = {p for rid in schedule.placed for p in (by_id[rid].a, by_id[rid].b)}
    return {
        "placed": len(schedule.placed),
        "share": len(schedule.placed) / len(problem.requests),
        "priority": sum(1 for r in priority if r.id in schedule.placed) / len(priority),
        "people": len(met),
        "double": double_bookings(problem, schedule),
        "reasons": dict(Counter(schedule.unplaced.values())),
    }


def main() -> None:
    problem = make_problem()
    print(
        f"{PEOPLE} participants, {len(problem.requests)} accepted requests, "
        f"{SLOTS} slots × {TABLES} tables = {SLOTS * TABLES} table-slots"
    )
    for name, run in (("global", solve_schedule), ("greedy FCFS", greedy_schedule)):
        started = time.perf_counter()
        schedule = run(problem)
        seconds = time.perf_counter() - started
        f = figures(problem, schedule)
        print(
            f"{name:12} {seconds:6.1f} s  placed {f['placed']:5} ({f['share']:.1%})  "
            f"priority placed {f['priority']:.1%}  people with a meeting {f['people']}  "
            f"double bookings {f['double']}  unplaced {f['reasons']}"
        )
        assert f["double"] == 0, "double booking"
        if name == "global":
            assert seconds <= LIMIT, f"took {seconds:.1f} s"
    print("OK: 0 double bookings")


if __name__ == "__main__":
    main()
