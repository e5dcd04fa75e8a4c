"""Who may see contact details, edit profiles and act on pairings."""

import pytest
from django.contrib.auth.models import AnonymousUser

from mentors import rules
from mentors.models import Holding, Mentor, Organization, Pairing
from mentors.queries import offices_for_people
from mentors.services import hold_person
from talentbridge.models import Office, OfficeRole
from tests.factories import OrganizationFactory, UserFactory, member_of

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
    assert rules.can_see_contact(UserFactory(is_organizer=True), mentor) is False
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


# --- Offices: the managers of an office that holds a person run the profile -------------------


@pytest.fixture
def office_roles(home_office, other_office):
    """One account per office role around the people the home office holds."""
    return {
        "manager": member_of(home_office, OfficeRole.MANAGER),
        "owner_of_office": member_of(home_office, OfficeRole.OWNER),
        "reviewer": member_of(home_office, OfficeRole.REVIEWER),
        "staff": member_of(home_office, OfficeRole.STAFF),
        "other_manager": member_of(other_office, OfficeRole.MANAGER),
        "flag_only": UserFactory(is_organizer=True),
    }


RUNS = {
    "manager": True,
    "owner_of_office": True,
    "reviewer": False,
    "staff": False,
    "other_manager": False,
    "flag_only": False,
}


@pytest.mark.parametrize(("role", "expected"), RUNS.items())
def test_contacts_and_editing_belong_to_the_managers_of_a_holding_office(
    parties, office_roles, role, expected
):
    mentor, mentee = parties
    user = office_roles[role]

    assert rules.can_see_contact(user, mentor) is expected
    assert rules.can_see_contact(user, mentee) is expected
    assert rules.can_edit_mentor(user, mentor) is expected
    assert rules.can_edit_mentee(user, mentee) is expected
    assert rules.can_view_profile_history(user, mentor) is expected
    assert rules.can_record_honours(user, mentor) is expected


def test_a_second_holding_office_shares_the_profile(parties, office_roles, other_office):
    mentor, _mentee = parties
    other = office_roles["other_manager"]
    assert rules.can_see_contact(other, mentor) is False

    hold_person(other_office, mentor, source=Holding.Source.REGISTERED, actor=None)

    assert rules.can_see_contact(other, Mentor.objects.get(pk=mentor.pk)) is True


def test_people_no_office_holds_are_run_by_administrators_and_themselves(
    make_mentor, office_roles, admin_user
):
    mentor = make_mentor(user=UserFactory(is_mentor=True), held_by=None)

    assert not any(rules.can_see_contact(user, mentor) for user in office_roles.values())
    assert rules.can_see_contact(admin_user, mentor) is True
    assert rules.can_edit_mentor(mentor.user, mentor) is True
    assert rules.can_view_profile_history(mentor.user, mentor) is False


def test_organisations_are_edited_by_their_members_and_holding_office_managers(
    office_roles, home_office, enterprise_user
):
    organization = OrganizationFactory()
    organization.members.add(enterprise_user)
    manager = office_roles["manager"]
    assert rules.can_edit_organization(manager, organization) is False

    hold_person(home_office, organization, source=Holding.Source.IMPORTED, actor=None)
    organization = Organization.objects.get(pk=organization.pk)

    assert rules.can_edit_organization(manager, organization) is True
    assert rules.can_edit_organization(enterprise_user, organization) is True
    assert rules.can_edit_organization(office_roles["other_manager"], organization) is False


def test_adding_and_importing_people_needs_an_office_to_manage(office_roles, admin_user):
    allowed = {role: rules.can_add_people(user) for role, user in office_roles.items()}
    assert allowed == {
        "manager": True,
        "owner_of_office": True,
        "reviewer": False,
        "staff": False,
        "other_manager": True,
        "flag_only": False,
    }
    assert rules.can_import_people(admin_user) is True
    assert rules.can_record_honours(office_roles["other_manager"], Mentor()) is True
    assert rules.can_record_honours(office_roles["staff"], Mentor()) is False


def test_pairings_are_run_by_the_managers_of_an_office_holding_either_party(
    make_mentor, make_mentee, office_roles, other_office
):
    mentor = make_mentor(user=UserFactory(is_mentor=True), held_by=None)
    mentee = make_mentee(user=UserFactory(is_mentee=True))
    pairing = Pairing.objects.create(mentor=mentor, mentee=mentee, proposed_by=mentee.user)

    manager, other = office_roles["manager"], office_roles["other_manager"]
    assert rules.can_accept_pairing(manager, pairing) is True
    assert rules.can_view_pairing(manager, pairing) is True
    assert rules.can_propose_pairing(manager, mentor, mentee) is True
    assert rules.can_pair_for(manager, mentor) is False
    assert rules.can_accept_pairing(other, pairing) is False
    assert rules.can_view_pairing(other, pairing) is False

    hold_person(other_office, mentor, source=Holding.Source.INVITED, actor=None)
    mentor = Mentor.objects.get(pk=mentor.pk)
    assert rules.can_pair_for(other, mentor) is True


def test_the_offices_a_user_creates_people_for(office_roles, admin_user, home_office):
    assert list(offices_for_people(office_roles["manager"])) == [home_office]
    assert list(offices_for_people(office_roles["staff"])) == []
    assert set(offices_for_people(admin_user)) == set(Office.objects.all())
