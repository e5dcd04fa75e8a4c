"""A posting belongs to the office it was submitted to: that office's reviewers review it,
its managers run it, and an organizer elsewhere does neither."""

import pytest

from projects import rules
from projects.models import Status
from projects.queries.postings import postings_of_office, review_queue
from projects.services.claims import claim_posting
from talentbridge.models import OfficeRole
from tests.factories import ChallengeFactory, ProjectFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(home_office, other_office, admin_user):
    return {
        "owner_of_office": member_of(home_office, OfficeRole.OWNER),
        "manager": member_of(home_office, OfficeRole.MANAGER),
        "reviewer": member_of(home_office, OfficeRole.REVIEWER),
        "staff": member_of(home_office, OfficeRole.STAFF),
        "other_manager": member_of(other_office, OfficeRole.MANAGER),
        "other_reviewer": member_of(other_office, OfficeRole.REVIEWER),
        "flag_only": UserFactory(is_organizer=True),
        "admin": admin_user,
    }


def _allowed(people, predicate, posting) -> set[str]:
    return {role for role, user in people.items() if predicate(user, posting)}


RUN = {"owner_of_office", "manager", "admin"}
REVIEW = {"owner_of_office", "manager", "reviewer", "admin"}


def test_reviewing_belongs_to_the_reviewers_and_managers_of_the_office(people, home_office):
    submitted = ChallengeFactory(status=Status.SUBMITTED, office=home_office)

    assert _allowed(people, rules.can_review_posting, submitted) == REVIEW
    assert _allowed(people, rules.can_view_posting, submitted) == REVIEW
    assert _allowed(people, rules.can_view_history, submitted) == REVIEW


def test_running_a_posting_belongs_to_the_managers_of_its_office(people, home_office):
    published = ChallengeFactory(office=home_office, confidential=True)
    draft = ChallengeFactory(status=Status.DRAFT, office=home_office)

    assert _allowed(people, rules.can_edit_posting, published) == RUN
    assert _allowed(people, rules.can_withdraw_posting, published) == RUN
    assert _allowed(people, rules.can_close_posting, published) == RUN
    assert _allowed(people, rules.can_view_suggestions, published) == RUN
    assert _allowed(people, rules.can_submit_posting, draft) == RUN
    assert _allowed(people, rules.can_see_details, published) == REVIEW


def test_claims_are_decided_by_the_poster_or_the_managers_of_the_office(
    people, home_office, mentor_user
):
    challenge = ChallengeFactory(office=home_office)
    claim = claim_posting(
        challenge, actor=mentor_user, approach="方案", timeline="3个月", expected_result="结果"
    )

    assert _allowed(people, rules.can_decide_claim, claim) == RUN
    assert _allowed(people, rules.can_view_claim, claim) == RUN
    assert _allowed(people, rules.can_see_claim_contacts, claim) == RUN
    assert rules.can_decide_claim(challenge.owner, claim) is True


def test_a_posting_from_before_offices_is_run_by_administrators_only(people):
    old = ChallengeFactory(status=Status.SUBMITTED)
    assert old.office is None
    assert _allowed(people, rules.can_review_posting, old) == {"admin"}


def test_the_review_queue_holds_the_postings_of_the_user_s_offices(
    people, home_office, other_office
):
    mine = ChallengeFactory(status=Status.SUBMITTED, office=home_office)
    theirs = ChallengeFactory(status=Status.SUBMITTED, office=other_office)
    ChallengeFactory(status=Status.PUBLISHED, office=home_office)

    assert rules.reviewing_office_ids(people["reviewer"]) == {home_office.pk}
    assert list(review_queue("challenges", rules.reviewing_office_ids(people["reviewer"]))) == [
        mine
    ]
    assert set(review_queue("challenges", rules.reviewing_office_ids(people["admin"]))) == {
        mine,
        theirs,
    }
    assert {role for role, user in people.items() if rules.can_view_review_queue(user)} == {
        "owner_of_office",
        "manager",
        "reviewer",
        "other_manager",
        "other_reviewer",
        "admin",
    }


def test_postings_of_an_office_in_every_status(home_office, other_office):
    draft = ChallengeFactory(status=Status.DRAFT, office=home_office)
    published = ChallengeFactory(office=home_office)
    project = ProjectFactory(office=home_office)
    ChallengeFactory(office=other_office)

    postings = postings_of_office(home_office)

    assert list(postings.challenges) == [published, draft]
    assert list(postings.projects) == [project]
