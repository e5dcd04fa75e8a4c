"""The final's live state, which the big screen shows: the team on stage, how many judges
have scored it and, once every judge has, its result.

``final_state`` is the one place the screen's content comes from, and ``state_tag`` its
version: the screen polls with the tag as ETag, as the ceremony screen does; a push channel
would publish the same state when the tag changes.
"""

import hashlib
from dataclasses import dataclass
from statistics import fmean

from django.db.models import Count, Max, Q

from .models import Contest, Entry, JudgeAssignment, Round


@dataclass
class FinalState:
    contest: Contest
    final: Round | None
    current: Entry | None = None
    expected: int = 0
    scored: int = 0
    result: float | None = None
    position: int = 0
    total: int = 0
    last_change: str = ""

    @property
    def complete(self) -> bool:
        return self.current is not None and self.expected > 0 and self.scored >= self.expected


def final_state(contest: Contest) -> FinalState:
    """The screen's state: at most four queries."""
    final = (
        Round.objects.filter(contest=contest, kind=Round.Kind.FINAL)
        .select_related("current__track")
        .first()
    )
    state = FinalState(contest=contest, final=final)
    if final is None:
        return state
    state.total = Entry.objects.filter(contest=contest, final_position__isnull=False).count()
    if final.current is None:
        return state
    state.current = final.current
    state.position = final.current.final_position or 0
    sheets = JudgeAssignment.objects.filter(round=final, entry=final.current)
    figures = sheets.aggregate(
        expected=Count("pk"),
        scored=Count("score"),
        last=Max("score__updated_at"),
    )
    state.expected, state.scored = figures["expected"], figures["scored"]
    state.last_change = str(figures["last"] or "")
    if state.complete:
        totals = list(sheets.filter(~Q(score=None)).values_list("score__total", flat=True))
        state.result = round(fmean(totals), 2)
    return state


def state_tag(state: FinalState) -> str:
    parts = (
        state.final.pk if state.final else 0,
        state.current.pk if state.current else 0,
        state.expected,
        state.scored,
        state.last_change,
        state.total,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
