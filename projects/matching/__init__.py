"""Expert ↔ item matching for TalentBridge: plain Python, no Django (see engine.py, plan.py).

Public contract::

    from projects.matching import Expert, Item, MatchEngine, Suggestion
    engine = MatchEngine()            # or MatchEngine(MatchConfig(...))
    engine.index(experts)
    engine.rank(item, k=20)           # -> list[Suggestion], best first, scores in [0, 1]
    engine.score(item, expert_ids)    # -> list[float], same order
    engine.rank_many(items, k=20, workers=2)  # bulk: rank() for each item, forked workers
    plan_pairings(scores, expert_capacity, item_slots, locked=..., ruled_out=...) -> Plan

Added for trustworthy lists (all optional):

* ``Expert``/``Item`` take ``people`` and ``organizations``: a pair sharing either is a
  conflict of interest, never suggested, scored 0 (``engine.conflicts(item)`` lists them);
* ``rank``/``rank_many``/``score``/``rank_items`` take ``exclude``, (expert_id, item_id) pairs
  never suggested: declared conflicts, postings already claimed, won or declined, "not
  relevant" feedback;
* ``engine.rank_items(expert_id, items, k)`` ranks postings for one expert ("for you");
* ``Suggestion.label`` / ``score_label(score)``: ``strong``, ``good``, ``possible`` or
  ``weak``, stable codes the UI translates;
* ``plan_pairings(..., min_score=..., exclude=...)`` leaves weak and conflicting pairs out and
  reports in ``Plan.unpaired_experts`` / ``Plan.unpaired_items`` who stayed unpaired and why.
"""

from .config import MatchConfig
from .engine import MatchEngine
from .labels import LABELS, score_label
from .plan import DEFAULT_MIN_SCORE, Plan, greedy_pairings, plan_pairings
from .records import Expert, Item, ItemSuggestion, Suggestion
from .text import organization_key

__all__ = [
    "DEFAULT_MIN_SCORE",
    "LABELS",
    "Expert",
    "Item",
    "ItemSuggestion",
    "MatchConfig",
    "MatchEngine",
    "Plan",
    "Suggestion",
    "greedy_pairings",
    "organization_key",
    "plan_pairings",
    "score_label",
]
