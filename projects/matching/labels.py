"""Readable match strengths: stable codes the UI translates, from the engine's score.

Scores are comparable across items (see ``MatchConfig``), so one set of thresholds serves every
list.  The thresholds are calibrated on the labelled set of ``bench/match_quality.py`` (its
table reports, per label, the share of suggestions that are relevant): about nine in ten
``strong`` suggestions and three in four ``good`` ones are relevant there, ``possible`` ones
about half.  Below ``possible`` a pair is ``weak``: kept for organizers' screens, not worth
showing to a person, and never paired by the plan with its default minimum.
"""

from __future__ import annotations

from .config import MatchConfig

STRONG, GOOD, POSSIBLE, WEAK = "strong", "good", "possible", "weak"
LABELS = (STRONG, GOOD, POSSIBLE, WEAK)

_DEFAULT = MatchConfig()


def score_label(score: float, config: MatchConfig | None = None) -> str:
    """Return ``strong``, ``good``, ``possible`` or ``weak`` for an engine score."""
    cfg = config or _DEFAULT
    if score >= cfg.label_strong:
        return STRONG
    if score >= cfg.label_good:
        return GOOD
    if score >= cfg.label_possible:
        return POSSIBLE
    return WEAK
