"""The pairing ceremony: its running order (add, fill, move, remove) and the live console
steps the big screens follow. Each change bumps what the screens' ETags are made of."""

from collections.abc import Mapping

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from mentors.models import Pairing
from mentors.services import celebrate_pairing, uncelebrate_pairing
from talentbridge.cache import cache_delete, cache_set
from talentbridge.models import User
from talentbridge.services import field_changes, log_action, snapshot

from ..ceremony import CeremonyState, replay
from ..live import publish_ceremony
from ..models import Ceremony, CeremonyPair, CeremonyStep, Event
from ..queries import SCREEN_CACHE_SECONDS, screen_cache_key, screen_tag, screen_version
from . import EventError

Action = CeremonyStep.Action
EDITABLE = ("title", "group_count")


def refresh_screens_on_commit(event_id: int) -> None:
    """After commit, store the screens' new version tag (or forget it for a private event)."""

    def refresh():
        ceremony = screen_version(event_id)
        key = screen_cache_key(event_id)
        if ceremony is not None and ceremony.event.is_public:
            cache_set(key, screen_tag(ceremony), SCREEN_CACHE_SECONDS)
        else:
            cache_delete(key)

    transaction.on_commit(refresh)
    transaction.on_commit(lambda: _publish(event_id))


def _publish(event_id: int) -> None:
    # Open streams get the new state pushed; a stream that misses it catches up on reconnect.
    ceremony = screen_version(event_id)
    if ceremony is not None:
        publish_ceremony(ceremony, ceremony_state(ceremony))


def _lock_ceremony(ceremony: Ceremony) -> Ceremony:
    return Ceremony.objects.select_for_update().get(pk=ceremony.pk)


def _bump(ceremony: Ceremony) -> None:
    # Screens compare this version in their ETag, so every reorder reaches them.
    Ceremony.objects.filter(pk=ceremony.pk).update(version=ceremony.version + 1)
    ceremony.version += 1
    refresh_screens_on_commit(ceremony.event_id)


@transaction.atomic
def create_ceremony(event: Event, *, actor: User, title: str, group_count: int = 5) -> Ceremony:
    """Give the event its pairing ceremony (one per event)."""
    if Ceremony.objects.filter(event=event).exists():
        raise EventError(_("This event already has a pairing ceremony."))
    ceremony = Ceremony.objects.create(event=event, title=title, group_count=group_count)
    log_action(
        event,
        "events.ceremony.create",
        actor=actor,
        changes={"title": title, "group_count": group_count},
    )
    refresh_screens_on_commit(event.pk)
    return ceremony


@transaction.atomic
def edit_ceremony(ceremony: Ceremony, *, actor: User, title: str, group_count: int) -> Ceremony:
    """Rename the ceremony or change its number of groups."""
    ceremony = _lock_ceremony(ceremony)
    before = snapshot(ceremony, EDITABLE)
    ceremony.title, ceremony.group_count = title, group_count
    changes = field_changes(before, ceremony, EDITABLE)
    if changes:
        ceremony.save(update_fields=list(changes))
        log_action(ceremony.event, "events.ceremony.edit", actor=actor, changes=changes)
        _bump(ceremony)
    return ceremony


def _next_position(ceremony: Ceremony, group: int) -> int:
    last = ceremony.pairs.filter(group=group).aggregate(last=Max("position"))["last"]
    return 1 if last is None else last + 1


@transaction.atomic
def add_ceremony_pair(
    ceremony: Ceremony, pairing: Pairing, *, actor: User, group: int, project_title: str = ""
) -> CeremonyPair:
    """Put an accepted pairing at the end of a group of the running order."""
    ceremony = _lock_ceremony(ceremony)
    if pairing.status != Pairing.Status.ACCEPTED:
        raise EventError(_("Only accepted pairings can go on stage."))
    if not 1 <= group <= ceremony.group_count:
        raise EventError(_("There is no such group."))
    if ceremony.pairs.filter(pairing=pairing).exists():
        raise EventError(_("This pairing is already in the running order."))
    pair = CeremonyPair.objects.create(
        ceremony=ceremony,
        pairing=pairing,
        group=group,
        position=_next_position(ceremony, group),
        project_title=project_title,
    )
    log_action(
        ceremony.event,
        "events.ceremony.add_pair",
        actor=actor,
        changes={"pairing": str(pairing), "group": group},
    )
    _bump(ceremony)
    return pair


