"""The organizer's decisions on the pairing plan and accepting it."""

import pytest

from events import plan
from events.models import PlanConstraint
from events.services.plan import accept_plan, decide_pair
from mentors.models import Pairing
from talentbridge.models import Notification

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
