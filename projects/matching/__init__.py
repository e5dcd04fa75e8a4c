"""Expert ↔ item matching for TalentBridge: plain Python, no Django (see engine.py, plan.py).

Public contract::

    from projects.matching import Expert, Item, MatchEngine, Suggestion
    engine = MatchEngine()            # or MatchEngine(MatchConfig(...))
    engine.index(experts)
    engine.rank(item, k=20)           # -> list[Suggestion], best first, scores in [0, 1]
    engine.score(item, expert_ids)    # -> list[float], same order
    engine.rank_many(items, k=20, workers=2)  # bulk: rank() for each item, forked workers
    plan_pairings(scores, expert_capacity, item_slots, locked=..., ruled_out=...) -> Plan
"""

from .config import MatchConfig
from .engine import Expert, Item, MatchEngine, Suggestion
from .plan import Plan, greedy_pairings, plan_pairings

__all__ = [
    "Expert",
    "Item",
    "MatchConfig",
    "MatchEngine",
    "Plan",
    "Suggestion",
    "greedy_pairings",
    "plan_pairings",
]
