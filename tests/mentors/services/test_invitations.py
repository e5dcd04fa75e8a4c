"""Invitations to claim a profile (求贤帖): sending, resending, bounces, and claiming with a
new or an existing account; bad links are refused with a clear message."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation

from mentors.models import ClaimStatus, Holding, Mentor, ProfileInvitation
from mentors.queries import claim_status_counts, held_experts, live_invitations
from mentors.services import (
    InvitationError,
    claim_profile,
    hold_person,
    invitation_for_token,
    invitation_url,
    invite_experts,
    invite_to_claim_profile,
    open_profile_invitation,
)
from mentors.services.invitation_mail import invitation_token, mail_profile_invitation
from talentbridge.models import AuditEntry, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
Status = ProfileInvitation.Status


@pytest.fixture(autouse=True)
def _english():
    """The errors are matched in English (the portal's default language is Chinese)."""
    with translation.override("en"):
        yield


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every recipient (the address does not exist)."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.cn": (550, b"no such user")})


@pytest.fixture
def expert(make_mentor):
    """An imported expert on file: no account yet, held by the home office."""
    return make_mentor(name="林海峰", email="lin.haifeng@example.cn", title="院士")


@pytest.fixture
def invite(organizer, home_office, django_capture_on_commit_callbacks):
    def send(mentor, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return invite_to_claim_profile(home_office, mentor, actor=organizer, **kwargs)

    return send


def _token(invitation) -> str:
    return invitation_token(invitation)


def actions(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_an_invitation_is_e_mailed_with_its_link_and_audited(expert, invite, organizer):
    invitation = invite(expert)

    assert (invitation.status, invitation.email, invitation.sent_by) == (
        Status.PENDING,
        "lin.haifeng@example.cn",
        organizer,
    )
    [message] = mail.outbox
    assert message.to == ["lin.haifeng@example.cn"]
    assert "福建省引进人才服务中心" in message.subject
    assert invitation_url(invitation) in message.body
    assert "林海峰" in message.body
    invitation.refresh_from_db()
    assert invitation.emailed_at is not None
    assert actions(invitation) == ["mentors.profile_invitation.send"]


def test_resending_keeps_the_link_and_gives_it_a_fresh_expiry(expert, invite):
    first = invite(expert)
    ProfileInvitation.objects.filter(pk=first.pk).update(
        expires_at=timezone.now() + timedelta(days=1)
    )

    again = invite(expert)

    assert again.pk == first.pk
    assert _token(again) == _token(first)
    assert again.expires_at > timezone.now() + timedelta(days=10)
    assert len(mail.outbox) == 2
    assert actions(again) == [
        "mentors.profile_invitation.send",
        "mentors.profile_invitation.resend",
    ]


def test_the_mail_task_sends_once_per_request(expert, invite):
    invitation = invite(expert)

    assert mail_profile_invitation(invitation.pk) is False
    assert len(mail.outbox) == 1


def test_an_expired_link_is_replaced_and_stops_working(expert, invite):
    old = invite(expert)
    ProfileInvitation.objects.filter(pk=old.pk).update(expires_at=timezone.now())

    new = invite(expert)

    assert new.pk != old.pk
    old.refresh_from_db()
    assert old.status == Status.REVOKED
    with pytest.raises(InvitationError, match="replaced by a newer one"):
        invitation_for_token(_token(old))
    assert invitation_for_token(_token(new)) == new


def test_a_changed_address_gets_a_new_link(expert, invite):
    old = invite(expert)
    Mentor.objects.filter(pk=expert.pk).update(email="new@example.cn")

    new = invite(Mentor.objects.get(pk=expert.pk))

    assert (new.pk != old.pk, new.email) == (True, "new@example.cn")
    assert mail.outbox[-1].to == ["new@example.cn"]


def test_a_refused_address_marks_the_invitation_bounced(expert, invite, settings, home_office):
    settings.EMAIL_BACKEND = "tests.mentors.services.test_invitations.RefusingBackend"

    invitation = invite(expert)

    invitation.refresh_from_db()
    assert invitation.status == Status.BOUNCED
    assert actions(invitation)[-1] == "mentors.profile_invitation.bounce"
    assert held_experts(home_office).get().claim_status == ClaimStatus.BOUNCED
    # The link still works when handed over another way; sending again retries the address.
    assert invitation_for_token(_token(invitation)) == invitation
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    again = invite(expert)
    assert (again.pk, again.status, len(mail.outbox)) == (invitation.pk, Status.PENDING, 1)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("not_held", "not among the experts of this office"),
        ("joined", "has already joined"),
        ("no_email", "no e-mail address on file"),
    ],
)
def test_invitations_that_cannot_be_sent(make_mentor, invite, setup, message):
    mentor = {
        "not_held": lambda: make_mentor(held_by=None),
        "joined": lambda: make_mentor(user=UserFactory(is_mentor=True)),
        "no_email": lambda: make_mentor(email=""),
    }[setup]()

    with pytest.raises(InvitationError, match=message):
        invite(mentor)
    assert ProfileInvitation.objects.count() == 0


