"""Who may see contact details, edit profiles and act on pairings."""

import pytest
from django.contrib.auth.models import AnonymousUser

from mentors import rules
from mentors.models import Pairing
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties(make_mentor, make_mentee):
    mentor_account = UserFactory(is_mentor=True)
    mentee_account = UserFactory(is_mentee=True)
    mentor = make_mentor(user=mentor_account)
    mentee = make_mentee(user=mentee_account)
    return mentor, mentee


@pytest.mark.parametrize(
    ("status", "visible"),
    [
        (Pairing.Status.PROPOSED, False),
        (Pairing.Status.ACCEPTED, True),
        (Pairing.Status.CELEBRATED, True),
        (Pairing.Status.ACTIVE, True),
        (Pairing.Status.CONCLUDED, True),
        (Pairing.Status.DISSOLVED, False),
    ],
)
def test_can_see_contact_for_pairing_parties_by_status(parties, status, visible):
    mentor, mentee = parties
    Pairing.objects.create(mentor=mentor, mentee=mentee, status=status)

    assert rules.can_see_contact(mentee.user, mentor) is visible
    assert rules.can_see_contact(mentor.user, mentee) is visible


def test_can_see_contact_for_roles(parties, organizer, admin_user, enterprise_user):
    mentor, mentee = parties
    stranger_mentor = UserFactory(is_mentor=True)

    assert rules.can_see_contact(AnonymousUser(), mentor) is False
    assert rules.can_see_contact(organizer, mentor) is True
    assert rules.can_see_contact(admin_user, mentee) is True
    assert rules.can_see_contact(enterprise_user, mentor) is False
    assert rules.can_see_contact(stranger_mentor, mentee) is False
    assert rules.can_see_contact(mentor.user, mentor) is True


def test_register_contact_grant_reveals_contacts(parties, enterprise_user):
    mentor, _ = parties

    def accepted_claim(user, person):
        return user == enterprise_user and person == mentor

    rules.register_contact_grant(accepted_claim)
    rules.register_contact_grant(accepted_claim)
    try:
        assert rules.can_see_contact(enterprise_user, mentor) is True
        assert rules._contact_grants.count(accepted_claim) == 1
    finally:
        rules.unregister_contact_grant(accepted_claim)
    assert rules.can_see_contact(enterprise_user, mentor) is False


def test_can_accept_pairing_only_for_the_side_that_did_not_propose(parties, organizer):
    mentor, mentee = parties
    pairing = Pairing.objects.create(mentor=mentor, mentee=mentee, proposed_by=mentee.user)

    assert rules.can_accept_pairing(mentor.user, pairing) is True
    assert rules.can_accept_pairing(mentee.user, pairing) is False
    assert rules.can_accept_pairing(organizer, pairing) is True
    assert rules.can_decline_pairing(mentee.user, pairing) is True
    assert rules.can_accept_pairing(UserFactory(is_mentor=True), pairing) is False
