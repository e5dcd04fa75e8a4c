"""Meeting scheduler: place accepted requests into (slot, table) pairs. Plain Python, no Django.

The problem: every accepted request (two people) takes at most one slot; in a slot a person
sits at most one table and a slot holds at most as many meetings as it has free tables; a
person takes no slot they marked unavailable and no more meetings than their cap; priority
requests count more. Locked meetings stay where they are and use up their slot, table and the
people's time. Tables within a slot are interchangeable, so the problem is "which requests go
into which slot"; tables are dealt out per slot afterwards (keeping a meeting's previous table
where it stays in the same slot, so a re-run moves as little as possible).

One integer programme over (request, slot) pairs has 240,000 binaries at Slush size (20,000
requests × 12 slots) and rows that are not totally unimodular, too slow to prove optimal in a
minute. We decompose it into three steps, each exact or cheap:

1. **Choose** which requests to place: a MILP over one binary per request (HiGHS through
   ``scipy.optimize.milp``) maximising the weighted count — priority requests weigh
   ``PRIORITY_WEIGHT``, and among equals a request between people with fewer requests weighs a
   little more, so more people get a meeting — under every person's cap (and their number of
   free slots) and the day's total of free tables.
2. **Slot** the chosen requests: a MILP over (chosen request, common free slot) binaries, with
   one row per request, per person and slot, and per slot's free tables. It is small (a few
   thousand requests, sparse conflicts) and solves at the root. When tables are plentiful
   and it would pass ``SLOT_MILP_MAX_PAIRS`` binaries, the fill below slots them instead.
3. **Fill**: what is left — chosen requests step 2 could not fit, and the rest in weight
   order — goes greedily into the earliest slot where both are free and a table is; the same
   routine places a late request on the day.

Every accepted request left out gets a stable reason code, computed from the final schedule:

* ``no_common_slot`` — no slot in which both people are available;
* ``cap`` — one side already has as many meetings as their cap;
* ``busy`` — in every slot both are free, one of them already has a meeting (of higher
  weight);
* ``tables_full`` — every slot both could attend is full.

``greedy_schedule`` is the first-come-first-served baseline: requests in the order they were
accepted, each into the earliest slot that fits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

PRIORITY_WEIGHT = 3.0
SPREAD_WEIGHT = 0.1
STAY_BONUS = 0.01
TIME_LIMIT = 20.0
# Above this many (request, slot) pairs step 2 is left to the fill: HiGHS's root LP alone
# then outlasts the minute (tables are plentiful, so first fit in weight order loses little).
SLOT_MILP_MAX_PAIRS = 60_000

NO_COMMON_SLOT, CAP, BUSY, TABLES_FULL = "no_common_slot", "cap", "busy", "tables_full"
REASONS = (NO_COMMON_SLOT, CAP, BUSY, TABLES_FULL)


@dataclass(frozen=True)
class Request:
    """An accepted request between people ``a`` and ``b``; ``order`` is its arrival rank."""

    id: str
    a: str
    b: str
    priority: bool = False
    order: int = 0


@dataclass
class Problem:
    """The day: slots in time order, tables in their order, requests and the fixed facts.

    ``locked`` and ``previous`` map a request id to its (slot, table): locked ones never move,
    previous ones keep their table when they stay in the same slot.
    """

    slots: Sequence[str]
    tables: Sequence[str]
    requests: Sequence[Request]
    unavailable: dict[str, set[str]] = field(default_factory=dict)
    caps: dict[str, int] = field(default_factory=dict)
    default_cap: int = 8
    locked: dict[str, tuple[str, str]] = field(default_factory=dict)
    previous: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Schedule:
    """Placed request id → (slot, table); unplaced request id → reason code."""

    placed: dict[str, tuple[str, str]]
    unplaced: dict[str, str]

    def placed_share(self) -> float:
        total = len(self.placed) + len(self.unplaced)
        return len(self.placed) / total if total else 0.0


class _Board:
    """Who sits where: people's busy slots, meetings per person, free tables per slot."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.slot_index = {slot: i for i, slot in enumerate(problem.slots)}
        self.busy: dict[str, set[int]] = defaultdict(set)
        self.count: dict[str, int] = defaultdict(int)
        self.used = [0] * len(problem.slots)
        self.blocked = {
            person: {self.slot_index[s] for s in slots if s in self.slot_index}
            for person, slots in problem.unavailable.items()
        }
        self.slot_of: dict[str, int] = {}

    def cap(self, person: str) -> int:
        return self.problem.caps.get(person, self.problem.default_cap)

    def free_for(self, person: str, s: int) -> bool:
        return s not in self.busy[person] and s not in self.blocked.get(person, ())

    def common(self, request: Request) -> list[int]:
        """Slots in which both people are available (busy or not)."""
        blocked = self.blocked.get(request.a, set()) | self.blocked.get(request.b, set())
        return [s for s in range(len(self.problem.slots)) if s not in blocked]

    def fits(self, request: Request, s: int) -> bool:
        return (
            self.used[s] < len(self.problem.tables)
            and self.free_for(request.a, s)
            and self.free_for(request.b, s)
        )

    def under_cap(self, request: Request) -> bool:
        return self.count[request.a] < self.cap(request.a) and self.count[request.b] < self.cap(
            request.b
        )

    def place(self, request: Request, s: int) -> None:
        self.busy[request.a].add(s)
        self.busy[request.b].add(s)
        self.count[request.a] += 1
        self.count[request.b] += 1
        self.used[s] += 1
        self.slot_of[request.id] = s

    def place_first_fit(self, request: Request) -> bool:
        if not self.under_cap(request):
            return False
        for s in self.common(request):
            if self.fits(request, s):
                self.place(request, s)
                return True
        return False

    def reason(self, request: Request) -> str:
        common = self.common(request)
        if not common:
            return NO_COMMON_SLOT
        if not self.under_cap(request):
            return CAP
        if all(self.used[s] >= len(self.problem.tables) for s in common):
            return TABLES_FULL
        return BUSY


