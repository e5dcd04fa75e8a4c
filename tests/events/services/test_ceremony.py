"""The ceremony: running order, console steps replayed from the log, undo, celebration."""

import pytest
from django.utils import translation

from events.ceremony import group_label
from events.models import CeremonyStep
from events.services import EventError
from events.services import ceremony as services
from mentors.models import Pairing
from talentbridge.models import AuditEntry
from tests.factories import PairingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Domain errors are matched by their English text.
    with translation.override("en"):
        yield


Action = CeremonyStep.Action


def advance(ceremony, organizer, *actions):
    state = None
    for action in actions:
        state = services.advance_ceremony(ceremony, action, actor=organizer)
    return state


def test_state_before_start_allows_only_start(ceremony):
    state = services.ceremony_state(ceremony)
    assert state.phase == "not_started"
    assert state.allowed() == {Action.START}


def test_start_puts_first_pair_of_group_one_on_stage(ceremony, organizer):
    state = advance(ceremony, organizer, Action.START)
    first = ceremony.pairs.get(group=1, position=1)
    assert state.current == first
    assert state.allowed() == {
        Action.RIBBON,
        Action.NEXT_PAIR,
        Action.NEXT_GROUP,
        Action.FINISH,
        Action.UNDO,
    }


def test_ribbon_celebrates_pairing(ceremony, organizer):
    state = advance(ceremony, organizer, Action.START, Action.RIBBON)
    pairing = state.current.pairing
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.CELEBRATED
    assert pairing.celebrated_at is not None
    assert state.done_count == 1
    assert Action.RIBBON not in state.allowed()


def test_undo_ribbon_returns_pairing_to_accepted(ceremony, organizer):
    state = advance(ceremony, organizer, Action.START, Action.RIBBON, Action.UNDO)
    pairing = state.current.pairing
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACCEPTED
    assert state.done_count == 0
    assert ceremony.steps.count() == 3


def test_next_pair_then_next_group_then_finish(ceremony, organizer):
    state = advance(
        ceremony, organizer, Action.START, Action.RIBBON, Action.NEXT_PAIR, Action.RIBBON
    )
    assert (state.current.group, state.current.position) == (1, 2)
    assert Action.NEXT_PAIR not in state.allowed()
    state = advance(ceremony, organizer, Action.NEXT_GROUP, Action.RIBBON)
    assert state.current.group == 2
    assert Action.NEXT_GROUP not in state.allowed()
    state = advance(ceremony, organizer, Action.FINISH)
    assert state.phase == "finished"
    assert state.done_count == 3
    assert Pairing.objects.filter(status=Pairing.Status.CELEBRATED).count() == 3


def test_undo_twice_steps_back_twice(ceremony, organizer):
    state = advance(ceremony, organizer, Action.START, Action.NEXT_PAIR, Action.UNDO, Action.UNDO)
    assert state.phase == "not_started"
    assert state.allowed() == {Action.START}


def test_step_not_allowed_now_is_refused(ceremony, organizer):
    with pytest.raises(EventError):
        services.advance_ceremony(ceremony, Action.RIBBON, actor=organizer)
    assert ceremony.steps.count() == 0


def test_ribbon_of_dissolved_pairing_keeps_its_status(ceremony, organizer):
    advance(ceremony, organizer, Action.START)
    pair = ceremony.pairs.get(group=1, position=1)
    Pairing.objects.filter(pk=pair.pairing_id).update(status=Pairing.Status.DISSOLVED)
    advance(ceremony, organizer, Action.RIBBON)
    pair.pairing.refresh_from_db()
    assert pair.pairing.status == Pairing.Status.DISSOLVED


def test_move_pair_up_down_and_between_groups(ceremony, organizer):
    second = ceremony.pairs.get(group=1, position=2)
    services.move_ceremony_pair(second, actor=organizer, direction="up")
    assert ceremony.pairs.filter(group=1).values_list("pk", flat=True).first() == second.pk
    services.move_ceremony_pair(second, actor=organizer, direction="next_group")
    second.refresh_from_db()
    assert (second.group, second.position) == (2, 2)
    with pytest.raises(EventError):
        services.move_ceremony_pair(second, actor=organizer, direction="down")
    ceremony.refresh_from_db()
    assert ceremony.version == 2


def test_add_only_accepted_pairings(ceremony, organizer):
    proposed = PairingFactory(status=Pairing.Status.PROPOSED)
    with pytest.raises(EventError, match="accepted"):
        services.add_ceremony_pair(ceremony, proposed, actor=organizer, group=1)
    accepted = PairingFactory()
    pair = services.add_ceremony_pair(ceremony, accepted, actor=organizer, group=1)
    assert (pair.group, pair.position) == (1, 3)
    with pytest.raises(EventError, match="already"):
        services.add_ceremony_pair(ceremony, accepted, actor=organizer, group=2)


def test_fill_spreads_pairings_evenly(ceremony, organizer):
    pairings = [PairingFactory() for _ in range(7)]
    added = services.fill_running_order(ceremony, pairings, actor=organizer, titles={})
    assert added == 7
    sizes = [ceremony.pairs.filter(group=g).count() for g in range(1, 6)]
    assert sizes == [2, 2, 2, 2, 2]


def test_group_label_in_chinese_and_english():
    with translation.override("en"):
        assert group_label(3) == "Group 3"
    with translation.override("zh-hans"):
        assert group_label(3) == "第三组"


def test_console_steps_and_running_order_changes_are_recorded(ceremony, organizer):
    second = ceremony.pairs.get(group=1, position=2)
    services.move_ceremony_pair(second, actor=organizer, direction="up")
    advance(ceremony, organizer, Action.START, Action.RIBBON)
    services.edit_ceremony(ceremony, actor=organizer, title="青蓝接力", group_count=3)
    actions = list(
        AuditEntry.objects.filter(object_id=str(ceremony.event_id))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "events.ceremony.move_pair",
        "events.ceremony.step",
        "events.ceremony.step",
        "events.ceremony.edit",
    ]
    edit = AuditEntry.objects.get(action="events.ceremony.edit")
    assert edit.changes == {"title": ["青蓝接力对接仪式", "青蓝接力"], "group_count": [5, 3]}
    ceremony.refresh_from_db()
    assert (ceremony.title, ceremony.group_count, ceremony.version) == ("青蓝接力", 3, 2)
