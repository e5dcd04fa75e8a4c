"""Conflicts of interest and verdicts in a posting's list: the poster, the poster's colleagues
and the candidates its owner marked "not relevant" are never suggested."""

import pytest

from projects.models import SuggestionFeedback
from projects.queries.suggestions import suggestions_for_posting
from projects.services import recompute
from projects.services.suggestions import record_feedback
from projects.suggestions import for_you
from tests.factories import MentorFactory, OrganizationFactory, UserFactory
from tests.projects.world import demand, names

pytestmark = pytest.mark.django_db

PUMP = {"research_fields": "闸泵站故障智能诊断", "bio": "泵站故障诊断与机器学习。"}


def test_a_colleague_of_the_poster_is_absent(experts, water, company):
    colleague = MentorFactory(
        name="四创 总工", affiliation=OrganizationFactory(name="四创科技"), **PUMP
    )
    colleague.fields.set([water])
    challenge = demand(water, poster_organization=company)
    recompute.recompute_target("challenges", challenge.pk)
    assert names(suggestions_for_posting(challenge)) == ["左明健", "Dr. Alice Chen"]
    assert for_you.postings_for(colleague, colleague.user) == []


def test_a_representative_of_the_posting_organisation_is_absent(experts, water, company):
    representative = MentorFactory(name="四创 代表", **PUMP)
    representative.fields.set([water])
    company.members.add(representative.user)
    challenge = demand(water, poster_organization=company)
    recompute.recompute_target("challenges", challenge.pk)
    assert "四创 代表" not in names(suggestions_for_posting(challenge))


def test_the_poster_is_absent_from_their_own_posting(experts, water):
    challenge = demand(water, owner=experts[0].user)
    recompute.recompute_target("challenges", challenge.pk)
    assert names(suggestions_for_posting(challenge)) == ["Dr. Alice Chen"]
    assert for_you.postings_for(experts[0], experts[0].user) == []


def test_an_expert_who_declared_a_conflict_with_the_poster_is_absent(experts, water, company):
    declared = MentorFactory(
        name="前四创 顾问",
        affiliation=OrganizationFactory(name="福州大学"),
        declared_conflicts="某集团；四创科技有限公司",
        **PUMP,
    )
    declared.fields.set([water])
    challenge = demand(water, poster_organization=company)
    recompute.recompute_target("challenges", challenge.pk)
    assert "前四创 顾问" not in names(suggestions_for_posting(challenge))
    assert for_you.postings_for(declared, declared.user) == []


def test_an_expert_of_another_organisation_is_suggested(experts, water, company):
    outsider = MentorFactory(name="外单位专家", affiliation=OrganizationFactory(), **PUMP)
    outsider.fields.set([water])
    challenge = demand(water, poster_organization=company)
    recompute.recompute_target("challenges", challenge.pk)
    assert "外单位专家" in names(suggestions_for_posting(challenge))


def test_not_relevant_is_hidden_from_its_giver_at_once_and_left_out_of_the_next_list(
    experts, water, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = suggestions_for_posting(challenge).first()
    with django_capture_on_commit_callbacks(execute=True):
        record_feedback(row, actor=challenge.owner, relevant=False)
    assert names(suggestions_for_posting(challenge, viewer=challenge.owner)) == ["Dr. Alice Chen"]
    assert names(suggestions_for_posting(challenge)) == ["Dr. Alice Chen"]  # recomputed
    assert SuggestionFeedback.objects.get().relevant is False


def test_not_relevant_of_someone_else_hides_nothing_for_the_owner(experts, water):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    row = suggestions_for_posting(challenge).first()
    reviewer = UserFactory(is_organizer=True)
    record_feedback(row, actor=reviewer, relevant=False)
    assert names(suggestions_for_posting(challenge, viewer=reviewer)) == ["Dr. Alice Chen"]
    owners = names(suggestions_for_posting(challenge, viewer=challenge.owner))
    assert owners == ["左明健", "Dr. Alice Chen"]