def _weights(requests: Sequence[Request]) -> np.ndarray:
    degree: dict[str, int] = defaultdict(int)
    for r in requests:
        degree[r.a] += 1
        degree[r.b] += 1
    return np.array(
        [
            (PRIORITY_WEIGHT if r.priority else 1.0)
            + SPREAD_WEIGHT * (1 / degree[r.a] + 1 / degree[r.b]) / 2
            for r in requests
        ]
    )


def _solve(c, rows, cols, lower, upper, n_rows, n_vars, time_limit) -> np.ndarray | None:
    """Maximise c·x over binaries under lower ≤ A x ≤ upper; None when HiGHS found nothing."""
    if n_vars == 0:
        return np.zeros(0)
    matrix = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n_rows, n_vars))
    result = milp(
        c=-np.asarray(c),
        constraints=[LinearConstraint(matrix, lower, upper)] if n_rows else [],
        integrality=np.ones(n_vars),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "mip_rel_gap": 1e-3, "presolve": True},
    )
    return None if result.x is None else np.round(result.x).astype(bool)


def _choose(board: _Board, candidates: list[Request], weights, time_limit) -> list[int]:
    """Step 1: indices of the candidates to place, best total weight under caps and tables."""
    rows, cols, upper = [], [], []
    by_person: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(candidates):
        by_person[r.a].append(i)
        by_person[r.b].append(i)
    n_slots = len(board.problem.slots)
    for person, members in by_person.items():
        free = n_slots - len(board.busy[person] | board.blocked.get(person, set()))
        limit = min(board.cap(person) - board.count[person], free)
        if len(members) > limit:
            rows.extend([len(upper)] * len(members))
            cols.extend(members)
            upper.append(max(limit, 0))
    rows.extend([len(upper)] * len(candidates))
    cols.extend(range(len(candidates)))
    upper.append(sum(len(board.problem.tables) - used for used in board.used))
    x = _solve(
        weights, rows, cols, np.zeros(len(upper)), upper, len(upper), len(candidates), time_limit
    )
    if x is None:
        return sorted(range(len(candidates)), key=lambda i: -weights[i])
    return [i for i in np.flatnonzero(x)]


def _slot(board: _Board, chosen: list[Request], weights, time_limit) -> list[Request]:
    """Step 2: put the chosen requests into slots; returns those that did not fit."""
    pairs: list[tuple[int, int]] = []
    for i, r in enumerate(chosen):
        pairs.extend((i, s) for s in board.common(r) if board.fits(r, s))
    if len(pairs) > SLOT_MILP_MAX_PAIRS:
        return sorted(chosen, key=lambda r: (-(PRIORITY_WEIGHT if r.priority else 1.0), r.order))
    previous = board.problem.previous
    c = [
        weights[i]
        + (STAY_BONUS if previous.get(chosen[i].id, ("",))[0] == board.problem.slots[s] else 0)
        for i, s in pairs
    ]
    rows, cols, upper = [], [], []
    groups: dict[tuple, list[int]] = defaultdict(list)
    for k, (i, s) in enumerate(pairs):
        groups[("r", i)].append(k)
        groups[("p", chosen[i].a, s)].append(k)
        groups[("p", chosen[i].b, s)].append(k)
        groups[("s", s)].append(k)
    for key, members in groups.items():
        limit = len(board.problem.tables) - board.used[key[1]] if key[0] == "s" else 1
        if len(members) > limit:
            rows.extend([len(upper)] * len(members))
            cols.extend(members)
            upper.append(limit)
    x = _solve(c, rows, cols, np.zeros(len(upper)), upper, len(upper), len(pairs), time_limit)
    done: set[int] = set()
    if x is not None:
        for k in np.flatnonzero(x):
            i, s = pairs[k]
            if i not in done and board.fits(chosen[i], s) and board.under_cap(chosen[i]):
                board.place(chosen[i], s)
                done.add(i)
    return [r for i, r in enumerate(chosen) if i not in done]


