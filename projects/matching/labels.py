"""Readable match strengths: stable codes the UI translates, from the engine's score.

Scores are comparable across items (see ``MatchConfig``), so one set of thresholds serves every
list.  They are calibrated on the field set of ``bench/match_quality.py``, the one that reads
like the portal's profiles and postings (its last table reports, per label, the share of
suggestions that are relevant): there 99.7 % of ``strong``, 93 % of ``good`` and 67 % of
``possible`` suggestions are relevant, against 29 % of ``weak`` ones.  On dense scientific
abstracts, where neighbouring disciplines share much vocabulary, the same thresholds are
optimistic (60–71 % of ``strong`` relevant): labels say how well two texts match, not that the
match is certain.  Below ``possible`` a pair is ``weak``: kept for organizers' screens, not
worth showing to a person, and never paired by a plan with ``DEFAULT_MIN_SCORE``.
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
