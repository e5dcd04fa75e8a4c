"""Fixtures for the boards: a demand of an enterprise, a project of an expert, profiles."""

import pytest

from tests.factories import (
    ChallengeFactory,
    MenteeFactory,
    MentorFactory,
    OrganizationFactory,
    ProjectFactory,
)


@pytest.fixture
def expert(mentor_user):
    """The expert profile of ``mentor_user``."""
    return MentorFactory(user=mentor_user, name=mentor_user.name)


@pytest.fixture
def apprentice(mentee_user):
    """The mentee profile of ``mentee_user``."""
    return MenteeFactory(user=mentee_user, name=mentee_user.name)


@pytest.fixture
def company(enterprise_user):
    organization = OrganizationFactory(name="四创科技有限公司")
    organization.members.add(enterprise_user)
    return organization


@pytest.fixture
def challenge(enterprise_user, company):
    """A published demand of the enterprise, one slot."""
    return ChallengeFactory(owner=enterprise_user, poster_organization=company)


@pytest.fixture
def project(mentor_user, expert):
    """A published project of the expert, one slot."""
    return ProjectFactory(owner=mentor_user, poster_mentor=expert)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The suite creates many accounts; the production hasher is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
