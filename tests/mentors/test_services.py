"""Pairing transitions, capacity and the denormalised search text."""

import pytest

from mentors.models import Pairing
from mentors.queries import occupied_places
from mentors.services import (
    CapacityFull,
    PairingError,
    accept_pairing,
    activate_pairing,
    celebrate_pairing,
    conclude_pairing,
    decline_pairing,
    dissolve_pairing,
    propose_pairing,
    save_organization,
)
from talentbridge.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_propose_pairing_notifies_the_other_party(
    make_mentor, make_mentee, django_capture_on_commit_callbacks
):
    mentor_account = UserFactory(is_mentor=True)
    mentee_account = UserFactory(is_mentee=True)
    mentor = make_mentor(user=mentor_account)
    mentee = make_mentee(user=mentee_account)

    with django_capture_on_commit_callbacks(execute=True):
        pairing = propose_pairing(mentor, mentee, actor=mentee_account, note="请多指教")

    assert pairing.status == Pairing.Status.PROPOSED
    assert pairing.proposed_by == mentee_account
    assert Notification.objects.filter(user=mentor_account).count() == 1
    assert Notification.objects.filter(user=mentee_account).count() == 0


def test_propose_pairing_twice_for_the_same_pair_is_refused(make_mentor, make_mentee, organizer):
    mentor, mentee = make_mentor(), make_mentee()
    propose_pairing(mentor, mentee, actor=organizer)

    with pytest.raises(PairingError):
        propose_pairing(mentor, mentee, actor=organizer)
    assert Pairing.objects.count() == 1


def test_propose_pairing_with_unavailable_mentor_is_refused(make_mentor, make_mentee, organizer):
    mentor = make_mentor(available=False)

    with pytest.raises(PairingError):
        propose_pairing(mentor, make_mentee(), actor=organizer)
    assert Pairing.objects.count() == 0


def test_accept_pairing_takes_a_place(make_mentor, make_mentee, organizer):
    mentor = make_mentor(capacity=2)
    pairing = propose_pairing(mentor, make_mentee(), actor=organizer)

    accepted = accept_pairing(pairing, actor=organizer)

    assert accepted.status == Pairing.Status.ACCEPTED
    assert accepted.accepted_at is not None
    assert occupied_places(mentor) == 1


def test_accept_pairing_beyond_capacity_is_refused(make_mentor, make_mentee, organizer):
    mentor = make_mentor(capacity=1)
    first = propose_pairing(mentor, make_mentee(), actor=organizer)
    second = propose_pairing(mentor, make_mentee(), actor=organizer)
    accept_pairing(first, actor=organizer)

    with pytest.raises(CapacityFull):
        accept_pairing(second, actor=organizer)
    second.refresh_from_db()
    assert second.status == Pairing.Status.PROPOSED
    assert occupied_places(mentor) == 1


def test_accept_pairing_twice_is_refused(make_mentor, make_mentee, organizer):
    pairing = propose_pairing(make_mentor(), make_mentee(), actor=organizer)
    accept_pairing(pairing, actor=organizer)

    with pytest.raises(PairingError):
        accept_pairing(pairing, actor=organizer)


def test_dissolve_pairing_frees_the_place(make_mentor, make_mentee, organizer):
    mentor = make_mentor(capacity=1)
    first = accept_pairing(propose_pairing(mentor, make_mentee(), actor=organizer), actor=organizer)
    second = propose_pairing(mentor, make_mentee(), actor=organizer)

    dissolve_pairing(first, actor=organizer)
    accept_pairing(second, actor=organizer)

    assert occupied_places(mentor) == 1
    first.refresh_from_db()
    assert first.status == Pairing.Status.DISSOLVED


def test_pairing_lifecycle_runs_to_concluded(make_mentor, make_mentee, organizer):
    pairing = propose_pairing(make_mentor(), make_mentee(), actor=organizer)
    pairing = accept_pairing(pairing, actor=organizer)
    pairing = celebrate_pairing(pairing, actor=organizer)
    assert pairing.celebrated_at is not None
    pairing = activate_pairing(pairing, actor=organizer)
    pairing = conclude_pairing(pairing, actor=organizer)

    assert pairing.status == Pairing.Status.CONCLUDED
    assert pairing.ended_at is not None


def test_decline_pairing_only_while_proposed(make_mentor, make_mentee, organizer):
    pairing = propose_pairing(make_mentor(), make_mentee(), actor=organizer)
    declined = decline_pairing(pairing, actor=organizer)
    assert declined.status == Pairing.Status.DISSOLVED

    with pytest.raises(PairingError):
        decline_pairing(pairing, actor=organizer)


def test_celebrate_pairing_before_acceptance_is_refused(make_mentor, make_mentee, organizer):
    pairing = propose_pairing(make_mentor(), make_mentee(), actor=organizer)

    with pytest.raises(PairingError):
        celebrate_pairing(pairing, actor=organizer)


def test_save_mentor_keeps_search_text_in_both_languages(make_mentor, taxonomy):
    mentor = make_mentor(
        name="陈思恩",
        title="Professor",
        affiliation="科技谷(厦门)信息技术有限公司",
        fields=[taxonomy["fields"]["marine_economy"]],
        honours=[taxonomy["honours"]["leading-talent"], taxonomy["honours"]["academician"]],
        county="同安区",
    )

    assert "陈思恩" in mentor.search_text
    assert "海洋经济" in mentor.search_text
    assert "marine economy" in mentor.search_text
    assert "professor" in mentor.search_text
    assert "科技谷" in mentor.search_text
    assert "同安区" in mentor.search_text
    assert mentor.honour_level == 1


def test_save_organization_refreshes_the_search_text_of_its_experts(make_mentor):
    mentor = make_mentor(affiliation="旧名称有限公司")
    organization = mentor.affiliation
    organization.name = "四创科技有限公司"

    save_organization(organization, actor=None)

    mentor.refresh_from_db()
    assert "四创科技" in mentor.search_text
    assert "旧名称" not in mentor.search_text
