"""Pairing transitions: capacity, notifications and the audit trail."""

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
    uncelebrate_pairing,
)
from talentbridge.models import AuditEntry, Notification
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


def test_every_pairing_transition_writes_one_audit_entry(make_mentor, make_mentee, organizer):
    pairing = propose_pairing(make_mentor(), make_mentee(), actor=organizer, note="请多指教")
    for transition in (accept_pairing, celebrate_pairing, uncelebrate_pairing, celebrate_pairing):
        pairing = transition(pairing, actor=organizer)
    pairing = activate_pairing(pairing, actor=organizer)
    conclude_pairing(pairing, actor=organizer)

    entries = AuditEntry.objects.filter(
        content_type__model="pairing", object_id=str(pairing.pk)
    ).order_by("id")
    assert [(e.action, e.changes["status"]) for e in entries] == [
        ("mentors.pairing.propose", [None, "proposed"]),
        ("mentors.pairing.accept", ["proposed", "accepted"]),
        ("mentors.pairing.celebrate", ["accepted", "celebrated"]),
        ("mentors.pairing.uncelebrate", ["celebrated", "accepted"]),
        ("mentors.pairing.celebrate", ["accepted", "celebrated"]),
        ("mentors.pairing.activate", ["celebrated", "active"]),
        ("mentors.pairing.conclude", ["active", "concluded"]),
    ]
    assert {entry.actor for entry in entries} == {organizer}


def test_decline_and_dissolve_are_audited_and_refusals_are_not(make_mentor, make_mentee, organizer):
    mentor = make_mentor(capacity=1)
    declined = propose_pairing(mentor, make_mentee(), actor=organizer)
    declined = decline_pairing(declined, actor=organizer)
    with pytest.raises(PairingError):
        decline_pairing(declined, actor=organizer)
    accepted = accept_pairing(
        propose_pairing(mentor, make_mentee(), actor=organizer), actor=organizer
    )
    full = propose_pairing(mentor, make_mentee(), actor=organizer)
    with pytest.raises(CapacityFull):
        accept_pairing(full, actor=organizer)
    dissolve_pairing(accepted, actor=organizer)

    actions = list(
        AuditEntry.objects.filter(action__startswith="mentors.pairing.")
        .order_by("id")
        .values_list("object_id", "action")
    )
    assert actions == [
        (str(declined.pk), "mentors.pairing.propose"),
        (str(declined.pk), "mentors.pairing.decline"),
        (str(accepted.pk), "mentors.pairing.propose"),
        (str(accepted.pk), "mentors.pairing.accept"),
        (str(full.pk), "mentors.pairing.propose"),
        (str(accepted.pk), "mentors.pairing.dissolve"),
    ]


def test_uncelebrate_of_a_pairing_that_moved_on_changes_and_logs_nothing(
    make_mentor, make_mentee, organizer
):
    pairing = accept_pairing(
        propose_pairing(make_mentor(), make_mentee(), actor=organizer), actor=organizer
    )
    pairing = activate_pairing(pairing, actor=organizer)

    assert uncelebrate_pairing(pairing, actor=organizer).status == Pairing.Status.ACTIVE
    assert not AuditEntry.objects.filter(action="mentors.pairing.uncelebrate").exists()


def test_refused_proposal_leaves_no_audit_entry(make_mentor, make_mentee, organizer):
    mentor, mentee = make_mentor(), make_mentee()
    propose_pairing(mentor, mentee, actor=organizer)
    with pytest.raises(PairingError):
        propose_pairing(mentor, mentee, actor=organizer)

    assert AuditEntry.objects.filter(action="mentors.pairing.propose").count() == 1