def test_a_link_for_the_sheet_needs_no_address_and_sends_nothing(make_mentor, invite):
    mentor = make_mentor(email="")

    invitation = invite(mentor, send=False)

    assert (invitation.email, invitation.email_requested_at, mail.outbox) == ("", None, [])


def test_bulk_invitations_leave_out_who_joined_or_has_no_address(
    make_mentor, organizer, home_office, django_capture_on_commit_callbacks
):
    waiting = make_mentor()
    joined = make_mentor(user=UserFactory(is_mentor=True))
    silent = make_mentor(email="")

    with django_capture_on_commit_callbacks(execute=True):
        result = invite_experts(home_office, [waiting, joined, silent], actor=organizer, send=True)

    assert [i.mentor for i in result.invitations] == [waiting]
    assert (result.joined, result.without_email) == ([joined], [silent])
    assert len(mail.outbox) == 1
    sheet = invite_experts(home_office, [waiting, joined, silent], actor=organizer, send=False)
    assert [i.mentor for i in sheet.invitations] == [waiting, silent]


def test_claiming_with_a_new_account_links_the_existing_profile(expert, invite, home_office):
    invitation = invite(expert)
    mentors_before = Mentor.objects.count()

    mentor = claim_profile(_token(invitation), password="Qinglan-relay-2026")

    user = User.objects.get(email="lin.haifeng@example.cn")
    assert (mentor.pk, mentor.user) == (expert.pk, user)
    assert Mentor.objects.count() == mentors_before
    assert (user.name, user.is_mentor, user.check_password("Qinglan-relay-2026")) == (
        "林海峰",
        True,
        True,
    )
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == (Status.ACCEPTED, user)
    assert actions(invitation)[-1] == "mentors.profile_invitation.accept"
    assert actions(mentor)[-1] == "mentors.mentor.claim"
    assert held_experts(home_office).get().claim_status == ClaimStatus.JOINED


def test_a_link_works_once(expert, invite):
    token = _token(invite(expert))
    claim_profile(token, password="Qinglan-relay-2026")

    with pytest.raises(InvitationError, match="already been used"):
        claim_profile(token, password="Qinglan-relay-2026")
    assert User.objects.filter(email="lin.haifeng@example.cn").count() == 1


def test_an_expired_link_is_refused(expert, invite):
    invitation = invite(expert)
    ProfileInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(InvitationError, match="has expired"):
        claim_profile(_token(invitation), password="Qinglan-relay-2026")
    assert Mentor.objects.get(pk=expert.pk).user is None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token[:20],
        lambda token: "x" + token,
        lambda token: "",
        lambda token: "WzEsIngiXQ:1abc:zzz",
    ],
)
def test_a_tampered_link_is_not_valid(expert, invite, tamper):
    token = _token(invite(expert))

    with pytest.raises(InvitationError, match="not valid"):
        claim_profile(tamper(token), password="Qinglan-relay-2026")
    assert Mentor.objects.get(pk=expert.pk).user is None


