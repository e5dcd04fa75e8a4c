"""Contests (以赛引才): teams enter by track, judges are assigned by expertise without
conflicts, score on their phones with weighted criteria, a live final and awards.

Layers as everywhere else: ``models`` (re-exported by ``events.models``), ``services`` (every
transition), ``assignment`` (judges × entries through the matching engine's plan solver),
``ranking`` (raw and per-judge normalised totals), ``rules``, ``forms``, ``views``.
"""
