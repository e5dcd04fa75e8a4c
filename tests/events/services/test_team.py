"""The event's team: adding, inviting, accepting and removing, each in the audit trail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from events.models import EventMember, EventRole, TeamInvitation
from events.services import EventError
from events.services.team import (
    accept_team_invitation,
    add_team_member,
    invite_team_member,
    remove_team_member,
    revoke_team_invitation,
)
from talentbridge.models import AuditEntry, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_adding_a_member_gives_the_role_and_is_recorded(event, organizer):
    volunteer = UserFactory(email="volunteer@example.cn")
    member = add_team_member(event, volunteer, EventRole.CHECKIN, actor=organizer)
    assert (member.event, member.user, member.role, member.added_by) == (
        event,
        volunteer,
        "checkin",
        organizer,
    )
    entry = AuditEntry.objects.get(action="events.team.add")
    assert (entry.actor, entry.object_id, entry.changes) == (
        organizer,
        str(event.pk),
        {"member": "volunteer@example.cn", "role": "checkin"},
    )


def test_adding_a_role_already_held_is_refused(event, organizer):
    volunteer = UserFactory(name="志愿者 小林")
    add_team_member(event, volunteer, EventRole.CHECKIN, actor=organizer)
    with pytest.raises(EventError, match="already Check-in staff of this event"):
        add_team_member(event, volunteer, EventRole.CHECKIN, actor=organizer)
    add_team_member(event, volunteer, EventRole.CEREMONY, actor=organizer)
    assert EventMember.objects.filter(user=volunteer).count() == 2


def test_removing_a_member_is_recorded(event, organizer):
    member = add_team_member(event, UserFactory(), EventRole.REVIEWER, actor=organizer)
    remove_team_member(member, actor=organizer)
    assert not EventMember.objects.exists()
    assert AuditEntry.objects.get(action="events.team.remove").changes["role"] == "reviewer"


def test_invitation_mails_a_link_that_creates_the_account(
    event, organizer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        token = invite_team_member(
            event, email=" New@Example.cn ", role=EventRole.CHECKIN, actor=organizer
        )
    (message,) = mail.outbox
    assert message.to == ["new@example.cn"]
    assert f"/events/team/{token}/" in message.body
    member = accept_team_invitation(token, name="志愿者 小王", password="Qinglan-relay-2026")
    assert (member.user.email, member.role) == ("new@example.cn", "checkin")
    invitation = TeamInvitation.objects.get()
    assert invitation.status == TeamInvitation.Status.ACCEPTED
    assert {e.action for e in AuditEntry.objects.all()} >= {
        "events.team.invite",
        "events.team.add",
        "events.team.accept",
    }


def test_inviting_an_address_already_a_member_is_refused(event, organizer):
    volunteer = UserFactory(email="helper@example.cn")
    add_team_member(event, volunteer, EventRole.CHECKIN, actor=organizer)
    with pytest.raises(EventError, match="already Check-in staff"):
        invite_team_member(event, email="HELPER@example.cn", role="checkin", actor=organizer)
    assert not TeamInvitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("state", ["reused", "revoked", "expired", "tampered", "replaced"])
def test_invitation_links_that_cannot_be_used(event, organizer, state):
    token = invite_team_member(event, email="a@example.cn", role="reviewer", actor=organizer)
    invitation = TeamInvitation.objects.get()
    if state == "reused":
        accept_team_invitation(token, name="甲", password="Qinglan-relay-2026")
    elif state == "revoked":
        revoke_team_invitation(invitation, actor=organizer)
    elif state == "expired":
        TeamInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif state == "tampered":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    else:
        invite_team_member(event, email="a@example.cn", role="reviewer", actor=organizer)
    members = EventMember.objects.count()
    with pytest.raises(EventError):
        accept_team_invitation(token, name="乙", password="Qinglan-relay-2026")
    assert EventMember.objects.count() == members


def test_accepting_as_another_account_is_refused(event, organizer):
    token = invite_team_member(event, email="a@example.cn", role="reviewer", actor=organizer)
    stranger = UserFactory(email="b@example.cn")
    with pytest.raises(EventError, match=r"sent to a@example\.cn"):
        accept_team_invitation(token, user=stranger)
    assert not EventMember.objects.exists()
    assert User.objects.filter(email="a@example.cn").count() == 0