def _deal_tables(board: _Board, problem: Problem) -> dict[str, tuple[str, str]]:
    """Tables per slot: locked ones first, then previous tables, then in table order."""
    taken: dict[int, set[str]] = defaultdict(set)
    placed: dict[str, tuple[str, str]] = {}
    for request_id, (slot, table) in problem.locked.items():
        taken[board.slot_index[slot]].add(table)
        placed[request_id] = (slot, table)
    waiting: dict[int, list[str]] = defaultdict(list)
    for request_id, s in board.slot_of.items():
        if request_id in placed:
            continue
        slot, table = problem.previous.get(request_id, ("", ""))
        if slot == problem.slots[s] and table and table not in taken[s]:
            taken[s].add(table)
            placed[request_id] = (slot, table)
        else:
            waiting[s].append(request_id)
    for s, request_ids in waiting.items():
        free = (t for t in problem.tables if t not in taken[s])
        for request_id, table in zip(request_ids, free, strict=False):
            placed[request_id] = (problem.slots[s], table)
    return placed


def _start(problem: Problem) -> tuple[_Board, list[Request]]:
    board = _Board(problem)
    by_id = {r.id: r for r in problem.requests}
    for request_id, (slot, _table) in problem.locked.items():
        if request_id in by_id:
            board.place(by_id[request_id], board.slot_index[slot])
    free = [r for r in problem.requests if r.id not in problem.locked]
    return board, free


def _finish(board: _Board, problem: Problem, free: Iterable[Request]) -> Schedule:
    placed = _deal_tables(board, problem)
    unplaced = {r.id: board.reason(r) for r in free if r.id not in placed}
    return Schedule(placed=placed, unplaced=unplaced)


def solve_schedule(problem: Problem, *, time_limit: float = TIME_LIMIT) -> Schedule:
    """The globally chosen schedule (module docstring), locked meetings kept in place."""
    board, free = _start(problem)
    weights = _weights(free)
    placeable = [i for i, r in enumerate(free) if board.common(r)]
    candidates = [free[i] for i in placeable]
    candidate_weights = weights[placeable]
    chosen_idx = _choose(board, candidates, candidate_weights, time_limit)
    chosen = [candidates[i] for i in chosen_idx]
    left = _slot(board, chosen, candidate_weights[chosen_idx], time_limit)
    chosen_ids = {r.id for r in chosen}
    rest = left + sorted(
        (r for r in candidates if r.id not in chosen_ids),
        key=lambda r: (-(PRIORITY_WEIGHT if r.priority else 1.0), r.order),
    )
    for request in rest:
        board.place_first_fit(request)
    return _finish(board, problem, free)


def greedy_schedule(problem: Problem) -> Schedule:
    """First come, first served: each request in arrival order into the earliest free slot."""
    board, free = _start(problem)
    for request in sorted(free, key=lambda r: r.order):
        board.place_first_fit(request)
    return _finish(board, problem, free)


def place_late(problem: Problem, request: Request, *, from_slot: int = 0) -> tuple[str, str] | None:
    """A late request's (slot, table): the earliest slot from ``from_slot`` on where both are
    free and a table is, around every placed meeting of ``problem.locked``; None if none."""
    board, _free = _start(problem)
    if not board.under_cap(request):
        return None
    taken: dict[int, set[str]] = defaultdict(set)
    for slot, table in problem.locked.values():
        taken[board.slot_index[slot]].add(table)
    for s in board.common(request):
        if s >= from_slot and board.fits(request, s):
            table = next(t for t in problem.tables if t not in taken[s])
            return problem.slots[s], table
    return None


def double_bookings(problem: Problem, schedule: Schedule) -> int:
    """How many (person, slot) or (table, slot) pairs hold more than one meeting."""
    by_id = {r.id: r for r in problem.requests}
    seats: dict[tuple, int] = defaultdict(int)
    for request_id, (slot, table) in schedule.placed.items():
        request = by_id[request_id]
        for key in (("p", request.a, slot), ("p", request.b, slot), ("t", table, slot)):
            seats[key] += 1
    return sum(1 for n in seats.values() if n > 1)
