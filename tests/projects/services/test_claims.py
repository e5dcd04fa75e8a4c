"""Transitions of claims: file, accept within the slots, decline, withdraw."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mentors.models import Pairing
from projects.models import Attachment, Claim, Status
from projects.services.claims import accept_claim, decline_claim, withdraw_claim
from projects.services.common import BoardError
from talentbridge.models import Notification
from tests.factories import ChallengeFactory, MentorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("run_on_commit_at_once")]


def test_claim_notifies_poster_and_stores_attachment(
    challenge, mentor_user, expert, enterprise_user, claim
):
    upload = SimpleUploadedFile("方案.pdf", b"%PDF-1.7 proposal", content_type="application/pdf")
    made = claim(challenge, mentor_user, files=[upload])
    assert made.status == Claim.Status.SUBMITTED
    assert made.mentor == expert
    assert Attachment.objects.get(claim=made).name == "方案.pdf"
    assert (
        Notification.objects.filter(
            user=enterprise_user, key=f"projects.claim_received.{made.pk}"
        ).count()
        == 1
    )


def test_second_open_claim_by_same_person_is_refused(challenge, mentor_user, claim):
    claim(challenge, mentor_user)
    with pytest.raises(BoardError):
        claim(challenge, mentor_user)
    assert Claim.objects.filter(challenge=challenge).count() == 1


def test_claim_again_after_withdrawing(challenge, mentor_user, claim):
    first = claim(challenge, mentor_user)
    withdraw_claim(first, actor=mentor_user)
    second = claim(challenge, mentor_user)
    assert second.status == Claim.Status.SUBMITTED
    assert Claim.objects.filter(challenge=challenge).count() == 2


def test_claim_of_own_posting_is_refused(challenge, enterprise_user, claim):
    enterprise_user.is_mentor = True
    with pytest.raises(BoardError):
        claim(challenge, enterprise_user)


def test_mentee_cannot_claim_a_demand(challenge, mentee_user, claim):
    with pytest.raises(BoardError):
        claim(challenge, mentee_user)


def test_claim_after_deadline_is_refused(challenge, mentor_user, claim):
    challenge.deadline = timezone.localdate() - timedelta(days=1)
    challenge.save()
    with pytest.raises(BoardError):
        claim(challenge, mentor_user)


def test_claim_of_draft_is_refused(mentor_user, enterprise_user, company, claim):
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    with pytest.raises(BoardError):
        claim(posting, mentor_user)


def test_accept_claim_marks_posting_claimed_and_notifies(
    challenge, mentor_user, enterprise_user, expert, claim
):
    made = claim(challenge, mentor_user)
    accepted = accept_claim(made, actor=enterprise_user, message="欢迎合作")
    challenge.refresh_from_db()
    assert accepted.status == Claim.Status.ACCEPTED
    assert accepted.decision_message == "欢迎合作"
    assert challenge.status == Status.CLAIMED
    note = Notification.objects.get(user=mentor_user, key=f"projects.claim_accepted.{made.pk}")
    assert "欢迎合作" in note.body
    # An organisation's demand joins no mentee: no pairing is proposed.
    assert accepted.pairing is None


def test_accept_beyond_slots_is_refused(challenge, enterprise_user, claim):
    experts = [MentorFactory().user for _ in range(2)]
    first, second = (claim(challenge, user) for user in experts)
    accept_claim(first, actor=enterprise_user)
    with pytest.raises(BoardError):
        accept_claim(second, actor=enterprise_user)
    assert Claim.objects.filter(challenge=challenge, status="accepted").count() == 1


def test_accept_project_claim_by_mentee_proposes_pairing(
    project, mentee_user, apprentice, mentor_user, expert, claim
):
    made = claim(project, mentee_user, organization_name="阿拉丁进出口")
    accepted = accept_claim(made, actor=mentor_user)
    pairing = Pairing.objects.get()
    assert accepted.pairing == pairing
    assert (pairing.mentor, pairing.mentee, pairing.status) == (expert, apprentice, "proposed")


def test_accept_demand_of_mentee_by_expert_proposes_pairing(
    mentee_user, apprentice, mentor_user, expert, claim
):
    posting = ChallengeFactory(
        owner=mentee_user, poster_organization=None, poster_mentee=apprentice
    )
    made = claim(posting, mentor_user)
    accept_claim(made, actor=mentee_user)
    assert Pairing.objects.filter(mentor=expert, mentee=apprentice, status="proposed").count() == 1


def test_decline_claim_notifies_claimant(challenge, mentor_user, enterprise_user, claim):
    made = claim(challenge, mentor_user)
    decline_claim(made, actor=enterprise_user, message="方向不符")
    made.refresh_from_db()
    assert made.status == Claim.Status.DECLINED
    assert "方向不符" in Notification.objects.get(user=mentor_user).body
    with pytest.raises(BoardError):
        accept_claim(made, actor=enterprise_user)
