"""Pairing plan: choose expert–item pairs that maximise the total score under capacities.

The problem is a bipartite b-matching: each expert takes at most its capacity, each item at
most its slots, each (expert, item) pair at most once.  A capacity-expanded
``linear_sum_assignment`` cannot forbid the same pair twice (two copies of an expert landing on
two slots of one item), so ``plan_pairings`` solves the integer programme directly with
``scipy.optimize.milp`` (HiGHS).  Its constraint matrix is an incidence matrix of a bipartite
graph, hence totally unimodular: the solve is exact and as fast as the LP.

``greedy_pairings`` is the best-first baseline (what a person does with a sorted spreadsheet);
the tests show a case where it loses to the optimum.

Both take a minimum score (``min_score``; ``DEFAULT_MIN_SCORE`` is the "possible" label
threshold, the sensible value for a plan people will see) and ``exclude``, the conflicts of
interest (``MatchEngine.conflicts``, declared conflicts), which are never paired, not even when
locked.  Every plan says who it left unpaired and why (``Plan.unpaired_experts``,
``Plan.unpaired_items``), with one of these stable codes:

* ``no_capacity`` — the expert has no place left / the item no free slot;
* ``no_match`` — no pair with a score above 0;
* ``conflict`` — the only matches are conflicts of interest;
* ``ruled_out`` — the only matches were ruled out by the organizer;
* ``below_min_score`` — matches exist, but all score below the minimum;
* ``taken`` — good enough matches exist, but the other sides' places went to better pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from .config import MatchConfig

Pair = tuple[str, str]

DEFAULT_MIN_SCORE = MatchConfig().plan_min_score
NO_CAPACITY, NO_MATCH, CONFLICT, RULED_OUT, BELOW_MIN_SCORE, TAKEN = (
    "no_capacity",
    "no_match",
    "conflict",
    "ruled_out",
    "below_min_score",
    "taken",
)


@dataclass(frozen=True)
class Plan:
    """A set of (expert_id, item_id, score) pairs, best first, and their total score.

    ``unpaired_experts`` and ``unpaired_items`` map everyone the plan left without any pair to
    the reason code (module docstring); they do not take part in equality.
    """

    pairs: list[tuple[str, str, float]]
    total: float
    unpaired_experts: dict[str, str] = field(default_factory=dict, compare=False)
    unpaired_items: dict[str, str] = field(default_factory=dict, compare=False)

    def unpaired_counts(self) -> dict[str, dict[str, int]]:
        """How many experts and items were left unpaired, per reason."""
        return {
            "experts": dict(Counter(self.unpaired_experts.values())),
            "items": dict(Counter(self.unpaired_items.values())),
        }


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
    exclude: Iterable[Pair] = (),
) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, float]], dict, dict]:
    """Validate the locked pairs and return (locked, candidates, capacity left, slots left)."""
    conflicts = set(exclude)
    banned = set(ruled_out) | conflicts
    # A conflict of interest is never paired, not even when an organizer locked it.
    locked_list = [p for p in dict.fromkeys(locked) if p not in conflicts]
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


def _why(pairs: list[tuple[str, float]], capacity: int, excluded: set, ruled: set, floor: float):
    """The reason one side stayed unpaired, from its (other side, score) pairs."""
    if capacity <= 0:
        return NO_CAPACITY
    matches = [(other, s) for other, s in pairs if s > 0]
    if not matches:
        return NO_MATCH
    free = [(o, s) for o, s in matches if o not in excluded and o not in ruled]
    if not free:
        return CONFLICT if any(o in excluded for o, _ in matches) else RULED_OUT
    if all(s < floor for _, s in free):
        return BELOW_MIN_SCORE
    return TAKEN


def _finish(
    pairs: list[tuple[str, str, float]],
    scores: Mapping[Pair, float],
    expert_capacity: Mapping[str, int],
    item_slots: Mapping[str, int],
    rules: tuple[Iterable[Pair], Iterable[Pair], float],
) -> Plan:
    pairs = sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))
    ruled_out, exclude, min_score = rules
    ruled, excluded = set(ruled_out), set(exclude)
    floor = max(min_score, 0.0)
    paired_e = {p[0] for p in pairs}
    paired_i = {p[1] for p in pairs}
    of_expert: dict[str, list[tuple[str, float]]] = {e: [] for e in expert_capacity}
    of_item: dict[str, list[tuple[str, float]]] = {it: [] for it in item_slots}
    for (e, it), s in scores.items():
        of_expert.setdefault(e, []).append((it, s))
        of_item.setdefault(it, []).append((e, s))
    unpaired_e = {
        e: _why(
            others,
            expert_capacity.get(e, 1),
            {o for o, _ in others if (e, o) in excluded},
            {o for o, _ in others if (e, o) in ruled},
            floor,
        )
        for e, others in sorted(of_expert.items())
        if e not in paired_e
    }
    unpaired_i = {
        it: _why(
            others,
            item_slots.get(it, 1),
            {o for o, _ in others if (o, it) in excluded},
            {o for o, _ in others if (o, it) in ruled},
            floor,
        )
        for it, others in sorted(of_item.items())
        if it not in paired_i
    }
    return Plan(
        pairs=pairs,
        total=float(sum(p[2] for p in pairs)),
        unpaired_experts=unpaired_e,
        unpaired_items=unpaired_i,
    )


def plan_pairings(
    scores: Mapping[Pair, float],
    expert_capacity: Mapping[str, int],
    item_slots: Mapping[str, int],
    locked: Iterable[Pair] = (),
    ruled_out: Iterable[Pair] = (),
    min_score: float = 0.0,
    exclude: Iterable[Pair] = (),
) -> Plan:
    """Return the plan of maximum total score that respects capacities, slots and constraints.

    Every locked pair is in the plan (whatever its score; raises ``ValueError`` if the locked
    pairs alone break a capacity or a slot count, or one is also ruled out) unless it is a
    conflict in ``exclude``; no ruled-out or excluded pair is.  Other pairs are drawn from
    ``scores`` if they score at least ``min_score`` and more than 0 (pass
    ``DEFAULT_MIN_SCORE`` for a plan people will see; 0.0 keeps every positive pair).  An
    expert or item missing from the capacity maps counts as 1.  ``Plan.unpaired_*`` say who
    was left out and why.
    """
    ruled_out, exclude = list(ruled_out), list(exclude)
    rules = (ruled_out, exclude, min_score)
    fixed, candidates, cap_left, slots_left = _prepare(
        scores, expert_capacity, item_slots, locked, ruled_out, min_score, exclude
    )
    candidates = [
        c for c in candidates if cap_left.get(c[0], 1) > 0 and slots_left.get(c[1], 1) > 0
    ]
    if not candidates:
        return _finish(fixed, scores, expert_capacity, item_slots, rules)
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
    return _finish(fixed + chosen, scores, expert_capacity, item_slots, rules)


def greedy_pairings(
    scores: Mapping[Pair, float],
    expert_capacity: Mapping[str, int],
    item_slots: Mapping[str, int],
    locked: Iterable[Pair] = (),
    ruled_out: Iterable[Pair] = (),
    min_score: float = 0.0,
    exclude: Iterable[Pair] = (),
) -> Plan:
    """Return the best-first plan: take the highest-scoring pair that still fits, repeat.

    Same inputs and guarantees on capacities, locked, ruled-out and excluded pairs as
    ``plan_pairings``, but not an optimal total; kept as the baseline the optimiser is
    measured against.
    """
    ruled_out, exclude = list(ruled_out), list(exclude)
    rules = (ruled_out, exclude, min_score)
    fixed, candidates, cap_left, slots_left = _prepare(
        scores, expert_capacity, item_slots, locked, ruled_out, min_score, exclude
    )
    chosen = []
    for e, it, s in candidates:
        if cap_left.get(e, 1) > 0 and slots_left.get(it, 1) > 0:
            cap_left[e] = cap_left.get(e, 1) - 1
            slots_left[it] = slots_left.get(it, 1) - 1
            chosen.append((e, it, s))
    return _finish(fixed + chosen, scores, expert_capacity, item_slots, rules)
