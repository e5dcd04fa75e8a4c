"""Pairing plan: capacities, slots, locked and ruled-out pairs, optimum versus greedy."""

import itertools
import random

import pytest

from projects.matching import DEFAULT_MIN_SCORE, Plan, greedy_pairings, plan_pairings
from projects.matching.plan import scores_from_matrix

# Greedy takes e1-i1 (0.9) first and is left with e2-i2 (0.1); the optimum swaps.
CROSSED = {("e1", "i1"): 0.9, ("e1", "i2"): 0.8, ("e2", "i1"): 0.85, ("e2", "i2"): 0.1}
ONE_EACH = {"e1": 1, "e2": 1}
SLOTS = {"i1": 1, "i2": 1}


def brute_force(scores, caps, slots):
    pairs = [p for p, s in scores.items() if s > 0]
    best = 0.0
    for r in range(len(pairs) + 1):
        for combo in itertools.combinations(pairs, r):
            ok = all(sum(1 for e, _ in combo if e == x) <= caps.get(x, 1) for x in caps)
            ok = ok and all(sum(1 for _, i in combo if i == y) <= slots.get(y, 1) for y in slots)
            if ok:
                best = max(best, sum(scores[p] for p in combo))
    return best


def test_optimal_strictly_beats_greedy_on_crossed_case():
    optimal = plan_pairings(CROSSED, ONE_EACH, SLOTS)
    greedy = greedy_pairings(CROSSED, ONE_EACH, SLOTS)
    assert greedy == Plan(pairs=[("e1", "i1", 0.9), ("e2", "i2", 0.1)], total=1.0)
    assert optimal.pairs == [("e2", "i1", 0.85), ("e1", "i2", 0.8)]
    assert optimal.total == pytest.approx(1.65)


def test_optimal_never_below_greedy_and_equals_brute_force():
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not cryptography
    for _ in range(30):
        experts = [f"e{i}" for i in range(4)]
        items = [f"i{j}" for j in range(4)]
        scores = {
            (e, i): round(rng.random(), 3) for e in experts for i in items if rng.random() < 0.6
        }
        caps = {e: rng.randint(0, 2) for e in experts}
        slots = {i: rng.randint(1, 2) for i in items}
        optimal = plan_pairings(scores, caps, slots)
        greedy = greedy_pairings(scores, caps, slots)
        assert optimal.total >= greedy.total - 1e-9
        assert optimal.total == pytest.approx(brute_force(scores, caps, slots))


def test_capacities_and_slots_are_respected_and_pairs_unique():
    scores = {(f"e{a}", f"i{b}"): 1.0 for a in range(3) for b in range(3)}
    plan = plan_pairings(scores, {"e0": 3, "e1": 1, "e2": 0}, {"i0": 2, "i1": 1, "i2": 1})
    per_expert = {e: sum(1 for p in plan.pairs if p[0] == e) for e in ("e0", "e1", "e2")}
    per_item = {i: sum(1 for p in plan.pairs if p[1] == i) for i in ("i0", "i1", "i2")}
    assert len(set((e, i) for e, i, _ in plan.pairs)) == len(plan.pairs) == 4
    assert per_expert["e0"] <= 3 and per_expert["e1"] <= 1 and per_expert["e2"] == 0
    assert per_item == {"i0": 2, "i1": 1, "i2": 1}
    assert plan.total == 4.0


def test_a_pair_is_never_taken_twice_even_with_spare_capacity():
    plan = plan_pairings({("e1", "i1"): 1.0}, {"e1": 2}, {"i1": 2})
    assert plan.pairs == [("e1", "i1", 1.0)]


