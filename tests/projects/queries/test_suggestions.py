"""Reading the stored lists from the candidate's side: "for you"."""

import pytest

from mentors.models import Pairing
from projects.queries import suggestions as queries
from projects.services import recompute
from tests.factories import ChallengeFactory, MenteeFactory, PairingFactory
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def test_mentors_for_you_skip_experts_already_paired(experts, water):
    mentee = MenteeFactory(name="四创科技研发团队", needs="闸泵站故障智能诊断技术研发")
    mentee.fields.set([water])
    PairingFactory(mentor=experts[0], mentee=mentee, status=Pairing.Status.PROPOSED)
    recompute.recompute_target("mentees", mentee.pk)
    mine = queries.suggestions_for_mentee(mentee)
    assert [row.mentor.name for row in mine["mentors"]] == ["Dr. Alice Chen"]


def test_challenges_for_you_sort_by_score_across_demands(experts, water):
    strong = demand(water)
    weak = ChallengeFactory(
        title="泵站园林绿化与消防改造",
        summary="泵站厂区园林绿化、消防、供配电和道路改造，另需一个 sensor 监测点。",
    )
    weak.fields.set([water])
    for challenge in (strong, weak):
        recompute.recompute_target("challenges", challenge.pk)
    listed = queries.suggestions_for_mentor(experts[1])["challenges"]
    assert [row.challenge for row in listed] == [strong, weak]
    assert listed[0].score > listed[1].score