@transaction.atomic
def fill_running_order(
    ceremony: Ceremony, pairings: list[Pairing], *, actor: User, titles: Mapping[int, str]
) -> int:
    """Spread the accepted pairings not yet on the running order evenly over the groups;
    return how many were added."""
    ceremony = _lock_ceremony(ceremony)
    present = set(ceremony.pairs.values_list("pairing_id", flat=True))
    fresh = [p for p in pairings if p.pk not in present and p.status == Pairing.Status.ACCEPTED]
    positions = {g: _next_position(ceremony, g) for g in range(1, ceremony.group_count + 1)}
    counts = {g: ceremony.pairs.filter(group=g).count() for g in positions}
    new = []
    for pairing in fresh:
        group = min(counts, key=lambda g: (counts[g], g))
        new.append(
            CeremonyPair(
                ceremony=ceremony,
                pairing=pairing,
                group=group,
                position=positions[group],
                project_title=titles.get(pairing.pk, ""),
            )
        )
        positions[group] += 1
        counts[group] += 1
    CeremonyPair.objects.bulk_create(new)
    if new:
        log_action(ceremony.event, "events.ceremony.fill", actor=actor, changes={"added": len(new)})
        _bump(ceremony)
    return len(new)


@transaction.atomic
def remove_ceremony_pair(pair: CeremonyPair, *, actor: User) -> None:
    """Take a pair off the running order (its pairing is untouched)."""
    ceremony = _lock_ceremony(pair.ceremony)
    CeremonyPair.objects.filter(pk=pair.pk).delete()
    log_action(
        ceremony.event, "events.ceremony.remove_pair", actor=actor, changes={"pairing": str(pair)}
    )
    _bump(ceremony)


@transaction.atomic
def move_ceremony_pair(pair: CeremonyPair, *, actor: User, direction: str) -> CeremonyPair:
    """Move a pair one place up or down in its group, or to the previous or next group's end."""
    ceremony = _lock_ceremony(pair.ceremony)
    pair = CeremonyPair.objects.get(pk=pair.pk)
    siblings = list(ceremony.pairs.filter(group=pair.group).order_by("position", "id"))
    index = next(i for i, p in enumerate(siblings) if p.pk == pair.pk)
    if direction in ("up", "down"):
        other_index = index - 1 if direction == "up" else index + 1
        if not 0 <= other_index < len(siblings):
            raise EventError(_("The pair cannot move further in this direction."))
        siblings[index], siblings[other_index] = siblings[other_index], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            sibling.position = position
        CeremonyPair.objects.bulk_update(siblings, ["position"])
    elif direction in ("previous_group", "next_group"):
        group = pair.group - 1 if direction == "previous_group" else pair.group + 1
        if not 1 <= group <= ceremony.group_count:
            raise EventError(_("The pair cannot move further in this direction."))
        pair.position = _next_position(ceremony, group)
        pair.group = group
        pair.save(update_fields=["group", "position"])
    else:
        raise EventError(_("Unknown move."))
    log_action(
        ceremony.event,
        "events.ceremony.move_pair",
        actor=actor,
        changes={"pairing": str(pair), "direction": direction},
    )
    _bump(ceremony)
    return pair


def ceremony_state(ceremony: Ceremony) -> CeremonyState:
    """The ceremony's current state, replayed from its running order and step log."""
    pairs = list(
        ceremony.pairs.select_related(
            "pairing__mentor__affiliation", "pairing__mentee__organization"
        ).prefetch_related("pairing__mentor__honours")
    )
    return replay(pairs, list(ceremony.steps.all()))


def _celebrate(pairing: Pairing, *, actor: User) -> None:
    # A pairing dissolved (or celebrated elsewhere) since the running order was built keeps
    # its status; the ribbon step is recorded all the same, since it did happen on stage.
    if Pairing.objects.filter(pk=pairing.pk, status=Pairing.Status.ACCEPTED).exists():
        celebrate_pairing(pairing, actor=actor)


@transaction.atomic
def advance_ceremony(ceremony: Ceremony, action: str, *, actor: User) -> CeremonyState:
    """Record one console step if it makes sense now; return the new state.

    A ribbon marks the pair on stage done and its pairing "celebrated"; undo cancels the last
    effective step (and a cancelled ribbon returns the pairing to "accepted").
    """
    ceremony = _lock_ceremony(ceremony)
    state = ceremony_state(ceremony)
    if action not in state.allowed():
        raise EventError(_("This step is not possible now; the screen shows the current state."))
    pair = None
    if action == Action.START:
        pair = state.pairs[0]
    elif action == Action.NEXT_PAIR:
        pair = state.next_in_group()
    elif action == Action.NEXT_GROUP:
        pair = state.first_of_next_group()
    elif action == Action.RIBBON:
        pair = state.current
        _celebrate(pair.pairing, actor=actor)
    elif action == Action.UNDO:
        undone = state.effective_steps[-1]
        ribboned = next((p for p in state.pairs if p.pk == undone.pair_id), None)
        if undone.action == Action.RIBBON and ribboned is not None:
            uncelebrate_pairing(ribboned.pairing, actor=actor)
    CeremonyStep.objects.create(
        ceremony=ceremony, action=action, pair=pair, actor=actor, created_at=timezone.now()
    )
    log_action(
        ceremony.event,
        "events.ceremony.step",
        actor=actor,
        changes={"action": action, "pairing": str(pair) if pair else ""},
    )
    refresh_screens_on_commit(ceremony.event_id)
    return ceremony_state(ceremony)
