"""The organizer's decisions on the pairing plan and accepting it."""

import pytest

from events import plan
from events.models import PlanConstraint
from events.services import EventError
from events.services.plan import accept_plan, decide_pair
from mentors.models import Pairing
from talentbridge.models import AuditEntry, Notification

pytestmark = pytest.mark.django_db


def test_releasing_a_decision_deletes_it(event, crossed, organizer):
    people = crossed
    decide_pair(event, people["b"], people["x"], kind="ruled_out", actor=organizer)
    decide_pair(event, people["b"], people["x"], kind="", actor=organizer)
    assert PlanConstraint.objects.count() == 0


def test_accepting_a_mentee_plan_proposes_the_pairings(event, crossed, organizer):
    proposed, refused = accept_plan(event, actor=organizer, of=plan.MENTEES, per_mentor=1)
    assert (proposed, refused) == (2, [])
    assert set(
        Pairing.objects.filter(status=Pairing.Status.PROPOSED).values_list(
            "mentor__name", "mentee__name"
        )
    ) == {("左明健", "郑雅文"), ("陈思恩", "林晨曦")}
    # Once proposed, the mentees leave the pool: accepting again proposes nothing more.
    assert accept_plan(event, actor=organizer, of=plan.MENTEES, per_mentor=1) == (0, [])


def test_accepting_a_demand_plan_invites_the_experts_once(
    event, crossed, organizer, django_capture_on_commit_callbacks
):
    people = crossed
    with django_capture_on_commit_callbacks(execute=True):
        accept_plan(event, actor=organizer, of=plan.CHALLENGES, per_mentor=1)
        accept_plan(event, actor=organizer, of=plan.CHALLENGES, per_mentor=1)
    assert Notification.objects.filter(user=people["a"].user).count() == 1
    assert Notification.objects.filter(user=people["b"].user).count() == 1
    assert Pairing.objects.count() == 0  # organisations posted the demands


def test_plan_decisions_and_acceptance_are_in_the_events_history(event, crossed, organizer):
    people = crossed
    decide_pair(event, people["a"], people["x"], kind="locked", actor=organizer)
    decide_pair(event, people["a"], people["x"], kind="", actor=organizer)
    accept_plan(event, actor=organizer, of=plan.MENTEES, per_mentor=1)
    entries = AuditEntry.objects.filter(action__startswith="events.plan.").order_by("id")
    assert [(e.action, e.actor) for e in entries] == [
        ("events.plan.decide", organizer),
        ("events.plan.release", organizer),
        ("events.plan.accept", organizer),
    ]
    assert entries[0].changes == {
        "mentor": "左明健",
        "challenge": "泵站设备故障预警算法优化",
        "decision": "locked",
    }
    assert entries[2].changes == {"of": "mentees", "per_mentor": 1, "done": 2, "refused": 0}


def test_an_unknown_decision_is_refused_and_changes_nothing(event, crossed, organizer):
    with pytest.raises(EventError):
        decide_pair(event, crossed["a"], crossed["x"], kind="maybe", actor=organizer)
    assert PlanConstraint.objects.count() == 0
    assert not AuditEntry.objects.exists()
