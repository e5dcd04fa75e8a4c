"""The final's live state, which the big screen shows: the team on stage, how many judges
have scored it and, once every judge has, its result.

``final_state`` is the one place the screen's content comes from, and ``state_tag`` its
version: the state is pushed on commit of every score save or stage change through the
ceremony's push mechanism (``talentbridge.live``), and the screen falls back to polling with
the tag as ETag.
"""

import hashlib
from dataclasses import dataclass
from statistics import fmean

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q
from django.template.loader import render_to_string
from django.utils import translation

from talentbridge.live import publish, push_enabled, sse_event

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


# How long a reconnecting screen waits before it tries again.
RETRY_MS = 1000


def contest_channel(contest_id: int, language: str) -> str:
    return f"contest-{contest_id}-screen-{language}"


def state_event(state: FinalState) -> str:
    """The state as one SSE event in the active language."""
    html = render_to_string(
        "events/contests/_screen_state.html", {"contest": state.contest, "state": state}
    )
    return sse_event(state_tag(state), "state", html, retry_ms=RETRY_MS)


def publish_final(contest: Contest) -> bool:
    """Render the final's state once per language and publish each to its channel."""
    if not push_enabled():
        return False
    state = final_state(contest)
    tag = state_tag(state)
    items = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            items.append((contest_channel(contest.pk, language), tag, state_event(state)))
    return publish(items)


def publish_on_commit(contest_id: int) -> None:
    """After commit, push the final's new state to the open screens; a screen that misses it
    catches up from its last event id when it reconnects."""
    if not push_enabled():
        return

    def run():
        contest = Contest.objects.filter(pk=contest_id).first()
        if contest is not None:
            publish_final(contest)

    transaction.on_commit(run)
