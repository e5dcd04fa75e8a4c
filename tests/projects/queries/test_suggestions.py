"""Reading the stored lists from the candidate's side: "mentors for you"."""

import pytest

from mentors.models import Pairing
from projects.queries import suggestions as queries
from projects.services import recompute
from tests.factories import MenteeFactory, PairingFactory

pytestmark = pytest.mark.django_db


def test_mentors_for_you_skip_experts_already_paired(experts, water):
    mentee = MenteeFactory(name="四创科技研发团队", needs="闸泵站故障智能诊断技术研发")
    mentee.fields.set([water])
    PairingFactory(mentor=experts[0], mentee=mentee, status=Pairing.Status.PROPOSED)
    recompute.recompute_target("mentees", mentee.pk)
    mine = queries.suggestions_for_mentee(mentee)
    assert [row.mentor.name for row in mine["mentors"]] == ["Dr. Alice Chen"]
