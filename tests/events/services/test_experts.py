"""Expert invitations (求贤帖): inviting fills the event's invited experts; replies are kept."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from events.models import ExpertInvitation
from events.services import EventError
from events.services.experts import invitation_for_token, invite_experts, reply_to_invitation
from talentbridge.models import AuditEntry
from tests.factories import MentorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_inviting_mails_each_expert_once_and_fills_the_invited_experts(
    event, organizer, django_capture_on_commit_callbacks
):
    with_account = MentorFactory(name="左明健")
    on_file = MentorFactory(user=None, name="潘志远", email="pan@example.cn")
    with django_capture_on_commit_callbacks(execute=True):
        assert invite_experts(event, [with_account, on_file], actor=organizer) == 2
        assert invite_experts(event, [with_account], actor=organizer) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([with_account.email, "pan@example.cn"])
    assert set(event.invited_mentors.all()) == {with_account, on_file}
    assert ExpertInvitation.objects.filter(status="invited").count() == 2
    entry = AuditEntry.objects.get(action="events.expert.invite")
    assert sorted(entry.changes["experts"]) == sorted(["左明健", "潘志远"])


def test_replies_are_recorded_and_the_expert_stays_invited(event, organizer):
    expert = MentorFactory()
    invite_experts(event, [expert], actor=organizer)
    invitation = ExpertInvitation.objects.get()
    reply_to_invitation(invitation, "declined", actor=expert.user)
    assert list(event.invited_mentors.all()) == [expert]
    reply_to_invitation(invitation, "accepted", actor=expert.user)
    invitation.refresh_from_db()
    assert (invitation.status, list(event.invited_mentors.all())) == ("accepted", [expert])
    changes = [e.changes["status"] for e in AuditEntry.objects.filter(action="events.expert.reply")]
    assert sorted(changes) == [["declined", "accepted"], ["invited", "declined"]]


def test_no_reply_after_the_event_and_no_unknown_answer(event, organizer):
    expert = MentorFactory()
    invite_experts(event, [expert], actor=organizer)
    invitation = ExpertInvitation.objects.get()
    with pytest.raises(EventError, match="accept or decline"):
        reply_to_invitation(invitation, "maybe", actor=None)
    event.starts_at = timezone.now() - timedelta(days=2)
    event.ends_at = timezone.now() - timedelta(days=1)
    event.save()
    with pytest.raises(EventError, match="over"):
        reply_to_invitation(invitation, "accepted", actor=None)
    with pytest.raises(EventError, match="over"):
        invite_experts(event, [MentorFactory()], actor=organizer)
    invitation.refresh_from_db()
    assert invitation.status == "invited"


def test_a_made_up_token_is_refused():
    with pytest.raises(EventError, match="not valid"):
        invitation_for_token("x" * 43)
