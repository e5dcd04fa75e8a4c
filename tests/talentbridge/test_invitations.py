"""The one invitation mechanism, tried through a kind of its own: tokens stored as hashes,
expiry, single use, replacement, withdrawal, and accepting as a new or a logged-in account."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from talentbridge.models import AuditEntry, Invitation, Membership, OfficeRole, User
from talentbridge.services.invitations import (
    InvitationError,
    InvitationKind,
    accept_invitation,
    create_invitation,
    pending_invitation,
    token_hash,
    withdraw_invitation,
)
from tests.factories import OfficeFactory, UserFactory

pytestmark = pytest.mark.django_db
joined = []


def _join(invitation, user):
    joined.append((invitation.pk, user.email))
    return Membership.objects.create(office=invitation.office, user=user, role=invitation.role)


KIND = InvitationKind(
    model=Invitation, join=_join, expired=lambda: "Expired: ask again.", related=("office",)
)


@pytest.fixture(autouse=True)
def _english():
    joined.clear()
    with translation.override("en"):
        yield


@pytest.fixture
def invite():
    office, inviter = OfficeFactory(), UserFactory()

    def make(email="helper@example.cn"):
        return create_invitation(
            KIND, email=email, actor=inviter, office=office, role=OfficeRole.STAFF
        )

    return make


def test_only_the_tokens_hash_is_stored_and_finds_the_invitation(invite):
    invitation, token = invite()
    assert token not in invitation.token_hash
    assert invitation.token_hash == token_hash(token)
    assert pending_invitation(KIND, token) == invitation
    assert invitation.expires_at > timezone.now() + timedelta(days=1)


def test_a_new_account_joins_once_and_the_link_is_then_used(invite):
    invitation, token = invite()
    membership = accept_invitation(KIND, token, name=" 志愿者 小周 ", password="Relay-green-77")
    user = User.objects.get(email="helper@example.cn")
    assert (membership.user, user.name) == (user, "志愿者 小周")
    assert user.check_password("Relay-green-77")
    assert joined == [(invitation.pk, "helper@example.cn")]
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == ("accepted", user)
    assert AuditEntry.objects.filter(action="accounts.signup", object_id=str(user.pk)).exists()
    with pytest.raises(InvitationError, match="already been used"):
        accept_invitation(KIND, token, name="又一次", password="Relay-green-77")
    assert len(joined) == 1


def test_a_logged_in_account_must_have_the_invited_address(invite):
    _, token = invite()
    stranger = UserFactory(email="someone@example.cn")
    with pytest.raises(InvitationError, match=r"was sent to helper@example\.cn"):
        accept_invitation(KIND, token, user=stranger)
    owner = UserFactory(email="Helper@Example.cn")
    assert accept_invitation(KIND, token, user=owner).user == owner


def test_an_existing_address_must_log_in_first(invite):
    UserFactory(email="helper@example.cn")
    _, token = invite()
    with pytest.raises(InvitationError, match="log in first"):
        accept_invitation(KIND, token, name="甲", password="Relay-green-77")
    assert joined == []


def test_expired_replaced_withdrawn_and_tampered_links_are_refused(invite):
    first, old_token = invite()
    second, token = invite()
    with pytest.raises(InvitationError, match="withdrawn or replaced"):
        pending_invitation(KIND, old_token)
    with pytest.raises(InvitationError, match="not valid"):
        pending_invitation(KIND, token[:-1] + ("A" if token[-1] != "A" else "B"))
    with pytest.raises(InvitationError, match="not valid"):
        pending_invitation(KIND, "x" * 5000)
    Invitation.objects.filter(pk=second.pk).update(expires_at=timezone.now())
    with pytest.raises(InvitationError, match=r"^Expired: ask again\.$"):
        pending_invitation(KIND, token)
    first.refresh_from_db()
    assert first.status == "revoked"
    third, _ = invite("other@example.cn")
    withdraw_invitation(third)
    with pytest.raises(InvitationError, match="Only a pending invitation"):
        withdraw_invitation(third)
