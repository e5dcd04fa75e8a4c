""" "For you": open postings ranked for one person, fresh and filtered by their feedback."""

import pytest

from projects.matching import score_label
from projects.models import Claim, Status
from projects.queries.suggestions import suggestions_for_posting
from projects.services import recompute
from projects.services.suggestions import record_posting_feedback
from projects.suggestions import for_you
from projects.suggestions.inputs import candidate_engine, posting_item
from tests.factories import ChallengeFactory, IndustryChainFactory, ProjectFactory
from tests.projects.world import demand

pytestmark = pytest.mark.django_db


def listed(person) -> list:
    return [entry.posting for entry in for_you.postings_for(person, person.user)]


def claim(challenge, mentor, status):
    return Claim.objects.create(
        challenge=challenge,
        claimant=mentor.user,
        mentor=mentor,
        approach="方案",
        timeline="3个月",
        expected_result="结果",
        status=status,
    )


@pytest.fixture
def garden(water):
    """A second pump-station demand, less close to the pump expert's profile."""
    challenge = ChallengeFactory(
        title="泵站园林绿化与消防改造",
        summary="泵站厂区园林绿化、消防、供配电和道路改造，另需一个 sensor 监测点。",
    )
    challenge.fields.set([water])
    return challenge


def test_challenges_for_you_sort_by_score_across_demands(experts, water, garden):
    # The pump expert: the sensor expert's matches here are weak, and weak ones are not shown.
    strong, weak = demand(water), garden
    for challenge in (strong, weak):
        recompute.recompute_target("challenges", challenge.pk)
    listed = for_you.postings_for(experts[0], experts[0].user)
    assert [row.challenge for row in listed] == [strong, weak]
    assert listed[0].score > listed[1].score


def test_for_you_scores_and_reasons_are_those_of_the_postings_list(experts, water):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = challenge.suggestions.get(mentor=experts[0])
    (entry,) = for_you.postings_for(experts[0], experts[0].user)
    assert entry.score == pytest.approx(row.score, abs=1e-6)
    assert entry.reasons == row.reasons
    assert entry.label == score_label(row.score) != "weak"


def test_weak_matches_are_not_shown(experts, water):
    challenge = demand(water)
    engine = candidate_engine("mentors")
    assert score_label(engine.score(posting_item(challenge), [str(experts[1].pk)])[0]) == "weak"
    assert listed(experts[1]) == []


@pytest.mark.parametrize(
    "status", [Claim.Status.SUBMITTED, Claim.Status.ACCEPTED, Claim.Status.DECLINED]
)
def test_claimed_won_or_declined_posting_is_absent(experts, water, garden, status):
    challenge = demand(water, slots=2)  # a slot stays free when the claim is won
    assert listed(experts[0]) == [challenge, garden]
    claim(challenge, experts[0], status)
    assert listed(experts[0]) == [garden]


def test_a_closed_posting_drops_out_of_every_list_at_once(experts, water, home_office):
    challenge = demand(water, office=home_office)
    recompute.recompute_target("challenges", challenge.pk)
    assert suggestions_for_posting(challenge).count() == 2
    assert listed(experts[0]) == [challenge]
    challenge.status = Status.CLOSED
    challenge.save()
    assert suggestions_for_posting(challenge).count() == 0
    assert listed(experts[0]) == []


def test_a_claimed_out_posting_drops_out_of_every_list_at_once(experts, water, garden):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    claim(challenge, experts[1], Claim.Status.ACCEPTED)
    challenge.status = Status.CLAIMED
    challenge.save()
    assert suggestions_for_posting(challenge).count() == 0
    assert listed(experts[0]) == [garden]


def test_not_relevant_is_never_shown_again(experts, water, garden):
    challenge = demand(water)
    record_posting_feedback(experts[0], challenge, actor=experts[0].user, relevant=False, score=0.3)
    assert listed(experts[0]) == [garden]
    recompute.recompute_target("challenges", challenge.pk)
    assert listed(experts[0]) == [garden]


def test_relevant_raises_postings_sharing_its_fields(experts):
    ocean = IndustryChainFactory(slug="marine_economy", name_zh="海洋经济", name_en="Marine")
    energy = IndustryChainFactory(slug="new_energy", name_zh="新能源", name_en="New energy")
    first, second = demand(ocean), demand(energy)
    liked = ChallengeFactory(title="储能电站泵站故障诊断", summary="储能电站冷却泵站故障诊断")
    liked.fields.set([energy])
    before = for_you.postings_for(experts[0], experts[0].user)
    ranked = [entry.posting for entry in before]
    assert ranked.index(first) + 1 == ranked.index(second)  # a tie, broken by id
    record_posting_feedback(experts[0], liked, actor=experts[0].user, relevant=True, score=0.3)
    after = {entry.posting: entry for entry in for_you.postings_for(experts[0], experts[0].user)}
    ranked = list(after)
    assert ranked.index(second) < ranked.index(first)
    assert after[second].boost == for_you.LIKED_BOOST and after[first].boost == 0
    assert after[second].score == after[first].score  # the label keeps the engine's score
    assert "liked:" in after[second].reasons


def test_projects_for_you_leave_out_the_mentees_own_organisation(water, apprentice, company):
    apprentice.needs = "泵站故障诊断技术的产业化与合作"
    apprentice.organization = company
    apprentice.save()
    apprentice.fields.set([water])
    theirs = ProjectFactory(
        title="闸泵站故障智能诊断产业化",
        summary="泵站故障诊断成果转化",
        poster_mentor__affiliation=company,
    )
    other = ProjectFactory(title="泵站故障诊断产业合作", summary="泵站故障诊断成果转化与合作")
    for project in (theirs, other):
        project.fields.set([water])
    assert listed(apprentice) == [other]
