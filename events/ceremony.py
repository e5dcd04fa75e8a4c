"""The pairing ceremony's live state, replayed from its step log.

Nothing here writes: services record steps, and every reader (console, big screen, audience
page) derives the same state from the same log, so an undo is just another step.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import CeremonyPair, CeremonyStep

Action = CeremonyStep.Action

# Group numbers as spoken on stage: 第一组 … in Chinese, Group 1 … in English.
GROUP_NUMERALS = [
    pgettext_lazy("ceremony group number", "1"),
    pgettext_lazy("ceremony group number", "2"),
    pgettext_lazy("ceremony group number", "3"),
    pgettext_lazy("ceremony group number", "4"),
    pgettext_lazy("ceremony group number", "5"),
    pgettext_lazy("ceremony group number", "6"),
    pgettext_lazy("ceremony group number", "7"),
    pgettext_lazy("ceremony group number", "8"),
    pgettext_lazy("ceremony group number", "9"),
    pgettext_lazy("ceremony group number", "10"),
]


def group_label(number: int) -> str:
    """The name of a group in the active language, e.g. 第三组 / Group 3."""
    numeral = GROUP_NUMERALS[number - 1] if 1 <= number <= len(GROUP_NUMERALS) else number
    return _("Group %(number)s") % {"number": numeral}


@dataclass
class CeremonyState:
    """Where the ceremony stands: phase, the pair on stage, and the pairs already done."""

    pairs: list[CeremonyPair]
    phase: str = "not_started"  # not_started → running → finished
    current: CeremonyPair | None = None
    done: set[int] = field(default_factory=set)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    last_step: CeremonyStep | None = None
    effective_steps: list[CeremonyStep] = field(default_factory=list)

    @property
    def can_undo(self) -> bool:
        return bool(self.effective_steps)

    @property
    def current_group(self) -> int | None:
        return self.current.group if self.current else None

    @property
    def current_group_label(self) -> str:
        return group_label(self.current.group) if self.current else ""

    @property
    def current_done(self) -> bool:
        return bool(self.current and self.current.pk in self.done)

    @property
    def done_count(self) -> int:
        return len(self.done)

    @property
    def total(self) -> int:
        return len(self.pairs)

    def next_in_group(self) -> CeremonyPair | None:
        if self.current is None:
            return None
        index = self.pairs.index(self.current)
        following = self.pairs[index + 1 : index + 2]
        return following[0] if following and following[0].group == self.current.group else None

    def first_of_next_group(self) -> CeremonyPair | None:
        if self.current is None:
            return None
        return next((p for p in self.pairs if p.group > self.current.group), None)

    def allowed(self) -> set[str]:
        """The console actions that make sense now."""
        actions = {Action.UNDO} if self.can_undo else set()
        if self.phase == "not_started" and self.pairs:
            actions.add(Action.START)
        if self.phase == "running":
            actions.add(Action.FINISH)
            if self.current is not None and not self.current_done:
                actions.add(Action.RIBBON)
            if self.next_in_group():
                actions.add(Action.NEXT_PAIR)
            if self.first_of_next_group():
                actions.add(Action.NEXT_GROUP)
        return actions

    def groups(self) -> list[tuple[int, str, list[CeremonyPair]]]:
        """The running order as (number, label, pairs) per group, for lists and the builder."""
        grouped: dict[int, list[CeremonyPair]] = {}
        for pair in self.pairs:
            grouped.setdefault(pair.group, []).append(pair)
        return [(number, group_label(number), grouped[number]) for number in sorted(grouped)]


def replay(pairs: list[CeremonyPair], steps: list[CeremonyStep]) -> CeremonyState:
    """Derive the ceremony's state from its running order and its full step log."""
    effective: list[CeremonyStep] = []
    for step in steps:
        if step.action == Action.UNDO:
            if effective:
                effective.pop()
        else:
            effective.append(step)
    by_id = {pair.pk: pair for pair in pairs}
    state = CeremonyState(pairs=pairs, effective_steps=effective)
    state.last_step = steps[-1] if steps else None
    for step in effective:
        pair = by_id.get(step.pair_id)
        if step.action == Action.START:
            state.phase = "running"
            state.started_at = step.created_at
            state.current = pair
        elif step.action in (Action.NEXT_PAIR, Action.NEXT_GROUP):
            state.current = pair
        elif step.action == Action.RIBBON and pair is not None:
            state.done.add(pair.pk)
        elif step.action == Action.FINISH:
            state.phase = "finished"
            state.finished_at = step.created_at
            state.current = None
    return state
