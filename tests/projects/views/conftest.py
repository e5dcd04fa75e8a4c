"""Fixtures of the page tests: a user per role and postings in several states."""

import pytest

from projects.services.claims import claim_posting
from tests.factories import ChallengeFactory, UserFactory


@pytest.fixture
def users(organizer, mentor_user, mentee_user, enterprise_user):
    return {
        "anonymous": None,
        "organizer": organizer,
        "mentor": mentor_user,
        "mentee": mentee_user,
        "owner": enterprise_user,
        "other_enterprise": UserFactory(is_enterprise=True),
    }


@pytest.fixture
def postings(challenge, enterprise_user, company, mentor_user, expert, home_office):
    draft = ChallengeFactory(
        owner=enterprise_user, poster_organization=company, status="draft", office=home_office
    )
    submitted = ChallengeFactory(
        owner=enterprise_user, poster_organization=company, status="submitted", office=home_office
    )
    claim = claim_posting(
        challenge, actor=mentor_user, approach="方案", timeline="3个月", expected_result="结果"
    )
    return {"published": challenge, "draft": draft, "submitted": submitted, "claim": claim}