def test_a_link_whose_key_does_not_match_is_not_valid(expert, invite):
    invitation = invite(expert)
    forged = ProfileInvitation(pk=invitation.pk, key="guessed")

    with pytest.raises(InvitationError, match="not valid"):
        invitation_for_token(invitation_token(forged))


def test_an_existing_account_must_log_in_first(expert, invite):
    UserFactory(email="lin.haifeng@example.cn")
    token = _token(invite(expert))

    with pytest.raises(InvitationError, match="log in first, then open the link again"):
        claim_profile(token, password="Qinglan-relay-2026")


def test_the_invited_account_claims_while_logged_in(expert, invite):
    user = UserFactory(email="Lin.Haifeng@example.cn")
    token = _token(invite(expert))

    mentor = claim_profile(token, user=user)

    user.refresh_from_db()
    assert (mentor.user, user.is_mentor) == (user, True)


def test_another_account_cannot_claim_the_profile(expert, invite):
    stranger = UserFactory(email="someone.else@example.cn")
    token = _token(invite(expert))

    with pytest.raises(InvitationError, match=r"was sent to lin\.haifeng@example\.cn"):
        claim_profile(token, user=stranger)
    assert Mentor.objects.get(pk=expert.pk).user is None


def test_an_account_with_a_profile_does_not_take_a_second_one(make_mentor, invite):
    user = UserFactory(email="lin.haifeng@example.cn", is_mentor=True)
    make_mentor(user=user, email="other@example.cn")
    expert = make_mentor(email="lin.haifeng@example.cn")
    token = _token(invite(expert))

    with pytest.raises(InvitationError, match="already has an expert profile"):
        claim_profile(token, user=user)


def test_a_link_handed_out_without_address_asks_for_one(make_mentor, invite):
    expert = make_mentor(email="")
    token = _token(invite(expert, send=False))

    with pytest.raises(InvitationError, match="Enter your e-mail address"):
        claim_profile(token, password="Qinglan-relay-2026")
    mentor = claim_profile(token, email="Fang@Example.cn", password="Qinglan-relay-2026")

    assert (mentor.user.email, mentor.email) == ("fang@example.cn", "fang@example.cn")


def test_claiming_revokes_the_other_offices_links(
    expert, invite, other_office, organizer, django_capture_on_commit_callbacks
):
    hold_person(other_office, expert, source=Holding.Source.IMPORTED, actor=None)
    other = invite_to_claim_profile(other_office, expert, actor=organizer, send=False)
    claim_profile(_token(invite(expert)), password="Qinglan-relay-2026")

    other.refresh_from_db()
    assert other.status == Status.REVOKED
    with pytest.raises(InvitationError):
        invitation_for_token(_token(other))


def test_opening_is_recorded_once(expert, invite, home_office):
    invitation = invite(expert)

    open_profile_invitation(invitation, actor=None)
    first = ProfileInvitation.objects.get().opened_at
    open_profile_invitation(invitation_for_token(_token(invitation)), actor=None)

    assert ProfileInvitation.objects.get().opened_at == first
    assert actions(invitation).count("mentors.profile_invitation.open") == 1
    assert held_experts(home_office).get().claim_status == ClaimStatus.OPENED


def test_every_status_is_counted(make_mentor, invite, home_office, organizer):
    make_mentor()  # not invited
    make_mentor(user=UserFactory(is_mentor=True))  # joined on their own
    invite(make_mentor())  # invited
    open_profile_invitation(invite(make_mentor()), actor=None)  # opened
    expired = invite(make_mentor())
    ProfileInvitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    ProfileInvitation.objects.filter(pk=invite(make_mentor()).pk).update(status=Status.BOUNCED)

    assert claim_status_counts(home_office) == {
        "not_invited": 1,
        "invited": 1,
        "opened": 1,
        "joined": 1,
        "expired": 1,
        "bounced": 1,
    }
    assert held_experts(home_office, status="expired").get() == expired.mentor
    live = live_invitations(home_office, held_experts(home_office).values("pk"))
    assert live.count() == 3  # invited, opened, bounced: links still handed out by hand
