"""Engine inputs: rows as the matching engine sees them, and the engines fitted on them."""

import pytest

from mentors.models import Pairing
from projects.suggestions import inputs
from tests.factories import IndustryChainFactory, MentorFactory, PairingFactory
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def test_mentor_expert_capacity_left_counts_occupying_pairings(experts):
    pump = experts[0]
    pump.capacity = 3
    PairingFactory(mentor=pump, status=Pairing.Status.ACCEPTED)
    PairingFactory(mentor=pump, status=Pairing.Status.ACTIVE)
    PairingFactory(mentor=pump, status=Pairing.Status.CONCLUDED)
    expert = inputs.mentor_expert(pump, occupied=2, project_titles=["智慧水务产业化"])
    assert expert.capacity == 1
    assert expert.hometown == "福建省福州市晋安区"
    assert expert.tags == ["水利", "Water conservancy"]
    assert expert.languages == ["zh", "en"]
    assert "智慧水务产业化" in expert.texts


def test_unavailable_mentor_has_no_capacity(experts):
    pump = experts[0]
    pump.available = False
    assert inputs.mentor_expert(pump, occupied=0).capacity == 0


def test_confidential_details_stay_out_of_the_query(water):
    challenge = demand(water, details="秘密工艺参数", confidential=True)
    assert "秘密工艺参数" not in inputs.posting_item(challenge).text
    challenge.confidential = False
    assert "秘密工艺参数" in inputs.posting_item(challenge).text


def test_engine_is_reused_until_the_mentor_table_changes(experts):
    first = inputs.candidate_engine("mentors")
    assert inputs.candidate_engine("mentors") is first
    MentorFactory(name="新专家", research_fields="海洋观测")
    assert inputs.candidate_engine("mentors") is not first


def test_engine_refits_when_a_profiles_fields_change(experts):
    first = inputs.candidate_engine("mentors")
    experts[2].fields.set([IndustryChainFactory(slug="medical_care", name_zh="医疗卫生")])
    assert inputs.candidate_engine("mentors") is not first


def test_engine_refits_when_a_place_is_taken(experts):
    first = inputs.candidate_engine("mentors")
    PairingFactory(mentor=experts[0], status=Pairing.Status.ACCEPTED)
    assert inputs.candidate_engine("mentors") is not first