def test_locked_pairs_are_kept_and_ruled_out_pairs_never_appear():
    plan = plan_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e1", "i1")], ruled_out=[("e2", "i1")])
    assert plan.pairs == [("e1", "i1", 0.9), ("e2", "i2", 0.1)]
    plan = plan_pairings(CROSSED, ONE_EACH, SLOTS, ruled_out=[("e2", "i1")])
    assert ("e2", "i1", 0.85) not in plan.pairs
    assert plan.pairs == [("e1", "i1", 0.9), ("e2", "i2", 0.1)]
    greedy = greedy_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e2", "i2")])
    assert greedy.pairs == [("e1", "i1", 0.9), ("e2", "i2", 0.1)]


def test_locked_pair_without_a_score_counts_zero():
    plan = plan_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e1", "i9")])
    assert ("e1", "i9", 0.0) in plan.pairs
    assert plan.pairs == [("e2", "i1", 0.85), ("e1", "i9", 0.0)]


def test_conflicting_constraints_raise():
    with pytest.raises(ValueError, match="locked and ruled out"):
        plan_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e1", "i1")], ruled_out=[("e1", "i1")])
    with pytest.raises(ValueError, match="capacity of expert e1"):
        plan_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e1", "i1"), ("e1", "i2")])
    with pytest.raises(ValueError, match="slots of item i1"):
        greedy_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e1", "i1"), ("e2", "i1")])


def test_min_score_and_non_positive_scores_are_skipped():
    scores = {("e1", "i1"): 0.2, ("e2", "i2"): 0.0, ("e2", "i1"): -1.0}
    assert plan_pairings(scores, ONE_EACH, SLOTS).pairs == [("e1", "i1", 0.2)]
    assert plan_pairings(scores, ONE_EACH, SLOTS, min_score=0.5) == Plan(pairs=[], total=0.0)


def test_scores_from_matrix():
    scores = scores_from_matrix([[0.9, 0.8], [0.85, 0.1]], ["e1", "e2"], ["i1", "i2"])
    assert scores == CROSSED
    with pytest.raises(ValueError):
        scores_from_matrix([[1.0]], ["e1", "e2"], ["i1"])


def test_plan_respects_the_minimum_and_reports_unpaired():
    scores = {
        ("e1", "i1"): 0.9,
        ("e2", "i1"): 0.8,  # i1 has one slot: e2 loses it to e1
        ("e3", "i2"): 0.05,  # below the minimum
        ("e4", "i3"): 0.7,  # a conflict
        ("e5", "i3"): 0.6,  # ruled out
    }
    caps = {"e1": 1, "e2": 1, "e3": 1, "e4": 1, "e5": 1, "e6": 0, "e7": 1}
    slots = {"i1": 1, "i2": 1, "i3": 1, "i4": 1}
    for solve in (plan_pairings, greedy_pairings):
        plan = solve(
            scores,
            caps,
            slots,
            min_score=DEFAULT_MIN_SCORE,
            exclude=[("e4", "i3")],
            ruled_out=[("e5", "i3")],
        )
        assert plan.pairs == [("e1", "i1", 0.9)]
        assert plan.unpaired_experts == {
            "e2": "taken",
            "e3": "below_min_score",
            "e4": "conflict",
            "e5": "ruled_out",
            "e6": "no_capacity",
            "e7": "no_match",
        }
        assert plan.unpaired_items == {
            "i2": "below_min_score",
            "i3": "conflict",
            "i4": "no_match",
        }
        assert plan.unpaired_counts()["items"] == {
            "below_min_score": 1,
            "conflict": 1,
            "no_match": 1,
        }
    # Without a minimum the weak pair is taken.
    assert ("e3", "i2", 0.05) in plan_pairings(scores, caps, slots).pairs


def test_a_conflict_is_never_paired_even_when_locked():
    plan = plan_pairings(CROSSED, ONE_EACH, SLOTS, locked=[("e1", "i1")], exclude=[("e1", "i1")])
    assert ("e1", "i1", 0.9) not in plan.pairs
    assert plan.pairs == [("e2", "i1", 0.85), ("e1", "i2", 0.8)]
    assert plan.unpaired_experts == {} and plan.unpaired_items == {}
