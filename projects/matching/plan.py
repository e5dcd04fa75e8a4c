"""Pairing plan: choose expert–item pairs that maximise the total score under capacities.

The problem is a bipartite b-matching: each expert takes at most its capacity, each item at
most its slots, each (expert, item) pair at most once.  A capacity-expanded
``linear_sum_assignment`` cannot forbid the same pair twice (two copies of an expert landing on
two slots of one item), so ``plan_pairings`` solves the integer programme directly with
``scipy.optimize.milp`` (HiGHS).  Its constraint matrix is an incidence matrix of a bipartite
graph, hence totally unimodular: the solve is exact and as fast as the LP.

``greedy_pairings`` is the best-first baseline (what a person does with a sorted spreadsheet);
the tests show a case where it loses to the optimum.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

Pair = tuple[str, str]


@dataclass(frozen=True)
class Plan:
    """A set of (expert_id, item_id, score) pairs, best first, and their total score."""

    pairs: list[tuple[str, str, float]]
    total: float


def scores_from_matrix(
    matrix: Sequence[Sequence[float]] | np.ndarray,
    expert_ids: Sequence[str],
    item_ids: Sequence[str],
) -> dict[Pair, float]:
    """Return the pair → score mapping of a dense experts × items score matrix."""
    arr = np.asarray(matrix, dtype=float)
    if arr.shape != (len(expert_ids), len(item_ids)):
        raise ValueError(f"matrix shape {arr.shape} != ({len(expert_ids)}, {len(item_ids)})")
    return {
        (e, it): float(arr[r, c]) for r, e in enumerate(expert_ids) for c, it in enumerate(item_ids)
    }


def _prepare(
    scores: Mapping[Pair, float],
    expert_capacity: Mapping[str, int],
    item_slots: Mapping[str, int],
    locked: Iterable[Pair],
    ruled_out: Iterable[Pair],
    min_score: float,
) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, float]], dict, dict]:
    """Validate the locked pairs and return (locked, candidates, capacity left, slots left)."""
    banned = set(ruled_out)
    locked_list = list(dict.fromkeys(locked))  # de-duplicated, order kept
    cap_left = dict(expert_capacity)
    slots_left = dict(item_slots)
    fixed: list[tuple[str, str, float]] = []
    for e, it in locked_list:
        if (e, it) in banned:
            raise ValueError(f"pair ({e}, {it}) is both locked and ruled out")
        cap_left[e] = cap_left.get(e, 1) - 1
        slots_left[it] = slots_left.get(it, 1) - 1
        if cap_left[e] < 0:
            raise ValueError(f"locked pairs exceed the capacity of expert {e}")
        if slots_left[it] < 0:
            raise ValueError(f"locked pairs exceed the slots of item {it}")
        fixed.append((e, it, float(scores.get((e, it), 0.0))))
    taken = set(locked_list)
    candidates = [
        (e, it, float(s))
        for (e, it), s in scores.items()
        # A pair scoring 0 or less can only lower the total, so it is never worth a slot.
        if s > 0 and s >= min_score and (e, it) not in banned and (e, it) not in taken
    ]
    candidates.sort(key=lambda p: (-p[2], p[0], p[1]))
    return fixed, candidates, cap_left, slots_left


def _finish(pairs: list[tuple[str, str, float]]) -> Plan:
    pairs = sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))
    return Plan(pairs=pairs, total=float(sum(p[2] for p in pairs)))


def plan_pairings(
    scores: Mapping[Pair, float],
    expert_capacity: Mapping[str, int],
    item_slots: Mapping[str, int],
    locked: Iterable[Pair] = (),
    ruled_out: Iterable[Pair] = (),
    min_score: float = 0.0,
) -> Plan:
    """Return the plan of maximum total score that respects capacities, slots and constraints.

    Every locked pair is in the plan (whatever its score; raises ``ValueError`` if the locked
    pairs alone break a capacity or a slot count, or one is also ruled out); no ruled-out pair
    is.  Other pairs are drawn from ``scores`` if they score at least ``min_score`` and more
    than 0.  An expert or item missing from the capacity maps counts as 1.
    """
    fixed, candidates, cap_left, slots_left = _prepare(
        scores, expert_capacity, item_slots, locked, ruled_out, min_score
    )
    candidates = [
        c for c in candidates if cap_left.get(c[0], 1) > 0 and slots_left.get(c[1], 1) > 0
    ]
    if not candidates:
        return _finish(fixed)
    experts = sorted({c[0] for c in candidates})
    items = sorted({c[1] for c in candidates})
    e_row = {e: r for r, e in enumerate(experts)}
    i_row = {it: len(experts) + r for r, it in enumerate(items)}
    n = len(candidates)
    rows = np.empty(2 * n, dtype=np.int64)
    rows[:n] = [e_row[c[0]] for c in candidates]
    rows[n:] = [i_row[c[1]] for c in candidates]
    cols = np.concatenate([np.arange(n), np.arange(n)])
    incidence = sp.csr_matrix((np.ones(2 * n), (rows, cols)), shape=(len(experts) + len(items), n))
    upper = np.array(
        [cap_left.get(e, 1) for e in experts] + [slots_left.get(it, 1) for it in items],
        dtype=float,
    )
    weights = np.array([c[2] for c in candidates])
    result = milp(
        c=-weights,  # milp minimises
        constraints=LinearConstraint(incidence, -np.inf, upper),
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
    )
    if result.x is None:  # pragma: no cover - x = 0 is always feasible
        raise RuntimeError(f"pairing solver failed: {result.message}")
    chosen = [candidates[j] for j in np.flatnonzero(result.x > 0.5)]
    return _finish(fixed + chosen)


def greedy_pairings(
    scores: Mapping[Pair, float],
    expert_capacity: Mapping[str, int],
    item_slots: Mapping[str, int],
    locked: Iterable[Pair] = (),
    ruled_out: Iterable[Pair] = (),
    min_score: float = 0.0,
) -> Plan:
    """Return the best-first plan: take the highest-scoring pair that still fits, repeat.

    Same inputs and guarantees on capacities, locked and ruled-out pairs as ``plan_pairings``,
    but not an optimal total; kept as the baseline the optimiser is measured against.
    """
    fixed, candidates, cap_left, slots_left = _prepare(
        scores, expert_capacity, item_slots, locked, ruled_out, min_score
    )
    chosen = []
    for e, it, s in candidates:
        if cap_left.get(e, 1) > 0 and slots_left.get(it, 1) > 0:
            cap_left[e] = cap_left.get(e, 1) - 1
            slots_left[it] = slots_left.get(it, 1) - 1
            chosen.append((e, it, s))
    return _finish(fixed + chosen)
